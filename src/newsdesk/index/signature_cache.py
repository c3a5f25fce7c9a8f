"""The store's MinHash signatures of article bodies (``signatures.sqlite``), so that finding wire
copies after an edit hashes the edited article, not the whole corpus (docs/benchmarks.md, bookkeeping).

A cache: any failure reads as a miss and the signature is computed again. Rows are keyed by
``<hash scheme>:<body hash>`` (`newsdesk.articles.duplicates.signature_key`), so a signature is never
stale; rows of bodies no longer indexed are dropped by `prune`.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np

SIGNATURES_FILE = "signatures.sqlite"
_BATCH = 500


class SignatureCache:
    def __init__(self, store_root: Path) -> None:
        self.path = store_root / SIGNATURES_FILE

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(str(self.path), timeout=5)
        connection.execute("CREATE TABLE IF NOT EXISTS signatures (key TEXT PRIMARY KEY, hashvalues BLOB NOT NULL)")
        return connection

    def get(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        try:
            with closing(self._connect()) as connection, connection:
                for begin in range(0, len(keys), _BATCH):
                    part = keys[begin:begin + _BATCH]
                    rows = connection.execute(
                        f"SELECT key, hashvalues FROM signatures WHERE key IN ({','.join('?' * len(part))})", part
                    ).fetchall()
                    found.update((key, np.frombuffer(blob, dtype=np.uint64)) for key, blob in rows)
        except sqlite3.Error:
            return found
        return found

    def put(self, signatures: dict[str, np.ndarray]) -> None:
        try:
            with closing(self._connect()) as connection, connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO signatures (key, hashvalues) VALUES (?, ?)",
                    [(key, np.asarray(values, dtype=np.uint64).tobytes()) for key, values in signatures.items()],
                )
        except sqlite3.Error:
            pass

    def prune(self, bodies: set[str]) -> None:
        """Drop the signatures of bodies whose hash is not in ``bodies`` (the articles of the last reindex)."""
        try:
            with closing(self._connect()) as connection, connection:
                stale = [
                    key for (key,) in connection.execute("SELECT key FROM signatures")
                    if key.rpartition(":")[2] not in bodies
                ]
                for begin in range(0, len(stale), _BATCH):
                    part = stale[begin:begin + _BATCH]
                    connection.execute(f"DELETE FROM signatures WHERE key IN ({','.join('?' * len(part))})", part)
        except sqlite3.Error:
            pass
