"""The outside benchmarks (RGB, MultiHop-RAG) under eval/outside/: report-only test sets.

The converters are checked on small inputs written here in each benchmark's own format; the
converted sets, when present (they are regenerated, not committed: eval/outside/README.md),
must validate, quote their own corpus verbatim and match the manifest that pins them.
No model is loaded: everything here reads files.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from eval_support import REPO

from newsdesk.articles.corpus import load_corpus
from newsdesk.evaluation.scoring import load_cases

OUTSIDE = REPO / "eval" / "outside"
SETS = ("rgb", "multihop")


def _module(name: str) -> ModuleType:
    if str(OUTSIDE) not in sys.path:
        sys.path.insert(0, str(OUTSIDE))  # the converters import their sibling conversion.py
    spec = importlib.util.spec_from_file_location(f"outside_{name}", OUTSIDE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


convert_rgb = _module("convert_rgb")
convert_multihop = _module("convert_multihop")


def _bodies(folder: Path) -> list[str]:
    report = load_corpus([folder / "corpus"])
    assert report.failures == [], [str(failure) for failure in report.failures]
    return [article.body for article in report.articles]


# -- RGB ---------------------------------------------------------------------
def _rgb_rows() -> list[dict[str, Any]]:
    """Six RGB-shaped questions: answers as a string, as parts, and as alternatives."""
    topics = [("Orvale", "the harbour crane"), ("Pellin", "the river ferry"), ("Quistor", "the hill railway"),
              ("Rendel", "the glass works"), ("Saxby", "the tram depot"), ("Tollan", "the salt mill")]
    rows = []
    for number, (builder, thing) in enumerate(topics):
        answer: Any = builder if number % 2 else [[f"{builder} Ltd", builder]]
        rows.append({
            "id": number,
            "query": f"Who built {thing}?",
            "answer": answer,
            "positive": [f"Records show {thing} was built by {builder} in 19{number}0, the council said."],
            "negative": [f"Visitors to {thing} can buy tickets online.", f"{thing.capitalize()} opens at nine.",
                         f"A guide to {thing} and its history ..."],
        })
    return rows


def _convert_rgb(tmp_path: Path, seed: int = 3, name: str = "rgb") -> Path:
    source = tmp_path / "en_sample.json"
    source.write_text("".join(json.dumps(row) + "\n" for row in _rgb_rows()), encoding="utf-8")
    out = tmp_path / name
    status = convert_rgb.main([str(source), "--out", str(out), "--seed", str(seed), "--answerable", "4",
                               "--unanswerable", "2", "--negatives", "2", "--unpinned"])
    assert status == 0
    return out


def test_rgb_conversion_gives_valid_cases_over_one_shared_corpus(tmp_path: Path) -> None:
    out = _convert_rgb(tmp_path)
    cases = load_cases(out / "cases.jsonl")
    assert [case.answerable for case in cases].count(True) == 4
    assert [case.answerable for case in cases].count(False) == 2
    assert len(_bodies(out)) == 4 * (1 + 2) + 2 * 2


def test_rgb_evidence_is_verbatim_in_a_converted_passage(tmp_path: Path) -> None:
    out = _convert_rgb(tmp_path)
    bodies = _bodies(out)
    for case in load_cases(out / "cases.jsonl"):
        assert case.evidence or not case.answerable
        assert all(any(evidence in body for body in bodies) for evidence in case.evidence), case.id


@pytest.mark.parametrize(
    ("answer", "expect"),
    [
        ("Tampa, Florida", ["Tampa, Florida"]),  # one string: one group
        ([["Jun 2020", "June 2020", "Jun 2020"]], [["Jun 2020", "June 2020"]]),  # alternatives, repeats dropped
        (["Oslo", ["Bergen", "Bergen city"]], ["Oslo", ["Bergen", "Bergen city"]]),  # two parts: two groups
    ],
)
def test_rgb_answers_become_expect_groups_of_acceptable_spellings(answer: Any, expect: list[Any]) -> None:
    assert [convert_rgb.expect_value(group) for group in convert_rgb.answer_groups(answer)] == expect


def test_rgb_unanswerable_questions_have_no_passage_holding_their_answer(tmp_path: Path) -> None:
    out = _convert_rgb(tmp_path)
    bodies = " ".join(_bodies(out)).lower()
    answers = {f"rgb-r-{row['id']:04d}": row["answer"] for row in _rgb_rows()}
    refused = [case.id for case in load_cases(out / "cases.jsonl") if not case.answerable]
    for case_id in refused:
        builder = answers[case_id] if isinstance(answers[case_id], str) else answers[case_id][0][1]
        assert builder.lower() not in bodies, case_id


def test_rgb_file_names_and_titles_do_not_say_which_question_a_passage_serves(tmp_path: Path) -> None:
    out = _convert_rgb(tmp_path)
    for path in (out / "corpus").glob("*.md"):
        head = path.read_text(encoding="utf-8").split("---")[1]
        assert "pos" not in path.name and "neg" not in path.name
        assert "Who built" not in head and "positive" not in head.lower()


def test_the_same_seed_gives_the_same_set_and_another_seed_another_sample(tmp_path: Path) -> None:
    first = json.loads((_convert_rgb(tmp_path, seed=3, name="a") / "manifest.json").read_text())
    again = json.loads((_convert_rgb(tmp_path, seed=3, name="b") / "manifest.json").read_text())
    other = json.loads((_convert_rgb(tmp_path, seed=4, name="c") / "manifest.json").read_text())
    assert (first["cases_sha256"], first["corpus_sha256"]) == (again["cases_sha256"], again["corpus_sha256"])
    assert first["cases_sha256"] != other["cases_sha256"]


def test_a_source_that_is_not_the_pinned_file_is_refused_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "en_fact.json"
    source.write_text(json.dumps(_rgb_rows()[0]) + "\n", encoding="utf-8")
    assert convert_rgb.main([str(source), "--out", str(tmp_path / "out")]) == 2
    message = capsys.readouterr().err
    assert str(source) in message and "--unpinned" in message
    assert not (tmp_path / "out").exists()


# -- MultiHop-RAG --------------------------------------------------------------
def _multihop_sources(tmp_path: Path) -> tuple[Path, Path]:
    corpus = [{
        "title": f"Quarterly report {n}", "author": f"Reporter {n}", "source": f"Wire {n % 3}",
        "published_at": f"2023-10-{n + 1:02d}T09:30:00+00:00", "category": "business", "url": f"https://news.example/{n}",
        "body": f"Firm{n} reported revenue of {n + 10} million dollars.\n\nAnalysts at Wire {n % 3} expect growth.",
    } for n in range(20)]
    kinds = ("inference_query", "comparison_query", "temporal_query")
    queries = [{
        "query": f"Which firm reported revenue of {n + 10} million dollars, according to Wire {n % 3}?",
        "answer": "Yes" if kinds[n % 3] == "comparison_query" else f"Firm{n}",
        "question_type": kinds[n % 3],
        "evidence_list": [
            {"title": f"Quarterly report {n}", "url": f"https://news.example/{n}", "source": f"Wire {n % 3}",
             "fact": f"Firm{n} reported revenue of {n + 10} million dollars."},
            {"title": f"Quarterly report {n + 1}", "url": f"https://news.example/{n + 1}", "source": "Wire",
             "fact": "a fact the article does not hold verbatim"},
        ],
    } for n in range(12)]
    queries += [{"query": f"What did Firm{n} pay its auditors?", "answer": "Insufficient information.",
                 "question_type": "null_query", "evidence_list": []} for n in range(3)]
    paths = tmp_path / "MultiHopRAG.json", tmp_path / "corpus.json"
    paths[0].write_text(json.dumps(queries), encoding="utf-8")
    paths[1].write_text(json.dumps(corpus), encoding="utf-8")
    return paths


def _convert_multihop(tmp_path: Path, articles: int = 12) -> Path:
    queries, corpus = _multihop_sources(tmp_path)
    out = tmp_path / "multihop"
    assert convert_multihop.main([str(queries), str(corpus), "--out", str(out), "--articles", str(articles), "--unpinned"]) == 0
    return out


def test_multihop_null_queries_are_unanswerable_and_the_rest_answerable(tmp_path: Path) -> None:
    cases = load_cases(_convert_multihop(tmp_path) / "cases.jsonl")
    assert {case.id.split("-")[1] for case in cases} == {"inference", "comparison", "temporal", "null"}
    assert all(case.answerable == (not case.id.startswith("mhr-null-")) for case in cases)


def test_multihop_keeps_only_evidence_that_is_verbatim_in_the_article(tmp_path: Path) -> None:
    out = _convert_multihop(tmp_path)
    bodies = _bodies(out)
    evidence = [e for case in load_cases(out / "cases.jsonl") for e in case.evidence]
    assert evidence and all(any(e in body for body in bodies) for e in evidence)
    assert "a fact the article does not hold verbatim" not in evidence


def test_multihop_corpus_holds_every_needed_article_within_the_budget(tmp_path: Path) -> None:
    out = _convert_multihop(tmp_path, articles=12)
    bodies = _bodies(out)
    assert len(bodies) == 12
    for case in load_cases(out / "cases.jsonl"):
        firm = case.question.split("revenue of ")[1].split(" million")[0] if case.answerable else None
        assert firm is None or any(f"revenue of {firm} million" in body for body in bodies), case.id


def test_multihop_articles_carry_outlet_date_author_and_url(tmp_path: Path) -> None:
    articles = load_corpus([_convert_multihop(tmp_path) / "corpus"]).articles
    first = next(a for a in articles if a.title == "Quarterly report 0")
    assert (first.outlet, first.published and first.published.isoformat(), first.author, first.url) == (
        "Wire 0", "2023-10-01", "Reporter 0", "https://news.example/0")


# -- the converted sets, when present -------------------------------------------
@pytest.mark.parametrize("name", SETS)
def test_a_converted_outside_set_validates_and_quotes_its_own_corpus(name: str) -> None:
    folder = OUTSIDE / name
    if not (folder / "cases.jsonl").exists():
        pytest.skip(f"eval/outside/{name} is not converted here (eval/outside/README.md says how)")
    cases = load_cases(folder / "cases.jsonl")
    bodies = _bodies(folder)
    stray = [f"{case.id}: {e!r}" for case in cases for e in case.evidence if not any(e in body for body in bodies)]
    assert stray == []
    assert all(case.id.startswith({"rgb": "rgb-", "multihop": "mhr-"}[name]) for case in cases)


@pytest.mark.parametrize("name", SETS)
def test_a_converted_outside_set_is_the_one_its_manifest_pins(name: str) -> None:
    folder = OUTSIDE / name
    if not (folder / "cases.jsonl").exists():
        pytest.skip(f"eval/outside/{name} is not converted here")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    conversion = _module("conversion")
    assert manifest["report_only"] is True
    assert hashlib.sha256((folder / "cases.jsonl").read_bytes()).hexdigest() == manifest["cases_sha256"]
    assert conversion.corpus_sha256(folder / "corpus") == manifest["corpus_sha256"]


def test_the_committed_rgb_manifest_names_a_pinned_source() -> None:
    manifest = json.loads((OUTSIDE / "rgb" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["source_sha256"] in convert_rgb.PINNED.values()
    assert (manifest["repository"], manifest["commit"]) == (convert_rgb.REPOSITORY, convert_rgb.COMMIT)
