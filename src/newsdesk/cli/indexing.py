"""``newsdesk reindex``, ``status`` and ``show``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsdesk.cli.common import assistant_from, console, console_err
from newsdesk.display import for_terminal

if TYPE_CHECKING:
    from newsdesk.assistant import Assistant
    from newsdesk.evaluation.scoring import Case
    from newsdesk.index.watching import WatchEvent


def register(app: typer.Typer) -> None:
    app.command()(reindex)
    app.command()(status)
    app.command()(show)


def reindex(
    ctx: typer.Context,
    corpus: Annotated[
        Optional[list[Path]],
        typer.Option("--corpus", help="Corpus directory (repeatable; default: the folders the store was built from, else ./corpus)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as one JSON object.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems and a one-line summary.")] = False,
    wait: Annotated[
        Optional[float], typer.Option("--wait", help="Seconds to wait for another reindex to finish.")
    ] = None,
    eval_set: Annotated[
        Optional[Path], typer.Option("--eval", help="Then run this eval set (as `newsdesk eval --set FILE`).")
    ] = None,
    allow_mass_delete: Annotated[
        bool, typer.Option("--allow-mass-delete", help="Delete even when most indexed documents are gone from the corpus.")
    ] = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Set a damaged record manager aside and re-embed the corpus.")
    ] = False,
    watch: Annotated[
        bool, typer.Option("--watch", help="Then keep watching the corpus and reindex on every change (Ctrl-C stops).")
    ] = False,
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
            progress.update(task, completed=done, total=total, description=f"indexing {for_terminal(doc_id[-40:])}")

        report = assistant.reindex(advance, allow_mass_delete=allow_mass_delete, rebuild=rebuild)
    counts = report.counts()
    for note in report.repaired:
        console_err.print(f"[yellow]repaired[/] {for_terminal(note)}", highlight=False)
    if as_json:
        print(json.dumps(counts))
    else:
        for failure in report.failures:
            console_err.print(f"[red]failed[/]  {for_terminal(failure.path)}: {for_terminal(failure.reason)}", highlight=False)
        for warning in report.warnings:
            console_err.print(f"[yellow]warning[/] {for_terminal(warning.path)}: {for_terminal(warning.reason)}", highlight=False)
        if not quiet:
            for skipped in report.skipped:
                console_err.print(f"[dim]skipped {for_terminal(skipped.path)}: {for_terminal(skipped.reason)}[/]", highlight=False)
        summary = ", ".join(f"{key} {counts[key]}" for key in ("added", "updated", "deleted", "unchanged", "failed"))
        console.print(
            f"{summary}; {report.documents} documents, {report.chunks} chunks "
            f"({report.chunks_embedded} embedded) in {for_terminal(assistant.settings.store)}",
            highlight=False,
        )
    if cases is not None and eval_set is not None:
        from newsdesk.cli.evaluation import evaluate_and_report

        evaluate_and_report(assistant, cases, eval_set, as_json=as_json)
    if watch:
        watch_and_print(assistant)
    if report.failures:
        raise typer.Exit(1)


def watch_and_print(assistant: Assistant) -> None:
    """Reindex on every quiet burst of changes, one line each, until interrupted."""
    from newsdesk.index.watching import watch_corpus

    settings = assistant.settings
    console_err.print(f"watching {for_terminal(', '.join(map(str, settings.corpus)))} (Ctrl-C stops)", highlight=False)
    watch_corpus(assistant.reindex, list(settings.corpus), settings.watch_debounce_ms, print_watch_event)


def print_watch_event(event: WatchEvent) -> None:
    if event.error:
        console_err.print(f"[red]reindex failed[/] ({len(event.changed)} changes): {for_terminal(event.error)}", highlight=False)
        return
    assert event.report is not None
    counts = event.report.counts()
    summary = ", ".join(f"{key} {counts[key]}" for key in ("added", "updated", "deleted", "failed"))
    console.print(f"{summary} in {event.seconds:.2f}s ({event.report.chunks_embedded} chunks embedded)", highlight=False)
    for failure in event.report.failures:
        console_err.print(f"[red]failed[/]  {for_terminal(failure.path)}: {for_terminal(failure.reason)}", highlight=False)


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
        table.add_row(key, for_terminal(info[key]))
    table.add_row("corpus", for_terminal(", ".join(info["corpus"])))
    console.print(table)
    docs = Table("document", "title", "outlet", "published", "chunks")
    for doc_id, entry in sorted(assistant.documents().items()):
        docs.add_row(*(for_terminal(v) for v in (doc_id, entry.title, entry.outlet, entry.published)), str(entry.chunks))
    if info["documents"]:
        console.print(docs)


def show(
    ctx: typer.Context,
    doc_id: Annotated[str, typer.Argument(help="Document id, as `status` lists it.")],
) -> None:
    """Print a document's body: the text that citation offsets point into."""
    article = assistant_from(ctx).article(doc_id)
    print(article.body, end="")
