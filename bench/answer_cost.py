"""What one warm answer costs with this tree's code against another tree's, measured in the same run, and whether
any answer differs.

    python bench/answer_cost.py --store STORE --before DIR --set eval/dev2/cases.jsonl [--set ...] [--limit N]

``DIR`` holds the code to compare against (``git archive COMMIT src | tar -x -C DIR``: its ``src/``). Two worker
processes, one importing ``DIR/src`` and one this tree's ``src``, each load the store and warm up (model, index,
ledger: `Assistant.warm_up`); then every question of the sets is asked of both in turn, question by question, the
order swapped every question, so both meet the same load. Each is asked once, as the eval asks it (a question's
first answer in the process: the words it brings are embedded then). Prints, per set and over all: p50 and p95 of
each, the after/before ratios, the load average before and after, and how many answers differ (text, refusal or
citations): a change made for cost alone must show 0.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent

# The worker: answers one JSON request a line ({"question", "history"}) with {"ms", "answer"}; reads the request
# only after it said "ready" (model and index loaded, one question asked).
WORKER = r"""
import json, sys, time
from pathlib import Path
from newsdesk.assistant import Assistant, Request
from newsdesk.settings import load_settings
assistant = Assistant(load_settings(store=Path(sys.argv[1])))
assistant.warm_up()
print(json.dumps({"ready": __import__("newsdesk").__file__}), flush=True)
for line in sys.stdin:
    case = json.loads(line)
    began = time.perf_counter()
    answer = assistant.ask(Request(case["question"], tuple(case["history"])))
    ms = (time.perf_counter() - began) * 1000
    shown = {"answer": answer.answer, "refused": answer.refused,
             "citations": [(c.doc_id, c.start, c.end) for c in answer.citations]}
    print(json.dumps({"ms": ms, "answer": shown}), flush=True)
"""


class Worker:
    """One process answering questions with one tree's code."""

    def __init__(self, source: Path, store: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(source), "ANONYMIZED_TELEMETRY": "False", "HF_HUB_OFFLINE": "1",
               "TOKENIZERS_PARALLELISM": "false"}
        self.process = subprocess.Popen([sys.executable, "-c", WORKER, str(store)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, env=env, cwd=source.parent)
        ready = json.loads(self._line())
        if not ready["ready"].startswith(str(source)):
            raise SystemExit(f"the worker for {source} imported {ready['ready']}")

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit("a worker stopped")
        return line

    def ask(self, case: dict) -> tuple[float, dict]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"question": case["question"], "history": case.get("history", [])}) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self._line())
        return reply["ms"], reply["answer"]

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def read_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def summary(name: str, before: list[float], after: list[float], differ: int) -> str:
    b50, b95 = np.percentile(before, 50), np.percentile(before, 95)
    a50, a95 = np.percentile(after, 50), np.percentile(after, 95)
    return (f"{name:8s} n {len(before):4d}  before p50 {b50:6.1f} p95 {b95:6.1f} ms  after p50 {a50:6.1f} p95 {a95:6.1f}"
            f" ms  ratio p50 {a50 / b50:.3f} p95 {a95 / b95:.3f}  answers differing {differ}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--before", type=Path, required=True, help="a folder whose src/ holds the code to compare to")
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--limit", type=int, default=0, help="the first N questions of each set (0: all)")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from newsdesk.evaluation.splits import refuse_sealed

    if refuse_sealed(args.sets, "benchmark on"):
        return 1
    print(f"load average {os.getloadavg()[0]:.2f} at the start")
    workers = {"before": Worker(args.before.resolve() / "src", args.store), "after": Worker(REPO / "src", args.store)}
    times: dict[str, dict[str, list[float]]] = {}
    differing: dict[str, int] = {}
    started = time.perf_counter()
    for path in args.sets:
        name = path.parent.name if path.parent.name != "eval" else "dev"
        cases = read_cases(path)[:args.limit or None]
        times.setdefault(name, {"before": [], "after": []})  # eval/cases.jsonl and eval/dev/ are both "dev": one set
        differing.setdefault(name, 0)
        for number, case in enumerate(cases):
            order = ("before", "after") if number % 2 == 0 else ("after", "before")
            answers = {}
            for which in order:
                ms, answers[which] = workers[which].ask(case)
                times[name][which].append(ms)
            differing[name] += answers["before"] != answers["after"]
        print(summary(name, times[name]["before"], times[name]["after"], differing[name]), flush=True)
    for worker in workers.values():
        worker.close()
    pooled = {which: [t for each in times.values() for t in each[which]] for which in ("before", "after")}
    print(summary("all", pooled["before"], pooled["after"], sum(differing.values())))
    print(f"load average {os.getloadavg()[0]:.2f} at the end; {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
