"""Answering: pick the sentences that answer, cite them verbatim, or refuse.

The default answerer is extractive and needs no language model. When the
evidence holds a disputed subject the question asks about, it answers with
every side (`newsdesk.answer.dispute_answer`). Otherwise, from the
retrieved passages it takes candidate sentences, keeps those that meet what
the question pins down (names, numbers, years, the kind of answer asked for),
scores the rest by meaning and by the share of the question's specific terms
they meet, and composes the best one or two into an answer with numbered
citations. Each citation is a verbatim span of the article body with its
offsets and its claimant. When no sentence passes, it refuses.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from dataclasses import replace as dc_replace
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
from langchain_core.documents import Document

from newsdesk.answer.answer_types import new_names, states_a_new_reason, type_met, withholds_answer
from newsdesk.answer.answers import Answer, Citation, Evidence
from newsdesk.answer.judge import load_judge
from newsdesk.claims.attribution import claimant_label, same_claimant
from newsdesk.claims.extraction import EVENTS
from newsdesk.answer.dispute_answer import another_period, answer_time_sides, compose_disputed, disagreement, quotes_hold
from newsdesk.index.embedding import Embedder
from newsdesk.answer.questions import Question, Term, asks_yes_no, entity_met
from newsdesk.answer.verification import MARKER, supports
from newsdesk.settings import Settings
from newsdesk.text import (
    YEAR,
    Token,
    has_date_expression,
    has_quantity,
    is_a_noun,
    lemmas,
    long_date,
    numbers,
    resolve_weekdays,
    same_lemma,
    same_word,
    specificity,
    stem,
    stems_match,
    tokens,
    without_datelines,
)
from newsdesk.vocabulary import (
    CAVEATS,
    CONTRAST_SETS,
    DEFINITE_DETERMINERS,
    HONORIFICS,
    INSTRUCTION_PATTERNS,
    MONTHS,
    NUMBER_WORDS,
    ORGANISATION_NOUNS,
    PLACE_NOUNS,
    ROLE_WORDS,
    SELECTING_QUALIFIERS,
    STOPWORDS,
    SUBJECT_PRONOUNS,
    is_nationality,
    WEEKDAYS,
)

if TYPE_CHECKING:
    from newsdesk.claims.conflicts import Dispute

REFUSAL = "The corpus does not say: none of the indexed articles answers this question."
REFUSAL_FILTERED = (
    "The corpus does not say, at least within the current filters: none of the selected articles answers this question."
)
NOT_KNOWN = "The corpus does not say: the article says this is not known or was not given."
EMPTY_QUESTION = "Please ask a question about the articles in the corpus."
_CLAUSE_BREAK = re.compile(r"[,;:]\s+")
_HYPOTHETICAL = re.compile(r"\W*(if|unless|should)\b", re.IGNORECASE)
_FIGURE_WINDOW = 4
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
# A counted phrase ("emergency workers") against the words after a figure ("Ten
# emergency responders were"): cosine above this means the figure counts it.
_COUNTED_SIMILARITY = 0.6
# "How many chimneys": a figure answers only if the sentence says the counted noun or a synonym
# (`TermMatcher.credit`); 0.25, which lets related words count, lost more answers than it saved on dev.
_FOCUS_CREDIT = 0.8
# Specificity (`newsdesk.text.specificity`) of a rare word: an unmet term this specific is a near miss.
_SPECIFIC = 5.0


@dataclass
class Candidate:
    """One sentence of a retrieved passage, with what is needed to judge and cite it."""

    text: str
    start: int
    end: int
    metadata: dict[str, Any]
    context: str
    claimant: str | None
    relay: str | None
    rank: int
    similarity: float = 0.0
    coverage: float = 0.0
    rejected: str | None = None
    features: dict[str, float] | None = None
    confidence: float | None = None
    # The sentence after the one before it: what "that has happened in only four" answers with.
    window: str = ""
    window_similarity: float = 0.0
    # The whole retrieved passage: where "the library" of the sentence was first called "the Elm Road library".
    passage: str = ""
    # Where the passage starts in the article body: ``passage[:start - passage_start]`` is the text before the sentence.
    passage_start: int = 0

    @property
    def before(self) -> str:
        """The passage's text before this sentence."""
        return self.passage[:max(0, self.start - self.passage_start)]

    @property
    def score(self) -> float:
        return 0.5 * self.similarity + 0.5 * self.coverage


class TermMatcher:
    """How well a sentence meets the question's terms, lexically or by word embedding.

    All words of all candidate sentences are embedded in one batch per
    question (and cached), so matching costs one model call, not one per term.
    """

    def __init__(self, embedder: Embedder, question: Question, candidates: list[Candidate], threshold: float) -> None:
        self.question = question
        self.threshold = threshold
        terms = question.terms + question.focus
        words = sorted({w for c in candidates for w in _content_words(c.text)} | {t.word.lower() for t in terms})
        self._vectors = embedder.embed(words) if words else np.zeros((0, 1), dtype=np.float32)
        self._row = {word: index for index, word in enumerate(words)}
        # The counted phrase against the words after every figure, in one batch.
        self._counted_best: dict[str, float] = {}
        if question.counted:
            windows = sorted({w for c in candidates for w in figure_windows(c.text)})
            if windows:
                vectors = embedder.embed([question.counted, *windows])
                self._counted_best = dict(zip(windows, (vectors[1:] @ vectors[0]).tolist(), strict=True))

    def credit(self, term: Term, text: str) -> float:
        """1 for the same word or lemma; 0.8 for a synonym by word embedding; less for a related word; else 0."""
        words = _content_words(text)
        if any(same_word(term.word, word) for word in words):
            return 1.0
        rows = [self._row[w] for w in words if w in self._row and not contrasting(term.word, w)]
        if not rows or term.word.lower() not in self._row:
            return 0.0
        best = float(np.max(self._vectors[rows] @ self._vectors[self._row[term.word.lower()]]))
        if best >= self.threshold:
            return 0.8
        floor = self.threshold - 0.25
        return max(0.0, 0.5 * (best - floor) / (self.threshold - floor))

    def figure_is_about(self, question: Question, text: str) -> bool:
        """A figure in ``text`` stands within a few words of what the question counts.

        "How much did the repairs cost?" is not answered by "40 kilometres".
        """
        if self.counts(text):
            return True
        wanted = question.focus or tuple(t for t in question.terms if t.weight >= 1.0 and t not in question.event)
        if not wanted:
            return True
        words = [w for w in tokens(text) if w.lower not in STOPWORDS]
        for index, word in enumerate(words):
            if not (word.text[0].isdigit() or word.lower in NUMBER_WORDS):
                continue
            window = " ".join(w.text for w in words[max(0, index - _FIGURE_WINDOW):index + _FIGURE_WINDOW + 1])
            if any(self.credit(term, window) >= 0.8 for term in wanted):
                return True
        return False

    def coverage(self, text: str) -> float:
        return self._coverage(self.question.terms, text)

    def unmet(self, text: str) -> tuple[float, float]:
        """The question's own common words (not names: those are pins) that ``text`` does not meet:
        (the most specific one's specificity, scaled to 0..1; their share of those words).

        A near miss ("the unemployment rate among women" answered about the young) meets most terms but
        not the one that makes the question this question.
        """
        own = [t for t in self.question.terms if t.weight >= 0.5 and not t.word[0].isupper()]
        if not own:
            return 0.0, 0.0
        missing = [t for t in own if self.credit(t, text) < 0.5]
        return min(1.0, max((t.weight for t in missing), default=0.0) / _SPECIFIC), len(missing) / len(own)

    def meets_a_common_term(self, text: str) -> bool:
        """At least one of the question's words that is not a name is met, if it has any.

        "What is the population of Kherson?" names Kherson but asks about its population.
        """
        common = [t for t in self.question.terms if not t.word[0].isupper() and t.weight >= 1.0]
        return not common or any(self.credit(t, text) >= 0.8 for t in common)

    def _coverage(self, terms: tuple[Term, ...], text: str) -> float:
        total = sum(t.weight for t in terms)
        if total == 0:
            return 1.0
        return sum(t.weight * self.credit(t, text) for t in terms) / total

    def counts(self, text: str) -> bool:
        """Does a figure in ``text`` count what the question counts, judged on the words after it?"""
        return any(self._counted_best.get(window, 0.0) >= _COUNTED_SIMILARITY for window in figure_windows(text))


