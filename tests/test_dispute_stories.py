"""Disputes on articles nobody tuned for, end to end through the real `Assistant` (real embedding model, real
Chroma): invented stories (an invented world: no name, outlet or phrase of eval/ or corpus/), each two or three
short articles of different outlets and dates, in three sets written before the rules they test:

- tests/data/disputes (round 6, `disputes3`): revisions by the same source, two figures of different things or
  years, a spokesman and his own body, rounding, sources agreeing, another place;
- tests/data/disputes4 (round 7, `conflicts4`): a second source's count in a sentence that repeats none of the
  question's words, an unattributed lede above the counts its sources give, a "no" that negates the question's own
  verb, a view given by "X called the plan reckless", a decoy view of another town's story;
- tests/data/disputes5 (round 7, `sides5`): a rival source's figure or date in the chosen side's article, in a
  sentence that repeats neither the question's name nor its event verb, and controls with a second town's figure;
- tests/data/disputes6 (round 8, `conflicts8`): a first side in the article's own words whose subject is a named
  party ("The Quayhands' Alliance is demanding a 7 percent pay rise"), beside another party's value;
- tests/data/disputes7 (round 8, `conflicts8b`): a rival source's date or figure in the chosen side's article that
  repeats neither the question's name nor its thing, so the name pin rejects it; controls with another named thing
  (another road of the same scheme, another plant of the same company) in the same article;
- tests/data/disputes8 (round 9, `conflicts9`): a second side whose sentence calls its source by a description ("The
  union said 320 jobs would go") after the article named it only in passing or by apposition, and "each side"
  questions, which name no claimant;
- tests/data/disputes10 (round 10, `conflicts10`): a second source's figure for the same count in the same article,
  written with a generic noun ("put the figure at 2,100", "the true number was nearer 3,000") or another noun for the
  same people ("131 suspected cases" against "infected 58 children"), under many reporting verbs;
- tests/data/disputes11 (round 11, `sides11`): a second source's count of the same noun in the same or the next
  sentence, with no event of its own or a linked one ("the true number was closer to 1,100" after "420 nursing posts
  were empty"; "84 passengers and crew were on board, but ... at least 120 people had boarded"), and a rival count
  that calls the counted people by another word ("640 of its employees" for "how many workers");
- tests/data/disputes12 (round 12, `sides12`): a second source's count that the article says disputes the first in
  so many words ("disputed the union's count, saying 520 of its employees were absent"; "rejected that figure", two
  sentences below the count it answers; a lede's "but a charity said the real number was far higher"), and a march
  whose lede counts only "thousands"; controls beside a word of disputing that disputes no count;
- tests/data/disputes14 (round 14, `sides14`): sides the article announces ("the ministry and the growers gave very
  different figures for the damage") or the question names ("according to the company and the union", "according
  to the two sides at the trial"); controls: another fact of the story, one source's own count asked;
- tests/data/disputes13 (round 13, `sides13`): two sources' counts asked about as the latest figure ("how many are
  on strike now? Do both sides agree?", each side revised over two days) or as whether the sources agree ("Was the
  march as big as the organisers said?", "Do the prosecution and the defence agree on ...?"); controls: a figure
  revised by its one source, other facts of the same stories.

A dispute is shown when the answer gives every side's value and names every side's claimant (the eval's
`handled_right`); a control must never open with "Sources disagree". The floors are what the answerer reached when
each set's rules last changed (docs/evaluation.md); the develop stories were looked at while developing, the
holdout ones only run. Known misses are strict: a fixed one must leave its list and raise a floor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsdesk.evaluation.scoring import CaseResult, handled_right
from newsdesk.index.embedding import Embedder
from stories import PARTS, answer_text, story_assistant, story_results

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class StorySet:
    folder: str
    shown_at_least: dict[str, int]  # disputes whose every side and claimant the answer gives, per part
    misses: dict[str, str] = field(default_factory=dict)  # case id: why it is missed
    misses_checked_in: tuple[str, ...] = ()  # the parts whose every miss must be listed
    # disputes answered as one, opening "Sources disagree", per part (round 13: not only covered by filling the answer)
    framed_at_least: dict[str, int] = field(default_factory=dict)


SETS = (
    StorySet("disputes", {"develop": 9, "holdout": 2}),  # of 12 develop and 5 holdout disputes
    StorySet(
        "disputes4", {"develop": 6, "holdout": 4},  # of 8 and 5
        {
            "d4-morrance-bridge": 'the firm is named only in the next sentence ("Grint & Halloway, which carried out the '
                                  'inspection"); its "no" is attributed to "an engineering firm that inspected the bridge"',
            "d4-tolbeck-rally": 'the police\'s and the university\'s counts ("estimated the crowd at 12,500") are rejected by '
                                'the event pin ("attended" asked), so they never reach the side search',
        },
        ("develop",),
    ),
    StorySet(
        "disputes5", {"develop": 2, "holdout": 1},  # of 3 and 2 (s5-hatherby-march shown since round 10's generic figures)
        {
            "s5-haldersee-smelter": "the Rural Party's 2036 stands in the article's own words ('has proposed'), the same source "
                                    "as the article's other sentences, so it is no side; the answer gives two of three parties",
            "s5-ashcombe-march-control": "the neighbouring town's 2,500 fills the answer's room (a filler, not a dispute)",
            "s5h-marrowick-vigil": "refused: the lede gives no figure and the counts are rejected by pins (the police's "
                                   "'about 1,200 people were there' by the name pin)",
            "s5h-corvell-control": "'Sources disagree': another town's damaged homes in the same article, told by its mayor",
        },
        PARTS,
    ),
    StorySet(
        "disputes6", {"develop": 2, "holdout": 2},  # of 3 and 2
        {
            "d6-selkirk-toll": "the third party's 2034 ('The Tesselby Liberals' manifesto proposed 2034') is attributed, but "
                               "its sentence is far less like the question than the best one (0.11 against 0.55), and a "
                               "year is a side only within the similarity margin (a far year in the best sentence's "
                               "article read alike at RIVAL_ALIKE fixed it, but moved no eval file: not kept)",
        },
        ("develop",),
    ),
    StorySet(
        "disputes7", {"develop": 2, "holdout": 1},  # of 3 and 2
        {
            "d7-wenlow-closure": "the lede is the best sentence and gives no year of its own, so no side is looked for "
                                 "(a figure's lede is replaced by a source's count, a date's is not); Civic Unity's "
                                 "'proposed 2033' is judged 0.015, below SIDE_MIN_CONFIDENCE",
            "d7-linmoor-control": "'Sources disagree': the ledger's Marsk job-cuts dispute (240 against 400) is matched to "
                                  "the question about the Linmoor plant, whose own 60 is not said",
        },
        ("develop",),
    ),
    StorySet(
        "disputes8", {"develop": 3, "holdout": 2},  # of 3 and 3
        {
            "d8-fallowfield-control": "'Sources disagree': the ledger's Wickmere job-cuts dispute (200 against 320) is "
                                      "matched to the question about the Fallowfield depot, whose own 30 is not said "
                                      "(as d7-linmoor-control)",
        },
        ("develop",),
    ),
    StorySet(
        "disputes10", {"develop": 1, "holdout": 0},  # of 3 and 2
        {
            "d10-dunstrey-vigil": "refused: the organisers' 6,400 and the constables' 'put the figure at 2,100' are not "
                                  "judged an answer to 'came to the vigil'",
            "d10-yarrowdene-measles": "the charity's '131 suspected cases' is not read as counting what the office's "
                                      "'infected 58 children' counts",
        },
        ("develop",),
    ),
    StorySet("disputes11", {"develop": 3, "holdout": 2}, {}, ("develop",)),  # of 3 and 2
    StorySet("disputes12", {"develop": 3, "holdout": 2}, {}, ("develop",)),  # of 3 and 2
    StorySet(
        "disputes13", {"develop": 3, "holdout": 1}, {}, ("develop",),  # of 3 and 2
        # d13-dorrowmere-as-big is covered, not framed (see below); the holdout's nurses ("The federation now says 720")
        # lose their claimant to attribution, and its petition is covered by the answer's room, not framed
        framed_at_least={"develop": 2, "holdout": 0},
    ),
    # round 14 (`sides14`): before the branch, develop 2 of 3 shown (the savings scheme's "according to the two sides"
    # was read as one claimant and refused) and the union's own count answered "Sources disagree" (the ledger's
    # dispute); holdout 1 of 2 ("according to the operator and the crews' union" missed), 2 of 2 after, run once
    StorySet("disputes14", {"develop": 3, "holdout": 2}, {}, ("develop",), framed_at_least={"develop": 3, "holdout": 2}),
)
Stories = tuple[StorySet, dict[str, list[CaseResult]]]


@pytest.fixture(scope="module", params=SETS, ids=lambda story_set: story_set.folder)
def stories(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Stories:
    """A set's every case asked once, by part, over one store of the set's articles."""
    story_set: StorySet = request.param
    folder = DATA / story_set.folder
    return story_set, story_results(story_assistant(folder, tmp_path_factory.mktemp(story_set.folder), embedder), folder)


@pytest.mark.parametrize("part", PARTS)
def test_controls_never_say_sources_disagree(stories: Stories, part: str) -> None:
    story_set, results = stories
    controls = [r for r in results[part] if not r.case.conflict]
    assert controls
    disagreeing = [(r.case.id, answer_text(r)) for r in controls
                   if answer_text(r).startswith("Sources disagree") and r.case.id not in story_set.misses]
    assert disagreeing == []


@pytest.mark.parametrize("part", PARTS)
def test_disputes_show_every_side_attributed(stories: Stories, part: str) -> None:
    story_set, results = stories
    disputes = [r for r in results[part] if r.case.conflict]
    shown = [r.case.id for r in disputes if handled_right(r)]
    unshown = [(r.case.id, answer_text(r)) for r in disputes if not handled_right(r)]
    assert len(shown) >= story_set.shown_at_least[part], unshown


@pytest.mark.parametrize("part", PARTS)
def test_disputes_are_framed_as_disputes(stories: Stories, part: str) -> None:
    """A dispute the answerer recognises opens "Sources disagree" with each side once, not the story's sentences in a
    row that happen to hold every side. d13-dorrowmere-as-big is not framed: the police's "put attendance at about
    3,200" reads 0.49 like the organisers' "9,000 people had joined the march", below `COUNTED_ALIKE`."""
    story_set, results = stories
    disputes = [r for r in results[part] if r.case.conflict]
    framed = [r.case.id for r in disputes if answer_text(r).startswith("Sources disagree")]
    unframed = [(r.case.id, answer_text(r)) for r in disputes if r.case.id not in framed]
    assert len(framed) >= story_set.framed_at_least.get(part, 0), unframed


def test_the_known_misses_are_still_missed(stories: Stories) -> None:
    """Each known miss is listed with why; in the parts checked, every miss is listed."""
    story_set, results = stories
    checked = [r for part in story_set.misses_checked_in for r in results[part]]
    missed = {r.case.id for r in checked if not handled_right(r)}
    changed = {r.case.id: answer_text(r) for r in checked if r.case.id in missed ^ set(story_set.misses)}
    assert missed == set(story_set.misses), changed
