"""A question about the latest figure prefers the most recent sentence of the same claimant and names the one it replaces."""

from __future__ import annotations

import pytest
from fake_embedder import FakeEmbedder

from newsdesk.answer.candidates import Candidate
from newsdesk.answer.answering import ExtractiveAnswerer
from newsdesk.answer.latest_figure import asks_latest, compose_latest, latest_and_replaced
from newsdesk.answer.questions import analyse
from newsdesk.answer.verification import answer_sentences, supports
from newsdesk.settings import load_settings


def _candidate(text: str, published: str, claimant: str | None, similarity: float, doc: str = "a",
               coverage: float | None = None) -> Candidate:
    return Candidate(text=text, start=0, end=len(text), metadata={"doc_id": doc + published, "published": published},
                     context=text, claimant=claimant, relay=None, rank=1, similarity=similarity,
                     coverage=similarity if coverage is None else coverage)


def _latest(best: Candidate, typed: list[Candidate], pool: list[Candidate] | None = None) -> tuple[Candidate, Candidate | None]:
    """What the answerer passes: its own nearness and strength (score-based here: these candidates are not judged)."""
    answerer = ExtractiveAnswerer(FakeEmbedder(), load_settings(environ={}))
    return latest_and_replaced(best, typed, lambda c: answerer._near(best, c), answerer._strength, pool)


@pytest.mark.parametrize(
    "question, latest",
    [
        ("What is the latest death toll?", True),
        ("How many people are still missing?", True),
        ("What does the company now expect?", True),
        ("How many people died?", False),
    ],
)
def test_a_question_about_the_latest_figure(question, latest):
    assert asks_latest(question) is latest


def test_the_most_recent_figure_of_the_same_claimant_answers_and_replaces_the_earlier_one():
    older = _candidate("The agency said 9 people had died.", "2025-09-09", "the agency", 0.8)
    newer = _candidate("The agency said 17 people had died.", "2025-09-11", "the agency", 0.75)
    latest, replaced = _latest(older, [older, newer])
    assert latest is newer and replaced is older


def test_another_claimants_more_recent_figure_does_not_displace_the_best_claimants():
    older = _candidate("Volunteers said 30 people had died.", "2025-09-09", "Volunteers", 0.8)
    newer = _candidate("The agency said 17 people had died.", "2025-09-11", "the agency", 0.75)
    latest, replaced = _latest(older, [older, newer])
    assert latest is older and replaced is None


def test_a_more_recent_unattributed_sentence_of_another_article_is_another_story_not_a_revision():
    older = _candidate("Floods killed 9 people in the valley.", "2025-09-09", None, 0.8, doc="valley")
    newer = _candidate("Floods killed 23 people in the town.", "2025-09-11", None, 0.75, doc="town")
    latest, _ = _latest(older, [older, newer])
    assert latest is older


def test_a_recent_figure_of_the_same_claimant_about_something_else_asked_does_not_replace_it():
    missing = _candidate("The agency said dozens were missing.", "2025-09-09", "the agency", 0.8)
    killed = _candidate("The agency said 17 people had been killed.", "2025-09-11", "the agency", 0.75, coverage=0.4)
    latest, _ = _latest(missing, [missing, killed])
    assert latest is missing


def test_a_much_weaker_recent_sentence_does_not_displace_the_best():
    best = _candidate("The agency said 9 people had died.", "2025-09-09", "the agency", 0.9)
    weak = _candidate("The agency said 4 roads were shut.", "2025-09-11", "the agency", 0.3)
    latest, _ = _latest(best, [best, weak])
    assert latest is best


def test_the_earlier_figure_is_found_among_sentences_too_weak_to_answer_alone():
    newer = _candidate("The agency said 17 people had died.", "2025-09-11", "the agency", 0.8)
    older = _candidate("The agency said 9 people had died.", "2025-09-09", "the agency", 0.3, coverage=0.8)
    latest, replaced = _latest(newer, [newer], pool=[older])
    assert latest is newer and replaced is older


def test_an_unattributed_sentence_naming_the_claimant_is_that_claimants_earlier_figure():
    newer = _candidate("Police said they had revised their estimate to 6,500.", "2025-04-07", "Police", 0.8)
    older = _candidate("The police force put the crowd at about 4,000.", "2025-04-06", None, 0.3, doc="b", coverage=0.8)
    assert _latest(newer, [newer], pool=[older])[1] is older


def test_no_earlier_figure_is_named_when_the_latest_gives_none():
    newer = _candidate("The agency said the toll would be updated daily.", "2025-09-11", "the agency", 0.8)
    older = _candidate("The agency said 9 people had died.", "2025-09-09", "the agency", 0.3, coverage=0.8)
    assert _latest(newer, [newer], pool=[older])[1] is None


def test_the_answer_names_the_figure_it_replaces_with_its_date_and_both_citations_support_their_sentences():
    newer = _candidate("The agency said 17 people had died.", "2025-09-11", "the agency", 0.8)
    older = _candidate("The agency said 9 people had died.", "2025-09-09", "the agency", 0.3)
    text, citations = compose_latest(newer, older, analyse("What is the latest death toll?"), 500)
    assert text.startswith("The agency said 17 people had died. [1]")
    assert "Earlier figure (September 9, 2025): The agency said 9 people had died. [2]" in text
    assert [c.quote for c in citations] == [newer.text, older.text]
    assert all(supports(c.quote, sentence) for c, sentence in zip(citations, answer_sentences(text), strict=True))


def _story(text: str, published: str, claimant: str | None, similarity: float, title: str, lead: str) -> Candidate:
    candidate = _candidate(text, published, claimant, similarity, doc=title, coverage=0.8)
    candidate.metadata["title"] = title
    candidate.lead = lead
    candidate.features = {"figure_about": 1.0}
    return candidate


def test_the_update_the_judge_turned_down_answers_in_place_of_the_older_figure_it_revises():
    # The first day's figure is the judge's surest; the update of the same source two days later holds two figures
    # and was judged out: it is still the latest figure, and the first day's is the one it replaces.
    first = _story("At least seven people died and 19 were missing, the coastguard said.", "2026-08-11", "the coastguard",
                   0.8, "Ferry capsizes off Wennel Point", "WENNEL POINT - A ferry capsized.")
    update = _story("The toll has risen to 12, the coastguard said, with nine people still missing.", "2026-08-13",
                    "the coastguard", 0.5, "Wennel Point ferry toll rises", "WENNEL POINT - The toll rose.")
    latest, replaced = _latest(first, [first], pool=[update])
    assert latest is update and replaced is first


def test_another_storys_later_figure_of_a_like_named_source_is_no_revision():
    # Two countries' statistics offices: the later figure is another story's, not the revision of this one.
    first = _story("Unemployment rose to 212,000, the statistics office said.", "2025-05-14", "the statistics office",
                   0.8, "Ostmark unemployment rises", "OSTMARK - Unemployment rose.")
    other = _story("Unemployment rose to 224,000, the statistics office said.", "2025-05-15", "the statistics office",
                   0.5, "Quellin revises jobless count", "QUELLIN - The office revised its count.")
    latest, _ = _latest(first, [first], pool=[other])
    assert latest is first