def _is_toll_event(term: Term) -> bool:
    """What happened to the counted is a pin only for the events tolls count (killed, injured, evacuated, ...);
    another verb ("watched", "released") is weighed by the judge (``event_met``)."""
    return term.word.lower() in EVENTS


def _event_met(term: Term, text: str, matcher: TermMatcher) -> bool:
    """The sentence says the event: the word or a synonym, or another word for the same kind of toll ("died", "killed")."""
    if matcher.credit(term, text) >= 0.5:
        return True
    kind = EVENTS.get(term.word.lower())
    return kind is not None and any(EVENTS.get(w.lower) == kind for w in tokens(text))


def contrasted_term(question: Question, text: str) -> str | None:
    """The sentence says another member of a closed class the question names, and not the one asked:
    "the rate among women" against "the rate among men", "in March" against "in February". A member that
    opens a compound ("the three-party coalition") is contradicted only by another in the same compound
    ("the two-party coalition"), not by the member alone ("a majority of just six")."""
    said = tokens(text)
    words = {w.lower for w in said}
    for token in tokens(question.text):
        asked = token.lower
        if not any(asked in members for members in CONTRAST_SETS) or asked in words or any(same_lemma(asked, w) for w in words):
            continue
        head = _compound_head(question.text, token)
        others = words if head is None else {
            w.lower for w in said if (own := _compound_head(text, w)) is not None and same_lemma(own, head)
        }
        other = next((w for w in others if contrasting(asked, w)), None)
        if other is not None:
            return f"says {other}, not {asked}"
    return None


def _compound_head(text: str, word: Token) -> str | None:
    """The word ``word`` is hyphenated to ("party" of "three-party"), or None."""
    after = re.match(r"-([A-Za-z]+)", text[word.end:])
    return after.group(1).lower() if after else None


def nationality_contrasted(question: Question, text: str) -> str | None:
    """The question counts one nationality's people or things and the sentence another's: "Russian soldiers"
    asked, "2,870 Ukrainian soldiers" said (and "Russian soldiers" nowhere in the sentence). A follow-up that
    names no nationality of its own asks about the one of the question it follows."""
    said = tokens(text)
    for nationality, noun in _nationality_pairs(question.text, question.query):
        # The few words before each mention of the noun: "40 Norwegian and 12 Danish sailors" names both.
        before = [said[max(0, i - 5):i] for i, word in enumerate(said) if same_lemma(word.lower, noun)]
        if any(w.lower == nationality for words in before for w in words):
            continue
        other = next((words[-1].text for words in before if words and is_nationality(words[-1].text)), None)
        if other is not None:
            return f"says {other} {noun}, not {nationality.capitalize()} {noun}"
    return None


@lru_cache(maxsize=256)
def _nationality_pairs(text: str, query: str) -> frozenset[tuple[str, str]]:
    """The (nationality, noun) pairs a question asks about ("russian", "soldiers"): once per question, not per
    candidate sentence. A follow-up naming no nationality of its own reads the query it was resolved into."""
    asked = tokens(text if any(is_nationality(w.text) for w in tokens(text)) else query)
    return frozenset((a.lower, b.lower) for a, b in zip(asked, asked[1:]) if is_nationality(a.text) and b.text.islower())


def qualifier_unmet(question: Question, text: str) -> str | None:
    """The question picks one value of several ("the previous record", "the runner-up's time", "in total"),
    and the sentence does not say that qualifier."""
    words = [w.lower for w in tokens(text)]
    for token in tokens(question.text):
        asked = token.lower
        if asked in SELECTING_QUALIFIERS and not any(asked == w or same_lemma(asked, w) for w in words):
            return f"does not say {asked}"
    return None


def named_earlier(question: Question, entity: tuple[str, ...], candidate: Candidate) -> bool:
    """"The Elm Road library" in the question, "the library" in the sentence, and the passage says "Elm Road
    library" and names no other library ("the Park Lane library"): the sentence speaks of the thing named, by
    its head noun (the name's next word in the question, when the question puts a determiner before the name)."""
    head = _noun_after(question.text, entity)
    if head is None or not _only_one_named(entity, head, candidate.passage):
        return False
    said = [w.lower for w in tokens(candidate.text)]
    return any(said[i] in DEFINITE_DETERMINERS and same_lemma(said[i + 1], head) for i in range(len(said) - 1))


def _only_one_named(entity: tuple[str, ...], head: str, passage: str) -> bool:
    """``passage`` says the name directly before ``head`` ("Elm Road library"), and no other capitalised word
    stands before ``head`` ("Park Lane library")."""
    words = tokens(passage)
    own = [stem(word) for word in entity]
    named = False
    for index, word in enumerate(words):
        if index == 0 or not same_lemma(word.text, head):
            continue
        before = words[max(0, index - len(entity)):index]
        if len(before) == len(entity) and all(stems_match(stem(w.text), o) for w, o in zip(before, own, strict=True)):
            named = True
        elif words[index - 1].text[0].isupper() and words[index - 1].lower not in STOPWORDS:
            return False
    return named


