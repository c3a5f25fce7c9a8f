#!/usr/bin/env python3
"""Score `newsdesk ask --json --batch` output without newsdesk: an independent check of `newsdesk eval`.

Written from the metric definitions in the shared eval-format doc, with the
Python standard library only; it never imports newsdesk. It reads the
documents itself, so it trusts nothing the program says about a citation or a
retrieved passage beyond its document id and offsets.

    newsdesk --store .newsdesk/eval ask --json --batch eval/cases.jsonl > answers.jsonl
    python3 eval/score.py --cases eval/cases.jsonl --answers answers.jsonl \
        --corpus corpus --corpus eval/corpus

prints one JSON object: {"cases": N, "metrics": {...}}.

Readings of the contract where it leaves room (each stated where it is used):
- matching compares whole words: "UN" does not match inside "until", and a
  number does not match inside a longer number ("498" in "4980" or "49.8");
- a refused answer has found nothing: its expect and claimant groups count as
  missing, and it has no answer sentences, so its citations (the sentence that
  says the fact is not known) are not scored either;
- an answer sentence is a run of answer text closed by one or more ``[n]``
  markers (trailing text without a marker is a sentence with no citation);
- a citation supports its sentence when the sentence reproduces the quote with
  at most a lead-in naming the citation's claimant ("According to X: ..."),
  or when at least 60% of the sentence's content words are in the quote;
- latency is the sum of the answer's ``timings_ms`` stages; percentiles
  interpolate linearly between the two nearest ranks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

DEPTHS = (1, 5, 10)
CONCISE_LIMIT = 500
SUPPORT_SHARE = 0.6
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
LOWER_IS_BETTER = ("false_refusal_rate", "forbidden_rate", "latency_p50_ms", "latency_p95_ms")

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MARKER_WITH_SPACE = re.compile(r"\s*\[\d+\]")
_SENTENCE = re.compile(r"(.*?)((?:\s*\[\d+\])+)", re.DOTALL)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_FUNCTION_WORDS = set(
    """a an the and or but nor so yet of at by for with from to in on into onto over under about
    as than then that this these those there here it its it's is are was were be been being am
    has have had do does did will would shall should can could may might must not no
    he him his she her hers they them their theirs we us our you your i me my who whom whose
    which what when where why how said says say according told via""".split()
)


# -- the documents ---------------------------------------------------------
def read_bodies(roots: list[Path]) -> dict[str, str]:
    """Every article's body by document id (its path relative to its corpus root)."""
    bodies: dict[str, str] = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
                bodies[relative.as_posix()] = body_of_file(path.read_bytes())
    return bodies


def body_of_file(raw: bytes) -> str:
    """The text after the front matter: everything after the line that closes the opening ``---``."""
    text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    if not text.startswith("---\n"):
        return text
    lines = text.split("\n")
    offset = len(lines[0]) + 1
    for line in lines[1:]:
        offset += len(line) + 1
        if line.rstrip() == "---":
            return text[offset:]
    return text


# -- matching (case, spacing and numbers as the contract says) -------------
def normalise(text: str) -> str:
    """Lower case, runs of white space as one space, digit numbers as their value (1,597 -> 1597)."""
    folded = " ".join(text.split()).lower()
    return _DIGITS.sub(lambda match: _value(match.group()), folded)


def _value(number: str) -> str:
    return format(Decimal(number.replace(",", "")).normalize(), "f")


def found(text: str, needle: str) -> bool:
    """``needle`` occurs in ``text`` as whole words; a number never inside a longer number."""
    haystack, wanted = normalise(text), normalise(needle)
    if not wanted:
        return True
    start = haystack.find(wanted)
    while start != -1:
        if _clean_edge(haystack, start - 1, wanted[0], -1) and _clean_edge(haystack, start + len(wanted), wanted[-1], 1):
            return True
        start = haystack.find(wanted, start + 1)
    return False


