"""Does a semantic signal help the answerer's judge on a dev file it was not fitted on? (issue 11, round 5)

    PYTHONPATH=src python eval/semantic_experiment.py --store STORE --rows /tmp/semantic-rows.pkl \
        --set cases=eval/cases.jsonl --set dev=eval/dev/cases.jsonl --set dev2=eval/dev2/cases.jsonl

STORE indexes the dev corpora only (docs/evaluation.md). Never pass the sealed test split.

Leave one file out: for each dev file, the judge and its ranker (`fit_judge.fit_all`) are fitted on
the other two files with and without one candidate signal as an extra feature, the threshold is chosen
there for the false-refusal target, and the answerer's decision is replayed on the held-out file
(`fit_judge.replay_at`). A signal that is itself fitted (the heads over the MiniLM vectors) is fitted
on the fit files only; the values the judge is fitted on are out-of-fold, by story, so that the judge
weighs the head as it will behave on an article it has not seen.

The signals (all from the MiniLM model the answerer already runs; none needs a download):

- ``head``: a logistic regression over ``[q*s, |q-s|]`` of the question and sentence vectors
  (standardised, L2 ``--head-l2``), P(this sentence answers this question);
- ``head+window``: the same with the window's (the sentence after the one before it) pair beside it;
- ``head residual``: the head fitted on what the judge's own features miss (their logit as offset);
- ``listwise head``: a softmax over one question's candidates on the same 768 numbers (what sets
  the answering sentence apart from its neighbours on one topic, not the topic itself);
- ``delta_unmet``: similarity of the question without the words the sentence does not meet, minus
  that of the whole question (idea: the sentence answers the rest of the question);
- ``unmet_phrase_sim``: similarity of the unmet words, as a phrase, to the sentence's window;
- ``adds_sim``: similarity of what the sentence adds (its words outside the question) to the question;
- ``tok_recall`` / ``tok_min``: contextual token alignment (BERTScore recall, and the worst-aligned
  question word) of MiniLM's token states, question against sentence;
- ``sim_minus_best``: the sentence's similarity less the best among the question's candidates.

The rows (judge features, labels, vectors, texts, signals) are cached in ``--rows``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

import fit_judge  # noqa: E402
from fit_judge import auc  # noqa: E402
from newsdesk.evaluation.splits import refuse_sealed  # noqa: E402

FILES_ORDER = ("cases", "dev", "dev2")
FOLDS = 5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--set", dest="sets", action="append", required=True, help="NAME=PATH")
    parser.add_argument("--rows", type=Path, help="cache of the collected rows (read if present, else written)")
    parser.add_argument("--target-false-refusals", type=float, default=0.10)
    parser.add_argument("--head-l2", type=float, default=1000.0)
    parser.add_argument("--only", action="append", help="evaluate only these signals")
    args = parser.parse_args()
    named = [tuple(s.split("=", 1)) for s in args.sets]
    if refuse_sealed((path for _, path in named), "use"):
        return 1
    if args.rows and args.rows.exists():
        data = pickle.loads(args.rows.read_bytes())
    else:
        data = collect_rows(args.store, named)
        if args.rows:
            args.rows.write_bytes(pickle.dumps(data))
    data["row_story"], data["row_file"] = row_labels(data)
    print(f"{len(data['y'])} rows, {int(data['y'].sum())} right; held-out file: judge without → with the signal "
          f"(right, false refusals, refusal recall; threshold chosen on the other two files)")
    baseline = leave_one_file_out(data, None, args.target_false_refusals)
    print(table_row("(judge v17 features only)", baseline, baseline))
    print("held-out errors of the judge as it is:", dict(sorted(sum((kinds for kinds in (
        error_kinds(data, held, args.target_false_refusals) for held in FILES_ORDER)), Counter()).items())))
    for name, column in (("cosine", data["x"][:, fit_judge.FEATURES.index("similarity")]),
                         ("worst-aligned token", data["extra"]["tok_min"])):
        print(f"{name}: {near_misses(data, column)}")
    for name, make in signals(args.head_l2).items():
        if args.only and name not in args.only:
            continue
        print(table_row(name, baseline, leave_one_file_out(data, make, args.target_false_refusals)), flush=True)
    return 0


# -- collecting ------------------------------------------------------------------------------------
def collect_rows(store: Path, named: list[tuple[str, str]]) -> dict:
    """`fit_judge.collect` per file, then the text signals for the same rows in the same order."""
    from newsdesk.assistant import Assistant
    from newsdesk.evaluation.scoring import load_cases
    from newsdesk.settings import load_settings

    settings = load_settings(store=store).model_copy(update={"answer_judge": False})
    assistant = Assistant(settings)
    x_all, y_all, groups_all, info_all, files, vectors, texts, extra = [], [], [], [], [], [], [], []
    for name, path in named:
        cases = load_cases(Path(path))
        rows, labels, groups, info, row_vectors = fit_judge.collect(assistant, cases)
        offset = len(x_all)
        x_all += rows
        y_all += labels
        info_all += info
        vectors += row_vectors
        for case, members, how in groups:
            groups_all.append((case, [m + offset for m in members], how))
            files.append(name)
        row_texts, row_extra = text_signals(assistant, cases)
        assert len(row_texts) == len(rows), "the second pass must meet the same candidates"
        texts += row_texts
        extra += row_extra
    stories = [fit_judge.story_of(case, fit_judge.case_docs.get(case.id, [])) for case, _, _ in groups_all]
    data = {"x": np.array(x_all), "y": np.array(y_all), "groups": groups_all, "info": info_all, "files": files,
            "stories": stories, "q": np.array([v[0] for v in vectors]), "s": np.array([v[1] for v in vectors]),
            "w": np.array([v[2] for v in vectors]), "texts": texts,
            "extra": {key: np.array([row[key] for row in extra]) for key in extra[0]}}
    data["extra"] |= token_alignment(texts)
    return data


def text_signals(assistant, cases) -> tuple[list[tuple[str, str, str]], list[dict[str, float]]]:
    """Per candidate row (as `fit_judge.collect` meets them): its texts and the unmatched-part signals."""
    from newsdesk.answer.term_matching import TermMatcher
    from newsdesk.assistant import Request
    from newsdesk.text import same_word, tokens

    answerer, embedder = assistant.answerer, assistant.answerer.embedder
    texts, signals_of_rows = [], []
    for case in cases:
        retrieved = assistant.evidence(Request(case.question, history=tuple(case.history)))
        question, evidence = retrieved.question, retrieved.evidence
        if question.empty or question.says_nothing or evidence.disputes:
            continue
        candidates = [c for c in answerer.judge(question, evidence.passages) if c.features is not None]
        matcher = TermMatcher(embedder, question, candidates, assistant.settings.term_similarity)
        own = [t for t in question.terms if t.weight >= 0.5 and not t.word[0].isupper()]
        asked = tokens(question.query)
        pieces = []
        for c in candidates:
            said = " ".join(filter(None, (c.text, c.claimant)))
            missing = [t for t in own if matcher.credit(t, said) < 0.5]
            rest = " ".join(w.text for w in asked if not any(same_word(t.word, w.text) for t in missing))
            adds = " ".join(w.text for w in tokens(c.text) if not any(same_word(t.word, w.text) for t in question.terms))
            pieces.append((c, missing, rest, " ".join(t.word for t in missing), adds))
        wanted = sorted({t for p in pieces for t in p[2:] if t} | {question.query} | {c.window for c in candidates}
                        | {c.text for c in candidates})
        vector = dict(zip(wanted, embedder.embed(wanted), strict=True))
        q = vector[question.query]
        for c, missing, rest, phrase, adds in pieces:
            s, w = vector[c.text], vector[c.window]
            texts.append((question.text, c.text, c.window))
            signals_of_rows.append({
                "delta_unmet": float(vector[rest] @ s - q @ s) if missing and rest else 0.0,
                "unmet_phrase_sim": float(vector[phrase] @ w) if phrase else 1.0,
                "adds_sim": float(vector[adds] @ q) if adds else 0.0,
            })
    return texts, signals_of_rows


def token_alignment(texts: list[tuple[str, str, str]]) -> dict[str, np.ndarray]:
    """BERTScore-style recall of the question's content tokens by the sentence's, on MiniLM's token states."""
    from sentence_transformers import SentenceTransformer

    from newsdesk.index.embedding import default_model_path
    from newsdesk.vocabulary import STOPWORDS

    model = SentenceTransformer(str(default_model_path()), device="cpu", local_files_only=True)
    tokenizer = model.tokenizer
    unique = sorted({t for q, s, _ in texts for t in (q, s)})
    states = model.encode(unique, output_value="token_embeddings", batch_size=32, convert_to_numpy=False,
                          show_progress_bar=False)

    def content(text: str, hidden) -> np.ndarray:
        pieces = tokenizer.convert_ids_to_tokens(tokenizer(text, truncation=True, max_length=256)["input_ids"])
        hidden = hidden.numpy()[:len(pieces)]
        keep = [i for i, p in enumerate(pieces) if p not in ("[CLS]", "[SEP]") and p.strip("#").isalnum()
                and p.strip("#").lower() not in STOPWORDS]
        chosen = hidden[keep] if keep else hidden[1:-1]
        return chosen / np.linalg.norm(chosen, axis=1, keepdims=True)

    tokens_of = {text: content(text, hidden) for text, hidden in zip(unique, states, strict=True)}
    best = [(tokens_of[q] @ tokens_of[s].T).max(axis=1) for q, s, _ in texts]
    return {"tok_recall": np.array([b.mean() for b in best]), "tok_min": np.array([b.min() for b in best])}