# A pronoun this near the start of a sentence is its subject ("At noon she left", "His party won").
_SUBJECT_REACH = 3


def referred_to(entity: tuple[str, ...], candidate: Candidate) -> bool:
    """"At noon she left the court": a person the passage named before this sentence, no other person named
    since, and a personal pronoun as the sentence's subject. A one-word name counts as a person only with a
    role, title or first name before it in the passage ("Mayor Roe"): "its chief executive said in his
    statement" is not about a firm the passage named."""
    pronoun = _subject_pronoun(candidate.text)
    if pronoun is None:
        return False
    mention = _last_mention(entity, candidate.before)
    if mention is None or not (len(entity) > 1 or _a_person(entity, candidate.passage)):
        return False
    between = f"{candidate.before[mention.end:]} {candidate.text[:pronoun.start]}"
    return not _names_a_person(between, entity)


def _last_mention(entity: tuple[str, ...], text: str) -> Token | None:
    """The last word of ``text`` that is the name's last word ("Roe" of "Ann Roe"), when ``text`` meets the name."""
    if not text or not entity_met(entity, text):
        return None
    last = stem(entity[-1])
    return next((w for w in reversed(tokens(text)) if stems_match(stem(w.text), last)), None)


# A quotation the sentence opens with, and the pronoun saying who said it: '"We will appeal," she said'.
_AFTER_A_QUOTE = re.compile(r"^\W*[\"“].*?[,.!?][\"”]\s+(?=(?:he|she)\b)", re.IGNORECASE)


def _subject_pronoun(text: str) -> Token | None:
    """"he"/"she"/"his"/"her" as the sentence's subject: among its first words, or right after the quotation
    it opens with ('"We will appeal," she said')."""
    words = tokens(text)
    opening = words[:_SUBJECT_REACH]
    quoted = _AFTER_A_QUOTE.match(text)
    if quoted:
        opening = opening + [w for w in words if w.start == quoted.end()]
    return next((w for w in opening if w.lower in SUBJECT_PRONOUNS), None)


def _a_person(entity: tuple[str, ...], passage: str) -> bool:
    """A one-word name is a person's when the passage puts a role, a title or a first name just before it
    ("Mayor Roe", "Dr Roe", "Ann Roe") or a personal pronoun just after it ("Roe himself", "Roe, for her
    part"), not only "its rival Vestbank"."""
    words = tokens(passage)
    name = stem(entity[-1])
    for index, word in enumerate(words):
        if not stems_match(stem(word.text), name):
            continue
        if any(w.lower in _PERSON_AFTER_NAME for w in words[index + 1:index + 1 + _SUBJECT_REACH]):
            return True
        before = words[index - 1] if index else None
        if before is None or before.lower in STOPWORDS or passage[before.end:word.start] != " ":
            continue
        if before.lower in ROLE_WORDS or before.lower in HONORIFICS or before.text[0].isupper():
            return True
    return False


_PERSON_AFTER_NAME = SUBJECT_PRONOUNS | {"himself", "herself"}


def _names_a_person(text: str, entity: tuple[str, ...]) -> bool:
    """``text`` names someone other than ``entity``: a run of two or more capitalised words ("Tom Bell") that
    shares no word with it. Then "he" after it may be that other person."""
    own = {stem(word) for word in entity}
    return any(len(run) >= 2 and not any(stem(w.text) in own for w in run) and not _names_a_thing(run)
               for run in _name_runs(text))


def _names_a_thing(run: list[Token]) -> bool:
    """A name ending in an organisation or place noun ("the Country Party", "Elm Road") is no person's."""
    return bool(lemmas(run[-1].text) & (ORGANISATION_NOUNS | PLACE_NOUNS))


def _name_runs(text: str) -> list[list[Token]]:
    """Runs of capitalised words that are not function words or dates, joined by a space or hyphen."""
    runs: list[list[Token]] = []
    previous: Token | None = None
    for word in tokens(text):
        if not word.text[0].isupper() or word.lower in STOPWORDS or word.lower in _CALENDAR:
            previous = None
            continue
        if previous is not None and text[previous.end:word.start] in (" ", "-"):
            runs[-1].append(word)
        else:
            runs.append([word])
        previous = word
    return runs


def _noun_after(question: str, entity: tuple[str, ...]) -> str | None:
    """The noun a name modifies in the question, after a determiner: "library" in "the Elm Road library's visits".
    Without a determiner the name is no modifier: "How much did Acme pay its staff?" has no head noun "pay"."""
    words = tokens(question)
    for index in range(1, len(words) - len(entity) + 1):
        if tuple(w.text for w in words[index:index + len(entity)]) != entity:
            continue
        if words[index - 1].lower not in DEFINITE_DETERMINERS:
            return None
        # The first noun among the next few words: "harbour board" gives "board", "K-9 test results" "results".
        for following in words[index + len(entity):index + len(entity) + 3]:
            if following.text[0].isupper() or following.lower in STOPWORDS:
                return None
            if not following.text[0].isdigit() and is_a_noun(following.text):
                return following.lower
    return None


def month_unmet(question: Question, candidate: Candidate) -> str | None:
    """"The rate in May": the sentence or its neighbours must say May outside a dateline, which gives the day the
    story was filed, not the month the figure is for."""
    context = None
    for month in asked_months(question):
        context = context if context is not None else {w.lower for w in tokens(without_datelines(candidate.context))}
        if month.lower not in context:
            return f"does not say {month.text} outside a dateline"
    return None


# Words after which "May" is the month ("in May", "since May"); before a day or a year it is too ("May 3", "May 2024").
_BEFORE_A_MONTH = frozenset("in on of since by until till from last next early late mid".split())
_AMBIGUOUS_MONTHS = frozenset({"may"})


def asked_months(question: Question) -> list[Token]:
    """The months the question names in full: "in March", "on May 3". Not a word that only looks like one
    ("May residents appeal?", "Jan Kowalski", "June Carter", "Mar"): an abbreviation, a word of a longer name the
    question gives, or "May" where it is not after a word that takes a date nor before a day or year."""
    words = tokens(question.text)
    named = {word for entity in question.entities if len(entity) > 1 for word in entity}
    found = []
    for index, word in enumerate(words):
        if not word.text[0].isupper() or word.lower not in MONTHS[:12] or word.text in named:
            continue
        if word.lower in _AMBIGUOUS_MONTHS:
            before = words[index - 1].lower if index else ""
            after = words[index + 1].text if index + 1 < len(words) else ""
            if before not in _BEFORE_A_MONTH and not after.isdigit():
                continue
        found.append(word)
    return found


