"""A deterministic stand-in for the embedding model, for tests about rules rather than about the model.

Each word's stem is hashed to a fixed random unit vector; a text is the
normalised sum of its words' vectors. Texts sharing words are similar, texts
sharing none are nearly orthogonal, and nothing is loaded. Its word vectors
(`word_vectors`, for the answerer's alignment signal) are the words' own stem
vectors, without context. Use it through the
real seam: ``Assistant(settings, embedder=FakeEmbedder())``.
"""

from __future__ import annotations

import hashlib

import numpy as np
from langchain_core.embeddings import Embeddings

from newsdesk.index.embedding import WordVectors
from newsdesk.text import stem, tokens

DIMENSION = 256


def _word_vector(word: str) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(stem(word).encode()).digest()[:8], "little")
    vector = np.random.default_rng(seed).standard_normal(DIMENSION).astype(np.float32)
    return vector / np.linalg.norm(vector)


class FakeEmbedder(Embeddings):
    """The `newsdesk.index.embedding.Embedder` interface, with bag-of-stems vectors."""

    model_name = "fake-bag-of-stems"
    dimension = DIMENSION

    def warm_up(self) -> None:
        """Nothing to load."""

    def embed(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            vector = np.zeros(DIMENSION, dtype=np.float32)
            for token in tokens(text):
                vector += _word_vector(token.text)
            norm = float(np.linalg.norm(vector))
            rows.append(vector / norm if norm else vector)
        return np.stack(rows) if rows else np.zeros((0, DIMENSION), dtype=np.float32)

    def word_vectors(self, texts: list[str]) -> list[WordVectors]:
        """Each word's own stem vector: a word is met only by the same stem (no context, no paraphrase)."""
        rows = []
        for text in texts:
            words = tokens(text)
            vectors = [_word_vector(token.text) for token in words]
            rows.append(WordVectors(tuple(t.text for t in words),
                                    np.stack(vectors) if vectors else np.zeros((0, DIMENSION), dtype=np.float32)))
        return rows

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0].tolist()
