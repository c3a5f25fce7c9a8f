"""What counts as a dispute at answer time, and what does not (`newsdesk.answer.dispute_answer.answer_time_sides`).

Each row is an invented pair of sentences (invented names, outlets and wording, several domains) that both
meet a question's pins: the first is the answerer's best sentence, the second another candidate. They are a
dispute only when they come from different sources, about the same story, and give different values of what
the question asks (a figure of the same count, a date, a name, a yes or a no). The words around two figures
are compared by the real embedding model ("staff would lose their jobs" / "workers would be made redundant").
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdesk.answer.answering import Candidate, ExtractiveAnswerer, compose
from newsdesk.answer.dispute_answer import DISAGREE, affirms, answer_time_sides, disagreement
from newsdesk.answer.questions import analyse
from newsdesk.answer.verification import answer_sentences, cited_numbers, supports
from newsdesk.claims.attribution import claimant_label

MET = {"figure_about": 1.0, "focus_met": 1.0, "event_met": 1.0, "common_term_met": 1.0}


@dataclass(frozen=True)
class Said:
    text: str
    claimant: str | None
    doc: str = "a.md"
    title: str = "Harrowgate council votes on Ostrey Mill"
    outlet: str = "Harrowgate Gazette"
    figure_about: float = 1.0
    relay: str | None = None


def _candidate(said: Said, start: int) -> Candidate:
    return Candidate(
        text=said.text, start=start, end=start + len(said.text),
        metadata={"doc_id": said.doc, "title": said.title, "outlet": said.outlet, "published": "2025-10-02"},
        context=said.text, claimant=said.claimant, relay=said.relay, rank=1, similarity=0.5, coverage=0.5,
        features={**MET, "figure_about": said.figure_about}, confidence=0.4,
    )


# (what the row shows, question, best sentence, other sentence, is it a dispute?)
ROWS = [
    ("two sources, two counts of one crowd (sport)",
     "How many fans watched the Brindle Cup final?",
     Said("Organisers said 41,000 fans watched the final at Coldharbour Park.", "Organisers", "cup.md", "Brindle Cup final crowd"),
     Said("Police estimated that 27,500 fans watched the final.", "Police", "cup.md", "Brindle Cup final crowd"),
     True),
    ("the same count in other words: staff losing jobs / workers made redundant (business)",
     "How many people will lose their jobs at Ostrey Mill?",
     Said("Ostrey Mill said 310 staff would lose their jobs by March.", "Ostrey Mill"),
     Said("The Weavers' Union said 450 workers would be made redundant.", "Weavers' Union", figure_about=0.0),
     True),
    ("a figure of something else is not a side, even from another source (business)",
     "How many people will lose their jobs at Ostrey Mill?",
     Said("Ostrey Mill said 310 staff would lose their jobs by March.", "Ostrey Mill"),
     Said("The Weavers' Union said the mill had produced 9,000 bolts of cloth a year.", "Weavers' Union", figure_about=0.0),
     False),
    ("another party's figure is not a side: seats of two parties (politics)",
     "How many seats did the Harvest Party win?",
     Said("The Harvest Party won 47 seats, the electoral board said.", "electoral board", "vote.md", "Harrowgate election result"),
     Said("Analysts at Fenmoor University said the Coast Alliance's 31 seats would decide the coalition.", "Fenmoor University",
          "vote.md", "Harrowgate election result"),
     False),
    ("one source revising its own figure is a revision, not a dispute (disaster)",
     "How many people died in the Tamsfield landslide?",
     Said("Tamsfield fire service said 12 people had died.", "Tamsfield fire service", "slide.md", "Tamsfield landslide toll"),
     Said("Tamsfield fire service later said 15 people had died.", "Tamsfield fire service", "slide.md", "Tamsfield landslide toll"),
     False),
    ("another toll of the same event is not a side: killed against injured (disaster)",
     "How many people were injured in the Tamsfield landslide?",
     Said("Doctors at Tamsfield General said 40 people were injured.", "Doctors at Tamsfield General", "slide.md", "Tamsfield landslide toll"),
     Said("The mayor, Orla Penn, said 15 people had been killed.", "Orla Penn", "slide.md", "Tamsfield landslide toll"),
     False),
    ("two sources agreeing on a figure do not disagree (local government)",
     "How many homes will the Wexmoor scheme build?",
     Said("The developer said 220 homes would be built.", "developer", "homes.md", "Wexmoor housing scheme"),
     Said("Councillor Ines Farrow said 220 homes would be built.", "Ines Farrow", "homes.md", "Wexmoor housing scheme"),
     False),
    ("figures from two different stories are not a dispute: two cities' budgets (politics)",
     "How many votes did the budget pass by?",
     Said("Harrowgate's council passed the budget by 14 votes.", None, "h.md", "Harrowgate passes budget", "Harrowgate Gazette"),
     Said("Lenmoor's assembly passed the budget by three votes.", None, "l.md", "Lenmoor assembly budget vote", "Lenmoor Post"),
     False),
    ("the same story told by two outlets with different figures is a dispute (politics)",
     "How many votes did the budget pass by?",
     Said("Harrowgate's council passed the budget by 14 votes.", None, "h.md", "Harrowgate passes budget", "Harrowgate Gazette"),
     Said("The budget cleared Harrowgate council by 12 votes.", None, "h2.md", "Budget approved in Harrowgate", "Valley Courier"),
     True),
    ("when it should close: two sources, two years (business)",
     "When will the Ostrey Mill power station close?",
     Said("The operator said the power station would close in 2031.", "operator"),
     Said("Environment minister Hal Dunmore said it must close by 2028.", "Hal Dunmore"),
     True),
    ("a yes and a no: a denial against a claim (courts)",
     "Was the Brackley bridge contract rigged?",
     Said("Prosecutors said the Brackley bridge contract was rigged in favour of Denholm Build.", "Prosecutors", "court.md", "Brackley bridge trial"),
     Said("Denholm Build denied that the contract had been rigged.", "Denholm Build", "court.md", "Brackley bridge trial"),
     True),
    ("a yes and a no by antonym: safe against unsafe (science)",
     "Is the Kelso weedkiller safe for bees?",
     Said("The maker, Arden Agri, said the weedkiller was safe for bees.", "Arden Agri", "bees.md", "Kelso weedkiller and bees"),
     Said("Beekeepers' federation chair Mina Oduro said the weedkiller was unsafe.", "Mina Oduro", "bees.md", "Kelso weedkiller and bees"),
     True),
    ("two sources saying yes do not disagree (science)",
     "Is the Kelso weedkiller safe for bees?",
     Said("The maker, Arden Agri, said the weedkiller was safe for bees.", "Arden Agri", "bees.md", "Kelso weedkiller and bees"),
     Said("A university study found the weedkiller safe for bees at normal doses, Professor Lin Haas said.", "Lin Haas", "bees.md", "Kelso weedkiller and bees"),
     False),
    ("two sources naming different people for the post (politics)",
     "Who will lead the Harrowgate council?",
     Said("The Civic Party said Tomas Reddy would lead the council.", "Civic Party"),
     Said("Local Greens leader Ada Quist said Wenna Marsh had the votes to lead it.", "Ada Quist"),
     True),
    # What is one side: a body and someone speaking for it, and an agency relaying a source.
    ("a body's spokesman and the body, though their names share no proper name, are one side (utilities)",
     "How many homes lost power in Kilbride?",
     Said("Water Board spokesman Jory Pask said 8,000 homes lost power in Kilbride.", "Water Board spokesman Jory Pask",
          "power.md", "Storm cuts power in Kilbride"),
     Said("The Kilbride Water Board later said 6,500 homes had lost power.", "Kilbride Water Board", "power.md",
          "Storm cuts power in Kilbride"),
     False),
    ("a body's spokeswoman and the body, its words in another order, are one side (shipping)",
     "How many containers fell overboard off Stellby?",
     Said("The port authority's spokeswoman, Edda Marr, said 14 containers fell overboard.",
          "port authority's spokeswoman, Edda Marr", "port.md", "Containers lost off Stellby"),
     Said("The Authority of the Port said 12 containers fell overboard off Stellby.", "Authority of the Port", "port.md",
          "Containers lost off Stellby"),
     False),
    ("an agency's own words and the ministry it relays are one chain (health)",
     "How many people were taken to hospital in Lyndrith?",
     Said("The health ministry said 45 people had been taken to hospital in Lyndrith.", "health ministry", "a.md",
          "Lyndrith outbreak", "Daily Sextant", relay="Norpress"),
     Said("Fifty-two people have been taken to hospital in Lyndrith.", None, "b.md", "Lyndrith outbreak: more in hospital",
          "Norpress"),
     False),
    ("a spokesman for a union and the company he argues with are two sides (transport)",
     "How many drivers joined the strike at Ambleford?",
     Said("Ned Corr, a spokesman for the Transit Guild, said 1,200 drivers joined the strike at Ambleford.",
          "Ned Corr, a spokesman for the Transit Guild", "bus.md", "Ambleford bus strike"),
     Said("Ambleford Buses said 340 drivers joined the strike.", "Ambleford Buses", "bus.md", "Ambleford bus strike"),
     True),
    # What is counted: the question's counted word written in the sentence but beside none of its figures.
    ("flights cancelled are not a count of pilots on strike, though the sentence names the pilots (aviation)",
     "How many pilots went on strike at Skyvale Air?",
     Said("Skyvale Air cancelled 160 flights on Friday as pilots walked out over pay, the airline said.", "airline",
          "air.md", "Skyvale Air pilots walk out"),
     Said("The pilots' association said 240 flights had been cancelled.", "pilots' association", "air.md",
          "Skyvale Air pilots walk out"),
     False),
    ("\"498 of its soldiers\" counts soldiers: a partitive is passed over (conflict)",
     "How many soldiers has the Varn army lost?",
     Said("The Varn army said that 498 of its soldiers had died.", "Varn army", "war.md", "Varn army losses"),
     Said("Opposition monitors said nearly 6,000 soldiers of the Varn army had died.", "Opposition monitors", "war.md",
          "Varn army losses"),
     True),
]


@pytest.fixture(scope="module")
def counted_alike(embedder):
    return ExtractiveAnswerer(embedder, settings=None).counted_alike  # type: ignore[arg-type]


@pytest.mark.parametrize(("shows", "question", "best", "other", "disputed"), ROWS, ids=[row[0] for row in ROWS])
def test_what_counts_as_a_dispute(shows, question, best, other, disputed, counted_alike):
    first, second = _candidate(best, 0), _candidate(other, 500)
    sides = answer_time_sides(analyse(question), first, [first, second], counted_alike)
    assert (sides == [first, second]) is disputed, shows


def test_a_question_naming_one_source_asks_for_that_side_only(counted_alike):
    """"How many fans did the police count?": the organisers' figure is not asked for."""
    first = _candidate(Said("Police estimated that 27,500 fans watched the final.", "Police"), 0)
    second = _candidate(Said("Organisers said 41,000 fans watched the final.", "Organisers"), 300)
    question = analyse("How many fans did the Brindle Police count at the final?")
    assert answer_time_sides(question, first, [first, second], counted_alike) == []


