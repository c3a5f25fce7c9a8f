"""A digest page's labels (round 15, `sides15`): "Outlet, 16 June: text" and 'Outlet - "text"' name who reports each
snippet, as "**Outlet (June 16):** text" did since round 11. The outlet reports a snippet's unattributed text and
relays an attributed one; a party that labels its own quotation ("Union of X - "... the union said."") is its
claimant. Controls: a dateline before a dash ("KESTMOOR - "...," said X"), a dash aside, a label that names nobody.

The rows were invented before the rule was written (tests/data/snippet_labels15.jsonl); the held-out rows
(snippet_labels15_holdout.jsonl) were written at the same time and first run once the rule was done."""

from pathlib import Path

import pytest

from attribution_table import as_params, assert_judged, load_rows

DATA = Path(__file__).resolve().parent / "data"
ROWS = load_rows(DATA / "snippet_labels15.jsonl")
HOLDOUT = load_rows(DATA / "snippet_labels15_holdout.jsonl")


@pytest.mark.parametrize("row", as_params(ROWS, set()))
def test_a_digest_label_names_who_reports_the_snippet(row):
    assert_judged(row)


@pytest.mark.parametrize("row", as_params(HOLDOUT, set()))
def test_held_out_digest_labels(row):
    assert_judged(row)


def test_a_labelled_snippet_is_quoted_as_it_stands():
    """Its label says who reports it: no "According to X:" before it, which would attribute it twice."""
    from newsdesk.answer.candidates import Candidate
    from newsdesk.answer.composing import compose
    from newsdesk.answer.questions import analyse

    text = 'The Morrow Ledger - "Shares in Kestrel Foods fell 4 percent on Monday after the company cut its forecast."'
    sentence = Candidate(text=text, start=0, end=len(text), metadata={"doc_id": "a.md", "published": "2025-05-04"},
                         context=text, claimant="Morrow Ledger", relay=None, rank=1, similarity=0.5, coverage=0.5)
    answer, citations = compose([sentence], analyse("How far did Kestrel Foods shares fall?"), 500)
    assert answer.startswith("The Morrow Ledger - ") and "According to" not in answer
    assert citations[0].claimant == "Morrow Ledger"
