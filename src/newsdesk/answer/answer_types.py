"""Does a sentence give the kind of answer a question asks for?

"Who ..." and "what is the name of ..." need a name (a capitalised run the
question does not already hold, or the sentence's claimant), not only a role;
"why ..." needs a stated reason; "how much did it cost" needs money,
"how old" an age, "how long" a duration, "how far" a distance, "what
percentage" a share. Quantity and
date questions are checked by the pins in `newsdesk.answer.pins`.
And a sentence that says the fact was not given ("declined to name him")
answers nothing: the answer is a refusal that cites it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Callable, Iterator

from newsdesk.answer.questions import Question, asks_which_name, entity_met
from newsdesk.answer.synonyms import BROADER_FIRST, LINKS, relation
from newsdesk.claims.attribution import names_a_party
from newsdesk.text import (
    NUMBER,
    PERIOD_IN_WORDS,
    YEAR,
    capitalised_runs,
    dateline_end,
    has_date_expression,
    has_quantity,
    in_a_date,
    is_a_noun,
    is_base_verb,
    is_calendar_word,
    is_plural_noun,
    lemmas,
    participle_lemma,
    names_a_thing,
    only_a_verb,
    parse_number,
    same_lemma,
    same_word,
    specificity,
    stem,
    stems_match,
    Token,
    tokens,
    without_datelines,
)
from newsdesk.vocabulary import (
    ANONYMITY_PATTERNS,
    ATTRIBUTION_VERBS,
    BE_FORMS,
    CALENDAR_WORDS,
    CAUSE_AFTER_PATTERNS,
    CAUSE_BEFORE_PATTERNS,
    CAUSE_QUESTION_PATTERN,
    CAVEATS,
    CHANGE_PARTICLES,
    CHANGE_VERBS,
    CLOCK_TIME,
    COSTING_WORDS,
    COUNT_GAP_WORDS,
    COUNT_NOUNS,
    COUNT_SCOPE_PATTERN,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    EMBEDDING_VERBS,
    FIGURE_TYPES,
    LIGHT_VERBS,
    LOCATIVE_PREPOSITIONS,
    MULTIPLIERS,
    NUMBER_WORDS,
    OPINION_VERBS,
    ORGANISATION_NOUNS,
    PERCENT_PATTERN,
    PERSON_NOUNS,
    PHASE_NOUNS,
    PLACE_NOUNS,
    PLACE_ONLY_PREPOSITIONS,
    REASON_PATTERNS,
    ROLE_WORDS,
    SEASONS,
    SHARE_IN_WORDS_PATTERN,
    STANCE_WORDS,
    STOPWORDS,
    UNDISCLOSED_PATTERNS,
    WITHHELD_KIND_PATTERNS,
    WITHHELD_REASON_PATTERN,
    is_nationality,
)

_UNDISCLOSED = re.compile("|".join(UNDISCLOSED_PATTERNS), re.IGNORECASE)
_ANONYMOUS = re.compile("|".join(ANONYMITY_PATTERNS), re.IGNORECASE)
_REASON = re.compile("|".join(REASON_PATTERNS), re.IGNORECASE)
_WITHHELD_REASON = re.compile(WITHHELD_REASON_PATTERN, re.IGNORECASE)
_CAUSE_AFTER = re.compile("|".join(CAUSE_AFTER_PATTERNS), re.IGNORECASE)
_WITHHELD_KINDS = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in WITHHELD_KIND_PATTERNS.items()}
_CAUSE_BEFORE = re.compile("|".join(CAUSE_BEFORE_PATTERNS), re.IGNORECASE)
# "What is the name of ...", "Who is the ...": only a name answers; "Who organised it?" may be answered by a group.
_ASKS_NAME = re.compile(r"\bnames?\b|\bwho (is|was|are|were)\b", re.IGNORECASE)
# Below this specificity a capitalised first word is an ordinary word.
_COMMON_OPENER = 3.0
# "Who said ...", "who warned ...": the claimant of the sentence is the answer, not only a name in it.
_ASKS_SPEAKER = re.compile(r"\b(" + "|".join(sorted(ATTRIBUTION_VERBS)) + r")\b", re.IGNORECASE)
# "Who is the planning officer who ...", "the name of the substance in ...": the role or thing whose name is asked.
_ASKED_ROLE = re.compile(
    r"\b(?:who (?:is|was|are|were)|names? of) (?:the |a |an |his |her |its |their )?(?:other |two |three |new |current |former )*"
    r"(?P<role>[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,4}?)(?= who\b| that\b| which\b| whose\b| where\b| in\b| at\b| of\b| on\b| for\b| from\b| to\b"
    r"| [a-z]+ed (?:by|in|at|on|with|alongside|for|from|to|of)\b|\?|$)",
    re.IGNORECASE,
)
# "What is the police spokesman's name?", "the engineer's name": the role before "'s name".
_ASKED_ROLE_OWNER = re.compile(
    r"\b(?:the|a|an|his|her|its|their) (?P<role>[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,3}?)['’]s names?\b", re.IGNORECASE,
)
_COUNTING = re.compile(r"\bhow many\b", re.IGNORECASE)
_FIGURE_TYPES = {
    name: (re.compile(asked, re.IGNORECASE), re.compile(given, re.IGNORECASE)) for name, (asked, given) in FIGURE_TYPES.items()
}


def withholds_answer(question: Question, text: str) -> bool:
    """The sentence says the fact was not given, and gives no figure or date that a figure or date question wants;
    or a name is asked and the sentence's source is one who would not be named ("who declined to be named")."""
    marker = _UNDISCLOSED.search(text)
    return _withholds(question, text, marker, _of_another_kind(question, text, marker))


def _withholds(question: Question, text: str, marker: re.Match[str] | None, another_kind: bool) -> bool:
    """`withholds_answer`, given the sentence's withheld marker (`_UNDISCLOSED`) and whether what it withholds is of
    another kind than asked (`_of_another_kind`), each read once by its callers."""
    if asks_a_name(question) and _ANONYMOUS.search(text):
        return True
    if marker is None or (another_kind and _said_before_withheld(text, marker)):
        return False
    # A figure or date the question itself gives ("its 2027 tour") is not the one asked for.
    unasked = _without_question_numbers(question, text)
    # "How long is his contract?" against "signed on a four-year contract; the fee was not made public": the
    # figure of the kind asked (an age, a duration, a distance) is given; what was withheld is something else.
    if figure_types_asked(question.text) and gives_figure_asked(question.text, unasked):
        return False
    if question.kind == "quantity":
        return not has_quantity(unasked)
    if question.kind == "date":
        return not has_date_expression(unasked)
    if question.kind == "reason":  # "did not publish a revised figure" withholds a figure, not the reason asked for
        return bool(_WITHHELD_REASON.search(text))
    return True


# The kinds of answer a withheld clause or a question can name apart (`WITHHELD_KIND_PATTERNS` but "other": "what",
# "whether" and "how" name no kind of their own).
_DISTINCT_KINDS = ("quantity", "date", "agent", "reason", "place")
# Where the words before a withheld marker that may say what was withheld begin: the clause's start ("The names of the
# dead were not released", "..., but the cost was not disclosed").
_CLAUSE_START = re.compile(r"[,;:.!?]")
_ASKS_A_CAUSE = re.compile(CAUSE_QUESTION_PATTERN, re.IGNORECASE)


def _of_another_kind(question: Question, text: str, marker: re.Match[str] | None) -> bool:
    """The sentence says a fact was not given (its withheld ``marker``), and that fact is of another kind than the
    question asks (round 14, `types14`): "the captain of the tanker was not named" withholds a name, not the date
    "when did the tanker run aground?" asks; "did not say how much it would cost" withholds an amount, not the chair
    "who chairs the board?" asks (and the same sentence may name her). The withheld clause (from its clause's start to
    the end of the clause after the marker) must name at least one kind (`kinds_named`) and none of the kinds asked
    (`kinds_asked`). A clause that names no kind ("did not disclose the fee", "would not say whether") is not of
    another kind. On develop (round 13) a withheld sentence about another thing, ranked best, refused answerable
    questions whose answer had passed the judge ("When was the drone shot down?": "his name was not released").
    Round 16 review (`fixa16`): read only through `refuses_for`; `withholds_another_kind`, called by no rule, is gone."""
    if marker is None:
        return False
    before = _CLAUSE_START.split(text[:marker.start()])[-1]
    withheld = kinds_named(f"{before} {marker.group()} {_clause_after(text, marker.end())}")
    return bool(withheld) and not withheld & kinds_asked(question)


