"""Synonyms, broader or narrower words and derivations from WordNet 3.0, read from a table shipped with newsdesk.

MiniLM's single-word vectors do not bridge many paraphrases of news ("walkout" / "strike" 0.34, "soared" / "rose"
0.39); WordNet does. `scripts/build_synonyms.py` derives `wordnet_related.tsv.gz` from WordNet's files (its
licence is `WORDNET_LICENSE`, beside it): pairs of common words one of whose common senses links them, and pairs
that must not be linked, even by close word vectors: antonyms ("rose" / "fell", "bought" / "sold") and co-hyponyms
("tornado" / "hurricane", "mayor" / "governor"). Run time reads the table once; no WordNet, no network.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from newsdesk.errors import PackageDataError
from newsdesk.text import lemmas

TABLE_FILE = Path(__file__).with_name("wordnet_related.tsv.gz")
# The kinds of `scripts/build_synonyms.py`: of a second word to a first, strongest first.
# Upper case: a step whose narrower end is that word's first sense.
SYNONYM, NARROWER, BROADER, DERIVED, OPPOSED, SISTERS = "s", "n", "w", "d", "a", "c"
NARROWER_FIRST, BROADER_FIRST = "N", "W"
STRONGEST_FIRST = (OPPOSED, SYNONYM, NARROWER_FIRST, BROADER_FIRST, NARROWER, BROADER, DERIVED, SISTERS)
# A pair is stored once, under its first word in sorted order: the relation of the first to the second is the converse.
CONVERSE = {NARROWER: BROADER, BROADER: NARROWER, NARROWER_FIRST: BROADER_FIRST, BROADER_FIRST: NARROWER_FIRST}
# What an article's word may say for a question's word: the same sense; a narrower one ("killed" for "died"); a
# broader one when it is what the question's word first means ("strike" for "walkout"), not when it is a later
# sense ("supplies" for "water"); a derivation ("died" for "deaths").
LINKS = frozenset({SYNONYM, NARROWER, NARROWER_FIRST, BROADER_FIRST, DERIVED})
NEAR_MISSES = frozenset({OPPOSED, SISTERS})


@lru_cache(maxsize=1)
def _lines(path: Path = TABLE_FILE) -> dict[str, str]:
    """Each word's line of the table, unparsed: parsing every line would cost a one-question run a second or more."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            return dict(line.rstrip("\n").split("\t", 1) for line in lines)
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as error:
        raise PackageDataError(path, f"the WordNet synonym table cannot be read ({error})") from error


@lru_cache(maxsize=50_000)
def _related(word: str) -> dict[str, str]:
    """The words after ``word`` (in sorted order) that the table relates to it, with the kind."""
    line = _lines().get(word)
    if line is None:
        return {}
    return {other: field[0] for field in line.split("\t") for other in field[2:].split("|")}


def _kind(a: str, b: str) -> str | None:
    """``b``'s relation to ``a`` (a pair is stored under its first word in sorted order)."""
    if a < b:
        return _related(a).get(b)
    kind = _related(b).get(a)
    return CONVERSE.get(kind, kind) if kind else None


@lru_cache(maxsize=100_000)
def relation(a: str, b: str) -> str | None:
    """How WordNet relates ``b`` to ``a`` through any of their dictionary forms, or None: "fired" / "dismissed" ->
    SYNONYM, "died" / "killed" -> NARROWER_FIRST, "rose" / "fell" -> OPPOSED, "mayor" / "governor" -> SISTERS.
    An antonym pointer between any forms wins."""
    found = {_kind(x, y) for x in lemmas(a) for y in lemmas(b)} - {None}
    for kind in STRONGEST_FIRST:
        if kind in found:
            return kind
    return None


@lru_cache(maxsize=10_000)
def related_phrases(word: str) -> frozenset[str]:
    """The two-word phrases WordNet links to ``word`` ("resign" -> "step down"), for matching across a sentence."""
    return frozenset(other for form in lemmas(word) for other in _related(form)
                     if " " in other and _kind(form, other) in LINKS)
