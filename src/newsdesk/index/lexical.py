"""The lexical (BM25) index: built once per reindex, saved beside Chroma, loaded once.

It holds the same chunks as the active snapshot, with their Chroma ids, text
and metadata, so a lexical hit is a complete passage without a Chroma round trip.
Questions are scored from bm25s's saved arrays with numpy alone (`SavedBm25`,
the same scores and order as bm25s): importing bm25s imports SciPy, a third of
a second of a one-question CLI run. It also keeps the snapshot's copy of their Chroma vectors (``vectors.npy``, one
row per passage, memory-mapped on load), so dense search can run without
opening Chroma: see `LexicalIndex.dense_search` and docs/architecture.md.

Two things a chunk's own text misses are added (`ContextVectors`, round 8): the article's title, which names the
event a later chunk only refers to ("the plant", "the floods"), and the chunk's best sentence, which a long chunk
dilutes. BM25 reads each chunk with its title; dense search scores a chunk by its own vector, its best sentence's
and half its title's. LangChain's multi-vector / parent-document retrievers search small pieces and return their
parent; here the parent chunk stays the unit returned (it is what the answerer reads and cites) and the pieces
only add to its score, from vectors the answerer needs anyway (its sentences are embedded at reindex).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsdesk.atomic import build_directory_atomically
from newsdesk.text import stemmer

_CHUNKS_FILE = "chunks.json"
_VECTORS_FILE = "vectors.npy"
_QUERY_TOKENS_FILE = "query-tokens.json"  # how bm25s tokenized, so questions are tokenized the same without it
_SENTENCE_VECTORS_FILE = "sentence-vectors.npy"  # every passage's sentences, in passage order
_SENTENCE_OFFSETS_FILE = "sentence-offsets.npy"  # the first sentence row of each passage
_TITLE_VECTORS_FILE = "title-vectors.npy"  # one row per distinct title
_TITLE_ROWS_FILE = "title-rows.npy"  # each passage's row in the title vectors
# Bump when what the lexical index holds or how it scores changes: part of the corpus fingerprint, so a reindex of
# an unchanged corpus rebuilds it (chunks and their vectors are reused, nothing is re-embedded).
LEXICAL_VERSION = 2  # 2: BM25 over title and chunk; sentence and title vectors (round 8)
# A chunk's dense score: its own cosine + its best sentence's + this times its article title's.
TITLE_WEIGHT = 0.5
# Above this many sentences the sentence vectors are not kept (memory, and a product per question of about
# 19 ms at 120k rows here, measured 2026-11-28): the chunk's own and its title's cosine still count.
SENTENCE_SEARCH_MAX_ROWS = 120_000
_TOKEN = r"(?u)\b\w\w+\b"
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff]")


def _tokenize(texts: Sequence[str]) -> Any:
    import bm25s

    cleaned = [_INVISIBLE.sub("", text) for text in texts]
    return bm25s.tokenize(
        cleaned,
        stopwords="en",
        stemmer=stemmer().stemWords,
        token_pattern=_TOKEN,
        show_progress=False,
    )


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1, so a dot product is Chroma's cosine similarity whatever the embedder returned."""
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)


def _unit_vector(vector: np.ndarray) -> np.ndarray:
    """One vector scaled to length 1, as `_unit_rows` scales rows."""
    return _unit_rows(np.asarray(vector, dtype=np.float32)[None, :])[0]


def _is_chunk_record(record: Any) -> bool:
    return (
        isinstance(record, dict)
        and isinstance(record.get("id"), str)
        and isinstance(record.get("text"), str)
        and isinstance(record.get("metadata"), dict)
    )


@dataclass(frozen=True)
class Passage:
    """A stored chunk: its Chroma id, verbatim text and metadata."""

    chunk_id: str
    text: str
    metadata: dict[str, Any]

    @property
    def title(self) -> str:
        return str(self.metadata.get("title") or "")

    def sentence_texts(self) -> list[str]:
        """The chunk's sentences as the chunker split them (the whole text when it recorded none)."""
        offset = int(self.metadata.get("start") or 0)
        spans = json.loads(self.metadata.get("sentences") or "[]")
        texts = [self.text[start - offset:end - offset] for start, end in spans]
        return [text for text in texts if text.strip()] or [self.text]


def _bm25_text(passage: Passage) -> str:
    """What BM25 reads for a chunk: its article's title, then its text (the title names what the chunk refers to)."""
    return f"{passage.title}\n{passage.text}" if passage.title else passage.text


