"""Saved web pages: the article's main text by trafilatura, metadata from the page's tags.

Navigation, adverts and footers are left out by trafilatura's extraction. The
body is the extracted text with one blank line between paragraphs; title,
date, author, outlet (site name) and url come from the page's metadata
(Open Graph, ``<meta>``, JSON-LD, canonical link).
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.articles import formats
from newsdesk.articles.corpus import Article, decode_text, finished_body, parse_date
from newsdesk.articles.corpus import read_bytes
from newsdesk.errors import CorpusError


def load(path: Path, doc_id: str, max_file_bytes: int) -> formats.LoadedFile:
    import trafilatura

    page, notes = decode_text(read_bytes(path, max_file_bytes))
    extracted = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
    )
    text = getattr(extracted, "text", None) or ""
    if not text.strip():
        raise CorpusError(
            path, "no article text found in the page (only navigation or scripts?); save the article page itself."
        )
    paragraphs = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    body = finished_body("\n\n".join(paragraphs) + "\n", path, notes)
    title = _clean(getattr(extracted, "title", None)) or paragraphs[0][:200]
    article = Article(
        doc_id=doc_id,
        path=path,
        title=title,
        body=body,
        outlet=_clean(getattr(extracted, "sitename", None)),
        published=parse_date(getattr(extracted, "date", None), notes),
        author=_clean(getattr(extracted, "author", None)),
        url=_clean(getattr(extracted, "url", None)),
    )
    return formats.LoadedFile(articles=[article], notes=notes)


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
