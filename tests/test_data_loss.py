"""No path silently empties the index: a missing, unreadable or empty corpus
folder is a reported failure whose documents keep their previous versions, a
reindex that would delete most of the index stops before writing anything, and
a file rewritten while it is read is never published half-written.

Root reads chmod-000 folders, so the unreadable cases run the real command in
a process whose capabilities are dropped (`setpriv`), as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.assistant import Assistant
from newsdesk.articles.corpus import load_corpus
from newsdesk.errors import ConfigError, MassDeleteError
from newsdesk.settings import load_settings

from test_bad_inputs import _without_privileges

REPO = Path(__file__).resolve().parent.parent


def _article(serial: int) -> str:
    return (
        f"---\ntitle: Pier {serial} reopens\noutlet: Coast Daily\npublished: 2024-05-0{serial % 9 + 1}\n---\n"
        f"The harbour authority said on Monday that pier number {serial} would reopen in May.\n\n"
        "Fishermen told reporters the repairs had taken longer than promised.\n"
    )


def _corpus(root: Path, top: int = 2, in_sub: int = 6) -> Path:
    """``top`` articles in the root and ``in_sub`` in ``sub/``."""
    (root / "sub").mkdir(parents=True)
    for n in range(top):
        (root / f"top-{n}.md").write_text(_article(n), encoding="utf-8")
    for n in range(in_sub):
        (root / "sub" / f"inner-{n}.md").write_text(_article(100 + n), encoding="utf-8")
    return root


@pytest.fixture
def indexed(tmp_path: Path, make_assistant: Callable[..., Assistant]) -> Assistant:
    corpus = _corpus(tmp_path / "corpus")
    assistant = make_assistant(corpus=[corpus])
    assert len(assistant.reindex().added) == 8
    return assistant


def _cli(*args: str, env: dict[str, str] | None = None, unprivileged: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from newsdesk.cli import main; main()", *args]
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src"), **(env or {})}
    if unprivileged:
        command = _without_privileges(command)
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=300)


@pytest.mark.parametrize("make_root", ["missing", "a file", "empty"])
def test_a_bad_corpus_root_is_a_failure_with_its_path_and_deletes_nothing(
    make_root: str, indexed: Assistant, tmp_path: Path, make_assistant: Callable[..., Assistant]
) -> None:
    root = tmp_path / "typo"
    if make_root == "a file":
        root.write_text("not a folder", encoding="utf-8")
    elif make_root == "empty":
        root.mkdir()  # an unmounted drive's mount point
    before = indexed.store.read_snapshot().documents
    again = make_assistant(corpus=[root])

    report = again.reindex()

    assert report.deleted == []
    assert [f.path for f in report.failures] == [str(root)]
    assert again.store.read_snapshot().documents == before


def test_a_mistyped_corpus_on_the_command_line_exits_1_and_keeps_the_index(indexed: Assistant, tmp_path: Path) -> None:
    typo = tmp_path / "typo"
    done = _cli("--store", str(indexed.settings.store), "reindex", "--corpus", str(typo))

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert str(typo) in done.stderr
    assert "deleted 0" in done.stdout
    assert len(indexed.store.read_snapshot().documents) == 8


def test_an_unreadable_subfolder_is_reported_and_its_documents_keep_their_versions(indexed: Assistant) -> None:
    corpus = indexed.settings.corpus[0]
    before = indexed.store.read_snapshot().documents
    (corpus / "sub").chmod(0)
    try:
        done = _cli("--store", str(indexed.settings.store), "reindex", "--corpus", str(corpus), "--json",
                    unprivileged=True)
    finally:
        (corpus / "sub").chmod(0o755)

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    counts = json.loads(done.stdout)
    assert counts["deleted"] == 0
    assert [f["path"] for f in counts["failures"]] == [str(corpus / "sub")]
    assert "permission denied" in counts["failures"][0]["reason"]
    assert indexed.store.read_snapshot().documents == before


def test_an_unreadable_root_from_the_environment_is_reported_and_deletes_nothing(indexed: Assistant) -> None:
    corpus = indexed.settings.corpus[0]
    corpus.chmod(0)
    try:
        done = _cli("reindex", "--json", unprivileged=True,
                    env={"NEWSDESK_CORPUS": str(corpus), "NEWSDESK_STORE": str(indexed.settings.store)})
    finally:
        corpus.chmod(0o755)

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    counts = json.loads(done.stdout)
    assert counts["deleted"] == 0
    assert [f["path"] for f in counts["failures"]] == [str(corpus)]
    assert len(indexed.store.read_snapshot().documents) == 8


@pytest.mark.parametrize("environ", [{"NEWSDESK_CORPUS": ":"}, {"NEWSDESK_CORPUS": os.pathsep * 3}])
def test_an_empty_corpus_list_in_the_environment_is_a_configuration_error(environ: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match="corpus"):
        load_settings(environ=environ)


def test_an_empty_corpus_list_in_the_config_file_is_a_configuration_error(tmp_path: Path) -> None:
    config = tmp_path / "newsdesk.toml"
    config.write_text("[newsdesk]\ncorpus = []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="corpus"):
        load_settings(config, environ={})


def test_a_reindex_deleting_more_than_half_stops_before_writing_and_says_how_to_proceed(indexed: Assistant) -> None:
    corpus = indexed.settings.corpus[0]
    before = indexed.store.read_snapshot()
    for path in (corpus / "sub").iterdir():
        path.unlink()  # 6 of 8 gone: a wrong folder, or a sync that went astray

    with pytest.raises(MassDeleteError, match="--allow-mass-delete"):
        indexed.reindex()
    assert indexed.store.read_snapshot() == before

    report = indexed.reindex(allow_mass_delete=True)
    assert len(report.deleted) == 6
    assert sorted(indexed.store.read_snapshot().documents) == ["top-0.md", "top-1.md"]


def test_the_mass_delete_share_is_configurable(indexed: Assistant, make_assistant: Callable[..., Assistant]) -> None:
    corpus = indexed.settings.corpus[0]
    (corpus / "top-0.md").unlink()
    (corpus / "top-1.md").unlink()  # 2 of 8 gone

    with pytest.raises(MassDeleteError):
        make_assistant(corpus=[corpus], max_delete_share=0.2).reindex()
    assert len(make_assistant(corpus=[corpus]).reindex().deleted) == 2


def test_the_mass_delete_guard_on_the_command_line_exits_1_with_the_flag_to_use(indexed: Assistant) -> None:
    corpus = indexed.settings.corpus[0]
    for path in (corpus / "sub").iterdir():
        path.unlink()

    done = _cli("--store", str(indexed.settings.store), "reindex", "--corpus", str(corpus))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "--allow-mass-delete" in done.stderr
    assert len(indexed.store.read_snapshot().documents) == 8

    done = _cli("--store", str(indexed.settings.store), "reindex", "--corpus", str(corpus), "--allow-mass-delete")
    assert done.returncode == 0, done.stderr
    assert "deleted 6" in done.stdout


def test_the_chats_reindex_shows_the_mass_delete_message(indexed: Assistant) -> None:
    from newsdesk.cli.serving import load_app

    corpus = indexed.settings.corpus[0]
    for path in (corpus / "sub").iterdir():
        path.unlink()
    job = load_app().reindex_job.ReindexJob(indexed)

    state = job.run_and_wait()

    assert state.error is not None and "--allow-mass-delete" in state.error
    assert len(indexed.store.read_snapshot().documents) == 8


_REWRITER = """
import sys, time
path = sys.argv[1]
versions = [(("Version %s of the report. " % word) * 40_000 + "\\n").encode() for word in ("one", "two")]
serial = 0
while True:
    serial += 1
    data = versions[serial % 2]
    with open(path, "wb") as handle:
        for start in range(0, len(data), 65536):
            handle.write(data[start:start + 65536])
            handle.flush()
    time.sleep(0.25)
"""


def test_a_file_rewritten_while_it_is_read_is_never_loaded_half_written(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = corpus / "live.md"
    versions = [("Version one of the report. " * 40_000) + "\n", ("Version two of the report. " * 40_000) + "\n"]
    path.write_text(versions[0], encoding="utf-8")
    # Another process saves the file over and over: truncate, then write in pieces, as an editor or
    # a sync tool does, with a moment between saves.
    writer = subprocess.Popen([sys.executable, "-c", _REWRITER, str(path)])
    bodies, refused = [], 0
    try:
        for _ in range(40):
            report = load_corpus([corpus])
            bodies.extend(a.body for a in report.articles)
            refused += sum("while it was read" in f.reason for f in report.failures)
    finally:
        writer.kill()
        writer.wait()

    assert all(body in versions for body in bodies), "a half-written file was loaded"
    assert bodies, "most reads see a whole version"
