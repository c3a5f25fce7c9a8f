"""Candidate sentences: the sentences of the retrieved passages, each with its claimant, neighbours and
place in the article, which the answerer judges and may quote."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from langchain_core.documents import Document

from newsdesk.text import specificity, tokens
from newsdesk.vocabulary import INSTRUCTION_PATTERNS, NUMBER_WORDS


@dataclass
class Candidate:
    """One sentence of a retrieved passage, with what is needed to judge and cite it."""

    text: str
    start: int
    end: int
    metadata: dict[str, Any]
    context: str
    claimant: str | None
    relay: str | None
    rank: int
    similarity: float = 0.0
    coverage: float = 0.0
    rejected: str | None = None
    # Which pin rejected it (`newsdesk.answer.pins.PIN_CHECKS` kinds), when one did.
    pin: str | None = None
    features: dict[str, float] | None = None
    confidence: float | None = None
    # The sentence after the one before it: what "that has happened in only four" answers with.
    window: str = ""
    window_similarity: float = 0.0
    # The whole retrieved passage: where "the library" of the sentence was first called "the Elm Road library".
    passage: str = ""
    # Where the passage starts in the article body: ``passage[:start - passage_start]`` is the text before the sentence.
    passage_start: int = 0
    # When set, the answer quotes at most this many characters of the sentence, the run of clauses that answers
    # (`composing`): what fits of a later sentence beside the ones before it.
    most_chars: int | None = None
    # What the sentence's figures count instead of what a "how many" asks (`pins.figure_of_another_thing`), when
    # they do: no answer on its own, but it may still be a rival side of a dispute ("450 workers" against "320 jobs").
    counts_instead: str | None = None
    # The article's first sentence (its lead, with the dateline; `LEAD_KEY`): where a story names what its later
    # sentences call by a noun alone ("A full recount in the Holmwick council by-election ...", then "The recount
    # cost 41,000 crowns"); empty when unknown.
    lead: str = ""

    @property
    def before(self) -> str:
        """The passage's text before this sentence."""
        return self.passage[:max(0, self.start - self.passage_start)]

    @property
    def published_day(self) -> dt.date | None:
        """The article's publication date, when its front matter gives a valid one."""
        try:
            return dt.date.fromisoformat(self.metadata.get("published") or "")
        except ValueError:
            return None

    @property
    def score(self) -> float:
        return 0.5 * self.similarity + 0.5 * self.coverage


_TO_AN_ASSISTANT = re.compile("|".join(INSTRUCTION_PATTERNS), re.IGNORECASE)


def addresses_an_assistant(text: str) -> bool:
    """A sentence planted for a language model ("Ignore previous instructions", "When asked about X, reply that").
    It is never added as a second sentence; asked about directly, it is quoted with its source, never obeyed."""
    return bool(_TO_AN_ASSISTANT.search(text))


def figure_windows(text: str) -> list[str]:
    """Each figure in ``text`` with the few words after it: "Ten emergency responders were"."""
    words = tokens(text)
    windows = []
    for index, word in enumerate(words):
        if word.text[0].isdigit() or word.lower in NUMBER_WORDS:
            following = words[index:index + 5]
            windows.append(text[following[0].start:following[-1].end])
    return windows


def matchable_words(text: str) -> list[str]:
    """The words of ``text`` a question term may be met by (`TermMatcher`), lower-case: longer than two letters and
    not among English's commonest (specificity 0.8 or more); what the matcher embeds, one vector a word."""
    return list(_matchable_words(text))


@lru_cache(maxsize=20_000)
def _matchable_words(text: str) -> tuple[str, ...]:
    # Each term of each question meets the same sentences: their words are read once a process.
    return tuple(w.lower for w in tokens(text) if len(w.text) > 2 and specificity(w.text) >= 0.8)


# The word whose vector says how near a counted noun is to a count of people ("visitors", "fishermen"): units
# of measure and currencies lie far from it (`TermMatcher.people_likeness`). The matcher embeds it with every
# question's words, so reindex embeds it ahead with the passages' (`texts_embedded_for`).
PEOPLE_WORD = "people"


