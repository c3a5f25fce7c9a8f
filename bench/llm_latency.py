"""Answer latency of the packaged language models, next to the extractive answerer in the same run.

    PYTHONPATH=src python bench/llm_latency.py [--sample 16] [--models smollm2,gemma3-270m] [--write-docs]

One store over the shipped eval set's corpora (corpus/ + eval/corpus/), the
questions of eval/cases.jsonl (every n-th, ``--sample`` of them, with their
chat history), each model run in-process by llama.cpp on ``--threads``
threads through the llm answerer (``answerer = "llm"``), streamed as the chat
streams it (`Assistant.stream`). Per model: the load time, and per question
the time from the question to the first verified sentence and to the final
answer (p50/p95), as ratios to the extractive answerer's times for the same
questions in the same run. When the llm answerer falls back to the extractive
answer, its first verified sentence is that answer's, at the end. Refusals and
disputed subjects never reach the model (the extractive answer stands); the
table gives them apart, and the latency of the questions the model wrote for.

``--mode raw`` measures generation alone, without the answerer: the model
streams an answer to a prompt of the top ``--passages`` retrieved passages,
numbered, and its first sentence is the first one the stream completes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from newsdesk.answer.answers import Answer  # noqa: E402
from newsdesk.answer.chat_models import PACKAGED_MODEL_NAMES, build_chat_model  # noqa: E402
from newsdesk.answer.generation import Verified  # noqa: E402
from newsdesk.answer.questions import analyse  # noqa: E402
from newsdesk.assistant import Assistant, Request  # noqa: E402
from newsdesk.settings import Settings, load_settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EVAL_SET = REPO / "eval" / "cases.jsonl"
CORPORA = [REPO / "corpus", REPO / "eval" / "corpus"]
DOCS = REPO / "docs" / "benchmarks.md"
DOCS_BEGIN, DOCS_END = "<!-- llm_latency.py table begins -->", "<!-- llm_latency.py table ends -->"
# A sentence is complete once its end mark (and any closing citation) is followed by more text.
SENTENCE_END = re.compile(r"[.!?](?:\s*\[\d+\])*[\"')\]]*\s+\S")
MAX_TOKENS = 160


@dataclass(frozen=True)
class Case:
    question: str
    history: tuple[str, ...]


@dataclass
class Timing:
    first_sentence_s: float
    total_s: float


def load_cases(path: Path, sample: int) -> tuple[list[Case], int]:
    """Every n-th case of the eval set, ``sample`` of them; and n."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    step = max(1, len(rows) // sample)
    return [Case(row["question"], tuple(row.get("history", ()))) for row in rows[::step][:sample]], step




def extractive_timing(assistant: Assistant, case: Case) -> Timing:
    """The extractive answer arrives whole: its first sentence is its total."""
    started = time.perf_counter()
    assistant.ask(Request(case.question, history=case.history))
    elapsed = time.perf_counter() - started
    return Timing(elapsed, elapsed)


def raw_prompt(case: Case, passages: list[str]) -> list[dict[str, str]]:
    numbered = "\n\n".join(f"[{n}] {text}" for n, text in enumerate(passages, start=1))
    return [
        {
            "role": "system",
            "content": "Answer the question only from the numbered passages. After every sentence put the "
            "number of the passage it comes from, like [1]. If the passages do not say, say so.",
        },
        {"role": "user", "content": f"Passages:\n{numbered}\n\nQuestion: {case.question}"},
    ]


def first_sentence_and_total(chunks: Iterator[str], started: float) -> Timing:
    text, first = "", None
    for chunk in chunks:
        text += chunk
        if first is None and SENTENCE_END.search(text):
            first = time.perf_counter() - started
    total = time.perf_counter() - started
    return Timing(first if first is not None else total, total)


def raw_generation_timing(llm: object, assistant: Assistant, case: Case, passages: int) -> Timing:
    """Retrieval plus a streamed generation over the top passages, from the question in."""
    started = time.perf_counter()
    question = analyse(case.question, list(case.history))
    found = assistant.retriever(Request(case.question, k=passages)).invoke(question.query)[:passages]
    stream = llm.create_chat_completion(  # type: ignore[attr-defined]
        messages=raw_prompt(case, [doc.page_content for doc in found]),
        max_tokens=MAX_TOKENS,
        temperature=0.0,
        stream=True,
    )
    chunks = (part["choices"][0]["delta"].get("content") or "" for part in stream)
    return first_sentence_and_total(chunks, started)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(timings: list[Timing]) -> dict[str, float]:
    first = [t.first_sentence_s for t in timings]
    total = [t.total_s for t in timings]
    return {
        "first_p50": statistics.median(first),
        "first_p95": percentile(first, 0.95),
        "total_p50": statistics.median(total),
        "total_p95": percentile(total, 0.95),
    }


