"""The metrics measure something: they fall when retrieval is sabotaged."""

from __future__ import annotations

import random

from eval_support import SHIPPED_SET, shipped_run
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from newsdesk.assistant import Assistant, Request
from newsdesk.index.embedding import Embedder
from newsdesk.evaluation.runner import evaluate
from newsdesk.evaluation.scoring import CaseResult, load_cases, metrics
from newsdesk.index.retrieval import HybridRetriever, to_document


class EmptyRetriever(BaseRetriever):
    """Finds nothing, whatever the question."""

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun | None = None) -> list[Document]:
        return []


class RandomRetriever(BaseRetriever):
    """Indexed passages drawn at random, whatever the question."""

    passages: list[Document]
    k: int

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun | None = None) -> list[Document]:
        return random.Random(query).sample(self.passages, min(self.k, len(self.passages)))


class BlindAssistant(Assistant):
    """The real chain and answerer, with retrieval that finds nothing."""

    def retriever(self, request: Request) -> BaseRetriever:  # type: ignore[override]
        return EmptyRetriever()


class RandomAssistant(Assistant):
    """The real chain and answerer, reading random passages instead of the retrieved ones."""

    def retriever(self, request: Request) -> BaseRetriever:  # type: ignore[override]
        real: HybridRetriever = super().retriever(request)
        lexical = real.reader.current()[1]
        passages = [to_document(p, 0.0, rank) for rank, p in enumerate(lexical.passages, start=1)]
        return RandomRetriever(passages=passages, k=real.k)


def _answerable_refusal_accuracy(results: list[CaseResult]) -> float:
    answerable = [r for r in results if r.case.answerable]
    return sum(r.correct_refusal for r in answerable) / len(answerable)


def test_metrics_fall_when_the_retriever_finds_nothing(eval_assistant: Assistant, embedder: Embedder) -> None:
    honest = shipped_run(eval_assistant)
    blind = evaluate(BlindAssistant(eval_assistant.settings, embedder=embedder), load_cases(SHIPPED_SET), SHIPPED_SET)

    assert blind.metrics["answer_recall"] == 0.0 < honest.metrics["answer_recall"]
    assert blind.metrics["evidence_hit@10"] == 0.0 < honest.metrics["evidence_hit@10"]
    assert blind.metrics["mrr@10"] == 0.0 < honest.metrics["mrr@10"]
    assert blind.metrics["false_refusal_rate"] == 1.0 > honest.metrics["false_refusal_rate"]
    assert _answerable_refusal_accuracy(blind.results) == 0.0 < _answerable_refusal_accuracy(honest.results)
    assert blind.metrics["attribution"] == 0.0 < honest.metrics["attribution"]


def test_metrics_fall_when_the_answerer_reads_random_passages(eval_assistant: Assistant, embedder: Embedder) -> None:
    # Answerable cases with evidence: the ones retrieval is for (and fewer questions keep this quick).
    cases = [c for c in load_cases(SHIPPED_SET) if c.answerable and c.evidence][::2]
    honest = metrics([r for r in shipped_run(eval_assistant).results if r.case in cases])
    shuffled = evaluate(RandomAssistant(eval_assistant.settings, embedder=embedder), cases, SHIPPED_SET).metrics

    assert shuffled["evidence_hit@5"] < honest["evidence_hit@5"] - 0.2
    assert shuffled["mrr@10"] < honest["mrr@10"] - 0.2
    assert shuffled["answer_recall"] < honest["answer_recall"]
