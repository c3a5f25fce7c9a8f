"""Retrieval: dense and lexical (BM25) search, fused by a convex combination of their scores over every passage
(`LexicalIndex.hybrid_search`) or, where dense search goes to Chroma or ``fusion="rrf"``, by reciprocal rank.

`HybridSearch` does it; `HybridRetriever` is the same search as a LangChain
retriever, to compose with other runnables. It reads the active snapshot and admits only chunks of the document
versions it lists; when a reindex publishes a new snapshot, the retriever picks
it up on the next question (one ``stat`` per question) and loads the new
lexical index once.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from langchain_core.documents import Document

from newsdesk.errors import RequestError, StoreError
from newsdesk.index.lexical import LexicalIndex, Passage
from newsdesk.settings import ARTICLE_WEIGHT, DENSE_WEIGHT, FusionMode, RetrieverMode
from newsdesk.index.store import Snapshot, Store
from newsdesk.text import date_ordinal


@dataclass(frozen=True)
class SearchFilters:
    """Restrict retrieval to some outlets, a publication date range, or some documents."""

    outlets: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    doc_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_filter_size("outlets", self.outlets)
        check_filter_size("documents", self.doc_ids)

    def accepts(self, metadata: dict[str, Any]) -> bool:
        if self.outlets and metadata.get("outlet") not in self.outlets:
            return False
        if self.doc_ids and metadata.get("doc_id") not in self.doc_ids:
            return False
        ordinal = int(metadata.get("published_ord") or 0)
        if self.since and (not ordinal or ordinal < date_ordinal(self.since)):
            return False
        if self.until and (not ordinal or ordinal > date_ordinal(self.until)):
            return False
        return True

    def chroma_where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.outlets:
            clauses.append({"outlet": {"$in": list(self.outlets)}})
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.since:
            clauses.append({"published_ord": {"$gte": date_ordinal(self.since)}})
        if self.until:
            clauses.append({"published_ord": {"$lte": date_ordinal(self.until)}})
            clauses.append({"published_ord": {"$gt": 0}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    @property
    def active(self) -> bool:
        return bool(self.outlets or self.since or self.until or self.doc_ids)


MAX_FILTER_VALUES = 500  # Chroma turns each into an SQL variable; SQLite allows a few thousand in all
MAX_FILTER_VALUE_CHARS = 300  # the longest title, outlet or document id the loader keeps


def check_filter_size(kind: str, values: tuple[str, ...]) -> None:
    """Refuse filters Chroma would fail on (``too many SQL variables``), without echoing them."""
    if len(values) > MAX_FILTER_VALUES:
        raise RequestError(f"Too many {kind} in the filter ({len(values):,}); give at most {MAX_FILTER_VALUES}.")
    if any(len(value) > MAX_FILTER_VALUE_CHARS for value in values):
        raise RequestError(f"A filter value for {kind} is over {MAX_FILTER_VALUE_CHARS} characters; no {kind} has such a name.")


class SnapshotReader:
    """The active snapshot and its lexical index, reloaded when a reindex publishes a new one."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._stamp: float | None = None
        self._snapshot = Snapshot()
        self._lexical = LexicalIndex([], None)

    def current(self) -> tuple[Snapshot, LexicalIndex]:
        stamp = self.store.snapshot_stamp()
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    if self._stamp is not None and not self.store.wrote_stamp(stamp):
                        self.store.reopen()  # another process published it: see its chunks
                    snapshot = self.store.read_snapshot()
                    lexical = _load_lexical(self.store, snapshot)
                    self._snapshot, self._lexical, self._stamp = snapshot, lexical, stamp
        return self._snapshot, self._lexical


def _load_lexical(store: Store, snapshot: Snapshot) -> LexicalIndex:
    if not snapshot.lexical_dir:
        return LexicalIndex([], None)
    directory = store.root / snapshot.lexical_dir
    try:
        return LexicalIndex.load(directory)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, EOFError) as exc:
        raise StoreError(
            f"The lexical index {directory} is missing or damaged ({type(exc).__name__}); "
            "run `newsdesk reindex` to rebuild it."
        ) from exc


