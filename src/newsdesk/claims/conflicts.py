"""Conflicts: claims about the same subject that disagree, and answers that give every side.

Figures group by their canonical subject key (counted noun and event, e.g.
``russi|soldier|killed``); claims in different articles group only when the
articles share specific names (their topics), so "people killed" in a ferry
disaster never meets "people killed" at a dam. A group is disputed when its
sides (claimants, merged when one name contains the other's) give different
figures, or when one side revised its figure: the latest, by its as-of date,
stands and the earlier ones are mentioned.

Statements are disputed when a statement pushes back on one made just before
it by another side ("rejected this", "denied", "But X said", "while Y
argued", or an unattributed "Residents disputed that.") about the same thing.

`disputes_for` finds the disputed subject a question and its retrieved
passages touch; the answerer then answers it with every side
(`newsdesk.answer.dispute_answer`).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import logging
import threading
from itertools import takewhile
import time
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.documents import Document

from newsdesk.claims.extraction import (
    MEASURE_HEADS, PERSON_EVENTS, MEASURES_OF_PEOPLE, EVENTS, Claim, Opposition, counted_noun,
    job_loss_said, measures_asked,
)
from newsdesk.claims.attribution import claimant_identity, is_media, same_claimant
from newsdesk.atomic import write_atomically
from newsdesk.claims.ledger import Ledger, LedgerEntry, disputes_path
from newsdesk.answer.answer_types import asks_figure_type, figure_types_asked, gives_figure_asked, attributive_names, located_runs
from newsdesk.answer.questions import Question, entity_met
from newsdesk.answer.sources import one_source
from newsdesk.text import has_quantity, is_calendar_word, lemmas, numbers, specificity, stem, stems_match, tokens
from newsdesk.answer.synonyms import LINKS, OPPOSED, relation
from newsdesk.vocabulary import (
    ACCOUNTS, AGE_WORDS, ARRIVING_VERBS, BOUND_WORDS, CORRECTING_ADJECTIVES, CROWD_NOUNS, DIFFERING_ADJECTIVES, DISPLACEMENT_VERBS, EMPLOYING_VERBS,
    FALLING_ILL_VERBS, GATHERING_VERBS, HAZARD_NOUNS, LOCATIVE_PREPOSITIONS, MEDIA_WORDS, NEWSPAPER_TITLE_NOUNS, ORGANISATION_NOUNS,
    WALKOUT_VERBS, WORKFORCE_NOUNS, FIGURE_ORDER_WORDS, NUMBER_WORDS, ROUNDING_HEDGES, STOPWORDS, TOLL_WORDS,
    is_nationality,
)

_CROSS_ARTICLE_TOPIC_WEIGHT = 3.5  # shared names must say this much (e.g. "Velmar", or "Ukraine" + "Russia")
_MAX_POSTING = 300
# Words of a question that name what happened to the counted ("died", "licensed to carry").
# "joined the march": in a question about a crowd, joining is attending (in an article, staff join a firm).
_QUESTION_EVENTS = {**EVENTS, "carry": "capacity", "licensed": "capacity", "capacity": "capacity", "hold": "capacity",
                    "joined": "attended", "join": "attended",
                    # "How many people does X employ?" asks its workforce, which a strike's rival counts are not
                    # (round 18: a dispute holds the walkout's "members" and "employees" since `rival_counts`).
                    **{verb: "employ" for verb in EMPLOYING_VERBS}}
_JOB_WORDS = frozenset("job jobs".split())
# The shortest event stem that may stand at the end of another ("board" of "aboard").
_LINKED_STEM = 4


@dataclass
class Side:
    """One party to a dispute: its latest claim, and earlier claims it revised."""

    claimant: str
    claims: list[Claim]  # latest first

    @property
    def latest(self) -> Claim:
        return self.claims[0]

    @property
    def revised(self) -> list[Claim]:
        """Earlier claims of this side with another figure, latest first."""
        seen = {self.latest.value}
        earlier = []
        for claim in self.claims[1:]:
            if claim.value is not None and claim.value not in seen and claim.as_of < self.latest.as_of:
                seen.add(claim.value)
                earlier.append(claim)
        return earlier


@dataclass
class Dispute:
    subject: str
    kind: str  # "figure" or "statement"
    sides: list[Side]
    topics: tuple[str, ...] = field(default=())

    @property
    def claims(self) -> list[Claim]:
        return [claim for side in self.sides for claim in side.claims]

    def to_json(self) -> dict[str, Any]:
        """The dispute as ``claims --disputes --json`` prints it: each side's latest claim and the ones it revised."""
        return {
            "subject": self.subject,
            "kind": self.kind,
            "sides": [
                {"claimant": side.claimant, "latest": side.latest.to_json(), "earlier": [c.to_json() for c in side.revised]}
                for side in self.sides
            ],
        }


# -- finding disputes ----------------------------------------------------
def find_disputes(claims: Sequence[Claim]) -> list[Dispute]:
    """Every disputed subject in ``claims`` (figures first)."""
    return _figure_disputes([c for c in claims if c.kind == "figure"]) + _statement_disputes(
        [c for c in claims if c.kind == "statement"]
    )


def _figure_disputes(figures: list[Claim]) -> list[Dispute]:
    rivals = {frozenset((a.id, b.id)) for a, b in rival_counts(figures)}
    def linked(a: Claim, b: Claim) -> bool:
        return _same_figure_subject(a, b) or frozenset((a.id, b.id)) in rivals
    groups = _union_groups(figures, linked, [*_figure_candidates(figures), *_pair_indices(figures, rivals)])
    disputes = []
    for group in groups:
        sides = _sides(group)
        latest_values = {side.latest.value for side in sides}
        if (len(latest_values) < 2 or _agree_but_for_rounding(sides)) and not any(side.revised for side in sides):
            continue
        disputes.append(Dispute(_most_common([c.subject for c in group]), "figure", sides, _shared_topics(group)))
    return disputes


def _agree_but_for_rounding(sides: list[Side]) -> bool:
    """Every two sides' figures are one, or one rounds the other: a promoter's "about 5,000 people" and a
    council's "5,120" agree."""
    latest = [side.latest for side in sides]
    return all(a.value == b.value or _rounded_to(a, b) or _rounded_to(b, a)
               for i, a in enumerate(latest) for b in latest[i + 1:])


def _rounded_to(rounded: Claim, other: Claim) -> bool:
    """``rounded`` gives a round figure after a rounding hedge ("about 5,000") that ``other``'s rounds to."""
    return (rounded.hedge in ROUNDING_HEDGES and rounded.value is not None and other.value is not None
            and is_round(rounded.value) and rounds_to(rounded.value, other.value))


def is_round(value: float) -> bool:
    """A figure that may be another rounded: ten or more, ending in a zero ("about 3,000", not "about 7")."""
    return value >= 10 and value % 10 == 0


def rounds_to(rounded: float, other: float) -> bool:
    """``other`` rounds to ``rounded`` at its precision: 3,150 to "about 3,000" (to the nearest 1,000)."""
    unit = 10 ** (len(str(int(rounded))) - len(str(int(rounded)).rstrip("0")))
    return other != rounded and abs(other - rounded) <= unit / 2


