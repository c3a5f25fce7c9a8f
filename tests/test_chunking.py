import json

from newsdesk.articles.chunking import chunk_article, chunk_body, split_paragraphs, split_sentences
from newsdesk.articles.corpus import read_article

from conftest import SEED_CORPUS, SEED_DOC


def _seed():
    return read_article(SEED_CORPUS / SEED_DOC, SEED_DOC)[0]


def test_every_chunk_is_an_exact_slice_of_the_body_with_its_offsets():
    article = _seed()
    for document in chunk_article(article, chunk_size=300, overlap=1):
        start, end = document.metadata["start"], document.metadata["end"]
        assert article.body[start:end] == document.page_content
        assert document.metadata["doc_id"] == SEED_DOC
        assert document.metadata["published"] == "2022-03-02"


def test_sentences_are_never_cut_by_a_chunk_boundary():
    article = _seed()
    sentence_spans = {
        (s.start, s.end) for p in split_paragraphs(article.body) for s in split_sentences(article.body, p)
    }
    for document in chunk_article(article, chunk_size=150, overlap=1):
        for start, end in json.loads(document.metadata["sentences"]):
            assert (start, end) in sentence_spans


def test_abbreviations_do_not_end_a_sentence():
    body = "A view of Kharkiv, Ukraine, Feb. 28, 2022. The U.S. said nothing."
    sentences = [body[s.start:s.end] for s in split_sentences(body)]
    assert sentences == ["A view of Kharkiv, Ukraine, Feb. 28, 2022.", "The U.S. said nothing."]


def test_a_headline_line_is_its_own_sentence_but_hard_wrapped_lines_are_joined():
    body = "Ferry capsizes near Brenmouth\nAt least 41 people died on Monday, the governor\nsaid on Tuesday."
    sentences = [body[s.start:s.end] for s in split_sentences(body)]
    assert sentences == [
        "Ferry capsizes near Brenmouth",
        "At least 41 people died on Monday, the governor\nsaid on Tuesday.",
    ]


def test_chunks_stay_within_the_size_unless_one_sentence_is_longer():
    body = " ".join(f"Sentence number {i} says something short." for i in range(60))
    for sentences in chunk_body(body, chunk_size=200, overlap=1):
        assert sentences[-1].end - sentences[0].start <= 200


def test_neighbouring_chunks_inside_a_paragraph_share_one_sentence():
    body = " ".join(f"Sentence number {i} says something short." for i in range(20))
    chunks = chunk_body(body, chunk_size=200, overlap=1)
    assert len(chunks) > 1
    for left, right in zip(chunks, chunks[1:]):
        assert left[-1] == right[0]


def test_an_over_long_line_is_split_at_spaces():
    body = "word " * 2000
    chunks = chunk_body(body, chunk_size=500, overlap=0)
    assert all(s.end - s.start <= 1000 for chunk in chunks for s in chunk)
    assert chunks[0][0].start == 0


def test_each_sentence_carries_who_said_it():
    article = _seed()
    pairs = {}
    for document in chunk_article(article, chunk_size=700, overlap=1):
        for (start, end), pair in zip(
            json.loads(document.metadata["sentences"]), json.loads(document.metadata["attributions"])
        ):
            pairs[article.body[start:end][:30]] = pair
    assert pairs["Russia's Defense Ministry said"] == ["Russia's Defense Ministry", "RIA news agency"]
    assert pairs["Ten emergency responders were "] == ["Ukraine's State Emergency Service", None]
