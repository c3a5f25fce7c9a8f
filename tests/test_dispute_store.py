"""Disputes are found at reindex time and stored beside the claim ledger of the generation they come from.

A question only loads them; a store without them (indexed before they were stored), or with a file
found by other rules, from another ledger, or damaged, still answers: the disputes are found again,
exactly as before, and the log says so once. The claims come from the fictional eval articles; the
deterministic fake embedder stands in for the model, since neither claims nor disputes depend on vectors.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
from conftest import EVAL_CORPUS
from fake_embedder import FakeEmbedder

from newsdesk.assistant import Assistant, Request
from newsdesk.claims.conflicts import disputes_from_json, find_disputes, ledger_disputes
from newsdesk.claims.ledger import Ledger, disputes_path, ledger_path
from newsdesk.settings import load_settings

QUESTION = "How many people were killed when the ferry capsized on the Tarrow River?"


def _assistant(root: Path, corpus: Path) -> Assistant:
    return Assistant(load_settings(environ={}, store=root / "store", corpus=[corpus]), embedder=FakeEmbedder())


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(EVAL_CORPUS, target)
    return target


@pytest.fixture
def indexed(tmp_path: Path, corpus: Path) -> Assistant:
    assistant = _assistant(tmp_path, corpus)
    assistant.reindex()
    return assistant


def _stored(assistant: Assistant) -> list:
    ledger = assistant.ledger()
    return disputes_from_json(json.loads(disputes_path(ledger.store_root, ledger.generation).read_text()), ledger)


def _reopened(assistant: Assistant) -> Assistant:
    """The same store in a new assistant (a new process would read the ledger afresh)."""
    return Assistant(assistant.settings, embedder=assistant.embedder)


def test_reindex_stores_the_disputes_that_finding_them_gives(indexed):
    ledger = indexed.ledger()
    stored = _stored(indexed)
    assert stored, "the eval articles disagree on the ferry's toll"
    assert stored == find_disputes(ledger.claims())


@pytest.mark.parametrize("edit", [
    lambda text: text.replace("At least 41 people", "At least 44 people"),  # a claim changes: found again
    lambda text: text + "\nThe river was calm on Wednesday.\n",  # the same claims: carried over
])
def test_after_an_edit_the_stored_disputes_equal_a_fresh_builds(tmp_path, indexed, corpus, edit):
    edited = corpus / "ferry-day1.md"
    edited.write_text(edit(edited.read_text(encoding="utf-8")), encoding="utf-8")
    indexed.reindex()
    fresh = _assistant(tmp_path / "fresh", corpus)
    fresh.reindex()
    after_edit = _stored(indexed)
    assert after_edit and after_edit == _stored(fresh)
    assert after_edit == find_disputes(indexed.ledger().claims())


def test_questions_read_the_stored_disputes(indexed):
    """What the file says is what answers use: a stored empty list means no dispute, though the claims disagree."""
    ledger = indexed.ledger()
    path = disputes_path(ledger.store_root, ledger.generation)
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "disputes": []}))
    assert ledger_disputes(_reopened(indexed).ledger()) == []


@pytest.mark.parametrize(("spoil", "reason"), [
    (lambda path: path.unlink(), "missing"),
    (lambda path: path.write_text(json.dumps({**json.loads(path.read_text()), "rules": "older"})), "other dispute rules"),
    (lambda path: path.write_text(json.dumps({**json.loads(path.read_text()), "ledger": "another"})), "another ledger"),
    (lambda path: path.write_text('{"format": 1, "disp'), "unusable"),
    (lambda path: path.write_text(json.dumps({**json.loads(path.read_text()), "disputes": [{"sides": 3}]})), "damaged"),
])
def test_without_usable_stored_disputes_they_are_found_again_and_the_log_says_so_once(indexed, caplog, spoil, reason):
    expected = _stored(indexed)
    ledger = indexed.ledger()
    spoil(disputes_path(ledger.store_root, ledger.generation))
    reopened = _reopened(indexed)
    with caplog.at_level(logging.WARNING, logger="newsdesk.claims.conflicts"):
        first = reopened.ask(Request(QUESTION))
        reopened.ask(Request(QUESTION))
        _reopened(indexed).ask(Request(QUESTION))
    told = [r.getMessage() for r in caplog.records if "disputes" in r.getMessage()]
    assert len(told) == 1 and reason in told[0] and "newsdesk reindex" in told[0]
    assert ledger_disputes(reopened.ledger()) == expected
    assert not first.refused


def test_a_reindex_rewrites_missing_stored_disputes(indexed):
    """A store whose disputes file went missing is not taken as up to date by a reindex with nothing to do."""
    ledger = indexed.ledger()
    disputes_path(ledger.store_root, ledger.generation).unlink()
    indexed.reindex()
    assert _stored(indexed) == find_disputes(indexed.ledger().claims())


def test_old_generations_disputes_go_with_their_ledgers(indexed, corpus):
    for figure in ("44", "45"):
        edited = corpus / "ferry-day1.md"
        edited.write_text(edited.read_text(encoding="utf-8").replace("At least 41 people", f"At least {figure} people"),
                          encoding="utf-8")
        indexed.reindex()
    generation, root = indexed.ledger().generation, indexed.settings.store
    kept = {path(root, g).name for g in (generation, generation - 1) for path in (ledger_path, disputes_path)}
    assert {p.name for p in (root / "claims").iterdir()} == kept


def test_a_ledger_not_read_from_a_store_has_its_disputes_found():
    assert ledger_disputes(Ledger()) == []


def test_a_serving_assistant_loads_the_new_claims_and_disputes_when_it_reindexes(indexed, corpus):
    """After `warm_up` (as `serve` does), the reindex loads what the next question needs: the files could go."""
    indexed.warm_up()
    edited = corpus / "ferry-day1.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("At least 41 people", "At least 44 people"),
                      encoding="utf-8")
    indexed.reindex()
    generation, root = indexed.store.read_snapshot().generation, indexed.settings.store
    expected = _stored(_reopened(indexed))
    disputes_path(root, generation).unlink()
    ledger_path(root, generation).unlink()
    assert ledger_disputes(indexed.ledger()) == expected
    assert any(c.value == 44 for d in expected for c in d.claims)