def _same_figure_subject(a: Claim, b: Claim) -> bool:
    if a.subject_key is None or b.subject_key is None:
        return False
    if not a.subject_key.compatible(b.subject_key):
        return answers_with_its_own_count(a, b)
    return a.doc_id == b.doc_id or same_event(a, b)


# How far apart (characters between the sentences) a second source's count may stand and still answer the first:
# the same sentence or the next one, past a space or a paragraph break.
_ANSWERING_GAP = 3
# A counted noun is a common word ("posts" 1.9, "passengers" 2.3, "households" 2.5, wordfreq specificity); a rarer
# word after a figure is as often a country's own currency ("sterns" 4.5): sums of one article are not one count.
_COUNTED_NOUN_MAX_SPECIFICITY = 4.0


def answers_with_its_own_count(a: Claim, b: Claim) -> bool:
    """Another source gives its own count of the same thing in the same or the next sentence, though the two
    figures do not say the same thing happened (`SubjectKey.compatible` asks for one event): "The health board
    said 420 nursing posts were empty." "The guild said the true number was closer to 1,100" (a generic value
    takes the first figure's key, no event); "84 passengers and crew were on board, but the harbour watch said
    at least 120 people had boarded" (linked events, `_events_linked`). What is counted is the same noun, not a
    measure or a sum of money; a second source that answers at once is answering that count. A figure that names
    its source ("according to two people") counts nothing."""
    ka, kb = a.subject_key, b.subject_key
    if ka is None or kb is None or a.doc_id != b.doc_id or same_claimant(a.claimant, b.claimant):
        return False
    first, second = sorted((a, b), key=lambda c: c.start)
    if second.sentence[0] - first.sentence[1] > _ANSWERING_GAP:
        return False
    if ka.qualifier and kb.qualifier and ka.qualifier != kb.qualifier:
        return False
    if not ka.head or ka.head != kb.head or ka.head in MEASURE_HEADS or not all(_a_counted_noun(c) for c in (a, b)):
        return False
    return _events_linked(ka.event, kb.event)


# How far (characters between the sentences) a rival count may stand: the next sentence, or one sentence on.
_RIVAL_GAP = 300
# Two sources' figures for one count differ by less than an order of magnitude; a workforce of 9,000 beside 400
# marchers, or a crowd beside the 23 people arrested in it, are two counts.
_RIVAL_RATIO = 10.0
# The classes of nouns (stems) two sources may each count one group of people by (`vocabulary.WORKFORCE_NOUNS`,
# `CROWD_NOUNS`).
_ALIKE_NOUNS = tuple(frozenset(stem(w) for w in nouns) for nouns in (WORKFORCE_NOUNS, CROWD_NOUNS))
# The classes of events (the extractor's canonical events and verb stems) two sources may each say one thing happened
# to one group by (`vocabulary.WALKOUT_VERBS` and kin).
_ALIKE_EVENTS = tuple(frozenset(verbs) | frozenset(stem(w) for w in verbs)
                      for verbs in (WALKOUT_VERBS, GATHERING_VERBS, ARRIVING_VERBS, FALLING_ILL_VERBS, DISPLACEMENT_VERBS))
# The oldest age a bare value after "under" or "over" may be ("children under ten"); a larger one is a count's bound.
_AGE_MAX = 120


