"""The store: Chroma (dense vectors), the record manager, the snapshot and the lock.

Everything newsdesk keeps lives under one directory (``settings.store``):

- ``chroma/``          Chroma's persistent files (or a Chroma server, in server mode)
- ``records.sqlite``   LangChain's SQL record manager: which chunk hashes are indexed
- ``snapshot.json``    the active snapshot: the documents (id -> content hash) that
                       answers may cite, and the lexical index that matches them
- ``lexical/gNNNNNN``  one BM25 index per snapshot generation
- ``reindex.lock``     held while a reindex writes

Readers trust only chunks whose ``(doc_id, doc_hash)`` is in the active
snapshot, and the snapshot file is replaced atomically, so a reader sees the
old corpus or the new one, never a mix, whatever a reindex is doing.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from newsdesk.atomic import write_atomically
from newsdesk.index.embedding import Embedder
from newsdesk.errors import StoreError, StoreLockedError
from newsdesk.settings import Settings

SNAPSHOT_FORMAT = 1
_SNAPSHOT_FILE = "snapshot.json"


@dataclass(frozen=True)
class DocumentEntry:
    """What the snapshot records of one indexed document."""

    hash: str
    title: str
    outlet: str
    published: str
    chunks: int
    path: str


@dataclass(frozen=True)
class Snapshot:
    """The documents answers may cite, and the lexical index built for them."""

    generation: int = 0
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    lexical_dir: str | None = None
    last_reindex: str | None = None
    model: str | None = None
    chunk_size: int | None = None

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
    def from_json(cls, data: dict[str, Any]) -> Snapshot:
        documents = {key: DocumentEntry(**value) for key, value in data.get("documents", {}).items()}
        return cls(
            generation=int(data.get("generation", 0)),
            documents=documents,
            lexical_dir=data.get("lexical_dir"),
            last_reindex=data.get("last_reindex"),
            model=data.get("model"),
            chunk_size=data.get("chunk_size"),
        )


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
        self._record_manager: Any = None
        self._written_stamp: float | None = None

    # -- snapshot --------------------------------------------------------
    @property
    def snapshot_path(self) -> Path:
        return self.root / _SNAPSHOT_FILE

    def read_snapshot(self) -> Snapshot:
        try:
            data = json.loads(self.snapshot_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Snapshot()
        except (OSError, ValueError) as exc:
            raise StoreError(
                f"{self.snapshot_path} is unreadable ({exc}); run `newsdesk reindex` to rebuild it."
            ) from exc
        if data.get("format") != SNAPSHOT_FORMAT:
            raise StoreError(
                f"{self.snapshot_path} was written by another newsdesk version; "
                f"delete {self.root} and run `newsdesk reindex`."
            )
        return Snapshot.from_json(data)

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
            if self._client is None:
                self._client = self._open_client()
                self._system = getattr(self._client, "_system", None)
            return self._client

    def reopen(self) -> None:
        """Open Chroma afresh on next use, to see what another process wrote.

        The embedded (Rust) Chroma keeps the view of the files it opened with:
        chunks another process added later stay invisible to it. Chroma also
        shares one system per directory within a process, so this one is taken
        out of that cache; queries already running keep it until they finish.
        """
        with self._open_lock:
            client, system = self._client, self._system
            self._client = self._system = self._vectorstore = None
        if client is not None and system is not None and not self.settings.chroma_host:
            _forget_shared_system(client._identifier, system)

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
        if self._vectorstore is None:
            from langchain_chroma import Chroma

            client = self.client
            with self._open_lock:
                if self._vectorstore is None:
                    self._vectorstore = Chroma(
                        collection_name=self.settings.collection,
                        embedding_function=self.embedder,
                        client=client,
                        collection_metadata={"hnsw:space": "cosine"},
                    )
        return self._vectorstore

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
                manager.create_schema()
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


def _forget_shared_system(identifier: str, system: Any) -> None:
    """Drop ``system`` from Chroma's per-process cache (only if it is still the cached one)."""
    from chromadb.api.shared_system_client import SharedSystemClient

    with SharedSystemClient._refcount_lock:
        if SharedSystemClient._identifier_to_system.get(identifier) is system:
            del SharedSystemClient._identifier_to_system[identifier]
            SharedSystemClient._identifier_to_refcount.pop(identifier, None)


def utc_now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