def table(results: dict[str, dict[str, float]], loads: dict[str, float], baseline: str, first: str) -> list[str]:
    base = results[baseline]
    lines = [
        f"| answerer | load | {first} p50 | p95 | whole answer p50 | p95 | ratio to extractive: first p50 | whole p50 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in results.items():
        lines.append(
            f"| {name} | {loads[name]:.2f} s | {row['first_p50']:.2f} s | {row['first_p95']:.2f} s "
            f"| {row['total_p50']:.2f} s | {row['total_p95']:.2f} s "
            f"| **{row['first_p50'] / base['first_p50']:.1f}×** | **{row['total_p50'] / base['total_p50']:.1f}×** |"
        )
    return lines


def write_docs(block: list[str]) -> None:
    text = DOCS.read_text(encoding="utf-8")
    body = "\n".join([DOCS_BEGIN, *block, DOCS_END])
    if DOCS_BEGIN in text:
        head, rest = text.split(DOCS_BEGIN, 1)
        text = head + body + rest.split(DOCS_END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    DOCS.write_text(text, encoding="utf-8")


def answerer_timing(assistant: Assistant, case: Case) -> tuple[Timing, str]:
    """From the question to the first verified sentence and to the final answer, and who wrote it."""
    started = time.perf_counter()
    first = None
    for event in assistant.stream(Request(case.question, history=case.history)):
        if first is None and isinstance(event, Verified) and event.sentence.verdict == "verified":
            first = time.perf_counter() - started
        if isinstance(event, Answer):
            total = time.perf_counter() - started
            return Timing(first if first is not None else total, total), event.answerer or "extractive"
    raise RuntimeError("the stream ended without an answer")


def llm_settings(settings: Settings, model: str, threads: int) -> Settings:
    return settings.model_copy(update={"answerer": "llm", "llm_packaged_model": model, "llm_threads": threads})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=16, help="questions from eval/cases.jsonl")
    parser.add_argument("--models", default="smollm2,gemma3-270m")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--passages", type=int, default=5, help="--mode raw: passages in the prompt")
    parser.add_argument("--mode", choices=["answerer", "raw"], default="answerer")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()

    cases, step = load_cases(EVAL_SET, args.sample)
    with tempfile.TemporaryDirectory(prefix="llm-latency-") as work:
        settings = load_settings(environ={}, store=Path(work) / "store", corpus=CORPORA)
        Assistant(settings).reindex()
        started = time.perf_counter()  # what `serve` does before its first answer: model and index
        assistant = Assistant(settings)
        assistant.warm_up()
        loads = {"extractive": time.perf_counter() - started}
        print(f"store ready, {len(cases)} questions", file=sys.stderr)
        timings: dict[str, list[Timing]] = {"extractive": [extractive_timing(assistant, c) for c in cases]}
        writers: dict[str, Counter[str]] = {}
        for key in args.models.split(","):
            name = PACKAGED_MODEL_NAMES[key]
            model_settings = llm_settings(settings, key, args.threads)
            started = time.perf_counter()
            chat_model = build_chat_model(model_settings)  # the GGUF file, loaded by llama.cpp
            loads[name] = time.perf_counter() - started
            if args.mode == "raw":
                llama = chat_model.llama  # type: ignore[attr-defined]
                timings[name] = [raw_generation_timing(llama, assistant, c, args.passages) for c in cases]
            else:
                answering = Assistant(model_settings, embedder=assistant.embedder)
                measured = [answerer_timing(answering, c) for c in cases]
                timings[name] = [timing for timing, _ in measured]
                writers[name] = Counter(writer for _, writer in measured)
                asked = [timing for timing, writer in measured if writer != "extractive"]
                if asked:
                    timings[f"{name}, the {len(asked)} questions the model was asked"] = asked
                    loads[f"{name}, the {len(asked)} questions the model was asked"] = loads[name]
            print(f"{name}: done", file=sys.stderr)
    results = {name: summary(values) for name, values in timings.items()}
    command = "python bench/llm_latency.py " + " ".join(sys.argv[1:])
    block = [
        f"`{command}`, {time.strftime('%Y-%m-%d')}, {len(cases)} questions of eval/cases.jsonl "
        f"(every {step}th), {args.threads} threads, mode {args.mode}:",
        "",
        *table(results, loads, "extractive", "first sentence (unchecked)" if args.mode == "raw" else "first verified sentence"),
    ]
    if writers:
        block += ["", "Who wrote the final answers (`answerer` in `ask --json`):", ""]
        block += [f"- {name}: " + ", ".join(f"{kind} {n}" for kind, n in sorted(count.items())) for name, count in writers.items()]
    print("\n".join(block))
    if args.write_docs:
        write_docs(block)


if __name__ == "__main__":
    main()
