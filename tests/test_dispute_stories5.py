"""Round 7's second-wave invented disputes (tests/data/disputes5, README there), end to end through the real
`Assistant` (real embedding model, real Chroma): a rival source's figure or date in the chosen side's article, in a
sentence that repeats neither the question's name nor its event verb ("Police estimated the crowd at about 8,000."
under "Thousands of people marched through Hatherby"), and controls with a second town's figure in the same article.

A dispute is shown when the answer gives every side's value and names every side's claimant; a control is right
when it gives its figure and nothing it forbids. The floors are what the answerer reaches (docs/evaluation.md,
round 7 "sides5": the rival-side exception that was tried gained none of these and was not kept); the known
misses are strict, so a fix shows as an unexpected pass and must leave the list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.evaluation.scoring import CaseResult, handled_right
from newsdesk.index.embedding import Embedder
from stories import answer_text, story_assistant, story_results

STORIES = Path(__file__).parent / "data" / "disputes5"
# Disputes whose every side and claimant the answer gives, at least (of 3 develop and 2 holdout disputes).
SHOWN_AT_LEAST = {"develop": 1, "holdout": 1}
# Known misses, develop and holdout (strict).
MISSES = {
    "s5-haldersee-smelter": "the Rural Party's 2036 stands in the article's own words ('has proposed'), the same source "
                            "as the article's other sentences, so it is no side; the answer gives two of three parties",
    "s5-hatherby-march": "the lede's 'rent rises of up to 30 percent' is read as its own figure, so its sources' "
                         "counts are not looked for; the counts miss the event pin ('marched' asked), and the "
                         "organisers' and the police's are alike at 0.47, below COUNTED_ALIKE, even when let through",
    "s5-ashcombe-march-control": "the neighbouring town's 2,500 fills the answer's room (a filler, not a dispute)",
    "s5h-marrowick-vigil": "refused: the lede gives no figure and the counts are rejected by pins (the police's "
                           "'about 1,200 people were there' by the name pin)",
    "s5h-corvell-control": "'Sources disagree': another town's damaged homes in the same article, told by its mayor",
}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> dict[str, list[CaseResult]]:
    """Every story's case asked once, by part, over one store of every story's articles."""
    return story_results(story_assistant(STORIES, tmp_path_factory.mktemp(STORIES.name), embedder), STORIES)


@pytest.mark.parametrize("part", ["develop", "holdout"])
def test_disputes_show_every_side_attributed(results: dict[str, list[CaseResult]], part: str) -> None:
    disputes = [r for r in results[part] if r.case.conflict]
    shown = [r.case.id for r in disputes if handled_right(r)]
    assert len(shown) >= SHOWN_AT_LEAST[part], [(r.case.id, answer_text(r)) for r in disputes if not handled_right(r)]


def test_the_known_misses_are_still_missed(results: dict[str, list[CaseResult]]) -> None:
    """Each known miss is listed with why; a fixed one must leave the list (and raise a floor)."""
    every = [r for part in results.values() for r in part]
    missed = {r.case.id for r in every if not handled_right(r)}
    assert missed == set(MISSES), {r.case.id: answer_text(r) for r in every if r.case.id in missed ^ set(MISSES)}
