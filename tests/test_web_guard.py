"""The chat server against a hostile browser or network: a DNS-rebinding page,
a cross-site request, a password guesser, an unauthenticated heartbeat or
upload, and a missing index. Real servers on free loopback ports; requests
are raw HTTP (httpx) so headers can be forged as an attacker would."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from gradio_client import Client

from newsdesk.assistant import Assistant
from newsdesk.cli.serving import load_app
from newsdesk.index.embedding import Embedder
from newsdesk.settings import load_settings
from newsdesk.web_guard import FREE_LOGIN_FAILURES, host_name

pytestmark = pytest.mark.slow

USER, PASSWORD = "editor", "s3cret-pass"
ASK_BODY = {"data": ["Who controls Kherson?", [], [], "", ""]}


@pytest.fixture(scope="module")
def ui() -> ModuleType:
    return load_app()


@pytest.fixture(scope="module")
def open_server(ui: ModuleType, seed_assistant: Assistant) -> Iterator[str]:
    """No login, default host names, plus one configured name."""
    demo = ui.build_app(seed_assistant)
    url = ui.launch(demo, "127.0.0.1", 0, block=False, allowed_hosts=("newsdesk.lan",))
    yield url
    demo.close()


@pytest.fixture(scope="module")
def login_server(ui: ModuleType, seed_assistant: Assistant) -> Iterator[str]:
    demo = ui.build_app(seed_assistant)
    url = ui.launch(demo, "127.0.0.1", 0, auth=(USER, PASSWORD), block=False)
    yield url
    demo.close()


def _port(url: str) -> int:
    return httpx.URL(url).port or 80


def test_a_dns_rebinding_request_to_the_ask_endpoint_is_refused(open_server: str) -> None:
    forged = {"Host": f"evil.example:{_port(open_server)}"}
    response = httpx.post(f"{open_server}gradio_api/call/ask", json=ASK_BODY, headers=forged)
    assert response.status_code == 421
    assert "event_id" not in response.text
    assert httpx.get(open_server, headers=forged).status_code == 421


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1.evil.example"])
def test_a_request_from_another_sites_page_is_refused(open_server: str, origin: str) -> None:
    response = httpx.post(f"{open_server}gradio_api/call/ask", json=ASK_BODY, headers={"Origin": origin})
    assert response.status_code == 403


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "newsdesk.lan"])
def test_loopback_and_configured_host_names_are_answered(open_server: str, host: str) -> None:
    port = _port(open_server)
    response = httpx.post(
        f"{open_server}gradio_api/call/ask", json=ASK_BODY,
        headers={"Host": f"{host}:{port}", "Origin": f"http://{host}:{port}"},
    )
    assert response.status_code == 200 and "event_id" in response.json()


@pytest.mark.parametrize(
    ("header", "name"),
    [("127.0.0.1:7860", "127.0.0.1"), ("[::1]:7860", "::1"), ("Evil.Example", "evil.example"),
     ("http://localhost:7860", "localhost"), ("http://evil.example.127.0.0.1.nip.io", "evil.example.127.0.0.1.nip.io")],
)
def test_host_names_are_read_without_port_or_brackets(header: str, name: str) -> None:
    assert host_name(header) == name


def test_wrong_passwords_slow_the_client_down_and_the_right_one_works_after_the_wait(login_server: str) -> None:
    login = f"{login_server}login"
    statuses = [httpx.post(login, data={"username": USER, "password": f"guess-{n}"}).status_code for n in range(30)]

    # The back-off doubles from 1 s: a slow machine lets a few more through, never most of them.
    assert statuses.count(400) <= FREE_LOGIN_FAILURES + 4, statuses
    assert statuses.count(429) >= 20, statuses
    # Right after a refusal with more than a second still to wait, even the right password is not checked.
    # Retry-After is rounded up, so only a value of 2 or more promises that; a shorter wait may lapse between two
    # requests on a loaded machine, and a wrong guess checked after it doubles the next wait.
    for _ in range(10):
        refused = httpx.post(login, data={"username": USER, "password": "guess-again"})
        if refused.status_code == 429 and float(refused.headers["retry-after"]) >= 2.0:
            break
    blocked = httpx.post(login, data={"username": USER, "password": PASSWORD})
    assert blocked.status_code == 429, "no password is checked during the back-off"
    time.sleep(float(blocked.headers["retry-after"]) + 0.2)
    assert httpx.post(login, data={"username": USER, "password": PASSWORD}).status_code == 200


def test_the_heartbeat_and_other_api_routes_need_a_login(login_server: str) -> None:
    with httpx.stream("GET", f"{login_server}gradio_api/heartbeat/abc123", timeout=5) as response:
        assert response.status_code == 401
    for path in ("gradio_api/queue/status", "gradio_api/reset", "gradio_api/cancel"):
        assert httpx.request("GET" if path.endswith("status") else "POST", f"{login_server}{path}").status_code == 401


def test_an_upload_needs_a_login_when_login_is_on(login_server: str) -> None:
    files = {"files": ("a.md", b"Some text.\n", "text/markdown")}
    assert httpx.post(f"{login_server}gradio_api/upload", files=files).status_code == 401


def test_many_files_in_one_upload_are_refused_past_the_size_limit(open_server: str) -> None:
    files = [("files", (f"part-{n}.md", b"x" * 400_000, "text/markdown")) for n in range(5)]  # 2 MB, 400 KB each
    response = httpx.post(f"{open_server}gradio_api/upload", files=files)
    assert response.status_code == 413


def test_one_small_upload_is_still_accepted(open_server: str) -> None:
    files = {"files": ("a.md", b"Some text.\n", "text/markdown")}
    assert httpx.post(f"{open_server}gradio_api/upload", files=files).status_code == 200


def test_the_chat_says_the_index_is_missing_instead_of_the_corpus_does_not_say(
    ui: ModuleType, tmp_path: Path, embedder: Embedder
) -> None:
    empty = Assistant(load_settings(environ={}, store=tmp_path / "never-built"), embedder=embedder)
    demo = ui.build_app(empty)
    url = ui.launch(demo, "127.0.0.1", 0, block=False)
    try:
        with pytest.raises(Exception, match="missing or empty; build it with"):
            Client(url, verbose=False).predict("Who controls Kherson?", [], [], "", "", api_name="/ask")
    finally:
        demo.close()
