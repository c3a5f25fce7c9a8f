"""Answers retrieval by whole chunks loses: invented stories (tests/data/retrieval11, README there) asked through the
real `Assistant` (real model, one small store of these stories and those of tests/data/retrieval, so the chunks
compete). The answer sentence lies in a later chunk that does not name the event, or is worded otherwise than the
question. Each case's evidence must be read even when the answerer reads one fused passage (k = 1: in a corpus this
small every answer is in the top 7, so k = 1 is where a chunk loses to the chunks that name the event): the passages
of the best single sentences (`sentence_passages`, round 11) are read besides it. And the question answered.
Written before round 11's `retrieve11` changes; `develop/` was looked at while building, `holdout/` only run.
At k = 1, before the change (sentence_passages = 0) 4 of 9 develop and 3 of 6 holdout answer sentences were read,
after it 7 of 9 and 6 of 6. At k = 7 every one was read before and after, and the answers were the same (the misses
below are the judge's: the sentence is read, another is chosen or none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import indexed_assistant
from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import Case, contains, handled_right
from newsdesk.index.embedding import Embedder
from stories import answer_text, ask_case, story_cases

DATA = Path(__file__).parent / "data"
STORIES = DATA / "retrieval11"
# Known misses (strict, so a fix shows as an unexpected pass), with why.
NOT_RETRIEVED: dict[str, str] = {
    "r11-halvey-pipe-age": "the answer's sentence is not among the three best single sentences: it says 'The main, "
                           "laid in 1931', and the lead's 'burst water main' sentences are nearer the question",
    "r11-halvey-cause": "as r11-halvey-pipe-age, the same sentence",
}
NOT_ANSWERED: dict[str, str] = {
    "r11-halvey-cause": "read; answered with the sentence on where the pipe split (choice)",
    "r11-pennard-length": "read; answered with the lead, which says the main burst four times (choice)",
    "r11-ferry-crossings": "read; refused: 'sail four times a day' is not judged to answer 'trips a day' (judge)",
    "r11h-tarnwick-cause": "read; answered with the lead and the caretaker's sentence (choice)",
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    paths = sorted(STORIES.glob("*/corpus/*.md")) + sorted((DATA / "retrieval").glob("*/corpus/*.md"))
    articles = {path.name: path.read_text(encoding="utf-8") for path in paths}
    return indexed_assistant(tmp_path_factory.mktemp("retrieval11"), embedder, articles)


@pytest.mark.parametrize("case", story_cases(STORIES, NOT_RETRIEVED))
def test_the_answer_sentence_is_read_when_the_answerer_reads_one_fused_passage(stories: Assistant, case: Case) -> None:
    passages = stories.evidence(Request(case.question, k=1)).evidence.passages
    missing = [e for e in case.evidence if not any(contains(p.page_content, e) for p in passages)]
    assert not missing, [p.metadata["doc_id"] for p in passages]


@pytest.mark.parametrize("case", story_cases(STORIES, NOT_ANSWERED))
def test_the_question_is_answered(stories: Assistant, case: Case) -> None:
    result = ask_case(stories, case, STORIES)
    assert handled_right(result), (result.expect_found, answer_text(result))
