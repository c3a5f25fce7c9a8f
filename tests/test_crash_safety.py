"""Crash safety: `newsdesk reindex` killed with SIGKILL at random moments, again and
again while the corpus changes, leaves a store that the next reindex brings to
exactly the corpus. Two reindexes never write at once."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.assistant import Assistant, Request
from newsdesk.articles.corpus import load_corpus
from newsdesk.index.integrity import check_store
from newsdesk.index.retrieval import HybridRetriever

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from fault_injection import ChangingCorpus, kill_loop, marker, reindex_command, subprocess_env  # noqa: E402

KILLS = 10


@pytest.mark.slow
def test_reindex_killed_ten_times_converges_to_exactly_the_corpus(
    tmp_path: Path, make_assistant: Callable[..., Assistant]
) -> None:
    corpus = ChangingCorpus.create(tmp_path / "corpus", articles=12, seed=11)
    store = tmp_path / "store"

    stats = kill_loop(store, corpus, kills=KILLS, rng=random.Random(11))

    assert stats.kills >= KILLS, f"only {stats.kills} kills landed: {stats}"
    assert stats.phases.get("writing", 0) >= KILLS // 2
    ever_deleted = {f"synthetic-{n:04d}.md" for n in range(corpus.next_serial)} - set(corpus.synthetic_ids())
    assert ever_deleted, "the loop must have deleted articles to prove they stay deleted"

    assistant = make_assistant(store=store, corpus=[corpus.root])
    assistant.reindex()

    articles = load_corpus([corpus.root]).articles
    integrity = check_store(assistant.store, articles)
    assert integrity.problems == []
    assert integrity.chroma_chunks == integrity.record_keys == integrity.lexical_passages > 0
    snapshot = assistant.store.read_snapshot()
    assert set(snapshot.documents) == {article.doc_id for article in articles}
    for doc_id in sorted(ever_deleted):
        serial = int(doc_id.split("-")[1].split(".")[0])
        assert assistant.store.collection.get(where={"doc_id": doc_id}, include=[])["ids"] == []
        for mode in ("dense", "bm25"):
            retriever = HybridRetriever(reader=assistant.reader, k=10, mode=mode)
            assert doc_id not in {p.metadata["doc_id"] for p, _ in retriever.search(f"{marker(serial)} families")}
        answer = assistant.ask(Request(f"How many families were moved in {marker(serial)}?"))
        assert doc_id not in {citation.doc_id for citation in answer.citations}


@pytest.mark.slow
def test_second_reindex_exits_with_a_clear_message_or_waits_never_both_writing(
    tmp_path: Path, make_assistant: Callable[..., Assistant]
) -> None:
    corpus = ChangingCorpus.create(tmp_path / "corpus", articles=2, seed=3)
    assistant = make_assistant(corpus=[corpus.root])
    assistant.reindex()
    snapshot_before = assistant.store.snapshot_path.stat().st_mtime_ns

    with assistant.store.writer_lock():  # a reindex is writing
        refused = subprocess.run(
            reindex_command(assistant.settings.store, corpus.root), env=subprocess_env(),
            capture_output=True, text=True, timeout=120,
        )
        assert assistant.store.snapshot_path.stat().st_mtime_ns == snapshot_before, "never both writing"
    assert refused.returncode == 1
    assert "Another reindex is writing to" in refused.stderr and "--wait" in refused.stderr
    assert "Traceback" not in refused.stderr

    gone = corpus.synthetic_ids()[0]
    corpus.delete(gone)
    waiting = make_assistant(corpus=[corpus.root], lock_timeout=60)  # what `reindex --wait 60` builds
    outcome: dict[str, object] = {}
    with assistant.store.writer_lock():
        thread = threading.Thread(target=lambda: outcome.update(report=waiting.reindex()))
        thread.start()
        thread.join(timeout=2.0)
        assert thread.is_alive(), "the second reindex waits for the lock"
        assert assistant.store.snapshot_path.stat().st_mtime_ns == snapshot_before, "never both writing"
    thread.join(timeout=120)
    assert outcome["report"].deleted == [gone]  # type: ignore[attr-defined]
    assert assistant.store.snapshot_path.stat().st_mtime_ns != snapshot_before
    assert check_store(assistant.store, load_corpus([corpus.root]).articles).problems == []
