"""Refit the answerer's judge (src/newsdesk/answer/judge.json) on the dev split.

    PYTHONPATH=src python eval/fit_judge.py --store STORE \
        --set eval/cases.jsonl --set eval/dev/cases.jsonl --target-false-refusals 0.10

STORE must index every article the sets are written against (see docs/evaluation.md).
Never pass the sealed test split: it is for reporting only.

Every candidate sentence that meets a question's pins becomes one row: its
features (`newsdesk.answer.judge.FEATURES`) and whether answering with it alone
is right (an answerable case whose every expected group and claimant is in the
composed sentence). An L2-regularised logistic regression is fitted by Newton's
method. The threshold is then chosen by replaying the answerer's decision on
every case: the highest share of cases handled right whose false-refusal rate
stays at or under the target. (The answerer ranks the passing sentences by
their score, half similarity and half coverage; the judge decides which pass.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np

from newsdesk.answer.answering import compose
from newsdesk.answer.answer_types import type_met, withholds_answer
from newsdesk.answer.judge import FEATURES, JUDGE_FILE, Judge
from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import group_found, load_cases
from newsdesk.settings import load_settings

L2 = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--target-false-refusals", type=float, default=0.10)
    parser.add_argument("--out", type=Path, default=JUDGE_FILE)
    args = parser.parse_args()
    if any("test" in part for path in args.sets for part in path.parts):
        print("refusing to fit on the sealed test split", file=sys.stderr)
        return 1
    settings = load_settings(store=args.store).model_copy(update={"answer_judge": False})
    assistant = Assistant(settings)
    cases = [case for path in args.sets for case in load_cases(path)]
    rows, labels, groups = collect(assistant, cases)
    x = np.array(rows, dtype=np.float64)
    y = np.array(labels, dtype=np.float64)
    weights, bias = fit_logistic(x, y)
    probabilities = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
    threshold, table = choose_threshold(cases, groups, probabilities, y, args.target_false_refusals, x)
    previous = json.loads(args.out.read_text()) if args.out.exists() else {}
    judge = Judge(int(previous.get("version", 0)) + 1, dict(zip(FEATURES, weights.round(4).tolist(), strict=True)),
                  round(float(bias), 4), threshold)
    data = judge.to_json() | {
        "fitted": dt.date.today().isoformat(),
        "fitted_on": [str(p) for p in args.sets],
        "rows": len(rows),
        "target_false_refusals": args.target_false_refusals,
        "replayed_on_fit_data": table[threshold],
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=1))
    return 0


def collect(assistant: Assistant, cases: list) -> tuple[list[list[float]], list[float], list[tuple[object, list[int], str]]]:
    """Rows and labels; per case: the rows that are its candidates and what the answerer would do first."""
    answerer = assistant.answerer
    rows: list[list[float]] = []
    labels: list[float] = []
    groups = []
    for case in cases:
        retrieved = assistant._retrieve(assistant._analyse(Request(case.question, history=tuple(case.history))))
        question, evidence = retrieved.question, retrieved.evidence
        if question.empty or question.says_nothing or evidence.disputes:
            groups.append((case, [], "elsewhere"))  # decided before the judge: not replayed
            continue
        members = []
        for candidate in answerer.judge(question, evidence.passages):
            if candidate.features is None:
                continue
            text, _ = compose([candidate], question, assistant.settings.max_answer_chars)
            right = case.answerable and all(group_found(text, g) for g in case.expect) and all(
                group_found(text, g) for g in case.claimants)
            members.append(len(rows))
            rows.append([candidate.features[name] for name in FEATURES])
            labels.append(float(right))
            candidate_info.append((withholds_answer(question, candidate.text),
                                   type_met(question, candidate.text, candidate.claimant)))
        groups.append((case, members, "judged"))
    return rows, labels, groups


candidate_info: list[tuple[bool, bool]] = []


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression (the bias is not penalised), by Newton's method."""
    design = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * L2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = design.T @ (p - y) + penalty @ beta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def choose_threshold(cases, groups, probabilities, labels, target: float, rows: np.ndarray) -> tuple[float, dict[float, dict[str, float]]]:
    score = 0.5 * rows[:, FEATURES.index("similarity")] + 0.5 * rows[:, FEATURES.index("coverage")]
    table = {}
    for step in range(1, 100):
        t = step / 100
        right = refused_answerable = answerable = refused_unanswerable = unanswerable = 0
        for case, members, how in groups:
            if how != "judged":
                continue
            passing = [m for m in members if probabilities[m] >= t]
            best = max(passing, key=lambda m: score[m], default=None)
            if best is not None and candidate_info[best][0]:
                chosen = None
            else:
                typed = [m for m in passing if candidate_info[m][1] and not candidate_info[m][0]]
                chosen = max(typed, key=lambda m: score[m], default=None)
            if case.answerable:
                answerable += 1
                refused_answerable += chosen is None
                right += chosen is not None and labels[chosen] == 1
            else:
                unanswerable += 1
                refused_unanswerable += chosen is None
                right += chosen is None
        table[t] = {
            "right": round(right / max(1, answerable + unanswerable), 3),
            "false_refusal_rate": round(refused_answerable / max(1, answerable), 3),
            "refusal_recall": round(refused_unanswerable / max(1, unanswerable), 3),
        }
    within = [t for t in table if table[t]["false_refusal_rate"] <= target] or [min(table)]
    best = max(within, key=lambda t: (table[t]["right"], -t))
    for t in sorted(table):
        if abs(t - best) <= 0.1:
            print(t, table[t], file=sys.stderr)
    return best, table


if __name__ == "__main__":
    sys.exit(main())
