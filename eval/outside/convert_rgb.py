"""Convert RGB (Chen et al. 2023, github.com/chen700564/RGB) English data into a newsdesk outside test set.

REPORT ONLY: this set is for testing newsdesk; never fit, tune or pick a threshold on it.

    python eval/outside/convert_rgb.py SOURCE.json [--out eval/outside/rgb] [--seed 11]

SOURCE is one of RGB's English files (one JSON object a line: ``query``, ``answer``, ``positive``,
``negative``; see eval/outside/README.md for the pinned file and how to get it). Every passage
kept becomes one article in ONE shared corpus (deduplicated, named by a hash of its text, so
neither the file name nor the title says which question it belongs to or whether it answers):

- answerable cases: a seeded sample of questions whose positive passages (they hold the answer)
  and a few seeded negative passages (retrieved for the question but without the answer) are
  in the corpus; ``expect`` is RGB's answer, one group per part, alternatives as RGB lists them;
  ``evidence`` is the answer with a little context, verbatim from a positive passage;
- unanswerable cases (RGB's "negative rejection" setting): further questions of which only the
  negatives are in the corpus. A question whose answer still appears anywhere in the corpus
  (another question's passage may hold it) is dropped, and the manifest counts the drops.

``positive_wrong`` passages (RGB's counterfactual setting) are never used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from conversion import (
    SourceError, article_text, check_pinned, evidence_window, manifest_of, mentions, normalised_body, seeded, short_hash, write_set,
)

BENCHMARK = "RGB"
REPOSITORY = "chen700564/RGB"
COMMIT = "65ec39e40e7dc9abb50e9bf1b4f32be3f6f16615"
LICENCE = "CC BY-NC-SA 4.0 (data and code; noncommercial use only, attribution, share-alike)"
# sha256 of the English files at COMMIT that this converter was checked on. en.json, en_refine.json
# and en_int.json hold the same fields but were not available here (see README), so are not pinned.
PINNED = {"data/en_fact.json": "92f4b2330ee407f74fbd923197028ef5140cfbc1f4b4092efec2d4d10ae6c9e5"}
DEFAULT_OUT = Path(__file__).resolve().parent / "rgb"


def read_rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        for name in ("id", "query", "answer", "positive", "negative"):
            if name not in row:
                raise SourceError(f"{path}:{number}: no field {name!r}; is this an RGB English data file?")
        rows.append(row)
    return rows


def answer_groups(answer: Any) -> list[list[str]]:
    """RGB's answer as expect groups: a string is one group; a list holds parts, each a string or alternatives."""
    parts = [answer] if isinstance(answer, str) else list(answer)
    groups = []
    for part in parts:
        alternatives = [part] if isinstance(part, str) else list(part)
        groups.append(list(dict.fromkeys(a.strip() for a in alternatives if a.strip())))
    return [group for group in groups if group]


def expect_value(group: list[str]) -> str | list[str]:
    return group[0] if len(group) == 1 else group


def passages(texts: list[str]) -> list[str]:
    return [body for body in (normalised_body(text) for text in texts) if body]


def convert(rows: list[dict[str, Any]], seed: int, answerable: int, unanswerable: int, negatives: int) -> tuple[dict[str, str], list[dict[str, Any]], dict[str, Any]]:
    order = [row for row in rows if answer_groups(row["answer"])]
    seeded(seed, "questions").shuffle(order)
    answered, candidates = order[:answerable], order[answerable:]
    pick = seeded(seed, "negatives")
    bodies: dict[str, str] = {}  # body -> file name

    cases: list[dict[str, Any]] = []
    no_evidence = 0
    for row in answered:
        positive, negative = passages(row["positive"]), passages(row["negative"])
        groups = answer_groups(row["answer"])
        if not all(any(mentions(body, alt) for body in positive for alt in group) for group in groups):
            no_evidence += 1
            continue  # RGB's positives do not state the answer as written: not a fair case for any answerer
        for body in positive + pick.sample(negative, min(negatives, len(negative))):
            bodies.setdefault(body, f"rgb-{short_hash(body)}.md")
        evidence = [window for group in groups if (window := _first_window(positive, group))]
        cases.append({
            "id": f"rgb-a-{int(row['id']):04d}",
            "question": row["query"].strip(),
            "answerable": True,
            "expect": [expect_value(group) for group in groups],
            "evidence": evidence,
        })
    # Negative rejection: a candidate is kept only while no passage in the corpus holds its answer,
    # and checked again at the end, since a later candidate's negatives may hold an earlier one's answer.
    rejected: list[dict[str, Any]] = []
    tried = 0
    for row in candidates:
        if len(rejected) == unanswerable:
            break
        tried += 1
        negative = passages(row["negative"])
        chosen = pick.sample(negative, min(negatives, len(negative)))
        if not _answer_in(row, list(bodies) + chosen):
            rejected.append(row)
            for body in chosen:
                bodies.setdefault(body, f"rgb-{short_hash(body)}.md")
    kept = [row for row in rejected if not _answer_in(row, list(bodies))]
    cases += [{"id": f"rgb-r-{int(row['id']):04d}", "question": row["query"].strip(), "answerable": False} for row in kept]
    cases.sort(key=lambda case: case["id"])
    articles = {name: article_text(f"RGB passage {name[4:10]}", BENCHMARK, body) for body, name in bodies.items()}
    notes = {
        "answerable_drawn": len(answered),
        "answerable_dropped_answer_not_in_positives": no_evidence,
        "unanswerable_candidates_tried": tried,
        "unanswerable_candidates_skipped_answer_in_corpus": tried - len(rejected),
        "unanswerable_dropped_answer_in_corpus": len(rejected) - len(kept),
        "negatives_per_question": negatives,
    }
    return articles, cases, notes


def _answer_in(row: dict[str, Any], bodies: list[str]) -> bool:
    """True when any passage holds any spelling of the answer (conservative: a mention counts)."""
    alternatives = [alt for group in answer_groups(row["answer"]) for alt in group]
    return any(mentions(body, alt) for body in bodies for alt in alternatives)


def _first_window(bodies: list[str], group: list[str]) -> str | None:
    for alternative in group:
        for body in bodies:
            if (window := evidence_window(body, alternative)) is not None:
                return window
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="an RGB English data file, e.g. data/en_fact.json at the pinned commit")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for corpus/, cases.jsonl, manifest.json")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--answerable", type=int, default=70, help="questions drawn first and kept with their positive passages")
    parser.add_argument("--unanswerable", type=int, default=25, help="at most this many further questions kept with negatives only")
    parser.add_argument("--negatives", type=int, default=4, help="negative passages kept per question")
    parser.add_argument("--unpinned", action="store_true", help="convert a file whose checksum is not pinned")
    args = parser.parse_args(argv)
    try:
        digest = check_pinned(args.source, PINNED, args.unpinned)
        rows = read_rows(args.source)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    articles, cases, notes = convert(rows, args.seed, args.answerable, args.unanswerable, args.negatives)
    source_name = next((name for name, value in PINNED.items() if value == digest), f"unpinned:{args.source.name}")
    source = {"source": source_name, "source_sha256": digest}
    manifest = manifest_of(BENCHMARK, REPOSITORY, COMMIT, LICENCE, args.seed, source, notes)
    write_set(args.out, articles, cases, manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
