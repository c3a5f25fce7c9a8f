"""Round 14 (`sides14`): the sides a question or an article names or announces, read from their words alone.

A question may name its sides ("according to the company and the union", "the two sides at the trial"): that is no
one claimant whose every word a sentence must repeat, and each party named is a side. It may ask the figures as
first given ("according to the first reports"). An article may say its sources disagree ("gave sharply different
estimates of the crowd"). Invented sentences; the end-to-end stories are tests/data/disputes14."""

from __future__ import annotations

import pytest

from newsdesk.answer.dispute_answer import announces_different_accounts, asks_first_figures, parties_named
from newsdesk.answer.questions import analyse


@pytest.mark.parametrize(
    ("question", "parties"),
    [
        ("How many jobs will go at the Selvick mill, according to the company and the union?", [("company",), ("union",)]),
        ("How many miners were trapped, according to the first reports from the operator and the union?",
         [("operator",), ("union",)]),
        ("How much spilled, according to the plant owner and the basin authority in their first estimates?",
         [("plant", "owner"), ("basin", "authority")]),
        ("What do the government and the aid workers each say about the arrivals?", [("government",), ("aid", "workers")]),
        ("How many jobs does the union say will go?", []),
        ("How many died, according to the Ministry of Health and Social Care?", []),
    ],
)
def test_the_parties_a_question_names_as_its_sides(question: str, parties: list[tuple[str, ...]]) -> None:
    assert parties_named(analyse(question)) == parties


@pytest.mark.parametrize(
    ("question", "claimed_by"),
    [
        ("How much did savers lose, according to the two sides at the trial?", ()),
        ("How many jobs will go, according to the company and the union?", ()),
        ("How many jobs will the closures cost, according to the first announcements?", ("first", "announcements")),
        ("How many flights were cancelled, according to the airport operator?", ("airport", "operator")),
    ],
)
def test_several_sources_are_no_one_claimant(question: str, claimed_by: tuple[str, ...]) -> None:
    """Several parties pin no claimant; which figure ("the first announcements") is read apart by the claimant pin
    (`pins.names_a_figure`); one source is still pinned."""
    assert analyse(question).claimed_by == claimed_by


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("How many miners were trapped, according to the first reports from the company and the union?", True),
        ("How much liquid went into the river, according to the owner and the authority in their first estimates?", True),
        ("When the ministry first reported cases, how many had fallen ill?", True),
        ("What did the union originally say about the job cuts?", True),
        ("How many workers stayed away on the first day of the strike?", False),
        ("Who was the first minister to resign?", False),
    ],
)
def test_a_question_asking_the_figures_as_first_given(question: str, first: bool) -> None:
    assert asks_first_figures(analyse(question)) is first


@pytest.mark.parametrize(
    ("text", "announced"),
    [
        ("BRILLAGH - A hailstorm tore through the orchards, and the farm ministry and the growers gave very different "
         "figures for the damage.", True),
        ("The river burst its banks, and the council and a residents' group gave conflicting accounts of how many homes "
         "were flooded.", True),
        ("How much extra is owed on the contract? The two sides disagree.", True),
        ("What are the competing crowd estimates for the march?", True),
        ("A blackout that the ministry and a consumer group describe very differently.", True),
        ("The new line will serve a different route from the old one.", False),
        ("The ministry said 1,400 hectares of orchard had been damaged.", False),
    ],
)
def test_an_article_or_question_that_says_the_sources_differ(text: str, announced: bool) -> None:
    assert announces_different_accounts(text) is announced
