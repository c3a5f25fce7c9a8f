"""Which passages are retrieved: invented stories (tests/data/retrieval, README there) searched through the real
`Assistant` (real model, one small Chroma store of every story). Every question is answerable and names the
passage that must be among the `k` the answerer reads (the case's `evidence`) and, harder in a corpus this small,
ranked first. The questions are the hard kinds
for retrieval: paraphrased ("lose their jobs" for "posts will go"), the event not named or named only in the
article's title and lead, a detail in the middle of a long article, a sibling article on the same kind of event.
Written before round 8's `retrieval8` changes; `develop/` was looked at while building, `holdout/` only run."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import Case, contains
from newsdesk.index.embedding import Embedder
from stories import story_assistant, story_cases

STORIES = Path(__file__).parent / "data" / "retrieval"
# Evidence not ranked first (strict, so a fix shows as an unexpected pass), with the rank it reached.
# Before round 8 (reciprocal rank fusion of chunk vectors and BM25 over the chunk text) develop had 8 of 15 first and
# holdout 11 of 12; with the title and sentence context and convex fusion, 9 and 11 (every case in the top 3).
NOT_FIRST = {
    "rt-quarry-cause": "second, below the lead of the quarry article (was second)",
    "rt-quarry-union-warning": "third, below the lead and the chunk on the rain (was second)",
    "rt-mine-why-flooded": "second, below the colliery's lead, which also says the water broke in (was first)",
    "rt-dock-why-alone": "second (was second)",
    "rt-dock-reduced": "second (was second)",
    "rt-dock-adviser": "second (was third)",
    "rt-seagrass-shrink-why": "second (was second)",
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    return story_assistant(STORIES, tmp_path_factory.mktemp("retrieval"), embedder)


@pytest.mark.parametrize("case", story_cases(STORIES, {}))
def test_the_evidence_is_among_the_passages_the_answerer_reads(stories: Assistant, case: Case) -> None:
    passages = stories.evidence(Request(case.question)).evidence.passages
    assert len(passages) >= stories.settings.k  # and the passages of the best sentences (round 11)
    missing = [e for e in case.evidence if not any(contains(p.page_content, e) for p in passages)]
    assert not missing, [p.metadata["doc_id"] for p in passages]


@pytest.mark.parametrize("case", story_cases(STORIES, NOT_FIRST))
def test_the_evidence_passage_ranks_first(stories: Assistant, case: Case) -> None:
    first = stories.evidence(Request(case.question)).evidence.passages[0]
    assert all(contains(first.page_content, e) for e in case.evidence), (first.metadata["doc_id"], first.page_content[:80])
