"""Settings and inputs are validated, with one line each, and bounded: no
switched-off limits (``inf``), no silently ignored keys, no 100 KB titles in
every chunk, no 50k-value filters reaching Chroma, no 1 MB value echoed back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.articles.chunking import chunk_article
from newsdesk.cli.common import parse_date
from newsdesk.articles.corpus import MAX_FIELD_CHARS, load_corpus
from newsdesk.errors import ConfigError, RequestError
from newsdesk.index.retrieval import SearchFilters
from newsdesk.settings import load_settings

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "hunter2-very-secret"

BAD_CONFIGS = {
    "max_file_mb = inf": ("[newsdesk]\nmax_file_mb = inf\n", "max_file_mb"),
    "max_file_mb = nan": ("[newsdesk]\nmax_file_mb = nan\n", "max_file_mb"),
    "collection with a space": ('[newsdesk]\ncollection = "my news"\n', "collection"),
    "collection too short": ('[newsdesk]\ncollection = "n"\n', "collection"),
    "collection with ..": ('[newsdesk]\ncollection = "news..desk"\n', "collection"),
    "k = true": ("[newsdesk]\nk = true\n", "k must be a number"),
    "chunk_size = false": ("[newsdesk]\nchunk_size = false\n", "chunk_size must be a number"),
    "password at the top level": (f'auth_password = "{PASSWORD}"\n[newsdesk]\nk = 5\n', "NEWSDESK_AUTH_PASSWORD"),
    "unknown top-level key": ('retriver = "bm25"\n[newsdesk]\nk = 5\n', "retriver"),
}


@pytest.mark.parametrize(("text", "named"), BAD_CONFIGS.values(), ids=BAD_CONFIGS.keys())
def test_a_bad_config_file_is_refused_with_one_line_naming_the_setting(tmp_path: Path, text: str, named: str) -> None:
    config = tmp_path / "newsdesk.toml"
    config.write_text(text, encoding="utf-8")

    with pytest.raises(ConfigError) as raised:
        load_settings(config, environ={})

    message = str(raised.value)
    assert named in message and "\n" not in message
    assert PASSWORD not in message


@pytest.mark.parametrize(("variable", "value"), [("NEWSDESK_MAX_FILE_MB", "inf"), ("NEWSDESK_COLLECTION", "bad name!"),
                                                 ("NEWSDESK_LOCK_TIMEOUT", "nan")])
def test_a_bad_environment_value_is_refused(variable: str, value: str) -> None:
    with pytest.raises(ConfigError, match=variable.removeprefix("NEWSDESK_").lower()):
        load_settings(environ={variable: value})


def test_a_bad_config_file_on_the_command_line_is_one_line_without_a_traceback(tmp_path: Path) -> None:
    config = tmp_path / "newsdesk.toml"
    config.write_text("[newsdesk]\nk = true\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NEWSDESK_CONFIG": str(config)}

    done = subprocess.run([sys.executable, "-m", "newsdesk", "status"], capture_output=True, text=True, env=env, timeout=120)

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "k must be a number" in done.stderr


def test_a_100_kb_title_is_cut_and_reported_and_chunks_carry_the_short_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.md").write_text(f"---\ntitle: {'Headline ' * 11_000}\n---\nThe pier reopened in May.\n", encoding="utf-8")

    report = load_corpus([corpus])

    (article,) = report.articles
    assert len(article.title) <= MAX_FIELD_CHARS
    assert any("cut to" in warning.reason for warning in report.warnings)
    assert all(len(chunk.metadata["title"]) <= MAX_FIELD_CHARS for chunk in chunk_article(article, 1000))


@pytest.mark.parametrize("field", ["outlets", "doc_ids"])
def test_a_filter_of_50k_values_is_refused_before_it_reaches_chroma(field: str) -> None:
    values = tuple(f"Outlet {n}" for n in range(50_000))
    with pytest.raises(RequestError, match="at most") as raised:
        SearchFilters(**{field: values})
    assert "Outlet 49999" not in str(raised.value)


def test_a_filter_value_of_100_kb_is_refused_without_echoing_it() -> None:
    with pytest.raises(RequestError) as raised:
        SearchFilters(outlets=("x" * 100_000,))
    assert len(str(raised.value)) < 200


def test_a_1_mb_date_is_refused_without_echoing_it() -> None:
    with pytest.raises(ConfigError) as raised:
        parse_date("2024-" + "9" * 1_000_000, "--since")
    assert len(str(raised.value)) < 200 and "YYYY-MM-DD" in str(raised.value)
