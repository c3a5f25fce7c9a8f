"""A dispute's sides come from the articles about what the question names, not from another event."""

from __future__ import annotations

import pytest
from conftest import indexed_assistant
from fake_embedder import FakeEmbedder

from newsdesk.assistant import Assistant, Request

ARTICLES = {
    "ferry-1.md": ("2024-05-02", "Ferry sinks near Alderby",
                   "At least 12 people died when a ferry sank near Alderby on Monday, the coast guard said."),
    "ferry-2.md": ("2024-05-03", "Alderby ferry toll disputed",
                   "A volunteer rescue group said 20 people died when the ferry sank near Alderby."),
    "flood.md": ("2024-05-03", "Flood kills dozens in Brackwater",
                 "Thirty people died in floods in Brackwater, the regional authority said on Friday."),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    texts = {
        name: f'---\ntitle: "{title}"\npublished: {day}\n---\n{body}\n' for name, (day, title, body) in ARTICLES.items()
    }
    return indexed_assistant(tmp_path_factory.mktemp("scope"), FakeEmbedder(), texts)


def test_the_ferry_toll_dispute_cites_no_flood_article(assistant):
    answer = assistant.ask(Request("How many people died when the ferry sank near Alderby?"))
    assert not answer.refused, answer.answer
    assert answer.citations
    assert all(c.doc_id != "flood.md" for c in answer.citations), answer.answer
    for citation in answer.citations:
        assert assistant.article(citation.doc_id).body[citation.start:citation.end] == citation.quote
