"""Reindex and question speed, each as a ratio to a baseline measured in the same run.

    python bench/speed.py [--articles 200]

Baselines: a full first index of a generated corpus (for the incremental
reindex runs) and dense-only retrieval (for hybrid retrieval and for the full
answer). Ratios, not absolute times, are what to compare across machines.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from newsdesk.assistant import Assistant, Request  # noqa: E402
from newsdesk.index.embedding import Embedder  # noqa: E402
from newsdesk.settings import load_settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "How many Russian soldiers has Russia's Defense Ministry said were killed?",
    "Who controls Kherson?",
    "How many civilians has Ukraine's State Emergency Service said were killed?",
    "How many people died when the ferry capsized?",
    "Is the Sennet Bridge open again?",
    "What is the weather in Paris?",
]


def generated_corpus(target: Path, count: int) -> None:
    """The real articles, plus ``count`` variants with shuffled paragraphs and changed figures."""
    sources = [*sorted((REPO / "corpus").glob("*.md")), *sorted((REPO / "eval" / "corpus").glob("*.md"))]
    rng = random.Random(7)
    target.mkdir(parents=True)
    for source in sources:
        shutil.copy(source, target / source.name)
    for index in range(count):
        text = sources[index % len(sources)].read_text(encoding="utf-8")
        front, body = text.split("---\n", 2)[1:] if text.startswith("---\n") else ("", text)
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        rng.shuffle(paragraphs)
        body = "\n\n".join(paragraphs).replace("41", str(rng.randint(10, 99)))
        (target / f"variant-{index:04d}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def latencies(assistant: Assistant, mode: str, full: bool) -> list[float]:
    values = []
    for question in QUESTIONS * 3:
        request = Request(question, mode=mode)  # type: ignore[arg-type]
        if full:
            values.append(timed(lambda: assistant.ask(request)) * 1000)
        else:
            values.append(timed(lambda: assistant.retriever(request).invoke(question)) * 1000)
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    embedder = Embedder()
    load = timed(embedder.warm_up)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generated_corpus(corpus, args.articles)
        assistant = Assistant(load_settings(environ={}, store=Path(tmp) / "store", corpus=[corpus]), embedder=embedder)
        tracemalloc.start()
        full = timed(assistant.reindex)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        noop = timed(assistant.reindex)
        edited = corpus / "variant-0000.md"
        edited.write_text(edited.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
        one_edit = timed(assistant.reindex)
        status = assistant.status()
        print(f"corpus: {status['documents']} documents, {status['chunks']} chunks; model load {load:.1f}s")
        print(f"full index          {full:8.2f}s   1.00x   (baseline; Python heap peak {peak / 1e6:.0f} MB)")
        print(f"no-change reindex   {noop:8.2f}s   {noop / full:.3f}x")
        print(f"one-article edit    {one_edit:8.2f}s   {one_edit / full:.3f}x")
        for mode in ("dense", "bm25", "hybrid"):
            latencies(assistant, mode, full=False)  # warm caches
        dense = statistics.median(latencies(assistant, "dense", full=False))
        print(f"retrieve dense p50  {dense:8.1f}ms  1.00x   (baseline)")
        for mode in ("bm25", "hybrid"):
            value = statistics.median(latencies(assistant, mode, full=False))
            print(f"retrieve {mode:<6} p50 {value:8.1f}ms  {value / dense:.2f}x")
        answers = sorted(latencies(assistant, "hybrid", full=True))
        p50, p95 = statistics.median(answers), answers[int(0.95 * (len(answers) - 1))]
        print(f"ask (hybrid) p50    {p50:8.1f}ms  {p50 / dense:.2f}x;  p95 {p95:.1f}ms  {p95 / dense:.2f}x")


if __name__ == "__main__":
    main()
