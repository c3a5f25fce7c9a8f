"""Refit the answerer's judge (src/newsdesk/answer/judge.json) on the dev split.

    PYTHONPATH=src python eval/fit_judge.py --store STORE --set eval/cases.jsonl,eval/dev/cases.jsonl \
        --set eval/dev2/cases.jsonl --set eval/dev3/cases.jsonl --set eval/dev4/cases.jsonl \
        --set eval/dev5/cases.jsonl --set eval/dev6/cases.jsonl --target-false-refusals 0.10 \
        --holdout --leave-one-file-out --threshold-by-leave-one-file-out --l2-by-leave-one-file-out \
        --drop aligned --drop align_recall --drop align_worst ...   # the round-10 command: docs/evaluation.md
    PYTHONPATH=src python eval/fit_judge.py --store STORE --set eval/cases.jsonl,eval/dev/cases.jsonl \
        --set eval/dev2/cases.jsonl ... --set eval/dev8/cases.jsonl --target-false-refusals 0.10 \
        --threshold-by-leave-one-file-out --l2 3 --drop aligned ... --rows /tmp/rows.pkl   # round 12's, in full there
    PYTHONPATH=src python eval/fit_judge.py --store STORE --set eval/cases.jsonl --set eval/dev/cases.jsonl \
        --read eval/dev2/cases.jsonl --out /tmp/judge-without-dev2.json   # leave one file out

STORE must index every article the sets are written against (see docs/evaluation.md).
Never pass the sealed test split: it is for reporting only.

Every candidate sentence that meets a question's pins becomes one row: its
features (`newsdesk.answer.judge.FEATURES`) and whether answering with it alone
is right (an answerable case whose every expected group and claimant is in the
composed sentence). An L2-regularised logistic regression is fitted by Newton's
method. The threshold is then chosen by replaying the answerer's decision on
every case: the highest share of cases handled right whose false-refusal rate
stays at or under the target.

The ranker (``rank_weights``) that picks among the passing sentences is a
softmax over each question's candidates (a listwise logistic model on the
same features, L2-regularised), fitted on the cases that have a right
candidate. ``--holdout`` first fits on half of the articles and reports on the
other half (cases grouped by the story of the article that holds their
evidence, so that a story's follow-ups stay on one side), both ways, so that
the figure you read is one the fit has not seen. ``--read SET`` replays a set
by another writer that was not fitted on with the fitted judge (the
leave-one-file-out reading: fit without dev2, read dev2), printed and kept in the
written file under ``replayed_on_held_out_files``.
``--threshold-by-leave-one-file-out`` also prints each held-out writer's right at
that threshold, every weighed signal's judge weight range over the folds and the
signals whose weight changes sign (without the costlier ``--leave-one-file-out``
report, whose folds each choose their own threshold on their fit rows); ``--rows``
caches the collected rows for refits with other ``--drop`` or ``--l2``.
``--l2-by-leave-one-file-out`` chooses the regularisation the same way as the
threshold (where the held-out writers' mean right peaks); ``--drop`` leaves a signal
unweighted (the word alignment, while it costs the answer p95 too much; signals whose
weight changes sign between folds, which ``--leave-one-file-out`` names).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsdesk.answer.composing import compose
from newsdesk.answer.alignment import ALIGNMENT_FEATURES
from newsdesk.answer.answering import FILL_DEPTH, MOST_SENTENCES, first_withheld
from newsdesk.answer.answer_types import type_met, withholds_answer
from newsdesk.answer.judge import FEATURES, JUDGE_FILE, Judge
from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import Case, group_found, load_cases
from newsdesk.evaluation.splits import refuse_sealed
from newsdesk.settings import load_settings

L2 = 1.0
# The regularisations `--l2-by-leave-one-file-out` chooses among (the judge's and the ranker's alike).
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
# The thresholds a refit chooses among: 0.01 to 0.30 (every judge so far sat at 0.05-0.10; replaying the higher ones,
# which a refit never chose, was two thirds of a refit's time).
THRESHOLDS = tuple(step / 100 for step in range(1, 31))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--set", dest="writers", action="append", required=True,
                        help="a case file, or files joined by a comma that one writer wrote (one fold of --leave-one-file-out)")
    parser.add_argument("--target-false-refusals", type=float, default=0.15)
    parser.add_argument("--out", type=Path, default=JUDGE_FILE)
    parser.add_argument("--holdout", action="store_true", help="also fit on half the stories, report on the other half")
    parser.add_argument("--read", dest="reads", type=Path, action="append", default=[],
                        help="a set by another writer, not fitted on: replayed with the fit (leave-one-file-out)")
    parser.add_argument("--leave-one-file-out", action="store_true",
                        help="also fit on every --set but one and replay that one, each in turn; print the mean")
    parser.add_argument("--threshold-by-leave-one-file-out", action="store_true",
                        help="choose the threshold where the mean right of the writers held out in turn peaks "
                             "(one threshold for every fold), not where the fit rows' right peaks")
    parser.add_argument("--l2", type=float, default=L2, help="the L2 regularisation of the judge and the ranker")
    parser.add_argument("--l2-by-leave-one-file-out", action="store_true",
                        help=f"choose the L2 among {L2_GRID} where the mean right of the writers held out in turn "
                             "peaks (at the threshold where it peaks for that L2); the larger on a tie")
    parser.add_argument("--drop", action="append", default=[], choices=FEATURES, metavar="FEATURE",
                        help="a signal the refit gives no weight (judge and ranker); repeat for several")
    parser.add_argument("--writer-gap", action="store_true",
                        help="print, per --set, where the shipped judge's false refusals come from (no right sentence "
                             "judged, or the right one scored below the threshold) and which signals sit low on the "
                             "right sentences against the other writers' (their weight times the difference of means)")
    parser.add_argument("--rows", type=Path,
                        help="a file of collected rows: read when it exists (collected with the same --set files and "
                             "code), else written after collecting, so that refits with other --drop or L2 skip the "
                             "retrieval and judging of every case")
    args = parser.parse_args()
    writers = [[Path(p) for p in writer.split(",")] for writer in args.writers]
    args.sets = [path for writer in writers for path in writer]
    if refuse_sealed([*args.sets, *args.reads], "fit on"):
        return 1
    settings = load_settings(store=args.store).model_copy(update={"answer_judge": False})
    assistant = Assistant(settings)
    # Every signal is a row's feature, weighed or not by the judge being refitted; the word alignment (the slowest to
    # compute) only when the refit may weigh it.
    assistant.answerer.align_words = not set(ALIGNMENT_FEATURES) <= set(args.drop)
    cases = [case for path in args.sets for case in load_cases(path)]
    rows, labels, groups, info = collected(assistant, cases, args.rows)
    x = without(np.array(rows, dtype=np.float64), args.drop)
    y = np.array(labels, dtype=np.float64)
    writer_of = {case.id: index for index, writer in enumerate(writers) for path in writer for case in load_cases(path)}
    group_writers = [writer_of[case.id] for case, _, _ in groups]  # the --set each question's rows come from
    if args.writer_gap:
        shipped = Judge(0, *_shipped_parts(JUDGE_FILE))
        report_writer_gap([", ".join(map(str, w)) for w in writers], group_writers, groups,
                          np.array(rows, dtype=np.float64), y, shipped)  # every signal the shipped judge weighs
    l2 = args.l2
    if args.l2_by_leave_one_file_out and len(writers) > 1:
        l2 = l2_by_leave_one_file_out(group_writers, groups, x, y, info)
    if args.holdout:
        report_holdout(groups, x, y, info, args.target_false_refusals, l2)
    if args.leave_one_file_out:
        report_leave_one_file_out([", ".join(map(str, w)) for w in writers], group_writers,
                                  groups, x, y, info, args.target_false_refusals, l2)
    weights, bias, ranking, threshold, table = fit_all(groups, x, y, info, args.target_false_refusals, verbose=True,
                                                       l2=l2)
    chosen_by = "the fit rows' right, within the false-refusal target"
    if args.threshold_by_leave_one_file_out and len(writers) > 1:
        threshold, curve = threshold_by_leave_one_file_out(group_writers, groups, x, y, info, l2)
        chosen_by = (f"leave one file out: the mean held-out right of {len(writers)} writers peaks there "
                     f"({curve[threshold]}; {', '.join(f'{t}: {curve[t]}' for t in sorted(curve) if abs(t - threshold) <= 0.03)})")
        print(f"threshold by leave one file out: {threshold}", file=sys.stderr)
    held_out = {str(path): read_held_out(assistant, path, weights, bias, ranking, threshold) for path in args.reads}
    for path, replay in held_out.items():
        print(f"held-out file {path}: {replay}", file=sys.stderr)
    # The next version after the shipped judge's (and after --out's, when that is another file).
    version = max((int(json.loads(path.read_text()).get("version", 0)) for path in {args.out, JUDGE_FILE} if path.exists()),
                  default=0)
    judge = Judge(version + 1, dict(zip(FEATURES, weights.round(4).tolist(), strict=True)),
                  round(float(bias), 4), threshold, dict(zip(FEATURES, ranking.round(4).tolist(), strict=True)))
    data = judge.to_json() | {
        "fitted": dt.date.today().isoformat(),
        "fitted_on": [str(p) for p in args.sets],
        "rows": len(rows),
        "target_false_refusals": args.target_false_refusals,
        "l2": l2,
        "not_weighed": args.drop,
        "threshold_chosen_by": chosen_by,
        "replayed_on_fit_data": table[threshold],
    } | ({"replayed_on_held_out_files": held_out} if held_out else {})
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=1))
    return 0


def collected(assistant: Assistant, cases: list[Case], cache: Path | None):
    """`collect`'s rows, labels, groups and infos, read from ``cache`` when it holds them, else collected (and
    written there when ``cache`` is given)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as file:
            names, rows, labels, groups, info, docs = pickle.load(file)
        if tuple(names) != FEATURES:
            raise SystemExit(f"{cache} holds rows of other signals ({len(names)}): collect again without it")
        case_docs.update(docs)
        return rows, labels, groups, info
    rows, labels, groups, info, _ = collect(assistant, cases)
    if cache is not None:
        with cache.open("wb") as file:
            pickle.dump((FEATURES, rows, labels, groups, info, case_docs), file)
    return rows, labels, groups, info


