"""Reindexing: make the store match the corpus, embedding only what changed.

LangChain's indexing API with a persistent SQL record manager decides which
chunks are new (by content hash); unchanged chunks are never re-embedded.
The order of the steps is what keeps readers consistent and a crash harmless:

1. add the chunks of new and changed documents (old versions stay in place);
2. build the lexical index for the new snapshot from what Chroma now holds;
3. write the claim ledger for the new snapshot's generation (claims of
   unchanged documents carried over, changed ones re-extracted), and beside
   it the disputes found among those claims (so questions only load them);
4. publish the new snapshot atomically: from here on readers see the new corpus
   and the ledger of its generation;
5. delete what the new snapshot no longer admits (record manager and Chroma),
   and any Chroma entry the record manager never heard of (left by a crash).

A kill at any point leaves the previous snapshot active; the next run redoes
the missing steps. Files that fail to load keep their previous version, if
they had one, so one unreadable file never removes an article from answers.

What a reindex costs follows what changed: only new, changed and incomplete
articles are chunked and go through `index()`; stale chunks are found by their
metadata against the new snapshot. When no file under the corpus roots changed
size or modification time since the last clean reindex (``corpus-stat.json``),
and the store is whole, nothing is read at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.documents import Document
from langchain_core.indexing import index

from newsdesk.atomic import write_atomically
from newsdesk.articles.chunking import CHUNKER_VERSION, chunk_article, document_version
from newsdesk.articles.corpus import Article, LoadReport, Skipped, load_corpus
from newsdesk.articles.corpus_roots import absolute_roots
from newsdesk.articles.duplicates import (
    ChunkPrint,
    body_key,
    canonicals_first,
    chunk_print,
    new_chunks,
    wire_families,
)
from newsdesk.claims.extraction import EXTRACTOR_VERSION
from newsdesk.claims.conflicts import dispute_rules_version, write_disputes
from newsdesk.claims.ledger import (
    Ledger,
    disputes_path,
    ledger_path,
    next_ledger,
    read_ledger,
    remove_old_ledgers,
    write_ledger,
)
from newsdesk.errors import CorpusError, MassDeleteError, StoreError
from newsdesk.index.bodies import remove_unused_bodies, write_body
from newsdesk.index.lexical import LEXICAL_VERSION, LexicalIndex, Passage
from newsdesk.index.signature_cache import SignatureCache
from newsdesk.index.store import DocumentEntry, Snapshot, Store, chroma_pages, store_write_errors, utc_now_iso

ProgressCallback = Callable[[int, int, str], None]
_KEY_ENCODER = "sha256"
_STAT_FILE = "corpus-stat.json"
_CHROMA_PAGE = 2000
_DOC_IDS_PER_QUERY = 200


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
    fingerprint = corpus_fingerprint(store)
    if not rebuild:
        unchanged = _nothing_changed(store, fingerprint)
        if unchanged is not None:
            return unchanged
    remembered_files = _remembered_file_stats(store)
    (store.root / _STAT_FILE).unlink(missing_ok=True)
    aside = store.set_aside_record_manager() if rebuild else None
    loaded = load_corpus(settings.corpus, int(settings.max_file_mb * 1_000_000))
    previous, repaired = _previous_snapshot(store)
    in_chroma = _chroma_metadata(store)  # one pass over Chroma's records serves the steps up to index()
    _forget_records_missing_from_chroma(store, set(in_chroma))
    families = _wire_families(
        loaded, previous, settings.chunk_size, settings.chunk_overlap, settings.duplicate_threshold, store.root
    )
    report = _classify(loaded, previous, settings.chunk_size, settings.chunk_overlap, families)
    report.repaired = repaired + ([f"{settings.record_db} set aside as {aside.name}; rebuilt"] if aside else [])
    if not allow_mass_delete:
        check_mass_delete(len(report.deleted), len(previous.documents), settings.max_delete_share)
    kept = _kept_entries(loaded, previous)
    if rebuild:  # a fresh record manager knows no chunk: everything goes through index() again
        to_index = {article.doc_id for article in loaded.articles}
    else:
        to_index = {*report.added, *report.updated, *_incomplete(in_chroma, previous, report.unchanged)}
    report.chunks_embedded = _index_articles(store, loaded.articles, to_index, progress, families)

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
    # index() only added chunks, all of documents in to_index: read those back, not the whole collection
    in_chroma = _chroma_metadata(store) if rebuild else in_chroma | _chroma_metadata(store, sorted(to_index))
    passages, vectors, unadmitted, known_sentences = _snapshot_passages(store, snapshot, previous, in_chroma)
    snapshot = _with_chunk_counts(snapshot, passages)
    lexical_dir = store.lexical_root / f"g{snapshot.generation:06d}"
    shutil.rmtree(lexical_dir, ignore_errors=True)
    LexicalIndex.build(passages, vectors, embed=store.embedder.embed, known_sentences=known_sentences).save(lexical_dir)
    snapshot = replace(snapshot, lexical_dir=str(lexical_dir.relative_to(store.root)))
    ledger_unchanged = _unchanged_since_written(store, ledger_path(store.root, previous.generation), remembered_files)
    report.repaired += _write_claim_ledger(store, previous, snapshot, loaded.articles, kept, ledger_unchanged)
    store.write_snapshot(snapshot)

    report.chunks_deleted = _delete_unadmitted(store, unadmitted)
    _remove_old_lexical_dirs(store, keep={lexical_dir.name, _dir_name(previous.lexical_dir)})
    remove_old_ledgers(store.root, keep={snapshot.generation, previous.generation})
    remove_unused_bodies(store.root, keep=_versions(snapshot) | _versions(previous))
    report.documents = len(snapshot.documents)
    report.chunks = snapshot.chunk_count
    if not (report.failures or report.warnings or report.skipped):
        _remember_fingerprint(store, fingerprint, snapshot)
    return report


def corpus_fingerprint(store: Store) -> str:
    """Path, size and modification time of every file under the corpus roots, with what shapes the index.

    The chunker's and the claim extractor's versions are part of it: a release
    that changes either must re-chunk and re-extract, though no file changed;
    so is the dispute rules' version, for the stored disputes, and the lexical
    index's, which is rebuilt from the stored chunks (nothing re-embedded).
    """
    settings = store.settings
    digest = hashlib.sha256(
        json.dumps([settings.chunk_size, settings.chunk_overlap, store.embedder.model_name,
                    [str(root) for root in settings.corpus], settings.max_file_mb,
                    CHUNKER_VERSION, EXTRACTOR_VERSION, dispute_rules_version(), LEXICAL_VERSION]).encode()
    )
    for root in settings.corpus:
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    stat = None
                entry = f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}" if stat else f"{path}\0?"
                digest.update(entry.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def _nothing_changed(store: Store, fingerprint: str) -> ReindexReport | None:
    """The report of a reindex with nothing to do, or None when there may be something to do.

    Only when the last reindex finished cleanly with this very corpus, and the
    snapshot, its lexical index, its ledger and its chunks are all still there,
    the files as that reindex left them (a damaged one is rebuilt by a full run).
    """
    try:
        remembered = json.loads((store.root / _STAT_FILE).read_text(encoding="utf-8"))
        snapshot = store.read_snapshot()
    except (OSError, ValueError, StoreError):
        return None
    if remembered.get("fingerprint") != fingerprint or remembered.get("snapshot") != store.snapshot_stamp():
        return None
    if not snapshot.documents or not snapshot.lexical_dir:
        return None
    if remembered.get("files") != _published_file_stats(store, snapshot):
        return None
    if store.collection.count() < snapshot.chunk_count:
        return None
    store.record_manager.list_keys(limit=1)  # a damaged record manager is reported, even with nothing to do
    unchanged = sorted(snapshot.documents)
    return ReindexReport(unchanged=unchanged, documents=len(unchanged), chunks=snapshot.chunk_count)


def _published_file_stats(store: Store, snapshot: Snapshot) -> dict[str, list[int]] | None:
    """Size and modification time of the lexical index's, the ledger's and its disputes' files; None when one
    is missing."""
    assert snapshot.lexical_dir is not None
    lexical = store.root / snapshot.lexical_dir
    claims = [ledger_path(store.root, snapshot.generation), disputes_path(store.root, snapshot.generation)]
    paths = [*sorted(lexical.iterdir()), *claims] if lexical.is_dir() else []
    stats: dict[str, list[int]] = {}
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            return None
        stats[str(path.relative_to(store.root))] = [info.st_size, info.st_mtime_ns]
    return stats or None


def _remembered_file_stats(store: Store) -> dict[str, Any]:
    """The store files' sizes and times as the last clean reindex left them (empty when unknown)."""
    try:
        files = json.loads((store.root / _STAT_FILE).read_text(encoding="utf-8")).get("files")
    except (OSError, ValueError, AttributeError):
        return {}
    return files if isinstance(files, dict) else {}


