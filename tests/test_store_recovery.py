"""A damaged store: each missing or broken part is reported with what to do, and
`reindex` brings the store back to exactly the corpus without re-embedding what
it still has."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SEED_QUESTION as QUESTION

from newsdesk.assistant import Assistant, Request
from newsdesk.articles.corpus import load_corpus
from newsdesk.errors import StoreError
from newsdesk.index.integrity import check_store




def _assert_recovered(assistant: Assistant, corpus: Path) -> None:
    assert check_store(assistant.store, load_corpus([corpus]).articles).problems == []
    assert not assistant.ask(Request(QUESTION)).refused


def test_damaged_snapshot_is_reported_then_rebuilt_by_reindex(
    indexed: Assistant, corpus_dir: Path, make_assistant: Callable[..., Assistant]
) -> None:
    indexed.store.snapshot_path.write_text('{"format": 1, "documents": {"trunc', encoding="utf-8")
    reader = make_assistant(corpus=[corpus_dir])

    with pytest.raises(StoreError, match="newsdesk reindex"):
        reader.ask(Request(QUESTION))
    report = reader.reindex()

    assert report.chunks_embedded == 0, "the record manager still knew every chunk"
    _assert_recovered(reader, corpus_dir)


def test_missing_lexical_index_is_reported_then_rebuilt_by_reindex(
    indexed: Assistant, corpus_dir: Path, make_assistant: Callable[..., Assistant]
) -> None:
    shutil.rmtree(indexed.settings.store / "lexical")
    reader = make_assistant(corpus=[corpus_dir])

    with pytest.raises(StoreError, match="run `newsdesk reindex` to rebuild it"):
        reader.ask(Request(QUESTION))
    reader.reindex()

    _assert_recovered(reader, corpus_dir)


def test_lost_chroma_files_are_refilled_by_reindex(
    indexed: Assistant, corpus_dir: Path, make_assistant: Callable[..., Assistant]
) -> None:
    chunks = indexed.store.read_snapshot().chunk_count
    indexed.store.reopen()
    shutil.rmtree(indexed.settings.chroma_dir)
    assistant = make_assistant(corpus=[corpus_dir])

    report = assistant.reindex()

    assert report.chunks_embedded == chunks
    assert assistant.store.read_snapshot().chunk_count == chunks
    _assert_recovered(assistant, corpus_dir)
