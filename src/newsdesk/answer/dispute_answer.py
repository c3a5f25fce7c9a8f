"""The every-side answer for a disputed subject, one of the extractive answerer's two composers.

"Sources disagree. Russia's Defense Ministry (via RIA): 498 soldiers [1].
Kyiv: nearly 6,000 Russian soldiers [2]": every side with its claimant, its
hedges and caveats, and a citation whose quote is the exact clause that
holds it; a side that revised its figure gives the latest with its date and
names the earlier one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newsdesk.answer.answers import Citation
from newsdesk.claims.extraction import EVENTS, Claim
from newsdesk.claims.attribution import claimant_identity, claimant_label
from newsdesk.claims.conflicts import Dispute, Side
from newsdesk.answer.questions import Question
from newsdesk.answer.verification import MARKER, supports
from newsdesk.text import NUMBER, stem, stems_match, tokens
from newsdesk.vocabulary import WEEKDAYS


# How much of a figure side's quote is shown when the quote itself must be shown.
_SIDE_QUOTE_CHARS = 160


def compose_disputed(
    dispute: Dispute, question: Question | None = None, start_n: int = 1, limit: int = 500
) -> tuple[str, list[Citation], dict[str, Any]]:
    """"Sources disagree. Russia's Defense Ministry (via RIA): 498 soldiers. [1] Kyiv: nearly 6,000 Russian soldiers. [2]"

    Each side is one answer sentence ending in its citation, so every
    sentence rests on the quote that holds its figure or statement.
    """
    sides = _distinct_sides(dispute)
    # One claimant that revised its own figure is a revision, not a disagreement: its latest figure stands.
    opening = "Sources disagree. " if len(sides) > 1 else "The figure was revised. "
    # The opening is read as part of the first sentence, so the side that leads is one whose sentence its
    # quote still supports after it (a side given as a bare quote cannot carry the opening's words).
    orders = [sides] + [[side, *sides[:i], *sides[i + 1:]] for i, side in enumerate(sides) if i]
    composed = [_compose_sides(dispute, order, question, start_n, limit, opening) for order in orders]
    text, citations, table, _ = next((c for c in composed if c[3]), composed[0])
    return text, citations, table


def _compose_sides(
    dispute: Dispute, sides: list[Side], question: Question | None, start_n: int, limit: int, opening: str
) -> tuple[str, list[Citation], dict[str, Any], bool]:
    """The every-side answer with ``sides`` in this order, and whether its first sentence, opening included,
    is supported by its citation."""
    citations: list[Citation] = []
    parts: list[str] = []
    table_sides: list[dict[str, Any]] = []
    quote_budget = max(80, (limit - 20) // max(1, len(sides)) - 40)

    def cite(claim: Claim) -> int:
        for citation in citations:
            if citation.doc_id == claim.doc_id and citation.start == claim.start and citation.end == claim.end:
                return citation.n
        n = start_n + len(citations)
        citations.append(
            Citation(
                n=n, doc_id=claim.doc_id, title=claim.title, outlet=claim.outlet, published=claim.published,
                quote=claim.quote, start=claim.start, end=claim.end, claimant=claim.claimant, relay=claim.relay,
            )
        )
        return n

    for side in sides:
        claim = side.latest if dispute.kind == "figure" else _best_statement(side, question)
        n = cite(claim)
        row: dict[str, Any] = {
            "claimant": side.claimant, "relay": claim.relay, "value": claim.value, "unit": claim.unit,
            "hedge": claim.hedge, "caveat": claim.caveat, "as_of": claim.as_of, "citation": n, "quote": claim.quote,
        }
        if dispute.kind == "figure":
            sentences = _figure_sentences(dispute, side, claim, n, row, cite)
        else:
            who = _short_who(claim.claimant, claim.relay)
            quote = _shorten(claim.quote, quote_budget)
            surname = claim.claimant.split(",")[0].split()[-1].lower()
            if re.search(rf"\b{re.escape(surname)}\b", claim.quote.lower()) is None:
                quote = f"{who}: {quote}" if quote[:1] in '"“' else f'{who}: "{quote}"'
            sentences = [f"{quote} [{n}]"]
        # The opening is read as part of the first sentence: its words count against that sentence's support.
        parts.extend(
            _supported(sentence, citations, start_n, quote_budget, "" if parts or i else opening)
            for i, sentence in enumerate(sentences)
        )
        table_sides.append(row)
    text = opening + " ".join(parts)
    table = {"subject": dispute.subject, "kind": dispute.kind, "sides": table_sides}
    return text, citations, table, _first_supported(opening + parts[0], citations, start_n) if parts else True


def _first_supported(sentence: str, citations: list[Citation], start_n: int) -> bool:
    marker = MARKER.search(sentence)
    if marker is None:
        return True
    citation = citations[int(marker.group(1)) - start_n]
    claimant = claimant_label(citation.claimant, citation.relay, inline=False) if citation.claimant else None
    return supports(citation.quote, sentence, claimant)


def _figure_sentences(
    dispute: Dispute, side: Side, claim: Claim, n: int, row: dict[str, Any], cite: Any
) -> list[str]:
    """"Kyiv: nearly 6,000 Russian soldiers. [2]", with caveats, and a revision as its own cited sentence."""
    noun = _noun_in_quote(claim)
    who = _short_who(side.claimant, claim.relay)
    if _names_claimant(claim):
        text = f"{who}: {claim.hedged_value}{' ' + noun if noun else ''}"
    else:  # "it said", a quotation continued: show the words that hold the figure
        quote = _shorten(claim.quote, _SIDE_QUOTE_CHARS)
        text = f"{who}: {quote}" if quote[:1] in '"“' else f'{who}: "{quote}"'
    caveat = next((c.caveat for c in side.claims if c.value == claim.value and c.caveat), None)
    if caveat:
        text += f" ({caveat})"
        row["caveat"] = caveat
    earlier = side.revised
    if not earlier:
        return [f"{text}. [{n}]"]
    text += f" on {_day(claim)}"
    previous = earlier[0]
    row["earlier"] = [{"value": c.value, "hedge": c.hedge, "as_of": c.as_of, "citation": cite(c)} for c in earlier]
    return [f"{text}. [{n}]", f"It was {previous.hedged_value}{' ' + _noun_in_quote(previous) if _noun_in_quote(previous) else ''} on {_day(previous)}. [{cite(previous)}]"]


def _supported(sentence: str, citations: list[Citation], start_n: int, budget: int, opening: str = "") -> str:
    """The sentence if its quote supports it (`newsdesk.answer.verification.supports`), else the quote itself
    after who said it: a summary ("Agency (via Outlet): at least 17 people.") whose label words the quote does
    not hold, or a revision's "It was 41 on 14 Oct.", must never stand on a citation that does not support it."""
    marker = MARKER.search(sentence)
    if marker is None:
        return sentence
    citation = citations[int(marker.group(1)) - start_n]
    claimant = claimant_label(citation.claimant, citation.relay, inline=False) if citation.claimant else None
    if supports(citation.quote, opening + sentence, claimant):
        return sentence
    who = _short_who(citation.claimant, citation.relay) + ": " if citation.claimant else ""
    # The quote cut to a side's share of the answer's length, if that still holds; the whole quote if not.
    # The figure the sentence gives must survive the cut: "DUNHOLM, Estmark (NPA) - The death toll from
    # this week's storm in…" would lose the 31 that comes after it.
    figure = next((n.group() for n in NUMBER.finditer(sentence[:marker.start()]) if n.group() in citation.quote), "")
    for quote in (_shorten(citation.quote, min(budget, _SIDE_QUOTE_CHARS), figure), citation.quote):
        quoted = quote if quote[:1] in '"“' else f"“{quote}”"
        fallback = f"{who}{quoted}{sentence[marker.start():]}"
        if supports(citation.quote, opening + fallback, claimant):
            return fallback
    return fallback


