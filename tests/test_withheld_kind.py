"""A sentence that says a fact was not given refuses only the question that asks for that kind of fact.

"The captain was not named" withholds a name, not the date a "when" question asks; "did not say how much it would
cost" withholds an amount, not the chair a "who" question asks, who may be named in the same sentence. What a
withheld clause withholds is read by the kind of answer its words name (a count or amount, a date, a name, a
reason, a place: `vocabulary.WITHHELD_KIND_PATTERNS`); where it names none of them ("did not disclose the fee",
"whether") or names the kind the question asks (its kind, or the kinds its own words name: "which", "value"), it
withholds the answer as before. Rows: `tests/data/withheld_kind_table.jsonl` (written before the code) and its
holdout `tests/data/withheld_kind_holdout.jsonl` (run once, at the end of round 14)."""

from __future__ import annotations

import pytest

from newsdesk.answer.answer_types import refuses_for
from newsdesk.answer.questions import analyse
from tables import table


@pytest.mark.parametrize("row", table("withheld_kind_table"), ids=lambda row: row["question"])
def test_a_withheld_fact_refuses_only_its_own_kind(row: dict) -> None:
    assert refuses_for(analyse(row["question"], []), row["sentence"]) is row["withholds"], row["why"]


@pytest.mark.parametrize("row", table("withheld_kind_holdout"), ids=lambda row: row["question"])
def test_holdout_a_withheld_fact_refuses_only_its_own_kind(row: dict) -> None:
    assert refuses_for(analyse(row["question"], []), row["sentence"]) is row["withholds"], row["why"]


@pytest.mark.parametrize("row", table("withheld_kind_table") + table("withheld_kind_holdout"),
                         ids=lambda row: row["question"])
def test_refusing_is_withholding_the_answer_and_nothing_of_another_kind(row: dict) -> None:
    """Round 16 (`clean16`): `refuses_for` reads the withheld marker once; it is still its definition (round 16
    review, `fixa16`: `withholds_another_kind` is gone, its rule is `_of_another_kind` given the marker)."""
    from newsdesk.answer.answer_types import _UNDISCLOSED, _of_another_kind, withholds_answer

    question = analyse(row["question"], [])
    marker = _UNDISCLOSED.search(row["sentence"])
    expected = withholds_answer(question, row["sentence"]) and not _of_another_kind(question, row["sentence"], marker)
    assert refuses_for(question, row["sentence"]) is expected
