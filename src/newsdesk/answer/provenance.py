"""Where a citation comes from beyond its offsets: the PDF page, and the other outlets
that ran the same wire story (its near-duplicate copies, see `newsdesk.articles.duplicates`).

Filled in after answering, from the snapshot, so the answerer stays unaware of it.
"""

from __future__ import annotations

from dataclasses import replace

from newsdesk.answer.answers import Answer, Citation
from newsdesk.articles.formats.pdf import page_of
from newsdesk.index.store import Snapshot


def with_provenance(answer: Answer, snapshot: Snapshot) -> Answer:
    if not answer.citations:
        return answer
    return replace(answer, citations=[_cited(citation, snapshot) for citation in answer.citations])


def _cited(citation: Citation, snapshot: Snapshot) -> Citation:
    entry = snapshot.documents.get(citation.doc_id)
    if entry is None:
        return citation
    return replace(
        citation,
        page=page_of(entry.pages, citation.start),
        also_carried_by=other_outlets(snapshot, citation.doc_id),
    )


def other_outlets(snapshot: Snapshot, doc_id: str) -> tuple[str, ...]:
    """Outlets of the document's wire copies, other than its own outlet, in name order."""
    entry = snapshot.documents[doc_id]
    family = entry.copy_of or doc_id
    outlets = {
        other.outlet
        for other_id, other in snapshot.documents.items()
        if other_id != doc_id and (other_id == family or other.copy_of == family) and other.outlet
    }
    outlets.discard(entry.outlet)
    return tuple(sorted(outlets))


def provenance_note(page: int | None, also_carried_by: list[str] | tuple[str, ...]) -> str:
    """The words shown after a source: "p. 3", "also carried by A, B" (empty when neither applies)."""
    parts = []
    if page:
        parts.append(f"p. {page}")
    if also_carried_by:
        parts.append("also carried by " + ", ".join(also_carried_by))
    return " · ".join(parts)