def _unchanged_since_written(store: Store, path: Path, remembered: dict[str, Any]) -> bool:
    try:
        info = path.stat()
    except OSError:
        return False
    return remembered.get(str(path.relative_to(store.root))) == [info.st_size, info.st_mtime_ns]


def _remember_fingerprint(store: Store, fingerprint: str, snapshot: Snapshot) -> None:
    remembered = {
        "fingerprint": fingerprint,
        "snapshot": store.snapshot_stamp(),
        "files": _published_file_stats(store, snapshot),
    }
    write_atomically(store.root / _STAT_FILE, json.dumps(remembered))


def _chroma_metadata(store: Store, doc_ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """The metadata of every Chroma record by id, or of the records of ``doc_ids`` only."""
    if doc_ids is None:
        return {chunk_id: metadata for chunk_id, _, metadata in _chroma_records(store, include=["metadatas"])}
    found: dict[str, dict[str, Any]] = {}
    for begin in range(0, len(doc_ids), _DOC_IDS_PER_QUERY):
        part = doc_ids[begin:begin + _DOC_IDS_PER_QUERY]
        page = store.collection.get(where={"doc_id": {"$in": part}}, include=["metadatas"])
        found.update(zip(page["ids"], page["metadatas"], strict=True))
    return found


def _incomplete(in_chroma: dict[str, dict[str, Any]], previous: Snapshot, unchanged: list[str]) -> set[str]:
    """Unchanged documents with fewer chunks in Chroma than the snapshot lists (Chroma files lost)."""
    counts: dict[str, int] = {}
    for metadata in in_chroma.values():
        if previous.admits(metadata):
            counts[str(metadata["doc_id"])] = counts.get(str(metadata["doc_id"]), 0) + 1
    return {doc_id for doc_id in unchanged if counts.get(doc_id, 0) < previous.documents[doc_id].chunks}


def _previous_snapshot(store: Store) -> tuple[Snapshot, list[str]]:
    """The active snapshot; a damaged one is rebuilt from scratch (nothing is re-embedded twice), and said so."""
    try:
        return store.read_snapshot(), []
    except StoreError as exc:
        return Snapshot(), [f"{exc} Treated as missing and rebuilt from the corpus."]


def _forget_records_missing_from_chroma(store: Store, chroma_ids: set[str]) -> None:
    """Chunks the record manager lists but Chroma lost (its files deleted or restored from an
    older backup) would otherwise never be added again: drop their records so they are."""
    manager = store.record_manager
    missing = set(manager.list_keys()) - chroma_ids
    if missing:
        manager.delete_keys(sorted(missing))


def _write_claim_ledger(
    store: Store,
    previous: Snapshot,
    snapshot: Snapshot,
    articles: list[Article],
    kept: dict[str, DocumentEntry],
    previous_unchanged: bool = False,
) -> list[str]:
    """The claims of the new snapshot's documents, under its generation (before it is published), and
    the disputes among them; returns a note when the previous ledger was damaged. ``previous_unchanged``: the previous ledger
    file is as the last clean reindex wrote it (same size and time), so its claims are carried over
    without being parsed again; any other file is parsed and checked whole."""
    notes = []
    try:
        old = read_ledger(store.root, previous.generation, keep_json=True, unparsed=previous_unchanged)
    except StoreError as exc:
        old = Ledger()  # unreadable: extract every document again
        notes.append(f"{exc} Treated as missing and rebuilt from the corpus.")
    hashes = {doc_id: entry.hash for doc_id, entry in snapshot.documents.items()}
    ledger = next_ledger(old, snapshot.generation, articles, hashes, kept)
    write_ledger(store.root, ledger)
    write_disputes(store.root, ledger, previous=old)
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
    loaded: LoadReport, previous: Snapshot, chunk_size: int, overlap: int, threshold: float, store_root: Path
) -> dict[str, str]:
    """The previous snapshot's families when no article changed (skips MinHash and datasketch's
    seconds-long import on the common no-change run), else found again from the store's signatures,
    hashing only the bodies it has none for."""
    current = {a.doc_id: document_version(a, chunk_size, overlap) for a in loaded.articles}
    before = {doc_id: entry.hash for doc_id, entry in previous.documents.items()}
    if current and current == before:
        return {doc_id: entry.copy_of for doc_id, entry in previous.documents.items() if entry.copy_of}
    cache = SignatureCache(store_root)
    families = wire_families(loaded.articles, threshold, cache)
    if not (loaded.failures or loaded.unreadable_dirs or loaded.failed_roots):  # a failed file may come back
        cache.prune({body_key(article.body) for article in loaded.articles})
    return families


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
    to_index: set[str],
    progress: ProgressCallback | None,
    families: dict[str, str] | None = None,
) -> int:
    """Run LangChain's `index()` on the chunks of the ``to_index`` articles; returns how many were embedded.

    The record manager recognises chunks it already holds by hash (a crashed
    run's, or an identical chunk) and embeds nothing for them. A wire copy goes
    through with only the chunks its canonical copy lacks; an unchanged
    canonical is chunked (not embedded) for that comparison.
    """
    settings = store.settings
    families = families or {}
    needed = to_index | {families[doc_id] for doc_id in to_index if doc_id in families}
    work = [article for article in canonicals_first(articles, families) if article.doc_id in needed]
    canonicals = set(families.values())
    known: dict[str, list[ChunkPrint]] = {}
    embedded = 0
    batch: list[Document] = []
    for position, article in enumerate(work, start=1):
        chunks = chunk_article(article, settings.chunk_size, settings.chunk_overlap)
        if article.doc_id in canonicals:
            known[article.doc_id] = [chunk_print(chunk.page_content) for chunk in chunks]
        elif article.doc_id in families:
            chunks = new_chunks(chunks, known.get(families[article.doc_id], []), settings.duplicate_threshold)
        if article.doc_id in to_index:
            batch.extend(chunks)
        if batch and (len(batch) >= 64 or position == len(work)):
            result = index(
                batch,
                store.record_manager,
                _chunk_vectorstore(store, batch),
                cleanup=None,
                source_id_key="doc_id",
                batch_size=max(settings.embed_batch_size, 16),
                key_encoder=_KEY_ENCODER,
            )
            embedded += result["num_added"] + result["num_updated"]
            if settings.answer_vectors_at_index:
                _embed_answer_texts(store, batch)
            batch = []
        if progress is not None:
            progress(position, len(work), article.doc_id)
    return embedded