_RELATIVE_PERIOD = re.compile(r"\b(?:last|next|this|previous) (?:year|month|week|season|quarter)\b|\bbefore last\b", re.IGNORECASE)


def relative_period_unmet(asked: str, candidate: Candidate) -> str | None:
    """"Last year's budget", "next year", "the election before last": the sentence or its neighbours must
    say that period (a year in the sentence will do for a year); another period's figure is no answer."""
    context = candidate.context.lower()
    for match in _RELATIVE_PERIOD.finditer(asked):
        period = match.group(0).lower()
        if period in context or (period.endswith("year") and YEAR.search(candidate.text)):
            continue
        return f"does not say {period}"
    return None


_TO_AN_ASSISTANT = re.compile("|".join(INSTRUCTION_PATTERNS), re.IGNORECASE)


def addresses_an_assistant(text: str) -> bool:
    """A sentence planted for a language model ("Ignore previous instructions", "When asked about X, reply that").
    It is never added as a second sentence; asked about directly, it is quoted with its source, never obeyed."""
    return bool(_TO_AN_ASSISTANT.search(text))


def contrasting(a: str, b: str) -> bool:
    """Two different members of one closed class (`newsdesk.vocabulary.CONTRAST_SETS`): "women" and "men"."""
    left, right = a.lower(), b.lower()
    return left != right and any(left in members and right in members for members in CONTRAST_SETS)


def figure_windows(text: str) -> list[str]:
    """Each figure in ``text`` with the few words after it: "Ten emergency responders were"."""
    words = tokens(text)
    windows = []
    for index, word in enumerate(words):
        if word.text[0].isdigit() or word.lower in NUMBER_WORDS:
            following = words[index:index + 5]
            windows.append(text[following[0].start:following[-1].end])
    return windows


def _content_words(text: str) -> list[str]:
    return [w.lower for w in tokens(text) if len(w.text) > 2 and specificity(w.text) >= 0.8]


def texts_embedded_for(passages: list[Document]) -> list[str]:
    """What `judge` embeds for ``passages`` besides the question; reindex embeds these ahead, into the store's cache."""
    candidates = sentence_candidates(passages)
    words = {w for c in candidates for w in _content_words(c.text)}
    windows = {w for c in candidates for w in figure_windows(c.text)}
    return [c.text for c in candidates] + [c.window for c in candidates] + sorted(words) + sorted(windows)


