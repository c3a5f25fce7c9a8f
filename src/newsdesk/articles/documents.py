"""The documents a user brings and manages from the chat: upload, list, open, delete.

Uploads land in ``settings.upload_folder`` of the first corpus root, under a
sanitised name that cannot leave that folder; the corpus is then reindexed and
each file gets a result (added, updated, unchanged, failed with the reason).
Deleting removes the file from the corpus and reindexes.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.errors import NewsdeskError
from newsdesk.articles.formats import SUPPORTED_SUFFIXES, supported_list
from newsdesk.settings import Settings
from newsdesk.index.store import DocumentEntry, Snapshot

if TYPE_CHECKING:
    from newsdesk.index.indexing import ReindexReport

_UNSAFE = re.compile(r"[^\w.\- ]+")
_MAX_NAME = 120


class UploadError(NewsdeskError):
    """An upload that cannot be accepted (configuration, not a single bad file)."""


class DeleteError(NewsdeskError):
    """A document that cannot be deleted from the chat."""


@dataclass(frozen=True)
class UploadResult:
    """One uploaded file's fate: added, updated, unchanged or failed (with the reason)."""

    name: str
    outcome: str
    reason: str = ""
    doc_ids: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "outcome": self.outcome, "reason": self.reason, "doc_ids": list(self.doc_ids)}


def upload_dir(settings: Settings) -> Path:
    """The upload folder, inside the first corpus root; a path that would leave it is a configuration error."""
    if not settings.corpus:
        raise UploadError("No corpus folder is configured; give --corpus to accept uploads.")
    root = Path(settings.corpus[0]).absolute()
    folder = (root / settings.upload_folder).resolve()
    if settings.upload_folder.is_absolute() or not (folder == root.resolve() or root.resolve() in folder.parents):
        raise UploadError(
            f"upload_folder {settings.upload_folder} is not inside the corpus folder {root}; use a relative path."
        )
    return folder


def safe_name(name: str) -> str:
    """The file name alone (no folders), with only letters, digits, ``. - _`` and spaces; never hidden."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    base = _UNSAFE.sub("_", base).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem[: _MAX_NAME - len(suffix) - 1] or "upload"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def save_uploads(settings: Settings, files: list[tuple[str, Path]]) -> tuple[list[UploadResult], dict[str, Path]]:
    """Check and copy uploaded files into the upload folder.

    Returns the files refused before copying (type, size, count) and the
    accepted ones by upload name -> saved path. A file identical to the one
    already saved under its name is left alone (the reindex reports it unchanged).
    """
    folder = upload_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    refused: list[UploadResult] = []
    saved: dict[str, Path] = {}
    limit = int(settings.upload_max_mb * 1_000_000)
    for position, (original, source) in enumerate(files):
        name = safe_name(original)
        if position >= settings.upload_max_files:
            refused.append(UploadResult(original, "failed", f"more than {settings.upload_max_files} files in one upload"))
            continue
        if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
            refused.append(UploadResult(original, "failed", f"unsupported file type; use one of {supported_list()}"))
            continue
        size = source.stat().st_size
        if size > limit:
            refused.append(
                UploadResult(original, "failed", f"{size / 1e6:.1f} MB is over the {settings.upload_max_mb:g} MB limit")
            )
            continue
        target = folder / name
        if not (target.is_file() and _digest(target) == _digest(source)):
            staging = target.with_name(f".{target.name}.part")
            shutil.copyfile(source, staging)
            staging.replace(target)  # atomic: a reindex never reads half a file
        saved[original] = target
    return refused, saved


def upload_results(saved: dict[str, Path], report: ReindexReport, settings: Settings) -> list[UploadResult]:
    """Each saved file's outcome, read from the reindex that followed the upload."""
    results = []
    for original, path in saved.items():
        doc_id = _doc_id(path, settings)
        ids = _ids_of_file(doc_id, report)
        failures = [f for f in report.failures if f.doc_id and _of_file(f.doc_id, doc_id)]
        if failures and not ids:
            results.append(UploadResult(original, "failed", "; ".join(f.reason for f in failures)))
            continue
        outcome = "unchanged"
        if any(i in report.added for i in ids):
            outcome = "added"
        elif any(i in report.updated for i in ids):
            outcome = "updated"
        reason = "; ".join(f"{f.path.rsplit('/', 1)[-1]}: {f.reason}" for f in failures)
        results.append(UploadResult(original, outcome, reason, tuple(sorted(ids))))
    return results


def _ids_of_file(doc_id: str, report: ReindexReport) -> set[str]:
    every = {*report.added, *report.updated, *report.unchanged}
    return {i for i in every if _of_file(i, doc_id)}


def _of_file(candidate: str, file_id: str) -> bool:
    """True for the file's own id and the ids of its JSON Lines articles (``FILE#...``)."""
    return candidate == file_id or candidate.startswith(f"{file_id}#")


def _doc_id(path: Path, settings: Settings) -> str:
    return path.relative_to(Path(settings.corpus[0]).absolute().resolve()).as_posix()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document_rows(snapshot: Snapshot, query: str = "") -> list[list[Any]]:
    """Table rows (title, outlet, date, chunks, wire copy of, id) of documents matching ``query``, newest first."""
    words = query.casefold().split()
    rows = []
    for doc_id, entry in snapshot.documents.items():
        haystack = f"{entry.title} {entry.outlet} {entry.published} {doc_id}".casefold()
        if all(word in haystack for word in words):
            rows.append([entry.title, entry.outlet, entry.published, entry.chunks, entry.copy_of, doc_id])
    rows.sort(key=lambda row: (row[2] or "", row[-1]), reverse=True)
    return rows


def delete_document(settings: Settings, snapshot: Snapshot, doc_id: str) -> Path:
    """Remove the file of ``doc_id`` from the corpus (the caller reindexes). Returns the removed path."""
    entry: DocumentEntry | None = snapshot.documents.get(doc_id)
    if entry is None:
        raise DeleteError(f"No document {doc_id!r} in the index; refresh the list.")
    if "#" in doc_id and entry.path.endswith(".jsonl"):
        raise DeleteError(
            f"{doc_id} is one line of {Path(entry.path).name}; remove that line from the file, or delete the whole file."
        )
    path = Path(entry.path)
    roots = [Path(root).absolute().resolve() for root in settings.corpus]
    if not any(root in path.resolve().parents for root in roots):
        raise DeleteError(f"{path} is not inside the corpus folders; it was not deleted.")
    path.unlink(missing_ok=True)
    return path

