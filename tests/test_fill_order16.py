"""Invented table (round 16, `recall16`), written before its code: the room an answer has left after its best
sentence and its second goes first to the best sentence's own article (`candidates.own_article_first`), in the
ranker's order, and only then to other articles. On develop the sentence that answers was judged just under the
threshold in the best one's article while another outlet's lead, restating the story, took the room ("Who runs the
museum that was robbed?": three outlets' leads, and the director's sentence of the best one's article left out).

Rows: ``best`` and ``ranked`` sentences (``doc``, ``text``), and the ``order`` the fill reads them in. The
`_holdout` part was run once, at the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.answer.candidates import Candidate, own_article_first

DATA = Path(__file__).parent / "data"


def _rows(*tables: str) -> list[tuple[str, dict]]:
    return [
        (table, json.loads(line))
        for table in tables
        for line in (DATA / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _sentence(row: dict, start: int) -> Candidate:
    return Candidate(text=row["text"], start=start, end=start + len(row["text"]), metadata={"doc_id": row["doc"]},
                     context=row["text"], claimant=None, relay=None, rank=1)


@pytest.mark.parametrize(("table", "row"), _rows("fill_order16_table", "fill_order16_holdout"),
                         ids=lambda value: value if isinstance(value, str) else value["story"])
def test_the_room_left_goes_to_the_best_sentences_article_first(table: str, row: dict) -> None:
    best = _sentence(row["best"], 0)
    ranked = [_sentence(other, 1000 * (i + 1)) for i, other in enumerate(row["ranked"])]
    assert [c.text for c in own_article_first(best, ranked)] == row["order"]