def _chunk_vectorstore(store: Store, chunks: list[Document]) -> Any:
    """The vector store `index()` adds ``chunks`` to: embedding each chunk's text, or pooling its sentences'."""
    if store.settings.chunk_vectors == "model":
        return store.vectorstore
    from newsdesk.index.embedding import SentencePooledEmbeddings

    return store.vectorstore_embedding_with(
        SentencePooledEmbeddings(store.embedder, {chunk.page_content: _sentence_texts(chunk) for chunk in chunks})
    )


def _sentence_texts(chunk: Document) -> list[str]:
    offset = int(chunk.metadata["start"])
    spans = json.loads(chunk.metadata.get("sentences") or "[]")
    return [chunk.page_content[start - offset:end - offset] for start, end in spans]


def _embed_answer_texts(store: Store, chunks: list[Document]) -> None:
    """Embed what the answerer will embed for these chunks now; the vectors land in the store's cache."""
    from newsdesk.answer.candidates import texts_embedded_for

    remember = getattr(store.embedder, "remember", store.embedder.embed)  # a test's fake embedder may lack it
    remember(texts_embedded_for(chunks))


def _chroma_records(store: Store, include: list[str]) -> Iterator[tuple[str, str | None, dict[str, Any]]]:
    """(id, text, metadata) of every Chroma entry."""
    for page in chroma_pages(store.collection, include=include):
        texts = page.get("documents") or [None] * len(page["ids"])
        yield from zip(page["ids"], texts, page["metadatas"], strict=True)