def _names_claimant(claim: Claim) -> bool:
    quote = {stem(w.text) for w in tokens(claim.quote)}
    return any(word in quote for word in claimant_identity(claim.claimant)) or claim.claimant.lower() in claim.quote.lower()


def _noun_in_quote(claim: Claim) -> str:
    """The counted noun as the claim's own quote writes it ("Russian soldiers"), or nothing."""
    subject_words = claim.subject.split()
    quote_words = {w.lower for w in tokens(claim.quote)}
    for size in range(len(subject_words), 0, -1):
        for start in range(0, len(subject_words) - size + 1):
            words = subject_words[start:start + size]
            if all(w.lower() in quote_words for w in words) and words[-1].lower() not in EVENTS:
                return " ".join(words)
    return ""


def _day(claim: Claim) -> str:
    """"Thursday 17 Oct" when the quote names the day, else "17 Oct" (the table has the full date)."""
    weekday = next((w.text for w in tokens(claim.quote) if w.lower in WEEKDAYS), "")
    try:
        day = dt.date.fromisoformat(claim.as_of)
    except ValueError:
        return weekday or "an earlier date"
    return f"{weekday} {day.day} {day:%b}".strip()


def _best_statement(side: Side, question: Question | None) -> Claim:
    """The side's statement that says most about what was asked; a named person's, then the shorter, on a tie."""
    wanted = {t.stem for t in question.terms} | {stem(w) for e in question.entities for w in e} if question else set()

    def score(claim: Claim) -> tuple[int, bool, int]:
        words = {stem(w.text) for w in tokens(claim.quote)}
        hits = sum(1 for w in wanted if any(stems_match(w, other) or other.startswith(w) for other in words))
        # A named official ("Oleksiy Arestovich, a … adviser") says more than a country ("Ukraine argued").
        return (hits, len(claimant_identity(claim.claimant)) >= 2, -len(claim.quote))

    return max(side.claims, key=score)


