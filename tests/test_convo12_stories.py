"""Follow-ups and latest figures on invented stories (tests/data/convo12, README there), asked through the real
`Assistant` (real model, one small store of these stories, so each story's sibling competes): a follow-up that names
nothing is answered from the article of the subject the earlier turn named, and a question about the latest or
revised figure with the source's most recent one. Written before round 12's `convo12` changes; `develop/` was
looked at while building, `holdout/` only run."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.assistant import Assistant
from newsdesk.evaluation.scoring import Case, handled_right
from newsdesk.index.embedding import Embedder
from stories import answer_text, ask_case, story_assistant, story_cases

STORIES = Path(__file__).parent / "data" / "convo12"
# Known misses (strict, so a fix shows as an unexpected pass), with why.
MISSES: dict[str, str] = {}


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    return story_assistant(STORIES, tmp_path_factory.mktemp("convo12"), embedder)


@pytest.mark.parametrize("case", story_cases(STORIES, MISSES))
def test_the_case_is_handled_right(stories: Assistant, case: Case) -> None:
    result = ask_case(stories, case, STORIES)
    assert handled_right(result), (result.expect_found, answer_text(result))
