"""A watched corpus: files added, edited or deleted are indexed as they change.

`watchfiles` reports changes under the corpus roots; a burst (an editor's
save-rename dance, a copied folder) is grouped until the folder has been quiet
for ``settings.watch_debounce_ms``, then one ordinary `reindex` runs. That
reindex is incremental (only what changed is embedded) and as crash-safe as
any other: the watch adds no state of its own. A reindex that fails (another
one holds the lock, the disk is full) is reported and retried on the next change
or after ``RETRY_SECONDS``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsdesk.errors import NewsdeskError
from newsdesk.articles.formats import is_supported
from newsdesk.index.indexing import ReindexReport

RETRY_SECONDS = 5.0
# Longest a continuous stream of changes may postpone a reindex.
MAX_GROUPING_MS = 10_000


@dataclass(frozen=True)
class WatchEvent:
    """One reindex the watch ran: what changed on disk, and its report or error."""

    changed: tuple[str, ...]
    report: ReindexReport | None
    error: str | None
    seconds: float


def relevant_change(path: str) -> bool:
    """A change to an article file; hidden files, editor temp files and upload staging files are not."""
    name = Path(path).name
    return not name.startswith((".", "#", "~")) and is_supported(Path(path))


def watch_corpus(
    reindex: Callable[[], ReindexReport],
    roots: list[Path],
    debounce_ms: int,
    on_event: Callable[[WatchEvent], None],
    stop: threading.Event | None = None,
) -> None:
    """Run ``reindex`` after every quiet burst of article changes under ``roots``, until ``stop`` is set."""
    from watchfiles import watch

    existing = [str(root) for root in roots if Path(root).is_dir()]
    if not existing:
        raise NewsdeskError(f"None of the corpus folders exists ({', '.join(map(str, roots))}); nothing to watch.")
    failed = False
    for changes in watch(
        *existing,
        watch_filter=lambda _change, path: relevant_change(path),
        step=debounce_ms,
        debounce=max(MAX_GROUPING_MS, debounce_ms),
        stop_event=stop,
        rust_timeout=int(RETRY_SECONDS * 1000),
        yield_on_timeout=True,
        raise_interrupt=False,
    ):
        if not changes and not failed:
            continue  # a timeout tick with nothing to retry
        failed = _run(reindex, tuple(sorted({path for _, path in changes})), on_event)


def _run(reindex: Callable[[], ReindexReport], changed: tuple[str, ...], on_event: Callable[[WatchEvent], None]) -> bool:
    started = time.perf_counter()
    try:
        report = reindex()
    except NewsdeskError as exc:
        on_event(WatchEvent(changed, None, str(exc), time.perf_counter() - started))
        return True
    on_event(WatchEvent(changed, report, None, time.perf_counter() - started))
    return False


def start_watch_thread(
    reindex: Callable[[], ReindexReport], roots: list[Path], debounce_ms: int, on_event: Callable[[WatchEvent], None]
) -> tuple[threading.Thread, threading.Event]:
    """`watch_corpus` in a daemon thread (for `serve --watch`); set the event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(
        target=watch_corpus, args=(reindex, roots, debounce_ms, on_event, stop), name="newsdesk-watch", daemon=True
    )
    thread.start()
    return thread, stop
