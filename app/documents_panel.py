"""The documents panel: upload files into the corpus, list what is indexed, open and delete one.

Only UI here: saving, checking and deleting files is `newsdesk.articles.documents`.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from newsdesk.assistant import Assistant
from newsdesk.articles.documents import (
    UploadResult,
    delete_document,
    document_rows,
    save_uploads,
    upload_results,
)
from newsdesk.errors import NewsdeskError
from newsdesk.articles.formats import SUPPORTED_SUFFIXES

from .reindex_job import ReindexJob
from .render import article_html, reindex_progress_html, status_markdown, upload_results_html

COLUMNS = ["title", "outlet", "date", "chunks", "wire copy of", "document id"]


def cited_spans(answers: list[dict[str, Any]], doc_id: str) -> list[tuple[int, int]]:
    """Every span of ``doc_id`` that an answer of this conversation cited."""
    return [
        (int(c["start"]), int(c["end"]))
        for answer in answers or []
        for c in answer.get("citations", [])
        if c.get("doc_id") == doc_id
    ]


@dataclass(frozen=True)
class DocumentsList:
    """The panel's list, for events outside the panel that change the corpus (the Index accordion's reindex)."""

    table: gr.Dataframe
    search: gr.Textbox
    rows: Callable[[str], list[list[Any]]]


def build_documents_panel(assistant: Assistant, job: ReindexJob, answers: gr.State, status: gr.Markdown,
                          outlets: gr.Dropdown) -> DocumentsList:
    """Lay out the panel in the current Blocks context and wire its events."""
    settings = assistant.settings

    def rows(query: str = "") -> list[list[Any]]:  # also called on each page load (value=rows)
        return document_rows(assistant.reader.current()[0], query)

    def refreshed(query: str) -> tuple[Any, ...]:
        info = assistant.status()
        return rows(query), status_markdown(info), gr.update(choices=info["outlets"])

    def upload(files: list[str] | None, query: str) -> Iterator[tuple[Any, ...]]:
        """Save the files, reindex (progress shown), then each file's result.

        Outputs: (log, table, status, outlets, upload box, results as JSON).
        """
        pairs = [(Path(f).name, Path(f)) for f in files or []]
        if not pairs:
            yield "", *refreshed(query), gr.skip(), []
            return
        try:
            refused, saved = save_uploads(settings, pairs)
        except NewsdeskError as exc:
            raise gr.Error(str(exc)) from exc
        results: list[UploadResult] = list(refused)
        if saved:
            thread = job.start_new()
            while thread.is_alive():
                yield reindex_progress_html(job.state.done, job.state.total), *(gr.skip() for _ in range(5))
                thread.join(0.3)
            if job.state.error:
                raise gr.Error(job.state.error)
            results += upload_results(saved, job.state.report, settings)
        found = [r.to_json() for r in results]
        yield upload_results_html(found), *refreshed(query), None, found

    def open_document(event: gr.SelectData, table: Any, conversation: list[dict[str, Any]]) -> tuple[str, str]:
        row = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        doc_id = str(table.iloc[row, -1]) if hasattr(table, "iloc") else str(table[row][-1])
        return doc_id, view(doc_id, conversation)

    def view(doc_id: str, conversation: list[dict[str, Any]]) -> str:
        if not doc_id:
            return ""
        try:
            article = assistant.article(doc_id)
        except NewsdeskError as exc:
            return f"<div class='nd-refusal'>{html.escape(str(exc))}</div>"
        entry = assistant.documents().get(doc_id)
        copy = f"wire copy of {entry.copy_of}" if entry is not None and entry.copy_of else ""
        meta = " · ".join(p for p in (article.outlet, article.published_iso, article.author, doc_id, copy) if p)
        return article_html(doc_id, article.title, meta, article.body, cited_spans(conversation, doc_id))

    def delete(doc_id: str, query: str) -> Iterator[tuple[Any, ...]]:
        if not doc_id:
            raise gr.Error("Select a document in the list first.")
        try:
            path = delete_document(settings, assistant.reader.current()[0], doc_id)
        except NewsdeskError as exc:
            raise gr.Error(str(exc)) from exc
        thread = job.start_new()
        while thread.is_alive():
            yield reindex_progress_html(job.state.done, job.state.total), *(gr.skip() for _ in range(5))
            thread.join(0.3)
        note = f"Deleted {path.name} from the corpus and the index."
        yield f"<div>{html.escape(note)}</div>", "", "", *refreshed(query)

    def delete_api(doc_id: str) -> dict[str, Any]:
        for _ in delete(doc_id, ""):
            pass
        return {"deleted": doc_id, "documents": assistant.status()["documents"]}

    def documents_api(query: str = "") -> list[dict[str, Any]]:
        """The indexed documents (title, outlet, published, chunks, doc_id) matching ``query``."""
        keys = ("title", "outlet", "published", "chunks", "copy_of", "doc_id")
        return [dict(zip(keys, row, strict=True)) for row in rows(query)]

    with gr.Accordion("Documents", open=True, elem_id="nd-documents"):
        with gr.Row():
            with gr.Column(scale=2):
                files = gr.File(
                    label=f"Add articles ({', '.join(sorted(SUPPORTED_SUFFIXES))}; up to "
                    f"{settings.upload_max_mb:g} MB each)",
                    file_count="multiple",
                    # No file_types: Gradio would refuse the whole drop for one odd file;
                    # newsdesk.articles.documents refuses that file alone, with the reason.
                    elem_id="nd-upload",
                    height=140,
                )
                upload_log = gr.HTML("", elem_id="nd-upload-log")
                upload_json = gr.JSON(visible=False)
            with gr.Column(scale=3):
                search = gr.Textbox(placeholder="Search titles, outlets, dates", show_label=False,
                                    elem_id="nd-doc-search", max_length=200)
                table = gr.Dataframe(
                    value=rows, headers=COLUMNS, interactive=False, elem_id="nd-doc-table",
                    max_height=320, wrap=True, column_widths=["25%", "14%", "12%", "11%", "18%", "20%"],
                )
                selected = gr.Textbox(label="Selected document", interactive=False, elem_id="nd-doc-selected")
                delete_button = gr.Button("Delete this document", size="sm", variant="stop", elem_id="nd-doc-delete")
        article = gr.HTML("", elem_id="nd-article")

    files.upload(
        upload, [files, search], [upload_log, table, status, outlets, files, upload_json], api_name="upload",
        concurrency_limit=None,
    )
    search.change(lambda q: rows(q), search, table, api_visibility="private")
    table.select(open_document, [table, answers], [selected, article], api_visibility="private")
    delete_button.click(
        delete, [selected, search], [upload_log, selected, article, table, status, outlets],
        api_visibility="private", concurrency_limit=None,
    )
    gr.api(delete_api, api_name="delete_document", concurrency_limit=None)
    gr.api(documents_api, api_name="documents")
    return DocumentsList(table, search, rows)

