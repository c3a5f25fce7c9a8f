"""The every-side answer for a disputed subject, one of the extractive answerer's two composers.

"Sources disagree. Russia's Defense Ministry (via RIA): 498 soldiers [1].
Kyiv: nearly 6,000 Russian soldiers [2]": every side with its claimant, its
hedges and caveats, and a citation whose quote is the exact clause that
holds it; a side that revised its figure gives the latest with its date and
names the earlier one.

Disputes are also found at answer time, from the judged candidate sentences
rather than the claim ledger (`answer_time_sides`): when sentences of
different sources answer the question and give different values of what it
asks (a figure, a date, a name, yes or no), every one is shown, each with
its source, instead of the best alone. This does not need the ledger to have
understood the claims, only the judge to have found the sentences. A false
"Sources disagree" invents a controversy, so sides are narrowed: a body and
whoever speaks for it are one side (`same_side`), a figure must count what is
asked (`counts_something_else`) for the same period (`another_period`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from newsdesk.answer.answer_types import asks_figure_type, new_names
from newsdesk.answer.answers import Citation
from newsdesk.answer.candidates import same_article
from newsdesk.answer.pins import COUNTED_REACH, PIN_CHECKS, counts_a_linked_noun, names_a_figure, names_another
from newsdesk.answer.sources import (
    described_as, introduced_in, named_in, of_kind, outlet, said_by, same_side, same_source,
)
from newsdesk.claims.extraction import EVENTS, Claim, figure_values
from newsdesk.claims.attribution import claimant_identity, claimant_label, same_claimant
from newsdesk.claims.conflicts import Dispute, Side, is_round, rounds_to
from newsdesk.answer.questions import (
    Question, asked_sources, asks_yes_no, counts_nothing_known, entity_met, names_several_parties,
)
from newsdesk.answer.verification import MARKER, supports
from newsdesk.text import (
    NUMBER, YEAR, Token, antonyms, english_zipf, is_calendar_word, lemmas, negates, same_lemma, stem, stems_match, tokens,
)
from newsdesk.vocabulary import (
    ACCOUNTS, AGREED_ON, AGREEING_VERBS, CONTRASTING, CORRECTING_ADJECTIVES, DISPUTED_THINGS, DISPUTING_VERBS, EACH_OF, MONTHS,
    DIFFERING_ADJECTIVES, NUMBER_WORDS, ORGANISATION_NOUNS,
    ROUNDING_HEDGES, SOURCE_VERBS, STOPWORDS, VAGUE_QUANTITIES, WEEKDAYS, is_nationality,
)

if TYPE_CHECKING:
    from newsdesk.answer.candidates import Candidate
    from newsdesk.answer.term_matching import TermMatcher


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
    opening = "Sources disagree. " if len(sides) > 1 else "The figure was revised. " if sides[0].revised else ""
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
        text = f"{who}: {claim.as_written}{' ' + noun if noun else ''}"
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
    return [f"{text}. [{n}]", f"It was {previous.as_written}{' ' + _noun_in_quote(previous) if _noun_in_quote(previous) else ''} on {_day(previous)}. [{cite(previous)}]"]


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
    wanted = question.word_stems if question else set()

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
    joined = _one_per_side(dispute.sides)
    for side in sorted(joined, key=lambda s: min((c.published, c.doc_id, c.start) for c in s.claims)):
        same = next((i for i, kept in enumerate(sides) if _says_the_same(dispute, kept, side)), None)
        if same is None:
            sides.append(side)
        elif _says_more(side, sides[same]):
            sides[same] = side
    return sides


def _one_per_side(sides: Sequence[Side]) -> list[Side]:
    """Sides of one claimant (`same_side`: a ministry and its spokesman) joined into one, under the fuller name,
    its claims latest first (by date, then later in the article): that side's figure and its revision."""
    joined: list[Side] = []
    for side in sides:
        same = next((i for i, kept in enumerate(joined) if same_side(_introduced(kept), _introduced(side))), None)
        if same is None:
            joined.append(side)
            continue
        kept = joined[same]
        claims = sorted([*kept.claims, *side.claims], key=lambda c: (c.as_of, c.published, c.start), reverse=True)
        name = max(kept.claimant, side.claimant, key=lambda n: len(claimant_identity(n)))
        joined[same] = Side(claimant=name, claims=claims)
    return joined


def _introduced(side: Side) -> str:
    """A side's claimant as one of its claims' sentences introduces it ("the fisheries ministry's spokesman,
    Aldo Rennick"): the ledger names the person, whom they speak for is in the sentence."""
    return next((named for claim in side.claims if (named := introduced_in(side.claimant, claim.quote)) != side.claimant),
                side.claimant)


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


# -- disputes found at answer time ---------------------------------------
DISAGREE = "Sources disagree. "
# A side may be a sentence the judge would not answer with alone (a second source is rarely phrased like
# the question), but it must meet the question's pins (names, numbers, answer type), have at least this much
# of the judge's confidence, and be nearly as similar to the question as the best sentence.
SIDE_MIN_CONFIDENCE = 0.02
SIDE_SIMILARITY_MARGIN = 0.15
MAX_SIDES = 3
# Two figures count the same thing when the words around them are at least this alike (cosine, MiniLM):
# "640 employees will lose their jobs" / "900 workers would be laid off" 0.61; "employed 3,000 people at its
# peak" 0.47, "produced 9,000 bolts of cloth" 0.23 (measured on dev and on the invented pairs of
# tests/test_answer_time_disputes.py: "workers would be made redundant" 0.53).
COUNTED_ALIKE = 0.5
# A side beyond the similarity margin must count what the best counts more surely: "410 million crowns, citing
# rising" / "240 million crowns, the regional" 0.72 (develop set of tests/data/disputes).
RIVAL_ALIKE = 0.6
CountedAlike = Callable[[str, str], float]
# A headline's first word is capitalised anyway: it counts as a name only when rarer than this ("Brackenfold").
_COMMON_ZIPF = 3.5
# A yes/no side must meet at least this share of the question's terms that the best sentence meets.
_SIDE_COVERAGE = 0.5
# How many words either side of a side's figure are read for a name it belongs to ("the Green Union's 20 seats").
_OWNER_WINDOW = 3
# How many words after a negation may hold the question's word it denies ("had not yet caused").
_NEGATED_WITHIN = 3
# How well a side must meet the event the question asks about (the judge's `event_met` credit).
_EVENT_MET = 0.8


# Nouns that name a party to a dispute after "each", "both" or "either" ("each side", "both countries", "each union"):
# not "each year", "each household", "each share".
_PARTY_NOUNS = frozenset({"side", "country", "nation", "government"}) | ORGANISATION_NOUNS
# Verbs by which a question says its parties disagree ("What pay rise are the dockers and the operator arguing over?").
_DISAGREEING = frozenset("argue disagree dispute quarrel clash".split())


def asks_every_side(question: Question) -> bool:
    """A "what" question that asks for every party's position in so many words: "What boundary does each country
    want?", "What pay rise are the dockers and the port operator arguing over?". Each party's sentence is then a
    side (kind "position" in `answer_time_sides`), whatever value it gives."""
    words = tokens(question.text)
    if not words or words[0].lower != "what":
        return False
    every = any(word.lower in EACH_OF and lemmas(following.lower) & _PARTY_NOUNS  # "both sides", "both parties"
                for word, following in zip(words, words[1:]))
    disagreeing = any(lemmas(word.text) & _DISAGREEING and following.lower in ("over", "about", "on")
                      for word, following in zip(words, words[1:]))
    return every or disagreeing


