"""eval/threshold_sweep.py: the judge's threshold chosen leave-one-file-out from full-eval aggregates (synthetic runs)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))
sweep = importlib.import_module("threshold_sweep")


def _run(tmp_path: Path, threshold: float, rights: dict[str, float]) -> dict:
    path = tmp_path / f"t{threshold}.json"
    sets = {name: {"cases": 100, "metrics": {"right": right}} for name, right in rights.items()}
    path.write_text(json.dumps({"sets": sets}), encoding="utf-8")
    return sweep.read_run(path)


def test_each_file_is_read_at_the_threshold_the_other_files_choose(tmp_path):
    runs = {0.08: _run(tmp_path, 0.08, {"a": 0.9, "b": 0.5, "c": 0.5}),
            0.10: _run(tmp_path, 0.10, {"a": 0.6, "b": 0.6, "c": 0.6})}
    assert sweep.best_threshold(runs, ["b", "c"], shipped=0.10) == 0.10
    assert sweep.best_threshold(runs, ["a", "b"], shipped=0.10) == 0.08


def test_a_tie_keeps_the_shipped_threshold(tmp_path):
    runs = {0.08: _run(tmp_path, 0.08, {"a": 0.7}), 0.10: _run(tmp_path, 0.10, {"a": 0.7}),
            0.12: _run(tmp_path, 0.12, {"a": 0.7})}
    assert sweep.best_threshold(runs, ["a"], shipped=0.10) == 0.10


def test_pooled_right_weighs_each_file_by_its_cases():
    run = {"a": (300, {"right": 0.8}), "b": (100, {"right": 0.4})}
    assert abs(sweep.pooled_right(run, ["a", "b"]) - 0.7) < 1e-9
