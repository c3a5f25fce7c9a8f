"""Reindexing: make the store match the corpus, embedding only what changed.

LangChain's indexing API with a persistent SQL record manager decides which
chunks are new (by content hash); unchanged chunks are never re-embedded.
The order of the steps is what keeps readers consistent and a crash harmless:

1. add the chunks of new and changed documents (old versions stay in place);
2. build the lexical index for the new snapshot from what Chroma now holds;
3. write the claim ledger for the new snapshot's generation (claims of
   unchanged documents carried over, changed ones re-extracted);
4. publish the new snapshot atomically: from here on readers see the new corpus
   and the ledger of its generation;
5. delete what the new snapshot no longer admits (record manager and Chroma),
   and any Chroma entry the record manager never heard of (left by a crash).

A kill at any point leaves the previous snapshot active; the next run redoes
the missing steps. Files that fail to load keep their previous version, if
they had one, so one unreadable file never removes an article from answers.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from langchain_core.documents import Document
from langchain_core.indexing import index

from newsdesk.bodies import remove_unused_bodies, write_body
from newsdesk.chunking import chunk_article, document_version
from newsdesk.corpus import Article, LoadReport, Skipped, load_corpus
from newsdesk.corpus_roots import absolute_roots
from newsdesk.duplicates import ChunkPrint, canonicals_first, chunk_print, new_chunks, wire_families
from newsdesk.errors import CorpusError, MassDeleteError, StoreError
from newsdesk.ledger import Ledger, next_ledger, read_ledger, remove_old_ledgers, write_ledger
from newsdesk.lexical import LexicalIndex, Passage
from newsdesk.store import DocumentEntry, Snapshot, Store, store_write_errors, utc_now_iso

ProgressCallback = Callable[[int, int, str], None]
_KEY_ENCODER = "sha256"
_GET_PAGE = 2000


@dataclass
class ReindexReport:
    """Document-level counts of one reindex, with the files that failed."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[CorpusError] = field(default_factory=list)
    warnings: list[CorpusError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)  # damaged store files treated as missing
    chunks_embedded: int = 0
    chunks_deleted: int = 0
    documents: int = 0
    chunks: int = 0

    def counts(self) -> dict[str, Any]:
        """The JSON object `newsdesk reindex --json` prints."""
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "deleted": len(self.deleted),
            "unchanged": len(self.unchanged),
            "failed": len(self.failures),
            "failures": [{"path": f.path, "reason": f.reason} for f in self.failures],
        }


def reindex(
    store: Store, progress: ProgressCallback | None = None, allow_mass_delete: bool = False, rebuild: bool = False
) -> ReindexReport:
    """Bring ``store`` in line with the corpus in ``store.settings``; see the module doc.

    Raises `MassDeleteError`, before anything is written, when the run would
    delete more than ``settings.max_delete_share`` of the indexed documents
    (unless ``allow_mass_delete``). A store that cannot be written (full disk,
    read-only, damaged record manager) is one `StoreError`; the previous
    snapshot stays published. ``rebuild`` sets the record manager aside first.
    """
    with store_write_errors(store), store.writer_lock():
        return _reindex_locked(store, progress, allow_mass_delete, rebuild)


def _reindex_locked(
    store: Store, progress: ProgressCallback | None, allow_mass_delete: bool, rebuild: bool
) -> ReindexReport:
    settings = store.settings
    store.reopen()  # the previous reindex may have been another process's
    aside = store.set_aside_record_manager() if rebuild else None
    loaded = load_corpus(settings.corpus, int(settings.max_file_mb * 1_000_000))
    previous, repaired = _previous_snapshot(store)
    _forget_records_missing_from_chroma(store)
    families = _wire_families(loaded, previous, settings.chunk_size, settings.chunk_overlap, settings.duplicate_threshold)
    report = _classify(loaded, previous, settings.chunk_size, settings.chunk_overlap, families)
    report.repaired = repaired + ([f"{settings.record_db} set aside as {aside.name}; rebuilt"] if aside else [])
    if not allow_mass_delete:
        check_mass_delete(len(report.deleted), len(previous.documents), settings.max_delete_share)
    kept = _kept_entries(loaded, previous)
    start_time = store.record_manager.get_time()
    changed = {*report.added, *report.updated}
    report.chunks_embedded = _index_articles(store, loaded.articles, changed, progress, families)

    documents = {
        a.doc_id: _entry(a, settings.chunk_size, settings.chunk_overlap, families.get(a.doc_id, ""))
        for a in loaded.articles
    }
    documents.update(kept)
    for article in loaded.articles:
        write_body(store.root, documents[article.doc_id].hash, article.body)  # what `show` serves
    snapshot = Snapshot(
        generation=previous.generation + 1,
        documents=documents,
        last_reindex=utc_now_iso(),
        model=store.embedder.model_name,
        chunk_size=settings.chunk_size,
        corpus_roots=absolute_roots(settings.corpus),
    )
    passages = _snapshot_passages(store, snapshot)
    snapshot = _with_chunk_counts(snapshot, passages)
    lexical_dir = store.lexical_root / f"g{snapshot.generation:06d}"
    shutil.rmtree(lexical_dir, ignore_errors=True)
    LexicalIndex.build(passages).save(lexical_dir)
    snapshot = replace(snapshot, lexical_dir=str(lexical_dir.relative_to(store.root)))
    report.repaired += _write_claim_ledger(store, previous, snapshot, loaded.articles, kept)
    store.write_snapshot(snapshot)

    report.chunks_deleted = _delete_unadmitted(store, snapshot, start_time, kept)
    _remove_old_lexical_dirs(store, keep={lexical_dir.name, _dir_name(previous.lexical_dir)})
    remove_old_ledgers(store.root, keep={snapshot.generation, previous.generation})
    remove_unused_bodies(store.root, keep=_versions(snapshot) | _versions(previous))
    report.documents = len(snapshot.documents)
    report.chunks = snapshot.chunk_count
    return report


