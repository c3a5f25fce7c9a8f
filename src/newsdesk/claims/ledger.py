"""The claim ledger: every attributed claim of the indexed corpus, stored with the index.

One file per snapshot generation, ``claims/gNNNNNN.json`` under the store,
written atomically by reindex *before* the snapshot that names that
generation is published; readers load the file of the generation they read,
so claims and passages always come from the same corpus. Claims of unchanged
documents are carried over from the previous generation (keyed by the
document's content hash); a deleted document's claims are not. Beside it,
``claims/gNNNNNN.disputes.json`` holds the disputes found among those claims
(`newsdesk.claims.conflicts.write_disputes`), written the same way before the
same publish.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from newsdesk.atomic import write_atomically
from newsdesk.claims.annotation import annotate
from newsdesk.claims.extraction import EXTRACTOR_VERSION, Claim
from newsdesk.articles.corpus import Article
from newsdesk.errors import StoreError
from newsdesk.text import stem, stems_match, tokens
from newsdesk.vocabulary import STOPWORDS

LEDGER_FORMAT = 1
LEDGER_DIR = "claims"


@dataclass(frozen=True)
class LedgerEntry:
    """The claims of one document version."""

    hash: str
    claims: tuple[Claim, ...]
    # The claims as read from the previous ledger file, kept by reindex only: an unchanged document's
    # claims are written back as read, not converted again (a one-article edit at 10k documents).
    # In a ledger read `unparsed` (only to be carried over), ``claims`` is empty and this holds them.
    as_read: list[dict[str, Any]] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Ledger:
    generation: int = 0
    documents: dict[str, LedgerEntry] = field(default_factory=dict)
    extractor: str = EXTRACTOR_VERSION  # claims made by other extraction rules are extracted again
    # The store the ledger was read from, where its generation's stored disputes are (None: not read from one).
    store_root: Path | None = field(default=None, compare=False, repr=False)

    def claims(self) -> list[Claim]:
        return [claim for doc_id in sorted(self.documents) for claim in self.documents[doc_id].claims]

    def select(self, subject: str | None = None, claimant: str | None = None) -> list[Claim]:
        """Claims whose subject or quote holds every word of ``subject``, by a claimant or relay naming ``claimant``."""
        wanted = [stem(w.text) for w in tokens(subject or "") if w.lower not in STOPWORDS]
        chosen = []
        for claim in self.claims():
            if claimant and claimant.lower() not in f"{claim.claimant} {claim.relay or ''}".lower():
                continue
            if wanted:
                words = [stem(w.text) for w in tokens(f"{claim.subject} {claim.quote}")]
                if not all(any(stems_match(w, other) for other in words) for w in wanted):
                    continue
            chosen.append(claim)
        return chosen

    def with_claims(self) -> Ledger:
        """This ledger with every entry's claims made from the JSON an `unparsed` read kept."""
        documents = {
            doc_id: entry if entry.claims or not entry.as_read
            else LedgerEntry(entry.hash, tuple(Claim.from_json(c) for c in entry.as_read), entry.as_read)
            for doc_id, entry in self.documents.items()
        }
        return replace(self, documents=documents)

    def digest(self) -> str:
        """What identifies the claims: each document's version, and the extraction rules that read it."""
        versions = hashlib.sha256(self.extractor.encode())
        for doc_id in sorted(self.documents):
            versions.update(f"\0{doc_id}\0{self.documents[doc_id].hash}".encode("utf-8", "surrogateescape"))
        return versions.hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "format": LEDGER_FORMAT,
            "generation": self.generation,
            "extractor": self.extractor,
            "documents": {
                doc_id: {"hash": entry.hash, "claims": _claims_json(entry)}
                for doc_id, entry in sorted(self.documents.items())
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], keep_json: bool = False, unparsed: bool = False) -> Ledger:
        _LEDGER_SCHEMA.validate_python(data)
        documents = {
            doc_id: LedgerEntry(
                value["hash"],
                () if unparsed else tuple(Claim.from_json(c) for c in value["claims"]),
                value["claims"] if keep_json or unparsed else None,
            )
            for doc_id, value in data.get("documents", {}).items()
        }
        return cls(generation=int(data.get("generation", 0)), documents=documents, extractor=str(data.get("extractor", "")))


