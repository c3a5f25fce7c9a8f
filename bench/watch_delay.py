"""Watched folder: how soon a dropped, edited or deleted file is reflected in answers.

    PYTHONPATH=src python bench/watch_delay.py [--rounds 5]

The chat process watches its own corpus (``serve --watch``): the watcher runs
an ordinary reindex in a thread, questions are asked from the main thread
every 20 ms. Measured per change:

- ``after embedding``: from the end of the last embedding call of the
  reindex to the first answer that cites the new text (target under 2 s);
- ``from save``: from writing the file to that answer (includes the debounce
  and the embedding itself, which the reindex time shows as the baseline).
For a deletion, from saving the deletion to the document leaving the index.

With ``--separate-process`` the watcher is ``newsdesk reindex --watch`` in a
process of its own and the questions come from this one (as when the chat
and the watcher run apart): measured from save, and from the moment the
watcher printed that its reindex finished.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from newsdesk.assistant import Assistant, Request  # noqa: E402
from newsdesk.settings import load_settings  # noqa: E402
from newsdesk.index.watching import WatchEvent, start_watch_thread  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ARTICLE = """---
title: Ferry line opens
outlet: Island Echo
published: 2024-08-01
---
The new ferry line between Orsund and Kalvholm carries {count} passengers a day, the operator said.
"""
QUESTION = "How many passengers a day does the Orsund ferry line carry?"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--debounce-ms", type=int, default=300)
    parser.add_argument("--separate-process", action="store_true")
    args = parser.parse_args()
    if args.separate_process:
        separate_process(args.rounds, args.debounce_ms)
        return
    root = Path(tempfile.mkdtemp(prefix="newsdesk-watch-bench-"))
    corpus = root / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    assistant = Assistant(load_settings(environ={}, store=root / "store", corpus=[corpus]))
    assistant.reindex()
    assistant.warm_up()
    embedded_at: list[float] = []
    events: list[WatchEvent] = []

    def reindex():
        def progress(done: int, total: int, _doc: str) -> None:
            if done == total:
                embedded_at.append(time.monotonic())

        return assistant.reindex(progress)

    thread, stop = start_watch_thread(reindex, [corpus], args.debounce_ms, events.append)
    time.sleep(1.0)
    after_embedding: list[float] = []
    from_save: list[float] = []
    reindex_seconds: list[float] = []
    deleted: list[float] = []
    try:
        for round_number in range(args.rounds):
            for count in (f"{1000 + round_number},200", f"{2000 + round_number},450"):  # add, then edit
                embedded_at.clear()
                saved = time.monotonic()
                (corpus / "ferry.md").write_text(ARTICLE.format(count=count), encoding="utf-8")
                while not any(count in c.quote for c in assistant.ask(Request(QUESTION)).citations):
                    time.sleep(0.02)
                answered = time.monotonic()
                after_embedding.append(answered - embedded_at[-1])
                from_save.append(answered - saved)
                time.sleep(0.3)
                reindex_seconds.append(events[-1].seconds)
            saved = time.monotonic()
            (corpus / "ferry.md").unlink()
            while "ferry.md" in assistant.documents():
                time.sleep(0.02)
            deleted.append(time.monotonic() - saved)
            time.sleep(0.5)
    finally:
        stop.set()
        thread.join(10)
        shutil.rmtree(root, ignore_errors=True)
    print(f"{len(after_embedding)} additions/edits, {len(deleted)} deletions, debounce {args.debounce_ms} ms")
    for label, values in (
        ("answerable after embedding", after_embedding),
        ("answerable from save", from_save),
        ("reindex run (baseline)", reindex_seconds),
        ("gone from save (deletion)", deleted),
    ):
        print(f"{label:28s} median {statistics.median(values):.3f} s, max {max(values):.3f} s")
    baseline = statistics.median(reindex_seconds)
    print(f"ratio to the reindex run: answerable after embedding {statistics.median(after_embedding) / baseline:.2f}, "
          f"from save {statistics.median(from_save) / baseline:.2f}")


def separate_process(rounds: int, debounce_ms: int) -> None:
    root = Path(tempfile.mkdtemp(prefix="newsdesk-watch-bench-"))
    corpus = root / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(NEWSDESK_WATCH_DEBOUNCE_MS=str(debounce_ms), PYTHONPATH=str(REPO / "src"))
    watcher = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", "reindex", "--watch", "--corpus", str(corpus), "--store", str(root / "store")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    finished: list[float] = []
    try:
        for line in iter(watcher.stderr.readline, ""):
            if "watching" in line:
                break
        threading.Thread(
            target=lambda: [finished.append(time.monotonic()) for line in iter(watcher.stdout.readline, "")
                            if line.startswith("added")],
            daemon=True,
        ).start()
        assistant = Assistant(load_settings(environ={}, store=root / "store", corpus=[corpus]))
        assistant.warm_up()
        from_save: list[float] = []
        after_reindex: list[float] = []
        after_publish: list[float] = []
        for round_number in range(rounds):
            count = f"{3000 + round_number},100"
            seen = len(finished)
            stamp = assistant.store.snapshot_stamp()
            published = None
            saved = time.monotonic()
            (corpus / "ferry.md").write_text(ARTICLE.format(count=count), encoding="utf-8")
            while True:
                if published is None and assistant.store.snapshot_stamp() != stamp:
                    published = time.monotonic()
                if any(count in c.quote for c in assistant.ask(Request(QUESTION)).citations):
                    break
                time.sleep(0.02)
            answered = time.monotonic()
            from_save.append(answered - saved)
            after_publish.append(answered - (published or answered))
            while len(finished) <= seen:
                time.sleep(0.01)
            after_reindex.append(answered - finished[seen])
            (corpus / "ferry.md").unlink()
            time.sleep(2.0)
    finally:
        watcher.terminate()
        watcher.wait(20)
        shutil.rmtree(root, ignore_errors=True)
    print(f"separate watcher process, {rounds} additions, debounce {debounce_ms} ms")
    print(f"answerable from save          median {statistics.median(from_save):.3f} s, max {max(from_save):.3f} s")
    print(f"answerable after the snapshot was published (seen by polling its file) "
          f"median {statistics.median(after_publish):.3f} s, max {max(after_publish):.3f} s")
    print(f"answerable after the watcher's reindex finished (negative: before it printed) "
          f"median {statistics.median(after_reindex):.3f} s, max {max(after_reindex):.3f} s")


if __name__ == "__main__":
    main()
