"""llama-cpp-python's OpenAI-compatible server as a real process on a free local port.

The tests of the OpenAI-compatible backend talk to this server exactly as they
would to vLLM, LM Studio or Ollama's ``/v1``: over HTTP, with an API key.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT_S = 180.0  # loading a GGUF model on a busy 2-core machine
STOP_TIMEOUT_S = 15.0


@dataclass(frozen=True)
class LlamaServer:
    base_url: str  # ends in /v1, as OpenAI clients expect
    model: str  # the name /v1/models reports and requests must use
    api_key: str


def free_port() -> int:
    """A port nothing listens on now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_command(model: Path, port: int, alias: str, api_key: str, threads: int) -> list[str]:
    return [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(model), "--model_alias", alias,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", "2048", "--n_threads", str(threads), "--n_threads_batch", str(threads),
        "--api_key", api_key,
    ]  # fmt: skip


def listed_models(base_url: str, api_key: str) -> list[str]:
    """The model ids ``GET /v1/models`` answers with; raises OSError while the server is not up."""
    request = urllib.request.Request(f"{base_url}/models", headers={"Authorization": f"Bearer {api_key}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return [model["id"] for model in json.load(response)["data"]]


def wait_until_serving(process: subprocess.Popen[bytes], server: LlamaServer, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llama_cpp.server exited with {process.returncode}:\n{tail(log)}")
        try:
            if server.model in listed_models(server.base_url, server.api_key):
                return
        except (OSError, urllib.error.URLError, ValueError):
            pass
        time.sleep(0.25)
    raise TimeoutError(f"llama_cpp.server did not answer /v1/models within {START_TIMEOUT_S:.0f} s:\n{tail(log)}")


def tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(STOP_TIMEOUT_S)


@contextmanager
def llama_server(model: Path, log_dir: Path, alias: str = "local-gguf", threads: int = 2) -> Iterator[LlamaServer]:
    """Serve ``model`` until the block ends; its output goes to ``log_dir/llama_server.log``."""
    port = free_port()
    server = LlamaServer(base_url=f"http://127.0.0.1:{port}/v1", model=alias, api_key=secrets.token_hex(16))
    log = log_dir / "llama_server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            server_command(model, port, alias, server.api_key, threads),
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"},  # as newsdesk.answer.chat_models sets it
        )
        try:
            wait_until_serving(process, server, log)
            yield server
        finally:
            stop(process)
