"""What the chat shows, as HTML and Markdown strings: pure functions, no Gradio.

Article text is untrusted: every piece of it goes through `html.escape`, so
markup or script inside an article is shown as text. The only tags in the
output are the ones written here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from newsdesk.answer.provenance import provenance_note
from newsdesk.claims.attribution import claimant_label
from newsdesk.display import visible
from newsdesk.answer.chat_models import PACKAGED_MODEL_NAMES
from newsdesk.settings import Settings

# "[3]" after the sentence it cites; the composer puts one after each quoted sentence.
_MARKER = re.compile(r"\[(\d+)\]")


def source_anchor(turn: int, n: int) -> str:
    """The element id of source ``n`` of chat turn ``turn`` (1-based), unique on the page."""
    return f"src-{turn}-{n}"


def text(value: str) -> str:
    """Untrusted text as inert HTML; newlines become spaces so Markdown sees one HTML block."""
    return html.escape(" ".join(value.split()), quote=True)


def label(value: str) -> str:
    """A title, outlet or file name: hidden characters (bidi overrides, zero-width joiners) shown, then escaped."""
    return html.escape(visible(value), quote=True)


def answer_html(answer: dict[str, Any], turn: int) -> str:
    """The chat bubble of a finished answer: citation markers link to their sources.

    A refusal gets its own look so it cannot be mistaken for an answer.
    """
    if answer["refused"]:
        return (
            '<div class="nd-refusal"><span class="nd-refusal-tag">Not in the corpus</span> '
            f"{text(answer['answer'])}</div>"
        )
    known = {citation["n"] for citation in answer["citations"]}

    def link(n: int) -> str:
        if n not in known:
            return f"[{n}]"
        return f'<a class="nd-cite" href="#{source_anchor(turn, n)}" title="Show source {n}">[{n}]</a>'

    if answer.get("answerer") == "llm":  # written by a model: each sentence as the check left it
        inner = " ".join(checked_sentence_html(sentence, link) for sentence in answer["sentences"])
    else:
        inner = _MARKER.sub(lambda match: link(int(match.group(1))), text(answer["answer"]))
    body = f'<div class="nd-answer">{inner}</div>' + answerer_note_html(answer)
    return body + "".join(disputes_html(dispute, turn) for dispute in answer.get("disputes", []))


def checked_sentence_html(sentence: dict[str, Any], link: Callable[[int], str]) -> str:
    """One sentence a language model wrote, after the check: with its citation markers when
    verified, set apart as unverified when flagged (``llm_unsupported = "flag"``)."""
    if sentence["verdict"] == "flagged":
        return (
            '<span class="nd-flagged" title="Its cited passages do not support this sentence">'
            f'{text(sentence["text"])} <span class="nd-flag-tag">unverified</span></span>'
        )
    markers = " ".join(link(n) for n in sentence["citations"])
    return f'<span class="nd-verified">{text(sentence["text"])} {markers}</span>'


def checking_html(sentences: list[dict[str, Any]]) -> str:
    """A generated answer while the model writes it: each sentence once it has been checked
    (dropped ones only counted), then a cursor."""
    shown = " ".join(checked_sentence_html(s, lambda n: f"[{n}]") for s in sentences if s["verdict"] != "dropped")
    return (
        f'<div class="nd-answer nd-streaming">{shown} <span class="nd-cursor">▍</span>'
        f'<span class="nd-checking">each sentence is shown once its sources are checked</span></div>'
        + dropped_html(sentences)
    )


def dropped_html(generated: list[dict[str, Any]]) -> str:
    dropped = sum(1 for sentence in generated if sentence["verdict"] == "dropped")
    if not dropped:
        return ""
    what = "sentence" if dropped == 1 else "sentences"
    return f'<div class="nd-answerer-note">{dropped} generated {what} removed: not supported by the cited passages.</div>'


def answerer_note_html(answer: dict[str, Any]) -> str:
    """Under an answer of the llm answerer: who wrote it, and what the check removed.
    Nothing under the extractive answerer's answers (it only quotes)."""
    kind = answer.get("answerer")
    if kind == "llm":
        return (
            '<div class="nd-answerer-note">Written by the language model; every sentence checked against the '
            "passages it cites.</div>" + dropped_html(answer.get("generated", []))
        )
    if kind == "extractive-fallback":
        reason = f" ({text(answer['fallback_reason'])})" if answer.get("fallback_reason") else ""
        return f'<div class="nd-answerer-note">Quoted from the articles: the model\'s answer did not pass the check{reason}.</div>'
    return ""


