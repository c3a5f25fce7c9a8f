"""Invented table (round 16, `recall16`), written before its code: the sentence right after the best one refuses the
question only when what it says was not given is of the kind asked (`answer_types.withheld_after` reads
`refuses_for`, the one rule of when a withheld fact refuses). "Who will lead the review?" is not refused by "The
ministry did not say when the review would report": a date was withheld, a name is asked (round 14's
`withholds_another_kind` held for the best sentence and the surest, not for the sentence after the best).

Rows: ``question``, ``best`` (the best sentence), ``after`` (the sentence after it), ``refuses``. The `_holdout` part
was run once, at the end: 1 of 2 (`MISSES`; the row fails on main too, for a reason this rule does not touch)."""

from __future__ import annotations

import pytest

from newsdesk.answer.answer_types import withheld_after
from newsdesk.answer.questions import analyse
from tables import tables

# Known misses, each with why.
MISSES = {
    "Why did the mill close?": "'closure' does not meet the question's 'close' (`same_word`), and the best sentence "
                               "says 'closed': no word ties the withheld reason to what is asked",
}


def _params(*names: str) -> list:
    """Each row as a param; a known miss (`MISSES`) marked a strict xfail, so that its fix shows as an XPASS failure."""
    return [
        pytest.param(name, row, marks=pytest.mark.xfail(strict=True, reason=MISSES[row["question"]]))
        if row["question"] in MISSES else pytest.param(name, row)
        for name, row in tables(*names)
    ]


@pytest.mark.parametrize(("table", "row"), _params("withheld_after16_table", "withheld_after16_holdout"),
                         ids=lambda value: value if isinstance(value, str) else value["kind"])
def test_the_sentence_after_the_best_refuses_only_for_a_fact_of_the_kind_asked(table: str, row: dict) -> None:
    assert withheld_after(analyse(row["question"], []), row["best"], row["after"]) is row["refuses"]
