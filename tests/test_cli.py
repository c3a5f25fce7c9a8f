"""The `newsdesk` command end to end, as a user runs it: real processes, real store."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SEED_DOC

pytestmark = pytest.mark.slow


def newsdesk(
    *args: str, store: Path, cwd: Path | None = None, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env or {}), "NEWSDESK_STORE": str(store)}
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", *args], capture_output=True, text=True, env=env, cwd=cwd or REPO, timeout=300
    )
    if check and result.returncode != 0:
        raise AssertionError(f"newsdesk {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("cli-store")
    result = newsdesk("reindex", "--json", store=store)
    counts = json.loads(result.stdout)
    assert set(counts) == {"added", "updated", "deleted", "unchanged", "failed", "failures"}
    assert counts["added"] == 1 and counts["failed"] == 0
    return store


def test_help_is_fast_because_it_loads_no_model():
    code = "import sys, newsdesk.cli; sys.exit('torch' in sys.modules or 'chromadb' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_ask_json_prints_the_contract(cli_store: Path):
    result = newsdesk("ask", "--json", "How many Russian soldiers has Russia's Defense Ministry said were killed?", store=cli_store)
    answer = json.loads(result.stdout)
    assert "498" in answer["answer"] and not answer["refused"]
    body = newsdesk("show", SEED_DOC, store=cli_store).stdout
    for citation in answer["citations"]:
        assert body[citation["start"]:citation["end"]] == citation["quote"]


def test_ask_batch_prints_one_object_per_case_in_order(cli_store: Path, tmp_path: Path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        "\n".join(
            json.dumps(case)
            for case in [
                {"id": "a", "question": "Who controls Kherson?", "answerable": True},
                {"id": "b", "question": "And how many were wounded?", "answerable": True,
                 "history": ["How many Russian soldiers has Russia's Defense Ministry said were killed?"]},
                {"id": "c", "question": "Who won the 2018 World Cup?", "answerable": False},
            ]
        )
    )
    lines = newsdesk("ask", "--json", "--batch", str(cases), store=cli_store).stdout.splitlines()
    answers = [json.loads(line) for line in lines]
    assert [a["id"] for a in answers] == ["a", "b", "c"]
    assert "1,597" in answers[1]["answer"]
    assert answers[2]["refused"] is True


def test_status_json_reports_documents_and_chunks(cli_store: Path):
    status = json.loads(newsdesk("status", "--json", store=cli_store).stdout)
    assert status["documents"] == 1 and status["chunks"] > 0


def test_a_second_reindex_changes_nothing(cli_store: Path):
    counts = json.loads(newsdesk("reindex", "--json", store=cli_store).stdout)
    assert counts["unchanged"] == 1 and counts["added"] == counts["updated"] == 0


def test_reindex_then_eval_reports_what_eval_reports(cli_store: Path, tmp_path: Path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        json.dumps({"id": "c1", "question": "Who controls Kherson?", "answerable": True, "expect": ["Russia"]}) + "\n"
        + json.dumps({"id": "c2", "question": "Who is the president of France?", "answerable": False}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "claims.jsonl").write_text((REPO / "eval" / "claims.jsonl").read_text(encoding="utf-8"), encoding="utf-8")

    counts, after_reindex = newsdesk("reindex", "--eval", str(cases), "--json", store=cli_store).stdout.splitlines()
    alone = json.loads(newsdesk("eval", "--set", str(cases), "--json", store=cli_store).stdout)

    assert json.loads(counts)["unchanged"] == 1
    evaluated = json.loads(after_reindex)
    assert [r["id"] for r in evaluated["results"]] == [r["id"] for r in alone["results"]] == ["c1", "c2"]
    assert evaluated["claims"] == alone["claims"] and alone["claims"], "the claim metrics too: one code path"
    assert {k: v for k, v in evaluated["metrics"].items() if not k.endswith("_ms")} == {
        k: v for k, v in alone["metrics"].items() if not k.endswith("_ms")
    }


def test_errors_are_one_line_without_a_traceback(cli_store: Path):
    result = newsdesk("show", "no-such-doc.md", store=cli_store, check=False)
    assert result.returncode == 1
    assert "No document 'no-such-doc.md'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_file_is_reported_and_the_rest_indexed_with_a_failing_exit(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text("Ferry capsizes\n\nAt least 41 people died, the governor said.\n")
    (corpus / "bad.md").write_text("---\n- just\n- a list\n---\nText.\n")
    result = newsdesk("reindex", "--json", "--corpus", str(corpus), store=tmp_path / "store", check=False)
    counts = json.loads(result.stdout)
    assert result.returncode == 1
    assert counts["added"] == 1 and counts["failed"] == 1
    assert counts["failures"][0]["path"].endswith("bad.md")
    assert "mapping" in counts["failures"][0]["reason"]
    assert "Traceback" not in result.stderr
