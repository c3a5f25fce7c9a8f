"""Look-alike stories (`answering.articles_asked`): a typed sentence is dropped when its article meets only part of
the question's words that another typed sentence's article meets. Invented articles, built as candidates directly."""

from __future__ import annotations

from newsdesk.answer.answering import articles_asked
from newsdesk.answer.candidates import Candidate
from newsdesk.answer.questions import Question, Term


def _sentence(doc: str, title: str, passage: str) -> Candidate:
    return Candidate(text=passage, start=0, end=len(passage), metadata={"doc_id": doc, "title": title}, context=passage,
                     claimant=None, relay=None, rank=1, passage=passage, lead=passage)


def _question(text: str, *words: str) -> Question:
    return Question(text=text, query=text, terms=tuple(Term(word, word, 1.0) for word in words))


GENERAL = _sentence("general.md", "Harbour Party keeps its majority", "Turnout at the general election was 64.2 percent.")
BY_ELECTION = _sentence("by.md", "Field Union takes the seat", "Turnout in the Sennick North by-election was 38.5 percent.")


def test_the_article_meeting_fewer_of_the_question_words_is_dropped() -> None:
    asked = articles_asked(_question("What was turnout at the general election?", "turnout", "general", "elect"),
                           [GENERAL, BY_ELECTION])
    assert (asked(GENERAL), asked(BY_ELECTION)) == (True, False)


def test_a_hyphenated_word_of_the_question_counts_whole() -> None:
    asked = articles_asked(_question("What was the turnout in the by-election?", "turnout", "elect"), [GENERAL, BY_ELECTION])
    assert (asked(GENERAL), asked(BY_ELECTION)) == (False, True)


def test_articles_meeting_different_words_both_stay() -> None:
    asked = articles_asked(_question("What was turnout at the general election in Sennick?", "turnout", "general", "sennick"),
                           [GENERAL, BY_ELECTION])
    assert (asked(GENERAL), asked(BY_ELECTION)) == (True, True)
