"""The regression gate: the shipped eval set, asked through the real chain, meets every floor."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from eval_support import FLOORS, REPO, SHIPPED_SET, shipped_run, write_batch_output

from newsdesk.assistant import Assistant
from newsdesk.evaluation.report import METRIC_NAMES, load_floors
from newsdesk.evaluation.scoring import below_floors


def test_shipped_eval_set_meets_every_floor(eval_assistant: Assistant) -> None:
    run = shipped_run(eval_assistant)
    failing = below_floors(run.metrics, load_floors(FLOORS))
    assert failing == [], "metrics below their floor in eval/floors.json: " + "; ".join(failing)


def test_floors_cover_the_quality_metrics() -> None:
    floors = load_floors(FLOORS)
    for name in ("answer_recall", "evidence_hit@5", "citation_precision", "attribution", "refusal_accuracy",
                 "false_refusal_rate", "forbidden_rate"):
        assert name in floors, f"eval/floors.json has no floor for {name}"
    assert set(floors) <= set(METRIC_NAMES)


def _newsdesk(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", "--store", str(store), *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )


def test_eval_command_fails_naming_the_metric_that_fell_below_its_floor(eval_assistant: Assistant, tmp_path: Path) -> None:
    run = shipped_run(eval_assistant)
    answers = write_batch_output(run, tmp_path / "answers.jsonl")
    recall = run.metrics["answer_recall"]
    assert recall is not None and recall < 0.999
    strict = tmp_path / "floors.json"
    strict.write_text(json.dumps({"answer_recall": 0.999, "forbidden_rate": 1.0}))

    result = _newsdesk(eval_assistant.settings.store, "eval", "--set", str(SHIPPED_SET),
                       "--answers", str(answers), "--floors", str(strict))

    assert result.returncode == 3, result.stderr
    assert "answer_recall" in result.stderr and "below its floor" in result.stderr
    assert "forbidden_rate" not in result.stderr  # within its ceiling, so not named


def test_eval_command_passes_the_shipped_floors_and_prints_the_table(eval_assistant: Assistant, tmp_path: Path) -> None:
    answers = write_batch_output(shipped_run(eval_assistant), tmp_path / "answers.jsonl")
    out = tmp_path / "out"

    result = _newsdesk(eval_assistant.settings.store, "eval", "--set", str(SHIPPED_SET),
                       "--answers", str(answers), "--floors", str(FLOORS), "--out", str(out))

    assert result.returncode == 0, result.stderr
    assert "answer_recall" in result.stdout and "refusal_accuracy" in result.stdout
    saved = json.loads((out / "results.json").read_text())
    assert saved["below_floors"] == [] and len(saved["results"]) == saved["cases"] == 78
    assert (out / "metrics.png").read_bytes().startswith(b"\x89PNG")