def disputes_html(dispute: dict[str, Any], turn: int) -> str:
    """The "disputed figures" table under an answer that gives every side (docs/claims.md).

    Columns no side fills (a caveat, an earlier figure) are left out.
    """
    figure = dispute["kind"] == "figure"
    rows = []
    for side in dispute["sides"]:
        who = claimant_label(side["claimant"], side.get("relay"))
        says = f"{side.get('hedge') or ''} {side['value']:,.0f}".strip() if figure else side["quote"]
        earlier = "; ".join(
            f"{e.get('hedge') or ''} {e['value']:,.0f}".strip() + f" ({e['as_of']})" for e in side.get("earlier", [])
        )
        cite = f'<a class="nd-cite" href="#{source_anchor(turn, side["citation"])}">[{side["citation"]}]</a>'
        rows.append([text(who), text(says), text(side.get("caveat") or ""), text(side.get("as_of") or ""), text(earlier), cite])
    headers = ["source", "says", "caveat", "as of", "earlier", ""]
    keep = [i for i in range(len(headers)) if i in (0, 1, 5) or any(row[i] for row in rows)]
    head = "".join(f"<th>{headers[i]}</th>" for i in keep)
    body = "".join("<tr>" + "".join(f"<td>{row[i]}</td>" for i in keep) + "</tr>" for row in rows)
    title = "Disputed figures" if figure else "Disputed statements"
    return (
        f'<table class="nd-disputes"><caption>{title}: {text(dispute["subject"])}</caption>'
        f"<tr>{head}</tr>{body}</table>"
    )


def partial_html(answer_text: str) -> str:
    """A streaming answer: the words so far, and a cursor."""
    return f'<div class="nd-answer nd-streaming">{text(answer_text)} <span class="nd-cursor">▍</span></div>'


def answering_with(settings: Settings) -> str:
    """Which answerer the server was started with (`answerer` setting), shown under the title."""
    if settings.answerer != "llm":
        return "Answers quote the articles' own sentences."
    if settings.llm_backend == "openai":
        model = f"{settings.llm_model} at {settings.llm_base_url}"
    elif settings.llm_model_path is not None:
        model = settings.llm_model_path.name
    else:
        model = PACKAGED_MODEL_NAMES[settings.llm_packaged_model]
    return (
        f"Answers are written by a language model ({html.escape(model)}); each sentence is shown only "
        "once checked against the passages it cites."
    )


def question_html(question: str) -> str:
    return f'<div class="nd-question">{text(question)}</div>'


def searching_html() -> str:
    return '<div class="nd-answer nd-streaming"><em>Searching the articles…</em></div>'


def passage_html(citation: dict[str, Any], passage: str, passage_start: int) -> str:
    """The passage with the cited span marked; everything escaped."""
    start = citation["start"] - passage_start
    end = citation["end"] - passage_start
    lead = len(passage[:start]) - len(passage[:start].lstrip())
    passage, start, end = passage[lead:].rstrip(), start - lead, end - lead
    return (
        f"{html.escape(passage[:start])}<mark>{html.escape(passage[start:end])}</mark>"
        f"{html.escape(passage[end:])}"
    )


def cited_passage(citation: dict[str, Any], retrieved: list[dict[str, Any]]) -> tuple[str, int]:
    """The retrieved chunk that holds the quote, and its start offset; the quote alone if none does."""
    for chunk in retrieved:
        if chunk["doc_id"] != citation["doc_id"]:
            continue
        if chunk["start"] <= citation["start"] and citation["end"] <= chunk["end"]:
            offset = citation["start"] - chunk["start"]
            if chunk["text"][offset:offset + len(citation["quote"])] == citation["quote"]:
                return chunk["text"], chunk["start"]
    return citation["quote"], citation["start"]


def source_html(citation: dict[str, Any], retrieved: list[dict[str, Any]], turn: int) -> str:
    """One source card: number, title, outlet, date, who said it, and the passage."""
    passage, passage_start = cited_passage(citation, retrieved)
    meta = [
        f'<span class="nd-outlet">{label(citation["outlet"]) or "outlet not given"}</span>',
        f'<span class="nd-date">{html.escape(citation["published"]) or "date not given"}</span>',
        f'<span class="nd-span">{label(citation["doc_id"])}:{citation["start"]}–{citation["end"]}</span>',
    ]
    note = provenance_note(citation.get("page"), citation.get("also_carried_by") or ())
    if note:
        meta.append(f'<span class="nd-provenance">{html.escape(note)}</span>')
    claimant = (
        f'<div class="nd-claimant">Said by: {html.escape(citation["claimant"])}</div>'
        if citation.get("claimant")
        else ""
    )
    return (
        f'<div class="nd-source" id="{source_anchor(turn, citation["n"])}">'
        f'<div class="nd-source-head"><span class="nd-n">[{citation["n"]}]</span> '
        f'<span class="nd-title">{label(citation["title"]) or label(citation["doc_id"])}</span></div>'
        f'<div class="nd-meta">{" · ".join(meta)}</div>{claimant}'
        f'<div class="nd-passage">{passage_html(citation, passage, passage_start)}</div>'
        "</div>"
    )


