"""File formats: one loader module per format, registered by file extension here.

A loader turns one file into one or more `Article`s whose ``body`` is the text
every citation offset points into (and that ``newsdesk show`` prints). Adding
a format is one module with a ``load(path, doc_id, max_file_bytes)`` function
and one line in `LOADERS`. Heavy parsers (trafilatura, pypdf) are imported by
their loader only when such a file is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.articles.corpus import Article
from newsdesk.errors import CorpusError, DocumentNotFoundError


@dataclass
class LoadedFile:
    """What one file produced: its articles, notes about it, and parts that failed (a bad JSON line)."""

    articles: list[Article] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failures: list[CorpusError] = field(default_factory=list)


Loader = Callable[[Path, str, int], LoadedFile]


from newsdesk.articles.formats import html, jsonl, pdf, plain  # noqa: E402 (they import LoadedFile from here)

# The one place formats are registered, by lower-case file extension.
LOADERS: dict[str, Loader] = {
    ".md": plain.load,
    ".markdown": plain.load,
    ".txt": plain.load,
    ".html": html.load,
    ".htm": html.load,
    ".pdf": pdf.load,
    ".jsonl": jsonl.load,
}
SUPPORTED_SUFFIXES = frozenset(LOADERS)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def supported_list() -> str:
    return ", ".join(sorted(SUPPORTED_SUFFIXES))


def load_file(path: Path, doc_id: str, max_file_bytes: int = 10_000_000) -> LoadedFile:
    """Load ``path`` with the loader of its extension; raises `CorpusError` when the whole file is unusable."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise CorpusError(path, f"unsupported file type {path.suffix or '(none)'}; use one of {supported_list()}.")
    return loader(path, doc_id, max_file_bytes)


def load_document(path: Path, doc_id: str, max_file_bytes: int = 10_000_000) -> Article:
    """The one article ``doc_id`` of ``path`` (a JSON Lines file holds many)."""
    file_id = doc_id.split("#", 1)[0] if path.suffix.lower() == ".jsonl" else doc_id
    for article in load_file(path, file_id, max_file_bytes).articles:
        if article.doc_id == doc_id:
            return article
    raise DocumentNotFoundError(doc_id)
