"""Damaged store files, a full disk, a read-only store and a missing index:
each is one clear message saying what to do, the previous snapshot keeps
answering, and `reindex` can always rebuild from the corpus.

The full and read-only disk cases use a real tmpfs mounted for the test
(skipped where mounting is not allowed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import SEED_QUESTION as QUESTION

from newsdesk.assistant import Assistant, Request
from newsdesk.articles.corpus import load_corpus
from newsdesk.errors import EmptyIndexError, StoreError
from newsdesk.index.integrity import check_store

REPO = Path(__file__).resolve().parent.parent
EXTRA = """---
title: Ferry capsizes on the Tarrow
outlet: Northern Ledger
published: 2024-10-15
---
At least 41 people were killed when a ferry capsized on the Tarrow River, the governor said.
"""

WRONG_SHAPE_SNAPSHOTS = {
    "a list": [],
    "documents a list": {"format": 1, "generation": 3, "documents": []},
    "entry of the wrong type": {"format": 1, "generation": 3, "documents": {"a.md": {"hash": 1}}},
    "generation a word": {"format": 1, "generation": "three", "documents": {}},
    "lexical dir outside the store": {"format": 1, "generation": 1, "documents": {}, "lexical_dir": "../../etc"},
}



def _cli(*args: str, store: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NEWSDESK_STORE": str(store)}
    return subprocess.run(
        [sys.executable, "-c", "from newsdesk.cli import main; main()", *args],
        capture_output=True, text=True, env=env, timeout=300,
    )


def _assert_one_clear_line(done: subprocess.CompletedProcess, *fragments: str) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 or all("error:" not in line for line in lines[1:]), done.stderr
    for fragment in fragments:
        assert fragment in " ".join(done.stderr.split()), done.stderr


@pytest.mark.parametrize("content", WRONG_SHAPE_SNAPSHOTS.values(), ids=WRONG_SHAPE_SNAPSHOTS.keys())
def test_a_snapshot_of_the_wrong_shape_is_reported_and_reindex_rebuilds_it(
    content: object, indexed: Assistant, corpus_dir: Path, make_assistant: Callable[..., Assistant]
) -> None:
    indexed.store.snapshot_path.write_text(json.dumps(content), encoding="utf-8")
    reader = make_assistant(corpus=[corpus_dir])

    with pytest.raises(StoreError, match="newsdesk reindex"):
        reader.ask(Request(QUESTION))
    report = reader.reindex()

    assert any("snapshot.json" in note for note in report.repaired)
    assert report.chunks_embedded == 0, "the record manager still knew every chunk"
    assert check_store(reader.store, load_corpus([corpus_dir]).articles).problems == []
    assert not reader.ask(Request(QUESTION)).refused


def test_a_snapshot_of_the_wrong_shape_gives_one_line_in_ask_status_and_reindex_rebuilds(indexed: Assistant) -> None:
    store = indexed.settings.store
    indexed.store.snapshot_path.write_text('{"format": 1, "documents": []}', encoding="utf-8")

    _assert_one_clear_line(_cli("ask", QUESTION, store=store), "snapshot.json is damaged", "newsdesk reindex")
    _assert_one_clear_line(_cli("status", store=store), "snapshot.json is damaged")
    done = _cli("reindex", "--corpus", str(indexed.settings.corpus[0]), store=store)

    assert done.returncode == 0, done.stderr
    assert "repaired" in done.stderr and "Traceback" not in done.stderr
    assert _cli("ask", QUESTION, store=store).returncode == 0


@pytest.mark.parametrize(
    "content",
    [[], {"format": 1, "generation": 1, "documents": {"x.md": {"hash": "h"}}}, {"format": 1, "documents": "none"}],
    ids=["a list", "entry without claims", "documents a string"],
)
def test_a_claim_ledger_of_the_wrong_shape_is_reported_and_reindex_rebuilds_it(
    content: object, indexed: Assistant, corpus_dir: Path, make_assistant: Callable[..., Assistant]
) -> None:
    generation = indexed.store.read_snapshot().generation
    (indexed.settings.store / "claims" / f"g{generation:06d}.json").write_text(json.dumps(content), encoding="utf-8")
    reader = make_assistant(corpus=[corpus_dir])

    with pytest.raises(StoreError, match="newsdesk reindex"):
        reader.ledger()
    report = reader.reindex()

    assert any("claims" in note for note in report.repaired)
    assert reader.ledger().claims(), "claims extracted again from the corpus"


@pytest.mark.parametrize("content", [[{"id": 1}], {"not": "a list"}, [{"id": "a", "text": "t", "metadata": "m"}]],
                         ids=["id a number", "an object", "metadata a string"])
def test_a_lexical_index_of_the_wrong_shape_is_one_error_and_reindex_rebuilds_it(
    content: object, indexed: Assistant, corpus_dir: Path, make_assistant: Callable[..., Assistant]
) -> None:
    lexical = indexed.settings.store / indexed.store.read_snapshot().lexical_dir / "chunks.json"
    lexical.write_text(json.dumps(content), encoding="utf-8")
    reader = make_assistant(corpus=[corpus_dir])

    with pytest.raises(StoreError, match="run `newsdesk reindex` to rebuild it"):
        reader.ask(Request(QUESTION))
    reader.reindex()

    assert not reader.ask(Request(QUESTION)).refused


def _damage_record_manager(assistant: Assistant) -> bytes:
    good = assistant.settings.record_db.read_bytes()
    assistant.settings.record_db.write_bytes(os.urandom(len(good)))
    return good


def test_a_damaged_record_manager_names_the_fix_and_rebuild_repairs_it(
    indexed: Assistant, corpus_dir: Path
) -> None:
    _damage_record_manager(indexed)

    with pytest.raises(StoreError, match="newsdesk reindex --rebuild"):
        indexed.reindex()
    assert not indexed.ask(Request(QUESTION)).refused, "the previous snapshot keeps answering"
    report = indexed.reindex(rebuild=True)

    assert report.repaired and report.chunks_embedded > 0
    assert check_store(indexed.store, load_corpus([corpus_dir]).articles).problems == []


def test_a_serving_process_reopens_the_record_manager_once_a_good_file_is_restored(indexed: Assistant) -> None:
    good = _damage_record_manager(indexed)
    with pytest.raises(StoreError):
        indexed.reindex()

    indexed.settings.record_db.unlink()  # restored from a backup: a new file at the same path
    indexed.settings.record_db.write_bytes(good)

    assert indexed.reindex().unchanged


def test_a_damaged_record_manager_on_the_command_line_is_one_line(indexed: Assistant) -> None:
    _damage_record_manager(indexed)
    done = _cli("reindex", "--corpus", str(indexed.settings.corpus[0]), store=indexed.settings.store)
    _assert_one_clear_line(done, "record manager", "newsdesk reindex --rebuild")


# -- full disk, read-only store ---------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 48 MB tmpfs for the store."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 1_048_576)
                handle.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_during_reindex_is_one_line_and_the_previous_snapshot_keeps_answering(
    small_disk: Path, corpus_dir: Path, make_assistant: Callable[..., Assistant]
) -> None:
    assistant = make_assistant(corpus=[corpus_dir], store=small_disk / "store")
    assistant.reindex()
    (corpus_dir / "ferry.md").write_text(EXTRA * 40, encoding="utf-8")
    filler = _fill(small_disk)

    with pytest.raises(StoreError, match="disk is full|No space left"):
        assistant.reindex()

    # The serving assistant, and another one in the same process (sharing Chroma's per-directory system).
    for reader in (assistant, make_assistant(corpus=[corpus_dir], store=small_disk / "store")):
        assert not reader.ask(Request(QUESTION)).refused
        assert "ferry.md" not in reader.documents()
    filler.unlink()
    assert assistant.reindex().added == ["ferry.md"]


def test_a_read_only_store_is_one_line_and_the_previous_snapshot_keeps_answering(
    tmp_path: Path, corpus_dir: Path, make_assistant: Callable[..., Assistant]
) -> None:
    store = tmp_path / "store"
    serving = make_assistant(corpus=[corpus_dir], store=store)
    serving.reindex()
    (corpus_dir / "ferry.md").write_text(EXTRA, encoding="utf-8")
    read_only = tmp_path / "read-only-view"
    read_only.mkdir()
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(store), str(read_only)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.decode().strip()}")
    try:
        with pytest.raises(StoreError, match="Read-only file system"):
            make_assistant(corpus=[corpus_dir], store=read_only).reindex()
        _assert_one_clear_line(_cli("reindex", "--corpus", str(corpus_dir), store=read_only), "Read-only file system")
        assert not serving.ask(Request(QUESTION)).refused
        assert "ferry.md" not in serving.documents()
    finally:
        subprocess.run(["umount", "-l", str(read_only)], check=False)


# -- missing or empty index ---------------------------------------------------------
def test_a_never_built_store_says_the_index_is_missing_and_how_to_build_it(
    make_assistant: Callable[..., Assistant],
) -> None:
    with pytest.raises(EmptyIndexError, match="missing or empty; build it with `newsdesk reindex"):
        make_assistant().ask(Request(QUESTION))


def test_a_snapshot_deleted_while_serving_says_the_index_is_missing(indexed: Assistant) -> None:
    indexed.store.snapshot_path.unlink()
    with pytest.raises(EmptyIndexError):
        indexed.ask(Request(QUESTION))


def test_ask_on_a_missing_store_exits_non_zero_with_the_fix(tmp_path: Path) -> None:
    done = _cli("ask", QUESTION, store=tmp_path / "never-built")
    _assert_one_clear_line(done, "missing or empty", "newsdesk reindex")
    assert "does not say" not in done.stdout
