"""The sealed test split is recognised by where it lies, so scripts that fit or diagnose can refuse it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.evaluation.splits import refuse_sealed, sealed

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path", ["eval/test/cases.jsonl", REPO / "eval" / "test" / "cases.jsonl", "eval/test"])
def test_the_test_split_is_sealed_however_its_path_is_written(path: str | Path) -> None:
    assert sealed([path]) == [Path(path)]


@pytest.mark.parametrize("path", ["eval/dev/cases.jsonl", "eval/dev3/cases.jsonl", "/tmp/pytest-of-root/test_x0/cases.jsonl",
                                  "eval/contest/cases.jsonl", "tests/data/nearmiss_table.jsonl"])
def test_a_dev_file_or_a_path_that_only_mentions_test_is_not(path: str) -> None:
    assert sealed([path]) == []


def test_a_script_refuses_the_sealed_split_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert refuse_sealed(["eval/dev/cases.jsonl", "eval/test/cases.jsonl"], "fit on") is True
    assert capsys.readouterr().err == "refusing to fit on the sealed test split\n"


def test_a_script_reads_dev_files_without_a_word(capsys: pytest.CaptureFixture[str]) -> None:
    assert refuse_sealed(["eval/dev/cases.jsonl"]) is False
    assert capsys.readouterr().err == ""