def refuses_for(question: Question, text: str) -> bool:
    """The sentence is a reason to refuse: it withholds the answer (`withholds_answer`) and what it withholds is
    not of another kind than the one asked (`_of_another_kind`): "his name was not released" refuses "who
    fired on the drone?", not "when was the drone shot down?" (round 14, `types14`). The withheld marker is read
    once (round 16, `clean16`: three times before)."""
    return _refuses_for(question, text, _UNDISCLOSED.search(text))


def _refuses_for(question: Question, text: str, marker: re.Match[str] | None) -> bool:
    """`refuses_for`, given the sentence's withheld marker."""
    another_kind = _of_another_kind(question, text, marker)
    return not another_kind and _withholds(question, text, marker, another_kind)


# Words that join a clause said before a withheld one: "..., but did not say how much", "... and declined to say".
_JOINED_CLAUSE = re.compile(r",|\b(?:but|and|although|though|while)\b", re.IGNORECASE)


def _said_before_withheld(text: str, marker: re.Match[str]) -> bool:
    """The sentence says something in a clause of its own before the one that withholds (its ``marker``: "The
    ministry has agreed to pay for it, but the cost was not disclosed"), so it may still answer; "Her name was not
    released because ..." says nothing else and answers nothing, whatever kind it withholds."""
    return bool(_JOINED_CLAUSE.search(text[:marker.start()]))


def kinds_named(text: str) -> set[str]:
    """The kinds of answer ``text`` names by a wh-word or a noun for it (`WITHHELD_KIND_PATTERNS`): "how many" an
    amount, "when" or "date" a time, "who", "which" or "named" a name, "why" or "reason" a reason, "where" a place."""
    return {kind for kind in _DISTINCT_KINDS if _WITHHELD_KINDS[kind].search(text)}


def kinds_asked(question: Question) -> set[str]:
    """The kinds of answer a question asks for: its kind, and the kinds its own words name ("which firms" a name,
    "the value of" an amount, "on what grounds" a reason: `kinds_named`), and a reason where it asks what caused
    something ("what started the fire?", `CAUSE_QUESTION_PATTERN`)."""
    asked = ({question.kind} & set(_DISTINCT_KINDS)) | kinds_named(question.text)
    return asked | {"reason"} if _ASKS_A_CAUSE.search(question.text) else asked


def asks_a_name(question: Question) -> bool:
    """"What is the name of ...", "who is the ...": only a name answers (not "who organised it?")."""
    return question.kind == "agent" and bool(_ASKS_NAME.search(question.text))


def withheld_after(question: Question, best: str, after: str) -> bool:
    """``after``, the sentence after the best one, says that what is asked was not given: it withholds the answer
    (`withholds_answer`) and is about what is asked, by one of the question's common words that it says and the
    best sentence does not ("what did they agree?": "They met for talks." "Neither side has said what was
    agreed."), or that stands in what it says was not given ("whether the bonds would be returned"). "She did
    not say how much higher" after the retirement age asked is about something else. What it withholds is of the
    kind asked (`refuses_for`, round 16): "did not say when the audit would finish" does not refuse "who is carrying
    out the audit?". The withheld marker is read once (round 16 review, `fixa16`)."""
    marker = _UNDISCLOSED.search(after)
    if not _refuses_for(question, after, marker):
        return False
    asked = question.common_terms
    withheld = tokens(after[marker.end():] if marker else "")
    said_before = tokens(best)
    return any(
        any(same_word(t.word, w.text) for w in withheld)
        or (any(same_word(t.word, w.text) for w in tokens(after)) and not any(same_word(t.word, w.text) for w in said_before))
        for t in asked
    )


def _without_question_numbers(question: Question, text: str) -> str:
    """``text`` with every number the question gives blanked out."""
    if not question.numbers:
        return text
    return NUMBER.sub(lambda m: m.group() if parse_number(m.group()) not in question.numbers else " ", text)


def withholds_what_is_asked(question: Question, text: str) -> bool:
    """The sentence says that what the question asks was not given, in so many words: it says a fact was not
    given (`UNDISCLOSED_PATTERNS`), and the clause from that marker on names the kind of answer asked (its wh-word or
    a noun for it, `WITHHELD_KIND_PATTERNS`: "did not say how many", "gave no reason", "would not say who"), tells
    no event the question does not ("too early to say when the port will reopen" is not about the talks' end), and
    says at least two of the question's own words (their lemma or a WordNet link) and its counted noun: "He declined
    to say how many jobs would be lost" for "How many jobs will be lost in the merger?". A clause that names nothing
    but the kind ("The agency did not say how many.") is not enough: on develop its neighbours were as often about
    another figure. Where the sentence gives a figure before the marker ("It counted 9,850 spoiled ballots but
    did not disclose how many postal votes had arrived too late"), the clause must say every word the question asks
    about: the figure given is another one. Round 11 (`refuse11`): the answerer looks for such a sentence among all
    that meet the pins, not only the best or surest (`withholds_answer`), since the judge, fitted to find answers,
    rates them low."""
    marker = _UNDISCLOSED.search(text)
    asked = _asked_words(question)
    if marker is None or not asked:
        return False
    withheld = _clause_after(text, marker.end())
    kind = question.kind if question.kind in _WITHHELD_KINDS else "other"
    if not _WITHHELD_KINDS[kind].search(f"{marker.group()} {withheld}"):
        return False
    if any(not _word_met(verb, [t.word for t in question.terms]) for verb in _event_verbs(withheld)):
        return False  # "too early to say when the port will reopen" is about another event than the talks' end
    said = [w.text for w in tokens(withheld) if w.lower not in STOPWORDS]
    met = [word for word in asked if _word_met(word, said)]
    if not withholds_answer(question, text):
        given_before = has_quantity(text[:marker.start()]) or has_date_expression(text[:marker.start()])
        return given_before and len(met) == len(asked)
    # A name the question gives, said in the clause ("who would replace Dunleavy"), is one of its words too.
    named = sum(entity_met(entity, withheld) for entity in question.entities)
    enough = len(met) + named >= min(_WITHHELD_WORDS_MET, len(asked) + len(question.entities))
    return enough and all(_word_met(t.word, said) for t in question.focus)


# How many of the question's own words a withheld clause must say (fewer only when the question has fewer): one word
# ("how much money", "how many jobs") was as often another figure of the story as the one asked (develop, round 11).
_WITHHELD_WORDS_MET = 2


def _asked_words(question: Question) -> list[str]:
    """The question's own content words that are not names: what it asks about (its common terms and counted noun)."""
    words = [t.word for t in (*question.common_terms, *question.focus)]
    return list(dict.fromkeys(w for w in words if w.lower() not in STOPWORDS))


def _event_verbs(clause: str) -> list[str]:
    """The verbs of ``clause`` that tell an event of their own (a word that is only a verb, a participle, or a word
    after an auxiliary or "to": "would fall"): not light verbs ("have", "take"), nor verbs of saying or making known."""
    words = tokens(clause)
    verbs = [w.text for i, w in enumerate(words) if w.text.islower() and w.lower not in STOPWORDS
             and w.lower not in _BEFORE_A_VERB and (
        only_a_verb(w.text) or participle_lemma(w.text) is not None
        or (i > 0 and words[i - 1].lower in _BEFORE_A_VERB and is_base_verb(w.text)))]
    return [v for v in verbs if not lemmas(v) & (LIGHT_VERBS | EMBEDDING_VERBS) and v not in ATTRIBUTION_VERBS]