def test_a_sentence_the_judge_all_but_ruled_out_is_not_a_side(counted_alike):
    first = _candidate(Said("Organisers said 41,000 fans watched the final.", "Organisers"), 0)
    second = _candidate(Said("Police estimated that 27,500 fans watched the final.", "Police"), 300)
    second.confidence = 0.001
    assert answer_time_sides(analyse("How many fans watched the final?"), first, [first, second], counted_alike) == []


@pytest.mark.parametrize(
    ("sentence", "says_yes"),
    [
        ("The bridge is open to traffic.", True),
        ("The bridge is not open to traffic.", False),
        ("The ministry denied that the bridge was unsafe.", True),  # a denial of the opposite: "not unsafe"
        ("Engineers said the bridge was unsafe.", False),
    ],
)
def test_yes_or_no_by_negation_and_antonym(sentence, says_yes):
    question = analyse("Is the Corran bridge open and safe?")
    assert affirms(sentence, question) is says_yes


def test_the_answer_names_every_side_and_each_sentence_is_supported(counted_alike):
    best = _candidate(Said("Organisers said 41,000 fans watched the final at Coldharbour Park.", "Organisers"), 0)
    other = _candidate(Said("Police estimated that 27,500 fans watched the final.", "Police", "b.md",
                            "Harrowgate council votes on Ostrey Mill", "Valley Courier"), 0)
    question = analyse("How many fans watched the final?")
    text, citations, table = disagreement([best, other], question, 500, compose)
    assert text.startswith(DISAGREE) and "41,000" in text and "27,500" in text
    assert [side["claimant"] for side in table["sides"]] == ["Organisers", "Police"]
    by_n = {c.n: c for c in citations}
    for sentence in answer_sentences(text):
        for n in cited_numbers(sentence):
            label = claimant_label(by_n[n].claimant, by_n[n].relay, inline=False)
            assert supports(by_n[n].quote, sentence.removeprefix(DISAGREE), label) or supports(by_n[n].quote, sentence, label)


