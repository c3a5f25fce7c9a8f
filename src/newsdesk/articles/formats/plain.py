"""Markdown and plain text, with optional YAML front matter (see `newsdesk.articles.corpus.read_article`)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.articles import formats
from newsdesk.articles.corpus import read_article


def load(path: Path, doc_id: str, max_file_bytes: int) -> formats.LoadedFile:
    article, notes = read_article(path, doc_id, max_file_bytes)
    return formats.LoadedFile(articles=[article], notes=notes)