# -- the signals -----------------------------------------------------------------------------------
# A signal: given the data, the fit rows and the held-out rows, one value per row (out-of-fold on fit rows).
Signal = Callable[[dict, np.ndarray, np.ndarray], np.ndarray]


def pair_features(question: np.ndarray, sentences: np.ndarray) -> np.ndarray:
    """``[q*s, |q-s|]`` per row: the usual comparison of two sentence embeddings (InferSent, Sentence-BERT)."""
    return np.hstack([question * sentences, np.abs(question - sentences)])


def signals(l2: float) -> dict[str, Signal]:
    pair = lambda d: pair_features(d["q"], d["s"])  # noqa: E731
    pair_window = lambda d: np.hstack([pair(d), pair_features(d["q"], d["w"])])  # noqa: E731
    fixed = {key: _fixed(key) for key in ("delta_unmet", "unmet_phrase_sim", "adds_sim", "tok_recall", "tok_min")}
    return {
        "head over [q*s, |q-s|]": _fitted(pair, lambda p, y, rows, d: _pointwise(p, y, rows, l2)),
        "head over [q*s, |q-s|] + window pair": _fitted(pair_window, lambda p, y, rows, d: _pointwise(p, y, rows, l2)),
        "head residual to the judge's features": _fitted(pair, lambda p, y, rows, d: _pointwise(
            p, y, rows, l2, offset=_judge_logit(d, rows))),
        "listwise head (softmax over a question's candidates)": _fitted(pair, lambda p, y, rows, d: _listwise(
            p, y, rows, d, l2 / 3)),
        **fixed,
        "sim_minus_best": _relative_similarity,
    }