def _claims_json(entry: LedgerEntry) -> list[dict[str, Any]]:
    return entry.as_read if entry.as_read is not None else [claim.to_json() for claim in entry.claims]


class _LedgerEntrySchema(TypedDict):
    hash: str
    claims: list[dict[str, Any]]


class _LedgerSchema(TypedDict):
    """The shape of a ledger file; each claim's own fields are checked by `Claim.from_json`."""

    format: int
    generation: int
    extractor: str
    documents: dict[str, _LedgerEntrySchema]


_LEDGER_SCHEMA = TypeAdapter(_LedgerSchema)


def ledger_path(store_root: Path, generation: int) -> Path:
    return store_root / LEDGER_DIR / f"g{generation:06d}.json"


def disputes_path(store_root: Path, generation: int) -> Path:
    """The disputes found among the claims of ``generation``'s ledger, stored beside it."""
    return store_root / LEDGER_DIR / f"g{generation:06d}.disputes.json"


def read_ledger(store_root: Path, generation: int, keep_json: bool = False, unparsed: bool = False) -> Ledger:
    """The ledger of ``generation``; empty when that generation has none (an index built before claims).

    ``keep_json``: keep each document's claims as read too, for writing them back unchanged.
    ``unparsed``: only check the file's shape and keep the claims as read, without making `Claim`s
    (for a reindex that carries them over from a file it knows it wrote itself; 8 of 13 s of reading
    a 10k-document ledger). Such a ledger is for `next_ledger` only: its entries' ``claims`` are empty.
    """
    path = ledger_path(store_root, generation)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Ledger(generation=generation)
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path} is unreadable ({exc}); run `newsdesk reindex` to rebuild it.") from exc
    if not isinstance(data, dict) or data.get("format") != LEDGER_FORMAT:
        raise StoreError(f"{path} is damaged or from another newsdesk version; run `newsdesk reindex` to rebuild it.")
    try:
        return replace(Ledger.from_json(data, keep_json, unparsed), store_root=store_root)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # valid JSON of the wrong shape
        raise StoreError(
            f"{path} is damaged ({' '.join(str(exc).split())[:100]}); run `newsdesk reindex` to rebuild it."
        ) from exc


def write_ledger(store_root: Path, ledger: Ledger) -> Path:
    """Write atomically (write, fsync, rename), so a reader never sees half a ledger."""
    path = ledger_path(store_root, ledger.generation)
    write_atomically(path, json.dumps(ledger.to_json(), ensure_ascii=False))
    return path


def next_ledger(
    previous: Ledger, generation: int, articles: Iterable[Article], hashes: dict[str, str], kept: Iterable[str]
) -> Ledger:
    """The ledger for a new generation: unchanged documents keep their claims, changed ones are re-extracted.

    ``hashes`` maps each loaded article to its version hash; ``kept`` are
    documents whose file failed to load and keep their previous version.
    """
    documents: dict[str, LedgerEntry] = {}
    for article in articles:
        version = hashes[article.doc_id]
        old = previous.documents.get(article.doc_id)
        if old is not None and old.hash == version and previous.extractor == EXTRACTOR_VERSION:
            documents[article.doc_id] = old
        else:
            documents[article.doc_id] = LedgerEntry(version, annotate(article).claims)
    for doc_id in kept:
        if doc_id in previous.documents:
            documents[doc_id] = previous.documents[doc_id]
    return Ledger(generation=generation, documents=documents)


def remove_old_ledgers(store_root: Path, keep: set[int]) -> None:
    """Keep the new and the previous generation (a reader may still be loading it), with their disputes."""
    directory = store_root / LEDGER_DIR
    if not directory.is_dir():
        return
    names = {path(store_root, g).name for g in keep for path in (ledger_path, disputes_path)}
    for child in directory.iterdir():
        if child.name not in names:
            child.unlink(missing_ok=True)


class LedgerReader:
    """The ledger matching the active snapshot, reloaded when its generation changes."""

    def __init__(self, store_root: Path) -> None:
        self.store_root = store_root
        self._lock = threading.Lock()
        self._ledger: Ledger | None = None

    def for_generation(self, generation: int) -> Ledger:
        with self._lock:
            if self._ledger is None or self._ledger.generation != generation:
                self._ledger = read_ledger(self.store_root, generation)
            return self._ledger
