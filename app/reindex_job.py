"""A reindex that runs in its own thread, so the chat keeps answering meanwhile.

Questions asked during a reindex read the previous snapshot until the new one
is published atomically (see `newsdesk.index.indexing`). One job runs at a time: a
second click while it runs watches the same job instead of starting another.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from newsdesk.assistant import Assistant
from newsdesk.errors import NewsdeskError


@dataclass
class JobState:
    """What the UI shows about the job; replaced whole, so a reader never sees half an update."""

    running: bool = False
    done: int = 0
    total: int = 0
    current: str = ""
    counts: dict[str, Any] | None = None
    error: str | None = None
    finished_at: float | None = None
    report: Any = None  # the finished run's `ReindexReport` (uploads read per-file outcomes from it)


class ReindexJob:
    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.state = JobState()

    def start(self) -> threading.Thread:
        """Start a reindex unless one is running; either way return the thread to watch."""
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self.state = JobState(running=True)
                self._thread = threading.Thread(target=self._run, name="newsdesk-reindex", daemon=True)
                self._thread.start()
            return self._thread

    def start_new(self) -> threading.Thread:
        """Start a reindex that reads the corpus from now on, after any running one finishes
        (a running one may have read the folder before a file was just saved)."""
        while True:
            with self._lock:
                running = self._thread
                if running is None or not running.is_alive():
                    self.state = JobState(running=True)
                    self._thread = threading.Thread(target=self._run, name="newsdesk-reindex", daemon=True)
                    self._thread.start()
                    return self._thread
            running.join()

    def _progress(self, done: int, total: int, doc_id: str) -> None:
        self.state = JobState(running=True, done=done, total=total, current=doc_id)

    def _run(self) -> None:
        try:
            report = self.assistant.reindex(self._progress)
        except NewsdeskError as exc:
            self.state = JobState(error=str(exc), finished_at=time.time())
        except Exception as exc:  # noqa: BLE001 - shown to the user instead of killing the thread silently
            self.state = JobState(error=f"Reindex failed unexpectedly: {exc!r}", finished_at=time.time())
        else:
            counts = report.counts()
            counts.update(documents=report.documents, chunks=report.chunks, chunks_embedded=report.chunks_embedded)
            self.state = JobState(counts=counts, finished_at=time.time(), report=report)

    def run_and_wait(self, poll: float = 0.2) -> JobState:
        thread = self.start()
        while thread.is_alive():
            thread.join(poll)
        return self.state