def _clean_edge(haystack: str, index: int, edge: str, step: int) -> bool:
    """Is the character beside a match (at ``index``) a boundary for a match whose end is ``edge``?"""
    if index < 0 or index >= len(haystack) or not edge.isalnum():
        return True
    beside = haystack[index]
    if beside.isalnum() or beside == "_":
        return False
    if edge.isdigit() and beside in ".,":
        further = index + step
        return not (0 <= further < len(haystack) and haystack[further].isdigit())
    return True


def any_found(text: str, group: str | list[str]) -> bool:
    alternatives = [group] if isinstance(group, str) else group
    return any(found(text, alternative) for alternative in alternatives)


# -- citations ---------------------------------------------------------------
def answer_sentences(answer: str) -> list[tuple[str, list[int]]]:
    """(sentence without markers, the citation numbers that close it), in order."""
    sentences = []
    position = 0
    for match in _SENTENCE.finditer(answer):
        numbers = [int(n) for n in re.findall(r"\[(\d+)\]", match.group(2))]
        sentences.append((match.group(1).strip(), numbers))
        position = match.end()
    rest = answer[position:].strip()
    if rest:
        sentences.append((rest, []))
    return [(text, numbers) for text, numbers in sentences if text or numbers]


def content_words(text: str) -> set[str]:
    return {word for word in (w.lower() for w in _WORD.findall(text)) if word not in _FUNCTION_WORDS}


# The answerer may resolve a weekday to its date, "on Thursday (February 24, 2022)";
# that annotation is not text the quote has to support.
RESOLVED_DATE = re.compile(r" \([A-Z][a-z]+ \d{1,2}, \d{4}\)")


def supports(quote: str, sentence: str, claimant: str | None = None) -> bool:
    """The sentence says what the quote says: it reproduces the quote with at most a lead-in naming
    the citation's claimant ("According to X (via Y): ..."), or most of its content words are in the quote."""
    sentence = RESOLVED_DATE.sub("", sentence)
    quoted, said = normalise(quote), normalise(sentence)
    if quoted and quoted in said:
        rest = said.replace(quoted, " ", 1)
        if content_words(rest) <= content_words(claimant or ""):
            return True
    words = content_words(sentence)
    if not words:
        return True
    return len(words & content_words(quote)) / len(words) >= SUPPORT_SHARE


def verbatim(citation: dict, bodies: dict[str, str]) -> bool:
    body = bodies.get(citation.get("doc_id"))
    start, end = citation.get("start"), citation.get("end")
    if body is None or not isinstance(start, int) or not isinstance(end, int):
        return False
    return 0 <= start <= end <= len(body) and body[start:end] == citation.get("quote")


def judge_citations(answer: dict, bodies: dict[str, str]) -> tuple[list[bool], list[bool]]:
    """Per citation: does it hold (verbatim and supporting a sentence that cites it)?
    Per answer sentence: does it carry a citation that holds? (None for a refusal.)"""
    if answer.get("refused"):
        return [], []  # no answer sentences, so no sentence for a citation to support
    citations = {c.get("n"): c for c in answer.get("citations", [])}
    holds = {n: False for n in citations}
    sentence_ok = []
    for sentence, numbers in answer_sentences(answer.get("answer", "")):
        ok = False
        for n in numbers:
            citation = citations.get(n)
            if citation is not None and verbatim(citation, bodies) and supports(
                citation.get("quote", ""), sentence, citation.get("claimant")
            ):
                holds[n] = True
                ok = True
        sentence_ok.append(ok)
    return list(holds.values()), sentence_ok


# -- metrics -----------------------------------------------------------------
def share(flags: list[bool]) -> float | None:
    return sum(1 for flag in flags if flag) / len(flags) if flags else None


