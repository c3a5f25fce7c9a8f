"""A bad eval file is rejected whole, with an error naming file, line and field; nothing is asked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from eval_support import REPO, SHIPPED_SET

from newsdesk.errors import EvalSetError
from newsdesk.evaluation.scoring import load_cases

GOOD = {"id": "ok-1", "question": "Who controls Kherson?", "answerable": True, "expect": ["Russia"]}


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _bad(**changes: object) -> str:
    case = {**GOOD, "id": "bad"}
    for name, value in changes.items():
        if value is None:
            case.pop(name)
        else:
            case[name] = value
    return json.dumps(case)


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        ('{"id": "bad", "question": "unclosed', "-", "not valid JSON"),
        ('["a", "list"]', "-", "JSON object"),
        (_bad(answerable=None), "answerable", "required"),
        (_bad(question=None), "question", "required"),
        (_bad(answerable="yes"), "answerable", "true or false"),
        (_bad(question=42), "question", "string"),
        (_bad(history="the earlier question"), "history", "list of strings"),
        (_bad(expect=[498]), "expect", "strings"),
        (_bad(claimants=[[]]), "claimants", "strings"),
        (_bad(evidence="one string"), "evidence", "list of strings"),
        (_bad(conflict="true"), "conflict", "true or false"),
        (_bad(expected=["typo"]), "expected", "not a field"),
        (json.dumps(GOOD), "id", "duplicate id 'ok-1'"),
    ],
    ids=["bad-json", "not-object", "missing-answerable", "missing-question", "answerable-type", "question-type",
         "history-type", "expect-type", "empty-group", "evidence-type", "conflict-type", "unknown-field", "duplicate-id"],
)
def test_bad_line_is_rejected_naming_file_line_and_field(tmp_path: Path, line: str, field: str, reason: str) -> None:
    path = _write(tmp_path, json.dumps(GOOD), "", line, json.dumps({**GOOD, "id": "ok-2"}))

    with pytest.raises(EvalSetError) as caught:
        load_cases(path)

    error = caught.value
    assert (error.path, error.line, error.field) == (str(path), 3, field)
    assert f"{path}:3: field {field!r}" in str(error) and reason in str(error)


def test_empty_eval_set_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(EvalSetError, match="no cases"):
        load_cases(_write(tmp_path, "", "  "))


def test_the_shipped_eval_set_is_valid() -> None:
    cases = load_cases(SHIPPED_SET)
    assert len(cases) == 78 and len({c.id for c in cases}) == 78


def test_eval_command_asks_nothing_when_the_last_line_is_bad(tmp_path: Path) -> None:
    lines = SHIPPED_SET.read_text(encoding="utf-8").splitlines()
    bad_set = _write(tmp_path, *lines, _bad(answerable="maybe"))
    store = tmp_path / "store"

    result = subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", "--store", str(store), "eval", "--set", str(bad_set), "--json"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )

    assert result.returncode == 1
    assert f"{bad_set}:{len(lines) + 1}: field 'answerable'" in " ".join(result.stderr.split())
    assert result.stdout == ""  # no results, not even for the 78 good cases before it
    assert not store.exists()  # the index was never opened: the set is read whole before anything runs


def test_reindex_with_a_bad_eval_set_stops_before_indexing(tmp_path: Path) -> None:
    bad_set = _write(tmp_path, json.dumps(GOOD), '{"id": "x", "question": 1, "answerable": true}')
    store = tmp_path / "store"

    result = subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", "--store", str(store), "reindex", "--corpus", str(REPO / "corpus"),
         "--eval", str(bad_set)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )

    assert result.returncode == 1
    assert f"{bad_set}:2: field 'question'" in " ".join(result.stderr.split())
    assert not store.exists()
