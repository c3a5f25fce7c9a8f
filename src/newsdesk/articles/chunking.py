"""Chunking: an article body becomes passages that keep exact character offsets.

Sentences are never cut and paragraph breaks are preferred as chunk breaks.
Every chunk is ``body[start:end]`` verbatim, and carries the offsets of its
sentences so the answerer can quote a sentence without re-splitting.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from langchain_core.documents import Document

from newsdesk.articles.corpus import Article
from newsdesk.text import Span, date_ordinal

if TYPE_CHECKING:
    import pysbd

    from newsdesk.claims.attribution import Attribution

# pysbd is accurate on abbreviations ("Feb. 28", "U.S.") but slow on huge
# paragraphs; past this length a plain punctuation rule is used instead.
_PYSBD_MAX_CHARS = 20_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_FALLBACK_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_VISIBLE_CHARACTER = re.compile(r"\S")
# A sentence end before the last character: only then can a line hold two sentences.
_SENTENCE_END_INSIDE = re.compile(r"[.!?…;:\"”’)\]](?=.)", re.DOTALL)
_TERMINAL = ('.', '!', '?', ':', '"', '”', '’', ')', '…')


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    import pysbd  # here: answering a question never splits an article

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_paragraphs(body: str) -> list[Span]:
    """Paragraphs: runs of text separated by blank lines, trimmed of whitespace."""
    spans: list[Span] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        spans.extend(_trimmed(body, position, match.start()))
        position = match.end()
    spans.extend(_trimmed(body, position, len(body)))
    return spans


def split_sentences(body: str, paragraph: Span | None = None) -> list[Span]:
    """Sentences of one paragraph (or the whole body), as trimmed spans."""
    paragraph = paragraph or Span(0, len(body))
    sentences: list[Span] = []
    for line in _logical_lines(body, paragraph):
        text = body[line.start:line.end]
        for start, end in _segment(text):
            sentences.extend(_trimmed(body, line.start + start, line.start + end))
    return sentences


@lru_cache(maxsize=2)
def paragraph_sentences(body: str) -> tuple[tuple[Span, tuple[Span, ...]], ...]:
    """Each paragraph of ``body`` with its sentences. Chunking and claim annotation both split the
    article they are given, one after the other; the cache makes that one split (pysbd is the cost)."""
    return tuple((paragraph, tuple(split_sentences(body, paragraph))) for paragraph in split_paragraphs(body))


def _logical_lines(body: str, paragraph: Span) -> list[Span]:
    """Split a paragraph at line breaks that end a unit (a title, a caption, a list item).

    A hard-wrapped sentence continues on the next line in lower case; a line
    break after terminal punctuation, or before a capital, digit or bullet,
    starts a new unit.
    """
    lines: list[Span] = []
    start = paragraph.start
    position = body.find("\n", start, paragraph.end)
    while position != -1:
        before = body[start:position].rstrip()
        # Only the next visible character matters: slicing the rest of the paragraph was quadratic.
        following = _VISIBLE_CHARACTER.search(body, position + 1, paragraph.end)
        after = following.group(0) if following else ""
        if before.endswith(_TERMINAL) or (after and not after.islower()):
            lines.append(Span(start, position))
            start = position + 1
        position = body.find("\n", position + 1, paragraph.end)
    lines.append(Span(start, paragraph.end))
    return lines


def _segment(text: str) -> list[tuple[int, int]]:
    if not _SENTENCE_END_INSIDE.search(text.rstrip()):
        return [(0, len(text))]  # at most one sentence: pysbd (a millisecond a call) would say the same
    if len(text) > _PYSBD_MAX_CHARS:
        return _fallback_segment(text)
    try:
        # pysbd ends a sentence at every newline; a hard-wrapped line is one
        # sentence, so newlines are read as spaces (same length, same offsets).
        spans = _segmenter().segment(text.replace("\n", " "))
    except Exception:  # pysbd raises bare errors on odd input; the rule below never fails
        return _fallback_segment(text)
    pieces = [(s.start, s.end) for s in spans]
    flat = text.replace("\n", " ")
    if not pieces or any(flat[a:b] != s.sent for (a, b), s in zip(pieces, spans, strict=True)):
        return _fallback_segment(text)
    return pieces


def _fallback_segment(text: str) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    position = 0
    for match in _FALLBACK_SENTENCE_END.finditer(text):
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, len(text)))
    return pieces


def _trimmed(body: str, start: int, end: int) -> list[Span]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return [Span(start, end)] if end > start else []


def _split_long(body: str, sentence: Span, limit: int) -> list[Span]:
    """Cut a sentence longer than ``limit`` at whitespace (a pasted table, a run-on line)."""
    pieces: list[Span] = []
    start = sentence.start
    while sentence.end - start > limit:
        cut = body.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        pieces.extend(_trimmed(body, start, cut))
        start = cut
    pieces.extend(_trimmed(body, start, sentence.end))
    return pieces


def chunk_body(body: str, chunk_size: int, overlap: int = 1) -> list[list[Span]]:
    """Group sentences into chunks of about ``chunk_size`` characters.

    A chunk closes at a paragraph break once it is at least half full, and
    never grows past ``chunk_size`` except for a single long sentence. Only a
    "sentence" over twice ``chunk_size`` (a pasted table, a run-on line) is cut,
    at white space.
    When a chunk closes inside a paragraph, its last ``overlap`` sentences open
    the next one so that no sentence loses its neighbour.
    """
    chunks: list[list[Span]] = []
    current: list[Span] = []
    for _, paragraph_spans in paragraph_sentences(body):
        sentences = [
            piece
            for sentence in paragraph_spans
            for piece in _split_long(body, sentence, 2 * chunk_size)
        ]
        if current and _length(current) >= chunk_size // 2:
            chunks.append(current)
            current = []
        for index, sentence in enumerate(sentences):
            if current and sentence.end - current[0].start > chunk_size:
                chunks.append(current)
                inside_paragraph = index > 0
                current = current[-overlap:] if (overlap and inside_paragraph) else []
                if current and sentence.end - current[0].start > chunk_size:
                    current = []
            current.append(sentence)
    if current:
        chunks.append(current)
    return chunks


def _length(sentences: list[Span]) -> int:
    return sentences[-1].end - sentences[0].start


# Bump when chunking or attribution changes what a chunk holds, so that every
# document is re-indexed (and no old chunk passes for a current one).
CHUNKER_VERSION = 24  # 24: round-17 review: ", OUTLET reported" after "X said ..." relays X; a newspaper-title noun only ends a longer name ("Times Square" is no outlet); an outlet calls itself by a noun of its own kind; "Name — which ... — will" opens with Name; 23: the report headers of 22 measured and taken out, the noun an outlet calls itself by kept (round 17); 22: an outlet's report header with a dash or a date, the noun an outlet calls itself by, a closing ", X said" over a subject inside the report (round 17); 21: "added 9 deaths to the tally" revises a count and "added a stern warning" is said; "added a second" is not (round 16 review); 20: "X toured the depot but said", a quotation's speaker given as a role then a name, an estimate's figure behind a quoted three-word hedge (round 16); 19: a time adverb before the verb of saying, "the federation now says", and "it" for the organisation a sentence opens with (round 14); 2: clause-level attribution (claims.py); 3: attribution read from annotate(); 4: "an airline spokesman said", "put ... at FIGURE"; 5: "a volunteer rescue group said"; 6: "a group that has ... said", "people familiar with ...", "the company" named by the sentence's opening name; 7: a ship's name beside a common noun is not a person; 8: "the owner of the mine that ... denied"; 9: a dateline is not the name a sentence opens with; 10: nor a name set apart by a comma; 11: "the company that owns the mine said", "officials close to the mayor said"; 12: "police in TOWN said"; 13: noun-phrase sources, passives, "quoted ... as saying", inverted "said X", pronouns for sentence subjects (round 5); 14: judging verbs ("called the plan reckless"), "a firm that inspected ... said", "she" after "Name of the Survey" (round 7); 15: a named party stating its position ("is demanding", "campaigned on"), "counted N", "By X's count,", "X's border command said" (round 8); 16: "the union said" after a name the article gave in passing or by apposition ("Quendry Aid, a volunteer group"), "..., but that Y had rejected" still the speaker's (round 9); 17: "the association/federation/guild said", "which it says" after the sentence's own subject, "X's final figures show", "a source at the ministry", "OUTLET, citing X, reported", a page of snippets' outlet (round 11); 18: "the union/government/company said" for a guild, a ministry, a name "which runs" something (round 12)


def document_version(article: Article, chunk_size: int, overlap: int) -> str:
    """Identifies an article's text *and* how it was chunked; any change re-indexes it."""
    return f"{article.content_hash}-c{chunk_size}o{overlap}v{CHUNKER_VERSION}"


