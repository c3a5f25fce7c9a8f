"""Claim extraction measured against hand-labelled claims (``eval/claims.jsonl``).

A predicted claim matches a labelled one when both are in the same document,
their spans overlap, they are of the same kind, and for figures the values are
equal. Matching is one to one (largest overlap first). Reported:

- ``claim_precision``: matched predictions / predictions (in labelled documents);
- ``claim_recall``: matched labels / labels;
- ``claim_attribution``: of the matches, the share whose claimant names the
  same party (one name's proper-name words within the other's) and whose relay
  agrees (both absent, or the same organisation);
- ``claim_hedge``: of the matched figures, the share whose hedge (or caveat) is the labelled one;
- ``conflict_coverage_claims``: of the labelled conflicts (a labelled subject
  with two different figures, or statements by two different claimants), the
  share for which one detected dispute holds matches of at least two sides.

``newsdesk eval`` calls `claim_metrics`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdesk.claims.extraction import Claim
from newsdesk.claims.attribution import same_claimant
from newsdesk.claims.conflicts import find_disputes
from newsdesk.errors import EvalSetError
from newsdesk.evaluation.scoring import read_json_lines
from newsdesk.text import stem, tokens
from newsdesk.vocabulary import STOPWORDS

GOLD_FIELDS = ("doc_id", "claimant", "relay", "subject", "value", "unit", "kind", "hedge", "quote", "start", "end")


@dataclass(frozen=True)
class GoldClaim:
    doc_id: str
    claimant: str
    relay: str | None
    subject: str
    value: float | None
    unit: str | None
    kind: str
    hedge: str | None
    quote: str
    start: int
    end: int


@dataclass
class ClaimScores:
    predicted: int
    gold: int
    matched: list[tuple[GoldClaim, Claim]]
    missed: list[GoldClaim]
    spurious: list[Claim]
    conflicts: list[tuple[str, bool]]  # (labelled subject, covered)

    def metrics(self) -> dict[str, float | None]:
        figures = [(g, p) for g, p in self.matched if g.kind == "figure"]
        return {
            "claim_precision": _share(len(self.matched), self.predicted),
            "claim_recall": _share(len(self.matched), self.gold),
            "claim_attribution": _share(sum(attribution_ok(g, p) for g, p in self.matched), len(self.matched)),
            "claim_hedge": _share(sum(hedge_ok(g, p) for g, p in figures), len(figures)),
            "conflict_coverage_claims": _share(sum(ok for _, ok in self.conflicts), len(self.conflicts)),
        }


def load_gold(path: Path) -> list[GoldClaim]:
    """Read a hand-labelled claims file; errors name the file, line and field."""
    gold = []
    for number, data in read_json_lines(path):
        missing = [name for name in GOLD_FIELDS if name not in data]
        if missing:
            raise EvalSetError(path, number, missing[0], "is required")
        gold.append(GoldClaim(**{name: data[name] for name in GOLD_FIELDS}))
    return gold


def score_claims(predicted: Iterable[Claim], gold: list[GoldClaim]) -> ClaimScores:
    """Match predictions to labels in the labelled documents and check conflicts."""
    labelled_docs = {g.doc_id for g in gold}
    predicted = [p for p in predicted if p.doc_id in labelled_docs]
    pairs = sorted(
        ((g, p) for g in gold for p in predicted if _matches(g, p)),
        key=lambda pair: -_overlap(pair[0], pair[1]),
    )
    used_gold: set[int] = set()
    used_predicted: set[str] = set()
    matched = []
    for g, p in pairs:
        if id(g) in used_gold or p.id in used_predicted:
            continue
        used_gold.add(id(g))
        used_predicted.add(p.id)
        matched.append((g, p))
    return ClaimScores(
        predicted=len(predicted),
        gold=len(gold),
        matched=matched,
        missed=[g for g in gold if id(g) not in used_gold],
        spurious=[p for p in predicted if p.id not in used_predicted],
        conflicts=_conflict_coverage(gold, predicted, matched),
    )


def _matches(g: GoldClaim, p: Claim) -> bool:
    if g.doc_id != p.doc_id or g.kind != p.kind or _overlap(g, p) <= 0:
        return False
    return g.kind != "figure" or (p.value is not None and g.value is not None and float(g.value) == float(p.value))


def _overlap(g: GoldClaim, p: Claim) -> int:
    return min(g.end, p.end) - max(g.start, p.start)


def names_agree(label: str | None, predicted: str | None) -> bool:
    """Two names of one party: "Ione Fenwright" and "regional governor Ione Fenwright"."""
    if not label or not predicted:
        return not label and not predicted
    if same_claimant(label, predicted):
        return True
    left, right = _words(label), _words(predicted)
    small, large = sorted((left, right), key=len)
    return bool(small) and small <= large


def _words(name: str) -> set[str]:
    return {stem(w.text) for w in tokens(name) if w.lower not in STOPWORDS}


def attribution_ok(g: GoldClaim, p: Claim) -> bool:
    return names_agree(g.claimant, p.claimant) and names_agree(g.relay, p.relay)


def hedge_ok(g: GoldClaim, p: Claim) -> bool:
    return (g.hedge or None) in (p.hedge, p.caveat) or (g.hedge is None and p.hedge is None)


def gold_conflicts(gold: list[GoldClaim]) -> dict[str, list[GoldClaim]]:
    """Labelled subjects that are disputed: two figures, or statements by two claimants."""
    by_subject: dict[str, list[GoldClaim]] = {}
    for g in gold:
        by_subject.setdefault(f"{g.kind}:{g.subject.lower()}", []).append(g)
    conflicts = {}
    for subject, claims in by_subject.items():
        if claims[0].kind == "figure" and len({g.value for g in claims}) > 1:
            conflicts[subject] = claims
        elif claims[0].kind == "statement" and len(_gold_sides(claims)) > 1:
            conflicts[subject] = claims
    return conflicts


def _gold_sides(claims: list[GoldClaim]) -> list[str]:
    sides: list[str] = []
    for g in claims:
        if not any(names_agree(g.claimant, side) for side in sides):
            sides.append(g.claimant)
    return sides


def _conflict_coverage(
    gold: list[GoldClaim], predicted: list[Claim], matched: list[tuple[GoldClaim, Claim]]
) -> list[tuple[str, bool]]:
    label_of = {p.id: g for g, p in matched}
    disputes = find_disputes(predicted)
    results = []
    for subject, claims in gold_conflicts(gold).items():
        members = {id(g) for g in claims}
        covered = False
        for dispute in disputes:
            labels = [label_of[c.id] for c in dispute.claims if c.id in label_of and id(label_of[c.id]) in members]
            if claims[0].kind == "figure":
                covered = len({g.value for g in labels}) > 1
            else:
                covered = len(_gold_sides(labels)) > 1
            if covered:
                break
        results.append((subject.split(":", 1)[1], covered))
    return results


def claim_metrics(claims: Iterable[Claim], gold_files: Iterable[Path]) -> dict[str, Any]:
    """What ``newsdesk eval`` reports for claims: the metrics, and the labels missed."""
    gold = [g for path in gold_files for g in load_gold(path)]
    scores = score_claims(list(claims), gold)
    return {
        **scores.metrics(),
        "claims_labelled": scores.gold,
        "claims_predicted": scores.predicted,
        "conflicts_labelled": len(scores.conflicts),
        "conflicts_missed": [subject for subject, ok in scores.conflicts if not ok],
    }


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


GOLD_FILE_NAMES = ("claims.jsonl", "corpus-claims.jsonl")


def claim_metrics_beside(ledger: Any, set_path: Path, gold_files: Iterable[Path] = ()) -> dict[str, float | None]:
    """Claim metrics for ``newsdesk eval``: from ``gold_files``, or the claims files next to the eval set.

    A labels file counts only when every document it labels is in the ledger
    (the corpus it was written for is indexed); with none, nothing is added.
    """
    paths = list(gold_files) or [set_path.parent / name for name in GOLD_FILE_NAMES]
    indexed = set(ledger.documents)
    usable = [p for p in paths if p.is_file() and {g.doc_id for g in load_gold(p)} <= indexed]
    if not usable:
        return {}
    found = claim_metrics(ledger.claims(), usable)
    return {name: value for name, value in found.items() if name.startswith(("claim_", "conflict_coverage_claims"))}
