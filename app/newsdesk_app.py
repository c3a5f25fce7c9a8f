"""The newsdesk chat: a Gradio page over one `Assistant`.

Layout: the chat on the left (answers stream in; each ``[n]`` links to its
source), the sources panel, filters and index controls on the right. Named
API endpoints: ``/ask`` (the ``ask --json`` object) and ``/reindex`` (the
``reindex --json`` counts), for scripts using `gradio_client`.

All state that differs between users (the conversation) lives in `gr.State`;
the assistant is shared, loaded once, and safe to call from several threads.
"""

from __future__ import annotations

import datetime as dt
import html
import socket
import time
from collections.abc import Iterator
from typing import Any

import gradio as gr

from newsdesk.answer.answers import Answer
from newsdesk.answer.generation import AnswerEvent, Verified
from newsdesk.assistant import Assistant, Request
from newsdesk.display import shortened
from newsdesk.errors import NewsdeskError
from newsdesk.example_questions import ExampleQuestions
from newsdesk.index.retrieval import SearchFilters
from newsdesk.web_guard import guard_middleware

from .documents_panel import build_documents_panel
from .reindex_job import ReindexJob
from .render import (
    answer_html,
    answer_markdown,
    answering_with,
    checking_html,
    partial_html,
    question_html,
    reindex_progress_html,
    reindex_result_html,
    searching_html,
    sources_panel_html,
    status_markdown,
)

HISTORY_TURNS = 6  # earlier questions a follow-up may refer to, as in the terminal chat
STREAM_WORDS = 3  # words added per streamed update
# Between two streamed updates: updates sent back to back reach the page together and it draws only
# the last (seen on a loaded machine: the answer appeared whole). 20 ms a step is about 150 words/s.
STREAM_PAUSE_S = 0.02
ASK_CONCURRENCY = 4  # questions answered at once; each takes tens of milliseconds on 2 cores

CSS = """
.nd-disputes th, .nd-disputes td:not(:nth-child(-n+2)) { white-space: nowrap; vertical-align: top; }
/* A source may be a long role and name, a side a whole sentence: neither column may squeeze the other. */
.nd-disputes td:first-child { min-width: 7em; max-width: 14em; vertical-align: top; }
.nd-disputes td:nth-child(2) { min-width: 14em; vertical-align: top; }
#nd-sources { max-height: 640px; overflow-y: auto !important; }  /* gradio sets .block overflow: visible */
.nd-answer, .nd-question { line-height: 1.5; }
.nd-cite { font-weight: 600; text-decoration: none; padding: 0 1px; border-radius: 3px;
           background: var(--color-accent-soft); color: var(--color-accent); cursor: pointer; }
.nd-refusal { border-left: 4px solid #d97706; background: #fffbeb; color: #78350f;
              padding: 6px 10px; border-radius: 4px; font-style: italic; }
.nd-refusal-tag { font-style: normal; font-weight: 700; text-transform: uppercase; font-size: 0.75em;
                  letter-spacing: 0.05em; margin-right: 4px; }
.nd-cursor { opacity: 0.6; }
.nd-checking { font-size: 0.8em; color: var(--body-text-color-subdued); margin-left: 6px; font-style: italic; }
.nd-flagged { background: #fef2f2; border-bottom: 2px dotted #b91c1c; }
.nd-flag-tag { font-size: 0.7em; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em;
               color: #b91c1c; margin-left: 2px; }
.nd-answerer-note { font-size: 0.8em; color: var(--body-text-color-subdued); margin-top: 4px; }
.nd-turn-question { font-weight: 600; margin: 4px 0 8px; }
.nd-source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 12px;
             margin-bottom: 10px; background: var(--background-fill-primary); transition: box-shadow 0.3s; }
.nd-source-head { font-weight: 600; }
.nd-n { color: var(--color-accent); }
.nd-meta { font-size: 0.85em; color: var(--body-text-color-subdued); margin: 2px 0; }
.nd-claimant { font-size: 0.85em; margin: 2px 0; }
.nd-passage { white-space: pre-wrap; font-size: 0.9em; margin: 6px 0 0; padding-left: 10px;
              border-left: 3px solid var(--border-color-primary); }
.nd-passage mark { background: #fde68a; color: inherit; padding: 0 1px; }
.nd-flash { box-shadow: 0 0 0 3px var(--color-accent); }
.nd-uploads { width: 100%; border-collapse: collapse; font-size: 0.9em; border: none !important; }
.nd-uploads td, .nd-uploads th { padding: 3px 8px; text-align: left; vertical-align: top;
                                 border: none; border-bottom: 1px solid var(--border-color-primary); }
.nd-upload-failed td:nth-child(2) { color: #b91c1c; font-weight: 600; }
.nd-upload-added td:nth-child(2) { color: #15803d; font-weight: 600; }
.nd-article { max-height: 480px; overflow-y: auto; }
.nd-article-body { font-size: 0.95em; }
.nd-empty { color: var(--body-text-color-subdued); }
details.nd-turn > summary { cursor: pointer; color: var(--body-text-color-subdued); margin: 6px 0; }
/* The example questions: one under another, each framed as a button (the theme draws them borderless,
   white on white, so they read as plain text). */
#nd-chat .examples { grid-template-columns: 1fr; max-width: 34em; gap: var(--spacing-md); }
#nd-chat button.example { border: 1px solid var(--border-color-primary); padding: var(--spacing-lg) var(--spacing-xl); }
"""

