"""Words: lemmas, stems, plurals (`newsdesk.text`)."""

from __future__ import annotations

import pytest

from newsdesk.text import has_date_expression, in_a_date, only_an_adverb, same_lemma


@pytest.mark.parametrize(
    ("a", "b"),
    [("rising", "rose"), ("lose", "lost"), ("paid", "pay"), ("children", "child"), ("fell", "falling")],
)
def test_irregular_forms_share_a_lemma(a, b):
    assert same_lemma(a, b)


@pytest.mark.parametrize(("a", "b"), [("rose", "roast"), ("won", "want")])
def test_different_words_share_no_lemma(a, b):
    assert not same_lemma(a, b)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("officers", "officer", True), ("rose", "rising", True), ("court", "country", False), ("men", "women", False)],
)
def test_the_same_word_by_stem_or_lemma(a, b, same):
    from newsdesk.text import same_word

    assert same_word(a, b) is same


@pytest.mark.parametrize(("word", "plural"), [("children", True), ("judges", True), ("judge", False), ("news", False)])
def test_a_plural_noun(word, plural):
    from newsdesk.text import is_plural_noun

    assert is_plural_noun(word) is plural


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("It opened in March.", True),
        ("On Monday the river rose.", True),
        ("The plant closed in 2019.", True),
        ("Prices rose last week.", True),
        ("Thousands will march to the square.", False),  # "march" and "may" in lower case are verbs
        ("The council may decide soon.", False),
        # a period back, in digits or in words (round 16, `clean16`: one pattern with the answer-type check's)
        ("The mill shut 3 years ago.", True),
        ("The mill shut eleven years ago.", True),
        ("The bridge was built 15 to 20 decades ago.", True),
        ("The fund was set up a few weeks ago.", True),
        ("Years ago the mill employed hundreds.", False),
    ],
)
def test_a_date_is_a_capitalised_month_or_weekday_a_year_or_a_relative_date(sentence, dated):
    assert has_date_expression(sentence) is dated


@pytest.mark.parametrize("word, adverb", [("ultimately", True), ("later", False), ("early", False), ("people", False)])
def test_only_an_adverb_is_a_word_the_lexicon_knows_only_as_an_adverb(word, adverb):
    assert only_an_adverb(word) is adverb


@pytest.mark.parametrize(
    ("sentence", "number", "dated"),
    [
        ("The plant closed in 2023.", "2023", True),
        ("It opened on May 3.", "3", True),
        ("It opened on 3 May.", "3", True),
        ("About 300 may lose their jobs.", "300", False),  # "may" in lower case is a verb, not a month
        ("It cost 2,023 crowns.", "2,023", False),
    ],
)
def test_a_number_in_a_date_is_a_year_or_a_day_beside_a_capitalised_month(sentence, number, dated):
    start = sentence.index(number)
    assert in_a_date(sentence, start, start + len(number)) is dated


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("built", "build"), ("founded", "found"), ("arrested", "arrest"), ("results", None), ("reopen", None), ("red", None)],
)
def test_a_past_participle_gives_its_verb(word, lemma):
    from newsdesk.text import participle_lemma

    assert participle_lemma(word) == lemma


@pytest.mark.parametrize(("word", "base"), [("reopen", True), ("rule", True), ("reopened", False), ("footbridge", False)])
def test_a_verb_in_its_dictionary_form(word, base):
    from newsdesk.text import is_base_verb

    assert is_base_verb(word) is base


@pytest.mark.parametrize(
    "sentence, opening",
    [
        ("PRUSKEL, Velsharo (VPA) — The assembly voted on Tuesday.", "PRUSKEL, Velsharo (VPA) — "),
        ("TRENSBY, March 4 (NPA) - Floods closed 14 schools.", "TRENSBY, March 4 (NPA) - "),
        ("KELSO FORD — Rescuers pulled three walkers from the river.", "KELSO FORD — "),
        # No dateline: capitals inside the sentence, or a sentence that opens with an ordinary word.
        ("Officials from NATO, the EU and the UN met - briefly - in Gresk.", ""),
        ("The council, which met on Monday - its first sitting - approved the plan.", ""),
        # Nor an all-capitals name or abbreviation opening the sentence, then an apposition in lower case.
        ("ZORVEX, the shipping group, said bookings fell - the third fall this year.", ""),
        ("CPI, the main gauge of prices, rose 0.4% - its steepest climb since spring.", ""),
        # An agency in brackets straight after the place.
        ("MARLSTOW (NPA) - Two ferries ran aground on Sunday.", "MARLSTOW (NPA) - "),
        ("OSTREN BAY, 12 May (VPA) — The vote was delayed.", "OSTREN BAY, 12 May (VPA) — "),
    ],
)
def test_a_sentence_opening_with_a_dateline_says_where_it_ends(sentence: str, opening: str) -> None:
    from newsdesk.text import dateline_end

    assert sentence[:dateline_end(sentence)] == opening
