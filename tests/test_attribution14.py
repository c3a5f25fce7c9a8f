"""Round 14's attribution rows (tests/data/attribution14_table.jsonl, invented): "it" after a sentence an organisation opens
("The Public Audit Commission has a different view. ... it estimated") is that organisation, not the person named before;
a time adverb between the source and
its verb of saying ("The federation now says 720", "The council has since said") leaves the source the claimant; a
sentence with "now" and no verb of saying stays narration. The holdout rows were written with them and run at the end."""

import pytest

from attribution_table import DATA, as_params, assert_judged, load_rows


@pytest.mark.parametrize("row", as_params(load_rows(DATA / "attribution14_table.jsonl"), set()))
def test_a_time_adverb_before_the_verb_of_saying_keeps_its_source(row):
    assert_judged(row)


@pytest.mark.parametrize("row", as_params(load_rows(DATA / "attribution14_holdout.jsonl"), set()))
def test_holdout_rows(row):
    assert_judged(row)