def _previous_snapshot(store: Store) -> tuple[Snapshot, list[str]]:
    """The active snapshot; a damaged one is rebuilt from scratch (nothing is re-embedded twice), and said so."""
    try:
        return store.read_snapshot(), []
    except StoreError as exc:
        return Snapshot(), [f"{exc} Treated as missing and rebuilt from the corpus."]


def _forget_records_missing_from_chroma(store: Store) -> None:
    """Chunks the record manager lists but Chroma lost (its files deleted or restored from an
    older backup) would otherwise never be added again: drop their records so they are."""
    manager = store.record_manager
    missing = set(manager.list_keys()) - store.chroma_ids()
    if missing:
        manager.delete_keys(sorted(missing))


def _write_claim_ledger(
    store: Store, previous: Snapshot, snapshot: Snapshot, articles: list[Article], kept: dict[str, DocumentEntry]
) -> list[str]:
    """The claims of the new snapshot's documents, under its generation (before it is published);
    returns a note when the previous ledger was damaged."""
    notes = []
    try:
        old = read_ledger(store.root, previous.generation)
    except StoreError as exc:
        old = Ledger()  # unreadable: extract every document again
        notes.append(f"{exc} Treated as missing and rebuilt from the corpus.")
    hashes = {doc_id: entry.hash for doc_id, entry in snapshot.documents.items()}
    write_ledger(store.root, next_ledger(old, snapshot.generation, articles, hashes, kept))
    return notes


def _classify(
    loaded: LoadReport, previous: Snapshot, chunk_size: int, overlap: int, families: dict[str, str]
) -> ReindexReport:
    report = ReindexReport(failures=loaded.failures, warnings=loaded.warnings, skipped=loaded.skipped)
    present = set()
    for article in loaded.articles:
        present.add(article.doc_id)
        old = previous.documents.get(article.doc_id)
        if old is None:
            report.added.append(article.doc_id)
        elif old.hash != document_version(article, chunk_size, overlap) or old.copy_of != families.get(
            article.doc_id, ""
        ):  # a copy whose canonical changed indexes other chunks
            report.updated.append(article.doc_id)
        else:
            report.unchanged.append(article.doc_id)
    report.deleted = sorted(set(previous.documents) - present - _failed_ids(loaded, previous))
    return report


def _failed_ids(loaded: LoadReport, previous: Snapshot) -> set[str]:
    """Documents whose file, or a folder that may hold it, failed to load this time."""
    failed = {f.doc_id for f in loaded.failures if f.doc_id}
    if loaded.unreadable_dirs or loaded.failed_roots:
        failed.update(d for d, entry in previous.documents.items() if loaded.may_hold(entry.path))
    return failed


def _wire_families(
    loaded: LoadReport, previous: Snapshot, chunk_size: int, overlap: int, threshold: float
) -> dict[str, str]:
    """The previous snapshot's families when no article changed (skips MinHash and datasketch's
    seconds-long import on the common no-change run), else computed afresh."""
    current = {a.doc_id: document_version(a, chunk_size, overlap) for a in loaded.articles}
    before = {doc_id: entry.hash for doc_id, entry in previous.documents.items()}
    if current and current == before:
        return {doc_id: entry.copy_of for doc_id, entry in previous.documents.items() if entry.copy_of}
    return wire_families(loaded.articles, threshold)


def _kept_entries(loaded: LoadReport, previous: Snapshot) -> dict[str, DocumentEntry]:
    """Previous versions of documents whose file failed to load this time."""
    present = {article.doc_id for article in loaded.articles}
    return {
        doc_id: previous.documents[doc_id]
        for doc_id in _failed_ids(loaded, previous) - present
        if doc_id in previous.documents
    }


