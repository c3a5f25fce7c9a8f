"""What the judge's word alignment (`newsdesk.answer.alignment`) costs a warm answer, measured in one process.

    PYTHONPATH=src python bench/alignment_cost.py --store STORE --set eval/dev2/cases.jsonl [--limit 200]

Every question is asked once to warm the caches, then, in turn, without the alignment (the judge reads its neutral
values), with it and its word-vector cache emptied first (a question about sentences never aligned before), and with
it as the answerer runs (cache kept). The alignment is computed whether or not the shipped judge weighs it. Prints p50 / p95 of each and the ratios against "without", measured in the
same run; and the time of the word-level forward pass itself.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

import newsdesk.answer.answering as answering
from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import load_cases
from newsdesk.evaluation.splits import refuse_sealed
from newsdesk.settings import load_settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    if refuse_sealed(args.sets, "benchmark on"):
        return 1
    assistant = Assistant(load_settings(store=args.store))
    assistant.answerer.align_words = True  # as when the judge weighs it, whichever judge.json is shipped
    cases = [case for path in args.sets for case in load_cases(path)][:args.limit]
    real = answering.alignments
    spent: list[float] = []

    def timed(*a, **k):
        began = time.perf_counter()
        try:
            return real(*a, **k)
        finally:
            spent.append(time.perf_counter() - began)

    def ask(case) -> float:
        began = time.perf_counter()
        assistant.ask(Request(case.question, history=tuple(case.history)))
        return time.perf_counter() - began

    for case in cases:
        ask(case)
    times: dict[str, list[float]] = {"without": [], "with, cache emptied": [], "with": []}
    for case in cases:
        answering.alignments = lambda *a, **k: None
        times["without"].append(ask(case))
        answering.alignments = timed
        assistant.embedder._words.clear()
        times["with, cache emptied"].append(ask(case))
        times["with"].append(ask(case))
    answering.alignments = real
    base = np.percentile(times["without"], 95)
    for name, values in times.items():
        p50, p95 = np.percentile(values, 50) * 1000, np.percentile(values, 95) * 1000
        print(f"{name:22s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  p95 ratio {np.percentile(values, 95) / base:.3f}")
    print(f"alignment call (forward pass + cosines): p50 {np.percentile(spent, 50) * 1000:.1f} ms, "
          f"p95 {np.percentile(spent, 95) * 1000:.1f} ms over {len(spent)} calls")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
