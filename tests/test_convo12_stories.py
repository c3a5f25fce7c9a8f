"""Follow-ups and latest figures on invented stories (tests/data/convo12, README there), asked through the real
`Assistant` (real model, one small store of these stories, so each story's sibling competes): a follow-up that names
nothing is answered from the article of the subject the earlier turn named, and a question about the latest or
revised figure with the source's most recent one. Written before round 12's `convo12` changes; `develop/` was
looked at while building, `holdout/` only run. The two develop cases that state their subject before asking
(`c12-drommel-stated`, `c12-lowdry-stated-revised`, `questions.stated_subject`) were added after that code.
Before round 12's changes 13 of 15 passed; the two misses below are refusals, neither follow-up nor latest figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.assistant import Assistant
from newsdesk.evaluation.scoring import Case, handled_right
from newsdesk.index.embedding import Embedder
from stories import answer_text, ask_case, story_assistant, story_cases

STORIES = Path(__file__).parent / "data" / "convo12"
# Known misses (strict, so a fix shows as an unexpected pass), with why.
MISSES: dict[str, str] = {
    "c12-lowdry-latest-start-unans": "answered with the article's sentences on the wall's cost and start; no sentence says when "
                                     "it ends (an unanswerable near miss: the refusal's lane, not the latest figure's)",
    "c12h-thornwick-cause-unans": "'What started it?' asks no kind the not-known check reads ('The cause of the fire is not "
                                  "yet known' is not taken as the refusal); answered with the fire's sentences",
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    return story_assistant(STORIES, tmp_path_factory.mktemp("convo12"), embedder)


@pytest.mark.parametrize("case", story_cases(STORIES, MISSES))
def test_the_case_is_handled_right(stories: Assistant, case: Case) -> None:
    result = ask_case(stories, case, STORIES)
    assert handled_right(result), (result.expect_found, answer_text(result))
