"""The lexical index's context (round 8, `index/lexical.py`): BM25 reads each chunk with its article's title; dense
search scores a chunk by its own cosine, its best sentence's and half its title's; hybrid search fuses the two by a
convex combination of scores over every passage. Rules, with the deterministic bag-of-stems embedder."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from fake_embedder import FakeEmbedder
from newsdesk.index.lexical import TITLE_WEIGHT, LexicalIndex, Passage

EMBEDDER = FakeEmbedder()


def _chunk(chunk_id: str, title: str, *sentences: str) -> Passage:
    text, spans = "", []
    for sentence in sentences:
        text += ("" if not text else " ") + sentence
        spans.append([len(text) - len(sentence), len(text)])
    return Passage(chunk_id, text, {"doc_id": chunk_id, "title": title, "start": 0, "sentences": json.dumps(spans)})


PASSAGES = [
    _chunk("quarry-2", "Three killed as quarry face gives way at Brindle Fell",
           "Work at the site has stopped.", "Engineers blamed weeks of heavy rain for the slide.",
           "The company said it would cooperate with inspectors.", "A memorial service will be held on Saturday."),
    _chunk("budget-3", "Tollan council raises tax by five percent",
           "Opposition councillors proposed using reserves.", "The budget passed by 31 votes to 12."),
    _chunk("marathon-1", "City marathon record falls", "A runner broke the course record on Sunday in cool weather."),
]


def _index(passages: list[Passage] = PASSAGES, embed: bool = True) -> LexicalIndex:
    vectors = EMBEDDER.embed([p.text for p in passages])
    return LexicalIndex.build(passages, vectors, embed=EMBEDDER.embed if embed else None)


def _unit(text: str) -> np.ndarray:
    return EMBEDDER.embed([text])[0]


def test_a_chunk_scores_its_own_cosine_plus_its_best_sentence_and_half_its_title() -> None:
    query = _unit("what did engineers blame for the slide")
    scores = dict((p.chunk_id, s) for p, s in _index().dense_search(query, 3))
    chunk = PASSAGES[0]
    expected = (_unit(chunk.text) @ query + max(_unit(s) @ query for s in chunk.sentence_texts())
                + TITLE_WEIGHT * (_unit(chunk.title) @ query))
    assert scores["quarry-2"] == pytest.approx(float(expected), abs=1e-5)


def test_without_context_dense_search_is_the_chunk_cosine_alone() -> None:
    query = _unit("what did engineers blame for the slide")
    scores = dict((p.chunk_id, s) for p, s in _index().dense_search(query, 3, with_context=False))
    assert scores["quarry-2"] == pytest.approx(float(_unit(PASSAGES[0].text) @ query), abs=1e-5)


def test_bm25_finds_a_chunk_by_a_word_only_its_title_holds() -> None:
    hits = _index().search("quarry", 3)
    assert [p.chunk_id for p, _ in hits] == ["quarry-2"]


def test_the_title_lifts_a_chunk_that_does_not_name_the_event() -> None:
    query = _unit("why did the quarry at Brindle Fell collapse")
    ranked = [p.chunk_id for p, _ in _index().dense_search(query, 3)]
    assert ranked[0] == "quarry-2"


def test_hybrid_search_is_the_convex_combination_of_scaled_dense_and_bm25_scores() -> None:
    index = _index()
    question = "How did the council vote on the budget?"
    query = _unit(question)
    fused = dict((p.chunk_id, s) for p, s in index.hybrid_search(question, query, 3, dense_weight=0.7, article_weight=0.0))
    dense = dict((p.chunk_id, s) for p, s in index.dense_search(query, 3))
    bm25 = dict((p.chunk_id, s) for p, s in index.search(question, 3))
    best = max(bm25.values())
    for chunk_id, score in fused.items():
        expected = 0.7 * dense[chunk_id] / (2 + TITLE_WEIGHT) + 0.3 * bm25.get(chunk_id, 0.0) / best
        assert score == pytest.approx(expected, abs=1e-5), chunk_id
    assert next(iter(fused)) == "budget-3"


def test_a_passage_first_by_bm25_alone_keeps_its_lead_over_one_both_rank_middling() -> None:
    """What reciprocal rank fusion lost: a passage missing from one retriever's candidates scored 1/(60+rank) once."""
    index = _index()
    question = "marathon course record"
    fused = index.hybrid_search(question, _unit("a question about something else entirely"), 3, dense_weight=0.7, article_weight=0.0)
    assert fused[0][0].chunk_id == "marathon-1"