@dataclass(frozen=True)
class ContextVectors:
    """Vectors beside each passage's own: its sentences' (``sentences`` rows from ``offsets[i]`` on belong to
    passage i; None above `SENTENCE_SEARCH_MAX_ROWS`) and its title's (``titles[title_rows[i]]``)."""

    sentences: np.ndarray | None
    offsets: np.ndarray | None
    titles: np.ndarray
    title_rows: np.ndarray

    @classmethod
    def embed(
        cls, passages: list[Passage], embed: Callable[[list[str]], np.ndarray], known: dict[str, np.ndarray] | None = None
    ) -> ContextVectors:
        """``known``: sentence vectors by text (the previous index's), so a reindex looks up only new sentences."""
        titles = sorted({p.title for p in passages})
        title_vectors = _unit_rows(embed(titles)) if titles else np.zeros((0, 1), dtype=np.float32)
        title_vectors[[i for i, title in enumerate(titles) if not title]] = 0.0  # no title: adds nothing
        row_of = {title: row for row, title in enumerate(titles)}
        title_rows = np.array([row_of[p.title] for p in passages], dtype=np.int64)
        sentences = [p.sentence_texts() for p in passages]
        if sum(len(texts) for texts in sentences) > SENTENCE_SEARCH_MAX_ROWS:
            return cls(None, None, title_vectors, title_rows)
        offsets = np.cumsum([0] + [len(texts) for texts in sentences[:-1]]).astype(np.int64)
        flat = [text for texts in sentences for text in texts]
        known = known or {}
        missing = list(dict.fromkeys(text for text in flat if text not in known))
        found = dict(zip(missing, _unit_rows(embed(missing)), strict=True)) if missing else {}
        rows = np.stack([known[text] if text in known else found[text] for text in flat]).astype(np.float32)
        return cls(rows, offsets, title_vectors, title_rows)

    def sentence_vectors_by_text(self, passages: list[Passage]) -> dict[str, np.ndarray]:
        """The sentence vectors held for ``passages`` (this index's own), by sentence text."""
        if self.sentences is None or self.offsets is None:
            return {}
        rows = np.asarray(self.sentences)
        known: dict[str, np.ndarray] = {}
        for index, passage in enumerate(passages):
            start = int(self.offsets[index])
            for position, text in enumerate(passage.sentence_texts()):
                known[text] = rows[start + position]
        return known

    @property
    def most(self) -> float:
        """The most a passage's own cosine plus its context's can be."""
        return 1.0 + TITLE_WEIGHT + (1.0 if self.sentences is not None else 0.0)

    def scores(self, query: np.ndarray) -> np.ndarray:
        """What each passage's context adds to its own cosine with the unit ``query``."""
        added = TITLE_WEIGHT * (self.titles @ query)[self.title_rows]
        if self.sentences is not None and self.offsets is not None:
            # einsum, not a BLAS product: multithreaded BLAS on a few thousand rows waited milliseconds for threads
            # the embedding runtime had just used (p95 9 ms against 0.2 ms)
            added = added + np.maximum.reduceat(np.einsum("ij,j->i", self.sentences, query), self.offsets)
        return added

    def save(self, directory: Path) -> None:
        np.save(directory / _TITLE_VECTORS_FILE, np.ascontiguousarray(self.titles, dtype=np.float32))
        np.save(directory / _TITLE_ROWS_FILE, self.title_rows)
        if self.sentences is not None and self.offsets is not None:
            np.save(directory / _SENTENCE_VECTORS_FILE, np.ascontiguousarray(self.sentences, dtype=np.float32))
            np.save(directory / _SENTENCE_OFFSETS_FILE, self.offsets)

    @classmethod
    def load(cls, directory: Path, passages: int) -> ContextVectors | None:
        """None for an index written before context vectors (it scores chunks by their own vectors alone)."""
        if not (directory / _TITLE_VECTORS_FILE).is_file():
            return None
        title_rows = np.load(directory / _TITLE_ROWS_FILE)
        sentences = offsets = None
        if (directory / _SENTENCE_VECTORS_FILE).is_file():
            sentences = np.load(directory / _SENTENCE_VECTORS_FILE, mmap_mode="r")
            offsets = np.load(directory / _SENTENCE_OFFSETS_FILE)
        if len(title_rows) != passages or (offsets is not None and len(offsets) != passages):
            raise ValueError(f"{directory}: context vectors for {len(title_rows)} passages, not {passages}")
        return cls(sentences, offsets, np.load(directory / _TITLE_VECTORS_FILE), title_rows)


