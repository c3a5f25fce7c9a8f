"""The near-miss specification (tests/data/nearmiss_table.jsonl), asked through the real ``Assistant`` with the
real embedding model over one store in which every brief is its own article: a question that sits right next to
what a brief says (another place, another year, a date or name it never gives, a reason it never states, a fact
it says was withheld, a premise or entity close to its own) is refused, and the paraphrased question beside it is
still answered. The table was written before the answerer was read (issue 11, round 6); the floors are what the
answerer reaches, so a change that refuses more to catch near misses is caught by the answerable floor.
``PYTHONPATH=src python tests/nearmiss_table.py [--holdout]`` prints every miss."""

from pathlib import Path

import pytest

from nearmiss_table import ANSWERABLE, NEAR_MISS_KINDS, Outcome, accuracy, accuracy_by_kind, ask_all, index_briefs, load_rows, report

ROWS = load_rows()
# Reached on the table (round 6): near misses refused, paraphrases answered.
NEAR_MISS_FLOOR = 0.85
ANSWERABLE_FLOOR = 0.95
# No near-miss kind may fall below this share refused, but the known gaps.
KIND_FLOOR = 0.8
# A premise close to but not in the brief ("the new swimming pool" against "the new library", "train drivers"
# against "bus drivers") is mostly answered: the rules tried in round 6 cost answerable questions on dev2.
KNOWN_GAPS = {"near-premise"}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory, embedder) -> list[Outcome]:
    assistant = index_briefs(Path(tmp_path_factory.mktemp("nearmiss")), embedder, ROWS)
    return ask_all(assistant, ROWS)


def test_the_table_pairs_every_near_miss_with_an_answerable_paraphrase():
    assert len(ROWS) >= 80
    near = [row for row in ROWS if not row.answers]
    answerable = [row for row in ROWS if row.answers]
    assert {row.kind for row in near} == set(NEAR_MISS_KINDS)
    assert all(row.kind == ANSWERABLE for row in answerable)
    assert sorted(row.pair for row in near) == sorted(row.pair for row in answerable)


def test_near_misses_are_refused(outcomes):
    near = [o for o in outcomes if not o.row.answers]
    assert accuracy(near) >= NEAR_MISS_FLOOR, report(outcomes)


def test_the_paraphrase_beside_each_near_miss_is_still_answered(outcomes):
    answerable = [o for o in outcomes if o.row.answers]
    assert accuracy(answerable) >= ANSWERABLE_FLOOR, report(outcomes)


def test_no_kind_of_near_miss_is_often_answered(outcomes):
    by_kind = accuracy_by_kind([o for o in outcomes if not o.row.answers and o.row.kind not in KNOWN_GAPS])
    weak = {kind: f"{right}/{total}" for kind, (right, total) in by_kind.items() if right / total < KIND_FLOOR}
    assert not weak, report(outcomes)


@pytest.mark.xfail(strict=True, reason="a known gap: a near premise is mostly answered")
@pytest.mark.parametrize("kind", sorted(KNOWN_GAPS))
def test_a_known_gap_is_still_a_gap(outcomes, kind):
    right, total = accuracy_by_kind([o for o in outcomes if o.row.kind == kind])[kind]
    assert right / total >= KIND_FLOOR, report(outcomes)
