"""Invented table (round 15, `recall15`), written before its code: a question that asks for a time of day ("what
time did ...?") is a date question whose answer is a clock time ("at about 6:40 a.m.", "shortly after midnight"),
which the date pin before the judge must not turn down for giving no weekday, month or year
(`answer_types.gives_a_date_asked`, the definition the pin and the answer-type check share). A "when" question
still asks for a date; a duration is no clock time. `clock_time_holdout.jsonl` was run once, at the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.answer.answer_types import gives_a_date_asked
from newsdesk.answer.questions import analyse

DATA = Path(__file__).parent / "data"
TABLES = ["clock_time_table", "clock_time_holdout"]


def _rows() -> list[tuple[str, dict]]:
    return [
        (table, json.loads(line))
        for table in TABLES
        for line in (DATA / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize(("table", "row"), _rows(), ids=lambda value: value if isinstance(value, str) else value["why"])
def test_a_date_question_is_answered_by_a_date_or_the_time_it_asks(table: str, row: dict) -> None:
    question = analyse(row["question"], [])
    assert question.kind == "date"
    assert gives_a_date_asked(question, row["sentence"]) is row["gives"], row["why"]
