"""Run the outside benchmarks: index each converted set into its own store, then `newsdesk eval` it.

REPORT ONLY: read the aggregate figures; never tune newsdesk on these sets or their failures.

    PYTHONPATH=src .venv/bin/python eval/outside/run.py [--sets rgb multihop] [--stores DIR] [--out DIR]

For every set whose ``eval/outside/NAME/cases.jsonl`` exists (run the converters first; see
README.md), this runs, with the Python that runs it:

    python -m newsdesk --store STORES/NAME reindex --quiet --corpus eval/outside/NAME/corpus
    python -m newsdesk --store STORES/NAME eval --set NAME=eval/outside/NAME/cases.jsonl --out OUT/NAME

``OUT/NAME/NAME/results.json`` then holds every metric and the per-case results (``eval --out``
writes one folder per set label), ``OUT/NAME/splits.json`` the metrics alone. A set that has not been
converted is named and skipped. Exit status: the first failing command's, else 0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ("rgb", "multihop")
OFFLINE = {"ANONYMIZED_TELEMETRY": "False", "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}


def commands(name: str, stores: Path, out: Path) -> list[list[str]]:
    newsdesk = [sys.executable, "-m", "newsdesk", "--store", str(stores / name)]
    folder = HERE / name
    return [
        [*newsdesk, "reindex", "--quiet", "--corpus", str(folder / "corpus")],
        [*newsdesk, "eval", "--set", f"{name}={folder / 'cases.jsonl'}", "--out", str(out / name)],
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--stores", type=Path, default=Path("/tmp/newsdesk-outside"), help="one store per set is made under this folder")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="results.json and metrics.png per set go under this folder")
    args = parser.parse_args(argv)
    env = {**os.environ, **OFFLINE}
    for name in args.sets:
        if not (HERE / name / "cases.jsonl").is_file():
            print(f"{name}: skipped, eval/outside/{name}/cases.jsonl is missing (convert it first: eval/outside/README.md)", flush=True)
            continue
        for command in commands(name, args.stores, args.out):
            print("$ " + " ".join(command[1:]), flush=True)
            started = time.monotonic()
            status = subprocess.run(command, env=env).returncode
            print(f"{name}: {command[5]} took {time.monotonic() - started:.0f} s", flush=True)
            if status:
                return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
