"""Running an eval set through the assistant: the chain the chat uses, then the scores.

`evaluate` asks every case with `Assistant.ask` (so an eval measures exactly
what a user gets) and scores the ``ask --json`` objects; `score_answers` scores
answers saved earlier by ``newsdesk ask --json --batch``. Both return an
`EvalRun`, whose `to_json` is the ``results.json`` that ``--baseline`` reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.errors import DocumentNotFoundError, EmptyIndexError, EvalSetError
from newsdesk.evaluation.scoring import Case, CaseResult, contains, metrics, read_json_lines, run_cases, score_case

if TYPE_CHECKING:
    from newsdesk.assistant import Assistant
    from newsdesk.settings import RetrieverMode

ProgressCallback = Callable[[int, int], None]


@dataclass
class EvalRun:
    """One eval run: where it ran, each case's result, and the metrics over all of them."""

    set_path: str
    retriever: str
    k: int
    documents: int
    results: list[CaseResult]
    metrics: dict[str, float | None] = field(default_factory=dict)
    created: str = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))

    def __post_init__(self) -> None:
        if not self.metrics:
            self.metrics = metrics(self.results)

    @property
    def failures(self) -> list[CaseResult]:
        return [result for result in self.results if result.problems()]

    def to_json(self) -> dict[str, Any]:
        return {
            "set": self.set_path,
            "created": self.created,
            "retriever": self.retriever,
            "k": self.k,
            "documents": self.documents,
            "cases": len(self.results),
            "failed_cases": len(self.failures),
            "metrics": self.metrics,
            "results": [case_json(result) for result in self.results],
        }


def case_json(result: CaseResult) -> dict[str, Any]:
    """One case's result: what was asked, what came back, and what was wrong with it."""
    answer = dict(result.answer)
    # Passage text is the document's text at the offsets; offsets suffice to check it.
    answer["retrieved"] = [{k: v for k, v in p.items() if k != "text"} for p in answer.get("retrieved", [])]
    return {
        "id": result.case.id,
        "question": result.case.question,
        "history": result.case.history,
        "answerable": result.case.answerable,
        "refused": result.refused,
        "problems": result.problems(),
        "expect_found": result.expect_found,
        "claimants_found": result.claimants_found,
        "evidence_hits": {str(depth): hit for depth, hit in result.evidence_hits.items()},
        "first_evidence_rank": result.first_evidence_rank,
        "citations_ok": result.citations_ok,
        "sentences_ok": result.sentences_ok,
        "forbidden": result.forbidden,
        "answer": answer,
    }


class BodyCache:
    """Article bodies by document id, each read once: what citation offsets point into."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self._bodies: dict[str, str | None] = {}

    def __call__(self, doc_id: str) -> str | None:
        if doc_id not in self._bodies:
            try:
                self._bodies[doc_id] = self.assistant.article(doc_id).body
            except DocumentNotFoundError:
                self._bodies[doc_id] = None
        return self._bodies[doc_id]


def evaluate(
    assistant: Assistant,
    cases: list[Case],
    set_path: Path | str,
    k: int | None = None,
    mode: RetrieverMode | None = None,
    on_case: ProgressCallback | None = None,
) -> EvalRun:
    """Ask every case through the assistant's chain and score the answers.

    The model and index are loaded first, so the first case's latency is a
    question's, not the start-up's.
    """
    from newsdesk.assistant import Request

    documents = _indexed_documents(assistant)
    assistant.warm_up()

    def ask(case: Case) -> dict[str, Any]:
        request = Request(case.question, tuple(case.history), id=case.id, k=k, mode=mode)
        return assistant.ask(request).to_json()

    results = run_cases(ask, cases, BodyCache(assistant), on_case)
    return EvalRun(
        set_path=str(set_path),
        retriever=mode or assistant.settings.retriever,
        k=k or assistant.settings.k,
        documents=documents,
        results=results,
    )


def score_answers(assistant: Assistant, cases: list[Case], answers_path: Path, set_path: Path | str) -> EvalRun:
    """Score answers saved by ``newsdesk ask --json --batch`` (matched to cases by id) without asking again."""
    documents = _indexed_documents(assistant)
    answers = read_answers(answers_path)
    body_of = BodyCache(assistant)
    results = []
    for case in cases:
        if case.id not in answers:
            raise EvalSetError(answers_path, 0, "id", f"no answer for case {case.id!r}; answer the whole set with ask --batch")
        results.append(score_case(case, answers[case.id], body_of))
    return EvalRun(
        set_path=str(set_path),
        retriever="(saved answers)",
        k=assistant.settings.k,
        documents=documents,
        results=results,
    )


def read_answers(path: Path) -> dict[str, dict[str, Any]]:
    """``ask --json --batch`` output: one answer object per line, keyed by its ``id``."""
    answers: dict[str, dict[str, Any]] = {}
    for number, answer in read_json_lines(path):
        if not isinstance(answer.get("id"), str):
            raise EvalSetError(path, number, "id", "each line must be an ask --json object with a string id")
        answers[answer["id"]] = answer
    return answers


def _indexed_documents(assistant: Assistant) -> int:
    documents = int(assistant.status()["documents"])
    if documents == 0:
        raise EmptyIndexError(assistant.settings.store)
    return documents


def evidence_not_indexed(assistant: Assistant, cases: list[Case]) -> list[str]:
    """Ids of cases whose evidence no indexed document holds: the set was written for another corpus."""
    body_of = BodyCache(assistant)
    bodies = [body for body in (body_of(doc_id) for doc_id in assistant.documents()) if body]
    return [
        case.id
        for case in cases
        if any(not any(contains(body, evidence) for body in bodies) for evidence in case.evidence)
    ]
