"""Evaluation: read an eval set, run it through the chat's chain, compute the metrics.

The file format and the metric definitions are the contract in
``shared/docs/eval-format.md``. `score` works on plain ``ask --json`` objects,
so answers produced elsewhere can be scored the same way.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.errors import EvalSetError
from newsdesk.text import normalise
from newsdesk.answer.verification import MARKER, check_answer

Group = list[str]
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
HIT_DEPTHS = (1, 5, 10)
CONCISE_CHARS = 500


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    answerable: bool = True
    history: list[str] = field(default_factory=list)
    expect: list[Group] = field(default_factory=list)
    claimants: list[Group] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    forbid: list[str] = field(default_factory=list)
    conflict: bool = False


# -- reading eval sets ---------------------------------------------------
def load_cases(path: Path, strict: bool = True) -> list[Case]:
    """Read and validate every line before anything runs; errors name file, line and field.

    ``strict=False`` (``ask --batch``) needs only ``question``.
    """
    cases: list[Case] = []
    seen: set[str] = set()
    for number, data in read_json_lines(path):
        case = _case_from(data, path, number, strict)
        if case.id in seen:
            raise EvalSetError(path, number, "id", f"duplicate id {case.id!r}")
        seen.add(case.id)
        cases.append(case)
    if strict and not cases:
        raise EvalSetError(path, 0, "-", "the file holds no cases")
    return cases


def read_json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; an unreadable file or line names file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalSetError(path, 0, "-", f"cannot read the file ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalSetError(path, number, "-", f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(data, dict):
            raise EvalSetError(path, number, "-", "each line must be a JSON object")
        yield number, data


def _case_from(data: dict[str, Any], path: Path, line: int, strict: bool) -> Case:
    def fail(name: str, reason: str) -> EvalSetError:
        return EvalSetError(path, line, name, reason)

    known = {"id", "question", "history", "answerable", "expect", "claimants", "evidence", "forbid", "conflict"}
    if strict:
        for name in ("id", "question", "answerable"):
            if name not in data:
                raise fail(name, "is required")
        unknown = sorted(set(data) - known)
        if unknown:
            raise fail(unknown[0], "is not a field of the eval format")
    question = data.get("question")
    if not isinstance(question, str):
        raise fail("question", "must be a string")
    case_id = data.get("id", f"line-{line}")
    if not isinstance(case_id, str) or not case_id:
        raise fail("id", "must be a non-empty string")
    answerable = data.get("answerable", True)
    if not isinstance(answerable, bool):
        raise fail("answerable", "must be true or false")
    conflict = data.get("conflict", False)
    if not isinstance(conflict, bool):
        raise fail("conflict", "must be true or false")
    return Case(
        id=case_id,
        question=question,
        answerable=answerable,
        history=_strings(data.get("history", []), fail("history", "must be a list of strings")),
        expect=_groups(data.get("expect", []), fail("expect", "must be a list of strings or lists of strings")),
        claimants=_groups(data.get("claimants", []), fail("claimants", "must be a list of strings or lists of strings")),
        evidence=_strings(data.get("evidence", []), fail("evidence", "must be a list of strings")),
        forbid=_strings(data.get("forbid", []), fail("forbid", "must be a list of strings")),
        conflict=conflict,
    )


def _strings(value: Any, error: EvalSetError) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise error
    return list(value)


def _groups(value: Any, error: EvalSetError) -> list[Group]:
    if not isinstance(value, list):
        raise error
    groups = []
    for item in value:
        if isinstance(item, str):
            groups.append([item])
        elif isinstance(item, list) and item and all(isinstance(alt, str) for alt in item):
            groups.append(list(item))
        else:
            raise error
    return groups


# -- matching ------------------------------------------------------------
def _canonical(text: str) -> str:
    """Lower-case, white space folded, numbers written with digits by value (1,597 -> 1597)."""
    return _NUMBER.sub(lambda m: _number_key(m.group()), normalise(text))


def _number_key(text: str) -> str:
    value = float(text.replace(",", ""))
    return str(int(value)) if value.is_integer() else repr(value)


def contains(text: str, needle: str) -> bool:
    """The eval format's matching: case and spacing ignored, numbers by value, whole words."""
    haystack, wanted = _canonical(text), _canonical(needle)
    if not wanted:
        return True
    pattern = (r"(?<!\w)" if wanted[0].isalnum() else "") + re.escape(wanted) + (r"(?!\w)" if wanted[-1].isalnum() else "")
    # A number must not match inside a longer one: "498" in "4980" or "49.8", "8" in "9.8".
    if wanted[-1].isdigit():
        pattern += r"(?![.,]?\d)"
    if wanted[0].isdigit():
        pattern = r"(?<!\d[.,])" + pattern
    return re.search(pattern, haystack) is not None


