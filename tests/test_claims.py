"""The claim ledger: who claimed what, with hedges, caveats, dates and exact spans."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EVAL_CORPUS, SEED_DOC
from newsdesk.assistant import Assistant
from newsdesk.evaluation.claims import claim_metrics, load_gold, score_claims
from newsdesk.claims.annotation import extract_claims
from newsdesk.claims.extraction import Claim
from newsdesk.text import resolve_weekday
from newsdesk.cli import app
from newsdesk.articles.corpus import Article
from newsdesk.claims.ledger import ledger_path

REPO = Path(__file__).resolve().parent.parent


def _figure(claims: list[Claim], value: float) -> Claim:
    found = [c for c in claims if c.kind == "figure" and c.value == value]
    assert found, f"no claim of the figure {value:g}"
    return found[0]


def _article(doc_id: str, body: str, published: dt.date, title: str = "", outlet: str | None = None) -> Article:
    return Article(doc_id=doc_id, path=Path(doc_id), title=title, body=body, outlet=outlet, published=published)


@pytest.fixture(scope="module")
def seed_claims(seed_assistant: Assistant) -> list[Claim]:
    return seed_assistant.ledger().select()


def test_every_claim_quotes_its_article_exactly(seed_assistant: Assistant, seed_claims: list[Claim]) -> None:
    body = seed_assistant.article(SEED_DOC).body
    assert seed_claims
    for claim in seed_claims:
        assert body[claim.start:claim.end] == claim.quote


def test_ministry_figures_are_attributed_to_the_ministry_via_ria(seed_claims: list[Claim]) -> None:
    dead, wounded = _figure(seed_claims, 498), _figure(seed_claims, 1597)
    for claim in (dead, wounded):
        assert "Defense Ministry" in claim.claimant
        assert claim.relay and "RIA" in claim.relay
        assert claim.as_of == "2022-03-02"
    assert dead.subject == "Russian soldiers killed"
    assert wounded.subject == "Russian soldiers wounded"


def test_interfax_figures_keep_their_hedges_and_are_unverified(seed_claims: list[Claim]) -> None:
    killed, wounded = _figure(seed_claims, 2870), _figure(seed_claims, 3700)
    assert (killed.hedge, wounded.hedge) == ("more than", "about")
    for claim in (killed, wounded):
        assert "Defense Ministry" in claim.claimant and claim.relay == "Interfax"
        assert claim.caveat == "could not be independently verified"
        assert claim.subject.startswith("Ukrainian soldiers")
    assert _figure(seed_claims, 498).caveat is None  # the caveat follows the Interfax sentence only


def test_kyiv_emergency_service_and_un_figures_are_each_attributed(seed_claims: list[Claim]) -> None:
    kyiv = _figure(seed_claims, 6000)
    assert (kyiv.claimant, kyiv.hedge, kyiv.subject) == ("Kyiv", "nearly", "Russian soldiers killed")
    assert kyiv.quote.startswith("Kyiv claims nearly 6,000")  # the clause, not the sentence about Moscow
    for value in (2000, 10, 400, 500):
        assert _figure(seed_claims, value).claimant == "Ukraine's State Emergency Service"
    assert _figure(seed_claims, 2000).hedge == "more than"
    assert _figure(seed_claims, 142).claimant == "United Nations"


def test_kherson_statements_of_both_sides_are_in_the_ledger(seed_claims: list[Claim]) -> None:
    statements = {c.claimant: c for c in seed_claims if c.kind == "statement"}
    konashenkov = next(c for name, c in statements.items() if "Konashenkov" in name)
    arestovich = next(c for name, c in statements.items() if "Arestovich" in name)
    assert "Kherson region completely under control" in konashenkov.quote
    assert "fighting was ongoing" in arestovich.quote and arestovich.opposes == "strong"
    assert statements["Russia"].quote == "Russia claiming control there"
    assert statements["Ukraine"].quote.startswith("Ukraine argued that its forces were resisting")


def test_weekdays_resolve_to_the_latest_such_day_on_or_before_publication() -> None:
    assert resolve_weekday("Wednesday", dt.date(2022, 3, 2)) == dt.date(2022, 3, 2)
    assert resolve_weekday("monday", dt.date(2024, 10, 15)) == dt.date(2024, 10, 14)
    assert resolve_weekday("Saturday", dt.date(2024, 10, 18)) == dt.date(2024, 10, 12)
    article = _article(
        "a.md",
        "The regional office said on Tuesday that at least 41 people had died, officials confirmed.",
        dt.date(2024, 10, 16),
    )
    assert _figure(extract_claims(article), 41).as_of == "2024-10-15"


def test_unseen_article_claimants_roles_relays_and_caveats() -> None:
    body = (
        "KARVA (NPA) — At least 12 miners were killed in a collapse at the Velm pit on Sunday, "
        "mines inspector Dora Quist said.\n\n"
        "Sela Brandt, a spokeswoman for the Velm Mining Company, told the Nordic Press Agency that "
        "nearly 30 workers had been rescued. The figure could not be independently verified.\n\n"
        '"We are still digging," Quist said. "Three men remain missing."\n\n'
        "The company denied that safety checks had been skipped, while the miners' union argued that "
        "inspections had stopped in May."
    )
    claims = extract_claims(_article("velm.md", body, dt.date(2025, 3, 4), title="Miners die at Velm pit"))
    killed = _figure(claims, 12)
    assert killed.claimant == "mines inspector Dora Quist" and killed.hedge == "at least"
    assert killed.relay == "Nordic Press Agency"  # a wire dateline "(NPA)" names the agency that relays
    rescued = _figure(claims, 30)
    assert rescued.claimant.startswith("Sela Brandt, a spokeswoman")
    assert rescued.hedge == "nearly" and rescued.caveat == "could not be independently verified"
    assert _figure(claims, 3).claimant == "mines inspector Dora Quist"  # the quotation continues
    union = [c for c in claims if c.kind == "statement" and "union" in c.claimant]
    assert union and union[0].quote.startswith("the miners' union argued")


def test_deleted_article_takes_its_claims_with_it(make_assistant, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(EVAL_CORPUS / "ferry-operator.md", corpus_dir / "ferry-operator.md")
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    generation = assistant.reader.current()[0].generation
    assert ledger_path(assistant.settings.store, generation).is_file()
    assert assistant.ledger().select(claimant="Sorvik")
    (corpus_dir / "ferry-operator.md").unlink()
    assistant.reindex()
    ledger = assistant.ledger()
    assert ledger.generation == assistant.reader.current()[0].generation == generation + 1
    assert not ledger.select(claimant="Sorvik")
    assert {c.doc_id for c in ledger.claims()} == {SEED_DOC}


def test_claims_command_filters_and_prints_json_and_csv(seed_assistant: Assistant) -> None:
    store = str(seed_assistant.settings.store)
    runner = CliRunner()
    result = runner.invoke(app, ["--store", store, "claims", "--subject", "soldiers killed", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {row["value"] for row in rows if row["kind"] == "figure"} >= {498, 6000, 2870}
    result = runner.invoke(app, ["--store", store, "claims", "--claimant", "United Nations", "--csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("doc_id,claimant,relay,kind,subject,value")
    assert len(lines) == 2 and "142" in lines[1]


def test_claim_scorer_matches_by_span_and_value(seed_claims: list[Claim]) -> None:
    gold = load_gold(REPO / "eval" / "claims.jsonl")
    scores = score_claims(seed_claims, gold)
    assert scores.metrics()["claim_recall"] == pytest.approx(1.0)
    wrong = [c for c in seed_claims if c.value != 498]  # drop the 498 claim: recall must notice
    assert score_claims(wrong, gold).metrics()["claim_recall"] < 1.0
    metrics = claim_metrics(seed_claims, [REPO / "eval" / "claims.jsonl"])
    assert metrics["claim_precision"] >= 0.9 and metrics["claim_attribution"] >= 0.9
    assert metrics["conflict_coverage_claims"] == pytest.approx(1.0)


def test_unseen_wire_story_sources_named_by_statement_honorific_and_estimate() -> None:
    body = (
        "LISBON (Reuters) — A wildfire has forced more than 3,500 people to leave their villages, "
        "civil protection commander André Fernandes said on Wednesday.\n\n"
        "Mayor Ana Rocha put the number of evacuees at 5,000. \"Our estimate is higher,\" she told Reuters.\n\n"
        "Two firefighters were injured, according to a statement from the National Civil Protection Authority.\n\n"
        "Mr Fernandes denied that the response had been slow, but residents said the first aircraft arrived late."
    )
    claims = extract_claims(_article("fire.md", body, dt.date(2025, 8, 14), title="Wildfire near Castro Verde"))
    fled = _figure(claims, 3500)
    assert fled.subject == "people evacuated" and fled.relay == "Reuters" and fled.as_of == "2025-08-13"
    rocha = _figure(claims, 5000)
    assert rocha.claimant == "Mayor Ana Rocha" and rocha.subject_key == fled.subject_key
    assert _figure(claims, 2).claimant == "National Civil Protection Authority"
    denial = next(c for c in claims if c.quote.startswith("Mr Fernandes denied"))
    assert denial.claimant == "civil protection commander André Fernandes"
    residents = next(c for c in claims if c.claimant == "residents")
    assert residents.opposes == "clause"


# (rule, article title, sentence, figure, expected subject key, expected hedge) — invented articles.
FIGURE_RULES = [
    ("number words compound", "Mill to close", "Four hundred and twenty employees will lose their jobs, the company said.",
     420, "|worker|laid off", None),
    ("jobs near a word of loss are jobs lost", "Bakery to close old site",
     "The union said 400 jobs would go at the old site.", 400, "|job|laid off", None),
    ("jobs created are not jobs lost", "Bakery expands",
     "Brackley Foods will create 2,000 jobs at a new site, the company said.", 2000, "|job|", None),
    ("a figure borrowing a count of jobs lost counts jobs lost", "Steelworks cuts",
     "Ravensholt Steel will now cut 300 jobs, down from the 450 it announced in May, the company said.",
     450, "|job|laid off", None),
    ("protests are counted as protests, not as people", "Protests in Vanton",
     "Police said there had been 12 protests in Vanton since March.", 12, "|protest|", None),
    ("staff who joined a firm attended nothing", "Bank merger",
     "Tarland Bank said 12 staff joined from the rival bank.", 12, "|worker|join", None),
    ("protesters who marched attended", "Protests in Vanton",
     "Organisers said 5,000 protesters marched in Vanton on Sunday.", 5000, "|protest|attended", None),
    ("a hyphenated tail of a compound number word adds to it", "Riot in Tessby",
     "Police said two hundred and thirty-five people were arrested.", 235, "|peopl|arrested", None),
    ("a range's first end counts what the second does", "Rally in Osterby",
     "Organisers said between 3,000 and 4,000 people took part.", 3000, "|peopl|attended", "at least"),
    ("a change from one figure to another is not a range", "Quake toll rises",
     "The toll in Velmar rose from 17 to 23 people, the regional governor said.", 17, "|peopl|killed", None),
    ("an age in years ago", "Cave art dated", "The team said the paintings were made about 12,000 years ago.",
     12000, "paint|age|", "about"),
    ("no more than is not more than", "Cave art dated", "Geologist Mara Lind said the cave is no more than 8,000 years old.",
     8000, "cave|age|", "no more than"),
    ("a measure named before the figure is not a clock time", "Tremor off Kelby",
     "The Kelby Observatory put the magnitude at 4.2.", 4.2, "|magnitude|", None),
    ("the number of X before the figure counts X", "Storm toll",
     "The number of people killed in the storm has risen to 31, the agency said.", 31, "|peopl|killed", None),
    ("the verb before the figure is its event", "Strike grounds jets",
     "The airline said it cancelled 75 flights on Friday.", 75, "|flight|cancel", None),
    ("a headline's measure names a bare figure", "Unions and police at odds over turnout",
     "Police said they had revised their estimate to 7,200.", 7200, "|peopl|attended", None),
    ("a headline's measure names only a figure a value noun introduces", "Tessby votes amid row over turnout",
     "The opposition leader said the party expected to win 30.", 30, "||expect", None),
    ("a crowd put at a figure counts the people there", "Farmers march on Ostwyn",
     "Stewards put the crowd at about 9,500.", 9500, "|peopl|attended", "about"),
]


@pytest.mark.parametrize("rule, title, sentence, value, key, hedge", FIGURE_RULES, ids=[r[0] for r in FIGURE_RULES])
def test_figure_extraction_rules(rule, title, sentence, value, key, hedge) -> None:
    claims = extract_claims(_article("rule.md", sentence, dt.date(2025, 6, 2), title=title))
    figure = _figure(claims, value)
    assert str(figure.subject_key) == key
    assert figure.hedge == hedge


def test_the_same_counted_noun_groups_only_when_the_same_thing_happened_to_it() -> None:
    """"cancelled 75 flights as pilots walked out" and "110 flights had been cancelled" count the same flights;
    "handled 300 flights" or "operates 300 flights a day" count other ones; "12 killed" and "30 wounded" never
    group, though both count people; a measure ("magnitude") needs no event."""
    from newsdesk.claims.extraction import SubjectKey

    assert SubjectKey("", "flight", "cancel").compatible(SubjectKey("", "flight", "cancel"))
    assert not SubjectKey("", "flight", "handl").compatible(SubjectKey("", "flight", "cancel"))
    assert not SubjectKey("", "flight", "").compatible(SubjectKey("", "flight", "cancel"))
    assert SubjectKey("", "magnitude", "measur").compatible(SubjectKey("", "magnitude", ""))
    assert not SubjectKey("", "peopl", "killed").compatible(SubjectKey("", "peopl", "wounded"))
    assert not SubjectKey("", "soldier", "killed").compatible(SubjectKey("", "soldier", "wounded"))


def test_ages_of_two_things_are_not_disputed_and_two_ages_of_one_thing_are() -> None:
    from newsdesk.claims.conflicts import find_disputes

    body = (
        "The council said the bridge was built 40 years ago. Residents said the last repairs were made 15 years ago. "
        "The Tessby Marine Institute said the reef began growing about 9,000 years ago. "
        "Marine biologist Ola Strand said the reef is no more than 6,000 years old."
    )
    claims = extract_claims(_article("ages.md", body, dt.date(2025, 6, 7), title="Tessby bridge and reef"))
    disputes = [d for d in find_disputes(claims) if d.kind == "figure"]
    assert [sorted(side.latest.value for side in d.sides) for d in disputes] == [[6000, 9000]]


def test_flights_cancelled_are_not_disputed_by_flights_flown() -> None:
    from newsdesk.claims.conflicts import find_disputes

    body = (
        "Quenby Air cancelled 75 flights on Friday as pilots walked out, the airline said. "
        "The pilots' union said 110 flights had been cancelled. "
        "The airport authority said it handled 300 flights on Friday."
    )
    claims = extract_claims(_article("strike.md", body, dt.date(2025, 6, 7), title="Pilots strike at Quenby"))
    disputes = [d for d in find_disputes(claims) if d.kind == "figure"]
    assert [sorted(side.latest.value for side in d.sides) for d in disputes] == [[75, 110]]


def test_people_doing_an_act_and_the_act_s_noun_count_the_same_thing() -> None:
    """"3,200 people had signed it" and "2,100 of the signatures were valid" are one subject."""
    from newsdesk.claims.extraction import SubjectKey

    assert SubjectKey("", "peopl", "sign").compatible(SubjectKey("", "signatur", ""))
    assert not SubjectKey("", "peopl", "sign").compatible(SubjectKey("", "flight", ""))


@pytest.mark.parametrize(
    "second",
    [
        "Harbour constables put the figure at 2,100.",
        "The coastguard estimated the total at 2,100.",
        "A volunteer network insisted the true number was nearer 2,100.",
    ],
)
def test_a_second_source_s_generic_figure_counts_what_the_figure_before_it_counts(second: str) -> None:
    """"put the figure at 2,100" names nothing counted: it counts what the figure of the sentence before it counts,
    so two sources' counts of one crowd are one disputed subject, whatever words the second uses."""
    from newsdesk.claims.conflicts import find_disputes

    body = f"The organisers said 6,400 people had taken part in the march. {second} Police said three people were arrested."
    claims = extract_claims(_article("march.md", body, dt.date(2026, 5, 4), title="March in Pelsworth"))
    assert _figure(claims, 2100).subject_key == _figure(claims, 6400).subject_key
    disputes = [d for d in find_disputes(claims) if d.kind == "figure"]
    assert [sorted(side.latest.value for side in d.sides) for d in disputes] == [[2100, 6400]]


def test_a_generic_figure_far_from_any_other_figure_borrows_nothing() -> None:
    body = ("The organisers said 6,400 people had taken part in the march. The route ran past the old mill. "
            "Speakers called for lower rents. Banners filled the square. The council put the figure at 90.")
    claims = extract_claims(_article("far.md", body, dt.date(2026, 5, 4), title="March in Pelsworth"))
    assert _figure(claims, 90).subject_key != _figure(claims, 6400).subject_key


def test_a_figure_written_with_a_thousands_comma_is_no_year() -> None:
    body = "Harbour constables said the crowd reached 2,100. The council said the plan runs until 2030."
    claims = extract_claims(_article("years.md", body, dt.date(2026, 5, 4)))
    assert _figure(claims, 2100)
    assert not [c for c in claims if c.kind == "figure" and c.value == 2030]