def _snapshot_passages(
    store: Store, snapshot: Snapshot, previous: Snapshot, metadata_of: dict[str, dict[str, Any]]
) -> tuple[list[Passage], np.ndarray | None, list[str], dict[str, np.ndarray]]:
    """The chunks Chroma holds for exactly the snapshot's document versions with their vectors
    (rows in the same order; None when Chroma gave none), the ids of all others, and the previous lexical
    index's sentence vectors by text. ``metadata_of``: the metadata of every record in Chroma, by id.

    Which chunks those are is decided from every record's metadata; the text and vector of a chunk the
    previous snapshot's lexical index already holds are taken from it, so only the chunks of new and
    changed documents are read from Chroma with their embeddings (what an edit costs follows the edit).
    """
    admitted_ids = [chunk_id for chunk_id, metadata in metadata_of.items() if snapshot.admits(metadata)]
    unadmitted = [chunk_id for chunk_id, metadata in metadata_of.items() if not snapshot.admits(metadata)]
    known, known_sentences = _previous_passages(store, previous)
    admitted: list[tuple[Passage, Any]] = []
    wanted = []
    for chunk_id in admitted_ids:
        if chunk_id in known and known[chunk_id][0].metadata == metadata_of[chunk_id]:
            admitted.append(known[chunk_id])
        else:
            wanted.append(chunk_id)
    for begin in range(0, len(wanted), _CHROMA_PAGE):
        page = store.collection.get(ids=wanted[begin:begin + _CHROMA_PAGE], include=["documents", "metadatas", "embeddings"])
        embeddings = page.get("embeddings")
        rows = embeddings if embeddings is not None and len(embeddings) else [None] * len(page["ids"])
        for chunk_id, text, metadata, vector in zip(page["ids"], page["documents"], page["metadatas"], rows, strict=True):
            admitted.append((Passage(chunk_id, text, dict(metadata)), vector))
    admitted.sort(key=lambda pair: (pair[0].metadata["doc_id"], pair[0].metadata["chunk_index"]))
    passages = [passage for passage, _ in admitted]
    if not admitted or any(vector is None for _, vector in admitted):
        return passages, None, unadmitted, known_sentences
    return passages, np.asarray([vector for _, vector in admitted], dtype=np.float32), unadmitted, known_sentences


