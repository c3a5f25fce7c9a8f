"""Which figure dispute a question touches (`conflicts.touches`), specified by invented articles and questions
(`tests/data/dispute_touch16.jsonl`; `dispute_touch16_holdout.jsonl` was written at the same time and run once,
after the rule). A question asks about what a dispute counts when its own words are said by the dispute's claims,
their article's headline, or words WordNet links to theirs ("factory" / "plant", "shuts" / "closes"); its words
about the figures themselves ("the latest competing figures", "the real count", "the initial estimates") say what
kind of answer is wanted, not what is counted, and need not be said. A place or thing the article does not name
("the Dorrow harbour") still keeps the dispute out.

Round 19 (`tests/data/dispute_touch19.jsonl`): the event a question names meets a claim's event of the same class, as
rival counts are grouped ("displaced" / "evacuated", "turned up" / "took part", "protested" / "gathered"), but an
event met only by its class does not pin the question, and a hazard it names ("the fire") must be said. Another
event, or words the claims and headline do not say, still keep the dispute out; words said only by the passage
around the claims ("Thousands marched ... against the new bridge tolls. Police put the crowd at about 6,000.") are a
known miss: meeting them there lost more than it gained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.answer.questions import analyse
from newsdesk.articles.corpus import Article
from newsdesk.claims.annotation import extract_claims
from newsdesk.claims.conflicts import about_the_figures, find_disputes, touches
from tables import table


def _touched(row: dict[str, object]) -> bool:
    article = Article(doc_id="story.md", path=Path("story.md"), title=str(row["title"]), body=str(row["body"]),
                      published=dt.date(2026, 3, 2))
    disputes = [d for d in find_disputes(extract_claims(article)) if d.kind == "figure"]
    assert len(disputes) == 1, [d.subject for d in disputes]  # the story's one dispute, found at reindex
    return touches(analyse(str(row["question"])), disputes[0])


@pytest.mark.parametrize("row", table("dispute_touch16"), ids=lambda row: str(row["question"]))
def test_a_question_touches_the_dispute_it_asks_about(row: dict[str, object]) -> None:
    assert _touched(row) is row["touches"], row["why"]


def _rows(name: str) -> list[object]:
    """A table's rows, those the rule is known to miss marked with why (`xfail`)."""
    return [pytest.param(row, marks=pytest.mark.xfail(reason=str(row["xfail"]), strict=True)) if "xfail" in row else row
            for row in table(name)]


@pytest.mark.parametrize("row", _rows("dispute_touch16_holdout"), ids=lambda row: str(row["question"]))
def test_held_out_questions_touch_the_dispute_they_ask_about(row: dict[str, object]) -> None:
    assert _touched(row) is row["touches"], row["why"]


@pytest.mark.parametrize("row", _rows("dispute_touch19"), ids=lambda row: str(row["question"]))
def test_a_question_in_its_own_words_touches_the_dispute_it_asks_about(row: dict[str, object]) -> None:
    assert _touched(row) is row["touches"], row["why"]


@pytest.mark.parametrize(("word", "about"), [("figures", True), ("latest", True), ("competing", True), ("real", True),
                                             ("estimates", True), ("counted", False), ("crowd", False), ("factory", False)])
def test_words_about_the_figures_are_nouns_and_adjectives_for_them_not_verbs(word: str, about: bool) -> None:
    assert about_the_figures(word) is about
