"""A rival source's side that missed one of the question's pins (`pins.rival_side_only`, `dispute_answer.rival_sides`).

A second source's count is rarely written with the question's name or event verb ("Police estimated the crowd at
about 8,000." a line below "Thousands of people marched through Hatherby"). Such a sentence never answers alone,
but it may be a side of a figure or date dispute when it stands in the chosen side's own article. Invented rows.
"""

from __future__ import annotations

import pytest

from newsdesk.answer.answering import ExtractiveAnswerer
from newsdesk.answer.candidates import Candidate
from newsdesk.answer.dispute_answer import _counts_of_what_is_asked, answer_time_sides, rival_sides
from newsdesk.answer.questions import analyse

MET = {"figure_about": 1.0, "focus_met": 1.0, "event_met": 1.0, "common_term_met": 1.0}
QUESTION = "How many people marched in Hatherby against the rent rises?"


def _candidate(text: str, claimant: str | None, doc: str, start: int, pin: str | None = None) -> Candidate:
    return Candidate(
        text=text, start=start, end=start + len(text),
        metadata={"doc_id": doc, "title": "Thousands march in Hatherby against rent rises", "outlet": "Saelmark Gazette",
                  "published": "2026-09-14"},
        context=text, claimant=claimant, relay=None, rank=1, similarity=0.5, coverage=0.5, features=dict(MET), confidence=0.4,
        passage=text, pin=pin, rejected="does not mention Hatherby" if pin else None,
    )


@pytest.fixture(scope="module")
def counted_alike(embedder):
    return ExtractiveAnswerer(embedder, settings=None).counted_alike  # type: ignore[arg-type]


def _sides(question: str, best: Candidate, rival: Candidate, counted_alike) -> list[Candidate]:
    q = analyse(question)
    return answer_time_sides(q, best, rival_sides(q, [best, rival], [best]), counted_alike)


def test_a_rival_missing_the_name_is_a_side_in_the_chosen_sides_article(counted_alike):
    best = _candidate("Organisers said 25,000 people had marched through Hatherby.", "Organisers", "march.md", 0)
    rival = _candidate("Police said about 8,000 people had marched.", "Police", "march.md", 300, pin="name")
    assert _sides(QUESTION, best, rival, counted_alike) == [best, rival]


def test_a_rival_missing_the_name_in_another_article_is_not_a_side(counted_alike):
    best = _candidate("Organisers said 25,000 people had marched through Hatherby.", "Organisers", "march.md", 0)
    rival = _candidate("Police said about 8,000 people had marched.", "Police", "other.md", 300, pin="name")
    assert _sides(QUESTION, best, rival, counted_alike) == []


def test_a_rival_without_a_source_is_not_a_side(counted_alike):
    best = _candidate("Organisers said 25,000 people had marched through Hatherby.", "Organisers", "march.md", 0)
    rival = _candidate("About 8,000 people had marched.", None, "march.md", 300, pin="name")
    assert _sides(QUESTION, best, rival, counted_alike) == []


def test_a_rival_is_never_a_side_of_a_yes_or_no(counted_alike):
    question = "Did the march in Hatherby end peacefully?"
    best = _candidate("Organisers said the march through Hatherby ended peacefully.", "Organisers", "march.md", 0)
    rival = _candidate("Police said the march did not end peacefully.", "Police", "march.md", 300, pin="name")
    assert _sides(question, best, rival, counted_alike) == []


@pytest.mark.parametrize(("summary", "counts"), [
    ("Tens of thousands of people marched on Saturday against raising the pension age from 64 to 67.", set()),
    ("Thousands of people marched to protest against rent rises of up to 30 percent.", set()),
    ("Some 3,000 people marched through the town on Sunday.", {3000.0}),
])
def test_an_articles_own_summary_counts_only_what_the_question_counts(summary: str, counts: set[float]) -> None:
    assert set(_counts_of_what_is_asked(analyse("How many people marched in Hatherby?"), summary)) == counts
