"""Questions about the latest or current figure: the most recent statement by the same source, and the
earlier figure it replaces."""

from __future__ import annotations

import re
from dataclasses import replace as dc_replace
from collections.abc import Callable

from newsdesk.answer.answers import Citation
from newsdesk.answer.candidates import Candidate
from newsdesk.answer.composing import compose
from newsdesk.answer.questions import Question
from newsdesk.answer.sources import same_source
from newsdesk.answer.verification import MARKER, supports
from newsdesk.claims.attribution import claimant_label
from newsdesk.text import long_date, numbers, specificity, tokens

# "What is the latest toll?", "How many are still missing?", "What does it now expect?"
_LATEST = re.compile(r"\b(latest|current|currently|now|still|most recent|so far|to date|updated)\b", re.IGNORECASE)
# How much less of the question's terms a more recent sentence may meet than the best and still answer in its place.
_LATEST_COVERAGE_SLACK = 0.1


def asks_latest(question: str) -> bool:
    return bool(_LATEST.search(question))


def latest_and_replaced(best: Candidate, typed: list[Candidate], near: Callable[[Candidate], bool],
                        strength: Callable[[Candidate], float],
                        earlier_pool: list[Candidate] | None = None) -> tuple[Candidate, Candidate | None]:
    """The most recent statement of what the best sentence answers, and the earlier figure it replaces.

    A more recent sentence takes the best one's place only when it is ``near`` (nearly as strong), is said by the
    same source (`sources.same_source`: a revision, not another claimant's or another story's figure) and meets the
    question's terms about as well (a later "17 killed" does not replace "dozens missing"). The earlier figure
    is looked for in ``earlier_pool`` too (sentences that meet the question's pins and type but that the judge
    would not answer with alone: an outdated figure is rarely the surest answer), said by the same source,
    about what the latest counts, and only when the latest gives a figure itself.
    """
    same = [c for c in typed if c is best or (near(c) and same_source(best, c)
                                              and c.coverage >= best.coverage - _LATEST_COVERAGE_SLACK)]
    same += later_revisions(best, same, earlier_pool or [])
    latest = max(same, key=lambda c: (c.metadata.get("published", ""), strength(c)))
    when = latest.metadata.get("published", "")
    figures = set(numbers(latest.text))
    earlier = [
        c for c in {id(c): c for c in [*same, *(earlier_pool or [])]}.values()
        if figures and c.metadata.get("published", "") < when and numbers(c.text) and not set(numbers(c.text)) <= figures
        and (c in same or (same_source(latest, c) and c.coverage >= latest.coverage - _LATEST_COVERAGE_SLACK
                           and (c.features or {}).get("figure_about", 1.0) == 1.0))
    ]
    return latest, max(earlier, key=strength, default=None)


def compose_latest(latest: Candidate, replaced: Candidate | None, question: Question, limit: int) -> tuple[str, list[Citation]]:
    """The latest figure's sentence, then the earlier one it replaces, each cited."""
    text, citations = compose([latest], question, limit)
    if replaced is None:
        return text, citations
    earlier_text, earlier_citations = compose([replaced], question, limit)
    day = replaced.published_day
    # The publication date is given as a resolved date ("(April 6, 2025)"), an annotation the support rule skips.
    when = f" ({long_date(day)})" if day else ""
    earlier = earlier_citations[0]
    claimant = claimant_label(earlier.claimant, earlier.relay, inline=False) if earlier.claimant else None
    sentence = earlier_text.replace("[1]", "[2]")
    # The lead-in's words must not outweigh a short quote (`supports`): a shorter one, else the sentence alone.
    lead_ins = (f"This replaces an earlier figure{when}: ", f"Earlier figure{when}: ", "")
    note = next(f"{lead_in}{sentence}" for lead_in in lead_ins
                if not lead_in or supports(earlier.quote, f"{lead_in}{sentence}", claimant))
    if len(MARKER.sub("", f"{text} {note}")) > limit:
        return text, citations
    return f"{text} {note}", citations + [dc_replace(earlier_citations[0], n=2)]


def later_revisions(best: Candidate, same: list[Candidate], pool: list[Candidate]) -> list[Candidate]:
    """The sentences of ``pool`` (they meet the pins and give the kind asked, but the judge would not answer with them
    alone) that revise the best sentence's figure: published after it by the same source, a figure of what is asked
    (`figure_about`, counting nothing else), meeting the question's terms about as well. The update a question
    about the latest figure asks for ("The death toll ... has risen to 12, with nine people still missing") is
    rarely the judge's surest sentence: it holds two figures and the story's earlier wording is nearer the
    question's."""
    when = best.metadata.get("published", "")
    return [c for c in pool if c not in same and c.metadata.get("published", "") > when and numbers(c.text)
            and c.counts_instead is None and (c.features or {}).get("figure_about", 1.0) == 1.0
            and same_source(best, c) and same_story(best, c) and c.coverage >= best.coverage - _LATEST_COVERAGE_SLACK]


# A word this rare (`newsdesk.text.specificity`: "Wennel", not "Office" or "Thursday") names what a story is about.
_STORY_NAME_SPECIFICITY = 5.0


def same_story(a: Candidate, b: Candidate) -> bool:
    """Two sentences' articles tell one story: their headlines and leads share a rare name (a town, a ship, a firm).
    Two statistics offices' revisions are two countries' figures, not one figure revised."""
    return bool(_story_names(a) & _story_names(b))


def _story_names(candidate: Candidate) -> set[str]:
    said = f"{candidate.metadata.get('title', '')} {candidate.lead}"
    return {w.lower for w in tokens(said) if w.text[0].isupper() and specificity(w.text) >= _STORY_NAME_SPECIFICITY}
