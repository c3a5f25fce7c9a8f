"""The eval splits: every case file under eval/ is valid and quotes its articles verbatim,
the `right` metric reads the contract the same way in both scorers, and `newsdesk eval`
reports several sets side by side with the gap between the first and the last.

The data checks read files only (no model), so they run in well under a second.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from eval_support import REPO, SCORER

from newsdesk.assistant import Assistant
from newsdesk.articles.corpus import load_corpus
from newsdesk.evaluation.scoring import load_cases, metrics, score_case

EVAL = REPO / "eval"
# Every corpus an eval case may quote: the shipped article, the fixtures and each split's articles.
EVAL_CORPORA = [REPO / "corpus", EVAL / "corpus"] + [EVAL / split / "corpus" for split in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "test")]
# eval/outside/ holds the outside benchmarks, each checked against its own corpus (tests/test_outside_sets.py).
CASE_FILES = sorted(path for path in EVAL.rglob("cases.jsonl") if "outside" not in path.relative_to(EVAL).parts)
DEV_POOL = [EVAL / "cases.jsonl"] + [EVAL / split / "cases.jsonl" for split in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16")]


def _bodies() -> list[str]:
    report = load_corpus([root for root in EVAL_CORPORA if root.is_dir()])
    assert report.failures == [], [str(failure) for failure in report.failures]
    return [article.body for article in report.articles]


def _relative(path: Path) -> str:
    return str(path.relative_to(REPO))


def test_the_dev_split_is_here() -> None:
    assert EVAL / "dev" / "cases.jsonl" in CASE_FILES


@pytest.mark.parametrize("path", CASE_FILES, ids=_relative)
def test_every_case_file_under_eval_validates(path: Path) -> None:
    assert load_cases(path)  # raises EvalSetError naming file, line and field


@pytest.mark.parametrize("path", CASE_FILES, ids=_relative)
def test_every_evidence_string_is_verbatim_in_some_eval_article(path: Path) -> None:
    bodies = _bodies()
    stray = [
        f"{case.id}: {evidence!r}"
        for case in load_cases(path)
        for evidence in case.evidence
        if not any(evidence in body for body in bodies)
    ]
    assert stray == [], "evidence not found verbatim in any article body"


def test_dev_ids_are_unique_across_the_pooled_files() -> None:
    ids = [case.id for path in DEV_POOL for case in load_cases(path)]
    assert len(ids) == len(set(ids))


def test_the_pooled_dev_split_and_the_test_split_each_hold_40_articles_and_300_cases() -> None:
    dev_articles = load_corpus([EVAL / split / "corpus" for split in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16")]).articles
    dev_cases = [case for path in DEV_POOL for case in load_cases(path)]
    test_articles = load_corpus([EVAL / "test" / "corpus"]).articles
    assert len(dev_articles) >= 40 and len(dev_cases) >= 300
    assert len(test_articles) >= 40 and len(load_cases(EVAL / "test" / "cases.jsonl")) >= 300


@pytest.mark.parametrize("split", ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "test"])
def test_a_split_has_its_own_articles_and_enough_cases(split: str) -> None:
    folder = EVAL / split
    if not (folder / "cases.jsonl").exists():
        pytest.skip(f"eval/{split}/ is written on another branch")
    articles = load_corpus([folder / "corpus"]).articles
    cases = load_cases(folder / "cases.jsonl")
    unanswerable = sum(not case.answerable for case in cases)
    assert len(articles) >= 15  # each writer's file; the 40 articles and 300 cases are per pooled split
    assert len(cases) >= 150
    assert 0.25 <= unanswerable / len(cases) <= 0.45
    assert all(case.id.startswith(f"{split}-") for case in cases)


# -- the `right` metric: one row per reading of the contract ---------------------------------
ANSWER = "The council said 46 pupils attend. [1]"
RIGHT_ROWS = [
    # (case fields, answer text, refused, right?)
    ({"answerable": True, "expect": ["46"], "claimants": [["council"]]}, ANSWER, False, True),
    ({"answerable": True, "expect": ["46", "71"]}, ANSWER, False, False),  # an expect group is missing
    ({"answerable": True, "expect": ["46"], "claimants": [["ministry"]]}, ANSWER, False, False),  # claimant missing
    ({"answerable": True, "expect": ["46"]}, ANSWER + " filler" * 100, False, False),  # not concise
    ({"answerable": True, "expect": ["46"], "forbid": ["pupils"]}, ANSWER, False, False),  # forbidden text
    ({"answerable": True, "expect": ["corpus"]}, "The corpus does not say.", True, False),  # refused
    ({"answerable": False}, "The corpus does not say.", True, True),
    ({"answerable": False}, ANSWER, False, False),  # answered what the corpus does not say
    ({"answerable": False, "forbid": ["46"]}, "The corpus does not say, though 46 is near.", True, False),
]


def _independent_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("independent_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("fields", "text", "refused", "right"), RIGHT_ROWS)
def test_right_is_read_the_same_way_by_both_scorers(
    tmp_path: Path, fields: dict, text: str, refused: bool, right: bool
) -> None:
    case = {"id": "c", "question": "How many pupils?", **fields}
    answer = {"id": "c", "answer": text, "refused": refused, "citations": [], "retrieved": [], "timings_ms": {}}
    cases_file = tmp_path / "cases.jsonl"
    cases_file.write_text(json.dumps(case) + "\n")
    ours = metrics([score_case(load_cases(cases_file)[0], answer, lambda doc: None)])["right"]
    independent = _independent_scorer().score([case], {"c": answer}, {})["right"]
    assert ours == independent == (1.0 if right else 0.0)


# -- several sets side by side ----------------------------------------------------------------
def _write_cases(path: Path, ids: list[str]) -> Path:
    path.write_text("".join(
        json.dumps({"id": case_id, "question": "Who was the regional governor?", "answerable": True, "expect": ["Marrow"]}) + "\n"
        for case_id in ids
    ))
    return path


def test_eval_reports_pooled_splits_side_by_side_with_the_gap_and_names_a_missing_split(
    eval_assistant: Assistant, tmp_path: Path
) -> None:
    old = _write_cases(tmp_path / "old.jsonl", ["old-1"])
    new = _write_cases(tmp_path / "new.jsonl", ["new-1"])
    test = _write_cases(tmp_path / "test.jsonl", ["test-1"])
    missing = tmp_path / "sealed" / "cases.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}

    result = subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", "--store", str(eval_assistant.settings.store), "eval", "--json",
         "--set", f"dev={old}", "--set", f"dev={new}", "--set", f"test={test}", "--set", f"test={missing}"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=180,
    )

    assert result.returncode == 0, result.stderr
    assert str(missing) in " ".join(result.stderr.split()) and "no such eval set" in result.stderr
    data = json.loads(result.stdout)
    assert list(data["sets"]) == ["dev", "test"]
    assert data["sets"]["dev"]["cases"] == 2 and data["sets"]["test"]["cases"] == 1
    assert data["gap"]["between"] == ["dev", "test"]
    dev, test_metrics = data["sets"]["dev"]["metrics"], data["sets"]["test"]["metrics"]
    assert data["gap"]["metrics"]["answer_recall"] == pytest.approx(dev["answer_recall"] - test_metrics["answer_recall"])


def test_eval_with_no_existing_set_says_so_before_loading_anything(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", "--store", str(tmp_path / "store"), "eval",
         "--set", f"dev={tmp_path / 'a.jsonl'}", "--set", f"test={tmp_path / 'b.jsonl'}"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )
    assert result.returncode != 0
    assert "none of the --set files exists" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