def without(x: np.ndarray, dropped: list[str]) -> np.ndarray:
    """``x`` with the columns of the ``dropped`` signals zeroed: an L2 fit gives a column of zeros no weight."""
    x = x.copy()
    for name in dropped:
        x[:, FEATURES.index(name)] = 0.0
    return x


def read_held_out(assistant: Assistant, path: Path, weights: np.ndarray, bias: float, ranking: np.ndarray,
                  threshold: float) -> dict[str, float]:
    """The fitted judge's decision replayed on a file it was not fitted on: right, false refusals, refusal recall."""
    rows, labels, groups, info, _ = collect(assistant, load_cases(path))
    return replay_scored(groups, np.array(rows, dtype=np.float64).reshape(-1, len(FEATURES)), np.array(labels),
                         info, weights, bias, ranking, threshold)


def replay_scored(groups: list[Group], x: np.ndarray, y: np.ndarray, info: list[CandidateInfo], weights: np.ndarray,
                  bias: float, ranking: np.ndarray, threshold: float) -> dict[str, float]:
    """`replay_at` with the judge's probabilities and the ranker's order computed from ``x``."""
    probabilities = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
    return replay_at(groups, probabilities, y, info, x @ ranking, threshold)


def fit_all(groups: list[Group], x: np.ndarray, y: np.ndarray, info: list[CandidateInfo], target: float,
            verbose: bool = False, l2: float = L2):
    """The judge, the ranker and the threshold, fitted on the rows of ``groups``."""
    weights, bias, ranking = fit_models(groups, x, y, l2)
    probabilities = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
    threshold, table = choose_threshold(groups, probabilities, y, info, target, x @ ranking, verbose)
    return weights, bias, ranking, threshold, table


