"""Corpus loading: a folder of articles becomes `Article` objects.

Each file is read by the loader of its format (`newsdesk.articles.formats`: Markdown,
text, HTML, PDF, JSON Lines). A Markdown or plain-text article is a file with optional YAML front matter
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
import errno
import hashlib
import json
import os
import re
import stat
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsdesk.display import visible
from newsdesk.errors import CorpusError

MAX_FIELD_CHARS = 300  # longest title, outlet, author or URL kept (each chunk's metadata repeats them)
KNOWN_FIELDS = ("title", "outlet", "published", "author", "url")
_BINARY_SNIFF_BYTES = 8192
_EDITOR_TEMP_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".part", ".crdownload")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_READ_ATTEMPTS = 3  # a file rewritten during the read is read again this many times
# A file saved this recently may be half-written by a writer the scheduler paused mid-save: nothing in the
# file tells a paused save from a finished one, so such a file is trusted only once it stays quiet this long.
_SETTLE_SECONDS = 0.1
_NOT_REGULAR = "not a regular file (a pipe, device or socket); only plain text files are read. Remove it."
# Control characters other than tab and newline: terminal escapes, bells, stray NULs.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Above this share of control characters, "text" is really binary data decoded as Latin-1.
_BINARY_CONTROL_SHARE = 0.15  # random bytes give about 0.25, colourised logs a few per cent


@lru_cache(maxsize=1)
def _front_matter_loader() -> type:
    """Safe YAML with timestamps left as text, so `_parse_date` judges them (2024-13-45 must not raise).
    Built on first use: answering a question reads no front matter, and PyYAML's import is 0.05 s."""
    import yaml

    # libyaml's parser when PyYAML was built with it: the pure-Python one was 4.5 of 49 s of a
    # one-article edit at 10k documents (every file's front matter is read; docs/benchmarks.md).
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class FrontMatterLoader(base):  # type: ignore[misc, valid-type]
        pass

    FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
    return FrontMatterLoader


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
    pages: tuple[int, ...] = ()  # body offset where each page starts (PDF); empty for unpaged formats

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
    unreadable_dirs: list[Path] = field(default_factory=list)  # absolute; their documents keep old versions
    listed_roots: list[Path] = field(default_factory=list)  # absolute roots that could be listed
    failed_roots: list[Path] = field(default_factory=list)

    def may_hold(self, path: str | Path) -> bool:
        """True when a file at ``path`` may exist but could not be seen this time: it is inside an
        unreadable folder, or, when a root failed, outside every root that could be listed
        (a mistyped or unmounted root must not delete what was indexed from it)."""
        where = Path(os.path.abspath(path))
        if any(where.is_relative_to(directory) for directory in self.unreadable_dirs):
            return True
        return bool(self.failed_roots) and not any(where.is_relative_to(root) for root in self.listed_roots)


def load_corpus(roots: Iterable[Path], max_file_bytes: int = 10_000_000) -> LoadReport:
    """Load every supported article under ``roots``; report the rest by path.

    A root or subfolder that cannot be listed is a failure too, recorded in
    ``unreadable_dirs`` so the documents under it keep their previous versions.
    """
    from newsdesk.articles.formats import load_file

    report = LoadReport()
    seen: dict[str, Path] = {}
    for root in roots:
        root = Path(os.path.abspath(root))  # stored paths must not depend on the working directory
        problem = _root_problem(root)
        if problem:
            report.failures.append(CorpusError(root, problem))
            report.failed_roots.append(root)
            continue
        report.listed_roots.append(root)
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
                loaded = load_file(path, doc_id, max_file_bytes)
            except CorpusError as exc:
                exc.doc_id = doc_id
                report.failures.append(exc)
                continue
            seen[doc_id] = root
            for article in loaded.articles:
                seen[article.doc_id] = root
            report.articles.extend(loaded.articles)
            report.failures.extend(loaded.failures)
            report.warnings.extend(CorpusError(path, note) for note in loaded.notes)
    report.articles.sort(key=lambda a: a.doc_id)
    return report


def _root_problem(root: Path) -> str | None:
    """Why a corpus root cannot be trusted to list the corpus (missing, not a folder, unreadable, empty)."""
    try:
        info = root.stat()
    except FileNotFoundError:
        return "corpus directory does not exist (a typo, or a drive not mounted?); check --corpus. Indexed documents under it are kept."
    except OSError as exc:
        return f"cannot open the corpus directory: {_dir_reason(exc)}; indexed documents under it are kept."
    if not stat.S_ISDIR(info.st_mode):
        return "corpus path is not a directory; give the folder that holds the articles. Indexed documents under it are kept."
    try:
        with os.scandir(root) as entries:
            empty = next(entries, None) is None
    except OSError as exc:
        return f"cannot list the corpus directory: {_dir_reason(exc)}; indexed documents under it are kept."
    if empty:
        return (
            "corpus directory is empty (a drive not mounted?); indexed documents under it are kept. "
            "Remove it from the corpus setting if it is meant to be empty."
        )
    return None


