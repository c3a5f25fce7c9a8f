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
from newsdesk.answer.composing import answer_length, clause_run, compose, holds_the_kind
from newsdesk.answer.questions import analyse
from newsdesk.answer.verification import MARKER
from newsdesk.index.embedding import Embedder
from newsdesk.settings import Settings
from ranked_sentences import ranked_sentences
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
    chosen, *ranked = ranked_sentences([best, *others])
    kept = [chosen]
    ExtractiveAnswerer(embedder, Settings())._fill(kept, ranked, asked, lambda other: True)
    text, _ = compose(kept, asked, Settings().max_answer_chars)
    assert value in text, text
    assert len(MARKER.sub("", text)) <= Settings().max_answer_chars


# Round 18 review (`fixa18`): what is no value of the kind asked. A speaker's clause, where someone comes from, a
# place the question names spaced otherwise, and a role are not where or who.
NOT_HELD = [
    ("Where did the Selbray ferry run aground?", "the coastguard in Tullagh said."),
    ("Where did the gunman open fire?", "The gunman, a 34-year-old man from Morvath, "),
    ("Where in Olverytown did the blast happen?", "The blast, heard across Olvery Town, "),
    ("Where was the Selbray ferry built?", "which entered service in May 2009, "),
    ("Who will coach the Fennimoor side next season?", "the club's chairman told reporters."),
    ("Who will chair the Eskdown review?", "a former magistrate from the valley."),
]
HELD = [
    ("Where did the gunman open fire?", "opened fire in the covered market at Quay Street, "),
    ("When will the Dranmoor bypass open?", "and should open by the end of the year, "),
    ("When will the Dranmoor bypass open?", "and will open within six weeks, "),
    ("How much will the Dranmoor bypass cost?", "and will cost £84m, "),
    ("Who will chair the Eskdown review?", "is Orla Vantry, "),
]


@pytest.mark.parametrize(("question", "piece"), NOT_HELD, ids=lambda value: str(value)[:30])
def test_a_speaker_an_origin_a_month_or_a_role_is_no_value_of_the_kind_asked(question: str, piece: str) -> None:
    assert not holds_the_kind(analyse(question, []), piece)


@pytest.mark.parametrize(("question", "piece"), HELD, ids=lambda value: str(value)[:30])
def test_a_place_a_date_in_words_a_sum_with_a_symbol_and_a_name_are_values_of_the_kind_asked(question: str,
                                                                                              piece: str) -> None:
    assert holds_the_kind(analyse(question, []), piece)


_BEST = ("DRANMOOR - The county council approved the last contracts for the town's bypass on Tuesday after eleven years "
         "of argument over the route through the water meadows east of the town, and work on the bridge over the river "
         "will start next month, the council's leader said, adding that the lorries that now pass the market square "
         "and its two primary schools would be gone")


def _cut_in_room(embedder: Embedder, question: str, other: str, most_room: int) -> str | None:
    """The piece of ``other`` `_cut_to_fit` quotes after a long best sentence that leaves it at most ``most_room``
    (and at least ``most_room`` - 8) characters, or None."""
    asked, limit = analyse(question, []), Settings().max_answer_chars
    for extra in range(0, 400):
        best, second = ranked_sentences([_BEST + " and" * extra + ".", other])
        room = len(other) - (answer_length([best, second], asked, limit) - limit)
        if room <= most_room:
            assert room >= most_room - 8, room
            cut = ExtractiveAnswerer(embedder, Settings())._cut_to_fit([best], second, asked)
            return None if cut is None else compose([best, cut], asked, limit)[0][len(best.text):]
    raise AssertionError("no room that small")


# The question, the other sentence, the room it is left, the value quoted (None: the piece is refused).
SMALL_ROOMS = [
    ("When will the Dranmoor bypass open?",
     "The bypass, delayed twice by floods and once by a legal challenge from residents, opens in 2027, the council said.",
     31, "opens in 2027"),
    ("Who will chair the Eskdown review?",
     "The chair of the review of the Eskdown leak, named by the minister on Tuesday, is Orla Vantry, a former "
     "magistrate from the valley.", 31, "Orla Vantry"),
    ("Who will chair the Eskdown review?",
     "The chair of the review of the Eskdown leak, named by the minister on Tuesday, is a former magistrate from the "
     "valley.", 40, None),
    ("How many homes were flooded in Carnwick?",
     "Homes across Carnwick were flooded on Sunday night, when 40 millimetres fell in six hours, the agency said.",
     60, None),
]


@pytest.mark.parametrize(("question", "other", "room", "value"), SMALL_ROOMS, ids=lambda value: str(value)[:24])
def test_a_small_room_takes_a_piece_holding_the_value_asked_however_short_and_nothing_else(
        embedder: Embedder, question: str, other: str, room: int, value: str | None) -> None:
    quoted = _cut_in_room(embedder, question, other, room)
    if value is None:
        assert quoted is None, quoted
    else:
        assert quoted is not None and value in quoted, quoted
