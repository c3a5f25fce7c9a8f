"""The indexed text of every document version, kept in the store.

`show`, the eval and citation checks read a document's body from here, not
from the corpus: the file may have changed, or been swapped for a link to
``/etc/passwd``, since it was indexed. One file per document version
(``bodies/<version>.txt``), written by reindex before the snapshot that
names the version is published, removed once no kept snapshot names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from newsdesk.atomic import write_atomically
from newsdesk.errors import StoreError

BODIES_DIR = "bodies"
_SAFE_VERSION = re.compile(r"[A-Za-z0-9_-]{8,100}")


def body_path(store_root: Path, version: str) -> Path:
    if not _SAFE_VERSION.fullmatch(version):
        raise StoreError(f"Document version {version[:40]!r} in the snapshot is malformed; run `newsdesk reindex`.")
    return store_root / BODIES_DIR / f"{version}.txt"


def write_body(store_root: Path, version: str, body: str) -> None:
    """Keep ``body`` under its version (once: a version's text never changes)."""
    path = body_path(store_root, version)
    if path.exists():
        return
    write_atomically(path, body)


def read_body(store_root: Path, version: str) -> str | None:
    """The indexed body of ``version``; None when the store has none (an index built before bodies were kept)."""
    try:
        with body_path(store_root, version).open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"The stored text of a document is unreadable ({exc}); run `newsdesk reindex --rebuild`.") from exc


def remove_unused_bodies(store_root: Path, keep: Iterable[str]) -> None:
    directory = store_root / BODIES_DIR
    if not directory.is_dir():
        return
    names = {f"{version}.txt" for version in keep}
    for child in directory.iterdir():
        if child.name not in names:
            child.unlink(missing_ok=True)
