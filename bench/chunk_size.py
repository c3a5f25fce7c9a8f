"""Retrieval and answer quality on the dev cases for chunking and chunk-vector settings.

    python bench/chunk_size.py [--variant chunk_size=1000,chunk_overlap=1 --variant chunk_size=700 ...]

Each variant (settings overrides, comma-separated) gets its own fresh store
holding corpus/, eval/corpus/ and eval/dev/corpus/ (never eval/test), indexed
with a fresh embedder (so no variant reuses another's vectors); then eval/cases.jsonl and eval/dev/cases.jsonl run
through the chat's chain. Prints one row per variant and set: evidence hits,
mrr, `right`, answer recall, and what the reindex cost (seconds, texts through
the model). Without --variant: chunk sizes 700, 1000 and 1500 at overlap 1.
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
from newsdesk.evaluation.scoring import load_cases, metrics, run_cases  # noqa: E402
from newsdesk.index.embedding import Embedder  # noqa: E402
from newsdesk.settings import load_settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CORPORA = [REPO / "corpus", REPO / "eval" / "corpus", REPO / "eval" / "dev" / "corpus"]
SETS = {"seed+fx": REPO / "eval" / "cases.jsonl", "dev": REPO / "eval" / "dev" / "cases.jsonl"}
COLUMNS = ("evidence_hit@1", "evidence_hit@5", "mrr@10", "right", "answer_recall", "refusal_accuracy")
DEFAULT_VARIANTS = ["chunk_size=700", "chunk_size=1000", "chunk_size=1500"]


def parse_variant(text: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in text.split(",") if part)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", action="append", help="settings overrides, e.g. chunk_size=700,chunk_overlap=2")
    args = parser.parse_args()
    cases = {name: load_cases(path) for name, path in SETS.items()}
    print(f"{'variant':<44} {'set':<8} {'chunks':>6} " + " ".join(f"{c:>15}" for c in COLUMNS), flush=True)
    for variant in args.variant or DEFAULT_VARIANTS:
        overrides = parse_variant(variant)
        with tempfile.TemporaryDirectory() as store:
            settings = load_settings(environ={}, config_file=None, store=Path(store), corpus=CORPORA, **overrides)
            embedder = Embedder(backend=settings.embed_backend)  # fresh: no vector from another variant's memory
            embedder.warm_up()
            assistant = Assistant(settings, embedder=embedder)
            encoded, started = embedder.texts_encoded, time.perf_counter()
            assistant.reindex()
            seconds, texts = time.perf_counter() - started, embedder.texts_encoded - encoded
            bodies: dict[str, str] = {}

            def body_of(doc_id: str) -> str:
                if doc_id not in bodies:
                    bodies[doc_id] = assistant.article(doc_id).body
                return bodies[doc_id]

            for name, set_cases in cases.items():
                results = run_cases(
                    lambda c: assistant.ask(Request(c.question, tuple(c.history), id=c.id)).to_json(), set_cases, body_of
                )
                values = metrics(results)
                row = " ".join(f"{values[c]:>15.3f}" for c in COLUMNS)
                print(f"{variant:<44} {name:<8} {assistant.status()['chunks']:>6} {row}", flush=True)
            print(f"{variant:<44} reindex {seconds:.1f} s, {texts} texts through the model", flush=True)


if __name__ == "__main__":
    main()
