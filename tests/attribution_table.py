"""The attribution specification table (tests/data/attribution_table.jsonl) scored against the rules.

Run ``PYTHONPATH=src python tests/attribution_table.py [--holdout]`` for the accuracy and every miss;
tests/test_attribution_table.py checks it row by row.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsdesk.claims.annotation import AnnotatedSentence
from newsdesk.claims.attribution import attribute_clauses, claimant_label
from newsdesk.text import Span

DATA = Path(__file__).resolve().parent / "data"
TABLE = DATA / "attribution_table.jsonl"
# Written after the rules were fitted to the table, scored once, never tuned on.
HOLDOUT = DATA / "attribution_holdout.jsonl"


@dataclass(frozen=True)
class Row:
    id: str
    domain: str
    kind: str
    before: list[str]
    sentence: str
    after: list[str]
    claimant: list[list[str]]
    not_: list[str]


def load_rows(path: Path = TABLE) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        data["not_"] = data.pop("not")
        rows.append(Row(**data))
    return rows


def claimant_of(row: Row) -> tuple[str | None, str | None]:
    """(claimant, label with relay) the rules give ``row.sentence`` read in its paragraph."""
    sentences = [*row.before, row.sentence, *row.after]
    body = " ".join(sentences)
    spans, position = [], 0
    for sentence in sentences:
        spans.append(Span(position, position + len(sentence)))
        position += len(sentence) + 1
    clauses = attribute_clauses(body, spans)
    attribution = AnnotatedSentence(spans[len(row.before)], tuple(clauses[len(row.before)])).attribution
    if attribution is None:
        return None, None
    return attribution.claimant, claimant_label(attribution.claimant, attribution.relay, inline=False)


def _names(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", text.lower()) is not None


def _bare(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip().lower())


def judged(row: Row) -> tuple[bool, str | None]:
    """Whether the rules name the claimant a reader would (and only then), and what they name."""
    claimant, label = claimant_of(row)
    if not row.claimant:
        return label is None, label
    if label is None or claimant is None:
        return False, label
    named = all(any(_names(label, alternative) for alternative in group) for group in row.claimant)
    wrong = any(_bare(claimant) == _bare(other) for other in row.not_)
    return named and not wrong, label


def as_params(rows: list[Row], known_gaps: set[str]) -> list:
    """The rows as pytest parameters, ids by row, a known gap a strict xfail (a fix shows as an unexpected pass)."""
    return [pytest.param(row, id=row.id, marks=[pytest.mark.xfail(strict=True, reason="a known gap")]
                         if row.id in known_gaps else []) for row in rows]


def assert_judged(row: Row) -> None:
    """The rules name the claimant the row wants (`judged`); the failure says what they named instead."""
    right, label = judged(row)
    want = " + ".join("/".join(group) for group in row.claimant) or "no claimant"
    assert right, f"{row.sentence!r}: want {want}, got {label!r}"


def main() -> None:
    rows = load_rows(HOLDOUT if "--holdout" in sys.argv[1:] else TABLE)
    misses = []
    for row in rows:
        right, label = judged(row)
        if not right:
            misses.append((row, label))
    for row, label in misses:
        want = " + ".join("/".join(group) for group in row.claimant) or "(none)"
        print(f"MISS {row.id:32} [{row.kind}] want {want!r:34} got {label!r}")
    print(f"attribution table: {len(rows) - len(misses)}/{len(rows)} = {(len(rows) - len(misses)) / len(rows):.3f}")
    sys.exit(0)


if __name__ == "__main__":
    main()
