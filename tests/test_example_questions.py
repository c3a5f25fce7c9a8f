"""The chat's example questions: questions a reader would ask, made from the indexed corpus, each answered.

Rules are checked on claims extracted from small articles written here; the answering rule on the seed
store with the real model, as the chat asks them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import indexed_seed_copy

from newsdesk.articles.corpus import Article
from newsdesk.assistant import Assistant, Request
from newsdesk.claims.annotation import extract_claims
from newsdesk.claims.conflicts import find_disputes
from newsdesk.claims.extraction import EVENTS, Claim, SubjectKey
from newsdesk.claims.ledger import Ledger, LedgerEntry
from newsdesk.example_questions import (
    EVENT_PHRASES,
    Example,
    ExampleQuestions,
    answered_examples,
    answers_it,
    candidate_questions,
    count_question,
)
from newsdesk.index.embedding import Embedder
from newsdesk.index.store import DocumentEntry, Snapshot


def _article(doc_id: str, title: str, body: str) -> Article:
    return Article(doc_id, Path(f"{doc_id}.md"), title, body, "Test Wire", dt.date(2024, 5, 2))


def _claims(*articles: Article) -> list[Claim]:
    return [claim for article in articles for claim in extract_claims(article)]


def _ledger(claims: list[Claim]) -> Ledger:
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.doc_id, []).append(claim)
    return Ledger(generation=1, documents={doc: LedgerEntry(doc, tuple(cs)) for doc, cs in by_doc.items()})


def _snapshot(*articles: Article) -> Snapshot:
    return Snapshot(1, {a.doc_id: DocumentEntry(a.doc_id, a.title, "Test Wire", "2024-05-02", 1, str(a.path))
                        for a in articles})


def _questions(*articles: Article) -> list[str]:
    claims = _claims(*articles)
    return [c.question for c in candidate_questions(_snapshot(*articles), _ledger(claims), find_disputes(claims))]


STORM = _article("storm", "Storm hits Carvell coast",
                 "The fire service said that 40 homes were destroyed in Carvell.\n\n"
                 "Police said that 12 people were arrested for looting.")
QUAKE = _article("quake", "Quake shakes Dorrin valley",
                 "The civil defence agency said that 9 people were killed in the Dorrin valley.")
STORM_DEAD = _article("storm-dead", "Storm toll in Carvell",
                      "The mayor of Carvell said that 3 people were killed by falling trees.")


@pytest.mark.parametrize(
    ("subject", "key", "question"),
    [
        ("homes destroyed", "|home|destroyed", "How many homes were destroyed?"),
        ("Russian soldiers killed", "russi|soldier|killed", "How many Russian soldiers were killed?"),
        ("people missing", "|peopl|missing", "How many people are missing?"),
        ("workers laid off", "|worker|laid off", "How many workers lost their jobs?"),
        ("crowns destroyed", "|crown|destroyed", None),  # money measures, it does not count
        ("quake rescued", "|quak|rescued", None),  # a singular noun was not what was counted
        ("dozen runners treated", "|runner|treated", None),  # "dozen" is part of the figure
        ("flights cancel", "|flight|cancel", None),  # an event outside the canonical ones
        ("houses", "|hous|", None),  # no event: nothing to ask "how many ... were"
    ],
)
def test_a_count_question_is_asked_only_of_a_counted_noun_and_a_known_event(
    subject: str, key: str, question: str | None
) -> None:
    claim = next(c for c in _claims(STORM) if c.kind == "figure")
    assert count_question(replace(claim, subject=subject, subject_key=SubjectKey.parse(key))) == question


def test_every_event_asked_about_is_one_claim_extraction_gives() -> None:
    assert set(EVENT_PHRASES) <= set(EVENTS.values())


def test_counted_claims_make_count_questions_about_what_happened_to_them() -> None:
    assert _questions(STORM)[:2] == ["How many homes were destroyed?", "How many people were arrested?"]


def test_a_count_that_two_events_share_is_not_offered_since_it_would_be_ambiguous() -> None:
    assert "How many people were killed?" in _questions(QUAKE)
    assert "How many people were killed?" not in _questions(QUAKE, STORM_DEAD)


def test_without_claims_the_names_in_the_headlines_are_asked_about_but_not_a_nationality_alone() -> None:
    quiet = _article("fair", "Lindholm fair draws German visitors", "The fair opened in the old market hall.")
    assert _questions(quiet) == ["What is reported about Lindholm?"]


def test_a_disputed_count_comes_first(seed_assistant: Assistant) -> None:
    examples = answered_examples(seed_assistant)
    assert examples[0] == "How many Russian soldiers were killed?"
    answer = seed_assistant.ask(Request(examples[0]))
    assert answer.answer.startswith("Sources disagree"), "the answer shows every side"


def test_every_example_offered_is_answered_from_the_articles_it_was_made_from(seed_assistant: Assistant) -> None:
    examples = answered_examples(seed_assistant)
    assert len(examples) == 3
    for question in examples:
        answer = seed_assistant.ask(Request(question))
        assert not answer.refused, question
        assert {c.doc_id for c in answer.citations} == {"000_2392ac50c3bede51.md"}, question


def test_a_refusal_or_an_answer_from_other_articles_does_not_count_as_answering(seed_assistant: Assistant) -> None:
    refused = seed_assistant.ask(Request("Who is the president of France?"))
    answered = seed_assistant.ask(Request("How many fires were extinguished?"))
    assert not answers_it(refused, Example("Who is the president of France?", frozenset({"000_2392ac50c3bede51.md"})))
    assert answers_it(answered, Example("How many fires were extinguished?", frozenset({"000_2392ac50c3bede51.md"})))
    assert not answers_it(answered, Example("How many fires were extinguished?", frozenset({"elsewhere.md"})))


def test_the_examples_follow_the_corpus_after_a_reindex(tmp_path: Path, embedder: Embedder) -> None:
    assistant = indexed_seed_copy(tmp_path, embedder)
    examples = ExampleQuestions(assistant)
    before = examples.current()
    assert examples.current() == before  # the same snapshot: the same examples
    (assistant.settings.corpus[0] / "ferry.md").write_text(
        '---\ntitle: "Ferry sinks off Marrowby"\npublished: 2030-01-05\n---\n'
        "The coast guard said that 31 passengers were rescued after the ferry sank off Marrowby.\n\n"
        "The ferry company said that 28 passengers were rescued.\n",
        encoding="utf-8",
    )
    assistant.reindex()
    after = examples.current()
    assert after != before
    assert "How many passengers were rescued?" in after
