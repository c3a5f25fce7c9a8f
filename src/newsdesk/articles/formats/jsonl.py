"""JSON Lines exports: one article per line.

Fields: ``title``, ``text`` or ``body``, ``published`` (ISO date), ``url``,
``outlet`` or ``source`` (a name, or an object with a ``name``), ``author``.
A line's document id is ``FILE#`` plus a short hash of its url (stable when
lines are added or reordered), or ``FILE#LINE`` for a line without a url.
A bad line is reported with the file and line number; the others still load.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from newsdesk.articles import formats
from newsdesk.articles.corpus import Article, decode_text, finished_body, parse_date
from newsdesk.articles.corpus import _first_line as first_line
from newsdesk.articles.corpus import read_bytes
from newsdesk.errors import CorpusError

TEXT_FIELDS = ("text", "body")
OUTLET_FIELDS = ("outlet", "source")


def load(path: Path, doc_id: str, max_file_bytes: int) -> formats.LoadedFile:
    text, notes = decode_text(read_bytes(path, max_file_bytes))
    loaded = formats.LoadedFile(notes=notes)
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = _record(line)
            line_id = line_doc_id(doc_id, number, record.get("url"), seen)
            article = _article(path, line_id, record, loaded.notes)
        except CorpusError as exc:
            loaded.failures.append(CorpusError(f"{path}:{number}", exc.reason, doc_id=f"{doc_id}#{number}"))
            continue
        seen.add(line_id)
        loaded.articles.append(article)
    if not loaded.articles and not loaded.failures:
        raise CorpusError(path, "empty JSON Lines file: no article lines; add one JSON object per line.")
    return loaded


def line_doc_id(file_id: str, number: int, url: Any, seen: set[str]) -> str:
    if isinstance(url, str) and url.strip():
        candidate = f"{file_id}#{hashlib.sha256(url.strip().encode()).hexdigest()[:10]}"
        if candidate not in seen:
            return candidate
    return f"{file_id}#{number}"


def _record(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError("", f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line.") from exc
    if not isinstance(record, dict):
        raise CorpusError("", f"expected a JSON object per line, got {type(record).__name__}.")
    return record


def _article(path: Path, doc_id: str, record: dict[str, Any], notes: list[str]) -> Article:
    raw_text = next((record[key] for key in TEXT_FIELDS if isinstance(record.get(key), str) and record[key].strip()), None)
    if raw_text is None:
        raise CorpusError("", "no article text: give it a non-empty \"text\" or \"body\" field.")
    body = finished_body(raw_text if raw_text.endswith("\n") else raw_text + "\n", path, notes)
    return Article(
        doc_id=doc_id,
        path=path,
        title=_text(record.get("title")) or first_line(body),
        body=body,
        outlet=_outlet(record),
        published=parse_date(record.get("published"), notes),
        author=_text(record.get("author")),
        url=_text(record.get("url")),
    )


def _outlet(record: dict[str, Any]) -> str | None:
    for key in OUTLET_FIELDS:
        value = record.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if _text(value):
            return _text(value)
    return None


def _text(value: Any) -> str | None:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    text = " ".join(str(value).split())
    return text or None
