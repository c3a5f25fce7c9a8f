"""The figure specification (tests/data/figure_table.jsonl, issue 11 round 8), asked through the real ``Assistant``
with the real embedding model over one store in which every brief is its own article: a "how many X" whose X the
brief names but whose figure counts another thing ("how many houses lost their roofs?" against "Nine people were
killed when the storm tore roofs off houses") is refused, and the paraphrase beside it on the same brief is still
answered. ``PYTHONPATH=src python tests/nearmiss_table.py --figure [--holdout]`` prints every miss."""

from pathlib import Path

import pytest

from nearmiss_table import FIGURE_TABLE, Outcome, accuracy, ask_all, index_briefs, load_rows, report

ROWS = load_rows(FIGURE_TABLE)
# Reached after round 8's rule (near misses 3/10 before, answerable 9/10 before): a figure whose noun is not beside
# it ("the death toll rose to 12") is left to the judge; "ferry trips" for "48 sailings" is a paraphrase neither
# WordNet nor the word vectors bridge (cosine 0.47), so it is refused.
NEAR_MISS_FLOOR = 0.9
ANSWERABLE_FLOOR = 0.8


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory, embedder) -> list[Outcome]:
    assistant = index_briefs(Path(tmp_path_factory.mktemp("figure")), embedder, ROWS)
    return ask_all(assistant, ROWS)


def test_every_figure_of_another_thing_has_an_answerable_paraphrase_on_its_brief():
    near = [row for row in ROWS if not row.answers]
    answerable = [row for row in ROWS if row.answers]
    assert {row.kind for row in near} == {"figure-of-another-thing"}
    assert sorted(row.pair for row in near) == sorted(row.pair for row in answerable)


def test_a_figure_of_another_thing_is_refused(outcomes):
    near = [o for o in outcomes if not o.row.answers]
    assert accuracy(near) >= NEAR_MISS_FLOOR, report(outcomes)


def test_the_paraphrase_beside_it_is_still_answered(outcomes):
    answerable = [o for o in outcomes if o.row.answers]
    assert accuracy(answerable) >= ANSWERABLE_FLOOR, report(outcomes)