# Up to this many chunks, dense search is one matrix-vector product over the snapshot's vectors; above
# it, Chroma's HNSW index is faster (100k chunks: 40 ms p50 for the product here, memory-bound, against
# Chroma's 10-20 ms). 40k rows are 61 MB, about 16 ms.
EXACT_SEARCH_MAX_CHUNKS = 40_000


def _dense_search_is_exact(lexical: LexicalIndex) -> bool:
    """Dense search runs over the snapshot's own vectors (not Chroma): they are there and not too many."""
    return lexical.vectors is not None and len(lexical.passages) <= EXACT_SEARCH_MAX_CHUNKS


@dataclass
class HybridSearch:
    """Top-k passages for a query; documents' metadata gains ``chunk_id``, ``score`` and ``rank``.

    Usage: ``HybridSearch(reader=SnapshotReader(store), k=5).invoke("How many soldiers were wounded?")``.
    A plain object rather than a LangChain retriever, so a one-question CLI run does not import
    LangChain's runnables (over a second of start-up); `as_retriever` gives the LangChain one.
    """

    reader: SnapshotReader
    k: int = 5
    mode: RetrieverMode = "hybrid"
    candidates: int = 30
    rrf_k: int = 60
    filters: SearchFilters = field(default_factory=SearchFilters)
    fusion: FusionMode = "convex"
    dense_weight: float = DENSE_WEIGHT
    # With convex fusion: the weight of a passage's article's coverage of the question (`LexicalIndex.article_coverage`).
    article_weight: float = ARTICLE_WEIGHT
    # How many passages `sentence_passages` returns: those of the best single sentences.
    sentences: int = 0

    def invoke(self, query: str) -> list[Document]:
        return [to_document(p, score, rank) for rank, (p, score) in enumerate(self.search(query), start=1)]

    def as_retriever(self) -> Any:
        """This search as a LangChain `BaseRetriever` (`HybridRetriever`), to compose with other runnables."""
        from newsdesk.index.langchain_retriever import HybridRetriever

        return HybridRetriever(
            reader=self.reader, k=self.k, mode=self.mode, candidates=self.candidates, rrf_k=self.rrf_k, filters=self.filters,
            fusion=self.fusion, dense_weight=self.dense_weight, article_weight=self.article_weight,
        )

    def search(self, query: str) -> list[tuple[Passage, float]]:
        snapshot, lexical = self.reader.current()
        if not query.strip() or not snapshot.documents:
            return []
        depth = max(self.candidates, self.k)
        # The snapshot's mask is computed once per snapshot; only active filters cost a pass per question.
        keep = self.filters.accepts if self.filters.active else None
        rankings: list[list[Passage]] = []
        if self.mode == "hybrid" and self.fusion == "convex" and _dense_search_is_exact(lexical):
            vector = np.asarray(self.reader.store.embedder.embed_query(query), dtype=np.float32)
            return lexical.hybrid_search(query, vector, self.k, self.dense_weight, keep, snapshot,
                                         article_weight=self.article_weight)
        if self.mode in ("hybrid", "dense"):
            rankings.append(self._dense(query, snapshot, lexical, depth, keep))
        if self.mode in ("hybrid", "bm25"):
            rankings.append([passage for passage, _ in lexical.search(query, depth, keep, snapshot)])
        if len(rankings) == 1:
            ranked = rankings[0][: self.k]
            return [(p, 1.0 / (self.rrf_k + rank)) for rank, p in enumerate(ranked, start=1)]
        return reciprocal_rank_fusion(rankings, self.rrf_k)[: self.k]

    def sentence_passages(self, query: str) -> list[Document]:
        """The passages holding the `sentences` best single sentences by cosine with ``query`` (`LexicalIndex.
        sentence_search`), best first; none for BM25 alone, or where dense search goes to Chroma."""
        snapshot, lexical = self.reader.current()
        if self.sentences <= 0 or self.mode == "bm25" or not query.strip() or not snapshot.documents \
                or not _dense_search_is_exact(lexical):
            return []
        vector = np.asarray(self.reader.store.embedder.embed_query(query), dtype=np.float32)
        keep = self.filters.accepts if self.filters.active else None
        found = lexical.sentence_search(vector, self.sentences, keep, snapshot)
        return [to_document(p, score, rank) for rank, (p, score) in enumerate(found, start=1)]

    def _dense(
        self, query: str, snapshot: Snapshot, lexical: LexicalIndex, depth: int, keep: Callable[[dict[str, Any]], bool] | None
    ) -> list[Passage]:
        store = self.reader.store
        vector = store.embedder.embed_query(query)
        if _dense_search_is_exact(lexical):
            # the snapshot's own copy of its vectors: exact, and Chroma (1.5 s to import) stays closed
            return [passage for passage, _ in lexical.dense_search(np.asarray(vector, dtype=np.float32), depth, keep, snapshot)]
        # Over-fetch: chunks of versions outside the snapshot (mid-reindex) are dropped.
        results = store.vectorstore.similarity_search_by_vector_with_relevance_scores(
            vector, k=depth * 2, filter=self.filters.chroma_where()
        )
        passages = []
        for document, _score in results:
            if snapshot.admits(document.metadata):
                passages.append(Passage(document.id or "", document.page_content, dict(document.metadata)))
        return passages[:depth]


