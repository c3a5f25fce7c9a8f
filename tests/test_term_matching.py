"""How a question term is met (`newsdesk.answer.term_matching`): the same word or lemma, a synonym by word vector,
never another member of a closed class."""

from __future__ import annotations

import pytest

from newsdesk.answer.candidates import Candidate
from newsdesk.answer.questions import analyse
from newsdesk.answer.term_matching import TermMatcher, contrasting


@pytest.mark.parametrize(
    ("a", "b", "contrast"),
    [
        ("women", "men", True),
        ("March", "february", True),
        ("second", "first", True),
        ("children", "adults", True),
        ("Tuesday", "monday", True),
        ("women", "women", False),
        ("March", "Tuesday", False),  # different classes
        ("jobless", "unemployed", False),  # not a closed class: vectors decide
    ],
)
def test_members_of_one_closed_class_contrast(a, b, contrast):
    assert contrasting(a, b) is contrast


def _candidate(text: str) -> Candidate:
    return Candidate(text=text, start=0, end=len(text), metadata={}, context=text, claimant=None, relay=None, rank=1)


def test_a_contrasting_word_does_not_meet_a_term_however_close_its_vector(embedder):
    question = analyse("What is the unemployment rate among women?")
    sentence = "Unemployment among men reached 7 percent."
    matcher = TermMatcher(embedder, question, [_candidate(sentence)], threshold=0.62)
    women = next(t for t in question.terms if t.word == "women")
    assert matcher.credit(women, sentence) < 0.5  # unmet (cosine of "women" and "men" is above 0.7)


def test_an_irregular_verb_form_meets_the_term(embedder):
    question = analyse("How quickly were food prices rising?")
    sentence = "Food prices rose 5 percent on the year."
    matcher = TermMatcher(embedder, question, [_candidate(sentence)], threshold=0.62)
    rising = next(t for t in question.terms if t.word == "rising")
    assert matcher.credit(rising, sentence) == 1.0