def asked_value(question: Question) -> str | None:
    """What kind of value the question asks for, which two sources can give differently: a figure, a date,
    a name ("who ..."), or a yes or no; None for other questions ("why", "what happened")."""
    if question.kind == "date":
        return "date"
    if question.kind == "quantity" or asks_figure_type(question.text):
        return "figure"
    if asks_yes_no(question.text):
        return "stance"
    if question.kind == "agent":
        return "name"
    return None


def asks_whether_sources_agree(question: Question) -> bool:
    """A yes/no question that asks whether sources agree, in so many words: "Do the prosecution and the defence agree
    on what investors lost?", "Do both sides agree?" (a verb of agreeing, `AGREEING_VERBS`, before "on", "about",
    "over" or at the end of its clause; not "Has the court agreed to hear it?"), or "Was the rally as big as the
    organisers said?" ("as ... as" before a verb of giving a figure, `SOURCE_VERBS`). Each source's figure of the same
    count answers it, whichever source it names (`_figures_compared`). Read once a question's text (round 16,
    `clean16`: the side search asked it again of every candidate)."""
    return _asks_whether_sources_agree(question.text)


@lru_cache(maxsize=1024)
def _asks_whether_sources_agree(text: str) -> bool:
    if not asks_yes_no(text):
        return False
    words = tokens(text)
    for index, word in enumerate(words):
        if lemmas(word.lower) & AGREEING_VERBS:
            following = words[index + 1] if index + 1 < len(words) else None
            if following is None or following.lower in AGREED_ON or text[word.end:following.start].strip():
                return True
    compared = [i for i, (a, b) in enumerate(zip(words, words[2:])) if a.lower == "as" and b.lower == "as"]
    return bool(compared) and any(w.lower in SOURCE_VERBS for w in words[compared[0] + 3:])


def _figures_compared(question: Question, other: Candidate, best: Candidate, counted_alike: CountedAlike | None) -> bool:
    """A question asking whether sources agree (`asks_whether_sources_agree`), and two sentences whose figures count
    the same thing (`COUNTED_ALIKE`, the words around them): the figures are what the sources agree or differ on,
    whichever source the question names ("as big as the organisers said" asks about the police's count too)."""
    return (counted_alike is not None and asks_whether_sources_agree(question) and bool(figure_values(best.text))
            and bool(figure_values(other.text)) and _alike(counted_alike, best.text, other.text) >= COUNTED_ALIKE)


def answer_time_sides(
    question: Question, best: Candidate, pool: Sequence[Candidate], counted_alike: CountedAlike | None = None
) -> list[Candidate]:
    """The sides of an answer-time dispute (`sides_found`); when none of its rules finds two for a question about
    figures (one asking a figure, whether sources agree, "as big as the organisers said", or what the "different
    figures" it speaks of were), the sides the best sentence's article or the question itself announces
    (`announced_sides`)."""
    found = sides_found(question, best, pool, counted_alike)
    about_figures = (asked_value(question) == "figure" or asks_whether_sources_agree(question)
                     or announces_different_accounts(question.text))
    if found or not about_figures or counts_nothing_known(question):
        return found
    return announced_sides(question, best, pool, counted_alike)


# How alike (`_alike`) the words around two figures must read to be sides of a dispute the article announces: lower
# than `COUNTED_ALIKE`, since the article has said they count one thing ("put attendance at about 4,500" against
# "said more than 12,000 people had joined the march").
ANNOUNCED_ALIKE = 0.4
# How many words after a word of differing may say what differs ("gave very different figures", "conflicting accounts").
_ACCOUNTS_WITHIN = 3


def announces_different_accounts(text: str) -> bool:
    """The text says in so many words that sources give different accounts: a word of differing before an account
    noun ("gave sharply different estimates of the crowd", "conflicting accounts", `DIFFERING_ADJECTIVES`,
    `ACCOUNTS`), "describe very differently", or a verb of disagreeing ("The two sides disagree.")."""
    words = tokens(text)
    for index, word in enumerate(words):
        if word.lower == "differently" or lemmas(word.lower) & {"disagree"}:
            return True
        if word.lower in DIFFERING_ADJECTIVES and any(
                after.lower in ACCOUNTS for after in words[index + 1:index + 1 + _ACCOUNTS_WITHIN]):
            return True
    return False


def announced_sides(
    question: Question, best: Candidate, pool: Sequence[Candidate], counted_alike: CountedAlike | None
) -> list[Candidate]:
    """A figure question about a story whose article says its sources give different figures (its lead: "organisers
    and police gave sharply different estimates of the crowd"), or that says so itself ("How much is owed? The two
    sides disagree."): the surest figure of each source of the best sentence's article is a side when it counts what
    the first side counts at `ANNOUNCED_ALIKE` and gives another figure; the best sentence is the first side, unless it
    is the sentence announcing them (the lede). [] unless two sources do, when the best sentence is neither a side
    nor that announcement ("How many was the camp built to hold?" is not what the sources' arrival counts differ
    on), or when the question asks one source only."""
    lead_announces = announces_different_accounts(best.lead)
    if counted_alike is None or not (lead_announces or announces_different_accounts(question.text)):
        return []
    said = [c for c in pool if c.claimant and same_article(c, best) and _gives_a_figure_side(question, c)]
    if not (announces_different_accounts(best.text)
            or (best in said and _among_the_announced(best.lead if lead_announces else question.text, best))):
        return []  # the likeliest answer is neither the announcement nor one of the sources it names: another fact
    sides: list[Candidate] = []
    values: list[frozenset[Any]] = []
    for candidate in sorted(said, key=lambda c: (c is not best, -(c.confidence or 0.0))):
        value = value_of("figure", candidate.text, candidate.claimant, question)
        if any(same_source(candidate, side) for side in sides) or not all(_differ(value, seen) for seen in values):
            continue
        if sides and (_alike(counted_alike, sides[0].text, candidate.text) < ANNOUNCED_ALIKE
                      or any(roughly_the_same(candidate.text, side.text) for side in sides)):
            continue
        if best in said and candidate.similarity < best.similarity - SIDE_SIMILARITY_MARGIN:
            continue  # beside a best sentence that is a side, a far one may count what the others differ on, not what is asked
        sides.append(candidate)
        values.append(value)
        if len(sides) == MAX_SIDES:
            break
    return sides if len(sides) > 1 and not _asks_one_source(question, sides) else []


def _gives_a_figure_side(question: Question, candidate: Candidate) -> bool:
    """The candidate may be a side of a figure dispute its story announces or its question names: judged at least
    `SIDE_MIN_CONFIDENCE`, it gives a figure of what is asked, counting nothing else once its source's name and
    introduction are left out (`_without_introduction`), and no other toll."""
    return ((candidate.confidence or 0.0) >= SIDE_MIN_CONFIDENCE
            and bool(value_of("figure", candidate.text, candidate.claimant, question))
            and not counts_something_else(question, _without_introduction(candidate))
            and not another_toll_event(question, candidate.text))


def _among_the_announced(announcement: str, candidate: Candidate) -> bool:
    """The announcement names the candidate's source: by a word of its name, of its introduction in the sentence, or
    of a noun its article calls it by, or the generic noun of their kind ("the two governments" for "Tavlenia's
    foreign ministry"; "the government and aid groups" for "The aid group Zennavik Hands"; not for a third source,
    "The Orlethorpe Shelter Office", whose count of a camp's residents is no side of theirs)."""
    own = {w.lower for w in [*tokens(candidate.claimant or ""), *_introduction(candidate)] if w.lower not in STOPWORDS}
    own |= described_as(candidate)
    named = {stem(word) for word in own | of_kind(own)}
    return any(stem(w.text) in named for w in tokens(announcement) if w.lower not in STOPWORDS)


