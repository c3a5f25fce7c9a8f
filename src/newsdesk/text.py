"""Small text helpers shared by the answerer, the claim extractor and the evaluator.

Word tokens with offsets, stems, numbers by value, and how specific a word is
(its rarity in general English, from wordfreq), which weighs question terms.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gzip
import importlib.util
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import Stemmer
from lemminflect import getAllLemmas, getInflection

from newsdesk.vocabulary import (
    ANTONYM_PREFIXES,
    CALENDAR_WORDS,
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    ORGANISATION_NOUNS,
    PERIOD_UNITS,
    PLACE_NOUNS,
    STOPWORDS,
    WEEKDAYS,
    YEAR_PATTERN,
)

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
    short, long_ = (b, a) if len(a) > len(b) else (a, b)  # not sorted(): dispute finding calls this millions of times
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


@lru_cache(maxsize=50_000)
def lemmas(word: str) -> frozenset[str]:
    """Dictionary forms of a word by lemminflect's English lexicon: "rose" -> {rose, rise}, "laid" -> {lay}.

    Stems miss irregular forms ("rising" and "rose", "lose" and "lost"); lemmas catch them.
    """
    lowered = _POSSESSIVE.sub("", word.lower())
    found = {lemma for forms in getAllLemmas(lowered).values() for lemma in forms}
    return frozenset(found | {lowered})


def only_a_verb(word: str) -> bool:
    """A word the lexicon knows as a verb and never as a noun: "took", "live", "attended" (not "work", "flood")."""
    readings = getAllLemmas(_POSSESSIVE.sub("", word.lower()))
    return "VERB" in readings and "NOUN" not in readings


def is_base_verb(word: str) -> bool:
    """The lexicon knows the word as a verb in its dictionary form: "reopen", "rule" (not "reopened")."""
    return word.lower() in getAllLemmas(_POSSESSIVE.sub("", word.lower())).get("VERB", ())


def participle_lemma(word: str) -> str | None:
    """The verb a past participle is of, when the word is one and not also the verb's own form: "built" -> "build",
    "founded" -> "found"; None for "results", "set" or a word that is no verb."""
    lowered = word.lower()
    for lemma in getAllLemmas(lowered).get("VERB", ()):
        if lemma != lowered and lowered in getInflection(lemma, "VBN"):
            return lemma
    return None


def only_a_noun(word: str) -> bool:
    """A word the lexicon knows as a noun and not as an adjective: "court", "traffic" (not "official", "annual")."""
    readings = getAllLemmas(_POSSESSIVE.sub("", word.lower()))
    return "NOUN" in readings and "ADJ" not in readings


def only_an_adverb(word: str) -> bool:
    """A word the lexicon knows only as an adverb: "ultimately", "eventually" (not "later", "early", "fast")."""
    readings = getAllLemmas(_POSSESSIVE.sub("", word.lower()))
    return set(readings) == {"ADV"}


def is_a_noun(word: str) -> bool:
    """The lexicon knows the word as a noun ("library", "results"), whatever else it may be."""
    return "NOUN" in getAllLemmas(_POSSESSIVE.sub("", word.lower()))


def same_lemma(a: str, b: str) -> bool:
    return bool(lemmas(a) & lemmas(b))


def same_word(a: str, b: str) -> bool:
    """The same word by stem ("officers", "officer") or by lemma ("rose", "rising")."""
    return stems_match(stem(a), stem(b)) or same_lemma(a, b)


def is_plural_noun(word: str) -> bool:
    """A noun in a form that is not its own lemma: "children", "judges" (not "judge", "news")."""
    forms = getAllLemmas(_POSSESSIVE.sub("", word.lower())).get("NOUN", ())
    return bool(forms) and word.lower() not in forms


@lru_cache(maxsize=50_000)
def specificity(word: str) -> float:
    """How much a word says: 0 for "the", about 1.5 for "killed", 4+ for "Kherson"."""
    return max(0.0, 6.6 - english_zipf(word.lower()))


_PLAIN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
_PLAIN_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_MULTI_DIGIT = re.compile(r"\d[\d.,]+")
_NO_FREQUENCY = 1e-9  # wordfreq's floor for a word it does not list (Zipf 0)


def english_zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``, the same value (tests/test_speed_paths.py compares them).

    A plain lower-case word (letters, apostrophes) or number is a single token
    in wordfreq, so it is looked up in wordfreq's English list directly, numbers
    through wordfreq's own digit estimates: importing wordfreq (ftfy, langcodes)
    and building its dictionary cost a one-question CLI run about 0.4 s of CPU.
    Anything else (accents, hyphens, curly quotes) goes to wordfreq itself.
    """
    buckets = _english_buckets()
    numbers = _wordfreq_numbers() if _PLAIN_NUMBER.fullmatch(word) else None
    if buckets is None or not (_PLAIN_WORD.fullmatch(word) or numbers is not None):
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    token = _MULTI_DIGIT.sub(lambda m: re.sub(r"\d", "0", m.group(0)), word) if numbers is not None else word
    frequency = _listed_frequency(buckets, token)
    if numbers is not None and token != word:
        frequency *= numbers.digit_freq(word)
    unrounded = max(frequency, _NO_FREQUENCY)
    rounded = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