class LexicalIndex:
    """BM25 over the snapshot's chunks."""

    def __init__(
        self, passages: list[Passage], model: Any, vectors: np.ndarray | None = None, context: ContextVectors | None = None
    ) -> None:
        if vectors is not None and vectors.shape[0] != len(passages):
            raise ValueError(f"{vectors.shape[0]} vectors for {len(passages)} passages")
        self.passages = passages
        self._model = model  # a bm25s.BM25, or a SavedBm25 read from its files
        self.vectors = vectors  # unit rows aligned with ``passages``; None: dense search goes to Chroma
        self.context = context  # the passages' sentence and title vectors; None: their own vectors alone
        self._admitted: tuple[object, np.ndarray] | None = None  # (snapshot, its mask), computed once
        self._leads: dict[str, str] | None = None  # `lead_sentences`, computed once
        self._articles: np.ndarray | None = None  # `_article_rows`, computed once

    def lead_sentences(self) -> dict[str, str]:
        """Each article's first sentence (its lead, with the dateline) by doc_id, from its first chunk: where a story
        names what its later sentences call by a noun alone (`newsdesk.answer.pins.named_in_lead`)."""
        if self._leads is None:
            self._leads = {str(p.metadata.get("doc_id")): p.sentence_texts()[0] for p in self.passages
                           if int(p.metadata.get("chunk_index", -1)) == 0}
        return self._leads

    def _article_rows(self) -> np.ndarray:
        """Each passage's article, as a row number (passages of one doc_id share it)."""
        if self._articles is None:
            rows: dict[str, int] = {}
            self._articles = np.array([rows.setdefault(str(p.metadata.get("doc_id")), len(rows)) for p in self.passages],
                                      dtype=np.int64)
        return self._articles

    def article_coverage(self, query: str, mask: np.ndarray | None = None) -> np.ndarray:
        """Per passage, the share of ``query``'s words (as BM25 reads them: stemmed, no stop words) that its whole
        article says in its title or any chunk ``mask`` admits (None: all), each word weighted by the square of its
        inverse document frequency among those articles: a name or place only a few articles say counts far more than
        a word most say. Zero everywhere when no word of the query is in the index."""
        return self._coverage(_term_ids(self._model, query), mask)

    def _coverage(self, term_ids: list[int], mask: np.ndarray | None) -> np.ndarray:
        """`article_coverage` of a query the index has read already (its `_term_ids`)."""
        articles = self._article_rows()
        coverage = np.zeros(len(self.passages), dtype=np.float32)
        admitted = np.ones(len(self.passages), dtype=bool) if mask is None else mask > 0
        if not admitted.any():
            return coverage
        count = len(np.unique(articles[admitted]))
        said = np.zeros(int(articles.max()) + 1, dtype=np.float32)
        total = 0.0
        for rows in _term_postings(self._model, term_ids):
            found = np.unique(articles[rows[admitted[rows]]])
            if found.size:
                weight = float(np.log((count - found.size + 0.5) / (found.size + 0.5) + 1.0)) ** 2
                said[found] += weight
                total += weight
        return said[articles] / total if total > 0 else coverage

    @classmethod
    def build(
        cls,
        passages: list[Passage],
        vectors: np.ndarray | None = None,
        embed: Callable[[list[str]], np.ndarray] | None = None,
        known_sentences: dict[str, np.ndarray] | None = None,
    ) -> LexicalIndex:
        """BM25 over ``passages`` (each read with its title); with ``embed`` (unit vectors for texts, cached:
        the sentences were embedded at reindex for the answerer) and ``vectors``, their context vectors too,
        taking the vectors of sentences in ``known_sentences`` from it."""
        if not passages:
            return cls([], None)
        import bm25s

        model = bm25s.BM25()
        model.index(_tokenize([_bm25_text(p) for p in passages]), show_progress=False)
        context = ContextVectors.embed(passages, embed, known_sentences) if embed is not None and vectors is not None else None
        return cls(passages, model, None if vectors is None else _unit_rows(vectors), context)

    def save(self, directory: Path) -> None:
        """Write to ``directory`` (which must not exist yet) via a temporary sibling."""
        build_directory_atomically(directory, self._write_into)

    def _write_into(self, staging: Path) -> None:
        if self._model is not None:
            from bm25s.stopwords import STOPWORDS_EN

            self._model.save(str(staging), show_progress=False)
            tokens = {"lower": True, "token_pattern": _TOKEN, "stopwords": sorted(STOPWORDS_EN)}
            (staging / _QUERY_TOKENS_FILE).write_text(json.dumps(tokens), encoding="utf-8")
        records = [{"id": p.chunk_id, "text": p.text, "metadata": p.metadata} for p in self.passages]
        (staging / _CHUNKS_FILE).write_text(json.dumps(records), encoding="utf-8")
        if self.vectors is not None:
            np.save(staging / _VECTORS_FILE, np.ascontiguousarray(self.vectors, dtype=np.float32))
        if self.context is not None:
            self.context.save(staging)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        records = json.loads((directory / _CHUNKS_FILE).read_text(encoding="utf-8"))
        if not isinstance(records, list) or not all(_is_chunk_record(r) for r in records):
            raise ValueError(f"{directory / _CHUNKS_FILE} is not a list of chunk records")
        passages = [Passage(r["id"], r["text"], r["metadata"]) for r in records]
        model = _load_bm25(directory) if passages else None
        vectors_file = directory / _VECTORS_FILE
        vectors = np.load(vectors_file, mmap_mode="r") if passages and vectors_file.is_file() else None
        context = ContextVectors.load(directory, len(passages)) if vectors is not None else None
        return cls(passages, model, vectors, context)

    def sentence_vectors_by_text(self) -> dict[str, np.ndarray]:
        """The sentence vectors this index holds, by text: what a rebuild reuses instead of looking them up."""
        return {} if self.context is None else self.context.sentence_vectors_by_text(self.passages)

    def admitted_mask(self, snapshot: Any) -> np.ndarray:
        """1 for passages ``snapshot.admits``; computed once per snapshot (a Python pass over every passage)."""
        cached = self._admitted
        if cached is None or cached[0] is not snapshot:
            mask = np.array([1.0 if snapshot.admits(p.metadata) else 0.0 for p in self.passages], dtype=np.float32)
            self._admitted = cached = (snapshot, mask)
        return cached[1]

    def _mask(self, keep: Callable[[dict[str, Any]], bool] | None, snapshot: Any) -> np.ndarray | None:
        """The snapshot's mask times the filter's (None: every passage)."""
        mask = self.admitted_mask(snapshot) if snapshot is not None else None
        if keep is not None:
            accepted = np.array([1.0 if keep(p.metadata) else 0.0 for p in self.passages], dtype=np.float32)
            mask = accepted if mask is None else mask * accepted
        return mask

    def dense_search(
        self,
        query_vector: np.ndarray,
        limit: int,
        keep: Callable[[dict[str, Any]], bool] | None = None,
        snapshot: Any = None,
        with_context: bool = True,
    ) -> list[tuple[Passage, float]]:
        """Best ``limit`` passages by cosine similarity to ``query_vector`` (exact, over every admitted row), each
        passage's plus what its context adds (`ContextVectors.scores`; ``with_context=False``: Chroma's ranking)."""
        if self.vectors is None or limit <= 0 or not self.passages:
            return []
        return self._best(self._dense_scores(query_vector, with_context), limit, self._mask(keep, snapshot))

    def _dense_scores(self, query_vector: np.ndarray, with_context: bool = True) -> np.ndarray:
        """Every passage's cosine with ``query_vector``, plus what its context adds (`ContextVectors.scores`)."""
        query = _unit_vector(query_vector)
        scores = self.vectors @ query
        if with_context and self.context is not None:
            scores = scores + self.context.scores(query)
        return scores

    def _best(self, scores: np.ndarray, limit: int, mask: np.ndarray | None) -> list[tuple[Passage, float]]:
        """The ``limit`` best-scored passages that ``mask`` admits (None: all), best first."""
        if mask is not None:
            scores = np.where(mask > 0, scores, -np.inf)
        limit = min(limit, len(self.passages))
        top = np.argpartition(-scores, limit - 1)[:limit]
        top = top[np.lexsort((top, -scores[top]))]  # best first; ties by position, so the order is stable
        return [(self.passages[int(i)], float(scores[i])) for i in top if np.isfinite(scores[i])]

    def sentence_search(
        self,
        query_vector: np.ndarray,
        limit: int,
        keep: Callable[[dict[str, Any]], bool] | None = None,
        snapshot: Any = None,
    ) -> list[tuple[Passage, float]]:
        """The passages holding the ``limit`` best single sentences by cosine with ``query_vector``, each passage once,
        scored by its best sentence: where an answer sentence stands that the rest of its chunk dilutes. Empty
        without sentence vectors (above `SENTENCE_SEARCH_MAX_ROWS`, or an index written before them)."""
        context = self.context
        if context is None or context.sentences is None or context.offsets is None or limit <= 0 or not self.passages:
            return []
        cosines = np.einsum("ij,j->i", context.sentences, _unit_vector(query_vector))
        return self._best(np.maximum.reduceat(cosines, context.offsets), limit, self._mask(keep, snapshot))

    def search(
        self,
        query: str,
        limit: int,
        keep: Callable[[dict[str, Any]], bool] | None = None,
        snapshot: Any = None,
    ) -> list[tuple[Passage, float]]:
        """Best ``limit`` passages for ``query`` among those ``snapshot`` admits and ``keep`` accepts, best first."""
        if self._model is None or limit <= 0:
            return []
        mask = self._mask(keep, snapshot)
        if mask is not None and not mask.any():
            return []
        limit = min(limit, len(self.passages))
        if isinstance(self._model, SavedBm25):
            ids, scores = self._model.top(query, limit, mask)
        else:
            ids, scores = self._bm25s_top(query, limit, mask)
        hits = []
        for index, score in zip(ids, scores, strict=True):
            if score > 0:
                hits.append((self.passages[int(index)], float(score)))
        return hits

    def hybrid_search(
        self,
        query: str,
        query_vector: np.ndarray,
        limit: int,
        dense_weight: float,
        keep: Callable[[dict[str, Any]], bool] | None = None,
        snapshot: Any = None,
        *,
        article_weight: float,
    ) -> list[tuple[Passage, float]]:
        """Best ``limit`` passages by a convex combination of scores, over every admitted passage: ``dense_weight``
        times the dense score (`dense_search`'s, scaled to at most 1) plus the rest times the BM25 score divided by
        the question's best. Unlike fusing ranks, a passage first by one measure and absent from the other's top
        candidates keeps its lead (Bruch et al., "An Analysis of Fusion Functions for Hybrid Retrieval", 2023).
        Plus ``article_weight`` times its article's coverage of the query (`article_coverage`, round 15): the story
        the question names outranks a look-alike passage of another story that shares only its common words."""
        if self.vectors is None or limit <= 0 or not self.passages:
            return []
        dense = self._dense_scores(query_vector)
        if self.context is not None:
            dense = dense / self.context.most
        term_ids = _term_ids(self._model, query)  # the question read (stemmed) once, for BM25 and the coverage
        lexical = self._bm25_scores(query, term_ids)
        top = float(lexical.max()) if lexical.size else 0.0
        scores = dense_weight * dense + ((1.0 - dense_weight) * lexical / top if top > 0 else 0.0)
        mask = self._mask(keep, snapshot)
        if article_weight > 0:
            scores = scores + article_weight * self._coverage(term_ids, mask)
        return self._best(scores, limit, mask)

    def _bm25_scores(self, query: str, term_ids: list[int]) -> np.ndarray:
        """Every passage's BM25 score for ``query``, whose `_term_ids` are ``term_ids`` (an index read by bm25s itself:
        its top hits' scores)."""
        if isinstance(self._model, SavedBm25):
            scores = self._model.scores_of(term_ids)
            return np.zeros(len(self.passages), dtype=np.float32) if scores is None else np.asarray(scores, dtype=np.float32)
        scores = np.zeros(len(self.passages), dtype=np.float32)
        if self._model is not None:
            ids, values = self._bm25s_top(query, len(self.passages), None)
            for index, value in zip(ids, values, strict=True):
                scores[int(index)] = value
        return scores

    def _bm25s_top(self, query: str, limit: int, mask: np.ndarray | None) -> tuple[Any, Any]:
        tokens = _tokenize([query])
        if not tokens.vocab or not any(tokens.ids):
            return [], []
        ids, scores = self._model.retrieve(tokens, k=limit, show_progress=False, weight_mask=mask, n_threads=1)
        return ids[0], scores[0]