def test_a_passage_the_filter_rejects_is_not_returned_by_hybrid_search() -> None:
    index = _index()
    hits = index.hybrid_search("quarry rain", _unit("quarry rain"), 3, 0.7, keep=lambda m: m["doc_id"] != "quarry-2", article_weight=0.0)
    assert "quarry-2" not in [p.chunk_id for p, _ in hits]


def test_the_context_is_saved_and_loaded_with_the_index(tmp_path: Path) -> None:
    _index().save(tmp_path / "g1")
    loaded = LexicalIndex.load(tmp_path / "g1")
    query = _unit("what did engineers blame for the slide")
    assert loaded.context is not None
    assert [s for _, s in loaded.dense_search(query, 3)] == pytest.approx([s for _, s in _index().dense_search(query, 3)], abs=1e-5)


def test_an_index_saved_without_context_still_searches_by_its_chunk_vectors(tmp_path: Path) -> None:
    _index(embed=False).save(tmp_path / "g1")
    loaded = LexicalIndex.load(tmp_path / "g1")
    query = _unit("what did engineers blame for the slide")
    assert loaded.context is None
    assert dict((p.chunk_id, s) for p, s in loaded.dense_search(query, 3))["quarry-2"] == pytest.approx(
        float(_unit(PASSAGES[0].text) @ query), abs=1e-5)


def test_a_reindex_of_an_unchanged_corpus_rebuilds_the_lexical_index_when_its_version_changes(
    monkeypatch: pytest.MonkeyPatch, make_assistant, corpus_dir: Path
) -> None:
    from newsdesk.index import indexing

    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    before = assistant.store.read_snapshot().lexical_dir
    monkeypatch.setattr(indexing, "LEXICAL_VERSION", indexing.LEXICAL_VERSION + 1)
    report = assistant.reindex()
    assert report.chunks_embedded == 0
    assert assistant.store.read_snapshot().lexical_dir != before


def test_a_rebuild_looks_up_only_the_sentences_the_previous_index_did_not_hold() -> None:
    previous = _index(PASSAGES[:2])
    asked: list[str] = []

    def counting(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return EMBEDDER.embed(texts)

    vectors = EMBEDDER.embed([p.text for p in PASSAGES])
    rebuilt = LexicalIndex.build(PASSAGES, vectors, embed=counting, known_sentences=previous.sentence_vectors_by_text())
    assert set(asked) == {PASSAGES[2].title, *PASSAGES[2].sentence_texts()} | {p.title for p in PASSAGES[:2]}
    query = _unit("what did engineers blame for the slide")
    assert [s for _, s in rebuilt.dense_search(query, 3)] == pytest.approx([s for _, s in _index().dense_search(query, 3)], abs=1e-5)


def test_sentence_search_ranks_each_passage_by_its_best_single_sentence() -> None:
    """Round 11 (`retrieve11`): the passage of the sentence that answers, whatever its other sentences say."""
    query = _unit("what did engineers blame for the slide")
    found = _index().sentence_search(query, 2)
    best = max(_unit(s) @ query for s in PASSAGES[0].sentence_texts())
    assert [p.chunk_id for p, _ in found][0] == "quarry-2"
    assert found[0][1] == pytest.approx(best, abs=1e-5)
    assert len(found) == 2 and len({p.chunk_id for p, _ in found}) == 2  # each passage once


def test_sentence_search_keeps_to_the_filter_and_needs_sentence_vectors() -> None:
    query = _unit("what did engineers blame for the slide")
    kept = _index().sentence_search(query, 3, keep=lambda metadata: metadata["doc_id"] != "quarry-2")
    assert "quarry-2" not in {p.chunk_id for p, _ in kept}
    assert _index(embed=False).sentence_search(query, 3) == []
