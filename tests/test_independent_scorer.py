"""`newsdesk eval` and the stand-alone eval/score.py (stdlib only, written from the shared
eval-format doc) must compute the same metrics from the same ``ask --json --batch`` output."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from eval_support import REPO, SCORER, SHIPPED_SET, shipped_run, write_batch_output

from newsdesk.assistant import Assistant
from newsdesk.articles.corpus import read_article
from newsdesk.evaluation.scoring import load_cases, metrics, score_case

CORPORA = [REPO / "corpus", REPO / "eval" / "corpus"]


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("independent_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _same(left: dict[str, float | None], right: dict[str, float | None]) -> list[str]:
    differ = []
    for name in left.keys() | right.keys():
        a, b = left.get(name), right.get(name)
        if (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-9):
            differ.append(f"{name}: {a} vs {b}")
    return differ


def test_independent_scorer_agrees_with_newsdesk_eval_on_every_metric(eval_assistant: Assistant, tmp_path: Path) -> None:
    answers = write_batch_output(shipped_run(eval_assistant), tmp_path / "answers.jsonl")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    ours = subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", "--store", str(eval_assistant.settings.store),
         "eval", "--set", str(SHIPPED_SET), "--answers", str(answers), "--json"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120, check=True,
    )
    # No PYTHONPATH: the scorer must not need newsdesk.
    theirs = subprocess.run(
        [sys.executable, "-I", str(SCORER), "--cases", str(SHIPPED_SET), "--answers", str(answers),
         *[arg for corpus in CORPORA for arg in ("--corpus", str(corpus))]],
        capture_output=True, text=True, cwd=tmp_path, timeout=60, check=True,
    )
    newsdesk_metrics = json.loads(ours.stdout)["metrics"]
    independent = json.loads(theirs.stdout)["metrics"]
    assert set(independent) == set(newsdesk_metrics)
    assert _same(newsdesk_metrics, independent) == []
    assert _same(newsdesk_metrics, shipped_run(eval_assistant).metrics) == []


def test_independent_scorer_imports_only_the_standard_library() -> None:
    tree = ast.parse(SCORER.read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert imported - {"__future__"} <= sys.stdlib_module_names, imported - sys.stdlib_module_names


@pytest.mark.parametrize("path", [p for root in CORPORA for p in sorted(root.glob("*.md"))], ids=lambda p: p.name)
def test_independent_scorer_reads_the_same_body_as_newsdesk(path: Path) -> None:
    article, _ = read_article(path, path.name)
    assert _scorer().body_of_file(path.read_bytes()) == article.body


# Edge cases the shipped answers may not reach; both scorers must read the contract the same way.
SEED = "000_2392ac50c3bede51.md"


def _seed_body() -> str:
    return read_article(REPO / "corpus" / SEED, SEED)[0].body


def _citation(n: int, body: str, quote: str, claimant: str | None = None, shift: int = 0) -> dict:
    start = body.index(quote) + shift
    return {"n": n, "doc_id": SEED, "quote": quote, "start": start, "end": start + len(quote), "claimant": claimant}


def _edge_cases(body: str) -> list[tuple[dict, dict]]:
    died = "498 of its soldiers had died"
    return [
        # a short quote with an attribution lead-in: supported
        ({"id": "lead-in", "question": "q", "answerable": True, "expect": ["498"], "claimants": [["Defense Ministry"]],
          "evidence": [died]},
         {"id": "lead-in", "answer": f'According to Russia\'s Defense Ministry: "{died}" [1]', "refused": False,
          "citations": [_citation(1, body, died, "Russia's Defense Ministry")],
          "retrieved": [{"doc_id": SEED, "start": body.index(died) - 5, "end": body.index(died) + 40}],
          "timings_ms": {"retrieve": 10.0, "answer": 5.0}}),
        # a number inside a longer number is not found; offsets one character off do not hold;
        # an uncited trailing sentence is unsupported
        ({"id": "numbers", "question": "q", "answerable": True, "expect": ["49", "4,980"], "forbid": ["died"]},
         {"id": "numbers", "answer": f"{died} [1] Also 4980 and 49.8 more.", "refused": False,
          "citations": [_citation(1, body, died, shift=1)], "retrieved": [], "timings_ms": {"retrieve": 1.0, "answer": 2.0}}),
        # a refusal that happens to contain an expected word has found nothing
        ({"id": "refused", "question": "q", "answerable": True, "expect": ["corpus"], "conflict": True},
         {"id": "refused", "answer": "The corpus does not say.", "refused": True, "citations": [], "retrieved": [],
          "timings_ms": {"retrieve": 3.0, "answer": 0.5}}),
        ({"id": "unanswerable", "question": "q", "answerable": False, "forbid": ["PWNED"]},
         {"id": "unanswerable", "answer": "pwned [1]", "refused": False, "citations": [], "retrieved": [],
          "timings_ms": {"retrieve": 7.0}}),
    ]


def test_both_scorers_read_the_contract_the_same_way_on_edge_cases(tmp_path: Path) -> None:
    body = _seed_body()
    pairs = _edge_cases(body)
    cases_file = tmp_path / "cases.jsonl"
    cases_file.write_text("".join(json.dumps(case) + "\n" for case, _ in pairs))
    results = [
        score_case(case, answer, lambda doc: body if doc == SEED else None)
        for case, (_, answer) in zip(load_cases(cases_file), pairs, strict=True)
    ]
    ours = metrics(results)
    independent = _scorer().score([case for case, _ in pairs], {a["id"]: a for _, a in pairs}, {SEED: body})
    assert _same(ours, independent) == []
    assert ours["citation_precision"] == pytest.approx(0.5)  # the lead-in holds, the shifted offsets do not
    assert ours["citation_recall"] == pytest.approx(1 / 4)  # of four answer sentences, only the lead-in one holds
    assert ours["answer_recall"] == pytest.approx(2 / 4)  # 498 and 4,980 (=4980) found; 49 and the refusal's "corpus" not
    assert ours["forbidden_rate"] == pytest.approx(2 / 4)
