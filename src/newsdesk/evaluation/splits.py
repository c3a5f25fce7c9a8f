"""The eval splits' discipline in code: the sealed test split (`eval/test/`) is for reporting only, so scripts that
fit, tune or diagnose refuse it (eval/README.md, "Splits and the discipline that keeps them honest")."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

SEALED_SPLIT = ("eval", "test")


def sealed(paths: Iterable[Path | str]) -> list[Path]:
    """The paths that lie in a checkout's sealed test split (an ``eval/test`` folder on the path)."""
    return [Path(path) for path in paths if _in_sealed_split(Path(path))]


def _in_sealed_split(path: Path) -> bool:
    parts = path.resolve().parts
    return any(parts[index:index + len(SEALED_SPLIT)] == SEALED_SPLIT for index in range(len(parts)))
