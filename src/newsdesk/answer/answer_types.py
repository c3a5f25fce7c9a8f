"""Does a sentence give the kind of answer a question asks for?

"Who ..." and "what is the name of ..." need a name (a capitalised run the
question does not already hold, or the sentence's claimant), not only a role;
"why ..." needs a stated reason; "how much did it cost" needs money,
"how old" an age, "how long" a duration, "how far" a distance, "what
percentage" a share. Quantity and
date questions are checked by the pins in `newsdesk.answer.answering`.
And a sentence that says the fact was not given ("declined to name him")
answers nothing: the answer is a refusal that cites it.
"""

from __future__ import annotations

import re

from newsdesk.answer.questions import Question, entity_met
from newsdesk.text import has_date_expression, has_quantity, same_lemma, specificity, stem, stems_match, tokens
from newsdesk.vocabulary import ATTRIBUTION_VERBS, FIGURE_TYPES, MONTHS, ROLE_WORDS, REASON_PATTERNS, STOPWORDS, UNDISCLOSED_PATTERNS, WEEKDAYS

_UNDISCLOSED = re.compile("|".join(UNDISCLOSED_PATTERNS), re.IGNORECASE)
_REASON = re.compile("|".join(REASON_PATTERNS), re.IGNORECASE)
# "RIVERTON, May 3 (XYZ) - " or "TOWN — ": a dateline names the place of writing, not an answer.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(,[^—–\n]{0,60}?)?\s+[—–-]+\s+")
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
# "What is the name of ...", "Who is the ...": only a name answers; "Who organised it?" may be answered by a group.
_ASKS_NAME = re.compile(r"\bnames?\b|\bwho (is|was|are|were)\b|\bwhich (person|people|man|woman|men|women)\b", re.IGNORECASE)
_COMMON_OPENER = 3.0
# "Who said ...", "who warned ...": the claimant of the sentence is the answer, not only a name in it.
_ASKS_SPEAKER = re.compile(r"\b(" + "|".join(sorted(ATTRIBUTION_VERBS)) + r")\b", re.IGNORECASE)
# "Who is the planning officer who ...", "the name of the substance in ...": the role or thing whose name is asked.
_ASKED_ROLE = re.compile(
    r"\b(?:who (?:is|was|are|were)|names? of) (?:the |a |an |his |her |its |their )?(?:other |two |three |new |current |former )*"
    r"(?P<role>[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}?)(?= who\b| that\b| which\b| whose\b| in\b| at\b| of\b| on\b| for\b| from\b|\?|$)",
    re.IGNORECASE,
)
_COUNTING = re.compile(r"\bhow many\b", re.IGNORECASE)
_FIGURE_TYPES = {
    name: (re.compile(asked, re.IGNORECASE), re.compile(given, re.IGNORECASE)) for name, (asked, given) in FIGURE_TYPES.items()
}  # below this specificity a capitalised first word is an ordinary word


def withholds_answer(question: Question, text: str) -> bool:
    """The sentence says the fact was not given, and gives no figure or date that a figure or date question wants."""
    if not says_not_known(text):
        return False
    if question.kind == "quantity":
        return not has_quantity(text)
    if question.kind == "date":
        return not has_date_expression(text)
    return True


def says_not_known(text: str) -> bool:
    """The sentence says a fact was not given, released or known."""
    return bool(_UNDISCLOSED.search(text))


def states_reason(text: str) -> bool:
    return bool(_REASON.search(text))


def new_names(text: str, question: Question) -> list[str]:
    """Capitalised words of ``text`` that are not in the question, a date, or an ordinary opening word.

    A word of a run that holds a name the question gives is that same name ("Perdita" of "Perdita
    Vallancey" when the question names "Vallancey"): who replaced Vallancey is not Vallancey.
    """
    text = _DATELINE.sub("", text)
    asked = [stem(w.text) for w in tokens(question.text)]
    named = [stem(word) for entity in question.entities for word in entity]
    found = []
    words = tokens(text)
    for run in _capitalised_runs(text, words):
        if named and any(stems_match(stem(w.text), other) for w in run for other in named):
            continue
        for word in run:
            if word.lower in STOPWORDS or word.lower in _CALENDAR or len(word.text) < 2:
                continue
            if word is words[0] and specificity(word.text) < _COMMON_OPENER:
                continue
            if any(stems_match(stem(word.text), other) for other in asked):
                continue
            found.append(word.text)
    return found