def sides_found(
    question: Question, best: Candidate, pool: Sequence[Candidate], counted_alike: CountedAlike | None = None
) -> list[Candidate]:
    """``best`` and the sentences of other sources (at most `MAX_SIDES` in all) that answer the same question with
    another value of what it asks, about the same story; [] when no other source disagrees. A source's own
    revision is not a side (another sentence of the same claimant, or of the same outlet when neither names one).

    ``counted_alike(a, b)`` says how alike (cosine) the words around two sentences' figures are: "640 employees
    will lose their jobs" and "900 workers would be laid off" count the same thing in other words. With it, a
    side may also be a sentence far less like the question than the best one (`_side_beyond_margin`)."""
    kind = asked_value(question) or ("position" if asks_every_side(question) and best.claimant else None)
    if kind is None or (kind == "name" and not best.claimant) or another_toll_event(question, best.text):
        return []
    if kind == "figure" and (counts_something_else(question, best.text) or counts_nothing_known(question)):
        return []
    if kind == "figure" and len(parties := parties_named(question)) > 1:
        named_sides = each_partys_figure(question, parties, best, pool)
        if named_sides:
            return named_sides
    mine = value_of(kind, best.text, best.claimant, question)
    summary: Candidate | None = None
    if kind == "figure" and not best.claimant and counts_only_vaguely(question, best.text):
        mine = frozenset()  # "Thousands of people rallied ... to save bus depot 3": the 3 counts no one
    if not mine and kind == "figure" and not best.claimant:
        # "Crowds filled the square ..." above "Officers put the turnout at about 3,500" and the union's
        # "12,000": the article's own summary gives no figure; its sources' counts are the answer and the sides.
        anchor = _counted_by_a_source(question, best, pool, counted_alike)
        if anchor is None:
            return []
        summary, best, mine = best, anchor, value_of(kind, anchor.text, anchor.claimant, question)
    if not mine:
        return []
    sides, values = [best], [mine]
    for other in sorted((c for c in pool if c is not best), key=lambda c: _side_order(c, best)):
        if any(same_source(other, side) for side in sides):
            continue
        disputed = kind == "figure" and (disputed_in_words(question, other, best, counted_alike) or (
            summary is not None and counts_what_the_summary_counts(question, other, summary, counted_alike)))
        if other.pin is not None:
            if not (_rival_of_best(other, best, question, kind) or disputed):
                continue
        elif not (_may_be_a_side(other, best, question) or disputed
                  or _side_beyond_margin(other, best, question, kind, counted_alike)):
            continue
        if kind == "figure" and not ((disputed or _counts_the_same(other, best, counted_alike))
                                     and not _owned_by_another(other, best)
                                     and not another_period(question, best.text, other.text)):
            continue
        if kind == "figure" and not disputed and _disputed_by_another_count(question, other, best, pool, counted_alike):
            continue
        if kind == "name" and not (other.claimant and same_article(other, best)):
            continue  # a name is disputed by sources that say who they are, in one story: not by passing mentions
        if kind == "position" and not other.claimant:
            continue  # every party's position: a party says it, not the article's own words
        value = value_of(kind, other.text, other.claimant, question)
        if kind == "stance":
            # "Do the police and the organisers agree ...?": a source the question names is asked about.
            named = named_in(other.claimant or "", question.text)
            compared = _figures_compared(question, other, best, counted_alike)
            if asks_whether_sources_agree(question) and figure_values(best.text) and not (named or compared):
                continue  # whether the sources agree on a figure: another figure of the same count, not any yes or no
            asked_about = named or compared
            if not (asked_about or named_in(other.claimant or "", best.text) or _meets_what_is_asked(other, best)
                    or negates_a_question_word(question, other.text)):
                continue
            # Sources compared on a figure differ by their figures, each from the others' ("212 million", "150 million").
            value = value_of("figure", other.text, other.claimant, question) if compared else \
                _figures_or_stance(other, best, question, value, counted_alike, asked_about)
        if not value or not all(_differ(value, seen) for seen in values):
            continue
        if kind == "figure" and any(roughly_the_same(other.text, side.text) for side in sides):
            continue
        sides.append(other)
        values.append(value)
        if len(sides) == (2 if kind == "stance" and not asks_whether_sources_agree(question) else MAX_SIDES):
            break
    return sides if len(sides) > 1 and not _asks_one_source(question, sides) else []


def asks_one_ledger_side(question: Question, dispute: Dispute, candidates: Sequence[Candidate]) -> bool:
    """"How many jobs does the union say will go?": the question names a source (`Question.claimed_by`) that says
    one side only of the ledger's dispute, by the sentence that side quotes (`sources.said_by`: its name, its
    introduction or a noun its article calls it by). That source's figure is asked, not every side's."""
    if not question.claimed_by:
        return False
    def said(side: Side) -> bool:
        quote = side.latest.quote.strip()
        return any(said_by(question.claimed_by, c) for c in candidates if quote and (quote in c.text or c.text.strip() in quote))
    return sum(1 for side in dispute.sides if said(side)) == 1


def parties_named(question: Question) -> list[tuple[str, ...]]:
    """The sources a question names as its sides, each by its words: "according to the first reports from the company
    and the union" -> (company,), (union,); "what do the government and the aid workers each say" -> (government,),
    (aid, workers). Of each party's phrase, the first run of words that are neither function words nor which figure
    it is ("first reports", "first estimates": `pins.names_a_figure`). [] when the question names one source or none."""
    words = asked_sources(question.text)
    if not names_several_parties(words):
        return []
    parties: list[tuple[str, ...]] = []
    phrase: list[str] = []
    for word in [*words, None]:
        if word is not None and word.lower != "and":
            phrase.append(word.text)
            continue
        runs = [tuple(run.split()) for run in " ".join(w if w.lower() not in STOPWORDS else "|" for w in phrase).split("|")]
        party = next((run for run in runs if run and not names_a_figure(run)), None)
        if party:
            parties.append(party)
        phrase = []
    return parties


def each_partys_figure(
    question: Question, parties: Sequence[tuple[str, ...]], best: Candidate, pool: Sequence[Candidate]
) -> list[Candidate]:
    """A figure question that names its sides ("according to the company and the union"): each named party's surest
    sentence of the best one's story (`sources.said_by`: its name, its introduction or a noun the article calls it
    by) that gives a figure of what is asked, judged at least `SIDE_MIN_CONFIDENCE`; the sides when two parties or
    more give different figures, else [] (one party alone is no dispute). The question says who the sides are, so
    the words around their figures need not read alike ("17 miners were trapped", "nineteen men were unaccounted
    for")."""
    sides: list[Candidate] = []
    for party in parties:
        said = [c for c in pool if _party_says(party, c) and same_story(c, best) and _gives_a_figure_side(question, c)
                and not any(same_source(c, side) for side in sides)]
        surest = max(said, key=lambda c: c.confidence or 0.0, default=None)
        if surest is not None:
            sides.append(surest)
    values = [value_of("figure", side.text, side.claimant, question) for side in sides]
    differ = all(_differ(a, b) for i, a in enumerate(values) for b in values[i + 1:])
    return sides if len(sides) > 1 and differ else []