def _term_ids(model: Any, query: str) -> list[int]:
    """The index's ids of the words of ``query`` it knows (stemmed, no stop words), in the query's order: from the
    saved index (`SavedBm25.term_ids`) or a bm25s model built in this process. The one place a query is stemmed for
    the lexical index's lookups."""
    if isinstance(model, SavedBm25):
        return model.term_ids(query)
    if model is None:
        return []
    tokens = _tokenize([query])
    word_of = {number: word for word, number in tokens.vocab.items()}
    words = [word_of[number] for number in tokens.ids[0]] if tokens.ids else []
    return [model.vocab_dict[word] for word in words if word and word in model.vocab_dict]


def _term_postings(model: Any, term_ids: list[int]) -> list[np.ndarray]:
    """For each distinct term of ``term_ids`` (`_term_ids`), the rows of the passages holding it (with their title)."""
    if isinstance(model, SavedBm25):
        indptr, indices = model.indptr, model.indices
    elif model is not None:
        indptr, indices = model.scores["indptr"], model.scores["indices"]
    else:
        return []
    return [np.asarray(indices[int(indptr[t]):int(indptr[t + 1])]) for t in dict.fromkeys(term_ids)]


def _load_bm25(directory: Path) -> Any:
    """The index's BM25 model: read with numpy when the index says how it tokenized, else by bm25s."""
    if (directory / _QUERY_TOKENS_FILE).is_file():
        saved = SavedBm25.load(directory)
        if saved is not None:
            return saved
    import bm25s

    return bm25s.BM25.load(str(directory), show_progress=False)


