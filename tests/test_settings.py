from pathlib import Path

import pytest

from newsdesk.errors import ConfigError
from newsdesk.settings import load_settings


def test_defaults_bind_the_chat_to_loopback_and_store_under_the_working_directory():
    settings = load_settings(environ={})
    assert settings.host == "127.0.0.1"
    assert settings.store == Path(".newsdesk")
    assert settings.corpus == [Path("corpus")]


def test_config_file_then_environment_then_flags_take_precedence(tmp_path: Path):
    config = tmp_path / "newsdesk.toml"
    config.write_text('[newsdesk]\nk = 7\nstore = "from-config"\nchunk_size = 900\n')
    env = {"NEWSDESK_K": "9", "NEWSDESK_CONFIG": str(config)}
    settings = load_settings(environ=env, store=Path("from-flag"))
    assert settings.chunk_size == 900  # only the config file sets it
    assert settings.k == 9  # environment beats the config file
    assert settings.store == Path("from-flag")  # a flag beats everything


def test_flags_left_unset_fall_through_to_lower_layers():
    settings = load_settings(environ={"NEWSDESK_K": "4"}, k=None)
    assert settings.k == 4


def test_corpus_list_from_environment_uses_the_path_separator():
    settings = load_settings(environ={"NEWSDESK_CORPUS": "a:b"})
    assert settings.corpus == [Path("a"), Path("b")]


def test_bad_value_names_the_setting_and_the_config_file(tmp_path: Path):
    config = tmp_path / "bad.toml"
    config.write_text("k = 0\n")
    with pytest.raises(ConfigError, match=r"bad\.toml.*k"):
        load_settings(config_file=config, environ={})


def test_unknown_setting_in_config_is_rejected(tmp_path: Path):
    config = tmp_path / "typo.toml"
    config.write_text("chunk_sise = 500\n")
    with pytest.raises(ConfigError, match="chunk_sise"):
        load_settings(config_file=config, environ={})


def test_unparsable_config_file_is_a_clear_error(tmp_path: Path):
    config = tmp_path / "broken.toml"
    config.write_text("k = = 3\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(config_file=config, environ={})


@pytest.mark.parametrize("weight", ["dense_weight", "article_weight"])
def test_a_search_built_without_settings_fuses_with_the_settings_defaults(weight: str):
    """Round 16 (`clean16`): `article_weight` defaulted to 0.2 in `Settings` and 0.0 in `HybridSearch` and
    `HybridRetriever`, so a search built without settings ranked otherwise than the answerer's; one default each."""
    from dataclasses import fields

    from newsdesk.index.langchain_retriever import HybridRetriever
    from newsdesk.index.retrieval import HybridSearch
    from newsdesk.settings import Settings

    default = Settings.model_fields[weight].default
    assert next(f.default for f in fields(HybridSearch) if f.name == weight) == default
    assert HybridRetriever.model_fields[weight].default == default