def rival_counts(figures: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    """Pairs of one article's figures that a reader takes as two sources' counts of one thing, though their subject
    keys differ by the verb or the noun each source uses (round 18, `sides18`; round 17's `rival_counts` with the
    source's identity): a guild's "620 riders logged off" beside the platform's "no more than 240 riders went
    offline"; organisers' "8,000 people gathered" beside a police estimate of the turnout at 3,000; a union's tally of
    its members on strike beside the employer's lower count of staff who stayed at home. Each count is read against the next count of the same kind in the article (`_counts_alike`): when
    that is another source's (not the same source under another name, `one_source_of`), of the same date,
    within a sentence or so, and says the same thing happened or does not say otherwise (`_events_agree`), the two
    are one count in dispute. Only the next: a count of the same source in between ends the search, so a strike's
    count never reaches past the company's workforce to a rally's."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in figures:
        if claim.subject_key is not None and claim.value and _a_plain_count(claim):
            by_doc.setdefault(claim.doc_id, []).append(claim)
    pairs = []
    for claims in by_doc.values():
        claims.sort(key=lambda c: c.start)
        for index, first in enumerate(claims):
            second = next((c for c in claims[index + 1:] if _counts_alike(first, c)), None)
            if second is not None and _rival_of(first, second):
                pairs.append((first, second))
    return pairs


def _pair_indices(figures: list[Claim], pairs: set[frozenset[str]]) -> list[tuple[int, int]]:
    """The positions in ``figures`` of each pair of claim ids, for `_union_groups`' candidates."""
    where = {claim.id: i for i, claim in enumerate(figures)}
    found = []
    for pair in pairs:
        a, b = sorted(pair)
        if a in where and b in where:
            found.append((where[a], where[b]))
    return found


def _a_plain_count(claim: Claim) -> bool:
    """A count of things or people, not a measure or a sum of money (an aid sum beside a damage estimate, a pay
    demand beside an offer, are not one figure), not a figure that names its own source, not a part or a whole of
    another figure ("thirty-one of the forty-one cases", `_part_or_whole`), and not a report of a news outlet (a
    roundup's entries report what others counted at other times: "the Gazette reported 23 ships")."""
    key = claim.subject_key
    if key is None or key.head in MEASURE_HEADS or (key.head and not _a_counted_noun(claim)):
        return False
    return not _part_or_whole(claim) and not (claim.claimant and _an_outlet(claim.claimant))


def _an_outlet(name: str) -> bool:
    """A news outlet (`attribution.is_media`) but not a public body called an agency ("the Roads Agency": a press
    agency says so) nor a company whose name ends in a noun a newspaper's title may end in too (a carrier named "X
    Courier" is read as an outlet only with a media word or a newspaper-only noun). A count a source tells an outlet
    is the source's (its relay is not asked)."""
    name = re.sub(r"\s+agency$", "", name.strip(), flags=re.IGNORECASE)
    words = [w.lower() for w in re.findall(r"[\w']+", name)]
    if words and words[-1] in NEWSPAPER_TITLE_NOUNS and not set(words) & MEDIA_WORDS:
        return False
    # A union or a guild is one whatever newspaper noun its name holds ("the Guild of Printers and Gazette Sellers").
    return is_media(name) and not set(words) & (ORGANISATION_NOUNS - MEDIA_WORDS)


# "thirty-one of the forty-one cases", "nine hundred of its 3,100 staff": a part of a whole the sentence counts too.
_PART_OF_WHOLE = re.compile(r"(\S+)\s+of\s+(?:the|its|their|those)\s+(\S+)", re.IGNORECASE)


def _part_or_whole(claim: Claim) -> bool:
    """The claim's figure is the part or the whole of "N of the M": neither is what a second source counts (the part
    is counted among the whole; the whole is a workforce or a trial's total, no rival of a count)."""
    written = claim.as_written.lower().split()[-1:]
    for match in _PART_OF_WHOLE.finditer(claim.quote):
        part, whole = match.group(1).lower(), match.group(2).lower()
        if has_quantity(part) and has_quantity(whole) and written and written[0] in (part, whole):
            return True
    return False


def _counts_alike(a: Claim, b: Claim) -> bool:
    """The same counted noun, or two nouns of one class (`_ALIKE_NOUNS`: "members" and "employees", "people" and
    "demonstrators"), of one nationality if both say one; or a value with no noun that says what happened ("nearly
    4,000 had arrived") beside a count that says so too. A bare value ("13 further stores", a "ten" of an age) and a
    noun beside a noun of no class ("people" and "volunteers", "children", "deputies") count other things."""
    ka, kb = a.subject_key, b.subject_key
    if ka is None or kb is None or (ka.qualifier and kb.qualifier and ka.qualifier != kb.qualifier):
        return False
    if ka.head and kb.head:
        return ka.head == kb.head or any(ka.head in nouns and kb.head in nouns for nouns in _ALIKE_NOUNS)
    bare = b if ka.head else a
    return bool(ka.event and kb.event and (ka.head or kb.head)) and not _an_age_or_bound(bare)


def _an_age_or_bound(claim: Claim) -> bool:
    """The value is said right after "aged", or after "under" or "over" and small enough to be an age ("most were
    children under ten"), as its hedge or before it: what it measures is an age, not how many ("under 1,900 had
    stayed away" is a hedged count; a value with a noun, "under 35,000 people", is not asked)."""
    bounds = AGE_WORDS | (BOUND_WORDS if abs(claim.value or 0) <= _AGE_MAX else frozenset())
    written = claim.as_written.lower().split()
    return bool(written) and (written[0] in bounds or _word_before(claim) in bounds)  # the hedge: "under ten"


def _word_before(claim: Claim) -> str:
    """The word of the claim's sentence right before its value as written ("employs" of "employs 2,400 drivers")."""
    value = claim.as_written.lower().split()[-1:]
    words = [w.lower for w in tokens(claim.quote)]
    return next((words[i - 1] for i, w in enumerate(words) if i and value and w == value[0]), "")


def _rival_of(first: Claim, second: Claim) -> bool:
    """``second`` is another source's figure for what ``first`` counts, as of the same day (a roundup's entries of
    two dates are one count at two times): said just after it, of the same order."""
    if one_source_of(first, second) or first.value == second.value or first.as_of != second.as_of:
        return False
    if _two_places(first, second):
        return False
    if second.sentence[0] - first.sentence[1] > _RIVAL_GAP:
        return False
    low, high = sorted((abs(first.value or 0), abs(second.value or 0)))
    if not low or high / low > _RIVAL_RATIO or _opposite_events(first, second):
        return False
    return _events_agree(first, second)


def one_count(a: Claim, b: Claim) -> bool:
    """Two figures count one thing: alike counts (`_counts_alike`) whose events agree (`_events_agree`). Said by two
    sources on one day they are rival counts (`rival_counts`); said by one source (`one_source_of`), a revision."""
    return _counts_alike(a, b) and _events_agree(a, b)


def _two_places(first: Claim, second: Claim) -> bool:
    """Each sentence names a place the other does not ("900 nurses in Alderby" / "In neighbouring Crossmoor, 300
    nurses"): two places' counts, not two sources' counts of one."""
    places = [_places_in(claim) for claim in (first, second)]
    return all(places) and not places[0] & places[1]


def _places_in(claim: Claim) -> set[str]:
    """The places a count is said of, each without its spaces ("New Town" is "Newtown"): the names its sentence gives
    after a preposition of place (`answer_types.located_runs`: "in Alderby"), not a month or a weekday ("took part in
    March") and not inside its source's label ("police in Kent" say where they are, not where the count was); and the
    place its source's label names before the body's noun ("the Crossmoor health board", `attributive_names`)."""
    label = claim.claimant or ""
    said = [run for run in located_runs(claim.quote) if not any(is_calendar_word(w) for w in tokens(run))
            and run not in label]
    described = label if label.lower().startswith(("the ", "a ")) else f"the {label}"
    own = {name for name in attributive_names(described) if _before_a_noun(name, described)}
    return {"".join(name.lower().split()) for name in (*said, *own)}


def _before_a_noun(name: str, label: str) -> bool:
    """The name stands before a common noun of the label ("Crossmoor" of "the Crossmoor health board"), not before a
    stop word ("the Federation of ...", "Police in Kent") and not as an owner ("the Tarn Post's chief")."""
    following = re.search(rf"\b{re.escape(name)}\s+([a-z]+)", label)
    return following is not None and following.group(1) not in STOPWORDS and not name.endswith(("'s", "’s"))


def one_source_of(a: Claim, b: Claim) -> bool:
    """Two claims' sources are one (`sources.one_source` on their labels), or one label names no one and its sentence
    names the other's source (`_named_by_the_other`): two figures of one source are a revision, never two sides."""
    return one_source(a.claimant, b.claimant) or _named_by_the_other(a, b) or _named_by_the_other(b, a)


def _named_by_the_other(claim: Claim, other: Claim) -> bool:
    """``other``'s source names no one ("the operator said") and its sentence names ``claim``'s source ("X's outage
    affected 3.1 million customers, the operator said"): the label is that source's, whose later figure revises it."""
    named = claimant_identity(claim.claimant)
    if not named or claimant_identity(other.claimant):
        return False
    said = {stem(w.text) for w in tokens(other.quote)}
    return named <= said


def _opposite_events(first: Claim, second: Claim) -> bool:
    """One count's event is the opposite of a word of the other's sentence (WordNet's antonyms): "420 nursing posts
    were empty" / "60 nursing posts were filled" count two things."""
    for claim, other in ((first, second), (second, first)):
        event = claim.subject_key.event if claim.subject_key else ""
        if event and " " not in event and any(relation(event, w.lower) == OPPOSED for w in tokens(other.quote)
                                              if w.lower not in STOPWORDS and w.text.isalpha()):
            return True
    return False


def _events_agree(first: Claim, second: Claim) -> bool:
    """Two counts' events say one thing happened: linked (`_events_linked`) or of one class (`_ALIKE_EVENTS`: "walked
    out" / "stayed away", "joined the march" / the police's "attendance"); or a value with no event beside an event
    that is no toll of people ("5,100 people took part" / "police said 1,800"; but "eight people were killed" /
    "rescuers were looking for 27 people" are two counts, and the 2,400 drivers a haulier "employs" are no rival
    count of 700 drivers who walked out). Two stated events of no one class are two counts ("walked out" / "crossed
    the picket lines", "joined the march" / "signed the petition", "killed" / "injured")."""
    a, b = (claim.subject_key.event if claim.subject_key else "" for claim in (first, second))
    if _events_linked(a, b) or _one_class(a, b):
        return True
    if not a or not b:
        return (a or b) not in PERSON_EVENTS and _word_before(first if not a else second) not in EMPLOYING_VERBS
    return False


def _a_counted_noun(claim: Claim) -> bool:
    """The claim counts a common noun (not a rare word that may be a currency) and its source is no count itself."""
    unit = claim.unit or ""
    named = {w.lower for w in tokens(claim.claimant)}
    return (bool(unit) and specificity(unit) <= _COUNTED_NOUN_MAX_SPECIFICITY
            and not any(w in NUMBER_WORDS or w[:1].isdigit() for w in named))


def _one_class(a: str, b: str) -> bool:
    """Two events (words or stems) are of one class of `_ALIKE_EVENTS` ("walked out" / "stayed away", "displaced" /
    "evacuated"): how rival counts are grouped (`_events_agree`) and how a question's event meets a claim's
    (`_events_meet`)."""
    return any(a in events and b in events for events in _ALIKE_EVENTS)


def _events_linked(a: str, b: str) -> bool:
    """Two figures' events (stems) say the same thing happened: the same stem or none on either, one the other's end
    ("board" of "aboard"), or words WordNet links (`synonyms.relation`). A figure with an event and one without are
    not linked: "640 of its employees stayed away" beside "the company employs 2,900 people" would make a strike's
    count answer how many it employs, and "two people were arrested" is no crowd of 4,000 people."""
    if a == b:
        return True
    if not a or not b:
        return False
    if min(len(a), len(b)) >= _LINKED_STEM and (a.endswith(b) or b.endswith(a)):
        return True
    return relation(a, b) in LINKS


def same_event(a: Claim, b: Claim) -> bool:
    """Claims of two articles are about one event when one article's headline and lede name what the other
    claim's sentence or article names, enough to be specific (a shared claimant's name, such as a national
    agency that speaks about every flood, does not count), and their headlines share a word beyond those
    names: what happened ("flood", "strike"), said in a headline and in the other headline or claim, since
    one town has many events."""
    names = _name_stems(a) | _name_stems(b)
    if not a.scene or not b.scene:  # a ledger written before scenes were kept
        return _topic_weight(set(a.topics) & set(b.topics) - names) >= _CROSS_ARTICLE_TOPIC_WEIGHT
    # Each way round: a union named in passing in one article is not the scene of the other.
    this_way, other_way = set(a.scene) & set(b.topics) - names, set(b.scene) & set(a.topics) - names
    if not (this_way and other_way and _topic_weight(this_way | other_way) >= _CROSS_ARTICLE_TOPIC_WEIGHT):
        return False
    if not a.title or not b.title:
        return True
    # What happened is in one headline and the other headline or claim: "turnout" in a headline and in
    # a feature's passing "turnout was revised to 61 percent".
    a_said, b_said = _headline_stems(a.title) | _quote_words(a), _headline_stems(b.title) | _quote_words(b)
    shared = (_headline_stems(a.title) & b_said) | (_headline_stems(b.title) & a_said)
    return bool(shared - this_way - other_way)


@functools.lru_cache(maxsize=4096)
def _headline_stems(title: str) -> frozenset[str]:
    """Stems of a headline's content words: in "Cup final crowd in Ashford", "cup final crowd ashford"."""
    return frozenset(stem(w.text) for w in tokens(title) if w.lower not in STOPWORDS and not w.text[:1].isdigit())


def _statement_disputes(statements: list[Claim]) -> list[Dispute]:
    by_doc: dict[str, list[Claim]] = {}
    for claim in statements:
        by_doc.setdefault(claim.doc_id, []).append(claim)
    pairs: list[tuple[Claim, Claim]] = []
    for claims in by_doc.values():
        claims.sort(key=lambda c: c.start)
        for index, claim in enumerate(claims):
            if claim.opposes is Opposition.NONE:
                continue
            target = _opposed(claim, claims[:index])
            if target is not None:
                pairs.append((_account_start(target, claims[:index]), claim))
    paired = list({c.id: c for pair in pairs for c in pair}.values())
    position = {c.id: i for i, c in enumerate(paired)}
    groups = _union_groups(paired, lambda a, b: True, [(position[a.id], position[b.id]) for a, b in pairs])
    disputes: list[Dispute] = []
    by_doc: dict[str, list[Dispute]] = {}  # opposition pairs are within one article; so are merges
    for unique in groups:
        merged = next((d for d in by_doc.get(unique[0].doc_id, []) if _fits(d, *unique)), None)
        if merged is not None:
            for claim in unique:
                _add(merged, claim)
            continue
        topics = set.intersection(*(_content_topics(c) for c in unique)) - set().union(*(_name_stems(c) for c in unique))
        dispute = Dispute(_statement_subject(unique, topics), "statement", _sides(unique), tuple(sorted(topics)))
        disputes.append(dispute)
        by_doc.setdefault(unique[0].doc_id, []).append(dispute)
    return disputes


def _statement_subject(claims: list[Claim], topics: set[str]) -> str:
    """The most specific shared topic that the quotes themselves name ("Kherson", "bridge")."""
    words = {stem(w.text): w.text for c in claims for w in tokens(c.quote)}
    named = sorted((t for t in topics if t in words), key=lambda t: -specificity(t))
    return " ".join(words[t] for t in named[:2]) or claims[0].subject


def _account_start(target: Claim, before: list[Claim]) -> Claim:
    """Where the account ``target`` ends runs from: "X said A. "B," X said. "C." Y denied that account."
    pushes back on A, which the quotations after it only illustrate."""
    start = target
    for candidate in reversed(before[:before.index(target)] if target in before else []):
        if not same_claimant(candidate.claimant, target.claimant) or target.start - candidate.end > 400:
            break
        start = candidate
    return start


def _opposed(claim: Claim, before: list[Claim]) -> Claim | None:
    """The statement ``claim`` pushes back on: a nearby earlier one by another side."""
    strong = claim.opposes is Opposition.STRONG
    for candidate in reversed(before):
        if same_claimant(candidate.claimant, claim.claimant):
            continue
        if claim.start - candidate.end > 400 and claim.sentence[0] - candidate.sentence[1] > 400:
            return None
        if claim.opposes is Opposition.CLAUSE:
            return candidate if candidate.sentence == claim.sentence else None
        shared = (_quote_words(candidate) & _quote_words(claim)) - _name_stems(candidate) - _name_stems(claim)
        if shared or strong:
            return candidate
    return None


def _fits(dispute: Dispute, *claims: Claim) -> bool:
    """Another pair about the same thing: same article or shared topics, and sides that match."""
    if not any(c.doc_id == d.doc_id or _topic_weight(set(c.topics) & set(d.topics)) >= _CROSS_ARTICLE_TOPIC_WEIGHT
               for c in claims for d in dispute.claims):
        return False
    return all(any(same_claimant(c.claimant, side.claimant) for side in dispute.sides) for c in claims)


def _add(dispute: Dispute, claim: Claim) -> None:
    for side in dispute.sides:
        if same_claimant(side.claimant, claim.claimant):
            if all(c.id != claim.id for c in side.claims):
                side.claims.append(claim)
                side.claims.sort(key=_recency, reverse=True)
            return
    dispute.sides.append(Side(claim.claimant, [claim]))


def _sides(claims: list[Claim]) -> list[Side]:
    sides: list[Side] = []
    # Only sides sharing a name word's first four letters can be `same_claimant` (its stems match by
    # prefix), and sides with no name word compare as text: the first match is found among those, in
    # order, instead of among every side (a ledger-wide group made this pass quadratic; docs/benchmarks.md).
    by_prefix: dict[str, list[int]] = {}
    unnamed: list[int] = []
    for claim in sorted(claims, key=lambda c: (c.doc_id, c.start)):
        prefixes = {word[:4] for word in claimant_identity(claim.claimant)}
        candidates = (
            sorted({*unnamed, *(i for prefix in prefixes for i in by_prefix.get(prefix, ()))})
            if prefixes else range(len(sides))
        )
        for i in candidates:
            if same_claimant(sides[i].claimant, claim.claimant) or _one_source_in_article(sides[i], claim):
                sides[i].claims.append(claim)
                break
        else:
            for prefix in prefixes:
                by_prefix.setdefault(prefix, []).append(len(sides))
            if not prefixes:
                unnamed.append(len(sides))
            sides.append(Side(claim.claimant, [claim]))
    for side in sides:
        side.claims.sort(key=_recency, reverse=True)
        side.claimant = _usual_name([c.claimant for c in side.claims])
    return sides


def _one_source_in_article(side: Side, claim: Claim) -> bool:
    """The claim's source is the side's under another label in the same article (`sources.one_source`: "the
    council" beside "Ostrey District Council"): one source, so its figures are a revision, not two sides (round
    18)."""
    return any(c.doc_id == claim.doc_id and one_source(c.claimant, claim.claimant) for c in side.claims)


def _recency(claim: Claim) -> tuple[str, str, int]:
    return (claim.as_of, claim.published, -claim.start)


def _usual_name(names: list[str]) -> str:
    """The name a side goes by most often ("Regional governor Ione Fenwright", not "...'s office")."""
    counts = Counter(n.lower() for n in names)  # counted once: a ledger-wide side has thousands of claims
    return max(names, key=lambda n: (counts[n.lower()], n[:1].isupper(), -len(n)))


def _union_groups(
    claims: list[Claim], linked: Any, candidates: Iterable[tuple[int, int]] | None = None
) -> list[list[Claim]]:
    """Connected groups (of two or more) under ``linked``, checked on the candidate pairs (default: all)."""
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = candidates if candidates is not None else ((i, j) for i in range(len(claims)) for j in range(i + 1, len(claims)))
    for i, j in pairs:
        if find(i) != find(j) and linked(claims[i], claims[j]):
            parent[find(i)] = find(j)
    groups: dict[int, list[Claim]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(find(i), []).append(claim)
    return [group for group in groups.values() if len(group) > 1]


def _figure_candidates(figures: list[Claim]) -> list[tuple[int, int]]:
    """Pairs worth checking: same event, and the same article or a shared topic (not all pairs)."""
    postings: dict[tuple[str, str], list[int]] = {}
    for index, claim in enumerate(figures):
        key_of = claim.subject_key
        # By event, and by what is counted: a measure ("magnitude") or a noun whose event is not known
        # ("paid 4 million euros") still meets the same noun elsewhere.
        buckets = [f"event:{key_of.event}" if key_of and key_of.event else "", f"head:{key_of.head}" if key_of and key_of.head else ""]
        for bucket in filter(None, buckets):
            for key in claim.topics:
                postings.setdefault((bucket, key), []).append(index)
        # Within one article every pair is compared: "800 people had signed" meets "650 signatures".
        postings.setdefault(("any", f"doc:{claim.doc_id}"), []).append(index)
    pairs: set[tuple[int, int]] = set()
    for (_, key), members in postings.items():
        if len(members) > _MAX_POSTING and not key.startswith("doc:"):
            continue  # a name this common ("Ukraine" in a corpus about the war) says little on its own
        for position, i in enumerate(members):
            pairs.update((i, j) for j in members[position + 1:])
    return sorted(pairs)


def _topic_weight(stems: set[str]) -> float:
    return sum(specificity(s) for s in stems)


def _shared_topics(claims: list[Claim]) -> tuple[str, ...]:
    shared = set(claims[0].topics)
    for claim in claims[1:]:
        shared &= set(claim.topics)
    return tuple(sorted(shared))


def _content_topics(claim: Claim) -> set[str]:
    words = {stem(w.text) for w in tokens(claim.quote) if w.lower not in STOPWORDS and specificity(w.text) >= 1.5}
    return words | set(claim.topics)


def _quote_words(claim: Claim) -> set[str]:
    """What a statement itself is about: its specific words (not the article's names)."""
    return {stem(w.text) for w in tokens(claim.quote) if w.lower not in STOPWORDS and specificity(w.text) >= 1.5}


def _name_stems(claim: Claim) -> frozenset[str]:
    return _stems_of_names(claim.claimant, claim.relay or "")


@functools.lru_cache(maxsize=4096)
def _stems_of_names(claimant: str, relay: str) -> frozenset[str]:
    return frozenset(stem(w.text) for w in tokens(f"{claimant} {relay}"))


def _most_common(values: list[str]) -> str:
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], len(v)))


