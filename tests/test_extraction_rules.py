"""Claim extraction, one rule per row, on one made-up sentence each (no model, no store)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.articles.corpus import Article
from newsdesk.claims.annotation import extract_claims

PUBLISHED = dt.date(2023, 5, 4)  # a Thursday


def _only_figure(sentence: str):
    article = Article(doc_id="d.md", path=Path("d.md"), title="t", body=sentence, published=PUBLISHED)
    figures = [claim for claim in extract_claims(article) if claim.kind == "figure"]
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    "rule, sentence, field, expected",
    [
        ("a hedge before the figure is kept", "Police said nearly 300 people were evacuated.", "hedge", "nearly"),
        ("a thousands separator is read as one number", "The ministry said more than 1,200 soldiers had been killed.", "value", 1200),
        ("a hyphenated number word is read by value", "Doctors said Sixty-two people were injured.", "value", 62),
        ("a multiplier word scales the number", "Police said 3 million dollars were lost.", "value", 3_000_000),
        ("a percent sign makes the unit percent", "The agency said 40% of homes were damaged.", "subject_key", "|percent|damaged"),
        ("event words are canonical: injured is wounded", "Doctors said Sixty-two people were injured.", "subject_key", "|peopl|wounded"),
        ("counted nouns are canonical: troops are soldiers", "Rescuers said 20 troops were killed.", "subject_key", "|soldier|killed"),
        ("a caveat in the sentence applies to its figure",
         "The mayor said 12 people died, a figure that could not be independently verified.",
         "caveat", "could not be independently verified"),
        ("a weekday resolves the as-of date", "The governor said on Monday that 30 people were missing.", "as_of", "2023-05-01"),
        ("without a weekday the claim is as of publication", "Police said nearly 300 people were evacuated.", "as_of", "2023-05-04"),
    ],
)
def test_figure_rule(rule, sentence, field, expected):
    value = getattr(_only_figure(sentence), field)
    assert (str(value) if field == "subject_key" else value) == expected, rule


@pytest.mark.parametrize(
    "rule, sentence",
    [
        ("a duration is not a figure", "Officials said four days of rain had fallen."),
        ("a year is not a figure", "The ministry said in 2019 that the road was closed."),
    ],
)
def test_not_a_figure(rule, sentence):
    article = Article(doc_id="d.md", path=Path("d.md"), title="t", body=sentence, published=PUBLISHED)
    assert [claim.kind for claim in extract_claims(article)] == ["statement"], rule
