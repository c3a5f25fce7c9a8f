"""Composing an answer: chosen sentences in reading order, each naming its claimant, with weekdays resolved,
and a verbatim citation; over-long sentences cut to the clauses that answer."""

from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.answer.answers import Citation
from newsdesk.answer.answer_types import (
    gives_a_date_asked,
    gives_the_answer,
    kinds_asked,
    located_names,
    type_met,
)
from newsdesk.answer.candidates import Candidate
from newsdesk.answer.questions import Question
from newsdesk.answer.sources import introduced_as, named_in, speaks_for
from newsdesk.answer.verification import MARKER
from newsdesk.claims.attribution import claimant_identity, claimant_label
from newsdesk.text import capitalised_runs, dateline_end, long_date, resolve_weekdays, stem, tokens
from newsdesk.vocabulary import ATTRIBUTION_VERBS, CALENDAR_WORDS, CLAIMANT_PRONOUNS, DETERMINERS, STOPWORDS

_CLAUSE_BREAK = re.compile(r"[,;:]\s+")


def in_reading_order(chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` article by article, in the order each article was first chosen, each in its reading order."""
    rank = {}
    for candidate in chosen:
        rank.setdefault(candidate.metadata["doc_id"], len(rank))
    return sorted(chosen, key=lambda c: (rank[c.metadata["doc_id"]], c.start))


def compose(chosen: list[Candidate], question: Question, limit: int) -> tuple[str, list[Citation]]:
    """Sentences in reading order, each naming its claimant and carrying its citation. Articles keep the order
    in which they were chosen: the best sentence's article leads, and a sentence of another article that only
    filled the room left comes after it, not before it by the accident of its document id."""
    chosen = in_reading_order(chosen)
    parts = []
    citations = []
    for n, candidate in enumerate(chosen, start=1):
        start, end = _fit(candidate, question, limit)
        quote = candidate.text[start - candidate.start:end - candidate.start]
        who = fullest_claimant(candidate)
        parts.append(f"{_with_claimant(_with_dates(quote, candidate), candidate, who)} [{n}]")
        citations.append(
            Citation(
                n=n,
                doc_id=candidate.metadata["doc_id"],
                title=candidate.metadata.get("title", ""),
                outlet=candidate.metadata.get("outlet", ""),
                published=candidate.metadata.get("published", ""),
                quote=quote,
                start=start,
                end=end,
                claimant=who,
                relay=candidate.relay,
            )
        )
    return " ".join(parts), citations


def answer_length(chosen: list[Candidate], question: Question, limit: int) -> int:
    """How long the answer composed of ``chosen`` reads, without its citation markers: with the claimants and
    resolved dates that `compose` adds, which the sentences' own lengths leave out."""
    text, _ = compose(chosen, question, limit)
    return len(MARKER.sub("", text))


def fullest_claimant(candidate: Candidate) -> str | None:
    """The claimant as fully as its passage introduces it: a person with whom they speak for ("Yannick Rell, a
    spokesman for the Coastal Authority", `sources.introduced_as`), else as attribution named it."""
    if not candidate.claimant:
        return None
    introduced = introduced_as(candidate)
    body = speaks_for(introduced) if introduced != candidate.claimant else None
    if body is not None and not any(w.lower not in STOPWORDS for w in tokens(body)):
        return candidate.claimant  # "Its mayor Ann Lee": "its" names no body
    return introduced


def _with_claimant(quote: str, candidate: Candidate, who: str | None = None) -> str:
    """Name who said it when the sentence itself only says "it said" or "the ministry", or names the person but not
    the body they speak for ("Rell said ..." from "Yannick Rell, a spokesman for the Coastal Authority"). A sentence
    with a speech tag of its own ("..., he said", "said the agency") is the reporter's sentence, not the claimant's
    words: it gets the claimant as a plain lead-in ("Port authority spokeswoman Berit Rell: ..., she said.") rather
    than "According to X:" and quotation marks, which would attribute it twice."""
    who = who or candidate.claimant
    if not candidate.claimant or not who:
        return quote
    body = speaks_for(who) if who != candidate.claimant else None
    if body is None and candidate.claimant.lower() in quote.lower():
        return quote
    said = {stem(w.text) for w in tokens(quote)}
    if body is not None and claimant_identity(candidate.claimant) & said and named_in(body, quote):
        return quote  # "Rell said the Coastal Authority had ...": the person and the body, named already
    label = claimant_label(who, candidate.relay)
    if tells_who_spoke(quote, candidate.claimant):
        return f"{label}: {quote}"
    quoted = quote if quote[:1] in "\"“" else f"“{quote}”"
    return f"According to {label}: {quoted}"


def tells_who_spoke(sentence: str, claimant: str) -> bool:
    """The sentence says who spoke, by a verb of saying beside a pronoun or a word of the claimant's name: "...,
    he said", "the agency said", "she also noted", "said Rell", "according to the ministry"."""
    words = tokens(sentence)
    named = {stem(w.text) for w in tokens(claimant) if w.lower not in STOPWORDS}

    def speaker(index: int) -> bool:
        if not 0 <= index < len(words):
            return False
        word = words[index]
        return word.lower in CLAIMANT_PRONOUNS or stem(word.text) in named

    for i, word in enumerate(words):
        if word.lower == "according" and i + 1 < len(words) and words[i + 1].lower == "to":
            after = i + 3 if i + 2 < len(words) and words[i + 2].lower in DETERMINERS else i + 2
            if speaker(after):
                return True
        if word.lower in ATTRIBUTION_VERBS:
            after = i + 2 if i + 1 < len(words) and words[i + 1].lower in DETERMINERS else i + 1
            if speaker(i - 1) or speaker(i - 2) or speaker(after):
                return True
    return False


def _with_dates(quote: str, candidate: Candidate) -> str:
    """"on Thursday" becomes "on Thursday (February 24, 2022)", from the article's date."""
    day = candidate.published_day
    if day is None:
        return quote
    for start, end, resolved in reversed(resolve_weekdays(quote, day)):
        quote = f"{quote[:end]} ({long_date(resolved)}){quote[end:]}"
    return quote


def _fit(candidate: Candidate, question: Question, limit: int) -> tuple[int, int]:
    """The sentence, or for an over-long one (or one given `Candidate.most_chars`) the run of clauses that best
    answers, else its first clauses (`_first_clauses`)."""
    limit = min(limit, candidate.most_chars or limit)
    if len(candidate.text) <= limit:
        return candidate.start, candidate.end
    span = clause_run(candidate.text, question, limit, candidate.claimant)
    piece_start, piece_end = span or _first_clauses(candidate.text, limit)
    text = candidate.text[piece_start:piece_end].rstrip(",;: ")
    return candidate.start + piece_start, candidate.start + piece_start + len(text)


def _first_clauses(text: str, limit: int) -> tuple[int, int]:
    """Where no clause meets a word of the question (`clause_run` is None), the most whole clauses after the dateline
    that fit ``limit``, or the first clause's whole words that do: not the sentence's first ``limit`` characters,
    which kept the dateline and cut a word in two (round 16 review, `fixa16`)."""
    opening = dateline_end(text)
    ends = [m.end() for m in _CLAUSE_BREAK.finditer(text) if m.end() > opening] + [len(text)]
    fitting = [end for end in ends if end - opening <= limit]
    if fitting:
        return opening, fitting[-1]
    cut = text.rfind(" ", opening, opening + limit + 1)
    return opening, cut if cut > opening else opening + limit


@lru_cache(maxsize=20_000)  # `answer_length` composes the same sentences' pieces again for every option it weighs
def holds_the_kind(question: Question, piece: str, claimant: str | None = None) -> bool:
    """The piece holds a value of the kind the question asks for (round 18, `clause18`), as the answer type reads it
    (`answer_types.type_met`: a figure of the kind asked for "how many" or "how much", `gives_figure_asked`; a reason
    for "why"), and, where a reader of its own says more, as that reader does: a date for "when"
    (`gives_a_date_asked`: "within six weeks", "by the end of the year" too), a name the question does not hold for
    "who" and "where" (`gives_the_answer`: a speaker's role, "the club's chairman told reporters", names no one). A
    place is one no speaker stands in and no one comes from (`_places_given`). False where the question asks no
    kind: every piece would do. Round 18 review (`fixa18`): the checks re-read figures and dates more narrowly than
    these readers ("will cost £84m" held no figure) and took a role, an origin or a month for the answer."""
    if not kinds_asked(question):
        return False
    if question.kind == "date" and not gives_a_date_asked(question, piece):
        return False
    if question.kind == "place":
        piece = _places_given(question, piece)
        if not piece:
            return False
    if question.kind in ("place", "agent") and not gives_the_answer(question, piece, None):
        return False
    return type_met(question, piece, claimant)


# "from" and the names after it: where someone comes from ("a man from Morvath") is not where the thing asked happened.
_ORIGIN = re.compile(r"\bfrom\s+(?:[A-Z][\w'.-]*\s*)+")


def _places_given(question: Question, piece: str) -> str:
    """The clauses of ``piece`` that name a place the question does not (after a preposition of place,
    `located_names`; a month is no place), with a speaker's clause ("the coastguard in Tullagh said") and the
    names after "from" left out; "" where none does. A place the question names spaced otherwise ("Olvery Town"
    for "Olverytown") is the question's own."""
    asked = question.word_stems | _compact_names(question.text)
    kept = []
    for clause in _CLAUSE_BREAK.split(_ORIGIN.sub(" ", piece)):
        words = tokens(clause)
        if words and words[-1].lower in ATTRIBUTION_VERBS:
            continue
        compact = _compact_names(clause)
        places = {w for w in located_names(clause) if w.lower() not in CALENDAR_WORDS}
        if {stem(w) for w in places} - asked and not compact <= asked:
            kept.append(clause)
    return ", ".join(kept)


def _compact_names(text: str) -> set[str]:
    """Each capitalised run of ``text`` lower-cased without its spaces, to compare a name whatever its spacing
    ("Olvery Town" is "olverytown")."""
    return {"".join(word.text for word in run).lower() for run in capitalised_runs(text)}


def clause_run(text: str, question: Question, limit: int, claimant: str | None = None) -> tuple[int, int] | None:
    """The run of whole clauses of ``text`` within ``limit`` characters that holds a value of the kind asked
    (`holds_the_kind`) and, among those (or all, where none does), meets the most of the question's words (the longest
    such run when the kind is held: "is to be chaired by Ann Lee, who sat on the bench," over its first clause); None
    when no clause is short enough, or none meets a word of the question nor holds the kind (round 16, `recall16`: a
    piece about something else, "The vessel", only takes the room of a sentence that answers). Round 18 (`clause18`):
    the value first, then the words: "The sea wall at Wendmouth," met three words of "how much will the repairs to the
    Wendmouth sea wall cost?" and was quoted over "and the work is expected to cost about 3.8 million pounds". The
    dateline the sentence opens with (`text.dateline_end`) is no clause: "HARLOW BAY" alone met a question naming the
    place and said nothing. Round 18 review (`fixa18`): a value comes first only in a piece that meets a word of the
    question too (a reason need not): "when 40 millimetres fell in six hours," holds a figure but not the homes flooded
    that "Homes across Carnwick were flooded on Sunday night," meets; one that meets none is quoted only where no piece
    meets a word ("is Ann Lee," for "who will chair the review?")."""
    opening = dateline_end(text)
    bounds = [opening] + [m.end() for m in _CLAUSE_BREAK.finditer(text) if m.end() > opening] + [len(text)]
    best, best_span = (False, 0, False, 0), None
    wanted = question.word_stems
    why = "reason" in kinds_asked(question)
    for i in range(len(bounds) - 1):
        for j in range(i + 1, len(bounds)):
            if bounds[j] - bounds[i] > limit:
                break
            piece = text[bounds[i]:bounds[j]]
            hits = sum(1 for w in tokens(piece) if stem(w.text) in wanted)
            held = holds_the_kind(question, piece, claimant)
            score = (held and (hits > 0 or why), hits, held, len(piece) if held else 0)
            if score > best and (held or hits):
                best, best_span = score, (bounds[i], bounds[j])
    return best_span
