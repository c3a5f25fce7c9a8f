"""The judge's refit (eval/fit_judge.py) reads a file it did not fit on honestly, and neither it nor the refusal
and retrieval diagnoses (eval/refusal_causes.py, eval/retrieval_causes.py) will touch the sealed test split.

Synthetic rows only: what is specified here is the replay's bookkeeping, not the model."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import numpy as np
import pytest

from newsdesk.evaluation.scoring import Case

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))


fit_judge = importlib.import_module("fit_judge")
refusal_causes = importlib.import_module("refusal_causes")
retrieval_causes = importlib.import_module("retrieval_causes")
FEATURES = len(fit_judge.FEATURES)


def one_feature_rows(right_scores: list[float], answerable: list[bool]):
    """One question per score: two candidate rows, the first right when the question is answerable; only the first
    feature is set (the right row's score, 0 for the other)."""
    x, y, groups = [], [], []
    for index, (score, can) in enumerate(zip(right_scores, answerable, strict=True)):
        first = len(y)
        for row_score, label in ((score, float(can)), (0.0, 0.0)):
            row = np.zeros(FEATURES)
            row[0] = row_score
            x.append(row)
            y.append(label)
        groups.append((Case(f"q{index}", "Q?", answerable=can), [first, first + 1], "judged"))
    info = [fit_judge.CandidateInfo(withholds=False, type_met=True, length=100) for _ in y]
    return groups, np.array(x), np.array(y), info


def test_a_held_out_file_is_replayed_with_the_fitted_weights_and_threshold() -> None:
    groups, x, y, info = one_feature_rows([4.0, 4.0, -4.0], [True, True, False])
    weights = np.zeros(FEATURES)
    weights[0] = 1.0
    replay = fit_judge.replay_scored(groups, x, y, info, weights, 0.0, weights, threshold=0.6)
    assert replay == {"right": 1.0, "false_refusal_rate": 0.0, "refusal_recall": 1.0}


def test_an_answerable_question_whose_right_sentence_scores_below_the_threshold_is_a_false_refusal() -> None:
    groups, x, y, info = one_feature_rows([4.0, -4.0], [True, True])
    weights = np.zeros(FEATURES)
    weights[0] = 1.0
    replay = fit_judge.replay_scored(groups, x, y, info, weights, 0.0, weights, threshold=0.6)
    assert replay["false_refusal_rate"] == 0.5


def test_the_chosen_threshold_keeps_false_refusals_on_the_fit_rows_within_the_target() -> None:
    rng = np.random.default_rng(0)
    scores = list(rng.normal(size=40))
    groups, x, y, info = one_feature_rows(scores, [i % 3 != 0 for i in range(40)])
    x[:, 0] += y  # the right rows score higher, not always above the others
    probabilities = 1.0 / (1.0 + np.exp(-x[:, 0]))
    threshold, table = fit_judge.choose_threshold(groups, probabilities, y, info, 0.2, x[:, 0])
    assert table[threshold]["false_refusal_rate"] <= 0.2


@pytest.mark.parametrize("flag", ["--set", "--read"])
def test_the_refit_refuses_the_sealed_test_split_as_a_fit_set_or_a_read_set(flag: str, monkeypatch, tmp_path) -> None:
    other = "--read" if flag == "--set" else "--set"
    monkeypatch.setattr(sys, "argv", ["fit_judge.py", "--store", str(tmp_path), flag, "eval/test/cases.jsonl",
                                      other, "eval/dev/cases.jsonl"])
    assert fit_judge.main() == 1


@pytest.mark.parametrize("script", [refusal_causes, retrieval_causes], ids=["refusal_causes", "retrieval_causes"])
def test_a_diagnosis_refuses_the_sealed_test_split(script, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sys, "argv", [Path(script.__file__).name, "--store", str(tmp_path), "--set", "eval/test/cases.jsonl"])
    assert script.main() == 1


def test_leave_one_file_out_replays_each_writer_with_a_fit_on_the_others_only() -> None:
    # Writer A: two answerable questions whose right sentence scores high. Writer B: one unanswerable question whose
    # wrong sentence scores as high. Fitted on A alone, the judge answers B's question: B reads right 0.
    groups, x, y, info = one_feature_rows([4.0, 4.0, 4.0], [True, True, False])
    table = fit_judge.report_leave_one_file_out(["A", "B"], [0, 0, 1], groups, x, y, info, target=0.5)
    assert set(table) == {"A", "B"}
    assert table["B"]["right"] == 0.0 and table["B"]["refusal_recall"] == 0.0


def test_the_threshold_by_leave_one_file_out_is_where_the_held_out_writers_mean_right_peaks() -> None:
    # Each writer: an answerable question whose right sentence scores 1 and an unanswerable one whose sentence scores
    # -1. Fitted on the other writer, the judge passes the first and refuses the second only between the two.
    groups, x, y, info = one_feature_rows([1.0, -1.0, 1.0, -1.0], [True, False, True, False])
    threshold, curve = fit_judge.threshold_by_leave_one_file_out([0, 0, 1, 1], groups, x, y, info)
    assert curve[threshold] == max(curve.values()) == 1.0
    assert all(curve[t] < 1.0 for t in curve if t > threshold)  # the higher of the tied thresholds


def test_a_signal_whose_weight_changes_sign_between_folds_is_named_and_a_steady_one_is_not() -> None:
    folds = np.zeros((3, FEATURES))
    folds[:, 0] = [0.8, 1.0, 1.2]  # steady
    folds[:, 1] = [0.4, -0.3, 0.1]  # flips
    folds[:, 2] = [0.02, -0.03, 0.01]  # flips, but too small to say
    assert [name for name, *_ in fit_judge.unstable_weights(folds)] == [fit_judge.FEATURES[1]]


def test_a_dropped_signal_gets_no_weight_in_the_judge_or_the_ranker() -> None:
    groups, x, y, info = one_feature_rows([4.0, 4.0, -4.0, 3.0], [True, True, False, True])
    x = fit_judge.without(x, [fit_judge.FEATURES[0]])
    weights, _, ranking = fit_judge.fit_models(groups, x, y)
    assert weights[0] == 0.0 and ranking[0] == 0.0


def test_the_ranker_puts_each_questions_mass_on_its_right_row_and_skips_questions_with_none() -> None:
    # The last question is unanswerable: its first row carries the feature but is not right; it must not count.
    groups, x, y, info = one_feature_rows([2.0, 3.0, 1.0, 5.0], [True, True, True, False])
    rows = [rows for _, rows, _ in groups]
    ranking = fit_judge.fit_ranker(rows, x, y)
    for right, wrong in rows[:3]:
        assert x[right] @ ranking > x[wrong] @ ranking


def test_the_regularisation_by_leave_one_file_out_is_one_of_the_grid_and_the_larger_on_a_tie() -> None:
    # Separable either way: every L2 of the grid reads the held-out writers alike, so the largest is chosen.
    groups, x, y, info = one_feature_rows([1.0, -1.0, 1.0, -1.0], [True, False, True, False])
    assert fit_judge.l2_by_leave_one_file_out([0, 0, 1, 1], groups, x, y, info) == max(fit_judge.L2_GRID)


def test_a_writers_answerable_questions_are_parted_by_where_the_judge_leaves_their_right_sentence() -> None:
    # Scores 4 (passes), -4 (a right sentence below the threshold); an answerable question with no right row; one
    # decided before the judge; an unanswerable one (not counted).
    groups, x, y, info = one_feature_rows([4.0, -4.0, 4.0], [True, True, False])
    groups.append((Case("none-right", "Q?", answerable=True), [1], "judged"))  # row 1 is not right
    groups.append((Case("before", "Q?", answerable=True), [], "elsewhere"))
    judge = fit_judge.Judge(0, {fit_judge.FEATURES[0]: 1.0}, 0.0, 0.5)
    gap = fit_judge.writer_gaps([0] * len(groups), groups, x, y, judge)[0]
    assert (gap.answerable, gap.right_passes, gap.right_below_threshold, gap.no_right_sentence, gap.before_judge) \
        == (4, 1, 1, 1, 1)
    assert gap.best_right[0] == 0.0  # the mean of 4 and -4 on the likeliest right sentences


def test_a_signal_low_on_one_writers_right_sentences_comes_first_with_what_it_costs_in_the_logit() -> None:
    # Writer 0's right sentences score 1 on the first signal, writer 1's score 3: against writer 1, writer 0 lacks 2.
    groups, x, y, info = one_feature_rows([1.0, 3.0], [True, True])
    judge = fit_judge.Judge(0, {fit_judge.FEATURES[0]: 0.5}, 0.0, 0.5)
    gaps = fit_judge.writer_gaps([0, 1], groups, x, y, judge)
    assert fit_judge.signal_gaps(gaps, judge, {0})[0] == (fit_judge.FEATURES[0], 1.0, 3.0, -1.0)