# How many words before its name may say what a source is ("The mine's operator, Vossmark Mining, said").
_INTRODUCED_WITHIN = 4


def _party_says(party: tuple[str, ...], candidate: Candidate) -> bool:
    """The candidate is said by the party a question names (`sources.said_by`), or its sentence introduces its source
    by the party's noun or one of its kind (`ORGANISATION_KINDS` by `of_kind`) just before the name: "company" for
    "The mine's operator, Vossmark Mining, said 17 miners were trapped"."""
    if said_by(party, candidate):
        return True
    if len(party) != 1:
        return False
    before = {w.lower for w in _introduction(candidate) if w.lower not in STOPWORDS}
    return stem(party[0]) in {stem(n) for n in before | of_kind(before)}


def _introduction(candidate: Candidate) -> list[Token]:
    """The words that introduce the candidate's source just before its name in the sentence ("The miners' union, the"
    of "The miners' union, the Federation of Underground Workers, said"); [] when the sentence does not name it."""
    words = tokens(candidate.text)
    first = (candidate.claimant or "").split()[:1]
    named = next((i for i, w in enumerate(words) if [w.text] == first), None)
    return [] if named is None else words[max(0, named - _INTRODUCED_WITHIN):named]


def _without_introduction(candidate: Candidate) -> str:
    """The sentence without its source's name and the words introducing it: "The miners' union, the Federation of
    ..., said nineteen men were unaccounted for" counts men, not miners."""
    own = {stem(w.text) for w in [*tokens(candidate.claimant or ""), *_introduction(candidate)]}
    return " ".join(w.text for w in tokens(candidate.text) if stem(w.text) not in own)


def each_sources_latest(pool: Sequence[Candidate]) -> list[Candidate]:
    """The sentences of ``pool`` that no later sentence of the same source and story replaces: what each source says
    now. A latest-figure question is answered by every source's latest figure ("The guild now says 2,600 workers are
    taking part" and "The operator disputes that, saying 850 were absent"), never by a source's earlier figure set
    against its own revision (that is what it replaces, `latest_figure.compose_latest`)."""
    return [c for c in pool if next(_figures_of_its_source(c, pool, later=True), None) is None]


def _figures_of_its_source(candidate: Candidate, pool: Sequence[Candidate], later: bool) -> Iterator[Candidate]:
    """The sentences of ``pool`` that give a figure and were published later (``later``) or earlier than
    ``candidate``, said by its source (`same_source`) about its story (`same_story`): what revised it, or what it
    revised."""
    when = candidate.metadata.get("published", "")
    for other in pool:
        published = other.metadata.get("published", "")
        in_time = published > when if later else published < when
        if in_time and figure_values(other.text) and same_source(candidate, other) and same_story(candidate, other):
            yield other


# "according to the first reports", "in their first estimates", "when the ministry first reported", "what did the
# union originally say": the question asks each source's earliest figure, not what later replaced it.
_FIRST_FIGURES = re.compile(
    r"\b(?:first|initial|initially|original|originally|earliest)\s+(?:\w+\s+)?"
    r"(?:reports?|announcements?|estimates?|statements?|figures?|counts?|tall(?:y|ies)|tolls?|numbers?"
    r"|reported|said|say|announced|estimated|counted|put|gave|give)\b",
    re.IGNORECASE,
)


def asks_first_figures(question: Question) -> bool:
    """The question asks the figures as first given ("How many miners were trapped, according to the first reports
    from the company and the union?"): each source at its earliest statement (`each_sources_first`)."""
    return bool(_FIRST_FIGURES.search(question.text))


def each_sources_first(pool: Sequence[Candidate]) -> list[Candidate]:
    """The sentences of ``pool`` that no earlier sentence of the same source and story with a figure precedes: what
    each source said first. The mirror of `each_sources_latest`: "Vossmark Mining now says 18 miners were trapped, one
    more than it first reported" is what replaced the first report, not a side of it."""
    return [c for c in pool if next(_figures_of_its_source(c, pool, later=False), None) is None]


def first_of_its_source(best: Candidate, pool: Sequence[Candidate]) -> Candidate:
    """The earliest statement in ``pool`` of the best sentence's own source and story that gives a figure: the first
    figure asked for (the best sentence when it is that one, or its source said nothing earlier)."""
    return min(_figures_of_its_source(best, pool, later=False),
               key=lambda c: (c.metadata.get("published", ""), -(c.confidence or 0.0)), default=best)


# The pins a rival source's side may miss when it stands in the chosen side's own article (`rival_in_article`): a
# second party's date or figure is rarely written with the thing's name ("The Hill Farmers' Party ... will not accept
# any date before 2037" two sentences below "when the Wenlow refinery should close").
RIVAL_WAIVED_PINS = frozenset({"name"})
# A rival count may also call what it counts by a linked noun ("fewer than nine hundred of its 3,100 staff" for "how
# many workers", `pins.counts_a_linked_noun`) and say the crowd's event in other words ("about twelve thousand people
# took part" for "how many marched"): with the name, the pins that turned down most missed sides of the develop files'
# count disputes (docs/evaluation.md, round 11 `sides11`).
FIGURE_RIVAL_WAIVED_PINS = RIVAL_WAIVED_PINS | {"counted noun", "event"}


def rival_in_article(question: Question, candidate: Candidate, matcher: TermMatcher) -> bool:
    """For a question asking a date or a figure: the candidate names its source, misses only pins a rival side may miss
    (`RIVAL_WAIVED_PINS`; for a figure `FIGURE_RIVAL_WAIVED_PINS`, its noun linked to the one asked and no event but a
    crowd's), and, its source's words left out, names nothing the question does not ("the Sutterby link road, part of
    the same scheme, would open in 2029" is another road's date). It is then judged, never the answer alone: a date's
    rival may be a side of an answer-time dispute in an article that meets the pins (`_rival_of_best`); a figure's
    tells that a ledger dispute it is a side of is about what was asked (`answering._judged_rival`)."""
    kind = asked_value(question)
    if kind not in ("date", "figure") or not candidate.claimant:
        return False
    unmet = {pin.kind for pin in PIN_CHECKS if pin.check(question, candidate, matcher)}
    waived = RIVAL_WAIVED_PINS if kind == "date" else FIGURE_RIVAL_WAIVED_PINS
    if not unmet or not unmet <= waived or names_another(question, _without_source(candidate)):
        return False
    if "counted noun" in unmet and not counts_a_linked_noun(question, candidate, matcher):
        return False
    return "event" not in unmet or _a_crowd_counted(question, candidate.text)


def _a_crowd_counted(question: Question, text: str) -> bool:
    """The question asks a crowd's event ("marched", "attended") and the sentence says no other event happened: a
    crowd's size is told in many words ("took part", "turned out", "joined"), a toll only with its own verb."""
    asked = {EVENTS[t.word.lower()] for t in question.event if t.word.lower() in EVENTS}
    return asked == {"attended"} and _events_said(text) <= asked


def _without_source(candidate: Candidate) -> str:
    """The sentence with its claimant's words left out ("The Hill Farmers' Party, whose voters ..., has said")."""
    own = {stem(w.text) for w in tokens(candidate.claimant or "")}
    return " ".join(w.text for w in tokens(candidate.text) if stem(w.text) not in own)


