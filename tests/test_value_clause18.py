"""Invented table (round 18, `clause18`), written before its code: the clauses a long sentence is cut to
(`composing.clause_run`) hold a value of the kind the question asks for (a figure, a date, a name, a reason:
`composing.holds_the_kind`) before they meet the most of its words. "The sea wall at Wendmouth," meets three words
of "How much will the repairs to the Wendmouth sea wall cost?" and says nothing of the cost; "and the work is
expected to cost about 3.8 million pounds" answers. A question asking no kind keeps the clauses meeting its words.
And the room an answer has left goes first to a sentence holding such a value (`ExtractiveAnswerer._fill`), not to
one that restates the story because it ranks above it.

Rows as in `clause_cut16_table`: ``question``, ``text``, ``limit``, ``piece`` (a string the piece holds), ``never``
(a string it must not hold). The `_holdout` part was run once, at the end."""

from __future__ import annotations

import pytest

from newsdesk.answer.answering import ExtractiveAnswerer
from newsdesk.answer.candidates import Candidate
from newsdesk.answer.composing import clause_run, compose
from newsdesk.answer.questions import analyse
from newsdesk.answer.verification import MARKER
from newsdesk.index.embedding import Embedder
from newsdesk.settings import Settings
from tables import tables


@pytest.mark.parametrize(("table", "row"), tables("value_clause18_table", "value_clause18_holdout"),
                         ids=lambda value: value if isinstance(value, str) else value["kind"])
def test_a_long_sentence_is_cut_to_the_clauses_holding_the_value_asked(table: str, row: dict) -> None:
    span = clause_run(row["text"], analyse(row["question"], []), row["limit"])
    assert span is not None
    piece = row["text"][span[0]:span[1]]
    assert row["piece"] in piece, piece
    assert len(piece) <= row["limit"]
    if row["never"]:
        assert row["never"] not in piece, piece


def _sentences(texts: list[str]) -> list[Candidate]:
    """The texts as consecutive sentences of one invented article, ranked in the order given."""
    found, start = [], 0
    for rank, text in enumerate(texts, start=1):
        found.append(Candidate(text=text, start=start, end=start + len(text), metadata={"doc_id": "invented.md"},
                               context=text, claimant=None, relay=None, rank=rank))
        start += len(text) + 1
    return found


# The question, the best sentence (chosen), the others in the ranker's order, the value that must be quoted.
FILLS = [
    ("How many homes in Yelland were still without power after the storm?",
     "YELLAND - A storm that swept in from the sea on Sunday night brought down trees across the district and closed "
     "the coast road for most of Monday, the county council said, warning drivers to stay away until crews had "
     "cleared it.",
     ["Residents said it was the worst storm they could remember, and several described watching the sea come over "
      "the harbour wall in the small hours before the lifeboat crew was called out to a yacht.",
      "About 2,300 homes in Yelland were still without power on Monday evening, the electricity company said."],
     "2,300"),
]


@pytest.mark.parametrize(("question", "best", "others", "value"), FILLS, ids=lambda value: str(value)[:24])
def test_the_room_goes_to_a_sentence_holding_the_value_asked_before_one_that_restates_the_story(
        embedder: Embedder, question: str, best: str, others: list[str], value: str) -> None:
    asked = analyse(question, [])
    chosen, *ranked = _sentences([best, *others])
    kept = [chosen]
    ExtractiveAnswerer(embedder, Settings())._fill(kept, ranked, asked, lambda other: True)
    text, _ = compose(kept, asked, Settings().max_answer_chars)
    assert value in text, text
    assert len(MARKER.sub("", text)) <= Settings().max_answer_chars
