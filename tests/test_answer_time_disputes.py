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

from newsdesk.answer.candidates import Candidate
from newsdesk.answer.answering import ExtractiveAnswerer
from newsdesk.answer.composing import compose
from newsdesk.answer.dispute_answer import (
    DISAGREE, affirms, announces_a_correction, answer_time_sides, asks_every_side, asks_whether_sources_agree,
    corrects_a_count, counts_only_vaguely, disagreement, disputes_a_count, each_sources_latest, negates_a_question_word,
    with_estimate_read,
)
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
    passage: str = ""  # the retrieved passage around the sentence, when it says more than the sentence


def _candidate(said: Said, start: int) -> Candidate:
    return Candidate(
        text=said.text, start=start, end=start + len(said.text),
        metadata={"doc_id": said.doc, "title": said.title, "outlet": said.outlet, "published": "2025-10-02"},
        context=said.text, claimant=said.claimant, relay=said.relay, rank=1, similarity=0.5, coverage=0.5,
        features={**MET, "figure_about": said.figure_about}, confidence=0.4, passage=said.passage or said.text,
    )


# (what the row shows, question, best sentence, other sentence, is it a dispute?)
ROWS = [
    ("two sources, two counts of one crowd (sport)",
     "How many fans watched the Brindle Cup final?",
     Said("Organisers said 41,000 fans watched the final at Coldharbour Park.", "Organisers", "cup.md", "Brindle Cup final crowd"),
     Said("Police estimated that 27,500 fans watched the final.", "Police", "cup.md", "Brindle Cup final crowd"),
     True),
    ("a weekday beside a figure is when it was said, not another owner of the figure (sport)",
     "How many fans watched the Brindle Cup final?",
     Said("Organisers said 41,000 fans watched the final at Coldharbour Park.", "Organisers", "cup.md", "Brindle Cup final crowd"),
     Said("Police said on Sunday that 27,500 fans watched the final.", "Police", "cup.md", "Brindle Cup final crowd"),
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
    ("a spokesman named alone, whose passage introduced him as the body's, and the body are one side (ports)",
     "How many boats are stuck in Merrin harbour?",
     Said("Holm said 40 boats were stuck in Merrin harbour.", "Piet Holm", "quay.md", "Merrin quay shut",
          passage="Piet Holm, a spokesman for the Coastal Authority, said the quay was shut. "
                  "Holm said 40 boats were stuck in Merrin harbour."),
     Said("The Coastal Authority said that 35 boats were stuck in Merrin harbour.", "Coastal Authority",
          "quay2.md", "Merrin quay reopens", "Valley Courier"),
     False),
    ("an agency's own words and the ministry it relays are one chain (health)",
     "How many people were taken to hospital in Lyndrith?",
     Said("The health ministry said 45 people had been taken to hospital in Lyndrith.", "health ministry", "a.md",
          "Lyndrith outbreak", "Daily Sextant", relay="Norpress"),
     Said("Fifty-two people have been taken to hospital in Lyndrith.", None, "b.md", "Lyndrith outbreak: more in hospital",
          "Norpress"),
     False),
    ("a relay that names no one (\"via news\") does not make its source one with an outlet (disaster)",
     "How many people are missing after the Tamsfield landslide?",
     Said("Mayor Orla Penn said 19 people were missing.", "Orla Penn", "slide.md", "Tamsfield landslide toll",
          relay="news"),
     Said("By nightfall 31 people were missing in Tamsfield.", None, "slide2.md", "Tamsfield landslide search",
          "Tamsfield News"),
     True),
    ("a spokesman for a union and the company he argues with are two sides (transport)",
     "How many drivers joined the strike at Ambleford?",
     Said("Ned Corr, a spokesman for the Transit Guild, said 1,200 drivers joined the strike at Ambleford.",
          "Ned Corr, a spokesman for the Transit Guild", "bus.md", "Ambleford bus strike"),
     Said("Ambleford Buses said 340 drivers joined the strike.", "Ambleford Buses", "bus.md", "Ambleford bus strike"),
     True),
    # A round figure and a figure it rounds agree: a quote and the article's paraphrase of it.
    ("a quote and the article's rounded paraphrase of it agree (protest)",
     "How many people marched in Vellan?",
     Said("About 3,000 people marched through Vellan on Saturday, the organisers said.", "organisers", "march.md",
          "Thousands march for Vellan park"),
     Said("“We counted 3,150 people marching through Vellan,” said Mae Tolland, who organised the march.", "Mae Tolland", "march.md",
          "Thousands march for Vellan park"),
     False),
    ("a round figure and one it does not round disagree (protest)",
     "How many people marched in Vellan?",
     Said("About 3,000 people marched through Vellan on Saturday, the organisers said.", "organisers", "march.md",
          "Thousands march for Vellan park"),
     Said("Police said 1,800 people marched through Vellan.", "Police", "march.md", "Thousands march for Vellan park"),
     True),
    # What period is counted: a figure for another year is not a rival figure for this one.
    ("a figure for another year is not a side, though both count tourists (tourism)",
     "How many tourists visited Kelmsby in 2024?",
     Said("The Kelmsby tourism office said 1.2 million tourists visited Kelmsby in 2024.", "Kelmsby tourism office",
          "tour.md", "Kelmsby tourism figures"),
     Said("Local hoteliers said 900,000 tourists visited Kelmsby in 2023.", "Local hoteliers", "tour.md", "Kelmsby tourism figures"),
     False),
    ("two sources' figures for the same year are a dispute (tourism)",
     "How many tourists visited Kelmsby in 2024?",
     Said("The Kelmsby tourism office said 1.2 million tourists visited Kelmsby in 2024.", "Kelmsby tourism office",
          "tour.md", "Kelmsby tourism figures"),
     Said("Local hoteliers said only 900,000 tourists visited Kelmsby in 2024.", "Local hoteliers", "tour.md",
          "Kelmsby tourism figures"),
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


def test_a_count_of_nothing_known_is_no_dispute(counted_alike):
    """"How many?" after a turn that says nothing countable: what either figure counts cannot be checked against what
    is asked, so two sources' figures are no dispute (round 13, `convo13`)."""
    first = _candidate(Said("The Varn army said 1,597 of its soldiers had been wounded.", "Varn army"), 0)
    second = _candidate(Said("Opposition monitors said nearly 6,000 of its soldiers had been wounded.", "Opposition monitors"), 300)
    assert answer_time_sides(analyse("How many?", ["The Varn army spoke to reporters on Friday."]), first, [first, second],
                             counted_alike) == []
    # Once the turn before says what is counted, the two figures are sides.
    counted = analyse("How many?", ["The Varn army gave a figure for its wounded."])
    assert answer_time_sides(counted, first, [first, second], counted_alike) == [first, second]


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

# -- precision: "Sources disagree" only where sources truly disagree ---------------------------------
# Invented articles in several domains: true disputes (figures, dates, names, yes/no) and near misses that are
# not (the same figure restated, a revision by one source, a spokesman and his body, two counts in one story,
# two stories in one town, a figure of another place, year or group, a quote and its paraphrase, an agency
# relaying a ministry). Known misses are strict xfails, so a fix shows up as an unexpected pass.
PRECISION_ARTICLES = {
    # -- true disputes
    "depot-strike.md": ("2025-04-04", "Drivers strike at Ambleford bus depot", "Brinecliff Herald",
        "AMBLEFORD — Bus drivers at the Ambleford depot walked out on Friday over pay. "
        "The Transit Workers' Guild said 1,200 drivers joined the strike.\n\n"
        "Ambleford Buses said only 340 drivers had stayed away from work and most routes ran.\n\n"
        "The depot opened in 1962."),
    "swing-bridge.md": ("2025-04-08", "Quenby swing bridge closure to last years", "Shoreway Courier",
        "QUENBY — The Quenby swing bridge will reopen to traffic in 2027, the county roads department said on Tuesday.\n\n"
        "Brisco Civil, the contractor repairing it, said the work would not be finished before 2029.\n\n"
        "The bridge was built in 1931, according to the Quenby Heritage Society."),
    "walk-in-clinic.md": ("2025-04-10", "Quarrington clinic accused of turning away patients", "Fernlea Post",
        "QUARRINGTON — The Quarrington walk-in clinic turned away dozens of patients last week, "
        "the Patients' Voice group said on Thursday.\n\n"
        "The Eastmoor Health Board denied that the clinic had turned away any patients.\n\n"
        "The clinic treats about 200 people a day."),
    "ridge-fire-agency.md": ("2025-05-11", "Selby Ridge fire spreads", "Highland Dispatch",
        "The Selby Ridge fire has burned 4,500 hectares, the state fire agency said on Sunday. "
        "Crews from three districts are fighting it."),
    "ridge-fire-volunteers.md": ("2025-05-12", "Volunteers battle Selby Ridge blaze", "Plains Observer",
        "Volunteer brigade captain Nell Pellow said the Selby Ridge fire had burned more than 9,000 hectares. "
        "She said the agency's maps were out of date."),
    "tram-cost.md": ("2025-05-14", "Cost of Thrushcombe tram extension disputed", "Metro Ledger",
        "THRUSHCOMBE — The city council said the Thrushcombe tram extension would cost 210 million crowns.\n\n"
        "The regional auditor, Sunniva Larkin, said the extension would cost at least 340 million crowns.\n\n"
        "The line will have nine stops."),
    "lighthouse.md": ("2025-05-20", "Cardew lighthouse marks its anniversary", "Northern Chronicle",
        "CARDEW POINT — The Cardew lighthouse was built in 1794, local historian Ewan Pryce said.\n\n"
        "The Northern Maritime Trust, which owns the tower, said it was built in 1802.\n\n"
        "The lamp was electrified in 1958."),
    "brantham-flood.md": ("2025-06-01", "Brantham evacuated as river rises", "Fenland Times",
        "BRANTHAM — The district council said 2,000 residents had been evacuated from Brantham on Saturday.\n\n"
        "The fire service said 3,500 people had been evacuated.\n\n"
        "A residents' group, Brantham Together, said 5,000 people had been evacuated."),
    "rovers-manager.md": ("2025-06-03", "Marlow Harriers manager row", "Sporting Weekly",
        "MARLOW — Marlow Harriers chairman Ivo Stennet said Bram Kettle would manage the club next season.\n\n"
        "The Harriers Supporters' Trust said the board had already offered the job to Fintan Dee.\n\n"
        "Harriers finished fourth last season."),
    "reservoir.md": ("2025-06-05", "Tillmouth reservoir water tested", "Westvale Gazette",
        "TILLMOUTH — Tillmouth Water said the water from the Tillmouth reservoir was safe to drink.\n\n"
        "An independent laboratory, Corvid Labs, said samples from the Tillmouth reservoir were unsafe to drink "
        "because of high nitrate levels."),
    "mayor-donations.md": ("2025-06-07", "Pellham mayor denies developer donations", "Pellham Star",
        "PELLHAM — Opposition councillor Rhea Mundy said the mayor had accepted donations from Corrin Homes.\n\n"
        "The mayor's office denied that he had accepted any donations from Corrin Homes."),
    # -- near misses: no dispute
    "ferry-pay-vote.md": ("2025-06-09", "Plover Ferries crews accept pay deal", "Brinecliff Herald",
        "The Seafarers' Alliance said 800 members had voted on the Plover Ferries pay offer.\n\n"
        "Plover Ferries confirmed that 800 members had voted, and said 71 percent backed the deal."),
    "trawler.md": ("2025-06-10", "Trawler Morwen sinks off Grisholm", "Harbour Bulletin",
        "The coastguard said on Monday that 11 fishermen were missing after the trawler Morwen sank off Grisholm.\n\n"
        "On Tuesday the coastguard said 9 fishermen were still missing after two were found alive on a life raft."),
    "water-outage.md": ("2025-06-11", "Thousands without water in Redmere", "Redmere Echo",
        "REDMERE — About 14,000 homes in Redmere were without water on Wednesday after a main burst, "
        "said Colby Hask, a spokesman for Vantage Water.\n\n"
        "By the evening Vantage Water said 3,000 homes in Redmere were still without water."),
    "boats-seized.md": ("2025-06-12", "Boats seized in Yelverton Sound operation", "Fjord Post",
        "The fisheries ministry's spokesman, Aldo Rennick, said 38 boats had been seized in the Yelverton Sound operation.\n\n"
        "The Ministry of Fisheries later said 41 boats had been seized in the Yelverton Sound operation."),
    "ferry-aground.md": ("2025-06-13", "Ferry Linnea aground off Ostvik", "Strait Gazette",
        "The ferry Linnea ran aground off Ostvik on Friday carrying 212 passengers, its operator Baltrum Lines said.\n\n"
        "The coastguard said 150 passengers had been taken off the Linnea by lifeboat by nightfall."),
    "brewery-jobs.md": ("2025-06-16", "Ferrow brewery to cut jobs", "Ferrow Advertiser",
        "The Ferrow brewery will cut 85 jobs, its owner Pennock Drinks said on Monday. "
        "The brewery has made beer in the town since 1870."),
    "council-jobs.md": ("2025-06-18", "Ferrow council budget cuts", "County Standard",
        "Ferrow council will cut 60 jobs to balance its budget, council leader Pia Garside said on Wednesday."),
    "nurses-strike.md": ("2025-06-20", "Nurses strike in Alderby", "Midshire News",
        "The nurses' union said 900 nurses in Alderby went on strike on Monday.\n\n"
        "In neighbouring Crossmoor, 300 nurses joined the strike, the Crossmoor health board said."),
    "park-march.md": ("2025-06-21", "Thousands march for Vellan park", "Capital Record",
        "“We counted 3,150 people,” said Mae Tolland, who organised the march.\n\n"
        "About 3,000 people marched through Vellan on Saturday to save the park, according to the organisers."),
    "outbreak-meridian.md": ("2025-06-23", "Food poisoning outbreak in Lyndrith", "Daily Sextant",
        "The health ministry said 45 people had been taken to hospital after a wedding in Lyndrith, "
        "the state news agency Norpress reported."),
    "outbreak-norpress.md": ("2025-06-24", "Lyndrith outbreak: more in hospital", "Norpress",
        "The health ministry said on Tuesday that 52 people had been taken to hospital in the Lyndrith outbreak."),
    "pilots-strike.md": ("2025-06-25", "Skyvale Air pilots walk out", "Aviation Daily",
        "The pilots' association said 420 pilots walked out at Skyvale Air on Friday.\n\n"
        "Skyvale Air said 160 flights had been cancelled."),
    "museum-visitors.md": ("2025-06-26", "Tessaly museum visitor numbers", "Culture Review",
        "The Tessaly museum said 210,000 visitors came in 2024.\n\n"
        "The regional tourism board said the museum had drawn 340,000 visitors in 2019, before it closed for renovation."),
    "dam-inspection.md": ("2025-06-27", "Orrin dam passes inspection", "River Valley News",
        "The river authority said the Orrin dam was safe after the inspection.\n\n"
        "Residents said they had not been told about the inspection of the Orrin dam."),
    "library.md": ("2025-06-28", "Dunhaven library to reopen", "Dunhaven Journal",
        "The council said the Dunhaven library would reopen in March after repairs.\n\n"
        "The Dunhaven library was founded in 1889, according to the town's heritage society."),
    "mine-collapse.md": ("2025-06-29", "Garrow mine collapse", "Mining Standard",
        "The mine owner, Deepcut Minerals, said 7 miners were killed in the Garrow mine collapse.\n\n"
        "Rescue chief Ludo Vey said 23 miners had been brought to the surface alive."),
    "kilbride-power.md": ("2025-07-01", "Storm cuts power in Kilbride", "Northshore Record",
        "Jory Pask, a spokesman for Northgrid, said 8,000 homes lost power in Kilbride on Sunday.\n\n"
        "Northgrid said on Monday that 6,500 homes in Kilbride had lost power in the storm."),
    "stellby-containers.md": ("2025-07-02", "Containers lost off Stellby", "Ports Weekly",
        "The port authority's spokeswoman, Edda Marr, said 14 containers fell overboard off Stellby.\n\n"
        "The Stellby Port Authority said 12 containers fell overboard off Stellby during the gale."),
    "kelmsby-tourists.md": ("2025-07-03", "Kelmsby tourism figures", "Travel Trade Post",
        "The Kelmsby tourism office said 1.2 million tourists visited Kelmsby in 2024.\n\n"
        "Local hoteliers said 900,000 tourists visited Kelmsby in 2023."),
    "tarn-fair.md": ("2025-07-04", "Crowds at the Tarn Valley fair", "Dales Courier",
        "“We had 12,400 visitors,” said fair director Osk Velander.\n\n"
        "About 12,000 people attended the Tarn Valley fair, the organisers said."),
    "wenlow-arrests.md": ("2025-07-05", "Arrests at Wenlow derby", "Matchday Herald",
        "Police said 12 fans were arrested at the Wenlow derby.\n\n"
        "Stewards said 40 fans were ejected from the Wenlow derby."),
    "hollin-vote.md": ("2025-07-06", "Hollin referendum turnout", "Civic Bulletin",
        "The Hollin electoral office said 41,200 people voted in the referendum.\n\n"
        "Campaigners for the Yes side said 38,000 people voted for the change in the Hollin referendum."),
}

PRECISION_QUESTIONS = [  # (what it shows, question, the values every side must show; () when no dispute)
    # "stayed away from work" is not judged the event asked (event_met 0.18), but names no event of its own and
    # stands in the other side's article: it counts that article's event (round 7).
    ("a union and a company count strikers", "How many drivers joined the strike at the Ambleford depot?", ("1,200", "340")),
    pytest.param("an authority and its contractor give two years", "When will the Quenby swing bridge reopen?", ("2027", "2029"),
                 marks=pytest.mark.xfail(strict=True, reason="recall: the contractor's sentence is far less like the question than the lede (similarity 0.30 / 0.82)")),
    # The denial is below the similarity margin (0.46 / 0.76) but negates the question's own word (round 7).
    ("a patients' group and a health board: yes and no", "Did the Quarrington clinic turn away patients?", ("Patients", "Eastmoor")),
    ("two outlets, two areas burned", "How many hectares has the Selby Ridge fire burned?", ("4,500", "9,000")),
    # The auditor's sentence is below the similarity margin (0.39 / 0.81): a side beyond the margin since round 6.
    ("a council and an auditor on a cost", "How much will the Thrushcombe tram extension cost?", ("210", "340")),
    pytest.param("a historian and a trust on a year", "When was the Cardew lighthouse built?", ("1794", "1802"),
                 marks=pytest.mark.xfail(strict=True, reason='recall: the trust\'s "it was built" is below the similarity margin (0.38 / 0.79)')),
    ("three sources on evacuations", "How many people were evacuated from Brantham?", ("2,000", "3,500")),
    pytest.param("a chairman and a supporters' trust name two managers", "Who will manage Marlow Harriers next season?", ("Kettle", "Dee"),
                 marks=pytest.mark.xfail(strict=True, reason="recall: the trust's sentence is below the similarity margin (0.41 / 0.61)")),
    # The laboratory's sentence is just below the similarity margin (0.71 / 0.89): "unsafe" denies the question's "safe".
    ("a utility and a laboratory: safe and unsafe", "Is the water from the Tillmouth reservoir safe to drink?", ("Tillmouth Water", "Corvid")),
    ("a councillor and the mayor's office: yes and no", "Did the Pellham mayor accept donations from Corrin Homes?", ("Mundy", "mayor's office")),
    ("the same figure restated by a second source", "How many members voted on the Plover Ferries pay offer?", ()),
    ("one coastguard revising its count", "How many fishermen are missing after the Morwen sank?", ()),
    ("a spokesman for a company and the company", "How many homes were without water in Redmere?", ()),
    ("a ministry's spokesman and the ministry", "How many boats were seized in the Yelverton Sound operation?", ()),
    pytest.param("two counts in one story: on board and taken off", "How many passengers were on the ferry Linnea?", (),
                 marks=pytest.mark.xfail(strict=True, reason='precision: carried and taken off count passengers alike (0.59); what happened to them is not compared')),
    pytest.param("two stories in one town: a brewery's and a council's jobs", "How many jobs will the Ferrow brewery cut?", (),
                 marks=pytest.mark.xfail(strict=True, reason='precision: a claim-ledger dispute (not answer time) joins two stories whose headlines share the town')),
    ("a figure for another place", "How many nurses went on strike in Alderby?", ()),
    ("a quote and the article's paraphrase of it", "How many people marched in Vellan?", ()),
    ("an agency relaying a ministry, and the ministry's update", "How many people were taken to hospital in the Lyndrith outbreak?", ()),
    pytest.param("flights cancelled given for pilots on strike", "How many pilots went on strike at Skyvale Air?", (),
                 marks=pytest.mark.xfail(strict=True, reason="precision: since claimants are read from sentence structure, 'Skyvale Air said 160 flights ...' has a source of its own; '420 pilots walked out' / '160 flights had been cancelled' are alike at 0.505")),
    ("a figure for another year", "How many visitors did the Tessaly museum attract in 2024?", ()),
    ("a no about something else", "Is the Orrin dam safe?", ()),
    ("a year of another event", "When will the Dunhaven library reopen?", ()),
    ("survivors given for the dead", "How many miners were killed in the Garrow mine collapse?", ()),
    ("a company's spokesman and the company, both close to the question", "How many homes lost power in Kilbride?", ()),
    ("a port authority's spokeswoman and the authority", "How many containers fell overboard off Stellby?", ()),
    ("a figure for another year, both close to the question", "How many tourists visited Kelmsby in 2024?", ()),
    ("a quote and the organisers' rounded figure", "How many people attended the Tarn Valley fair?", ()),
    ("arrested and ejected: two counts of fans", "How many fans were arrested at the Wenlow derby?", ()),
    pytest.param("all who voted and those voting yes", "How many people voted in the Hollin referendum?", (),
                 marks=pytest.mark.xfail(strict=True, reason="precision: a claim-ledger dispute; the ledger does not see that 'voted for the change' counts a part of all who voted (the campaigners became a source when claimants were read from structure)")),
]


@pytest.fixture(scope="module")
def invented(tmp_path_factory, embedder):
    from conftest import indexed_assistant

    texts = {name: f'---\ntitle: "{title}"\noutlet: "{outlet}"\npublished: {day}\n---\n{body}\n'
             for name, (day, title, outlet, body) in {**ARTICLES, **PRECISION_ARTICLES}.items()}
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


@pytest.mark.parametrize(("shows", "question", "every_side"), PRECISION_QUESTIONS,
                         ids=[getattr(row, "values", row)[0] for row in PRECISION_QUESTIONS])
def test_sources_disagree_only_where_they_do(invented, shows, question, every_side):
    from newsdesk.assistant import Request

    answer = invented.ask(Request(question))
    if every_side:
        assert answer.answer.startswith(DISAGREE) and all(v in answer.answer for v in every_side), (shows, answer.answer)
    else:
        assert not answer.answer.startswith(DISAGREE), (shows, answer.answer)
    for citation in answer.citations:
        assert invented.article(citation.doc_id).body[citation.start:citation.end] == citation.quote



@pytest.mark.parametrize(("sentence", "read"), [
    ("Police put the crowd at about 7,000.", "7,000 crowd"),
    ("The Tolbeck police estimated the crowd at 12,500.", "12,500 crowd"),
    ("Organisers put attendance at 40,000.", "40,000 attendance"),
])
def test_an_estimate_is_read_as_its_figure_and_what_it_counts(sentence: str, read: str) -> None:
    """"put the crowd at about 7,000": the words after the figure say nothing; what it counts stands before "at"."""
    assert with_estimate_read(sentence) == f"{sentence} {read}"


def test_a_sentence_without_an_estimate_is_read_as_it_is() -> None:
    assert with_estimate_read("The march passed off peacefully, police said.") == "The march passed off peacefully, police said."


@pytest.mark.parametrize(("question", "sentence", "denies"), [
    ("Was the blackout caused by the heatwave?", "The grid operator said the heatwave had not caused the blackout.", True),
    ("Did the storm cause the collapse of the footbridge?", "The firm said the storm had not caused its collapse.", True),
    ("Was the blackout caused by the heatwave?", "Residents had not been told about the outage.", False),
    ("Was the blackout caused by the heatwave?", "The grid operator said the heatwave caused the blackout.", False),
])
def test_a_negation_just_before_the_question_s_own_word_says_no_to_it(question: str, sentence: str, denies: bool) -> None:
    assert negates_a_question_word(analyse(question, []), sentence) is denies


@pytest.mark.parametrize(
    ("question", "every_side"),
    [
        ("What boundary does each country want?", True),
        ("What pay rise do both unions want?", True),
        ("What do both sides want?", True),
        ("What pay rise are the dockers and the port operator arguing over?", True),
        ("What does each household pay?", False),  # a household is no party to a dispute
        ("What did the union say?", False),  # one party
        ("What do both countries want?", True),  # a plural in -ies is met by its lemma
        ("What do both parties want?", True),
    ],
)
def test_a_what_question_asks_every_partys_position_in_so_many_words(question: str, every_side: bool) -> None:
    assert asks_every_side(analyse(question)) is every_side


@pytest.mark.parametrize(("sentence", "disputes"), [
    ("The mill owners disputed the union's count, saying 310 of their staff were absent.", True),
    ("The interior office rejected the claims, saying a patrol of nine men had stayed on its side.", True),
    ("The operator disputes that, saying 70 of its drivers reported for work.", True),
    ("The residents' group rejected that figure, saying 600 households were flooded.", True),
    ("The charity disputed the council's plan, saying its eight nurses could not cover the district.", False),
    ("The association disputed that the pumps had been enough, saying 20 streets were flooded.", False),
    ("The company gave no reason for rejecting the offer of arbitration.", False),
])
def test_a_sentence_disputes_a_count_or_claim_said_before_it(sentence: str, disputes: bool) -> None:
    """A verb of disputing whose object is a count, a claim or a bare "that": not a plan, not a that-clause."""
    assert disputes_a_count(sentence) is disputes


@pytest.mark.parametrize(("sentence", "corrects", "announces"), [
    ("A volunteer group said the true number was nearer 2,000.", True, False),
    ("The clinic has treated 90 people, the board said, but a charity said the real number was far higher.", True, True),
    ("The board said 90 people had been treated.", False, False),
])
def test_a_corrected_count_answers_one_before_it_or_announces_one_after_it(
        sentence: str, corrects: bool, announces: bool) -> None:
    """"the true number was nearer 2,000" gives its own count; "the real number was far higher" a later sentence's."""
    assert corrects_a_count(sentence) is corrects
    assert announces_a_correction(sentence) is announces


@pytest.mark.parametrize(("question", "sentence", "vague"), [
    ("How many people marched against the depot closure?",
     "Thousands of people marched through the town to oppose closing bus depot 3.", True),
    ("How many people marched against the depot closure?", "About 4,000 people marched through the town.", False),
    ("How many people marched against the depot closure?", "The council voted 12 to 9 to close the depot.", False),
])
def test_a_summary_counting_only_with_a_vague_quantity_gives_no_figure_of_it(question: str, sentence: str, vague: bool) -> None:
    """"Thousands of people ... bus depot 3": its only figure counts no one; its sources' counts are the sides."""
    assert counts_only_vaguely(analyse(question), sentence) is vague


@pytest.mark.parametrize(("question", "agree"), [
    ("Do the prosecution and the defence agree on how much the fund lost?", True),
    ("How many drivers are on strike now? Do both sides agree?", False),  # a count asked: its sides are figures anyway
    ("Do the two unions disagree about the size of the walkout?", True),
    ("Was the wage march as big as the organisers said?", True),
    ("Is the petition as large as the campaigners claim?", True),
    ("Has the appeals court agreed to hear the case?", False),  # "agreed to": consent, not sources agreeing
    ("Did the two partners agree a budget?", False),
    ("Is the bridge as old as the town hall?", False),  # a comparison of two things, no source's figure
    ("How many people marched in Dorrowby?", False),  # no yes/no question
])
def test_a_yes_no_question_asks_whether_sources_agree_in_so_many_words(question: str, agree: bool) -> None:
    """A verb of agreeing before what is agreed on (or ending its clause), or "as big as X said": each source's
    figure of the same count answers it, whichever source it names."""
    assert asks_whether_sources_agree(analyse(question)) is agree


def test_sources_asked_whether_they_agree_are_compared_on_their_figures(counted_alike):
    """"Was the march as big as the organisers said?" names one source; the police's count of the same march in the
    same article is the other side, with its figure, though the police are not named in the question."""
    question = analyse("Was the Tessby wage march as big as the organisers said?")
    organisers = _candidate(Said("The organisers said 9,000 people had joined the march.", "organisers", "m.md",
                                 "Thousands march in Tessby"), 0)
    police = _candidate(Said("The police said about 3,200 people had joined the march.", "police", "m.md",
                             "Thousands march in Tessby"), 300)
    assert answer_time_sides(question, organisers, [organisers, police], counted_alike) == [organisers, police]


def test_the_side_search_reads_whether_a_question_asks_sources_to_agree_once_not_per_candidate(counted_alike):
    """Round 16 (`clean16`): every candidate weighed as a side asked `asks_whether_sources_agree` again; the question's
    text is read once, and the other candidates find the reading made."""
    from newsdesk.answer.dispute_answer import _asks_whether_sources_agree

    question = analyse("Was the Ardwell fuel march as big as the organisers said?")
    said = [Said(f"The {who} said about {n} people had joined the march.", who, "f.md", "Fuel march in Ardwell")
            for who, n in (("organisers", "9,000"), ("police", "3,200"), ("council", "4,100"), ("union", "8,800"))]
    pool = [_candidate(s, 300 * i) for i, s in enumerate(said)]
    _asks_whether_sources_agree.cache_clear()
    answer_time_sides(question, pool[0], pool, counted_alike)
    info = _asks_whether_sources_agree.cache_info()
    assert info.misses == 1 and info.hits >= len(pool) - 1


def test_each_source_is_read_at_its_latest_statement():
    """A latest-figure question's sides are each source's latest figure: a source's earlier figure in an earlier article
    of the same story is what its latest replaces, not a side; another source's figure stays."""
    def said(text: str, claimant: str, published: str) -> Candidate:
        candidate = _candidate(Said(text, claimant, f"{published}.md", "Pallby bus strike"), 0)
        candidate.metadata["published"] = published
        return candidate
    first = said("The guild said 1,100 drivers had joined the strike.", "guild", "2026-03-02")
    operator = said("The operator said 430 of its drivers had stayed away.", "operator", "2026-03-02")
    latest = said("The guild said 1,350 drivers were now on strike.", "guild", "2026-03-04")
    assert each_sources_latest([first, operator, latest]) == [operator, latest]