def check_mass_delete(deleting: int, indexed: int, max_share: float) -> None:
    """Refuse a reindex that would drop more than ``max_share`` of the indexed documents."""
    if indexed and deleting > max_share * indexed:
        raise MassDeleteError(deleting, indexed, max_share)


def _entry(article: Article, chunk_size: int, overlap: int, copy_of: str = "") -> DocumentEntry:
    """The snapshot's record of a freshly loaded article (chunk count filled in later)."""
    return DocumentEntry(
        hash=document_version(article, chunk_size, overlap),
        title=article.title,
        outlet=article.outlet or "",
        published=article.published_iso,
        chunks=0,
        path=os.path.abspath(article.path),
        pages=list(article.pages),
        copy_of=copy_of,
    )


def _index_articles(
    store: Store,
    articles: list[Article],
    changed: set[str],
    progress: ProgressCallback | None,
    families: dict[str, str] | None = None,
) -> int:
    """Run LangChain's `index()` article by article; returns how many chunks were embedded.

    Unchanged articles go through too: the record manager recognises their
    chunks by hash and only refreshes their timestamps, embedding nothing.
    A wire copy goes through with only the chunks its canonical copy lacks.
    """
    settings = store.settings
    embedded = 0
    batch: list[Document] = []
    total = len(articles)
    families = families or {}
    canonicals = set(families.values())
    known: dict[str, list[ChunkPrint]] = {}
    for position, article in enumerate(canonicals_first(articles, families), start=1):
        chunks = chunk_article(article, settings.chunk_size, settings.chunk_overlap)
        if article.doc_id in canonicals:
            known[article.doc_id] = [chunk_print(chunk.page_content) for chunk in chunks]
        elif article.doc_id in families:
            chunks = new_chunks(chunks, known.get(families[article.doc_id], []), settings.duplicate_threshold)
        batch.extend(chunks)
        if len(batch) >= 64 or position == total:
            result = index(
                batch,
                store.record_manager,
                store.vectorstore,
                cleanup=None,
                source_id_key="doc_id",
                batch_size=max(settings.embed_batch_size, 16),
                key_encoder=_KEY_ENCODER,
            )
            embedded += result["num_added"] + result["num_updated"]
            batch = []
        if progress is not None:
            progress(position, total, article.doc_id)
    return embedded


def _snapshot_passages(store: Store, snapshot: Snapshot) -> list[Passage]:
    """The chunks Chroma holds for exactly the snapshot's document versions."""
    passages: list[Passage] = []
    offset = 0
    while True:
        page = store.collection.get(include=["documents", "metadatas"], limit=_GET_PAGE, offset=offset)
        for chunk_id, text, metadata in zip(page["ids"], page["documents"], page["metadatas"], strict=True):
            if snapshot.admits(metadata):
                passages.append(Passage(chunk_id, text, dict(metadata)))
        if len(page["ids"]) < _GET_PAGE:
            break
        offset += _GET_PAGE
    passages.sort(key=lambda p: (p.metadata["doc_id"], p.metadata["chunk_index"]))
    return passages


def _with_chunk_counts(snapshot: Snapshot, passages: list[Passage]) -> Snapshot:
    counts: dict[str, int] = {}
    for passage in passages:
        counts[passage.metadata["doc_id"]] = counts.get(passage.metadata["doc_id"], 0) + 1
    documents = {
        doc_id: replace(entry, chunks=counts.get(doc_id, 0))
        for doc_id, entry in snapshot.documents.items()
    }
    return replace(snapshot, documents=documents)


def _delete_unadmitted(store: Store, snapshot: Snapshot, start_time: float, kept: dict[str, DocumentEntry]) -> int:
    """Delete chunks the snapshot does not admit: stale records, then orphans in Chroma."""
    manager = store.record_manager
    stale = set(manager.list_keys(before=start_time))
    if kept:
        stale -= set(manager.list_keys(group_ids=list(kept)))
    if stale:
        store.vectorstore.delete(ids=sorted(stale))
        manager.delete_keys(sorted(stale))
    orphans = store.chroma_ids() - set(manager.list_keys())
    if orphans:
        store.vectorstore.delete(ids=sorted(orphans))
    return len(stale) + len(orphans)


def _versions(snapshot: Snapshot) -> set[str]:
    return {entry.hash for entry in snapshot.documents.values()}


def _dir_name(path: str | None) -> str:
    return path.rsplit("/", 1)[-1] if path else ""


def _remove_old_lexical_dirs(store: Store, keep: set[str]) -> None:
    """Keep the new and the previous generation (a reader may still be loading it)."""
    if not store.lexical_root.is_dir():
        return
    for child in store.lexical_root.iterdir():
        if child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)
