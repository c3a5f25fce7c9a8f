"""The answerability experiment (eval/train_answerability.py) reads held-out writers honestly: its AUC counts ties
half, a fold trains on every positive and the near misses the judge confuses, it scores the sentence the answerer
would answer with, and it refuses the sealed test split.

Invented rows only: what is specified is the bookkeeping, not the model (whose weights are never committed)."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))

train_answerability = importlib.import_module("train_answerability")
Pair = train_answerability.Pair


def pair(case: str, sentence: str, probability: float, right: bool = False, rank: float = 0.0,
         writer: str = "dev", answerable: bool = True) -> Pair:
    return Pair(writer, case, answerable, f"question of {case}?", sentence, probability, rank, right, right)


def test_auc_is_the_chance_a_right_sentence_scores_above_a_wrong_one_ties_counting_half():
    assert train_answerability.auc(np.array([0.9, 0.1, 0.5]), np.array([1, 0, 0])) == 1.0
    assert train_answerability.auc(np.array([0.5, 0.5]), np.array([1, 0])) == 0.5
    assert train_answerability.auc(np.array([0.2, 0.9, 0.1]), np.array([1, 0, 0])) == 0.5


def test_a_question_trains_on_its_answer_and_the_near_misses_the_judge_likes_best():
    rows = [pair("q1", "the answer", 0.6, right=True), pair("q1", "near miss", 0.5), pair("q1", "second miss", 0.4),
            *[pair("q1", f"far {i}", 0.01) for i in range(5)]]
    examples = train_answerability.training_pairs(rows)
    sentences = {sentence: label for _, sentence, label in examples}
    assert sentences["the answer"] == 1.0
    assert sentences["near miss"] == 0.0 and sentences["second miss"] == 0.0
    assert len(examples) == 1 + train_answerability.NEGATIVES_PER_QUESTION + 1  # and one far sentence at random


def test_a_fold_scores_the_sentence_the_answerer_would_choose_even_when_the_judge_likes_others_more():
    rows = [pair("q1", f"likelier {i}", 0.9 - i / 100, rank=0.0) for i in range(train_answerability.SCORED_PER_QUESTION)]
    rows.append(pair("q1", "ranked first", 0.2, rank=5.0))
    scored = train_answerability.scored_rows(rows, threshold=0.1)
    assert len(rows) - 1 in scored
    assert train_answerability.chosen_rows(rows, threshold=0.1) == {"q1": len(rows) - 1}


def test_no_sentence_passing_the_judge_is_a_refusal_and_chooses_nothing():
    assert train_answerability.chosen_rows([pair("q1", "weak", 0.05)], threshold=0.1) == {}


def test_collecting_refuses_the_sealed_test_split(tmp_path):
    done = subprocess.run([sys.executable, str(REPO / "eval" / "train_answerability.py"), "collect", "--store",
                           str(tmp_path), "--set", "test=eval/test/cases.jsonl", "--out", str(tmp_path / "p.pkl")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "sealed test split" in done.stderr
    assert not (tmp_path / "p.pkl").exists()