def _fixed(key: str) -> Signal:
    return lambda data, fit_rows, held_rows: data["extra"][key]


def _relative_similarity(data: dict, fit_rows: np.ndarray, held_rows: np.ndarray) -> np.ndarray:
    similarity = data["x"][:, fit_judge.FEATURES.index("similarity")]
    column = np.zeros(len(similarity))
    for _, members, _ in data["groups"]:
        if members:
            column[members] = similarity[members] - similarity[members].max()
    return column


def _fitted(inputs: Callable[[dict], np.ndarray], fit) -> Signal:
    """A head fitted on the fit rows (out-of-fold by story for the fit rows' own values)."""
    def make(data: dict, fit_rows: np.ndarray, held_rows: np.ndarray) -> np.ndarray:
        pairs, y = inputs(data), data["y"]
        column = np.zeros(len(y))
        stories = sorted(set(data["row_story"][fit_rows]))
        fold_of = {story: i % FOLDS for i, story in enumerate(stories)}
        fold = np.array([fold_of[data["row_story"][r]] for r in fit_rows])
        for k in range(FOLDS):
            score = fit(pairs, y, fit_rows[fold != k], data)
            column[fit_rows[fold == k]] = score(fit_rows[fold == k])
        column[held_rows] = fit(pairs, y, fit_rows, data)(held_rows)
        return column
    return make


