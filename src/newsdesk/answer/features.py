"""The signals the fitted judge weighs for one candidate sentence (`newsdesk.answer.judge.FEATURES`)."""

from __future__ import annotations

import re

from newsdesk.answer.alignment import NEUTRAL, Alignment
from newsdesk.answer.answer_types import new_names, type_met
from newsdesk.answer.candidates import Candidate
from newsdesk.answer.questions import Question
from newsdesk.answer.sources import described_as
from newsdesk.answer.term_matching import SYNONYM_CREDIT, TermMatcher
from newsdesk.text import YEAR

# "June 4", "4 June", "2019": a date a question about when can be answered with, not only a weekday.
_FULL_DATE = re.compile(r"\b(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2})\b|" + YEAR.pattern)
# A sentence this near the top of its article is in the lead, where news states its main facts.
_LEAD_CHARS = 400


def candidate_features(question: Question, candidate: Candidate, matcher: TermMatcher, best_score: float,
                       alignment: Alignment | None = None) -> dict[str, float]:
    """The signals the judge weighs (`newsdesk.answer.judge.FEATURES`), for one candidate that meets the pins;
    ``alignment`` is its contextual word alignment to the question (`newsdesk.answer.alignment`), None when it was
    not aligned (then `NEUTRAL`, with ``aligned`` 0)."""
    features = {
        "similarity": candidate.similarity,
        "coverage": candidate.coverage,
        "score_gap": best_score - candidate.score,
        "type_met": float(type_met(question, candidate.text, candidate.claimant)),
        "common_term_met": float(matcher.meets_a_common_term(candidate.text)),
        "inverse_rank": 1.0 / candidate.rank,
        "lead": float(candidate.start < _LEAD_CHARS),
        "claimant": float(candidate.claimant is not None),
        "pins": float(min(3, len(question.entities) + len(question.numbers))),
        "only_names": float(question.only_names),
        "counts_what_is_asked": float(bool(question.counted) and matcher.counts(candidate.text)),
        "figure_about": float(question.kind != "quantity" or matcher.figure_is_about(question, candidate.text)),
        "focus_met": float(all(matcher.meets(t, candidate.text) or matcher.counts(candidate.text) for t in question.focus)),
        "new_names": float(min(3, len(new_names(candidate.text, question)))),
        "full_date": float(bool(_FULL_DATE.search(candidate.text))),
        "length": min(len(candidate.text), 600) / 600,
        "headline": float(candidate.text == candidate.metadata.get("title")),
        "context_coverage": matcher.coverage(candidate.context),
        "window_similarity": candidate.window_similarity,
        "event_met": min((matcher.credit(t, candidate.text) for t in question.event), default=1.0),
        "answer_named": float(question.kind in ("place", "agent") and bool(new_names(candidate.text, question))),
    }
    # The claimant and the nouns its article calls it by ("operator" for "Korrin Terminals") meet "the port operator"
    said = " ".join(filter(None, (candidate.text, candidate.claimant, *sorted(described_as(candidate)))))
    features["unmet_specific"], features["unmet_share"] = matcher.unmet(said)
    features["unmet_in_context"] = matcher.unmet(candidate.context)[0]
    features["same_word_share"], features["linked_share"] = wording_shares(question, matcher, candidate.text)
    aligned = alignment or NEUTRAL
    features["aligned"] = float(alignment is not None)
    features["align_recall"], features["align_worst"] = aligned.recall, aligned.worst
    for kind in ("quantity", "date", "agent", "reason", "other"):
        features[f"kind_{kind}"] = float(question.kind == kind or (kind == "other" and question.kind == "place"))
    return features


def wording_shares(question: Question, matcher: TermMatcher, text: str) -> tuple[float, float]:
    """The shares of the question's term weight that ``text`` says in the question's own words (the same word or
    lemma) and in other words the matcher credits as meeting the term (a WordNet link or a synonym by word vector).

    Coverage adds the two; the judge weighs them apart: a sentence met only by linked words is more often a near miss.
    """
    total = sum(t.weight for t in question.terms)
    if total == 0:
        return 0.0, 0.0
    credits = [(t.weight, matcher.credit(t, text)) for t in question.terms]
    same = sum(weight for weight, credit in credits if credit >= 1.0)
    linked = sum(weight for weight, credit in credits if SYNONYM_CREDIT <= credit < 1.0)
    return same / total, linked / total