class SavedBm25:
    """A bm25s index (its "lucene" scoring, the default) read from its saved files with numpy alone.

    bm25s stores each term's precomputed BM25 score per document (a CSC matrix:
    ``data``, ``indices``, ``indptr``); a query's scores are the sum of its terms'
    columns, times the document mask, and the top ``k`` are chosen as bm25s does,
    so results are the same, ties included (tests/test_speed_paths.py compares).
    """

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, vocab: dict[str, int],
                 num_docs: int, dtype: str, stopwords: frozenset[str], token_pattern: str, lower: bool) -> None:
        self.data, self.indices, self.indptr = data, indices, indptr
        self.vocab, self.num_docs, self.dtype = vocab, num_docs, np.dtype(dtype)
        self.stopwords, self.lower = stopwords, lower
        self.split = re.compile(token_pattern).findall

    @classmethod
    def load(cls, directory: Path) -> SavedBm25 | None:
        """None for what this reader does not do (another scoring method): bm25s reads those."""
        params = json.loads((directory / "params.index.json").read_text(encoding="utf-8"))
        if params.get("method") not in ("lucene", "robertson", "atire"):  # others add non-occurrence scores
            return None
        tokens = json.loads((directory / _QUERY_TOKENS_FILE).read_text(encoding="utf-8"))
        return cls(
            np.load(directory / "data.csc.index.npy", mmap_mode="r"),
            np.load(directory / "indices.csc.index.npy", mmap_mode="r"),
            np.load(directory / "indptr.csc.index.npy", mmap_mode="r"),
            json.loads((directory / "vocab.index.json").read_text(encoding="utf-8")),
            int(params["num_docs"]),
            str(params.get("dtype", "float32")),
            frozenset(tokens["stopwords"]),
            str(tokens["token_pattern"]),
            bool(tokens["lower"]),
        )

    def term_ids(self, query: str) -> list[int]:
        """What bm25s.tokenize and BM25.get_tokens_ids make of ``query``: kept words, stemmed, known ones."""
        text = _INVISIBLE.sub("", query)
        words = [w for w in self.split(text.lower() if self.lower else text) if w not in self.stopwords]
        unique = list(dict.fromkeys(words))
        stems = dict(zip(unique, stemmer().stemWords(unique), strict=True))
        return [self.vocab[stems[w]] for w in words if stems[w] in self.vocab]

    def scores(self, query: str) -> np.ndarray | None:
        """Every document's BM25 score for ``query`` (None: no word of it is in the index)."""
        return self.scores_of(self.term_ids(query))

    def scores_of(self, term_ids: list[int]) -> np.ndarray | None:
        """Every document's BM25 score for a query whose `term_ids` are given (None: no term)."""
        if not term_ids:
            return None
        scores = np.zeros(self.num_docs, dtype=self.dtype)
        for term in term_ids:
            start, end = int(self.indptr[term]), int(self.indptr[term + 1])
            np.add.at(scores, self.indices[start:end], self.data[start:end])
        return scores

    def top(self, query: str, k: int, mask: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        scores = self.scores(query)
        if scores is None:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=self.dtype)
        if mask is not None:
            scores *= mask
        # bm25s's numpy top-k, step for step, so equal scores come out in its order
        partitioned = np.argpartition(scores, -k).take(indices=range(-k, 0))
        partitioned_scores = np.take(scores, partitioned)
        order = np.flip(np.argsort(partitioned_scores))
        return partitioned[order], partitioned_scores[order]
