"""`show` (and every citation check) reads the body that was indexed, kept in
the store: a file edited, or swapped for a link to a secret, after indexing
cannot change what is shown; stored paths do not depend on the working
directory."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from newsdesk.assistant import Assistant
from newsdesk.index.store import Store

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "---\ntitle: Harbour\n---\nThe harbour authority said on Monday that the pier would reopen in May.\n"
SECRET = "root:x:0:0:the secret the chat must never print\n"


def _indexed(tmp_path: Path, make_assistant: Callable[..., Assistant]) -> Assistant:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "h.md").write_text(ARTICLE, encoding="utf-8")
    assistant = make_assistant(corpus=[corpus])
    assistant.reindex()
    return assistant


def test_a_file_swapped_for_a_link_to_a_secret_after_indexing_is_not_shown(
    tmp_path: Path, make_assistant: Callable[..., Assistant]
) -> None:
    assistant = _indexed(tmp_path, make_assistant)
    secret = tmp_path / "passwd"
    secret.write_text(SECRET, encoding="utf-8")
    article = assistant.settings.corpus[0] / "h.md"
    article.unlink()
    article.symlink_to(secret)

    body = assistant.article("h.md").body

    assert "secret" not in body
    assert body.startswith("The harbour authority said")


def test_show_prints_the_indexed_version_of_an_edited_file(tmp_path: Path, make_assistant: Callable[..., Assistant]) -> None:
    assistant = _indexed(tmp_path, make_assistant)
    (assistant.settings.corpus[0] / "h.md").write_text(ARTICLE.replace("May", "June"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NEWSDESK_STORE": str(assistant.settings.store)}

    done = subprocess.run([sys.executable, "-m", "newsdesk", "show", "h.md"], capture_output=True, text=True,
                          env=env, timeout=120)

    assert done.returncode == 0, done.stderr
    assert done.stdout == "The harbour authority said on Monday that the pier would reopen in May.\n"


def test_a_relative_corpus_is_stored_as_an_absolute_path(tmp_path: Path, make_assistant: Callable[..., Assistant]) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "h.md").write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NEWSDESK_STORE": str(store)}
    done = subprocess.run([sys.executable, "-m", "newsdesk", "reindex", "--corpus", "corpus"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr

    entry = Store(make_assistant(store=store).settings, None).read_snapshot().documents["h.md"]  # type: ignore[arg-type]

    assert Path(entry.path).is_absolute() and Path(entry.path) == tmp_path / "corpus" / "h.md"
    shown = subprocess.run([sys.executable, "-m", "newsdesk", "show", "h.md"], capture_output=True, text=True,
                           env=env, cwd="/", timeout=120)
    assert shown.returncode == 0 and "harbour authority" in shown.stdout
