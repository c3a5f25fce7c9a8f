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


@pytest.mark.parametrize("row", rows("earlier_answer_holdout.jsonl"), ids=lambda r: r["question"])
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
