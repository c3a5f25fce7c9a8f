"""The follow-up specification (tests/data/followups.jsonl): invented chat turns and what analysing the last one
must give. A question in a chat that names nothing of its own is about the subject of the earlier turns: that
subject reaches retrieval (the query) and the answerer (``soft_entities``) but is not pinned; a question that
names something new starts a new subject. ``followups_holdout.jsonl`` was written at the same time and is only
reported: ``PYTHONPATH=src python tests/test_followups.py [--holdout]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsdesk.answer.questions import analyse

DATA = Path(__file__).parent / "data"
TABLE = DATA / "followups.jsonl"
HOLDOUT = DATA / "followups_holdout.jsonl"


def load_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def misses(row: dict) -> list[str]:
    """What analysing the row's question gets wrong; empty when it meets the row."""
    question = analyse(row["question"], row["history"])
    wrong = []
    if question.follow_up is not row["follow_up"]:
        wrong.append(f"follow_up is {question.follow_up}")
    inherited = [word for entity in question.soft_entities for word in entity]
    for name in row["subject"]:  # "Pellvane" is carried over as "Pellvane's"
        if name not in question.query or not any(word.startswith(name) for word in inherited):
            wrong.append(f"the earlier subject {name} is not carried over")
    own = {" ".join(entity) for entity in question.entities}
    if own != set(row["own"]):
        wrong.append(f"pins are {sorted(own)}, not {row['own']}")
    return wrong


@pytest.mark.parametrize("row", load_rows(TABLE), ids=lambda row: row["id"])
def test_a_follow_up_carries_the_earlier_subject_without_pinning_it(row):
    assert misses(row) == []


if __name__ == "__main__":
    rows = load_rows(HOLDOUT if "--holdout" in sys.argv[1:] else TABLE)
    failed = [(row["id"], wrong) for row in rows if (wrong := misses(row))]
    print(f"{len(rows) - len(failed)} of {len(rows)} rows met")
    for row_id, wrong in failed:
        print(f"  {row_id}: {'; '.join(wrong)}")