# Citation links scroll the sources panel instead of navigating (the chat's
# Markdown renderer would open them in a new tab), and open a folded turn.
HEAD = """
<script>
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest('a[href^="#src-"]');
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  const source = document.getElementById(link.getAttribute("href").slice(1));
  if (!source) return;
  const folded = source.closest("details");
  if (folded) folded.open = true;
  source.scrollIntoView({ behavior: "smooth", block: "nearest" });
  source.classList.remove("nd-flash");
  void source.offsetWidth;
  source.classList.add("nd-flash");
  setTimeout(() => source.classList.remove("nd-flash"), 1500);
}, true);
</script>
"""

COPY_JS = """
(markdown) => {
  if (!markdown) return markdown;
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(markdown);
  } else {
    const area = document.createElement("textarea");
    area.value = markdown;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  return markdown;
}
"""


def parse_filters(outlets: list[str] | None, since: str | None, until: str | None) -> SearchFilters:
    """The filter controls as `SearchFilters`; a bad date or an oversized filter is a `gr.Error` the user sees."""
    try:
        return SearchFilters(outlets=tuple(outlets or ()), since=_date(since, "Since"), until=_date(until, "Until"))
    except NewsdeskError as exc:
        raise gr.Error(str(exc)) from None


def _date(value: str | None, label: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise gr.Error(f"{label} date {shortened(value)!r} is not a date: use YYYY-MM-DD, e.g. 2022-03-02.") from None


def conversation(answers: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The chat messages of all finished turns."""
    messages = []
    for turn, answer in enumerate(answers, start=1):
        messages.append({"role": "user", "content": question_html(answer["question"])})
        messages.append({"role": "assistant", "content": answer_html(answer, turn)})
    return messages


def unchanged(count: int) -> tuple[Any, ...]:
    """Leave ``count`` outputs as they are (fresh objects: Gradio may alter an update it is given)."""
    return tuple(gr.skip() for _ in range(count))


def example_question(event: gr.SelectData) -> str:
    return str(event.value["text"])


def word_prefixes(text: str, step: int = STREAM_WORDS) -> Iterator[str]:
    words = text.split(" ")
    for end in range(step, len(words), step):
        yield " ".join(words[:end])


def build_app(assistant: Assistant) -> gr.Blocks:
    """The chat page over ``assistant``; call `launch` to serve it."""
    job = ReindexJob(assistant)
    example_questions = ExampleQuestions(assistant)  # found once per snapshot, not per page load

    def answer(question: str, history: list[str], filters: SearchFilters) -> dict[str, Any]:
        try:
            return assistant.ask(Request(question, tuple(history[-HISTORY_TURNS:]), filters)).to_json()
        except NewsdeskError as exc:
            raise gr.Error(str(exc)) from exc

    def answer_events(question: str, history: list[str], filters: SearchFilters) -> Iterator[AnswerEvent]:
        """The answer as it is written (`Assistant.stream`): the final `Answer` last."""
        try:
            yield from assistant.stream(Request(question, tuple(history[-HISTORY_TURNS:]), filters))
        except NewsdeskError as exc:
            raise gr.Error(str(exc)) from exc

    def respond(
        question: str, answers: list[dict[str, Any]], outlets: list[str] | None, since: str, until: str
    ) -> Iterator[tuple[Any, ...]]:
        """Stream one turn: outputs are (chat, question box, sources, markdown, answers)."""
        question = (question or "").strip()
        if not question:
            yield unchanged(5)
            return
        filters = parse_filters(outlets, since, until)
        shown = conversation(answers) + [
            {"role": "user", "content": question_html(question)},
            {"role": "assistant", "content": searching_html()},
        ]
        yield shown, "", *unchanged(3)
        checked: list[dict[str, Any]] = []
        result: dict[str, Any] = {}
        try:
            for event in answer_events(question, [a["question"] for a in answers], filters):
                if isinstance(event, Answer):
                    result = event.to_json()
                elif isinstance(event, Verified):  # a model's sentence, checked: shown (or counted) now
                    checked.append(event.sentence.to_json())
                    yield shown[:-1] + [{"role": "assistant", "content": checking_html(checked)}], *unchanged(4)
        except gr.Error:
            yield conversation(answers), question, *unchanged(3)  # take back the pending turn
            raise
        if not result["refused"] and not checked:  # a quoted answer arrives whole: shown a few words at a time
            for prefix in word_prefixes(result["answer"]):
                yield shown[:-1] + [{"role": "assistant", "content": partial_html(prefix)}], *unchanged(4)
                time.sleep(STREAM_PAUSE_S)
        answers = answers + [result]
        yield conversation(answers), gr.skip(), sources_panel_html(answers), answer_markdown(result), answers

    def ask_api(
        question: str,
        history: list[str] | None = None,
        outlets: list[str] | None = None,
        since: str = "",
        until: str = "",
    ) -> dict[str, Any]:
        """Answer one question; returns the same JSON object as `newsdesk ask --json`."""
        return answer(question, list(history or []), parse_filters(outlets, since, until))

    def ask_stream_api(
        question: str,
        history: list[str] | None = None,
        outlets: list[str] | None = None,
        since: str = "",
        until: str = "",
    ) -> Iterator[dict[str, Any]]:
        """Answer one question as it is written: with the llm answerer, {"event": "sentence", "sentence":
        {text, citations, verdict}} for each generated sentence once checked; always last {"event": "answer",
        "answer": the `newsdesk ask --json` object} (which may be the extractive fallback)."""
        for event in answer_events(question, list(history or []), parse_filters(outlets, since, until)):
            if isinstance(event, Verified):
                yield {"event": "sentence", "sentence": event.sentence.to_json()}
            elif isinstance(event, Answer):
                yield {"event": "answer", "answer": event.to_json()}

    def reindex_api() -> dict[str, Any]:
        """Reindex the corpus (waits for it); returns the counts of `newsdesk reindex --json`."""
        state = job.run_and_wait()
        if state.error:
            raise gr.Error(state.error)
        return state.counts or {}

    def refresh() -> tuple[str, Any]:
        status = assistant.status()
        return status_markdown(status), gr.update(choices=status["outlets"])

    def reindex_ui() -> Iterator[tuple[Any, ...]]:
        thread = job.start()
        while thread.is_alive():
            yield reindex_progress_html(job.state.done, job.state.total), gr.skip(), gr.skip()
            thread.join(0.3)
        state = job.state
        if state.error:
            yield f"<div class='nd-refusal'>{html.escape(state.error)}</div>", gr.skip(), gr.skip()
            return
        yield (reindex_result_html(state.counts or {}), *refresh())

    def from_query(request: gr.Request) -> tuple[Any, ...]:
        """Status on page load, and a question given as ``?q=`` (links, the screenshot) put in the box."""
        status_md, outlet_update = refresh()
        return status_md, outlet_update, request.query_params.get("q", "") if request else ""

    def examples() -> list[dict[str, str]] | None:
        return [{"text": q} for q in example_questions.current()] or None

    def current_examples() -> Any:
        return gr.update(examples=examples())

    initial = assistant.status()
    with gr.Blocks(title="newsdesk", analytics_enabled=False) as demo:
        answers = gr.State([])
        with gr.Row(equal_height=True):
            gr.Markdown(
                "## newsdesk\nAnswers from the indexed articles only, each sentence cited and attributed.  \n"
                + answering_with(assistant.settings),
                elem_id="nd-title",
            )
            status = gr.Markdown(status_markdown(initial), elem_id="nd-status")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label="Chat",
                    height=560,
                    elem_id="nd-chat",
                    latex_delimiters=[],
                    sanitize_html=True,
                    feedback_options=None,
                    buttons=[],
                    placeholder="Ask about the articles in the corpus. Every answer cites the passages it rests on.",
                    examples=examples(),
                )
                with gr.Row():
                    question = gr.Textbox(
                        placeholder="Ask a question; follow-ups may refer to earlier answers",
                        show_label=False,
                        scale=6,
                        max_length=1000,
                        autofocus=True,
                        elem_id="nd-question",
                    )
                    ask_button = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="nd-ask")
                with gr.Row():
                    copy_button = gr.Button("Copy answer as Markdown", size="sm", elem_id="nd-copy")
                    new_button = gr.Button("New conversation", size="sm")
                with gr.Accordion("Last answer as Markdown", open=False):
                    markdown = gr.Textbox(show_label=False, lines=6, interactive=False, buttons=["copy"], elem_id="nd-markdown")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(sources_panel_html([]), elem_id="nd-sources")
                with gr.Accordion("Filters", open=False):
                    outlets = gr.Dropdown(
                        choices=initial["outlets"], multiselect=True, label="Outlets", info="Empty: every outlet."
                    )
                    with gr.Row():
                        since = gr.Textbox(label="Published since", placeholder="YYYY-MM-DD", max_length=10)
                        until = gr.Textbox(label="Published until", placeholder="YYYY-MM-DD", max_length=10)
                with gr.Accordion("Index", open=False):
                    reindex_button = gr.Button("Reindex the corpus", size="sm")
                    reindex_log = gr.HTML("")
        documents = build_documents_panel(assistant, job, answers, status, outlets)

        turn_inputs = [question, answers, outlets, since, until]
        turn_outputs = [chatbot, question, sources, markdown, answers]
        # A question asked while the previous answer is still finishing runs after it ("always_last"); Gradio's
        # default for a click drops it.
        turn = dict(fn=respond, inputs=turn_inputs, outputs=turn_outputs, api_visibility="private",
                    concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask", trigger_mode="always_last")
        question.submit(**turn)
        ask_button.click(**turn)
        chatbot.example_select(example_question, None, question, api_visibility="private").then(**turn)
        forget = dict(
            fn=lambda: ([], [], sources_panel_html([]), ""),
            inputs=None,
            outputs=[chatbot, answers, sources, markdown],
            api_visibility="private",
        )
        new_button.click(**forget)
        chatbot.clear(**forget)
        copy_button.click(None, markdown, None, js=COPY_JS, api_visibility="private")
        reindex_button.click(
            reindex_ui, None, [reindex_log, status, outlets], api_visibility="private", concurrency_limit=None
        ).then(
            documents.rows, documents.search, documents.table, api_visibility="private"
        ).then(current_examples, None, chatbot, api_visibility="private")
        demo.load(from_query, None, [status, outlets, question], api_visibility="private").then(**turn)
        # The examples follow the corpus as it is when the page opens, and after a reindex.
        demo.load(current_examples, None, chatbot, api_visibility="private")
        gr.api(ask_api, api_name="ask", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
        gr.api(ask_stream_api, api_name="ask_stream", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
        gr.api(reindex_api, api_name="reindex", concurrency_limit=None)
    return demo


def free_port(host: str) -> int:
    """A port nobody listens on now: Gradio cannot be given port 0 itself."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def launch(
    demo: gr.Blocks,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: tuple[str, str] | None = None,
    block: bool = True,
    allowed_hosts: tuple[str, ...] = (),
    max_upload_bytes: int = 1_000_000,
) -> str:
    """Serve ``demo``; returns its local URL (when ``block`` is false, at once). Port 0: any free port.

    Nothing but the page and its API is served: no share tunnel, no MCP
    server, no files from disk (Gradio serves only files it created). Uploads
    (behind the login when there is one) go to Gradio's cache, then through
    `newsdesk.articles.documents` into the corpus upload folder; ``max_upload_bytes``
    bounds one upload request. The request guard of `newsdesk.web_guard` sees
    every request first: Host and Origin must be this server's
    (``allowed_hosts`` adds names), with a login every API route needs it, and
    wrong passwords slow the client down.
    """
    guard = guard_middleware(host, allowed_hosts, auth is not None, max_upload_bytes)
    demo.queue(default_concurrency_limit=ASK_CONCURRENCY)
    demo.launch(
        server_name=host,
        server_port=port or free_port(host),
        auth=auth,
        auth_message="newsdesk: sign in with the username and password you were given." if auth else None,
        prevent_thread_lock=not block,
        share=False,
        inbrowser=False,
        show_error=True,
        quiet=True,
        ssr_mode=False,
        mcp_server=False,
        pwa=False,
        enable_monitoring=False,
        max_file_size=max_upload_bytes,
        app_kwargs={"middleware": [guard]},
        footer_links=["api"],
        theme=gr.themes.Soft(),
        css=CSS,
        head=HEAD,
    )
    return demo.local_url or f"http://{host}:{port}/"
