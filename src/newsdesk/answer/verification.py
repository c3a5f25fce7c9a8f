"""Verification: check a citation against the document, without trusting the answerer.

A citation holds when its quote is exactly ``body[start:end]`` and it supports
the answer sentence that cites it (most of that sentence's content words are
in the quote).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.text import tokens
from newsdesk.vocabulary import STOPWORDS

MARKER = re.compile(r"\s*\[(\d+)\]")
_ANSWER_SENTENCE_END = re.compile(r"(?<=\])\s+(?=\S)")
_SUPPORT_SHARE = 0.6


def quote_is_verbatim(body: str, start: int, end: int, quote: str) -> bool:
    return 0 <= start <= end <= len(body) and body[start:end] == quote


def answer_sentences(answer: str) -> list[str]:
    """Sentences of an answer, each with the ``[n]`` markers that follow it."""
    pieces = [piece.strip() for piece in _ANSWER_SENTENCE_END.split(answer) if piece.strip()]
    return pieces or ([answer.strip()] if answer.strip() else [])


def cited_numbers(sentence: str) -> list[int]:
    return [int(n) for n in MARKER.findall(sentence)]


# "(February 24, 2022)" after a weekday: the answerer's resolution of a relative date.
RESOLVED_DATE = re.compile(r" \([A-Z][a-z]+ \d{1,2}, \d{4}\)")


def supports(quote: str, sentence: str, claimant: str | None = None) -> bool:
    """The answer sentence (markers removed) reproduces the quote with at most a lead-in naming
    the claimant ("According to X (via Y): ..."), or most of its content words appear in the quote.

    The lead-in is the citation's claimant, not something the quote must say: without this
    rule a short attributed quote ("It said 498 died.") would count as unsupported. A date the
    answerer resolved after a weekday ("on Thursday (February 24, 2022)") is an annotation
    and is not compared.
    """
    sentence = RESOLVED_DATE.sub("", MARKER.sub("", sentence))
    if claimant is not None and _reproduces_with_lead_in(quote, sentence, claimant):
        return True
    words = _content(sentence)
    if not words:
        return True
    in_quote = _content(quote)
    return len(words & in_quote) / len(words) >= _SUPPORT_SHARE


def _reproduces_with_lead_in(quote: str, sentence: str, claimant: str) -> bool:
    folded_quote, folded_sentence = _fold(quote), _fold(sentence)
    if not folded_quote or folded_quote not in folded_sentence:
        return False
    rest = folded_sentence.replace(folded_quote, " ", 1)
    return _content(rest) - {"via"} <= _content(claimant)


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def content_words(text: str) -> set[str]:
    """The words the support rule counts: lower-cased tokens that are not function words."""
    return {t.lower for t in tokens(text) if t.lower not in STOPWORDS}


_content = content_words


def check_answer(answer: dict, body_of: Callable[[str], str | None]) -> tuple[list[bool], list[bool]]:
    """For an ``ask --json`` answer: (per citation: holds?, per sentence: supported?)."""
    citations = {c["n"]: c for c in answer.get("citations", [])}
    sentences = answer_sentences(answer.get("answer", ""))
    citation_ok = {n: False for n in citations}
    sentence_ok = []
    for sentence in sentences:
        supported = False
        for n in cited_numbers(sentence):
            citation = citations.get(n)
            if citation is None:
                continue
            body = body_of(citation["doc_id"])
            holds = (
                body is not None
                and quote_is_verbatim(body, citation["start"], citation["end"], citation["quote"])
                and supports(citation["quote"], sentence, citation.get("claimant"))
            )
            citation_ok[n] = citation_ok[n] or holds
            supported = supported or holds
        sentence_ok.append(supported)
    return list(citation_ok.values()), sentence_ok