def chunk_article(article: Article, chunk_size: int, overlap: int = 1) -> list[Document]:
    """The article's chunks as LangChain documents with offsets, article metadata and each sentence's claimant."""
    # annotation.py builds on this module's sentence splitter, hence the import here.
    from newsdesk.claims.annotation import annotate

    version = document_version(article, chunk_size, overlap)
    chunks = chunk_body(article.body, chunk_size, overlap)
    annotation = annotate(article)
    documents = []
    for index, sentences in enumerate(chunks):
        start, end = sentences[0].start, sentences[-1].end
        documents.append(
            Document(
                page_content=article.body[start:end],
                metadata={
                    "doc_id": article.doc_id,
                    "doc_hash": version,
                    "title": article.title,
                    "outlet": article.outlet or "",
                    "published": article.published_iso,
                    "published_ord": date_ordinal(article.published),
                    "chunk_index": index,
                    "start": start,
                    "end": end,
                    "sentences": json.dumps([[s.start, s.end] for s in sentences]),
                    "attributions": json.dumps(
                        [_attribution_pair(annotation.attribution_at(s.start)) for s in sentences]
                    ),
                },
            )
        )
    return documents


def _attribution_pair(attribution: Attribution | None) -> list[str | None] | None:
    return None if attribution is None else [attribution.claimant, attribution.relay]