# Words after which a base form is a verb: "would fall", "will reopen", "to replace".
_BEFORE_A_VERB = frozenset("would will could can may might must should shall to did does do".split())


def _word_met(word: str, said: list[str]) -> bool:
    """``said`` holds the word, its lemma or a word WordNet links to it."""
    return any(same_word(word, other) or relation(word, other) in LINKS for other in said)


@lru_cache(maxsize=20_000)  # every pin, type and withheld-fact check asks it of the same sentences
def says_not_known(text: str) -> bool:
    """The sentence says a fact was not given, released or known."""
    return bool(_UNDISCLOSED.search(text))


def states_reason(text: str) -> bool:
    return next(_reasons_clauses(text), None) is not None


# Where a reason's clause ends: "after inspectors found cracks in its pier, the ministry said".
_CLAUSE_END = re.compile(r"[,;:.!?]|$")


def _clause_after(text: str, position: int) -> str:
    """The words of ``text`` from ``position`` to the end of their clause (`_CLAUSE_END`)."""
    return text[position:_CLAUSE_END.search(text, position).start()]


def _adds_a_word(part: str, asked: list[str]) -> bool:
    """``part`` says a content word none of the question's stems (``asked``) matches."""
    return any(w.lower not in STOPWORDS and len(w.text) > 2 and not any(stems_match(stem(w.text), a) for a in asked)
               for w in tokens(part))


def _since_gives_a_reason(clause: str) -> bool:
    """"Since" gives a reason before a clause with a finite verb ("since the plant lost its contract", "since it is
    cheaper") and may before an event ("closed since a rockfall in November"); before the edge of a period with no
    finite verb it gives a time ("since the start of the war", "since the outbreak of fighting": a gerund is no
    finite verb, `PHASE_NOUNS`)."""
    words = tokens(clause)
    if any(only_a_verb(w.text) and not w.lower.endswith("ing") for w in words):
        return True
    head = next((w for w in words if w.lower not in STOPWORDS), None)
    return head is None or head.lower not in PHASE_NOUNS


def _reasons_clauses(text: str) -> Iterator[str]:
    """The clause after each `REASON_PATTERNS` marker that gives a reason: "since" only as a cause
    (`_since_gives_a_reason`), "citing" only before what is no source ("citing safety concerns", not "the agency
    stated, citing the ministry": a relay, `claims.attribution.names_a_party`)."""
    for marker in _REASON.finditer(text):
        clause = _clause_after(text, marker.end())
        word = marker.group().lower()
        if word == "since" and not _since_gives_a_reason(clause):
            continue
        if word in ("citing", "cited") and names_a_party(clause):
            continue
        yield clause


def states_a_new_reason(question: Question, text: str) -> bool:
    """A reason whose clause says something the question does not: "closed after inspectors found cracks" for
    "why was the bridge closed?", not "relied on the ferry since the bridge was closed" (the clause after
    "since" only restates the question) nor "cannot be named for legal reasons" (nothing after the marker)."""
    asked = [stem(w.text) for w in tokens(question.text)]
    return any(_adds_a_word(clause, asked) for clause in _reasons_clauses(text))


def states_an_unmarked_reason(question: Question, text: str) -> bool:
    """A reason given by a cause-introducing participle, preposition or verb of causing (`CAUSE_AFTER_PATTERNS`,
    `CAUSE_BEFORE_PATTERNS`) where it is attached to the event asked: the event's side says one of the question's
    own (not capitalised) words and the cause's side a word the question does not. "Prices rose more slowly,
    helped by cheaper heating fuel" answers "why did price growth slow?"; a "helped by" in a clause about
    something else does not."""
    asked = [stem(w.text) for w in tokens(question.text)]
    event_words = [stem(w.text) for w in tokens(question.text)
                   if w.lower not in STOPWORDS and len(w.text) > 2 and not w.text[0].isupper()]

    def says_event(part: str) -> bool:
        return any(stems_match(stem(w.text), e) for w in tokens(part) for e in event_words)

    for marker in _CAUSE_AFTER.finditer(text):
        clause = _clause_after(text, marker.end())
        words = tokens(clause)
        if words and words[0].lower in NUMBER_WORDS:  # "delayed by two hours": a measure, not a cause
            continue
        if says_event(_without_attribution(text[:marker.end()])) and _adds_a_word(clause, asked):
            return True
    for marker in _CAUSE_BEFORE.finditer(text):
        cause = re.split(r"[;:.!?]", text[:marker.start()])[-1]
        event = _clause_after(text, marker.end())
        if says_event(event) and _adds_a_word(cause, asked):
            return True
    return False


# Words that name a cause in the active voice besides the question's own verb of causing: "A blocked culvert was
# responsible for the flooding", "the heat was to blame for the fire" (round 16 review, `fixa16`).
# The verbs of causing `CAUSE_QUESTION_PATTERN` asks by that a cause may be the subject of ("what sparked ...?").
_CAUSING_VERBS = frozenset("cause start spark trigger prompt lead".split())
_CAUSE_NAMED = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:responsible|to blame)\s+for\b", re.IGNORECASE)


def names_the_cause(question: Question, text: str) -> bool:
    """For "what caused / triggered / led to X?" (`CAUSE_QUESTION_PATTERN`), a sentence that names the cause as the
    subject of the question's own verb of causing, in the active voice, or of "was responsible / to blame for":
    "Weeks of freezing nights triggered the rockfall" answers "what triggered the rockfall?". The words after the
    verb say the event asked (one of the question's own, not capitalised, words) and those before it a word the
    question does not: "The walkout sparked a week of protests" names no cause of the walkout. The passive ("was
    caused by") is a marker of its own (`REASON_PATTERNS`, `CAUSE_AFTER_PATTERNS`)."""
    asked_verb = _ASKS_A_CAUSE.search(question.text)
    if asked_verb is None:
        return False
    verb = next(filter(None, (lemmas(w.text) & _CAUSING_VERBS for w in tokens(asked_verb.group()))), set())
    asked = [stem(w.text) for w in tokens(question.text)]
    event_words = [stem(w.text) for w in tokens(question.text)
                   if w.lower not in STOPWORDS and len(w.text) > 2 and not w.text[0].isupper()]
    words = tokens(text)
    spans = [(m.start(), m.end()) for m in _CAUSE_NAMED.finditer(text)]
    for index, word in enumerate(words):
        passive = index > 0 and words[index - 1].lower in BE_FORMS or (index + 1 < len(words) and words[index + 1].lower == "by")
        if lemmas(word.text) & verb and not passive:
            spans.append((word.start, word.end))
    for start, end in spans:
        cause = re.split(r"[;:.!?]", text[:start])[-1]
        event = _clause_after(text, end)
        if any(stems_match(stem(w.text), e) for w in tokens(event) for e in event_words) and _adds_a_word(cause, asked):
            return True
    return False


def _without_attribution(text: str) -> str:
    """``text`` without who said it: in each comma-separated part, only what follows its last verb of saying
    ("Prices rose more slowly in May, the statistics bureau said" keeps "Prices rose more slowly in May"), so that a
    question about the bureau's own doings does not find its event in the attribution."""
    parts = []
    for part in text.split(","):
        said = [w for w in tokens(part) if w.lower in ATTRIBUTION_VERBS]
        parts.append(part[said[-1].end:] if said else part)
    return ",".join(parts)


def new_names(text: str, question: Question) -> list[str]:
    """Capitalised words of ``text`` that are not in the question, a date, or an ordinary opening word.

    A word of a run that holds a name the question gives is that same name ("Lena" of "Lena
    Stenberg" when the question names "Stenberg"): who replaced Stenberg is not Stenberg.
    """
    text = without_datelines(text)
    asked = [stem(w.text) for w in tokens(question.text)]
    named = [stem(word) for entity in question.entities for word in entity]
    found = []
    words = tokens(text)
    for run in capitalised_runs(text):
        if named and any(stems_match(stem(w.text), other) for w in run for other in named):
            continue
        for word in run:
            if word.lower in STOPWORDS or word.lower in CALENDAR_WORDS or len(word.text) < 2:
                continue
            if word is words[0] and specificity(word.text) < _COMMON_OPENER:
                continue
            if any(stems_match(stem(word.text), other) for other in asked):
                continue
            found.append(word.text)
    return found