def fit_models(groups: list[Group], x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float, np.ndarray]:
    """The judge's weights and bias and the ranker's weights, fitted on the judged rows of ``groups``."""
    members = sorted(m for _, rows, how in groups if how == "judged" for m in rows)
    weights, bias = fit_logistic(x[members], y[members], l2)
    ranking = fit_ranker([rows for _, rows, how in groups if how == "judged" and rows], x, y, l2=l2)
    return weights, bias, ranking


def story_of(case, groups_docs: list[str]) -> str:
    """The story a case is about: the article holding its evidence (else its top passage), less its last name part."""
    doc = groups_docs[0] if groups_docs else case.id
    parts = Path(doc).stem.split("-")
    return "-".join(parts[:3] if parts[0] == "dev" else parts[:1])


def report_holdout(groups: list[Group], x: np.ndarray, y: np.ndarray, info: list[CandidateInfo], target: float,
                   l2: float = L2) -> None:
    """Fit on half of the stories and replay on the other half, both ways; print the held-out figures."""
    stories = sorted({story for _, _, _, story in _with_story(groups)})
    first = set(stories[::2])
    for name, fit_side in (("fit on A, held-out B", True), ("fit on B, held-out A", False)):
        train = [g for g, story in zip(groups, _stories(groups), strict=True) if (story in first) == fit_side]
        held = [g for g, story in zip(groups, _stories(groups), strict=True) if (story in first) != fit_side]
        weights, bias, ranking, threshold, _ = fit_all(train, x, y, info, target, l2=l2)
        replay = replay_scored(held, x, y, info, weights, bias, ranking, threshold)
        print(f"{name}: threshold {threshold}, held-out {len(held)} cases: {replay}", file=sys.stderr)


