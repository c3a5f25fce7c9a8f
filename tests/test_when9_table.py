"""Round 9's second-wave specification (tests/data/when9_table.jsonl; branch `when9`), asked through the real
``Assistant`` with the real embedding model over one store in which every brief is its own article: a date question
whose event is a passive participle ("when was the footbridge built?") is refused where the brief dates only another
event of the same subject ("reopened on Wednesday"); the answerable question beside it on the same brief is still
answered. Active verbs ("when did the plant open?") are not pinned (docs/evaluation.md, round 9 `when9`), so their
rows stay misses and no floor counts them.
``PYTHONPATH=src python tests/nearmiss_table.py --when9 [--holdout]`` prints every miss."""

from pathlib import Path

import pytest

from nearmiss_table import WHEN9_TABLE, Outcome, accuracy, ask_all, index_briefs, load_rows, report

ROWS = load_rows(WHEN9_TABLE)
# Before the rule: near misses 1/8 refused, answerable 7/8 answered (the one left: "when was the match due to be
# played?" against "Saturday's match ... was postponed", refused before the rule too).
NEAR_MISS_FLOOR = 4 / 8
ANSWERABLE_FLOOR = 7 / 8


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory, embedder) -> list[Outcome]:
    assistant = index_briefs(Path(tmp_path_factory.mktemp("when9")), embedder, ROWS)
    return ask_all(assistant, ROWS)


def test_every_near_miss_has_an_answerable_question_on_its_brief():
    near = [row for row in ROWS if not row.answers]
    answerable = [row for row in ROWS if row.answers]
    assert {row.kind for row in near} == {"date-of-another-event"}
    assert sorted(row.pair for row in near) == sorted(row.pair for row in answerable)


def test_a_date_of_another_event_does_not_answer_when(outcomes):
    near = [o for o in outcomes if not o.row.answers]
    assert accuracy(near) >= NEAR_MISS_FLOOR - 1e-9, report(outcomes)


def test_the_question_beside_it_is_still_answered(outcomes):
    answerable = [o for o in outcomes if o.row.answers]
    assert accuracy(answerable) >= ANSWERABLE_FLOOR - 1e-9, report(outcomes)
