"""HTML, PDF and JSON Lines articles load with their metadata, and citations stay exact for every format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from formats_support import (
    HTML_NOISE,
    JSONL_BAD_LINE,
    write_html,
    write_jsonl,
    write_pdf,
)
from newsdesk.assistant import Assistant, Request
from newsdesk.cli import app
from newsdesk.articles.corpus import load_corpus
from newsdesk.articles.formats import LOADERS, SUPPORTED_SUFFIXES
from newsdesk.settings import load_settings

MARKDOWN = """---
title: Library opens late
outlet: Town Crier
published: 2024-06-01
---
The new city library opened two months late, the city architect said.
"""


def write_mixed_corpus(folder: Path) -> Path:
    folder.mkdir()
    write_html(folder / "harbour.html")
    write_pdf(folder / "windfarm.pdf")
    write_jsonl(folder / "export.jsonl")
    (folder / "library.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "notes.txt").write_text("Council notes\n\nThe council meets on Tuesdays.\n", encoding="utf-8")
    return folder


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> Path:
    return write_mixed_corpus(tmp_path / "mixed")


def by_title(folder: Path) -> dict[str, object]:
    return {article.title: article for article in load_corpus([folder]).articles}


def test_every_registered_extension_is_supported_and_no_other():
    assert set(LOADERS) == SUPPORTED_SUFFIXES >= {".md", ".txt", ".html", ".pdf", ".jsonl"}


def test_html_keeps_the_article_text_and_drops_navigation_and_ads(mixed_corpus: Path):
    article = by_title(mixed_corpus)["Harbour reopens after storm"]
    assert "About 40 fishing boats had been stranded at the quay" in article.body
    assert not [noise for noise in HTML_NOISE if noise in article.body]


def test_html_metadata_comes_from_the_page(mixed_corpus: Path):
    article = by_title(mixed_corpus)["Harbour reopens after storm"]
    assert (article.outlet, article.published, article.author, article.url) == (
        "Coastal Gazette", dt.date(2024, 5, 2), "Mara Lind", "https://gazette.example/harbour-reopens"
    )


def test_pdf_text_is_read_page_by_page_with_page_starts(mixed_corpus: Path):
    article = by_title(mixed_corpus)["Wind farm approved off Kessing"]
    assert len(article.pages) == 2
    second_page = article.body[article.pages[1]:]
    assert second_page.startswith("Construction starts in 2026")
    assert (article.outlet, article.author) == ("Kessing Courier", "Ilse Moen")


def test_jsonl_gives_one_article_per_line_and_reports_the_bad_line(mixed_corpus: Path):
    report = load_corpus([mixed_corpus])
    lines = [a for a in report.articles if a.doc_id.startswith("export.jsonl#")]
    assert sorted(a.outlet for a in lines) == ["Lakeside Herald", "Valley Post"]
    [failure] = report.failures
    assert failure.path == f"{mixed_corpus / 'export.jsonl'}:{JSONL_BAD_LINE}"
    assert "not valid JSON" in failure.reason


def test_jsonl_doc_ids_do_not_change_when_lines_are_added_above(mixed_corpus: Path):
    before = {a.title: a.doc_id for a in load_corpus([mixed_corpus]).articles}
    path = mixed_corpus / "export.jsonl"
    path.write_text('{"title": "New first", "text": "A new first line.", "url": "https://wire.example/new"}\n'
                    + path.read_text(encoding="utf-8"), encoding="utf-8")
    after = {a.title: a.doc_id for a in load_corpus([mixed_corpus]).articles}
    assert after["Bridge toll abolished"] == before["Bridge toll abolished"]


def test_a_pdf_without_text_or_a_broken_pdf_is_reported_by_name(tmp_path: Path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n\x00\x01 not really a pdf")
    report = load_corpus([tmp_path])
    [failure] = report.failures
    assert failure.path.endswith("broken.pdf") and "PDF" in failure.reason


@pytest.fixture(scope="module")
def mixed_assistant(tmp_path_factory: pytest.TempPathFactory, embedder):
    root = tmp_path_factory.mktemp("mixed")
    corpus = write_mixed_corpus(root / "corpus")
    assistant = Assistant(load_settings(environ={}, store=root / "store", corpus=[corpus]), embedder=embedder)
    report = assistant.reindex()
    assert len(report.added) == 6 and len(report.failures) == 1
    return assistant


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("How many fishing boats were stranded at the Port Ellis quay?", "Harbour reopens after storm"),
        ("How many workers will the Kessing wind farm construction employ?", "Wind farm approved off Kessing"),
        ("When was the Vell bridge toll abolished?", "Bridge toll abolished"),
        ("By how much will the school year in the Vell region be extended?", "School year extended"),
        ("How late did the new city library open?", "Library opens late"),
    ],
)
def test_citations_are_exact_against_the_text_show_prints(mixed_assistant, question: str, title: str):
    answer = mixed_assistant.ask(Request(question))
    assert not answer.refused, answer.answer
    citation = next(c for c in answer.citations if c.title == title)
    shown = CliRunner().invoke(app, ["show", citation.doc_id, "--store", str(mixed_assistant.settings.store)])
    assert shown.exit_code == 0, shown.output
    assert shown.output[citation.start:citation.end] == citation.quote


def test_a_citation_from_the_second_pdf_page_says_p_2(mixed_assistant):
    answer = mixed_assistant.ask(Request("How many workers will the Kessing wind farm construction employ?"))
    [citation] = [c for c in answer.citations if "300 workers" in c.quote]
    assert citation.page == 2 and citation.to_json()["page"] == 2


def test_a_citation_from_the_first_pdf_page_says_p_1(mixed_assistant):
    answer = mixed_assistant.ask(Request("How many turbines will the Kessing wind farm have?"))
    [citation] = [c for c in answer.citations if "48 turbines" in c.quote]
    assert citation.page == 1


def test_a_citation_from_an_unpaged_format_has_no_page(mixed_assistant):
    answer = mixed_assistant.ask(Request("How many fishing boats were stranded at the Port Ellis quay?"))
    assert [c.page for c in answer.citations if c.title == "Harbour reopens after storm"][0] is None
