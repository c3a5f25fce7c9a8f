"""Cold start of a one-question `newsdesk ask` in a fresh process (no `serve` running), wall and CPU.

    python bench/cold_start.py --store STORE [--runs 6] [--compare OTHER_SRC] [--nice N]

Each run asks a question never asked of the store before (so the question is
embedded, as a new one would be), through ``python -m newsdesk``. With
``--compare`` (another source tree, e.g. a ``git worktree`` of an older
commit), the two alternate run by run, so both see the same machine load.
Both trees are byte-compiled first, as an installed package is (this machine
sets PYTHONDONTWRITEBYTECODE, which would otherwise make every run compile
the package's sources: about 0.1 s of CPU). Prints per run: wall, CPU (user + system of the child) and the 1-minute
load average; then medians. The machine is shared: CPU time is the
figure that does not depend on how many other processes want the cores;
wall is what a user waits. ``--nice -5`` (as root) runs the asks ahead of
the other work, which shows the wall of a process that gets a core.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUESTION = "How many people did officials say were evacuated near crossing number {n}?"


def one_ask(src: Path, store: Path, question: str, nice: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `newsdesk ask` process."""
    env = {**os.environ, "PYTHONPATH": str(src), "ANONYMIZED_TELEMETRY": "False", "HF_HUB_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False"}
    command = [sys.executable, "-m", "newsdesk", "--store", str(store), "ask", question]
    if nice:
        command = ["nice", "-n", str(nice), *command]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="an indexed store")
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--compare", type=Path, default=None, help="another source tree to alternate with")
    parser.add_argument("--nice", type=int, default=0)
    args = parser.parse_args()
    trees = {"this tree": REPO / "src"} | ({"compared": args.compare} if args.compare else {})
    for src in trees.values():  # an installed package has its byte code; PYTHONDONTWRITEBYTECODE would hide it
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True, capture_output=True)
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
    loads = []
    stamp = int(time.time())
    for run in range(args.runs + 1):  # the first round warms the disk cache and is dropped
        for name, src in trees.items():
            load = os.getloadavg()[0]
            wall, cpu = one_ask(src, args.store, QUESTION.format(n=f"{stamp}{run}{len(name)}"), args.nice)
            if run:
                figures[name].append((wall, cpu))
                loads.append(load)
            print(f"{name:<10} run {run}: wall {wall:5.2f} s  CPU {cpu:5.2f} s  load {load:.1f}"
                  f"{'  (warm-up, dropped)' if not run else ''}", flush=True)
    for name, rows in figures.items():
        walls, cpus = [r[0] for r in rows], [r[1] for r in rows]
        print(f"{name:<10} median wall {statistics.median(walls):.2f} s (min {min(walls):.2f}, max {max(walls):.2f}), "
              f"median CPU {statistics.median(cpus):.2f} s")
    if "compared" in figures:
        medians = {name: (statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows))
                   for name, rows in figures.items()}
        (wall, cpu), (base_wall, base_cpu) = medians["this tree"], medians["compared"]
        print(f"ratio this tree / compared: wall {wall / base_wall:.2f}, CPU {cpu / base_cpu:.2f}")
    print(f"load average during the runs: {min(loads):.1f}-{max(loads):.1f} (2 cores)")


if __name__ == "__main__":
    main()
