"""Shared fixtures: the real embedding model (loaded once per session), real Chroma
stores in temporary directories, and small real corpora."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Libraries that phone home must not try: set before any of them is imported.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# llama.cpp's OpenMP threads must not busy-wait on a shared machine (newsdesk.answer.chat_models).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from newsdesk.assistant import Assistant  # noqa: E402
from newsdesk.index.embedding import Embedder  # noqa: E402
from newsdesk.settings import Settings, load_settings  # noqa: E402
from llm_server import LlamaServer, llama_server  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEED_CORPUS = REPO / "corpus"
EVAL_CORPUS = REPO / "eval" / "corpus"
SEED_DOC = "000_2392ac50c3bede51.md"
# A question the seed article answers: a store that refuses it is not answering.
SEED_QUESTION = "How many Russian soldiers died according to the Defense Ministry?"


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real model, loaded once for the whole run."""
    model = Embedder()
    model.warm_up()
    return model


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A writable copy of the shipped corpus (the seed article)."""
    target = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, target)
    return target


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Settings with a fresh store under tmp_path; keyword arguments override fields."""

    def make(**overrides: object) -> Settings:
        overrides.setdefault("store", tmp_path / "store")
        return load_settings(environ={}, **overrides)

    return make


@pytest.fixture
def make_assistant(make_settings: Callable[..., Settings], embedder: Embedder) -> Callable[..., Assistant]:
    """An assistant over a real Chroma store in tmp_path, sharing the session's model."""

    def make(**overrides: object) -> Assistant:
        return Assistant(make_settings(**overrides), embedder=embedder)

    return make


def indexed_assistant(root: Path, embedder: Embedder, articles: dict[str, str]) -> Assistant:
    """An assistant over a corpus of ``articles`` (file name: text) written under ``root``, indexed."""
    corpus = root / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    assistant = Assistant(load_settings(environ={}, store=root / "store", corpus=[corpus]), embedder=embedder)
    assistant.reindex()
    return assistant


def indexed_seed_copy(root: Path, embedder: Embedder, extra: dict[str, str] | None = None) -> Assistant:
    """An assistant over its own copy of the shipped corpus (plus ``extra`` files) under ``root``, indexed."""
    shutil.copytree(SEED_CORPUS, root / "corpus")
    return indexed_assistant(root, embedder, extra or {})


@pytest.fixture(scope="session")
def seed_assistant(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    """One indexed store of the shipped corpus, shared by read-only tests."""
    store = tmp_path_factory.mktemp("seed-store")
    assistant = Assistant(load_settings(environ={}, store=store, corpus=[SEED_CORPUS]), embedder=embedder)
    assistant.reindex()
    return assistant


@pytest.fixture(scope="session")
def eval_assistant(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Assistant:
    """The shipped corpus plus the fictional eval fixtures, indexed once."""
    store = tmp_path_factory.mktemp("eval-store")
    assistant = Assistant(
        load_settings(environ={}, store=store, corpus=[SEED_CORPUS, EVAL_CORPUS]), embedder=embedder
    )
    assistant.reindex()
    return assistant


@pytest.fixture
def indexed(corpus_dir: Path, make_assistant: Callable[..., Assistant]) -> Assistant:
    """A fresh store of the shipped corpus, indexed and answering."""
    from newsdesk.assistant import Request

    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    assert not assistant.ask(Request(SEED_QUESTION)).refused
    return assistant


def require_llm_extra() -> None:
    """Skip, naming the reason, where the optional `llm` extra is not installed (`make test` installs it)."""
    pytest.importorskip("llama_cpp.server", reason="the `llm` extra is not installed (make llm)")
    pytest.importorskip("langchain_openai", reason="the `llm` extra is not installed (make llm)")


@pytest.fixture(scope="session")
def smollm2_gguf() -> Path:
    """The packaged SmolLM2-135M-Instruct GGUF."""
    require_llm_extra()
    from newsdesk.answer.chat_models import packaged_smollm2

    return packaged_smollm2()


@pytest.fixture(scope="session")
def smollm2_server(smollm2_gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    """llama-cpp-python's OpenAI-compatible server on a free port, serving SmolLM2, for the whole run."""
    with llama_server(smollm2_gguf, tmp_path_factory.mktemp("llama-server"), alias="smollm2") as server:
        yield server
