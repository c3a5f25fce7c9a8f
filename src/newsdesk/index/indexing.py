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

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from langchain_core.documents import Document
from langchain_core.indexing import index

from newsdesk.articles.chunking import chunk_article, document_version
from newsdesk.articles.corpus import Article, LoadReport, Skipped, load_corpus
from newsdesk.errors import CorpusError, StoreError
from newsdesk.claims.ledger import Ledger, next_ledger, read_ledger, remove_old_ledgers, write_ledger
from newsdesk.index.lexical import LexicalIndex, Passage
from newsdesk.index.store import DocumentEntry, Snapshot, Store, chroma_pages, utc_now_iso

ProgressCallback = Callable[[int, int, str], None]
_KEY_ENCODER = "sha256"


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


def reindex(store: Store, progress: ProgressCallback | None = None) -> ReindexReport:
    """Bring ``store`` in line with the corpus in ``store.settings``; see the module doc."""
    settings = store.settings
    with store.writer_lock():
        store.reopen()  # the previous reindex may have been another process's
        loaded = load_corpus(settings.corpus, int(settings.max_file_mb * 1_000_000))
        previous = _previous_snapshot(store)
        _forget_records_missing_from_chroma(store)
        report = _classify(loaded, previous, settings.chunk_size, settings.chunk_overlap)
        kept = _kept_entries(loaded, previous)
        start_time = store.record_manager.get_time()
        changed = {*report.added, *report.updated}
        report.chunks_embedded = _index_articles(store, loaded.articles, changed, progress)

        documents = {a.doc_id: _entry(a, settings.chunk_size, settings.chunk_overlap) for a in loaded.articles}
        documents.update(kept)
        snapshot = Snapshot(
            generation=previous.generation + 1,
            documents=documents,
            last_reindex=utc_now_iso(),
            model=store.embedder.model_name,
            chunk_size=settings.chunk_size,
        )
        passages = _snapshot_passages(store, snapshot)
        snapshot = _with_chunk_counts(snapshot, passages)
        lexical_dir = store.lexical_root / f"g{snapshot.generation:06d}"
        shutil.rmtree(lexical_dir, ignore_errors=True)
        LexicalIndex.build(passages).save(lexical_dir)
        snapshot = replace(snapshot, lexical_dir=str(lexical_dir.relative_to(store.root)))
        _write_claim_ledger(store, previous, snapshot, loaded.articles, kept)
        store.write_snapshot(snapshot)

        report.chunks_deleted = _delete_unadmitted(store, snapshot, start_time, kept)
        _remove_old_lexical_dirs(store, keep={lexical_dir.name, _dir_name(previous.lexical_dir)})
        remove_old_ledgers(store.root, keep={snapshot.generation, previous.generation})
        report.documents = len(snapshot.documents)
        report.chunks = snapshot.chunk_count
        return report


def _previous_snapshot(store: Store) -> Snapshot:
    """The active snapshot; a damaged one is rebuilt from scratch (nothing is re-embedded twice)."""
    try:
        return store.read_snapshot()
    except StoreError:
        return Snapshot()


def _forget_records_missing_from_chroma(store: Store) -> None:
    """Chunks the record manager lists but Chroma lost (its files deleted or restored from an
    older backup) would otherwise never be added again: drop their records so they are."""
    manager = store.record_manager
    missing = set(manager.list_keys()) - store.chroma_ids()
    if missing:
        manager.delete_keys(sorted(missing))


def _write_claim_ledger(
    store: Store, previous: Snapshot, snapshot: Snapshot, articles: list[Article], kept: dict[str, DocumentEntry]
) -> None:
    """The claims of the new snapshot's documents, under its generation (before it is published)."""
    try:
        old = read_ledger(store.root, previous.generation)
    except StoreError:
        old = Ledger()  # unreadable: extract every document again
    hashes = {doc_id: entry.hash for doc_id, entry in snapshot.documents.items()}
    write_ledger(store.root, next_ledger(old, snapshot.generation, articles, hashes, kept))


def _classify(loaded: LoadReport, previous: Snapshot, chunk_size: int, overlap: int) -> ReindexReport:
    report = ReindexReport(failures=loaded.failures, warnings=loaded.warnings, skipped=loaded.skipped)
    present = set()
    for article in loaded.articles:
        present.add(article.doc_id)
        old = previous.documents.get(article.doc_id)
        if old is None:
            report.added.append(article.doc_id)
        elif old.hash != document_version(article, chunk_size, overlap):
            report.updated.append(article.doc_id)
        else:
            report.unchanged.append(article.doc_id)
    failed_ids = {f.doc_id for f in loaded.failures if f.doc_id}
    report.deleted = sorted(set(previous.documents) - present - failed_ids)
    return report


def _kept_entries(loaded: LoadReport, previous: Snapshot) -> dict[str, DocumentEntry]:
    """Previous versions of documents whose file failed to load this time."""
    failed_ids = {f.doc_id for f in loaded.failures if f.doc_id}
    return {doc_id: previous.documents[doc_id] for doc_id in failed_ids if doc_id in previous.documents}


def _entry(article: Article, chunk_size: int, overlap: int) -> DocumentEntry:
    """The snapshot's record of a freshly loaded article (chunk count filled in later)."""
    return DocumentEntry(
        hash=document_version(article, chunk_size, overlap),
        title=article.title,
        outlet=article.outlet or "",
        published=article.published_iso,
        chunks=0,
        path=str(article.path),
    )


def _index_articles(
    store: Store, articles: list[Article], changed: set[str], progress: ProgressCallback | None
) -> int:
    """Run LangChain's `index()` article by article; returns how many chunks were embedded.

    Unchanged articles go through too: the record manager recognises their
    chunks by hash and only refreshes their timestamps, embedding nothing.
    """
    settings = store.settings
    embedded = 0
    batch: list[Document] = []
    total = len(articles)
    for position, article in enumerate(articles, start=1):
        batch.extend(chunk_article(article, settings.chunk_size, settings.chunk_overlap))
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
    for page in chroma_pages(store.collection, include=["documents", "metadatas"]):
        for chunk_id, text, metadata in zip(page["ids"], page["documents"], page["metadatas"], strict=True):
            if snapshot.admits(metadata):
                passages.append(Passage(chunk_id, text, dict(metadata)))
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


def _dir_name(path: str | None) -> str:
    return path.rsplit("/", 1)[-1] if path else ""


def _remove_old_lexical_dirs(store: Store, keep: set[str]) -> None:
    """Keep the new and the previous generation (a reader may still be loading it)."""
    if not store.lexical_root.is_dir():
        return
    for child in store.lexical_root.iterdir():
        if child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)
