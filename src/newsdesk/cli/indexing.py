"""``newsdesk reindex``, ``status`` and ``show``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsdesk.cli.common import assistant_from, console, console_err

if TYPE_CHECKING:
    from newsdesk.evaluation.scoring import Case


def register(app: typer.Typer) -> None:
    app.command()(reindex)
    app.command()(status)
    app.command()(show)


def reindex(
    ctx: typer.Context,
    corpus: Annotated[
        Optional[list[Path]], typer.Option("--corpus", help="Corpus directory (repeatable; default ./corpus).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as one JSON object.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems and a one-line summary.")] = False,
    wait: Annotated[
        Optional[float], typer.Option("--wait", help="Seconds to wait for another reindex to finish.")
    ] = None,
    eval_set: Annotated[
        Optional[Path], typer.Option("--eval", help="Then run this eval set (as `newsdesk eval --set FILE`).")
    ] = None,
) -> None:
    """Bring the index in line with the corpus: embed new and changed articles, drop deleted ones."""
    cases = _read_eval_set(eval_set)
    assistant = assistant_from(ctx, corpus=corpus or None, lock_timeout=wait)
    show_bar = not (as_json or quiet) and console_err.is_terminal
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console_err,
        transient=True,
        disable=not show_bar,
    ) as progress:
        task = progress.add_task("indexing", total=None)

        def advance(done: int, total: int, doc_id: str) -> None:
            progress.update(task, completed=done, total=total, description=f"indexing {doc_id[-40:]}")

        report = assistant.reindex(advance)
    counts = report.counts()
    if as_json:
        print(json.dumps(counts))
    else:
        for failure in report.failures:
            console_err.print(f"[red]failed[/]  {failure.path}: {failure.reason}", highlight=False)
        for warning in report.warnings:
            console_err.print(f"[yellow]warning[/] {warning.path}: {warning.reason}", highlight=False)
        if not quiet:
            for skipped in report.skipped:
                console_err.print(f"[dim]skipped {skipped.path}: {skipped.reason}[/]", highlight=False)
        summary = ", ".join(f"{key} {counts[key]}" for key in ("added", "updated", "deleted", "unchanged", "failed"))
        console.print(
            f"{summary}; {report.documents} documents, {report.chunks} chunks "
            f"({report.chunks_embedded} embedded) in {assistant.settings.store}",
            highlight=False,
        )
    if cases is not None and eval_set is not None:
        from newsdesk.cli.evaluation import report as report_eval, run_with_progress

        report_eval(run_with_progress(assistant, cases, eval_set, show=not as_json), as_json=as_json)
    if report.failures:
        raise typer.Exit(1)


def _read_eval_set(path: Path | None) -> list[Case] | None:
    """Read the whole eval set before indexing, so a bad line stops everything at once."""
    if path is None:
        return None
    from newsdesk.evaluation.scoring import load_cases

    return load_cases(path)


def status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print as one JSON object.")] = False,
) -> None:
    """Show what the index holds: documents, chunks, store, model, last reindex."""
    from newsdesk.assistant import Assistant
    from newsdesk.cli.common import settings_from

    assistant = Assistant(settings_from(ctx))
    info = assistant.status()
    if as_json:
        info["documents_list"] = [
            {"doc_id": doc_id, "title": e.title, "outlet": e.outlet, "published": e.published, "chunks": e.chunks}
            for doc_id, e in sorted(assistant.documents().items())
        ]
        print(json.dumps(info))
        return
    table = Table(title="newsdesk index", show_header=False)
    for key in ("documents", "chunks", "store", "model", "last_reindex"):
        table.add_row(key, str(info[key]))
    console.print(table)
    docs = Table("document", "title", "outlet", "published", "chunks")
    for doc_id, entry in sorted(assistant.documents().items()):
        docs.add_row(doc_id, entry.title, entry.outlet, entry.published, str(entry.chunks))
    if info["documents"]:
        console.print(docs)


def show(
    ctx: typer.Context,
    doc_id: Annotated[str, typer.Argument(help="Document id, as `status` lists it.")],
) -> None:
    """Print a document's body: the text that citation offsets point into."""
    article = assistant_from(ctx).article(doc_id)
    print(article.body, end="")
