"""Serving while reindexing: questions asked while the corpus changes and a reindex
runs (in this process or another) get error-free answers from one consistent
index, old or new, never a citation of a document or version absent from both."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.assistant import Assistant, Request
from newsdesk.articles.corpus import load_corpus
from newsdesk.index.integrity import check_store
from newsdesk.index.retrieval import HybridRetriever

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from fault_injection import (  # noqa: E402
    AssistantTarget,
    ChangingCorpus,
    load_loop,
    marker,
    reindex_command,
    subprocess_env,
)


@pytest.fixture
def changing(tmp_path: Path, make_assistant: Callable[..., Assistant]) -> tuple[ChangingCorpus, Assistant]:
    corpus = ChangingCorpus.create(tmp_path / "corpus", articles=8, seed=5)
    assistant = make_assistant(corpus=[corpus.root])
    assistant.reindex()
    return corpus, assistant


def _dense_doc_versions(assistant: Assistant, query: str) -> set[tuple[str, str]]:
    retriever = HybridRetriever(reader=assistant.reader, k=10, mode="dense")
    return {(p.metadata["doc_id"], p.metadata["doc_hash"]) for p, _ in retriever.search(query)}


@pytest.mark.slow
def test_questions_during_in_process_reindexes_are_error_free_and_consistent(
    changing: tuple[ChangingCorpus, Assistant],
) -> None:
    corpus, assistant = changing

    stats = load_loop(AssistantTarget(assistant), corpus, assistant.reindex, clients=6, seconds=15,
                      store=assistant.settings.store)

    assert stats.reindexes >= 2 and stats.requests >= 20 and stats.reindex_errors == []
    assert stats.errors == 0, stats.error_samples
    assert stats.inconsistent == 0, stats.inconsistent_samples
    assert stats.answered > 0
    assert stats.documents_lost == 0
    assert check_store(assistant.store, load_corpus([corpus.root]).articles).problems == []


@pytest.mark.slow
def test_questions_while_another_process_reindexes_are_error_free_and_consistent(
    changing: tuple[ChangingCorpus, Assistant],
) -> None:
    corpus, assistant = changing

    def reindex_in_another_process() -> None:
        done = subprocess.run(reindex_command(assistant.settings.store, corpus.root, "--json", "--wait", "60"),
                              env=subprocess_env(), capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr

    stats = load_loop(AssistantTarget(assistant), corpus, reindex_in_another_process, clients=4, seconds=12,
                      store=assistant.settings.store)

    assert stats.reindexes >= 1 and stats.requests >= 10 and stats.reindex_errors == []
    assert stats.errors == 0, stats.error_samples
    assert stats.inconsistent == 0, stats.inconsistent_samples
    assert stats.documents_lost == 0
    # This process's Chroma handle sees what the other process wrote: added, edited, deleted.
    snapshot = assistant.reader.current()[0]
    newest = f"synthetic-{corpus.next_serial - 1:04d}.md"
    assert (newest, snapshot.documents[newest].hash) in _dense_doc_versions(assistant, marker(corpus.next_serial - 1))
    answer = assistant.ask(Request(f"How many families were moved in {marker(corpus.next_serial - 1)}?"))
    assert newest in {citation.doc_id for citation in answer.citations}
    edited = [d for d, n in corpus.revisions.items() if n > 0]
    assert edited
    for doc_id in edited:
        serial = int(doc_id.split("-")[1].split(".")[0])
        assert (doc_id, snapshot.documents[doc_id].hash) in _dense_doc_versions(assistant, marker(serial))
    for serial in range(corpus.next_serial):
        doc_id = f"synthetic-{serial:04d}.md"
        if doc_id not in corpus.revisions:
            assert doc_id not in {doc for doc, _ in _dense_doc_versions(assistant, marker(serial))}
