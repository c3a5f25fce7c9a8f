"""Round 17's attribution rows (tests/data/attribution17_table.jsonl, invented before any change): the gaps read in
develop's evidence sentences whose claimant label does not name the case's claimant. A page of reports that opens each
item with its outlet and a dash or a comma and a date ("Radio X - ...", "The Y Star — ...", "Radio X, 14 March: ...")
is that outlet's report, or its relay of the source it quotes, as "**Outlet (date):**" was; a place in a dateline
before a dash is no outlet. A trailing ", X said" names the speaker of the whole sentence, not the subject the
sentence opens with ("The government has declared ... and set aside ..., Minister X said"; "The number of ... has
risen to N, the ministry said"). "X, who leads Y, said" is X's. "according to the regional chamber of agriculture"
keeps the "of" phrase. The holdout rows were written with the first ones and run at the end."""

import pytest

from attribution_table import DATA, as_params, assert_judged, load_rows

KNOWN_GAPS: set[str] = set()


@pytest.mark.parametrize("row", as_params(load_rows(DATA / "attribution17_table.jsonl"), KNOWN_GAPS))
def test_the_claimant_a_reader_would_name(row):
    assert_judged(row)


@pytest.mark.parametrize("row", as_params(load_rows(DATA / "attribution17_holdout.jsonl"), set()))
def test_holdout_rows(row):
    assert_judged(row)
