"""The frame the cause-counting scripts share (`refusal_causes.py`, `choice_causes.py`): ask every answerable case
of the dev sets given, keep the answers a script looks at, ask the script why each went wrong, and print the counts
as a Markdown table (and with ``--cases`` every case as a JSON line). Never reads the sealed test split."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from newsdesk.answer.answer_types import type_met, withholds_answer
from newsdesk.answer.answers import Answer
from newsdesk.answer.candidates import Candidate
from newsdesk.answer.questions import Question
from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import Case, load_cases
from newsdesk.evaluation.splits import refuse_sealed
from newsdesk.settings import load_settings

# (cause, detail) of one case's answer.
Cause = Callable[[Assistant, Case, Answer], tuple[str, str]]


def candidate_stage(question: Question, candidate: Candidate) -> int:
    """How far a candidate sentence got in the answerer: 0 rejected by a pin, 1 by the judge, 2 by the answer type
    or as saying the fact was withheld, 3 through every check."""
    if candidate.features is None:
        return 0
    if candidate.rejected is not None:
        return 1
    if not type_met(question, candidate.text, candidate.claimant) or withholds_answer(question, candidate.text):
        return 2
    return 3


def diagnostic_parser(description: str, looked_at: str) -> argparse.ArgumentParser:
    """The options every cause-counting script takes: ``--store``, ``--set`` (repeatable) and ``--cases``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--cases", action="store_true", help=f"print every case {looked_at}, with its cause")
    return parser


def dev_assistant(args: argparse.Namespace) -> Assistant | None:
    """The assistant over ``--store``; None (after saying why) when a ``--set`` is the sealed split."""
    if refuse_sealed(args.sets):
        return None
    return Assistant(load_settings(store=args.store))


def print_counts(counts: Counter[str], rows: list[dict], column: str, header: str, show_cases: bool) -> None:
    """The counts as a Markdown table under ``column`` (most first), then every row as a JSON line if asked."""
    print(f"| {column} | {header} |\n|---|---|")
    for kind, n in counts.most_common():
        print(f"| {kind} | {n} |")
    if show_cases:
        for row in rows:
            print(json.dumps(row))


def cause_table(description: str, looked_at: str, keep: Callable[[Case, Answer], bool], cause: Cause,
                answerable: bool = True, argv: list[str] | None = None) -> int:
    """Parse ``--store``, ``--set`` (repeatable) and ``--cases``, then count the causes of the answers ``keep``
    selects among the answerable cases (the unanswerable ones with ``answerable=False``; ``looked_at`` names them in
    the table). 1 if a set is the sealed split."""
    args = diagnostic_parser(description, looked_at).parse_args(argv)
    assistant = dev_assistant(args)
    if assistant is None:
        return 1
    counts: Counter[str] = Counter()
    asked = 0
    rows = []
    for case in (c for path in args.sets for c in load_cases(path) if c.answerable == answerable):
        asked += 1
        answer = assistant.ask(Request(case.question, history=tuple(case.history)))
        if not keep(case, answer):
            continue
        kind, detail = cause(assistant, case, answer)
        counts[kind] += 1
        rows.append({"id": case.id, "question": case.question, "cause": kind, "detail": detail, "answer": answer.answer})
    total = sum(counts.values())
    print(f"{'answerable' if answerable else 'unanswerable'} {asked}, {looked_at} {total} ({total / max(1, asked):.3f})")
    print_counts(counts, rows, "cause", looked_at, args.cases)
    return 0
