"""What every command shares: the settings from global options, consoles, date parsing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.console import Console

from newsdesk.display import shortened
from newsdesk.errors import ConfigError
from newsdesk.settings import RetrieverMode, Settings, load_settings

if TYPE_CHECKING:
    from newsdesk.assistant import Assistant

console = Console()
console_err = Console(stderr=True)

KOption = Annotated[Optional[int], typer.Option("-k", help="Passages to retrieve.", min=1, max=100)]
RetrieverOption = Annotated[
    Optional[str], typer.Option("--retriever", help="hybrid (default), dense or bm25.")
]

AnswererOption = Annotated[
    Optional[str],
    typer.Option(
        "--answerer",
        help="extractive (default: quotes the articles' sentences) or llm (a language model phrases the answer; "
        "each sentence is checked against its citations; needs the llm extra).",
    ),
]


def answerer_kind(value: str | None) -> str | None:
    """The ``--answerer`` option, checked."""
    if value is not None and value not in ("extractive", "llm"):
        raise typer.BadParameter("--answerer must be extractive or llm")
    return value


def retriever_mode(value: str | None) -> RetrieverMode | None:
    """The ``--retriever`` option, checked."""
    if value is None:
        return None
    if value not in ("hybrid", "dense", "bm25"):
        raise typer.BadParameter("--retriever must be hybrid, dense or bm25")
    return value  # type: ignore[return-value]


@dataclass
class CliState:
    store: Path | None = None
    config: Path | None = None
    corpus: list[Path] | None = None


def settings_from(ctx: typer.Context, **overrides: Any) -> Settings:
    """Defaults < config file < environment < global flags < this command's flags."""
    state: CliState = ctx.obj or CliState()
    if overrides.get("corpus") is None:
        overrides["corpus"] = state.corpus
    return load_settings(state.config, store=state.store, **overrides)


def assistant_from(ctx: typer.Context, **overrides: Any) -> Assistant:
    from newsdesk.assistant import Assistant

    return Assistant(settings_from(ctx, **overrides))


def parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{option} {shortened(value)!r} is not a date; use YYYY-MM-DD.") from exc
