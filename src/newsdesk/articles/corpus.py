"""Corpus loading: a folder of articles becomes `Article` objects.

An article is a Markdown or plain-text file with optional YAML front matter
(``title``, ``outlet``, ``published`` as an ISO date, ``author``, ``url``).
Without front matter the first non-empty line is the title. The *body* is the
decoded text after the front matter, with line endings normalised to ``\\n``;
every character offset newsdesk reports points into it.

A file that cannot be used is reported with its path and a reason; it never
stops the rest of the corpus from loading.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsdesk.errors import CorpusError

SUPPORTED_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
KNOWN_FIELDS = ("title", "outlet", "published", "author", "url")
_BINARY_SNIFF_BYTES = 8192
_EDITOR_TEMP_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".part", ".crdownload")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Control characters other than tab and newline: terminal escapes, bells, stray NULs.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Above this share of control characters, "text" is really binary data decoded as Latin-1.
_BINARY_CONTROL_SHARE = 0.15  # random bytes give about 0.25, colourised logs a few per cent


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML with timestamps left as text, so `_parse_date` judges them (2024-13-45 must not raise)."""


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


@dataclass(frozen=True)
class Article:
    """One news article as newsdesk sees it."""

    doc_id: str
    path: Path
    title: str
    body: str
    outlet: str | None = None
    published: dt.date | None = None
    author: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Changes whenever the body or any metadata changes."""
        meta = {
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "author": self.author,
            "url": self.url,
        }
        digest = hashlib.sha256(json.dumps(meta, sort_keys=True).encode())
        digest.update(self.body.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()[:32]

    @property
    def published_iso(self) -> str:
        return self.published.isoformat() if self.published else ""


@dataclass(frozen=True)
class Skipped:
    """A file left out on purpose (hidden, editor temp file, unsupported type)."""

    path: str
    reason: str


@dataclass
class LoadReport:
    """What loading a corpus produced: articles, failures, notes, skipped files."""

    articles: list[Article] = field(default_factory=list)
    failures: list[CorpusError] = field(default_factory=list)
    warnings: list[CorpusError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def load_corpus(roots: Iterable[Path], max_file_bytes: int = 10_000_000) -> LoadReport:
    """Load every supported article under ``roots``; report the rest by path."""
    report = LoadReport()
    seen: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            report.failures.append(
                CorpusError(root, "corpus directory does not exist (check --corpus).")
            )
            continue
        for path in _walk_files(root, report):
            doc_id = path.relative_to(root).as_posix()
            if not _is_valid_utf8(doc_id):
                report.failures.append(
                    CorpusError(_printable_path(path), "file name is not valid UTF-8; rename the file.")
                )
                continue
            if doc_id in seen:
                report.failures.append(
                    CorpusError(path, f"document id {doc_id!r} also exists under {seen[doc_id]}; rename one.")
                )
                continue
            try:
                article, notes = read_article(path, doc_id, max_file_bytes)
            except CorpusError as exc:
                exc.doc_id = doc_id
                report.failures.append(exc)
                continue
            seen[doc_id] = root
            report.articles.append(article)
            report.warnings.extend(CorpusError(path, note) for note in notes)
    report.articles.sort(key=lambda a: a.doc_id)
    return report


def _walk_files(root: Path, report: LoadReport) -> Iterator[Path]:
    """Regular files under ``root`` in a stable order, never following directory links.

    A file link that leads outside the corpus is skipped: a folder someone else
    filled must not make newsdesk quote ``~/.ssh/id_rsa`` in a chat.
    """
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=None):
        current = Path(dirpath)
        kept_dirs = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            if (current / name).is_symlink():
                report.skipped.append(
                    Skipped(str(current / name), "directory symlink not followed (avoids loops)")
                )
                continue
            kept_dirs.append(name)
        dirnames[:] = kept_dirs
        for name in sorted(filenames):
            path = current / name
            reason = _skip_reason(path) or _outside_link_reason(path, real_root)
            if reason:
                report.skipped.append(Skipped(str(path), reason))
                continue
            yield path


def _skip_reason(path: Path) -> str | None:
    name = path.name
    if name.startswith("."):
        return "hidden file"
    if name.endswith(_EDITOR_TEMP_SUFFIXES) or (name.startswith("#") and name.endswith("#")):
        return "editor or temporary file"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"unsupported file type {path.suffix or '(none)'}; use .md or .txt"
    return None


def _outside_link_reason(path: Path, real_root: Path) -> str | None:
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None  # broken or looping link: reading it reports why
    if target == real_root or real_root in target.parents:
        return None
    return f"symbolic link to {target}, outside the corpus; copy the file into the corpus instead"


def _is_valid_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable_path(path: Path) -> str:
    """A path whose name holds undecodable bytes, with those bytes shown as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def read_article(path: Path, doc_id: str, max_file_bytes: int = 10_000_000) -> tuple[Article, list[str]]:
    """Read one article. Returns it with notes (e.g. a fallback encoding was used).

    Raises ``CorpusError`` naming the file and what to do when it cannot be used.
    """
    raw = _read_bytes(path, max_file_bytes)
    text, notes = decode_text(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, control_note = _replace_control_characters(text, path)
    notes.extend(control_note)
    front, body = split_front_matter(text, path)
    if not _has_visible_text(body):
        raise CorpusError(
            path, "empty article: no visible text after the front matter; add the text or remove the file."
        )
    meta, meta_notes = _parse_metadata(front, path)
    notes.extend(meta_notes)
    title = meta.pop("title", None) or _first_line(body)
    article = Article(
        doc_id=doc_id,
        path=path,
        title=title,
        body=body,
        outlet=meta.pop("outlet", None),
        published=meta.pop("published", None),
        author=meta.pop("author", None),
        url=meta.pop("url", None),
        extra=meta,
    )
    return article, notes


def _read_bytes(path: Path, max_file_bytes: int) -> bytes:
    try:
        info = path.stat()
    except OSError as exc:
        raise CorpusError(path, _os_reason(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise CorpusError(
            path, "not a regular file (a pipe, device or socket); only plain text files are read. Remove it."
        )
    if info.st_size > max_file_bytes:
        raise CorpusError(
            path,
            f"file is {info.st_size / 1e6:.1f} MB, over the {max_file_bytes / 1e6:.1f} MB limit; "
            "split it or raise max_file_mb.",
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, _os_reason(exc)) from exc
    if b"\x00" in raw[:_BINARY_SNIFF_BYTES] and not raw.startswith(_UTF16_BOMS):
        raise CorpusError(path, "binary data, not text (contains NUL bytes); convert it to .md or .txt.")
    return raw


def _replace_control_characters(text: str, path: Path) -> tuple[str, list[str]]:
    """Control characters become spaces (offsets stay put); mostly-control text is binary."""
    found = _CONTROL.findall(text)
    if not found:
        return text, []
    if len(found) > _BINARY_CONTROL_SHARE * len(text):
        raise CorpusError(
            path,
            f"binary data, not text ({len(found)} control characters in {len(text)}); convert it to .md or .txt.",
        )
    example = f"U+{ord(found[0]):04X}"
    note = f"{len(found)} control characters (first {example}) replaced by spaces; remove them from the file."
    return _CONTROL.sub(" ", text), [note]


def _has_visible_text(body: str) -> bool:
    """False for a body of only white space and invisible format characters (zero-width spaces)."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in body)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied; make the file readable (chmod a+r)."
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop; fix or remove the link."
    if isinstance(exc, FileNotFoundError):
        return "file vanished or is a broken symbolic link."
    return f"cannot read file ({exc.strerror or exc})."


def decode_text(raw: bytes) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252, else Latin-1; say which."""
    if raw.startswith(_UTF16_BOMS):
        try:
            return raw.decode("utf-16"), ["encoded as UTF-16; decoded. Re-save as UTF-8 to silence this."]
        except UnicodeDecodeError:
            pass  # not really UTF-16: the fallbacks below decode it, the control-character check judges it
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for encoding, label in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, [f"not valid UTF-8 (byte {first_bad}); decoded as {label}. Re-save as UTF-8 to silence this."]
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def split_front_matter(text: str, path: Path | str = "<text>") -> tuple[str | None, str]:
    """Split ``---``-fenced YAML front matter from the body. No fence: no front matter."""
    if not text.startswith("---\n"):
        return None, text
    end = _front_matter_end(text)
    if end is None:
        raise CorpusError(path, "front matter opened with '---' on line 1 is never closed; add a '---' line after it.")
    fence_start, body_start = end
    return text[4:fence_start], text[body_start:]


def _front_matter_end(text: str) -> tuple[int, int] | None:
    position = 4
    while position <= len(text):
        newline = text.find("\n", position)
        line_end = len(text) if newline == -1 else newline
        if text[position:line_end].rstrip() in ("---", "..."):
            return position, min(line_end + 1, len(text))
        if newline == -1:
            return None
        position = newline + 1
    return None


def _parse_metadata(front: str | None, path: Path) -> tuple[dict[str, Any], list[str]]:
    if front is None:
        return {}, []
    try:
        data = yaml.load(front, Loader=_FrontMatterLoader) if front.strip() else {}  # noqa: S506 (safe loader)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at front-matter line {where.line + 2}" if where is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CorpusError(path, f"front matter is not valid YAML{line}: {problem}.") from exc
    except (ValueError, TypeError, RecursionError) as exc:  # odd values PyYAML's constructors reject
        raise CorpusError(path, f"front matter is not valid YAML: {str(exc)[:80]}; fix the front matter.") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CorpusError(
            path, f"front matter must be a mapping of fields (title: ...), not a {type(data).__name__}."
        )
    notes: list[str] = []
    meta: dict[str, Any] = {}
    for key, value in data.items():
        key = str(key)
        if key == "published":
            meta[key] = _parse_date(value, notes)
        elif key in KNOWN_FIELDS:
            meta[key] = _clean_text_field(key, value, notes)
        else:
            meta[key] = value
    return {k: v for k, v in meta.items() if v is not None}, notes


def _parse_date(value: Any, notes: list[str]) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        notes.append(f"published {str(value)[:40]!r} is not an ISO date (YYYY-MM-DD); left empty.")
        return None


def _clean_text_field(key: str, value: Any, notes: list[str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        notes.append(f"front-matter field {key!r} should be text, got a {type(value).__name__}; ignored.")
        return None
    text = " ".join(str(value).split())
    return text or None


def _first_line(body: str) -> str:
    for line in body.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:200]
    return ""
