"""Convert MultiHop-RAG (Tang & Yang 2024, github.com/yixuantt/MultiHop-RAG) into a newsdesk outside test set.

REPORT ONLY: this set is for testing newsdesk; never fit, tune or pick a threshold on it.

    python eval/outside/convert_multihop.py QUERIES.json CORPUS.json [--out eval/outside/multihop] [--seed 11]

QUERIES is the benchmark's dataset/MultiHopRAG.json (a JSON array of ``query``, ``answer``,
``question_type``, ``evidence_list``) and CORPUS its dataset/corpus.json (a JSON array of news
articles: ``title``, ``author``, ``source``, ``published_at``, ``category``, ``url``, ``body``).
Both are Git LFS files in the repository; their sha256 is pinned below from the LFS pointers.

- Queries are drawn per type with a seeded shuffle, round robin over the types, up to each
  type's quota. A non-null query is taken only when every article its evidence cites is in the
  corpus file and the articles needed so far stay within the article budget less the
  distractors' share; so the sample leans towards queries that share articles.
- The corpus is the articles those queries need plus seeded distractor articles up to the
  article budget. Each becomes a Markdown file: ``title``, ``outlet`` (the article's source),
  ``published`` (the date of ``published_at``), ``author``, ``url``.
- ``expect`` is the benchmark's answer as one group (yes/no answers too: newsdesk quotes
  sentences, so it will rarely write "yes"; see the README). ``evidence`` keeps the evidence
  facts that are verbatim in the converted article body. Null queries are ``answerable: false``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from conversion import SourceError, article_text, check_pinned, manifest_of, normalised_body, seeded, short_hash, write_set

BENCHMARK = "MultiHop-RAG"
REPOSITORY = "yixuantt/MultiHop-RAG"
COMMIT = "3dd4d4e79fc9843008b8f832da99086a82f1a805"
LICENCE = "ODC-BY 1.0 (Open Data Commons Attribution License); the articles remain their publishers'"
PINNED_QUERIES = {"dataset/MultiHopRAG.json": "03cfb4926461f868684903aadc8024447bdda5bb3f6804741424cce338515bff"}
PINNED_CORPUS = {"dataset/corpus.json": "20b61b5ab84de84a927420c5d265b7ec8d859ae49980699958a787ade9e4d28f"}
QUOTAS = {"inference_query": 45, "comparison_query": 40, "temporal_query": 35, "null_query": 30}
ARTICLE_BUDGET = 150
DISTRACTOR_SHARE = 1 / 6  # of the article budget, kept for distractors (25 of 150)
DEFAULT_OUT = Path(__file__).resolve().parent / "multihop"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def read_array(path: Path, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"{path}: cannot read it as JSON ({exc})") from exc
    if not isinstance(data, list):
        raise SourceError(f"{path}: expected a JSON array")
    for number, item in enumerate(data):
        missing = [name for name in fields if not isinstance(item, dict) or name not in item]
        if missing:
            raise SourceError(f"{path}: item {number} has no field {missing[0]!r}; is this the right MultiHop-RAG file?")
    return data


def article_key(item: dict[str, Any]) -> str:
    return (item.get("url") or "").strip() or (item.get("title") or "").strip()


def article_file(article: dict[str, Any]) -> str:
    return f"mhr-{short_hash(article_key(article))}.md"


def article_markdown(article: dict[str, Any]) -> str:
    published = str(article.get("published_at") or "")
    return article_text(
        str(article.get("title") or "Untitled"),
        str(article.get("source") or BENCHMARK),
        str(article["body"]),
        published[:10] if _DATE.match(published) else None,
        author=str(article["author"]) if article.get("author") else None,
        url=str(article["url"]) if article.get("url") else None,
    )


def needed_articles(query: dict[str, Any], by_key: dict[str, dict[str, Any]], by_title: dict[str, dict[str, Any]]) -> list[str] | None:
    """Keys of the articles the query's evidence cites; None when one is not in the corpus file."""
    keys = []
    for evidence in query.get("evidence_list") or []:
        article = by_key.get((evidence.get("url") or "").strip()) or by_title.get((evidence.get("title") or "").strip())
        if article is None:
            return None
        keys.append(article_key(article))
    return list(dict.fromkeys(keys)) or None


