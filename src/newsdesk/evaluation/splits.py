"""The eval splits' discipline in code: the sealed test split (`eval/test/`) is for reporting only, so scripts that
fit, tune or diagnose refuse it (eval/README.md, "Splits and the discipline that keeps them honest")."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

SEALED_SPLIT = ("eval", "test")


def sealed(paths: Iterable[Path | str]) -> list[Path]:
    """The paths that lie in a checkout's sealed test split (an ``eval/test`` folder on the path)."""
    return [Path(path) for path in paths if _in_sealed_split(Path(path))]


def refuse_sealed(paths: Iterable[Path | str], use: str = "read") -> bool:
    """True, after saying so on stderr ("refusing to read the sealed test split"), when any of ``paths`` lies in the
    sealed split: what a script that fits, tunes or diagnoses checks before it reads its sets."""
    if not sealed(paths):
        return False
    print(f"refusing to {use} the sealed test split", file=sys.stderr)
    return True


def _in_sealed_split(path: Path) -> bool:
    parts = path.resolve().parts
    return any(parts[index:index + len(SEALED_SPLIT)] == SEALED_SPLIT for index in range(len(parts)))
