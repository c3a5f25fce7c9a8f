"""A dispute's sides come from the articles about what the question names, not from another event.

The three articles share their town, and the flood's headline shares "toll" with a ferry
headline, so the claim ledger groups their death tolls into one disputed subject
("people died", same place, a headline word in common). Only the two ferry
articles name the ferry the question asks about: the flood's toll must not be
a side, and both ferry tolls must be.
"""

from __future__ import annotations

import pytest
from conftest import indexed_assistant
from fake_embedder import FakeEmbedder

from newsdesk.assistant import Assistant, Request
from newsdesk.claims.conflicts import ledger_disputes

ARTICLES = {
    "ferry-1.md": ("2024-05-02", "Ferry sinks near Alderby",
                   "At least 12 people died when the ferry Marlow Star sank near Alderby on Monday, the coast guard said."),
    "ferry-2.md": ("2024-05-03", "Alderby ferry toll disputed",
                   "A volunteer rescue group said 20 people died when the Marlow Star sank near Alderby."),
    "flood.md": ("2024-05-03", "Alderby flood toll rises",
                 "Thirty people died in floods in Alderby, the regional authority said on Friday."),
}
QUESTION = "How many people died when the Marlow Star sank?"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    texts = {
        name: f'---\ntitle: "{title}"\npublished: {day}\n---\n{body}\n' for name, (day, title, body) in ARTICLES.items()
    }
    return indexed_assistant(tmp_path_factory.mktemp("scope"), FakeEmbedder(), texts)


def test_the_ledger_groups_the_flood_toll_with_the_ferry_tolls(assistant):
    """The premise: without scoping, the flood's toll would be a side of the ferry dispute."""
    grouped = [d for d in ledger_disputes(assistant.ledger()) if {"ferry-1.md", "flood.md"} <= {c.doc_id for c in d.claims}]
    assert grouped, "the fixture no longer makes the ledger group the two events; the test below would prove nothing"


def test_the_ferry_toll_dispute_gives_both_ferry_sides(assistant):
    answer = assistant.ask(Request(QUESTION))
    assert not answer.refused, answer.answer
    assert answer.disputes, answer.answer
    assert "12" in answer.answer and "20" in answer.answer, answer.answer


def test_the_ferry_toll_dispute_cites_no_flood_article(assistant):
    answer = assistant.ask(Request(QUESTION))
    assert all(c.doc_id != "flood.md" for c in answer.citations), answer.answer
    assert "30" not in answer.answer and "Thirty" not in answer.answer, answer.answer


def test_every_quote_is_verbatim(assistant):
    answer = assistant.ask(Request(QUESTION))
    for citation in answer.citations:
        assert assistant.article(citation.doc_id).body[citation.start:citation.end] == citation.quote
