""""The union said" after the article named a guild: a generic noun an article calls an organisation by, of the
organisation's kind (`vocabulary.ORGANISATION_KINDS`), names the organisation the article named before it. Rows of
tests/data/attribution_kinds_table.jsonl (and, only run, attribution_kinds_holdout.jsonl), written before round
12's `attrib12` rules; scored as the attribution table is (`attribution_table.judged`)."""

import pytest

from attribution_table import DATA, as_params, assert_judged, load_rows

ROWS = [*load_rows(DATA / "attribution_kinds_table.jsonl"), *load_rows(DATA / "attribution_kinds_holdout.jsonl")]
KNOWN_GAPS: set[str] = set()


@pytest.mark.parametrize("row", as_params(ROWS, KNOWN_GAPS))
def test_a_generic_noun_names_the_organisation_of_its_kind(row):
    assert_judged(row)