def _asked_head(question: str) -> str | None:
    """The head noun of the role or thing whose name is asked: "officer" in "who is the planning officer who ..."."""
    match = _asked_role(question)
    if match is None:
        return None
    role = match.group("role").split()
    if role[-1][0].isupper():  # "X's ambassador in Y": a name ends it, no role word
        return None
    words = [w for w in (word.lower() for word in role) if not w.endswith(("ed", "ing"))]
    return words[-1] if words and words[-1] not in STOPWORDS else None


def _asked_role(question: str) -> re.Match[str] | None:
    """The words of the role or thing whose name is asked ("the name of the procurement officer convicted alongside
    X", "the police spokesman's name"), or None."""
    return _ASKED_ROLE.search(question) or _ASKED_ROLE_OWNER.search(question)


def asks_a_role(question: str) -> bool:
    """"Who is the chief inspector?": a role that speaks, so the claimant of "the chief inspector said" answers it.
    "What is the name of the substance?" is not: the sentence's speaker is not the substance."""
    return _asked_head(question) in ROLE_WORDS


def role_met(question: str, text: str) -> bool:
    """"Who is the planning officer who ...": the sentence must say "officer" (the same word or lemma) beside the
    name it gives, and the words that say which one ("finance" of "the finance minister": `_role_modifiers`); a
    name given for another role ("the fisheries minister, X") does not answer."""
    head = _asked_head(question)
    if head is None:
        return True
    said = tokens(text)
    return all(any(_same_role_word(word, w.text) for w in said) for word in [*_role_modifiers(question), head])


def _same_role_word(asked: str, said: str) -> bool:
    """The same role word by lemma, or the broader word the asked one first means (WordNet): "officers" says
    "officer", "spokesperson" says "spokesman". "Officials" does not say "officer" (a stem's prefix would, so not
    `newsdesk.text.same_word`), nor do "office" or "Directorate", whose stems are those of "officer" and "director".
    Synonyms and narrower words are not taken: "director" for "manager" and "trawler" for "fisherman" named the
    wrong person on two develop questions (docs/evaluation.md, round 9)."""
    return same_lemma(asked, said) or relation(asked.lower(), said.lower()) == BROADER_FIRST


def _role_modifiers(question: str) -> list[str]:
    """The common words before the head of the role asked: "finance" of "Ostry's finance minister" (a name is
    a pin of its own; a participle, "the planning officer", often goes unsaid). Only those after an owner's
    possessive (round 14, `types14`): "the water board's chief engineer" asks for the chief engineer, whom a story
    that named the board calls "Chief engineer X" or "its chief engineer"; "water board's" is whose, not which role."""
    match = _asked_role(question)
    if match is None:
        return []
    role = match.group("role").split()
    owners = [i for i, w in enumerate(role[:-1]) if w.endswith(_POSSESSIVE_ENDINGS)]
    words = [w for w in role[owners[-1] + 1 if owners else 0:] if w[0].islower() and not w.endswith(("ed", "ing"))]
    return [w for w in words[:-1] if w not in STOPWORDS]


# How an owner's possessive ends: "board's", "board’s", "steelworkers'".
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")


def speaker_may_be_asked(question: str, text: str, claimant: str) -> bool:
    """Whether the one who says ``text`` may be the one whose name is asked: a speaking role ("who is the
    spokesman?"), or the role the sentence gives the speaker ("the council's chief engineer, X, said").
    Never for several people ("the names of the injured"): one speaker is not a group."""
    head = _asked_head(question)
    if head is not None and is_plural_noun(head):
        return False
    return asks_a_role(question) or (head is not None and _titled(head, text, claimant))


def _titled(head: str, text: str, claimant: str) -> bool:
    """``head`` ("engineer") stands just before a word of the claimant's name: "chief engineer, Ann Roe"."""
    names = {w.lower for w in tokens(claimant) if w.text[0].isupper()}
    words = tokens(text)
    return any(
        same_word(head, word.text)
        and any(w.lower in names for w in words[index + 1:index + 3])
        for index, word in enumerate(words)
    )


def _new_roles(text: str, question: Question) -> bool:
    asked = {stem(w.text) for w in tokens(question.text)}
    return any(w.lower in ROLE_WORDS and w.lower not in STOPWORDS and stem(w.text) not in asked for w in tokens(text))


def type_met(question: Question, text: str, claimant: str | None) -> bool:
    """Does ``text`` (said by ``claimant``) give what the question's kind asks for? Every check in `TYPE_CHECKS`
    holds (each holds where it does not apply)."""
    return all(check(question, text, claimant) for check in TYPE_CHECKS)


def _figure_given(question: Question, text: str, claimant: str | None) -> bool:
    return gives_figure_asked(question.text, text)


def _which_name_given(question: Question, text: str, claimant: str | None) -> bool:
    """"Which striker ...": a name in the sentence, or its claimant's when the question asks who said or did what the
    sentence reports (`_claimant_may_answer`): "Which board members voted against?" is not answered by "..., the
    National Bank of X said", whose members stay unnamed."""
    if not asks_which_name(question.text):
        return True
    by_claimant = _claimant_may_answer(question, text, claimant)
    return bool(new_names(text, question) or (by_claimant and new_names(claimant or "", question)))


def _claimant_may_answer(question: Question, text: str, claimant: str | None) -> bool:
    """The sentence's claimant may be the one whose name is asked: the question asks who said or did what the
    sentence reports ("Which minister announced ...?"), or asks a role the speaker is given ("the chief engineer, X")."""
    return bool(claimant) and (bool(_ASKS_SPEAKER.search(question.text))
                               or speaker_may_be_asked(question.text, text, claimant or ""))


def _name_given(question: Question, text: str, claimant: str | None) -> bool:
    """"What is the name of ...", "who is ...": a name, and the role asked said beside it. The one who says it is
    not the one asked about ("the names of the injured": not "..., Ann Roe said"), unless the question asks who
    said it or asks a role the speaker is given ("the chief engineer, X")."""
    if not asks_a_name(question):
        return True
    # Round 17 (`refuse17`): the dateline a sentence opens with, dated or not ("RIVERTON, Ostmark (XYZ) - "), names
    # where the story was filed and who filed it, no one asked. Here only: the judge's features read `new_names`.
    text = text[dateline_end(text):]
    by_claimant = _claimant_may_answer(question, text, claimant)
    speaker = {w.lower for w in tokens(claimant or "")}
    things = _thing_names(text) | attributive_names(text) if _person_names_only(question) else set()
    if not _asks_a_thing(question.text):
        things |= _named_places(text)
    if not _asks_a_place(question.text):
        things |= located_names(text)
    in_text = [n for n in new_names(text, question) if (by_claimant or n.lower() not in speaker) and n not in things]
    # A speaker named only by role ("a court official said") gives no name: one in the sentence must stand by the role.
    nameless_speaker = by_claimant and not new_names(claimant or "", question)
    if in_text and (not by_claimant or nameless_speaker) and not named_beside_role(question.text, text, in_text):
        return False
    named = in_text or (by_claimant and new_names(claimant or "", question))
    return bool(named) and role_met(question.text, text)


# How many words either side of the role asked a name must stand: "Ann Roe, a spokeswoman", "spokeswoman Ann Roe".
_BESIDE_ROLE = 4


def named_beside_role(question: str, text: str, names: list[str]) -> bool:
    """"What is the name of the spokeswoman ...?" against "according to a spokeswoman for the union, who said
    ... the Harbour Party ...": where the sentence says the role asked, one of the names it gives must stand
    within a few words of it; a name far from it is someone else's. True where the role is not said."""
    head = _asked_head(question)
    if head is None:
        return True
    words = tokens(text)
    places = [index for index, word in enumerate(words) if _same_role_word(head, word.text)]
    if not places:
        return True
    given = set(names)
    return any(w.text in given for index in places for w in words[max(0, index - _BESIDE_ROLE):index + _BESIDE_ROLE + 1])


