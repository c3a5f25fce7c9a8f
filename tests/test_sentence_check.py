"""The per-sentence check of generated answers: each kind of hallucination is caught, and a
verified sentence is cited by an exact span of its document."""

from __future__ import annotations

import json

import pytest
from langchain_core.documents import Document

from newsdesk.answer.sentence_check import (
    NumberedPassage,
    check_sentence,
    cite,
    generated_sentences,
    number_values,
)
from newsdesk.articles.chunking import split_sentences

BODY_ONE = (
    "The Marlow county council voted on Tuesday to close the old ferry terminal. "
    "Council leader Anna Vey said the closure would save 12 million euros over ten years. "
    "Opponents said they would appeal."
)
BODY_TWO = "Heavy rain flooded 40 homes in the river valley, the fire service said. Nobody was hurt."


def passage(doc_id: str, body: str) -> Document:
    """A whole short article as one passage, with the sentence offsets the index stores."""
    spans = [[s.start, s.end] for s in split_sentences(body)]
    metadata = {"doc_id": doc_id, "start": 0, "end": len(body), "sentences": json.dumps(spans), "title": doc_id,
                "outlet": "Test Wire", "published": "2025-03-04"}
    return Document(page_content=body, metadata=metadata)


PASSAGES = {1: NumberedPassage.of(1, passage("council.md", BODY_ONE)), 2: NumberedPassage.of(2, passage("rain.md", BODY_TWO))}
BODIES = {"council.md": BODY_ONE, "rain.md": BODY_TWO}


def test_a_faithful_sentence_is_verified_and_cited_by_its_exact_supporting_sentence():
    checked = check_sentence("Anna Vey said the closure would save 12 million euros over ten years. [1]", PASSAGES)
    assert checked.supported, checked.reason
    (support,) = checked.support
    citation = cite(support, 1)
    assert BODIES[citation.doc_id][citation.start:citation.end] == citation.quote
    assert "12 million euros" in citation.quote


@pytest.mark.parametrize(
    "sentence, reason",
    [
        ("Anna Vey said the closure would save 15 million euros over ten years. [1]", "15"),  # a figure not in the passage
        ("Anna Vey said the closure would save 12 million euros over eight years. [1]", "8"),  # a number word not in it
        ("Anna Vey said the closure would save 12 million euros over ten years. [7]", "passage 7"),  # an invented citation
        ("Anna Vey said the closure would save 12 million euros over ten years. [2]", "passage 2"),  # the wrong passage
        ("Anna Vey said the closure would save 12 million euros over ten years.", "cites no passage"),  # uncited
        ("Mayor Tom Birch said the closure would save 12 million euros over ten years. [1]", "Tom"),  # a name not in it
        ("The fire service said heavy rain flooded 40 homes in the river valley on Friday. [2]", "Friday"),  # a date
        ("Anna Vey said the closure would save 12 million euros over the. [1]", "cut off"),  # a sentence cut short
    ],
)
def test_an_unsupported_sentence_is_rejected_with_the_reason(sentence, reason):
    checked = check_sentence(sentence, PASSAGES)
    assert not checked.supported
    assert reason in (checked.reason or "")


def test_a_sentence_citing_two_passages_must_be_supported_by_both():
    checked = check_sentence("Heavy rain flooded 40 homes in the river valley, the fire service said. [2] [1]", PASSAGES)
    assert not checked.supported
    assert "passage 1" in (checked.reason or "")


def test_a_sentence_supported_only_by_a_sentence_the_judge_did_not_accept_is_rejected():
    accepted = {("council.md", 0)}  # only the first sentence of the council article may answer
    checked = check_sentence("Anna Vey said the closure would save 12 million euros over ten years. [1]", PASSAGES, accepted)
    assert not checked.supported
    assert "judge" in (checked.reason or "")


def test_numbers_are_compared_by_value_in_digits_and_words():
    assert number_values("1,597 soldiers and ten tanks") == {1597.0, 10.0}
    assert number_values("one of the ministers") == set()
    supported = check_sentence("Heavy rain flooded forty homes in the river valley, the fire service said. [2]", PASSAGES)
    assert supported.supported, supported.reason


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("It closed. [1] It reopened. [2]", ["It closed. [1]", "It reopened. [2]"]),
        ("It closed [1]. It reopened [1, 2].", ["It closed [1].", "It reopened [1] [2]."]),
        ("The U.S. envoy left. [1][2]", ["The U.S. envoy left. [1] [2]"]),
        ("It closed. It reopened. [2]", ["It closed.", "It reopened. [2]"]),
    ],
)
def test_generated_text_is_cut_into_sentences_each_closed_by_its_markers(text, sentences):
    assert generated_sentences(text) == sentences
