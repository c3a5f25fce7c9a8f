"""The Gradio chat, tested against a real server on a free port.

Scripts reach it through `gradio_client` (the ``/ask`` and ``/reindex``
endpoints); the page itself is driven in headless Chromium when it is
installed. The assistant behind the server is real: the session's model and
a Chroma store indexed from a copy of the shipped corpus plus one article
whose text is full of markup.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from types import ModuleType
from typing import Any

import httpx
import pytest
from gradio_client import Client

from newsdesk.assistant import Assistant, Request
from newsdesk.cli.serving import load_app
from newsdesk.example_questions import answered_examples
from newsdesk.index.embedding import Embedder
from newsdesk.settings import load_settings

import chromium
from conftest import REPO, SEED_DOC, indexed_seed_copy

pytestmark = pytest.mark.slow

MARKUP_DOC = "zelda-harbour.md"
MARKUP_ARTICLE = """---
title: "Harbour report <script>window.__pwned = 1</script>"
outlet: "The <b>Coast</b> Gazette"
published: 2022-03-05
---
The Port Zelda Harbour Authority said that 4,217 ships docked in Port Zelda last year <img src=x onerror="window.__pwned = 2">, a record for the port.

Officials added that the new pier <script>window.__pwned = 3</script> opened in May.
"""
MARKUP_QUESTION = "How many ships docked in Port Zelda?"

# Questions about the seed article, each with words its answer must contain (None: a refusal).
SEED_QUESTIONS: dict[str, str | None] = {
    "How many Russian soldiers died according to Russia's Defense Ministry?": "498",
    "Who controls Kherson?": "Konashenkov",
    "How many civilians have died, according to Ukraine's State Emergency Service?": "2,000",
    "How many fires have been extinguished?": "400",
    "What did the United Nations say about civilian deaths?": "142",
    "Who is the president of France?": None,
}


@pytest.fixture(scope="module")
def ui() -> ModuleType:
    return load_app()


@pytest.fixture(scope="module")
def chat_assistant(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    """Its own store and corpus copy: the reindex test adds an article to it."""
    return indexed_seed_copy(tmp_path_factory.mktemp("chat"), embedder, {MARKUP_DOC: MARKUP_ARTICLE})


@pytest.fixture(scope="module")
def server(ui: ModuleType, chat_assistant: Assistant) -> Iterator[str]:
    """The chat served as `newsdesk serve` serves it, on a free port of 127.0.0.1."""
    demo = ui.build_app(chat_assistant)
    url = ui.launch(demo, chat_assistant.settings.host, 0, block=False)
    yield url
    demo.close()


@pytest.fixture(scope="module")
def client(server: str) -> Client:
    return Client(server, verbose=False)


def ask(client: Client, question: str, history: list[str] | None = None, **filters: Any) -> dict[str, Any]:
    return client.predict(question, history or [], filters.get("outlets", []), filters.get("since", ""),
                          filters.get("until", ""), api_name="/ask")


def assert_verbatim(assistant: Assistant, answer: dict[str, Any]) -> None:
    for citation in answer["citations"]:
        body = assistant.article(citation["doc_id"]).body
        assert body[citation["start"]:citation["end"]] == citation["quote"]


def without_timings(answer: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in answer.items() if key != "timings_ms"}


# --- the API -----------------------------------------------------------------


def test_ask_endpoint_returns_the_ask_json_object_with_verbatim_citations(
    client: Client, chat_assistant: Assistant
) -> None:
    question = "Who controls Kherson?"
    answer = ask(client, question)
    assert not answer["refused"]
    assert answer["citations"], "an answer must cite"
    assert "[1]" in answer["answer"]
    assert_verbatim(chat_assistant, answer)
    expected = chat_assistant.ask(Request(question)).to_json()
    assert without_timings(answer) == without_timings(expected)
    assert set(answer["timings_ms"]) == {"retrieve", "answer"}


def test_ask_endpoint_passes_history_so_follow_ups_work(client: Client, chat_assistant: Assistant) -> None:
    history, follow_up = ["Who controls Kherson?"], "What did Ukraine say about it?"
    answer = ask(client, follow_up, history)
    expected = chat_assistant.ask(Request(follow_up, tuple(history))).to_json()
    assert answer["answer"] == expected["answer"]
    # Ukraine's side, whichever sentence gives it: its forces resisting, or Arestovich's "ongoing".
    assert any(word in answer["answer"] for word in ("Arestovich", "resisting", "ongoing"))


def test_filters_narrow_the_sources_and_the_refusal_says_so(client: Client) -> None:
    outside_outlet = ask(client, "Who controls Kherson?", outlets=["No Such Outlet"])
    assert outside_outlet["refused"] and "filters" in outside_outlet["answer"]
    too_late = ask(client, "Who controls Kherson?", since="2023-01-01")
    assert too_late["refused"] and "filters" in too_late["answer"]
    in_range = ask(client, "Who controls Kherson?", since="2022-03-01", until="2022-03-03")
    assert not in_range["refused"]
    assert {c["doc_id"] for c in in_range["citations"]} == {SEED_DOC}


def test_a_malformed_date_filter_is_an_error_that_says_the_format(client: Client) -> None:
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        ask(client, "Who controls Kherson?", since="2022-13-01")


def test_ten_concurrent_clients_each_get_their_own_correct_answer(server: str, chat_assistant: Assistant) -> None:
    questions = [list(SEED_QUESTIONS)[i % len(SEED_QUESTIONS)] for i in range(10)]
    alone = {q: chat_assistant.ask(Request(q)).to_json()["answer"] for q in SEED_QUESTIONS}
    clients = [Client(server, verbose=False) for _ in questions]
    barrier = threading.Barrier(len(questions))

    def one(pair: tuple[Client, str]) -> dict[str, Any]:
        barrier.wait()
        return ask(*pair)

    started = time.perf_counter()
    with ThreadPoolExecutor(len(questions)) as pool:
        answers = list(pool.map(one, zip(clients, questions, strict=True)))
    elapsed = time.perf_counter() - started
    for question, answer in zip(questions, answers, strict=True):
        assert answer["question"] == question
        assert answer["answer"] == alone[question]
        expected = SEED_QUESTIONS[question]
        if expected is None:
            assert answer["refused"]
        else:
            assert not answer["refused"] and expected in answer["answer"]
            assert_verbatim(chat_assistant, answer)
    assert elapsed < 30, f"10 concurrent questions took {elapsed:.1f}s"


def test_reindex_endpoint_adds_a_new_article_while_questions_keep_being_answered(
    client: Client, server: str, chat_assistant: Assistant
) -> None:
    corpus = chat_assistant.settings.corpus[0]
    (corpus / "metro.md").write_text(
        "---\ntitle: Metro reopens\npublished: 2022-03-04\n---\n"
        "The Odesa city council said that 37 metro stations reopened on Friday.\n",
        encoding="utf-8",
    )
    answered_meanwhile: list[dict[str, Any]] = []
    reindexing = threading.Event()

    def keep_asking() -> None:
        asker = Client(server, verbose=False)
        while not reindexing.is_set():
            answered_meanwhile.append(ask(asker, "Who controls Kherson?"))

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        counts = client.predict(api_name="/reindex")
    finally:
        reindexing.set()
        asker.join(30)
    assert counts["added"] == 1 and counts["failed"] == 0
    assert counts["documents"] == 3
    assert answered_meanwhile and all("Konashenkov" in a["answer"] for a in answered_meanwhile)
    answer = ask(client, "How many metro stations reopened in Odesa?")
    assert "37" in answer["answer"]
    assert [c["doc_id"] for c in answer["citations"]] == ["metro.md"]


# --- safe defaults -------------------------------------------------------------


def test_login_is_required_when_a_username_and_password_are_configured(
    ui: ModuleType, chat_assistant: Assistant
) -> None:
    demo = ui.build_app(chat_assistant)
    url = ui.launch(demo, "127.0.0.1", 0, auth=("editor", "s3cret-pass"), block=False)
    try:
        with pytest.raises(Exception):
            Client(url, verbose=False)
        with pytest.raises(Exception):
            Client(url, auth=("editor", "wrong"), verbose=False)
        assert httpx.get(f"{url}gradio_api/info").status_code in (401, 403)
        signed_in = Client(url, auth=("editor", "s3cret-pass"), verbose=False)
        assert "Konashenkov" in ask(signed_in, "Who controls Kherson?")["answer"]
    finally:
        demo.close()


def _outward_address() -> str | None:
    """This machine's address on its network (no packet is sent), or None without one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_the_server_listens_on_loopback_only_by_default(server: str, chat_assistant: Assistant) -> None:
    assert load_settings(environ={}).host == "127.0.0.1"
    assert server.startswith("http://127.0.0.1:")
    address = _outward_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address to try")
    port = int(server.rstrip("/").rsplit(":", 1)[1])
    with pytest.raises(OSError), socket.create_connection((address, port), timeout=2):
        pass