def sample_queries(queries: list[dict[str, Any]], by_key: dict[str, dict[str, Any]], by_title: dict[str, dict[str, Any]],
                   seed: int, quotas: dict[str, int], budget: int) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """(index, query) pairs taken and the article keys they need, in order of first need."""
    by_type: dict[str, list[tuple[int, dict[str, Any]]]] = {kind: [] for kind in quotas}
    for index, query in enumerate(queries):
        if query["question_type"] in by_type:
            by_type[query["question_type"]].append((index, query))
    for kind, items in by_type.items():
        seeded(seed, f"queries:{kind}").shuffle(items)
    taken: list[tuple[int, dict[str, Any]]] = []
    needed: list[str] = []
    counts = dict.fromkeys(quotas, 0)
    for position in range(max((len(items) for items in by_type.values()), default=0)):
        for kind, items in by_type.items():
            if position >= len(items) or counts[kind] >= quotas[kind]:
                continue
            index, query = items[position]
            if kind != "null_query":
                keys = needed_articles(query, by_key, by_title)
                if keys is None or len(set(needed) | set(keys)) > budget:
                    continue
                needed += [key for key in keys if key not in needed]
            taken.append((index, query))
            counts[kind] += 1
    return taken, needed


def case_for(index: int, query: dict[str, Any], bodies: dict[str, str], by_key: dict[str, dict[str, Any]],
             by_title: dict[str, dict[str, Any]]) -> dict[str, Any]:
    kind = query["question_type"].removesuffix("_query")
    case: dict[str, Any] = {"id": f"mhr-{kind}-{index:04d}", "question": str(query["query"]).strip()}
    if query["question_type"] == "null_query":
        case["answerable"] = False
        return case
    case["answerable"] = True
    case["expect"] = [str(query["answer"]).strip()]
    evidence = []
    for item in query.get("evidence_list") or []:
        article = by_key.get((item.get("url") or "").strip()) or by_title.get((item.get("title") or "").strip())
        fact = str(item.get("fact") or "").strip()
        if article is not None and fact and fact in bodies[article_key(article)] and fact not in evidence:
            evidence.append(fact)
    if evidence:
        case["evidence"] = evidence
    return case


def convert(queries: list[dict[str, Any]], corpus: list[dict[str, Any]], seed: int, quotas: dict[str, int],
            article_budget: int) -> tuple[dict[str, str], list[dict[str, Any]], dict[str, Any]]:
    by_key = {article_key(article): article for article in corpus if article_key(article)}
    by_title = {str(article.get("title") or "").strip(): article for article in corpus}
    taken, needed = sample_queries(queries, by_key, by_title, seed, quotas, article_budget - round(article_budget * DISTRACTOR_SHARE))
    spare = [key for key in by_key if key not in set(needed)]
    distractors = seeded(seed, "distractors").sample(spare, min(len(spare), max(0, article_budget - len(needed))))
    chosen = needed + distractors
    bodies = {key: normalised_body(str(by_key[key]["body"])) for key in chosen}
    articles = {article_file(by_key[key]): article_markdown(by_key[key]) for key in chosen}
    cases = sorted((case_for(index, query, bodies, by_key, by_title) for index, query in taken), key=lambda case: case["id"])
    per_type = {kind: sum(query["question_type"] == kind for _, query in taken) for kind in quotas}
    notes = {
        "quotas": quotas,
        "cases_per_type": per_type,
        "articles_needed": len(needed),
        "articles_distractor": len(distractors),
        "answerable_without_verbatim_evidence": sum(1 for c in cases if c["answerable"] and "evidence" not in c),
    }
    return articles, cases, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("queries", type=Path, help="dataset/MultiHopRAG.json at the pinned commit")
    parser.add_argument("corpus", type=Path, help="dataset/corpus.json at the pinned commit")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for corpus/, cases.jsonl, manifest.json")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--articles", type=int, default=ARTICLE_BUDGET, help="articles in the converted corpus")
    parser.add_argument("--unpinned", action="store_true", help="convert files whose checksums are not pinned")
    args = parser.parse_args(argv)
    try:
        queries_digest = check_pinned(args.queries, PINNED_QUERIES, args.unpinned)
        corpus_digest = check_pinned(args.corpus, PINNED_CORPUS, args.unpinned)
        queries = read_array(args.queries, ("query", "answer", "question_type", "evidence_list"))
        corpus = read_array(args.corpus, ("title", "source", "body"))
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    articles, cases, notes = convert(queries, corpus, args.seed, QUOTAS, args.articles)
    source = {
        "source": {"queries": queries_digest, "corpus": corpus_digest},
        "pinned": {**PINNED_QUERIES, **PINNED_CORPUS},
        "unpinned": bool(args.unpinned and (queries_digest not in PINNED_QUERIES.values() or corpus_digest not in PINNED_CORPUS.values())),
    }
    manifest = manifest_of(BENCHMARK, REPOSITORY, COMMIT, LICENCE, args.seed, source, notes)
    write_set(args.out, articles, cases, manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
