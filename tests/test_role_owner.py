""""Who is the harbour board's chief engineer?" asks for the chief engineer; the harbour board is whose engineer,
not part of the role, and a story says "Chief engineer Ilsa Morrand said" or "its chief engineer" once it has named
the board (round 14, `types14`). The words of the role a sentence must say beside the name are those after the
owner's possessive; the owner is a pin of its own. Rows: `tests/data/role_owner_table.jsonl` (written before the
code) and `tests/data/role_owner_holdout.jsonl` (run once, at the end of round 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.answer.answer_types import type_met
from newsdesk.answer.questions import analyse

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("row", _rows("role_owner_table.jsonl"), ids=lambda row: row["why"])
def test_the_owner_of_the_role_asked_need_not_be_said_beside_the_name(row: dict) -> None:
    assert type_met(analyse(row["question"], []), row["sentence"], row["claimant"]) is row["gives"], row["why"]


@pytest.mark.parametrize("row", _rows("role_owner_holdout.jsonl"), ids=lambda row: row["why"])
def test_holdout_the_owner_of_the_role_asked_need_not_be_said_beside_the_name(row: dict) -> None:
    assert type_met(analyse(row["question"], []), row["sentence"], row["claimant"]) is row["gives"], row["why"]
