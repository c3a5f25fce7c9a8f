"""What both outside-benchmark converters share: pinned sources, article files, cases, the manifest.

Standard library only, so a converter runs with any Python 3.10+ and no newsdesk install.
The outside sets are REPORT ONLY: nothing converted here may be used to fit or tune newsdesk.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path
from typing import Any

EVIDENCE_CONTEXT = 40  # characters of passage kept either side of the answer in an evidence string


class SourceError(Exception):
    """A source file that is missing, unreadable or not the pinned version."""


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_pinned(path: Path, pinned: dict[str, str], unpinned: bool) -> str:
    """The file's sha256; refuse a file whose checksum is not pinned unless ``unpinned`` is set."""
    if not path.is_file():
        raise SourceError(f"{path}: no such file; see eval/outside/README.md for where to get it")
    digest = sha256_of(path)
    if digest not in pinned.values() and not unpinned:
        known = ", ".join(f"{name} {value}" for name, value in pinned.items())
        raise SourceError(
            f"{path}: sha256 {digest} is not a pinned source ({known}); the sample would not be the one "
            "documented. Pass --unpinned to convert it anyway and say so wherever you report its figures."
        )
    return digest


def seeded(seed: int, label: str) -> random.Random:
    """One random stream per purpose, so adding a draw for one purpose never changes another's sample."""
    return random.Random(f"{seed}:{label}")


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def front_matter_value(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML), on one line."""
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


def article_text(title: str, outlet: str, body: str, published: str | None = None, **extra: str | None) -> str:
    lines = ["---", f"title: {front_matter_value(title)}", f"outlet: {front_matter_value(outlet)}"]
    if published:
        lines.append(f"published: {published}")
    lines += [f"{name}: {front_matter_value(value)}" for name, value in extra.items() if value]
    return "\n".join(lines) + "\n---\n" + normalised_body(body) + "\n"


def normalised_body(body: str) -> str:
    """The body as the corpus loader will see it: ``\\n`` line endings, no surrounding blank space."""
    return body.replace("\r\n", "\n").replace("\r", "\n").strip()


def evidence_window(body: str, answer: str) -> str | None:
    """The answer with up to EVIDENCE_CONTEXT characters of context, cut at spaces, verbatim from ``body``."""
    found = body.lower().find(answer.lower())
    if found < 0:
        return None
    start = max(0, found - EVIDENCE_CONTEXT)
    end = min(len(body), found + len(answer) + EVIDENCE_CONTEXT)
    if start > 0 and " " in body[start:found]:
        start = body.index(" ", start, found) + 1
    if end < len(body) and " " in body[found + len(answer) : end]:
        end = body.rindex(" ", found + len(answer), end)
    return body[start:end].strip()


def mentions(text: str, phrase: str) -> bool:
    """Case-insensitive containment with whitespace collapsed: the conservative test for 'the corpus says it'."""
    return _squeezed(phrase) in _squeezed(text)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def manifest_of(benchmark: str, repository: str, commit: str, licence: str, seed: int,
                source: dict[str, Any], notes: dict[str, Any]) -> dict[str, Any]:
    """What a converted set was made from (the fields every benchmark's manifest shares, in this order)."""
    return {
        "benchmark": benchmark, "repository": repository, "commit": commit, **source,
        "licence": licence, "seed": seed, "report_only": True, **notes,
    }


def write_set(out: Path, articles: dict[str, str], cases: list[dict[str, Any]], manifest: dict[str, Any]) -> None:
    """Replace ``out``'s corpus/, cases.jsonl and manifest.json (the manifest pins what was written); say the counts."""
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for stale in corpus.glob("*.md"):
        if stale.name not in articles:
            stale.unlink()
    for name, text in sorted(articles.items()):
        (corpus / name).write_text(text, encoding="utf-8")
    cases_text = "".join(json.dumps(case, ensure_ascii=False) + "\n" for case in cases)
    (out / "cases.jsonl").write_text(cases_text, encoding="utf-8")
    corpus_digest = hashlib.sha256()
    for name, text in sorted(articles.items()):
        corpus_digest.update(name.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    manifest = {
        **manifest,
        "articles": len(articles),
        "cases": len(cases),
        "answerable": sum(case["answerable"] for case in cases),
        "unanswerable": sum(not case["answerable"] for case in cases),
        "cases_sha256": hashlib.sha256(cases_text.encode("utf-8")).hexdigest(),
        "corpus_sha256": corpus_digest.hexdigest(),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out}: {len(articles)} articles, {len(cases)} cases "
          f"({manifest['answerable']} answerable, {manifest['unanswerable']} unanswerable)")


def corpus_sha256(corpus: Path) -> str:
    """The manifest's ``corpus_sha256`` recomputed from the files on disk."""
    digest = hashlib.sha256()
    for path in sorted(corpus.glob("*.md")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_text(encoding="utf-8").encode("utf-8") + b"\0")
    return digest.hexdigest()
