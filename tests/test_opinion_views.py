"""Opinion disputes: a question asking for a judgement is answered with each source's view, each attributed.

The stories are invented (tests/data/opinions, README there): two or more named sources judge one thing
differently, with no figure between them ("the minister says the tram will bring customers", "the traders'
guild says the works will drive them away"); controls have one view, agreeing views, a bystander who only
mentions the subject, or one source speaking twice. They run through the real `Assistant` (real model, one
small Chroma store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.answer.questions import analyse, asks_judgement
from newsdesk.assistant import Assistant
from newsdesk.evaluation.scoring import Case, handled_right
from newsdesk.index.embedding import Embedder
from stories import answer_text, ask_case, story_assistant, story_cases

STORIES = Path(__file__).parent / "data" / "opinions"
# Known misses (strict, so a fix shows as an unexpected pass).
MISSES = {
    "op-control-tillery-ferry": "a false refusal: the pins reject the answer (it names the ferry, not the town)",
}


@pytest.mark.parametrize(
    ("question", "judgement"),
    [
        ("Will higher fares be good for the railway?", True),
        ("Is the economy holding up?", True),
        ("How convincing are the trial results?", True),
        ("How safe is the new bridge?", True),
        ("What do the unions make of the offer?", True),
        ("How many people marched?", False),  # a figure: its sides are figures (`answer_time_sides`)
        ("How long did the talks go on?", False),
        ("How did the fire start?", False),
        ("Who organised the march?", False),
        ("When will the bridge reopen?", False),
    ],
)
def test_which_questions_ask_for_a_judgement(question, judgement):
    assert asks_judgement(analyse(question, [])) is judgement


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    return story_assistant(STORIES, tmp_path_factory.mktemp("opinions"), embedder)


@pytest.mark.parametrize("case", story_cases(STORIES, MISSES))
def test_every_view_with_its_source_and_no_false_disagreement(stories: Assistant, case: Case) -> None:
    result = ask_case(stories, case, STORIES)
    assert handled_right(result), (result.expect_found, result.claimants_found, answer_text(result))
    for citation in result.answer["citations"]:
        assert stories.article(citation["doc_id"]).body[citation["start"]:citation["end"]] == citation["quote"]
