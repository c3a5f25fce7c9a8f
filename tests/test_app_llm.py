"""The chat with the llm answerer on: a real Gradio server over the packaged SmolLM2 (llama.cpp,
in-process), reached through `gradio_client` and, when installed, headless Chromium.

What it promises: each sentence the model writes is checked before the chat shows it, the
stream reports every checked sentence with the verdict the final answer records, and the final
answer keeps only verified, verbatim-cited sentences (or is the extractive fallback).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from gradio_client import Client

import chromium
from conftest import indexed_seed_copy, require_llm_extra
from newsdesk.assistant import Assistant
from newsdesk.cli.serving import load_app
from newsdesk.index.embedding import Embedder
from newsdesk.settings import load_settings

pytestmark = pytest.mark.slow

# Not a disputed subject and not a refusal: the model is asked to write it.
QUESTION = "How many fires have been extinguished?"
needs_chromium = pytest.mark.skipif(not chromium.available(), reason="chromium is not installed")


@pytest.fixture(scope="module")
def llm_assistant(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    require_llm_extra()
    indexed = indexed_seed_copy(tmp_path_factory.mktemp("llm-chat"), embedder)
    settings = load_settings(environ={}, store=indexed.settings.store, answerer="llm", llm_threads=2)
    assistant = Assistant(settings, embedder=embedder)
    assistant.warm_up()  # as `serve` does: the language model is loaded before the first question
    return assistant


@pytest.fixture(scope="module")
def llm_server(llm_assistant: Assistant) -> Iterator[str]:
    ui: ModuleType = load_app()
    demo = ui.build_app(llm_assistant)
    url = ui.launch(demo, llm_assistant.settings.host, 0, block=False)
    yield url
    demo.close()


@pytest.fixture(scope="module")
def streamed(llm_server: str) -> list[dict[str, Any]]:
    job = Client(llm_server, verbose=False).submit(QUESTION, [], [], "", "", api_name="/ask_stream")
    job.result(timeout=600)
    return list(job.outputs())


def test_the_stream_reports_each_written_sentence_checked_before_the_final_answer(
    streamed: list[dict[str, Any]],
) -> None:
    assert [event["event"] for event in streamed][-1] == "answer"
    sentences = [event["sentence"] for event in streamed if event["event"] == "sentence"]
    final = streamed[-1]["answer"]
    assert sentences, "the model was asked but no checked sentence was streamed"
    assert [(s["text"], s["verdict"]) for s in sentences] == [(s["text"], s["verdict"]) for s in final["generated"]]


def test_the_final_answer_shows_only_verified_sentences_with_verbatim_citations(
    streamed: list[dict[str, Any]], llm_assistant: Assistant
) -> None:
    final = streamed[-1]["answer"]
    assert not final["refused"] and final["answerer"] in ("llm", "extractive-fallback")
    assert final["sentences"] and all(s["verdict"] in ("verified", "quoted") for s in final["sentences"])
    for citation in final["citations"]:
        body = llm_assistant.article(citation["doc_id"]).body
        assert body[citation["start"]:citation["end"]] == citation["quote"]


def test_the_ask_endpoint_gives_the_same_final_answer_as_the_stream(
    llm_server: str, streamed: list[dict[str, Any]]
) -> None:
    answer = Client(llm_server, verbose=False).predict(QUESTION, api_name="/ask")
    final = streamed[-1]["answer"]
    assert (answer["answer"], answer["answerer"]) == (final["answer"], final["answerer"])


@needs_chromium
def test_the_page_says_a_model_writes_and_shows_checked_sentences_while_it_writes(llm_server: str) -> None:
    from test_app import ask_in_page, open_page

    with chromium.Browser() as browser:
        open_page(browser, llm_server)
        assert "language model" in browser.evaluate("document.querySelector('#nd-title').innerText")
        browser.evaluate(
            """window.__checking = 0;
               new MutationObserver(() => {
                 if (document.querySelector('#nd-chat .nd-checking')) window.__checking += 1;
               }).observe(document.body, {subtree: true, childList: true, characterData: true});"""
        )
        ask_in_page(browser, QUESTION, 1)
        assert browser.evaluate("window.__checking") > 0, "no checked sentence was shown before the answer"
        note = browser.evaluate("document.querySelector('#nd-chat .nd-answerer-note').innerText")
        assert "language model" in note or "Quoted from the articles" in note


# --- rendering (pure functions) ------------------------------------------------

LLM_ANSWER = {
    "question": "q", "refused": False, "answerer": "llm", "answer": "A. [1] B. (unverified)",
    "citations": [{"n": 1}],
    "sentences": [
        {"text": "A.", "citations": [1], "verdict": "verified"},
        {"text": "B <b>.", "citations": [], "verdict": "flagged"},
    ],
    "generated": [
        {"text": "A.", "citations": [1], "verdict": "verified"},
        {"text": "B <b>.", "citations": [], "verdict": "flagged"},
        {"text": "C.", "citations": [], "verdict": "dropped"},
    ],
}  # fmt: skip


def test_a_verified_sentence_links_its_citations_and_a_flagged_one_is_marked_unverified() -> None:
    html = load_app().render.answer_html(LLM_ANSWER, turn=2)
    assert '<span class="nd-verified">A. <a class="nd-cite" href="#src-2-1"' in html
    assert '<span class="nd-flagged"' in html and "unverified</span>" in html and "<b>" not in html


def test_a_dropped_sentence_is_not_shown_only_counted() -> None:
    html = load_app().render.answer_html(LLM_ANSWER, turn=1)
    assert "C." not in html and "1 generated sentence removed" in html


def test_while_writing_only_checked_sentences_are_shown() -> None:
    html = load_app().render.checking_html(LLM_ANSWER["generated"][:1] + LLM_ANSWER["generated"][2:])
    assert "A. [1]" in html and "C." not in html and "nd-cursor" in html
