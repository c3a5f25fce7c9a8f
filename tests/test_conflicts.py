"""Conflicting claims: grouped by subject, and answered with every side attributed and cited."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from conftest import indexed_assistant
from fake_embedder import FakeEmbedder

from newsdesk.answer.answers import Answer
from newsdesk.answer.questions import analyse
from newsdesk.assistant import Assistant, Request
from newsdesk.claims.annotation import extract_claims
from newsdesk.claims.conflicts import asks_for_a_figure, find_disputes
from newsdesk.articles.corpus import Article
from newsdesk.evaluation.scoring import contains


def _ask(assistant: Assistant, question: str, history: tuple[str, ...] = ()) -> Answer:
    return assistant.ask(Request(question, history))


def _assert_citations_hold(assistant: Assistant, answer: Answer) -> None:
    assert answer.citations
    for citation in answer.citations:
        assert assistant.article(citation.doc_id).body[citation.start:citation.end] == citation.quote
        assert f"[{citation.n}]" in answer.answer


def test_russian_dead_are_answered_with_both_sides_attributed_and_cited(seed_assistant: Assistant) -> None:
    answer = _ask(seed_assistant, "How many Russian soldiers have died?")
    assert not answer.refused
    for wanted in ("498", "nearly 6,000", "Defense Ministry", "via RIA", "Kyiv"):
        assert contains(answer.answer, wanted), answer.answer
    _assert_citations_hold(seed_assistant, answer)
    assert len(answer.answer) <= 500
    table = answer.to_json()["disputes"]
    assert [side["value"] for side in table[0]["sides"]] == [498, 6000]
    assert table[0]["sides"][1]["hedge"] == "nearly"


def test_kherson_control_is_answered_with_both_sides(seed_assistant: Assistant) -> None:
    answer = _ask(seed_assistant, "Who controls Kherson?")
    assert "under control" in answer.answer and "Konashenkov" in answer.answer
    assert "resisting" in answer.answer or "ongoing" in answer.answer
    assert "Ukraine" in answer.answer or "Arestovich" in answer.answer
    _assert_citations_hold(seed_assistant, answer)
    assert len(answer.disputes[0]["sides"]) == 2


def test_a_question_about_an_undisputed_figure_gets_no_dispute(seed_assistant: Assistant) -> None:
    for question, history in (
        ("How many people has the emergency service got to safety?", ()),
        ("And how many were wounded?", ("How many Russian soldiers have died?",)),
        ("How many Russian soldiers died in 2019?", ()),
    ):
        assert not _ask(seed_assistant, question, history).disputes, question


def test_revised_toll_gives_the_latest_with_its_date_and_mentions_the_earlier(eval_assistant: Assistant) -> None:
    answer = _ask(eval_assistant, "How many people died when the ferry capsized near Brenmouth?")
    text = answer.answer
    assert contains(text, "57") and contains(text, "17 Oct") and contains(text, "at least 41")
    assert text.index("57") < text.index("at least 41")  # the latest first, the earlier as history
    assert contains(text, "63") and "Riverline Rescue" in text and "could not be independently verified" in text
    _assert_citations_hold(eval_assistant, answer)
    marrow = next(side for side in answer.disputes[0]["sides"] if "Marrow" in side["claimant"])
    assert marrow["as_of"] == "2024-10-17" and marrow["earlier"][0]["value"] == 41


def test_statements_that_contradict_each_other_are_grouped(eval_assistant: Assistant) -> None:
    answer = _ask(eval_assistant, "Is the Sennet Bridge open again?")
    assert "reopened" in answer.answer and "closed" in answer.answer
    assert "Kroy" in answer.answer and "Lusk" in answer.answer
    _assert_citations_hold(eval_assistant, answer)


def _article(doc_id: str, body: str, day: dt.date, title: str) -> Article:
    return Article(doc_id=doc_id, path=Path(doc_id), title=title, body=body, published=day)


def test_disputes_generalise_to_unseen_articles_claimants_and_revisions() -> None:
    first = _article(
        "quake-1.md",
        "Emergency minister Paulo Renz said on Monday that 120 people were killed in the Ostra earthquake.",
        dt.date(2025, 5, 6),
        "Ostra earthquake kills 120",
    )
    second = _article(
        "quake-2.md",
        "Paulo Renz on Wednesday raised the death toll from the Ostra earthquake to 180. "
        "The Red Crescent said more than 300 people had died in the Ostra quake.",
        dt.date(2025, 5, 8),
        "Ostra quake toll rises",
    )
    elsewhere = _article(
        "flood.md",
        "Governor Lia Moss said 9 people were killed in the Dunmere floods.",
        dt.date(2025, 5, 8),
        "Dunmere floods",
    )
    claims = [c for a in (first, second, elsewhere) for c in extract_claims(a)]
    disputes = find_disputes(claims)
    assert len(disputes) == 1
    sides = {side.claimant: side for side in disputes[0].sides}
    renz = next(side for name, side in sides.items() if "Renz" in name)
    assert renz.latest.value == 180 and renz.latest.as_of == "2025-05-07"
    assert [c.value for c in renz.revised] == [120]
    crescent = next(side for name, side in sides.items() if "Red Crescent" in name)
    assert crescent.latest.value == 300 and crescent.latest.hedge == "more than"
    assert all("Dunmere" not in c.quote for c in disputes[0].claims)


def test_the_chat_shows_a_disputed_figures_table(seed_assistant: Assistant) -> None:
    spec = importlib.util.spec_from_file_location("render_for_disputes", Path(__file__).parent.parent / "app" / "render.py")
    assert spec is not None and spec.loader is not None
    render = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render)  # the chat's renderer is a plain module beside the package
    answer = _ask(seed_assistant, "How many Russian soldiers have died?").to_json()
    page = render.answer_html(answer, turn=1)
    assert '<table class="nd-disputes"><caption>Disputed figures: Russian soldiers killed</caption>' in page
    assert "<td>nearly 6,000</td>" in page and "<td>Kyiv</td>" in page
    assert 'href="#src-1-2"' in page  # each side links to its source


def test_a_claimant_that_speaks_about_two_events_does_not_join_them() -> None:
    """A national agency gives the toll of two floods in two towns: two subjects, not one dispute. Across
    articles, claims are about one event when each article's headline and lede name what the other claim's
    article names; a shared claimant's name does not count."""
    north = _article(
        "north.md",
        "ASHFORD — At least 8 people were killed in floods in Ashford, the National Rescue Agency said. "
        "Volunteers of the Ashford Hill Watch said 15 people had died.",
        dt.date(2025, 4, 2), "Floods hit Ashford",
    )
    south = _article(
        "south.md",
        "BRINDLE — The number of people killed in floods in Brindle has risen to 11, the National Rescue Agency said.",
        dt.date(2025, 4, 3), "Brindle flood toll rises",
    )
    south_again = _article(
        "south-2.md",
        "BRINDLE — A volunteer group that has searched the Brindle valley since Monday said 19 people had died.",
        dt.date(2025, 4, 4), "Brindle volunteers give higher toll",
    )
    claims = [c for a in (north, south, south_again) for c in extract_claims(a)]
    disputes = find_disputes(claims)
    by_docs = sorted(sorted({c.doc_id for c in d.claims}) for d in disputes)
    assert by_docs == [["north.md"], ["south-2.md", "south.md"]]


