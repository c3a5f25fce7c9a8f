"""A headless Chromium driven over the DevTools protocol, for tests of the chat page.

Just enough of the protocol to open a page, run JavaScript in it, wait for an
element and take a screenshot. `available()` is false when Chromium is not
installed; browser tests skip then.
"""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import websocket

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-allow-origins=*",
)


class JavaScriptError(RuntimeError):
    """An evaluated expression threw in the page."""


def available() -> bool:
    return CHROMIUM is not None


class Browser:
    """One Chromium process with one page; use as a context manager."""

    def __init__(self, width: int = 1400, height: int = 1000) -> None:
        assert CHROMIUM is not None
        self.profile = tempfile.mkdtemp(prefix="newsdesk-chromium-")
        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-port=0",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._ids = itertools.count(1)
        self.socket = websocket.create_connection(self._page_socket_url(), timeout=30)
        self.send("Page.enable")
        self.send("Runtime.enable")
        # A headless page never has focus; the clipboard API requires it.
        self.send("Emulation.setFocusEmulationEnabled", enabled=True)

    def _page_socket_url(self, timeout: float = 30.0) -> str:
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if port_file.is_file() and port_file.read_text().strip():
                port = port_file.read_text().split()[0]
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
                    targets = json.load(response)
                pages = [t for t in targets if t.get("type") == "page"]
                if pages:
                    return str(pages[0]["webSocketDebuggerUrl"])
            time.sleep(0.1)
        raise TimeoutError("Chromium did not open its DevTools port")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        message_id = next(self._ids)
        self.socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))

    def navigate(self, url: str) -> None:
        """Open ``url``; returns once the old document is gone, so waits never see it."""
        self.evaluate("window.__previousDocument = true")
        self.send("Page.navigate", url=url)
        self.wait_for("window.__previousDocument === undefined")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise JavaScriptError(f"JavaScript failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20.0, poll: float = 0.02) -> Any:
        """Poll until ``expression`` is truthy; return its value.

        An expression that throws counts as not yet true: Gradio replaces a component's element while it
        redraws, so ``querySelector(...)`` can be null for a moment on a loaded machine.
        """
        deadline = time.monotonic() + timeout
        last_error = ""
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except JavaScriptError as error:
                value, last_error = None, f" (last error: {error})"
            if value:
                return value
            time.sleep(poll)
        raise TimeoutError(f"timed out after {timeout}s waiting for: {expression}{last_error}")

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