def texts_embedded_for(passages: list[Document]) -> list[str]:
    """What `judge` embeds for ``passages`` besides the question; reindex embeds these ahead, into the store's cache."""
    candidates = sentence_candidates(passages)
    words = {w for c in candidates for w in matchable_words(c.text)} | {PEOPLE_WORD}
    windows = {w for c in candidates for w in figure_windows(c.text)}
    return [c.text for c in candidates] + [c.window for c in candidates] + sorted(words) + sorted(windows)


def sentence_candidates(passages: list[Document]) -> list[Candidate]:
    """The sentences of the passages, each with its claimant, neighbours and headline as context."""
    seen: set[tuple[str, int]] = set()
    candidates = []
    for rank, passage in enumerate(passages, start=1):
        metadata = passage.metadata
        offset = int(metadata["start"])
        spans = json.loads(metadata.get("sentences") or "[]") or [[offset, int(metadata["end"])]]
        attributions = json.loads(metadata.get("attributions") or "null") or [None] * len(spans)
        texts = [passage.page_content[s - offset:e - offset] for s, e in spans]
        for index, ((start, end), text) in enumerate(zip(spans, texts, strict=True)):
            key = (metadata["doc_id"], start)
            if key in seen:
                continue
            seen.add(key)
            neighbours = [t for t in texts[max(0, index - 1):index + 2] if t != text]
            previous = texts[index - 1] if index > 0 else metadata.get("title", "")
            pair = attributions[index] if index < len(attributions) else None
            candidates.append(
                Candidate(
                    text=text,
                    start=start,
                    end=end,
                    metadata=metadata,
                    # What a name in the question may be met by: the sentence, who it
                    # is attributed to (resolved from "it said"), its neighbours, the headline,
                    # one to a line, so a neighbour's dateline stands at a line start (`text.DATELINE`).
                    context="\n".join(
                        [text, *(name for name in (pair or []) if name), *neighbours, metadata.get("title", "")]
                    ),
                    claimant=pair[0] if pair else None,
                    relay=pair[1] if pair else None,
                    rank=rank,
                    window=f"{previous} {text}".strip(),
                    passage=passage.page_content,
                    passage_start=offset,
                    lead=str(metadata.get(LEAD_KEY) or ""),
                )
            )
    return candidates


# The metadata key under which retrieval adds a passage's article's first sentence (`with_lead`).
LEAD_KEY = "lead"


def with_lead(passage: Document, leads: dict[str, str]) -> Document:
    """The passage with its article's first sentence from ``leads`` (by doc_id) under `LEAD_KEY`, when known."""
    lead = leads.get(str(passage.metadata.get("doc_id")))
    return passage if not lead else Document(page_content=passage.page_content, metadata={**passage.metadata, LEAD_KEY: lead})


def article_texts(candidates: list[Candidate]) -> dict[str, str]:
    """What the retrieved passages show of each article, by doc_id: its headline, its lead (`LEAD_KEY`) and every
    retrieved passage of it, one to a line; what "the article" meets a name by, where the sentence may not."""
    parts: dict[str, dict[str, None]] = {}
    for candidate in candidates:
        shown = parts.setdefault(str(candidate.metadata.get("doc_id")), {})
        for text in (str(candidate.metadata.get("title") or ""), candidate.lead, candidate.passage):
            if text:
                shown[text] = None
    return {doc_id: "\n".join(shown) for doc_id, shown in parts.items()}


def follows(first: Candidate, then: Candidate) -> bool:
    """``then`` is the sentence right after ``first`` in the same passage (only white space between them)."""
    if then.start < first.end or then.start > first.passage_start + len(first.passage):
        return False
    return not first.passage[first.end - first.passage_start:then.start - first.passage_start].strip()


def same_article(a: Candidate, b: Candidate) -> bool:
    return a.metadata.get("doc_id") == b.metadata.get("doc_id")


def overlaps(a: Candidate, b: Candidate) -> bool:
    return same_article(a, b) and a.start < b.end and b.start < a.end


def near_duplicate(a: Candidate, b: Candidate) -> bool:
    """The same wire sentence republished by another outlet."""
    left = {w.lower for w in tokens(a.text)}
    right = {w.lower for w in tokens(b.text)}
    if not left or not right:
        return False
    return len(left & right) / len(left | right) >= 0.6
