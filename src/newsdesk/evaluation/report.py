"""What an eval run is compared with: the floors CI holds it to, and an earlier run.

A floors file is a JSON object mapping metric names to numbers: a floor for
higher-is-better metrics, a ceiling for lower-is-better ones
(`LOWER_IS_BETTER`). Keys starting with ``_`` are notes and are ignored.
A baseline is the ``results.json`` (or ``eval --json`` output) of an earlier run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdesk.errors import ConfigError
from newsdesk.evaluation.scoring import LOWER_IS_BETTER, metrics

METRIC_NAMES: tuple[str, ...] = tuple(metrics([]))


def _read_json_object(path: Path, what: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the {what} ({exc.strerror or exc}).") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: the {what} is not valid JSON ({exc}).") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the {what} must be one JSON object.")
    return data


def load_floors(path: Path) -> dict[str, float]:
    """Metric floors (ceilings for lower-is-better metrics); unknown names are errors, not ignored."""
    data = _read_json_object(path, "floors file")
    floors: dict[str, float] = {}
    for name, value in data.items():
        if name.startswith("_"):
            continue
        if name not in METRIC_NAMES:
            raise ConfigError(f"{path}: {name!r} is not a metric; use one of {', '.join(METRIC_NAMES)}.")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{path}: the floor of {name!r} must be a number, not {value!r}.")
        floors[name] = float(value)
    return floors


@dataclass(frozen=True)
class Baseline:
    """An earlier run: its metrics, and the problems of each of its cases by id."""

    path: Path
    metrics: dict[str, float | None]
    problems: dict[str, list[str]]


def load_baseline(path: Path) -> Baseline:
    data = _read_json_object(path, "baseline")
    values = data.get("metrics")
    if not isinstance(values, dict):
        raise ConfigError(f"{path}: not an eval result; give the results.json of `newsdesk eval --out` or `eval --json`.")
    problems = {
        str(case.get("id")): list(case.get("problems", []))
        for case in data.get("results", [])
        if isinstance(case, dict)
    }
    return Baseline(path, {k: v for k, v in values.items() if isinstance(v, (int, float)) or v is None}, problems)


@dataclass(frozen=True)
class Delta:
    """How one metric moved; ``improved`` is None when it did not move or cannot be compared."""

    name: str
    old: float | None
    new: float | None

    @property
    def change(self) -> float | None:
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def improved(self) -> bool | None:
        if not self.change:
            return None
        return (self.change < 0) if self.name in LOWER_IS_BETTER else (self.change > 0)


def deltas(old: dict[str, float | None], new: dict[str, float | None]) -> list[Delta]:
    return [Delta(name, old.get(name), new.get(name)) for name in new]


def split_gap(first: dict[str, float | None], last: dict[str, float | None]) -> dict[str, float | None]:
    """Per metric, the first split minus the last (dev − test): the overfitting gap to watch."""
    return {delta.name: delta.change for delta in deltas(last, first)}


def case_changes(baseline: Baseline, results: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Ids of cases that fail now but passed in the baseline, and of those fixed since."""
    newly_failing, fixed = [], []
    for case in results:
        if case["id"] not in baseline.problems:
            continue
        before, now = bool(baseline.problems[case["id"]]), bool(case["problems"])
        if now and not before:
            newly_failing.append(case["id"])
        elif before and not now:
            fixed.append(case["id"])
    return newly_failing, fixed
