"""The ``newsdesk`` command: a thin Typer shell over the package.

Global options build the one `Settings` object; each command module takes it
from the context. Heavy modules (torch, Chroma) are imported inside commands,
so ``newsdesk --help`` stays fast. `NewsdeskError`s become one red line and
exit code 1, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from newsdesk.cli.common import CliState, console_err
from newsdesk.cli.options import GlobalOptionsAnywhere
from newsdesk.display import for_terminal
from newsdesk.errors import NewsdeskError

app = typer.Typer(
    name="newsdesk",
    help="Ask questions of a folder of news articles; every answer cited, every claim attributed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    cls=GlobalOptionsAnywhere,
)


@app.callback()
def _global_options(
    ctx: typer.Context,
    store: Annotated[
        Optional[Path], typer.Option("--store", help="Store directory (default .newsdesk; env NEWSDESK_STORE).")
    ] = None,
    config: Annotated[
        Optional[Path], typer.Option("--config", help="TOML config file (default ./newsdesk.toml; env NEWSDESK_CONFIG).")
    ] = None,
    corpus: Annotated[
        Optional[list[Path]],
        typer.Option("--corpus", help="Corpus directory (repeatable; default: the folders the store was built from)."),
    ] = None,
) -> None:
    """--store, --config and --corpus may also be given after the command."""
    ctx.obj = CliState(store=store, config=config, corpus=corpus or None)


def _register_commands() -> None:
    from newsdesk.cli import asking, claims, evaluation, indexing, serving

    for module in (indexing, asking, claims, evaluation, serving):
        module.register(app)


_register_commands()


def _quiet_libraries() -> None:
    """Libraries that phone home fail or hang offline; tell them not to."""
    for name, value in (
        ("ANONYMIZED_TELEMETRY", "False"),
        ("GRADIO_ANALYTICS_ENABLED", "False"),
        ("HF_HUB_OFFLINE", "1"),
        ("TRANSFORMERS_OFFLINE", "1"),
        ("TOKENIZERS_PARALLELISM", "false"),
    ):
        os.environ.setdefault(name, value)


def main() -> None:
    _quiet_libraries()
    try:
        app()
    except NewsdeskError as exc:
        # One line, whatever the message holds (a file name with "[/]" or ESC is shown, not obeyed).
        console_err.print(f"[bold red]error:[/] {for_terminal(exc)}", highlight=False, markup=True, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        console_err.print("interrupted")
        sys.exit(130)
