"""Every sentence of a dispute answer is supported by the quote it cites, by the eval's rule
(`newsdesk.answer.verification.supports`): a summary whose label words the quote does not hold
falls back to the quote itself after who said it."""

from __future__ import annotations

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
