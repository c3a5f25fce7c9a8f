"""Invented tables of what a sentence must say to give the kind of answer a question asks (`answer_types.type_met`),
each written before its code, with a holdout part run once at the end of its round (round 14, `types14`).

- **The owner of a role is not part of the role** (`role_owner_*.jsonl`): "Who is the harbour board's chief
  engineer?" asks for the chief engineer; the harbour board is whose engineer, and a story says "Chief engineer Ilsa
  Morrand said" or "its chief engineer" once it has named the board. The words of the role a sentence must say beside
  the name are those after the owner's possessive; the owner is a pin of its own.
- **What a count covers is the reason two counts differ** (`count_gap_*.jsonl`): "Why is the council's count lower
  than the charity's?" is answered by a source's account of what a count covers, "The council said its count
  included only homes empty for more than a year", "the union said the company's figure left out agency workers"
  (`asks_why_counts_differ`); a figure alone, or a source's words about something else, is none.
- **An amount in any currency, a change by a share** (`amount15_*.jsonl`, round 15, `recall15`): "How much will
  it cost?" is answered by the figure a verb of costing or valuing takes ("would cost about 14 million florins",
  "was fined a total of 82,000 Estrelline marks"), whatever its currency is called, but a duration or a distance
  it takes is no amount; "By how much are fares rising?", "How much have bills gone up?" ask a change, which a share
  answers ("by 8 percent").
- **What a cost is counted in** (`costed16_*.jsonl`, round 16, `clean16`): a word of costing takes money in a
  currency that a scale ("40 million quellers") or a name ("Varrish marks") goes with, or that is an uncommon word
  ("16,000 drennets"); a common noun after a bare figure is what was lost ("could cost 240 jobs"), and "Price" in a
  name is no word of costing."""

from __future__ import annotations

import pytest

from newsdesk.answer.answer_types import type_met
from newsdesk.answer.questions import analyse
from tables import tables

TABLES = ["role_owner_table", "role_owner_holdout", "count_gap_table", "count_gap_holdout", "amount15_table", "amount15_holdout",
          "costed16_table", "costed16_holdout"]


@pytest.mark.parametrize(("table", "row"), tables(*TABLES), ids=lambda value: value if isinstance(value, str) else value["why"])
def test_the_sentence_gives_the_kind_of_answer_asked_or_not(table: str, row: dict) -> None:
    assert type_met(analyse(row["question"], []), row["sentence"], row["claimant"]) is row["gives"], row["why"]