def _capitalised_runs(text: str, words: list) -> list[list]:
    """Runs of capitalised words joined by a space or hyphen: "Environment Minister Saskia Holloway-Brandt"."""
    runs: list[list] = []
    for word in words:
        if not word.text[0].isupper():
            continue
        if runs and runs[-1][-1] is words[words.index(word) - 1] and text[runs[-1][-1].end:word.start] in (" ", "-"):
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _asked_head(question: str) -> str | None:
    """The head noun of the role or thing whose name is asked: "officer" in "who is the planning officer who ..."."""
    match = _ASKED_ROLE.search(question)
    if match is None:
        return None
    words = [w for w in match.group("role").lower().split() if not w.endswith(("ed", "ing"))]
    return words[-1] if words and words[-1] not in STOPWORDS else None


def asks_a_role(question: str) -> bool:
    """"Who is the chief inspector?": a role that speaks, so the claimant of "the chief inspector said" answers it.
    "What is the name of the substance?" is not: the sentence's speaker is not the substance."""
    return _asked_head(question) in ROLE_WORDS


def role_met(question: str, text: str) -> bool:
    """"Who is the planning officer who ...": the sentence must say "officer" (the same word or lemma) beside the
    name it gives; a name given for another role does not answer."""
    head = _asked_head(question)
    if head is None:
        return True
    return any(stems_match(stem(head), stem(w.text)) or same_lemma(head, w.text) for w in tokens(text))


def _new_roles(text: str, question: Question) -> bool:
    asked = {stem(w.text) for w in tokens(question.text)}
    return any(w.lower in ROLE_WORDS and w.lower not in STOPWORDS and stem(w.text) not in asked for w in tokens(text))


def type_met(question: Question, text: str, claimant: str | None) -> bool:
    """Does ``text`` (said by ``claimant``) give what the question's kind asks for?"""
    if not gives_figure_asked(question.text, text):
        return False
    if question.kind == "agent" and _ASKS_NAME.search(question.text):
        by_claimant = bool(claimant) and (bool(_ASKS_SPEAKER.search(question.text)) or asks_a_role(question.text))
        named = new_names(text, question) or (by_claimant and new_names(claimant or "", question))
        return bool(named) and role_met(question.text, text)
    if question.kind == "agent":  # "who organised it?": a name, or a group or role the question does not hold
        if claimant and any(entity_met(entity, claimant) for entity in question.entities):
            # The speaker is the one the question names ("who will replace Vallancey?" against "Vallancey
            # said she would step down"): only another name answers, not the speaker or a role word.
            return bool(new_names(text, question))
        return bool(new_names(text, question) or claimant or _new_roles(text, question))
    if question.kind == "reason":
        return states_reason(text)
    return True


def figure_types_asked(question: str) -> set[str]:
    """"How old ..." asks for an age, "how far ..." a distance: the kinds of figure (`FIGURE_TYPES`) asked for."""
    return {name for name, (asked, _) in _FIGURE_TYPES.items() if asked.search(question)}


def asks_figure_type(question: str) -> bool:
    return bool(figure_types_asked(question))


def gives_figure_asked(question: str, text: str) -> bool:
    """"How much did it cost?" needs money; "how old", an age; "how long", a duration; "how far", a distance."""
    counting = bool(_COUNTING.search(question))  # "how many votes did the budget get": a count, not money
    return all(
        given.search(text) for name, (asked, given) in _FIGURE_TYPES.items()
        if asked.search(question) and not (counting and name == "money")
    )
