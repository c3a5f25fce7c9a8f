"""The assistant: one object that the CLI, the chat and the eval share.

It owns the embedder, the store and the retrieval-then-answer chain, loads the
model and the index once, and is safe to call from several threads.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from langchain_core.documents import Document

from newsdesk.answer.answering import ExtractiveAnswerer
from newsdesk.answer.answers import Answer, Answerer, Evidence, StreamingAnswerer, retrieved_json
from newsdesk.answer.candidates import with_lead
from newsdesk.answer.provenance import with_provenance
from newsdesk.answer.questions import Question, analyse, answered_people, points_at_an_answered_person, with_answered_people
from newsdesk.index.bodies import read_body
from newsdesk.articles.chunking import document_version
from newsdesk.articles.corpus import Article
from newsdesk.articles.corpus_roots import absolute_roots, with_remembered_corpus
from newsdesk.articles.formats import load_document
from newsdesk.claims.conflicts import disputes_for, ledger_disputes
from newsdesk.claims.ledger import Ledger, LedgerReader
from newsdesk.errors import DocumentNotFoundError, EmptyIndexError, StoreError
from newsdesk.index.embedding import Embedder, embedder_for
from newsdesk.index.retrieval import HybridSearch, SearchFilters, SnapshotReader, with_sentence_passages
from newsdesk.settings import RetrieverMode, Settings
from newsdesk.index.store import Store
from newsdesk.text import without_lone_surrogates

if TYPE_CHECKING:
    from langchain_core.runnables import Runnable

    from newsdesk.answer.generation import AnswerEvent
    from newsdesk.index.indexing import ProgressCallback, ReindexReport


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


@dataclass(frozen=True)
class Analysed:
    """The chain's first stage: the request and its analysed question."""

    request: Request
    question: Question
    timings: dict[str, float]


@dataclass(frozen=True)
class Retrieved:
    """The chain's second stage: the analysed question and the evidence for it."""

    request: Request
    question: Question
    evidence: Evidence
    timings: dict[str, float]


