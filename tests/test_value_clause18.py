"""Invented table (round 18, `clause18`), written before its code: the clauses a long sentence is cut to
(`composing.clause_run`) hold a value of the kind the question asks for (a figure, a date, a name, a reason:
`composing.holds_the_kind`) before they meet the most of its words. "The sea wall at Wendmouth," meets three words
of "How much will the repairs to the Wendmouth sea wall cost?" and says nothing of the cost; "and the work is
expected to cost about 3.8 million pounds" answers. A question asking no kind keeps the clauses meeting its words.

Rows as in `clause_cut16_table`: ``question``, ``text``, ``limit``, ``piece`` (a string the piece holds), ``never``
(a string it must not hold). The `_holdout` part was run once, at the end."""

from __future__ import annotations

import pytest

from newsdesk.answer.composing import clause_run
from newsdesk.answer.questions import analyse
from tables import tables


@pytest.mark.parametrize(("table", "row"), tables("value_clause18_table", "value_clause18_holdout"),
                         ids=lambda value: value if isinstance(value, str) else value["kind"])
def test_a_long_sentence_is_cut_to_the_clauses_holding_the_value_asked(table: str, row: dict) -> None:
    span = clause_run(row["text"], analyse(row["question"], []), row["limit"])
    assert span is not None
    piece = row["text"][span[0]:span[1]]
    assert row["piece"] in piece, piece
    assert len(piece) <= row["limit"]
    if row["never"]:
        assert row["never"] not in piece, piece