def _distinct_sides(dispute: Dispute) -> list[Side]:
    """Sides in order of first appearance; a side repeating another's statement word for word, or giving the
    same figure as another (a group and its named spokesman, an outlet's paraphrase), is shown once, under
    the claimant that says most about who it is."""
    sides: list[Side] = []
    for side in sorted(dispute.sides, key=lambda s: min((c.published, c.doc_id, c.start) for c in s.claims)):
        same = next((i for i, kept in enumerate(sides) if _says_the_same(dispute, kept, side)), None)
        if same is None:
            sides.append(side)
        elif _says_more(side, sides[same]):
            sides[same] = side
    return sides


def _says_the_same(dispute: Dispute, kept: Side, other: Side) -> bool:
    """Same statement; or same latest figure, with no revision on one side or the same earlier figures on both."""
    if dispute.kind == "statement":
        return kept.latest.quote == other.latest.quote
    earlier = [c.value for c in kept.revised], [c.value for c in other.revised]
    return kept.latest.value == other.latest.value and (not earlier[0] or not earlier[1] or earlier[0] == earlier[1])


def _says_more(side: Side, than: Side) -> bool:
    """A side that gives the revision, then one with the fuller name, shows the shared figure."""
    return (bool(side.revised), len(claimant_identity(side.claimant))) > (bool(than.revised), len(claimant_identity(than.claimant)))


def _short_who(claimant: str, relay: str | None) -> str:
    name = claimant if len(claimant) <= 60 else claimant.split(",")[0]
    return claimant_label(name, relay.removesuffix(" news agency") if relay else None)


def _shorten(quote: str, budget: int, keep: str = "") -> str:
    """The quote cut to about ``budget`` characters at a word boundary, keeping ``keep`` (a figure) in it."""
    if len(quote) <= budget:
        return quote
    at = quote.find(keep) if keep else -1
    if at + len(keep) > budget - 1 and at > 0:
        start = quote.find(" ", max(0, at - budget // 3)) + 1 or at
        rest = quote[start:]
        return "…" + _shorten(rest, budget - 1)
    cut = quote.rfind(" ", 0, budget)
    return quote[: cut if cut > 0 else budget].rstrip(" ,;:") + "…"


def quotes_hold(citations: list[Citation]) -> bool:
    """Every citation quotes a span of exactly its own length (claims come from the ledger, not the passages)."""
    return all(c.quote and c.end - c.start == len(c.quote) for c in citations)