def group_found(text: str, group: Group) -> bool:
    return any(contains(text, alternative) for alternative in group)


# -- scoring -------------------------------------------------------------
@dataclass
class CaseResult:
    case: Case
    answer: dict[str, Any]
    expect_found: list[bool]
    claimants_found: list[bool]
    first_evidence_rank: int | None
    evidence_hits: dict[int, bool]
    citations_ok: list[bool]
    sentences_ok: list[bool]
    forbidden: list[str]

    @property
    def refused(self) -> bool:
        return bool(self.answer.get("refused"))

    @property
    def correct_refusal(self) -> bool:
        return self.refused == (not self.case.answerable)

    def problems(self) -> list[str]:
        """What went wrong with this case, in words."""
        out = []
        if self.refused and self.case.answerable:
            out.append("refused an answerable question")
        if not self.refused and not self.case.answerable:
            out.append("answered a question the corpus does not answer")
        if not self.refused:
            out += [f"missing {g}" for g, ok in zip(self.case.expect, self.expect_found, strict=True) if not ok]
            out += [f"claimant missing {g}" for g, ok in zip(self.case.claimants, self.claimants_found, strict=True) if not ok]
        if self.case.evidence and not self.evidence_hits.get(10):
            out.append("evidence not in the top 10 passages")
        out += [f"forbidden text {f!r}" for f in self.forbidden]
        if not all(self.citations_ok):
            out.append("a citation does not hold")
        return out


def score_case(case: Case, answer: dict[str, Any], body_of: Callable[[str], str | None]) -> CaseResult:
    text = answer.get("answer", "")
    retrieved = answer.get("retrieved", [])
    passages = [_passage_text(p, body_of) for p in retrieved]
    hits = {depth: _all_evidence_in(case.evidence, passages[:depth]) for depth in HIT_DEPTHS}
    first_rank = next(
        (rank for rank, passage in enumerate(passages[:10], start=1) if any(contains(passage, e) for e in case.evidence)),
        None,
    )
    citations_ok, sentences_ok = check_answer(answer, body_of) if not answer.get("refused") else ([], [])
    return CaseResult(
        case=case,
        answer=answer,
        expect_found=[group_found(text, g) for g in case.expect],
        claimants_found=[group_found(text, g) for g in case.claimants],
        first_evidence_rank=first_rank,
        evidence_hits=hits,
        citations_ok=citations_ok,
        sentences_ok=sentences_ok,
        forbidden=[f for f in case.forbid if contains(text, f)],
    )


def _passage_text(passage: dict[str, Any], body_of: Callable[[str], str | None]) -> str:
    if "text" in passage:
        return str(passage["text"])
    body = body_of(passage["doc_id"]) or ""
    return body[passage["start"]:passage["end"]]


def _all_evidence_in(evidence: list[str], passages: list[str]) -> bool:
    return all(any(contains(p, e) for p in passages) for e in evidence)


