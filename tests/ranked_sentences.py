"""Invented sentences as the answerer's candidates: consecutive sentences of one article, ranked in the order given."""

from __future__ import annotations

from newsdesk.answer.candidates import Candidate


def ranked_sentences(texts: list[str]) -> list[Candidate]:
    """The texts as consecutive sentences of one invented article, ranked in the order given."""
    found, start = [], 0
    for rank, text in enumerate(texts, start=1):
        found.append(Candidate(text=text, start=start, end=start + len(text), metadata={"doc_id": "invented.md"},
                               context=text, claimant=None, relay=None, rank=rank))
        start += len(text) + 1
    return found
