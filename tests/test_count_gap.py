""""Why is the council's count lower than the charity's?" is answered by a source's account of what a count covers:
"The council said its count included only homes empty for more than a year", "the union said the company's figure
left out agency workers" (round 14, `types14`). A question asking why two counts differ (`asks_why_counts_differ`)
takes an attributed sentence that says what a count includes, leaves out or counts only as its reason; a figure
alone, or a source's words about something else, is none. Rows: `tests/data/count_gap_table.jsonl` (written
before the code) and `tests/data/count_gap_holdout.jsonl` (run once, at the end of round 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.answer.answer_types import type_met
from newsdesk.answer.questions import analyse

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("row", _rows("count_gap_table.jsonl"), ids=lambda row: row["why"])
def test_what_a_count_covers_is_the_reason_two_counts_differ(row: dict) -> None:
    assert type_met(analyse(row["question"], []), row["sentence"], row["claimant"]) is row["gives"], row["why"]


@pytest.mark.parametrize("row", _rows("count_gap_holdout.jsonl"), ids=lambda row: row["why"])
def test_holdout_what_a_count_covers_is_the_reason_two_counts_differ(row: dict) -> None:
    assert type_met(analyse(row["question"], []), row["sentence"], row["claimant"]) is row["gives"], row["why"]
