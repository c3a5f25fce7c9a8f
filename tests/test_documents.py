"""Bringing articles in through the chat: upload, list, open, delete; names that cannot escape the folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from gradio_client import Client, handle_file

import chromium
from conftest import SEED_DOC, indexed_seed_copy
from formats_support import write_html, write_jsonl, write_pdf
from newsdesk.assistant import Assistant, Request
from newsdesk.cli.serving import load_app
from newsdesk.articles.documents import UploadError, safe_name, save_uploads, upload_dir
from newsdesk.settings import load_settings

needs_chromium = pytest.mark.skipif(not chromium.available(), reason="Chromium is not installed")


@pytest.mark.parametrize(
    ("uploaded", "saved"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd.md", "passwd.md"),
        ("..\\..\\windows\\evil.txt", "evil.txt"),
        ("/abs/path/story.HTML", "story.html"),
        (".hidden.md", "hidden.md"),
        ("a b;rm -rf $(x).md", "a b_rm -rf _x_.md"),
        ("..", "upload"),
        ("x" * 300 + ".md", "x" * 117 + ".md"),
    ],
)
def test_upload_names_are_sanitised_to_a_plain_name_inside_the_folder(uploaded: str, saved: str):
    assert safe_name(uploaded) == saved


def test_an_upload_folder_outside_the_corpus_is_refused(tmp_path: Path):
    settings = load_settings(environ={}, store=tmp_path / "s", corpus=[tmp_path / "c"], upload_folder="../elsewhere")
    with pytest.raises(UploadError, match="not inside the corpus folder"):
        upload_dir(settings)


def test_type_size_and_count_limits_refuse_files_with_a_reason(tmp_path: Path):
    settings = load_settings(environ={}, store=tmp_path / "s", corpus=[tmp_path / "c"], upload_max_mb=0.001,
                             upload_max_files=2)
    small, big, exe = tmp_path / "small.md", tmp_path / "big.md", tmp_path / "tool.exe"
    small.write_text("Short.\n")
    big.write_text("x" * 5000)
    exe.write_bytes(b"MZ")
    refused, saved = save_uploads(settings, [("tool.exe", exe), ("big.md", big), ("small.md", small)])
    assert {r.name: r.reason.split(";")[0] for r in refused} == {
        "tool.exe": "unsupported file type",
        "big.md": "0.0 MB is over the 0.001 MB limit",
        "small.md": "more than 2 files in one upload",
    }
    assert saved == {}


# --- a live chat server -------------------------------------------------------------


@pytest.fixture(scope="module")
def ui() -> ModuleType:
    return load_app()


@pytest.fixture(scope="module")
def docs_assistant(tmp_path_factory: pytest.TempPathFactory, embedder) -> Assistant:
    return indexed_seed_copy(tmp_path_factory.mktemp("docs"), embedder)


@pytest.fixture(scope="module")
def server(ui: ModuleType, docs_assistant: Assistant) -> Iterator[str]:
    demo = ui.build_app(docs_assistant)
    url = ui.launch(demo, "127.0.0.1", 0, block=False)
    yield url
    demo.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("uploads-src")
    bad = folder / "empty.md"
    bad.write_text("   \n")
    return {
        "harbour.html": write_html(folder / "harbour.html"),
        "windfarm.pdf": write_pdf(folder / "windfarm.pdf"),
        "export.jsonl": write_jsonl(folder / "export.jsonl"),
        "empty.md": bad,
        "notes.exe": (folder / "notes.exe"),
    }


def upload(client: Client, paths: list[Path]) -> dict[str, dict[str, Any]]:
    outputs = client.predict([handle_file(str(p)) for p in paths], "", api_name="/upload")
    return {result["name"]: result for result in outputs[-1]}


@pytest.mark.slow
def test_uploading_several_formats_reports_each_file_and_makes_them_answerable(
    server: str, docs_assistant: Assistant, files: dict[str, Path]
):
    files["notes.exe"].write_bytes(b"MZ")
    client = Client(server, verbose=False)
    results = upload(client, list(files.values()))
    assert {name: r["outcome"] for name, r in results.items()} == {
        "harbour.html": "added", "windfarm.pdf": "added", "export.jsonl": "added",
        "empty.md": "failed", "notes.exe": "failed",
    }
    assert "empty article" in results["empty.md"]["reason"]
    assert "unsupported file type" in results["notes.exe"]["reason"]
    assert "not valid JSON" in results["export.jsonl"]["reason"]  # the bad line, the other two indexed
    assert len(results["export.jsonl"]["doc_ids"]) == 2
    uploads = docs_assistant.settings.corpus[0] / "uploads"
    assert (uploads / "harbour.html").is_file()
    answer = docs_assistant.ask(Request("How many workers will the Kessing wind farm construction employ?"))
    assert [c.doc_id for c in answer.citations] == ["uploads/windfarm.pdf"]
    again = upload(client, [files["harbour.html"]])
    assert again["harbour.html"]["outcome"] == "unchanged"


@pytest.mark.slow
def test_the_documents_endpoint_lists_and_searches_what_is_indexed(server: str, docs_assistant: Assistant):
    client = Client(server, verbose=False)
    every = client.predict("", api_name="/documents")
    assert SEED_DOC in {row["doc_id"] for row in every}
    found = client.predict("nonexistent-word-xyz", api_name="/documents")
    assert found == []


@pytest.mark.slow
def test_deleting_a_document_removes_its_file_and_its_index_entry(server: str, docs_assistant: Assistant, tmp_path: Path):
    doomed = docs_assistant.settings.corpus[0] / "uploads" / "doomed.md"
    doomed.parent.mkdir(exist_ok=True)
    doomed.write_text("---\ntitle: Doomed\n---\nThe old mill burned down on Sunday, the fire brigade said.\n")
    docs_assistant.reindex()
    client = Client(server, verbose=False)
    client.predict("uploads/doomed.md", api_name="/delete_document")
    assert not doomed.exists()
    assert "uploads/doomed.md" not in docs_assistant.documents()


@pytest.mark.slow
def test_uploads_require_the_login_when_auth_is_on(ui: ModuleType, docs_assistant: Assistant, files: dict[str, Path]):
    demo = ui.build_app(docs_assistant)
    url = ui.launch(demo, "127.0.0.1", 0, auth=("editor", "s3cret-pass"), block=False)
    try:
        with files["harbour.html"].open("rb") as handle:
            response = httpx.post(f"{url}gradio_api/upload", files={"files": ("x.html", handle)})
        assert response.status_code in (401, 403)
    finally:
        demo.close()


# --- the page in a real browser ------------------------------------------------------


def click_cell(browser: chromium.Browser, text: str) -> None:
    """Click the documents-table cell showing ``text`` as a mouse does (the table listens to pointer events)."""
    browser.evaluate(
        """((text) => {
             const cell = [...document.querySelectorAll('#nd-doc-table [role=gridcell]')].find(c => c.innerText.includes(text));
             const target = cell.querySelector('span') || cell;
             for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
               target.dispatchEvent(new MouseEvent(type, {bubbles: true}));
           })(%r)""" % text
    )


@pytest.mark.slow
@needs_chromium
def test_a_file_dropped_into_the_page_is_indexed_listed_and_opens_with_cited_spans(
    server: str, docs_assistant: Assistant, tmp_path: Path
):
    article = tmp_path / "lighthouse.md"
    article.write_text(
        "---\ntitle: Lighthouse restored\noutlet: Bay Observer\npublished: 2024-07-01\n---\n"
        "The Skarvik lighthouse was restored at a cost of 900,000 crowns, the heritage board said.\n"
    )
    with chromium.Browser(width=1400, height=1800) as browser:
        browser.navigate(server)
        browser.wait_for("!!document.querySelector('#nd-upload input[type=file]')")
        root = browser.send("DOM.getDocument")["root"]["nodeId"]
        node = browser.send("DOM.querySelector", nodeId=root, selector="#nd-upload input[type=file]")["nodeId"]
        browser.send("DOM.setFileInputFiles", nodeId=node, files=[str(article)])
        browser.wait_for("document.querySelector('#nd-upload-log').innerText.includes('added')", timeout=120)
        assert "lighthouse.md" in browser.evaluate("document.querySelector('#nd-upload-log').innerText")
        browser.wait_for("document.querySelector('#nd-doc-table').innerText.includes('Lighthouse restored')", timeout=30)
        # ask, then open the article: the cited sentence is highlighted in the full text
        browser.evaluate(
            """(() => { const box = document.querySelector('#nd-question textarea');
               box.value = 'What did the Skarvik lighthouse restoration cost?';
               box.dispatchEvent(new Event('input', {bubbles: true}));
               document.querySelector('#nd-ask').click(); })()"""
        )
        browser.wait_for("!!document.querySelector('#nd-chat a.nd-cite')", timeout=60)
        click_cell(browser, "Lighthouse restored")
        browser.wait_for("!!document.querySelector('#nd-article mark')", timeout=30)
        marked = browser.evaluate("document.querySelector('#nd-article mark').innerText")
    assert "900,000 crowns" in marked
    assert "uploads/lighthouse.md" in docs_assistant.documents()


@pytest.mark.slow
@needs_chromium
def test_the_document_list_is_current_when_the_page_opens(server: str, docs_assistant: Assistant):
    corpus = docs_assistant.settings.corpus[0]
    (corpus / "kiosk.md").write_text("---\ntitle: Kiosk reopens\n---\nThe harbour kiosk reopened on Monday, its owner said.\n")
    docs_assistant.reindex()  # e.g. by `newsdesk reindex` or the watched folder, after the server started
    with chromium.Browser(width=1400, height=1800) as browser:
        browser.navigate(server)
        browser.wait_for("(document.querySelector('#nd-doc-table') || {innerText: ''}).innerText.includes('Kiosk reopens')", timeout=30)
