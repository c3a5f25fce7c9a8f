"""What reading the passages of the best single sentences (`sentence_passages`, round 11) costs a warm answer.

    PYTHONPATH=src python bench/sentence_passages.py --store STORE --set eval/dev2/cases.jsonl [--limit 200] [--n 3]

Two assistants over one store, one without the pass (``sentence_passages = 0``, the baseline) and one with it;
every question is asked once by each to warm the caches, then by each in turn, question by question, so both meet
the same load. Prints p50 / p95 of each, the p95 ratio against the baseline measured in the same run,.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import Case, load_cases
from newsdesk.evaluation.splits import refuse_sealed
from newsdesk.settings import load_settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--n", type=int, default=3, help="sentence_passages of the measured assistant")
    args = parser.parse_args()
    if refuse_sealed(args.sets, "benchmark on"):
        return 1
    assistants = {
        "without (0)": Assistant(load_settings(store=args.store, sentence_passages=0)),
        f"with ({args.n})": Assistant(load_settings(store=args.store, sentence_passages=args.n)),
    }
    cases = [case for path in args.sets for case in load_cases(path)][:args.limit]
    times: dict[str, list[float]] = {name: [] for name in assistants}

    def ask(assistant: Assistant, case: Case) -> float:
        began = time.perf_counter()
        assistant.ask(Request(case.question, history=tuple(case.history)))
        return time.perf_counter() - began

    for case in cases:
        for assistant in assistants.values():
            ask(assistant, case)
    for case in cases:
        for name, assistant in assistants.items():
            times[name].append(ask(assistant, case))
    base = np.percentile(times["without (0)"], 95)
    for name, values in times.items():
        p50, p95 = np.percentile(values, 50) * 1000, np.percentile(values, 95) * 1000
        print(f"{name:12s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  p95 ratio {np.percentile(values, 95) / base:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
