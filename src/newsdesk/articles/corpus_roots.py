"""A store remembers the corpus folders it was built from.

`serve`, `reindex` and the chat's Reindex reuse those folders unless the
corpus is given explicitly (flag, environment or config file). Without this,
a store built from ``--corpus MYDIR`` and served from elsewhere would fall
back to ``./corpus`` and a Reindex would delete every article of MYDIR.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from newsdesk.settings import Settings

_SNAPSHOT_FILE = "snapshot.json"


def absolute_roots(roots: Iterable[Path]) -> list[str]:
    """The roots as absolute paths (not resolved: a symlinked corpus folder keeps its name)."""
    return [os.path.abspath(root) for root in roots]


def remembered_roots(store: Path) -> list[Path]:
    """The corpus roots recorded in the store's snapshot; empty for a new or unreadable store."""
    try:
        data = json.loads((store / _SNAPSHOT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []  # a damaged snapshot is reported by the store itself
    roots = data.get("corpus_roots") if isinstance(data, dict) else None
    if not isinstance(roots, list):
        return []
    return [Path(root) for root in roots if isinstance(root, str) and root]


def with_remembered_corpus(settings: Settings) -> Settings:
    """``settings`` with the store's recorded corpus roots, unless a corpus was given explicitly."""
    if "corpus" in settings.model_fields_set:
        return settings
    roots = remembered_roots(settings.store)
    if not roots:
        return settings
    return settings.model_copy(update={"corpus": roots})