def _rival_of_best(other: Candidate, best: Candidate, question: Question, kind: str) -> bool:
    """A side that missed the name pin (`rival_in_article`) is one only of a date, in the best sentence's own
    article, which met it, judged a side there (`_qualifies_as_side`). Not of a figure: a figure without the
    thing's name is as often another count of the same article ("three or four jobs on the quay" beside "employ
    about 8,700 people"; another scientist's age range beside a correction of it), and the words around two
    figures do not tell them apart (docs/evaluation.md, round 8 `conflicts8b`; round 11 `sides11` measured it again:
    a figure rival taken at answer time when it counted alike at `COUNTED_ALIKE` put "Sources disagree" on four
    develop questions that had none, and found no missed side). A figure rival is judged only so that a ledger
    dispute whose side it is answers (`answering._judged_rival`)."""
    return kind == "date" and same_article(other, best) and _qualifies_as_side(other, best, question)


# How many sentences may stand between a count and another source's that the article says disputes it ("The union
# said 1,400 workers had stayed off the job." [its organiser's demand] "The company disputed the union's count,
# saying 520 of its employees were absent.").
_DISPUTE_REACH = 1
# A sentence boundary inside a passage: end punctuation, maybe a closing quote, then white space.
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+")
# How many words after a verb of disputing may hold what it disputes ("rejected the opposition party's claims").
_DISPUTED_WITHIN = 4


def disputed_in_words(
    question: Question, other: Candidate, best: Candidate, counted_alike: CountedAlike | None = None
) -> bool:
    """The article says in so many words that one of the two sources disputes the other's count (`disputes_a_count`
    in either sentence), within `_DISPUTE_REACH` sentences: then the other's figure is a side however it words what
    it counts ("520 of its employees were absent" against "1,400 workers had stayed off the job"; "560 suspected
    cases" below a lede's "but a medical charity said the real number was far higher") and however
    unlike the question it reads, if it met the pins or missed only those a rival side may miss (`rival_in_article`),
    names its source, and counts nothing the question names beside none of its figures (`counts_something_else`)
    and no other toll."""
    if not (other.claimant and same_article(other, best) and not same_source(other, best)
            and other.features is not None and value_of("figure", other.text, other.claimant, question)):
        return False
    if counts_something_else(question, other.text) or another_toll_event(question, other.text):
        return False
    between = _sentences_between(best, other)
    if between is None or between > _DISPUTE_REACH:
        return False
    first, second = sorted((best, other), key=lambda c: c.start)
    # A verb of disputing or a corrected count answers what was said before it ("disputes that", "the true number
    # was nearer 3,000"); a correction without a figure announces one said after it ("but a charity said the real
    # number was far higher", the charity's own count a sentence or two below).
    if disputes_a_count(second.text) or corrects_a_count(second.text):
        # "rejected that figure" answers the count before it that reads most like its own, which need not be the
        # sentence right before it ("14 pumps" stands between "380 homes" and "900 households").
        return counted_alike is not None and _answers(second, first, counted_alike)
    return announces_a_correction(first.text)


def counts_only_vaguely(question: Question, text: str) -> bool:
    """The sentence counts what the question counts only with a vague quantity ("Thousands of people rallied",
    `VAGUE_QUANTITIES`), beside none of its figures: its figures ("to save bus depot 3") count something else."""
    counted = {stem(w.text) for w in tokens(question.counted)}
    words = tokens(text)
    vague = False
    for index, word in enumerate(words):
        if not (word.text[:1].isdigit() or word.lower in NUMBER_WORDS):
            continue
        if not any(stems_match(c, stem(after.text)) for c in counted for after in _counted_words(words, index + 1)):
            continue
        if word.lower not in VAGUE_QUANTITIES:
            return False
        vague = True
    return vague


def counts_what_the_summary_counts(
    question: Question, other: Candidate, summary: Candidate, counted_alike: CountedAlike | None
) -> bool:
    """Under an article's own summary that gives no figure ("Thousands of people rallied in the square"), a source's
    count in that article that reads like the summary (`COUNTED_ALIKE`, the words around the figures) counts what it
    summarises, however little it reads like the question ("The organisers, Save Hobbridge Common, said 15,000 people had
    taken part"): a side, when it met the pins or missed only those a rival side may miss (`rival_in_article`), names its
    source, and counts nothing the question names beside none of its figures and no other toll. It is read against
    the summary, not the source's count that stands in for it: a police estimate of the crowd ("put the
    number of marchers at ...") may read less like the organisers' "people took part" than the summary does."""
    if counted_alike is None or not (other.claimant and same_article(other, summary) and other.features is not None
                                     and value_of("figure", other.text, other.claimant, question)):
        return False
    if counts_something_else(question, other.text) or another_toll_event(question, other.text):
        return False
    return _alike(counted_alike, summary.text, other.text) >= COUNTED_ALIKE


def _disputed_by_another_count(
    question: Question, other: Candidate, best: Candidate, pool: Sequence[Candidate], counted_alike: CountedAlike | None
) -> bool:
    """The best sentence's own source disputes the other's count in so many words with another figure than the best
    one's (`disputed_in_words`): the other's count is a side of that dispute, not of the best sentence's. "The company,
    which employs 2,300 people" does not dispute the union's "1,400 workers had stayed off the job"; the company's
    "disputed the union's count, saying 520 of its employees were absent" does."""
    mine = value_of("figure", best.text, best.claimant, question)
    return any(disputant is not best and disputant is not other and _may_be_one_source(disputant, best, other)
               and _differ(value_of("figure", disputant.text, disputant.claimant, question), mine)
               and disputed_in_words(question, other, disputant, counted_alike) for disputant in pool)


def _may_be_one_source(disputant: Candidate, best: Candidate, other: Candidate) -> bool:
    """One source (`same_source`), or, in one article, a source called by a noun alone ("the company") that the article
    does not call the other's source by (`described_as`: "the union" is the other's)."""
    if same_source(disputant, best):
        return True
    noun = (best.claimant or "").lower().removeprefix("the ")
    return (bool(noun) and not claimant_identity(noun) and same_article(disputant, best)
            and noun not in described_as(other) and noun not in (other.claimant or "").lower())


def _answers(disputing: Candidate, disputed: Candidate, counted_alike: CountedAlike) -> bool:
    """Of the sentences with a figure that stand before the disputing one, within `_DISPUTE_REACH` sentences of it
    in its passage, ``disputed`` is the one whose figures read most like the disputing sentence's (`_alike`)."""
    before = disputing.passage[:max(0, disputing.start - disputing.passage_start)]
    sentences = [s for s in _SENTENCE_END.split(before) if s.strip()][-(_DISPUTE_REACH + 1):]
    counted = [s for s in sentences if figure_values(s)]
    if not counted:
        return False
    referent = max(counted, key=lambda s: _alike(counted_alike, s, disputing.text))
    return referent.strip() in disputed.text or disputed.text.strip() in referent


def _sentences_between(a: Candidate, b: Candidate) -> int | None:
    """How many sentences stand between two sentences of one passage; None when they are not in the same one."""
    first, second = sorted((a, b), key=lambda c: c.start)
    if first.passage_start != second.passage_start or first.passage != second.passage or second.start < first.end:
        return None
    gap = first.passage[first.end - first.passage_start:second.start - first.passage_start]
    return len(_SENTENCE_END.findall(gap.strip() + " ")) if gap.strip() else 0


def corrects_a_count(text: str) -> bool:
    """The sentence gives or announces a corrected count: "the real number was far higher", "the true figure was
    nearer 3,000" (`CORRECTING_ADJECTIVES` before one of `DISPUTED_THINGS`)."""
    words = tokens(text)
    return any(word.lower in CORRECTING_ADJECTIVES and following.lower in DISPUTED_THINGS
               for word, following in zip(words, words[1:]))


