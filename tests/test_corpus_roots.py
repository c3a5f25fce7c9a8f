"""A store remembers the corpus it was built from; global options work before or after the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from newsdesk.assistant import Assistant
from newsdesk.cli import app
from newsdesk.cli.options import hoist_global_options
from newsdesk.settings import load_settings

ARTICLE = """---
title: Harbour reopens after storm
outlet: Coastal Gazette
published: 2024-05-02
---
The harbour of Port Ellis reopened on Thursday after a storm closed it for three days, the port authority said.
"""


@pytest.fixture
def my_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "my-articles"
    folder.mkdir()
    (folder / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture
def built_store(tmp_path: Path, my_articles: Path, embedder) -> Path:
    store = tmp_path / "store"
    Assistant(load_settings(environ={}, store=store, corpus=[my_articles]), embedder=embedder).reindex()
    return store


def test_the_snapshot_records_the_absolute_corpus_roots(built_store: Path, my_articles: Path):
    snapshot = json.loads((built_store / "snapshot.json").read_text())
    assert snapshot["corpus_roots"] == [str(my_articles.absolute())]


def test_reindex_without_a_corpus_uses_the_stores_roots_and_loses_nothing(
    built_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder
):
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "corpus").mkdir(parents=True)  # the ./corpus a server started here would otherwise read
    monkeypatch.chdir(elsewhere)
    assistant = Assistant(load_settings(environ={}, store=built_store), embedder=embedder)
    report = assistant.reindex()
    assert report.deleted == [] and report.unchanged == ["harbour.md"]


def test_an_explicit_corpus_overrides_the_remembered_one(built_store: Path, tmp_path: Path, embedder):
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.md").write_text(ARTICLE.replace("Port Ellis", "Kessing"), encoding="utf-8")
    assistant = Assistant(load_settings(environ={}, store=built_store, corpus=[other]), embedder=embedder)
    assert assistant.settings.corpus == [other]


def test_status_names_the_folders_the_chat_indexes(built_store: Path, my_articles: Path, embedder):
    assistant = Assistant(load_settings(environ={}, store=built_store), embedder=embedder)
    assert assistant.status()["corpus"] == [str(my_articles.absolute())]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["reindex", "--store", "S"], ["--store", "S", "reindex"]),
        (["reindex", "--store=S", "--json"], ["--store=S", "reindex", "--json"]),
        (["--store", "S", "reindex"], ["--store", "S", "reindex"]),
        (["ask", "q", "--config", "c.toml"], ["--config", "c.toml", "ask", "q"]),
        (["ask", "--", "--store", "S"], ["ask", "--", "--store", "S"]),
    ],
)
def test_global_options_after_the_command_move_in_front_of_it(args: list[str], expected: list[str]):
    command_at = next(i for i, a in enumerate(args) if a in ("reindex", "ask"))
    assert hoist_global_options(args, set(), command_at) == expected


def test_a_commands_own_option_stays_with_the_command():
    assert hoist_global_options(["reindex", "--corpus", "X"], {"--corpus"}, 0) == ["reindex", "--corpus", "X"]


@pytest.mark.parametrize("order", ["store-before", "store-after"])
def test_status_reads_the_store_given_before_or_after_the_command(built_store: Path, order: str):
    args = ["--store", str(built_store), "status", "--json"]
    if order == "store-after":
        args = ["status", "--json", "--store", str(built_store)]
    result = CliRunner().invoke(app, args, env={"NEWSDESK_STORE": ""})
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["documents"] == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    "order",
    [
        ("reindex", "--corpus", "{corpus}", "--store", "{store}", "--json"),
        ("--store", "{store}", "--corpus", "{corpus}", "reindex", "--json"),
    ],
)
def test_reindex_takes_store_and_corpus_in_either_order(order: tuple[str, ...], tmp_path: Path, my_articles: Path):
    store = tmp_path / "cli-store"
    args = [part.format(store=store, corpus=my_articles) for part in order]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env["PYTHONPATH"] = str(REPO / "src")
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", *args], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == 1
    assert json.loads((store / "snapshot.json").read_text())["corpus_roots"] == [str(my_articles)]


@pytest.mark.slow
def test_the_chats_reindex_of_a_store_served_from_another_folder_loses_nothing(
    built_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder
):
    from gradio_client import Client

    from newsdesk.cli.serving import load_app

    elsewhere = tmp_path / "repository"
    (elsewhere / "corpus").mkdir(parents=True)
    (elsewhere / "corpus" / "other.md").write_text(ARTICLE.replace("Port Ellis", "Kessing"), encoding="utf-8")
    monkeypatch.chdir(elsewhere)  # as `newsdesk --store S serve` started from a checkout
    assistant = Assistant(load_settings(environ={}, store=built_store), embedder=embedder)
    ui = load_app()
    demo = ui.build_app(assistant)
    url = ui.launch(demo, "127.0.0.1", 0, block=False)
    try:
        counts = Client(url, verbose=False).predict(api_name="/reindex")
    finally:
        demo.close()
    assert (counts["deleted"], counts["added"], counts["unchanged"]) == (0, 0, 1)
    assert list(assistant.documents()) == ["harbour.md"]
