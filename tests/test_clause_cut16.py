"""Invented table (round 16, `recall16`), written before its code: the clauses an over-long or a filling sentence is
cut to (`composing.clause_run`) are a piece of what the sentence says about the question, never its dateline
("HARLOW BAY, Ostmark (NPA) — " names where the story was filed: a question naming the place met it and the answer
quoted "HARLOW BAY" alone), and nothing when no clause meets a word of the question (a piece about something else
only takes the room a sentence that answers would have had: "The ship [2]").

Rows: ``question``, ``text``, ``limit`` (the characters the piece may take), ``piece`` (a string the piece holds, or
null: no piece), ``never`` (a string it must not hold). The `_holdout` part was run once, at the end."""

from __future__ import annotations

import pytest

from newsdesk.answer.composing import clause_run
from newsdesk.answer.questions import analyse
from tables import tables




@pytest.mark.parametrize(("table", "row"), tables("clause_cut16_table", "clause_cut16_holdout"),
                         ids=lambda value: value if isinstance(value, str) else value["kind"])
def test_a_sentence_is_cut_to_clauses_that_meet_the_question_never_to_its_dateline(table: str, row: dict) -> None:
    span = clause_run(row["text"], analyse(row["question"], []), row["limit"])
    if row["piece"] is None:
        assert span is None
        return
    assert span is not None
    piece = row["text"][span[0]:span[1]]
    assert row["piece"] in piece
    assert len(piece) <= row["limit"]
    if row["never"]:
        assert row["never"] not in piece


@pytest.mark.parametrize(
    ("question", "text", "limit", "piece"),
    [
        # Round 16 review (`fixa16`): an over-long sentence that meets no word of the question (`clause_run` is None)
        # is quoted from its first clauses after the dateline, whole words only, not sliced from its first character.
        ("Where was the ferry heading when it sank?",
         "VELLMOOR, Ostmark (NPA) — The vessel, a 40-year-old trawler registered in a northern port, had been sold "
         "twice since its launch, according to shipping records kept by the harbour board.",
         90, "The vessel, a 40-year-old trawler registered in a northern port"),
        ("Where was the ferry heading when it sank?",
         "The vessel had been sold twice since its launch and repainted in the colours of its third owner before "
         "the harbour board listed it for scrap.",
         60, "The vessel had been sold twice since its launch and"),
    ],
)
def test_an_over_long_sentence_meeting_no_word_is_quoted_from_its_first_clauses(question, text, limit, piece) -> None:
    from newsdesk.answer.candidates import Candidate
    from newsdesk.answer.composing import _fit

    start, end = _fit(Candidate(text=text, start=0, end=len(text), metadata={}, context="", claimant=None, relay=None,
                                rank=0), analyse(question, []), limit)
    assert text[start:end] == piece
