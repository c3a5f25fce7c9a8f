"""Where answerable questions answered wrong had their right sentence: a table of counts by cause.

    PYTHONPATH=src python eval/choice_causes.py --store STORE --set eval/cases.jsonl --set eval/dev/cases.jsonl

For every answerable case the assistant answers (does not refuse) but not right (an `expect` or `claimants`
group missing, or a `forbid` string in the answer), the furthest stage a sentence that would answer it right
alone reached (composed as the answerer composes it: every expected group and claimant in the text, no
forbidden string): not among the retrieved passages, rejected by a pin, judged below the threshold, passed the
judge but failed the type check, passed everything but ranked below the chosen one, or chosen and still wrong
(cut, or the answer took another path). When no one sentence would do, whether two would (within the answer's
length): "two sentences needed". Answers given by the dispute or latest-figure path are counted apart.
Never pass the sealed test split.
"""

from __future__ import annotations

import sys
from itertools import combinations

from cause_table import candidate_stage, cause_table
from newsdesk.answer.answer_types import gives_the_answer
from newsdesk.answer.answers import Answer
from newsdesk.answer.composing import compose
from newsdesk.answer.latest_figure import asks_latest
from newsdesk.answer.verification import MARKER
from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import CONCISE_CHARS, Case, contains, group_found


def _right(text: str, case) -> bool:
    return (all(group_found(text, g) for g in case.expect) and all(group_found(text, g) for g in case.claimants)
            and not any(contains(text, f) for f in case.forbid) and len(MARKER.sub("", text)) <= CONCISE_CHARS)


def _ranking(assistant: Assistant, question, candidates, right, chosen) -> str:
    """Where the right sentence stood among the typed passing sentences, against the first chosen one."""
    answerer = assistant.answerer
    typed = sorted((c for c in candidates if candidate_stage(question, c) == 3), key=answerer._order)
    first = chosen[0] if chosen else typed[0]
    gap = answerer._strength(first) - answerer._strength(right)
    return (f"place {typed.index(right) + 1} of {len(typed)}, {len(chosen)} chosen, rank gap {gap:.2f}, "
            f"confidence {right.confidence:.2f} vs {first.confidence or 0:.2f}, "
            f"{'same article' if right.metadata['doc_id'] == first.metadata['doc_id'] else 'other article'}, "
            f"gives {gives_the_answer(question, right.text, right.claimant)} vs {gives_the_answer(question, first.text, first.claimant)}, "
            f"kind {question.kind}")


def cause(assistant: Assistant, case, answer) -> tuple[str, str]:
    """(cause, detail) for one answerable case answered but not right."""
    retrieved = assistant.evidence(Request(case.question, history=tuple(case.history)))
    question, evidence = retrieved.question, retrieved.evidence
    candidates = assistant.answerer.judge(question, evidence.passages)
    limit = assistant.settings.max_answer_chars
    cited = {(c.doc_id, c.start) for c in answer.citations}
    chosen = [c for c in candidates if any(d == c.metadata["doc_id"] and c.start <= s < c.end for d, s in cited)]
    right = [c for c in candidates if _right(compose([c], question, limit)[0], case)]
    if right:
        best = max(right, key=lambda c: (candidate_stage(question, c), c.confidence or 0.0))
        level = candidate_stage(question, best)
        if best in chosen:
            return "chosen, still wrong (cut, or another sentence added a forbidden string)", ""
        if level == 0:
            return f"pinned out ({best.pin})", best.rejected or ""
        if level == 1:
            return "judged out", f"{best.confidence:.2f}"
        if level == 2:
            return "type check or withheld", question.kind
        return "passing, ranked below", _ranking(assistant, question, candidates, best, chosen)
    groups = [*case.expect, *case.claimants]
    found = {id(c): {i for i, g in enumerate(groups) if group_found(compose([c], question, limit)[0], g)} for c in candidates}
    useful = [c for c in candidates if found[id(c)]]
    for a, b in combinations(useful, 2):
        if len(found[id(a)] | found[id(b)]) == len(groups) and _right(compose([a, b], question, limit)[0], case):
            worst = min(candidate_stage(question, a), candidate_stage(question, b))
            with_chosen = a in chosen or b in chosen
            return "two sentences needed", f"weaker stage {worst}{', one chosen' if with_chosen else ''}"
    held = all(any(e in p.page_content for p in evidence.passages) for e in case.evidence) if case.evidence else False
    return ("no sentence or pair holds it (evidence retrieved)" if held else "not retrieved"), ""


def _cause_on_its_path(assistant: Assistant, case: Case, answer: Answer) -> tuple[str, str]:
    """`cause`, marked with the answer's path when it was a dispute or a latest figure."""
    kind, detail = cause(assistant, case, answer)
    path = "dispute" if answer.disputes else "latest" if asks_latest(case.question) else ""
    return (f"{kind} [{path}]" if path else kind), detail


def main() -> int:
    return cause_table(__doc__.splitlines()[0], "answered wrong",
                       lambda case, answer: not answer.refused and not _right(answer.answer, case), _cause_on_its_path)


if __name__ == "__main__":
    sys.exit(main())
