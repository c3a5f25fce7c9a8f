"""The answer's room: invented stories (tests/data/room, README there) asked through the real `Assistant`. A lead
restates each story and a later sentence gives the detail asked, one the judge may weigh below its threshold, while
a look-alike story of another town competes for the answer's room. Every question is answerable; the answer must
hold every `expect` group within 500 characters. Written before round 13's `choice13` changes; `develop/` was looked
at while building, `holdout/` only run."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.assistant import Assistant
from newsdesk.evaluation.scoring import Case, handled_right
from newsdesk.index.embedding import Embedder
from stories import answer_text, ask_case, story_assistant, story_cases

STORIES = Path(__file__).parent / "data" / "room"
# Known misses (strict, so a fix shows as an unexpected pass), with where the right sentence stops.
MISSES: dict[str, str] = {
    "room-ferry-boss": "refused: 'in charge of' meets no word of 'Managing director Halvar Quennell said ...', which the "
                       "judge weighs under its threshold (a refusal, the judge's lane, not the answer's room)",
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    return story_assistant(STORIES, tmp_path_factory.mktemp("room"), embedder)


@pytest.mark.parametrize("case", story_cases(STORIES, MISSES))
def test_the_answer_holds_what_is_asked(stories: Assistant, case: Case) -> None:
    result = ask_case(stories, case, STORIES)
    assert handled_right(result), (result.expect_found, result.claimants_found, answer_text(result))