_searched = 0  # binary searches made so far in this process
# Building the dictionary costs about as much as a million binary searches (0.1-0.2 s): a question's few
# hundred words make about 200,000 (a listed word is found after some 400 buckets, an unlisted one
# searches all 800), while a reindex, the chat or a large ledger's dispute scan make many millions.
_DICTIONARY_AFTER = 1_000_000


def _listed_frequency(buckets: list[list[str]], token: str) -> float:
    """The token's frequency in wordfreq's list (0 when unlisted): binary searches in each bucket for the
    first lookups, a dictionary once a process has searched about as much as building it costs."""
    global _searched
    if _searched > _DICTIONARY_AFTER:
        return _english_dictionary().get(token, 0.0)
    for cb, bucket in enumerate(buckets):
        if _sorted_holds(bucket, token):
            _searched += cb + 1
            return 10 ** (-cb / 100)
    _searched += len(buckets)
    return 0.0


@lru_cache(maxsize=1)
def _english_dictionary() -> dict[str, float]:
    buckets = _english_buckets() or []
    return {word: 10 ** (-cb / 100) for cb, bucket in enumerate(buckets) for word in bucket}


def _sorted_holds(bucket: list[str], word: str) -> bool:
    at = bisect.bisect_left(bucket, word)
    return at < len(bucket) and bucket[at] == word


def _wordfreq_dir() -> Path | None:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


@lru_cache(maxsize=1)
def _english_buckets() -> list[list[str]] | None:
    """wordfreq's large English list: words by frequency in centibels (index = -cB), each bucket sorted.
    None when the file is not where this wordfreq keeps it (then wordfreq answers every word)."""
    directory = _wordfreq_dir()
    try:
        import msgpack

        with gzip.open(directory / "data" / "large_en.msgpack.gz", "rb") as handle:  # type: ignore[operator]
            data = msgpack.load(handle, raw=False)
    except (OSError, ValueError, TypeError, ImportError):
        return None
    header = data[0] if isinstance(data, list) and data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    return data[1:]


@lru_cache(maxsize=1)
def _wordfreq_numbers() -> ModuleType | None:
    """wordfreq's ``numbers`` module (its digit-frequency estimates; it imports only ``regex``),
    loaded from its file so that the package's heavy ``__init__`` is not run."""
    directory = _wordfreq_dir()
    if directory is None:
        return None
    spec = importlib.util.spec_from_file_location("newsdesk._wordfreq_numbers", directory / "numbers.py")
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except (OSError, ImportError, SyntaxError):
        return None
    return module if callable(getattr(module, "digit_freq", None)) else None


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


# A count in digits or words: "3", "eleven", "a few"; and a period of them: "three weeks", "12 to 18 months".
COUNT_IN_WORDS = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|a few|several|a couple of)"
PERIOD_IN_WORDS = (COUNT_IN_WORDS + r"(?:\s+to\s+" + COUNT_IN_WORDS + r")?\s+(?:"
                   + "|".join(sorted(PERIOD_UNITS, key=len, reverse=True)) + r")")
_RELATIVE_DATE = re.compile(
    # round 16 (`clean16`): a period back in words too, "seven years ago", which the answer-type check spelt again
    r"\b(yesterday|today|tonight|(last|next|this) (week|month|year|weekend)|" + PERIOD_IN_WORDS + r"\s+ago)\b",
    re.IGNORECASE,
)


def is_calendar_word(word: Token) -> bool:
    """A weekday or a month by name, capitalised as English writes them: lower-case "march" and "may" are verbs."""
    return word.text[0].isupper() and word.lower in CALENDAR_WORDS


def has_date_expression(text: str) -> bool:
    """A weekday, a month, a year, or a relative date such as "last week"."""
    if any(is_calendar_word(word) for word in tokens(text)) or _RELATIVE_DATE.search(text):
        return True
    return bool(YEAR.search(text))


YEAR = re.compile(YEAR_PATTERN)


# A dateline says where and when a story was filed: an all-capitals place at the start of the text or of a
# sentence, maybe a comma and a date (a month, weekday or digit, then an agency in brackets), then a dash:
# "RIVERTON, May 3 (XYZ) - ", "TOWN — ". An all-capitals word inside a sentence ("the EU and NATO, held in
# May - ") is not one. The place has at most four words, so a long all-capitals run is scanned once.
_DATELINE_PLACE = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
_DATELINE_DATE = (
    r",\s*(?:(?:" + "|".join(w.capitalize() for w in [*MONTHS, *WEEKDAYS]) + r")\b|\d)[^—–\n]{0,50}?"
)
_SENTENCE_START = r"(?:(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\n))"
DATELINE = re.compile(
    rf"(?:^{_DATELINE_PLACE}(?:{_DATELINE_DATE})?|{_SENTENCE_START}{_DATELINE_PLACE}{_DATELINE_DATE})\s+[—–-]+\s+"
)


