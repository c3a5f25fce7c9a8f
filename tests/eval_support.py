"""One run of the shipped eval set per test session, shared by the eval tests.

Asking 78 questions takes about a minute, so the floors test, the
independent-scorer test and the sabotage test read the same run instead of
asking again. (A session fixture in conftest.py would do the same; a helper
module keeps this issue's tests out of the shared conftest.)
"""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.assistant import Assistant
from newsdesk.evaluation.runner import EvalRun, evaluate
from newsdesk.evaluation.scoring import load_cases

REPO = Path(__file__).resolve().parent.parent
SHIPPED_SET = REPO / "eval" / "cases.jsonl"
FLOORS = REPO / "eval" / "floors.json"
SCORER = REPO / "eval" / "score.py"

_runs: dict[int, EvalRun] = {}


def shipped_run(assistant: Assistant) -> EvalRun:
    """The shipped eval set asked through ``assistant``'s chain, once per assistant."""
    if id(assistant) not in _runs:
        _runs[id(assistant)] = evaluate(assistant, load_cases(SHIPPED_SET), SHIPPED_SET)
    return _runs[id(assistant)]


def write_batch_output(run: EvalRun, path: Path) -> Path:
    """What ``newsdesk ask --json --batch`` prints for the run's questions: one answer object a line."""
    path.write_text("".join(json.dumps(r.answer, ensure_ascii=False) + "\n" for r in run.results), encoding="utf-8")
    return path
