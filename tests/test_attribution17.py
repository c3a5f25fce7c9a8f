"""Round 17's attribution rows (tests/data/attribution17_table.jsonl): the gaps read in develop's evidence sentences
whose claimant label does not name the case's claimant, in invented sentences (the two trailing-said rows and the
"of" row were rewritten in the round-17 review, which found them too close to eval sentences). A page of reports that
opens each item with its outlet and a dash or a comma and a date ("Radio X - ...", "The Y Star — ...", "Radio X,
14 March: ...") is that outlet's report, or its relay of the source it quotes, as "**Outlet (date):**" was; a place
in a dateline before a dash is no outlet (built, measured and taken out: known gaps). A trailing ", X said" names the
speaker of the whole sentence, not the subject the sentence opens with ("The port has confirmed ... and laid off ...,
Director X said"; "The count of reported ... has doubled, the police board said"). "X, who leads Y, said" is X's.
"according to the chamber of mines" keeps the "of" phrase. The holdout rows were written with the first ones and
run at the end. REVIEW_LABELS: the round-17 review's invented sentences, with the whole label they should get."""

import pytest

from attribution_table import DATA, Row, as_params, assert_judged, claimant_of, load_rows

from newsdesk.claims.attribution import snippet_source

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


# The round-17 review's sentences (all invented) and the whole label a reader would give, relay included.
REVIEW_LABELS = [
    # item 1: a closing ", OUTLET reported" after a speaker's own "said"/"told" relays that speaker
    ("Health Minister Anna Berg said the toll had risen to 40, state television reported.",
     "Health Minister Anna Berg, via state television"),
    ("Health Minister Anna Berg told parliament the toll had risen to 40, state radio reported.",
     "Health Minister Anna Berg, via state radio"),
    ('"We will rebuild," the mayor said, the paper reported.', "mayor, via paper"),
    ("The ministry said on Friday that 418 infections had been confirmed, the Ostmark Daily reported.",
     "ministry, via Ostmark Daily"),
    ("The army said it had killed 30 fighters, a claim the rebels denied, the agency said.", "army, via agency"),
    ("Rents said to be rising fast have doubled, the housing board said.", "housing board"),
    # item 3: a newspaper's title noun inside a place or company name is no outlet
    ("The mayor told Beacon Hill residents that the road would reopen in May.", "mayor"),
    ("The mayor told Times Square vendors that 300 stalls would go.", "mayor"),
    ("The minister told the Star Alliance board that landing fees would double.", "minister"),
    ("Anna Berg told the Echo Park council that the pool would close.", "Anna Berg"),
    ("Standard Chartered, citing the central bank, said rates would rise.", "Standard Chartered"),
    # item 8: an outlet calls itself by a noun of its own kind
    ("Harbour Gazette: Forty people were arrested, the broadcaster reported.", "broadcaster, via Harbour Gazette"),
    ("Radio Ostvik: The bridge will close for a month, the station said.", "Radio Ostvik"),
    ("Pellham Gazette: The mill will close in May, the paper said.", "Pellham Gazette"),
    # item 9: a name set apart by a pair of dashes is still the one the sentence opens with
    ("Veltra Motors — which employs 3,000 people — will close the plant, the company said.", "Veltra Motors"),
]


@pytest.mark.parametrize(("sentence", "label"), REVIEW_LABELS)
def test_review_labels(sentence, label):
    row = Row("review", "", "", [], sentence, [], [], [])
    assert claimant_of(row)[1] == label


@pytest.mark.parametrize("snippet", ["Post Office: 40 branches will close next year.",
                                     "Lone Star Brewery: The plant will close in May.",
                                     "Monitor Group: Consultancy fees rose 8 percent last year.",
                                     "Emily Post: Guests should arrive on time."])
def test_a_title_noun_inside_a_name_makes_no_outlet(snippet):
    assert snippet_source(snippet) is None


@pytest.mark.parametrize("snippet", ["Marlow Daily Post: The ferry will stop in winter.",
                                     "Brundle Evening Star: Rents rose again.",
                                     "Pellham Gazette: The mill will close."])
def test_a_newspaper_title_is_an_outlet(snippet):
    assert snippet_source(snippet) is not None