# A sentence that opens a story may start with its dateline, an all-capitals place, maybe an agency in brackets,
# maybe a comma and a short region, date or agency, then a dash: "HARLOW BAY, Ostmark (NPA) — ", "TOWN, May 3 (XYZ)
# - ", "TOWN (XYZ) - ", "TOWN — ". At a sentence's start the part after the comma need not be a date (`DATELINE` scans
# whole texts and asks for one), but it opens with a capital, a digit or a bracket: "ACME, the oil group, said profits
# fell - " is a name and its apposition (review of round 16).
_OPENING_DATELINE = re.compile(
    rf"^{_DATELINE_PLACE}(?:\s*\([^)\n]{{0,30}}\))?(?:,\s*[A-Z0-9(][^—–\n]{{0,50}}?)?\s+[—–-]+\s+"
)


def dateline_end(sentence: str) -> int:
    """Where the dateline ``sentence`` opens with ends (0 when it has none): "HARLOW BAY, Ostmark (NPA) — The
    assembly voted ..." is 28, where "The" starts (round 16, `recall16`: the dateline is no clause of the sentence)."""
    found = _OPENING_DATELINE.match(sentence)
    return found.end() if found else 0


def without_datelines(text: str) -> str:
    """``text`` less its datelines: "RIVERTON, May 3 (XYZ) - " says when the story was filed, not what month a
    figure is for."""
    return DATELINE.sub(lambda m: "" if m.start() == 0 else " ", text)


def normalise(text: str) -> str:
    """Lower-case with runs of white space folded: how eval strings are compared."""
    return _SPACES.sub(" ", text).strip().lower()


_WEEKDAY_MENTION = re.compile(
    r"\b(?:(last|next|this)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)
_FUTURE_CUE = re.compile(r"\b(will|would|shall|due|plans?|planned|scheduled|expected|to be held|next)\b", re.IGNORECASE)


def looks_forward(text: str) -> bool:
    """The text speaks of what is to come: "will cost", "are expected to cost", "is due to reopen"."""
    return _FUTURE_CUE.search(text) is not None


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
        ahead_of_publication = qualifier == "next" or (
            qualifier != "last" and looks_forward(text[clause_start:match.start()])
        )
        if ahead_of_publication:
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


# The least English frequency (zipf) of what follows an antonym prefix for it to be a word ("un" + "safe").
_ANTONYM_BASE_ZIPF = 2.5


def negates(word: str) -> bool:
    """A word that turns a statement round: "not", "denied", "wasn't" (`vocabulary.NEGATIONS`)."""
    lowered = word.lower()
    return lowered in NEGATIONS or lowered.endswith("n't")


def antonyms(a: str, b: str) -> bool:
    """"unsafe" and "safe", "disagree" and "agree": one is the other with a negating prefix
    (`vocabulary.ANTONYM_PREFIXES`) before an English word."""
    a, b = a.lower(), b.lower()
    if a in STOPWORDS or b in STOPWORDS:
        return False
    for longer, shorter in ((a, b), (b, a)):
        for prefix in ANTONYM_PREFIXES:
            if longer.startswith(prefix) and longer[len(prefix):] == shorter and len(shorter) >= 3 \
                    and english_zipf(shorter) >= _ANTONYM_BASE_ZIPF:
                return True
    return False


def capitalised_runs(text: str, breaks: frozenset[str] = frozenset()) -> list[list[Token]]:
    """Runs of capitalised words of ``text`` joined by a space or hyphen: "Transport Minister Ann Roe-Kessler". A word
    in ``breaks`` (lower-case) ends a run and is left out: function words and dates, where names are wanted."""
    runs: list[list[Token]] = []
    previous: Token | None = None
    for word in tokens(text):
        if not word.text[0].isupper() or word.lower in breaks:
            previous = None
            continue
        if previous is not None and text[previous.end:word.start] in (" ", "-"):
            runs[-1].append(word)
        else:
            runs.append([word])
        previous = word
    return runs


def names_a_thing(run: list[Token]) -> bool:
    """A name ending in an organisation or place noun ("the Country Party", "Elm Road") is no person's."""
    return bool(lemmas(run[-1].text) & (ORGANISATION_NOUNS | PLACE_NOUNS))


def in_a_date(text: str, start: int, end: int) -> bool:
    """The number at ``text[start:end]`` is a year ("in 2023") or a day of a month ("May 3", "3 May")."""
    if YEAR.match(text, start) and YEAR.match(text, start).end() == end:
        return True
    return bool(_MONTH_BEFORE.search(text[:start]) or _MONTH_AFTER.match(text[end:]))


# A capitalised month beside the number: "May 3", "3 May" (not "300 may lose their jobs").
_MONTH_NAMES = "|".join(month.capitalize() for month in MONTHS)
_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTH_NAMES + r")\.? $")
_MONTH_AFTER = re.compile(r" (?:" + _MONTH_NAMES + r")\b")