def test_two_events_in_one_town_are_not_one_dispute() -> None:
    """A cup final and a march in the same town, both counted as people attending: the town's name is shared,
    but the headlines share nothing about what happened, so the crowds are not compared. Two reports of
    the march (both headlines say "march") still are."""
    cup = _article("cup.md", "EASTMERE — Eastmere Rovers won the cup final at Eastmere Park on Saturday. "
                   "The stadium said 48,000 people attended.", dt.date(2025, 5, 3), "Rovers win cup final in Eastmere")
    march = _article("march.md", "EASTMERE — Thousands marched through Eastmere on Saturday against the tax rise. "
                     "Police said 6,000 people attended the march.", dt.date(2025, 5, 3),
                     "Thousands march in Eastmere against tax rise")
    march_again = _article("march-2.md", "EASTMERE — Organisers of Saturday's march through Eastmere against the tax "
                           "rise disputed the police count. The organisers said 20,000 people attended the march.",
                           dt.date(2025, 5, 4), "Eastmere march: police and organisers differ")
    claims = [c for a in (cup, march, march_again) for c in extract_claims(a)]
    disputes = [d for d in find_disputes(claims) if d.kind == "figure"]
    assert [sorted(side.latest.value for side in d.sides) for d in disputes] == [[6000, 20000]]


