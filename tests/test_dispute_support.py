"""Every sentence of a dispute answer is supported by the quote it cites, by the eval's rule
(`newsdesk.answer.verification.supports`): a summary whose label words the quote does not hold
falls back to the quote itself after who said it."""

from __future__ import annotations

import pytest

from newsdesk.answer.dispute_answer import compose_disputed
from newsdesk.answer.verification import answer_sentences, cited_numbers, supports
from newsdesk.claims.attribution import claimant_label
from newsdesk.claims.conflicts import Dispute, Side
from newsdesk.claims.extraction import Claim


def _claim(claimant: str, relay: str | None, value: float, quote: str, hedge: str | None = None, as_of: str = "2025-09-09") -> Claim:
    return Claim(
        id=f"{claimant}{value}", doc_id="a.md", claimant=claimant, relay=relay, kind="figure", subject="people killed",
        subject_key=None, value=value, unit="people", hedge=hedge, caveat=None, as_of=as_of, quote=quote,
        start=0, end=len(quote), published=as_of,
    )


def _every_sentence_supported(text: str, citations) -> bool:
    by_n = {c.n: c for c in citations}
    for sentence in answer_sentences(text.removeprefix("Sources disagree. ")):
        for n in cited_numbers(sentence):
            c = by_n[n]
            label = claimant_label(c.claimant, c.relay, inline=False) if c.claimant else None
            if not supports(c.quote, sentence, label):
                return False
    return True


def test_a_side_whose_quote_does_not_hold_its_label_is_given_as_the_quote():
    governor = "Regional governor Ada Brook"
    agency = Side(governor, [_claim(governor, "Valley Wire", 17, "Brook put the toll at 17.")])
    rescuers = Side("Hill Rescue Team", [_claim("Hill Rescue Team", None, 24, "Hill Rescue Team said at least 24 people had died.", "at least")])
    text, citations, _ = compose_disputed(Dispute("people killed", "figure", [agency, rescuers]))
    assert _every_sentence_supported(text, citations)
    assert "Brook put the toll at 17." in text and "24" in text


def test_a_revised_figure_without_its_noun_is_given_as_the_quote():
    revised = Side(
        "Agency",
        [
            _claim("Agency", None, 17, "The Agency raised the toll to 17.", as_of="2025-09-11"),
            _claim("Agency", None, 9, "Nine, said the Agency.", as_of="2025-09-09"),
        ],
    )
    rescuers = Side("Hill Rescue Team", [_claim("Hill Rescue Team", None, 24, "Hill Rescue Team said at least 24 people had died.", "at least")])
    text, citations, _ = compose_disputed(Dispute("people killed", "figure", [revised, rescuers]))
    assert _every_sentence_supported(text, citations)


def test_one_claimant_revising_its_own_figure_is_a_revision_not_a_disagreement():
    revised = Side(
        "Agency",
        [
            _claim("Agency", None, 17, "The Agency said 17 people were killed.", as_of="2025-09-11"),
            _claim("Agency", None, 9, "The Agency said 9 people were killed.", as_of="2025-09-09"),
        ],
    )
    text, citations, _ = compose_disputed(Dispute("people killed", "figure", [revised]))
    assert not text.startswith("Sources disagree"), text
    assert text.startswith("The figure was revised."), text
    assert "17" in text and "9" in text and _every_sentence_supported(text.removeprefix("The figure was revised. "), citations)


def test_two_claimants_giving_the_same_figure_are_one_side_under_the_fuller_name():
    group = Side("volunteer search group", [_claim("volunteer search group", None, 24, "A volunteer search group said 24 people died.")])
    named = Side("Hill Rescue Team", [_claim("Hill Rescue Team", None, 24, "Hill Rescue Team said 24 people had died.")])
    agency = Side("Agency", [_claim("Agency", None, 17, "The Agency said 17 people were killed.")])
    text, _, table = compose_disputed(Dispute("people killed", "figure", [group, agency, named]))
    assert [side["claimant"] for side in table["sides"]] == ["Hill Rescue Team", "Agency"], text
    assert text.count("24") == 1, text


