"""A rival source's side that misses only the question's name (`dispute_answer.rival_in_article`, `answer_time_sides`).

A second party's date or figure is rarely written with the name of the thing asked about ("The contractor
building it, Tarnwell Civil, said the first passengers would not ride before 2030" a paragraph below "the
Ashgrove tram line would open in 2028"). Such a sentence is judged too, may be a side of a date dispute in the
chosen side's own article, and never answers alone. Invented rows (no name of eval/ or corpus/); the real embedding model
meets the question's words.
"""

from __future__ import annotations

import pytest

from newsdesk.answer.candidates import Candidate
from newsdesk.answer.dispute_answer import answer_time_sides, rival_in_article
from newsdesk.answer.questions import analyse
from newsdesk.answer.term_matching import TermMatcher
from newsdesk.index.embedding import Embedder

QUESTION = "When will the Ashgrove tram line open?"
TITLE = "Tram line faces new delay"
MET = {"figure_about": 1.0, "focus_met": 1.0, "event_met": 1.0, "common_term_met": 1.0}


def _candidate(text: str, claimant: str | None, doc: str = "tram.md", pin: str | None = None) -> Candidate:
    return Candidate(
        text=text, start=0, end=len(text),
        metadata={"doc_id": doc, "title": TITLE, "outlet": "Brenlow Herald", "published": "2026-10-08"},
        context=f"{text}\n{TITLE}", claimant=claimant, relay=None, rank=1, similarity=0.5, coverage=0.5,
        features=dict(MET), confidence=0.3, passage=text, pin=pin,
    )


# (what the row shows, sentence, claimant, may it be a rival side?)
ROWS = [
    ("another party's year, without the thing's name",
     "The contractor building it, Tarnwell Civil, told its shareholders that the first passengers would not ride "
     "before 2030.", "Tarnwell Civil", True),
    ("a party's own name is no other thing (its words are left out)",
     "The Hollin Valley Party has said it will not accept any date before 2037.", "Hollin Valley Party", True),
    ("another named thing's year is no rival side",
     "Tarnwell Civil said the Dunnock line, part of the same scheme, would open in 2031.", "Tarnwell Civil", False),
    ("the article's own words name no source: no side",
     "The first passengers will not ride before 2030.", None, False),
    ("a sentence that meets the name misses no pin: it is judged anyway, not as a rival",
     "Tarnwell Civil said the Ashgrove line would open in 2030.", "Tarnwell Civil", False),
    ("a sentence that also gives no date misses another pin",
     "Tarnwell Civil said the work had been harder than expected.", "Tarnwell Civil", False),
]


@pytest.mark.parametrize(("shows", "text", "claimant", "rival"), ROWS, ids=[r[0] for r in ROWS])
def test_rival_in_article(embedder: Embedder, shows: str, text: str, claimant: str | None, rival: bool) -> None:
    question = analyse(QUESTION)
    candidate = _candidate(text, claimant)
    matcher = TermMatcher(embedder, question, [candidate], threshold=0.62)
    assert rival_in_article(question, candidate, matcher) is rival


BEST = "The city's transport authority said the Ashgrove tram line would open in 2028."
RIVAL = "The contractor building it, Tarnwell Civil, said the first passengers would not ride before 2030."


def test_a_pinned_rival_in_the_chosen_article_is_a_side() -> None:
    best = _candidate(BEST, "transport authority")
    rival = _candidate(RIVAL, "Tarnwell Civil", pin="name")
    assert answer_time_sides(analyse(QUESTION), best, [best, rival]) == [best, rival]


def test_a_pinned_rival_in_another_article_is_no_side() -> None:
    best = _candidate(BEST, "transport authority")
    rival = _candidate(RIVAL, "Tarnwell Civil", doc="other.md", pin="name")
    assert answer_time_sides(analyse(QUESTION), best, [best, rival]) == []


def test_a_pinned_rival_is_no_side_of_a_figure() -> None:
    """Without the thing's name a figure is as often another count of the article ("three or four jobs on the
    quay" beside "employ about 8,700 people")."""
    question = analyse("How many people will the Ashgrove tram line carry each day?")
    best = _candidate("The transport authority said the Ashgrove tram line would carry 40,000 people a day.",
                      "transport authority")
    rival = _candidate("Tarnwell Civil said the trams would carry 25,000 people a day.", "Tarnwell Civil", pin="name")
    assert answer_time_sides(question, best, [best, rival]) == []


def test_a_pinned_rival_is_no_side_of_a_yes_or_no() -> None:
    question = analyse("Will the Ashgrove tram line open in 2028?")
    best = _candidate(BEST, "transport authority")
    rival = _candidate("Tarnwell Civil said the first passengers would not ride in 2028.", "Tarnwell Civil", pin="name")
    assert answer_time_sides(question, best, [best, rival]) == []
