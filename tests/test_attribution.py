import pytest

from newsdesk.claims.annotation import AnnotatedSentence
from newsdesk.claims.attribution import attribute_clauses, claimant_label
from newsdesk.text import Span


def _attribute(*sentences: str) -> list:
    body = " ".join(sentences)
    spans, position = [], 0
    for sentence in sentences:
        spans.append(Span(position, position + len(sentence)))
        position += len(sentence) + 1
    sentences = [AnnotatedSentence(span, tuple(c)) for span, c in zip(spans, attribute_clauses(body, spans), strict=True)]
    return [claimant_label(s.attribution.claimant, s.attribution.relay, inline=False) if s.attribution else None for s in sentences]


def test_subject_before_an_attribution_verb_is_the_claimant():
    assert _attribute("Ukraine's State Emergency Service said 2,000 civilians were killed.") == [
        "Ukraine's State Emergency Service"
    ]


def test_citing_makes_the_agency_the_relay():
    assert _attribute("The ministry said 498 died, RIA news agency stated citing the ministry.")[0].endswith(
        "via RIA news agency"
    )


def test_according_to_after_a_claimant_is_the_relay():
    labels = _attribute("Russia's Defense Ministry said 498 died.", "The ministry also said 2,870 were killed, according to Interfax.")
    assert labels[1] == "Russia's Defense Ministry, via Interfax"


def test_pronouns_and_short_references_resolve_to_the_last_named_claimant():
    labels = _attribute(
        "The Harbour Authority said the port is closed.",
        '"Nobody may sail," it said in a statement.',
        "Ten boats were damaged, according to the statement.",
    )
    assert labels == ["Harbour Authority", "Harbour Authority", "Harbour Authority"]


def test_a_quote_followed_by_its_speaker():
    labels = _attribute('"The bridge is closed," Mayor Ruth Lusk said.')
    assert labels == ["Mayor Ruth Lusk"]


def test_a_name_with_an_appositive_role():
    labels = _attribute("But Oleksiy Arestovich, a Ukrainian presidential adviser, rejected this.")
    assert labels == ["Oleksiy Arestovich, a Ukrainian presidential adviser"]


def test_a_sentence_without_attribution_has_none():
    assert _attribute("The river rose two metres overnight.") == [None]


def test_a_lower_case_word_between_a_place_and_a_role_belongs_to_the_role():
    assert _attribute("Portside dock master Ann Lee said the quay was closed.") == ["Portside dock master Ann Lee"]


def test_a_definite_common_noun_before_said_is_the_claimant():
    from newsdesk.claims.attribution import _attribute

    found = _attribute("The carrier cancelled 140 flights on Monday, the airline said, as pilots went on strike.", [])
    assert found is not None and "airline" in found.claimant


def test_an_indefinite_role_before_said_is_the_claimant():
    assert _attribute("A harbour spokeswoman said the quay was closed.") == ["harbour spokeswoman"]


def test_according_to_a_document_of_a_role_names_the_role():
    assert _attribute("Two hundred staff will go, according to a company statement.") == ["company"]


def test_putting_or_measuring_a_figure_at_a_value_is_a_claim():
    assert _attribute("The Coastal Survey measured the tremor at magnitude 3.9.") == ["Coastal Survey"]
    assert _attribute("The Tide Watch Network put the height at 4 metres.") == ["Tide Watch Network"]


def test_a_revised_figure_is_not_a_claimant_revising_it():
    assert _attribute("The revised figure puts the number of voters at 1,200.") == [None]


def test_a_common_noun_source_with_its_modifiers_is_the_claimant():
    assert _attribute("A volunteer rescue group said 20 people died.") == ["volunteer rescue group"]


def test_a_pronoun_that_refers_to_nobody_yet_gives_way_to_the_sentence_s_own_claimant():
    """"the 300 it announced in March, the company said": "it" is not the claimant, the company is."""
    assert _attribute(
        "Brightvale Foods will now cut 200 jobs, down from the 300 it announced in March, the company said."
    ) == ["Brightvale Foods"]


def test_the_company_said_is_the_name_the_sentence_opens_with():
    assert _attribute("Tarnholt Mining will close two pits next year, the company said on Monday.") == ["Tarnholt Mining"]


def test_the_company_said_is_not_a_place_the_sentence_opens_by_describing():
    """"Delmore, a town of 8,000, will lose 300 jobs ..., the company said": Delmore is described, not speaking."""
    assert _attribute(
        "Delmore, a town of 8,000 people, will lose 300 jobs when the plant closes, the company said."
    ) == ["company"]


def test_she_said_refers_to_the_person_introduced_beside_a_role_earlier():
    assert _attribute(
        "The guild's general secretary, Moira Castellane, toured the picket line.",
        "She said, however, that about 400 members would accept it.",
    ) == [None, "Moira Castellane"]