def test_a_side_given_as_a_cut_quote_keeps_its_figure():
    """Four sides leave each about 80 characters; the quote of a side whose label its quote does not hold is cut
    around its figure, not at its start (a dateline and a long subject come first)."""
    long_quote = (
        "HOLLOWAY, North Fell (NPA) - The death toll from this week's landslide above the old quarry road in "
        "Holloway has risen to 23, officials said on Thursday, as teams reached the last houses."
    )
    revised = Side("Fell Emergency Board", [
        _claim("Fell Emergency Board", "Northern Press Agency", 23, long_quote, as_of="2025-09-11"),
        _claim("Fell Emergency Board", "Northern Press Agency", 14, "The board counted 14 dead on Tuesday.", as_of="2025-09-09"),
    ])
    others = [
        Side(name, [_claim(name, None, value, quote)])
        for name, value, quote in [
            ("Hill Rescue Team", 31, "Hill Rescue Team said 31 people had died."),
            ("Valley Watch", 40, "Valley Watch said that 40 people had died."),
            ("Fell Wardens", 28, "Fell Wardens said that about 28 people had died."),
        ]
    ]
    text, citations, _ = compose_disputed(Dispute("people killed", "figure", [revised, *others]))
    first = text.split("[1]")[0]
    assert "23" in first, text
    assert _every_sentence_supported(text, citations)


def test_the_side_that_leads_carries_the_opening_with_its_support():
    """The eval reads "Sources disagree. X: ... [1]" as one sentence: a side that can only be given as its bare
    quote does not lead, since the opening's words would leave that sentence unsupported."""
    quoted = Side("Tomas Vey, the board's director", [
        _claim("Tomas Vey, the board's director", "Northern Press Agency", 23, "Of the 23 dead, six were children, Vey said."),
    ])
    plain = Side("Hill Rescue Team", [_claim("Hill Rescue Team", None, 41, "Hill Rescue Team said 41 people had died.")])
    text, citations, _ = compose_disputed(Dispute("people killed", "figure", [quoted, plain]))
    first = answer_sentences(text)[0]
    by_n = {c.n: c for c in citations}
    cited = by_n[cited_numbers(first)[0]]
    assert supports(cited.quote, first, claimant_label(cited.claimant, cited.relay, inline=False)), text
    assert "23" in text and "41" in text


def test_every_side_is_cut_shorter_before_one_is_dropped() -> None:
    """Three sides in 500 characters: whole, each its share, then shorter cuts down to a figure and its noun."""
    from newsdesk.answer.dispute_answer import side_budgets

    budgets = side_budgets(500, 3)
    assert budgets[0] == 500 and budgets == sorted(budgets, reverse=True)
    assert budgets[1] * 3 < 500 and min(budgets) == 60
    assert len(set(budgets)) == len(budgets)


@pytest.mark.parametrize(("limit", "count"), [(500, 5), (300, 3)])
def test_a_share_below_eighty_characters_is_first_cut_to_eighty(limit: int, count: int) -> None:
    """Five sides in 500 characters, or three in 300: each side's share is under 80, and the cut tried after the
    whole sentence is still 80, then shorter ones down to 60, not a jump from whole to 60."""
    from newsdesk.answer.dispute_answer import side_budgets

    budgets = side_budgets(limit, count)
    assert budgets[:2] == [limit, 80] and min(budgets) == 60 and len(budgets) > 2


def _figures_as_written(body: str) -> dict[float, str]:
    import datetime as dt
    from pathlib import Path

    from newsdesk.articles.corpus import Article
    from newsdesk.claims.annotation import extract_claims

    article = Article(doc_id="boycott.md", path=Path("boycott.md"), title="Dairy boycott in Fenlow",
                      published=dt.date(2026, 3, 2), body=body)
    return {claim.value: claim.as_written for claim in extract_claims(article) if claim.kind == "figure"}


def test_a_sides_figure_is_shown_as_its_source_wrote_it() -> None:
    """"under six hundred farmers" stays in words; "nearly 1,800 farmers" in digits."""
    shown = _figures_as_written("The dairy cooperative said nearly 1,800 farmers had joined the boycott. "
                                "The buyers' association put the number at under six hundred farmers.")
    assert shown[1800.0] == "nearly 1,800"
    assert shown[600.0] == "under six hundred"


@pytest.mark.parametrize(("body", "value", "written"), [
    ("Police said a hundred people were arrested.", 100.0, "a hundred"),
    ("Officials said one hundred and twenty people were hurt.", 100.0, "at least one hundred"),
])
def test_a_bare_multiplier_keeps_the_word_before_it(body: str, value: float, written: str) -> None:
    """"a hundred" is shown as "a hundred", never the bare "hundred" ("Police: hundred people." is no English)."""
    assert _figures_as_written(body)[value] == written
