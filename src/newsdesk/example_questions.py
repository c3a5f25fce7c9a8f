"""The example questions the chat offers: questions a reader would ask, made from whatever corpus is indexed.

They come from the claim ledger of the snapshot being served, best first:

1. a disputed count ("How many miners were killed?" when two sides give different figures): the
   answer shows every side, which is what newsdesk is for;
2. any other count with what happened to it ("How many fires were extinguished?");
3. when the claims give too few, a name from a headline ("What is reported about Port Elling?").

A count question is offered only when it is specific: every claim in the ledger that would make the same
question belongs to the same dispute (or the same article), so "How many people were killed?" is not offered
over a corpus of two disasters. Each candidate is then asked of the real assistant and kept only when it is
answered (not refused) from the articles it was made from, so a click never lands on "the corpus does not
say". That costs one extractive answer per candidate, tens of milliseconds, once per snapshot generation
(`ExampleQuestions`); with the llm answerer the candidates are offered unchecked, since asking a language
model a dozen questions at start-up is not cheap. Examples come from different articles where they can.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lemminflect import getLemma

from newsdesk.answer.questions import analyse
from newsdesk.assistant import Assistant, Request
from newsdesk.claims.conflicts import Dispute, ledger_disputes
from newsdesk.claims.extraction import Claim
from newsdesk.claims.ledger import Ledger
from newsdesk.errors import NewsdeskError
from newsdesk.index.store import Snapshot
from newsdesk.vocabulary import FIGURE_TYPES, NUMBER_WORDS, VAGUE_QUANTITIES, is_nationality

if TYPE_CHECKING:
    from newsdesk.answer.answers import Answer

EXAMPLE_COUNT = 3
# Candidates asked at most, per snapshot: enough to find three answered ones, few enough to stay well under
# a second at start-up (measured in docs/chat.md).
MAX_CHECKED = 12
# How a question asks about each canonical event of claim extraction; a claim whose event is not here
# (a measure, a verb's bare stem such as "cancel") makes no example.
EVENT_PHRASES = {
    "killed": "were killed", "wounded": "were wounded", "missing": "are missing", "evacuated": "were evacuated",
    "displaced": "were displaced", "arrested": "were arrested", "rescued": "were rescued", "aboard": "were aboard",
    "destroyed": "were destroyed", "damaged": "were damaged", "extinguished": "were extinguished",
    "treated": "were treated", "captured": "were captured", "recovered": "were recovered",
    "laid off": "lost their jobs", "attended": "took part",
}
# A unit that measures rather than counts (money, time, distance, a share): "How many euros were destroyed?"
_MEASURE_UNIT = re.compile("|".join(f"(?:{given})" for _, given in FIGURE_TYPES.values()), re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Example:
    """An example question and the articles it was made from (its answer must cite one of them)."""

    question: str
    documents: frozenset[str]

    @classmethod
    def of_claims(cls, question: str, claims: Iterable[Claim]) -> Example:
        return cls(question, frozenset(claim.doc_id for claim in claims))


def count_question(claim: Claim) -> str | None:
    """"How many <counted> <event>?" for a figure claim whose subject is a counted noun and a known event."""
    key = claim.subject_key
    if claim.kind != "figure" or key is None or key.event not in EVENT_PHRASES:
        return None
    subject = " ".join(claim.subject.split())
    if not subject.endswith(f" {key.event}"):
        return None
    counted = subject[: -len(key.event) - 1]
    words = counted.lower().split()
    if any(word in NUMBER_WORDS or word in VAGUE_QUANTITIES for word in words):
        return None  # "dozen runners": part of the figure, not of what is counted
    if _MEASURE_UNIT.search(counted):
        return None
    if not key.counts_people and getLemma(words[-1], "NOUN")[0] == words[-1]:
        return None  # a singular noun is not what was counted ("quake" in "the quake ... rescued 200")
    if key.event == "laid off" and any(word.startswith("job") for word in words):
        return None  # "jobs lost their jobs"
    return f"How many {counted} {EVENT_PHRASES[key.event]}?"


def _newest_first(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.published, c.as_of), reverse=True)


def dispute_candidates(disputes: Iterable[Dispute]) -> Iterator[Example]:
    """Count questions about disputed figures, the dispute with the most sides and newest claims first."""
    figures = [d for d in disputes if d.kind == "figure"]
    figures.sort(key=lambda d: (len(d.sides), max(c.published for c in d.claims)), reverse=True)
    for dispute in figures:
        question = next((q for c in _newest_first(dispute.claims) if (q := count_question(c))), None)
        if question:
            yield Example.of_claims(question, dispute.claims)


def claim_candidates(claims: Sequence[Claim]) -> Iterator[Example]:
    """Count questions about single figure claims, newest article first."""
    for claim in _newest_first(claims):
        question = count_question(claim)
        if question:
            yield Example.of_claims(question, [claim])


def headline_candidates(snapshot: Snapshot) -> Iterator[Example]:
    """"What is reported about <name>?" for the names in the newest headlines (not a nationality alone)."""
    for doc_id, entry in sorted(snapshot.documents.items(), key=lambda item: (item[1].published or "", item[1].title),
                                reverse=True):
        for entity in analyse(" ".join(entry.title.split())).entities:
            if not all(is_nationality(word) for word in entity):
                yield Example(f"What is reported about {_POSSESSIVE.sub('', ' '.join(entity))}?", frozenset({doc_id}))


def is_specific(candidate: Example, askers: dict[str, set[str]]) -> bool:
    """No claim outside the candidate's own articles makes the same question (``askers``: question ->
    the documents of every claim that makes it)."""
    return askers.get(candidate.question, set()) <= candidate.documents


def candidate_questions(snapshot: Snapshot, ledger: Ledger, disputes: Iterable[Dispute]) -> Iterator[Example]:
    """Every example the corpus suggests, best first, each question once; count questions only when specific.
    Lazy: headlines are read only when the claims run out."""
    claims = ledger.claims()
    askers: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        question = count_question(claim)
        if question:
            askers[question].add(claim.doc_id)
    seen: set[str] = set()
    for candidate in chain(dispute_candidates(disputes), claim_candidates(claims), headline_candidates(snapshot)):
        if candidate.question not in seen and is_specific(candidate, askers):
            seen.add(candidate.question)
            yield candidate


def from_different_articles(candidates: Sequence[Example]) -> list[Example]:
    """The candidates with those about articles no earlier one is about first, then the rest, in order."""
    fresh: list[Example] = []
    again: list[Example] = []
    seen: set[str] = set()
    for candidate in candidates:
        (again if candidate.documents & seen else fresh).append(candidate)
        seen |= candidate.documents
    return fresh + again


def answers_it(answer: Answer, candidate: Example) -> bool:
    """Answered, citing an article the question was made from."""
    return not answer.refused and any(c.doc_id in candidate.documents for c in answer.citations)


def answered_examples(assistant: Assistant, count: int = EXAMPLE_COUNT) -> list[str]:
    """Up to ``count`` example questions that ``assistant`` answers (checked only with the extractive answerer)."""
    snapshot = assistant.reader.current()[0]
    if not snapshot.documents:
        return []
    try:
        ledger = assistant.ledger()
        found = candidate_questions(snapshot, ledger, ledger_disputes(ledger))
        candidates = from_different_articles(list(islice(found, 2 * MAX_CHECKED)))
    except NewsdeskError:  # a damaged ledger: the question that reads it reports it; the names still serve
        candidates = list(islice(headline_candidates(snapshot), MAX_CHECKED))
    if assistant.settings.answerer != "extractive":
        return [candidate.question for candidate in candidates[:count]]
    chosen: list[str] = []
    for candidate in candidates[:MAX_CHECKED]:
        try:
            answer = assistant.ask(Request(candidate.question))
        except NewsdeskError:
            break
        if answers_it(answer, candidate):
            chosen.append(candidate.question)
            if len(chosen) == count:
                break
    return chosen


class ExampleQuestions:
    """The examples of the snapshot being served, found once per snapshot generation; safe across threads."""

    def __init__(self, assistant: Assistant, count: int = EXAMPLE_COUNT) -> None:
        self.assistant = assistant
        self.count = count
        self._lock = threading.Lock()
        self._generation: int | None = None
        self._questions: list[str] = []

    def current(self) -> list[str]:
        """The current snapshot's examples (found now if it is new since the last call)."""
        generation = self.assistant.reader.current()[0].generation
        with self._lock:
            if generation != self._generation:
                self._questions = answered_examples(self.assistant, self.count)
                self._generation = generation
            return list(self._questions)