def report_leave_one_file_out(names: list[str], writer_of: list[int], groups: list[Group], x: np.ndarray,
                              y: np.ndarray, info: list[CandidateInfo], target: float,
                              l2: float = L2) -> dict[str, dict[str, float]]:
    """Fit on every writer's cases but one, replay that one's, each in turn; print each, the mean, and the signals
    whose judge weight changes sign between the folds (a weight that does not hold from one writer to the next)."""
    table = {}
    fold_weights = []
    for index, name in enumerate(names):
        train = [g for g, writer in zip(groups, writer_of, strict=True) if writer != index]
        held = [g for g, writer in zip(groups, writer_of, strict=True) if writer == index]
        weights, bias, ranking, threshold, _ = fit_all(train, x, y, info, target, l2=l2)
        fold_weights.append(weights)
        table[name] = replay_scored(held, x, y, info, weights, bias, ranking, threshold) | {"threshold": threshold}
        print(f"leave one file out: fit without {name}, threshold {threshold}: {table[name]}", file=sys.stderr)
    mean = {key: round(float(np.mean([row[key] for row in table.values()])), 4)
            for key in ("right", "false_refusal_rate", "refusal_recall")}
    print(f"leave one file out, mean over {len(names)} files: {mean}", file=sys.stderr)
    for name, low, high in unstable_weights(np.array(fold_weights)):
        print(f"weight of {name} changes sign between the folds: {low} to {high}", file=sys.stderr)
    return table


def unstable_weights(fold_weights: np.ndarray, least: float = 0.05) -> list[tuple[str, float, float]]:
    """The signals whose judge weight is above ``least`` in one fold and below ``-least`` in another, with the lowest
    and highest weight the folds give them."""
    low, high = fold_weights.min(axis=0), fold_weights.max(axis=0)
    return [(name, round(float(lo), 3), round(float(hi), 3))
            for name, lo, hi in zip(FEATURES, low, high, strict=True) if lo < -least and hi > least]


def threshold_by_leave_one_file_out(writer_of: list[int], groups: list[Group], x: np.ndarray, y: np.ndarray,
                                    info: list[CandidateInfo], l2: float = L2) -> tuple[float, dict[float, float]]:
    """One threshold for every writer: the judge and ranker fitted without each writer, that writer replayed at every
    threshold; the threshold where the mean right over the held-out writers peaks (the higher one on a tie), and that
    mean per threshold. A threshold chosen on the fit rows drifts low (their own right is flat over a range)."""
    rights: dict[float, list[float]] = {t: [] for t in THRESHOLDS}
    fold_weights = []
    for writer in sorted(set(writer_of)):
        train = [g for g, w in zip(groups, writer_of, strict=True) if w != writer]
        held = [g for g, w in zip(groups, writer_of, strict=True) if w == writer]
        weights, bias, ranking = fit_models(train, x, y, l2)
        fold_weights.append(weights)
        probabilities = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
        for t in rights:
            rights[t].append(replay_at(held, probabilities, y, info, x @ ranking, t)["right"])
    curve = {t: round(float(np.mean(values)), 4) for t, values in rights.items()}
    best = max(curve, key=lambda t: (curve[t], t))
    print(f"L2 {l2}, threshold {best}: held-out right per writer {rights[best]}", file=sys.stderr)
    low, high = np.array(fold_weights).min(axis=0), np.array(fold_weights).max(axis=0)
    print(f"L2 {l2}: judge weights over the folds: " + ", ".join(
        f"{name} {lo:.2f}..{hi:.2f}" for name, lo, hi in zip(FEATURES, low, high, strict=True) if lo or hi), file=sys.stderr)
    for name, lo, hi in unstable_weights(np.array(fold_weights)):
        print(f"weight of {name} changes sign between the folds: {lo} to {hi}", file=sys.stderr)
    return best, curve


