"""Where an answer needs two sentences: a table of counts by pattern.

    PYTHONPATH=src python eval/twosent_causes.py --store STORE --set eval/dev/cases.jsonl [--cases]

For every answerable case the assistant refuses or answers without every expected group, what the retrieved
sentences hold (each composed alone or as a pair, as the answerer composes them):
- one sentence holds every expected group, the judge or a pin turned it down, it refers back (a pronoun, "this",
  "there", or none of the question's names) and the sentence before it says a name or word of the question it
  does not: "refers back: judged or pinned without its antecedent";
- one sentence holds every group otherwise: "one sentence: <the furthest stage it reached>" (no two-sentence matter);
- no sentence holds every group but two of one passage do (right after each other, or apart within the passage):
  "pair: two-part question" when the question has parts (`Question.parts`), "pair: two sources' figures" when the
  two have different claimants (a dispute's sides), "pair: the second refers back", else "pair: groups split";
- no two do: "no pair" (evidence retrieved or not).
The detail says whether the answer refused or missed a group, whether the pair's sentences follow each other and
whether the answer quoted one of them.
Never pass the sealed test split.
"""

from __future__ import annotations

import sys

from cause_table import candidate_stage, cause_table
from newsdesk.answer.candidates import Candidate, follows, same_article
from newsdesk.answer.composing import compose
from newsdesk.answer.questions import entity_met
from newsdesk.assistant import Assistant, Request
from newsdesk.claims.attribution import same_claimant
from newsdesk.evaluation.scoring import group_found
from newsdesk.text import stem, tokens
from newsdesk.vocabulary import REFERRING_WORDS


def _holds(question, chosen: list[Candidate], case) -> bool:
    text, _ = compose(chosen, question, 10_000)
    return all(group_found(text, g) for g in case.expect)


def _missed(question, text: str) -> set[str]:
    """The question's names and common words ``text`` does not say (by stem)."""
    said = {stem(w.text) for w in tokens(text)}
    wanted = {t.stem for t in question.common_terms} | {stem(w) for e in question.entities for w in e}
    return {w for w in wanted if w not in said}


def refers_back(question, text: str) -> bool:
    """A pronoun or "this", "there", or none of the question's names though it asks some."""
    words = tokens(text)
    return (any(w.lower in REFERRING_WORDS for w in words)
            or (bool(question.entities) and not any(entity_met(e, text) for e in question.entities)))


def _stage_name(question, candidate: Candidate) -> str:
    return {0: f"pin {candidate.pin}", 1: "judge", 2: "type or withheld", 3: "passed"}[candidate_stage(question, candidate)]


def cause(assistant: Assistant, case, answer) -> tuple[str, str]:
    retrieved = assistant.evidence(Request(case.question, history=tuple(case.history)))
    question, evidence = retrieved.question, retrieved.evidence
    if evidence.disputes:
        return "dispute path", ""
    candidates = assistant.answerer.judge(question, evidence.passages)
    state = "refused" if answer.refused else "answered, group missing"
    quoted = {(c.doc_id, c.start) for c in answer.citations}
    singles = [c for c in candidates if _holds(question, [c], case)]
    if singles:
        single = max(singles, key=lambda c: (candidate_stage(question, c), c.confidence or 0.0))
        stage = candidate_stage(question, single)
        before = next((c for c in candidates if follows(c, single)), None)
        if stage < 2 and before is not None and refers_back(question, single.text) \
                and _missed(question, single.text) - _missed(question, before.text):
            return "refers back: judged or pinned without its antecedent", f"{state}; {_stage_name(question, single)}"
        return f"one sentence: {_stage_name(question, single)}", state
    pairs = [(a, b) for a in candidates for b in candidates
             if a is not b and same_article(a, b) and a.start < b.start and a.passage == b.passage]
    for first, second in pairs:
        if _holds(question, [first, second], case):
            adjacent = "adjacent" if follows(first, second) else "same passage"
            one_quoted = any((str(c.metadata.get("doc_id")), c.start) in quoted for c in (first, second))
            if question.parts:
                pattern = "pair: two-part question"
            elif first.claimant and second.claimant and not same_claimant(first.claimant, second.claimant):
                pattern = "pair: two sources' figures"
            elif adjacent == "adjacent" and refers_back(question, second.text):
                pattern = "pair: the second refers back"
            else:
                pattern = "pair: groups split"
            return pattern, f"{state}; {adjacent}; {'one quoted' if one_quoted else 'neither quoted'}"
    held = all(any(e in p.page_content for p in evidence.passages) for e in case.evidence) if case.evidence else False
    return ("no pair (evidence retrieved)" if held else "no pair (evidence not retrieved)"), state


def main() -> int:
    return cause_table(__doc__.splitlines()[0], "refused or missing a group",
                       lambda case, answer: answer.refused or not all(group_found(answer.answer, g) for g in case.expect),
                       cause)


if __name__ == "__main__":
    sys.exit(main())
