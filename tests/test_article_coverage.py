"""Article coverage (round 15, `index/lexical.py`): a passage is lifted by how much of what the question names its
whole article says, each question word weighted by how rare it is among the store's articles (its inverse document
frequency, squared), so the article the question is about outranks a look-alike passage of another story that shares
the question's common words. Invented stories, with the deterministic bag-of-stems embedder; the held-out stories
were written with the others and not looked at until the rule was fitted on develop files."""

from __future__ import annotations

import json

import numpy as np
import pytest

from fake_embedder import FakeEmbedder
from newsdesk.index.lexical import LexicalIndex, Passage

EMBEDDER = FakeEmbedder()


def _chunk(doc_id: str, index: int, title: str, *sentences: str) -> Passage:
    text, spans = "", []
    for sentence in sentences:
        text += ("" if not text else " ") + sentence
        spans.append([len(text) - len(sentence), len(text)])
    metadata = {"doc_id": doc_id, "chunk_index": index, "title": title, "start": 0, "sentences": json.dumps(spans)}
    return Passage(f"{doc_id}-{index}", text, metadata)


# Two ferry stories: only the first names Oskarby (in its lead); the look-alike's passage says the question's common
# words. A third story, about a budget, makes the common words commoner than the place.
FERRY = [
    _chunk("ferry-velt", 0, "Thirty dead in river disaster", "A ferry capsized near Oskarby on Tuesday, killing 30."),
    _chunk("ferry-velt", 1, "Thirty dead in river disaster",
           "Divers searched the river overnight.", "The ferry operator said the vessel was not overloaded."),
    _chunk("ferry-lake", 0, "Twelve dead as ferry capsizes on lake",
           "The ferry operator said the vessel was not overloaded when it capsized.", "Divers searched the lake."),
    _chunk("budget", 0, "Council passes budget", "The council said the budget was passed by 31 votes to 12."),
]
# Held out: a court story and its look-alike; the defendant's name is said only in the first chunk.
COURTS = [
    _chunk("court-a", 0, "Former mayor jailed", "A court in Renwick jailed former mayor Idris Tolloway for six years."),
    _chunk("court-a", 1, "Former mayor jailed", "The judge said the sentence reflected the scale of the fraud."),
    _chunk("court-b", 0, "Former port chief jailed", "The judge said the sentence reflected the scale of the fraud at the port."),
    _chunk("weather", 0, "Storm warning", "Forecasters said the storm would reach the coast by Friday."),
]


def _index(passages: list[Passage]) -> LexicalIndex:
    return LexicalIndex.build(passages, EMBEDDER.embed([p.text for p in passages]), embed=EMBEDDER.embed)


def _ranked(passages: list[Passage], question: str, article_weight: float) -> list[str]:
    query = EMBEDDER.embed([question])[0]
    hits = _index(passages).hybrid_search(question, query, len(passages), 0.7, article_weight=article_weight)
    return [p.chunk_id for p, _ in hits]


def test_the_article_that_names_the_place_asked_comes_before_a_look_alike_passage() -> None:
    question = "Did the operator of the ferry that capsized near Oskarby say it was overloaded?"
    assert _ranked(FERRY, question, 0.0)[0] == "ferry-lake-0"  # it says every common word of the question
    assert _ranked(FERRY, question, 0.2)[0].startswith("ferry-velt")


def test_without_a_rare_word_in_the_question_coverage_changes_no_order_between_look_alikes() -> None:
    # Both ferry articles say every word of the question, so every one of their passages keeps its place among them,
    # not only the top one (round 16, `clean16`: the test read only the first); the budget story, which says none of
    # them, may only fall.
    question = "What did the operator say about the vessel?"
    with_coverage, without = _ranked(FERRY, question, 0.2), _ranked(FERRY, question, 0.0)
    ferries = [chunk for chunk in without if chunk.startswith("ferry")]
    assert [chunk for chunk in with_coverage if chunk.startswith("ferry")] == ferries
    assert with_coverage.index("budget-0") >= without.index("budget-0")


def test_a_saved_index_reads_the_question_once_for_bm25_and_coverage_and_ranks_as_the_built_one(tmp_path) -> None:
    """Round 16 (`clean16`): BM25 and the coverage each stemmed the question; the saved index's one reading serves
    both, and its ranking is the built index's."""
    question = "Did the operator of the ferry that capsized near Oskarby say it was overloaded?"
    _index(FERRY).save(tmp_path)
    saved = LexicalIndex.load(tmp_path)
    model = saved._model
    reads: list[str] = []
    term_ids = model.term_ids
    model.term_ids = lambda query: reads.append(query) or term_ids(query)
    query = EMBEDDER.embed([question])[0]
    hits = saved.hybrid_search(question, query, len(FERRY), 0.7, article_weight=0.2)
    assert reads == [question]
    assert [p.chunk_id for p, _ in hits] == _ranked(FERRY, question, 0.2)


def test_article_coverage_is_the_rarity_weighted_share_of_the_question_words_the_article_says() -> None:
    index = _index(FERRY)
    coverage = index.article_coverage("Oskarby overloaded budget")
    by_chunk = dict(zip([p.chunk_id for p in FERRY], coverage, strict=True))
    # every article says some of it; none says all; a chunk has its article's share
    assert by_chunk["ferry-velt-0"] == pytest.approx(by_chunk["ferry-velt-1"])
    assert 0.0 < by_chunk["ferry-lake-0"] < by_chunk["ferry-velt-1"] < 1.0
    assert np.all(index.article_coverage("words no article holds") == 0.0)


def test_held_out_the_article_that_names_the_defendant_outranks_the_look_alike() -> None:
    question = "What did the judge say about the sentence for Idris Tolloway?"
    ranked = _ranked(COURTS, question, 0.2)
    assert ranked.index("court-a-1") < ranked.index("court-b-0")
