"""Annotation: one pass over an article version gives its sentences, who said each clause, and its claims.

Chunking (the claimant in each chunk's metadata) and the claim ledger both
read the same `Annotation`, so a sentence is attributed once per article
version, and the claimant an answer names is the claimant the ledger holds.
Annotations are kept per content hash (the body and the front matter), so a
reindex that chunks an article and then extracts its claims annotates it once.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from dataclasses import dataclass

from newsdesk.articles.chunking import paragraph_sentences
from newsdesk.claims.extraction import Claim, claims_of
from newsdesk.claims.attribution import Attribution, Clause, attribute_clauses
from newsdesk.articles.corpus import Article
from newsdesk.text import Span

_KEPT = 1024  # annotations kept in memory (a reindex reads each article twice, in two passes)


@dataclass(frozen=True)
class AnnotatedSentence:
    """A sentence of the body with its clauses, each attributed (or not)."""

    span: Span
    clauses: tuple[Clause, ...]

    @property
    def attribution(self) -> Attribution | None:
        """The sentence's claimant: that of its first attributed clause."""
        return next((clause.attribution for clause in self.clauses if clause.attribution), None)


@dataclass(frozen=True)
class Annotation:
    """Everything newsdesk reads from one article version before indexing it."""

    doc_id: str
    content_hash: str
    sentences: tuple[AnnotatedSentence, ...]
    claims: tuple[Claim, ...]

    def attribution_at(self, offset: int) -> Attribution | None:
        """The attribution of the sentence holding ``offset`` (a chunk may cut an over-long sentence)."""
        starts = [sentence.span.start for sentence in self.sentences]
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0 or offset >= self.sentences[index].span.end:
            return None
        return self.sentences[index].attribution


_lock = threading.Lock()
_kept: OrderedDict[tuple[str, str], Annotation] = OrderedDict()


def annotate(article: Article) -> Annotation:
    """The annotation of ``article``, computed once per (document, content hash)."""
    key = (article.doc_id, article.content_hash)
    with _lock:
        found = _kept.get(key)
        if found is not None:
            _kept.move_to_end(key)
            return found
    annotation = _annotate(article)
    with _lock:
        _kept[key] = annotation
        while len(_kept) > _KEPT:
            _kept.popitem(last=False)
    return annotation


def _annotate(article: Article) -> Annotation:
    body = article.body
    spans = [s for _, sentences in paragraph_sentences(body) for s in sentences]
    clauses = attribute_clauses(body, spans, article.outlet)
    sentences = tuple(AnnotatedSentence(span, tuple(c)) for span, c in zip(spans, clauses, strict=True))
    claims = tuple(claims_of(article, [(s.span, list(s.clauses)) for s in sentences]))
    return Annotation(article.doc_id, article.content_hash, sentences, claims)


def extract_claims(article: Article) -> list[Claim]:
    """Every attributed claim of ``article``, in reading order."""
    return list(annotate(article).claims)