def l2_by_leave_one_file_out(writer_of: list[int], groups: list[Group], x: np.ndarray, y: np.ndarray,
                             info: list[CandidateInfo]) -> float:
    """The L2 of `L2_GRID` whose leave-one-file-out curve (`threshold_by_leave_one_file_out`) peaks highest; the
    larger (the simpler model) on a tie."""
    peaks = {}
    for l2 in L2_GRID:
        threshold, curve = threshold_by_leave_one_file_out(writer_of, groups, x, y, info, l2)
        peaks[l2] = curve[threshold]
        print(f"L2 {l2}: leave-one-file-out mean right peaks at {curve[threshold]} (threshold {threshold})",
              file=sys.stderr)
    return max(peaks, key=lambda l2: (peaks[l2], l2))


@dataclass(frozen=True)
class WriterGap:
    """One writer's answerable questions by where the judge's decision leaves their right sentence, and the signals
    of the right sentence the judge likes best in each question that has one."""

    answerable: int
    before_judge: int  # decided before the judge (a dispute, an empty question) or no sentence met the pins
    no_right_sentence: int  # sentences were judged, none of them right on its own
    right_below_threshold: int  # a right sentence was judged, every right one below the threshold
    right_passes: int
    best_right: np.ndarray  # mean signals of each question's likeliest right sentence (zeros when none)


def writer_gaps(writer_of: list[int], groups: list[Group], x: np.ndarray, y: np.ndarray,
                judge: Judge) -> dict[int, WriterGap]:
    """`WriterGap` per writer index of ``writer_of``, read with ``judge``'s weights, bias and threshold."""
    weights = np.array([judge.weights.get(name, 0.0) for name in FEATURES])
    probabilities = 1.0 / (1.0 + np.exp(-(x @ weights + judge.bias))) if len(x) else np.zeros(0)
    gaps = {}
    for writer in sorted(set(writer_of)):
        counts = {"before_judge": 0, "no_right_sentence": 0, "right_below_threshold": 0, "right_passes": 0}
        best = []
        for (case, members, how), w in zip(groups, writer_of, strict=True):
            if w != writer or not case.answerable:
                continue
            right = [m for m in members if y[m] == 1]
            if how != "judged" or not members:
                counts["before_judge"] += 1
            elif not right:
                counts["no_right_sentence"] += 1
            else:
                likeliest = max(right, key=lambda m: probabilities[m])
                best.append(x[likeliest])
                counts["right_passes" if probabilities[likeliest] >= judge.threshold else "right_below_threshold"] += 1
        gaps[writer] = WriterGap(sum(counts.values()), **counts,
                                 best_right=np.mean(best, axis=0) if best else np.zeros(x.shape[1]))
    return gaps


def signal_gaps(gaps: dict[int, WriterGap], judge: Judge, writers: set[int]) -> list[tuple[str, float, float, float]]:
    """For the ``writers`` against every other writer: each weighed signal's mean on the likeliest right sentences
    (theirs, the others'), and what the difference adds to the judge's logit; most negative first."""
    def pooled(chosen: list[int]) -> np.ndarray:
        counts = np.array([gaps[w].right_passes + gaps[w].right_below_threshold for w in chosen], dtype=np.float64)
        return (np.array([gaps[w].best_right for w in chosen]) * counts[:, None]).sum(axis=0) / max(1.0, counts.sum())
    theirs, others = pooled(sorted(writers)), pooled(sorted(set(gaps) - writers))
    rows = [(name, round(float(a), 3), round(float(b), 3), round(judge.weights.get(name, 0.0) * float(a - b), 3))
            for name, a, b in zip(FEATURES, theirs, others, strict=True) if judge.weights.get(name, 0.0)]
    return sorted(rows, key=lambda row: row[3])


