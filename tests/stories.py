"""Invented story sets under tests/data (`develop/` and `holdout/`, each a `corpus/` of short articles and a
`cases.jsonl` in the eval format), asked end to end through the real `Assistant` and scored by the eval's own
scorer: one store of every story's articles per set, so the stories compete with each other."""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.mark.structures import ParameterSet

from conftest import indexed_assistant
from newsdesk.assistant import Assistant
from newsdesk.evaluation.runner import evaluate
from newsdesk.evaluation.scoring import Case, CaseResult, load_cases
from newsdesk.index.embedding import Embedder

PARTS = ("develop", "holdout")


def story_assistant(folder: Path, root: Path, embedder: Embedder) -> Assistant:
    """An assistant over every story's articles of ``folder`` (develop and holdout), indexed under ``root``."""
    articles = {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*/corpus/*.md"))}
    return indexed_assistant(root, embedder, articles)


def story_results(assistant: Assistant, folder: Path, parts: tuple[str, ...] = PARTS) -> dict[str, list[CaseResult]]:
    """Every case of each part asked once and scored."""
    return {part: evaluate(assistant, load_cases(folder / part / "cases.jsonl"), folder / part).results for part in parts}


def story_cases(folder: Path, misses: dict[str, str]) -> list[ParameterSet]:
    """Each case of both parts as a test parameter; a known miss is a strict xfail with its reason, so a fix shows."""
    return [
        pytest.param(case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=misses[case.id])] if case.id in misses else [])
        for part in PARTS
        for case in load_cases(folder / part / "cases.jsonl")
    ]


def ask_case(assistant: Assistant, case: Case, folder: Path) -> CaseResult:
    """One case asked and scored as `newsdesk eval` scores it."""
    return evaluate(assistant, [case], folder).results[0]


def answer_text(result: CaseResult) -> str:
    return str(result.answer.get("answer", ""))