class Assistant:
    """newsdesk as a library. Usage (the first call loads the model)::

        assistant = Assistant(load_settings(store=Path("/tmp/store"), corpus=[Path("corpus")]))
        assistant.reindex()
        print(assistant.ask(Request("How many soldiers were wounded?")).answer)
    """

    def __init__(self, settings: Settings, embedder: Embedder | None = None, answerer: Answerer | None = None) -> None:
        settings = with_remembered_corpus(settings)
        self.settings = settings
        self.embedder = embedder or embedder_for(settings)
        self.store = Store(settings, self.embedder)
        self.reader = SnapshotReader(self.store)
        self.ledgers = LedgerReader(settings.store)
        self.answerer = answerer or answerer_for(settings, self.embedder)
        self._serving = False  # set by `warm_up`: an assistant that answers questions keeps its index loaded

    @cached_property
    def chain(self) -> Runnable[Request, Answer]:
        return self.build_chain()

    def build_chain(self) -> Runnable[Request, Answer]:
        """Analyse, retrieve, answer: a LangChain runnable, so another answerer can take the last step."""
        from langchain_core.runnables import RunnableLambda

        return (
            RunnableLambda(self._analyse, name="analyse")
            | RunnableLambda(self._retrieve, name="retrieve")
            | RunnableLambda(self._answer, name="answer")
        )

    def ask(self, request: Request) -> Answer:
        """The chain's three steps, called directly: importing LangChain's runnables costs a
        one-question CLI run over a second (`chain` is the same steps as a runnable)."""
        return self._answer(self.evidence(request))

    def evidence(self, request: Request) -> Retrieved:
        """The question analysed and its evidence retrieved, as the answerer receives them: where a script that
        replays the answerer's judgement on a case (eval/fit_judge.py) starts."""
        return self._retrieve(self._analyse(_encodable(request)))

    def retriever(self, request: Request) -> HybridSearch:
        return HybridSearch(
            reader=self.reader,
            k=request.k or self.settings.k,
            mode=request.mode or self.settings.retriever,
            candidates=self.settings.candidates,
            rrf_k=self.settings.rrf_k,
            fusion=self.settings.fusion,
            dense_weight=self.settings.dense_weight,
            article_weight=self.settings.article_weight,
            sentences=self.settings.sentence_passages,
            filters=request.filters,
        )

    def _analyse(self, request: Request) -> Analysed:
        started = time.perf_counter()
        question = analyse(request.question, list(request.history))
        if self.settings.earlier_answer_people and points_at_an_answered_person(request.question, list(request.history)):
            question = with_answered_people(question, self._answered_people(request))
        return Analysed(request, question, {"analyse": _ms(started)})

    def _answered_people(self, request: Request) -> tuple[tuple[str, ...], ...]:
        """The people the answer to the turn before ``request`` named ("Who was arrested ...?" / "How old is he?"):
        a request's history holds the user's turns only, so that turn is answered again, with its own history and
        the same filters (`questions.answered_people`; none when it was refused)."""
        *before, last = request.history
        earlier = self.ask(replace(request, question=last, history=tuple(before), id=None))
        return () if earlier.refused else answered_people(last, [c.quote for c in earlier.citations])

    def _retrieve(self, analysed: Analysed) -> Retrieved:
        """Retrieve at least `REPORT_DEPTH` passages (all reported); the answerer reads the top k and the passages
        of the best single sentences not among them (`with_sentence_passages`), with the disputed subjects among
        their claims that the question asks about."""
        started = time.perf_counter()
        request, question = analysed.request, analysed.question
        k = request.k or self.settings.k
        if not self.reader.current()[0].documents:
            raise EmptyIndexError(self.settings.store)  # not "the corpus does not say": there is no corpus
        retriever = self.retriever(replace(request, k=max(k, REPORT_DEPTH)))
        passages: list[Document] = [] if question.empty else retriever.invoke(question.query)
        # A retriever without the pass over single sentences (any LangChain retriever put in its place) gives its own.
        best = getattr(retriever, "sentence_passages", None)
        read = passages[:k] if question.empty or best is None else with_sentence_passages(passages[:k], best(question.query))
        leads = self.reader.current()[1].lead_sentences()  # what a later sentence's "the recount" refers to
        read = [with_lead(p, leads) for p in read]
        evidence = Evidence(
            passages=read,
            reported=[retrieved_json(p) for p in passages],
            filtered=request.filters.active,
            disputes=disputes_for(question, read, self.ledger()),
            history=request.history,
        )
        return Retrieved(request, question, evidence, {**analysed.timings, "retrieve": _ms(started)})

    def stream(self, request: Request) -> Iterator[AnswerEvent]:
        """One answer as it is written: with the llm answerer, `Drafted` text and each `Verified` sentence
        (newsdesk.answer.generation) as the model completes it; the last event is always the final `Answer`,
        the same as `ask` returns (it may be the extractive fallback, which replaces what was streamed)."""
        retrieved = self._retrieve(self._analyse(_encodable(request)))
        started = time.perf_counter()
        if not isinstance(self.answerer, StreamingAnswerer):
            yield self._answer(retrieved)
            return
        for event in self.answerer.stream(retrieved.question, retrieved.evidence):
            yield self._finished(event, retrieved, started) if isinstance(event, Answer) else event

    def _answer(self, retrieved: Retrieved) -> Answer:
        started = time.perf_counter()
        return self._finished(self.answerer.answer(retrieved.question, retrieved.evidence), retrieved, started)

    def _finished(self, answer: Answer, retrieved: Retrieved, started: float) -> Answer:
        """The answerer's answer, as it gave it, labelled with the request's id, text and timings, and
        each citation with its page and the other outlets that carried it (what it says is unchanged)."""
        timings = {**retrieved.timings, "answer": _ms(started)}
        timings["retrieve"] += timings.pop("analyse")
        answer = with_provenance(answer, self.reader.current()[0])
        return replace(answer, id=retrieved.request.id, question=retrieved.request.question, timings_ms=timings)

    def ledger(self) -> Ledger:
        """The claim ledger of the snapshot that answers are read from."""
        return self.ledgers.for_generation(self.reader.current()[0].generation)

    def reindex(
        self, progress: ProgressCallback | None = None, allow_mass_delete: bool = False, rebuild: bool = False
    ) -> ReindexReport:
        """Bring the store in line with the corpus (`newsdesk.index.indexing.reindex`). After `warm_up` (a chat
        that answers questions), the new snapshot's lexical index, claim ledger and disputes are loaded here,
        so the next question does not wait for them."""
        from newsdesk.index.indexing import reindex  # LangChain's indexing API: not on the question path

        report = reindex(self.store, progress, allow_mass_delete, rebuild)
        if self._serving:
            with contextlib.suppress(StoreError):  # a damaged file is reported by the question that reads it
                self._load_index()
        return report

    def _load_index(self) -> None:
        """The active snapshot's lexical index, claim ledger and its stored disputes, loaded now."""
        self.reader.current()
        ledger_disputes(self.ledger())

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
        """Load the model and the index now rather than on the first question, and again after each reindex."""
        self._serving = True
        self.embedder.warm_up()
        if isinstance(self.answerer, StreamingAnswerer):
            self.answerer.warm_up()
        if self.reader.current()[0].documents:
            self._load_index()
            self.ask(Request("warm up"))


def answerer_for(settings: Settings, embedder: Embedder) -> Answerer:
    """The answerer the settings choose; the llm one is imported only when chosen (it loads its model on first use)."""
    if settings.answerer == "llm":
        from newsdesk.answer.generation import GenerativeAnswerer

        return GenerativeAnswerer(embedder, settings)
    return ExtractiveAnswerer(embedder, settings)


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
