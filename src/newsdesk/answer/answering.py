"""Answering: pick the sentences that answer, cite them verbatim, or refuse.

The default answerer is extractive and needs no language model. When the
evidence holds a disputed subject the question asks about, it answers with
every side (`newsdesk.answer.dispute_answer`). Otherwise, from the
retrieved passages it takes candidate sentences (`candidates`), drops those that
miss what the question pins down (`pins`: names, numbers, months, the claimant
asked about), lets the fitted judge weigh the rest (`features`, `judge`), chooses
the best sentences that give the kind of answer asked for, while the answer has room (this module), prefers
the same source's most recent figure when the question asks for the latest
(`latest_figure`), and composes them into an answer with numbered citations
(`composing`). Each citation is a verbatim span of the article body with its
offsets and its claimant. When no sentence passes, it refuses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

import numpy as np
from langchain_core.documents import Document

from newsdesk.answer.alignment import ALIGNED_CANDIDATES, ALIGNMENT_FEATURES, Alignment, alignments
from newsdesk.answer.answer_types import (
    answers_in_place,
    asks_in_place,
    gives_the_answer,
    refuses_for,
    states_a_caveat,
    type_met,
    withheld_after,
    withholds_answer,
    withholds_what_is_asked,
)
from newsdesk.answer.answers import Answer, Evidence
from newsdesk.answer.candidates import (
    Candidate,
    addresses_an_assistant,
    article_texts,
    figure_windows,
    follows,
    near_duplicate,
    overlaps,
    same_article,
    sentence_candidates,
)
from newsdesk.answer.composing import answer_length, clause_run, compose, holds_the_kind
from newsdesk.answer.dispute_answer import (
    asks_first_figures,
    asks_one_ledger_side,
    each_sources_first,
    each_sources_latest,
    first_of_its_source,
    another_period,
    another_toll_event,
    answer_time_sides,
    compose_disputed,
    counts_what_happened,
    disagreement,
    SIDE_MIN_CONFIDENCE,
    quotes_hold,
    rival_in_article,
    roughly_the_same,
)
from newsdesk.answer.features import candidate_features
from newsdesk.answer.judge import load_judge
from newsdesk.answer.latest_figure import asks_latest, compose_latest, latest_and_replaced
from newsdesk.answer.pins import figure_of_another_thing, first_unmet_pin, names_a_figure
from newsdesk.answer.questions import Question, asks_judgement, asks_yes_no, entity_met, part_words
from newsdesk.answer.sources import another_source, attributed_restatement, one_source, said_by
from newsdesk.answer.term_matching import TermMatcher
from newsdesk.claims.attribution import same_claimant
from newsdesk.claims.extraction import figure_values
from newsdesk.index.embedding import Embedder
from newsdesk.settings import Settings
from newsdesk.text import numbers, stem, stems_match, tokens
from newsdesk.vocabulary import CALENDAR_WORDS, STOPWORDS

if TYPE_CHECKING:
    from newsdesk.claims.conflicts import Dispute
    from newsdesk.claims.extraction import Claim

REFUSAL = "The corpus does not say: none of the indexed articles answers this question."
REFUSAL_FILTERED = (
    "The corpus does not say, at least within the current filters: none of the selected articles answers this question."
)
NOT_KNOWN = "The corpus does not say: the article says this is not known or was not given."
EMPTY_QUESTION = "Please ask a question about the articles in the corpus."


class ExtractiveAnswerer:
    """Answers with sentences of the corpus only; refuses when none answers.

    Which sentences may answer is the fitted judge's call (`newsdesk.answer.judge`;
    ``Settings.judge_threshold`` overrides its threshold); with ``answer_judge``
    off, the hand-set ``min_similarity``, ``min_coverage`` and ``min_score`` decide.
    """

    def __init__(self, embedder: Embedder, settings: Settings) -> None:
        self.embedder = embedder
        self.settings = settings
        # Align words (`newsdesk.answer.alignment`) always, never, or (None) when the judge weighs the alignment.
        self.align_words: bool | None = None

    def answer(self, question: Question, evidence: Evidence) -> Answer:
        """Every side of a disputed subject the question touches; else the best sentences while the answer has room
        (up to `MOST_SENTENCES`); else a refusal."""
        retrieved = evidence.reported
        if question.empty or question.says_nothing:
            return Answer(question.text, EMPTY_QUESTION, refused=True, retrieved=retrieved)
        candidates = self.judge(question, evidence.passages)
        passing = [c for c in candidates if c.rejected is None]
        if evidence.disputes and self._dispute_answers(evidence.disputes[0], candidates, question):
            text, citations, table = compose_disputed(evidence.disputes[0], question, limit=self.settings.max_answer_chars)
            if quotes_hold(citations):
                return Answer(question.text, text, refused=False, citations=citations, retrieved=retrieved, disputes=[table])
        unknown = self._withheld(question, passing) or withheld_what_is_asked(question, candidates, passing)
        if unknown is not None:
            text, citations = compose([unknown], question, self.settings.max_answer_chars)
            return Answer(question.text, f"{NOT_KNOWN} {text}", refused=True, citations=citations, retrieved=retrieved)
        typed = in_the_conversations_story(question, typed_answers(question, passing), candidates)
        judged = judged_sides(question, candidates)
        sides = [c for c in judged if c.pin is None]  # judged despite a pin: a rival side only (`rival_in_article`)
        chosen = self._choose(typed, question, sides)
        if not chosen:
            refusal = REFUSAL_FILTERED if evidence.filtered else REFUSAL
            return Answer(question.text, refusal, refused=True, retrieved=retrieved)
        latest, replaced = chosen[0], None
        if asks_latest(question.text):
            latest, replaced = latest_and_replaced(chosen[0], typed, lambda c: self._near(chosen[0], c), self._strength, sides)
        # Other sources answering with another value: every side, not the best alone (a revision is not one). For the
        # latest figure, every source's latest (`each_sources_latest`): "the guild now says 2,600; the operator
        # disputes that, saying 850" (round 13).
        pool = each_sources_latest(judged) if asks_latest(question.text) else judged
        if asks_first_figures(question):  # each source's first figure, not what later replaced it (round 14)
            pool = each_sources_first(judged)
            latest = first_of_its_source(latest, pool)
        rivals = answer_time_sides(question, latest, pool, self.counted_alike)
        disputed = disagreement(rivals, question, self.settings.max_answer_chars, compose) if rivals else None
        if disputed is not None:
            text, citations, table = disputed
            return Answer(question.text, text, refused=False, citations=citations, retrieved=retrieved, disputes=[table])
        if asks_latest(question.text):
            if latest is not chosen[0] or replaced is not None:
                text, citations = compose_latest(latest, replaced, question, self.settings.max_answer_chars)
                return Answer(question.text, text, refused=False, citations=citations, retrieved=retrieved)
        chosen = self._with_caveat(chosen, candidates, question)
        chosen = self._with_answer_in_place(chosen, candidates, question)
        chosen = self._with_parts(chosen, question, evidence.passages)
        story = in_the_conversations_story(question, [*typed, *sides], candidates)
        chosen = self._with_what_is_left(chosen, story, question)
        text, citations = compose(chosen, question, self.settings.max_answer_chars)
        return Answer(question.text, text, refused=False, citations=citations, retrieved=retrieved)

    def _with_caveat(self, chosen: list[Candidate], candidates: list[Candidate], question: Question) -> list[Candidate]:
        """The best sentence's figure with the caveat the article puts right after it ("The numbers could not be
        independently verified."), added if the answer stays within ``max_answer_chars``, else in place of the last
        sentences, as few as make room."""
        best = chosen[0]
        caveat = next((c for c in candidates if same_article(c, best) and follows(best, c)), None)
        if caveat is None or caveat in chosen or not numbers(best.text) or not states_a_caveat(caveat.text):
            return chosen
        limit = self.settings.max_answer_chars
        for option in ([*chosen[:kept], caveat] for kept in range(len(chosen), 0, -1)):
            if answer_length(option, question, limit) <= limit:
                return option
        return chosen

    def _with_answer_in_place(self, chosen: list[Candidate], candidates: list[Candidate],
                              question: Question) -> list[Candidate]:
        """When no chosen sentence says what is asked where it says what the question asks about (`answers_in_place`:
        a name beside the role or verb asked, a date beside the question's event, a reason that is not the question
        restated), the best sentence of an article already quoted that does, in place of the last sentences after the
        first, as few as make room. The judge may weigh it low (the lead restates the story, the name stands in a
        later sentence: "The residents' group is led by a retired teacher, Ann Roe"); it must meet the pins and the
        type. It adds to an answer already given, never turns a refusal into one. Only the articles quoted: the
        first one's alone gained one develop case fewer (docs/evaluation.md, round 10 `choice10`)."""
        if not asks_in_place(question) or any(answers_in_place(question, c.text) for c in chosen):
            return chosen
        first = chosen[0]
        options = [c for c in candidates if _may_be_added(question, c, chosen) and answers_in_place(question, c.text)]
        other = self._best(options)
        if other is None:
            return chosen
        kept = list(chosen)
        self._make_room(kept, [first], other, question)
        return kept

    def _with_parts(self, chosen: list[Candidate], question: Question, passages: list[Document]) -> list[Candidate]:
        """For a two-part question (`Question.parts`), each part no chosen sentence answers (`_answers_part`) gets
        its best sentence (`_part_answer`), whole or by its clauses, in place of the last sentences that answer no
        part, as few as make room; the first sentence stays. "Who won the final, and by what score?": the winner's
        sentence first, then the one with the score, which the question's one kind pinned out or ranked below the
        sentences restating the win. The whole question was answered already: a part adds to the answer, it never
        turns a refusal into one."""
        kept = list(chosen)
        needed: list[Candidate] = [kept[0]]
        for part in question.parts:
            # The first sentence named the subject: a later sentence of its article may leave the names out
            # ("Prosecutors said the captain was held ...").
            judged = self.judge(replace(part, entities=(), soft_entities=()), passages)
            answering = [c for c in kept if self._answers_part(question, part, c, judged)]
            if answering:
                needed.extend(c for c in answering if c not in needed)
                continue
            best = self._part_answer(question, part, judged, kept)
            if best is not None and (added := self._make_room(kept, needed, best, question)) is not None:
                needed.append(added)
        return kept

    def _part_answer(self, question: Question, part: Question, judged: list[Candidate],
                     kept: list[Candidate]) -> Candidate | None:
        """The best sentence for ``part`` of the articles already quoted: it meets the part's pins and gives its kind
        (`type_met`); one that meets a word only this part asks about first, then one that gives the answer itself
        (`gives_the_answer`), then by the ranker. The judge's threshold does not apply: it weighs a sentence against
        the whole question, and the part's own words are few ("by what score?")."""
        own = part_words(question, part)
        options = [c for c in judged if _may_be_added(part, c, kept)]
        return min(options, key=lambda c: (not _meets_words(own, c.text), not gives_the_answer(part, c.text, c.claimant),
                                           self._order(c)), default=None)

    def _make_room(self, kept: list[Candidate], needed: list[Candidate], other: Candidate,
                   question: Question) -> Candidate | None:
        """Append ``other`` to ``kept`` (in place), whole or by its clauses (`_cut_to_fit`), dropping the last
        sentences not in ``needed`` until it fits; the sentence added, or None (``kept`` unchanged)."""
        limit = self.settings.max_answer_chars
        spare = [c for c in kept if c not in needed]
        for dropped in range(len(spare) + 1):
            gone = spare[len(spare) - dropped:]
            base = [c for c in kept if c not in gone]
            piece = other if answer_length([*base, other], question, limit) <= limit else self._cut_to_fit(base, other, question)
            if piece is not None:
                kept[:] = [*base, piece]
                return piece
        return None

    @staticmethod
    def _answers_part(question: Question, part: Question, sentence: Candidate, judged: list[Candidate]) -> bool:
        """``sentence`` answers ``part``: judged under the part it meets the part's pins, gives the kind it asks
        (`type_met`, `gives_the_answer`), and meets a word only this part asks about, when it has one ("revenue"
        of "..., and what was its revenue?", "score" of "and by what score?")."""
        twin = next((c for c in judged if overlaps(c, sentence)), None)
        if twin is None or twin.features is None or twin.counts_instead is not None:
            return False
        if not (type_met(part, sentence.text, sentence.claimant) and gives_the_answer(part, sentence.text, sentence.claimant)):
            return False
        own = part_words(question, part)
        return not own or _meets_words(own, sentence.text)

    def judge(self, question: Question, passages: list[Document]) -> list[Candidate]:
        """Every candidate sentence, scored, with ``rejected`` saying why when it cannot answer."""
        candidates = sentence_candidates(passages)
        if not candidates:
            return []
        vectors = self.embedder.embed([question.query] + [c.text for c in candidates] + [c.window for c in candidates])
        similarities = vectors[1:] @ vectors[0]
        matcher = TermMatcher(self.embedder, question, candidates, self.settings.term_similarity)
        count = len(candidates)
        for candidate, similarity, in_window in zip(candidates, similarities[:count], similarities[count:], strict=True):
            candidate.similarity = float(similarity)
            candidate.window_similarity = float(in_window)
            unmet = first_unmet_pin(question, candidate, matcher)
            if unmet is not None:
                candidate.pin, candidate.rejected = unmet
            else:
                candidate.coverage = _coverage(candidate, matcher)
                candidate.counts_instead = figure_of_another_thing(question, candidate, matcher)
        met_pins = [c for c in candidates if c.rejected is None]
        best_score = max((c.score for c in met_pins), default=0.0)
        aligned = self._alignments(question, met_pins)
        for candidate in met_pins:
            candidate.features = candidate_features(question, candidate, matcher, best_score, aligned.get(id(candidate)))
            candidate.rejected = self._judged(question, candidate, matcher)
        articles = {c.metadata.get("doc_id") for c in met_pins}
        for candidate in candidates:
            if candidate.pin is not None and candidate.metadata.get("doc_id") in articles \
                    and rival_in_article(question, candidate, matcher):
                # Judged too, for the confidence that orders and admits sides, so that it may be a rival side
                # (`answer_time_sides`); it keeps its pin and its rejection, never answers.
                candidate.coverage = _coverage(candidate, matcher)
                candidate.features = candidate_features(question, candidate, matcher, best_score)
                self._judged(question, candidate, matcher)
        return candidates

    def _alignments(self, question: Question, met_pins: list[Candidate]) -> dict[int, Alignment]:
        """The contextual word alignment (`newsdesk.answer.alignment`) of the `ALIGNED_CANDIDATES` best-scored
        sentences to the question, by ``id`` of the candidate; empty when the embedder has no word vectors, or when
        the judge gives the alignment no weight (a forward pass saved) unless ``align_words`` asks for it."""
        wanted = self.align_words
        if wanted is None:
            wanted = self.settings.answer_judge and load_judge().weighs(ALIGNMENT_FEATURES)
        if not wanted:
            return {}
        best = sorted(met_pins, key=lambda c: (-c.score, c.rank, c.start))[:ALIGNED_CANDIDATES]
        found = alignments(self.embedder, question.text, [c.text for c in best],
                           [str(c.metadata.get("title") or "") for c in best])
        if found is None:  # the embedder has no word vectors
            return {}
        return {id(c): a for c, a in zip(best, found, strict=True) if a is not None}

    def counted_alike(self, a: str, b: str) -> float:
        """How alike the words around two sentences' figures are: the best cosine between their figure windows."""
        left, right = figure_windows(a), figure_windows(b)
        if not left or not right:
            return 0.0
        vectors = self.embedder.embed([*left, *right])
        return float(np.max(vectors[:len(left)] @ vectors[len(left):].T))

    def _judged(self, question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
        """The fitted judge's verdict (`newsdesk.answer.judge`), or the hand-set thresholds when it is off."""
        if not self.settings.answer_judge or candidate.features is None:
            return self._weak(question, candidate, matcher)
        judge = load_judge()
        threshold = self._threshold()
        candidate.confidence = judge.probability(candidate.features)
        if candidate.confidence < threshold:
            return f"judged {candidate.confidence:.2f} likely right, below {threshold:.2f}"
        return None

    def _threshold(self) -> float:
        """The judge's threshold, or the one ``Settings.judge_threshold`` sets."""
        return load_judge().threshold if self.settings.judge_threshold is None else self.settings.judge_threshold

    def _weak(self, question: Question, candidate: Candidate, matcher: TermMatcher) -> str | None:
        if candidate.similarity < self.settings.min_similarity and not question.only_names:
            return f"similarity {candidate.similarity:.2f} below {self.settings.min_similarity}"
        if candidate.coverage < self.settings.min_coverage:
            return f"meets {candidate.coverage:.0%} of the question's terms"
        if candidate.score < self.settings.min_score:
            return f"score {candidate.score:.2f} below {self.settings.min_score}"
        if not matcher.meets_a_common_term(candidate.text):
            return "meets the question's names but not what it asks about them"
        return None

    def _dispute_answers(self, dispute: Dispute, candidates: list[Candidate], question: Question) -> bool:
        """A dispute retrieval brought along answers unless the best passing sentence is from an article none of its
        claims comes from: then the question is about another story ("how many people were sent to help?" is
        not answered by a dispute over how many homes were flooded). A sentence planted for a language model does not
        count: it must not displace a dispute by ranking high on the question's words. Nor does it answer when
        another detail of its article is asked (`_beside_the_dispute`)."""
        passing = [c for c in candidates if c.rejected is None]
        best = self._best([c for c in passing if not addresses_an_assistant(c.text)])
        if (best is not None and best.metadata["doc_id"] not in {claim.doc_id for claim in dispute.claims}
                and not _restates_a_side(best, dispute)):
            return False
        if _beside_the_dispute(dispute, candidates, typed_answers(question, passing), question):
            return False
        if asks_one_ledger_side(question, dispute, candidates):
            return False  # "How many jobs does the union say will go?": the union's figure (round 14)
        # A side whose figure is for another year than the one asked is no rival ("900,000 tourists in 2023").
        return sum(1 for side in dispute.sides if not another_period(question, "", side.latest.quote)) >= 2

    def _rank_score(self, candidate: Candidate) -> float | None:
        """The fitted ranker's score when the judge is on and the candidate was judged, else None."""
        ranker = load_judge() if self.settings.answer_judge else None
        if ranker is not None and ranker.rank_weights and candidate.features is not None:
            return ranker.rank_score(candidate.features)
        return None

    def _order(self, candidate: Candidate) -> tuple[float, int, int]:
        """Sort key, best first: the fitted ranker's score when the judge is on, else half similarity, half coverage."""
        return -self._strength(candidate), candidate.rank, candidate.start

    def _strength(self, candidate: Candidate) -> float:
        """Higher for a sentence more likely to answer: the ranker's score, else half similarity, half coverage."""
        ranked = self._rank_score(candidate)
        return candidate.score if ranked is None else ranked

    def _near(self, best: Candidate, other: Candidate, margin: float | None = None) -> bool:
        """``other`` is nearly as likely to answer as ``best``: within ``margin`` (else `_RANK_MARGIN`) of its
        ranker score, or without the ranker, at least `_SCORE_SHARE` of its score."""
        best_ranked, other_ranked = self._rank_score(best), self._rank_score(other)
        if best_ranked is not None and other_ranked is not None:
            return other_ranked >= best_ranked - (_RANK_MARGIN if margin is None else margin)
        return other.score >= best.score * _SCORE_SHARE

    def _best(self, candidates: list[Candidate]) -> Candidate | None:
        return min(candidates, key=self._order, default=None)

    def _withheld(self, question: Question, passing: list[Candidate]) -> Candidate | None:
        """The sentence saying the asked fact was not given, when it is the best passing sentence by rank or by
        the judge's confidence: "has not said how much it wants" outweighs an older figure beside it."""
        surest = max(passing, key=lambda c: c.confidence or 0.0, default=None)
        best = self._best(passing)
        # Round 14 (`types14`): a fact of another kind withheld is no reason to refuse (`refuses_for`).
        found = first_withheld(best, surest, lambda c: refuses_for(question, c.text))
        if found is not None or best is None or question.kind in _GIVEN_IN_PLACE:
            return found
        # The sentence after the best one says what is asked was not given (`withheld_after`): "They met for talks
        # on Thursday." "Neither side has said what was agreed."
        return next((c for c in passing if follows(best, c) and withheld_after(question, best.text, c.text)), None)

    def _gives_the_answer(self, ranked: list[Candidate], question: Question) -> Candidate:
        """The best sentence, or when it does not give the answer asked (`gives_the_answer`), the first one
        nearly as good that does."""
        best = ranked[0]
        if gives_the_answer(question, best.text, best.claimant):
            return best
        return next((c for c in ranked[1:] if self._near(best, c) and gives_the_answer(question, c.text, c.claimant)), best)

    def _attributed(self, best: Candidate, ranked: list[Candidate], question: Question) -> Candidate:
        """The best sentence, or one nearly as good (`_near`) that gives the answer and says who said it where the
        best one does not (round 12, `attrib12`): said by the source the question asks for ("according to the
        union", "what do the farmers say": `sources.said_by`) when the best is another source's, or the same figure
        with its source (`sources.attributed_restatement`) when the best gives it without one."""
        asked = question.claimed_by if question.claimed_by and not names_a_figure(question.claimed_by) else ()
        if asked and not said_by(asked, best):
            wanted: Callable[[Candidate], bool] = lambda c: said_by(asked, c)
        elif not asked and best.claimant is None:
            wanted = lambda c: attributed_restatement(best, c)
        else:
            return best
        return next((c for c in ranked if c is not best and self._near(best, c) and wanted(c)
                     and gives_the_answer(question, c.text, c.claimant)), best)

    def _choose(self, passing: list[Candidate], question: Question, sides: list[Candidate] | None = None) -> list[Candidate]:
        """The best sentence, then more while the answer stays within ``max_answer_chars``: a second one when it is
        nearly as good and adds something, or follows it in the article, or when it is another claimant's side of
        what is asked (a figure of its own, or its view on a yes/no question) (`_seconds`); for a question asking
        for a judgement, other sources' views (`_with_other_views`); then further sentences that fill the room left
        (`_fills`), up to `MOST_SENTENCES`, each whole or else by the clauses that fit (`_cut_to_fit`). ``sides``
        are sentences that meet the pins and the type but not the judge."""
        if not passing:
            return []
        # A headline restates the story in brief; the article's own sentence says it fully.
        top = self._best(passing)
        passing = [c for c in passing if c.text != c.metadata.get("title")] or passing
        ranked = _said_fully(top, sorted(passing, key=self._order))
        best = self._attributed(self._gives_the_answer(ranked, question), ranked, question)
        chosen = [best]
        # A sentence counting another toll than the one asked answers nothing of it, beside the best one either.
        others = sorted({id(c): c for c in [*ranked, *(sides or [])]
                         if c is not best and not another_toll_event(question, c.text)}.values(), key=self._order)
        for cut in (False, True):
            second = self._first_fitted(
                (other for position, other in enumerate(others[:_SIDE_DEPTH], start=1)
                 if self._seconds(best, other, passing, question, position)),
                lambda other: self._fitted(chosen, other, question, cut),
            )
            if second is not None:
                chosen.append(second)
                break
        if asks_judgement(question):
            # Other sources' views follow the second sentence (`_with_other_views`), before more of the same.
            chosen[:] = self._with_other_views(chosen, others, question)
        self._fill(chosen, others, question, lambda other: self._fills(best, other, passing))
        return chosen

    def _fill(self, chosen: list[Candidate], others: list[Candidate], question: Question,
              may_fill: Callable[[Candidate], bool]) -> None:
        """Append to ``chosen`` (in place) the first `FILL_DEPTH` of ``others`` (ranked) that ``may_fill`` admits, each
        whole while one fits, then by the clauses that fit (`_fitted`), up to `MOST_SENTENCES`. Round 18
        (`clause18`): the room goes to the value asked first, those holding a value of the kind the question asks
        for (`composing.holds_the_kind`: a figure for "how many", a date for "when", a name, a reason) whole or cut
        before the rest; a filler that only restates the story took the room of the sentence with the value."""
        ranked = [other for other in others[:FILL_DEPTH] if other not in chosen and may_fill(other)]
        holding = [other for other in ranked if holds_the_kind(question, other.text, other.claimant)]
        for group in (holding, [other for other in ranked if other not in holding]):
            for cut in (False, True):
                for other in group:
                    if len(chosen) >= MOST_SENTENCES:
                        return
                    if other in chosen:
                        continue
                    filler = self._fitted(chosen, other, question, cut)
                    if filler is not None:
                        chosen.append(filler)

    def _fitted(self, chosen: list[Candidate], other: Candidate, question: Question, cut: bool) -> Candidate | None:
        """``other`` as it fits after the ``chosen`` sentences (whole, or with ``cut`` by its clauses), or None: not
        when it overlaps or repeats one of them or addresses an assistant."""
        if any(overlaps(c, other) or near_duplicate(c, other) for c in chosen) or addresses_an_assistant(other.text):
            return None
        if not cut:
            limit = self.settings.max_answer_chars
            return other if answer_length([*chosen, other], question, limit) <= limit else None
        return self._cut_to_fit(chosen, other, question)

    def _with_what_is_left(self, chosen: list[Candidate], answering: list[Candidate], question: Question) -> list[Candidate]:
        """The room the answer still has once every other step chose its sentences (the best, the close ones, the
        caveat, the answer in place, the parts) goes to the next ranked sentences that may answer, of an article the
        answer already quotes (an article it does not quote would bring a story the user did not ask about: "What is
        the answer to every question?" against a planted instruction got a war report's sentence beside it), that
        the judge found nearly likely enough (`_fills_what_is_left`), up to `MOST_SENTENCES`. Last, so that it
        takes only room no other step wanted: "who coaches the winners?" still gets the coach of the best one's
        article beside the role asked, not a look-alike final's coach that came first. ``answering`` are the sentences
        that may answer or be a side, for a follow-up only those of the conversation's story
        (`in_the_conversations_story`): "how did its shares do?" after a question naming one company is not filled
        with a look-alike company's shares."""
        best = chosen[0]
        ranked = [c for c in {id(c): c for c in answering}.values()
                  if c.text != c.metadata.get("title") and not another_toll_event(question, c.text)
                  and any(same_article(c, quoted) for quoted in chosen)]
        others = sorted((c for c in ranked if c is not best), key=self._order)
        kept = list(chosen)
        self._fill(kept, others, question, self._fills_what_is_left)
        return kept

    @staticmethod
    def _first_fitted(options: Iterable[Candidate], fit: Callable[[Candidate], Candidate | None]) -> Candidate | None:
        return next((fitting for fitting in map(fit, options) if fitting is not None), None)

    def _cut_to_fit(self, chosen: list[Candidate], other: Candidate, question: Question) -> Candidate | None:
        """``other`` quoted by its clauses that answer (`composing.clause_run`, a copy with `Candidate.most_chars`)
        when they fit after ``chosen`` and the whole sentence does not, in a room of at least `_LEAST_PIECE`
        characters, or (round 18, `clause18`) in less when the piece holds a value of the kind asked
        (`composing.holds_the_kind`: "and the work will cost 3.8 million pounds"); a piece holding none never of
        fewer than `_LEAST_PIECE_WORDS` words, which says nothing ("The harbour master"); else None. Round 18 review
        (`fixa18`): the floor refused pieces that hold the value asked ("opens in 2027,", "is Ann Lee,"). A copy,
        because the same candidate may be quoted whole as a dispute side or a latest figure. Tried only after every
        whole sentence: of a long lead ("LONDON, May 2 - A grocer has agreed to buy a dairy for 3 billion crowns in
        cash, the two companies said, ending ...") the clause with the price asked fits beside the best sentence."""
        limit = self.settings.max_answer_chars
        room = len(other.text) - (answer_length([*chosen, other], question, limit) - limit)
        span = clause_run(other.text, question, room, other.claimant) if room > 0 else None
        if span is None:
            return None
        piece = other.text[span[0]:span[1]]
        held = holds_the_kind(question, piece, other.claimant)
        if not held and (len(tokens(piece)) < _LEAST_PIECE_WORDS or room < _LEAST_PIECE):
            return None
        cut = replace(other, most_chars=room)
        return cut if answer_length([*chosen, cut], question, limit) <= limit else None

    def _seconds(self, best: Candidate, other: Candidate, passing: list[Candidate], question: Question, position: int) -> bool:
        """``other`` (at ``position`` among the ranked rest) may be the second sentence: one of the next two that
        is close to the best (`_close`), or another claimant's side of what is asked among the next `_SIDE_DEPTH`."""
        return (position <= 2 and self._close(best, other, passing)) or other_side(best, other, question)

    def _fills(self, best: Candidate, other: Candidate, passing: list[Candidate]) -> bool:
        """``other`` may fill the room the answer has left after its second sentence: it is close to the best
        (`_close`), or passing within the wider `_FILL_MARGIN` of its ranker score, or a sentence of the best one's
        article the judge found at least `_FILL_SHARE` of its threshold likely to answer. On unseen writers the
        sentence that answers is often the third one, after two that restate the story, and often just under the
        threshold ("A man in his seventies was killed ..." after the storm's lead)."""
        if self._close(best, other, passing) or (other in passing and self._near(best, other, _FILL_MARGIN)):
            return True
        return (same_article(other, best) and other.confidence is not None
                and other.confidence >= _FILL_SHARE * self._threshold())

    def _fills_what_is_left(self, other: Candidate) -> bool:
        """``other`` may fill the room the answer still has once every other step chose (`_with_what_is_left`): a
        judged sentence that the judge found at least `_LEFT_SHARE` of its threshold likely to answer. The sentence
        that answers is often next in the ranker's order though the judge weighs it under its threshold (a later
        detail of the article, or of a look-alike's article the answer already quotes); it takes only room no closer
        sentence wanted, so no sentence chosen gives way to it, and it never turns a refusal into an answer (round 13,
        `choice13`)."""
        return other.confidence is not None and other.confidence >= _LEFT_SHARE * self._threshold()

    def _close(self, best: Candidate, other: Candidate, passing: list[Candidate]) -> bool:
        """The next passing sentence of the same article, or one nearly as likely to answer (`_near`) from another:
        a weaker sentence of an unrelated page is not added. The sentence right after the best one may finish what
        it says ("The nurses want a 9 percent rise." "The hospital has offered 3 percent."): it is close when it
        meets the pins and the type even if the judge would not answer with it alone."""
        in_article = same_article(other, best)
        return (other in passing and (in_article or self._near(best, other))) or (in_article and follows(best, other))

    def _with_other_views(self, chosen: list[Candidate], others: list[Candidate], question: Question) -> list[Candidate]:
        """For a question asking for a judgement, the views of other sources (`other_side`) among the next
        `_VIEW_DEPTH` sentences, one sentence each, after the chosen ones while the answer stays within
        ``max_answer_chars`` and `_MOST_VIEWS` sentences (nothing chosen gives way: a second sentence often holds
        what is asked): "the minister says the tram will bring customers" is half the answer when the traders'
        guild says the works will drive them away."""
        best, limit = chosen[0], self.settings.max_answer_chars
        views: list[Candidate] = []
        for other in others[:_VIEW_DEPTH]:
            if len(chosen) + len(views) >= _MOST_VIEWS:
                break
            if other in chosen or not other_side(best, other, question) or addresses_an_assistant(other.text):
                continue
            if any(overlaps(c, other) or near_duplicate(c, other) or not another_source(c, other) for c in [*chosen, *views]):
                continue
            if answer_length([*chosen, *views, other], question, limit) <= limit:
                views.append(other)
        return [*chosen, *views]


def _coverage(candidate: Candidate, matcher: TermMatcher) -> float:
    """How much of the question's terms the sentence and its claimant meet (`TermMatcher.coverage`)."""
    return matcher.coverage(" ".join(filter(None, (candidate.text, candidate.claimant))))


def _may_be_added(question: Question, candidate: Candidate, quoted: list[Candidate]) -> bool:
    """``candidate`` may join the sentences already ``quoted`` for ``question`` (`_with_answer_in_place`, `_part_answer`)
    whatever the judge's threshold: it was judged and counts what is asked, stands in an article already quoted without
    repeating one of its sentences, gives the kind asked without withholding it, and is not addressed to an assistant."""
    return (candidate.features is not None and candidate.counts_instead is None
            and any(same_article(candidate, k) for k in quoted)
            and not any(overlaps(candidate, k) or near_duplicate(candidate, k) for k in quoted)
            and type_met(question, candidate.text, candidate.claimant) and not withholds_answer(question, candidate.text)
            and not addresses_an_assistant(candidate.text))


def _said_fully(top: Candidate | None, ranked: list[Candidate]) -> list[Candidate]:
    """``ranked`` with the sentence that says the headline fully first, when the headline ``top`` was the likeliest
    answer: the first sentence of its article that gives its figures, rounded ("Nearly 500 soldiers dead" / "498 of its
    soldiers had died", `roughly_the_same`), not the next-ranked one ("2,870 Ukrainian soldiers ... 3,700 wounded")."""
    if top is None or top in ranked:
        return ranked
    full = next((c for c in ranked if same_article(c, top) and roughly_the_same(top.text, c.text)), None)
    return ranked if full is None else [full, *(c for c in ranked if c is not full)]


def typed_answers(question: Question, passing: list[Candidate]) -> list[Candidate]:
    """The passing sentences that may answer: they give the kind asked (`type_met`), withhold nothing
    (`withholds_answer`) and count what is asked, not another toll ("6,000 soldiers have been killed" for "how many
    were wounded", `another_toll_event`)."""
    return [c for c in passing if type_met(question, c.text, c.claimant) and not withholds_answer(question, c.text)
            and c.counts_instead is None and not another_toll_event(question, c.text)]


def in_the_conversations_story(question: Question, typed: list[Candidate],
                               candidates: list[Candidate]) -> list[Candidate]:
    """For a follow-up, the sentences of ``typed`` whose article (`article_texts` of all the ``candidates``: headline,
    lead and retrieved passages) meets the most of the names the earlier turns gave (`conversation_names`); none when
    no article of ``typed`` meets one of them (then the answerer refuses); all of ``typed`` when the earlier turns
    named nothing. "How many jobs will the merger of two named firms cost?" then "Why is the union's number
    higher?": the answer comes from the merger's article, not from another story's union, though the follow-up's
    own words fit both; and when only other stories' sentences pass, they answer about another story. The names
    meet the article, not the sentence: a later sentence says "the union", not the name."""
    names = conversation_names(question)
    if not names or not typed:
        return typed
    texts = article_texts(candidates)
    met = {doc_id: sum(entity_met(name, texts.get(doc_id, "")) for name in names)
           for doc_id in {str(c.metadata.get("doc_id")) for c in typed}}
    most = max(met.values())
    return [c for c in typed if met[str(c.metadata.get("doc_id"))] == most] if most else []


def conversation_names(question: Question) -> set[tuple[str, ...]]:
    """What a follow-up's earlier turns named (`Question.soft_entities`), but a month or weekday alone: "on Monday"
    dates what was asked, it does not name the story."""
    if not question.follow_up:
        return set()
    return {name for name in question.soft_entities if not all(word.lower() in CALENDAR_WORDS for word in name)}


def _beside_the_dispute(dispute: Dispute, candidates: list[Candidate], typed: list[Candidate], question: Question) -> bool:
    """The question asks another detail than the dispute's: no side's sentence among the candidates meets the pins
    and passes the judge, while a sentence that is no side's does and gives the kind asked. "How many people live
    in the town?" is not answered by the dispute over how many of them lose their jobs at its plant. Not when the
    question names what happened to what it counts (`Question.event`: "how many people joined the march?"): the
    sides may say it in other words ("took part") that the judge weighs low, and the retrieval found the dispute
    about it (two crowd disputes of the develop files were lost without this condition, docs/evaluation.md round 9
    `choice9`)."""
    if question.event:
        return False
    sides = [c for c in candidates if any(_quotes(claim, c) for claim in dispute.claims)]
    side_ids = {id(c) for c in sides}
    answered = [c for c in sides if c.rejected is None or _judged_rival(c)]
    return bool(sides) and not answered and any(id(c) not in side_ids for c in typed)


def _restates_a_side(candidate: Candidate, dispute: Dispute) -> bool:
    """``candidate``, of another article, tells a side's own figure again: the same value, given to that side's own
    claimant (`_told_by`), of what the dispute counts (its counted noun or event). Then it is the same story retold
    ("a vigil last month that the tenants' group says drew 900 people" beside the report of the vigil, 900 against
    the police's 300), and the dispute still answers (round 19). An equal number said by someone else about
    something else ("a burst water main flooded 40 homes in Corby Street, the council said") is another story."""
    if dispute.kind != "figure":
        return False
    given = set(figure_values(candidate.text))
    words = {stem(w.text) for w in tokens(candidate.text)}
    return any(side.latest.value in given and _told_by(side.claimant, candidate, words)
               and _counts_what_is_disputed(side.latest, words)
               for side in dispute.sides if side.latest.value is not None)


def _told_by(claimant: str, candidate: Candidate, words: set[str]) -> bool:
    """The candidate's sentence gives its figure to ``claimant``: its own claimant is that source (`one_source`), or it
    names it (the claimant's last word, "the group" of "the Quellby Tenants' Group")."""
    if candidate.claimant and one_source(candidate.claimant, claimant):
        return True
    named = [stem(w.text) for w in tokens(claimant) if w.lower not in STOPWORDS and w.text.isalpha()]
    return bool(named) and any(stems_match(named[-1], word) for word in words)


def _counts_what_is_disputed(claim: Claim, words: set[str]) -> bool:
    """The sentence says what the side's claim counts: its counted noun or its event (stems)."""
    key = claim.subject_key
    said = {stem(claim.unit or "")} | ({key.head, key.event, stem(key.event)} if key else set())
    return any(stems_match(s, word) for s in said - {""} for word in words)


def _judged_rival(candidate: Candidate) -> bool:
    """A side's sentence judged despite a pin a rival side may miss (`dispute_answer.rival_in_article`: "190
    passengers and crew were on board, but the survivors' association said at least 230 people had boarded", which
    does not repeat the ferry's name) with the confidence a side needs: the dispute is about what was asked (round 11)."""
    return candidate.pin is not None and candidate.features is not None and (candidate.confidence or 0.0) >= SIDE_MIN_CONFIDENCE


def _quotes(claim: Claim, candidate: Candidate) -> bool:
    """``candidate`` is the sentence ``claim`` was read from (their spans of one article overlap)."""
    return claim.doc_id == candidate.metadata.get("doc_id") and claim.start < candidate.end and candidate.start < claim.end


def judged_sides(question: Question, candidates: list[Candidate]) -> list[Candidate]:
    """The judged sentences that give the kind asked and withhold nothing: another claimant's side may be one the
    judge would not answer with alone."""
    return [c for c in candidates if c.features is not None and type_met(question, c.text, c.claimant)
            and not withholds_answer(question, c.text)]


def _meets_words(stems: set[str], text: str) -> bool:
    """``text`` holds a word of one of ``stems`` (`stems_match`)."""
    said = {stem(w.text) for w in tokens(text)}
    return any(stems_match(word, other) for word in stems for other in said)


_Sentence = TypeVar("_Sentence")


# A sentence saying what is asked was not given refuses only when it is at least this close (cosine to the question)
# to the likeliest answer's similarity: further away it was as often about another fact of the story (develop, round 11).
WITHHELD_SIMILARITY_MARGIN = 0.1


def withheld_what_is_asked(question: Question, candidates: list[Candidate], passing: list[Candidate]) -> Candidate | None:
    """The sentence most like the question that says what it asks was not given, in so many words
    (`withholds_what_is_asked`), among those that meet every pin whatever the judge made of them (the judge, fitted to
    find answers, rates such sentences low), and those that miss only the name pin right after one that meets them
    all ("He did not say who would replace her."), when it is nearly as like the question as the likeliest answer
    (within `WITHHELD_SIMILARITY_MARGIN` of the best similarity among the sentences that may answer); or None. Round
    11 (`refuse11`)."""
    met = [c for c in candidates if c.features is not None and c.pin is None]
    after = [c for c in candidates if c.pin == "name" and any(follows(m, c) for m in met)]
    answers = typed_answers(question, passing)
    least = max((c.similarity for c in answers), default=0.0) - WITHHELD_SIMILARITY_MARGIN
    found = [c for c in (*met, *after) if c.similarity >= least and withholds_what_is_asked(question, c.text)]
    return max(found, key=lambda c: c.similarity, default=None)


def first_withheld(best: _Sentence | None, surest: _Sentence | None,
                   withholds: Callable[[_Sentence], bool]) -> _Sentence | None:
    """The best passing sentence by rank, else the surest by the judge's confidence, when it says the asked fact
    was not given (the answerer's rule; eval/fit_judge.py replays it on candidate indices)."""
    return next((c for c in (best, surest) if c is not None and withholds(c)), None)


# Question kinds whose answer a sentence gives in place (a figure, a date): a next sentence saying something else
# was not given ("Police declined to comment.") does not withhold it.
_GIVEN_IN_PLACE = ("quantity", "date")
# The ranker's scores are log-odds among one question's sentences: a sentence within this margin of the best is
# at least e^-2 (about 0.14) times as likely to be the one that answers. Without the ranker, a share of the score.
_RANK_MARGIN = 2.0
_SCORE_SHARE = 0.8
# How far down the ranked passing sentences another claimant's side is looked for.
_SIDE_DEPTH = 4
# How far down the ranked sentences a third or fourth sentence is looked for, and the most sentences an answer
# holds (the answer's length, ``max_answer_chars``, binds first: four seldom fit).
FILL_DEPTH = 6
MOST_SENTENCES = 4
# A sentence of the best one's article may fill the room left when the judge found it at least this share of its
# threshold likely to answer (0.05 at judge v18's 0.10; on dev it gained answers on dev2, dev3 and dev4 and lost none).
_FILL_SHARE = 0.5
# A passing sentence of another article may fill the room left within this margin of the best one's ranker score
# (wider than `_RANK_MARGIN`: a filler does not displace the best; 3.0 and 4.0 measured alike on dev).
_FILL_MARGIN = 3.0
# A judged sentence of any article may take the room still left after the sentences close to the best when the judge
# found it at least this share of its threshold likely to answer (round 13, `choice13`; docs/evaluation.md).
_LEFT_SHARE = 0.3
# The least of a sentence quoted beside others when the whole does not fit: shorter pieces seldom keep the answer.
_LEAST_PIECE = 80
# The fewest words of such a piece holding no value of the kind asked (round 18, `clause18`): "The harbour master"
# says nothing; "The strike began on 12 May" does. A piece holding a value of the kind asked may be shorter, and may
# take less room than `_LEAST_PIECE`.
_LEAST_PIECE_WORDS = 4
# How far down the ranked sentences (passing or only pinned) another source's view on a judgement is looked for,
# and the least judged confidence it needs: below it, a sentence of another source in the retrieved passages is
# seldom about what is asked (set on the invented opinion stories, tests/data/opinions/develop).
_VIEW_DEPTH = 6
_VIEW_FLOOR = 0.02
# At most this many sentences in an answer that gives several sources' views.
_MOST_VIEWS = 3


def other_side(best: Candidate, other: Candidate, question: Question) -> bool:
    """``other`` is another claimant's answer to what is asked: its own figure for a "how many" (of what happened:
    "200 possible infections" is no side of "how many have died", `counts_what_happened`), its own view on a question
    asking for a judgement (`asks_judgement`: said by another source, `same_source`, and judged at least
    `_VIEW_FLOOR` likely to answer), or on another yes/no question."""
    if other.claimant is None or (best.claimant is not None and same_claimant(best.claimant, other.claimant)):
        return False
    if question.kind == "quantity":
        features = other.features or {}
        mine, theirs = set(numbers(best.text)), set(numbers(other.text))
        return (bool(theirs) and not theirs <= mine and features.get("figure_about", 1.0) == 1.0
                and features.get("focus_met", 1.0) == 1.0 and not another_toll_event(question, other.text)
                and counts_what_happened(question, other, best))
    if asks_judgement(question):
        return another_source(best, other) and (other.confidence is None or other.confidence >= _VIEW_FLOOR)
    return asks_yes_no(question.text)

