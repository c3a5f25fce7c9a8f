"""Who said it (`newsdesk.answer.sources`): the one definition of "the same source" and of "this text names the
claimant" that the latest-figure rule and answer-time disputes both use."""

from __future__ import annotations

import pytest

from newsdesk.answer.candidates import Candidate
from newsdesk.answer.sources import attributed_restatement, described_as, named_in, one_source, said_by, same_source


def _said(text: str, claimant: str | None = None, doc: str = "a", outlet: str = "", relay: str | None = None,
          passage: str = "") -> Candidate:
    return Candidate(text=text, start=0, end=len(text), metadata={"doc_id": doc, "outlet": outlet}, context=text,
                     claimant=claimant, relay=relay, rank=1, passage=passage or text)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param(_said("The ministry said 40 died.", "Interior Ministry", doc="a"),
                     _said("The ministry said 52 died.", "Interior Ministry", doc="b"), True, id="one claimant"),
        pytest.param(_said("Police said 12,000 marched.", "Police", doc="a"),
                     _said("Organisers said 45,000 marched.", "Organisers", doc="a"), False,
                     id="two claimants in one article"),
        pytest.param(_said("Piet Holm said the port stays shut.", "Piet Holm", doc="a",
                           passage="Piet Holm, a spokesman for the Coastal Authority, said the port stays shut."),
                     _said("The Coastal Authority said the port stays shut.", "Coastal Authority", doc="b"), True,
                     id="a body and its spokesman"),
        pytest.param(_said("RIA said 498 died.", "Defense Ministry", relay="RIA", doc="a"),
                     _said("498 died.", "RIA", doc="b"), True, id="a relay and whom it relays"),
        pytest.param(_said("Police said 6,500 marched.", "Police", doc="a"),
                     _said("The police force put the crowd at 4,000.", None, doc="b"), True,
                     id="an unattributed sentence naming the claimant"),
        pytest.param(_said("Police said 6,500 marched.", "Police", doc="a", outlet="Courier"),
                     _said("Organisers counted 45,000.", None, doc="b", outlet="Herald"), False,
                     id="an unattributed sentence of another outlet naming no one"),
        pytest.param(_said("The toll rose to 17.", None, doc="a", outlet="Wire"),
                     _said("Nine were killed.", None, doc="b", outlet="Wire"), True,
                     id="unattributed sentences of one outlet"),
        pytest.param(_said("The toll rose to 17.", None, doc="a", outlet="Wire"),
                     _said("Nine were killed.", None, doc="a", outlet="Wire"), True,
                     id="unattributed sentences of one article"),
    ],
)
def test_the_same_source(a: Candidate, b: Candidate, same: bool) -> None:
    assert same_source(a, b) is same
    assert same_source(b, a) is same


@pytest.mark.parametrize(
    ("claimant", "text", "named"),
    [
        ("Ines Varga", "The port stays shut, Varga told Ines's colleagues.", True),
        ("Port authority spokeswoman Ines Varga", "Varga said the figure was too low.", False),
        ("harbour master", "contradicting the harbour master", True),
        ("Police", "the police force put the crowd at 4,000", True),
        ("police", "the policing of the march", True),
        ("Russia's Defense Ministry", "nearly 6,000 Russian soldiers have been killed", False),
        ("", "anything", False),
    ],
    ids=["every proper-name word", "not every proper-name word", "a role", "a claimant's only word",
         "a claimant without a proper name, by a longer stem", "a proper name only by its own stem", "no claimant"],
)
def test_a_text_names_the_claimant(claimant: str, text: str, named: bool) -> None:
    assert named_in(claimant, text) is named


def test_a_guild_is_what_the_union_names_and_a_ministry_what_the_government_names():
    guild = _said("The guild said 1,400 of its members had walked out.", "Kelmar Boatmen's Guild",
                  passage="The Kelmar Boatmen's Guild called the strike. The guild said 1,400 of its members had walked out.")
    assert {"guild", "union"} <= described_as(guild)
    assert said_by(("union",), guild)
    ministry = _said("The Ministry of Transport said tolls would repay the loan.", "Ministry of Transport")
    assert said_by(("government",), ministry)
    assert not said_by(("union",), ministry)


def test_the_source_asked_is_the_sentences_own_claimant_not_a_neighbours():
    company = _said("Estuary Crossings said 600 of its staff stayed away.", "Estuary Crossings",
                    passage="The guild said 1,400 walked out. Estuary Crossings said 600 of its staff stayed away.")
    assert not said_by(("guild",), company)
    assert not said_by(("union",), _said("Nine boats stayed in port.", None))


def test_an_attributed_sentence_restates_an_unattributed_figure():
    lead = _said("Fares on the line will rise by 8 percent from March.", None)
    assert attributed_restatement(lead, _said("Tollan Rail said fares would rise by 8 percent to pay for trains.", "Tollan Rail"))
    assert not attributed_restatement(lead, _said("Passengers' groups said 5 percent was enough.", "Passengers' groups"))
    assert not attributed_restatement(lead, _said("Fares will rise by 8 percent.", None))


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("the council", "Ostrey District Council", True),
        ("the carrier", "the carrier Brundle Air", True),
        ("the regional police", "Harnmoor police", True),
        # a shared trade word is no shared body: a union and an employer, riders and a ferry company, are two sources
        ("the bus drivers' union", "the bus company Pellmore Coaches", False),
        ("the ferry company", "the Island Commuters' Association", False),
        ("the spokesman", "Ostrey District Council", False),
    ],
)
def test_a_label_naming_no_one_is_the_named_source_whose_name_holds_its_head(a: str, b: str, one: bool) -> None:
    """`one_source` (round 18; review 18): "the council" is "Ostrey District Council" in one article, read by the
    label's head, its last word, alone; any other shared word would make a union one source with its employer."""
    assert one_source(a, b) is one
    assert one_source(b, a) is one
