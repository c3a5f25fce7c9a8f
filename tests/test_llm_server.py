"""The OpenAI-compatible backend against a real server: llama-cpp-python's, started on a free port."""

from __future__ import annotations

import json

import pytest

from conftest import SEED_DOC
from newsdesk.assistant import Assistant
from llm_server import LlamaServer
from test_llm_models import PASSAGE, QUESTION

pytestmark = pytest.mark.slow


def chat_model(server: LlamaServer, **options: object):  # type: ignore[no-untyped-def]
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        base_url=server.base_url, api_key=server.api_key, model=server.model, temperature=0, max_tokens=24,
        **options,
    )


def test_langchain_chat_openai_gets_a_completion_from_the_local_server(smollm2_server: LlamaServer) -> None:
    reply = chat_model(smollm2_server).invoke(f"{PASSAGE}\n\n{QUESTION}")
    assert "420" in str(reply.content)


def test_the_local_server_streams_a_reply_in_several_chunks(smollm2_server: LlamaServer) -> None:
    chunks = [str(chunk.content) for chunk in chat_model(smollm2_server).stream("Count from one to five.")]
    assert len([chunk for chunk in chunks if chunk]) > 1
    assert "".join(chunks).strip()


def test_the_local_server_refuses_a_client_without_its_api_key(smollm2_server: LlamaServer) -> None:
    from openai import AuthenticationError

    wrong = LlamaServer(smollm2_server.base_url, smollm2_server.model, api_key="not-the-key")
    with pytest.raises(AuthenticationError):
        chat_model(wrong, max_retries=0).invoke("Hello")


# `newsdesk ask --answerer llm` with the openai backend, against the server above: the flows of the
# in-process llama-cpp backend, one CLI process for the batch. Not a disputed subject: the
# answerer keeps the extractive every-side answer for those and does not ask the model.
ASKED = [
    {"id": "answer", "question": "How many fires have been extinguished?", "answerable": True},
    {"id": "follow-up", "question": "And how many were wounded?", "answerable": True,
     "history": ["How many Russian soldiers has Russia's Defense Ministry said were killed?"]},
    {"id": "refusal", "question": "Who won the 2018 World Cup?", "answerable": False},
]  # fmt: skip


@pytest.fixture(scope="module")
def answered_over_http(
    smollm2_server: LlamaServer, seed_assistant: Assistant, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict]:
    """The CLI reads the session's store of the shipped corpus (it only reads)."""
    from test_cli import newsdesk

    store = seed_assistant.settings.store
    cases = tmp_path_factory.mktemp("openai-cases") / "asked.jsonl"
    cases.write_text("\n".join(json.dumps(case) for case in ASKED), encoding="utf-8")
    environ = {
        "NEWSDESK_LLM_BACKEND": "openai",
        "NEWSDESK_LLM_BASE_URL": smollm2_server.base_url,
        "NEWSDESK_LLM_MODEL": smollm2_server.model,
        "NEWSDESK_LLM_API_KEY_ENV": "TEST_LLAMA_SERVER_KEY",
        "TEST_LLAMA_SERVER_KEY": smollm2_server.api_key,
    }
    result = newsdesk("ask", "--json", "--answerer", "llm", "--batch", str(cases), store=store, env=environ)
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    body = seed_assistant.article(SEED_DOC).body
    return {"body": body, **{answer["id"]: answer for answer in answers}}


@pytest.mark.parametrize("case", ["answer", "follow-up"])
def test_the_served_model_writes_the_answer_and_only_verified_cited_sentences_reach_the_user(
    answered_over_http: dict[str, dict], case: str
) -> None:
    answer = answered_over_http[case]
    assert not answer["refused"]
    assert answer["generated"], "the model behind the server wrote nothing: was it asked?"
    assert answer["answerer"] in ("llm", "extractive-fallback")
    shown = answer["sentences"]
    assert shown and all(s["verdict"] in ("verified", "quoted") for s in shown)
    assert all(s["citations"] for s in shown)
    for dropped in (s for s in answer["generated"] if s["verdict"] == "dropped"):
        assert dropped["text"] not in [s["text"] for s in shown]
    for citation in answer["citations"]:
        assert answered_over_http["body"][citation["start"]:citation["end"]] == citation["quote"]


def test_the_served_model_answers_the_question_the_extractive_answer_answers(
    answered_over_http: dict[str, dict],
) -> None:
    assert "400" in answered_over_http["answer"]["answer"]
    assert "1,597" in answered_over_http["follow-up"]["answer"]


def test_a_refusal_over_http_is_the_extractive_refusal_and_the_model_is_not_asked(
    answered_over_http: dict[str, dict],
) -> None:
    refusal = answered_over_http["refusal"]
    assert refusal["refused"] and refusal["answerer"] == "extractive" and refusal["generated"] == []
