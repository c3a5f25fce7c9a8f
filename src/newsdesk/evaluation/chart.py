"""A PNG chart of an eval run's metrics: rates on a 0..1 axis, latency in milliseconds beside them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsdesk.evaluation.scoring import LOWER_IS_BETTER

LATENCY_METRICS = ("latency_p50_ms", "latency_p95_ms")
_BETTER_HIGH, _BETTER_LOW, _BASELINE = "#2f6f9f", "#c2693a", "#222222"


def write_chart(run: dict[str, Any], path: Path, baseline: dict[str, float | None] | None = None) -> Path:
    """Draw ``run`` (an `EvalRun.to_json`) to ``path``; a baseline's values show as black ticks."""
    import matplotlib

    matplotlib.use("Agg")  # no display: this runs in terminals and CI
    import matplotlib.pyplot as plt

    values: dict[str, float | None] = run["metrics"]
    rates = [name for name in values if name not in LATENCY_METRICS]
    figure, (left, right) = plt.subplots(
        1, 2, figsize=(11, 6.5), gridspec_kw={"width_ratios": [3, 1]}, constrained_layout=True
    )
    _bars(left, rates, values, baseline, unit="")
    left.set_xlim(0, 1.08)
    left.set_xlabel("share (0..1); orange bars: lower is better")
    _bars(right, list(LATENCY_METRICS), values, baseline, unit=" ms")
    latencies = [v for v in (values.get(n) for n in LATENCY_METRICS) if v is not None]
    old = [v for v in ((baseline or {}).get(n) for n in LATENCY_METRICS) if v is not None]
    right.set_xlim(0, max(latencies + old + [1.0]) * 1.35)
    right.set_xlabel("ms per question (lower is better)")
    legend = " · black tick: baseline" if baseline else ""
    figure.suptitle(
        f"newsdesk eval: {run['set']} · {run['cases']} cases · retriever {run['retriever']}, k={run['k']}{legend}",
        fontsize=11,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def _bars(axis: Any, names: list[str], values: dict[str, float | None], baseline: dict[str, float | None] | None, unit: str) -> None:
    shown = [values.get(name) or 0.0 for name in names]
    colours = [_BETTER_LOW if name in LOWER_IS_BETTER else _BETTER_HIGH for name in names]
    positions = list(range(len(names)))
    axis.barh(positions, shown, color=colours)
    axis.set_yticks(positions, names)
    axis.invert_yaxis()
    for position, name, value in zip(positions, names, shown, strict=True):
        label = "n/a" if values.get(name) is None else (f"{value:.0f}{unit}" if unit else f"{value:.3f}")
        axis.annotate(label, (value, position), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
        old = (baseline or {}).get(name)
        if old is not None:
            axis.plot([old, old], [position - 0.4, position + 0.4], color=_BASELINE, linewidth=2)
    axis.grid(axis="x", alpha=0.3)