def _walk_files(root: Path, report: LoadReport) -> Iterator[Path]:
    """Regular files under ``root`` in a stable order, never following directory links.

    A file link that leads outside the corpus is skipped: a folder someone else
    filled must not make newsdesk quote ``~/.ssh/id_rsa`` in a chat.
    """
    real_root = root.resolve()

    def unreadable(exc: OSError) -> None:
        directory = Path(exc.filename) if exc.filename else root
        report.failures.append(
            CorpusError(directory, f"cannot list this folder: {_dir_reason(exc)}; indexed documents under it are kept.")
        )
        report.unreadable_dirs.append(directory)

    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable):
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
    from newsdesk.articles.formats import is_supported, supported_list

    if not is_supported(path):
        return f"unsupported file type {path.suffix or '(none)'}; use one of {supported_list()}"
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
    raw = read_bytes(path, max_file_bytes)
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
    # A title taken from the body is marked like a front-matter one, without a note: the body itself is fine.
    title = meta.pop("title", None) or shown_field("title", _first_line(body), [])
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


def read_bytes(path: Path, max_file_bytes: int, binary_format: bool = False) -> bytes:
    """The file's bytes from one open; a file rewritten while it was read is read again, then refused.

    Text formats refuse NUL bytes (binary data); ``binary_format`` loaders (PDF) take them.
    """
    for attempt in range(_READ_ATTEMPTS):
        raw = _read_stable(path, max_file_bytes)
        if raw is not None:
            break
        time.sleep(0.05 * (attempt + 1))
    else:
        raise CorpusError(
            path, "file kept changing while it was read (being written?); its previous version is kept. Reindex again."
        )
    if not binary_format and b"\x00" in raw[:_BINARY_SNIFF_BYTES] and not raw.startswith(_UTF16_BOMS):
        raise CorpusError(path, "binary data, not text (contains NUL bytes); convert it to .md or .txt.")
    return raw


def _read_stable(path: Path, max_file_bytes: int) -> bytes | None:
    """Read once through one descriptor; None when size, mtime or length moved during the read."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then refuses it.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb", buffering=0) as handle:
            before = os.fstat(handle.fileno())
            _check_regular_and_small(path, before, max_file_bytes)
            raw = handle.read(max_file_bytes + 1)
            after = os.fstat(handle.fileno())
            settled = _stays_quiet(handle.fileno(), after)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket: open() refuses it before fstat could
            raise CorpusError(path, _NOT_REGULAR) from exc
        raise CorpusError(path, _os_reason(exc)) from exc
    _check_regular_and_small(path, after, max_file_bytes)
    unchanged = (before.st_size, before.st_mtime_ns, before.st_ctime_ns) == (
        after.st_size, after.st_mtime_ns, after.st_ctime_ns
    )
    return raw if unchanged and settled and len(raw) == after.st_size else None


def _stays_quiet(descriptor: int, seen: os.stat_result) -> bool:
    """True unless the file, saved within the settle time, changes before that time has passed."""
    age = time.time() - seen.st_mtime_ns / 1e9
    if age >= _SETTLE_SECONDS:
        return True
    time.sleep(_SETTLE_SECONDS - max(age, 0.0))
    later = os.fstat(descriptor)
    return (later.st_size, later.st_mtime_ns) == (seen.st_size, seen.st_mtime_ns)


def _check_regular_and_small(path: Path, info: os.stat_result, max_file_bytes: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise CorpusError(path, _NOT_REGULAR)
    if info.st_size > max_file_bytes:
        raise CorpusError(
            path,
            f"file is {info.st_size / 1e6:.1f} MB, over the {max_file_bytes / 1e6:.1f} MB limit; "
            "split it or raise max_file_mb.",
        )


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


def finished_body(text: str, path: Path, notes: list[str]) -> str:
    """Text extracted from another format (HTML, PDF, JSON) made a body: newlines normalised,
    control characters replaced (noted), and never empty."""
    text, control_note = _replace_control_characters(text.replace("\r\n", "\n").replace("\r", "\n"), path)
    notes.extend(control_note)
    if not _has_visible_text(text):
        raise CorpusError(path, "empty article: no visible text; add the text or remove the file.")
    return text


def _has_visible_text(body: str) -> bool:
    """False for a body of only white space and invisible format characters (zero-width spaces)."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in body)


def _dir_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied (make it listable: chmod a+rx)"
    return str(exc.strerror or exc)


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
    import yaml

    try:
        data = yaml.load(front, Loader=_front_matter_loader()) if front.strip() else {}  # noqa: S506 (safe loader)
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


parse_date = _parse_date


def _clean_text_field(key: str, value: Any, notes: list[str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        notes.append(f"front-matter field {key!r} should be text, got a {type(value).__name__}; ignored.")
        return None
    return shown_field(key, " ".join(str(value).split()), notes) or None


def shown_field(key: str, text: str, notes: list[str]) -> str:
    """A title, outlet, author or URL as it may be shown: YAML escapes such as ``\\e`` are decoded by
    now, so control and invisible characters (ESC, bidi overrides, zero-width joiners) become visible
    ``<U+XXXX>`` markers; over `MAX_FIELD_CHARS` the text is cut. Each change is noted."""
    shown = visible(text)
    if shown != text:
        hidden = sorted({f"U+{ord(ch):04X}" for ch in text if visible(ch) != ch})
        notes.append(
            f"{key} holds control or invisible characters ({', '.join(hidden[:4])}); shown as <U+...> markers."
        )
    if len(shown) > MAX_FIELD_CHARS:
        notes.append(f"{key} is {len(shown):,} characters long; cut to {MAX_FIELD_CHARS}.")
        shown = shown[: MAX_FIELD_CHARS - 1] + "…"
    return shown


def _first_line(body: str) -> str:
    for line in body.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:200]
    return ""