def announces_a_correction(text: str) -> bool:
    """A corrected count (`corrects_a_count`) set against the sentence's own account (after `CONTRASTING`: "but")
    with no figure after it: "has infected 210 people, the office said, but a medical charity said the real number
    was far higher" announces the charity's own count, which a later sentence gives. "The charity, which runs two
    clinics, said the real figures were far higher" sets no count of its own against another's."""
    words = tokens(text)
    for index, (word, following) in enumerate(zip(words, words[1:])):
        if word.lower in CORRECTING_ADJECTIVES and following.lower in DISPUTED_THINGS:
            contrasted = any(w.lower in CONTRASTING for w in words[:index])
            return contrasted and not figure_values(text[following.end:])
    return False


def disputes_a_count(text: str) -> bool:
    """The sentence says its source disputes a count or a claim said before it: a verb of disputing
    (`DISPUTING_VERBS`) whose object, within a few words, is a count or a claim (`DISPUTED_THINGS`: "disputed the
    union's count", "rejected the ministry's claims") or a bare "that" or "it" ("disputes that, saying 70 ...").
    "disputed the office's plan" and "disputed that the pumps had been enough" dispute no count."""
    words = tokens(text)
    for index, word in enumerate(words):
        if not lemmas(word.lower) & DISPUTING_VERBS:
            continue
        after = words[index + 1:index + 1 + _DISPUTED_WITHIN]
        if any(w.lower in DISPUTED_THINGS for w in after):
            return True
        if after and after[0].lower in ("that", "this", "it") and text[after[0].end:after[0].end + 1] in (",", ".", ";", ":"):
            return True
    return False


def _counted_by_a_source(
    question: Question, summary: Candidate, pool: Sequence[Candidate], counted_alike: CountedAlike | None
) -> Candidate | None:
    """The surest sentence of the summary's article that a source says and that gives a figure of what is asked
    (`_qualifies_as_side`), when the summary itself, the article's own words, gives none."""
    found = [c for c in pool if c is not summary and c.pin is None and c.claimant and same_article(c, summary)
             and value_of("figure", c.text, c.claimant, question) and _qualifies_as_side(c, summary, question)]
    return max(found, key=lambda c: c.confidence or 0.0, default=None)


def _side_beyond_margin(
    other: Candidate, best: Candidate, question: Question, kind: str, counted_alike: CountedAlike | None
) -> bool:
    """A side far less like the question than the best sentence (beyond `SIDE_SIMILARITY_MARGIN`): a second source
    is rarely phrased like the question ("put the final bill at 410 million crowns" against "will cost 240 million
    crowns"; a laboratory's "unsafe to drink" against a utility's "safe to drink"), but what it is about is. So it
    is a side when it meets every pin and what is asked (a word of the question that is not a name: "up to
    2,000 crowns" a family does not meet "set aside for the new bridge"), has the judge's `SIDE_MIN_CONFIDENCE`,
    names its source and is about the same story; a figure must answer a question that says what its figure is
    (`_figure_kind_checked`) and count what the best one's counts, more surely than a near side's
    (`RIVAL_ALIKE`), and a yes or no must meet as much of the question as a near side's and
    say the opposite of one of its words. A date or a name is disputed only by near sides (a far year is as
    often another event's: "founded in 1889" against "would reopen in March")."""
    # A sentence of the best one's own article is about what it is about ("The clinic said it had logged some
    # 200 possible infections" below "the virus has infected 90 people") without repeating its words.
    if not (other.claimant and _qualifies_as_side(other, best, question)
            and ((other.features or {}).get("common_term_met", 1.0) == 1.0 or same_article(other, best))):
        return False
    if kind == "figure" and counted_alike is not None and question.counted and same_article(other, best):
        # Two sources' counts in one article, a few lines apart ("Officers put the turnout at about 3,500." "The
        # union said 12,000 members had joined in."), for a question counting something ("how many
        # people"): the article is the story asked about. Rates and sums ("3.1 percent", "4.5 percent") look
        # alike whatever they measure, so they keep the stricter test below.
        return _alike(counted_alike, best.text, other.text) >= COUNTED_ALIKE
    if kind == "figure":
        return (counted_alike is not None and _figure_kind_checked(question)
                and _alike(counted_alike, best.text, other.text) >= RIVAL_ALIKE)
    return kind == "stance" and (
        (same_article(other, best) and _figures_compared(question, other, best, counted_alike))
        or (_meets_what_is_asked(other, best) and _denies_the_question_word(question, other.text))
        or ((other.features or {}).get("common_term_met", 1.0) == 1.0 and negates_a_question_word(question, other.text)))


def _figure_kind_checked(question: Question) -> bool:
    """The question says what its figure is, so that a far side's can be checked against it: a count of something
    ("how many people") or a kind of figure ("how much will it cost": money). "What share of its timetable did
    the ferry line run?" says neither, and two counts of cancelled sailings near it are a dispute it did not ask
    about."""
    return bool(question.counted) or asks_figure_type(question.text)


def _denies_the_question_word(question: Question, text: str) -> bool:
    """The sentence says the opposite of one of the question's own words ("unsafe" for "is it safe"): a far "no"
    must be about what is asked, not a negation of something else ("had not been told about the inspection")."""
    asked = {w.lower for w in tokens(question.text)}
    return any(antonyms(w.lower, q) for w in tokens(text) for q in asked) or negates_a_question_word(question, text)


def negates_a_question_word(question: Question, text: str) -> bool:
    """"the storm had not caused its collapse" for "did the storm cause the collapse?": a negation just before a content
    word of the question (by lemma) says no to what is asked, however little else of the question it repeats."""
    content = {w.lower for w in tokens(question.text) if w.lower not in STOPWORDS and len(w.text) > 2}
    words = tokens(text)
    return any(negates(word.text) and any(same_lemma(after.lower, q) for after in words[i + 1:i + 1 + _NEGATED_WITHIN]
                                          for q in content) for i, word in enumerate(words))


def _counts_the_same(other: Candidate, best: Candidate, counted_alike: CountedAlike | None) -> bool:
    """A figure side counts what the best sentence's figure counts, maybe in other words ("workers would be laid
    off" / "employees will lose their jobs"), by the words around the figures; without the model, what the
    question counts (the judge's `figure_about`)."""
    if counted_alike is None:
        return (other.features or {}).get("figure_about", 1.0) == 1.0
    return _alike(counted_alike, best.text, other.text) >= COUNTED_ALIKE


def _alike(counted_alike: CountedAlike, a: str, b: str) -> float:
    """How alike two sentences' figures count, each also read as its estimate says ("put the turnout at about 3,500"
    counts a turnout: the words after its figure say nothing)."""
    return counted_alike(with_estimate_read(a), with_estimate_read(b))


# "put the turnout at about 3,500", "estimated attendance at 40,000": what is estimated, then the figure.
_ESTIMATE = re.compile(
    r"\b(?:put|puts|estimated|estimates|counted|counts|pegged|pegs|placed|places)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<counted>[a-z][a-z'’ -]{1,40}?)\s+at\s+(?:[a-z]+\s+){0,2}?(?P<figure>\d[\d,.]*\d|\d)"
)


