"""Why an answerable question's evidence is not among the passages the answerer reads: a table of counts by cause.

    PYTHONPATH=src python eval/retrieval_causes.py --store STORE --set eval/cases.jsonl --set eval/dev/cases.jsonl

For every answerable case with ``evidence`` whose evidence is not all in the top k (the answerer's k, default the
settings'), the first cause that holds, in this order:
chunk boundary (no single chunk holds an evidence string), follow-up (the case has earlier turns), near-duplicate
outranking (a passage of another article almost the same as the evidence chunk ranks above it), name only in the
title or lead (the question names something the evidence chunk does not say; its article's title or first
paragraph does), event not named (the question names nothing), diluted (the evidence sentence alone is much closer
to the question than its chunk is), paraphrase (under half the question's content-word stems are in the evidence
sentence), else outranked. Also prints hit@1/@5/@7/@10, how many misses the answerer still reads through the
passages of the best single sentences (round 11), and each miss's dense and BM25 ranks with ``--cases``.
Never pass the sealed test split.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np

from cause_table import dev_assistant, diagnostic_parser, print_counts
from newsdesk.answer.questions import Question, analyse, entity_met
from newsdesk.assistant import Request
from newsdesk.evaluation.scoring import Case, contains, load_cases
from newsdesk.index.lexical import LexicalIndex, Passage
from newsdesk.index.retrieval import HybridSearch
from newsdesk.text import stem, tokens
from newsdesk.vocabulary import STOPWORDS

DEPTH = 50
# Chunk vectors' cosine above which a passage of another article is almost the evidence chunk.
NEAR_DUPLICATE = 0.85
# How much closer the evidence sentence alone must be to the question than its chunk for the chunk to dilute it.
DILUTED = 0.1
# Under this share of the question's content-word stems in the evidence sentence, the question is a paraphrase.
PARAPHRASED = 0.5


def _rank_of(passages: list[Passage], evidence: list[str]) -> int | None:
    """The first depth (1-based) at which every evidence string is in some passage, or None."""
    for depth in range(1, len(passages) + 1):
        if all(any(contains(p.text, e) for p in passages[:depth]) for e in evidence):
            return depth
    return None


def _first_rank(passages: list[Passage], needle: str) -> int | None:
    """The 1-based rank of the first passage holding ``needle``, or None."""
    return next((i for i, p in enumerate(passages, start=1) if contains(p.text, needle)), None)


def _content_stems(text: str) -> set[str]:
    """Stems of the words of ``text`` longer than two letters that are no stopwords."""
    return {stem(w.text) for w in tokens(text) if w.text.lower() not in STOPWORDS and len(w.text) > 2}


def _sentence_with(passage: Passage, needle: str) -> str:
    """The passage's sentence holding ``needle`` (or its first word); the whole passage when none does."""
    offset = int(passage.metadata["start"])
    for start, end in json.loads(passage.metadata.get("sentences") or "[]"):
        sentence = passage.text[start - offset:end - offset]
        if contains(sentence, needle) or contains(sentence, needle.split()[0] if needle.split() else needle):
            return sentence
    return passage.text


def _cause(
    case: Case,
    question: Question,
    missing: str,
    fused: list[Passage],
    holder: tuple[int, Passage],
    lexical: LexicalIndex,
    by_doc: dict[str, list[tuple[int, Passage]]],
    embed: Callable[[str], list[float]],
) -> tuple[str, dict[str, Any]]:
    """Why the chunk ``holder`` (its row in ``lexical`` and itself), which holds the ``missing`` evidence, is not
    in the top k of ``fused``: the first cause of the module's list that holds, and what was measured."""
    index, chunk = holder
    query = np.asarray(embed(question.query), dtype=np.float32)
    query /= np.linalg.norm(query)
    chunk_cos = float(lexical.vectors[index] @ query)
    sentence = _sentence_with(chunk, missing)
    sentence_vector = np.asarray(embed(sentence), dtype=np.float32)
    sentence_cos = float(sentence_vector @ query / np.linalg.norm(sentence_vector))
    above = [p for p in fused[: (_first_rank(fused, missing) or DEPTH)] if p.metadata["doc_id"] != chunk.metadata["doc_id"]]
    row_of = {p.chunk_id: i for i, p in enumerate(lexical.passages)}
    near = [p for p in above if float(lexical.vectors[row_of[p.chunk_id]] @ lexical.vectors[index]) > NEAR_DUPLICATE]
    doc_chunks = by_doc[chunk.metadata["doc_id"]]
    lead = doc_chunks[0][1].text.split("\n\n")[0]
    title = chunk.metadata.get("title", "")
    unmet = [e for e in question.entities if not entity_met(e, chunk.text)]
    question_stems = _content_stems(case.question)
    shared = len(question_stems & _content_stems(sentence)) / max(1, len(question_stems))
    detail = dict(chunk_cos=round(chunk_cos, 2), sentence_cos=round(sentence_cos, 2), shared=round(shared, 2),
                  chunks_in_doc=len(doc_chunks), sentence=sentence[:200], title=title,
                  top=[p.metadata["doc_id"] for p in fused[:3]], doc=chunk.metadata["doc_id"])
    if case.history:
        return "follow-up", detail
    if near:
        return "near-duplicate outranking", detail
    if unmet and all(entity_met(e, f"{title} {lead}") for e in unmet):
        return "name only in the title or lead", detail
    if not question.entities:
        return "event not named", detail
    if sentence_cos - chunk_cos >= DILUTED:
        return "diluted in a long chunk", detail
    if shared < PARAPHRASED:
        return "paraphrase", detail
    return "outranked", detail