# -- which disputes a question touches -----------------------------------
def disputes_for(question: Question, passages: Sequence[Document], ledger: Ledger) -> list[Dispute]:
    """The disputes that answer ``question``: about what it asks, with a claim in the retrieved passages."""
    if question.empty or not passages or question.kind == "date":
        return []
    in_passages = _claims_in(passages, ledger)
    if not in_passages:
        return []
    kind = "figure" if question.kind == "quantity" or asks_figure_type(question.text) or asks_for_a_figure(question) else "statement"
    candidates = [d for d in ledger_disputes(ledger) if d.kind == kind and any(c.id in in_passages for c in d.claims)]
    about = _about_the_question(question, passages)
    naming = _passages_naming(question, about) if question.entities else []
    narrowed = [_within(d, about) for d in candidates]
    narrowed = [_of_the_kind_asked(d, question) if d is not None else None for d in narrowed]
    relevant = [d for d in narrowed if d is not None and touches(question, d, naming) and not _asks_one_side(question, d)]
    relevant.sort(key=lambda d: -max(_passage_rank(c, passages) for c in d.claims))
    return relevant[:1]


def asks_for_a_figure(question: Question) -> bool:
    """"What are the competing crowd estimates ...?", "What is the latest count of people sickened?": a "what"
    question whose words name a figure (`TOLL_WORDS`, by lemma: "estimates", "count", "toll") asks for figures,
    though it asks no "how many"; when "what" governs a noun ("What death toll ...", "What evidence ..."), that noun
    phrase must name the figure."""
    words = tokens(question.text)
    if not words or words[0].lower != "what":
        return False
    # "What evidence does the group cite for its passenger count?" asks for the noun "what" governs, not a figure.
    governed = list(takewhile(lambda w: w.lower not in STOPWORDS, words[1:]))
    return any(lemmas(w.text) & TOLL_WORDS for w in (governed or words[1:]))


