"""Security defaults: loopback only, secrets only from the environment and never
printed, no file outside the index readable through the assistant."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from newsdesk.assistant import Assistant
from newsdesk.errors import ConfigError, DocumentNotFoundError
from newsdesk.settings import load_settings

PASSWORD = "correct-horse-battery-staple"


def test_chat_binds_to_loopback_by_default() -> None:
    assert load_settings(environ={}).host == "127.0.0.1"


def test_password_from_the_environment_is_used_but_never_printed(caplog: pytest.LogCaptureFixture) -> None:
    settings = load_settings(environ={"NEWSDESK_AUTH_USER": "editor", "NEWSDESK_AUTH_PASSWORD": PASSWORD})

    assert settings.auth_password == PASSWORD  # the chat server hands it to Gradio as a str
    with caplog.at_level(logging.INFO):
        logging.getLogger("newsdesk.test").info("settings: %s / %r", settings, settings)
    for shown in (repr(settings), str(settings), caplog.text, str(settings.model_dump()), settings.model_dump_json()):
        assert PASSWORD not in shown
    assert "editor" in repr(settings)


def test_password_in_a_config_file_is_refused_without_echoing_it(tmp_path: Path) -> None:
    config = tmp_path / "newsdesk.toml"
    config.write_text(f'[newsdesk]\nauth_user = "editor"\nauth_password = "{PASSWORD}"\n', encoding="utf-8")

    with pytest.raises(ConfigError) as raised:
        load_settings(config, environ={})

    assert "NEWSDESK_AUTH_PASSWORD" in str(raised.value)
    assert PASSWORD not in str(raised.value)


def test_invalid_setting_message_does_not_echo_the_password() -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings(environ={"NEWSDESK_AUTH_PASSWORD": PASSWORD, "NEWSDESK_PORT": "not-a-port"})
    assert PASSWORD not in str(raised.value)


@pytest.mark.parametrize(
    "doc_id",
    ["../../../../etc/passwd", "/etc/passwd", "..%2F..%2Fetc%2Fpasswd", "000_2392ac50c3bede51.md/../../secret"],
)
def test_only_indexed_documents_can_be_read_through_the_assistant(doc_id: str, seed_assistant: Assistant) -> None:
    with pytest.raises(DocumentNotFoundError):
        seed_assistant.article(doc_id)
