"""A name the question gives is met by a sentence of an article that names it elsewhere, when the sentence names
nothing else: a story calls its subject "the hospital" or nothing at all once it has named it (round 14, `types14`).
"How many beds does Harwick General Hospital have?" is answered by the ward manager's "We have three hundred beds"
in the story about Harwick General, not by a sentence that names St Agnes, nor in a story that never names
Harwick General. A question asking a name by a role ("Who is Teslandia's transport minister?") may be answered by
a sentence whose only other name is the one beside the role. A month is left to the month pin. Rows:
`tests/data/story_name_table.jsonl` (written before the code) and `tests/data/story_name_holdout.jsonl` (run once,
at the end of round 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.answer.candidates import Candidate
from newsdesk.answer.pins import named_in_the_story
from newsdesk.answer.questions import analyse

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _met(row: dict) -> bool:
    question = analyse(row["question"], [])
    sentence = row["sentence"]
    candidate = Candidate(text=sentence, start=0, end=len(sentence), metadata={"title": "Story"}, context=sentence,
                          claimant=None, relay=None, rank=1, passage=sentence, article=f"{row['article']}\n{sentence}")
    return all(named_in_the_story(question, entity, candidate) for entity in question.entities)


@pytest.mark.parametrize("row", _rows("story_name_table.jsonl"), ids=lambda row: f"{row['question']} / {row['why']}")
def test_a_name_the_article_gives_is_met_by_a_sentence_that_names_nothing_else(row: dict) -> None:
    assert _met(row) is row["met"], row["why"]


@pytest.mark.parametrize("row", _rows("story_name_holdout.jsonl"), ids=lambda row: f"{row['question']} / {row['why']}")
def test_holdout_a_name_the_article_gives_is_met_by_a_sentence_that_names_nothing_else(row: dict) -> None:
    assert _met(row) is row["met"], row["why"]
