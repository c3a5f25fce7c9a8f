"""`newsdesk eval --baseline OLD.json` says how every metric moved, and which cases changed."""

from __future__ import annotations

import json
from pathlib import Path

from eval_support import SHIPPED_SET, shipped_run, write_batch_output
from typer.testing import CliRunner

from newsdesk.assistant import Assistant
from newsdesk.cli import app
from newsdesk.evaluation.report import Delta, deltas


def test_a_change_is_better_or_worse_by_the_metric_s_direction() -> None:
    moved = {d.name: d for d in deltas(
        {"answer_recall": 0.5, "false_refusal_rate": 0.2, "latency_p50_ms": 300.0, "concise": 1.0, "attribution": None},
        {"answer_recall": 0.6, "false_refusal_rate": 0.3, "latency_p50_ms": 250.0, "concise": 1.0, "attribution": 0.7},
    )}
    assert moved["answer_recall"].improved is True
    assert moved["false_refusal_rate"].improved is False  # more refusals of answerable questions is worse
    assert moved["latency_p50_ms"].improved is True
    assert moved["concise"].improved is None and moved["concise"].change == 0
    assert moved["attribution"].change is None
    assert Delta("forbidden_rate", 0.0, 0.1).improved is False


def test_eval_prints_deltas_and_changed_cases_against_a_baseline(eval_assistant: Assistant, tmp_path: Path) -> None:
    run = shipped_run(eval_assistant)
    answers = write_batch_output(run, tmp_path / "answers.jsonl")
    store = str(eval_assistant.settings.store)
    runner = CliRunner()
    first = runner.invoke(app, ["--store", store, "eval", "--set", str(SHIPPED_SET), "--answers", str(answers),
                                "--out", str(tmp_path / "before")])
    assert first.exit_code == 0, first.output
    # Pretend the earlier run was better at recall, and that one case failing now passed then.
    baseline = json.loads((tmp_path / "before" / "results.json").read_text())
    baseline["metrics"]["answer_recall"] += 0.1
    failing = next(case for case in baseline["results"] if case["problems"])
    failing["problems"] = []
    old = tmp_path / "old.json"
    old.write_text(json.dumps(baseline))

    second = runner.invoke(app, ["--store", store, "eval", "--set", str(SHIPPED_SET), "--answers", str(answers),
                                 "--baseline", str(old), "--json"])

    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout)["baseline"]["metrics"]["answer_recall"] == baseline["metrics"]["answer_recall"]
    table = runner.invoke(app, ["--store", store, "eval", "--set", str(SHIPPED_SET), "--answers", str(answers),
                                "--baseline", str(old)], terminal_width=200)
    row = next(line for line in table.stdout.splitlines() if line.lstrip("│ ").startswith("answer_recall"))
    assert "▼ 0.100" in row
    assert "Fail now, passed in the baseline" in table.stdout and failing["id"] in table.stdout
