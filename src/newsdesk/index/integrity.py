"""Integrity check: does the store hold exactly what its snapshot says?

After a crash, a kill or a concurrent run, the store must converge to one
consistent state on the next reindex: every Chroma entry known to the record
manager and admitted by the snapshot, no chunk stored twice, the lexical index
holding exactly the admitted chunks, and (when the corpus is given) the
snapshot listing exactly the corpus's articles at their current versions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsdesk.articles.chunking import document_version
from newsdesk.articles.corpus import Article
from newsdesk.index.lexical import LexicalIndex
from newsdesk.index.store import Store, chroma_pages


@dataclass
class IntegrityReport:
    """What was counted, and each inconsistency found (empty ``problems``: consistent)."""

    documents: int = 0
    chroma_chunks: int = 0
    record_keys: int = 0
    lexical_passages: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return not self.problems


def check_store(store: Store, articles: list[Article] | None = None) -> IntegrityReport:
    """Compare Chroma, the record manager, the lexical index and the snapshot (and the corpus)."""
    snapshot = store.read_snapshot()
    metadata = _chroma_metadata(store)
    keys = set(store.record_manager.list_keys())
    report = IntegrityReport(documents=len(snapshot.documents), chroma_chunks=len(metadata), record_keys=len(keys))
    problems = report.problems

    chroma_ids = set(metadata)
    _compare("Chroma entries unknown to the record manager (orphans)", chroma_ids - keys, problems)
    _compare("record-manager keys missing from Chroma", keys - chroma_ids, problems)
    unadmitted = {chunk_id for chunk_id, meta in metadata.items() if not snapshot.admits(meta)}
    _compare("Chroma chunks of versions outside the snapshot (stale)", unadmitted, problems)
    positions = Counter((meta.get("doc_id"), meta.get("start")) for meta in metadata.values())
    _compare("chunks stored twice (same doc_id and start)", {p for p, n in positions.items() if n > 1}, problems)

    per_document = Counter(str(meta.get("doc_id")) for meta in metadata.values() if snapshot.admits(meta))
    for doc_id, entry in snapshot.documents.items():
        held = per_document.get(doc_id, 0)
        if held != entry.chunks:
            problems.append(f"{doc_id}: snapshot lists {entry.chunks} chunks, Chroma holds {held}")

    lexical = LexicalIndex.load(store.root / snapshot.lexical_dir) if snapshot.lexical_dir else LexicalIndex([], None)
    lexical_ids = {passage.chunk_id for passage in lexical.passages}
    report.lexical_passages = len(lexical.passages)
    admitted = chroma_ids - unadmitted
    _compare("lexical passages not in Chroma", lexical_ids - admitted, problems)
    _compare("admitted Chroma chunks missing from the lexical index", admitted - lexical_ids, problems)

    if articles is not None:
        settings = store.settings
        expected = {a.doc_id: document_version(a, settings.chunk_size, settings.chunk_overlap) for a in articles}
        _compare("corpus articles missing from the snapshot", set(expected) - set(snapshot.documents), problems)
        _compare("snapshot documents no longer in the corpus", set(snapshot.documents) - set(expected), problems)
        listed = snapshot.documents
        outdated = {d for d, version in expected.items() if d in listed and listed[d].hash != version}
        _compare("snapshot documents at an old version", outdated, problems)
    return report


def _chroma_metadata(store: Store) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for page in chroma_pages(store.collection, include=["metadatas"]):
        found.update(zip(page["ids"], (dict(m or {}) for m in page["metadatas"]), strict=True))
    return found


def _compare(label: str, items: set, problems: list[str]) -> None:
    if items:
        shown = ", ".join(sorted(str(item) for item in items)[:5])
        problems.append(f"{label}: {len(items)} ({shown}{', ...' if len(items) > 5 else ''})")
