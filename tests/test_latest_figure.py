"""A question about the latest figure prefers the most recent sentence of the same claimant and names the one it replaces."""

from __future__ import annotations

import pytest

from newsdesk.answer.answering import Candidate, asks_latest, latest_and_replaced


def _candidate(text: str, published: str, claimant: str | None, similarity: float, doc: str = "a") -> Candidate:
    return Candidate(text=text, start=0, end=len(text), metadata={"doc_id": doc + published, "published": published},
                     context=text, claimant=claimant, relay=None, rank=1, similarity=similarity, coverage=similarity)


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
    newer = _candidate("The agency said 17 people had died.", "2025-09-11", "the agency", 0.7)
    latest, replaced = latest_and_replaced(older, [older, newer])
    assert latest is newer and replaced is older


def test_another_claimants_older_figure_is_not_what_the_latest_replaces():
    older = _candidate("Volunteers said 30 people had died.", "2025-09-09", "Volunteers", 0.8)
    newer = _candidate("The agency said 17 people had died.", "2025-09-11", "the agency", 0.7)
    latest, replaced = latest_and_replaced(older, [older, newer])
    assert latest is newer and replaced is None


def test_a_much_weaker_recent_sentence_does_not_displace_the_best():
    best = _candidate("The agency said 9 people had died.", "2025-09-09", "the agency", 0.9)
    weak = _candidate("The agency said 4 roads were shut.", "2025-09-11", "the agency", 0.3)
    latest, _ = latest_and_replaced(best, [best, weak])
    assert latest is best
