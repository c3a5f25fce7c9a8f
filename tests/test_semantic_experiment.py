"""The leave-one-file-out measurement of a semantic judge signal (eval/semantic_experiment.py) is honest:
nothing fitted ever sees the rows it is scored on, and the sealed test split is refused.

Synthetic rows only: what is specified here is the bookkeeping, not the model."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from newsdesk.evaluation.scoring import Case

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))
_spec = importlib.util.spec_from_file_location("semantic_experiment", REPO / "eval" / "semantic_experiment.py")
experiment = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(experiment)
fit_judge = sys.modules["fit_judge"]

FEATURES = len(fit_judge.FEATURES)


def synthetic_rows(seed: int = 0) -> dict:
    """Three files of four stories, each story two questions of four candidate rows, one of them right."""
    rng = np.random.default_rng(seed)
    groups, files, stories, y = [], [], [], []
    for name in experiment.FILES_ORDER:
        for story in range(4):
            for question in range(2):
                first = len(y)
                y += [1.0, 0.0, 0.0, 0.0]
                groups.append((Case(f"{name}-{story}-{question}", "Q?", answerable=True), list(range(first, first + 4)),
                               "judged"))
                files.append(name)
                stories.append(f"story{story}")
    y = np.array(y)
    x = rng.normal(size=(len(y), FEATURES)) + y[:, None]
    info = [fit_judge.CandidateInfo(withholds=False, type_met=True, length=100) for _ in y]
    vectors = rng.normal(size=(len(y), 8)) + y[:, None]
    data = {"x": x, "y": y, "groups": groups, "info": info, "files": files, "stories": stories,
            "q": vectors, "s": vectors + rng.normal(size=vectors.shape), "w": vectors}
    data["row_story"], data["row_file"] = experiment.row_labels(data)
    return data


def test_a_fitted_head_scores_each_fit_row_with_a_head_that_never_saw_its_story() -> None:
    data = synthetic_rows()
    signal = experiment.signals(l2=1.0)["head over [q*s, |q-s|]"]
    fit_rows = np.where(data["row_file"] != "dev2")[0]
    held_rows = np.where(data["row_file"] == "dev2")[0]
    before = signal(data, fit_rows, held_rows)
    story = data["row_story"][fit_rows[0]]
    flipped = dict(data, y=np.where(data["row_story"] == story, 1.0 - data["y"], data["y"]))
    after = signal(flipped, fit_rows, held_rows)
    own = data["row_story"] == story
    np.testing.assert_allclose(after[own], before[own])
    assert not np.allclose(after[~own], before[~own])


def test_the_held_out_file_is_scored_by_a_head_fitted_on_the_other_files_only() -> None:
    data = synthetic_rows()
    signal = experiment.signals(l2=1.0)["head over [q*s, |q-s|]"]
    fit_rows = np.where(data["row_file"] != "dev2")[0]
    held_rows = np.where(data["row_file"] == "dev2")[0]
    before = signal(data, fit_rows, held_rows)
    flipped = dict(data, y=np.where(data["row_file"] == "dev2", 1.0 - data["y"], data["y"]))
    np.testing.assert_allclose(signal(flipped, fit_rows, held_rows)[held_rows], before[held_rows])


def test_the_judge_threshold_for_a_held_out_file_is_chosen_without_its_labels() -> None:
    data = synthetic_rows()
    before = experiment.leave_one_file_out(data, None, target=0.10)
    flipped = dict(data, y=np.where(data["row_file"] == "dev", 1.0 - data["y"], data["y"]))
    after = experiment.leave_one_file_out(flipped, None, target=0.10)
    assert after["dev"]["threshold"] == before["dev"]["threshold"]
    assert after["dev"]["right"] != before["dev"]["right"]


@pytest.mark.parametrize(
    ("scores", "labels", "expected"),
    [
        ([0.1, 0.2, 0.9], [0, 0, 1], 1.0),  # every right row above every wrong one
        ([0.9, 0.2, 0.1], [0, 0, 1], 0.0),
        ([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5),  # ties count half
    ],
)
def test_auc_is_the_chance_a_right_row_scores_above_a_wrong_one(scores, labels, expected) -> None:
    assert experiment.auc(np.array(scores), np.array(labels)) == pytest.approx(expected)


def test_the_experiment_refuses_the_sealed_test_split(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "argv", ["semantic_experiment.py", "--store", "/nonexistent",
                                      "--set", "dev=eval/dev/cases.jsonl", "--set", "test=eval/test/cases.jsonl"])
    assert experiment.main() == 1
    assert "sealed test split" in capsys.readouterr().err


def _info(withholds: bool = False, type_met: bool = True, length: int = 100):
    return fit_judge.CandidateInfo(withholds=withholds, type_met=type_met, length=length)


@pytest.mark.parametrize(
    ("info", "shown"),
    [
        ([_info(), _info(), _info()], [2, 1, 0]),  # the ranker's best, then the next ones while they fit
        ([_info(), _info(length=450), _info()], [2, 0]),  # the next does not fit within 500 characters
        ([_info(), _info(), _info(withholds=True)], []),  # the best says the fact was not given: refuse
        ([_info(type_met=False)] * 3, []),  # none gives the kind of answer asked for: refuse
    ],
)
def test_the_replay_answers_as_the_answerer_does(info, shown) -> None:
    order = np.array([0.1, 0.5, 0.9])  # the ranker prefers row 2, then 1, then 0
    probabilities = np.array([0.9, 0.5, 0.3])
    assert fit_judge.shown_at([0, 1, 2], probabilities, order, info) == shown
