"""Which sentences answer: invented stories (tests/data/choice, README there) asked through the real `Assistant`
(real model, one small Chroma store). Every question is answerable; the answer must hold every `expect` and
`claimants` group within the answer contract's 500 characters. The case id says the kind of answer needed: a
two-part question, a date, a figure, a reason, a place, a name, or a detail a later sentence gives while two
outlets' leads restate the event. Written before round 7's `choice4` changes; `develop/` was looked at while
building, `holdout/` only run."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.assistant import Assistant
from newsdesk.evaluation.scoring import Case, handled_right
from newsdesk.index.embedding import Embedder
from stories import answer_text, ask_case, story_assistant, story_cases

STORIES = Path(__file__).parent / "data" / "choice"
# Known misses (strict, so a fix shows as an unexpected pass), with where the right sentence stops
# (`eval/choice_causes.py`, `eval/refusal_causes.py`).
MISSES = {
    "ch-detail-crane-hurt": "'where one remained in serious condition' is judged 0.02 likely: the leads restate the collapse",
    "ch-two-part-stage-winner-margin": "the margin's sentence is first (the whole keeps one kind, quantity) and "
                                       "names a rider, so the 'who won' part counts as answered",
    "ch-figure-stage-length": "refused: the stage's length sentence is judged 0.01 likely",
    "ch-reason-baths-why": "refused: the losses' sentence is judged 0.08 likely, under the threshold",
    "ch-two-part-mayor-two-counts": "the runner-up's sentence ('received 13,950') is pinned out: it does not count "
                                    "votes (two things under one wh-word: not split into parts; round 9 `choice9` "
                                    "tried a split, and the sentence is still pinned out under its part)",
    "ch-reason-nasora-why": "refused: the reason ('contained tablets of twice the stated strength') has no reason word",
    "ch-date-nasora-deadline": "the deadline's sentence is pinned out: it names the batches, not the tablet",
    "ch-two-part-vosk-profit-revenue": "the revenue sentence is pinned out for the second part of a two-part question "
                                       "(two things under one wh-word: not split into parts; split in round 9's "
                                       "trial, it is pinned out under its part: it does not say 'last year')",
    # Round 8 `twopart8`: two-part stories written before the parts mechanism (develop: marren, tessel, tarrow;
    # holdout: lisk, orrin), each failing on main 05cbc33 for one cause, one kind for the whole question; the parts
    # mechanism (`Question.parts`, `answering._with_parts`) fixed tessel (both), tarrow and orrin (both).
    "ch-two-part-marren-when-why": "the reason's sentence is not added: 'on suspicion of' is no reason marker "
                                   "(`vocabulary.REASON_PATTERNS`), so it fails the reason part's type check",
    "ch-two-part-lisk-who-when": "the start date's sentence is not added: the ranker puts another date of the "
                                 "article ('61,000 visitors last year') first for the date part",
    # Round 9 `choice9`: stories written before its changes (develop: velloway, kellbrook; holdout: skelby,
    # carrodine). A question about another detail of an article that holds a dispute, answered with the dispute.
    "ch-beside-dispute-foundry-ballot": "refused: the ballot's sentence is judged out",
    "ch-beside-dispute-ferry-built": "answered with the harbour authority's passenger count, not the build year",
    # Round 9 `lookalike9`: look-alike stories written before its changes (develop: caddow elections, landslides;
    # holdout: storms, strikes), the question naming which one by a common word ("by-election", "wildcat").
    "ch-lookalike-byelection-turnout": "the by-election's sentence first, then other elections' turnout sentences "
                                       "(round 9 `lookalike9`: fixed by `articles_asked`, which lost on develop)",
    "ch-lookalike-general-turnout": "answered first with the by-election's turnout",
    "ch-lookalike-wildcat-workers": "answered with another story's sentence, the national strike's after it",
    # Round 10 `lookalike10`: look-alike follow-ups whose only name is in the earlier turn (develop: water mains,
    # freight results; holdout: bridges, factory fires), written before `in_the_conversations_story`.
    "ch-lookalike10-corvey-staff": "refused: no sentence of the named factory's article passes for 'how many people "
                                   "worked there' ('employed'), and the other factory's is another story's",
    "ch-lookalike10-stanlow-shuttle-casual": "the town is written in lower case, so it is no name and the follow-up "
                                             "inherits none: answered from the look-alike bridges",

    # Round 10 `choice10`: stories written before its changes (develop: brindlemoor, dellingrave, selmark; holdout:
    # tollan, varnley, merrin): the name or figure asked stands in a later sentence, beside the role or noun asked.
    "ch-in-place-name-ferries-ceo-casual": "a keyword query: answered with the lead and the fleet's sentence, not the "
                                           "chief executive's",
    "ch-in-place-figure-regatta-crowd": "'watched' against 'spectators lined the river bank': answered with the lead "
                                        "and the regatta's crews",
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    return story_assistant(STORIES, tmp_path_factory.mktemp("choice"), embedder)


@pytest.mark.parametrize("case", story_cases(STORIES, MISSES))
def test_the_answer_holds_what_is_asked(stories: Assistant, case: Case) -> None:
    result = ask_case(stories, case, STORIES)
    assert handled_right(result), (result.expect_found, result.claimants_found, answer_text(result))
