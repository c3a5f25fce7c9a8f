"""A watched corpus: files added, edited and deleted are answered from (or gone) soon after, while questions go on."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import REPO, SEED_DOC
from newsdesk.assistant import Request
from newsdesk.index.watching import WatchEvent, relevant_change, start_watch_thread

pytestmark = pytest.mark.slow

ARTICLE = """---
title: Ferry line opens
outlet: Island Echo
published: 2024-08-{day:02d}
---
The new ferry line between Orsund and Kalvholm carries {count} passengers a day, the operator said.
"""
QUESTION = "How many passengers a day does the Orsund ferry line carry?"


@pytest.mark.parametrize(
    ("path", "relevant"),
    [
        ("/c/story.md", True),
        ("/c/page.html", True),
        ("/c/export.jsonl", True),
        ("/c/.story.md.part", False),
        ("/c/.hidden.md", False),
        ("/c/story.md.swp", False),
        ("/c/image.png", False),
        ("/c/#story.md#", False),
    ],
)
def test_only_article_files_trigger_a_reindex(path: str, relevant: bool):
    assert relevant_change(path) is relevant


def wait_until(condition, timeout: float = 60.0, poll: float = 0.05) -> float:
    """Seconds until ``condition()`` held; fails after ``timeout``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(poll)
    raise AssertionError("condition not met in time")


@pytest.fixture
def watched(make_assistant, corpus_dir: Path):
    assistant = make_assistant(corpus=[corpus_dir], watch_debounce_ms=200)
    assistant.reindex()
    events: list[WatchEvent] = []
    thread, stop = start_watch_thread(assistant.reindex, [corpus_dir], 200, events.append)
    time.sleep(0.5)  # the watcher is listening
    yield assistant, corpus_dir, events
    stop.set()
    thread.join(10)


def cites(assistant, doc_id: str, words: str) -> bool:
    answer = assistant.ask(Request(QUESTION))
    return any(c.doc_id == doc_id and words in c.quote for c in answer.citations)


def test_added_edited_and_deleted_files_are_followed_while_questions_are_asked(watched):
    assistant, corpus, events = watched
    errors: list[BaseException] = []
    asking = threading.Event()

    def keep_asking() -> None:
        while not asking.is_set():
            try:
                assert assistant.ask(Request("Who controls Kherson?")).citations
            except BaseException as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        (corpus / "ferry.md").write_text(ARTICLE.format(day=1, count="1,200"), encoding="utf-8")
        wait_until(lambda: cites(assistant, "ferry.md", "1,200"))
        (corpus / "ferry.md").write_text(ARTICLE.format(day=2, count="1,450"), encoding="utf-8")
        wait_until(lambda: cites(assistant, "ferry.md", "1,450"))
        (corpus / "ferry.md").unlink()
        wait_until(lambda: "ferry.md" not in assistant.documents())
        assert not cites(assistant, "ferry.md", "passengers")
    finally:
        asking.set()
        asker.join(30)
    assert errors == []
    assert SEED_DOC in assistant.documents()
    assert [e.error for e in events if e.error] == []


def test_a_burst_of_files_is_indexed_by_one_reindex(watched):
    assistant, corpus, events = watched
    for day in range(1, 6):
        (corpus / f"burst-{day}.md").write_text(ARTICLE.format(day=day, count=day * 100), encoding="utf-8")
    wait_until(lambda: len([d for d in assistant.documents() if d.startswith("burst-")]) == 5)
    time.sleep(0.5)
    [event] = [e for e in events if e.report and e.report.added]
    assert sorted(event.report.added) == [f"burst-{day}.md" for day in range(1, 6)]


def test_reindex_watch_command_indexes_a_file_dropped_in(tmp_path: Path, corpus_dir: Path):
    store = tmp_path / "watch-store"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(PYTHONPATH=str(REPO / "src"), NEWSDESK_WATCH_DEBOUNCE_MS="200")
    process = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", "reindex", "--watch", "--corpus", str(corpus_dir), "--store", str(store)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert any("watching" in line for line in iter(process.stderr.readline, ""))  # first reindex done
        time.sleep(1.0)
        (corpus_dir / "ferry.md").write_text(ARTICLE.format(day=1, count="1,200"), encoding="utf-8")
        lines = iter(process.stdout.readline, "")
        assert any(line.startswith("added 1, updated 0, deleted 0, failed 0") for line in lines)
    finally:
        process.terminate()
        process.wait(20)
