"""A follow-up's pronoun points at the person the earlier turn's answer named (`questions.points_at_an_answered_person`,
`answered_people`, `with_answered_people`; `Assistant` answers the earlier turn again to know it). The table
(`tests/data/earlier_answer_table.jsonl`, invented sentences) is the specification; the holdout rows were written
with it and run only once the code was done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.answer.questions import analyse, answered_people, points_at_an_answered_person, with_answered_people

DATA = Path(__file__).parent / "data"


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


def people_pointed_at(row: dict) -> list[str]:
    if not points_at_an_answered_person(row["question"], row["history"]):
        return []
    return [" ".join(person) for person in answered_people(row["history"][-1], row["answer"])]


@pytest.mark.parametrize("row", rows("earlier_answer_table.jsonl"), ids=lambda r: r["question"])
def test_the_person_a_follow_up_points_at_is_the_one_the_earlier_answer_named(row):
    assert people_pointed_at(row) == row["names"], row["why"]


# Run once, at the end (round 14): 2 of 4 pass. Left as they failed, not tuned on.
HOLDOUT_MISSES = {
    "How long is her contract?": "a hyphenated surname comes back as its words ('Marit Svedberg Lowe'): the words weigh "
                                 "the same, the name is not rejoined",
    "What did she say?": "a company's two-word name ('Pellam Rail') is taken for a person: no organisation noun ends it",
}


@pytest.mark.parametrize(
    "row",
    [pytest.param(r, id=r["question"], marks=[pytest.mark.xfail(strict=True, reason=HOLDOUT_MISSES[r["question"]])]
                  if r["question"] in HOLDOUT_MISSES else []) for r in rows("earlier_answer_holdout.jsonl")],
)
def test_holdout_rows(row):
    assert people_pointed_at(row) == row["names"]


def test_the_people_weigh_in_the_follow_up_but_pin_nothing():
    history = ["Who was arrested over the Marlowby warehouse fire?"]
    asked = with_answered_people(analyse("How old is he?", history), (("Edric", "Vantelle"),))
    assert {"Edric", "Vantelle"} <= {t.word for t in asked.terms}
    assert "Edric Vantelle" in asked.query
    assert ("Edric", "Vantelle") in asked.soft_entities
    assert asked.entities == ()
    assert asked.follow_up


def test_no_people_leave_the_question_as_it_was():
    asked = analyse("How old is he?", ["Who was convicted of the Sallow fraud?"])
    assert with_answered_people(asked, ()) is asked


STORY = {
    "quarry-bribes.md": (
        "---\ntitle: Former quarry inspector jailed for taking bribes\npublished: 2026-03-04\noutlet: Invented Wire\n---\n\n"
        "ORMSBY - A former quarry inspector was jailed for six years on Tuesday for taking bribes from two haulage "
        "firms, the Ormsby district court said.\n\n"
        "Judge Petra Lindqvist-Amaro found Caspian Wrenholt, 61, guilty of accepting 900,000 crowns between 2019 "
        "and 2023.\n\n"
        "The court heard that the payments were made in cash at a motorway service station.\n"
    ),
    "harbour-fraud.md": (
        "---\ntitle: Harbour clerk convicted of fraud\npublished: 2026-02-11\noutlet: Invented Wire\n---\n\n"
        "DELLMOUTH - A harbour clerk was convicted of fraud on Monday after a three-week trial.\n\n"
        "Odile Brankstone, 34, had forged mooring invoices for two years, prosecutors said.\n"
    ),
}


@pytest.fixture(scope="module")
def story_assistant(tmp_path_factory, embedder):
    from conftest import indexed_assistant

    from newsdesk.assistant import Assistant

    built = indexed_assistant(tmp_path_factory.mktemp("earlier-answer"), embedder, STORY)
    # The mechanism is behind a setting, off by default (the held-out dev11 lost a case with it, round 14).
    return Assistant(built.settings.model_copy(update={"earlier_answer_people": True}), embedder=embedder)


def test_a_follow_up_about_the_person_the_answer_named_is_answered_with_that_persons_age(story_assistant):
    assert story_assistant.settings.earlier_answer_people
    from newsdesk.assistant import Request

    history = ("Who was jailed over the Ormsby quarry bribes?",)
    earlier = story_assistant.ask(Request(history[0]))
    assert "Wrenholt" in earlier.answer
    answer = story_assistant.ask(Request("How old is he?", history))
    assert not answer.refused
    assert "61" in answer.answer and "Brankstone" not in answer.answer


# Round 14, found when "The federation now says 720" got its claimant: a verb of claiming after a determiner is a noun
# ("raise its count", "publish their estimate"), so the question names no claimant the answer must be said by.
@pytest.mark.parametrize(
    ("question", "claimed_by"),
    [
        ("Why did Harlow Water raise its count of burst mains?", ()),
        ("When did the board publish their estimate of the damage?", ()),
        ("How many did the airport operator say were delayed?", ("airport", "operator")),
        ("How many passengers did the ferry company count?", ("ferry", "company")),
    ],
)
def test_a_verb_of_claiming_after_a_determiner_is_a_noun(question, claimed_by):
    assert analyse(question).claimed_by == claimed_by
