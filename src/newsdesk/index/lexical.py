"""The lexical (BM25) index: built once per reindex, saved beside Chroma, loaded once.

It holds the same chunks as the active snapshot, with their Chroma ids, text
and metadata, so a lexical hit is a complete passage without a Chroma round trip.
It also keeps the snapshot's copy of their Chroma vectors (``vectors.npy``, one
row per passage, memory-mapped on load), so dense search can run without
opening Chroma: see `LexicalIndex.dense_search` and docs/architecture.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bm25s
import numpy as np

from newsdesk.atomic import build_directory_atomically
from newsdesk.text import stemmer

_CHUNKS_FILE = "chunks.json"
_VECTORS_FILE = "vectors.npy"
_TOKEN = r"(?u)\b\w\w+\b"
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff]")


def _tokenize(texts: Sequence[str]) -> Any:
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


class LexicalIndex:
    """BM25 over the snapshot's chunks."""

    def __init__(self, passages: list[Passage], model: bm25s.BM25 | None, vectors: np.ndarray | None = None) -> None:
        if vectors is not None and vectors.shape[0] != len(passages):
            raise ValueError(f"{vectors.shape[0]} vectors for {len(passages)} passages")
        self.passages = passages
        self._model = model
        self.vectors = vectors  # unit rows aligned with ``passages``; None: dense search goes to Chroma
        self._admitted: tuple[object, np.ndarray] | None = None  # (snapshot, its mask), computed once

    @classmethod
    def build(cls, passages: list[Passage], vectors: np.ndarray | None = None) -> LexicalIndex:
        if not passages:
            return cls([], None)
        model = bm25s.BM25()
        model.index(_tokenize([p.text for p in passages]), show_progress=False)
        return cls(passages, model, None if vectors is None else _unit_rows(vectors))

    def save(self, directory: Path) -> None:
        """Write to ``directory`` (which must not exist yet) via a temporary sibling."""
        build_directory_atomically(directory, self._write_into)

    def _write_into(self, staging: Path) -> None:
        if self._model is not None:
            self._model.save(str(staging), show_progress=False)
        records = [{"id": p.chunk_id, "text": p.text, "metadata": p.metadata} for p in self.passages]
        (staging / _CHUNKS_FILE).write_text(json.dumps(records), encoding="utf-8")
        if self.vectors is not None:
            np.save(staging / _VECTORS_FILE, np.ascontiguousarray(self.vectors, dtype=np.float32))

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        records = json.loads((directory / _CHUNKS_FILE).read_text(encoding="utf-8"))
        if not isinstance(records, list) or not all(_is_chunk_record(r) for r in records):
            raise ValueError(f"{directory / _CHUNKS_FILE} is not a list of chunk records")
        passages = [Passage(r["id"], r["text"], r["metadata"]) for r in records]
        model = bm25s.BM25.load(str(directory), show_progress=False) if passages else None
        vectors_file = directory / _VECTORS_FILE
        vectors = np.load(vectors_file, mmap_mode="r") if passages and vectors_file.is_file() else None
        return cls(passages, model, vectors)

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
    ) -> list[tuple[Passage, float]]:
        """Best ``limit`` passages by cosine similarity to ``query_vector`` (exact, over every admitted row)."""
        if self.vectors is None or limit <= 0 or not self.passages:
            return []
        scores = self.vectors @ _unit_rows(np.asarray(query_vector, dtype=np.float32)[None, :])[0]
        mask = self._mask(keep, snapshot)
        if mask is not None:
            scores = np.where(mask > 0, scores, -np.inf)
        limit = min(limit, len(self.passages))
        top = np.argpartition(-scores, limit - 1)[:limit]
        top = top[np.lexsort((top, -scores[top]))]  # best first; ties by position, so the order is stable
        return [(self.passages[int(i)], float(scores[i])) for i in top if np.isfinite(scores[i])]

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
        tokens = _tokenize([query])
        if not tokens.vocab or not any(tokens.ids):
            return []
        mask = self._mask(keep, snapshot)
        if mask is not None and not mask.any():
            return []
        limit = min(limit, len(self.passages))
        ids, scores = self._model.retrieve(
            tokens, k=limit, show_progress=False, weight_mask=mask, n_threads=1
        )
        hits = []
        for index, score in zip(ids[0], scores[0], strict=True):
            if score > 0:
                hits.append((self.passages[int(index)], float(score)))
        return hits
