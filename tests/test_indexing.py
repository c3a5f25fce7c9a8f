"""Incremental reindex against a real Chroma store and the real model."""

from pathlib import Path

import numpy as np

from newsdesk.assistant import Request
from newsdesk.claims.ledger import read_ledger
from newsdesk.index.lexical import LexicalIndex

ARTICLE = """---
title: Ferry capsizes on the Tarrow
outlet: Northern Ledger
published: 2024-10-15
---
At least 41 people were killed when a ferry capsized on the Tarrow River, the governor said.

Divers will resume the search on Wednesday, the Interior Ministry said.
"""


def _write(corpus: Path, name: str, text: str) -> None:
    (corpus / name).write_text(text, encoding="utf-8")


def test_first_run_adds_everything_and_a_second_run_embeds_nothing(make_assistant, corpus_dir):
    assistant = make_assistant(corpus=[corpus_dir])
    first = assistant.reindex()
    assert first.counts()["added"] == 1 and first.chunks_embedded > 0
    second = assistant.reindex()
    assert second.counts() == {
        "added": 0, "updated": 0, "deleted": 0, "unchanged": 1, "failed": 0, "failures": []
    }
    assert second.chunks_embedded == 0


def test_editing_one_paragraph_reembeds_only_that_document(make_assistant, corpus_dir):
    _write(corpus_dir, "ferry.md", ARTICLE)
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    _write(corpus_dir, "ferry.md", ARTICLE.replace("At least 41", "At least 57"))
    report = assistant.reindex()
    assert report.updated == ["ferry.md"] and report.unchanged == ["000_2392ac50c3bede51.md"]
    ferry_chunks = assistant.documents()["ferry.md"].chunks
    assert 0 < report.chunks_embedded <= ferry_chunks
    answer = assistant.ask(Request("How many people were killed when the ferry capsized?"))
    assert "57" in answer.answer and "41" not in answer.answer


def test_a_deleted_document_disappears_from_every_index(make_assistant, corpus_dir):
    _write(corpus_dir, "ferry.md", ARTICLE)
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    (corpus_dir / "ferry.md").unlink()
    report = assistant.reindex()
    assert report.deleted == ["ferry.md"]
    assert "ferry.md" not in assistant.documents()
    store = assistant.store
    assert store.chroma_ids() == set(store.record_manager.list_keys())
    for mode in ("dense", "bm25", "hybrid"):
        passages = assistant.retriever(Request("ferry capsized Tarrow River", mode=mode)).invoke("ferry capsized")
        assert all(p.metadata["doc_id"] != "ferry.md" for p in passages)
    answer = assistant.ask(Request("How many people were killed when the ferry capsized?"))
    assert answer.refused and not answer.citations


def test_a_file_that_breaks_keeps_its_previous_version_and_is_reported(make_assistant, corpus_dir):
    _write(corpus_dir, "ferry.md", ARTICLE)
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    _write(corpus_dir, "ferry.md", "---\ntitle: [broken\n---\nText.\n")
    report = assistant.reindex()
    assert report.counts()["failed"] == 1
    assert report.failures[0].path.endswith("ferry.md")
    assert "ferry.md" in assistant.documents()  # the indexed version still answers
    assert report.deleted == []


def test_changing_the_chunk_size_reindexes_without_leaving_old_chunks(make_assistant, corpus_dir):
    make_assistant(corpus=[corpus_dir]).reindex()
    assistant = make_assistant(corpus=[corpus_dir], chunk_size=300)
    report = assistant.reindex()
    assert report.updated == ["000_2392ac50c3bede51.md"]
    store = assistant.store
    assert len(store.chroma_ids()) == assistant.status()["chunks"]


def test_status_counts_documents_and_chunks(seed_assistant):
    status = seed_assistant.status()
    assert status["documents"] == 1
    assert status["chunks"] >= 3
    assert status["last_reindex"]


def test_after_an_edit_the_ledger_and_lexical_index_equal_a_full_rebuilds(make_assistant, corpus_dir, tmp_path):
    """An edit carries unchanged documents' claims and passages over instead of recomputing them;
    what it publishes must be what indexing the edited corpus from scratch publishes."""
    _write(corpus_dir, "ferry.md", ARTICLE)
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    _write(corpus_dir, "ferry.md", ARTICLE.replace("At least 41", "At least 57"))
    assistant.reindex()
    fresh = make_assistant(corpus=[corpus_dir], store=tmp_path / "fresh-store")
    fresh.reindex()

    def published(which):  # type: ignore[no-untyped-def]
        snapshot = which.store.read_snapshot()
        passages = LexicalIndex.load(which.settings.store / snapshot.lexical_dir)
        ledger = read_ledger(which.settings.store, snapshot.generation)
        return ([(p.chunk_id, p.text) for p in passages.passages], np.asarray(passages.vectors),
                {doc_id: entry.claims for doc_id, entry in ledger.documents.items()})

    (edited_passages, edited_vectors, edited_claims), (fresh_passages, fresh_vectors, fresh_claims) = (
        published(assistant), published(fresh))
    assert edited_passages == fresh_passages
    assert np.allclose(edited_vectors, fresh_vectors, atol=1e-6)
    assert edited_claims == fresh_claims and edited_claims["000_2392ac50c3bede51.md"]