def turn_sources_html(answer: dict[str, Any], turn: int) -> str:
    if answer["refused"]:
        body = '<p class="nd-empty">No passage answers this question, so nothing is cited.</p>'
    else:
        body = "".join(source_html(c, answer["retrieved"], turn) for c in answer["citations"])
    return f'<div class="nd-turn-question">Q{turn}: {text(answer["question"])}</div>{body}'


def sources_panel_html(answers: list[dict[str, Any]]) -> str:
    """Every turn's sources, newest first and open; earlier turns folded away."""
    if not answers:
        return (
            '<div class="nd-sources"><p class="nd-empty">Ask a question: the passages each answer '
            "rests on appear here, with the quoted words highlighted.</p></div>"
        )
    parts = []
    for turn in range(len(answers), 0, -1):
        block = turn_sources_html(answers[turn - 1], turn)
        if turn == len(answers):
            parts.append(f'<div class="nd-turn nd-latest">{block}</div>')
        else:
            parts.append(
                f'<details class="nd-turn"><summary>Earlier: {text(answers[turn - 1]["question"])}</summary>'
                f"{block}</details>"
            )
    return f'<div class="nd-sources">{"".join(parts)}</div>'


def answer_markdown(answer: dict[str, Any]) -> str:
    """The answer with numbered sources and their quotes, for pasting into notes or a story."""
    lines = [f"**Q:** {answer['question']}", "", answer["answer"]]
    if answer["citations"]:
        lines += ["", "Sources:"]
    for citation in answer["citations"]:
        note = provenance_note(citation.get("page"), citation.get("also_carried_by") or ())
        where = ", ".join(part for part in (citation["title"], citation["outlet"], citation["published"], note) if part)
        who = f"; said by {citation['claimant']}" if citation.get("claimant") else ""
        lines.append(f"{citation['n']}. {where} ({citation['doc_id']}, characters {citation['start']}–{citation['end']}{who})")
        lines.append(f"   > {citation['quote']}")
    return "\n".join(lines) + "\n"


def _counted(count: int, noun: str) -> str:
    """"**1** document", "**2** documents"."""
    return f"**{count}** {noun}" + ("" if count == 1 else "s")


def status_markdown(status: dict[str, Any]) -> str:
    last = status.get("last_reindex") or "never"
    folders = ", ".join(f"`{html.escape(root)}`" for root in status.get("corpus", []))
    return (
        f"{_counted(status['documents'], 'document')} · {_counted(status['chunks'], 'passage')} · "
        f"last reindex: {html.escape(str(last))}" + (f"  \nindexing {folders}" if folders else "")
    )


def reindex_progress_html(done: int, total: int) -> str:
    if total:
        progress = f'<progress value="{done}" max="{total}"></progress> {done}/{total} articles embedded'
    else:
        progress = "reading the corpus…"
    return f"<div class='nd-reindex'>Reindexing: {progress}. Questions are still answered meanwhile.</div>"


def reindex_result_html(counts: dict[str, Any]) -> str:
    """The counts of a finished reindex, and each file that failed with its reason."""
    changes = ", ".join(f"{key} {counts.get(key, 0)}" for key in ("added", "updated", "deleted", "unchanged", "failed"))
    summary = f"Reindex done: {changes}. {counts.get('documents', 0)} documents, {counts.get('chunks', 0)} passages."
    failures = "".join(
        f"<li>{label(failure['path'])}: {html.escape(failure['reason'])}</li>"
        for failure in counts.get("failures", [])
    )
    return f"<div>{html.escape(summary)}</div>" + (f"<ul>{failures}</ul>" if failures else "")


def upload_results_html(results: list[dict[str, Any]]) -> str:
    """One line per uploaded file: its name, what happened to it, and why when it failed."""
    if not results:
        return ""
    rows = "".join(
        f'<tr class="nd-upload-{html.escape(r["outcome"])}"><td>{html.escape(r["name"])}</td>'
        f'<td>{html.escape(r["outcome"])}</td><td>{html.escape(r["reason"])}</td></tr>'
        for r in results
    )
    return f'<table class="nd-uploads"><tr><th>file</th><th>result</th><th>reason</th></tr>{rows}</table>'


def article_html(doc_id: str, title: str, meta: str, body: str, spans: list[tuple[int, int]]) -> str:
    """An article's full text (the text citations point into), cited spans highlighted."""
    pieces, position = [], 0
    for start, end in sorted(set(spans)):
        if start < position or end > len(body) or start >= end:
            continue
        pieces.append(html.escape(body[position:start]))
        pieces.append(f'<mark title="cited">{html.escape(body[start:end])}</mark>')
        position = end
    pieces.append(html.escape(body[position:]))
    return (
        f'<div class="nd-article"><div class="nd-source-head">{html.escape(title or doc_id)}</div>'
        f'<div class="nd-meta">{html.escape(meta)}</div>'
        f'<div class="nd-passage nd-article-body">{"".join(pieces)}</div></div>'
    )
