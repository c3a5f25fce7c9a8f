"""Round 9's refusal specification (tests/data/rolename_table.jsonl, lastone_table.jsonl; branch `refusal9`), asked
through the real ``Assistant`` with the real embedding model over one store per table in which every brief is its
own article: the name of a person asked by role where the brief names nobody beside that role, and a past occurrence
asked ("the last repair") where the brief gives only the coming one, are refused; the answerable question beside
each on the same brief is still answered. The table's third kind, a figure the brief says it will not split out for
the thing asked (`figure-withheld-for-asked`), is a known gap: its rule was dropped (docs/evaluation.md, round 9
`refusal9`), so no test asserts it.
``PYTHONPATH=src python tests/nearmiss_table.py --rolename|--lastone [--holdout]`` prints every miss."""

from pathlib import Path

import pytest

from nearmiss_table import LASTONE_TABLE, ROLENAME_TABLE, Outcome, accuracy, ask_all, index_briefs, load_rows, report

ROWS = load_rows(ROLENAME_TABLE) + load_rows(LASTONE_TABLE)
RULED = ("name-of-role-not-given", "last-occurrence-future-said")
# Before the rules: near misses of the ruled kinds 0/8 refused, answerable 10/10 answered. The near miss left: "the
# Heron League candidate who held Mossford West" against a sentence naming the other seat's candidate beside
# "candidate". The answerable row left: "the transport minister who resigned" is named in a sentence that says only
# "The minister, X" (the rules no longer take the sentence before it, which names nobody, as its answer).
NEAR_MISS_FLOOR = 7 / 8
ANSWERABLE_FLOOR = 9 / 10


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory, embedder) -> list[Outcome]:
    assistant = index_briefs(Path(tmp_path_factory.mktemp("rolename")), embedder, ROWS)
    return ask_all(assistant, ROWS)


def test_every_near_miss_has_an_answerable_question_on_its_brief():
    near = [row for row in ROWS if not row.answers]
    answerable = [row for row in ROWS if row.answers]
    assert {row.kind for row in near} == {"name-of-role-not-given", "figure-withheld-for-asked",
                                          "last-occurrence-future-said"}
    assert sorted(row.pair for row in near) == sorted(row.pair for row in answerable)


def test_a_name_or_occurrence_the_brief_does_not_give_is_refused(outcomes):
    near = [o for o in outcomes if not o.row.answers and o.row.kind in RULED]
    assert accuracy(near) >= NEAR_MISS_FLOOR - 1e-9, report(outcomes)


def test_the_question_beside_it_is_still_answered(outcomes):
    answerable = [o for o in outcomes if o.row.answers]
    assert accuracy(answerable) >= ANSWERABLE_FLOOR, report(outcomes)