def _standardised(pairs: np.ndarray, rows: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    mean, scale = pairs[rows].mean(axis=0), pairs[rows].std(axis=0) + 1e-6
    return lambda which: (pairs[which] - mean) / scale


def _pointwise(pairs, y, rows, l2, offset=None):
    """L2 logistic regression by Newton's method (bias not penalised); returns a scorer of row indices."""
    z = _standardised(pairs, rows)
    design = np.hstack([z(rows), np.ones((len(rows), 1))])
    offset = np.zeros(len(rows)) if offset is None else offset[rows]
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta + offset, -30, 30)))
        step = np.linalg.solve((design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty),
                               design.T @ (p - y[rows]) + penalty * beta)
        beta -= step
        if np.max(np.abs(step)) < 1e-6:
            break
    return lambda which: 1.0 / (1.0 + np.exp(-np.clip(z(which) @ beta[:-1] + beta[-1], -30, 30)))


def _listwise(pairs, y, rows, data, l2):
    """Softmax over each question's candidates (the ones among ``rows`` with a right one), L2, by L-BFGS."""
    from scipy.optimize import minimize

    z = _standardised(pairs, rows)
    inside = set(rows.tolist())
    lists = [np.array(m) for _, m, _ in data["groups"] if m and m[0] in inside and y[m].sum() > 0 and len(m) > 1]
    blocks = [(z(m), y[m] / y[m].sum()) for m in lists]

    def loss(w):
        value, gradient = 0.5 * l2 * w @ w, l2 * w
        for features, target in blocks:
            s = features @ w
            s = s - s.max()
            e = np.exp(s)
            value -= target @ (s - np.log(e.sum()))
            gradient = gradient + features.T @ (e / e.sum() - target)
        return value, gradient

    w = minimize(loss, np.zeros(pairs.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 200}).x
    return lambda which: z(which) @ w


def _judge_logit(data: dict, rows: np.ndarray) -> np.ndarray:
    """The judge's own logit on every row of ``rows``, out-of-fold by story (zero elsewhere)."""
    x, y = data["x"], data["y"]
    stories = sorted(set(data["row_story"][rows]))
    fold_of = {story: i % FOLDS for i, story in enumerate(stories)}
    fold = np.array([fold_of[data["row_story"][r]] for r in rows])
    result = np.zeros(len(y))
    for k in range(FOLDS):
        weights, bias = fit_judge.fit_logistic(x[rows[fold != k]], y[rows[fold != k]])
        result[rows[fold == k]] = x[rows[fold == k]] @ weights + bias
    return result


# -- leave one file out ------------------------------------------------------------------------------
def row_labels(data: dict) -> tuple[np.ndarray, np.ndarray]:
    story = np.empty(len(data["y"]), dtype=object)
    file = np.empty(len(data["y"]), dtype=object)
    for (_, members, _), name, group_story in zip(data["groups"], data["files"], data["stories"], strict=True):
        for m in members:
            story[m], file[m] = f"{name}:{group_story}", name
    return story, file


