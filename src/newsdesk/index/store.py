"""The store: Chroma (dense vectors), the record manager, the snapshot and the lock.

Everything newsdesk keeps lives under one directory (``settings.store``):

- ``chroma/``          Chroma's persistent files (or a Chroma server, in server mode)
- ``records.sqlite``   LangChain's SQL record manager: which chunk hashes are indexed
- ``snapshot.json``    the active snapshot: the documents (id -> content hash) that
                       answers may cite, and the lexical index that matches them
- ``lexical/gNNNNNN``  one BM25 index per snapshot generation
- ``reindex.lock``     held while a reindex writes
- ``vectors.sqlite``   embedding cache by text (chunks, answer sentences, words);
                       losing it costs only time

Readers trust only chunks whose ``(doc_id, doc_hash)`` is in the active
snapshot, and the snapshot file is replaced atomically, so a reader sees the
old corpus or the new one, never a mix, whatever a reindex is doing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from newsdesk.atomic import write_atomically
from newsdesk.errors import NewsdeskError, StoreError, StoreLockedError
from newsdesk.index.embedding import Embedder
from newsdesk.settings import Settings

SNAPSHOT_FORMAT = 1
_SNAPSHOT_FILE = "snapshot.json"
_LEXICAL_DIR = re.compile(r"lexical/g\d{6}")
_VECTOR_CACHE_FILE = "vectors.sqlite"


@dataclass(frozen=True)
class DocumentEntry:
    """What the snapshot records of one indexed document."""

    hash: str
    title: str
    outlet: str
    published: str
    chunks: int
    path: str
    pages: list[int] = field(default_factory=list)  # body offset of each page start (PDF)
    copy_of: str = ""  # the document this one is a near-duplicate wire copy of (newsdesk.articles.duplicates)


@dataclass(frozen=True)
class Snapshot:
    """The documents answers may cite, and the lexical index built for them."""

    generation: int = 0
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    lexical_dir: str | None = None
    last_reindex: str | None = None
    model: str | None = None
    chunk_size: int | None = None
    # The absolute corpus roots this snapshot was built from: `serve` and `reindex` reuse them.
    corpus_roots: list[str] = field(default_factory=list)

    def admits(self, metadata: dict[str, Any]) -> bool:
        """True when a chunk belongs to a document version of this snapshot."""
        entry = self.documents.get(str(metadata.get("doc_id")))
        return entry is not None and entry.hash == metadata.get("doc_hash")

    @property
    def chunk_count(self) -> int:
        return sum(entry.chunks for entry in self.documents.values())

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["format"] = SNAPSHOT_FORMAT
        return data

    @classmethod
    def from_json(cls, data: Any) -> Snapshot:
        """Validate ``data`` against the snapshot's schema; raises `ValueError` naming the first bad field."""
        if not isinstance(data, dict):
            raise ValueError(f"expected a JSON object, got {type(data).__name__}")
        fields = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        try:
            snapshot = _snapshot_schema().validate_python(fields)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ValueError(f"field {'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from None
        if snapshot.lexical_dir is not None and not _LEXICAL_DIR.fullmatch(snapshot.lexical_dir):
            raise ValueError("field lexical_dir: not a lexical/gNNNNNN folder of this store")
        return snapshot


@lru_cache(maxsize=1)
def _snapshot_schema() -> TypeAdapter[Snapshot]:
    return TypeAdapter(Snapshot)


class Store:
    """Handles on everything under ``settings.store``; opened lazily, shared by threads."""

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        self.settings = settings
        self.embedder = embedder
        self.root = settings.store
        self._open_lock = threading.Lock()
        self._client: Any = None
        self._system: Any = None
        self._vectorstore: Any = None
        self._reopen_requested = False
        self._record_manager: Any = None
        self._written_stamp: float | None = None
        attach_cache = getattr(embedder, "attach_cache", None)  # a test's fake embedder may have none
        if attach_cache is not None:
            attach_cache(self.root / _VECTOR_CACHE_FILE)

    # -- snapshot --------------------------------------------------------
    @property
    def snapshot_path(self) -> Path:
        return self.root / _SNAPSHOT_FILE

    def read_snapshot(self) -> Snapshot:
        """The published snapshot (empty when there is none); `StoreError` when it is damaged."""
        try:
            data = json.loads(self.snapshot_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Snapshot()
        except (OSError, ValueError) as exc:
            raise StoreError(
                f"{self.snapshot_path} is unreadable ({str(exc)[:120]}); run `newsdesk reindex` to rebuild it."
            ) from exc
        if isinstance(data, dict) and data.get("format") not in (None, SNAPSHOT_FORMAT):
            raise StoreError(
                f"{self.snapshot_path} was written by another newsdesk version; run `newsdesk reindex` to rebuild it."
            )
        try:
            return Snapshot.from_json(data)
        except ValueError as exc:
            raise StoreError(
                f"{self.snapshot_path} is damaged ({str(exc)[:160]}); run `newsdesk reindex` to rebuild it."
            ) from exc

    def snapshot_stamp(self) -> float:
        """Changes whenever a new snapshot is published; cheap enough to check per question."""
        try:
            return self.snapshot_path.stat().st_mtime_ns
        except FileNotFoundError:
            return 0.0

    def write_snapshot(self, snapshot: Snapshot) -> None:
        """Publish ``snapshot`` atomically (write, fsync, rename)."""
        write_atomically(self.snapshot_path, json.dumps(snapshot.to_json(), indent=1, sort_keys=True))
        self._written_stamp = self.snapshot_stamp()

    def wrote_stamp(self, stamp: float) -> bool:
        """True when this object published the snapshot with ``stamp`` (its Chroma view is current)."""
        return stamp == self._written_stamp

    @property
    def lexical_root(self) -> Path:
        return self.root / "lexical"

    # -- lock ------------------------------------------------------------
    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Hold the reindex lock, or raise `StoreLockedError` after ``lock_timeout`` seconds."""
        from filelock import FileLock, Timeout  # here: a process that only answers takes no lock

        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.settings.lock_file))
        try:
            lock.acquire(timeout=self.settings.lock_timeout)
        except Timeout as exc:
            raise StoreLockedError(
                f"Another reindex is writing to {self.root}. Wait for it to finish "
                "(or pass --wait SECONDS) and try again."
            ) from exc
        try:
            yield
        finally:
            lock.release()

    # -- Chroma and the record manager ----------------------------------
    @property
    def client(self) -> Any:
        with self._open_lock:
            if self._client is None or self._reopen_requested:
                self._open_fresh_client()
            return self._client

    def reopen(self) -> None:
        """Open Chroma afresh on next use, to see what another process wrote.

        The embedded (Rust) Chroma keeps the view of the files it opened with:
        chunks another process added later stay invisible to it. Chroma also
        shares one system per directory within a process, so this one is taken
        out of that cache; queries already running keep it until they finish.
        """
        with self._open_lock:
            self._reopen_requested = True
            client, system = self._client, self._system
        if client is not None and system is not None and not self.settings.chroma_host:
            _forget_shared_system(client._identifier, system)  # the handle itself stays usable until replaced
        self.close_record_manager()

    def _open_fresh_client(self) -> None:
        """Replace the Chroma handle (call with ``_open_lock`` held).

        When opening fails (a full disk: Chroma writes as it opens) and a handle
        is already open, that one is kept, so questions keep being answered.
        """
        old_client, old_system = self._client, self._system
        embedded = not self.settings.chroma_host
        try:
            client = self._open_client()
        except StoreError:
            if embedded:  # Chroma caches a system that failed to start: never reuse it
                _replace_shared_system(str(self.settings.chroma_dir), old_system)
            if old_client is None:
                raise
            self._reopen_requested = False
            return
        self._client, self._system, self._vectorstore = client, getattr(client, "_system", None), None
        self._reopen_requested = False

    def close_record_manager(self) -> None:
        """Open ``records.sqlite`` afresh on next use (it may have been replaced or repaired)."""
        with self._open_lock:
            manager, self._record_manager = self._record_manager, None
        if manager is not None:
            manager.engine.dispose()

    def set_aside_record_manager(self) -> Path | None:
        """Move ``records.sqlite`` aside (for `reindex --rebuild`); returns where it went."""
        self.close_record_manager()
        if not self.settings.record_db.exists():
            return None
        aside = self.settings.record_db.with_name(f"records.damaged-{utc_now_iso().replace(':', '')}.sqlite")
        os.replace(self.settings.record_db, aside)
        return aside

    def _open_client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        try:
            if self.settings.chroma_host:
                return chromadb.HttpClient(
                    host=self.settings.chroma_host, port=self.settings.chroma_port, settings=chroma_settings
                )
            self.settings.chroma_dir.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(self.settings.chroma_dir), settings=chroma_settings)
        except Exception as exc:  # chromadb raises many types; all mean "cannot open the store"
            where = (
                f"the Chroma server at {self.settings.chroma_host}:{self.settings.chroma_port}"
                if self.settings.chroma_host
                else str(self.settings.chroma_dir)
            )
            raise StoreError(f"Cannot open {where}: {exc}") from exc

    @property
    def vectorstore(self) -> Any:
        from langchain_chroma import Chroma

        from newsdesk.index.embedding import register_as_langchain_embeddings

        register_as_langchain_embeddings()
        self.client  # noqa: B018 - opens Chroma (afresh after `reopen`) before the vector store is built on it
        with self._open_lock:
            if self._vectorstore is None:
                self._vectorstore = Chroma(
                    collection_name=self.settings.collection,
                    embedding_function=self.embedder,
                    client=self._client,
                    collection_metadata={"hnsw:space": "cosine"},
                )
            return self._vectorstore

    def vectorstore_embedding_with(self, embeddings: Any) -> Any:
        """The same Chroma collection, adding documents with ``embeddings`` (e.g. sentence-pooled chunk vectors)."""
        from langchain_chroma import Chroma

        self.client  # noqa: B018 - opened as for `vectorstore`
        return Chroma(
            collection_name=self.settings.collection,
            embedding_function=embeddings,
            client=self._client,
            collection_metadata={"hnsw:space": "cosine"},
        )

    @property
    def collection(self) -> Any:
        return self.vectorstore._collection

    @property
    def record_manager(self) -> Any:
        with self._open_lock:
            if self._record_manager is None:
                from langchain_classic.indexes import SQLRecordManager

                self.root.mkdir(parents=True, exist_ok=True)
                manager = SQLRecordManager(
                    namespace=f"chroma/{self.settings.collection}",
                    db_url=f"sqlite:///{self.settings.record_db}",
                )
                try:
                    manager.create_schema()
                except Exception as exc:  # SQLAlchemy's errors: a damaged or unwritable file
                    manager.engine.dispose()
                    raise record_manager_error(self.settings.record_db, exc) from exc
                self._record_manager = manager
            return self._record_manager

    def chroma_ids(self) -> set[str]:
        """Every id in the Chroma collection, paged."""
        return {chunk_id for page in chroma_pages(self.collection, include=[]) for chunk_id in page["ids"]}


def chroma_pages(collection: Any, include: list[str], size: int = 2000) -> Iterator[dict[str, Any]]:
    """The whole collection, ``size`` records at a time (Chroma's ``get`` has a limit on one call)."""
    offset = 0
    while True:
        page = collection.get(include=include, limit=size, offset=offset)
        yield page
        if len(page["ids"]) < size:
            return
        offset += size


@contextmanager
def store_write_errors(store: Store) -> Iterator[None]:
    """A store that cannot be written becomes one `StoreError` line; the published snapshot is untouched.

    Full disk, read-only or unwritable directories, and a damaged record
    manager: the reindex stops where it is, and the previous snapshot keeps
    answering (it is replaced only by an atomic rename, as the last step).
    """
    from sqlalchemy.exc import SQLAlchemyError

    try:
        yield
    except NewsdeskError:
        raise
    except SQLAlchemyError as exc:
        store.close_record_manager()  # reopened on next use, e.g. after the file is restored
        raise record_manager_error(store.settings.record_db, exc) from exc
    except OSError as exc:
        where = exc.filename or store.root
        raise StoreError(
            f"Cannot write the index store at {where}: {exc.strerror or exc}. The previous index keeps answering; "
            "free space or make the store writable, then run `newsdesk reindex` again."
        ) from exc
    except Exception as exc:  # Chroma's own errors (its Rust core reports a full disk as one)
        if type(exc).__module__.split(".")[0] != "chromadb":
            raise
        raise StoreError(
            f"The vector store in {store.settings.chroma_dir} could not be written ({str(exc)[:160]}). "
            "The previous index keeps answering; fix the cause (disk space, permissions) and run `newsdesk reindex` again."
        ) from exc


def record_manager_error(path: Path, exc: BaseException) -> StoreError:
    """The one message for a record manager that cannot be used."""
    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:160]
    return StoreError(
        f"The record manager {path} is damaged or unreadable ({reason}). "
        "`newsdesk reindex --rebuild` sets it aside and re-embeds the corpus; the current index keeps answering meanwhile."
    )


def _replace_shared_system(identifier: str, system: Any) -> None:
    """Put ``system`` (or nothing) back in Chroma's per-process cache in place of whatever is there."""
    from chromadb.api.shared_system_client import SharedSystemClient

    with SharedSystemClient._refcount_lock:
        if system is None:
            SharedSystemClient._identifier_to_system.pop(identifier, None)
            SharedSystemClient._identifier_to_refcount.pop(identifier, None)
        else:
            SharedSystemClient._identifier_to_system[identifier] = system
            SharedSystemClient._identifier_to_refcount.setdefault(identifier, 1)


def _forget_shared_system(identifier: str, system: Any) -> None:
    """Drop ``system`` from Chroma's per-process cache (only if it is still the cached one)."""
    from chromadb.api.shared_system_client import SharedSystemClient

    with SharedSystemClient._refcount_lock:
        if SharedSystemClient._identifier_to_system.get(identifier) is system:
            del SharedSystemClient._identifier_to_system[identifier]
            SharedSystemClient._identifier_to_refcount.pop(identifier, None)


def utc_now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
