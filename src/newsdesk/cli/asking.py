"""``newsdesk ask`` and ``newsdesk chat`` (the terminal chat)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.markup import escape

from newsdesk.cli.common import (
    AnswererOption,
    KOption,
    RetrieverOption,
    answerer_kind,
    assistant_from,
    console,
    parse_date,
    retriever_mode,
)
from newsdesk.display import for_terminal
from newsdesk.settings import RetrieverMode

if TYPE_CHECKING:
    from newsdesk.answer.answers import Answer
    from newsdesk.index.retrieval import SearchFilters


def register(app: typer.Typer) -> None:
    app.command()(ask)
    app.command()(chat)


OutletOption = Annotated[Optional[list[str]], typer.Option("--outlet", help="Only this outlet (repeatable).")]
SinceOption = Annotated[Optional[str], typer.Option("--since", help="Only articles published on or after YYYY-MM-DD.")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Only articles published on or before YYYY-MM-DD.")]
DocOption = Annotated[Optional[list[str]], typer.Option("--doc", help="Only this document id (repeatable).")]


def _filters(outlet: list[str] | None, since: str | None, until: str | None, doc: list[str] | None) -> SearchFilters:
    from newsdesk.index.retrieval import SearchFilters

    return SearchFilters(
        outlets=tuple(outlet or ()),
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        doc_ids=tuple(doc or ()),
    )


def ask(
    ctx: typer.Context,
    question: Annotated[Optional[str], typer.Argument(help="The question.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON (one object per line).")] = False,
    batch: Annotated[
        Optional[Path], typer.Option("--batch", help="JSON Lines file of cases (eval format); answers each in order.")
    ] = None,
    k: KOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    doc: DocOption = None,
    retriever: RetrieverOption = None,
    answerer: AnswererOption = None,
) -> None:
    """Answer one question (or a batch) from the corpus, with cited passages.

    When a `newsdesk serve` of the same store is running, a single question is
    answered by it (the model and index are loaded there already).
    """
    if (question is None) == (batch is None):
        raise typer.BadParameter("give either a QUESTION or --batch FILE")
    answerer = answerer_kind(answerer)
    if question is not None and k is None and retriever is None and answerer is None and not doc:
        answered = _ask_running_server(ctx, question, outlet, since, until)
        if answered is not None:
            _print_json(answered, as_json)
            return
    from newsdesk.assistant import Request

    mode: RetrieverMode | None = retriever_mode(retriever)
    filters = _filters(outlet, since, until, doc)
    assistant = assistant_from(ctx, answerer=answerer)
    if batch is not None:
        from newsdesk.evaluation.scoring import load_cases

        cases = load_cases(batch, strict=False)
        for case in cases:
            answer = assistant.ask(
                Request(case.question, tuple(case.history), filters, k=k, mode=mode, id=case.id)
            )
            _print(answer, as_json)
        return
    assert question is not None
    _print(assistant.ask(Request(question, (), filters, k=k, mode=mode)), as_json)


def _ask_running_server(
    ctx: typer.Context, question: str, outlet: list[str] | None, since: str | None, until: str | None
) -> dict | None:
    from newsdesk.cli.common import settings_from
    from newsdesk.cli.remote import ask_server, running_server

    parse_date(since, "--since")  # bad dates get the same error as in-process
    parse_date(until, "--until")
    url = running_server(settings_from(ctx).store)
    return ask_server(url, question, list(outlet or []), since or "", until or "") if url else None


def _print_json(data: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        from newsdesk.cli.remote import answer_from_json

        render_answer(answer_from_json(data))


def _print(answer: Answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        render_answer(answer)


def render_answer(answer: Answer) -> None:
    """An answer for a terminal: the text, then each source with its verbatim quote."""
    from newsdesk.answer.provenance import provenance_note

    style = "yellow" if answer.refused else "bold"
    console.print(f"[{style}]{escape(answer.answer)}[/]")
    for citation in answer.citations:
        note = provenance_note(citation.page, citation.also_carried_by)
        source = " · ".join(part for part in (citation.title, citation.outlet, citation.published, note) if part)
        who = f" — {for_terminal(citation.to_json()['claimant'])}" if citation.claimant else ""
        console.print(
            f"  [cyan][{citation.n}][/] {for_terminal(source)}{who}\n"
            f"      [dim]{for_terminal(citation.doc_id)}:{citation.start}-{citation.end}[/] “{escape(citation.quote)}”",
            highlight=False,
        )
    if answer.answerer is not None:
        console.print(f"[dim]{escape(answerer_note(answer))}[/]", highlight=False)
    if answer.disputes:
        from newsdesk.cli.claims import render_disputes

        render_disputes(answer.disputes)


def answerer_note(answer: Answer) -> str:
    """Who wrote the answer, and what the per-sentence check removed: "written by the language model; 1 of 3 sentences dropped"."""
    dropped = sum(1 for s in answer.generated if s.get("verdict") == "dropped")
    removed = f"; {dropped} of {len(answer.generated)} generated sentences dropped (unsupported)" if dropped else ""
    if answer.answerer == "llm":
        return f"written by the language model, every sentence checked against its citation{removed}"
    if answer.answerer == "extractive-fallback":
        return f"quoted from the articles: {answer.fallback_reason}{removed}"
    return "quoted from the articles (the language model is not asked to refuse or to state a dispute)"


def chat(
    ctx: typer.Context,
    k: KOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """A chat in the terminal; follow-up questions refer to earlier ones. Empty line or Ctrl-D ends it."""
    from newsdesk.assistant import Request

    assistant = assistant_from(ctx)
    filters = _filters(outlet, since, until, None)
    info = assistant.status()
    console.print(f"[dim]newsdesk: {info['documents']} documents, {info['chunks']} chunks. Empty line to quit.[/]")
    history: list[str] = []
    while True:
        try:
            question = console.input("[bold green]you>[/] ").strip()
        except EOFError:
            break
        if not question:
            break
        render_answer(assistant.ask(Request(question, tuple(history[-6:]), filters, k=k)))
        history.append(question)
