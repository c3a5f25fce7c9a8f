"""Wire copies: the same agency story run by several outlets, lightly edited, is embedded once.

Articles whose word 3-shingle sets are similar (MinHash with LSH from
``datasketch``, Jaccard at least ``settings.duplicate_threshold``) form a
family. The family's canonical copy is the earliest published (then the
smallest document id); every other copy is indexed only with the chunks the
canonical copy does not already say (no near-identical chunk with the same
figures), so an identical or lightly edited copy adds no vectors and a copy
with a changed figure keeps that chunk (and its claim) to dispute.
Citations name the other outlets of the family (`newsdesk.answer.provenance`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from langchain_core.documents import Document

from newsdesk.articles.corpus import Article

NUM_PERM = 128
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def shingles(body: str) -> set[bytes]:
    words = _WORD.findall(body.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


class SignatureCache(Protocol):
    """MinHash signatures (``hashvalues``) by body key, kept between reindexes: an edit computes one, not all."""

    def get(self, keys: list[str]) -> dict[str, np.ndarray]: ...

    def put(self, signatures: dict[str, np.ndarray]) -> None: ...


def body_key(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def signature_key(scheme: str, body: str) -> str:
    """A cached signature's key: datasketch's hash scheme (another scheme gives other values) and the body."""
    return f"{scheme}:{body_key(body)}"


def wire_families(articles: Iterable[Article], threshold: float, cache: SignatureCache | None = None) -> dict[str, str]:
    """``{copy doc_id: canonical doc_id}`` for every article that is a near-duplicate of an earlier one.

    With a ``cache``, only bodies it has no signature for are shingled and hashed (the families are then
    found over all signatures, as without it: a changed article can join or leave any family).
    """
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    ordered = sorted(articles, key=_canonical_order)
    template = MinHash(num_perm=NUM_PERM)  # its hash scheme names the cached signatures; its permutations are reused
    keys = {article.doc_id: signature_key(template.scheme, article.body) for article in ordered}
    stored = cache.get(sorted(set(keys.values()))) if cache is not None else {}
    computed: dict[str, np.ndarray] = {}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[str, Any] = {}
    canonical_of: dict[str, str] = {}
    ordered_index: dict[str, int] = {}
    for article in ordered:
        key = keys[article.doc_id]
        hashvalues = stored.get(key, computed.get(key))
        if hashvalues is None:
            grams = shingles(article.body)
            if not grams:
                continue
            fresh = MinHash(num_perm=NUM_PERM, permutations=template.permutations, scheme=template.scheme)
            fresh.update_batch(list(grams))
            hashvalues = computed[key] = fresh.hashvalues
        signature = LeanMinHash(
            seed=template.seed, hashvalues=hashvalues.astype(template.hashvalues.dtype), scheme=template.scheme
        )
        matches = [
            doc_id for doc_id in lsh.query(signature) if signature.jaccard(signatures[doc_id]) >= threshold
        ]
        if matches:
            # The earliest matching article's family; `ordered` makes its canonical the earliest of all.
            first = min(matches, key=lambda doc_id: ordered_index[doc_id])
            canonical_of[article.doc_id] = canonical_of.get(first, first)
        signatures[article.doc_id] = signature
        lsh.insert(article.doc_id, signature)
        ordered_index[article.doc_id] = len(ordered_index)
    if cache is not None and computed:
        cache.put(computed)
    return canonical_of


def _canonical_order(article: Article) -> tuple[int, str, str]:
    """Dated before undated, earlier before later, then by id: the first of a family is its canonical copy."""
    return (article.published is None, article.published_iso, article.doc_id)


def canonicals_first(articles: list[Article], families: dict[str, str]) -> list[Article]:
    """Copies after every canonical article, so a copy's chunks can be compared with its canonical's."""
    return sorted(articles, key=lambda article: article.doc_id in families)


@dataclass(frozen=True)
class ChunkPrint:
    """What decides whether a copy's chunk says nothing new: its shingles and its figures."""

    grams: frozenset[bytes]
    figures: tuple[str, ...]


def chunk_print(text: str) -> ChunkPrint:
    return ChunkPrint(frozenset(shingles(text)), tuple(sorted(m.replace(",", "") for m in _FIGURE.findall(text))))


def new_chunks(chunks: list[Document], canonical: list[ChunkPrint], threshold: float) -> list[Document]:
    """The chunks of a copy that its canonical copy does not already say.

    A chunk is already said when a canonical chunk is near-identical to it
    (shingle Jaccard at least ``threshold``) *and* has the same figures: a light
    edit is dropped, a changed number is kept so that it can be disputed.
    """
    return [chunk for chunk in chunks if not _already_said(chunk_print(chunk.page_content), canonical, threshold)]


def _already_said(chunk: ChunkPrint, canonical: list[ChunkPrint], threshold: float) -> bool:
    return any(chunk.figures == other.figures and _jaccard(chunk.grams, other.grams) >= threshold for other in canonical)


def _jaccard(left: frozenset[bytes], right: frozenset[bytes]) -> float:
    if not left and not right:
        return 1.0
    return len(left & right) / len(left | right)
