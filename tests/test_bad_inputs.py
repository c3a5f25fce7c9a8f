"""Folders nobody curated: every bad file is reported once, with its path and a
reason a user can act on; every good file is indexed; nothing raises.

Each case writes real files into a directory. The same cases run one by one
through `load_corpus` and all together through a real reindex (in process and
through the `newsdesk reindex` command)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Literal

import pytest

from newsdesk.assistant import Assistant
from newsdesk.articles.chunking import chunk_article
from newsdesk.articles.corpus import LoadReport, Skipped, load_corpus
from newsdesk.errors import CorpusError

REPO = Path(__file__).resolve().parent.parent
LONG_LINE_CHARS = 40_000
GOOD_TEXT = (
    "The harbour authority said on Monday that the northern pier would reopen in May.\n\n"
    "Fishermen told reporters the repairs had taken longer than promised.\n"
)
Outcome = Literal["failure", "warning", "skipped", "loaded"]


@dataclass(frozen=True)
class Case:
    """One bad input: how to write it, what loading it must produce."""

    id: str
    write: Callable[[Path], list[Path]]  # writes into a directory, returns the paths to report
    outcome: Outcome
    reason: str = ""  # a fragment the reported reason must contain (lower case)
    body_contains: str = ""  # for loaded files: text the decoded body must contain


def _file(name: str, data: bytes | str) -> Callable[[Path], list[Path]]:
    def write(directory: Path) -> list[Path]:
        path = directory / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return [path]

    return write


def _large_file(directory: Path) -> list[Path]:
    path = directory / "huge-50mb.md"
    with path.open("wb") as handle:
        line = b"All work and no play makes a very long article indeed. " * 18 + b"\n"
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    return [path]


def _unreadable(directory: Path) -> list[Path]:
    path = directory / "locked.md"
    path.write_text(GOOD_TEXT.replace("harbour", "locked harbour"), encoding="utf-8")
    path.chmod(0)
    return [path]


def _symlink_loop(directory: Path) -> list[Path]:
    first, second = directory / "loop-a.md", directory / "loop-b.md"
    first.symlink_to(second.name)
    second.symlink_to(first.name)
    return [first, second]


def _broken_symlink(directory: Path) -> list[Path]:
    path = directory / "dangling.md"
    path.symlink_to(directory / "no-such-article.md")
    return [path]


def _outside_symlink(directory: Path) -> list[Path]:
    secret = Path(tempfile.gettempdir()) / "newsdesk-test-outside-secret.md"
    secret.write_text("The root password is hunter2.\n", encoding="utf-8")
    path = directory / "innocent.md"
    path.symlink_to(secret)
    return [path]


def _directory_loop(directory: Path) -> list[Path]:
    path = directory / "again"
    path.symlink_to(".", target_is_directory=True)
    return [path]


def _fifo(directory: Path) -> list[Path]:
    path = directory / "pipe.md"
    os.mkfifo(path)
    return [path]


def _undecodable_name(directory: Path) -> list[Path]:
    name = os.fsdecode(b"caf\xe9-latin1-name.md")
    path = directory / name
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return [Path(os.fsencode(path).decode("utf-8", "replace"))]


def _yaml_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\ntitle: *i\n---\n" + GOOD_TEXT


CASES: list[Case] = [
    # Files that cannot be used: reported as failures.
    Case("binary-png-as-md", _file("picture.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
         "failure", "binary data"),
    Case("nul-bytes-in-text", _file("nul.txt", "Hello\x00world, this was a C string.\n"), "failure", "binary data"),
    Case("binary-without-nul", _file("noise.txt", bytes(range(1, 256)) * 200), "failure", "binary data"),
    Case("empty-file", _file("empty.md", b""), "failure", "empty article"),
    Case("whitespace-only", _file("blank.md", " \n\t\n   \n"), "failure", "empty article"),
    Case("front-matter-only", _file("meta-only.md", "---\ntitle: Nothing else\n---\n\n"), "failure", "empty article"),
    Case("zero-width-only", _file("invisible.md", "\u200b\u200c\u200d\ufeff\u2060\n\u200b"),
         "failure", "empty article"),
    Case("file-of-50-mb", _large_file, "failure", "max_file_mb"),
    Case("malformed-yaml", _file("bad-yaml.md", "---\ntitle: [unclosed\noutlet: x\n---\n" + GOOD_TEXT),
         "failure", "not valid yaml"),
    Case("front-matter-is-a-list", _file("list-meta.md", "---\n- title\n- outlet\n---\n" + GOOD_TEXT),
         "failure", "must be a mapping"),
    Case("front-matter-is-a-string", _file("scalar-meta.md", "---\njust some words\n---\n" + GOOD_TEXT),
         "failure", "must be a mapping"),
    Case("deeply-nested-yaml", _file("nested.md", "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + GOOD_TEXT),
         "failure", "not valid yaml"),
    Case("front-matter-never-closed", _file("unclosed.md", "---\ntitle: Open\n" + GOOD_TEXT),
         "failure", "never closed"),
    Case("yaml-python-tag", _file("exploit.md", "---\ntitle: !!python/object/apply:os.system ['touch pwned']\n---\n"
                                  + GOOD_TEXT), "failure", "not valid yaml"),
    Case("permission-denied", _unreadable, "failure", "permission denied"),
    Case("symlink-loop", _symlink_loop, "failure", "symbolic link loop"),
    Case("broken-symlink", _broken_symlink, "failure", "broken symbolic link"),
    Case("named-pipe", _fifo, "failure", "not a regular file"),
    Case("undecodable-file-name", _undecodable_name, "failure", "not valid utf-8; rename"),
    # Files that are used, with a warning saying what was done to them.
    Case("latin-1", _file("latin1.md", "Caf\xe9 owners in S\xe3o Paulo said prices rose.\n".encode("latin-1")),
         "warning", "not valid utf-8", body_contains="Café owners in São Paulo"),
    Case("windows-1252-quotes", _file("cp1252.txt", b"The mayor said \x93we will rebuild\x94 \x96 and left.\n"),
         "warning", "windows-1252", body_contains="\u201cwe will rebuild\u201d \u2013"),
    Case("utf-16-with-bom", _file("utf16.md", "The ministry confirmed the figures on Tuesday.\n".encode("utf-16")),
         "warning", "utf-16", body_contains="ministry confirmed"),
    Case("non-iso-date", _file("date-words.md", "---\npublished: March 3rd, 2024\n---\n" + GOOD_TEXT),
         "warning", "not an iso date", body_contains="harbour authority"),
    Case("impossible-date", _file("date-bad.md", "---\npublished: 2024-13-45\n---\n" + GOOD_TEXT),
         "warning", "not an iso date", body_contains="harbour authority"),
    Case("title-is-a-list", _file("title-list.md", "---\ntitle: [a, b]\n---\n" + GOOD_TEXT),
         "warning", "should be text", body_contains="harbour authority"),
    Case("yaml-alias-bomb", _file("laughs.md", _yaml_bomb()), "warning", "should be text",
         body_contains="harbour authority"),
    Case("terminal-escapes-and-bell", _file("ansi.md", "The \x1b[31mred\x1b[0m alert\x07 was lifted at noon.\n"),
         "warning", "control characters", body_contains="red"),
    # Files left out on purpose.
    Case("truncated-pdf", _file("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), "failure", "not a readable pdf"),
    Case("docx-extension", _file("letter.docx", b"PK\x03\x04" + bytes(64)), "skipped", "unsupported file type"),
    Case("no-extension", _file("README", GOOD_TEXT), "skipped", "unsupported file type"),
    Case("hidden-file", _file(".draft.md", GOOD_TEXT), "skipped", "hidden file"),
    Case("vim-swap-file", _file("article.md.swp", b"b0VIM 8.2\x00\x00"), "skipped", "editor or temporary"),
    Case("emacs-backup", _file("article.md~", GOOD_TEXT), "skipped", "editor or temporary"),
    Case("emacs-autosave", _file("#article.md#", GOOD_TEXT), "skipped", "editor or temporary"),
    Case("partial-download", _file("article.md.part", GOOD_TEXT), "skipped", "editor or temporary"),
    Case("symlink-outside-corpus", _outside_symlink, "skipped", "outside the corpus"),
    Case("directory-symlink-loop", _directory_loop, "skipped", "directory symlink not followed"),
    # Odd but valid text: indexed, nothing to report.
    Case("extremely-long-line", _file("one-line.md", "x" * LONG_LINE_CHARS), "loaded", body_contains="xxxx"),
    Case("long-line-of-words", _file("run-on.md", "the river kept rising " * (LONG_LINE_CHARS // 22)),
         "loaded", body_contains="river"),
    Case("zero-width-inside-words", _file("zw.md", "Kher\u200bson was shelled on Sunday, offi\u200dcials said.\n"),
         "loaded", body_contains="Kher\u200bson"),
    Case("crlf-and-cr-line-endings", _file("windows.txt", b"Title line\r\n\r\nFirst paragraph.\rSecond line.\r\n"),
         "loaded", body_contains="First paragraph.\nSecond line."),
    Case("utf-8-bom", _file("bom.md", "\ufeffThe council met on Friday.\n"), "loaded", body_contains="council"),
    Case("html-and-script", _file("html.md", "<script>alert('x')</script>\n\n<b>Bold</b> claims were made.\n"),
         "loaded", body_contains="<script>alert('x')</script>"),
    # Chunking was quadratic here (1M lines: 117 s); bench/pathological_inputs.py gives the time per line.
    Case("many-short-lines", _file("lines.md", "A b.\n" * 5_000), "loaded", body_contains="A b.\nA b."),
    Case("mixed-scripts", _file("scripts.md", "Київ заявив. قالت الوزارة. 东京发布了声明。 The end.\n"),
         "loaded", body_contains="东京"),
]


def _write_good(directory: Path) -> Path:
    path = directory / "good.md"
    path.write_text("---\ntitle: Harbour reopens\noutlet: Coast Daily\npublished: 2024-05-02\n---\n" + GOOD_TEXT)
    return path


def _report_entries(report: LoadReport) -> list[tuple[str, str, str]]:
    """(kind, path, reason) for everything reported."""
    return (
        [("failure", f.path, f.reason) for f in report.failures]
        + [("warning", w.path, w.reason) for w in report.warnings]
        + [("skipped", s.path, s.reason) for s in report.skipped]
    )


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _without_privileges(command: list[str]) -> list[str]:
    """Root reads chmod-000 files; drop its capabilities so permissions apply as for a user."""
    if not _running_as_root():
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-all", "--ambient-caps=-all", *command]


_LOAD_SCRIPT = """
import json, sys
from pathlib import Path
from newsdesk.articles.corpus import load_corpus
report = load_corpus([Path(sys.argv[1])])
print(json.dumps({
    "articles": [a.doc_id for a in report.articles],
    "failures": [[f.path, f.reason] for f in report.failures],
    "warnings": [[w.path, w.reason] for w in report.warnings],
    "skipped": [[s.path, s.reason] for s in report.skipped],
}))
"""


def _load_unprivileged(directory: Path) -> LoadReport:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(
        _without_privileges([sys.executable, "-c", _LOAD_SCRIPT, str(directory)]),
        capture_output=True, text=True, env=env, timeout=60, check=True,
    )
    data = json.loads(done.stdout)
    report = LoadReport()
    report.articles = [SimpleNamespace(doc_id=doc_id) for doc_id in data["articles"]]  # type: ignore[misc]
    report.failures = [CorpusError(p, r) for p, r in data["failures"]]
    report.warnings = [CorpusError(p, r) for p, r in data["warnings"]]
    report.skipped = [Skipped(p, r) for p, r in data["skipped"]]
    return report


def test_there_are_at_least_25_bad_input_cases() -> None:
    assert len([case for case in CASES if case.outcome != "loaded"]) >= 25
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_file_is_reported_once_and_good_file_still_loads(case: Case, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = _write_good(corpus)
    expected_paths = {str(path) for path in case.write(corpus)}

    report = _load_unprivileged(corpus) if case.id == "permission-denied" else load_corpus([corpus])

    loaded = {article.doc_id for article in report.articles}
    assert good.name in loaded
    entries = _report_entries(report)
    reported = [entry for entry in entries if entry[1] in expected_paths]
    if case.outcome == "loaded":
        assert entries == [], f"clean but odd text must not be reported: {entries}"
        assert len(loaded) == 2
    else:
        assert sorted(path for _, path, _ in reported) == sorted(expected_paths), entries
        assert len(entries) == len(expected_paths), f"each problem reported once, nothing else: {entries}"
        for kind, _, reason in reported:
            assert kind == case.outcome
            assert case.reason in reason.lower()
            if kind == "failure":
                assert reason.rstrip().endswith(".") and len(reason) > 25, f"reason should say what to do: {reason}"
    if case.outcome in ("loaded", "warning"):
        (article,) = [a for a in report.articles if a.doc_id != good.name]
        assert case.body_contains in article.body
        _assert_chunks_are_exact_and_bounded(article)
    else:
        assert loaded == {good.name}


def _assert_chunks_are_exact_and_bounded(article: object, chunk_size: int = 700) -> None:
    chunks = chunk_article(article, chunk_size, 1)  # type: ignore[arg-type]
    assert chunks, "a loaded article has at least one chunk"
    for chunk in chunks:
        start, end = chunk.metadata["start"], chunk.metadata["end"]
        assert article.body[start:end] == chunk.page_content  # type: ignore[attr-defined]
        # A chunk holds at most chunk_size characters, or one long sentence cut at 2 x chunk_size.
        assert 0 < len(chunk.page_content) <= 2 * chunk_size
        for s, e in json.loads(chunk.metadata["sentences"]):
            assert start <= s < e <= end


def test_yaml_tags_never_run_code(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "exploit.md").write_text(
        f"---\ntitle: !!python/object/apply:os.system ['touch {tmp_path}/pwned']\n---\nBody.\n"
    )
    report = load_corpus([corpus])
    assert report.failures and not (tmp_path / "pwned").exists()


def test_same_document_id_under_two_roots_is_reported_not_merged(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for root in (first, second):
        root.mkdir()
        _write_good(root)
    report = load_corpus([first, second])
    assert [a.doc_id for a in report.articles] == ["good.md"]
    (failure,) = report.failures
    assert failure.path == str(second / "good.md") and "rename one" in failure.reason


def _mixed_corpus(directory: Path) -> tuple[set[str], dict[str, str], set[str]]:
    """All cases in one folder: (doc ids that must be indexed, failing path -> reason fragment, skipped paths)."""
    directory.mkdir()
    must_index = {_write_good(directory).name}
    failing: dict[str, str] = {}
    skipped: set[str] = set()
    for case in CASES:
        case_dir = directory / case.id
        case_dir.mkdir()
        paths = case.write(case_dir)
        if case.outcome in ("loaded", "warning"):
            must_index.update(Path(p).relative_to(directory).as_posix() for p in paths)
        elif case.outcome == "failure":
            failing.update({str(p): case.reason for p in paths})
        else:
            skipped.update(str(p) for p in paths)
    return must_index, failing, skipped


@pytest.mark.slow
def test_reindex_of_a_folder_of_bad_files_indexes_every_good_one_and_reports_each_bad_one(
    tmp_path: Path, make_assistant: Callable[..., Assistant]
) -> None:
    corpus = tmp_path / "corpus"
    must_index, failing, skipped = _mixed_corpus(corpus)
    became_unreadable = corpus / "indexed-then-unreadable.md"
    became_unreadable.write_text(GOOD_TEXT.replace("northern", "southern"), encoding="utf-8")
    must_index.add(became_unreadable.name)
    assistant = make_assistant(corpus=[corpus])

    report = assistant.reindex()

    snapshot = assistant.store.read_snapshot()
    # Root reads the chmod-000 file in process; only the unprivileged run below sees it fail.
    in_process_failing = {p: r for p, r in failing.items() if not (_running_as_root() and "locked" in p)}
    assert set(snapshot.documents) >= must_index
    assert set(snapshot.documents) - must_index <= {"permission-denied/locked.md"}
    assert sorted(f.path for f in report.failures) == sorted(in_process_failing)
    for failure in report.failures:
        assert in_process_failing[failure.path] in failure.reason.lower()
    assert {s.path for s in report.skipped} == skipped
    old_version = snapshot.documents[became_unreadable.name].hash

    # The file becomes unreadable and an article is removed; the command reindexes as a user would.
    became_unreadable.chmod(0)
    (corpus / "utf-8-bom" / "bom.md").unlink()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-c", "from newsdesk.cli import main; main()",
               "--store", str(assistant.settings.store), "reindex", "--corpus", str(corpus), "--json"]
    done = subprocess.run(_without_privileges(command), capture_output=True, text=True, env=env, timeout=300)

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    counts = json.loads(done.stdout)
    reported = {f["path"]: f["reason"] for f in counts["failures"]}
    expected = {**failing, str(became_unreadable): "permission denied"}
    assert sorted(reported) == sorted(expected), "each bad file reported exactly once"
    for path, reason in reported.items():
        assert expected[path] in reason.lower()
    assert counts["deleted"] == 1  # the command finished its work before exiting non-zero
    final = assistant.store.read_snapshot()
    assert "utf-8-bom/bom.md" not in final.documents
    must_index.discard("utf-8-bom/bom.md")
    assert final.documents[became_unreadable.name].hash == old_version, "an unreadable file keeps its last version"
    assert set(final.documents) >= must_index
