"""Round 7's invented disputes (tests/data/disputes4, README there), end to end through the real `Assistant`
(real embedding model, real Chroma): wording nobody tuned for. A second source's count in a sentence that repeats
none of the question's words, an unattributed lede ("Thousands of people marched ...") above the counts its
sources give, a "no" that negates the question's own verb, a view given by "X called the plan reckless", a decoy
view of another town's story.

A dispute is shown when the answer gives every side's value and names every side's claimant; a control never
opens with "Sources disagree" and never shows what it forbids. The floors are what the answerer reached when these
rules last changed (docs/evaluation.md, round 7 "conflicts4"): the develop stories were looked at while developing,
the holdout ones only run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.evaluation.scoring import CaseResult, handled_right
from newsdesk.index.embedding import Embedder
from stories import answer_text, story_assistant, story_results

STORIES = Path(__file__).parent / "data" / "disputes4"
# Disputes whose every side and claimant the answer gives, at least (of 8 develop and 5 holdout disputes).
SHOWN_AT_LEAST = {"develop": 6, "holdout": 4}
# Known misses (strict, so a fix shows as an unexpected pass).
MISSES = {
    "d4-morrance-bridge": 'the firm is named only in the next sentence ("Grint & Halloway, which carried out the '
                          'inspection"); its "no" is attributed to "an engineering firm that inspected the bridge"',
    "d4-tolbeck-rally": 'the police\'s and the university\'s counts ("estimated the crowd at 12,500") are rejected by '
                        'the event pin ("attended" asked), so they never reach the side search',
}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> dict[str, list[CaseResult]]:
    """Every story's case asked once, by part, over one store of every story's articles."""
    return story_results(story_assistant(STORIES, tmp_path_factory.mktemp(STORIES.name), embedder), STORIES)


@pytest.mark.parametrize("part", ["develop", "holdout"])
def test_controls_never_say_sources_disagree(results: dict[str, list[CaseResult]], part: str) -> None:
    controls = [r for r in results[part] if not r.case.conflict]
    assert controls
    assert [(r.case.id, answer_text(r)) for r in controls if answer_text(r).startswith("Sources disagree")] == []


@pytest.mark.parametrize("part", ["develop", "holdout"])
def test_disputes_show_every_side_attributed(results: dict[str, list[CaseResult]], part: str) -> None:
    disputes = [r for r in results[part] if r.case.conflict]
    shown = [r.case.id for r in disputes if handled_right(r)]
    assert len(shown) >= SHOWN_AT_LEAST[part], [(r.case.id, answer_text(r)) for r in disputes if not handled_right(r)]


def test_the_known_misses_are_still_missed(results: dict[str, list[CaseResult]]) -> None:
    """Each known miss is listed with why; a fixed one must leave the list (and raise a floor)."""
    missed = {r.case.id for r in results["develop"] if not handled_right(r)}
    assert missed == set(MISSES), {case: answer_text(r) for r in results["develop"] for case in [r.case.id] if case in missed ^ set(MISSES)}
