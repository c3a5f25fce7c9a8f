"""Why a disputed question misses a side, or an attributed one misses its claimant: one line per side.

    PYTHONPATH=src python eval/dispute_causes.py --store STORE --set eval/dev2/cases.jsonl [--all]

For every `conflict` case and every case with `claimants` whose answer misses an expected group or a claimant
group, each side (the i-th `expect` group with the i-th `claimants` group and the i-th `evidence` string) is
followed through the answerer: found in the answer; else the sentence holding it (its `evidence` string, else its
expected value) not among the retrieved passages, rejected by a pin (which), judged below the threshold, or
passing and not chosen; and whether the claimant extracted for that sentence names the side's claimant group
(composed alone, as the answerer composes it). Prints the ledger dispute handed to the answerer, if any, and
whether the answer opened with "Sources disagree". Never pass the sealed test split.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from newsdesk.answer.answering import judged_sides, typed_answers
from newsdesk.answer.composing import compose
from newsdesk.assistant import Assistant, Request
from newsdesk.evaluation.scoring import Case, contains, group_found, load_cases
from newsdesk.evaluation.splits import refuse_sealed
from newsdesk.settings import load_settings


def _sides(case: Case) -> list[tuple[list[str] | None, list[str] | None, str | None]]:
    count = max(len(case.expect), len(case.claimants)) if case.conflict else 1
    if not case.conflict:  # one side: every expected group and every claimant group
        return [(None, None, case.evidence[0] if case.evidence else None)]
    pick = lambda items, i: items[i] if i < len(items) else None  # noqa: E731
    def evidence_of(expect: list[str] | None) -> str | None:  # the evidence string that holds the side's value
        return next((e for e in case.evidence if expect and group_found(e, expect)), None)
    return [(pick(case.expect, i), pick(case.claimants, i), evidence_of(pick(case.expect, i))) for i in range(count)]


def side_conditions(assistant: Assistant, question, best, other) -> str:
    """Which of the answer-time side conditions (`dispute_answer`) and the view conditions (`other_side`) ``other``
    meets against the chosen best sentence."""
    from newsdesk.answer import dispute_answer as d
    from newsdesk.answer.answering import other_side
    from newsdesk.answer.sources import same_source
    f = other.features or {}
    alike = assistant.answerer.counted_alike(best.text, other.text)
    checks = {
        "kind": d.asked_value(question),
        "sim": f"{other.similarity:.2f}/{best.similarity:.2f}",
        "same_source": same_source(best, other),
        "same_story": d.same_story(other, best),
        "focus_met": f.get("focus_met"), "event_met": f.get("event_met"), "common_term_met": f.get("common_term_met"),
        "figure_about": f.get("figure_about"),
        "counts_else": d.counts_something_else(question, other.text),
        "alike": f"{alike:.2f}", "owned": d._owned_by_another(other, best),
        "qualifies": d._qualifies_as_side(other, best, question),
        "may_be": d._may_be_a_side(other, best, question),
        "other_side": other_side(best, other, question),
    }
    return " ".join(f"{k}={v}" for k, v in checks.items())


def side_cause(assistant: Assistant, case: Case, answer_text: str, candidates, passages, side, chosen=None, question=None) -> str:
    expect, claimants, evidence = side
    expects = [expect] if expect else ([] if case.conflict else case.expect)
    claimant_groups = [claimants] if claimants else ([] if case.conflict else case.claimants)
    if all(group_found(answer_text, g) for g in [*expects, *claimant_groups]):
        return "ok"
    def holds(text: str) -> bool:
        if evidence:
            return contains(text, evidence)
        return bool(expects) and all(group_found(text, g) for g in expects)
    held = [c for c in candidates if holds(c.text)]
    if not held:
        in_passages = any(holds(p.page_content) for p in passages)
        return "evidence in a passage, not one sentence" if in_passages else "not retrieved"
    best = max(held, key=lambda c: (c.rejected is None, c.features is not None, c.confidence or 0.0))
    limit = assistant.settings.max_answer_chars
    composed, _ = compose([best], assistant.evidence(Request(case.question, history=tuple(case.history))).question, limit)
    named = all(group_found(composed, g) for g in claimant_groups)
    quoted = best.text[:60] in answer_text
    where = (
        "in answer" if quoted else
        f"pin {best.pin}" if best.features is None else
        f"judge {best.confidence or 0:.3f}" if best.rejected else
        f"passing {best.confidence or 0:.3f}, not chosen"
    )
    who = "claimant ok" if named else f"claimant MISSING (extracted {best.claimant!r}, relay {best.relay!r})"
    detail = ""
    if chosen is not None and not quoted and best.features is not None and best is not chosen:
        detail = "\n        " + side_conditions(assistant, question, chosen, best)
    return f"{where}; {who}{detail}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--all", action="store_true", help="also the cases answered with every side and claimant")
    parser.add_argument("--counts", action="store_true",
                        help="print only the table of causes (counts, no case or text): for a held-out file")
    args = parser.parse_args()
    if refuse_sealed(args.sets):
        return 1
    assistant = Assistant(load_settings(store=args.store))
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for case in (c for path in args.sets for c in load_cases(path)):
        if not (case.conflict or case.claimants) or not case.answerable:
            continue
        request = Request(case.question, history=tuple(case.history))
        answer = assistant.ask(request)
        found = [group_found(answer.answer, g) for g in [*case.expect, *case.claimants]]
        if all(found) and not answer.refused and not args.all:
            continue
        retrieved = assistant.evidence(request)
        candidates = assistant.answerer.judge(retrieved.question, retrieved.evidence.passages)
        passing = [c for c in candidates if c.rejected is None]
        q = retrieved.question
        typed = typed_answers(q, passing)
        sides = [c for c in judged_sides(q, candidates) if c.pin is None]
        chosen = assistant.answerer._choose(typed, q, sides)
        best = chosen[0] if chosen else None
        ledger = retrieved.evidence.disputes[0] if retrieved.evidence.disputes else None
        if args.counts:
            for side in _sides(case):  # a case with claimants only (no conflict) is one side
                cause = side_cause(assistant, case, answer.answer, candidates, retrieved.evidence.passages, side, best, q)
                counts[("conflict" if case.conflict else "claimants only",
                        f"ledger dispute {'given' if ledger else 'none'}", "refused" if answer.refused else "answered",
                        _category(cause))] += 1
            continue
        print(f"== {case.id} {'CONFLICT ' if case.conflict else ''}{'REFUSED ' if answer.refused else ''}"
              f"{'disagree-opening ' if answer.answer.startswith('Sources disagree') else ''}"
              f"ledger={'yes: ' + ' | '.join(s.claimant for s in ledger.sides) if ledger else 'no'}")
        print(f"   Q: {case.question}")
        if best is not None:
            print(f"   best: {best.text[:100]!r} conf={best.confidence or 0:.3f} claimant={best.claimant!r}")
        for side in _sides(case):
            print(f"   side {side[0]} / {side[1]}: "
                  f"{side_cause(assistant, case, answer.answer, candidates, retrieved.evidence.passages, side, best, q)}")
    if args.counts:
        print("| case | ledger | answer | side | sides |\n|---|---|---|---|---|")
        for (kind, ledger_given, answered, category), n in sorted(counts.items()):
            print(f"| {kind} | {ledger_given} | {answered} | {category} | {n} |")
    return 0


def _category(cause: str) -> str:
    """A side's cause without what names the case: where it is lost, and whether its claimant is extracted."""
    where = cause.split(";")[0].split("\n")[0]
    where = re.sub(r"judge [\d.]+", "judged below the threshold", where)
    where = re.sub(r"passing [\d.]+, not chosen", "passing, not chosen", where)
    who = "" if "claimant" not in cause else ("; claimant missing" if "MISSING" in cause else "; claimant extracted")
    return where + who


if __name__ == "__main__":
    sys.exit(main())
