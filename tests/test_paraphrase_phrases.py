"""Phrase-level paraphrase (round 8): a question's phrasal verb ("stepped down", "called off") is met by the
article's one-word synonym that WordNet's phrase entries give ("resigned", "cancelled"), through the real
``TermMatcher`` and the real embedding model; its antonyms and contrasts ("laid off" / "hired") are not. The tables
(tests/data/paraphrase_phrases.jsonl and its held-out part) were written before the rule was built; a row is met only
when every content word of its question side is. ``PYTHONPATH=src python tests/paraphrase_table.py --phrases
[--holdout]`` prints every miss."""

from __future__ import annotations

import pytest

from newsdesk.settings import Settings
from paraphrase_table import PHRASES, PHRASES_HOLDOUT, Row, agreeing, is_met, load_rows, report

ROWS = load_rows(PHRASES)
# Reached on the development table (round 8): 12 of 24 phrase paraphrases met (2 before the rule), 1 of 12 near
# misses met (the same one before it: "broke out" / "ended" by word vectors).
MATCH_FLOOR = 0.5
NEAR_MISS_CEILING = 0.09


def test_the_phrase_tables_hold_paraphrases_and_near_misses():
    holdout = load_rows(PHRASES_HOLDOUT)
    assert len(ROWS) >= 30 and len(holdout) >= 15
    for rows in (ROWS, holdout):
        assert {r.match for r in rows} == {True, False}
        assert len({r.id for r in rows}) == len(rows)


@pytest.mark.parametrize(
    ("question", "article", "met"),
    [
        ("stepped down", "The minister resigned on Friday after the report.", True),
        ("called off", "Organisers cancelled the march because of the storm.", True),
        ("turned down", "The court rejected the appeal.", True),
        ("stepped down", "The minister was appointed on Friday.", False),
        ("turned down", "The court accepted the appeal.", False),
    ],
)
def test_a_phrasal_verb_of_the_question_is_met_by_its_one_word_synonym(embedder, question, article, met):
    row = Row(id="story", question=question, article=article, match=met, kind="")
    assert is_met(embedder, row, Settings().term_similarity, every=True) is met


@pytest.fixture(scope="module")
def outcome(embedder) -> dict[str, list[Row]]:
    return agreeing(embedder, ROWS, Settings().term_similarity, every=True)


def test_half_the_phrase_paraphrases_are_met(outcome):
    matches = len(outcome["matches met"]) + len(outcome["matches missed"])
    assert len(outcome["matches met"]) / matches >= MATCH_FLOOR, report(outcome)


def test_few_phrase_near_misses_are_met(outcome):
    near = len(outcome["near misses met"]) + len(outcome["near misses refused"])
    assert len(outcome["near misses met"]) / near <= NEAR_MISS_CEILING, report(outcome)
