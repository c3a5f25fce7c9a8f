"""Text from files nobody vetted reaches the terminal and the chat as text:
Rich markup in file names and titles is shown, never parsed; ESC, NUL and C1
characters (written as YAML escapes or in file names) never reach the terminal
raw; bidi overrides and zero-width joiners are shown as ``<U+XXXX>``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.cli.serving import load_app
from newsdesk.articles.corpus import load_corpus
from newsdesk.display import visible

REPO = Path(__file__).resolve().parent.parent
BODY = "The harbour authority said on Monday that the northern pier would reopen in May.\n"
RAW_TERMINAL_BYTES = ("\x1b", "\x07", "\x00", "\x9b", "\x90")
HOSTILE_FILES = {
    "d[/e].md": f"---\ntitle: a [/] b [bold]x\noutlet: Coast [red]Daily\n---\n{BODY}",
    "escapes.md": f'---\ntitle: "clear\\e[2J\\e]0;pwned\\aend"\noutlet: "nul\\0 and c1\\x9b here"\n---\n{BODY}',
    "name\x1b]0;owned\x07.md": f"---\ntitle: Named badly\n---\n{BODY}",
    "spoof.md": f"---\ntitle: \"Invoice fdp\u202e.exe\"\noutlet: \"Reu\u200dters\"\n---\n{BODY}",
}


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("hostile") / "corpus"
    corpus.mkdir()
    for name, text in HOSTILE_FILES.items():
        (corpus / name).parent.mkdir(exist_ok=True)  # "d[/e].md" is e].md in a folder named "d["
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def _cli(*args: str, store: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NEWSDESK_STORE": str(store), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-c", "from newsdesk.cli import main; main()", *args],
        capture_output=True, text=True, env=env, timeout=300,
    )


def _assert_no_raw_control(output: str) -> None:
    for character in RAW_TERMINAL_BYTES:
        assert character not in output, f"U+{ord(character):04X} reached the terminal raw"


@pytest.fixture(scope="module")
def indexed_store(hostile_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    store = tmp_path_factory.mktemp("hostile-store")
    return store, _cli("reindex", "--corpus", str(hostile_corpus), store=store)


def test_reindex_prints_markup_and_escapes_in_names_and_titles_as_text(
    indexed_store: tuple[Path, subprocess.CompletedProcess],
) -> None:
    _, done = indexed_store
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "MarkupError" not in done.stderr
    assert "added 4" in done.stdout
    _assert_no_raw_control(done.stdout + done.stderr)
    assert "U+001B" in done.stderr, "the decoded YAML escape is reported"


def test_status_shows_titles_and_file_names_with_markup_and_hidden_characters_visible(
    indexed_store: tuple[Path, subprocess.CompletedProcess],
) -> None:
    store, _ = indexed_store
    done = _cli("status", store=store)

    assert done.returncode == 0, done.stderr
    _assert_no_raw_control(done.stdout)
    for shown in ("d[/e].md", "a [/] b [bold]x", "Coast [red]Daily", "fdp<U+202E>.exe", "Reu<U+200D>ters",
                  "name<U+001B>]0;owned<U+0007>.md"):
        assert shown in done.stdout, shown
    assert "\u202e" not in done.stdout and "\u200d" not in done.stdout


def test_an_error_message_holding_markup_is_printed_not_parsed(
    indexed_store: tuple[Path, subprocess.CompletedProcess],
) -> None:
    store, _ = indexed_store
    done = _cli("show", "missing [/] doc\x1b[2J.md", store=store)

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "missing [/] doc" in done.stderr
    _assert_no_raw_control(done.stderr)


def test_titles_and_outlets_are_scrubbed_after_yaml_decoding(hostile_corpus: Path) -> None:
    articles = {a.doc_id: a for a in load_corpus([hostile_corpus]).articles}
    escaped = articles["escapes.md"]
    assert escaped.title == "clear<U+001B>[2J<U+001B>]0;pwned<U+0007>end"
    assert escaped.outlet == "nul<U+0000> and c1<U+009B> here"
    assert articles["spoof.md"].title == "Invoice fdp<U+202E>.exe"
    assert articles["spoof.md"].outlet == "Reu<U+200D>ters"


def test_the_chat_shows_bidi_overrides_and_joiners_in_titles_outlets_and_file_names() -> None:
    render = load_app().render
    citation = {"n": 1, "doc_id": "invoice\u202efdp.exe.md", "title": "Invoice fdp\u202e.exe",
                "outlet": "Reu\u200dters", "published": "", "start": 0, "end": 4, "quote": "The ", "claimant": None}

    shown = render.source_html(citation, [], turn=1)

    assert "\u202e" not in shown and "\u200d" not in shown
    assert "fdp&lt;U+202E&gt;.exe" in shown and "Reu&lt;U+200D&gt;ters" in shown
    assert "invoice&lt;U+202E&gt;fdp.exe.md" in shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [("plain title", "plain title"), ("a\u202eb", "a<U+202E>b"), ("a\u2066b\u2069", "a<U+2066>b<U+2069>"),
     ("zero\u200bwidth", "zero<U+200B>width"), ("esc\x1b[31m", "esc<U+001B>[31m"), ("c1\x85", "c1<U+0085>"),
     ("Кириллица and 中文", "Кириллица and 中文")],
)
def test_hidden_characters_are_shown_as_markers(text: str, shown: str) -> None:
    assert visible(text) == shown
