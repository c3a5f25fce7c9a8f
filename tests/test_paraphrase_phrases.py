"""Phrase-level paraphrase (round 8, branch phrases8): the invented phrase tables (tests/data/paraphrase_phrases.jsonl
and its held-out part, written before any phrase rule was tried) read through the real ``TermMatcher`` and the real
embedding model. A row is met only when every content word of its question side is. The near misses ("laid off" /
"hired", "stepped down" / "was appointed") must not be met; the matches are a measurement, not a floor: no phrase
rule tried in round 8 gained on the eval files, so none ships (docs/evaluation.md, round 8 "phrases8").
``PYTHONPATH=src python tests/paraphrase_table.py --phrases [--holdout]`` prints every row that disagrees."""

from __future__ import annotations

import pytest

from newsdesk.settings import Settings
from paraphrase_table import PHRASES, PHRASES_HOLDOUT, Row, agreeing, is_met, load_rows, report

ROWS = load_rows(PHRASES)
# Round 8: 1 of 12 near misses met ("broke out" / "ended", by word vectors).
NEAR_MISS_CEILING = 0.09


def test_the_phrase_tables_hold_paraphrases_and_near_misses():
    holdout = load_rows(PHRASES_HOLDOUT)
    assert len(ROWS) >= 30 and len(holdout) >= 15
    for rows in (ROWS, holdout):
        assert {r.match for r in rows} == {True, False}
        assert len({r.id for r in rows}) == len(rows)


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("stepped down", "The minister was appointed on Friday."),
        ("turned down", "The court accepted the appeal."),
        ("laid off", "The plant hired 300 workers."),
    ],
)
def test_an_opposite_of_the_question_phrase_does_not_meet_it(embedder, question, article):
    row = Row(id="story", question=question, article=article, match=False, kind="")
    assert not is_met(embedder, row, Settings().term_similarity, every=True)


@pytest.fixture(scope="module")
def outcome(embedder) -> dict[str, list[Row]]:
    return agreeing(embedder, ROWS, Settings().term_similarity, every=True)


def test_few_phrase_near_misses_are_met(outcome):
    near = len(outcome["near misses met"]) + len(outcome["near misses refused"])
    assert len(outcome["near misses met"]) / near <= NEAR_MISS_CEILING, report(outcome)
