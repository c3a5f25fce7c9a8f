"""Invented table (round 16, `recall16`), written before its code: the clauses an over-long or a filling sentence is
cut to (`composing.clause_run`) are a piece of what the sentence says about the question, never its dateline
("HARLOW BAY, Ostmark (NPA) — " names where the story was filed: a question naming the place met it and the answer
quoted "HARLOW BAY" alone), and nothing when no clause meets a word of the question (a piece about something else
only takes the room a sentence that answers would have had: "The ship [2]").

Rows: ``question``, ``text``, ``limit`` (the characters the piece may take), ``piece`` (a string the piece holds, or
null: no piece), ``never`` (a string it must not hold). The `_holdout` part was run once, at the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.answer.composing import clause_run
from newsdesk.answer.questions import analyse

DATA = Path(__file__).parent / "data"


def _rows(*tables: str) -> list[tuple[str, dict]]:
    return [
        (table, json.loads(line))
        for table in tables
        for line in (DATA / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize(("table", "row"), _rows("clause_cut16_table", "clause_cut16_holdout"),
                         ids=lambda value: value if isinstance(value, str) else value["kind"])
def test_a_sentence_is_cut_to_clauses_that_meet_the_question_never_to_its_dateline(table: str, row: dict) -> None:
    span = clause_run(row["text"], analyse(row["question"], []), row["limit"])
    if row["piece"] is None:
        assert span is None
        return
    assert span is not None
    piece = row["text"][span[0]:span[1]]
    assert row["piece"] in piece
    assert len(piece) <= row["limit"]
    if row["never"]:
        assert row["never"] not in piece
