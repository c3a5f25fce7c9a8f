"""The judge's wording signals (`newsdesk.answer.features`): how much of the question a sentence says in the
question's own words (`same_word_share`) and how much in other words the matcher credits, a WordNet link or a
synonym by word vector (`linked_share`). A paraphrase is weaker evidence than the same word, and a sentence that
meets the question only by linked words is more often a near miss; the judge weighs the two apart.

Specification table: tests/data/judge_wording_table.jsonl (invented sentences; its holdout rows were written with
the develop rows, before the signals were built, and are checked the same way)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.answer.candidates import Candidate
from newsdesk.answer.features import wording_shares
from newsdesk.answer.questions import analyse
from newsdesk.answer.term_matching import TermMatcher

TABLE = [json.loads(line) for line in (Path(__file__).parent / "data" / "judge_wording_table.jsonl").open()]


def _candidate(text: str) -> Candidate:
    return Candidate(text=text, start=0, end=len(text), metadata={}, context=text, claimant=None, relay=None, rank=1)


def _shares(embedder, question_text: str, sentence: str) -> tuple[float, float]:
    question = analyse(question_text)
    matcher = TermMatcher(embedder, question, [_candidate(sentence)], threshold=0.62)
    return wording_shares(question, matcher, sentence)


@pytest.mark.parametrize("row", TABLE, ids=[f"{r['part']}: {r['question']}" for r in TABLE])
def test_a_sentence_says_the_question_in_its_own_words_in_other_words_or_not_at_all(embedder, row) -> None:
    same, linked = _shares(embedder, row["question"], row["sentence"])
    said = "same words" if same > linked and same >= 0.5 else "other words" if linked > 0 else "nothing" if same == 0 else "?"
    assert said == row["said"], (same, linked)


def test_the_shares_are_parts_of_the_question_and_never_add_to_more_than_it(embedder) -> None:
    same, linked = _shares(embedder, "How many people died in the blaze?", "Twelve people were killed in the fire.")
    assert 0.0 <= same <= 1.0 and 0.0 <= linked <= 1.0 and same + linked <= 1.0 + 1e-9
