"""The premise specification (tests/data/premise_table.jsonl, issue 11 round 7), asked through the real
``Assistant`` with the real embedding model over one store in which every brief is its own article: a question
whose premise the brief does not support (a source it names only as anonymous, an outcome it says nobody has
given, a count of another thing than the figure counts, a person it names only by their home town) is refused,
and the paraphrase beside it on the same brief is still answered. Written before the round-7 rules;
``PYTHONPATH=src python tests/nearmiss_table.py --premise [--holdout]`` prints every miss."""

from pathlib import Path

import pytest

from nearmiss_table import PREMISE_TABLE, Outcome, accuracy, accuracy_by_kind, ask_all, index_briefs, load_rows, report

ROWS = load_rows(PREMISE_TABLE)
KINDS = {"anonymous-source", "not-said", "figure-of-another-thing", "place-for-person"}
# Reached on the table after the round-8 rules (0.6 after round 7's): every paraphrase answered, near misses mostly refused.
NEAR_MISS_FLOOR = 0.8
ANSWERABLE_FLOOR = 1.0


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory, embedder) -> list[Outcome]:
    assistant = index_briefs(Path(tmp_path_factory.mktemp("premise")), embedder, ROWS)
    return ask_all(assistant, ROWS)


def test_every_near_premise_has_an_answerable_paraphrase_on_its_brief():
    near = [row for row in ROWS if not row.answers]
    answerable = [row for row in ROWS if row.answers]
    assert {row.kind for row in near} == KINDS
    assert sorted(row.pair for row in near) == sorted(row.pair for row in answerable)
    assert {row.next_to for row in answerable} == KINDS


def test_near_premises_are_refused(outcomes):
    near = [o for o in outcomes if not o.row.answers]
    assert accuracy(near) >= NEAR_MISS_FLOOR, report(outcomes)


def test_the_paraphrase_beside_each_near_premise_is_still_answered(outcomes):
    answerable = [o for o in outcomes if o.row.answers]
    assert accuracy(answerable) >= ANSWERABLE_FLOOR, report(outcomes)


def test_every_kind_of_near_premise_is_refused_at_least_once(outcomes):
    by_kind = accuracy_by_kind([o for o in outcomes if not o.row.answers])
    assert all(right >= 1 for right, _ in by_kind.values()), report(outcomes)


def test_a_count_of_another_thing_is_refused(outcomes):
    """"How many nurses walked out?" against "nurses at the clinic, which treats 1,200 patients, walked out": round
    7's known gap, refused since round 8's `pins.counted_nouns` (the noun right after each figure; docs/evaluation.md,
    round 8 "refusal8")."""
    near = [o for o in outcomes if o.row.kind == "figure-of-another-thing"]
    assert accuracy(near) >= 0.5, report(outcomes)
