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


def test_a_credit_is_the_same_whichever_sentences_were_credited_before(embedder):
    """The matcher keeps each word's verdict for the question's other sentences (round 15, for cost): a credit may
    not depend on the order the sentences are asked in, nor on the sentences asked before."""
    question = analyse("How many workers walked out over the pay offer at the plant?")
    sentences = [
        "Some 400 employees went on strike at the plant on Monday.",
        "The union said 400 workers had walked out.",
        "Managers at the plant said the pay offer stood.",
        "Women make up half of the plant's staff.",
    ]
    candidates = [_candidate(s) for s in sentences]
    forward = TermMatcher(embedder, question, candidates, threshold=0.62)
    backward = TermMatcher(embedder, question, candidates, threshold=0.62)
    asked = [(term, sentence) for term in question.terms for sentence in sentences]

    credits = [forward.credit(term, sentence) for term, sentence in asked]

    assert credits == [backward.credit(term, sentence) for term, sentence in reversed(asked)][::-1]
    assert any(0.0 < credit < 1.0 for credit in credits)  # some by WordNet or vector, not all by the same word


def test_a_closed_class_is_looked_up_as_it_was_scanned():
    """`contrasting` finds a word's classes in a table made once; it says what a scan of every class says."""
    from newsdesk.vocabulary import CONTRAST_SETS

    words = sorted({w for members in CONTRAST_SETS for w in members}) + ["jobless", "People"]

    def scanned(a: str, b: str) -> bool:
        return a.lower() != b.lower() and any(a.lower() in m and b.lower() in m for m in CONTRAST_SETS)

    assert all(contrasting(a, b) == scanned(a, b) for a in words for b in words)