def report_writer_gap(names: list[str], writer_of: list[int], groups: list[Group], x: np.ndarray, y: np.ndarray,
                      judge: Judge) -> None:
    """Print `writer_gaps` per writer, and each writer's `signal_gaps` against the rest (the five lowest)."""
    gaps = writer_gaps(writer_of, groups, x, y, judge)
    for index, gap in gaps.items():
        share = {k: round(getattr(gap, k) / max(1, gap.answerable), 3)
                 for k in ("before_judge", "no_right_sentence", "right_below_threshold", "right_passes")}
        low = ", ".join(f"{n} {a} vs {b} ({d:+})" for n, a, b, d in signal_gaps(gaps, judge, {index})[:5])
        print(f"writer gap {names[index]}: {gap.answerable} answerable, {share}; lowest signals: {low}", file=sys.stderr)


def _shipped_parts(path: Path) -> tuple[dict[str, float], float, float]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["threshold"])


def _stories(groups) -> list[str]:
    return [story for *_, story in _with_story(groups)]


def _with_story(groups):
    return [(case, rows, how, story_of(case, case_docs.get(case.id, []))) for case, rows, how in groups]


case_docs: dict[str, list[str]] = {}


@dataclass(frozen=True)
class CandidateInfo:
    """What the replay needs of one row's sentence besides its features."""

    withholds: bool  # says the asked fact was not given
    type_met: bool  # gives the kind of answer asked for
    length: int  # composed length, for whether a second sentence fits


# One row's question, sentence and window (the sentence after the one before it) vectors.
Vectors = tuple[np.ndarray, np.ndarray, np.ndarray]

# One case: the rows that are its candidates, and "judged" or "elsewhere" (decided before the judge).
Group = tuple[Case, list[int], str]


def collect(
    assistant: Assistant, cases: list[Case]
) -> tuple[list[list[float]], list[float], list[Group], list[CandidateInfo], list[Vectors]]:
    """Rows, labels, each row's `CandidateInfo` and its question, sentence and window vectors; per case: the
    rows that are its candidates and what the answerer would do first."""
    answerer = assistant.answerer
    rows: list[list[float]] = []
    labels: list[float] = []
    groups: list[Group] = []
    info: list[CandidateInfo] = []
    vectors: list[Vectors] = []
    for case in cases:
        retrieved = assistant.evidence(Request(case.question, history=tuple(case.history)))
        question, evidence = retrieved.question, retrieved.evidence
        holding = [p.metadata["doc_id"] for p in evidence.passages if any(e in p.page_content for e in case.evidence)]
        case_docs[case.id] = holding or [p.metadata["doc_id"] for p in evidence.passages[:1]]
        if question.empty or question.says_nothing or evidence.disputes:
            groups.append((case, [], "elsewhere"))  # decided before the judge: not replayed
            continue
        members = []
        candidates = answerer.judge(question, evidence.passages)
        # The texts the answerer embedded: cached, so this costs no model call.
        embedded = answerer.embedder.embed([question.query] + [c.text for c in candidates] + [c.window for c in candidates])
        for index, candidate in enumerate(candidates):
            if candidate.features is None:
                continue
            text, _ = compose([candidate], question, assistant.settings.max_answer_chars)
            right = case.answerable and all(group_found(text, g) for g in case.expect) and all(
                group_found(text, g) for g in case.claimants)
            members.append(len(rows))
            rows.append([candidate.features[name] for name in FEATURES])
            labels.append(float(right))
            info.append(CandidateInfo(withholds_answer(question, candidate.text),
                                      type_met(question, candidate.text, candidate.claimant), len(text)))
            vectors.append((embedded[0], embedded[1 + index], embedded[1 + len(candidates) + index]))
        groups.append((case, members, "judged"))
    return rows, labels, groups, info, vectors


