"""A second source's count of what the first just counted is one disputed count, whatever verb each uses.

Invented articles (`tests/data/rival_counts17.jsonl`): each row holds a two-sentence article and two figures;
``grouped`` says whether a reader would take them as two sources' figures for one thing ("4,200 drivers had joined
the stoppage" / "only 1,300 drivers had stopped working") or as two counts (a workforce and its strikers, a crowd
and its arrests, killed and injured, aid and damage). The holdout file was written at the same time and read once,
after the rule.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsdesk.articles.corpus import Article
from newsdesk.claims.annotation import extract_claims
from newsdesk.claims.conflicts import find_disputes

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


def _grouped(row: dict) -> bool:
    article = Article(doc_id="rival.md", path=Path("rival.md"), title=row["title"], body=row["body"],
                      published=dt.date(2026, 3, 2))
    disputes = find_disputes(extract_claims(article))
    wanted = {float(v) for v in row["values"]}
    return any(wanted <= {c.value for c in dispute.claims} for dispute in disputes)


@pytest.mark.parametrize("row", _rows("rival_counts17.jsonl"), ids=lambda row: row["why"][:60])
def test_a_second_sources_count_of_the_same_thing_is_one_dispute(row: dict) -> None:
    assert _grouped(row) is row["grouped"], row["why"]


def holdout_score() -> tuple[int, int]:
    """Rows of the holdout the rule gets right (read once, after the rule; not a test)."""
    rows = _rows("rival_counts17_holdout.jsonl")
    return sum(_grouped(row) is row["grouped"] for row in rows), len(rows)
