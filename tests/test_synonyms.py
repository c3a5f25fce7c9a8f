"""WordNet's synonyms, broader words and derivations as the answerer uses them (`newsdesk.answer.synonyms`, the
table shipped beside it, and `TermMatcher.credit`): a question's word is met by the article's other wording, never
by an antonym or a co-hyponym, however close their word vectors. The paraphrase table (tests/data/
paraphrase_pairs.jsonl, written before the synonym table was built) is read through the real matcher with the real
embedding model; ``PYTHONPATH=src python tests/paraphrase_table.py [--holdout]`` prints every miss."""

from __future__ import annotations

import gzip

import pytest

from newsdesk.answer.synonyms import (
    BROADER,
    BROADER_FIRST,
    DERIVED,
    LINKS,
    NARROWER_FIRST,
    OPPOSED,
    SISTERS,
    STRONGEST_FIRST,
    SYNONYM,
    TABLE_FILE,
    related_phrases,
    relation,
)
from newsdesk.settings import Settings
from paraphrase_table import HOLDOUT, TABLE, Row, agreeing, is_met, load_rows, report

ROWS = load_rows(TABLE)
# Reached on the development table (round 7): 40 of 51 paraphrases met (the word vectors alone met 30), and 3 of
# 30 near misses (the vectors alone met 11).
MATCH_FLOOR = 0.78
NEAR_MISS_CEILING = 0.12
# The table is a part of newsdesk's wheel: keep it small.
MOST_TABLE_BYTES = 2_500_000


def test_the_tables_hold_paraphrases_and_near_misses():
    holdout = load_rows(HOLDOUT)
    assert len(ROWS) >= 60 and len(holdout) >= 25
    for rows in (ROWS, holdout):
        assert {r.match for r in rows} == {True, False}
        assert len({r.id for r in rows}) == len(rows)


@pytest.mark.parametrize(
    ("question", "article", "kind"),
    [
        ("fired", "dismissed", SYNONYM),  # through the dictionary forms of both
        ("physician", "doctor", SYNONYM),
        ("died", "killed", NARROWER_FIRST),  # "kill" causes "die": whoever was killed died
        ("walkout", "strike", BROADER_FIRST),  # what "walkout" first means
        ("water", "supplies", BROADER),  # a later sense of "water": not a link
        ("rose", "fell", OPPOSED),
        ("bought", "sold", OPPOSED),
        ("mayor", "governor", SISTERS),
        ("tornado", "hurricane", SISTERS),
        ("bill", "beak", None),  # a sense "bill" has, but not among its commonest
        ("inflation", "unemployment", None),
    ],
)
def test_wordnet_relates_an_article_word_to_a_question_word_by_their_commonest_senses(question, article, kind):
    assert relation(question, article) == kind


@pytest.mark.parametrize(
    ("question", "article", "linked"),
    [
        ("died", "killed", True),
        ("walkout", "strike", True),
        ("strike", "walkout", True),  # narrower
        ("water", "supplies", False),
        ("rose", "fell", False),
    ],
)
def test_an_article_word_says_the_question_word_when_same_narrower_or_what_it_first_means(question, article, linked):
    assert (relation(question, article) in LINKS) is linked


@pytest.mark.parametrize(("noun", "verb"), [("deaths", "died"), ("decision", "decided"), ("payment", "paid")])
def test_a_derivation_links_a_noun_and_its_verb(noun, verb):
    assert relation(noun, verb) == DERIVED


def test_two_word_phrases_are_linked_for_matching_across_a_sentence():
    assert "step down" in related_phrases("resigned")


def test_the_table_is_small_and_one_sorted_line_a_word():
    assert TABLE_FILE.stat().st_size <= MOST_TABLE_BYTES
    with gzip.open(TABLE_FILE, "rt", encoding="utf-8") as lines:
        head = [next(lines).rstrip("\n").split("\t") for _ in range(2000)]
    assert [fields[0] for fields in head] == sorted(fields[0] for fields in head)
    for word, *fields in head:
        assert fields and all(field[0] in "".join(STRONGEST_FIRST) and field[1] == ":" for field in fields)
        others = [other for field in fields for other in field[2:].split("|")]
        assert all(other > word or " " in other for other in others)  # a pair once, under its first word


def _row(question: str, article: str, match: bool) -> Row:
    return Row(id="story", question=question, article=article, match=match, kind="")


def test_a_synonym_the_word_vectors_miss_meets_the_term(embedder):
    assert is_met(embedder, _row("walkout", "Bus drivers began a strike on Monday.", True), Settings().term_similarity)


def test_a_phrase_in_the_sentence_meets_a_one_word_term(embedder):
    row = _row("resigned", "The minister stepped down on Friday after the report.", True)
    assert is_met(embedder, row, Settings().term_similarity)


def test_an_antonym_does_not_meet_the_term_however_close_its_vector(embedder):
    # "bought" and "sold" are above term_similarity as word vectors.
    row = _row("bought", "The council sold 40 flats last year.", False)
    assert not is_met(embedder, row, Settings().term_similarity)


@pytest.fixture(scope="module")
def outcome(embedder) -> dict[str, list[Row]]:
    return agreeing(embedder, ROWS, Settings().term_similarity)


def test_most_paraphrases_of_the_table_are_met(outcome):
    matches = len(outcome["matches met"]) + len(outcome["matches missed"])
    assert len(outcome["matches met"]) / matches >= MATCH_FLOOR, report(outcome)


def test_few_near_misses_of_the_table_are_met(outcome):
    near = len(outcome["near misses met"]) + len(outcome["near misses refused"])
    assert len(outcome["near misses met"]) / near <= NEAR_MISS_CEILING, report(outcome)
