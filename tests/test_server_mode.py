"""Server mode: the store's vectors in a real `chroma run` server process."""

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.assistant import Request

pytestmark = pytest.mark.slow
CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chroma run exited with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError("chroma run did not start listening")


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    if not CHROMA.exists() and shutil.which("chroma") is None:
        pytest.skip("the chroma command is not installed")
    port = _free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    process = subprocess.Popen(
        [str(CHROMA if CHROMA.exists() else "chroma"), "run", "--path", str(tmp_path / "server-data"),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    try:
        _wait_for_port(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_reindex_and_answers_work_against_a_chroma_server(make_assistant, corpus_dir, chroma_server, tmp_path):
    assistant = make_assistant(corpus=[corpus_dir], chroma_host="127.0.0.1", chroma_port=chroma_server)
    report = assistant.reindex()
    assert report.counts()["added"] == 1 and report.chunks_embedded > 0
    assert not (assistant.settings.chroma_dir).exists()  # nothing embedded locally
    answer = assistant.ask(Request("How many Russian soldiers has Russia's Defense Ministry said were killed?"))
    assert "498" in answer.answer
    assert assistant.reindex().chunks_embedded == 0  # incremental against the server too
    # A second article keeps the folder from being empty (an empty corpus folder deletes nothing).
    (corpus_dir / "brief.md").write_text("---\ntitle: Council brief\n---\nThe council met on Monday.\n")
    assistant.reindex()
    (corpus_dir / "000_2392ac50c3bede51.md").unlink()
    assert assistant.reindex().deleted == ["000_2392ac50c3bede51.md"]
    assert assistant.store.collection.get(where={"doc_id": "000_2392ac50c3bede51.md"})["ids"] == []
