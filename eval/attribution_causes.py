"""Why an answered case misses a claimant group: one line per missed group, from a saved eval run.

    PYTHONPATH=src python eval/attribution_causes.py --store STORE --run EVAL.json [--set NAME] [--show]

EVAL.json is the output of `newsdesk eval --json` (side by side or one set). For every answered case with
`claimants` whose answer misses a claimant group, the group's sentence (the `evidence` string that holds the
side's expected value, else every evidence string) is looked for among the answer's citations:

- `not cited`: no citation holds the evidence (the answerer chose another sentence: another lane's miss);
- `no claimant`: the sentence is cited but attribution found no claimant for it;
- `other form`: a claimant was found, but its label does not name the group in a form the case accepts;
- `left out`: the label names the group, but the composed answer does not (the composer left the lead-in out).

`--show` prints each case's cited sentence with the two sentences before it. Never pass the sealed test split.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from newsdesk.evaluation.scoring import contains, group_found
from newsdesk.evaluation.splits import refuse_sealed

_WORD = re.compile(r"\w+")


def _holds(quote: str, evidence: str) -> bool:
    """The quote holds the evidence string, or most of its words (a clause cut from it)."""
    if contains(quote, evidence) or contains(evidence, quote):
        return True
    wanted = set(_WORD.findall(evidence.lower()))
    return bool(wanted) and len(wanted & set(_WORD.findall(quote.lower()))) >= 0.7 * len(wanted)


def _case_lines(cases_path: Path) -> dict[str, dict[str, Any]]:
    return {json.loads(line)["id"]: json.loads(line) for line in cases_path.read_text().splitlines() if line.strip()}


def causes(result: dict[str, Any], case: dict[str, Any]) -> list[tuple[str, list[str], dict[str, Any] | None]]:
    """(cause, group, the citation of the group's sentence) for each claimant group the answer misses."""
    answer = result["answer"]
    out = []
    for index, (group, found) in enumerate(zip(case.get("claimants", []), result["claimants_found"], strict=True)):
        if found:
            continue
        group = [group] if isinstance(group, str) else group
        expect = case.get("expect", [])
        side = expect[index] if case.get("conflict") and index < len(expect) else None
        side = [side] if isinstance(side, str) else side
        evidence = [e for e in case.get("evidence", []) if side and group_found(e, side)] or case.get("evidence", [])
        cited = next((c for c in answer.get("citations", []) if any(_holds(c["quote"], e) for e in evidence)), None)
        if cited is None:
            out.append(("not cited", group, None))
        elif not cited.get("claimant"):
            out.append(("no claimant", group, cited))
        elif not group_found(cited["claimant"], group):
            out.append(("other form", group, cited))
        else:
            out.append(("left out", group, cited))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True)
    parser.add_argument("--run", required=True, type=Path)
    parser.add_argument("--set", dest="only", default=None, help="only this set of a side-by-side run")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    data = json.loads(args.run.read_text())
    runs = data["sets"] if "sets" in data else {"set": data}
    paths = [Path(p.strip()) for run in runs.values() for p in run["set"].split(",")]
    if refuse_sealed(paths):
        sys.exit(2)
    cases: dict[str, dict[str, Any]] = {}
    for path in paths:
        cases.update(_case_lines(path))
    body_of = None
    if args.show:
        from newsdesk.assistant import Assistant
        from newsdesk.evaluation.runner import BodyCache
        from newsdesk.settings import load_settings

        body_of = BodyCache(Assistant(load_settings(store=args.store)))
    tally: Counter[str] = Counter()
    for name, run in runs.items():
        if args.only and name != args.only:
            continue
        for result in run["results"]:
            case = cases[result["id"]]
            if not case.get("claimants"):
                continue
            if result["refused"]:
                tally["refused"] += sum(1 for _ in case["claimants"])
                continue
            tally["named"] += sum(result["claimants_found"])
            for cause, group, cited in causes(result, case):
                tally[cause] += 1
                print(f"{name:5} {result['id']:40} {cause:12} want {'/'.join(group)!r}  got {cited and cited.get('claimant')!r}")
                if args.show and cited is not None and body_of is not None:
                    body = body_of(cited["doc_id"]) or ""
                    before = body[max(0, cited["start"] - 400):cited["start"]].replace("\n", " ")
                    print(f"      before: …{before}")
                    print(f"      quote : {cited['quote']}")
                    print(f"      answer: {result['answer']['answer'][:400]}")
    print(dict(tally))


if __name__ == "__main__":
    main()