def percentile(values: list[float], percent: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * percent / 100.0
    below = int(rank)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (rank - below)


def passages(answer: dict, bodies: dict[str, str]) -> list[str]:
    """The retrieved passages' text, read from the documents at the reported offsets, best first."""
    texts = []
    for passage in answer.get("retrieved", []):
        body = bodies.get(passage.get("doc_id"), "")
        texts.append(body[passage.get("start", 0):passage.get("end", 0)])
    return texts


def score(cases: list[dict], answers: dict[str, dict], bodies: dict[str, str]) -> dict[str, float | None]:
    right, recall, attribution, conflict, refusal_ok, refusal_recall, false_refusal = [], [], [], [], [], [], []
    hits: dict[int, list[bool]] = {depth: [] for depth in DEPTHS}
    reciprocal_ranks, precise, supported, concise, forbidden, latency = [], [], [], [], [], []
    for case in cases:
        answer = answers[case["id"]]
        refused = bool(answer.get("refused"))
        shown = answer.get("answer", "")
        answered = "" if refused else shown
        expect, claimants = case.get("expect", []), case.get("claimants", [])
        expect_hits = [any_found(answered, group) for group in expect]
        claimant_hits = [any_found(answered, group) for group in claimants]
        answerable = case["answerable"]
        is_concise = len(_MARKER_WITH_SPACE.sub("", shown).strip()) <= CONCISE_LIMIT
        has_forbidden = any(found(shown, f) for f in case.get("forbid", []))
        if answerable:
            recall += expect_hits
            false_refusal.append(refused)
            if not refused:
                concise.append(is_concise)
            right.append(not refused and all(expect_hits) and all(claimant_hits) and is_concise and not has_forbidden)
        else:
            refusal_recall.append(refused)
            right.append(refused and not has_forbidden)
        refusal_ok.append(refused == (not answerable))
        if claimants:
            attribution += claimant_hits
        if case.get("conflict"):
            conflict.append(all(expect_hits) and all(claimant_hits) and not refused)
        evidence = case.get("evidence", [])
        if evidence:
            texts = passages(answer, bodies)
            for depth in DEPTHS:
                hits[depth].append(all(any(found(t, e) for t in texts[:depth]) for e in evidence))
            rank = next((i for i, t in enumerate(texts[:10], 1) if any(found(t, e) for e in evidence)), None)
            reciprocal_ranks.append(1.0 / rank if rank else 0.0)
        citation_holds, sentence_holds = judge_citations(answer, bodies)
        precise += citation_holds
        supported += sentence_holds
        forbidden.append(has_forbidden)
        latency.append(sum(float(v) for v in answer.get("timings_ms", {}).values()))
    metrics: dict[str, float | None] = {"right": share(right), "answer_recall": share(recall)}
    for depth in DEPTHS:
        metrics[f"evidence_hit@{depth}"] = share(hits[depth])
    metrics["mrr@10"] = sum(reciprocal_ranks) / len(reciprocal_ranks) if reciprocal_ranks else None
    metrics.update(
        citation_precision=share(precise),
        citation_recall=share(supported),
        attribution=share(attribution),
        conflict_coverage=share(conflict),
        refusal_accuracy=share(refusal_ok),
        refusal_recall=share(refusal_recall),
        false_refusal_rate=share(false_refusal),
        concise=share(concise),
        forbidden_rate=share(forbidden),
        latency_p50_ms=percentile(latency, 50),
        latency_p95_ms=percentile(latency, 95),
    )
    return metrics



# -- files ---------------------------------------------------------------------
def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, required=True, help="the eval set (JSON Lines)")
    parser.add_argument("--answers", type=Path, required=True, help="output of `newsdesk ask --json --batch`")
    parser.add_argument("--corpus", type=Path, action="append", required=True, help="corpus directory (repeatable)")
    args = parser.parse_args(argv)
    cases = read_jsonl(args.cases)
    answers = {answer["id"]: answer for answer in read_jsonl(args.answers)}
    missing = [case["id"] for case in cases if case["id"] not in answers]
    if missing:
        print(f"no answer for {len(missing)} cases, e.g. {missing[0]!r}", file=sys.stderr)
        return 1
    bodies = read_bodies(args.corpus)
    print(json.dumps({"cases": len(cases), "metrics": score(cases, answers, bodies)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