def asks_people(question: str) -> bool:
    """"Who were the coalition lawmakers ...", "the name of the officer ...": the names asked are people's."""
    head = _asked_head(question)
    return head is not None and bool(lemmas(head) & PERSON_NOUNS)


def asks_names_counted(question: Question) -> bool:
    """"What are their names?", "Who were they?" after "How many workers were hurt?": the names asked are those of
    the people the earlier turn counted (`Question.they_are`), when the question names no role or thing of its own;
    an organisation's or a place's name is none of theirs. Counted things that are no people ("How many ships
    sank?" / "What were their names?") may bear such names ("the Pennoway Harbour"). Round 17 (`refuse17`): on develop
    such follow-ups were answered by the lead that counted them, naming its dateline, a bank or a party."""
    return (bool(question.they_are) and _asked_head(question.text) is None
            and bool(lemmas(question.they_are) & PERSON_NOUNS))


def _person_names_only(question: Question) -> bool:
    """The name asked is a person's: the question's own head is a person noun, or it asks the names of the people
    an earlier turn counted. Organisation, place and attributive names are then no answer."""
    return asks_people(question.text) or asks_names_counted(question)


def _thing_names(text: str) -> set[str]:
    """The words of names that end in an organisation or place noun ("the National Civil Protection Agency",
    "Elm Road"): no person's name, so no answer to who a person is."""
    return {w.text for run in capitalised_runs(text) if names_a_thing(run) for w in run}


def attributive_names(text: str) -> set[str]:
    """The words of names that stand between "the" or "a" and a common noun: "the Harbour Party candidate", "near
    the Town Hall building", "a Northland coast guard cutter". They say whose or which the noun is; a person is not
    named that way ("the Ann Roe said" is no English), so they are no answer to a person's name."""
    found: set[str] = set()
    for run in capitalised_runs(text):
        before = text[:run[0].start].rstrip().rsplit(" ", 1)[-1].lower()
        after = text[run[-1].end:]
        if before in ("the", "a", "an") and re.match(r" [a-z]", after):
            found |= {w.text for w in run}
    return found


def located_names(text: str) -> set[str]:
    """The words of names right after a preposition of place (`LOCATIVE_PREPOSITIONS`): "a lorry driver from
    Pellham", "rescued off Kestle Point", "a property group from Stellmoor" say where the one asked about is from, at
    or near, not their name; a sentence whose only names stand so introduces the one asked without naming them.
    Round 16 (`refuse16`): on develop such sentences answered "what was the name of the van driver killed ...?".
    After "from", "at", "in" or "into" a name of several words is a place only when it ends in a place noun ("from
    Ostry Cross Road"): "a contract at Dunholt Athletic", "investors from Ghyllspar Capital", "an inquiry into Petra
    Vallis's expenses" name the one asked (round 16 review, `fixa16`; `vocabulary.PLACE_ONLY_PREPOSITIONS`)."""
    return {w.text for run in _located(text) for w in run}


def located_runs(text: str) -> list[str]:
    """The names `located_names` reads, each whole ("in New Town" gives "New Town"), for rules that compare places."""
    return [" ".join(w.text for w in run) for run in _located(text)]


def _located(text: str) -> list[list[Token]]:
    words = tokens(text)
    position = {word.start: index for index, word in enumerate(words)}

    def a_place(run: list[Token], preposition: str) -> bool:
        # "Capital" ending a name is a fund's ("Ghyllspar Capital"); the capital city is "the capital".
        return preposition in PLACE_ONLY_PREPOSITIONS or len(run) == 1 or bool(lemmas(run[-1].text) & (PLACE_NOUNS - {"capital"}))

    return [run for run in capitalised_runs(text)
            if (index := position[run[0].start]) >= 1 and words[index - 1].lower in LOCATIVE_PREPOSITIONS
            and words[index - 1].text.islower() and a_place(run, words[index - 1].lower)]


def _asks_a_place(question: str) -> bool:
    """"The name of the village ...", "of the hospital ...": the name asked is a place's, which may stand after "in"."""
    head = _asked_head(question)
    return head is not None and bool(lemmas(head) & PLACE_NOUNS)


def _asks_a_thing(question: str) -> bool:
    """"The name of the village ...", "of the firm ...": the name asked is a place's or an organisation's."""
    head = _asked_head(question)
    return head is not None and bool(lemmas(head) & (PLACE_NOUNS | ORGANISATION_NOUNS))


def _named_places(text: str) -> set[str]:
    """The words of names right after a place noun and "of": "a farmer near the village of Turnstead Fold" names a
    village, not the farmer; no answer to whose name is asked."""
    words = tokens(text)
    position = {word.start: index for index, word in enumerate(words)}
    found: set[str] = set()
    for run in capitalised_runs(text):
        index = position[run[0].start]
        if index >= 2 and words[index - 1].lower == "of" and lemmas(words[index - 2].text) & PLACE_NOUNS:
            found |= {w.text for w in run}
    return found


def _agent_given(question: Question, text: str, claimant: str | None) -> bool:
    """"Who organised it?": a name, or a group or role the question does not hold. When the speaker is the one
    the question names ("who will replace Stenberg?" against "Stenberg said she would step down"), only another
    name answers, not the speaker or a role word."""
    if question.kind != "agent" or asks_a_name(question):
        return True
    # "Who owns the shop?" is not answered by "a shop in Ferrowdale was robbed": a name after a preposition of place.
    places = located_names(text)
    named = [n for n in new_names(text, question) if n not in places]
    if claimant and any(entity_met(entity, claimant) for entity in question.entities):
        return bool(named)
    return bool(named or claimant or _new_roles(text, question) or _agent_after_by(question, text))


def _agent_after_by(question: Question, text: str) -> bool:
    """The one who did what the question asks, after "by" and the question's own verb: "The patrol was attacked by
    gunmen near Kessow" answers "who attacked the patrol?" with a common noun no role list holds (round 16 review,
    `fixa16`: the place after "near" had answered it until `located_names`)."""
    asked = [w.text for w in tokens(question.text) if w.lower not in STOPWORDS and w.text.islower()]
    words = tokens(text)
    for index, word in enumerate(words[1:-1], start=1):
        if word.lower != "by" or not any(same_word(a, words[index - 1].text) for a in asked):
            continue
        after = words[index + 2] if words[index + 1].lower in _DETERMINERS and index + 2 < len(words) else words[index + 1]
        if after.text.isalpha() and after.text.islower() and after.lower not in STOPWORDS and after.lower not in NUMBER_WORDS:
            return True
    return False


def _reason_given(question: Question, text: str, claimant: str | None) -> bool:
    """"Why ...": a stated reason; or the named person's own account of why they hold a view (`asks_a_stance`); or,
    when the question asks why someone says or thinks something (`asks_a_view`), a source's account, given by a
    source the question names (in the claimant or the sentence: "Ida Rusk, a professor at the University of
    Tolmere, says ..." for "why does the Tolmere professor think ...?") or by any source when it names none ("why
    does the mayor say ...?"). Until round 10 only the stance counted; on the writers written after that rule the
    reason check refused more answerable questions than it saved (docs/evaluation.md, round 10 `prune10`). A reason
    needs no marker word when a cause-introducing participle, preposition or verb of causing ties it to the event
    asked (`states_an_unmarked_reason`, round 10 `reason10`)."""
    if question.kind != "reason" or states_reason(text) or states_an_unmarked_reason(question, text):
        return True
    if not claimant:
        return False
    if asks_why_counts_differ(question.text) and says_what_a_count_covers(text):
        return True
    if asks_a_stance(question.text) and any(entity_met(e, claimant) for e in question.entities):
        return True
    return asks_a_view(question.text) and (
        not question.entities or any(entity_met(e, f"{claimant} {text}") for e in question.entities))


_COUNT_SCOPE = re.compile(COUNT_SCOPE_PATTERN, re.IGNORECASE)