def with_estimate_read(text: str) -> str:
    """The sentence, and after it each estimate it makes written as a figure and what it counts ("3,500 turnout"),
    so that the words after a figure say what it counts."""
    readings = [f"{m.group('figure')} {m.group('counted')}" for m in _ESTIMATE.finditer(text)]
    return " ".join([text, *readings])


def _owned_by_another(other: Candidate, best: Candidate) -> bool:
    """The side's figure belongs to someone the best sentence does not name: "the Green Union's 20 seats" against
    "the People's Alliance won 47 seats" counts another party's seats. A name beside a figure that is its source
    ("police said 6,500") or a nationality ("6,000 Russian soldiers") does not make it another's."""
    said = {stem(w.text) for w in tokens(f"{best.text} {best.claimant or ''}")}
    source = {stem(w.text) for w in tokens(f"{other.claimant or ''} {outlet(other)}")}
    words = tokens(other.text)
    for index, word in enumerate(words):
        if not (word.text[:1].isdigit() and figure_values(word.text)):
            continue
        for near in words[max(0, index - _OWNER_WINDOW):index + _OWNER_WINDOW + 1]:
            if (near.text[:1].isupper() and near.start > 0 and near.lower not in STOPWORDS
                    and not is_nationality(near.text) and not is_calendar_word(near)
                    and stem(near.text) not in said and stem(near.text) not in source):
                return True
    return False


# How many words after a figure may name the year it is for ("1.2 million tourists visited Kelmsby in 2024").
_YEAR_AFTER = 6


def another_period(question: Question, best: str, other: str) -> bool:
    """The other sentence's figure is for another year: it names a year beside its figure, and that is neither the
    year the question asks about nor a year the best sentence names beside its own ("900,000 tourists in 2023"
    against "1.2 million tourists in 2024")."""
    theirs = _figure_years(other)
    if not theirs:
        return False
    asked = {str(int(n)) for n in question.numbers if YEAR.fullmatch(str(int(n)))} if question.numbers else set()
    mine = _figure_years(best)
    return bool(asked and not theirs & asked) or bool(mine and not theirs & mine)


def _figure_years(text: str) -> set[str]:
    """The years named within a few words after a figure of ``text`` (a year alone is not a figure)."""
    words = tokens(text)
    years: set[str] = set()
    for index, word in enumerate(words):
        if word.text[:1].isdigit() and not YEAR.fullmatch(word.text) and figure_values(word.text):
            years.update(w.text for w in words[index + 1:index + 1 + _YEAR_AFTER] if YEAR.fullmatch(w.text))
    return years


def roughly_the_same(a: str, b: str) -> bool:
    """One sentence rounds the other's figure: "about 3,000 people" and "we counted 3,150" agree (a quote and the
    article's paraphrase of it), "about 3,000" and "1,800" do not. Only rounding hedges (`ROUNDING_HEDGES`) round."""
    pairs = ((a, b), (b, a))
    return any(_rounds_to(rounded, figure_values(other)) for text, other in pairs for rounded in _rounded(text))


def _rounded(text: str) -> list[float]:
    """The figures of ``text`` written round after a rounding hedge ("about 3,000"), as values."""
    words = tokens(text)
    found = []
    for index, word in enumerate(words):
        before = " ".join(w.lower for w in words[max(0, index - 2):index])
        values = figure_values(word.text) if word.text[:1].isdigit() else []
        if values and is_round(values[0]) and any(
                before == hedge or before.endswith(" " + hedge) for hedge in ROUNDING_HEDGES):
            found.append(values[0])
    return found


def _rounds_to(rounded: float, others: list[float]) -> bool:
    """An ``others`` figure rounds to ``rounded`` at its precision (`rounds_to`)."""
    return any(rounds_to(rounded, other) for other in others)


def _figures_or_stance(
    other: Candidate, best: Candidate, question: Question, stance: frozenset[Any], counted_alike: CountedAlike | None,
    asked_about: bool = False,
) -> frozenset[Any]:
    """"Do the police and the organisers agree on the size of the march?": two figures of the same count (or one
    of a source the question names) answer a yes/no question about them, as "no" when they differ. Else the
    sentence's own yes or no."""
    mine, theirs = figure_values(best.text), figure_values(other.text)
    if not mine or not theirs:
        return stance
    alike = asked_about or (counted_alike is not None and counted_alike(best.text, other.text) >= COUNTED_ALIKE)
    if not alike:
        return stance
    return frozenset({"figures differ"}) if not set(mine) & set(theirs) else frozenset({affirms(best.text, question)})


def _meets_what_is_asked(candidate: Candidate, best: Candidate) -> bool:
    """A yes or no is a side only about what was asked: the sentence meets a word of the question that is not a
    name, and at least half as much of the question as the best sentence does."""
    features = candidate.features or {}
    return features.get("common_term_met", 1.0) == 1.0 and candidate.coverage >= _SIDE_COVERAGE * best.coverage


def _asks_one_source(question: Question, sides: Sequence[Candidate]) -> bool:
    """"What toll does Kyiv give?": the question names the source of one side with a verb of saying, and asks
    for that side only ("How many jobs will Ostrey Mill cut?" names the mill as what it is about)."""
    says = any(w.lower in SOURCE_VERBS for w in tokens(question.text))
    named = ([" ".join(e) for e in question.entities] if says else []) + (
        [" ".join(question.claimed_by)] if question.claimed_by else [])
    return any(sum(1 for side in sides if _said_by(name, side)) == 1 for name in named)


def _said_by(name: str, side: Candidate) -> bool:
    """The side's claimant is ``name`` (an acronym meets its words: "UN", "United Nations"); or, when the sentence
    names no claimant, the sentence names it ("The United Nations had previously spoken of 142 deaths")."""
    if side.claimant:
        return (same_claimant(name, side.claimant) or entity_met(tuple(name.split()), side.claimant)
                or said_by(tuple(name.split()), side))  # "the union" for "the papermakers' union, the Guild of ..."
    return entity_met(tuple(name.split()), side.text)


def _side_order(candidate: Candidate, best: Candidate) -> tuple[bool, float]:
    """A source the best sentence itself names ("contradicting the harbour master") first, then the judge's surest."""
    return not named_in(candidate.claimant or "", best.text), -(candidate.confidence or 0.0)


def _may_be_a_side(candidate: Candidate, best: Candidate, question: Question) -> bool:
    """A side (`_qualifies_as_side`) nearly as close to the question as the best sentence."""
    return (candidate.similarity >= best.similarity - SIDE_SIMILARITY_MARGIN
            and _qualifies_as_side(candidate, best, question))


def _qualifies_as_side(candidate: Candidate, best: Candidate, question: Question) -> bool:
    """Judged (it met the pins) with at least `SIDE_MIN_CONFIDENCE`, counts what is asked and what happened to it
    ("wounded" is not "killed"), and is about the same story as the best sentence."""
    features = candidate.features
    return (
        features is not None
        and (candidate.confidence or 0.0) >= SIDE_MIN_CONFIDENCE
        and features.get("focus_met", 1.0) == 1.0
        and counts_what_happened(question, candidate, best)
        and not another_toll_event(question, candidate.text)
        and not counts_something_else(question, candidate.text)
        and same_story(candidate, best)
    )


def counts_something_else(question: Question, text: str) -> bool:
    """The sentence writes what the question counts, but beside none of its figures: "cancelled 140 flights as
    pilots staged a strike" counts flights, not pilots. A sentence that does not write the counted word at all
    ("640 employees" for "how many people") may count it in other words, and is not ruled out here."""
    counted = [t.stem for t in question.focus]
    words = tokens(text)
    if not counted or not any(stems_match(c, stem(w.text)) for c in counted for w in words):
        return False
    for index, word in enumerate(words):
        if not (word.text[:1].isdigit() or word.lower in NUMBER_WORDS):
            continue
        if any(stems_match(c, stem(after.text)) for c in counted for after in _counted_words(words, index + 1)):
            return False
    return True


