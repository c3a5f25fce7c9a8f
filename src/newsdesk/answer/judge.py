"""The calibrated decision: is answering with this sentence right?

A small logistic regression over the signals the answerer already has for a
candidate sentence (similarity to the question, share of its terms met,
answer-type match, position, claimant, ...). It is fitted on the dev split by
``eval/fit_judge.py`` and stored, versioned, in ``judge.json`` beside this
module; its threshold was chosen there for a target false-refusal rate on dev.
``Settings.judge_threshold`` overrides that threshold.

Beside it, a ranker over the same features (``rank_weights``, a softmax over one
question's candidates fitted on the same dev rows) picks which passing sentence
answers: the judge says whether a sentence may answer, the ranker which one does.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsdesk.errors import PackageDataError

JUDGE_FILE = Path(__file__).with_name("judge.json")
FEATURES = (
    "similarity",
    "coverage",
    "score_gap",
    "type_met",
    "common_term_met",
    "inverse_rank",
    "lead",
    "claimant",
    "pins",
    "only_names",
    "counts_what_is_asked",
    "figure_about",
    "focus_met",
    "new_names",
    "full_date",
    "length",
    "headline",
    "context_coverage",
    "kind_quantity",
    "kind_date",
    "kind_agent",
    "kind_reason",
    "kind_other",
    "window_similarity",
    "event_met",
    "answer_named",
    "unmet_specific",
    "unmet_share",
    "unmet_in_context",
    "same_word_share",
    "linked_share",
    "aligned",
    "align_recall",
    "align_worst",
)


@dataclass(frozen=True)
class Judge:
    version: int
    weights: dict[str, float]
    bias: float
    threshold: float
    rank_weights: dict[str, float] = field(default_factory=dict)

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def rank_score(self, features: dict[str, float]) -> float:
        """Higher for the sentence more likely to be the one that answers, among one question's candidates."""
        return sum(self.rank_weights.get(name, 0.0) * value for name, value in features.items())

    def weighs(self, names: tuple[str, ...]) -> bool:
        """Whether the judge or its ranker gives any of the features ``names`` a weight (else they need no computing)."""
        return any(self.weights.get(n, 0.0) or self.rank_weights.get(n, 0.0) for n in names)

    def to_json(self) -> dict[str, object]:
        return {"version": self.version, "features": list(FEATURES), "weights": self.weights,
                "bias": self.bias, "threshold": self.threshold, "rank_weights": self.rank_weights}


@lru_cache(maxsize=4)
def load_judge(path: Path = JUDGE_FILE) -> Judge:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Judge(int(data["version"]), {k: float(v) for k, v in data["weights"].items()},
                     float(data["bias"]), float(data["threshold"]),
                     {k: float(v) for k, v in data.get("rank_weights", {}).items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise PackageDataError(path, f"the answerer's judge cannot be read ({error!r})") from error
