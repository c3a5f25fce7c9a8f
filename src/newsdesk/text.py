"""Small text helpers shared by the answerer, the claim extractor and the evaluator.

Word tokens with offsets, stems, numbers by value, and how specific a word is
(its rarity in general English, from wordfreq), which weighs question terms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from lemminflect import getAllLemmas
from wordfreq import zipf_frequency

from newsdesk.vocabulary import MONTHS, NUMBER_WORDS, WEEKDAYS

WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")
_POSSESSIVE = re.compile(r"['’]s?$")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def stemmer() -> Stemmer.Stemmer:
    """The Snowball English stemmer, shared by the lexical index and the rules."""
    return Stemmer.Stemmer("english")


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into an article body."""

    start: int
    end: int


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokens(text: str) -> list[Token]:
    # The answerer tokenizes each candidate sentence once per question term: sentence-sized texts are cached.
    return list(_cached_tokens(text)) if len(text) <= 2000 else list(_tokenize(text))


@lru_cache(maxsize=20_000)
def _cached_tokens(text: str) -> tuple[Token, ...]:
    return tuple(_tokenize(text))


def _tokenize(text: str) -> Iterator[Token]:
    return (Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Snowball stem of a word, lower-cased, possessive dropped: "Russia's" -> "russia"."""
    return stemmer().stemWord(_POSSESSIVE.sub("", word.lower()))


def stems_match(a: str, b: str) -> bool:
    """Same stem, or one a prefix of the other (Russia/Russian, Ukraine/Ukrainian)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


@lru_cache(maxsize=50_000)
def lemmas(word: str) -> frozenset[str]:
    """Dictionary forms of a word by lemminflect's English lexicon: "rose" -> {rose, rise}, "laid" -> {lay}.

    Stems miss irregular forms ("rising" and "rose", "lose" and "lost"); lemmas catch them.
    """
    lowered = _POSSESSIVE.sub("", word.lower())
    found = {lemma for forms in getAllLemmas(lowered).values() for lemma in forms}
    return frozenset(found | {lowered})


def same_lemma(a: str, b: str) -> bool:
    return bool(lemmas(a) & lemmas(b))


@lru_cache(maxsize=50_000)
def specificity(word: str) -> float:
    """How much a word says: 0 for "the", about 1.5 for "killed", 4+ for "Kherson"."""
    return max(0.0, 6.6 - zipf_frequency(word.lower(), "en"))


def parse_number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def numbers(text: str) -> list[float]:
    """Numbers written with digits, by value: "1,597" and "1597" are both 1597."""
    values = []
    for match in NUMBER.finditer(text):
        value = parse_number(match.group())
        if value is not None:
            values.append(value)
    return values


def has_quantity(text: str) -> bool:
    if NUMBER.search(text):
        return True
    return any(t.lower in NUMBER_WORDS for t in tokens(text))


_RELATIVE_DATE = re.compile(
    r"\b(yesterday|today|tonight|(last|next|this) (week|month|year|weekend)|\d+ (days|weeks|months|years) ago)\b",
    re.IGNORECASE,
)


def has_date_expression(text: str) -> bool:
    """A weekday, a month, a year, or a relative date such as "last week"."""
    words = {t.lower for t in tokens(text)}
    if words & set(MONTHS) or words & set(WEEKDAYS) or _RELATIVE_DATE.search(text):
        return True
    return bool(_YEAR.search(text))


# A year written as four plain digits ("in 1874", "since 2019"); "1,597" is a count, not a year.
_YEAR = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d|2100)(?![\d,.]\d)")


def normalise(text: str) -> str:
    """Lower-case with runs of white space folded: how eval strings are compared."""
    return _SPACES.sub(" ", text).strip().lower()


_WEEKDAY_MENTION = re.compile(
    r"\b(?:(last|next|this)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)
_FUTURE_CUE = re.compile(r"\b(will|would|shall|due|plans?|planned|scheduled|expected|to be held|next)\b", re.IGNORECASE)


def resolve_weekdays(text: str, published: dt.date) -> list[tuple[int, int, dt.date]]:
    """Calendar dates of the weekdays ``text`` mentions, counted from the article's date.

    "said on Wednesday" in an article of Wednesday 2 March is that day; "on
    Thursday" in the past tense is the latest Thursday before it; "would resume
    on Wednesday" or "next Saturday" look forward; "last Saturday" looks back.
    Returns (start, end, date) of each mention.
    """
    found = []
    for match in _WEEKDAY_MENTION.finditer(text):
        qualifier = (match.group(1) or "").lower()
        target = WEEKDAYS.index(match.group(2).lower())
        clause_start = max(text.rfind(",", 0, match.start()), text.rfind(".", 0, match.start()), 0)
        looks_forward = qualifier == "next" or (
            qualifier != "last" and _FUTURE_CUE.search(text[clause_start:match.start()]) is not None
        )
        if looks_forward:
            ahead = (target - published.weekday()) % 7 or 7
            day = published + dt.timedelta(days=ahead)
        else:
            day = resolve_weekday(match.group(2), published)
            if qualifier == "last" and day == published:
                day -= dt.timedelta(days=7)
        found.append((match.start(), match.end(), day))
    return found


def resolve_weekday(day: str, published: dt.date) -> dt.date:
    """The latest ``day`` (e.g. "Wednesday") on or before ``published``."""
    target = WEEKDAYS.index(day.lower())
    return published - dt.timedelta(days=(published.weekday() - target) % 7)


def date_ordinal(day: dt.date | None) -> int:
    """YYYYMMDD as an int, so Chroma can filter date ranges; 0 when unknown."""
    return day.year * 10000 + day.month * 100 + day.day if day else 0


def long_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def without_lone_surrogates(text: str) -> str:
    """Text any encoder accepts: a lone surrogate (from a broken JSON or form field) becomes U+FFFD."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