def _counted_words(words: Sequence[Any], start: int) -> Sequence[Any]:
    """The words from ``start`` (just after a figure) that may name what it counts: "Russian soldiers" in
    "6,000 Russian soldiers have", "soldiers" in "498 of its soldiers had" (a partitive "of its" is passed over)."""
    if start < len(words) and words[start].lower == "of":
        start += 1
        while start < len(words) and words[start].lower in STOPWORDS:
            start += 1
    counted = []
    for word in words[start:start + COUNTED_REACH]:
        if word.lower in STOPWORDS:
            break
        counted.append(word)
    return counted


def another_toll_event(question: Question, text: str) -> bool:
    """The question asks about one toll event ("how many were wounded") and the sentence names only others
    ("6,000 soldiers have been killed"): its figure counts another toll (`EVENTS` kinds, not word vectors,
    which put "casualties" beside "wounded")."""
    asked = {EVENTS[t.word.lower()] for t in question.event if t.word.lower() in EVENTS}
    if not asked:
        return False
    said = _events_said(text)
    return bool(said) and not said & asked


def counts_what_happened(question: Question, candidate: Candidate, best: Candidate) -> bool:
    """The candidate's figure counts what happened in the question (the judge's `event_met`), or it stands in the
    best sentence's article and names no event of its own ("Officers put the turnout at about 3,500" counts
    the rally), unless the question asks a toll ("how many have died"): a toll is said with its verb, so "200
    possible infections" is not one."""
    if (candidate.features or {}).get("event_met", 1.0) >= _EVENT_MET:
        return True
    asks_a_toll = any(EVENTS.get(t.word.lower(), "attended") != "attended" for t in question.event)
    return not asks_a_toll and same_article(candidate, best) and _events_said(candidate.text) <= _events_said(best.text)


def _events_said(text: str) -> set[str]:
    """What the sentence says happened (`EVENTS` kinds: "killed", "arrested", "attended"): a sentence of the best
    one's article that says nothing else happened ("Officers put the turnout at about 3,500") counts the best's event."""
    return {EVENTS[w.lower] for w in tokens(text) if w.lower in EVENTS}


def same_story(a: Candidate, b: Candidate) -> bool:
    """One article, or two whose headlines name the same proper name: two budgets, two cup finals or two
    central banks are different stories even when their sentences read alike."""
    if same_article(a, b):
        return True
    return bool(_headline_names(str(a.metadata.get("title", ""))) & _headline_names(str(b.metadata.get("title", ""))))


def _headline_names(title: str) -> set[str]:
    """Stems of a headline's capitalised words that are not function words ("Brackenfold", "SkyVarnholm")."""
    words = tokens(title)
    return {stem(w.text) for i, w in enumerate(words)
            if w.text[:1].isupper() and w.lower not in STOPWORDS and (i > 0 or english_zipf(w.text) < _COMMON_ZIPF)}


def value_of(kind: str, text: str, claimant: str | None, question: Question) -> frozenset[Any]:
    """The values of the asked kind that ``text`` (said by ``claimant``) gives (empty: it gives none); a party's
    position (`asks_every_side`) is its own sentence."""
    if kind == "position":
        return frozenset({text})
    if kind == "figure":
        return frozenset(v for v in figure_values(text) if v not in question.numbers)
    if kind == "date":
        return frozenset(m.group() for m in YEAR.finditer(text) if float(m.group()) not in question.numbers) or frozenset(
            w.lower for w in tokens(text) if w.lower in MONTHS and is_calendar_word(w)
        )
    if kind == "name":
        speaker = {w.lower for w in tokens(claimant or "")}
        return frozenset(n for n in new_names(text, question) if n.lower() not in speaker)
    return frozenset({affirms(text, question)})


def _differ(value: frozenset[Any], other: frozenset[Any]) -> bool:
    """Two sides give different values: no value in common (a yes against a no)."""
    return not (value & other)


def affirms(text: str, question: Question) -> bool:
    """Does ``text`` say yes to the yes/no question? An odd count of negations ("denied", "not") and antonyms
    of the question's own words ("unsafe" for "safe") says no; the question's own negations count too."""
    asked = [w.lower for w in tokens(question.text)]
    flips = sum(1 for w in tokens(text) if negates(w.text) or any(antonyms(w.lower, q) for q in asked))
    flips += sum(1 for w in asked if negates(w))
    return flips % 2 == 0


def as_a_side(candidate: Candidate) -> Candidate:
    """A sentence that names no source speaks for its outlet, which the answer names as its source."""
    if candidate.claimant:
        return candidate
    return replace(candidate, claimant=outlet(candidate))


def disagreement(
    sides: Sequence[Candidate], question: Question, limit: int,
    compose: Callable[[list[Candidate], Question, int], tuple[str, list[Citation]]],
) -> tuple[str, list[Citation], dict[str, Any]] | None:
    """"Sources disagree. According to A: ... [1] According to B: ... [2]", composed by the answerer's own
    ``compose``: every side whole if that fits ``limit``, else each cut to its share; fewer sides when neither
    fits or a cut loses the value a side gives; None when two sides do not fit."""
    kind = asked_value(question) or ""
    chosen = [as_a_side(side) for side in sides]
    for count in range(len(chosen), 1, -1):
        for budget in side_budgets(limit, count):
            text, citations = compose(chosen[:count], question, budget)
            opened = DISAGREE + text
            first = MARKER.search(opened)
            if first is not None and not _opening_supported(opened[:first.end()], citations[0]):
                opened = text
            if len(MARKER.sub("", opened)) > limit or not all(
                value_of(kind, c.quote, c.claimant, question) for c in citations
            ):
                continue
            table = {
                "subject": question.text,
                "kind": "statement",
                "sides": [{"claimant": c.claimant, "relay": c.relay, "value": None, "quote": c.quote,
                           "as_of": c.published, "citation": c.n} for c in citations],
            }
            return opened, citations, table
    return None


# The shortest cut of a side's sentence worth trying before a side is dropped: a claimant's figure and its noun.
_SHORTEST_SIDE = 60
# The first cut of a side's sentence however many sides share the answer: shorter cuts are tried only after it.
_SIDE_SHARE_FLOOR = 80


def side_budgets(limit: int, count: int) -> list[int]:
    """The lengths each of ``count`` sides' sentences may be cut to, longest first: whole, its share of the answer
    (never under `_SIDE_SHARE_FLOOR`), then shorter cuts by a quarter each down to `_SHORTEST_SIDE`, so that every side
    is kept, shorter, before one is dropped (a third side cut at its share could lose its figure to a word boundary,
    and the side went)."""
    share = max(_SIDE_SHARE_FLOOR, (limit - len(DISAGREE)) // count - 40)
    budgets = [limit, share]
    while budgets[-1] > _SHORTEST_SIDE:
        budgets.append(max(_SHORTEST_SIDE, budgets[-1] * 3 // 4))
    return list(dict.fromkeys(budgets))


def _opening_supported(sentence: str, citation: Citation) -> bool:
    claimant = claimant_label(citation.claimant, citation.relay, inline=False) if citation.claimant else None
    return supports(citation.quote, sentence, claimant)
