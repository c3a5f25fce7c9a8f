"""What the answering stage receives and returns: `Evidence` in, `Answer` (with `Citation`s) out.

``Answer.to_json`` is the machine-readable contract of ``ask --json``
(see docs/evaluation.md); `Answerer` is the protocol any answerer implements.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from langchain_core.documents import Document

from newsdesk.claims.attribution import claimant_label
from newsdesk.answer.questions import Question

if TYPE_CHECKING:
    from newsdesk.answer.generation import AnswerEvent
    from newsdesk.claims.conflicts import Dispute


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
    page: int | None = None  # the PDF page the quote starts on (newsdesk.answer.provenance)
    also_carried_by: tuple[str, ...] = ()  # other outlets that ran the same wire story (newsdesk.answer.provenance)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["also_carried_by"] = list(self.also_carried_by)
        data["claimant"] = claimant_label(self.claimant, self.relay, inline=False) if self.claimant else None
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
    # Set by the llm answerer (newsdesk.answer.generation): which answerer wrote the text ("llm",
    # "extractive-fallback", "extractive"), each sentence of the text with its citations and verdict,
    # every sentence the model wrote (dropped ones too), and why the extractive answer was kept.
    answerer: str | None = None
    sentences: list[dict[str, Any]] = field(default_factory=list)
    generated: list[dict[str, Any]] = field(default_factory=list)
    fallback_reason: str | None = None

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
        if self.answerer is not None:
            data["answerer"] = self.answerer
            data["sentences"] = self.sentences
            data["generated"] = self.generated
            if self.fallback_reason:
                data["fallback_reason"] = self.fallback_reason
        return data


@dataclass(frozen=True)
class Evidence:
    """What retrieval found for a question: the passages to answer from, and the disputes they touch."""

    passages: list[Document]  # the top k, best first
    reported: list[dict[str, Any]]  # the passages ``retrieved`` reports (at least the top 10), as JSON
    filtered: bool = False  # outlet, document or date filters narrowed the search
    disputes: list[Dispute] = field(default_factory=list)  # disputed subjects the question and passages touch
    history: tuple[str, ...] = ()  # the chat's earlier user turns, oldest first (a generative answerer shows them)


class Answerer(Protocol):
    """The last step of the chain: turns an analysed question and its evidence into an `Answer`.

    It decides everything the answer says, including whether a disputed
    subject is answered with every side (the extractive answerer does, with
    `newsdesk.answer.dispute_answer`); nothing after it changes its answer.
    """

    def answer(self, question: Question, evidence: Evidence) -> Answer: ...


@runtime_checkable
class StreamingAnswerer(Answerer, Protocol):
    """An answerer with a model of its own (the llm one): it loads the model on `warm_up` and writes its
    answer as it goes, the last event of `stream` being the same `Answer` that `answer` returns."""

    def warm_up(self) -> None: ...

    def stream(self, question: Question, evidence: Evidence) -> Iterator[AnswerEvent]: ...


def retrieved_json(passage: Document) -> dict[str, Any]:
    """A retrieved passage as ``ask --json`` reports it."""
    metadata = passage.metadata
    return {
        "doc_id": metadata["doc_id"],
        "start": int(metadata["start"]),
        "end": int(metadata["end"]),
        "score": round(float(metadata.get("score", 0.0)), 6),
        "text": passage.page_content,
    }