def test_a_judgement_verb_with_an_object_and_a_complement_attributes_the_judgement():
    """"called the offer an insult" is her view; "called the fire brigade" and "called the race off" are not."""
    assert _attribute(
        "The guild's general secretary, Moira Castellane, called the offer an insult.",
        "She said, however, that about 400 members would accept it.",
    ) == ["Moira Castellane", "Moira Castellane"]
    assert _attribute("Neighbours called the fire brigade at about three in the morning.") == [None]
    assert _attribute("The organisers called the race off when the fog came down.") == [None]
    assert _attribute("The mining company dismissed the report as unscientific.") == ["mining company"]


def test_she_refers_to_a_person_described_by_where_they_work():
    """"Farida Okonjo of the National Oceanographic Survey" is one person, whatever noun the body's name ends in."""
    assert _attribute(
        "Ann Roe, who leads the dig, said the wall was Roman.",
        "An outside expert, Ondine Vantreck of the Northern Geological Survey, said the dating was sound.",
        '"I have seen nothing to doubt it," she said.',
    )[2] == "Ondine Vantreck of the Northern Geological Survey"


def test_a_ship_named_after_a_common_noun_is_not_a_person_he_can_refer_to():
    assert _attribute(
        "Captain Ivo Renn, the master of the vessel, said the crew had been trained.",
        "The tanker Silver Gull ran aground on Monday.",
        "He said the engines had failed.",
    )[2] == "Captain Ivo Renn, the master of the vessel"


def test_a_source_described_by_what_it_knows_is_the_claimant():
    assert _attribute("Two people with knowledge of the talks told reporters the price was 40 million.") == [
        "people with knowledge of the talks"
    ]


def test_a_source_with_a_relative_clause_before_its_verb_is_the_claimant():
    assert _attribute(
        "A volunteer search group that has worked in the hills since Sunday said at least 30 people had died."
    ) == ["volunteer search group"]


def test_a_figure_reported_earlier_is_not_a_claimant():
    assert _attribute(
        "The club's chairman has put the value of the transfer at twelve million crowns, well above the figure reported earlier."
    ) == ["club's chairman"]


def test_a_source_of_a_thing_with_a_relative_clause_is_the_claimant():
    """The subject is the operator, not the harbour master the sentence goes on to contradict."""
    assert _attribute(
        "The operator of the bus that crashed on the coast road denied on Friday that it had been speeding, "
        "contradicting the police, who said it was going far too fast."
    ) == ["operator of the bus"]


def test_a_dateline_is_not_the_name_a_sentence_opens_with():
    assert _attribute(
        "HOLLOWAY, North Fell (NPA) - The toll has risen to 12, the regional rescue service said."
    ) == ["regional rescue service"]


# (sentence, claimant) — the noun right before the verb belongs to what describes the source.
DESCRIBED_SOURCES = [
    ("The company that owns the mine said 12 workers were trapped.", "company"),
    ("A spokesman for the firm that runs the port said 40 containers fell overboard.", "spokesman for the firm"),
    ("Officials close to the mayor said the budget would be cut.", "Officials close to the mayor"),
    ("Local police in Kestby said 12 people were missing.", "police in Kestby"),
]


@pytest.mark.parametrize("sentence, claimant", DESCRIBED_SOURCES, ids=[c for _, c in DESCRIBED_SOURCES])
def test_a_source_described_by_a_clause_is_not_the_clause_s_last_noun(sentence, claimant):
    assert _attribute(sentence) == [claimant]


def test_he_after_a_speaker_is_the_speaker_not_the_thing_the_sentence_opens_with():
    labels = _attribute(
        "Provincial governor Anna Brisk said the dam had held.",
        "Floodwater swept through the lower village, Brisk told reporters.",
        '"The water came down like a wall," he said.',
    )
    assert labels[2] == "Provincial governor Anna Brisk"


def test_a_news_conference_relays_nothing():
    assert _attribute("Mayor Ivo Penn told a news conference in Dunmore that the bridge was safe.") == ["Mayor Ivo Penn"]


def test_the_council_is_not_the_councillors_named_before():
    labels = _attribute("Opposition councillors said the change would fail.", "The council said the change would save money.")
    assert labels == ["Opposition councillors", "council"]


def test_saying_after_a_pronoun_opening_names_nobody_new():
    labels = _attribute("Judge Ann Kell sentenced the former mayor.", "It overturned one conviction, saying the proof was thin.")
    assert labels[1] is None


def test_a_common_word_before_a_colon_is_no_speaker():
    assert _attribute("Update: 'The road is open again'") == [None]