def _passages_naming(question: Question, passages: Sequence[Document]) -> list[tuple[str, int, int]]:
    """(document, start, end) of the retrieved passages that name every name the question gives."""
    return [
        (str(p.metadata.get("doc_id")), int(p.metadata["start"]), int(p.metadata["end"])) for p in passages
        if all(entity_met(e, f"{p.metadata.get('title', '')} {p.page_content}") for e in question.entities)
    ]


def _documents_naming(question: Question, passages: Sequence[Document]) -> set[str]:
    """The retrieved articles whose passages or title name every name the question gives."""
    texts: dict[str, str] = {}
    for passage in passages:
        doc = str(passage.metadata.get("doc_id"))
        texts[doc] = f"{texts.get(doc, '')} {passage.metadata.get('title', '')} {passage.page_content}"
    return {doc for doc, text in texts.items() if all(entity_met(e, text) for e in question.entities)}


def _about_the_question(question: Question, passages: Sequence[Document]) -> list[Document]:
    """The passages of the retrieved articles that name what the question names (all of them when none does)."""
    about = _documents_naming(question, passages)
    return [p for p in passages if str(p.metadata.get("doc_id")) in about] or list(passages)


def _within(dispute: Dispute, passages: Sequence[Document]) -> Dispute | None:
    """The dispute among the claims of the retrieved articles only, so that a figure about another
    event that the ledger grouped with it by shared topics does not become a side."""
    documents = {str(p.metadata.get("doc_id")) for p in passages}
    kept = [c for c in dispute.claims if c.doc_id in documents]
    if len(kept) == len(dispute.claims):
        return dispute
    found = [d for d in find_disputes(kept) if d.kind == dispute.kind]
    return max(found, key=lambda d: len(d.claims), default=None)