def main() -> int:
    parser = diagnostic_parser(__doc__.splitlines()[0], "whose evidence is not in the top k")
    parser.add_argument("-k", type=int, default=None)
    args = parser.parse_args()
    assistant = dev_assistant(args)
    if assistant is None:
        return 1
    k = args.k or assistant.settings.k
    snapshot, lexical = assistant.reader.current()
    by_doc: dict[str, list[tuple[int, Passage]]] = {}
    for index, passage in enumerate(lexical.passages):
        if snapshot.admits(passage.metadata):
            by_doc.setdefault(passage.metadata["doc_id"], []).append((index, passage))
    embed = assistant.embedder.embed_query
    hits: Counter[int] = Counter()
    counts: Counter[str] = Counter()
    rows = []
    total = 0
    reached = 0  # misses whose evidence chunk the pass over single sentences reads (`sentence_passages`)
    for case in (c for path in args.sets for c in load_cases(path) if c.answerable and c.evidence):
        total += 1
        question = analyse(case.question, list(case.history))
        search = assistant.retriever(Request(case.question, k=DEPTH))
        fused = [p for p, _ in search.search(question.query)]
        rank = _rank_of(fused, case.evidence)
        for depth in (1, 5, 7, 10):
            hits[depth] += rank is not None and rank <= depth
        if rank is not None and rank <= k:
            continue
        missing = next(e for e in case.evidence if (_first_rank(fused[:k], e) is None))
        holders = [(i, p) for chunks in by_doc.values() for i, p in chunks if contains(p.text, missing)]
        dense = HybridSearch(search.reader, DEPTH, "dense", DEPTH).search(question.query)
        bm25 = HybridSearch(search.reader, DEPTH, "bm25", DEPTH).search(question.query)
        dense_rank = _first_rank([p for p, _ in dense], missing)
        bm25_rank = _first_rank([p for p, _ in bm25], missing)
        best_sentences = HybridSearch(search.reader, k, sentences=assistant.settings.sentence_passages)
        read = [d.page_content for d in best_sentences.sentence_passages(question.query)]
        detail = {"fused": rank, "dense": dense_rank, "bm25": bm25_rank,
                  "best_sentences": any(contains(text, missing) for text in read)}
        reached += detail["best_sentences"]
        if not holders:
            kind = "chunk boundary"
        else:
            kind, found = _cause(case, question, missing, fused, holders[0], lexical, by_doc, embed)
            detail.update(found)
        kind = f"{kind} ({'top 10' if rank is not None and rank <= 10 else 'not in top 10'})"
        counts[kind] += 1
        rows.append({"id": case.id, "question": case.question, "evidence": missing, "cause": kind, **detail})
    print(f"answerable with evidence {total}; hit@1 {hits[1] / total:.3f} hit@5 {hits[5] / total:.3f} "
          f"hit@7 {hits[7] / total:.3f} hit@10 {hits[10] / total:.3f}; not in the top {k}: {sum(counts.values())}")
    print(f"of which read through the passages of the best single sentences (sentence_passages "
          f"{assistant.settings.sentence_passages}): {reached}")
    print_counts(counts, rows, f"cause (evidence not in the top {k})", "cases", args.cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
