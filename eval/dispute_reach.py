"""How far a stored dispute gets toward the answer of each conflict case: a table of counts by stage.

    python eval/dispute_reach.py --store STORE --set eval/dev2/cases.jsonl ... [--cases] [--counts]

For every answerable `conflict` case: whether the answer is covered (not refused, every expected and claimant group
found), and the stage at which the stored dispute for it stops. The dispute *for* a case is the stored dispute
(`ledger_disputes`) with a claim in the sentence of the most of the case's sides (a side: its `evidence` string, or
failing that its expected group, in the claim's sentence); with fewer than two such sides, "no dispute stored", with
whether the ledger read a claim for two sides (then grouping missed them) or not (extraction did).
Otherwise the first of `disputes_for`'s steps that drops it: another kind than the question asks, no claim in a
retrieved passage (with "claim in a retrieved article" when one is in an article a passage comes from), narrowed
away to the retrieved articles or to the kind of figure asked, not `touches`, asks one side, outranked by another
dispute; else offered, and then whether the answerer declined it (`_dispute_answers`) or answered with it.
``--counts`` prints only the table (no case text): for a held-out file. Never pass the sealed test split.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from newsdesk.answer.answer_types import asks_figure_type
from newsdesk.assistant import Assistant, Request
from newsdesk.claims import conflicts as cf
from newsdesk.evaluation.scoring import Case, contains, group_found, load_cases
from newsdesk.evaluation.splits import refuse_sealed
from newsdesk.settings import load_settings


def _side_of(case: Case, sentence: str) -> int | None:
    """The side of ``case`` a claim's sentence holds: its evidence string, else its expected group."""
    for i, group in enumerate(case.expect):
        evidence = next((e for e in case.evidence if group_found(e, group)), None)
        if evidence is not None and contains(sentence, evidence):
            return i
    for i, group in enumerate(case.expect):
        if group_found(sentence, group) and any(_overlap(sentence, e) >= 0.6 for e in case.evidence):
            return i
    return None


def _overlap(sentence: str, evidence: str) -> float:
    words = set(evidence.lower().split())
    return len(words & set(sentence.lower().split())) / max(1, len(words))


_BODIES: dict[str, str] = {}  # article bodies by document, read once a run


def stage(assistant: Assistant, case: Case) -> tuple[bool, str, str]:
    request = Request(case.question, history=tuple(case.history))
    answer = assistant.ask(request)
    covered = (not answer.refused and all(group_found(answer.answer, g) for g in case.expect)
               and all(group_found(answer.answer, g) for g in case.claimants))
    retrieved = assistant.evidence(request)
    question, passages = retrieved.question, retrieved.evidence.passages
    ledger = assistant.ledger()
    bodies = _BODIES

    def sentence_of(claim) -> str:
        if claim.doc_id not in bodies:
            bodies[claim.doc_id] = assistant.article(claim.doc_id).body
        start, end = claim.sentence if claim.sentence != (0, 0) else (claim.start, claim.end)
        return bodies[claim.doc_id][start:end]

    best, best_sides = None, set()
    for dispute in cf.ledger_disputes(ledger):
        sides = {s for c in dispute.claims if (s := _side_of(case, sentence_of(c))) is not None}
        if len(sides) > len(best_sides):
            best, best_sides = dispute, sides
    offered = retrieved.evidence.disputes[0] if retrieved.evidence.disputes else None
    detail = f"offered={offered.subject if offered else None}"
    if best is None or len(best_sides) < 2:
        read = {s for entry in ledger.documents.values() for c in entry.claims if (s := _side_of(case, sentence_of(c))) is not None}
        why = "sides' claims read, not grouped" if len(read) >= 2 else "a side's claim not read"
        return covered, f"no dispute stored: {why}", detail
    detail = f"dispute={best.subject} sides={len(best_sides)}/{len(case.expect)} " + detail
    if offered is not None and offered.subject == best.subject:
        used = answer.answer.startswith("Sources disagree") or bool(answer.disputes)
        return covered, "offered, answered with it" if used else "offered, answerer declined", detail
    kind = ("figure" if question.kind == "quantity" or asks_figure_type(question.text) or cf.asks_for_a_figure(question)
            else "statement")
    if question.empty or not passages or question.kind == "date":
        return covered, "question kind date", detail
    if best.kind != kind:
        return covered, f"asked {kind}, dispute {best.kind}", detail
    in_passages = cf._claims_in(passages, ledger)
    if not any(c.id in in_passages for c in best.claims):
        docs = {str(p.metadata.get("doc_id")) for p in passages}
        where = "claim in a retrieved article" if any(c.doc_id in docs for c in best.claims) else "no claim's article retrieved"
        return covered, f"not in a retrieved passage: {where}", detail
    about = cf._about_the_question(question, passages)
    naming = cf._passages_naming(question, about) if question.entities else []
    narrowed = cf._within(best, about)
    if narrowed is None:
        return covered, "narrowed away: articles", detail
    narrowed = cf._of_the_kind_asked(narrowed, question)
    if narrowed is None:
        return covered, "narrowed away: kind of figure", detail
    if not cf.touches(question, narrowed, naming):
        return covered, "not touches", detail
    if cf._asks_one_side(question, narrowed):
        return covered, "asks one side", detail
    return covered, "outranked by another dispute", detail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--cases", action="store_true", help="print every case with its stage")
    parser.add_argument("--counts", action="store_true", help="only the table: for a held-out file")
    args = parser.parse_args()
    if refuse_sealed(args.sets):
        return 1
    assistant = Assistant(load_settings(store=args.store))
    counts: Counter[tuple[str, bool]] = Counter()
    for path in args.sets:
        for case in load_cases(path):
            if not (case.conflict and case.answerable):
                continue
            covered, where, detail = stage(assistant, case)
            counts[(where, covered)] += 1
            if args.cases and not args.counts:
                print(json.dumps({"id": case.id, "covered": covered, "stage": where, "detail": detail,
                                  "question": case.question}, ensure_ascii=False))
    print("| stage | covered | not covered |\n|---|---|---|")
    for where in sorted({w for w, _ in counts}):
        print(f"| {where} | {counts[(where, True)]} | {counts[(where, False)]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