DISPUTED_ARTICLES = {
    "tremor.md": ("2025-02-03", "Earthquake shakes Harrowby",
                  "The Velden Observatory measured the Harrowby earthquake at magnitude 4.4. "
                  "The Nordic Seismic Network, an international monitoring group, put the magnitude at 4.9."),
    "plant.md": ("2025-02-04", "Kestrel Motors to cut jobs at Dunmore plant",
                 "Kestrel Motors will cut 800 jobs at its Dunmore plant, the company said on Tuesday. "
                 "The Dunmore union said about 1,100 people would lose their jobs once agency staff were counted. "
                 "Workers who move will go to the battery site, about 60 kilometres away."),
    "march.md": ("2025-02-06", "Thousands march in Tessby",
                 "Police said 6,000 people attended the march in Tessby on Saturday. "
                 "Organisers said 15,000 people took part in the march."),
    "petition.md": ("2025-02-05", "Library petition disputed",
                    "Campaigners delivered the Hollin Lane library petition to the town hall on Monday. "
                    "Organiser Bea Thorne said 3,200 people had signed it. "
                    "A council spokeswoman said only 2,100 of the signatures were valid."),
    "tower.md": ("2025-02-07", "How old is the Orsby beacon tower?",
                 "The Orsby beacon tower is about 800 years old, local historian Mina Graft said. "
                 "The county archive said the tower was no more than 500 years old."),
}