def test_an_outlets_own_sentence_is_given_as_the_outlets(counted_alike):
    gazette = _candidate(Said("Harrowgate's council passed the budget by 14 votes.", None, "h.md", "Harrowgate passes budget"), 0)
    courier = _candidate(Said("The budget cleared Harrowgate council by 12 votes.", None, "h2.md", "Budget approved in Harrowgate",
                              "Valley Courier"), 0)
    text, citations, _ = disagreement([gazette, courier], analyse("How many votes did the budget pass by?"), 500, compose)
    assert "Harrowgate Gazette" in text and "Valley Courier" in text
    assert {c.claimant for c in citations} == {"Harrowgate Gazette", "Valley Courier"}


def test_a_source_asked_for_by_its_acronym_is_one_side(counted_alike):
    """"What figure has the WFO given?" asks the World Fisheries Office's side, named in its own sentence."""
    first = _candidate(Said("The Coastal Union said 3,100 boats had been laid up.", "Coastal Union"), 0)
    second = _candidate(Said("The World Fisheries Office has spoken of 1,750 boats laid up.", None, "b.md",
                             "Harrowgate boats laid up", "Valley Courier"), 300)
    assert len(answer_time_sides(analyse("How many boats have been laid up in Harrowgate?"), first, [first, second],
                                 counted_alike)) == 2
    question = analyse("What figure has the WFO given for boats laid up?")
    assert answer_time_sides(question, first, [first, second], counted_alike) == []


