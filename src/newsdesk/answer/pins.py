"""What a candidate sentence must meet whatever its score: the names, numbers, months, periods, qualifiers,
claimant, event and counted noun the question pins down (`PIN_CHECKS`). Each check says why not, or None."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple
from functools import lru_cache


from newsdesk.claims.extraction import EVENTS
from newsdesk.answer.answer_types import asked_event_verb, gives_a_date_asked, gives_a_figure, says_not_known
from newsdesk.answer.questions import Question, Term, asks_which_name, entity_met
from newsdesk.text import (
    PERIOD_IN_WORDS,
    YEAR,
    Token,
    capitalised_runs,
    in_a_date,
    is_a_noun,
    is_plural_noun,
    looks_forward,
    names_a_thing,
    numbers,
    only_a_verb,
    participle_lemma,
    same_lemma,
    same_word,
    specificity,
    stem,
    stems_match,
    tokens,
    without_datelines,
)
from newsdesk.vocabulary import (
    CALENDAR_WORDS,
    COLLECTIVE_NOUNS,
    CONTRAST_SETS,
    DEFINITE_DETERMINERS,
    FIGURE_TYPES,
    HEDGES,
    HONORIFICS,
    LOOKING_BACK_WORDS,
    MONTHS,
    MULTIPLIERS,
    NUMBER_WORDS,
    PEOPLE_GROUPS,
    PERIOD_ASKED_WORDS,
    PERIOD_EDGE_WORDS,
    PERSON_NOUNS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    REFERRING_WORDS,
    ROLE_WORDS,
    SELECTING_QUALIFIERS,
    STOPWORDS,
    SUBJECT_PRONOUNS,
    TOLL_WORDS,
    is_nationality,
)

from newsdesk.answer.candidates import Candidate
from newsdesk.answer.sources import described_as
from newsdesk.answer.term_matching import TermMatcher, contrasting

_HYPOTHETICAL = re.compile(r"\W*(if|unless|should)\b", re.IGNORECASE)


def _is_toll_event(term: Term) -> bool:
    """What happened to the counted is a pin only for the events tolls count (killed, injured, evacuated, ...);
    another verb ("watched", "released") is weighed by the judge (``event_met``)."""
    return term.word.lower() in EVENTS


def _event_met(term: Term, text: str, matcher: TermMatcher) -> bool:
    """The sentence says the event: the word or a synonym, or another word for the same kind of toll ("died", "killed")."""
    if matcher.credit(term, text) >= 0.5:
        return True
    kind = EVENTS.get(term.word.lower())
    return kind is not None and any(EVENTS.get(w.lower) == kind for w in tokens(text))


def contrasted_term(question: Question, text: str) -> str | None:
    """The sentence says another member of a closed class the question names, and not the one asked:
    "the rate among women" against "the rate among men", "in March" against "in February". A member that
    opens a compound ("the three-party coalition") is contradicted only by another in the same compound
    ("the two-party coalition"), not by the member alone ("a majority of just six")."""
    said = tokens(text)
    words = {w.lower for w in said}
    for token in tokens(question.text):
        asked = token.lower
        if not any(asked in members for members in CONTRAST_SETS) or asked in words or any(same_lemma(asked, w) for w in words):
            continue
        head = _compound_head(question.text, token)
        others = words if head is None else {
            w.lower for w in said if (own := _compound_head(text, w)) is not None and same_lemma(own, head)
        }
        other = next((w for w in others if contrasting(asked, w)), None)
        if other is not None:
            return f"says {other}, not {asked}"
    return None


def _compound_head(text: str, word: Token) -> str | None:
    """The word ``word`` is hyphenated to ("party" of "three-party"), or None."""
    after = re.match(r"-([A-Za-z]+)", text[word.end:])
    return after.group(1).lower() if after else None


def nationality_contrasted(question: Question, text: str) -> str | None:
    """The question counts one nationality's people or things and the sentence another's: "Russian soldiers"
    asked, "2,870 Ukrainian soldiers" said (and "Russian soldiers" nowhere in the sentence). A follow-up that
    names no nationality of its own asks about the one of the question it follows."""
    said = tokens(text)
    for nationality, noun in _nationality_pairs(question.text, question.query):
        # The few words before each mention of the noun: "40 Norwegian and 12 Danish sailors" names both.
        before = [said[max(0, i - 5):i] for i, word in enumerate(said) if same_lemma(word.lower, noun)]
        if any(w.lower == nationality for words in before for w in words):
            continue
        other = next((words[-1].text for words in before if words and is_nationality(words[-1].text)), None)
        if other is not None:
            return f"says {other} {noun}, not {nationality.capitalize()} {noun}"
    return None


@lru_cache(maxsize=256)
def _nationality_pairs(text: str, query: str) -> frozenset[tuple[str, str]]:
    """The (nationality, noun) pairs a question asks about ("russian", "soldiers"): once per question, not per
    candidate sentence. A follow-up naming no nationality of its own reads the query it was resolved into."""
    asked = tokens(text if any(is_nationality(w.text) for w in tokens(text)) else query)
    return frozenset((a.lower, b.lower) for a, b in zip(asked, asked[1:]) if is_nationality(a.text) and b.text.islower())


def group_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """The question picks a group of people (`PEOPLE_GROUPS`: "among women", "how many of the dead were children",
    "the men's record") that neither the sentence nor its context names, by the word, its lemma or a synonym: a
    figure for everyone, or a sentence about something else, does not answer for the group."""
    groups = [(token, asked) for token in tokens(question.text)
              if any((asked := _without_possessive(token.lower)) in group for group in PEOPLE_GROUPS)]
    if not groups:  # most questions name no group: the context is not read
        return None
    said = [_without_possessive(w.lower) for w in tokens(candidate.context)]
    for token, asked in groups:
        if any(asked == w or same_lemma(asked, w) for w in said):
            continue
        term = next((t for t in question.terms if t.word.lower() == token.lower), None)
        if term is None or not matcher.meets(term, candidate.context):
            return f"does not say {asked}"
    return None


def _without_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def qualifier_unmet(question: Question, text: str) -> str | None:
    """The question picks one value of several ("the previous record", "the runner-up's time", "in total"),
    and the sentence does not say that qualifier. A capitalised word past the question's first is part of a name
    ("the Hallin Peak avalanche"), no qualifier (round 16, `refuse16`)."""
    words = [w.lower for w in tokens(text)]
    for index, token in enumerate(tokens(question.text)):
        asked = token.lower
        if index > 0 and not token.text.islower():
            continue
        if asked in SELECTING_QUALIFIERS and not any(asked == w or same_lemma(asked, w) for w in words):
            return f"does not say {asked}"
    return None


def named_earlier(question: Question, entity: tuple[str, ...], candidate: Candidate) -> bool:
    """"The Elm Road library" in the question, "the library" in the sentence, and the passage says "Elm Road
    library" and names no other library ("the Park Lane library"): the sentence speaks of the thing named, by
    its head noun (the name's next word in the question, when the question puts a determiner before the name)."""
    head = _noun_after(question.text, entity)
    if head is None or not _only_one_named(entity, head, candidate.passage):
        return False
    said = [w.lower for w in tokens(candidate.text)]
    return any(said[i] in DEFINITE_DETERMINERS and same_lemma(said[i + 1], head) for i in range(len(said) - 1))


def _only_one_named(entity: tuple[str, ...], head: str, passage: str) -> bool:
    """``passage`` says the name directly before ``head`` ("Elm Road library"), and no other capitalised word
    stands before ``head`` ("Park Lane library")."""
    words = tokens(passage)
    own = [stem(word) for word in entity]
    named = False
    for index, word in enumerate(words):
        if index == 0 or not same_lemma(word.text, head):
            continue
        before = words[max(0, index - len(entity)):index]
        if len(before) == len(entity) and all(stems_match(stem(w.text), o) for w, o in zip(before, own, strict=True)):
            named = True
        elif words[index - 1].text[0].isupper() and words[index - 1].lower not in STOPWORDS:
            return False
    return named


# Words that end a run of capitalised words where a name is wanted: function words and dates.
_NAME_BREAKS = STOPWORDS | CALENDAR_WORDS

# A pronoun this near the start of a sentence is its subject ("At noon she left", "His party won").
_SUBJECT_REACH = 3


def referred_to(entity: tuple[str, ...], candidate: Candidate) -> bool:
    """"At noon she left the court": a person the passage named before this sentence, no other person named
    since, and a personal pronoun as the sentence's subject. A one-word name counts as a person only with a
    role, title or first name before it in the passage ("Mayor Roe"): "its chief executive said in his
    statement" is not about a firm the passage named."""
    pronoun = _subject_pronoun(candidate.text)
    if pronoun is None:
        return False
    mention = _last_mention(entity, candidate.before)
    if mention is None or not (len(entity) > 1 or _a_person(entity, candidate.passage)):
        return False
    between = f"{candidate.before[mention.end:]} {candidate.text[:pronoun.start]}"
    return not _names_a_person(between, entity)


def _last_mention(entity: tuple[str, ...], text: str) -> Token | None:
    """The last word of ``text`` that is the name's last word ("Roe" of "Ann Roe"), when ``text`` meets the name."""
    if not text or not entity_met(entity, text):
        return None
    last = stem(entity[-1])
    return next((w for w in reversed(tokens(text)) if stems_match(stem(w.text), last)), None)


# A quotation the sentence opens with, and the pronoun saying who said it: '"We will appeal," she said'.
_AFTER_A_QUOTE = re.compile(r"^\W*[\"“].*?[,.!?][\"”]\s+(?=(?:he|she)\b)", re.IGNORECASE)


def _subject_pronoun(text: str) -> Token | None:
    """"he"/"she"/"his"/"her" as the sentence's subject: among its first words, or right after the quotation
    it opens with ('"We will appeal," she said')."""
    words = tokens(text)
    opening = words[:_SUBJECT_REACH]
    quoted = _AFTER_A_QUOTE.match(text)
    if quoted:
        opening = opening + [w for w in words if w.start == quoted.end()]
    return next((w for w in opening if w.lower in SUBJECT_PRONOUNS), None)


def _a_person(entity: tuple[str, ...], passage: str) -> bool:
    """A one-word name is a person's when the passage puts a role, a title or a first name just before it
    ("Mayor Roe", "Dr Roe", "Ann Roe") or a personal pronoun just after it ("Roe himself", "Roe, for her
    part"), not only "its rival Vestbank"."""
    words = tokens(passage)
    name = stem(entity[-1])
    for index, word in enumerate(words):
        if not stems_match(stem(word.text), name):
            continue
        if any(w.lower in _PERSON_AFTER_NAME for w in words[index + 1:index + 1 + _SUBJECT_REACH]):
            return True
        before = words[index - 1] if index else None
        if before is None or before.lower in STOPWORDS or passage[before.end:word.start] != " ":
            continue
        if before.lower in ROLE_WORDS or before.lower in HONORIFICS or before.text[0].isupper():
            return True
    return False


_PERSON_AFTER_NAME = SUBJECT_PRONOUNS | {"himself", "herself"}


def _names_a_person(text: str, entity: tuple[str, ...]) -> bool:
    """``text`` names someone other than ``entity``: a run of two or more capitalised words ("Tom Bell") that
    shares no word with it. Then "he" after it may be that other person."""
    own = {stem(word) for word in entity}
    return any(len(run) >= 2 and not any(stem(w.text) in own for w in run) and not names_a_thing(run)
               for run in capitalised_runs(text, _NAME_BREAKS))


def _noun_after(question: str, entity: tuple[str, ...]) -> str | None:
    """The noun a name modifies in the question, after a determiner: "library" in "the Elm Road library's visits".
    Without a determiner the name is no modifier: "How much did Acme pay its staff?" has no head noun "pay"."""
    words = tokens(question)
    for index in range(1, len(words) - len(entity) + 1):
        if tuple(w.text for w in words[index:index + len(entity)]) != entity:
            continue
        if words[index - 1].lower not in DEFINITE_DETERMINERS:
            return None
        # The first noun among the next few words: "harbour board" gives "board", "K-9 test results" "results".
        for following in words[index + len(entity):index + len(entity) + 3]:
            if following.text[0].isupper() or following.lower in STOPWORDS:
                return None
            if not following.text[0].isdigit() and is_a_noun(following.text):
                return following.lower
    return None


def month_unmet(question: Question, candidate: Candidate) -> str | None:
    """"The rate in May": the sentence or its neighbours must say May outside a dateline, which gives the day the
    story was filed, not the month the figure is for."""
    context = None
    for month in asked_months(question):
        context = context if context is not None else {w.lower for w in tokens(without_datelines(candidate.context))}
        if month.lower not in context:
            return f"does not say {month.text} outside a dateline"
        if only_as_period_edge(question.text, lambda word: word.lower == month.lower, without_datelines(candidate.context)):
            return f"says {month.text} only as the start of a period"
    return None


# Words after which "May" is the month ("in May", "since May"); before a day or a year it is too ("May 3", "May 2024").
_BEFORE_A_MONTH = frozenset("in on of since by until till from last next early late mid".split())
_AMBIGUOUS_MONTHS = frozenset({"may"})


def asked_months(question: Question) -> list[Token]:
    """The months the question names in full: "in March", "on May 3". Not a word that only looks like one
    ("May residents appeal?", "Jan Kowalski", "June Carter", "Mar"): an abbreviation, a word of a longer name the
    question gives, or "May" where it is not after a word that takes a date nor before a day or year."""
    words = tokens(question.text)
    named = {word for entity in question.entities if len(entity) > 1 for word in entity}
    found = []
    for index, word in enumerate(words):
        if not word.text[0].isupper() or word.lower not in MONTHS[:12] or word.text in named:
            continue
        if word.lower in _AMBIGUOUS_MONTHS:
            before = words[index - 1].lower if index else ""
            after = words[index + 1].text if index + 1 < len(words) else ""
            if before not in _BEFORE_A_MONTH and not after.isdigit():
                continue
        found.append(word)
    return found


# The calendar periods a relative date counts in ("last year", "next season").
_PERIOD_NOUNS = "year|month|week|season|quarter"
_RELATIVE_PERIOD = re.compile(rf"\b(?:last|next|this|previous) (?:{_PERIOD_NOUNS})\b|\bbefore last\b", re.IGNORECASE)


def relative_period_unmet(asked: str, candidate: Candidate) -> str | None:
    """"Last year's budget", "next year", "the election before last": the sentence or its neighbours must
    say that period (a year in the sentence will do for a year); another period's figure is no answer."""
    context = candidate.context.lower()
    for match in _RELATIVE_PERIOD.finditer(asked):
        period = match.group(0).lower()
        if period in context or (period.endswith("year") and YEAR.search(candidate.text)):
            continue
        return f"does not say {period}"
    return None


# "The last repair", "the previous time they won": an occurrence that is over (not a period: "last year" is
# `_RELATIVE_PERIOD`'s), asked in the past tense.
_LAST_OCCURRENCE = re.compile(
    rf"\bthe (?:last|previous) (?!(?:{_PERIOD_NOUNS}|decade|century)s?\b)(?P<what>[a-z]+)", re.IGNORECASE
)
_ASKED_IN_THE_PAST = re.compile(r"\b(?:did|was|were|had)\b", re.IGNORECASE)
# A sentence that says when, or looks back, may give a past occurrence even beside "will".
_LOOKS_BACK = re.compile(r"\b(?:last|previous|previously|ago|earlier|before|in the past)\b", re.IGNORECASE)


def last_occurrence_unmet(question: Question, candidate: Candidate) -> str | None:
    """"How much did the last repair cost?" against "The repairs will cost 6.3 million": a sentence that speaks
    only of what is to come (a future cue, no year, no word that looks back) gives the next occurrence, not the
    last one asked about."""
    asked = _LAST_OCCURRENCE.search(question.text)
    if asked is None or asked.group("what").lower() in CALENDAR_WORDS or not _ASKED_IN_THE_PAST.search(question.text):
        return None
    text = candidate.text
    if looks_forward(text) and not YEAR.search(text) and not _LOOKS_BACK.search(text):
        return f"speaks of the next {asked.group('what')}, not the last"
    return None


def _name_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """A name the question gives is not met by the context, by the thing it names, by a pronoun for it, by
    the passage before a sentence that refers back and names nothing else (`named_before`), nor by the article's
    lead (`named_in_lead`)."""
    for entity in question.entities:
        if not (_met_in_context(question, entity, candidate) or named_earlier(question, entity, candidate)
                or referred_to(entity, candidate) or named_before(question, entity, candidate)
                or named_in_lead(question, entity, candidate)):
            return f"does not mention {' '.join(entity)}"
    return None


def _met_in_context(question: Question, entity: tuple[str, ...], candidate: Candidate) -> bool:
    """The name is met by the sentence's context (`Candidate.context`), unless only a neighbouring sentence says it
    while the sentence itself names something else and points back at nothing (`only_beside_another`)."""
    return entity_met(entity, candidate.context) and not only_beside_another(question, entity, candidate)


def only_beside_another(question: Question, entity: tuple[str, ...], candidate: Candidate) -> bool:
    """"How many jobs will Thornbury Foods cut?" against "Rival Kemble Dairies said the plan would cost 80 jobs at
    the Ellerby site." after a sentence about Thornbury Foods: the name asked stands only in a neighbouring sentence
    (not in the sentence, its claimant, its relay nor the headline), and the sentence names something the question
    does not (`names_another`) and points back at nothing (`points_back`): it tells of that other thing, a
    neighbouring slot of the story, not of the one asked (round 15, `refuse15`). Not for a question that asks for a
    name ("Who was jailed over the Ormsby bribes?", "which firm ..."): the other name may be the answer."""
    if asks_for_a_name(question):
        return False
    own = "\n".join([candidate.text, candidate.claimant or "", candidate.relay or "",
                     str(candidate.metadata.get("title") or "")])
    if entity_met(entity, own) or _names_a_part(entity, candidate.text) or not names_another(question, candidate.text):
        return False
    return not points_back(question, candidate.text)


def asks_for_a_name(question: Question) -> bool:
    """"Who ...?" (an agent) or "which striker/bank/prison ...?" (`asks_which_name`): a name answers it."""
    return question.kind == "agent" or asks_which_name(question.text)


def _names_a_part(entity: tuple[str, ...], text: str) -> bool:
    """The sentence calls the name by a capitalised part of it: "Rovers captain X" after "Oxlade Rovers"."""
    parts = {stem(word) for word in entity}
    return any(word.text[0].isupper() and stem(word.text) in parts for word in tokens(text))


# Pronouns by which a sentence speaks of what an earlier one named: "he said", "closing it", "there". Not "that",
# mostly a conjunction or relative in news prose ("said that", "a disease that"): with it the rule gained 10 develop
# cases and lost 2 on the cases it touches, without it 14 and 3 (round 15).
_POINTING_PRONOUNS = REFERRING_WORDS - POSSESSIVE_DETERMINERS - {"that"}


def points_back(question: Question, text: str) -> bool:
    """The sentence may speak of something named before it: a pronoun ("he", "it", "there", "this"), or before the
    first name the question does not give, a possessive determiner ("Its mayor, X, said") or a definite noun in the
    possessive ("The company's chief executive, X, said"); a possessive after that name is its own ("The Wexcombe Lane
    branch will close because its building ...")."""
    words = tokens(text)
    other = next((run[0].start for run in _other_names(question, text)), len(text))
    return any(w.lower in _POINTING_PRONOUNS for w in words) or any(
        w.start < other and (w.lower in POSSESSIVE_DETERMINERS or _definite_possessive(words, index))
        for index, w in enumerate(words))


def _definite_possessive(words: list[Token], index: int) -> bool:
    """``words[index]`` is a common noun in the possessive after a definite determiner: "the company's"."""
    word = words[index]
    return (index > 0 and words[index - 1].lower in DEFINITE_DETERMINERS and word.text[0].islower()
            and word.lower.endswith(("'s", "’s")))


def _other_names(question: Question, text: str) -> list[list[Token]]:
    """The runs of capitalised words of ``text`` that share no word with the question's names, but for the sentence's
    opening word alone ("Rival", "Doctors"): what `names_another` counts."""
    own = {stem(word) for entity in question.entities for word in entity}
    first = tokens(text)[:1]
    return [run for run in capitalised_runs(text, _NAME_BREAKS)
            if not any(stem(w.text) in own for w in run) and not (len(run) == 1 and run[0] in first)]


def named_in_lead(question: Question, entity: tuple[str, ...], candidate: Candidate) -> bool:
    """"How much did the Holmwick recount cost?" against "The recount cost 41,000 crowns", paragraphs after a lead
    that says "A full recount in the Holmwick council by-election ..."; "Who is Vellandor's transport minister?"
    against "The transport minister, ..." in a story datelined "ARDENBY, Vellandor". A story calls its subject by a
    noun alone once its lead has named it: the name is met when the article's lead (`Candidate.lead`) names it and the
    sentence says the noun the name modifies in the question (`_head_noun`) after a definite determiner, with no
    other name right before that noun in the sentence ("the Sorrelford recount"); or when the lead's dateline names
    the place (`datelined_at`) and the sentence names nothing the question does not (`names_another`)."""
    if not candidate.lead or any(word.lower() in CALENDAR_WORDS for word in entity):
        return False
    if datelined_at(entity, candidate.lead) and not names_another(question, candidate.text):
        return True
    head = _head_noun(question.text, entity)
    if head is None or not entity_met(entity, candidate.lead):
        return False
    said = tokens(candidate.text)
    definite = any(said[i].lower in DEFINITE_DETERMINERS and same_lemma(said[i + 1].text, head) for i in range(len(said) - 1))
    named_other = any(same_lemma(said[i].text, head) and said[i - 1].text[0].isupper()
                      and said[i - 1].lower not in STOPWORDS for i in range(1, len(said)))
    return definite and not named_other


# A lead's dateline: the place in capitals (and, after a comma or bracket, date or country, outlet) before the dash
# that opens the story, "HENNICK, Feb 22 -", "ARDENBY, Vellandor (DSW) -"; not an acronym opening a sentence ("NHS
# waiting lists in Wales grew ... - the highest").
_LEAD_DATELINE = re.compile(r"^\s*([A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*\b(?:\s*[,(][^—–\n]{0,60}?)?)\s+[—–-]+\s+")


def datelined_at(entity: tuple[str, ...], lead: str) -> bool:
    """The lead's dateline names the place: the story happened there, so each of its sentences is about it
    ("How many fans were arrested after the Hennick derby?" against "Police said four people were arrested ... after
    the match" in a story datelined "HENNICK, Feb 22 -")."""
    match = _LEAD_DATELINE.match(lead)
    return bool(match) and entity_met(entity, match.group(1))


def _head_noun(question: str, entity: tuple[str, ...]) -> str | None:
    """The noun a name modifies in the question: after a determiner ("the Elm Road library", `_noun_after`) or as a
    possessive ("Vellandor's transport minister": "transport", the word "the" stands before in an article)."""
    if not entity[-1].endswith(("'s", "’s")):
        return _noun_after(question, entity)
    words = tokens(question)
    for index in range(len(words) - len(entity) + 1):
        if tuple(w.text for w in words[index:index + len(entity)]) != entity:
            continue
        following = words[index + len(entity)] if index + len(entity) < len(words) else None
        if following is None or following.text[0].isupper() or following.lower in STOPWORDS or following.text[0].isdigit():
            return None
        return following.lower if is_a_noun(following.text) else None
    return None


def named_before(question: Question, entity: tuple[str, ...], candidate: Candidate) -> bool:
    """"How many people heard Stenberg speak in Almby?": the passage said "she spoke in Almby" some sentences
    before '"We will not resign," she told a crowd of 3,000.' A name the passage gave before
    the sentence is met when the sentence refers back (a pronoun or "this", "that", "there": `REFERRING_WORDS`),
    names nothing the question does not, and nothing since names another thing after the word the question puts
    before the name ("in Karsby" where "in Almby" was asked). Months are left to the month pin."""
    if any(word.lower() in CALENDAR_WORDS for word in entity):
        return False
    if not any(word.lower in REFERRING_WORDS for word in tokens(candidate.text)):
        return False
    mention = _last_mention(entity, candidate.before)
    if mention is None or names_another(question, candidate.text):
        return False
    lead = _word_before(question.text, entity)
    return lead is None or not _named_after(lead, entity, f"{candidate.before[mention.end:]} {candidate.text}")


def names_another(question: Question, text: str) -> bool:
    """The sentence names something the question does not (a run of capitalised words other than its opening
    word alone, that shares no word with the question's names): then it may be about that, not the thing asked
    (`named_before`; a rival side that missed only the name pin, `dispute_answer.rival_in_article`)."""
    return bool(_other_names(question, text))


def _word_before(question: str, entity: tuple[str, ...]) -> str | None:
    """The preposition the question puts before a name ("in" of "the rally in Almby"): what says its kind."""
    words = tokens(question)
    for index in range(1, len(words) - len(entity) + 1):
        if tuple(w.text for w in words[index:index + len(entity)]) == entity:
            before = words[index - 1].lower
            return before if before in PREPOSITIONS else None
    return None


def _named_after(lead: str, entity: tuple[str, ...], text: str) -> bool:
    """``text`` names something other than ``entity`` after ``lead``: "in Karsby" where "in Almby" was asked."""
    own = {stem(word) for word in entity}
    words = tokens(text)
    return any(
        word.lower == lead and name.text[0].isupper() and name.lower not in STOPWORDS
        and name.lower not in CALENDAR_WORDS and stem(name.text) not in own
        for word, name in zip(words, words[1:])
    )


def _number_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """A number the question gives is not in the context (a year may be the article's own), or is a year the context
    says only as the edge of a period (`year_only_as_edge`)."""
    published_year = candidate.metadata.get("published", "")[:4]
    context_numbers = set(numbers(candidate.context))
    for value in question.numbers:
        if value not in context_numbers and not (value.is_integer() and str(int(value)) == published_year):
            return f"does not mention {value:g}"
        if year_only_as_edge(question.text, value, candidate.context):
            return f"says {value:g} only as the start of a period"
    return None


# How many words "since" may stand before the year it dates from: "since 2019", "since records began in 1990",
# "the highest since the 2016 election".
_SINCE_REACH = 4


def year_only_as_edge(question: str, value: float, context: str) -> bool:
    """"How many dockworkers joined the 2019 strike?" against "the first strike at the harbour since 2019. The union
    said 1,800 members had joined": the year asked is said only as where a period starts (`only_as_period_edge`)."""
    return value.is_integer() and only_as_period_edge(
        question, lambda word: bool(YEAR.fullmatch(word.text)) and float(word.text) == value, context)


def only_as_period_edge(question: str, asked: Callable[[Token], bool], context: str) -> bool:
    """Every time the context says the year or month asked (``asked``), it stands after "since" (`PERIOD_EDGE_WORDS`,
    within `_SINCE_REACH` words: "since 2019", "since records began in 1990", "since the start of May"), as where a
    period starts: the sentence's facts are of the period after it, not of that year or month. A question that itself
    says "since" or compares with it ("how much warmer than in 1994?") asks about the period (`PERIOD_ASKED_WORDS`)."""
    if any(w.lower in PERIOD_ASKED_WORDS for w in tokens(question)):
        return False
    words = tokens(context)
    at = [i for i, w in enumerate(words) if asked(w)]
    return bool(at) and all(
        any(w.lower in PERIOD_EDGE_WORDS for w in words[max(0, i - _SINCE_REACH):i]) for i in at)


def _month_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    return month_unmet(question, candidate)


def _contrast_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """The sentence gives another member of a closed class or another nationality than the one asked, or does not
    name the group of people asked (`group_unmet`)."""
    return (contrasted_term(question, candidate.text) or nationality_contrasted(question, candidate.text)
            or group_unmet(question, candidate, matcher))


def _qualifier_or_period_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    return (qualifier_unmet(question, candidate.text) or relative_period_unmet(question.text, candidate)
            or last_occurrence_unmet(question, candidate) or earlier_period_unmet(question.text, candidate))


# "Ten years ago", "the year before", "the last time they won": a time before the one the article reports, asked
# for (round 13, `refuse13`). "Before the flood" is not one: it asks what led up to the event the article reports.
# A period back is text's (`PERIOD_IN_WORDS`: "three days ago", "a couple of hours ago") or any word before a
# calendar period ("a year ago", "many years ago", "two seasons ago", "a decade ago").
_EARLIER_PERIOD = re.compile(
    rf"\b(?:(?:{PERIOD_IN_WORDS}|\w+ (?:{_PERIOD_NOUNS}|decade)s?)\s+ago|the (?:{_PERIOD_NOUNS}) before|the last time)\b",
    re.IGNORECASE,
)
# "up from 12,400", "from 3.8 percent in May", "from about 40": the figure a change started from, past any hedge
# (`HEDGES`; round 16, `clean16`: it spelt seven of them); "last year", "last time".
_FROM_A_FIGURE = re.compile(r"\bfrom (?:(?:" + "|".join(HEDGES) + r") )?[\d.,]*\d", re.IGNORECASE)
_LAST_PERIOD = re.compile(rf"\blast (?:{_PERIOD_NOUNS}|time)\b", re.IGNORECASE)


def tells_an_earlier_time(text: str, published: dt.date | None = None) -> bool:
    """The sentence tells a time before the one it reports: a word that looks back (`LOOKING_BACK_WORDS`: "a year
    earlier", "two years ago", "the previous record"; "last year"), the figure a change started from ("up from
    640,000"), or a year before the article's (any year, when its date is not known)."""
    if any(word.lower in LOOKING_BACK_WORDS for word in tokens(text)) or _FROM_A_FIGURE.search(text) \
            or _LAST_PERIOD.search(text):
        return True
    return any(published is None or int(year) < published.year for year in YEAR.findall(text))


def earlier_period_unmet(asked: str, candidate: Candidate) -> str | None:
    """"How many pupils did the school have ten years ago?" against "The school can hold 120": a question that asks
    for a time before the one the article reports ("ten years ago", "the year before", "the last time") is not
    answered by a sentence that tells only the present (`tells_an_earlier_time`: no word that looks back, no earlier
    year, no figure a change started from). A sentence that says the figure is not known is left to the answerer,
    which refuses citing it."""
    match = _EARLIER_PERIOD.search(asked)
    if match is None or says_not_known(candidate.text) or tells_an_earlier_time(candidate.text, candidate.published_day):
        return None
    return f"tells no time before the one it reports ({match.group(0).lower()} asked)"


def _claimant_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """"According to the police", "did the government say": a sentence another source is said to have said (it has
    a claimant of its own) must say the words naming the one asked, in itself, its claimant or its neighbours. A
    sentence whose source the article does not attribute is left to the judge: its source may be named in words the
    question does not use ("according to the company that makes it" for "Velmora said"). Pinning unattributed
    sentences too, as until round 10, refused more answerable questions on the writers written after the pin than
    it saved (docs/evaluation.md, round 10 `prune10`)."""
    if question.claimed_by and candidate.claimant and not names_a_figure(question.claimed_by) \
            and not _claimant_in_context(question.claimed_by, candidate):
        return f"is not said by the {' '.join(question.claimed_by)}"
    return None


# What "according to the first reports" names besides a figure word (`TOLL_WORDS`): the reports a figure came in.
_REPORT_WORDS = frozenset({"report", "announcement"})


def names_a_figure(claimed_by: tuple[str, ...]) -> bool:
    """"According to the first estimate", "according to the latest official count", "according to the first reports":
    what follows "according to" is which figure, not who gave it (its last word a figure word, `TOLL_WORDS`, or
    "reports"); no claimant is pinned (the qualifier and "latest" are read apart: `qualifier_unmet`, `asks_latest`)."""
    return any(same_lemma(claimed_by[-1], word) for word in TOLL_WORDS | _REPORT_WORDS)


def _figure_or_date_missing(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """A quantity or date question needs a figure or date, not under a condition ("if the dam fails, ..."); a
    sentence saying the figure or date was not given ("has not said how much it wants") is kept for the answerer,
    which refuses citing it."""
    if says_not_known(candidate.text):
        return None
    if question.kind in ("quantity", "date") and _HYPOTHETICAL.match(candidate.text):
        return "is hypothetical"
    if question.kind == "quantity" and not gives_a_figure(candidate.text):
        return "gives no figure"
    if question.kind == "date" and not gives_a_date_asked(question, candidate.text):
        return "gives no date"
    return None


def date_of_another_event(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """"When was the bridge built?" is not answered by "the bridge reopened on Wednesday": a date question whose event
    is a verb of its own (`asked_event_verb`) needs a sentence that says that verb, by lemma, WordNet link or a close
    word vector (`TermMatcher.meets`); the date such a sentence gives belongs to another event of the story."""
    verb = asked_event_verb(question)
    # Only a participle ("when was it built / founded / appointed?"): an active verb ("when did the river overflow?",
    # "when did the council pass its budget?") is told in the article's own words too often ("burst its banks",
    # "approved"); as a pin it lost more develop cases than it won (docs/evaluation.md, round 9 `when9`).
    if verb is None or participle_lemma(verb) is None or says_not_known(candidate.text):
        return None
    if matcher.meets(Term(verb, stem(verb), 1.0), candidate.text):
        return None
    return f"dates another event than '{verb}'"


def _event_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    for term in question.event:
        if _is_toll_event(term) and not _event_met(term, candidate.text, matcher):
            return f"does not say who was {term.word}"
    return None


def _focus_unmet(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """"How many chimneys": the sentence counts them, or says the word or a synonym (`TermMatcher.meets`: a lower
    credit, letting related words count, lost more answers than it saved on dev); a follow-up's counted noun may be
    inherited ("And how many in 2001?"), so there the neighbours may say it. Requiring the word beside one of the
    sentence's figures ("nurses at the clinic, which treats 1,200 patients, walked out") gained two dev3 cases and
    lost one of the held-out dev4 (round 7, branch `premise`)."""
    counted_in = candidate.context if question.follow_up or restates_a_figure(candidate.text) else candidate.text
    if question.focus and not matcher.counts(candidate.text) and not all(
        matcher.meets(t, counted_in) for t in question.focus
    ):
        return f"does not count {' '.join(t.word for t in question.focus)}"
    return None


def restates_a_figure(text: str) -> bool:
    """"The union said the real figure would be closer to 1,800": "the figure" (`TOLL_WORDS` after a definite
    determiner) stands for what the sentence before counted, so its neighbours may say the counted noun
    (conflicts8, round 8: a rival count is rarely written with the counted noun again)."""
    words = tokens(text)
    return any(w.lower in DEFINITE_DETERMINERS and any(n.lower in TOLL_WORDS for n in words[i + 1:i + 3])
               for i, w in enumerate(words))


def figure_of_another_thing(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """"How many houses lost their roofs?" against "Nine sheds were flattened when the storm tore roofs off
    houses": the sentence says the counted noun, but every figure in it names what it counts right after it
    (`counted_nouns`), and none of those is the noun asked (its word, a synonym, or close by word embedding).
    A figure whose counted noun stands elsewhere ("the toll rose to 12") leaves the question to the judge. Not a pin:
    such a sentence is no answer on its own (`answering`), but may be another source's side of a dispute."""
    if question.follow_up or says_not_known(candidate.text) or _SECOND_QUESTION.search(question.text):
        return None
    if not question.focus:
        return count_for_an_amount(question, candidate, matcher)
    counted = counted_nouns(candidate.text)
    if not counted or any(noun is None for noun in counted):
        return None
    counted_words = _counted_head(question.counted)
    asked = (*question.focus, *question.event, *(t for t in question.terms if t.word.lower() in counted_words))
    if any(matcher.meets(term, noun) for noun in counted for term in asked):
        return None
    # "48 boardings" for "how many boats did the coastguard board?": the figure counts what the question's verb does.
    if any(same_word(term.word, word.text) for noun in counted for word in tokens(noun) for term in question.common_terms):
        return None
    # "400 people" may be the islanders asked about, unless the sentence names those apart from the figure: "Nine
    # people were killed when the storm tore roofs off houses" does not count houses.
    said_apart = any(same_lemma(head, word.text) for head in counted_words if is_plural_noun(head)
                     for word in tokens(candidate.text))
    if not said_apart and any(_says_no_kind(noun) for noun in counted):
        return None
    return f"counts {', '.join(dict.fromkeys(noun for noun in counted if noun))}, not {' '.join(t.word for t in question.focus)}"


def counts_a_linked_noun(question: Question, candidate: Candidate, matcher: TermMatcher) -> bool:
    """A figure of the sentence counts a noun linked to the one the question counts: its word, lemma, a word WordNet
    links or a synonym (`TermMatcher.meets`), or both words for people (`_counts_people`: "1,150 workers" for "how many
    dockers", "640 of its employees" for "how many staff"). Not a pin: what a rival side of a count dispute may meet
    instead of the counted-noun pin (`dispute_answer.rival_in_article`)."""
    if not question.focus:
        return False
    heads = [noun.split()[-1] for noun in counted_nouns(candidate.text) if noun]
    return any(matcher.meets(term, head) or (_counts_people(term.word, matcher) and _a_people_word(head, matcher))
               for term in question.focus for head in heads)


# "How much rain", "how much did it cost": an amount (money, a measure, a share) is asked, not a count.
_ASKS_AN_AMOUNT = re.compile(r"\bhow much\b", re.IGNORECASE)
# Money or a share said by its words ("a fifth of the country's power", "2 million crowns"): an amount is given.
_AN_AMOUNT_IN_WORDS = re.compile("|".join(f"(?:{FIGURE_TYPES[kind][1]})" for kind in ("money", "share")), re.IGNORECASE)
# At or above this cosine to "people" (`TermMatcher.people_likeness`) a counted noun counts people or things like
# them ("fishermen" 0.38, "homes" 0.38, "visitors" 0.51), never a unit of measure or a currency (all below 0.35).
_PEOPLE_LIKE = 0.36
# At or above this cosine between the noun after "how much" and a counted noun, the count is that amount ("traffic"
# and "vehicles" 0.48, "cars" 0.49); "rain" and "people" 0.36, "money" and "people" 0.39.
_AMOUNT_OF_THE_COUNTED = 0.45


def count_for_an_amount(question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
    """"How much rain fell in Orsholm?" against "At least 14 people died ... in Orsholm": "how much" asks an amount,
    and a sentence whose every figure counts people (a people noun, or one whose vector lies near "people") gives
    none, unless the question's own words meet that noun ("how much did the population grow?": "by 3,100 people")."""
    if not _ASKS_AN_AMOUNT.search(question.text) or _AN_AMOUNT_IN_WORDS.search(candidate.text):
        return None
    counted = counted_nouns(candidate.text)
    if not counted or any(noun is None for noun in counted):
        return None
    heads = [noun.split()[-1] for noun in counted if noun]
    if not all(_counts_people(head, matcher) for head in heads):
        return None
    if any(matcher.meets(term, noun) for noun in counted if noun for term in question.terms):
        return None
    # "How much traffic": "11,000 vehicles" is that amount (cosine 0.48); "how much rain": "41 people" is not (0.36).
    amount = _amount_noun(question.text)
    if amount and any(matcher.word_cosine(amount, head) >= _AMOUNT_OF_THE_COUNTED for head in heads):
        return None
    # "How much did the population grow?": no noun follows "how much", and what grows is people, so people answer.
    if amount is None and any(_a_people_word(t.word, matcher) for t in question.terms):
        return None
    return f"counts {', '.join(dict.fromkeys(heads))}, not an amount"


def _amount_noun(question: str) -> str | None:
    """The noun right after "how much" ("rain" of "how much rain fell"), or None ("how much did it cost")."""
    match = _ASKS_AN_AMOUNT.search(question)
    following = tokens(question[match.end():])[:1] if match else []
    return following[0].lower if following and is_a_noun(following[0].text) and not only_a_verb(following[0].text) else None


def _counts_people(noun: str, matcher: TermMatcher) -> bool:
    """A counted noun that says people (`_a_people_word`) or one too common to say a kind ("people")."""
    return _a_people_word(noun, matcher) or _says_no_kind(noun)


# Words for people or a group of them (`_a_people_word`).
_PEOPLE_WORDS = PERSON_NOUNS | COLLECTIVE_NOUNS | frozenset().union(*PEOPLE_GROUPS)


def _a_people_word(word: str, matcher: TermMatcher) -> bool:
    """A word for people or a group of them, or one whose vector lies near "people" (`_PEOPLE_LIKE`)."""
    return any(same_lemma(word, known) for known in _PEOPLE_WORDS) or matcher.people_likeness(word) >= _PEOPLE_LIKE


# "How many votes did she get, and what was turnout?": the second question's sentence counts no votes.
_SECOND_QUESTION = re.compile(r"\band (?:what|how|when|who|where|which|why)\b", re.IGNORECASE)


def _counted_head(counted: str) -> set[str]:
    """The words of the question's counted phrase up to its first plural noun: "families" of "families use the
    well", "islanders" of "Almby islanders fish the bay" (the verb after it is no part of what is counted)."""
    head: set[str] = set()
    for word in tokens(counted):
        head.add(word.lower)
        if is_plural_noun(word.text):
            break
    return head


# Punctuation between two words that ends a figure's noun phrase.
_CLAUSE_MARK = re.compile(r"[,;:.()\[\]\"“”]")
# A clock-style time after a figure: "finishing in 2:11:05" counts time, not runners.
_CLOCK_TIME = re.compile(r":\d\d")


# Words skipped between a figure and the noun it counts after "of" ("three of its 20 shops", "four of the people").
_BEFORE_THE_COUNTED = frozenset({"of", "the", "those", "these"}) | POSSESSIVE_DETERMINERS
# Below this specificity (`newsdesk.text.specificity`) a counted noun says no kind: "9 people" may be the islanders,
# workers or residents asked about; such a figure counts them unless the sentence names them apart from it.
_GENERIC_NOUN = 0.5
# The word joining a measure or container to what it holds: "reports of patients", "bags of flour".
_MEASURE_OF = frozenset({"of"})
# How many words after a figure may hold the noun it counts ("4 nautical miles", "5 neighbouring units", "6,000 Russian
# soldiers"); also `dispute_answer`'s reach.
COUNTED_REACH = 3
# How many more words after a figure may still be part of it or lead to its noun ("hundred and forty", "of its 20").
_FIGURE_REST = 4


def counted_nouns(text: str) -> list[str | None]:
    """What each figure of ``text`` that is not part of a date counts, by the words right after it: "Nine
    sheds were flattened" gives "sheds", "2.6 billion crowns" "billion crowns", "three of its 20 shops" "shops";
    a figure followed by a verb ("and more than 200 injured", "112 needed care") counts what the figure before it
    counts; a figure with no noun after it ("rose to 12 on Wednesday") gives None."""
    words = tokens(text)
    found: list[str | None] = []
    previous: str | None = None
    for index, word in enumerate(words):
        if not _a_figure(word, text) or (index and _a_figure(words[index - 1], text)) or _a_modifier(word, text):
            continue
        if _CLOCK_TIME.match(text, word.end):
            previous = "time"
            found.append(previous)
            continue
        phrase = _counted_phrase(words[index + 1:index + 1 + COUNTED_REACH + _FIGURE_REST], text)
        if phrase:
            previous = phrase
            found.append(previous)
        elif _verb_follows(words, index):
            found.append(previous)
        else:
            found.append(None)
    return found


def _counted_phrase(following: list[Token], text: str) -> str | None:
    """The words after a figure up to the noun it counts, past the rest of the figure ("billion", "hundred and
    forty", "of its 20"), through adjectives and names ("63 Norvish trawlers", "5 neighbouring units"), ending
    at the first noun not followed by another ("nautical miles", not "shops early next"); None without a noun."""
    phrase: list[Token] = []
    partitive = bool(following) and following[0].lower == "of"
    for position, word in enumerate(following):
        if position and _CLAUSE_MARK.search(text[following[position - 1].end:word.start]):
            break  # "beat them 3-1, the league said": the figure's phrase ends at the comma
        rest_of_figure = word.lower in NUMBER_WORDS or word.text[0].isdigit() or (
            word.lower == "and" and position + 1 < len(following) and following[position + 1].lower in NUMBER_WORDS)
        if not phrase and (rest_of_figure or (partitive and word.lower in _BEFORE_THE_COUNTED)):
            continue
        if phrase and text[phrase[-1].end:word.start] == "-":  # "stop-and-search checks": one word
            continue
        if phrase and word.lower in _MEASURE_OF and is_a_noun(phrase[-1].text):
            continue  # "14 reports of patients", "20 bags of flour": what comes after "of" is counted too
        if word.lower in STOPWORDS or word.text[0].isdigit() or _verbal(word):
            break
        if phrase and is_a_noun(phrase[-1].text) and not is_a_noun(word.text):
            break
        phrase.append(word)
        # "400 people work in fishing": a plural noun ends the phrase ("work" is no second noun of it).
        of_follows = position + 1 < len(following) and following[position + 1].lower in _MEASURE_OF
        if len(phrase) == COUNTED_REACH or (
                (is_plural_noun(word.text) or specificity(word.text) < _GENERIC_NOUN) and not of_follows):
            break
    while phrase and not is_a_noun(phrase[-1].text):
        phrase.pop()
    return " ".join(w.lower for w in phrase) or None


def _says_no_kind(noun: str) -> bool:
    """A counted noun too common to say which people or things ("people"): `_GENERIC_NOUN`."""
    return specificity(noun.split()[-1]) < _GENERIC_NOUN


def _a_figure(word: Token, text: str) -> bool:
    """A number in digits or words that is no year nor day of a month."""
    if not (word.text[0].isdigit() or word.lower in NUMBER_WORDS) or word.lower in MULTIPLIERS:
        return False
    return not in_a_date(text, word.start, word.end)


def _a_modifier(word: Token, text: str) -> bool:
    """A figure joined to the word after it by a hyphen ("a three-day festival", "a five-year contract") says how
    long or large the thing is; it counts nothing."""
    if text[word.end:word.end + 1] != "-" or not text[word.end + 1:word.end + 2].isalpha():
        return False
    joined = tokens(text[word.end + 1:])[:1]
    return not (joined and joined[0].lower in NUMBER_WORDS)  # "thirty-one" is one figure


def _verb_follows(words: list[Token], index: int) -> bool:
    """The word after the figure is a verb or participle: the figure's noun is left out ("200 injured")."""
    return index + 1 < len(words) and _verbal(words[index + 1])


def _verbal(word: Token) -> bool:
    """A verb, or a participle the lexicon does not also know as a noun ("injured", not "red")."""
    return only_a_verb(word.text) or (word.lower.endswith("ed") and not is_a_noun(word.text))


# What a candidate must meet whatever its score, in order; each says why not, or None.
class Pin(NamedTuple):
    """One check of `PIN_CHECKS`: its kind (what a rejected candidate records) and the check."""

    kind: str
    check: Callable[[Question, Candidate, TermMatcher], str | None]


PIN_CHECKS: tuple[Pin, ...] = (
    Pin("name", _name_unmet),
    Pin("number", _number_unmet),
    Pin("month", _month_unmet),
    Pin("contrast", _contrast_unmet),
    Pin("qualifier or period", _qualifier_or_period_unmet),
    Pin("claimant", _claimant_unmet),
    Pin("figure or date", _figure_or_date_missing),
    Pin("event", _event_unmet),
    Pin("date's event", date_of_another_event),
    Pin("counted noun", _focus_unmet),
)


def first_unmet_pin(question: Question, candidate: Candidate, matcher: TermMatcher) -> tuple[str, str] | None:
    """(kind, why) of the first pin the candidate does not meet, in `PIN_CHECKS` order, or None."""
    return next(((pin.kind, reason) for pin in PIN_CHECKS if (reason := pin.check(question, candidate, matcher))), None)


def _claimant_in_context(words: tuple[str, ...], candidate: Candidate) -> bool:
    """Every word naming who the question says made the claim is in the sentence, its claimant or neighbours, or is
    a noun its article calls the claimant by ("the port operator" for "Korrin" after "the operator Korrin
    Terminals": `sources.described_as`)."""
    said = [stem(w.text) for w in tokens(candidate.context)] + [stem(noun) for noun in described_as(candidate)]
    return all(any(stems_match(stem(word), other) for other in said) for word in words)
