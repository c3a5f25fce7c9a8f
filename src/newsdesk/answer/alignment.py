"""Contextual word alignment between a question and a candidate sentence: does the sentence cover what the
question asks?

BERTScore-style (Zhang et al., 2020), over the embedding model the answerer already runs: every content word of
the question (not a `STOPWORDS` word) is met by the word of the sentence (or of its article's title) whose contextual
vector is nearest to it (the model's last layer, `Embedder.word_vectors`), and the two signals the judge weighs are

- ``recall``: the mean of those best cosines, each word weighted by how rare it is in English (`specificity`);
- ``worst``: the best cosine of the question word the sentence meets worst.

The sentence is read with its article's title: news titles name the subject that a sentence deeper in the article
calls "the company" or "he", and a question names it.

A near miss answers a slightly different question, another year, place, role or action ("hired" for "laid off",
"founded" against "now run by"): one of the question's words is left unmet, and ``worst`` says so where word
overlap does not (the rest of the sentence repeats the question). A paraphrase ("work for" for "employ") is met
by context where no word is shared.

Only the sentences the answerer is likeliest to answer with are aligned (`ALIGNED_CANDIDATES`, by the pre-judge
score): one forward pass over the question and those sentences per question, cached by text. An embedder without
``word_vectors`` (a LangChain ``Embeddings`` plugged in through ``Assistant(embedder=...)``) gives no alignment;
the judge then reads `NEUTRAL` for every sentence with ``aligned`` 0, as it does for the sentences not aligned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from newsdesk.text import specificity
from newsdesk.vocabulary import STOPWORDS

if TYPE_CHECKING:
    from newsdesk.index.embedding import WordVectors

# The sentences aligned per question, best pre-judge score first: the ones the answerer may choose from.
ALIGNED_CANDIDATES = 6
# A question word this common still counts a little (otherwise "people" or "year" would weigh nothing).
_LEAST_WEIGHT = 0.25


@dataclass(frozen=True)
class Alignment:
    recall: float  # rarity-weighted mean of each question content word's best cosine in the sentence
    worst: float  # the best cosine of the question content word the sentence meets worst


# The judge's features this module gives (`newsdesk.answer.features`).
ALIGNMENT_FEATURES = ("aligned", "align_recall", "align_worst")
# Read by the judge for a sentence that was not aligned: typical values of the aligned dev candidates.
NEUTRAL = Alignment(recall=0.7, worst=0.4)


def content_rows(words: Sequence[str]) -> list[int]:
    """The rows of a text's words that carry content: not a stop word, not a one-letter piece."""
    return [i for i, word in enumerate(words) if len(word) > 1 and word.lower() not in STOPWORDS]


def align(question: WordVectors, *said: WordVectors) -> Alignment | None:
    """How well the words of ``said`` (a sentence, and its article's title) meet the content words of ``question``;
    None when the question has no content word or nothing is said."""
    asked = content_rows(question.words)
    vectors = [part.vectors for part in said if len(part.words)]
    if not asked or not vectors:
        return None
    cosines = question.vectors[asked].astype(np.float32) @ np.vstack(vectors).astype(np.float32).T
    best = cosines.max(axis=1)
    weights = np.array([max(specificity(question.words[i]), _LEAST_WEIGHT) for i in asked], dtype=np.float32)
    return Alignment(recall=float(best @ weights / weights.sum()), worst=float(best.min()))


def alignments(embedder: Any, question: str, sentences: Sequence[str],
               titles: Sequence[str] = ()) -> list[Alignment | None] | None:
    """Each sentence's `Alignment` to ``question``, read together with its article's title (``titles``, one per
    sentence, "" for none), in one call to the embedder's ``word_vectors``; None when the embedder has none."""
    word_vectors = getattr(embedder, "word_vectors", None)
    if word_vectors is None or not sentences:
        return None
    titles = list(titles) or [""] * len(sentences)
    unique_titles = [t for t in dict.fromkeys(titles) if t]
    vectors = word_vectors([question, *sentences, *unique_titles])
    title_vectors = dict(zip(unique_titles, vectors[1 + len(sentences):], strict=True))
    return [align(vectors[0], sentence, *([title_vectors[title]] if title else []))
            for sentence, title in zip(vectors[1:1 + len(sentences)], titles, strict=True)]
