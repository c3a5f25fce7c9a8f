"""One annotation per article version: chunks and the claim ledger read the same attributions."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.claims.annotation import annotate
from newsdesk.articles.chunking import chunk_article
from newsdesk.articles.corpus import Article

BODY = (
    "The regional water authority said 12 homes were flooded on Monday.\n\n"
    "It said 40 people were moved to a school. Residents said the warning came late."
)


def _article(body: str = BODY, title: str = "Flood") -> Article:
    return Article(doc_id="flood.md", path=Path("flood.md"), title=title, body=body)


def test_an_article_version_is_annotated_once():
    assert annotate(_article()) is annotate(_article())


def test_a_changed_article_is_annotated_again():
    assert annotate(_article(title="Flood, updated")) is not annotate(_article())


def test_chunk_claimants_are_the_annotation_claimants():
    annotation = annotate(_article())
    chunks = chunk_article(_article(), chunk_size=1000)
    in_chunks = [pair for chunk in chunks for pair in json.loads(chunk.metadata["attributions"])]
    expected = [[s.attribution.claimant, s.attribution.relay] if s.attribution else None for s in annotation.sentences]
    assert in_chunks == expected


def test_claims_carry_the_claimant_their_sentence_was_attributed_to():
    annotation = annotate(_article())
    moved = next(c for c in annotation.claims if c.value == 40)
    assert moved.claimant == annotation.sentences[1].attribution.claimant == "regional water authority"


def test_a_piece_of_an_over_long_sentence_keeps_its_sentence_claimant():
    body = "The ministry said " + "many roads, " * 300 + "were closed."
    pieces = [pair for chunk in chunk_article(_article(body), chunk_size=500) for pair in json.loads(chunk.metadata["attributions"])]
    assert len(pieces) > 1 and all(pair and pair[0] == "ministry" for pair in pieces)
