"""PDF: the text of each page by pypdf, pages joined by a blank line, page starts kept.

``Article.pages`` holds the body offset where each page starts, so a citation
at offset ``start`` is on page ``bisect_right(pages, start)`` ("p. 3").
Title and author come from the document information (``/Title``, ``/Author``);
an ``/Outlet`` or ``/Publisher`` entry names the outlet and a ``/Published``
entry (YYYY-MM-DD) the date. ``/CreationDate`` is not used: it is when the PDF
was made, often the day it was saved, not when the article was published.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from newsdesk.articles import formats
from newsdesk.articles.corpus import Article, finished_body, parse_date
from newsdesk.articles.corpus import _first_line as first_line
from newsdesk.articles.corpus import read_bytes
from newsdesk.errors import CorpusError

PAGE_SEPARATOR = "\n\n"


def load(path: Path, doc_id: str, max_file_bytes: int) -> formats.LoadedFile:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    raw = read_bytes(path, max_file_bytes, binary_format=True)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise CorpusError(path, "the PDF is encrypted; save an unprotected copy.")
        page_texts = [_page_text(page) for page in reader.pages]
        info: dict[str, Any] = dict(reader.metadata or {})
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise CorpusError(path, f"not a readable PDF ({str(exc)[:80]}); re-export it.") from exc
    if not any(text.strip() for text in page_texts):
        raise CorpusError(path, "the PDF has no text layer (a scan?); run OCR on it or add a text version.")
    notes: list[str] = []
    pages: list[int] = []
    body = ""
    for text in page_texts:
        if body:
            body += PAGE_SEPARATOR
        pages.append(len(body))
        body += text
    body = finished_body(body + "\n", path, notes)
    article = Article(
        doc_id=doc_id,
        path=path,
        title=_info(info, "/Title") or first_line(body),
        body=body,
        outlet=_info(info, "/Outlet") or _info(info, "/Publisher"),
        published=parse_date(_info(info, "/Published"), notes),
        author=_info(info, "/Author"),
        pages=tuple(pages),
    )
    return formats.LoadedFile(articles=[article], notes=notes)


def page_of(pages: tuple[int, ...] | list[int], offset: int) -> int | None:
    """The 1-based page holding body offset ``offset``; None for a document without pages."""
    if not pages:
        return None
    from bisect import bisect_right

    return max(1, bisect_right(pages, offset))


def _page_text(page: Any) -> str:
    text = page.extract_text() or ""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _info(info: dict[str, Any], key: str) -> str | None:
    value = info.get(key)
    text = " ".join(str(value).split()) if value else ""
    return text or None