def leave_one_file_out(data: dict, signal: Signal | None, target: float) -> dict[str, dict[str, float]]:
    """Per held-out file: the replayed figures of the judge fitted on the other files (with the signal, if any)."""
    x, y, groups, info, files = data["x"], data["y"], data["groups"], data["info"], data["files"]
    result = {}
    for held in [f for f in FILES_ORDER if f in files]:
        fit_groups = [g for g, f in zip(groups, files, strict=True) if f != held]
        held_groups = [g for g, f in zip(groups, files, strict=True) if f == held]
        fit_rows = np.array(sorted(m for _, members, _ in fit_groups for m in members))
        held_rows = np.array(sorted(m for _, members, _ in held_groups for m in members))
        design = x if signal is None else np.hstack([x, signal(data, fit_rows, held_rows)[:, None]])
        weights, bias, ranking, threshold, _ = fit_judge.fit_all(fit_groups, design, y, info, target)
        probabilities = 1.0 / (1.0 + np.exp(-(design @ weights + bias)))
        replay = fit_judge.replay_at(held_groups, probabilities, y, info, design @ ranking, threshold)
        judged = sum(1 for _, _, how in held_groups if how == "judged")
        result[held] = replay | {"threshold": threshold, "judged": judged,
                                 "auc": auc(probabilities[held_rows], y[held_rows])}
    return result


def error_kinds(data: dict, held: str, target: float) -> Counter:
    """What the judge fitted on the other files gets wrong on ``held``, replayed as `fit_judge.replay_at` does."""
    x, y, groups, info, files = data["x"], data["y"], data["groups"], data["info"], data["files"]
    fit_groups = [g for g, f in zip(groups, files, strict=True) if f != held]
    weights, bias, ranking, threshold, _ = fit_judge.fit_all(fit_groups, x, y, info, target)
    probabilities, order = 1.0 / (1.0 + np.exp(-(x @ weights + bias))), x @ ranking
    kinds: Counter = Counter()
    for case, members, how in (g for g, f in zip(groups, files, strict=True) if f == held):
        if how != "judged":
            continue
        passing = [m for m in members if probabilities[m] >= threshold]
        shown = fit_judge.shown_at(passing, probabilities, order, info)
        if case.answerable and any(y[m] == 1 for m in shown):
            continue
        if not case.answerable:
            kinds["unanswerable answered"] += bool(shown)
        elif not any(y[m] == 1 for m in members):
            kinds["answerable, no candidate answers"] += 1
        elif not shown:
            kinds["answerable refused, a candidate answers"] += 1
        elif any(y[m] == 1 for m in passing):
            kinds["another sentence chosen, the answering one passing"] += 1
        else:
            kinds["another sentence chosen, the answering one below the threshold"] += 1
    return kinds


def near_misses(data: dict, column: np.ndarray) -> str:
    """How well ``column`` tells the best candidate of an unanswerable question from the answering sentence."""
    right, missed = [], []
    for case, members, how in data["groups"]:
        if how != "judged" or not members:
            continue
        if case.answerable and data["y"][members].sum() > 0:
            right.append(max(column[m] for m in members if data["y"][m] == 1))
        elif not case.answerable:
            missed.append(column[members].max())
    scores = np.array(right + missed)
    labels = np.array([1] * len(right) + [0] * len(missed))
    return (f"median {np.median(right):.3f} for the answering sentence ({len(right)} cases), {np.median(missed):.3f} "
            f"for an unanswerable question's closest ({len(missed)}); AUC {auc(scores, labels):.3f}")


def table_row(name: str, baseline: dict, measured: dict) -> str:
    cells = []
    for held, figures in measured.items():
        cells.append(f"{figures['right']:.3f} / {figures['false_refusal_rate']:.3f} / {figures['refusal_recall']:.3f}")
    pooled = sum(f["right"] * f["judged"] for f in measured.values()) / sum(f["judged"] for f in measured.values())
    before = sum(f["right"] * f["judged"] for f in baseline.values()) / sum(f["judged"] for f in baseline.values())
    aucs = " ".join(f"{f['auc']:.3f}" for f in measured.values())
    return f"| {name} | " + " | ".join(cells) + f" | {pooled:.3f} ({pooled - before:+.3f}) | {aucs} |"


if __name__ == "__main__":
    sys.exit(main())
