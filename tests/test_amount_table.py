"""The amount specification (tests/data/amount_table.jsonl, issue 11 round 8, second wave), asked through the real
``Assistant`` with the real embedding model over one store in which every brief is its own article: a "how much X"
whose brief's figure beside the question's words counts people ("how much rain fell in Orsholm?" against "At least
14 people died ... in Orsholm") is refused, and the "how much" or "how many" beside it on the same brief is still
answered. ``PYTHONPATH=src python tests/nearmiss_table.py --amount [--holdout]`` prints every miss."""

from pathlib import Path

import pytest

from nearmiss_table import AMOUNT_TABLE, Outcome, accuracy, ask_all, index_briefs, load_rows, report

ROWS = load_rows(AMOUNT_TABLE)
# Reached by `pins.count_for_an_amount` (near misses 2/6 before, answerable 6/6 before). Its two misses: the Orsholm
# rain is answered by the other town's rain sentence, whose neighbour names Orsholm (another place, not this rule);
# "forty-two fishermen ... for two days" gives a duration beside the count, so not every figure counts people.
NEAR_MISS_FLOOR = 4 / 6
ANSWERABLE_FLOOR = 1.0


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory, embedder) -> list[Outcome]:
    assistant = index_briefs(Path(tmp_path_factory.mktemp("amount")), embedder, ROWS)
    return ask_all(assistant, ROWS)


def test_every_amount_near_miss_has_an_answerable_question_on_its_brief():
    near = [row for row in ROWS if not row.answers]
    answerable = [row for row in ROWS if row.answers]
    assert {row.kind for row in near} == {"amount-of-people-count"}
    assert sorted(row.pair for row in near) == sorted(row.pair for row in answerable)


def test_a_count_of_people_for_how_much_is_refused(outcomes):
    near = [o for o in outcomes if not o.row.answers]
    assert accuracy(near) >= NEAR_MISS_FLOOR - 1e-9, report(outcomes)


def test_the_question_beside_it_is_still_answered(outcomes):
    answerable = [o for o in outcomes if o.row.answers]
    assert accuracy(answerable) >= ANSWERABLE_FLOOR, report(outcomes)
