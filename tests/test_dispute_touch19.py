"""Which figure dispute a question touches when its words are not the claims' own (`conflicts.touches`, round 19),
specified by invented articles and questions (`tests/data/dispute_touch19.jsonl`). The event a question names
meets a claim's event of the same class, as rival counts are grouped ("displaced" / "evacuated", "turned up" /
"took part", "protested" / "gathered"). Another event, or words the claims and headline do not say, still keep the
dispute out; words said only by the passage around the claims ("Thousands marched ... against the new bridge tolls.
Police put the crowd at about 6,000.") are a known miss: meeting them there lost more than it gained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.answer.questions import analyse
from newsdesk.articles.corpus import Article
from newsdesk.claims.annotation import extract_claims
from newsdesk.claims.conflicts import find_disputes, touches
from tables import table


def _touched(row: dict[str, object]) -> bool:
    body = str(row["body"])
    article = Article(doc_id="story.md", path=Path("story.md"), title=str(row["title"]), body=body,
                      published=dt.date(2026, 3, 2))
    disputes = [d for d in find_disputes(extract_claims(article)) if d.kind == "figure"]
    assert len(disputes) == 1, [d.subject for d in disputes]  # the story's one dispute, found at reindex
    return touches(analyse(str(row["question"])), disputes[0])


def _rows() -> list[object]:
    """The rows, those the rule is known to miss marked with why (`xfail`)."""
    return [pytest.param(row, marks=pytest.mark.xfail(reason=str(row["xfail"]), strict=True)) if "xfail" in row else row
            for row in table("dispute_touch19")]


@pytest.mark.parametrize("row", _rows(), ids=lambda row: str(row["question"]))
def test_a_question_in_its_own_words_touches_the_dispute_it_asks_about(row: dict[str, object]) -> None:
    assert _touched(row) is row["touches"], row["why"]
