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

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from newsdesk.answer.answer_types import type_met, withholds_answer
from newsdesk.answer.composing import compose
from newsdesk.answer.questions import entity_met
from newsdesk.assistant import Assistant, Request
from newsdesk.vocabulary import MONTHS
from newsdesk.evaluation.scoring import group_found, load_cases
from newsdesk.evaluation.splits import sealed
from newsdesk.settings import load_settings

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
    def stage(c) -> int:
        if c.features is None:
            return 0
        if c.rejected is not None:
            return 1
        if not type_met(question, c.text, c.claimant) or withholds_answer(question, c.text):
            return 2
        return 3
    best = max(right, key=lambda c: (stage(c), c.confidence or 0.0))
    level = stage(best)
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--cases", action="store_true", help="print every refused case with its cause")
    args = parser.parse_args()
    if sealed(args.sets):
        print("refusing to read the sealed test split", file=sys.stderr)
        return 1
    assistant = Assistant(load_settings(store=args.store))
    counts: Counter[str] = Counter()
    answerable = 0
    rows = []
    for case in (c for path in args.sets for c in load_cases(path)):
        if not case.answerable:
            continue
        answerable += 1
        answer = assistant.ask(Request(case.question, history=tuple(case.history)))
        if not answer.refused:
            continue
        kind, detail = cause(assistant, case)
        counts[kind] += 1
        rows.append({"id": case.id, "question": case.question, "cause": kind, "detail": detail})
    total = sum(counts.values())
    print(f"answerable {answerable}, refused {total} ({total / max(1, answerable):.3f})")
    print("| cause | refused answerable |\n|---|---|")
    for kind, n in counts.most_common():
        print(f"| {kind} | {n} |")
    if args.cases:
        for row in rows:
            print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
