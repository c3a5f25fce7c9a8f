"""The docs are true: the README's settings table names every setting, and the module
table of docs/architecture.md names every module of the package (as datasette's tests/test_docs.py does)."""

from __future__ import annotations

import re
from pathlib import Path

from newsdesk.settings import Settings

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "src" / "newsdesk"


def _table_rows(markdown: str, heading: str) -> list[str]:
    """The rows of the first table after ``heading``."""
    section = markdown.split(heading, 1)[1]
    rows = []
    for line in section.splitlines():
        if line.startswith("|"):
            rows.append(line)
        elif rows:
            break
    return rows[2:]  # after the header and its rule


def test_the_readme_settings_table_names_every_setting_and_nothing_else():
    rows = _table_rows((REPO / "README.md").read_text(encoding="utf-8"), "## Configuration")
    named = {name for row in rows for name in re.findall(r"`([a-z_]+)`", row.split("|")[1])}
    assert named == set(Settings.model_fields)


def test_the_architecture_module_table_names_every_module_and_nothing_else():
    rows = _table_rows((REPO / "docs" / "architecture.md").read_text(encoding="utf-8"), "## Where each stage lives")
    named = {name for row in rows for name in re.findall(r"`([\w/]+\.py)`", row.split("|")[2])}
    modules = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    }
    assert named == modules
