"""Where answerable questions are refused: a table of counts by cause.

    PYTHONPATH=src python eval/refusal_causes.py --store STORE --set eval/cases.jsonl --set eval/dev/cases.jsonl

For every answerable case the assistant refuses, the furthest stage a sentence that would answer it right
(alone, composed as the answerer composes it: every expected group and claimant in the text) reached:
no such sentence among the retrieved passages (evidence retrieved or not), rejected by a pin (`answer/pins.py`,
by the kind of pin), judged below the threshold, passed the judge but failed the type check or says the fact
was withheld, or passed everything and was still refused (another sentence said it was withheld).
Never pass the sealed test split.
"""

from __future__ import annotations

import sys

from cause_table import candidate_stage, cause_table
from newsdesk.answer.answer_types import withholds_answer
from newsdesk.answer.composing import compose
from newsdesk.answer.questions import entity_met
from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import group_found
from newsdesk.vocabulary import MONTHS

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


def main() -> int:
    return cause_table(__doc__.splitlines()[0], "refused answerable", lambda case, answer: answer.refused,
                       lambda assistant, case, answer: cause(assistant, case))


if __name__ == "__main__":
    sys.exit(main())
