"""Choose the judge's threshold on the full answerer: leave one develop file out, over `newsdesk eval --json` runs.

Each run is the brief's full eval at one threshold (``NEWSDESK_JUDGE_THRESHOLD=T newsdesk eval ... --json > F``).
Only the per-set aggregates (``sets[NAME]["metrics"]`` and ``["cases"]``) are read, never a case, so the held-out
set may sit in the same files. For each develop file, the threshold whose pooled ``right`` over the other develop
files is highest is chosen (ties: the shipped threshold, then the nearest to it), and the left-out file is read at it.

Usage:
    python eval/threshold_sweep.py --shipped 0.10 --holdout dev7 --run 0.08=/tmp/t08.json --run 0.10=/tmp/t10.json ...
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

# The four figures the table shows for each file (right, answer recall, false refusals, refusal recall).
SHOWN = ("right", "answer_recall", "false_refusal_rate", "refusal_recall")


def read_run(path: Path) -> dict[str, tuple[int, dict[str, float | None]]]:
    """Set name -> (number of cases, metrics) of one `eval --json` file; aggregates only."""
    sets = json.loads(path.read_text(encoding="utf-8"))["sets"]
    return {name: (int(data["cases"]), data["metrics"]) for name, data in sets.items()}


def pooled_right(run: dict[str, tuple[int, dict[str, float | None]]], names: list[str]) -> float:
    """``right`` over the cases of the sets ``names`` together (each set weighted by its number of cases)."""
    total = sum(run[n][0] for n in names)
    return sum(run[n][0] * float(run[n][1]["right"] or 0.0) for n in names) / total


def best_threshold(runs: dict[float, dict], names: list[str], shipped: float) -> float:
    """The threshold with the highest pooled right over ``names``; ties go to the shipped one, then the nearest."""
    return max(runs, key=lambda t: (round(pooled_right(runs[t], names), 6), t == shipped, -abs(t - shipped)))


def cell(metrics: dict[str, float | None]) -> str:
    return " / ".join("–" if metrics[m] is None else f"{metrics[m]:.3f}" for m in SHOWN)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", action="append", required=True, help="THRESHOLD=EVAL.json (repeat)")
    parser.add_argument("--shipped", type=float, required=True, help="the shipped judge's threshold")
    parser.add_argument("--holdout", action="append", default=[], help="a held-out set: aggregates only, never chosen on")
    args = parser.parse_args()
    runs = {float(t): read_run(Path(f)) for t, f in (r.split("=", 1) for r in args.run)}
    thresholds = sorted(runs)
    develop = [n for n in runs[thresholds[0]] if n not in args.holdout]

    print("| threshold | " + " | ".join(develop + args.holdout) + " | pooled develop right |")
    print("|---" * (len(develop) + len(args.holdout) + 2) + "|")
    for t in thresholds:
        cells = [cell(runs[t][n][1]) for n in develop + args.holdout]
        print(f"| {t:.2f} | " + " | ".join(cells) + f" | {pooled_right(runs[t], develop):.4f} |")

    pooled = best_threshold(runs, develop, args.shipped)
    print(f"\npooled develop choice: {pooled:.2f}")
    print("\n| left out | chosen on the other five | its right there | its right at the shipped threshold |")
    print("|---|---|---|---|")
    picks = []
    for left_out in develop:
        others = [n for n in develop if n != left_out]
        pick = best_threshold(runs, others, args.shipped)
        picks.append(pick)
        print(f"| {left_out} | {pick:.2f} | {runs[pick][left_out][1]['right']:.3f} | "
              f"{runs[args.shipped][left_out][1]['right']:.3f} |")
    held_out_mean = sum(runs[p][n][1]["right"] for p, n in zip(picks, develop, strict=True)) / len(develop)
    shipped_mean = sum(runs[args.shipped][n][1]["right"] for n in develop) / len(develop)
    print(f"\nleave-one-file-out mean right {held_out_mean:.4f} against {shipped_mean:.4f} at the shipped threshold;"
          f" choices {sorted(set(picks))}")


if __name__ == "__main__":
    main()
