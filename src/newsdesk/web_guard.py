"""Request checks for the chat server, in front of everything Gradio serves.

- **Host and Origin** must name this server (loopback names, the bind address,
  and the ``allowed_hosts`` setting): a web page the user visits cannot read
  the corpus through a DNS-rebinding domain, whose requests carry its own name.
- **Login back-off**: after a few wrong passwords from one client, that client
  waits, doubling each time, before it may try again (HTTP 429, Retry-After).
- **Sessions**: with a login, every ``/gradio_api/`` route needs the session
  cookie (Gradio leaves ``/heartbeat`` and a few others open), except the few
  the login page itself needs.
- **Upload size**: a request to the upload route larger than the limit is
  refused from its Content-Length, before it is read.

A pure ASGI middleware (Starlette's `TrustedHostMiddleware` checks only Host),
given to Gradio's FastAPI app through ``app_kwargs``.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_ADDRESSES = frozenset({"0.0.0.0", "::", ""})
FREE_LOGIN_FAILURES = 3  # wrong passwords allowed before the back-off starts
FIRST_BACKOFF_SECONDS = 1.0
MAX_BACKOFF_SECONDS = 60.0
MAX_TRACKED_CLIENTS = 10_000  # memory bound on the back-off table
# What the login page needs before anyone is signed in (startup-events: Gradio's launch calls it itself).
_OPEN_API_PATHS = ("/gradio_api/login_check", "/gradio_api/token", "/gradio_api/user", "/gradio_api/theme.css",
                   "/gradio_api/app_id", "/gradio_api/startup-events")
_LOGIN_PATHS = ("/login", "/login/")
_UPLOAD_PATHS = ("/gradio_api/upload", "/gradio_api/upload/")
_FORM_OVERHEAD_BYTES = 64 * 1024  # multipart boundaries and headers around the file itself

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def allowed_host_names(bind_host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Loopback names, the bind address unless it is a wildcard, and the configured names (lower case)."""
    names = set(LOOPBACK_NAMES) | {name.strip().lower().strip("[]") for name in extra if name.strip()}
    if bind_host.strip("[]") not in WILDCARD_ADDRESSES:
        names.add(bind_host.lower().strip("[]"))
    return frozenset(names)


def host_name(value: str) -> str:
    """The name part of a Host header or an Origin URL, lower case, without port or brackets."""
    if "://" in value:
        return (urlsplit(value).hostname or "").lower()
    if value.startswith("["):
        return value[1:value.find("]")].lower() if "]" in value else ""
    return value.rsplit(":", 1)[0].lower() if value.count(":") == 1 else value.lower()


@dataclass
class LoginBackoff:
    """Wrong-password counts per client, and until when each client must wait."""

    free_failures: int = FREE_LOGIN_FAILURES
    first_delay: float = FIRST_BACKOFF_SECONDS
    max_delay: float = MAX_BACKOFF_SECONDS
    _failures: dict[str, int] = field(default_factory=dict)
    _blocked_until: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_seconds(self, client: str) -> float:
        with self._lock:
            return max(0.0, self._blocked_until.get(client, 0.0) - time.monotonic())

    def failed(self, client: str) -> None:
        with self._lock:
            if len(self._failures) >= MAX_TRACKED_CLIENTS:  # many addresses: forget those no longer blocked
                now = time.monotonic()
                for known in [c for c in self._failures if self._blocked_until.get(c, 0.0) <= now]:
                    self._failures.pop(known, None)
                    self._blocked_until.pop(known, None)
            count = self._failures.get(client, 0) + 1
            self._failures[client] = count
            if count > self.free_failures:
                delay = min(self.max_delay, self.first_delay * 2 ** (count - self.free_failures - 1))
                self._blocked_until[client] = time.monotonic() + delay

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)
            self._blocked_until.pop(client, None)


class RequestGuard:
    """The ASGI middleware; see the module doc. ``auth_on``: a login is configured."""

    def __init__(
        self,
        app: ASGIApp,
        allowed_hosts: frozenset[str],
        auth_on: bool = False,
        max_upload_bytes: int | None = None,
        backoff: LoginBackoff | None = None,
    ) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        self.auth_on = auth_on
        self.max_upload_bytes = max_upload_bytes
        self.backoff = backoff or LoginBackoff()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope.get("headers", [])}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _respond(send, scope, *refusal)
            return
        path = scope.get("path", "")
        if self.auth_on and scope["type"] == "http" and scope.get("method") == "POST" and path in _LOGIN_PATHS:
            await self._login(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str, dict[str, str]] | None:
        host = headers.get("host", "")
        if host_name(host) not in self.allowed_hosts:
            return 421, "This server does not answer to that host name (set allowed_hosts to add one).", {}
        origin = headers.get("origin")
        # "null" too: a sandboxed frame or a file:// page of any site sends it.
        if origin is not None and host_name(origin) not in self.allowed_hosts:
            return 403, "Requests from other sites are refused.", {}
        path = scope.get("path", "")
        if self.auth_on and path.startswith("/gradio_api/") and not path.startswith(_OPEN_API_PATHS):
            if not _signed_in(scope, headers):
                return 401, "Sign in first.", {}
        if path in _UPLOAD_PATHS and self.max_upload_bytes is not None:
            length = headers.get("content-length", "")
            if not length.isdigit() or int(length) > self.max_upload_bytes + _FORM_OVERHEAD_BYTES:
                return 413, f"Uploads are limited to {self.max_upload_bytes / 1e6:.1f} MB per request.", {}
        return None

    async def _login(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self.backoff.wait_seconds(client)
        if wait > 0:
            await _respond(send, scope, 429, f"Too many wrong passwords; try again in {wait:.0f} s.",
                           {"retry-after": str(max(1, math.ceil(wait)))})
            return
        status: list[int] = []

        async def watch(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
            await send(message)

        await self.app(scope, receive, watch)
        if status and status[0] < 300:
            self.backoff.succeeded(client)
        elif status and status[0] in (400, 401, 403):
            self.backoff.failed(client)


def _signed_in(scope: Scope, headers: dict[str, str]) -> bool:
    """The request carries a session cookie Gradio issued at login."""
    app = scope.get("app")
    tokens = getattr(app, "tokens", None)
    cookie_id = getattr(app, "cookie_id", None)
    if not tokens or cookie_id is None:
        return False
    cookies = _cookies(headers.get("cookie", ""))
    return any(
        cookies.get(name) in tokens for name in (f"access-token-{cookie_id}", f"access-token-unsecure-{cookie_id}")
    )


def _cookies(header: str) -> dict[str, str]:
    found = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name:
            found[name] = value
    return found


async def _respond(send: Send, scope: Scope, status: int, message: str, headers: dict[str, str]) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    body = json.dumps({"error": message}).encode()
    raw_headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw_headers += [(key.encode(), value.encode()) for key, value in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


def guard_middleware(bind_host: str, extra_hosts: Iterable[str], auth_on: bool, max_upload_bytes: int) -> Any:
    """The guard as a Starlette `Middleware` entry, for Gradio's ``app_kwargs={"middleware": [...]}``."""
    from starlette.middleware import Middleware

    return Middleware(
        RequestGuard,  # type: ignore[arg-type]
        allowed_hosts=allowed_host_names(bind_host, extra_hosts),
        auth_on=auth_on,
        max_upload_bytes=max_upload_bytes,
    )
