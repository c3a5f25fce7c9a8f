"""Where a warm answer's time goes, stage by stage: a sampling profiler (the stdlib's `signal.setitimer`, one sample
of the Python stack every millisecond of CPU), each sample given to the innermost stage on its stack.

    python bench/answer_stages.py --store STORE --set eval/dev2/cases.jsonl [--set ...] [--limit N]

Unlike cProfile, which multiplies the cost of small calls, a sample costs the same wherever it lands, so the shares
are the shares of CPU time. Each question is asked once (as the eval asks it) after `Assistant.warm_up`.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from types import FrameType

import numpy as np

REPO = Path(__file__).resolve().parent.parent

# (module path suffix, function name) -> stage; the innermost on the stack wins.
STAGES: dict[tuple[str, str], str] = {
    ("assistant.py", "_analyse"): "analyse the question",
    ("assistant.py", "_retrieve"): "retrieval: other (filters, leads, passages to documents)",
    ("embedding.py", "embed"): "embedding (question, sentences, words; cached texts are free)",
    ("lexical.py", "_dense_scores"): "retrieval: dense scores",
    ("lexical.py", "_bm25_scores"): "retrieval: BM25",
    ("lexical.py", "_bm25s_top"): "retrieval: BM25",
    ("lexical.py", "sentence_search"): "retrieval: sentence search",
    ("conflicts.py", "disputes_for"): "disputes of the passages (ledger)",
    ("answering.py", "answer"): "answer: choosing and the rest",
    ("answering.py", "judge"): "judge: other",
    ("candidates.py", "sentence_candidates"): "candidates (sentences of the passages)",
    ("term_matching.py", "__init__"): "judge: term matcher set-up",
    ("pins.py", "first_unmet_pin"): "judge: pins",
    ("answering.py", "_coverage"): "judge: coverage (other)",
    ("term_matching.py", "_credit"): "judge: term credits (every caller)",
    ("questions.py", "_entity_met"): "judge: names met (every caller)",
    ("term_matching.py", "_judged_pair"): "judge: term credits: a word pair judged",
    ("term_matching.py", "_links_a_phrase"): "judge: term credits: a word against the question's phrases",
    ("term_matching.py", "_phrase_in"): "judge: term credits: WordNet phrases in the text",
    ("candidates.py", "_matchable_words"): "judge: term credits: a text's words",
    ("features.py", "candidate_features"): "judge: features",
    ("judge.py", "probability"): "judge: the fitted judge",
    ("dispute_answer.py", "rival_in_article"): "judge: rival sides",
    ("dispute_answer.py", "answer_time_sides"): "disputes at answer time",
    ("dispute_answer.py", "compose_disputed"): "disputes: composing",
    ("latest_figure.py", "latest_and_replaced"): "latest figure",
    ("composing.py", "compose"): "composing",
    ("answering.py", "_with_parts"): "two-part questions (judged again)",
    ("provenance.py", "with_provenance"): "provenance",
}


class Sampler:
    def __init__(self) -> None:
        self.samples: Counter[str] = Counter()
        self.active = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if not self.active:
            return
        while frame is not None:
            code = frame.f_code
            stage = STAGES.get((Path(code.co_filename).name, code.co_name))
            if stage is not None and "/newsdesk/" in code.co_filename:
                self.samples[stage] += 1
                return
            frame = frame.f_back
        self.samples["outside the stages"] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    import newsdesk  # the tree the shell runs in (the venv's hook), or PYTHONPATH's
    from newsdesk.assistant import Assistant, Request
    from newsdesk.evaluation.splits import refuse_sealed
    from newsdesk.settings import load_settings

    if refuse_sealed(args.sets, "benchmark on"):
        return 1
    assistant = Assistant(load_settings(store=args.store))
    assistant.warm_up()
    sampler = Sampler()
    signal.signal(signal.SIGPROF, sampler)
    signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    times = []
    for path in args.sets:
        cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for case in cases[:args.limit or None]:
            began = time.perf_counter()
            sampler.active = True
            assistant.ask(Request(case["question"], tuple(case.get("history", []))))
            sampler.active = False
            times.append((time.perf_counter() - began) * 1000)
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    total = sum(sampler.samples.values())
    print(f"code: {newsdesk.__file__}")
    print(f"{len(times)} questions, p50 {np.percentile(times, 50):.1f} ms, p95 {np.percentile(times, 95):.1f} ms; "
          f"{total} samples of 1 ms CPU")
    print("| stage | share of CPU |\n|---|---:|")
    for stage, count in sampler.samples.most_common():
        print(f"| {stage} | {count / total:.1%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
