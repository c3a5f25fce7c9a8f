"""The slot a question asks, and whether a sentence fills it.

A sentence can meet every word of a question, in the right article, and still not say what is asked: "How many homes
did the storm destroy?" against "About 90 people spent the night in shelters"; "How much will each family receive?"
against the fund's total; "When did she join the brigade?" against the year she left it; "Why did the union reject the
offer?" against the rejection alone. The answer kind (`answer_types.type_met`) reads only the first half of the slot,
the kind of value; the slot is the kind *and* its head: the noun or unit a count counts, the one a figure is given
for, the cause, the role whose holder is named. (The event whose date is asked, bound by the asked verb, was measured
and left out: on develop it failed more right answers than answered unanswerables, `docs/evaluation.md`, round 18.)

`fills_asked_slot` is one judge feature (``slot_filled``, `newsdesk.answer.features`). Each check holds where it
does not apply. Round 18 (`slot18`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.answer.answer_types import answers_in_place, gives_the_answer, type_met
from newsdesk.answer.questions import Question
from newsdesk.answer.synonyms import LINKS, relation
from newsdesk.text import same_word, tokens, without_datelines
from newsdesk.vocabulary import COUNT_HEADS_OF_ANY_PERSON, NUMBER_WORDS, PER_ONE_WORDS, STOPWORDS

# How many words after a figure the noun it counts may stand: "212 homes", "4,000 tonnes of grain", "twelve of the
# workers"; and before it: "homes destroyed: 212", "the toll at four".
_COUNTED_AFTER = 4
_COUNTED_BEFORE = 2
# "per hectare", "each family", "every household": the one a figure is asked for (not "per cent").
_PER_ONE_ASKED = re.compile(r"\b(?:per|each|every)\s+(?!cent\b)([a-z][\w'’-]*)", re.IGNORECASE)


def fills_asked_slot(question: Question, text: str, claimant: str | None) -> bool:
    """Does ``text`` (said by ``claimant``) give a value of the kind asked, bound to what the question asks it of?
    Every check in `SLOT_CHECKS` holds (each holds where it does not apply)."""
    return all(check(question, text, claimant) for check in SLOT_CHECKS)


def counts_the_asked_noun(question: Question, text: str, claimant: str | None = None) -> bool:
    """"How many homes ...?": a figure in ``text`` has the counted noun (the same word or lemma, or a WordNet link:
    "houses" for "homes") within a few words of it. A count of people counts any person noun."""
    heads = _counted_heads(question)
    if not heads:
        return True
    words = tokens(without_datelines(text))
    for index, word in enumerate(words):
        if not (word.text[0].isdigit() or word.lower in NUMBER_WORDS):
            continue
        near = words[max(0, index - _COUNTED_BEFORE):index] + words[index + 1:index + 1 + _COUNTED_AFTER]
        if any(_said(head, w.text) for head in heads for w in near):
            return True
    return False


def gives_the_figure_per_one(question: Question, text: str, claimant: str | None = None) -> bool:
    """"How much will each family receive?", "how many tonnes per hectare?": the figure for one, said as such
    ("each", "per", "a head", or "a"/"an" before the one asked: "six tonnes a hectare"), not the whole."""
    asked = _PER_ONE_ASKED.search(question.text)
    if asked is None:
        return True
    one = asked.group(1)
    words = tokens(text)
    for index, word in enumerate(words):
        following = words[index + 1].text if index + 1 < len(words) else ""
        if word.lower in PER_ONE_WORDS and following.lower() != "cent":
            return True
        if word.lower in ("a", "an") and following and _said(one, following):
            return True
    return False


def _kind_given(question: Question, text: str, claimant: str | None) -> bool:
    """The kind of value asked (`type_met`), the fuller answer for a cause, a name or a date (`gives_the_answer`),
    said where the sentence says what the question asks about (`answers_in_place`)."""
    return (type_met(question, text, claimant) and gives_the_answer(question, text, claimant)
            and answers_in_place(question, text))


SLOT_CHECKS: tuple[Callable[[Question, str, str | None], bool], ...] = (
    _kind_given,
    counts_the_asked_noun,
    gives_the_figure_per_one,
)


def _counted_heads(question: Question) -> list[str]:
    """The nouns of the counted phrase ("union members work" -> members, union, work); none when the count is of
    people in general ("how many people ..."), which any person noun answers, or when no count is asked."""
    if question.kind != "quantity" or not question.counted:
        return []
    words = [w.lower for w in tokens(question.counted) if w.lower not in STOPWORDS]
    if any(w in COUNT_HEADS_OF_ANY_PERSON for w in words):
        return []
    return words


def _said(asked: str, word: str) -> bool:
    return word[:1].isalpha() and (same_word(asked, word) or relation(asked, word.lower()) in LINKS)
