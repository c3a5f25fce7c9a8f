"""Claim extraction: the attributed claims of an article, as records for the ledger.

Each attributed sentence (or clause, when one sentence names several
claimants) gives one claim per figure it states, and a *statement* claim when
it states no exact figure. A figure claim carries its value, unit, hedge
("nearly", "more than") and a *subject* such as "Russian soldiers killed",
built from the counted noun and the event verb; its ``subject_key`` is the
canonical form used to group claims across articles ("Russian troops dead"
has the same key). A caveat such as "could not be independently verified"
applies to the figures of its own sentence or, when it has none, to those of
the latest sentence before it that had some (and to earlier claims of the
same figure). Relative days ("on Wednesday", "last Saturday") are resolved
against the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from newsdesk.articles.chunking import split_paragraphs
from newsdesk.claims.attribution import Attribution, Clause, same_claimant
from newsdesk.articles.corpus import Article
from newsdesk.text import NUMBER, Span, Token, is_a_noun, is_calendar_word, resolve_weekday, specificity, stem, tokens
from newsdesk.vocabulary import (
    ATTRIBUTION_VERBS,
    CAVEATS,
    CURRENCY_WORDS,
    FIGURE_CARDINALS,
    HEDGES,
    MONTHS,
    MULTIPLIERS,
    PERSON_EVENTS,
    POSSESSIVE_DETERMINERS,
    STOPWORDS,
    TOLL_VERBS,
    VAGUE_QUANTITIES,
    VALUE_NOUNS,
    WEEKDAYS,
    is_nationality,
)

# Bump when the extraction rules change: the next reindex then re-extracts every article.
EXTRACTOR_VERSION = "43"  # 43: the claimants of the round-17 review fixes (a closing ", OUTLET reported" relays an earlier "X said", newspaper titles, an outlet's own noun by kind, a name in a dash pair); 42: 41 without the report headers (the noun an outlet calls itself by kept); 41: the claimants of round 17's attribution (report headers, a closing "X said"); 40: the claimant of "added 9 deaths to the tally" and "added a stern warning" (round 16 review); 39: the claimants of round 16's attribution (a verb of saying joined to an earlier verb, a quotation's speaker after "said"); 38: "the federation now says 720" is the federation's claim; "it" after "The X Commission has a view." is the commission (round 14)

_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(FIGURE_CARDINALS, key=len, reverse=True)) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b",
    re.IGNORECASE,
)
_TIME_UNITS = frozenset(
    "day days hour hours week weeks month months year years minute minutes second seconds decade decades "
    "century centuries times time".split()
)
_CLOCK = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|:\d|gmt|utc|o'clock)", re.IGNORECASE)
# Event words, canonicalised so that "died", "dead" and "deaths" group together.
EVENTS = {
    "killed": "killed", "died": "killed", "dead": "killed", "deaths": "killed", "death": "killed",
    "die": "killed", "perished": "killed", "fatalities": "killed", "lives": "killed", "gone": "killed",
    "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "injuries": "wounded", "casualties": "casualties",
    "missing": "missing", "unaccounted": "missing",
    "evacuated": "evacuated", "evacuees": "evacuated", "fled": "evacuated", "flee": "evacuated",
    "leave": "evacuated", "displaced": "displaced", "arrested": "arrested", "detained": "arrested",
    "rescued": "rescued", "saved": "rescued", "pulled": "rescued", "brought": "rescued",
    "aboard": "aboard", "board": "aboard", "carrying": "aboard",
    "destroyed": "destroyed", "damaged": "damaged", "extinguished": "extinguished", "treated": "treated",
    "captured": "captured", "taken": "captured", "recovered": "recovered",
    "laid": "laid off", "lay": "laid off", "redundant": "laid off",
    "marched": "attended", "attended": "attended",
}
# "lose their jobs", "lost their lives", "took part": a verb whose event is the noun after it.
_VERB_OBJECT_EVENTS = {
    ("lose", "job"): "laid off", ("lost", "job"): "laid off", ("losing", "job"): "laid off",
    ("lose", "live"): "killed", ("lost", "live"): "killed",
    ("took", "part"): "attended", ("taken", "part"): "attended", ("take", "part"): "attended",
    ("turned", "out"): "attended",
}
# What is counted when it is jobs, and the words that say they are lost ("will cut 300 jobs", "80 posts go").
_JOB_HEADS = frozenset("job post position".split())
_JOB_LOSS_STEMS = frozenset(stem(w) for w in "cut shed axe lose lost losing loss go going gone slash eliminate scrap".split())


def job_loss_said(words: list[str]) -> bool:
    """Whether ``words`` hold a word of loss for jobs ("cut", "lose", "go", "losses")."""
    return any(stem(w) in _JOB_LOSS_STEMS for w in words)
# Every canonical event; an event outside it is a verb's stem ("cancel") that only matches itself.
_CANONICAL_EVENTS = frozenset(EVENTS.values()) | {"capacity"}
# Nouns that are themselves the event: "142 civilian deaths", "63 bodies".
_EVENT_NOUNS = {"evacuees": "evacuated", "deaths": "killed", "dead": "killed", "fatalities": "killed", "bodies": "killed",
                "casualties": "casualties", "injuries": "wounded", "victims": "killed"}
# Counted nouns that name the same thing; "people" groups with any more specific person noun.
_SYNONYMS = {
    "troop": "soldier", "servicemen": "soldier", "serviceman": "soldier", "servicememb": "soldier",
    "fighter": "soldier", "person": "peopl", "individu": "peopl", "bodi": "peopl", "victim": "peopl",
    "resid": "peopl", "passeng": "peopl", "civilian": "civilian", "neighbour": "peopl",
    "employe": "worker", "staff": "worker", "marcher": "peopl", "protestor": "peopl", "spectat": "peopl",
}
# A measure that is a count of people when it stands without a counted noun: "police put the turnout at 7,200".
MEASURES_OF_PEOPLE = {"turnout": "attended", "attendance": "attended", "crowd": "attended"}
_GENERIC_HEADS = frozenset({"peopl"})
# Value nouns that name what a figure measures when it has no counted noun; not the generic ones
# ("figure", "number", "total", "estimate"), which say nothing about what is measured.
_GENERIC_VALUES = frozenset("figure number total amount estimate toll tally share".split())
_MEASURED_VALUES = (frozenset(VALUE_NOUNS) - _GENERIC_VALUES) | {"age"}
# Counted nouns that measure rather than count people; "people" never stands for them.
MEASURE_HEADS = frozenset(
    stem(w) for w in """metres meters kilometres kilometers km miles feet percent dollars euros pounds tonnes tons
    hectares acres litres liters degrees hours days weeks months years minutes""".split()
) | frozenset(stem(re.sub(r"\(.*?\)|\?", "", w)) for w in CURRENCY_WORDS)  # "crowns?" and "kron(a|e|or|er)?" as stems

_NOUN_STOP = frozenset(
    """were was are is had have has been be being remain remains remained still among on in at from to by as
    when after before since during while who which that whose and or but with for of into onto across along
    downstream upstream aboard alive ago away more than each per near""".split()
)
_OWNERS = POSSESSIVE_DETERMINERS | frozenset("my your".split())
_REFERENCE_WORDS = frozenset("this that there it these those".split())
_STRONG_VERBS = r"(?:rejected|rejects|denied|denies|disputed|disputes|dismissed|contradicted|contradicting|refuted|countered)"
# Pushing back on what was just said: "rejected this", "disputed that.", "denied the claim".
_STRONG_CUES = re.compile(
    rf"\b{_STRONG_VERBS}\s+(?:this|these|those|it|them|that(?=\s*(?:[.,;:]|$))|(?:the|that|this|those|these)\s+(?:claim|claims|figure|figures|"
    r"allegation|allegations|report|reports|account|statement|count|toll))\b"
)
_CONTRAST_CUES = re.compile(r"(?:^|\W)(?:but|however|whereas|while|yet)\W")
# A wire dateline: the agency that filed the story, its initials in brackets (group 1), in the dateline at
# the start of the body: "HARBURY (NPA) —", "QUARNBY, North Vale (NPA) -", "HARBURY, May 15 (NPA) -".
# Not `text.DATELINE`, which finds a dateline anywhere to drop it (so that its month does not date a figure):
# that one needs no agency and reads none, and a place followed by a region rather than a date is not its
# concern; this one asks only "which agency relays this story?", of the story's first line.
_WIRE_AGENCY_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,[^—–(\n]{0,40})?\s*\(([A-Z][A-Za-z]{1,12})\)\s*[—–-]")


class Opposition(str, Enum):
    """How a clause pushes back on what was said before it."""

    STRONG = "strong"  # "rejected this", or right after "X disputed that."
    CLAUSE = "clause"  # a "while/whereas/but" clause of another claimant in the same sentence
    CONTRAST = "contrast"  # "But ..." about the same thing
    NONE = ""


@dataclass(frozen=True)
class SubjectKey:
    """What figures must share to be about the same thing: nationality, counted noun, event.

    Written ``russi|soldier|killed`` in the ledger file.
    """

    qualifier: str = ""  # the first five letters of the nationality's stem, "" when none
    head: str = ""  # the canonical stem of what is counted ("soldier", "peopl")
    event: str = ""  # what happened to it ("killed")

    def __str__(self) -> str:
        return f"{self.qualifier}|{self.head}|{self.event}"

    @classmethod
    def parse(cls, text: str) -> SubjectKey | None:
        if not text:
            return None
        qualifier, head, event = (text.split("|") + ["", "", ""])[:3]
        return cls(qualifier, head, event)

    @property
    def counts_people(self) -> bool:
        """What is counted is "people" in general (or a word canonicalised to it), which fits any person noun."""
        return self.head in _GENERIC_HEADS

    def compatible(self, other: SubjectKey) -> bool:
        """Same event and counted noun; a missing nationality or a generic "people" fits any.

        A measure ("magnitude", "turnout") needs no event. The same specific counted noun ("flights")
        fits when both figures say the same thing happened to it, a known event or the same verb's stem
        ("cancel"): "operates 300 flights a day" and "cancelled 75 flights" count different flights.
        """
        if self.qualifier and other.qualifier and self.qualifier != other.qualifier:
            return False
        if self.head and self.head == other.head and self.head in _MEASURED_VALUES:
            return True
        if _names_the_act(self, other) or _names_the_act(other, self):
            return True
        if not self.event or self.event != other.event:
            return False
        if self.head == other.head:
            return bool(self.head)
        if not self.head or not other.head or self.head in MEASURE_HEADS or other.head in MEASURE_HEADS:
            return False
        return self.counts_people or other.counts_people


def _names_the_act(people: SubjectKey, thing: SubjectKey) -> bool:
    """"800 people had signed it" counts what "650 of the signatures" counts: the noun names the act."""
    return (
        people.head in _GENERIC_HEADS and len(people.event) >= 4 and thing.head.startswith(people.event)
        and thing.event in ("", people.event)
    )


@dataclass(frozen=True)
class Claim:
    """One attributed claim with its exact span: ``body[start:end] == quote``."""

    id: str
    doc_id: str
    claimant: str
    relay: str | None
    kind: str  # "figure" or "statement"
    subject: str
    subject_key: SubjectKey | None  # None for a statement
    value: float | None
    unit: str | None
    hedge: str | None
    caveat: str | None
    as_of: str
    quote: str
    start: int
    end: int
    title: str = ""
    outlet: str = ""
    published: str = ""
    topics: tuple[str, ...] = ()
    opposes: Opposition = Opposition.NONE
    sentence: tuple[int, int] = (0, 0)
    scene: tuple[str, ...] = ()  # names of the article's title and lede: the event the whole article is about

    @property
    def hedged_value(self) -> str:
        """``nearly 6,000``; the figure as the article puts it."""
        if self.value is None:
            return ""
        number = f"{self.value:,.0f}" if float(self.value).is_integer() else f"{self.value:,}"
        return f"{self.hedge} {number}" if self.hedge else number

    @property
    def as_written(self) -> str:
        """The figure as its quote writes it: "under six hundred" stays in words (a reader, and a check of the
        answer against the source, meets the source's own words), "nearly 1,800" in digits. A multiplier written
        alone keeps the "a" or "one" before it ("a hundred"); without one it is no figure ("hundred"): digits."""
        words = tokens(self.quote)
        for value, first, last in _numbers_in(self.quote, words):
            if value != self.value:
                continue
            written = self.quote[words[first].start:words[last].end]
            if any(ch.isdigit() for ch in written):
                break
            if first == last and words[first].lower in MULTIPLIERS:
                if first == 0 or words[first - 1].lower not in ("a", "one"):
                    break
                written = self.quote[words[first - 1].start:words[last].end]
            return f"{self.hedge} {written}" if self.hedge else written
        return self.hedged_value

    def to_json(self) -> dict[str, Any]:
        # A shallow copy: every field is a plain value or replaced below. dataclasses.asdict deep-copies
        # recursively and was 30 of 67 s of a one-article edit at 10k chunks (the ledger is rewritten whole).
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["subject_key"] = str(self.subject_key) if self.subject_key else ""
        data["opposes"] = self.opposes.value
        data["topics"] = list(self.topics)
        data["sentence"] = list(self.sentence)
        data["scene"] = list(self.scene)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Claim:
        values = {key: data[key] for key in cls.__dataclass_fields__ if key in data}
        values["subject_key"] = SubjectKey.parse(values.get("subject_key") or "")
        values["opposes"] = Opposition(values.get("opposes", ""))
        values["topics"] = tuple(values.get("topics", ()))
        values["sentence"] = tuple(values.get("sentence", (0, 0)))
        values["scene"] = tuple(values.get("scene", ()))
        return cls(**values)


@dataclass(frozen=True)
class _Figure:
    value: float
    start: int  # offsets in the body
    end: int
    hedge: str | None
    noun: str
    head: str
    qualifier: str
    event: str
    # Written with a generic value noun and nothing counted ("put the figure at 2,100", "the true number was nearer
    # 3,000"): it counts what the figure just before it counts (`_ANAPHORA_SENTENCES`).
    generic: bool = False


# A generic figure ("put the figure at 2,100") refers to the figure of a sentence at most this many sentences back.
_ANAPHORA_SENTENCES = 2


def claims_of(article: Article, sentences: list[tuple[Span, list[Clause]]]) -> list[Claim]:
    """Every attributed claim of ``article``, in reading order, from its attributed sentences
    (see `newsdesk.claims.annotation.annotate`, which calls this once per article version)."""
    body = article.body
    wire = _wire_relay(body)
    topics = _article_topics(article)
    claims: list[Claim] = []
    last_with_figures: list[int] = []  # indices into claims of the latest sentence with figures
    last_figure_sentence = -_ANAPHORA_SENTENCES - 1  # its position among the sentences
    previous_text = ""
    for position, (sentence, clauses) in enumerate(sentences):
        text = body[sentence.start:sentence.end]
        caveat = _caveat(text)
        made: list[Claim] = []
        near = bool(last_with_figures) and position - last_figure_sentence <= _ANAPHORA_SENTENCES
        antecedent = claims[last_with_figures[0]] if near else None
        for clause in clauses:
            if clause.attribution is None:
                continue
            made += _clause_claims(article, sentence, clause, topics, wire, previous_text, antecedent)
        figures = [c for c in made if c.kind == "figure"]
        if caveat and figures:
            made = [replace(c, caveat=caveat) if c.kind == "figure" else c for c in made]
        elif caveat and last_with_figures:
            _apply_caveat(claims, last_with_figures, caveat)
        start_index = len(claims)
        claims.extend(made)
        if figures:
            last_with_figures = [i for i in range(start_index, len(claims)) if claims[i].kind == "figure"]
            last_figure_sentence = position
        previous_text = text
    return claims


def _apply_caveat(claims: list[Claim], latest: list[int], caveat: str) -> None:
    """"The figure could not be verified": the latest figures, and earlier claims of the same figure."""
    targets = set(latest)
    values = {(claims[i].value, claims[i].subject_key) for i in latest}
    targets |= {i for i, c in enumerate(claims) if c.kind == "figure" and (c.value, c.subject_key) in values}
    for i in targets:
        claims[i] = replace(claims[i], caveat=claims[i].caveat or caveat)


def _clause_claims(
    article: Article, sentence: Span, clause: Clause, topics: tuple[str, ...], wire: str | None, previous: str,
    antecedent: Claim | None = None,
) -> list[Claim]:
    """The claims of one attributed clause; a generic figure ("The police put the figure at 2,100.") counts what
    ``antecedent``, the first figure of a sentence just before it ("The organisers reckoned that 6,400 people had
    come."), counts, whoever said it: two sources' counts of one thing, whatever words the second uses."""
    body = article.body
    attribution: Attribution = clause.attribution  # type: ignore[assignment]
    whole_sentence = clause.span == sentence
    start = clause.span.start
    if not whole_sentence and attribution.mention >= 0:
        start = max(start, sentence.start + attribution.mention)
    end = clause.span.end
    relay = attribution.relay or (wire if wire and not same_claimant(wire, attribution.claimant) else None)
    as_of = _as_of(body[sentence.start:sentence.end], article.published)
    text = body[start:end]
    sentence_text = body[sentence.start:sentence.end]
    figures = _figures(body, start, end, attribution.claimant, article.title)
    common = dict(
        doc_id=article.doc_id,
        claimant=attribution.claimant,
        relay=relay,
        caveat=None,
        as_of=as_of,
        title=article.title,
        outlet=article.outlet or "",
        published=article.published_iso,
        topics=tuple(sorted(set(topics) | set(_topics(sentence_text + " " + _if_referring(text, previous))))),
        opposes=_opposes(text, previous, body[max(sentence.start, clause.span.start - 12):clause.span.start]),
        sentence=(sentence.start, sentence.end),
        scene=topics,
    )
    claims = []
    for figure in figures:
        subject = " ".join(part for part in (figure.qualifier, figure.noun, figure.event) if part)
        key = subject_key(figure.qualifier, figure.head, figure.event)
        unit = figure.noun.split()[-1] if figure.noun else None
        if figure.generic and antecedent is not None and antecedent.subject_key is not None:
            subject, key, unit = antecedent.subject, antecedent.subject_key, antecedent.unit
        claims.append(
            Claim(
                id=_claim_id(article.doc_id, start, end, figure.value),
                kind="figure",
                subject=subject,
                subject_key=key,
                value=figure.value,
                unit=unit,
                hedge=figure.hedge,
                quote=text,
                start=start,
                end=end,
                **common,  # type: ignore[arg-type]
            )
        )
    if not figures or _vague_quantity(text):
        claims.append(
            Claim(
                id=_claim_id(article.doc_id, start, end, None),
                kind="statement",
                subject=_statement_subject(text, attribution.claimant),
                subject_key=None,
                value=None,
                unit=None,
                hedge=_hedge_in(text),
                quote=text,
                start=start,
                end=end,
                **common,  # type: ignore[arg-type]
            )
        )
    return claims


def _claim_id(doc_id: str, start: int, end: int, value: float | None) -> str:
    digest = hashlib.sha1(f"{doc_id}:{start}:{end}:{value}".encode()).hexdigest()[:12]
    return digest


# -- figures -------------------------------------------------------------
# "How strong was the quake?" asks for its magnitude: the measure a "how ADJECTIVE" question asks for.
_MEASURE_OF_ADJECTIVE = {
    "strong": "magnitude", "powerful": "magnitude", "old": "age", "hot": "temperature", "cold": "temperature",
    "warm": "temperature", "fast": "speed", "quickly": "speed", "deep": "depth", "tall": "height", "high": "height",
    "heavy": "weight", "far": "distance", "big": "size", "large": "size",
}


def measures_asked(question: str) -> set[str]:
    """The measures ("magnitude", "turnout") a question asks for: named outright, or by "how ADJECTIVE"."""
    words = [w.lower for w in tokens(question)]
    named = {w for w in words if w in _MEASURED_VALUES}
    by_adjective = {_MEASURE_OF_ADJECTIVE[b] for a, b in zip(words, words[1:]) if a == "how" and b in _MEASURE_OF_ADJECTIVE}
    return named | by_adjective


def event_known(event: str) -> bool:
    """A canonical event ("killed", "laid off"), not a verb's own stem or nothing."""
    return event in _CANONICAL_EVENTS


def _figures(body: str, start: int, end: int, claimant: str, title: str = "") -> list[_Figure]:
    text = body[start:end]
    words = tokens(text)
    title_words = tokens(title)
    title_measure = _value_noun_before(title_words, len(title_words)) if len(title_words) else ""
    found: list[_Figure] = []
    for value, first, last in _numbers_in(text, words):
        if _is_date_or_time(text, words, first, last, value):
            continue
        hedge = _hedge_before(text[:words[first].start])
        noun_words, after_index = _counted_noun(text, words, last + 1)
        if not noun_words and _range_continues(words, first, last):
            # "between 3,000 and 4,000 people took part": the first end counts what the second does,
            # and is shown as what it says, a floor
            noun_words, after_index = _counted_noun(text, words, last + 3)
            hedge = hedge or "at least"
        qualifier, borrowed_event = "", ""
        if not noun_words and found:
            previous = found[-1]
            noun, head, qualifier = previous.noun, previous.head, previous.qualifier
            borrowed_event = previous.event
        else:
            noun, head, qualifier = _noun_parts(noun_words, claimant, text, words, first)
        if noun_words[:1] and noun_words[0].lower in ("years", "year") and (
            _age_follows(noun_words, 1) or _age_follows(words, after_index)
        ):
            noun, head = "years", "age"  # "12,000 years ago", "no more than 8,000 years old": an age
            qualifier = _aged_thing(words, first)  # of the reef, not of the bridge: ages of two things never meet
        elif any(w.lower in _TIME_UNITS for w in noun_words[:1]):
            continue  # "four days", "two hours later": a duration
        if text[words[last].end:words[last].end + 1] == "%" or (noun_words and noun_words[0].lower in ("percent", "per")):
            noun_words, noun, head = [], "percent", "percent"
        active, after = _active_verb(words, first), _event_after(words, after_index, text)
        # A known event wins over a verb's own stem: "forced 3,500 people to leave" is about people evacuated.
        known = [e for e in (active, after) if e and event_known(e)]
        event = (known[0] if known else None) or active or after or _event_before(words, first, text) or ""
        if not noun_words:
            counted = _counted_before(text, words, first)  # "the number of people killed ... has risen to 31"
            if counted is not None:
                noun_words, before_event = counted
                noun, head, qualifier = _noun_parts(noun_words, claimant, text, words, first)
                event = before_event or event
        if head in _JOB_HEADS and not event_known(event):
            event = _job_event(event, words, first, after_index, borrowed_event)
        noun_event = _EVENT_NOUNS.get(noun_words[-1].lower) if noun_words else None
        if noun_event:
            event = noun_event
            head = stem(noun_words[0].text) if len(noun_words) > 1 else "peopl"
            noun = " ".join(w.text for w in noun_words[:-1]) or "people"
            if noun_words[-1].lower == "bodies":
                noun = "people"
        if re.search(r"\b(?:bodies|remains) of\s*$", text[:words[first].start].lower().replace(hedge or "\0", "")):
            event = "killed"  # "the bodies of 63 people"
        if not noun and _has_toll(text):
            noun, head, event = "people", "peopl", event or "killed"
        if not noun and event in PERSON_EVENTS:
            noun, head = "people", "peopl"  # "put the number of evacuees at 5,000"
        if not noun:
            noun, head = "", ""
        generic = not noun_words and not found and _named_by_a_generic_value(words, first, noun, event)
        noun, head, event = _measure_parts(words, first, noun, head, event, title_measure)
        found.append(
            _Figure(value, start + words[first].start, start + words[last].end, hedge, noun, head, qualifier, event, generic)
        )
    return found


def _measure_parts(
    words: list[Token], first: int, noun: str, head: str, event: str, title_measure: str
) -> tuple[str, str, str]:
    """(noun, head, event) of a figure that measures something: a measure named before it ("put the magnitude
    at 4.2", "turnout was 58 percent") or, for a figure a value noun introduces ("revised their estimate to
    7,200"), the measure that ends the headline ("... at odds over turnout"); unchanged otherwise."""
    # "Police put the crowd at about 12,000": a crowd is a measure of people too, though no value noun
    measured = _value_noun_before(words, first, _MEASURED_VALUES | frozenset(MEASURES_OF_PEOPLE))
    if _named_by_a_generic_value(words, first, noun, event):
        measured = title_measure
    if measured in MEASURES_OF_PEOPLE and not noun:
        return "people", "peopl", MEASURES_OF_PEOPLE[measured]
    if measured and (not noun or head == "percent"):
        return (noun or measured), measured, ""
    return noun, head, event


def _named_by_a_generic_value(words: list[Token], first: int, noun: str, event: str) -> bool:
    """"put the figure at 2,100", "revised their estimate to 7,200": a generic value noun (`_GENERIC_VALUES`) before
    the figure, and no measure, counted noun or known event to say what it counts; it takes the headline's measure
    (`_measure_parts`) and, as the first figure of its clause with no noun after it, what the figure before it counts
    (`_Figure.generic`)."""
    if noun or event_known(event) or _value_noun_before(words, first, _MEASURED_VALUES | frozenset(MEASURES_OF_PEOPLE)):
        return False
    return bool(_value_noun_before(words, first, _GENERIC_VALUES))


def _numbers_in(text: str, words: list[Token]) -> list[tuple[float, int, int]]:
    """(value, first token, last token) for "1,597", "Ten", "Fifty-seven", "3 million"."""
    by_start = {w.start: i for i, w in enumerate(words)}
    found = []
    for match in NUMBER.finditer(text):
        if match.start() not in by_start:
            continue
        index = by_start[match.start()]
        if text[match.end():match.end() + 1] == "-" and text[match.end() + 1:match.end() + 2].isalpha():
            continue  # "20-minute crossing"
        value = float(match.group().replace(",", ""))
        last = index
        if index + 1 < len(words) and words[index + 1].lower in MULTIPLIERS:
            value *= MULTIPLIERS[words[index + 1].lower]
            last = index + 1
        found.append((value, index, last))
    for match in _NUMBER_WORD.finditer(text):
        if match.start() not in by_start:
            continue
        index = by_start[match.start()]
        if index > 0 and words[index - 1].lower in ("all", "the", "every"):
            continue  # "all four of the province's reservoirs"
        if found and found[-1][1] < index <= found[-1][2]:
            continue  # "twenty" of "four hundred and twenty", already read
        value = _number_word_value(match.group())
        last = index + match.group().count("-")
        last = min(last, len(words) - 1)
        while last + 1 < len(words) and words[last + 1].start < match.end():
            last += 1
        value, last = _compound_number(text, words, value, last)
        found.append((value, index, last))
    found.sort(key=lambda item: item[1])
    return found


def _number_word_value(word: str) -> float:
    """"forty" is 40, "twenty-two" 22."""
    parts = word.lower().split("-")
    return float(FIGURE_CARDINALS[parts[0]] + (FIGURE_CARDINALS.get(parts[1], 0) if len(parts) > 1 else 0))


def _compound_number(text: str, words: list[Token], value: float, last: int) -> tuple[float, int]:
    """"four hundred and twenty" is 420 and "thirty-five million" 35,000,000: the words after a number word that scale or add to it."""
    # value 100: "hundred" alone was matched as the number, and scales nothing before it
    if value != 100 and last + 1 < len(words) and words[last + 1].lower == "hundred":
        value, last = value * 100, last + 1
        rest = words[last + 1:last + 3]
        tail = _NUMBER_WORD.match(text, rest[1].start) if len(rest) == 2 and rest[0].lower == "and" else None
        if tail:  # "and thirty-five" is two tokens
            value, last = value + _number_word_value(tail.group()), last + 2
            while last + 1 < len(words) and words[last + 1].start < tail.end():
                last += 1
    if last + 1 < len(words) and words[last + 1].lower in MULTIPLIERS and words[last + 1].lower != "hundred":
        value, last = value * MULTIPLIERS[words[last + 1].lower], last + 1
    return value, last


def _is_date_or_time(text: str, words: list[Token], first: int, last: int, value: float) -> bool:
    before = words[first - 1].lower.rstrip(".") if first > 0 else ""
    after = words[last + 1].lower if last + 1 < len(words) else ""
    if before in MONTHS or after in MONTHS:
        return True
    if _CLOCK.match(text[words[last].end:]):
        return True
    year_like = value.is_integer() and 1900 <= value <= 2100 and "," not in words[last].text  # "2,100" counts
    if year_like and not after.isalpha():
        return True
    if year_like and before in ("in", "since", "of", "until", "by"):
        return True
    one_decimal = re.fullmatch(r"\d+\.\d", words[last].text) is not None  # "put the magnitude at 4.2"
    return before in ("at",) and value < 24 and after in ("", "on", "in") and not one_decimal


def _hedge_before(prefix: str) -> str | None:
    lowered = " ".join(prefix.lower().split()[-3:])
    for hedge in HEDGES:
        if lowered.endswith(hedge) and (len(lowered) == len(hedge) or not lowered[-len(hedge) - 1].isalnum()):
            # "no more than 8,000" is at most 8,000: the opposite of "more than"
            negated = lowered[: -len(hedge)].rstrip().endswith(" no") or lowered[: -len(hedge)].strip() == "no"
            return f"no {hedge}" if negated else hedge
    return None


def _hedge_in(text: str) -> str | None:
    lowered = text.lower()
    for hedge in HEDGES[:12]:
        if re.search(rf"\b{hedge}\b", lowered):
            return hedge
    return None


def _counted_noun(text: str, words: list[Token], index: int) -> tuple[list[Token], int]:
    """The words counted after a number: "Russian soldiers", "emergency responders", "civilian deaths"."""
    if index < len(words) and words[index].lower == "of" and index + 1 < len(words):
        step = index + 1
        if words[step].lower in _OWNERS or words[step].lower == "the":
            step += 1
        index = step
    noun: list[Token] = []
    while index < len(words) and len(noun) < 4:
        word = words[index]
        if index > 0 and re.search(r"[,;:()]", text[words[index - 1].end:word.start]):
            break
        lowered = word.lower
        if lowered in _NOUN_STOP or (lowered in STOPWORDS and lowered != "people") or word.text[0].isdigit():
            break
        if lowered.endswith(("ed", "ing", "ly")) and lowered not in _EVENT_NOUNS and noun:
            break
        if lowered in EVENTS and lowered not in _EVENT_NOUNS and lowered != "dead":
            break
        if any(verb == lowered for verb, _ in _VERB_OBJECT_EVENTS):
            break  # "people took part"
        noun.append(word)
        index += 1
    return noun, index


def _noun_parts(
    noun_words: list[Token], claimant: str, text: str, words: list[Token], first: int
) -> tuple[str, str, str]:
    """(noun as written, canonical head, nationality qualifier)."""
    if not noun_words:
        return "", "", ""
    qualifier = ""
    content = list(noun_words)
    if content and is_nationality(content[0].text) and len(content) > 1:
        qualifier = content[0].text
        content = content[1:]
    owner = words[first + 2].lower if first + 2 < len(words) and words[first + 1].lower == "of" else ""
    if not qualifier and owner in _OWNERS:
        qualifier = _demonym(claimant)
    noun = " ".join(w.text for w in content)
    head = stem(content[-1].text) if content else ""
    if content and content[-1].lower in _EVENT_NOUNS and len(content) > 1:
        head = stem(content[-2].text)
    return noun, head, qualifier


def _demonym(claimant: str) -> str:
    """"Russia's Defense Ministry" speaks of "its soldiers": Russian ones."""
    first = claimant.split()[0] if claimant else ""
    if not first.endswith(("'s", "’s")):
        return ""
    place = first[:-2]
    if place.endswith("ia"):
        return place + "n"
    if place.endswith("ine"):
        return place[:-1] + "ian"
    return place


def _event_after(words: list[Token], index: int, text: str) -> str | None:
    """The verb that says what happened to the counted: "had died", "were among the dead"."""
    for position in range(index, min(index + 7, len(words))):
        word = words[position]
        lowered = word.lower
        if position > 0 and re.search(r"[,;:]", text[words[position - 1].end:word.start]):
            return None
        if word.text[0].isdigit() or lowered in FIGURE_CARDINALS:
            return None  # the next figure begins
        paired = _verb_object_event(words, position)
        if paired:
            return paired
        if lowered in EVENTS:
            return EVENTS[lowered]
        if lowered.endswith("ed") and len(lowered) > 4 and lowered not in _NOT_EVENTS:
            return stem(lowered)
    return None


def _verb_object_event(words: list[Token], position: int) -> str | None:
    """"lose their jobs", "had taken part": the event a verb names together with the word after it."""
    verb = words[position].lower
    for word in words[position + 1:position + 3]:
        event = _VERB_OBJECT_EVENTS.get((verb, stem(word.lower)))
        if event:
            return event
    return None


_NOT_EVENTS = frozenset("caused based related licensed allowed called named needed used".split())


_HEDGE_WORDS = frozenset(w for hedge in HEDGES for w in hedge.split())


def _active_verb(words: list[Token], first: int) -> str | None:
    """"has killed more than 2,000 civilians": the verb right before the (hedged) number."""
    index = first - 1
    while index >= 0 and (words[index].lower in _HEDGE_WORDS or words[index].lower in _PARTICLES):
        index -= 1  # "will lay off 300 workers"
    if index < 0:
        return None
    lowered = words[index].lower
    if lowered in EVENTS and lowered not in _EVENT_NOUNS:
        return EVENTS[lowered]
    if lowered.endswith("ed") and len(lowered) > 4 and lowered not in _NOT_EVENTS and lowered not in STOPWORDS:
        return stem(lowered)  # "cancelled 75 flights"
    return None


_PARTICLES = frozenset("off out up down".split())


def _event_before(words: list[Token], first: int, text: str) -> str | None:
    for word in reversed(words[max(0, first - 5):first]):
        lowered = word.lower
        if lowered in EVENTS:
            return EVENTS[lowered]
        if lowered in ("toll",):
            return "killed"
        if lowered.endswith("ed") and lowered not in _NOT_EVENTS and len(lowered) > 4 and lowered not in STOPWORDS:
            return stem(lowered)
        if lowered in ("carry", "hold", "seat"):
            return "capacity"
    return None


_COUNT_OF = frozenset("number count total tally".split())


def _counted_before(text: str, words: list[Token], first: int) -> tuple[list[Token], str | None] | None:
    """For a figure with no noun after it: "the number of people killed ... rose to 17" counts people killed."""
    for index in range(first - 1, max(-1, first - 16), -1):
        if words[index].lower in _COUNT_OF and index + 1 < first and words[index + 1].lower == "of":
            noun, after = _counted_noun(text, words, index + 1)
            if not noun:
                return None
            event = _event_after(words, after, text) if after < first else None
            return noun, event
    return None


def _job_event(event: str, words: list[Token], first: int, after: int, borrowed: str) -> str:
    """A count of jobs is of jobs lost when a word of loss stands near it ("will cut 300 jobs", "80 posts
    would go"), or when it borrows the noun of a count of jobs lost ("cut 300 jobs, down from the 400 it
    announced"); "will create 2,000 jobs" keeps its own event."""
    if borrowed == "laid off":
        return borrowed
    near = words[max(0, first - 5):after + 3]
    return "laid off" if job_loss_said([w.lower for w in near]) else event


def _aged_thing(words: list[Token], first: int) -> str:
    """What an age belongs to: the nearest noun before the figure ("the reef is no more than 8,000 years
    old", "the bridge was built 40 years ago"), or ""."""
    for word in reversed(words[max(0, first - 8):first]):
        if word.lower in STOPWORDS or word.lower in _HEDGE_WORDS or not word.text.isalpha():
            continue
        if is_a_noun(word.text):
            return word.lower
    return ""


def _age_follows(words: list[Token], index: int) -> bool:
    return index < len(words) and words[index].lower in ("old", "ago")


def _range_continues(words: list[Token], first: int, last: int) -> bool:
    """"3,000 and 4,000", "3,000 to 4,000": the next words close a range ("from 17 to 23" is a change)."""
    if last + 2 >= len(words) or words[last + 1].lower not in ("and", "to"):
        return False
    if first > 0 and words[first - 1].lower == "from":
        return False
    following = words[last + 2]
    return following.text[:1].isdigit() or following.lower in FIGURE_CARDINALS


def _value_noun_before(words: list[Token], first: int, nouns: frozenset[str] = _MEASURED_VALUES) -> str:
    """A measure named a few words before the figure ("magnitude", "turnout", "fee"), or "" (or one of ``nouns``)."""
    for word in reversed(words[max(0, first - 6):first]):
        if word.lower in nouns:
            return word.lower
        if word.text[:1].isdigit():
            return ""
    return ""


def _has_toll(text: str) -> bool:
    return re.search(r"\b(death toll|toll|death count)\b", text.lower()) is not None


def _vague_quantity(text: str) -> bool:
    return any(w.lower in VAGUE_QUANTITIES for w in tokens(text))


def subject_key(qualifier: str, head: str, event: str) -> SubjectKey:
    """``russi|soldier|killed``: the nationality cut to five letters, the counted noun by its canonical stem."""
    return SubjectKey(stem(qualifier)[:5] if qualifier else "", counted_noun(head), event)


def counted_noun(head: str) -> str:
    """A counted noun's stem as subject keys hold it: "employe" is "worker", "passeng" "peopl" (`_SYNONYMS`)."""
    return _SYNONYMS.get(head, head)


# -- statements, topics, dates, caveats ---------------------------------
def _statement_subject(text: str, claimant: str) -> str:
    """A short handle for a statement: its most specific words, claimant's name left out."""
    claimant_words = {w.lower for w in tokens(claimant)}
    content = [
        w.text for w in tokens(text)
        if w.lower not in STOPWORDS and w.lower not in claimant_words and len(w.text) > 2
        and w.lower not in ATTRIBUTION_VERBS
    ]
    return " ".join(content[:8])


def _topics(text: str) -> list[str]:
    """Stems of the names a sentence mentions (not at its start): what it is about."""
    found = []
    for index, word in enumerate(tokens(text)):
        if not word.text[0].isupper() or word.lower in STOPWORDS or is_calendar_word(word):
            continue
        if word.text.isupper() and len(word.text) > 1 and index < 4:
            continue  # the dateline: where it was filed, not what it is about
        if index == 0 and specificity(word.text) < 3.0:
            continue  # an ordinary word capitalised because it opens the sentence
        found.append(stem(word.text))
    return found


def _article_topics(article: Article) -> tuple[str, ...]:
    """Names in the title and the lede (the first paragraph): what the whole article is about."""
    paragraphs = split_paragraphs(article.body)
    lede = next((article.body[p.start:p.end] for p in paragraphs if len(article.body[p.start:p.end]) > 80), "")
    return tuple(sorted(set(_topics(article.title)) | set(_topics(lede))))


def _if_referring(text: str, previous: str) -> str:
    """"rejected this": the previous sentence says what "this" is."""
    words = {w.lower for w in tokens(text)}
    return previous if words & _REFERENCE_WORDS else ""


def _opposes(text: str, previous: str, cut: str) -> Opposition:
    """How a clause pushes back on what was said before it, if it does."""
    lowered = text.lower()
    if _STRONG_CUES.search(lowered) or (_STRONG_CUES.search(previous.lower()) and len(tokens(previous)) <= 8):
        return Opposition.STRONG  # "rejected this"; or right after "Residents disputed that."
    if _CONTRAST_CUES.search(f" {cut.lower()} "):
        return Opposition.CLAUSE  # "Russia claiming control there while Ukraine argued ...": against the clause before
    if _CONTRAST_CUES.search(f" {lowered[:40]}"):
        return Opposition.CONTRAST
    return Opposition.NONE


def _caveat(text: str) -> str | None:
    lowered = text.lower()
    return next((caveat for caveat in CAVEATS if caveat in lowered), None)


def _wire_relay(body: str) -> str | None:
    """A dateline "HOLLIN (NWA) —" marks a wire story; the agency relays every claim in it."""
    match = _WIRE_AGENCY_DATELINE.match(body.lstrip())
    if match is None:
        return None
    initials = match.group(1)
    for run in re.finditer(r"(?:[A-Z][\w'’-]+\s+){1,5}[A-Z][\w'’-]+", body):
        words = run.group().split()
        for size in range(len(words), 1, -1):
            for begin in range(0, len(words) - size + 1):
                if "".join(w[0] for w in words[begin:begin + size]) == initials:
                    return " ".join(words[begin:begin + size])
    return initials


_CLAIM_VERB = "(?:" + "|".join(sorted(ATTRIBUTION_VERBS | TOLL_VERBS)) + ")"
_WEEKDAY = "(" + "|".join(WEEKDAYS) + ")"
# "said on Tuesday", "told reporters late Tuesday", "on Tuesday raised the toll".
_AS_OF = re.compile(
    rf"\b{_CLAIM_VERB}\b(?:\s+\w+){{0,2}}?\s+(?:on\s+|earlier\s+|late\s+|last\s+)?{_WEEKDAY}\b"
    rf"|\b(?:on\s+|earlier\s+|last\s+)?{_WEEKDAY}\s+(?:\w+\s+)?{_CLAIM_VERB}\b"
)


def _as_of(sentence: str, published: dt.date | None) -> str:
    """The day the claim was made: "said on Tuesday" resolved against the publication date."""
    if published is None:
        return ""
    match = _AS_OF.search(sentence.lower())
    if match is None:
        return published.isoformat()
    day = match.group(1) or match.group(2)
    return resolve_weekday(day, published).isoformat()


def figure_values(text: str) -> list[float]:
    """Every figure of ``text`` by value, in digits or words ("Six hundred and forty" is 640), dates, years and
    clock times left out: what an answer-time dispute compares (`newsdesk.answer.dispute_answer`)."""
    words = tokens(text)
    return [value for value, first, last in _numbers_in(text, words)
            if not _is_date_or_time(text, words, first, last, value)]
