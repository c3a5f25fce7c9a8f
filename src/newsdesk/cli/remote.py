"""`newsdesk ask` through a running `newsdesk serve` of the same store.

A one-question ``ask`` spends almost all of its time importing Chroma and
LangChain and loading the model and the index; a running chat server has all
of that loaded. ``serve`` advertises its local URL in ``<store>/serve.json``
while it runs; ``ask`` posts the question to that server's ``/ask`` API (the
one `gradio_client` uses, spoken here with the standard library so nothing
heavy is imported) and falls back to answering in-process on any failure.
Servers with a login are not used (the CLI has no password to give).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from newsdesk.atomic import write_atomically

SERVER_FILE = "serve.json"
_TIMEOUT = 60.0


def advertise(store: Path, url: str, login: bool) -> Path:
    """Write ``<store>/serve.json`` naming this process and its URL (atomically)."""
    path = store / SERVER_FILE
    write_atomically(path, json.dumps({"url": url, "pid": os.getpid(), "login": login}))
    return path


def withdraw(path: Path) -> None:
    """Remove the advertisement if it is still this process's."""
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def running_server(store: Path) -> str | None:
    """The URL of a live, login-free `newsdesk serve` of ``store``, if there is one."""
    try:
        data = json.loads((store / SERVER_FILE).read_text(encoding="utf-8"))
        pid, url = int(data["pid"]), str(data["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if data.get("login") or not url.startswith("http://"):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a server that died without cleaning up
    except PermissionError:
        pass  # alive, another user's
    return url


def ask_server(url: str, question: str, outlets: list[str], since: str, until: str) -> dict[str, Any] | None:
    """The answer JSON (as `ask --json` prints it) from the server's ``/ask`` API, or None on any failure."""
    import urllib.error  # here: a run with no server advertised never needs them
    import urllib.request

    base = url.rstrip("/") + "/gradio_api/call/ask"
    payload = json.dumps({"data": [question, [], outlets, since, until]}).encode("utf-8")
    try:
        request = urllib.request.Request(base, data=payload, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
            event_id = json.loads(response.read())["event_id"]
        with urllib.request.urlopen(f"{base}/{event_id}", timeout=_TIMEOUT) as response:
            event = ""
            for raw in response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("event:"):
                    event = line.split(":", 1)[1].strip()
                elif line.startswith("data:") and event == "complete":
                    result = json.loads(line.split(":", 1)[1])
                    return result[0] if isinstance(result, list) and result and isinstance(result[0], dict) else None
                elif event == "error":
                    return None
    except (OSError, ValueError, KeyError, urllib.error.URLError):
        return None
    return None


def answer_from_json(data: dict[str, Any]) -> Any:
    """An `Answer` rebuilt from its JSON, for the terminal renderer."""
    from newsdesk.answer.answers import Answer, Citation

    citations = []
    for item in data.get("citations", []):
        fields = {key: item[key] for key in ("n", "doc_id", "title", "outlet", "published", "quote", "start", "end")}
        citations.append(Citation(**fields, claimant=item.get("claimant")))  # "X, via Y" already joined
    return Answer(
        question=data.get("question", ""),
        answer=data.get("answer", ""),
        refused=bool(data.get("refused")),
        citations=citations,
        retrieved=data.get("retrieved", []),
        timings_ms=data.get("timings_ms", {}),
        disputes=data.get("disputes", []),
        answerer=data.get("answerer"),
        sentences=data.get("sentences", []),
        generated=data.get("generated", []),
        fallback_reason=data.get("fallback_reason"),
    )