MAX_CHARS = 500


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Probability that a right row scores above a wrong one (ties count half)."""
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2)[inverse]
    positives = labels == 1
    n_pos, n_neg = int(positives.sum()), int((~positives).sum())
    if not n_pos or not n_neg:
        return float("nan")
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression (the bias is not penalised), by Newton's method."""
    design = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * l2
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


def fit_ranker(groups: list[list[int]], x: np.ndarray, y: np.ndarray, steps: int = 300, rate: float = 0.5,
               l2: float = L2) -> np.ndarray:
    """Weights of a softmax over each question's candidates that puts its mass on the right ones (L2 = ``l2``)."""
    kept = [rows for rows in groups if y[rows].sum() > 0]
    weights = np.zeros(x.shape[1])
    if not kept:
        return weights
    # Every kept question's rows one after another; a softmax per question by reduceat over their starts.
    rows = np.concatenate(kept)
    sizes = np.array([len(r) for r in kept])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    features = x[rows]
    target = y[rows] / np.repeat(np.add.reduceat(y[rows], starts), sizes)
    rate = min(rate, len(kept) / (2 * l2)) if l2 > 0 else rate  # a step the penalty alone cannot overshoot (few questions)
    for _ in range(steps):
        scores = features @ weights
        p = np.exp(scores - np.repeat(np.maximum.reduceat(scores, starts), sizes))
        p /= np.repeat(np.add.reduceat(p, starts), sizes)
        weights -= rate * (l2 * weights + features.T @ (p - target)) / len(kept)
    return weights


def replay_at(groups: list[Group], probabilities: np.ndarray, labels: np.ndarray, info: list[CandidateInfo],
              order: np.ndarray, t: float) -> dict[str, float]:
    """The answerer's decision on every judged case at threshold ``t``: share right, false refusals, refusal recall."""
    right = refused_answerable = answerable = refused_unanswerable = unanswerable = 0
    for case, members, how in groups:
        if how != "judged":
            continue
        shown = shown_at([m for m in members if probabilities[m] >= t], probabilities, order, info)
        chosen = shown[0] if shown else None
        if case.answerable:
            answerable += 1
            refused_answerable += chosen is None
            right += any(labels[m] == 1 for m in shown)
        else:
            unanswerable += 1
            refused_unanswerable += chosen is None
            right += chosen is None
    return {
        "right": round(right / max(1, answerable + unanswerable), 3),
        "false_refusal_rate": round(refused_answerable / max(1, answerable), 3),
        "refusal_recall": round(refused_unanswerable / max(1, unanswerable), 3),
    }


def shown_at(passing: list[int], probabilities: np.ndarray, order: np.ndarray, info: list[CandidateInfo]) -> list[int]:
    """The rows the answerer would answer with, given the passing ones; none when it refuses."""
    best = max(passing, key=lambda m: order[m], default=None)
    surest = max(passing, key=lambda m: probabilities[m], default=None)
    if first_withheld(best, surest, lambda m: info[m].withholds) is not None:
        return []
    typed = sorted((m for m in passing if info[m].type_met and not info[m].withholds), key=lambda m: -order[m])
    if not typed:
        return []
    # The answerer adds the next passing sentences while they fit (`ExtractiveAnswerer._choose`): any may hold the answer.
    shown, length = [typed[0]], info[typed[0]].length
    for m in typed[1:1 + FILL_DEPTH]:
        if len(shown) < MOST_SENTENCES and length + info[m].length <= MAX_CHARS:
            shown.append(m)
            length += info[m].length
    return shown


def choose_threshold(groups: list[Group], probabilities: np.ndarray, labels: np.ndarray, info: list[CandidateInfo],
                     target: float, order: np.ndarray,
                     verbose: bool = False) -> tuple[float, dict[float, dict[str, float]]]:
    table = {t: replay_at(groups, probabilities, labels, info, order, t) for t in THRESHOLDS}
    within = [t for t in table if table[t]["false_refusal_rate"] <= target] or [min(table)]
    best = max(within, key=lambda t: (table[t]["right"], -t))
    if verbose:
        for t in sorted(table):
            if abs(t - best) <= 0.1:
                print(t, table[t], file=sys.stderr)
    return best, table


if __name__ == "__main__":
    sys.exit(main())
