"""Where answerable questions are refused: a table of counts by cause.

    PYTHONPATH=src python eval/refusal_causes.py --store STORE --set eval/cases.jsonl --set eval/dev/cases.jsonl

For every answerable case the assistant refuses, the furthest stage a sentence that would answer it right
(alone, composed as the answerer composes it: every expected group and claimant in the text) reached:
no such sentence among the retrieved passages (evidence retrieved or not), rejected by a pin (`answer/pins.py`,
by the kind of pin), judged below the threshold, passed the judge but failed the type check or says the fact
was withheld, or passed everything and was still refused (another sentence said it was withheld).

    PYTHONPATH=src python eval/refusal_causes.py --answered --store STORE --set eval/dev7/cases.jsonl
    PYTHONPATH=src python eval/refusal_causes.py --answered --results EVAL.json --set eval/dev7/cases.jsonl

With ``--answered`` it counts the other error instead: every unanswerable case the assistant answers, by what the
question asks that the cited sentences do not meet (round 11, `refuse11`): the article says the fact is withheld in
words `says_not_known` does not read; a reason asked ("why"); else the first question word the quotes do not meet
by word, lemma or WordNet link, by its part: a number or year, a month, weekday or relative period, a name, a group
of people, a role, a restrictive modifier of the asked thing (a word before a noun of the question), a verb (the
event or premise), another noun; or every word met (a premise or a withheld fact in other words).
Never pass the sealed test split.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from cause_table import candidate_stage, cause_table
from newsdesk.answer.answer_types import says_not_known, withholds_answer
from newsdesk.answer.questions import analyse
from newsdesk.answer.synonyms import LINKS, relation
from newsdesk.text import is_a_noun, only_a_verb, participle_lemma, same_word, tokens
from newsdesk.answer.composing import compose
from newsdesk.answer.questions import entity_met
from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import group_found, load_cases
from newsdesk.evaluation.splits import refuse_sealed
from newsdesk.vocabulary import CALENDAR_WORDS, MONTHS, PEOPLE_GROUPS, PERSON_NOUNS, ROLE_WORDS, STOPWORDS

def cause(assistant: Assistant, case) -> tuple[str, str]:
    """(cause, detail) for one refused answerable case."""
    retrieved = assistant.evidence(Request(case.question, history=tuple(case.history)))
    question, evidence = retrieved.question, retrieved.evidence
    if evidence.disputes:
        return "dispute path", ""
    candidates = assistant.answerer.judge(question, evidence.passages)
    right = []
    for candidate in candidates:
        text, _ = compose([candidate], question, assistant.settings.max_answer_chars)
        if all(group_found(text, g) for g in case.expect) and all(group_found(text, g) for g in case.claimants):
            right.append(candidate)
    if not right:
        held = all(any(e in p.page_content for p in evidence.passages) for e in case.evidence) if case.evidence else False
        return ("no single sentence answers (evidence retrieved)" if held else "evidence not retrieved"), ""
    best = max(right, key=lambda c: (candidate_stage(question, c), c.confidence or 0.0))
    level = candidate_stage(question, best)
    if level == 0:
        kind = f"pin: {best.pin}"
        if best.pin == "name":
            kind = f"{kind} ({_where_the_name_is(question, best)})"
        return kind, best.rejected or ""
    if level == 1:
        return "judge below threshold", f"{best.confidence:.2f}"
    if level == 2:
        return ("says withheld" if withholds_answer(question, best.text) else "type check"), question.kind
    return "passed, refused elsewhere (withheld sentence chosen)", ""


def _where_the_name_is(question, candidate) -> str:
    """Where the name a name pin missed stands: a month, elsewhere in the retrieved passage, or not there."""
    missing = next((e for e in question.entities if not entity_met(e, candidate.context)), ())
    if len(missing) == 1 and missing[0].lower() in MONTHS:
        return "a month"
    if missing and entity_met(missing, candidate.passage):
        return "in the passage, not the sentence or its neighbours"
    return "not in the passage"


# Words that say a fact was not given in any phrasing: an evidence sentence holding one that `says_not_known` does
# not read is a "withheld" sentence the answerer missed.
_NEGATION = frozenset("not no n't never neither nor without declined refused unnamed undisclosed withheld".split())
_QUESTION_WORDS = frozenset("what which who whom whose when where why how".split())
_PERIOD_WORDS = frozenset("year years month months week weeks last next previous ago season quarter".split())


def answered_cause(case, answer) -> tuple[str, str]:
    """(cause, detail) for one answered unanswerable case: what the question asks that the quotes do not meet."""
    for evidence in case.evidence:
        words = {w.lower for w in tokens(evidence)} | ({"n't"} if "n't" in evidence else set())
        if words & _NEGATION and not says_not_known(evidence):
            return "article says withheld, not read as such", evidence[:90]
    question = analyse(case.question, list(case.history))
    if question.kind == "reason":
        return "why: reason asked", ""
    quoted = " ".join(c.quote for c in answer.citations) or answer.answer
    said = [w.text for w in tokens(quoted)]
    asked = tokens(case.question)
    for rank, (kind, word) in sorted(_unmet_words(asked, said)):
        return kind, word
    if question.kind == "agent":
        return "every word met, a name asked", ""
    return "every word met", question.kind


_RANK = ["number or year", "month, weekday or period", "name", "group of people", "role",
         "modifier of the asked thing", "verb (event or premise)", "other noun or word"]


def _unmet_words(asked, said: list[str]):
    """(rank, (kind, word)) of every content word of the question that no quoted word meets by word, lemma or
    WordNet link."""
    for index, token in enumerate(asked):
        word = token.lower
        if word in STOPWORDS or word in _QUESTION_WORDS or len(word) < 3 and not word.isdigit():
            continue
        if any(same_word(token.text, w) or relation(token.text, w) in LINKS for w in said):
            continue
        following = asked[index + 1] if index + 1 < len(asked) else None
        if token.text[0].isdigit():
            kind = "number or year"
        elif word in CALENDAR_WORDS or word in _PERIOD_WORDS:
            kind = "month, weekday or period"
        elif token.text[0].isupper() and index > 0:
            kind = "name"
        elif any(word in group for group in PEOPLE_GROUPS):
            kind = "group of people"
        elif word in ROLE_WORDS:
            kind = "role"
        elif following is not None and following.lower not in STOPWORDS and is_a_noun(following.text) \
                and not only_a_verb(token.text):
            kind = "modifier of the asked thing"
        elif only_a_verb(token.text) or participle_lemma(token.text) is not None:
            kind = "verb (event or premise)"
        else:
            kind = "other noun or word"
        yield _RANK.index(kind), (kind, token.text)


def answered_from_results(results: Path, sets: list[Path], show: bool) -> int:
    """The ``--answered`` table from a saved ``newsdesk eval --json`` run (``--results``) instead of asking again."""
    if refuse_sealed(sets):
        return 1
    cases = {c.id: c for path in sets for c in load_cases(path)}
    counts: Counter[str] = Counter()
    asked = 0
    rows = []
    for run in json.loads(results.read_text(encoding="utf-8"))["sets"].values():
        for result in run["results"]:
            case = cases.get(result["id"])
            if case is None or case.answerable:
                continue
            asked += 1
            if result["refused"]:
                continue
            answer = result["answer"]
            kind, detail = answered_cause(case, _Quoted(answer["answer"], [_Quote(c["quote"]) for c in answer["citations"]]))
            counts[kind] += 1
            rows.append({"id": case.id, "question": case.question, "cause": kind, "detail": detail,
                         "answer": answer["answer"]})
    total = sum(counts.values())
    print(f"unanswerable {asked}, answered unanswerable {total} ({total / max(1, asked):.3f})")
    print("| cause | answered unanswerable |\n|---|---|")
    for kind, n in counts.most_common():
        print(f"| {kind} | {n} |")
    if show:
        for row in rows:
            print(json.dumps(row))
    return 0


class _Quote(NamedTuple):
    quote: str


class _Quoted(NamedTuple):
    answer: str
    citations: list[_Quote]


def main() -> int:
    if "--results" in sys.argv:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--answered", action="store_true", required=True)
        parser.add_argument("--results", type=Path, required=True)
        parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
        parser.add_argument("--cases", action="store_true")
        args = parser.parse_args()
        return answered_from_results(args.results, args.sets, args.cases)
    if "--answered" in sys.argv:
        argv = [a for a in sys.argv[1:] if a != "--answered"]
        return cause_table(__doc__.splitlines()[0], "answered unanswerable", lambda case, answer: not answer.refused,
                           lambda assistant, case, answer: answered_cause(case, answer), answerable=False, argv=argv)
    return cause_table(__doc__.splitlines()[0], "refused answerable", lambda case, answer: answer.refused,
                       lambda assistant, case, answer: cause(assistant, case))


if __name__ == "__main__":
    sys.exit(main())
