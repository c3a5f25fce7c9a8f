"""How well a sentence meets the question's terms: the same word or lemma, a word WordNet links to it, or a synonym
by word embedding (never an antonym or co-hyponym WordNet knows), and whether a figure counts what the question
counts. One batch of embeddings per question."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from newsdesk.answer.candidates import PEOPLE_WORD, Candidate, figure_windows, matchable_words
from newsdesk.answer.questions import Question, Term
from newsdesk.answer.synonyms import LINKS, NEAR_MISSES, relation, related_phrases
from newsdesk.index.embedding import Embedder
from newsdesk.text import lemmas, same_word, tokens
from newsdesk.vocabulary import CONTRAST_SETS, NUMBER_WORDS, STOPWORDS

_FIGURE_WINDOW = 4
# A counted phrase ("emergency workers") against the words after a figure ("Ten
# emergency responders were"): cosine above this means the figure counts it.
_COUNTED_SIMILARITY = 0.6
# Specificity (`newsdesk.text.specificity`) of a rare word: an unmet term this specific is a near miss.
_SPECIFIC = 5.0


# What a synonym by word embedding earns (`TermMatcher.credit`); a term is met at this credit or more.
SYNONYM_CREDIT = 0.8
# What a word WordNet links to the term earns (`newsdesk.answer.synonyms`): a synonym, one step narrower ("died" /
# "killed"), broader from the term's first sense ("walkout" / "strike"), a derivation ("deaths" / "died").
WORDNET_CREDIT = SYNONYM_CREDIT
# A WordNet link counts only where the word vectors are at least this close: WordNet does not know which sense a
# sentence uses ("forecast" / "figure" 0.20 and "lie" / "line" 0.29 are links through senses news rarely means;
# "walkout" / "strike" is 0.34, "soared" / "rose" 0.39). Unrelated words' vectors are mostly below 0.3.
WORDNET_FLOOR = 0.33


class TermMatcher:
    """How well a sentence meets the question's terms, lexically or by word embedding.

    All words of all candidate sentences are embedded in one batch per
    question (and cached), so matching costs one model call, not one per term.
    """

    def __init__(self, embedder: Embedder, question: Question, candidates: list[Candidate], threshold: float) -> None:
        self.question = question
        self.threshold = threshold
        terms = question.terms + question.focus
        # The question's two-word phrases ("laid off" -> "lay off") each of its terms belongs to, for WordNet's
        # phrase entries: a phrasal verb means what its single-word synonym means ("called off" / "cancelled").
        self._phrases = _phrases_of_terms(question.text, {t.word.lower() for t in terms})
        phrases = {said for found in self._phrases.values() for _, said in found}
        words = sorted({w for c in candidates for w in matchable_words(c.text)} | {t.word.lower() for t in terms}
                       | phrases | {PEOPLE_WORD})
        self._vectors = embedder.embed(words) if words else np.zeros((0, 1), dtype=np.float32)
        self._row = {word: index for index, word in enumerate(words)}
        self._credits: dict[tuple[str, str], float] = {}
        self._same: dict[str, dict[str, bool]] = {}  # a term's word: each sentence word, the same word or not
        self._verdicts: dict[str, dict[str, int]] = {}  # a term's word: each sentence word's verdict (`_verdict`)
        self._phrase_verdicts: dict[str, dict[str, bool]] = {}  # a term's word: each sentence word's phrase link
        # The counted phrase against the words after every figure, in one batch.
        self._counted_best: dict[str, float] = {}
        if question.counted:
            windows = sorted({w for c in candidates for w in figure_windows(c.text)})
            if windows:
                vectors = embedder.embed([question.counted, *windows])
                self._counted_best = dict(zip(windows, (vectors[1:] @ vectors[0]).tolist(), strict=True))

    def credit(self, term: Term, text: str) -> float:
        """1 for the same word or lemma; `WORDNET_CREDIT` for a word WordNet links to it; `SYNONYM_CREDIT` for a
        synonym by word embedding; less for a related word; else 0. Words WordNet holds for near misses (antonyms,
        co-hyponyms) and other members of a closed class earn nothing, however close their vectors."""
        # The credit is the term's word's (all `_credit` reads): coverage, unmet terms and the features ask again.
        key = (term.word, text)
        if key not in self._credits:
            self._credits[key] = self._credit(term, text)
        return self._credits[key]

    def _credit(self, term: Term, text: str) -> float:
        words = matchable_words(text)
        same = self._same.setdefault(term.word, {})
        if any(same[w] if w in same else same.setdefault(w, same_word(term.word, w)) for w in words):
            return 1.0
        known = self._verdicts.setdefault(term.word, {})
        verdicts = [known[w] if w in known else self._verdict(known, term.word, w) for w in words]
        if _LINKED in verdicts or _phrase_in(term.word, text) or self._phrase_links(term, words):
            return WORDNET_CREDIT
        rows = [self._row[w] for w, verdict in zip(words, verdicts, strict=True) if w in self._row and verdict != _APART]
        if not rows or term.word.lower() not in self._row:
            return 0.0
        best = float(np.max(self._vectors[rows] @ self._vectors[self._row[term.word.lower()]]))
        if best >= self.threshold:
            return SYNONYM_CREDIT
        floor = self.threshold - 0.25
        return max(0.0, 0.5 * (best - floor) / (self.threshold - floor))

    def _verdict(self, known: dict[str, int], term: str, word: str) -> int:
        """What a sentence's word that is not the term's own word is to the term, kept in ``known`` (the term's) for
        the question's other sentences, which share most words: a word WordNet links to it with close enough vectors
        (`_LINKED`), a near miss or another member of its closed class (`_APART`), or a word only its vector may
        relate (`_OTHER`)."""
        known[word] = self._judged_pair(term, word)
        return known[word]

    def _judged_pair(self, term: str, word: str) -> int:
        kind = relation(term, word)
        apart = contrasting(term, word)
        if kind in LINKS and not apart and self._cosine(term, word) >= WORDNET_FLOOR:
            return _LINKED
        return _APART if apart or kind in NEAR_MISSES else _OTHER

    def _phrase_links(self, term: Term, words: list[str]) -> bool:
        """A word of the sentence that WordNet links to a question phrase the term is part of ("stepped down" /
        "resigned"), its vector as close as a single word's link must be (`WORDNET_FLOOR`)."""
        phrases = self._phrases.get(term.word.lower(), ())
        if not phrases:
            return False
        known = self._phrase_verdicts.setdefault(term.word.lower(), {})
        return any(known[w] if w in known else known.setdefault(w, self._links_a_phrase(phrases, w)) for w in words)

    def _links_a_phrase(self, phrases: frozenset[tuple[str, str]], word: str) -> bool:
        return any(relation(phrase, word) in LINKS and self._cosine(said, word) >= WORDNET_FLOOR for phrase, said in phrases)

    def _cosine(self, a: str, b: str) -> float:
        """Word vectors' cosine of two embedded words (0 if either was not embedded)."""
        if a.lower() not in self._row or b not in self._row:
            return 0.0
        return float(self._vectors[self._row[a.lower()]] @ self._vectors[self._row[b]])

    def people_likeness(self, word: str) -> float:
        """Cosine of a candidate's word to "people" (`PEOPLE_WORD`): "spectators" 0.58, "fishermen" 0.38, against
        "millimetres" 0.15, "tonnes" 0.26, "dollars" 0.34."""
        return self._cosine(word, PEOPLE_WORD)

    def word_cosine(self, a: str, b: str) -> float:
        """Word vectors' cosine of a question's or candidate's two words (0 if either was not embedded)."""
        return self._cosine(a, b.lower())

    def meets(self, term: Term, text: str) -> bool:
        """``text`` says the term or a synonym of it (`SYNONYM_CREDIT` or more)."""
        return self.credit(term, text) >= SYNONYM_CREDIT

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
            if any(self.meets(term, window) for term in wanted):
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
        common = self.question.common_terms
        return not common or any(self.meets(t, text) for t in common)

    def _coverage(self, terms: tuple[Term, ...], text: str) -> float:
        total = sum(t.weight for t in terms)
        if total == 0:
            return 1.0
        return sum(t.weight * self.credit(t, text) for t in terms) / total

    def counts(self, text: str) -> bool:
        """Does a figure in ``text`` count what the question counts, judged on the words after it?"""
        return any(self._counted_best.get(window, 0.0) >= _COUNTED_SIMILARITY for window in figure_windows(text))


# What a sentence's word other than the term's own is to the term (`TermMatcher._verdict`).
_LINKED, _APART, _OTHER = 1, 2, 3


def _phrase_in(term: str, text: str) -> bool:
    """``text`` says a two-word phrase WordNet links to the term ("stepped down" for "resigned")."""
    phrases = related_phrases(term)
    return bool(phrases) and not phrases.isdisjoint(_word_pairs(text))


@lru_cache(maxsize=20_000)
def _word_pairs(text: str) -> frozenset[str]:
    """Every two consecutive words of ``text`` in dictionary form (`_dictionary_phrases`): "stepped down" gives
    "step down" (what `related_phrases` holds)."""
    return frozenset(phrase for before, after in _consecutive_words(text) for phrase in _dictionary_phrases(before, after))


def _consecutive_words(text: str) -> list[tuple[str, str]]:
    """Every two consecutive words of ``text``, lower-case."""
    said = [w.lower for w in tokens(text)]
    return list(zip(said, said[1:]))


def _dictionary_phrases(before: str, after: str) -> set[str]:
    """The two-word phrase with its first word in each of its dictionary forms ("laid off" -> "lay off"): how
    WordNet's phrase entries write a verb and its particle."""
    return {f"{form} {after}" for form in lemmas(before)}


def _phrases_of_terms(question: str, terms: set[str]) -> dict[str, frozenset[tuple[str, str]]]:
    """Each term's two-word phrases in the question in dictionary form (`_dictionary_phrases`), each with the phrase
    as said (whose vector is the closer to a synonym's as said: "turned down" / "rejected")."""
    found: dict[str, set[tuple[str, str]]] = {}
    for before, after in _consecutive_words(question):
        pairs = {(phrase, f"{before} {after}") for phrase in _dictionary_phrases(before, after)}
        for word in {before, after} & terms:
            found.setdefault(word, set()).update(pairs)
    return {word: frozenset(pairs) for word, pairs in found.items()}


def contrasting(a: str, b: str) -> bool:
    """Two different members of one closed class (`newsdesk.vocabulary.CONTRAST_SETS`): "women" and "men"."""
    left, right = a.lower(), b.lower()
    return left != right and not _CLASSES_OF.get(left, _NO_CLASS).isdisjoint(_CLASSES_OF.get(right, _NO_CLASS))


# Each member of a closed class: the classes it belongs to (by their place in `CONTRAST_SETS`), read once.
_CLASSES_OF: dict[str, frozenset[int]] = {
    word: frozenset(index for index, members in enumerate(CONTRAST_SETS) if word in members)
    for members in CONTRAST_SETS for word in members
}
_NO_CLASS: frozenset[int] = frozenset()
