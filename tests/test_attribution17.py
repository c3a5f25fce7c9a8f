"""Round 17's attribution rows (tests/data/attribution17_table.jsonl, invented before any change): the gaps read in
develop's evidence sentences whose claimant label does not name the case's claimant. A page of reports that opens each
item with its outlet and a dash or a comma and a date ("Radio X - ...", "The Y Star — ...", "Radio X, 14 March: ...")
is that outlet's report, or its relay of the source it quotes, as "**Outlet (date):**" was; a place in a dateline
before a dash is no outlet (built, measured and taken out: known gaps). A trailing ", X said" names the speaker of the whole sentence, not the subject the
sentence opens with ("The government has declared ... and set aside ..., Minister X said"; "The number of ... has
risen to N, the ministry said"). "X, who leads Y, said" is X's. "according to the regional chamber of agriculture"
keeps the "of" phrase. The holdout rows were written with the first ones and run at the end."""

import pytest

from attribution_table import DATA, as_params, assert_judged, load_rows

# The report headers were built and measured with the rows below, and taken out (round 17, docs/evaluation.md): as
# in round 15, a labelled item becomes a second source the answerer adds, and dev14 lost a case.
KNOWN_GAPS = {"r17-outlet-dash-report", "r17-outlet-dash-quoted-source", "r17-outlet-emdash-police",
              "r17-outlet-comma-date", "r17-outlet-comma-date-second"}
HOLDOUT_GAPS = {"r17h-outlet-dash-radio", "r17h-outlet-comma-date-said"}


@pytest.mark.parametrize("row", as_params(load_rows(DATA / "attribution17_table.jsonl"), KNOWN_GAPS))
def test_the_claimant_a_reader_would_name(row):
    assert_judged(row)


@pytest.mark.parametrize("row", as_params(load_rows(DATA / "attribution17_holdout.jsonl"), HOLDOUT_GAPS))
def test_holdout_rows(row):
    assert_judged(row)