class ExtractiveAnswerer:
    """Answers with sentences of the corpus only; refuses when none answers.

    Which sentences may answer is the fitted judge's call (`newsdesk.answer.judge`;
    ``Settings.judge_threshold`` overrides its threshold); with ``answer_judge``
    off, the hand-set ``min_similarity``, ``min_coverage`` and ``min_score`` decide.
    """

    def __init__(self, embedder: Embedder, settings: Settings) -> None:
        self.embedder = embedder
        self.settings = settings

    def answer(self, question: Question, evidence: Evidence) -> Answer:
        """Every side of a disputed subject the question touches; else the best sentence or two; else a refusal."""
        retrieved = evidence.reported
        if question.empty or question.says_nothing:
            return Answer(question.text, EMPTY_QUESTION, refused=True, retrieved=retrieved)
        candidates = self.judge(question, evidence.passages)
        passing = [c for c in candidates if c.rejected is None]
        if evidence.disputes and self._dispute_answers(evidence.disputes[0], passing, question):
            text, citations, table = compose_disputed(evidence.disputes[0], question, limit=self.settings.max_answer_chars)
            if quotes_hold(citations):
                return Answer(question.text, text, refused=False, citations=citations, retrieved=retrieved, disputes=[table])
        unknown = self._withheld(question, passing)
        if unknown is not None:
            text, citations = compose([unknown], question, self.settings.max_answer_chars)
            return Answer(question.text, f"{NOT_KNOWN} {text}", refused=True, citations=citations, retrieved=retrieved)
        typed = [c for c in passing if type_met(question, c.text, c.claimant) and not withholds_answer(question, c.text)]
        # Another claimant's side may be a sentence the judge would not answer with alone.
        sides = [c for c in candidates if c.features is not None and type_met(question, c.text, c.claimant)
                 and not withholds_answer(question, c.text)]
        chosen = self._choose(typed, question, sides)
        if not chosen:
            refusal = REFUSAL_FILTERED if evidence.filtered else REFUSAL
            return Answer(question.text, refusal, refused=True, retrieved=retrieved)
        # Other sources answering with another value: every side, not the best alone (a revision is not one).
        rivals = [] if asks_latest(question.text) else answer_time_sides(question, chosen[0], sides, self.counted_alike)
        disputed = disagreement(rivals, question, self.settings.max_answer_chars, compose) if rivals else None
        if disputed is not None:
            text, citations, table = disputed
            return Answer(question.text, text, refused=False, citations=citations, retrieved=retrieved, disputes=[table])
        if asks_latest(question.text):
            latest, replaced = latest_and_replaced(chosen[0], typed, lambda c: self._near(chosen[0], c), self._strength, sides)
            if latest is not chosen[0] or replaced is not None:
                text, citations = compose_latest(latest, replaced, question, self.settings.max_answer_chars)
                return Answer(question.text, text, refused=False, citations=citations, retrieved=retrieved)
        chosen = self._with_caveat(chosen, candidates, question)
        text, citations = compose(chosen, question, self.settings.max_answer_chars)
        return Answer(question.text, text, refused=False, citations=citations, retrieved=retrieved)

    def _with_caveat(self, chosen: list[Candidate], candidates: list[Candidate], question: Question) -> list[Candidate]:
        """The best sentence's figure with the caveat the article puts right after it ("The numbers could not be
        independently verified."), added if the answer stays within ``max_answer_chars``, else in place of the second
        sentence."""
        best = chosen[0]
        caveat = next((c for c in candidates if c.metadata["doc_id"] == best.metadata["doc_id"] and _follows(best, c)), None)
        if caveat is None or caveat in chosen or not numbers(best.text) or not states_a_caveat(caveat.text):
            return chosen
        limit = self.settings.max_answer_chars
        for option in ([*chosen, caveat], [best, caveat]):
            if answer_length(option, question, limit) <= limit:
                return option
        return chosen

    def judge(self, question: Question, passages: list[Document]) -> list[Candidate]:
        """Every candidate sentence, scored, with ``rejected`` saying why when it cannot answer."""
        candidates = sentence_candidates(passages)
        if not candidates:
            return []
        vectors = self.embedder.embed([question.query] + [c.text for c in candidates] + [c.window for c in candidates])
        similarities = vectors[1:] @ vectors[0]
        matcher = TermMatcher(self.embedder, question, candidates, self.settings.term_similarity)
        count = len(candidates)
        for candidate, similarity, in_window in zip(candidates, similarities[:count], similarities[count:], strict=True):
            candidate.similarity = float(similarity)
            candidate.window_similarity = float(in_window)
            candidate.rejected = self._pins_unmet(question, candidate, matcher)
            if candidate.rejected is None:
                candidate.coverage = matcher.coverage(" ".join(filter(None, (candidate.text, candidate.claimant))))
        pinned = [c for c in candidates if c.rejected is None]
        best_score = max((c.score for c in pinned), default=0.0)
        for candidate in pinned:
            candidate.features = candidate_features(question, candidate, matcher, best_score)
            candidate.rejected = self._judged(question, candidate, matcher)
        return candidates

    def counted_alike(self, a: str, b: str) -> float:
        """How alike the words around two sentences' figures are: the best cosine between their figure windows."""
        left, right = figure_windows(a), figure_windows(b)
        if not left or not right:
            return 0.0
        vectors = self.embedder.embed([*left, *right])
        return float(np.max(vectors[:len(left)] @ vectors[len(left):].T))

    def _judged(self, question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
        """The fitted judge's verdict (`newsdesk.answer.judge`), or the hand-set thresholds when it is off."""
        if not self.settings.answer_judge or candidate.features is None:
            return self._weak(question, candidate, matcher)
        judge = load_judge()
        threshold = judge.threshold if self.settings.judge_threshold is None else self.settings.judge_threshold
        candidate.confidence = judge.probability(candidate.features)
        if candidate.confidence < threshold:
            return f"judged {candidate.confidence:.2f} likely right, below {threshold:.2f}"
        return None

    def _pins_unmet(self, question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
        """Why the candidate cannot answer whatever its score (`PIN_CHECKS`, the first that fails), or None."""
        return next((reason for check in PIN_CHECKS if (reason := check(question, candidate, matcher))), None)

    def _weak(self, question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
        # A question made only of names ("What did Ann Roe say?") is short and
        # unlike any sentence; once its names are met, similarity says little.
        only_names = all(t.word[0].isupper() for t in question.terms)
        if candidate.similarity < self.settings.min_similarity and not only_names:
            return f"similarity {candidate.similarity:.2f} below {self.settings.min_similarity}"
        if candidate.coverage < self.settings.min_coverage:
            return f"meets {candidate.coverage:.0%} of the question's terms"
        if candidate.score < self.settings.min_score:
            return f"score {candidate.score:.2f} below {self.settings.min_score}"
        if not matcher.meets_a_common_term(candidate.text):
            return "meets the question's names but not what it asks about them"
        return None

    def _dispute_answers(self, dispute: Dispute, passing: list[Candidate], question: Question) -> bool:
        """A dispute retrieval brought along answers unless the best passing sentence is from an article none of its
        claims comes from: then the question is about another story ("how many people were sent to help?" is
        not answered by a dispute over how many homes were flooded). A sentence planted for a language model does not
        count: it must not displace a dispute by ranking high on the question's words."""
        best = self._best([c for c in passing if not addresses_an_assistant(c.text)])
        if best is not None and best.metadata["doc_id"] not in {claim.doc_id for claim in dispute.claims}:
            return False
        # A side whose figure is for another year than the one asked is no rival ("900,000 tourists in 2023").
        return sum(1 for side in dispute.sides if not another_period(question, "", side.latest.quote)) >= 2

    def _rank_score(self, candidate: Candidate) -> float | None:
        """The fitted ranker's score when the judge is on and the candidate was judged, else None."""
        ranker = load_judge() if self.settings.answer_judge else None
        if ranker is not None and ranker.rank_weights and candidate.features is not None:
            return ranker.rank_score(candidate.features)
        return None

    def _order(self, candidate: Candidate) -> tuple[float, int, int]:
        """Sort key, best first: the fitted ranker's score when the judge is on, else half similarity, half coverage."""
        return -self._strength(candidate), candidate.rank, candidate.start

    def _strength(self, candidate: Candidate) -> float:
        """Higher for a sentence more likely to answer: the ranker's score, else half similarity, half coverage."""
        ranked = self._rank_score(candidate)
        return candidate.score if ranked is None else ranked

    def _near(self, best: Candidate, other: Candidate) -> bool:
        """``other`` is nearly as likely to answer as ``best``: within `_RANK_MARGIN` of its ranker score, or
        without the ranker, at least `_SCORE_SHARE` of its score."""
        best_ranked, other_ranked = self._rank_score(best), self._rank_score(other)
        if best_ranked is not None and other_ranked is not None:
            return other_ranked >= best_ranked - _RANK_MARGIN
        return other.score >= best.score * _SCORE_SHARE

    def _best(self, candidates: list[Candidate]) -> Candidate | None:
        return min(candidates, key=self._order, default=None)

    def _withheld(self, question: Question, passing: list[Candidate]) -> Candidate | None:
        """The sentence saying the asked fact was not given, when it is the best passing sentence by rank or by
        the judge's confidence: "has not said how much it wants" outweighs an older figure beside it."""
        surest = max(passing, key=lambda c: c.confidence or 0.0, default=None)
        return first_withheld(self._best(passing), surest, lambda c: withholds_answer(question, c.text))

    def _gives_the_answer(self, ranked: list[Candidate], question: Question) -> Candidate:
        """The best sentence, or when it does not give the answer asked (`gives_the_answer`), the first one
        nearly as good that does."""
        best = ranked[0]
        if gives_the_answer(question, best):
            return best
        return next((c for c in ranked[1:] if self._near(best, c) and gives_the_answer(question, c)), best)

    def _choose(self, passing: list[Candidate], question: Question, sides: list[Candidate] | None = None) -> list[Candidate]:
        """The best sentence, and a second one when it is nearly as good and adds something, or when it is
        another claimant's side of what is asked (a figure of its own, or its view on a yes/no question)."""
        if not passing:
            return []
        # A headline restates the story in brief; the article's own sentence says it fully.
        passing = [c for c in passing if c.text != c.metadata.get("title")] or passing
        ranked = sorted(passing, key=self._order)
        best = self._gives_the_answer(ranked, question)
        chosen = [best]
        others = sorted({id(c): c for c in [*ranked, *(sides or [])] if c is not best}.values(), key=self._order)
        for position, other in enumerate(others[:_SIDE_DEPTH], start=1):
            # The next passing sentence of the same article, or one nearly as likely to answer (`_near`) from
            # another: a weaker sentence of an unrelated page is not added.
            close = other in passing and position <= 2 and (
                other.metadata["doc_id"] == best.metadata["doc_id"] or self._near(best, other)
            )
            if not (close or other_side(best, other, question)):
                continue
            if _overlaps(best, other) or _near_duplicate(best, other) or addresses_an_assistant(other.text):
                continue
            if answer_length([best, other], question, self.settings.max_answer_chars) > self.settings.max_answer_chars:
                continue
            chosen.append(other)
            break
        return chosen


_Sentence = TypeVar("_Sentence")


def gives_the_answer(question: Question, candidate: Candidate) -> bool:
    """The sentence itself says what is asked, beyond passing the type check: a "why" a reason whose clause
    is not the question restated, a "who" or "where" a name the question does not hold (a claimant or a
    role passes `type_met` for "who organised it?", but a named one is the fuller answer), a "when" a date
    beside the question's event (`dates_what_is_asked`)."""
    if question.kind == "reason":
        return states_a_new_reason(question, candidate.text)
    if question.kind in ("place", "agent"):
        return bool(new_names(candidate.text, question) or (candidate.claimant and new_names(candidate.claimant, question)))
    if question.kind == "date":
        return dates_what_is_asked(question, candidate.text)
    return True


# How many words from a word of the question a date may stand and still be its date: "closed on Friday",
# "will make its final decision in March".
_DATE_REACH = 6


def dates_what_is_asked(question: Question, text: str) -> bool:
    """A date in the sentence stands within `_DATE_REACH` words of one of the question's own common words (its
    event): "when did the ferry capsize?" is answered by "the ferry capsized on Monday evening", not by "the
    governor on Thursday raised the toll" of the same article. Every common word counts, however unspecific: the
    event is often a light verb ("will make its final decision in March"). Lexical (the same word or lemma) only."""
    words = tokens(without_datelines(text))
    asked = [t for t in question.terms if not t.word[0].isupper() and t.word.lower() not in _CALENDAR]
    if not asked:
        return True
    dated = [i for i, w in enumerate(words) if w.lower in _CALENDAR or YEAR.fullmatch(w.text)]
    about = [i for i, w in enumerate(words) if any(same_word(t.word, w.text) for t in asked)]
    return any(abs(i - j) <= _DATE_REACH for i in dated for j in about)


def first_withheld(best: _Sentence | None, surest: _Sentence | None,
                   withholds: Callable[[_Sentence], bool]) -> _Sentence | None:
    """The best passing sentence by rank, else the surest by the judge's confidence, when it says the asked fact
    was not given (the answerer's rule; eval/fit_judge.py replays it on candidate indices)."""
    return next((c for c in (best, surest) if c is not None and withholds(c)), None)


def _name_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """A name the question gives is not met by the context, by the thing it names, nor by a pronoun for it."""
    for entity in question.entities:
        if not (entity_met(entity, candidate.context) or named_earlier(question, entity, candidate)
                or referred_to(entity, candidate)):
            return f"does not mention {' '.join(entity)}"
    return None


def _number_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """A number the question gives is not in the context (a year may be the article's own)."""
    published_year = candidate.metadata.get("published", "")[:4]
    context_numbers = set(numbers(candidate.context))
    for value in question.numbers:
        if value not in context_numbers and not (value.is_integer() and str(int(value)) == published_year):
            return f"does not mention {value:g}"
    return None


def _selection_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """The sentence gives another month, member of a closed class, qualifier or period than the one asked."""
    return (month_unmet(question, candidate) or contrasted_term(question, candidate.text)
            or nationality_contrasted(question, candidate.text)
            or qualifier_unmet(question, candidate.text) or relative_period_unmet(question.text, candidate))


def _claimant_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    if question.claimed_by and not _said_by(question.claimed_by, candidate):
        return f"is not said by the {' '.join(question.claimed_by)}"
    return None


def _figure_or_date_missing(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """A quantity or date question needs a figure or date, not under a condition ("if the dam fails, ...")."""
    if question.kind in ("quantity", "date") and _HYPOTHETICAL.match(candidate.text):
        return "is hypothetical"
    if question.kind == "quantity" and not has_quantity(candidate.text):
        return "gives no figure"
    if question.kind == "date" and not has_date_expression(candidate.text):
        return "gives no date"
    return None


def _event_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    for term in question.event:
        if _is_toll_event(term) and not _event_met(term, candidate.text, matcher):
            return f"does not say who was {term.word}"
    return None


def _focus_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """"How many chimneys": the sentence counts them, or says the word; a follow-up's counted noun may be
    inherited ("And how many in 2001?"), so there the neighbours may say it."""
    counted_in = candidate.context if question.follow_up else candidate.text
    if question.focus and not matcher.counts(candidate.text) and not all(
        matcher.credit(t, counted_in) >= _FOCUS_CREDIT for t in question.focus
    ):
        return f"does not count {' '.join(t.word for t in question.focus)}"
    return None


# What a candidate must meet whatever its score, in order; each says why not, or None.
PIN_CHECKS: tuple[Callable[[Question, Candidate, TermMatcher], str | None], ...] = (
    _name_unmet,
    _number_unmet,
    _selection_unmet,
    _claimant_unmet,
    _figure_or_date_missing,
    _event_unmet,
    _focus_unmet,
)


# The ranker's scores are log-odds among one question's sentences: a sentence within this margin of the best is
# at least e^-2 (about 0.14) times as likely to be the one that answers. Without the ranker, a share of the score.
_RANK_MARGIN = 2.0
_SCORE_SHARE = 0.8
# How far down the ranked passing sentences another claimant's side is looked for.
_SIDE_DEPTH = 4


def other_side(best: Candidate, other: Candidate, question: Question) -> bool:
    """``other`` is another claimant's answer to what is asked: its own figure for a "how many",
    its own view on a yes/no question."""
    if other.claimant is None or (best.claimant is not None and same_claimant(best.claimant, other.claimant)):
        return False
    if question.kind == "quantity":
        features = other.features or {}
        mine, theirs = set(numbers(best.text)), set(numbers(other.text))
        return bool(theirs) and not theirs <= mine and features.get("figure_about", 1.0) == 1.0 and features.get("focus_met", 1.0) == 1.0
    return asks_yes_no(question.text)


# "What is the latest toll?", "How many are still missing?", "What does it now expect?"
_LATEST = re.compile(r"\b(latest|current|currently|now|still|most recent|so far|to date|updated)\b", re.IGNORECASE)
# How much less of the question's terms a more recent sentence may meet than the best and still answer in its place.
_LATEST_COVERAGE_SLACK = 0.1


def asks_latest(question: str) -> bool:
    return bool(_LATEST.search(question))


def latest_and_replaced(best: Candidate, typed: list[Candidate], near: Callable[[Candidate], bool],
                        strength: Callable[[Candidate], float],
                        earlier_pool: list[Candidate] | None = None) -> tuple[Candidate, Candidate | None]:
    """The most recent statement of what the best sentence answers, and the earlier figure it replaces.

    A more recent sentence takes the best one's place only when it is ``near`` (nearly as strong), is said by the
    same source (`_same_source`: a revision, not another claimant's or another story's figure) and meets the
    question's terms about as well (a later "17 killed" does not replace "dozens missing"). The earlier figure
    is looked for in ``earlier_pool`` too (sentences that meet the question's pins and type but that the judge
    would not answer with alone: an outdated figure is rarely the surest answer), said by the same source,
    about what the latest counts, and only when the latest gives a figure itself.
    """
    same = [c for c in typed if c is best or (near(c) and _same_source(best, c)
                                              and c.coverage >= best.coverage - _LATEST_COVERAGE_SLACK)]
    latest = max(same, key=lambda c: (c.metadata.get("published", ""), strength(c)))
    when = latest.metadata.get("published", "")
    figures = set(numbers(latest.text))
    earlier = [
        c for c in {id(c): c for c in [*same, *(earlier_pool or [])]}.values()
        if figures and c.metadata.get("published", "") < when and numbers(c.text) and not set(numbers(c.text)) <= figures
        and (c in same or (_same_source(latest, c) and c.coverage >= latest.coverage - _LATEST_COVERAGE_SLACK
                           and (c.features or {}).get("figure_about", 1.0) == 1.0))
    ]
    return latest, max(earlier, key=strength, default=None)


def _same_source(a: Candidate, b: Candidate) -> bool:
    """Said by one claimant; or one attributed and the other, unattributed, naming that claimant ("the police
    force put the crowd at 4,000" beside "Police said ... 6,500"); or both unattributed in one document: a
    revision, not another source's figure."""
    if a.claimant and b.claimant:
        return same_claimant(a.claimant, b.claimant)
    if a.claimant or b.claimant:
        said, unattributed = (a, b) if a.claimant else (b, a)
        return _names_the_claimant(said.claimant or "", unattributed.text)
    return a.metadata["doc_id"] == b.metadata["doc_id"]


def _names_the_claimant(claimant: str, text: str) -> bool:
    """``text`` says every word of ``claimant``'s name that is not a function word: "the police force put the
    crowd at 4,000" names "Police"."""
    wanted = [stem(w.text) for w in tokens(claimant) if w.lower not in STOPWORDS and len(w.text) > 2]
    said = [stem(w.text) for w in tokens(text)]
    return bool(wanted) and all(any(stems_match(word, other) for other in said) for word in wanted)


def compose_latest(latest: Candidate, replaced: Candidate | None, question: Question, limit: int) -> tuple[str, list[Citation]]:
    """The latest figure's sentence, then the earlier one it replaces, each cited."""
    text, citations = compose([latest], question, limit)
    if replaced is None:
        return text, citations
    earlier_text, earlier_citations = compose([replaced], question, limit)
    day = _published_day(replaced)
    # The publication date is given as a resolved date ("(April 6, 2025)"), an annotation the support rule skips.
    when = f" ({long_date(day)})" if day else ""
    earlier = earlier_citations[0]
    claimant = claimant_label(earlier.claimant, earlier.relay, inline=False) if earlier.claimant else None
    sentence = earlier_text.replace("[1]", "[2]")
    # The lead-in's words must not outweigh a short quote (`supports`): a shorter one, else the sentence alone.
    lead_ins = (f"This replaces an earlier figure{when}: ", f"Earlier figure{when}: ", "")
    note = next(f"{lead_in}{sentence}" for lead_in in lead_ins
                if not lead_in or supports(earlier.quote, f"{lead_in}{sentence}", claimant))
    if len(MARKER.sub("", f"{text} {note}")) > limit:
        return text, citations
    return f"{text} {note}", citations + [dc_replace(earlier_citations[0], n=2)]


def _published_day(candidate: Candidate) -> dt.date | None:
    try:
        return dt.date.fromisoformat(candidate.metadata.get("published") or "")
    except ValueError:
        return None


def _said_by(words: tuple[str, ...], candidate: Candidate) -> bool:
    """Every word naming who the question says made the claim is in the sentence, its claimant or neighbours."""
    said = [stem(w.text) for w in tokens(candidate.context)]
    return all(any(stems_match(stem(word), other) for other in said) for word in words)


# "June 4", "4 June", "2019": a date a question about when can be answered with, not only a weekday.
_FULL_DATE = re.compile(r"\b(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2})\b|" + YEAR.pattern)
# A sentence this near the top of its article is in the lead, where news states its main facts.
_LEAD_CHARS = 400


def candidate_features(question: Question, candidate: Candidate, matcher: TermMatcher, best_score: float) -> dict[str, float]:
    """The signals the judge weighs (`newsdesk.answer.judge.FEATURES`), for one candidate that meets the pins."""
    features = {
        "similarity": candidate.similarity,
        "coverage": candidate.coverage,
        "score_gap": best_score - candidate.score,
        "type_met": float(type_met(question, candidate.text, candidate.claimant)),
        "common_term_met": float(matcher.meets_a_common_term(candidate.text)),
        "inverse_rank": 1.0 / candidate.rank,
        "lead": float(candidate.start < _LEAD_CHARS),
        "claimant": float(candidate.claimant is not None),
        "pins": float(min(3, len(question.entities) + len(question.numbers))),
        "only_names": float(all(t.word[0].isupper() for t in question.terms)),
        "counts_what_is_asked": float(bool(question.counted) and matcher.counts(candidate.text)),
        "figure_about": float(question.kind != "quantity" or matcher.figure_is_about(question, candidate.text)),
        "focus_met": float(all(matcher.credit(t, candidate.text) >= 0.8 or matcher.counts(candidate.text) for t in question.focus)),
        "new_names": float(min(3, len(new_names(candidate.text, question)))),
        "full_date": float(bool(_FULL_DATE.search(candidate.text))),
        "length": min(len(candidate.text), 600) / 600,
        "headline": float(candidate.text == candidate.metadata.get("title")),
        "context_coverage": matcher.coverage(candidate.context),
        "window_similarity": candidate.window_similarity,
        "event_met": min((matcher.credit(t, candidate.text) for t in question.event), default=1.0),
        "answer_named": float(question.kind in ("place", "agent") and bool(new_names(candidate.text, question))),
    }
    features["unmet_specific"], features["unmet_share"] = matcher.unmet(" ".join(filter(None, (candidate.text, candidate.claimant))))
    features["unmet_in_context"] = matcher.unmet(candidate.context)[0]
    for kind in ("quantity", "date", "agent", "reason", "other"):
        features[f"kind_{kind}"] = float(question.kind == kind or (kind == "other" and question.kind == "place"))
    return features


def sentence_candidates(passages: list[Document]) -> list[Candidate]:
    """The sentences of the passages, each with its claimant, neighbours and headline as context."""
    seen: set[tuple[str, int]] = set()
    candidates = []
    for rank, passage in enumerate(passages, start=1):
        metadata = passage.metadata
        offset = int(metadata["start"])
        spans = json.loads(metadata.get("sentences") or "[]") or [[offset, int(metadata["end"])]]
        attributions = json.loads(metadata.get("attributions") or "null") or [None] * len(spans)
        texts = [passage.page_content[s - offset:e - offset] for s, e in spans]
        for index, ((start, end), text) in enumerate(zip(spans, texts, strict=True)):
            key = (metadata["doc_id"], start)
            if key in seen:
                continue
            seen.add(key)
            neighbours = [t for t in texts[max(0, index - 1):index + 2] if t != text]
            previous = texts[index - 1] if index > 0 else metadata.get("title", "")
            pair = attributions[index] if index < len(attributions) else None
            candidates.append(
                Candidate(
                    text=text,
                    start=start,
                    end=end,
                    metadata=metadata,
                    # What a name in the question may be met by: the sentence, who it
                    # is attributed to (resolved from "it said"), its neighbours, the headline,
                    # one to a line, so a neighbour's dateline stands at a line start (`text.DATELINE`).
                    context="\n".join(
                        [text, *(name for name in (pair or []) if name), *neighbours, metadata.get("title", "")]
                    ),
                    claimant=pair[0] if pair else None,
                    relay=pair[1] if pair else None,
                    rank=rank,
                    window=f"{previous} {text}".strip(),
                    passage=passage.page_content,
                    passage_start=offset,
                )
            )
    return candidates


def compose(chosen: list[Candidate], question: Question, limit: int) -> tuple[str, list[Citation]]:
    """Sentences in reading order, each naming its claimant and carrying its citation."""
    chosen = sorted(chosen, key=lambda c: (c.metadata["doc_id"], c.start))
    parts = []
    citations = []
    for n, candidate in enumerate(chosen, start=1):
        start, end = _fit(candidate, question, limit)
        quote = candidate.text[start - candidate.start:end - candidate.start]
        parts.append(f"{_with_claimant(_with_dates(quote, candidate), candidate)} [{n}]")
        citations.append(
            Citation(
                n=n,
                doc_id=candidate.metadata["doc_id"],
                title=candidate.metadata.get("title", ""),
                outlet=candidate.metadata.get("outlet", ""),
                published=candidate.metadata.get("published", ""),
                quote=quote,
                start=start,
                end=end,
                claimant=candidate.claimant,
                relay=candidate.relay,
            )
        )
    return " ".join(parts), citations


def answer_length(chosen: list[Candidate], question: Question, limit: int) -> int:
    """How long the answer composed of ``chosen`` reads, without its citation markers: with the claimants and
    resolved dates that `compose` adds, which the sentences' own lengths leave out."""
    text, _ = compose(chosen, question, limit)
    return len(MARKER.sub("", text))


def _with_claimant(quote: str, candidate: Candidate) -> str:
    """Name who said it when the sentence itself only says "it said" or "the ministry"."""
    if not candidate.claimant or candidate.claimant.lower() in quote.lower():
        return quote
    label = claimant_label(candidate.claimant, candidate.relay)
    quoted = quote if quote[:1] in "\"“" else f"“{quote}”"
    return f"According to {label}: {quoted}"


def _with_dates(quote: str, candidate: Candidate) -> str:
    """"on Thursday" becomes "on Thursday (February 24, 2022)", from the article's date."""
    day = _published_day(candidate)
    if day is None:
        return quote
    for start, end, resolved in reversed(resolve_weekdays(quote, day)):
        quote = f"{quote[:end]} ({long_date(resolved)}){quote[end:]}"
    return quote


def _fit(candidate: Candidate, question: Question, limit: int) -> tuple[int, int]:
    """The sentence, or for an over-long one the run of clauses that best answers."""
    if len(candidate.text) <= limit:
        return candidate.start, candidate.end
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(candidate.text)] + [len(candidate.text)]
    best, best_span = -1.0, (0, min(limit, len(candidate.text)))
    wanted = {t.stem for t in question.terms} | {stem(w) for e in question.entities for w in e}
    for i in range(len(bounds) - 1):
        for j in range(i + 1, len(bounds)):
            if bounds[j] - bounds[i] > limit:
                break
            piece = candidate.text[bounds[i]:bounds[j]]
            hits = sum(1 for w in tokens(piece) if stem(w.text) in wanted) + (question.kind == "quantity" and has_quantity(piece))
            if hits > best:
                best, best_span = hits, (bounds[i], bounds[j])
    piece_start, piece_end = best_span
    text = candidate.text[piece_start:piece_end].rstrip(",;: ")
    return candidate.start + piece_start, candidate.start + piece_start + len(text)


def _follows(first: Candidate, then: Candidate) -> bool:
    """``then`` is the sentence right after ``first`` in the same passage (only white space between them)."""
    if then.start < first.end or then.start > first.passage_start + len(first.passage):
        return False
    return not first.passage[first.end - first.passage_start:then.start - first.passage_start].strip()


def states_a_caveat(text: str) -> bool:
    """The sentence says a figure was not verified ("The numbers could not be independently verified")."""
    lowered = text.lower()
    return any(caveat in lowered for caveat in CAVEATS)


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.metadata["doc_id"] == b.metadata["doc_id"] and a.start < b.end and b.start < a.end


def _near_duplicate(a: Candidate, b: Candidate) -> bool:
    """The same wire sentence republished by another outlet."""
    left = {w.lower for w in tokens(a.text)}
    right = {w.lower for w in tokens(b.text)}
    if not left or not right:
        return False
    return len(left & right) / len(left | right) >= 0.6


