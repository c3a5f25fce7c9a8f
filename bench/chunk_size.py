"""Measure retrieval and answer quality on the eval set for several chunk sizes.

    python bench/chunk_size.py [--sizes 300,500,700,1000,1500]

Each size gets its own fresh store (corpus/ + eval/corpus/), indexed with the
same model; the eval set runs through the chat's chain. Prints one row a size.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from newsdesk.assistant import Assistant, Request  # noqa: E402
from newsdesk.index.embedding import Embedder  # noqa: E402
from newsdesk.evaluation.scoring import load_cases, metrics, run_cases  # noqa: E402
from newsdesk.settings import load_settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
COLUMNS = ("evidence_hit@1", "evidence_hit@5", "mrr@10", "answer_recall", "refusal_accuracy", "latency_p50_ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,500,700,1000,1500")
    parser.add_argument("--set", default=str(REPO / "eval" / "cases.jsonl"))
    args = parser.parse_args()
    embedder = Embedder()
    cases = load_cases(Path(args.set))
    print(f"{'chunk_size':>10} {'chunks':>6} " + " ".join(f"{c:>16}" for c in COLUMNS))
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as store:
            settings = load_settings(
                environ={}, store=Path(store), corpus=[REPO / "corpus", REPO / "eval" / "corpus"], chunk_size=size
            )
            assistant = Assistant(settings, embedder=embedder)
            started = time.perf_counter()
            assistant.reindex()
            bodies: dict[str, str] = {}

            def body_of(doc_id: str) -> str:
                if doc_id not in bodies:
                    bodies[doc_id] = assistant.article(doc_id).body
                return bodies[doc_id]

            results = run_cases(
                lambda c: assistant.ask(Request(c.question, tuple(c.history), id=c.id)).to_json(), cases, body_of
            )
            values = metrics(results)
            row = " ".join(f"{values[c]:>16.3f}" for c in COLUMNS)
            print(f"{size:>10} {assistant.status()['chunks']:>6} {row}   (indexed in {time.perf_counter() - started:.1f}s)")


if __name__ == "__main__":
    main()