def _of_the_kind_asked(dispute: Dispute, question: Question) -> Dispute | None:
    """The dispute's figures of the kind the question asks ("how far": a distance), still a dispute, or None."""
    if dispute.kind != "figure":
        return dispute
    kept = [c for c in dispute.claims if gives_figure_asked(question.text, c.quote) or _measures_the_kind_asked(c, question)]
    if len(kept) == len(dispute.claims):
        return dispute
    found = [d for d in find_disputes(kept) if d.kind == "figure"]
    return max(found, key=lambda d: len(d.claims), default=None)


def _measures_the_kind_asked(claim: Claim, question: Question) -> bool:
    """"How old ...?" and a figure the ledger read as an age ("were made 12,000 years ago")."""
    head = claim.subject_key.head if claim.subject_key else ""
    return bool(head) and head in figure_types_asked(question.text)


def _asks_one_side(question: Question, dispute: Dispute) -> bool:
    """"How many did the union say ...?": the question asks for one side's claim, which the answerer gives."""
    if not question.claimed_by:
        return False
    said = [side for side in dispute.sides
            if all(any(stems_match(stem(w), stem(x.text)) for c in side.claims for x in tokens(f"{c.claimant} {c.relay or ''}"))
                   for w in question.claimed_by)]
    return len(said) == 1


_CACHE_LOCK = threading.Lock()
_CACHE: dict[int, tuple[Ledger, list[Dispute]]] = {}


def ledger_disputes(ledger: Ledger) -> list[Dispute]:
    """Every dispute in ``ledger``, as the reindex stored them beside it; found again (as `find_disputes`
    would) only when that file is missing or stale. Once per ledger: a new snapshot brings a new ledger."""
    with _CACHE_LOCK:
        cached = _CACHE.get(id(ledger))
        if cached is not None and cached[0] is ledger:
            return cached[1]
    disputes = _stored_disputes(ledger)
    if disputes is None:
        disputes = find_disputes(ledger.claims())
    with _CACHE_LOCK:
        if len(_CACHE) >= 4:
            _CACHE.clear()
        _CACHE[id(ledger)] = (ledger, disputes)
    return disputes


# -- disputes stored with the ledger -------------------------------------
# Finding the disputes of a large ledger takes seconds to minutes, so reindex finds them once and writes
# them beside the ledger of the generation it publishes; a reader loads that file. It names its claims by
# (document, position in the ledger entry), and says which ledger and which rules it was found from.
DISPUTES_FORMAT = 1
# The modules whose code decides what a dispute is: their source, hashed, is the rules' version, so a
# change to any rule (or word list) makes stored disputes stale without anyone remembering to bump a number.
_RULE_MODULES = ("newsdesk.claims.conflicts", "newsdesk.claims.extraction", "newsdesk.claims.attribution",
                 "newsdesk.text", "newsdesk.vocabulary",
                 # round 18: a source's identity (`sources.one_source`) and the places a count names
                 # (`answer_types.located_runs`) decide rival counts' sides too
                 "newsdesk.answer.sources", "newsdesk.answer.answer_types")
_log = logging.getLogger(__name__)
_TOLD: set[Path] = set()


@functools.cache
def dispute_rules_version() -> str:
    """A digest of the source of the modules that decide what a dispute is (`_RULE_MODULES`)."""
    digest = hashlib.sha256(f"{DISPUTES_FORMAT}".encode())
    for name in _RULE_MODULES:
        module = importlib.import_module(name)
        try:
            digest.update(Path(str(module.__file__)).read_bytes())
        except (OSError, TypeError):  # no source beside the module: a version of this process only, so
            digest.update(f"{name}: {time.time_ns()}".encode())  # stored disputes are never trusted blindly
    return digest.hexdigest()


def write_disputes(store_root: Path, ledger: Ledger, previous: Ledger | None = None) -> None:
    """Find ``ledger``'s disputes and write them beside it, atomically: before the snapshot of its generation
    is published, as the ledger is. When its claims are those of ``previous`` (read with their JSON kept),
    in the same places, and that ledger's stored disputes are sound, those are carried over: disputes
    depend on the claims alone. Otherwise a ledger read `unparsed` has its claims made here."""
    path = disputes_path(store_root, ledger.generation)
    carried = _carried_over(store_root, ledger, previous) if previous is not None else None
    if carried is not None:
        write_atomically(path, json.dumps(carried, ensure_ascii=False))
        return
    ledger = ledger.with_claims()
    write_atomically(path, json.dumps(disputes_json(find_disputes(ledger.claims()), ledger), ensure_ascii=False))