def asks_why_counts_differ(question: str) -> bool:
    """"Why is the council's count lower than the charity's?", "why are the two estimates so far apart?": a word of
    difference and a noun for a count (`COUNT_GAP_WORDS`, `COUNT_NOUNS`, by lemma)."""
    said = [lemmas(w.text) | {w.lower} for w in tokens(question)]
    return any(s & COUNT_GAP_WORDS for s in said) and any(s & COUNT_NOUNS for s in said)


def says_what_a_count_covers(text: str) -> bool:
    """The sentence says what a count includes, leaves out or counts only (`COUNT_SCOPE_PATTERN`) and speaks of a
    count ("its count included only ...", "the company's figure left out ...", "police had counted only ...").
    Round 14 (`types14`): a source's account of why two counts differ, which "why" questions about a gap between
    counts were refused without (develop: five writers' "why do the counts differ?")."""
    said = [lemmas(w.text) | {w.lower} for w in tokens(text)]
    counts = any(s & (COUNT_NOUNS | {"counted"}) for s in said)
    return counts and bool(_COUNT_SCOPE.search(text))


TYPE_CHECKS: tuple[Callable[[Question, str, str | None], bool], ...] = (
    _figure_given,
    _which_name_given,
    _name_given,
    _agent_given,
    _reason_given,
)


def asks_a_stance(question: str) -> bool:
    """"Why does Ann Roe oppose the plan?", "why is she wary?": the question asks why someone holds a view, so
    their own account is the reason, marked or not. "Why did the firm cut 300 jobs?" asks why something was done:
    anything the firm said ("the cuts will be completed by March") is not its reason."""
    return any(lemmas(w.text) & STANCE_WORDS for w in tokens(question))


def asks_a_view(question: str) -> bool:
    """"Why does the mayor say ...", "why does the charity think ...": the question asks why someone voices or holds
    a view (`OPINION_VERBS`), so a source's account is the reason, marked or not."""
    return any(lemmas(w.text) & OPINION_VERBS for w in tokens(question))


# A multiplier after a figure, as words or abbreviations: "2.1 billion", "4 bn", "3m".
_MULTIPLIER = "|".join([*MULTIPLIERS, "bn", "m"])
# A figure that is an amount of money or a share, not a count: "2,500 euros", "$4m", "6 percent", "6%".
_AMOUNT = re.compile(
    r"^\s*(?:(?:" + _MULTIPLIER + r")\s+)?(?:(?:" + "|".join(CURRENCY_WORDS) + r")\b|"
    + PERCENT_PATTERN + ")",
    re.IGNORECASE,
)
_CURRENCY_SIGN = re.compile(f"[{CURRENCY_SIGNS}]" + r"\s*$")


def gives_a_count(question: str, text: str) -> bool:
    """"How many farms applied?" is not answered by "each farm will receive 2,500 euros" nor by "in 2023": a count
    is a figure that is not money, a share or a date (unless money or a share is what is counted: "how many crowns")."""
    counting = _COUNTING.search(question)
    if counting is None or _AMOUNT.search(" " + question[counting.end():]):
        return True
    for match in NUMBER.finditer(text):
        if not _AMOUNT.match(text[match.end():]) and not _CURRENCY_SIGN.search(text[:match.start()]) \
                and not in_a_date(text, match.start(), match.end()):
            return True
    words = tokens(text)
    return any(w.lower in NUMBER_WORDS and w.lower not in MULTIPLIERS and not _AMOUNT.match(text[w.end:]) for w in words)


def figure_types_asked(question: str) -> set[str]:
    """"How old ..." asks for an age, "how far ..." a distance: the kinds of figure (`FIGURE_TYPES`) asked for."""
    return {name for name, (asked, _) in _FIGURE_TYPES.items() if asked.search(question)}


def asks_figure_type(question: str) -> bool:
    return bool(figure_types_asked(question))


def gives_a_date_asked(question: Question, text: str) -> bool:
    """What a date question's sentence must give: a date (`has_date_expression`: a weekday, a month, a year, "last
    week"; or in words, `_DATE_IN_WORDS`: "within six weeks", "seven years ago", "in the autumn", "by the end of the
    year", "by 9:15 p.m.") or, when the question asks a figure of a kind of its own, that figure ("what time did the
    blast happen?" is answered by "at about 6:40 a.m.", a clock time of `FIGURE_TYPES`). The date pin before
    the judge reads it (`pins`); the answer-type check after it asks the same figure of a "what time" question
    (`gives_figure_asked`, `FIGURE_TYPES`' clock time).
    Round 15 (`recall15`): the date pin read none of these, and pinned out the sentence that answers."""
    if has_date_expression(text) or _DATE_IN_WORDS.search(text):
        return True
    return asks_figure_type(question.text) and gives_figure_asked(question.text, text)


_DATE_IN_WORDS = re.compile(
    # a period from now or from an event: "within six weeks", "after 30 days", "within 12 to 18 months", "in the next
    # three months", "in three weeks' time"; not a bare "in" ("the worst drought in 50 years" says how long since); a
    # period back, "seven years ago", is `has_date_expression`'s (`text.PERIOD_IN_WORDS`)
    r"\b(?:(?:within|after)\s+(?:about\s+|around\s+|the\s+next\s+|another\s+)?|in\s+(?:the\s+next|another)\s+)"
    + PERIOD_IN_WORDS + r"\b"
    + r"|\bin\s+" + PERIOD_IN_WORDS + r"['’]?\s+time\b"
    # a season: "in the autumn", "next spring", "by late summer"
    + r"|\b(?:in|this|next|last|by|until|late|early)\s+(?:the\s+)?(?:late\s+|early\s+)?(?:"
    + "|".join(SEASONS) + r")\b"
    # the edge of a period: "by the end of the year", "at the start of next month"
    + r"|\b(?:end|start|beginning|middle)\s+of\s+(?:the|this|next|last)\s+(?:year|month|week|decade|season)\b"
    # a clock time after a preposition of time: "by 9:15 p.m.", "at 6:40" (not "at 2.75 percent": `CLOCK_TIME`)
    + r"|\b(?:by|at|until|from|before|after|around)\s+(?:about\s+|around\s+)?(?:" + CLOCK_TIME + r")",
    re.IGNORECASE,
)
_SHARE_IN_WORDS = re.compile(SHARE_IN_WORDS_PATTERN, re.IGNORECASE)


def gives_a_figure(text: str) -> bool:
    """A figure, in digits or number words (`has_quantity`), or a share in words (`_SHARE_IN_WORDS`: "about a third
    of the town's water", "two-thirds of the fleet", "cut irrigation by half"), which the figure pin before the judge
    did not read until round 15 (`recall15`). An ordinal before a noun ("the third boat") is none."""
    return has_quantity(text) or bool(_SHARE_IN_WORDS.search(text))


def gives_figure_asked(question: str, text: str) -> bool:
    """"How much did it cost?" needs money; "how old", an age; "how long", a duration; "how far", a distance;
    "how many", a count (`gives_a_count`)."""
    counting = bool(_COUNTING.search(question))  # "how many votes did the budget get": a count, not money
    if counting and not gives_a_count(question, text):
        return False
    return all(
        given.search(text) or (name == "money" and _an_amount_given(question, text))
        for name, (asked, given) in _FIGURE_TYPES.items()
        if asked.search(question) and not (counting and name == "money")
    )


def _an_amount_given(question: str, text: str) -> bool:
    """Money asked, given without a currency `CURRENCY_WORDS` lists: a rare word after a figure
    (`in_a_currency_of_its_own`), the figure a word of costing takes (`costed_figure`), or, for a change asked ("by
    how much are fees rising?", `asks_a_change`), a share ("by 8 percent")."""
    if in_a_currency_of_its_own(text) or costed_figure(text):
        return True
    return asks_a_change(question) and bool(_FIGURE_TYPES["share"][1].search(text))


