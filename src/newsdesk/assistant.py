"""The assistant: one object that the CLI, the chat and the eval share.

It owns the embedder, the store and the retrieval-then-answer chain, loads the
model and the index once, and is safe to call from several threads.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from dataclasses import dataclass, field, replace
from typing import Any

from langchain_core.documents import Document
from langchain_core.runnables import Runnable, RunnableLambda

from newsdesk.answering import Answer, Answerer, ExtractiveAnswerer, Thresholds, retrieved_json as _retrieved_json
from newsdesk.bodies import read_body
from newsdesk.chunking import document_version
from newsdesk.conflicts import with_disputes
from newsdesk.corpus import Article
from newsdesk.corpus_roots import absolute_roots, with_remembered_corpus
from newsdesk.embedding import Embedder, embedder_for
from newsdesk.errors import DocumentNotFoundError, EmptyIndexError, StoreError
from newsdesk.formats import load_document
from newsdesk.indexing import ProgressCallback, ReindexReport, reindex
from newsdesk.ledger import Ledger, LedgerReader
from newsdesk.provenance import with_provenance
from newsdesk.questions import Question, analyse
from newsdesk.retrieval import HybridRetriever, SearchFilters, SnapshotReader
from newsdesk.settings import RetrieverMode, Settings
from newsdesk.store import Store
from newsdesk.text import without_lone_surrogates


@dataclass(frozen=True)
class Request:
    """One question with its chat history and retrieval options."""

    question: str
    history: tuple[str, ...] = ()
    filters: SearchFilters = field(default_factory=SearchFilters)
    k: int | None = None
    mode: RetrieverMode | None = None
    id: str | None = None


# Passages reported in ``retrieved`` (for evidence_hit@10), whatever k the answerer reads.
REPORT_DEPTH = 10


class Assistant:
    """newsdesk as a library.

    >>> assistant = Assistant(load_settings(store=Path("/tmp/store")))
    >>> assistant.reindex()
    >>> assistant.ask(Request("Who controls Kherson?")).answer
    """

    def __init__(self, settings: Settings, embedder: Embedder | None = None, answerer: Answerer | None = None) -> None:
        settings = with_remembered_corpus(settings)
        self.settings = settings
        self.embedder = embedder or embedder_for(settings)
        self.store = Store(settings, self.embedder)
        self.reader = SnapshotReader(self.store)
        self.ledgers = LedgerReader(settings.store)
        self.answerer = answerer or ExtractiveAnswerer(
            self.embedder,
            Thresholds(
                min_similarity=settings.min_similarity,
                min_coverage=settings.min_coverage,
                min_score=settings.min_score,
                term_similarity=settings.term_similarity,
                max_answer_chars=settings.max_answer_chars,
            ),
        )
        self.chain = self.build_chain()

    def build_chain(self) -> Runnable[Request, Answer]:
        """Analyse, retrieve, answer: a LangChain runnable, so another answerer can take the last step."""
        return (
            RunnableLambda(self._analyse, name="analyse")
            | RunnableLambda(self._retrieve, name="retrieve")
            | RunnableLambda(self._answer, name="answer")
        )

    def ask(self, request: Request) -> Answer:
        return self.chain.invoke(_encodable(request))

    def retriever(self, request: Request) -> HybridRetriever:
        return HybridRetriever(
            reader=self.reader,
            k=request.k or self.settings.k,
            mode=request.mode or self.settings.retriever,
            candidates=self.settings.candidates,
            rrf_k=self.settings.rrf_k,
            filters=request.filters,
        )

    def _analyse(self, request: Request) -> dict[str, Any]:
        started = time.perf_counter()
        question = analyse(request.question, list(request.history))
        return {"request": request, "question": question, "timings": {"analyse": _ms(started)}}

    def _retrieve(self, state: dict[str, Any]) -> dict[str, Any]:
        """Retrieve at least `REPORT_DEPTH` passages: the answerer reads the top k, all are reported."""
        started = time.perf_counter()
        question: Question = state["question"]
        request: Request = state["request"]
        k = request.k or self.settings.k
        if not self.reader.current()[0].documents:
            raise EmptyIndexError(self.settings.store)  # not "the corpus does not say": there is no corpus
        retriever = self.retriever(replace(request, k=max(k, REPORT_DEPTH)))
        passages: list[Document] = [] if question.empty else retriever.invoke(question.query)
        state["timings"]["retrieve"] = _ms(started)
        return {**state, "passages": passages, "k": k}

    def _answer(self, state: dict[str, Any]) -> Answer:
        started = time.perf_counter()
        request: Request = state["request"]
        passages: list[Document] = state["passages"]
        answer = self.answerer.answer(state["question"], passages[: state["k"]], filtered=request.filters.active)
        # A disputed subject is answered with every side of it (conflicts.py).
        answer = with_disputes(answer, state["question"], passages[: state["k"]], self.ledger(), self.settings.max_answer_chars)
        answer = with_provenance(answer, self.reader.current()[0])
        answer.retrieved = [_retrieved_json(p) for p in passages]
        timings = {**state["timings"], "answer": _ms(started)}
        timings["retrieve"] += timings.pop("analyse")
        return replace(answer, id=request.id, question=request.question, timings_ms=timings)

    def ledger(self) -> Ledger:
        """The claim ledger of the snapshot that answers are read from."""
        return self.ledgers.for_generation(self.reader.current()[0].generation)

    def reindex(
        self, progress: ProgressCallback | None = None, allow_mass_delete: bool = False, rebuild: bool = False
    ) -> ReindexReport:
        return reindex(self.store, progress, allow_mass_delete, rebuild)

    def status(self) -> dict[str, Any]:
        snapshot = self.reader.current()[0]
        return {
            "documents": len(snapshot.documents),
            "chunks": snapshot.chunk_count,
            "store": str(self.settings.store),
            "model": snapshot.model or self.embedder.model_name,
            "last_reindex": snapshot.last_reindex,
            "outlets": sorted({entry.outlet for entry in snapshot.documents.values() if entry.outlet}),
            "corpus": absolute_roots(self.settings.corpus),
        }

    def documents(self) -> dict[str, Any]:
        return dict(self.reader.current()[0].documents)

    def article(self, doc_id: str) -> Article:
        """The indexed article: the text every citation's offsets point into, as it was indexed
        (kept in the store; the file may since have changed or been swapped for a link)."""
        entry = self.reader.current()[0].documents.get(doc_id)
        if entry is None:
            raise DocumentNotFoundError(doc_id)
        body = read_body(self.settings.store, entry.hash)
        if body is None:  # an index built before bodies were kept: the file, only if it is still that version
            body = self._unchanged_file_body(doc_id, entry.path, entry.hash)
        published = _iso_date(entry.published)
        return Article(
            doc_id, Path(entry.path), entry.title, body, entry.outlet or None, published, pages=tuple(entry.pages)
        )

    def _unchanged_file_body(self, doc_id: str, path: str, version: str) -> str:
        article = load_document(Path(path), doc_id, int(self.settings.max_file_mb * 1_000_000))
        if document_version(article, self.settings.chunk_size, self.settings.chunk_overlap) != version:
            raise StoreError(f"{path} changed since it was indexed; run `newsdesk reindex` to show it.")
        return article.body

    def warm_up(self) -> None:
        """Load the model and the index now rather than on the first question."""
        self.embedder.warm_up()
        if self.reader.current()[0].documents:
            self.ask(Request("warm up"))


def _encodable(request: Request) -> Request:
    """The tokenizer and the terminal reject lone surrogates; a pasted question may carry one."""
    return replace(
        request,
        question=without_lone_surrogates(request.question),
        history=tuple(without_lone_surrogates(turn) for turn in request.history),
    )


def _iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0