def __getattr__(name: str) -> Any:
    """`HybridRetriever` (the LangChain retriever) is imported only by those who use it."""
    if name == "HybridRetriever":
        from newsdesk.index.langchain_retriever import HybridRetriever

        return HybridRetriever
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def reciprocal_rank_fusion(rankings: list[list[Passage]], rrf_k: int = 60) -> list[tuple[Passage, float]]:
    """Fuse rankings: each passage scores the sum of 1 / (rrf_k + rank) over the rankings.

    Ties (first in one ranking and second in the other, against the reverse) go to the passage the first
    ranking puts higher, then to document order. Not to the chunk id: that is a hash of the chunk's text and
    metadata, so any change to what is stored beside a chunk (a claimant read differently) reordered ties.
    """
    scores: dict[str, float] = {}
    passages: dict[str, Passage] = {}
    for ranking in rankings:
        for rank, passage in enumerate(ranking, start=1):
            key = passage.chunk_id
            passages[key] = passage
            scores[key] = scores.get(key, 0.0) + 1.0 / (rrf_k + rank)
    first = {passage.chunk_id: rank for rank, passage in enumerate(rankings[0])} if rankings else {}

    def order(key: str) -> tuple[float, int, str, int]:
        metadata = passages[key].metadata
        return -scores[key], first.get(key, len(first)), str(metadata.get("doc_id", "")), int(metadata.get("start", 0))

    return [(passages[key], scores[key]) for key in sorted(scores, key=order)]


def with_sentence_passages(passages: list[Document], extra: list[Document]) -> list[Document]:
    """``passages`` (the fused top k), then those of ``extra`` (`HybridSearch.sentence_passages`) not among them, each
    ranked after them: a chunk whose one sentence answers, though its other sentences are about something else, is
    read without reading every passage fusion ranks above it."""
    seen = {p.metadata.get("chunk_id") for p in passages}
    added = [p for p in extra if p.metadata.get("chunk_id") not in seen]
    ranked = [Document(id=p.id, page_content=p.page_content, metadata={**p.metadata, "rank": len(passages) + n})
              for n, p in enumerate(added, start=1)]
    return [*passages, *ranked]


def to_document(passage: Passage, score: float, rank: int) -> Document:
    metadata = {**passage.metadata, "chunk_id": passage.chunk_id, "score": score, "rank": rank}
    return Document(id=passage.chunk_id, page_content=passage.text, metadata=metadata)