@pytest.fixture(scope="module")
def disputed(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    texts = {name: f'---\ntitle: "{title}"\npublished: {day}\n---\n{body}\n'
             for name, (day, title, body) in DISPUTED_ARTICLES.items()}
    return indexed_assistant(tmp_path_factory.mktemp("disputed"), FakeEmbedder(), texts)


# (question, whether it is answered side by side, what the answer must then hold)
QUESTION_ROUTES = [
    ("How strong was the Harrowby earthquake?", True, ["4.4", "4.9", "Velden Observatory", "Nordic Seismic Network"]),
    ("How many people will lose their jobs at the Dunmore plant?", True, ["800", "1,100", "Kestrel Motors", "union"]),
    ("How far away is the battery site from the Dunmore plant?", False, []),  # a distance, not the jobs dispute
    ("How many jobs did the union say would go at the Dunmore plant?", False, []),  # one side, named by the question
    ("How many new jobs will Kestrel Motors create at the Dunmore plant?", False, []),  # jobs created, not lost
    ("How many people joined the march in Tessby?", True, ["6,000", "15,000", "Police", "Organisers"]),
    # the name the question gives is in the passage of the figures, not in their sentences
    ("How many valid signatures does the Hollin Lane library petition have?", True, ["3,200", "2,100", "Thorne", "council"]),
]


@pytest.mark.parametrize("question, side_by_side, holds", QUESTION_ROUTES, ids=[q for q, _, _ in QUESTION_ROUTES])
def test_which_questions_a_figure_dispute_answers(disputed: Assistant, question, side_by_side, holds) -> None:
    answer = _ask(disputed, question)
    assert bool(answer.disputes) == side_by_side, answer.answer
    for text in holds:
        assert contains(answer.answer, text), answer.answer
    if side_by_side:
        _assert_citations_hold(disputed, answer)


def test_denying_that_account_disputes_the_statement_before_it() -> None:
    article = _article(
        "aide.md",
        "One former minister said Mayor Lena Hart had been warned in May that the tram plan would fail. "
        "A spokesman for Hart denied that account and said the plan was on schedule.",
        dt.date(2025, 7, 1), "Tram plan row",
    )
    disputes = [d for d in find_disputes(extract_claims(article)) if d.kind == "statement"]
    assert len(disputes) == 1
    assert sorted(side.claimant for side in disputes[0].sides) == ["One former minister", "spokesman for Hart"]


def test_denying_that_account_disputes_the_account_not_the_quotation_that_ends_it() -> None:
    article = _article(
        "aide2.md",
        "One former minister said Mayor Lena Hart had been warned in May that the tram plan would fail. "
        '"She was told it plainly," the former minister said. "She chose the trams." '
        "A spokesman for Hart denied that account and said the plan was on schedule.",
        dt.date(2025, 7, 1), "Tram plan row",
    )
    disputes = [d for d in find_disputes(extract_claims(article)) if d.kind == "statement"]
    minister = next(side for d in disputes for side in d.sides if side.claimant == "One former minister")
    assert [claim.quote.split()[:3] for claim in minister.claims] == [["One", "former", "minister"]]


def test_a_round_figure_and_the_exact_one_it_rounds_are_no_dispute() -> None:
    """A promoter's "about 7,000 people" and a council's 7,240 agree (the round one is the exact one rounded);
    "about 7,000" and 9,400 disagree."""
    promoter = _article("fair-1.md", "HALSWICK — About 7,000 people attended the Halswick lantern fair on Friday, "
                        "its promoter, Gildring Events, said.", dt.date(2025, 9, 6), "Record crowd at Halswick lantern fair")
    council = _article("fair-2.md", "HALSWICK — The town council said 7,240 people attended the Halswick lantern fair "
                       "on Friday.", dt.date(2025, 9, 7), "Halswick lantern fair draws crowds")
    rival = _article("fair-3.md", "HALSWICK — The Quendle Street traders' guild said 9,400 people attended the Halswick lantern fair "
                     "on Friday.", dt.date(2025, 9, 7), "Halswick lantern fair traders count crowd")
    agreeing = [c for a in (promoter, council) for c in extract_claims(a)]
    assert find_disputes(agreeing) == []
    disagreeing = [c for a in (promoter, rival) for c in extract_claims(a)]
    assert [sorted(side.latest.value for side in d.sides) for d in find_disputes(disagreeing)] == [[7000, 9400]]


def test_a_follow_up_about_someone_is_not_answered_by_a_dispute_over_the_age_of_a_thing(disputed: Assistant) -> None:
    """"How old is she?" after a question about a person asks her age: the tower's disputed age does not answer
    it (what the figures belong to, the tower, is named in no turn), while "How old is the tower?" does."""
    assert _ask(disputed, "How old is the Orsby beacon tower?").disputes
    assert not _ask(disputed, "How old is she?", ("Who speaks for the county archive?",)).disputes


@pytest.mark.parametrize("question, asks", [
    ("What are the rival crowd estimates for the Ostwyn rally?", True),
    ("What is the latest count of patients in Selkirk?", True),
    ("What toll do the rescuers give?", True),
    ("What did the mayor say about the new depot?", False),
    ("How did the count go?", False),
    ("What death toll does the coastguard give?", True),
    ("What evidence does the residents' group cite for its passenger count?", False),
])
def test_a_what_question_naming_a_figure_asks_for_figures(question: str, asks: bool) -> None:
    """Round 8: "What are the competing crowd estimates ...?" is matched to the ledger's figure disputes."""
    assert asks_for_a_figure(analyse(question)) is asks


@pytest.mark.parametrize("second, disputed", [
    ("The Brackwell Nurses' Guild said the true number was closer to 1,100.", True),  # a generic value: no event
    ("The Brackwell Nurses' Guild said 1,100 nursing posts were empty.", True),  # the same noun and event
    ("The Brackwell Nurses' Guild said 60 nursing posts were filled by agency staff.", False),  # another event
    ("Some 300 nursing posts at the new clinic were advertised in June.", False),  # the article's own words
])
def test_a_second_source_answering_a_count_in_the_next_sentence_disputes_it(second: str, disputed: bool) -> None:
    """Round 11 (`sides11`): "420 nursing posts were empty" and, in the next sentence, another source's count of the
    same noun, with no event of its own or the same one, are one count the two sources disagree on; a figure that
    says something else happened to the noun is another count."""
    article = _article("posts.md", "ORLWICK — Hospitals in Orlwick are short of nurses. The regional health authority said "
                       f"420 nursing posts were empty in September. {second}", dt.date(2026, 10, 12),
                       "Orlwick hospitals short of nurses")
    disputes = [d for d in find_disputes(extract_claims(article)) if d.kind == "figure"]
    assert bool(disputes) is disputed


@pytest.mark.parametrize("word, canonical", [("employe", "worker"), ("passeng", "peopl"), ("barrel", "barrel")])
def test_a_counted_noun_by_its_canonical_stem_is_the_subject_keys(word: str, canonical: str) -> None:
    """Review of round 16: the dispute's owners are read through the same public canonical stem as the subject key,
    not a key built for its head (`extraction.counted_noun`); a measure of people is `MEASURES_OF_PEOPLE`'s."""
    from newsdesk.claims.extraction import MEASURES_OF_PEOPLE, counted_noun, subject_key

    assert counted_noun(word) == canonical == subject_key("", word, "").head
    assert {"crowd", "turnout"} <= MEASURES_OF_PEOPLE.keys()