# A figure, a multiplier, capitalised words ("Estrelline") and the lower-case word after them: "82,000 Estrelline
# marks", "3.4 billion drammels" (no capitalised word: `in_a_currency_of_its_own` reads only those).
_FIGURE_AND_UNIT = re.compile(
    r"(?:" + NUMBER.pattern + r")(?P<scale>\s+(?:" + _MULTIPLIER + r"))?(?P<names>(?:\s+[A-Z][\w'-]*)*)\s+(?P<unit>[a-z]+)\b"
)
# How many words before a figure a word of costing may stand: "fined a total of", "cost roughly".
_COSTING_REACH = 4
# Units that say another kind of figure than money, however a word of costing takes them ("cost drivers 25 minutes").
_OTHER_MEASURES = ("duration", "distance", "age", "share")
# Specificity (wordfreq) from which the word after a figure is uncommon enough to be a currency no list holds; what
# else a figure counts is a common noun ("240 jobs" 1.6, "flights" 2.4, "kilometres" 2.8, "hectares" 3.2, "trawlers"
# 4.1). One idea, two bars: a word of costing before the figure already says it is a sum, so an uncommon word will do
# (`costed_figure`: "9,000 florins" 4.3, "shillings" 3.4); a figure alone needs a rare one (`in_a_currency_of_its_own`:
# "6.3 million drammels" 6.6, not "fined 12 trawlers"). Round 16 review (`fixa16`): one table, was two constants.
_CURRENCY_RARITY = {"costed": 3.0, "alone": 4.5}


def _rare_enough_for_a_currency(unit: str, costed: bool) -> bool:
    """``unit`` is uncommon enough to be a currency's name (`_CURRENCY_RARITY`), after a word of costing or not."""
    return specificity(unit) >= _CURRENCY_RARITY["costed" if costed else "alone"]


# What follows a figure's unit when the figure says whom or what a cost falls on, not its sum: "cost 120 paramedics
# their jobs", "cost the estate 35 hectares of woodland" (round 16 review, `fixa16`).
_COST_FALLS_ON = re.compile(r"\s+(?:their|his|her|its|of)\b")


def costed_figure(text: str) -> bool:
    """A figure that a word of costing or valuing (`COSTING_WORDS`, by lemma) takes within `_COSTING_REACH` words,
    in a unit that is no duration, distance, age or share: "the sea wall would cost about 14 million florins", "was
    fined a total of 82,000 Estrelline marks". Whatever its currency is called, even a common English word no
    currency list holds (round 15, `recall15`: five develop answers in a currency named like a common word were
    refused by the type check, types14's "Left").
    Round 16 (`clean16`): a currency is what a sum is counted in: a scale stands before it ("14 million florins"),
    a name qualifies it ("Estrelline marks") or it is an uncommon word (`_rare_enough_for_a_currency`: "9,000
    florins"); a common noun after a bare figure is what was lost ("could cost 240 jobs", "cost the region 60 lives").
    And the word of costing is lower case, or the sentence's first: "Price" in "Ines Tollard-Price said 40 homes
    ..." is a name. Round 16 review (`fixa16`): a unit that "their" or "of" follows is whom or what the cost falls
    on ("cost 120 paramedics their jobs", "35 hectares of woodland"), and after "cost" a name that is no nationality
    (`is_nationality`) before a common noun says whose loss it is ("would cost 1,800 Vexmoor jobs"; "costs 40 Varrish
    marks", "fined 82,000 Estrelline marks" stay sums)."""
    for match in _FIGURE_AND_UNIT.finditer(text):
        words = tokens(text[:match.start()])
        before = words[-_COSTING_REACH:]
        costing = [i for i, w in enumerate(before)
                   if (lemmas(w.text) & COSTING_WORDS or w.lower in COSTING_WORDS) and (w.text[0].islower() or w is words[0])]
        if not costing:
            continue
        if costing[-1] == len(before) - 1 and _fines_whom(words):
            continue  # "The coastguard fined 12 trawlers": the figure counts who was fined
        unit = match.group("unit")
        if any(_FIGURE_TYPES[kind][1].search(unit) for kind in _OTHER_MEASURES) or _COST_FALLS_ON.match(text, match.end()):
            continue
        uncommon = _rare_enough_for_a_currency(unit, costed=True)
        names = match.group("names").split()
        if names and not (match.group("scale") or uncommon or is_nationality(names[-1])) and "cost" in lemmas(before[costing[-1]].text):
            continue  # "would cost 1,800 Vexmoor jobs": whose jobs, not which currency
        if match.group("scale") or names or uncommon:
            return True
    return False


# Auxiliaries a verb follows in its base form: "when did the bridge reopen?", "how much will fees rise?".
_BASE_FORM_AUXILIARIES = frozenset("did does do will would can could should shall may might must".split())
_BEFORE_A_BASE_VERB = _BASE_FORM_AUXILIARIES
# How many words before the verb its auxiliary may stand: "did prices increase", "will tuition fees rise".
_AUXILIARY_REACH = 3
_BY_HOW_MUCH = re.compile(r"\bby how much\b", re.IGNORECASE)




def _fines_whom(words: list[Token]) -> bool:
    """The last word is "fined" (or "fines") in the active voice, whose object is who was fined, not the amount."""
    verb = words[-1]
    active = len(words) < 2 or words[-2].lower not in BE_FORMS  # "the skippers were fined 410,000 marks"
    return verb.lower in ("fined", "fines", "fine") and active


def _its_particle_follows(verbs: set[str], words: list[Token], index: int) -> bool:
    """A verb of change that needs a particle (`CHANGE_PARTICLES`: "gone up") has it right after it."""
    needed = [CHANGE_PARTICLES[verb] for verb in verbs if verb in CHANGE_PARTICLES]
    if not needed or len(needed) < len(verbs):
        return True
    return index + 1 < len(words) and any(words[index + 1].lower in particles for particles in needed)


def asks_a_change(question: str) -> bool:
    """"By how much are fees rising?", "how much have costs gone up?": the question asks how much something changed,
    which a share answers as well as an amount: "by how much", or a verb of change (`CHANGE_VERBS`, by lemma) as a
    verb: inflected ("rising", "risen", "fell"; not a plural in "-s") or within `_AUXILIARY_REACH` words after an
    auxiliary ("will fees rise", "did prices increase").
    "How much would phasing in the fee rise cost?" asks a cost: "rise" there is a noun."""
    if _BY_HOW_MUCH.search(question):
        return True
    words = tokens(question)
    for index, word in enumerate(words):
        verbs = lemmas(word.text) & CHANGE_VERBS
        if not verbs or (index > 0 and words[index - 1].lower in _DETERMINERS) or not _its_particle_follows(verbs, words, index):
            continue  # "how much did the cut cost?": a noun; "how much to go there?": no change
        inflected = word.lower not in CHANGE_VERBS and not word.lower.endswith("s")
        if inflected or any(w.lower in _BEFORE_A_BASE_VERB for w in words[max(0, index - _AUXILIARY_REACH):index]):
            return True
    return False


def in_a_currency_of_its_own(text: str) -> bool:
    """A figure followed by a rare word that `CURRENCY_WORDS` does not list: a country's own currency ("cost 6.3
    million drammels"), which answers "how much did it cost?" as crowns or euros would."""
    return any(not m.group("names") and _rare_enough_for_a_currency(m.group("unit"), costed=False)
               for m in _FIGURE_AND_UNIT.finditer(text))


def gives_the_answer(question: Question, text: str, claimant: str | None) -> bool:
    """The sentence itself says what is asked, beyond passing the type check: a "why" (or "what caused ...?",
    `CAUSE_QUESTION_PATTERN`) a reason whose clause is not the question restated, a "who" or "where" a name the question does not hold (a claimant or a
    role passes `type_met` for "who organised it?", but a named one is the fuller answer), a "when" a date
    beside the question's event (`dates_what_is_asked`)."""
    if question.kind == "reason" or (question.kind == "other" and _ASKS_A_CAUSE.search(question.text)):
        # Round 16 (`recall16`): "What caused ...?", "What sparked ...?" ask a reason as "why" does.
        return states_a_new_reason(question, text) or names_the_cause(question, text)
    if question.kind in ("place", "agent"):
        return bool(new_names(text, question) or (claimant and new_names(claimant, question)))
    if question.kind == "date":
        return dates_what_is_asked(question, text)
    return True


