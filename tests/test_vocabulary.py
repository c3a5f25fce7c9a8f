"""The shared word lists: one definition each, agreeing rules, and nothing fitted to the fixtures."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from newsdesk.claims.annotation import extract_claims
from newsdesk.articles.corpus import Article
from newsdesk.text import has_quantity

REPO = Path(__file__).resolve().parent.parent
# Rare in English (zipf below this): names of places, people and outlets, not words of a rule.
_RARE = 2.5
_CALENDAR = set(
    """january february march april june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Sixty people died, the ministry said.", 60),
        ("Fifteen people were injured, police said.", 15),
        ("Ninety passengers were aboard, the operator said.", 90),
        ("Twelve houses were destroyed, officials said.", 12),
    ],
)
def test_a_number_word_is_a_quantity_to_the_answerer_and_a_figure_to_the_extractor(sentence, value):
    article = Article(doc_id="d", path=Path("d.md"), title="t", body=sentence)
    figures = [c.value for c in extract_claims(article) if c.kind == "figure"]
    assert has_quantity(sentence) and figures == [value]


def _rare_proper_nouns() -> set[str]:
    """Capitalised words of the eval and sample articles never written in lower case there, rare in English."""
    # Not eval/outside/: those benchmarks are real news, whose names (companies, software) are ordinary English.
    articles = [
        *(p for p in REPO.glob("eval/**/corpus/**/*.md") if "outside" not in p.relative_to(REPO / "eval").parts),
        *REPO.glob("eval/corpus/*.md"),
        *REPO.glob("corpus/**/*.md"),
    ]
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in set(articles))
    lower = set(re.findall(r"\b[a-z][a-z]+\b", text))
    names = {w.lower() for w in re.findall(r"\b[A-Z][A-Za-z]{2,}\b", text)} - lower - _CALENDAR
    return {name for name in names if zipf_frequency(name, "en") < _RARE}


def _string_constants(path: Path) -> str:
    """Every string constant of a module except docstrings: where word lists and patterns live."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return " ".join(
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ).lower()


def test_no_rule_in_src_names_a_rare_proper_noun_of_the_eval_or_sample_articles():
    names = _rare_proper_nouns()
    assert names, "the fixture articles should give some names to look for"
    fitted = sorted(
        f"{name} ({path.relative_to(REPO)})"
        for path in (REPO / "src").rglob("*.py")
        for name in names & set(re.findall(r"[a-z]{3,}", _string_constants(path)))
    )
    assert fitted == []


def _eval_names() -> set[str]:
    """Rare capitalised words of the eval articles (not the shipped sample, which the docs quote on purpose)."""
    articles = [p for p in REPO.glob("eval/**/corpus/**/*.md") if "outside" not in p.relative_to(REPO / "eval").parts]
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in articles)
    sample = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in REPO.glob("corpus/**/*.md"))
    lower = set(re.findall(r"\b[a-z][a-z]+\b", text + sample))
    names = {w.lower() for w in re.findall(r"\b[A-Z][A-Za-z]{2,}\b", text)} - lower - _CALENDAR
    return {name for name in names if zipf_frequency(name, "en") < _RARE}


def test_no_docstring_or_comment_in_src_quotes_a_name_from_the_eval_articles():
    """Examples in the code are invented: a rule explained with an eval article's names invites fitting to it."""
    names = _eval_names()
    quoted = sorted(
        f"{name} ({path.relative_to(REPO)})"
        for path in (REPO / "src").rglob("*.py")
        for name in names & {w.lower() for w in re.findall(r"\b[A-Z][A-Za-z]{2,}\b", path.read_text(encoding="utf-8"))}
    )
    assert quoted == []


def test_a_period_a_date_is_said_in_is_a_duration_and_the_duration_pattern_reads_every_unit():
    """Round 16 (`clean16`): `PERIOD_UNITS` repeated the duration units `FIGURE_TYPES` spelt in its own pattern; the
    duration's units are the period's and the shorter and longer ones, in one list."""
    from newsdesk.vocabulary import DURATION_UNITS, FIGURE_TYPES, PERIOD_UNITS

    duration = re.compile(FIGURE_TYPES["duration"][1], re.IGNORECASE)
    assert PERIOD_UNITS < DURATION_UNITS
    assert all(duration.fullmatch(unit) for unit in DURATION_UNITS)
    assert not duration.search("a yearly fee and a weekend")
