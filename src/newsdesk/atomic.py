"""Atomic writes: a reader sees the old file (or directory) or the new one, never half of either."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a sibling temporary file: write, fsync, rename. Newlines are kept as given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(path.name + ".tmp")
    with staging.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(staging, path)


def build_directory_atomically(directory: Path, fill: Callable[[Path], None]) -> None:
    """Create ``directory`` (which must not exist yet) by filling a temporary sibling and renaming it."""
    staging = directory.with_name(directory.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    fill(staging)
    staging.rename(directory)