def _previous_passages(
    store: Store, previous: Snapshot
) -> tuple[dict[str, tuple[Passage, np.ndarray]], dict[str, np.ndarray]]:
    """The previous lexical index's passages with their vectors, by chunk id (empty when it has no vectors
    or cannot be read: then every admitted chunk is read from Chroma), and its sentence vectors by text."""
    if not previous.lexical_dir:
        return {}, {}
    try:
        lexical = LexicalIndex.load(store.root / previous.lexical_dir)
    except (OSError, ValueError):
        return {}, {}
    if lexical.vectors is None:
        return {}, {}
    vectors = np.array(lexical.vectors)  # read once: a row of the memory map is a slow object of its own
    passages = {passage.chunk_id: (passage, vectors[row]) for row, passage in enumerate(lexical.passages)}
    return passages, lexical.sentence_vectors_by_text()


def _with_chunk_counts(snapshot: Snapshot, passages: list[Passage]) -> Snapshot:
    counts: dict[str, int] = {}
    for passage in passages:
        counts[passage.metadata["doc_id"]] = counts.get(passage.metadata["doc_id"], 0) + 1
    documents = {
        doc_id: replace(entry, chunks=counts.get(doc_id, 0))
        for doc_id, entry in snapshot.documents.items()
    }
    return replace(snapshot, documents=documents)


def _delete_unadmitted(store: Store, unadmitted: list[str]) -> int:
    """Delete chunks the published snapshot does not admit, then Chroma entries the record manager never heard of."""
    manager = store.record_manager
    if unadmitted:
        store.vectorstore.delete(ids=sorted(unadmitted))
        manager.delete_keys(sorted(unadmitted))
    orphans = store.chroma_ids() - set(manager.list_keys())
    if orphans:
        store.vectorstore.delete(ids=sorted(orphans))
    return len(unadmitted) + len(orphans)


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