def metrics(results: list[CaseResult]) -> dict[str, float | None]:
    """Every metric of the eval format; ``None`` where no case qualifies."""
    answerable = [r for r in results if r.case.answerable]
    unanswerable = [r for r in results if not r.case.answerable]
    with_evidence = [r for r in results if r.case.evidence]
    with_claimants = [r for r in results if r.case.claimants]
    conflicts = [r for r in results if r.case.conflict]
    answered = [r for r in answerable if not r.refused]
    latencies = sorted(sum(r.answer.get("timings_ms", {}).values()) for r in results)
    values: dict[str, float | None] = {
        "right": _share([handled_right(r) for r in results]),
        "answer_recall": _share(
            [ok and not r.refused for r in answerable for ok in r.expect_found]
        ),
    }
    for depth in HIT_DEPTHS:
        values[f"evidence_hit@{depth}"] = _share([r.evidence_hits[depth] for r in with_evidence])
    values["mrr@10"] = _mean([1.0 / r.first_evidence_rank if r.first_evidence_rank else 0.0 for r in with_evidence])
    values["citation_precision"] = _share([ok for r in results for ok in r.citations_ok])
    values["citation_recall"] = _share([ok for r in results for ok in r.sentences_ok])
    values["attribution"] = _share([ok and not r.refused for r in with_claimants for ok in r.claimants_found])
    values["conflict_coverage"] = _share(
        [not r.refused and all(r.expect_found) and all(r.claimants_found) for r in conflicts]
    )
    values["refusal_accuracy"] = _share([r.correct_refusal for r in results])
    values["refusal_recall"] = _share([r.refused for r in unanswerable])
    values["false_refusal_rate"] = _share([r.refused for r in answerable])
    values["concise"] = _share([_concise(r) for r in answered])
    values["forbidden_rate"] = _share([bool(r.forbidden) for r in results])
    values["latency_p50_ms"] = _percentile(latencies, 50)
    values["latency_p95_ms"] = _percentile(latencies, 95)
    values.update(generation_metrics(results))
    return values


# What the llm answerer returns (newsdesk.answer.generation) when it asked its model.
_MODEL_ASKED = ("llm", "extractive-fallback")


def generation_metrics(results: list[CaseResult]) -> dict[str, float | None]:
    """With the llm answerer: the share of generated sentences dropped and flagged by the per-sentence
    check, and the share of the answers the model was asked for that fell back to the extractive one.
    Empty for the extractive answerer, so its reports are unchanged."""
    asked = [r for r in results if r.answer.get("answerer") in _MODEL_ASKED]
    if not asked:
        return {}
    verdicts = [s.get("verdict") for r in asked for s in r.answer.get("generated", [])]
    return {
        "generated_dropped": _share([v == "dropped" for v in verdicts]),
        "generated_flagged": _share([v == "flagged" for v in verdicts]),
        "llm_fallback": _share([r.answer.get("answerer") == "extractive-fallback" for r in asked]),
    }


def _concise(result: CaseResult) -> bool:
    return len(MARKER.sub("", result.answer.get("answer", ""))) <= CONCISE_CHARS


def handled_right(result: CaseResult) -> bool:
    """The contract's ``right``: answered fully and concisely when answerable, refused when not; nothing forbidden."""
    if result.forbidden:
        return False
    if not result.case.answerable:
        return result.refused
    return not result.refused and all(result.expect_found) and all(result.claimants_found) and _concise(result)


LOWER_IS_BETTER = frozenset(
    {"false_refusal_rate", "forbidden_rate", "latency_p50_ms", "latency_p95_ms", "generated_dropped",
     "generated_flagged", "llm_fallback"}
)


def _share(flags: Iterable[bool]) -> float | None:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _percentile(values: list[float], percent: float) -> float | None:
    if not values:
        return None
    position = (len(values) - 1) * percent / 100
    low, high = math.floor(position), math.ceil(position)
    return values[low] + (values[high] - values[low]) * (position - low)


# -- running -------------------------------------------------------------
def run_cases(
    ask: Callable[[Case], dict[str, Any]],
    cases: list[Case],
    body_of: Callable[[str], str | None],
    on_case: Callable[[int, int], None] | None = None,
) -> list[CaseResult]:
    """Ask every case (through ``ask``, the chat's chain) and score its answer."""
    results = []
    for position, case in enumerate(cases, start=1):
        results.append(score_case(case, ask(case), body_of))
        if on_case:
            on_case(position, len(cases))
    return results


def below_floors(values: dict[str, float | None], floors: dict[str, float]) -> list[str]:
    """Metrics worse than their floor (for lower-is-better metrics, a ceiling)."""
    failing = []
    for name, floor in floors.items():
        value = values.get(name)
        if value is None:
            failing.append(f"{name}: no value (floor {floor})")
        elif name in LOWER_IS_BETTER and value > floor:
            failing.append(f"{name}: {value:.3f} above its ceiling {floor}")
        elif name not in LOWER_IS_BETTER and value < floor:
            failing.append(f"{name}: {value:.3f} below its floor {floor}")
    return failing