def _carried_over(store_root: Path, ledger: Ledger, previous: Ledger) -> dict[str, Any] | None:
    """``previous``'s stored disputes, relabelled for ``ledger``, when both ledgers hold the same claims."""
    for doc_id in previous.documents.keys() | ledger.documents.keys():
        old, new = previous.documents.get(doc_id), ledger.documents.get(doc_id)
        if old is not new and _claims_as_json(old) != _claims_as_json(new):
            return None
    try:
        data = json.loads(disputes_path(store_root, previous.generation).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != DISPUTES_FORMAT or data.get("rules") != dispute_rules_version():
        return None
    if data.get("ledger") != previous.digest() or data.get("generation") != previous.generation:
        return None
    return {**data, "generation": ledger.generation, "ledger": ledger.digest()}


def _claims_as_json(entry: LedgerEntry | None) -> list[dict[str, Any]]:
    """An entry's claims as the ledger file holds them (none for a document the ledger does not have)."""
    if entry is None:
        return []
    if entry.as_read is not None:
        return entry.as_read
    return [claim.to_json() for claim in entry.claims]


def disputes_json(disputes: Sequence[Dispute], ledger: Ledger) -> dict[str, Any]:
    """``disputes``, found among ``ledger``'s very claim objects, with each claim named by its place there."""
    position = {id(claim): (doc_id, index) for doc_id, entry in ledger.documents.items()
                for index, claim in enumerate(entry.claims)}
    return {
        "format": DISPUTES_FORMAT,
        "generation": ledger.generation,
        "ledger": ledger.digest(),
        "rules": dispute_rules_version(),
        "disputes": [
            {"subject": d.subject, "kind": d.kind, "topics": list(d.topics),
             "sides": [{"claimant": side.claimant, "claims": [position[id(c)] for c in side.claims]} for side in d.sides]}
            for d in disputes
        ],
    }


def disputes_from_json(data: Any, ledger: Ledger) -> list[Dispute]:
    """The stored disputes with ``ledger``'s own claims; `ValueError` when they were not found from this
    ledger by these rules, or do not fit it."""
    if not isinstance(data, dict) or data.get("format") != DISPUTES_FORMAT:
        raise ValueError("another format")
    if data.get("rules") != dispute_rules_version():
        raise ValueError("found by other dispute rules")
    if data.get("ledger") != ledger.digest() or data.get("generation") != ledger.generation:
        raise ValueError("found from another ledger")
    try:
        return [
            Dispute(str(d["subject"]), str(d["kind"]),
                    [Side(str(side["claimant"]), [ledger.documents[doc].claims[index] for doc, index in side["claims"]])
                     for side in d["sides"]],
                    tuple(d["topics"]))
            for d in data["disputes"]
        ]
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise ValueError(f"damaged ({exc!r:.80})") from exc


def _stored_disputes(ledger: Ledger) -> list[Dispute] | None:
    """The disputes stored beside ``ledger``, or None (said once per file) when there are none to trust."""
    if ledger.store_root is None:
        return None
    path = disputes_path(ledger.store_root, ledger.generation)
    try:
        return disputes_from_json(json.loads(path.read_text(encoding="utf-8")), ledger)
    except FileNotFoundError:
        reason = "missing (a store indexed before disputes were stored)"
    except (OSError, ValueError) as exc:
        reason = f"unusable: {exc}"
    if path not in _TOLD:
        _TOLD.add(path)
        _log.warning("%s is %s; finding the disputes again. `newsdesk reindex` stores them.", path, reason)
    return None


def _claims_in(passages: Sequence[Document], ledger: Ledger) -> dict[str, Claim]:
    found: dict[str, Claim] = {}
    for passage in passages:
        entry = ledger.documents.get(str(passage.metadata.get("doc_id")))
        if entry is None or entry.hash != passage.metadata.get("doc_hash"):
            continue
        start, end = int(passage.metadata["start"]), int(passage.metadata["end"])
        for claim in entry.claims:
            if start <= claim.start and claim.end <= end:
                found[claim.id] = claim
    return found


def _passage_rank(claim: Claim, passages: Sequence[Document]) -> float:
    for rank, passage in enumerate(passages):
        metadata = passage.metadata
        if metadata.get("doc_id") == claim.doc_id and int(metadata["start"]) <= claim.start < int(metadata["end"]):
            return 1.0 / (1 + rank)
    return 0.0


def touches(question: Question, dispute: Dispute, naming: Sequence[tuple[str, int, int]] = ()) -> bool:
    """``question`` asks about what ``dispute`` is over: its names and numbers are met by the claims (or the retrieved
    ``naming`` passages that hold them), and its words by the claims or their headlines (`_figure_asked`). Not by the
    rest of the passage that holds them: round 19 tried it, and a question about another count of that paragraph ("how
    many of the crew were among those rescued?") took the dispute (six develop cases lost, one gained)."""
    context = " ".join([*(c.quote for c in dispute.claims), *{c.title for c in dispute.claims}])
    # The question's names are met by the claims, or by the passage each claim stands in ("the Hollin Lane
    # library" named in the sentence before the figures). A follow-up's inherited names ("Ashford" from
    # the turn before) must be met by the claims.
    in_articles = bool(naming) and all(
        any(doc == c.doc_id and start <= c.start and c.end <= end for doc, start, end in naming) for c in dispute.claims
    )
    own = [] if in_articles else list(question.entities)
    entities = [e for e in (*own, *question.soft_entities) if not _is_qualifier_of(e, dispute)]
    if not all(entity_met(entity, context) for entity in entities):
        return False
    if not _numbers_met(question, dispute):
        return False
    if dispute.kind == "figure":
        return _figure_asked(question, dispute)
    names = {w.lower() for e in (*question.entities, *question.soft_entities) for w in e}
    words = [t.word.lower() for t in question.terms if len(t.word) >= 4 and t.word.lower() not in names]
    quotes = " ".join(c.quote.lower() for c in dispute.claims)
    asked_about = [w for w in words if w in quotes or stem(w) in quotes]
    if _names_two_sides(question, dispute):
        return True  # "How did Ukraine respond to that?" after "What did Konashenkov say?"
    # What the question shares with the statements must be more than who makes them: "What is the name of the Russian
    # defense ministry spokesman?" asks about a speaker, not about the control the speakers dispute.
    speakers = _claimant_stems(dispute)
    asked_about = [w for w in asked_about if stem(w) not in speakers]
    topics_named = any(
        any(stems_match(stem(word), topic) for topic in dispute.topics)
        for entity in question.entities for word in entity if stem(word) not in speakers
    ) or any(any(stems_match(t.stem, topic) for topic in dispute.topics) for t in question.terms if t.stem not in speakers)
    return bool(asked_about) and topics_named


def _claimant_stems(dispute: Dispute) -> frozenset[str]:
    """The stems of the words naming the dispute's claimants and relays ("Russian", "defense", "ministry")."""
    return frozenset().union(*(_stems_of_names(c.claimant, c.relay or "") for c in dispute.claims))


def _names_two_sides(question: Question, dispute: Dispute) -> bool:
    named = [" ".join(e) for e in (*question.entities, *question.soft_entities)]
    sides = {i for i, side in enumerate(dispute.sides) for name in named
             if any(same_claimant(name, c.claimant) for c in side.claims)}
    return len(sides) >= 2


def _numbers_met(question: Question, dispute: Dispute) -> bool:
    """A number the question pins ("in 2019") must be in a claim or its article's year."""
    present = {v for c in dispute.claims for v in numbers(c.quote)} | {
        float(c.published[:4]) for c in dispute.claims if c.published[:4].isdigit()
    }
    return all(value in present for value in question.numbers)


def _own_words(question: Question) -> list[str]:
    """The words of the question itself, not those a follow-up inherits from earlier turns."""
    return [w.lower for w in tokens(question.text) if w.lower not in STOPWORDS]


def _events_said(dispute: Dispute) -> set[str]:
    """What the dispute's claims say happened, each claim's event (a rival count's source may say it in its own verb,
    round 18: "joined the march" / "put attendance at"), and the event a question's word for it stands for ("join":
    attended)."""
    events = {c.subject_key.event for c in dispute.claims if c.subject_key}
    return events | {_QUESTION_EVENTS[e] for e in events if e in _QUESTION_EVENTS}


def _events_asked(own: list[str]) -> set[str]:
    """What the question says happened to the counted. Jobs are asked about as lay-offs only beside a word
    of loss ("lose their jobs", "job cuts"); "how many new jobs will be created" asks about other jobs."""
    events = {_QUESTION_EVENTS[w] for w in own if w in _QUESTION_EVENTS}
    if not events and _JOB_WORDS & set(own):
        events = {"laid off" if job_loss_said(own) else "jobs"}  # "jobs": an event no lay-off dispute has
    return events


def _is_qualifier_of(entity: tuple[str, ...], dispute: Dispute) -> bool:
    """"Russian" in "How many Russian soldiers" is met by the subject "Russian soldiers killed"."""
    subject_words = {stem(w.text) for c in dispute.claims for w in tokens(c.subject)}
    return all(any(stems_match(stem(word), s) for s in subject_words) for word in entity)


def _whose_figure_met(question: Question, dispute: Dispute) -> bool:
    """"How old is she?" asks an age, but not a tower's ("the tower was no more than 500 years old"): what the
    dispute's figures belong to (the subject's words besides what they measure) must be named in the question or
    the turns before it, when the question itself names nothing ("How much did the repairs cost?" names them)."""
    if question.entities or question.soft_entities:
        return True
    heads = {c.subject_key.head for c in dispute.claims if c.subject_key}
    # What is counted, by any of its nouns ("employees" for the head "worker"), and what happened to it ("laid off")
    # the question may say in other words: they are not whose figures these are.
    happened = {stem(w.text) for c in dispute.claims if c.subject_key for w in tokens(c.subject_key.event)}
    owners = {stem(w.text) for c in dispute.claims for w in tokens(c.subject)
              if w.lower not in STOPWORDS and w.lower not in EVENTS
              and counted_noun(stem(w.text)) not in heads} - heads - happened
    if not owners:
        return True
    asked = {stem(w.text) for w in tokens(question.query)}
    return any(stems_match(owner, word) for owner in owners for word in asked)


def about_the_figures(word: str) -> bool:
    """A question's word about the figures themselves, not about what they count: what they are ("figures",
    "estimates", "count", `ACCOUNTS`, `TOLL_WORDS`), how they differ ("competing", `DIFFERING_ADJECTIVES`), which
    is right ("real", `CORRECTING_ADJECTIVES`) or which comes when ("latest", "first", `FIGURE_ORDER_WORDS`). The
    word as written, not its dictionary form: "counted" is a verb of what happened ("the ballots counted")."""
    return word.lower() in _FIGURE_TALK


_FIGURE_TALK = ACCOUNTS | TOLL_WORDS | DIFFERING_ADJECTIVES | CORRECTING_ADJECTIVES | FIGURE_ORDER_WORDS


def _words_said(dispute: Dispute) -> frozenset[str]:
    """The content words of the dispute's claims and their headlines, lower case."""
    return frozenset(w.lower for c in dispute.claims for w in tokens(f"{c.quote} {c.title}")
                     if w.lower not in STOPWORDS and w.text.isalpha())


# How specific (wordfreq) a question's word must be to be met through WordNet: a common word has many senses
# ("moved" is linked to "risen" and "passes"), a rarer one few ("factory" 2.05 / "plant", "shuts" 3.1 / "closes").
_LINKED_WORD_SPECIFICITY = 2.0


def _linked_to_one(word: str, said: frozenset[str]) -> bool:
    """WordNet links the question's word, a specific one (`_LINKED_WORD_SPECIFICITY`), to one the dispute says
    ("factory" / "plant", "shuts" / "closes"): a question paraphrases the article."""
    return specificity(word) >= _LINKED_WORD_SPECIFICITY and any(relation(word, other) in LINKS for other in said)


def _events_meet(asked: set[str], said: set[str]) -> bool:
    """An event the question asks is one a claim says: the same, or of one class (`_one_class`: "displaced" /
    "evacuated", "turned up" / "attended")."""
    return bool(asked & said) or any(_one_class(a, b) for a in asked for b in said)


def _figure_asked(question: Question, dispute: Dispute) -> bool:
    """The question counts what the dispute counts: same noun (or "people"), same event if it names one (or one of
    its class); its other words said by the claims or their headlines."""
    if not question.focus and not _whose_figure_met(question, dispute):
        return False
    own = _own_words(question)
    asked_events, said_events = _events_asked(own), _events_said(dispute)
    if asked_events and not _events_meet(asked_events, said_events):
        return False
    context = {stem(w.text) for c in dispute.claims for w in tokens(f"{c.quote} {c.subject} {c.title}")}
    names = {w.lower() for e in (*question.entities, *question.soft_entities) for w in e}
    # Names are pins, checked by `touches`; these are the words saying what about them is asked. A hazard
    # ("the fire", "the storm") is one however common: it says which event is meant.
    specific = [w for w in own if (specificity(w) >= 1.5 or w in HAZARD_NOUNS) and w not in _QUESTION_EVENTS
                and w not in _JOB_WORDS and w not in names and not about_the_figures(w)]
    heads = {c.subject_key.head for c in dispute.claims if c.subject_key}
    # "How strong was the quake?" asks for a value; a dispute over a measure ("magnitude") answers it.
    measured_value = not question.focus and bool(heads & measures_asked(question.text))
    said = _words_said(dispute)
    # A question's verb of one class with an event the claims say ("turned up" asked, "took part" said).
    classed = [w for w in specific if _events_meet({w, stem(w)}, said_events)]
    # "crowd", "turnout": a measure of people, which a dispute counting people answers.
    crowd = any(c.subject_key.counts_people for c in dispute.claims if c.subject_key) and bool(
        MEASURES_OF_PEOPLE.keys() & set(own))
    met = sum(1 for w in specific if any(stems_match(stem(w), other) for other in context) or _linked_to_one(w, said)
              or (crowd and w in MEASURES_OF_PEOPLE) or w in classed)
    # Every word the question says must be met, unless what it asks is pinned down otherwise (the event it
    # names, said by the claims in that word, or a measure): then half will do, since a question paraphrases the
    # article. An event or verb met only by its class does not pin: a question about a strike's later days is not the
    # first day's "joined" / "stayed away", nor are people "displaced by the fire" a flood's evacuees.
    pinned = bool(asked_events & said_events) or measured_value
    if met < len(specific) and not (pinned and met * 2 >= len(specific)):
        return False
    focus = {t.stem for t in question.focus} or {t.stem for t in question.terms}
    subjects = " ".join(c.subject for c in dispute.claims)
    subject_stems = {stem(w.text) for w in tokens(subjects)} | heads
    # "How much did they pay?": every claim left gives money (`_of_the_kind_asked`), which is what is asked.
    typed = not question.focus and asks_figure_type(question.text)
    noun_met = (any(any(stems_match(f, s) for s in subject_stems) for f in focus) or "peopl" in focus or measured_value
                or typed or crowd)
    if not noun_met:
        return False
    nationalities = [w for e in question.entities for w in e if is_nationality(w)]
    qualifiers = {c.subject_key.qualifier for c in dispute.claims if c.subject_key} - {""}
    return all(any(stems_match(stem(n)[:5], q) or stem(n).startswith(q) for q in qualifiers) for n in nationalities) if qualifiers else True


