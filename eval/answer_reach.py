"""Where the answer of each answerable case answered wrong lies: a table of counts by how far retrieval brought it.

    PYTHONPATH=src python eval/answer_reach.py --store STORE --results EVAL.json --set eval/cases.jsonl ...

``EVAL.json`` is ``newsdesk eval --json`` output for the same develop sets; the cases looked at are its answerable
ones refused or missing an expected group. For each, the *answer sentence* is a sentence of an article holding an
evidence string that holds every expected group (the case's answer in one sentence). Then the first that holds:
no such article; the answer in no single sentence but in two neighbouring ones (the two-sentence lane); in no two
either (wording); else the best rank of an answer sentence's chunk under fused scoring (the answerer reads the
top k): in the top k (its sentence is a candidate: what stopped it is the judge's lane), k+1 to 10, 11 to 20,
21 to 50, beyond 50. Each row also gives the dense and BM25 ranks of that chunk and the rank of the answer sentence
among every sentence of the corpus by its cosine with the question (``sentence``), which says whether a pass over
single sentences would reach it. Never pass the sealed test split.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from cause_table import dev_assistant, diagnostic_parser, print_counts
from newsdesk.answer.questions import analyse
from newsdesk.assistant import Request
from newsdesk.evaluation.scoring import Case, contains, group_found, load_cases
from newsdesk.index.lexical import LexicalIndex, Passage
from newsdesk.index.retrieval import HybridSearch

DEPTH = 50


def _wrong_ids(results: dict[str, Any]) -> set[str]:
    """The answerable cases of an eval run refused or missing an expected group."""
    wrong = set()
    for run in results["sets"].values():
        for row in run["results"]:
            case = row["case"] if "case" in row else row
            if not case.get("answerable", True):
                continue
            if row.get("refused") or not all(row.get("expect_found", [True])):
                wrong.add(case["id"])
    return wrong


def _sentences(passage: Passage) -> list[tuple[int, str]]:
    """The passage's sentences with their start offsets in the article."""
    offset = int(passage.metadata.get("start") or 0)
    spans = json.loads(passage.metadata.get("sentences") or "[]") or [[offset, offset + len(passage.text)]]
    return [(start, passage.text[start - offset:end - offset]) for start, end in spans]


def _answer_rows(case: Case, lexical: LexicalIndex, admitted: np.ndarray) -> tuple[str, list[int], list[int]]:
    """(what was found, the passage rows holding a one-sentence answer, their sentence rows in the corpus)."""
    docs = {str(p.metadata["doc_id"]) for i, p in enumerate(lexical.passages)
            if admitted[i] and any(contains(p.text, e) for e in case.evidence)}
    if not docs:
        return "no article holds the evidence", [], []
    rows, sentence_rows, texts = [], [], []
    offsets = lexical.context.offsets if lexical.context is not None else None
    for index, passage in enumerate(lexical.passages):
        if not admitted[index] or str(passage.metadata["doc_id"]) not in docs:
            continue
        for position, (_, text) in enumerate(_sentences(passage)):
            texts.append(text)
            if all(group_found(text, g) for g in case.expect):
                rows.append(index)
                if offsets is not None:
                    sentence_rows.append(int(offsets[index]) + position)
    if rows:
        return "one sentence", rows, sentence_rows
    pairs = (f"{a} {b}" for a, b in zip(texts, texts[1:]))
    if any(all(group_found(pair, g) for g in case.expect) for pair in pairs):
        return "two sentences", [], []
    return "in no one or two sentences (wording)", [], []


def _rank(ranking: list[Passage], rows: set[str]) -> int | None:
    return next((r for r, p in enumerate(ranking, start=1) if p.chunk_id in rows), None)


def _band(rank: int | None, k: int) -> str:
    if rank is None or rank > DEPTH:
        return f"beyond {DEPTH}"
    if rank <= k:
        return f"in the top {k}"
    for top in (10, 20, DEPTH):
        if rank <= top:
            return f"ranks {k + 1 if top == 10 else (11 if top == 20 else 21)}-{top}"
    return f"beyond {DEPTH}"


def main() -> int:
    parser = diagnostic_parser(__doc__.splitlines()[0], "answered wrong or refused")
    parser.add_argument("--results", type=Path, required=True)
    parser.add_argument("-k", type=int, default=None)
    args = parser.parse_args()
    assistant = dev_assistant(args)
    if assistant is None:
        return 1
    k = args.k or assistant.settings.k
    snapshot, lexical = assistant.reader.current()
    admitted = lexical.admitted_mask(snapshot)
    wrong = _wrong_ids(json.loads(args.results.read_text(encoding="utf-8")))
    counts: Counter[str] = Counter()
    rows = []
    for case in (c for path in args.sets for c in load_cases(path) if c.answerable and c.id in wrong):
        question = analyse(case.question, list(case.history))
        found, holders, sentence_rows = _answer_rows(case, lexical, admitted)
        detail: dict[str, Any] = {"follow_up": bool(case.history)}
        if found != "one sentence":
            kind = found
        else:
            chunk_ids = {lexical.passages[i].chunk_id for i in holders}
            search = assistant.retriever(Request(case.question, k=DEPTH))
            fused = [p for p, _ in search.search(question.query)]
            dense = [p for p, _ in HybridSearch(search.reader, DEPTH, "dense", DEPTH).search(question.query)]
            bm25 = [p for p, _ in HybridSearch(search.reader, DEPTH, "bm25", DEPTH).search(question.query)]
            rank = _rank(fused, chunk_ids)
            detail.update(fused=rank, dense=_rank(dense, chunk_ids), bm25=_rank(bm25, chunk_ids))
            if lexical.context is not None and lexical.context.sentences is not None and sentence_rows:
                vector = np.asarray(assistant.embedder.embed_query(question.query), dtype=np.float32)
                cosines = np.asarray(lexical.context.sentences) @ (vector / np.linalg.norm(vector))
                best = max(float(cosines[r]) for r in sentence_rows)
                detail["sentence"] = int((cosines > best).sum()) + 1
            kind = _band(rank, k)
        counts[kind] += 1
        rows.append({"id": case.id, "question": case.question, "history": case.history, "cause": kind, **detail})
    print(f"answerable answered wrong or refused: {sum(counts.values())}")
    print_counts(counts, rows, "where the answer is", "cases", args.cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
