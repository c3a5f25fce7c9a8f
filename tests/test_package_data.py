"""The data files shipped inside the package (the answerer's judge, the WordNet synonym table): the shipped ones
load, and a missing or damaged one is an error that names the file and says to reinstall, not a traceback."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsdesk.answer.judge import JUDGE_FILE, load_judge
from newsdesk.answer.synonyms import TABLE_FILE, _lines
from newsdesk.errors import PackageDataError


def test_the_shipped_judge_and_synonym_table_load() -> None:
    assert load_judge(JUDGE_FILE).threshold > 0
    assert _lines(TABLE_FILE)


@pytest.mark.parametrize(
    "content",
    [None, b"", b'{"version": 1}', b"not json"],
    ids=["missing", "empty", "no weights", "not json"],
)
def test_a_damaged_judge_names_its_file(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "judge.json"
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(PackageDataError, match="judge.json.*reinstall"):
        load_judge(path)


@pytest.mark.parametrize(
    "content",
    [None, b"not gzip at all", gzip.compress(b"a line without a tab\n")],
    ids=["missing", "not gzip", "no tab"],
)
def test_a_damaged_synonym_table_names_its_file(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "wordnet_related.tsv.gz"
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(PackageDataError, match="wordnet_related.tsv.gz.*reinstall"):
        _lines(path)