@pytest.mark.parametrize(
    "path",
    [
        "file=/etc/passwd",
        "gradio_api/file=/etc/passwd",
        "gradio_api/file=../../../../etc/passwd",
        "gradio_api/file=%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "file=../../../../etc/passwd",
        "static/../../../../etc/passwd",
        "assets/..%2f..%2f..%2fetc%2fpasswd",
    ],
)
def test_no_file_outside_the_app_is_served(server: str, path: str) -> None:
    response = httpx.get(server + path)
    assert response.status_code != 200 or "root:" not in response.text


def test_the_store_and_the_corpus_are_not_served(server: str, chat_assistant: Assistant) -> None:
    for secret in (chat_assistant.settings.store / "snapshot.json", chat_assistant.settings.corpus[0] / SEED_DOC):
        assert secret.is_file()
        response = httpx.get(f"{server}gradio_api/file={secret}")
        assert response.status_code in (403, 404), secret


def test_serve_command_warms_up_and_binds_to_loopback_by_default(chat_assistant: Assistant) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("NEWSDESK_HOST", None)
    process = subprocess.Popen(
        [sys.executable, "-c", "from newsdesk.cli import main; main()", "--store", str(chat_assistant.settings.store),
         "serve", "--port", "0"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        lines = []
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if "newsdesk chat on" in line:
                break
        output = "".join(lines)
        url = re.search(r"newsdesk chat on (\S+)", output)
        assert url and re.fullmatch(r"http://127\.0\.0\.1:[1-9]\d*/", url.group(1)), output
        assert "ready in" in output  # the model and index were loaded before serving
        started = time.perf_counter()
        answer = ask(Client(url.group(1), verbose=False), "Who controls Kherson?")
        assert "Konashenkov" in answer["answer"]
        assert time.perf_counter() - started < 5
    finally:
        process.terminate()
        process.wait(20)


def test_serve_refuses_a_username_without_a_password() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NEWSDESK_AUTH_USER": "editor"}
    env.pop("NEWSDESK_AUTH_PASSWORD", None)
    result = subprocess.run(
        [sys.executable, "-c", "from newsdesk.cli import main; main()", "serve"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert "NEWSDESK_AUTH_PASSWORD" in result.stderr


# --- the page, in a browser ------------------------------------------------------

needs_chromium = pytest.mark.skipif(not chromium.available(), reason="chromium is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[chromium.Browser]:
    with chromium.Browser() as page:
        yield page


def open_page(browser: chromium.Browser, url: str) -> float:
    """Load the page; returns the monotonic time at which it is ready to take a question."""
    browser.navigate(url)
    browser.wait_for("!!document.querySelector('#nd-question textarea') && !!document.querySelector('#nd-ask')")
    return time.monotonic()


def click_button(browser: chromium.Browser, label: str, within: str = "") -> None:
    """Wait until a button whose text holds ``label`` is drawn (inside ``within``, a selector), then click it: Gradio
    draws an accordion's buttons after the chat box that `open_page` waits for."""
    find = "[...document.querySelectorAll(%r)].find(b => b.textContent.includes(%r))" % (f"{within} button".strip(), label)
    browser.wait_for(f"!!{find}")
    browser.evaluate(f"{find}.click()")


def ask_in_page(browser: chromium.Browser, question: str, turn: int) -> None:
    """Type the question, press Ask, and wait for the ``turn``-th finished answer."""
    browser.evaluate(
        """((question) => {
             const box = document.querySelector('#nd-question textarea');
             box.value = question;
             box.dispatchEvent(new Event('input', {bubbles: true}));
             document.querySelector('#nd-ask').click();
           })(%r)""" % question
    )
    browser.wait_for(
        "document.querySelectorAll('#nd-chat .nd-answer:not(.nd-streaming), #nd-chat .nd-refusal').length >= %d"
        % turn
    )


@needs_chromium
def test_page_answers_within_two_seconds_with_linked_highlighted_sources(
    browser: chromium.Browser, server: str, chat_assistant: Assistant
) -> None:
    ready = open_page(browser, server)
    assert "documents" in browser.evaluate("document.querySelector('#nd-status').innerText")
    ask_in_page(browser, "How many civilians have died, according to Ukraine's State Emergency Service?", 1)
    first_answer = time.monotonic() - ready
    assert first_answer < 2.0, f"first answer took {first_answer:.2f}s after the page loaded"
    expected = chat_assistant.ask(
        Request("How many civilians have died, according to Ukraine's State Emergency Service?")
    )
    marks = browser.evaluate("[...document.querySelectorAll('#nd-sources .nd-latest mark')].map(m => m.textContent)")
    assert marks == [c.quote for c in expected.citations]
    assert browser.evaluate("document.querySelector('#src-1-1 .nd-date').textContent") == "2022-03-02"
    browser.evaluate("document.querySelector('#nd-chat a.nd-cite').click()")
    assert browser.wait_for("document.querySelector('#src-1-1').classList.contains('nd-flash')", timeout=2)
    assert browser.evaluate("location.hash") == "", "a citation link must not navigate away"
    # A long list of sources scrolls inside its panel, not on under the accordions below it.
    assert browser.evaluate("getComputedStyle(document.querySelector('#nd-sources')).overflowY") == "auto"
    browser.send("Browser.grantPermissions", permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
    browser.evaluate("document.querySelector('#nd-copy').click()")
    markdown = browser.wait_for("navigator.clipboard.readText()", timeout=5)
    assert markdown.startswith("**Q:** How many civilians")
    assert "Sources:" in markdown and f"> {expected.citations[0].quote}" in markdown


@needs_chromium
def test_follow_up_in_the_page_refers_to_the_earlier_question(
    browser: chromium.Browser, server: str, chat_assistant: Assistant
) -> None:
    open_page(browser, server)
    ask_in_page(browser, "Who controls Kherson?", 1)
    ask_in_page(browser, "What did Ukraine say about it?", 2)
    expected = chat_assistant.ask(Request("What did Ukraine say about it?", ("Who controls Kherson?",)))
    shown = browser.evaluate("[...document.querySelectorAll('#nd-chat .nd-answer')].at(-1).innerText")
    assert " ".join(shown.split()) == " ".join(expected.answer.split())
    assert browser.evaluate("!!document.querySelector('details.nd-turn #src-1-1')"), "turn 1 sources folded away"


@needs_chromium
def test_refusal_looks_different_from_an_answer(browser: chromium.Browser, server: str) -> None:
    open_page(browser, server)
    ask_in_page(browser, "Who is the president of France?", 1)
    assert browser.evaluate("document.querySelectorAll('#nd-chat .nd-refusal').length") == 1
    assert browser.evaluate("document.querySelectorAll('#nd-chat .nd-answer').length") == 0
    assert "Not in the corpus" in browser.evaluate("document.querySelector('#nd-chat .nd-refusal').textContent")


@needs_chromium
def test_markup_in_an_article_is_shown_as_text_and_never_run(browser: chromium.Browser, server: str) -> None:
    open_page(browser, server + "?q=" + MARKUP_QUESTION.replace(" ", "%20"))
    browser.wait_for("!!document.querySelector('#nd-chat a.nd-cite')")
    time.sleep(0.5)  # give any injected handler the chance to run
    assert browser.evaluate("window.__pwned === undefined")
    sources = browser.evaluate("document.querySelector('#nd-sources').innerText")
    assert "4,217" in sources
    assert '<img src=x onerror="window.__pwned = 2">' in sources
    assert "<b>Coast</b>" in sources and "<script>" in sources
    assert browser.evaluate("document.querySelectorAll('#nd-sources img, #nd-chat img[src=\"x\"], #nd-sources b').length") == 0


@needs_chromium
def test_answer_streams_in_before_it_is_complete(browser: chromium.Browser, server: str) -> None:
    open_page(browser, server)
    browser.evaluate(
        """window.__partials = [];
           new MutationObserver(() => {
             const part = document.querySelector('#nd-chat .nd-streaming');
             if (part) window.__partials.push(part.textContent);
           }).observe(document.body, {subtree: true, childList: true, characterData: true});"""
    )
    ask_in_page(browser, "Who controls Kherson?", 1)
    partial_lengths = browser.evaluate("[...new Set(window.__partials.map(p => p.length))]")
    assert len(partial_lengths) >= 3, "the answer should appear in several growing pieces"


@needs_chromium
def test_reindex_button_reports_the_counts_and_refreshes_the_status_and_the_documents_list(
    browser: chromium.Browser, server: str, chat_assistant: Assistant
) -> None:
    open_page(browser, server)
    before = browser.evaluate("document.querySelector('#nd-status').textContent")
    (chat_assistant.settings.corpus[0] / "ferry.md").write_text(
        "---\ntitle: Ferry timetable restored\npublished: 2021-01-05\n---\n"
        "The port authority said that the ferry to the islands sails twice a day again.\n",
        encoding="utf-8",
    )
    click_button(browser, "Index")
    click_button(browser, "Reindex the corpus")
    done = browser.wait_for(
        "(() => { const t = document.body.innerText; const i = t.indexOf('Reindex done'); return i < 0 ? null : t.slice(i, i + 120); })()",
        timeout=60,
    )
    assert "failed 0" in done and "documents" in done
    after = browser.wait_for(
        "(() => { const s = document.querySelector('#nd-status').textContent; return s !== %r ? s : null; })()" % before
    )
    assert "last reindex" in after
    browser.wait_for("document.querySelector('#nd-doc-table').innerText.includes('Ferry timetable restored')")


@needs_chromium
def test_a_malformed_date_in_the_filters_is_reported_and_nothing_is_asked(browser: chromium.Browser, server: str) -> None:
    open_page(browser, server)
    click_button(browser, "Filters")
    browser.wait_for("[...document.querySelectorAll('label')].some(l => l.textContent.includes('Published since'))")
    browser.evaluate(
        """(() => { const label = [...document.querySelectorAll('label')].find(l => l.textContent.includes('Published since'));
             const box = label.querySelector('textarea, input');
             box.value = '2022-13-01'; box.dispatchEvent(new Event('input', {bubbles: true})); })()"""
    )
    browser.evaluate(
        """(() => { const box = document.querySelector('#nd-question textarea');
             box.value = 'Who controls Kherson?'; box.dispatchEvent(new Event('input', {bubbles: true}));
             document.querySelector('#nd-ask').click(); })()"""
    )
    assert browser.wait_for("document.body.innerText.includes('use YYYY-MM-DD')", timeout=10)
    assert browser.evaluate("document.querySelectorAll('#nd-chat .nd-answer, #nd-chat .nd-refusal').length") == 0


@needs_chromium
def test_example_questions_come_from_the_corpus_and_ask_when_clicked(
    browser: chromium.Browser, server: str, chat_assistant: Assistant
) -> None:
    open_page(browser, server)
    examples = answered_examples(chat_assistant)
    assert examples
    browser.wait_for(  # the examples of the corpus as it is now (an earlier test added an article)
        "((examples) => { const shown = [...document.querySelectorAll('#nd-chat button')].map(b => b.textContent);"
        " return examples.every(e => shown.some(t => t.includes(e))); })(%s)" % json.dumps(examples)
    )
    disputed = "How many Russian soldiers were killed?"
    assert disputed in examples, "a count the seed article's sources dispute is offered"
    click_button(browser, disputed, within="#nd-chat")
    browser.wait_for("!!document.querySelector('#nd-chat a.nd-cite')")
    assert browser.wait_for("document.querySelector('#nd-chat').innerText.includes('Sources disagree')")


# --- rendering, without a browser -------------------------------------------------


def test_rendered_passage_escapes_markup_and_marks_exactly_the_quote(ui: ModuleType) -> None:
    render = sys.modules["newsdesk_app.render"]
    body = 'Intro. The <b>mayor</b> said "5 < 6". Outro <script>x()</script>.'
    start = body.index("The")
    end = body.index("Outro") - 1
    citation = {"doc_id": "d", "start": start, "end": end, "quote": body[start:end]}
    shown = render.passage_html(citation, body, 0)
    assert "<b>" not in shown and "<script>" not in shown
    assert "&lt;script&gt;" in shown
    assert shown.count("<mark>") == 1
    marked = shown.split("<mark>")[1].split("</mark>")[0]
    assert marked == 'The &lt;b&gt;mayor&lt;/b&gt; said &quot;5 &lt; 6&quot;.'


def test_the_index_status_counts_in_the_singular_and_the_plural(ui: ModuleType) -> None:
    render = sys.modules["newsdesk_app.render"]
    assert render.status_markdown({"documents": 1, "chunks": 5}).startswith("**1** document · **5** passages · ")
    assert render.status_markdown({"documents": 2, "chunks": 1}).startswith("**2** documents · **1** passage · ")


def test_citation_markers_link_only_to_sources_that_exist(ui: ModuleType) -> None:
    render = sys.modules["newsdesk_app.render"]
    answer = {"refused": False, "answer": "A said x [1]. Footnote [7] stays text.", "citations": [{"n": 1}]}
    shown = render.answer_html(answer, turn=3)
    assert '<a class="nd-cite" href="#src-3-1"' in shown
    assert "[7] stays" in shown and "#src-3-7" not in shown
