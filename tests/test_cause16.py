"""Invented table (round 16, `recall16`), written before its code: a question asking what caused something ("What
caused ...?", "What sparked ...?", `vocabulary.CAUSE_QUESTION_PATTERN`) is of kind "other", yet a sentence gives
its answer only when it states a reason (`answer_types.gives_the_answer`, as for "why"), so that the answerer
prefers, among sentences nearly as likely, the one that says why over the lead that restates what happened. A
question that asks no cause is unchanged.

Rows: ``question``, ``text``, ``gives``. The `_holdout` part was run once, at the end."""

from __future__ import annotations

import pytest

from newsdesk.answer.answer_types import gives_the_answer
from newsdesk.answer.questions import analyse
from tables import tables




@pytest.mark.parametrize(("table", "row"), tables("cause16_table", "cause16_holdout"),
                         ids=lambda value: value if isinstance(value, str) else value["text"][:40])
def test_a_cause_asked_is_given_by_a_sentence_that_states_a_reason(table: str, row: dict) -> None:
    assert gives_the_answer(analyse(row["question"], []), row["text"], None) is row["gives"]
