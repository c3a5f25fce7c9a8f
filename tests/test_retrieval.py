import datetime as dt
from dataclasses import replace

import pytest

from newsdesk.assistant import Request
from newsdesk.index.lexical import Passage
from newsdesk.index.retrieval import SearchFilters, reciprocal_rank_fusion, with_sentence_passages

from conftest import SEED_DOC


def _passage(chunk_id: str) -> Passage:
    return Passage(chunk_id, chunk_id, {"doc_id": chunk_id})


def test_reciprocal_rank_fusion_rewards_agreement():
    fused = reciprocal_rank_fusion([[_passage("a"), _passage("b")], [_passage("b"), _passage("c")]], rrf_k=60)
    assert [p.chunk_id for p, _ in fused] == ["b", "a", "c"]
    assert fused[0][1] == 1 / 61 + 1 / 62


def test_a_tie_goes_to_the_passage_the_first_ranking_puts_higher_not_to_the_chunk_id():
    dense, lexical = [_passage("z"), _passage("a")], [_passage("a"), _passage("z")]
    fused = reciprocal_rank_fusion([dense, lexical], rrf_k=60)
    assert fused[0][1] == fused[1][1]
    assert [p.chunk_id for p, _ in fused] == ["z", "a"]


def test_hybrid_retrieval_fuses_as_the_settings_say(make_assistant, corpus_dir):
    """``fusion``, ``dense_weight`` and ``article_weight`` reach the search from Settings: convex fusion with no dense
    weight and no article weight is BM25 over the question's best (the first passage scores 1), and an article weight
    adds at most itself; reciprocal rank fusion scores at most 1/(rrf_k+1) twice."""
    question = "How many Russian soldiers were killed, according to the Defense Ministry?"
    assistant = make_assistant(corpus=[corpus_dir], fusion="convex", dense_weight=0.0, article_weight=0.0)
    assistant.reindex()
    assert assistant.retriever(Request(question, k=3)).search(question)[0][1] == pytest.approx(1.0)
    covered = make_assistant(corpus=[corpus_dir], fusion="convex", dense_weight=0.0, article_weight=0.2)
    assert 1.0 < covered.retriever(Request(question, k=3)).search(question)[0][1] <= 1.2 + 1e-6
    ranked = make_assistant(corpus=[corpus_dir], fusion="rrf", rrf_k=60).retriever(Request(question, k=3)).search(question)
    assert 0 < ranked[0][1] <= 2 / 61


def test_each_mode_finds_the_passage_that_holds_the_figure(seed_assistant):
    for mode in ("dense", "bm25", "hybrid"):
        passages = seed_assistant.retriever(Request("x", mode=mode, k=3)).invoke(
            "How many Russian soldiers were killed, according to the Defense Ministry?"
        )
        assert any("498 of its soldiers" in p.page_content for p in passages), mode


def test_results_carry_offsets_scores_and_ranks(seed_assistant):
    passages = seed_assistant.retriever(Request("x", k=4)).invoke("Kherson")
    assert [p.metadata["rank"] for p in passages] == [1, 2, 3, 4]
    assert all(p.metadata["end"] > p.metadata["start"] for p in passages)


def test_filters_on_outlet_date_and_document(eval_assistant):
    ask = lambda filters: eval_assistant.retriever(Request("x", filters=filters, k=10)).invoke("ferry death toll")  # noqa: E731
    by_outlet = ask(SearchFilters(outlets=("Harbor Wire",)))
    assert by_outlet and {p.metadata["outlet"] for p in by_outlet} == {"Harbor Wire"}
    in_range = ask(SearchFilters(since=dt.date(2024, 10, 16), until=dt.date(2024, 10, 17)))
    assert in_range and all("2024-10-16" <= p.metadata["published"] <= "2024-10-17" for p in in_range)
    one_doc = ask(SearchFilters(doc_ids=(SEED_DOC,)))
    assert {p.metadata["doc_id"] for p in one_doc} == {SEED_DOC}
    assert ask(SearchFilters(until=dt.date(2000, 1, 1))) == []


def test_an_empty_query_retrieves_nothing(seed_assistant):
    assert seed_assistant.retriever(Request("x")).invoke("   ") == []


def test_the_answerer_reads_the_passages_of_the_best_sentences_after_the_fused_ones(seed_assistant):
    """Round 11 (`retrieve11`): the passages of the best single sentences not among the fused top k are read after
    them, ranked on from k; one already among them is not read twice."""
    question = "How many Russian soldiers were killed, according to the Defense Ministry?"
    retriever = seed_assistant.retriever(Request(question, k=1))
    fused = retriever.invoke(question)
    best = replace(retriever, sentences=3).sentence_passages(question)
    read = with_sentence_passages(fused, best)
    assert read[:1] == fused
    assert [p.metadata["rank"] for p in read] == list(range(1, len(read) + 1))
    assert len({p.metadata["chunk_id"] for p in read}) == len(read)
    assert {p.metadata["chunk_id"] for p in read} == {p.metadata["chunk_id"] for p in fused + best}
    assert replace(retriever, sentences=3, mode="bm25").sentence_passages(question) == []