# How many words from the role or verb asked a name may stand and still be the one asked: "its chief executive,
# Ann Roe", "Ann Roe, who leads the group", "is coached by a former Olympian, Ann Roe".
_NAME_REACH = 5
# How many words after "who" or "which" the role or verb asked may stand, past auxiliaries: "who has since criticised".
_ASKED_WORD_REACH = 4


def asked_name_words(question: Question) -> list[str]:
    """The role or verb a question asking for a name asks it by: "executive" of "who is the chief executive of X?",
    "judge" and "ruled" of "which judge ruled ...?", "leads" of "who leads the opposition group?" (the first word
    after "who", the first two after "which", past auxiliaries and names); empty for other questions, or when no
    such word is found."""
    if not (question.kind == "agent" or asks_a_name(question) or asks_which_name(question.text)):
        return []
    role = _asked_role(question.text)
    head = _asked_head(question.text)
    # "Who is investigating the contract?": a verb, not a role ("contract").
    if head is not None and role is not None and not role.group("role").split()[0].endswith("ing"):
        return [head]
    words = tokens(question.text)
    for index, word in enumerate(words):
        if word.lower not in ("who", "which"):
            continue
        following = [w for w in words[index + 1:index + 1 + _ASKED_WORD_REACH]
                     if w.lower not in STOPWORDS and not w.text[0].isupper()]  # STOPWORDS holds the auxiliaries
        # "which judge heard ...": the noun, then the verb; "who leads the group?": the verb alone.
        return [w.lower for w in following[:2 if word.lower == "which" else 1]]
    return []


def names_what_is_asked(question: Question, text: str) -> bool:
    """A name the question does not hold stands within `_NAME_REACH` words of the role or verb it asks the name by
    (`asked_name_words`: the same word, lemma or stem, or a WordNet link: "leads" / "leader"): "who runs the
    residents' group?" is answered by "the group is led by a retired teacher, Ann Roe", not by the lead sentence
    that names the judge. True where the question asks no name by such a word."""
    asked = asked_name_words(question)
    if not asked:
        return True
    names = set(new_names(text, question))
    words = tokens(without_datelines(text))
    named = [i for i, w in enumerate(words) if w.text in names]
    said = [i for i, w in enumerate(words) if any(_says_asked_word(a, w.text) for a in asked)]
    return any(abs(i - j) <= _NAME_REACH for i in named for j in said)


def asks_in_place(question: Question) -> bool:
    """The question asks for what a sentence can say beside the words that ask it (`answers_in_place`): a name by a
    role or verb, a date, a reason."""
    return bool(asked_name_words(question)) or question.kind in ("date", "reason")


def answers_in_place(question: Question, text: str) -> bool:
    """The sentence says what is asked where it says what the question asks about: a name beside the role or verb
    asked (`names_what_is_asked`), a date beside the question's event (`dates_what_is_asked`), a reason that is not
    the question restated (`states_a_new_reason`). True for other questions."""
    if asked_name_words(question):
        return names_what_is_asked(question, text)
    if question.kind == "date":
        return dates_what_is_asked(question, text)
    if question.kind == "reason":
        return states_a_new_reason(question, text)
    return True


def _says_asked_word(asked: str, word: str) -> bool:
    return same_word(asked, word) or relation(asked, word.lower()) in LINKS


# How many words from a word of the question a date may stand and still be its date: "closed on Friday",
# "will make its final decision in March".
_DATE_REACH = 6


def dates_what_is_asked(question: Question, text: str) -> bool:
    """A date in the sentence stands within `_DATE_REACH` words of one of the question's own common words (its
    event): "when did the ferry capsize?" is answered by "the ferry capsized on Monday evening", not by "the
    governor on Thursday raised the toll" of the same article. Every common word counts, however unspecific: the
    event is often a light verb ("will make its final decision in March"). Lexical (the same word or lemma) only."""
    words = tokens(without_datelines(text))
    asked = [t for t in question.terms if not t.word[0].isupper() and t.word.lower() not in CALENDAR_WORDS]
    if not asked:
        return True
    dated = [i for i, w in enumerate(words) if is_calendar_word(w) or YEAR.fullmatch(w.text)]
    about = [i for i, w in enumerate(words) if any(same_word(t.word, w.text) for t in asked)]
    return any(abs(i - j) <= _DATE_REACH for i in dated for j in about)


# The auxiliary after a "when" that the event's verb follows as a participle ("when was the bridge built?"); the
# others it follows in its base form (`_BASE_FORM_AUXILIARIES`).
_PARTICIPLE_AUXILIARIES = frozenset("was were is are has have had".split())
_DETERMINERS = frozenset("the a an its their his her our your this that these those".split())


def asked_event_verb(question: Question) -> str | None:
    """The verb naming the event a date question asks about ("when was the bridge built?" -> "built", "when will the
    authority rule on the deal?" -> "rule"), or None when it is light ("happen", "take place", "start", `LIGHT_VERBS`),
    a verb of saying or making known ("when was it announced?", "when did the bureau release the figure?": the date
    of saying is the answer; `ATTRIBUTION_VERBS`, `EMBEDDING_VERBS`), or not found."""
    if question.kind != "date":
        return None
    words = tokens(question.text)
    lowered = [w.lower for w in words]
    aux = next((i for i, w in enumerate(lowered[:6]) if w in _BASE_FORM_AUXILIARIES | _PARTICIPLE_AUXILIARIES), None)
    if aux is None or not any(w in ("when", "date", "day", "year", "month") for w in lowered[:aux]):
        return None
    be = next((i for i in range(aux + 2, len(lowered)) if lowered[i] in ("be", "been")), None)
    if be is None and lowered[aux] in _BASE_FORM_AUXILIARIES:
        verb = _base_form_verb(words, aux)
    else:  # "when was the bridge built?", "when will the postponed match be played?" (not the "postponed" before it)
        start = be + 1 if be is not None and lowered[aux] in _BASE_FORM_AUXILIARIES else aux + 2
        verb = next((words[i].lower for i in range(start, len(words)) if not words[i].text[0].isupper()
                     and lowered[i - 1] not in _DETERMINERS and participle_lemma(words[i].text)), None)
    if verb is None:
        return None
    said = lemmas(verb) | {participle_lemma(verb) or verb}
    if said & (LIGHT_VERBS | EMBEDDING_VERBS) or any(same_lemma(verb, other) for other in ATTRIBUTION_VERBS):
        return None
    return verb


def _base_form_verb(words: list[Token], aux: int) -> str | None:
    """After "did" / "will" and a subject, the base-form verb: a word that may be a verb in that form, not after a
    determiner nor capitalised. One that can only be a verb, or a light one, comes first ("did the research ship
    come across", "did the storm take place"); else the first one before a function word, a word that is no noun,
    or the end ("will the authority rule on the deal?" -> "rule", not the object "deal")."""
    lowered = [w.lower for w in words]
    verbs = [j for j in range(aux + 2, len(lowered)) if lowered[j - 1] not in _DETERMINERS
             and (lowered[j] not in STOPWORDS or lowered[j] in LIGHT_VERBS)
             and not words[j].text[0].isupper() and is_base_verb(lowered[j])]
    plain = next((lowered[j] for j in verbs if only_a_verb(lowered[j]) or lemmas(lowered[j]) & LIGHT_VERBS), None)
    if plain is not None:
        return plain
    return next((lowered[j] for j in verbs if j + 1 == len(lowered) or lowered[j + 1] in STOPWORDS
                 or not (is_a_noun(lowered[j + 1]) or is_base_verb(lowered[j + 1]))), None)


def states_a_caveat(text: str) -> bool:
    """The sentence says a figure was not verified ("The numbers could not be independently verified")."""
    lowered = text.lower()
    return any(caveat in lowered for caveat in CAVEATS)
