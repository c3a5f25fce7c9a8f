"""Answers a writer gives in other words, long and past the lead, said by a source, each beside near misses that must
stay refused: invented stories (tests/data/judge13, README there) asked through the real `Assistant` (real model,
one small Chroma store of every story's articles) and scored by the eval's own scorer. Written before round 13's
judge changes; `develop/` was looked at while building, `holdout/` only run."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.assistant import Assistant
from newsdesk.evaluation.scoring import Case, handled_right
from newsdesk.index.embedding import Embedder
from stories import answer_text, ask_case, story_assistant, story_cases

STORIES = Path(__file__).parent / "data" / "judge13"
# Known misses (strict, so a fix shows as an unexpected pass), with why. Round 18's composer (`holds_the_kind`: a
# who-question's piece holds the name asked) answers j13-bridge-inquiry-lead, a miss until then.
MISSES: dict[str, str] = {
    "j13-bridge-repair-pays": "answered with the lead: in a store of six short articles the lead sentences of the one "
                              "story asked about pass the judge (rank 1, no score gap)",
    "j13-ferry-fares": "answered with the lead (as j13-bridge-repair-pays)",
    "j13-school-teachers": "answered with the lead (as j13-bridge-repair-pays)",
    # holdout, read at the end of round 13: two answers are refused before the judge, by a pin, with v18 and the v19
    # candidate alike; the third is the develop part's lead
    "j13h-orchestra-rent": "refused by the name pin: 'Ilkstead' is said only in the lead, the answer sentence says "
                           "'the city' (not the judge's)",
    "j13h-mine-workers": "refused by the counted-noun pin: 'Around 410 people were still on the payroll' does not "
                         "count workers (as recall9's fans and demonstrators; not the judge's)",
    "j13h-mine-pension": "answered with the lead (as j13-bridge-repair-pays)",
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    return story_assistant(STORIES, tmp_path_factory.mktemp("judge13"), embedder)


@pytest.mark.parametrize("case", story_cases(STORIES, MISSES))
def test_answered_in_the_writers_own_words_and_refused_when_the_article_does_not_say_it(stories: Assistant,
                                                                                        case: Case) -> None:
    result = ask_case(stories, case, STORIES)
    assert handled_right(result), (case.answerable, result.expect_found, answer_text(result))
