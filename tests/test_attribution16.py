"""Round 16's attribution rows (tests/data/attribution16_table.jsonl, invented): styles the rules were not written
for, written before any change ("according to" at the end, an outlet as the source, anonymous sources, passives, a
quotation with its speaker after it, a claimant named in an earlier sentence), then rows for the three gaps read in
develop's evidence sentences: a verb of saying joined to its subject's earlier verb ("X visited the camp but said
..."), an estimate past a three-word hedge in quotes ('put the damage at "no more than 40 million"'), and a
quotation's speaker after "said" given as an owned role, "one nurse", or a role then a name ("said the guild's
secretary, Orla Vantreck"), never a word inside the quotation; "added a second" says nothing, but "added N deaths to
the toll" revises a count and "added a stern caveat" is said (the review's rows). Three rows are known gaps (a name
in apposition after "the company's owner", "court documents filed by prosecutors", "the report" for the review an
organisation published). The holdout rows were written with the first ones and run at the end."""

import pytest

from attribution_table import DATA, as_params, assert_judged, load_rows

KNOWN_GAPS = {"r16-according-end-statement", "r16-according-end-court-papers", "r16-earlier-org-report"}


@pytest.mark.parametrize("row", as_params(load_rows(DATA / "attribution16_table.jsonl"), KNOWN_GAPS))
def test_the_claimant_a_reader_would_name(row):
    assert_judged(row)


@pytest.mark.parametrize("row", as_params(load_rows(DATA / "attribution16_holdout.jsonl"), set()))
def test_holdout_rows(row):
    assert_judged(row)