# -- end to end: invented articles, the real model, store, judge and answerer -------------------------
ARTICLES = {
    "smelter.md": ("2025-03-04", "Kelby smelter to close, owner says", "Harrowgate Gazette",
                   "KELBY — The Kelby aluminium smelter will close in 2031, its owner Norrland Metals said on Monday. "
                   "The company said the plant employs 410 people.\n\n"
                   "Environment minister Hal Dunmore said the smelter must close by 2028 at the latest, "
                   "three years before the date the company gave.\n\n"
                   "The smelter opened in 1974."),
    "weir.md": ("2025-03-05", "Dunmore weir repairs finished", "Valley Courier",
                "DUNMORE — Engineers finished repairs to the Dunmore weir on Tuesday. "
                "The river authority's chief engineer, Petra Lund, said the weir was safe.\n\n"
                "The Dunmore Residents' Association said the weir was still unsafe after the repairs.\n\n"
                "The weir was built in 1911."),
}


@pytest.fixture(scope="module")
def invented(tmp_path_factory, embedder):
    from conftest import indexed_assistant

    texts = {name: f'---\ntitle: "{title}"\noutlet: "{outlet}"\npublished: {day}\n---\n{body}\n'
             for name, (day, title, outlet, body) in ARTICLES.items()}
    return indexed_assistant(tmp_path_factory.mktemp("answer-time"), embedder, texts)


@pytest.mark.parametrize(
    ("question", "every_side"),
    [
        ("When will the Kelby smelter close?", ("2031", "2028", "Norrland Metals", "Dunmore")),
        ("Is the Dunmore weir safe?", ("Lund", "Residents")),
    ],
)
def test_an_answer_gives_every_side_found_at_answer_time(invented, question, every_side):
    from newsdesk.assistant import Request

    answer = invented.ask(Request(question))
    assert not answer.refused, answer.answer
    assert answer.answer.startswith(DISAGREE) and answer.disputes, answer.answer
    assert answer.disputes[0]["subject"] == question, "found by the ledger, not at answer time"
    assert all(word in answer.answer for word in every_side), answer.answer
    for citation in answer.citations:
        assert invented.article(citation.doc_id).body[citation.start:citation.end] == citation.quote
