"""Invented tables under tests/data: one JSON object a line, the rows a table test is parametrised by."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


def table(name: str) -> list[dict[str, Any]]:
    """The rows of ``tests/data/<name>.jsonl``, blank lines skipped."""
    text = (DATA / f"{name}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def tables(*names: str) -> list[tuple[str, dict[str, Any]]]:
    """Every row of each named table beside the table's name (which says whether it is a held-out part)."""
    return [(name, row) for name in names for row in table(name)]
