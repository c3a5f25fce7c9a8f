"""Answering: pick the sentences that answer, cite them verbatim, or refuse.

The default answerer is extractive and needs no language model. From the
retrieved passages it takes candidate sentences, keeps those that meet what
the question pins down (names, numbers, years, the kind of answer asked for),
scores the rest by meaning and by the share of the question's specific terms
they meet, and composes the best one or two into an answer with numbered
citations. Each citation is a verbatim span of the article body with its
offsets and its claimant. When no sentence passes, it refuses.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

import numpy as np
from langchain_core.documents import Document

from newsdesk.embedding import Embedder
from newsdesk.questions import Question, Term
from newsdesk.text import has_date_expression, has_quantity, numbers, stem, stems_match, tokens, specificity

REFUSAL = "The corpus does not say: none of the indexed articles answers this question."
REFUSAL_FILTERED = (
    "The corpus does not say, at least within the current filters: none of the selected articles answers this question."
)
EMPTY_QUESTION = "Please ask a question about the articles in the corpus."
_CLAUSE_BREAK = re.compile(r"[,;:]\s+")


@dataclass(frozen=True)
class Citation:
    """A verbatim quote: ``body[start:end] == quote`` for the document ``doc_id``."""

    n: int
    doc_id: str
    title: str
    outlet: str
    published: str
    quote: str
    start: int
    end: int
    claimant: str | None = None
    relay: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["claimant"] = f"{self.claimant}, via {self.relay}" if self.claimant and self.relay else self.claimant
        return data


@dataclass
class Answer:
    """What the chain returns; ``to_json`` is the contract of ``ask --json``."""

    question: str
    answer: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    retrieved: list[dict[str, Any]] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    disputes: list[dict[str, Any]] = field(default_factory=list)
    id: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id} if self.id is not None else {}
        data.update(
            question=self.question,
            answer=self.answer,
            refused=self.refused,
            citations=[c.to_json() for c in self.citations],
            retrieved=self.retrieved,
            timings_ms={key: round(value, 1) for key, value in self.timings_ms.items()},
        )
        if self.disputes:
            data["disputes"] = self.disputes
        return data


class Answerer(Protocol):
    """Anything that turns a question and retrieved passages into an `Answer`."""

    def answer(self, question: Question, passages: list[Document], filtered: bool = False) -> Answer: ...


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

    @property
    def score(self) -> float:
        return 0.5 * self.similarity + 0.5 * self.coverage


@dataclass(frozen=True)
class Thresholds:
    min_similarity: float = 0.25
    min_coverage: float = 0.5
    term_similarity: float = 0.62
    max_answer_chars: int = 500


class ExtractiveAnswerer:
    """Answers with sentences of the corpus only; refuses when none answers.

    >>> answerer = ExtractiveAnswerer(Embedder())
    >>> answerer.answer(analyse("Who controls Kherson?"), retriever.invoke("Who controls Kherson?"))
    """

    def __init__(self, embedder: Embedder, thresholds: Thresholds | None = None) -> None:
        self.embedder = embedder
        self.thresholds = thresholds or Thresholds()

    def answer(self, question: Question, passages: list[Document], filtered: bool = False) -> Answer:
        retrieved = [retrieved_json(p) for p in passages]
        if question.empty:
            return Answer(question.text, EMPTY_QUESTION, refused=True, retrieved=retrieved)
        candidates = self.judge(question, passages)
        chosen = self._choose([c for c in candidates if c.rejected is None])
        if not chosen:
            return Answer(question.text, REFUSAL_FILTERED if filtered else REFUSAL, refused=True, retrieved=retrieved)
        text, citations = compose(chosen, question, self.thresholds.max_answer_chars)
        return Answer(question.text, text, refused=False, citations=citations, retrieved=retrieved)

    def judge(self, question: Question, passages: list[Document]) -> list[Candidate]:
        """Every candidate sentence, scored, with ``rejected`` saying why when it cannot answer."""
        candidates = sentence_candidates(passages)
        if not candidates:
            return []
        vectors = self.embedder.embed([question.query] + [c.text for c in candidates])
        similarities = vectors[1:] @ vectors[0]
        for candidate, similarity in zip(candidates, similarities, strict=True):
            candidate.similarity = float(similarity)
            candidate.rejected = self._pins_unmet(question, candidate)
            if candidate.rejected is None:
                candidate.coverage = self._coverage(question.terms, candidate.text)
                candidate.rejected = self._weak(candidate)
        return candidates

    def _pins_unmet(self, question: Question, candidate: Candidate) -> str | None:
        for entity in question.entities:
            if not entity_met(entity, candidate.context):
                return f"does not mention {' '.join(entity)}"
        published_year = candidate.metadata.get("published", "")[:4]
        context_numbers = set(numbers(candidate.context))
        for value in question.numbers:
            if value not in context_numbers and not (value.is_integer() and str(int(value)) == published_year):
                return f"does not mention {value:g}"
        if question.kind == "quantity" and not has_quantity(candidate.text):
            return "gives no figure"
        if question.kind == "date" and not has_date_expression(candidate.context + " " + published_year):
            return "gives no date"
        for term in question.focus:
            if term.weight >= 1.5 and self._term_credit(term, candidate.text) == 0.0:
                return f"is not about {term.word}"
        return None

    def _weak(self, candidate: Candidate) -> str | None:
        if candidate.similarity < self.thresholds.min_similarity:
            return f"similarity {candidate.similarity:.2f} below {self.thresholds.min_similarity}"
        if candidate.coverage < self.thresholds.min_coverage:
            return f"meets {candidate.coverage:.0%} of the question's terms"
        return None

    def _coverage(self, terms: tuple[Term, ...], text: str) -> float:
        total = sum(t.weight for t in terms)
        if total == 0:
            return 1.0
        return sum(t.weight * self._term_credit(t, text) for t in terms) / total

    def _term_credit(self, term: Term, text: str) -> float:
        """1 for the same word, 0.8 for a close synonym by embedding, else 0."""
        words = [w.text for w in tokens(text) if len(w.text) > 2]
        if any(stems_match(term.stem, stem(word)) for word in words):
            return 1.0
        content = sorted({w.lower() for w in words if specificity(w) >= 0.8})
        if not content:
            return 0.0
        vectors = self.embedder.embed([term.word.lower()] + content)
        best = float(np.max(vectors[1:] @ vectors[0]))
        return 0.8 if best >= self.thresholds.term_similarity else 0.0

    def _choose(self, passing: list[Candidate]) -> list[Candidate]:
        """The best sentence, and a second one when it is nearly as good and adds something."""
        if not passing:
            return []
        ranked = sorted(passing, key=lambda c: (-c.score, c.rank, c.start))
        best = ranked[0]
        chosen = [best]
        for other in ranked[1:3]:
            if other.score < best.score * 0.92 or _overlaps(best, other) or _near_duplicate(best, other):
                continue
            if len(best.text) + len(other.text) > self.thresholds.max_answer_chars:
                continue
            chosen.append(other)
            break
        return chosen


def sentence_candidates(passages: list[Document]) -> list[Candidate]:
    """The sentences of the passages, each with its neighbours and title as context."""
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
            neighbours = texts[max(0, index - 1):index + 2]
            pair = attributions[index] if index < len(attributions) else None
            candidates.append(
                Candidate(
                    text=text,
                    start=start,
                    end=end,
                    metadata=metadata,
                    context=" ".join([*neighbours, metadata.get("title", "")]),
                    claimant=pair[0] if pair else None,
                    relay=pair[1] if pair else None,
                    rank=rank,
                )
            )
    return candidates


def entity_met(entity: tuple[str, ...], context: str) -> bool:
    """A name is met when most of its words, or its acronym, appear in ``context``.

    One word of three may differ ("Russia's Defence Ministry" still meets
    "Russian Defense Ministry"); a one- or two-word name must match whole.
    """
    context_stems = [stem(w.text) for w in tokens(context)]
    words = [stem(word) for word in entity]
    met = sum(1 for word in words if any(stems_match(word, other) for other in context_stems))
    if met >= len(words) - len(words) // 3:
        return True
    if len(entity) == 1 and entity[0].isupper() and 2 <= len(entity[0]) <= 6:
        return entity[0] in _acronyms(context)
    return False


def _acronyms(text: str) -> set[str]:
    """Initials of capitalised runs: "United Nations" gives "UN"."""
    found: set[str] = set()
    run: list[str] = []
    for word in tokens(text) + [None]:  # type: ignore[list-item]
        if word is not None and (word.text[0].isupper() or word.lower in ("of", "for", "and")):
            run.append(word.text)
            continue
        capitals = [w for w in run if w[0].isupper()]
        for size in range(2, len(capitals) + 1):
            for start in range(0, len(capitals) - size + 1):
                found.add("".join(w[0] for w in capitals[start:start + size]))
        run = []
    return found


def compose(chosen: list[Candidate], question: Question, limit: int) -> tuple[str, list[Citation]]:
    """Sentences in reading order, each naming its claimant and carrying its citation."""
    chosen = sorted(chosen, key=lambda c: (c.metadata["doc_id"], c.start))
    parts = []
    citations = []
    for n, candidate in enumerate(chosen, start=1):
        start, end = _fit(candidate, question, limit)
        quote = candidate.text[start - candidate.start:end - candidate.start]
        parts.append(f"{_with_claimant(quote, candidate)} [{n}]")
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


def _with_claimant(quote: str, candidate: Candidate) -> str:
    """Name who said it when the sentence itself only says "it said" or "the ministry"."""
    if not candidate.claimant or candidate.claimant.lower() in quote.lower():
        return quote
    label = f"{candidate.claimant} (via {candidate.relay})" if candidate.relay else candidate.claimant
    return f'According to {label}: "{quote}"'


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


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.metadata["doc_id"] == b.metadata["doc_id"] and a.start < b.end and b.start < a.end


def _near_duplicate(a: Candidate, b: Candidate) -> bool:
    """The same wire sentence republished by another outlet."""
    left = {w.lower for w in tokens(a.text)}
    right = {w.lower for w in tokens(b.text)}
    if not left or not right:
        return False
    return len(left & right) / len(left | right) >= 0.6


def retrieved_json(passage: Document) -> dict[str, Any]:
    metadata = passage.metadata
    return {
        "doc_id": metadata["doc_id"],
        "start": int(metadata["start"]),
        "end": int(metadata["end"]),
        "score": round(float(metadata.get("score", 0.0)), 6),
        "text": passage.page_content,
    }
