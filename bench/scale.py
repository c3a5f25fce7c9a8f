"""newsdesk side by side with the LangChain tutorial pipeline, from 1k to 100k chunks.

    python bench/scale.py [--sizes 1000,10000] [--big 100000] [--questions 30] [--server]

One run, one machine, both pipelines on the same generated news corpus:

- the tutorial pipeline: files read whole, RecursiveCharacterTextSplitter(1000, 200),
  HuggingFaceEmbeddings (the packaged all-MiniLM-L6-v2, by local path; see `tutorial_embeddings`),
  Chroma.from_documents; queries are bare ``similarity_search(k=5)``;
- newsdesk: ``Assistant.reindex()`` and ``Assistant.ask()`` with its defaults.

Ingest is measured at the ``--sizes`` (target chunk counts of the tutorial
splitter), alternating the two pipelines. Query latency and memory are measured
at those sizes and at ``--big`` chunks, where both stores are filled with the
generated corpus's chunks copied under new document ids, carrying
*synthetic vectors* (the copied chunk's vector plus noise): embedding 100k
chunks takes over an hour on this machine. Every figure is printed as a ratio to
the tutorial's in the same run; the table in docs/benchmarks.md and the PNG
``docs/latency.png`` are written from the same numbers (``--write-docs``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

for _name, _value in (
    ("ANONYMIZED_TELEMETRY", "False"),
    ("GRADIO_ANALYTICS_ENABLED", "False"),
    ("HF_HUB_OFFLINE", "1"),
    ("TRANSFORMERS_OFFLINE", "1"),
    ("TOKENIZERS_PARALLELISM", "false"),
):
    os.environ.setdefault(_name, _value)

import numpy as np  # noqa: E402

from newsdesk.assistant import Assistant, Request  # noqa: E402
from newsdesk.index.embedding import Embedder, default_model_path, embedder_for  # noqa: E402
from newsdesk.evaluation.scoring import load_cases, metrics, run_cases, score_case  # noqa: E402
from newsdesk.index.lexical import LexicalIndex, Passage  # noqa: E402
from newsdesk.settings import Settings, load_settings  # noqa: E402
from newsdesk.index.store import DocumentEntry, Snapshot, Store  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EVAL_CORPORA = [REPO / "corpus", REPO / "eval" / "corpus"]
VENV_BIN = Path(sys.executable).parent
DOCS = REPO / "docs"


# -- a generated news corpus -------------------------------------------------
_SYLLABLES = "ka ro ven tal mir os ul dre sa lin bor eth gal nor vi pe ras tum hal cor den".split()
_ROLES = ["the regional governor", "a police spokesperson", "the interior minister", "the mayor",
          "a hospital director", "the fire service chief", "a union leader", "the transport ministry"]
_EVENTS = [("flood", "evacuated"), ("fire", "injured"), ("strike", "stranded"), ("collapse", "trapped"),
           ("storm", "left without power"), ("outbreak", "admitted to hospital"), ("protest", "detained")]
_OUTLETS = ["Northern Courier", "Valley Gazette", "Harbour Times", "Capital Ledger", "Coastal Wire", "Plains Herald"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _sentence(rng: random.Random, place: str, event: tuple[str, str]) -> str:
    person = f"{_name(rng)} {_name(rng, 3)}"
    role = rng.choice(_ROLES)
    number = rng.randint(2, 4000)
    day = rng.choice(_WEEKDAYS)
    templates = [
        f"{number} people were {event[1]} after the {event[0]} in {place} on {day}, {role} said.",
        f"{person}, {role}, told reporters that the {event[0]} had affected {number} households across {place}.",
        f"\"We have never seen anything like this,\" said {person}, who has lived in {place} for {rng.randint(3, 60)} years.",
        f"According to {role}, {number} emergency workers were sent to {place} by {day} evening.",
        f"The {event[0]} closed {rng.randint(2, 40)} schools and the main road to {_name(rng)}, officials said.",
        f"{person} said the damage would cost about {rng.randint(2, 900)} million to repair.",
        f"Residents of {place} criticised the response, saying warnings came {rng.randint(2, 12)} hours late.",
        f"The {_name(rng)} district council said it would meet on {day} to discuss compensation.",
    ]
    return rng.choice(templates)


def write_news_corpus(target: Path, articles: int, seed: int = 7) -> None:
    """``articles`` fictional reports of about 4 KB each, with front matter like the real corpus."""
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    for number in range(articles):
        place = _name(rng, 3)
        event = rng.choice(_EVENTS)
        paragraphs = []
        while sum(len(p) for p in paragraphs) < 3800:
            paragraphs.append(" ".join(_sentence(rng, place, event) for _ in range(rng.randint(2, 4))))
        title = f"{event[0].capitalize()} in {place}: {rng.randint(2, 4000)} {event[1]}"
        front = (
            f"---\ntitle: \"{title}\"\noutlet: \"{rng.choice(_OUTLETS)}\"\n"
            f"published: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n---\n"
        )
        (target / f"report-{number:06d}.md").write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def questions_for(corpus: Path, count: int, seed: int = 11) -> list[str]:
    """Questions about the generated reports: a place, an event, a count."""
    rng = random.Random(seed)
    files = sorted(corpus.glob("*.md"))
    chosen = [files[rng.randrange(len(files))] for _ in range(count)]
    questions = []
    for path in chosen:
        title = re.search(r'title: "(\w+) in (\w+):', path.read_text(encoding="utf-8"))
        event, place = (title.group(1).lower(), title.group(2)) if title else ("flood", "Karo")
        questions.append(rng.choice([
            f"How many people were affected by the {event} in {place}?",
            f"What did officials say about the {event} in {place}?",
            f"Who criticised the response in {place}?",
        ]))
    return questions


# -- the tutorial pipeline ----------------------------------------------------
def tutorial_embeddings() -> Any:
    """The tutorial's HuggingFaceEmbeddings. langchain-huggingface is not a project dependency (it pins
    huggingface-hub<2, below the stack's): ``pip install --no-deps langchain-huggingface`` to use it;
    without it, the same calls (SentenceTransformer.encode) through LangChain's Embeddings interface."""
    try:
        from langchain_huggingface import HuggingFaceEmbeddings
    except ImportError:
        return _SentenceTransformerEmbeddings()
    return HuggingFaceEmbeddings(
        model_name=str(default_model_path()), model_kwargs={"device": "cpu", "local_files_only": True}
    )


class _SentenceTransformerEmbeddings:
    def __init__(self) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(default_model_path()), device="cpu", local_files_only=True)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._model.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.encode([text])[0].tolist()


def tutorial_documents(corpus_dirs: list[Path]) -> list[Any]:
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    documents = [
        Document(page_content=path.read_text(encoding="utf-8"), metadata={"source": str(path)})
        for directory in corpus_dirs
        for path in sorted(directory.glob("*.md"))
    ]
    return RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(documents)


def tutorial_ingest(corpus_dirs: list[Path], directory: Path, embeddings: Any) -> tuple[Any, int]:
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    splits = tutorial_documents(corpus_dirs)
    store = Chroma.from_documents(
        splits,
        embeddings,
        persist_directory=str(directory),
        client_settings=ChromaSettings(anonymized_telemetry=False, is_persistent=True, persist_directory=str(directory)),
    )
    return store, len(splits)


# -- measuring ----------------------------------------------------------------
def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


@dataclass
class Row:
    """One figure: the tutorial's value, newsdesk's, and what the ratio means."""

    name: str
    tutorial: float | None
    newsdesk: float
    unit: str
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.newsdesk / self.tutorial if self.tutorial else None


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    latency: dict[str, dict[int, float]] = field(default_factory=dict)  # series -> chunks -> p50 ms

    def add(self, row: Row) -> None:
        self.rows.append(row)
        ratio = f"{row.ratio:7.3f}x" if row.ratio is not None else "        "
        tutorial = f"{row.tutorial:10.3f}" if row.tutorial is not None else "         -"
        print(f"{row.name:<48} tutorial {tutorial} {row.unit:<3} newsdesk {row.newsdesk:10.3f} {row.unit:<3} {ratio} {row.note}", flush=True)


def measure_queries(
    results: Results, label: str, chunks: int, tutorial_store: Any, assistant: Assistant, questions: list[str]
) -> None:
    """Interleaved per question: bare similarity_search, newsdesk retrieval, newsdesk full answer."""
    bare, retrieval, full = [], [], []
    tutorial_store.similarity_search("warm up", k=5)
    assistant.ask(Request("warm up"))
    for question in questions:
        bare.append(timed(lambda: tutorial_store.similarity_search(question, k=5))[0] * 1000)
        request = Request(question)
        retrieval.append(timed(lambda: assistant.retriever(request).invoke(question))[0] * 1000)
        full.append(timed(lambda: assistant.ask(Request(question)))[0] * 1000)
    b50, b95 = statistics.median(bare), percentile(bare, 0.95)
    results.add(Row(f"{label}: retrieval p50", b50, statistics.median(retrieval), "ms"))
    results.add(Row(f"{label}: retrieval p95", b95, percentile(retrieval, 0.95), "ms"))
    results.add(Row(f"{label}: full answer p50 (vs bare search)", b50, statistics.median(full), "ms"))
    results.add(Row(f"{label}: full answer p95 (vs bare search)", b95, percentile(full, 0.95), "ms"))
    results.latency.setdefault("tutorial similarity_search", {})[chunks] = b50
    results.latency.setdefault("newsdesk retrieval", {})[chunks] = statistics.median(retrieval)
    results.latency.setdefault("newsdesk full answer", {})[chunks] = statistics.median(full)
    results.latency.setdefault("newsdesk full answer p95", {})[chunks] = percentile(full, 0.95)


def newsdesk_settings(store: Path, corpus: list[Path], **overrides: Any) -> Settings:
    return load_settings(environ={}, config_file=None, store=store, corpus=corpus, **overrides)


def child_assistant(store: str, corpus: str, *, fake: bool) -> Assistant:
    """The assistant a bench child process measures: the real model, or the deterministic fake for timing runs."""
    settings = newsdesk_settings(Path(store), [Path(corpus)])
    if fake:
        from fake_embedder import FakeEmbedder

        return Assistant(settings, embedder=FakeEmbedder())
    return Assistant(settings, embedder=Embedder(backend=settings.embed_backend))


def run_child_code(src: Path, code: str) -> dict:
    """Run a bench child's ``code`` in a fresh process with the source tree ``src`` first on the path (no
    phoning home); returns the JSON object it printed last."""
    env = {**os.environ, "PYTHONPATH": str(src), "ANONYMIZED_TELEMETRY": "False", "HF_HUB_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"child failed ({src}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def build_and_exit(assistant: Assistant) -> None:
    """A child asked only to build its store: index everything, print the time and chunk count, exit."""
    started = time.perf_counter()
    report = assistant.reindex()
    print(json.dumps({"built": time.perf_counter() - started, "chunks": report.chunks}))
    sys.exit(0)


def ingest_at(results: Results, size: int, work: Path, embedder: Embedder, hf: Any, questions: int) -> tuple[Path, Assistant]:
    """Full ingest, no-op reindex and one-article edit at about ``size`` tutorial chunks."""
    corpus = work / f"corpus-{size}"
    write_news_corpus(corpus, max(1, round(size / 5.3)))  # the splitter makes about 5.3 chunks per report
    gc.collect()
    tutorial_seconds, (tutorial_store, tutorial_chunks) = timed(lambda: tutorial_ingest([corpus], work / f"tutorial-{size}", hf))
    gc.collect()
    assistant = Assistant(newsdesk_settings(work / f"store-{size}", [corpus]), embedder=embedder)
    encoded_before = embedder.texts_encoded
    newsdesk_seconds, report = timed(assistant.reindex)
    articles = len(list(corpus.glob("*.md")))
    label = f"{tutorial_chunks} chunks ({articles} articles)"
    results.add(Row(f"ingest {label}: seconds", tutorial_seconds, newsdesk_seconds, "s",
                    f"newsdesk {report.chunks} chunks, {embedder.texts_encoded - encoded_before} texts through the model"))
    results.add(Row(f"ingest {label}: documents/second", articles / tutorial_seconds, articles / newsdesk_seconds, "/s"))
    encoded_before = embedder.texts_encoded
    noop_seconds, _ = timed(assistant.reindex)
    results.add(Row(f"no-op reindex {label}: seconds (vs newsdesk full)", newsdesk_seconds, noop_seconds, "s",
                    f"{embedder.texts_encoded - encoded_before} embeddings; tutorial re-embeds all"))
    edited = sorted(corpus.glob("*.md"))[articles // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA correction was appended to this report on Friday.\n", encoding="utf-8")
    encoded_before = embedder.texts_encoded
    edit_seconds, _ = timed(assistant.reindex)
    results.add(Row(f"one-article edit {label}: seconds (vs newsdesk full)", newsdesk_seconds, edit_seconds, "s",
                    f"{embedder.texts_encoded - encoded_before} embeddings"))
    results.add(Row(f"index on disk {label}", disk_size(work / f"tutorial-{size}") / 1e6,
                    disk_size(work / f"store-{size}") / 1e6, "MB"))
    measure_queries(results, f"query {label}", tutorial_chunks, tutorial_store, assistant,
                    questions_for(corpus, questions))
    return corpus, assistant


def requery_at(results: Results, size: int, work: Path, embedder: Embedder, hf: Any, questions: int) -> tuple[Path, Assistant]:
    """Query latency on the stores an earlier run of ``ingest_at`` left in ``work``."""
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    corpus, directory = work / f"corpus-{size}", work / f"tutorial-{size}"
    tutorial_store = Chroma(collection_name="langchain", embedding_function=hf, persist_directory=str(directory),
                            client_settings=ChromaSettings(anonymized_telemetry=False, is_persistent=True,
                                                           persist_directory=str(directory)))
    assistant = Assistant(newsdesk_settings(work / f"store-{size}", [corpus]), embedder=embedder)
    chunks = len(tutorial_store.get(include=[])["ids"])
    measure_queries(results, f"query {chunks} chunks", chunks, tutorial_store, assistant, questions_for(corpus, questions))
    return corpus, assistant


# -- the big synthetic store ---------------------------------------------------
def build_big_stores(source: Assistant, target_chunks: int, work: Path, seed: int = 5) -> tuple[Path, Path, int]:
    """Copies of ``source``'s chunks under new document ids, with noisy vectors, in a newsdesk and a tutorial store.

    The texts are the source's, so the answer vectors ``source``'s reindex made
    (its vector cache) serve the copies too, as a reindex of them would have made them.
    """
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    noise = np.random.default_rng(seed)
    page = source.store.collection.get(include=["documents", "metadatas", "embeddings"])
    base = list(zip(page["ids"], page["documents"], page["metadatas"], page["embeddings"], strict=True))
    copies = -(-target_chunks // len(base))
    settings = newsdesk_settings(work / "store-big", [work / "no-corpus"])
    newsdesk_client = chromadb.PersistentClient(path=str(settings.chroma_dir), settings=ChromaSettings(anonymized_telemetry=False))
    tutorial_client = chromadb.PersistentClient(path=str(work / "tutorial-big"), settings=ChromaSettings(anonymized_telemetry=False))
    newsdesk_collection = newsdesk_client.get_or_create_collection(settings.collection, metadata={"hnsw:space": "cosine"})
    tutorial_collection = tutorial_client.get_or_create_collection("langchain")
    documents: dict[str, DocumentEntry] = {}
    passages: list[Passage] = []
    passage_vectors: list[np.ndarray] = []
    batch: list[tuple[str, str, dict[str, Any], np.ndarray]] = []

    def flush() -> None:
        if not batch:
            return
        ids, texts, metas, vectors = zip(*batch, strict=True)
        newsdesk_collection.add(ids=list(ids), documents=list(texts), metadatas=list(metas), embeddings=np.stack(vectors))
        tutorial_collection.add(ids=list(ids), documents=list(texts), metadatas=[{"source": m["doc_id"]} for m in metas],
                                embeddings=np.stack(vectors))
        batch.clear()

    for copy in range(copies):
        for chunk_id, text, metadata, vector in base:
            if len(passages) >= target_chunks:
                break
            doc_id = f"copy{copy:04d}/{metadata['doc_id']}"
            new_meta = {**metadata, "doc_id": doc_id}
            new_text = text
            moved = np.asarray(vector, dtype=np.float32) + noise.normal(0, 0.02, len(vector)).astype(np.float32)
            new_id = f"{copy:04d}-{chunk_id}"
            batch.append((new_id, new_text, new_meta, moved / np.linalg.norm(moved)))
            passages.append(Passage(new_id, new_text, new_meta))
            passage_vectors.append(moved / np.linalg.norm(moved))
            entry = source.documents()[metadata["doc_id"]]
            documents[doc_id] = DocumentEntry(entry.hash, entry.title, entry.outlet, entry.published, 0, entry.path)
            if len(batch) >= 4000:
                flush()
    flush()
    counts: dict[str, int] = {}
    for passage in passages:
        counts[passage.metadata["doc_id"]] = counts.get(passage.metadata["doc_id"], 0) + 1
    shutil.copy(source.settings.store / "vectors.sqlite", settings.store / "vectors.sqlite")
    store = Store(settings, source.embedder)
    lexical_dir = store.lexical_root / "g000001"
    # As a reindex writes it: the snapshot's copy of its vectors, which dense search reads instead of Chroma.
    LexicalIndex.build(passages, np.stack(passage_vectors)).save(lexical_dir)
    store.write_snapshot(Snapshot(
        generation=1,
        documents={doc_id: DocumentEntry(e.hash, e.title, e.outlet, e.published, counts.get(doc_id, 0), e.path)
                   for doc_id, e in documents.items()},
        lexical_dir=str(lexical_dir.relative_to(store.root)),
        model=source.embedder.model_name,
        chunk_size=settings.chunk_size,
    ))
    del newsdesk_client, tutorial_client
    return settings.store, work / "tutorial-big", len(passages)


def big_queries(results: Results, store_dir: Path, tutorial_dir: Path, chunks: int, embedder: Embedder,
                hf: Any, questions: list[str]) -> None:
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    tutorial_store = Chroma(collection_name="langchain", embedding_function=hf, persist_directory=str(tutorial_dir),
                            client_settings=ChromaSettings(anonymized_telemetry=False, is_persistent=True,
                                                           persist_directory=str(tutorial_dir)))
    assistant = Assistant(newsdesk_settings(store_dir, [store_dir / "no-corpus"]), embedder=embedder)
    label = f"query {chunks} chunks (synthetic vectors)"
    measure_queries(results, label, chunks, tutorial_store, assistant, questions)
    results.add(Row(f"index on disk {chunks} chunks (synthetic vectors)", disk_size(tutorial_dir) / 1e6,
                    disk_size(store_dir) / 1e6, "MB"))


def big_server_queries(results: Results, store_dir: Path, chunks: int, embedder: Embedder, questions: list[str]) -> None:
    """The same store's vectors behind `chroma run`, against the embedded store, interleaved."""
    port = _free_port()
    server = subprocess.Popen([str(VENV_BIN / "chroma"), "run", "--path", str(store_dir / "chroma"), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, 120)
        embedded = Assistant(newsdesk_settings(store_dir, [store_dir / "no-corpus"]), embedder=embedder)
        remote = Assistant(newsdesk_settings(store_dir, [store_dir / "no-corpus"], chroma_host="127.0.0.1", chroma_port=port),
                           embedder=embedder)
        local_ms, server_ms = [], []
        embedded.ask(Request("warm up"))
        remote.ask(Request("warm up"))
        for question in questions:
            local_ms.append(timed(lambda: embedded.ask(Request(question)))[0] * 1000)
            server_ms.append(timed(lambda: remote.ask(Request(question)))[0] * 1000)
        results.add(Row(f"server mode {chunks} chunks: full answer p50 (vs embedded Chroma)",
                        statistics.median(local_ms), statistics.median(server_ms), "ms"))
        results.add(Row(f"server mode {chunks} chunks: full answer p95 (vs embedded Chroma)",
                        percentile(local_ms, 0.95), percentile(server_ms, 0.95), "ms"))
    finally:
        server.terminate()
        server.wait(30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise TimeoutError(f"nothing listening on port {port} after {seconds}s")


def server_peak_rss(store_dir: Path, questions: list[str]) -> float:
    """Peak resident memory (MB) of `newsdesk serve` on ``store_dir`` after answering ``questions`` over its API."""
    from gradio_client import Client

    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    server = subprocess.Popen([str(VENV_BIN / "newsdesk"), "--store", str(store_dir), "serve", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, 600)
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        for question in questions:
            client.predict(question, api_name="/ask")
        status = Path(f"/proc/{server.pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]
    finally:
        server.terminate()
        server.wait(30)


def tutorial_query_process(tutorial_dir: Path, questions: list[str]) -> list[str]:
    """A Python command that opens the tutorial store, runs ``questions`` and prints its peak RSS in MB."""
    code = (
        "import resource, sys, json\n"
        "sys.path.insert(0, %r)\n"
        "from scale import tutorial_embeddings\n"
        "from chromadb.config import Settings\n"
        "from langchain_chroma import Chroma\n"
        "d = %r\n"
        "s = Chroma(collection_name='langchain', embedding_function=tutorial_embeddings(), persist_directory=d,"
        " client_settings=Settings(anonymized_telemetry=False, is_persistent=True, persist_directory=d))\n"
        "for q in json.loads(%r): s.similarity_search(q, k=5)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    ) % (str(Path(__file__).parent), str(tutorial_dir), json.dumps(questions))
    return [sys.executable, "-c", code]


def tutorial_peak_rss(tutorial_dir: Path, questions: list[str]) -> float:
    output = subprocess.run(tutorial_query_process(tutorial_dir, questions), capture_output=True, text=True, check=True)
    return float(output.stdout.strip().splitlines()[-1])


# -- quality and cold start -------------------------------------------------
def evidence_hit_at_5(results: Results, embedder_for_backend: Callable[[str], Embedder], hf: Any, work: Path) -> None:
    """Evidence hit@5 on eval/cases.jsonl: the tutorial's top 5 against newsdesk's, per forward pass."""
    cases = load_cases(REPO / "eval" / "cases.jsonl")
    tutorial_store, _ = tutorial_ingest(EVAL_CORPORA, work / "tutorial-eval", hf)

    def tutorial_answer(case: Any) -> dict[str, Any]:
        found = tutorial_store.similarity_search(case.question, k=10)
        return {"answer": "", "refused": True, "retrieved": [{"text": d.page_content} for d in found]}

    tutorial_hit = metrics([score_case(c, tutorial_answer(c), lambda _: None) for c in cases])["evidence_hit@5"]
    for backend in ("torch", "onnx", "onnx-int8"):
        assistant = Assistant(newsdesk_settings(work / f"eval-{backend}", EVAL_CORPORA, embed_backend=backend),
                              embedder=embedder_for_backend(backend))
        assistant.reindex()
        values = metrics(run_cases(lambda c: assistant.ask(Request(c.question, tuple(c.history), id=c.id)).to_json(),
                                   cases, lambda doc_id: assistant.article(doc_id).body))
        results.add(Row(f"evidence hit@5, eval set ({backend} forward pass)", tutorial_hit, values["evidence_hit@5"] or 0.0, ""))


def forward_pass(results: Results, texts: list[str], rounds: int = 2) -> None:
    """Chunks per second of each forward pass and thread count, interleaved, against torch at default threads."""
    variants = [("torch", 0), ("onnx", 1), ("onnx", 2), ("onnx-int8", 1), ("onnx-int8", 2)]
    embedders = {v: Embedder(backend=v[0], threads=v[1]) for v in variants}
    for embedder in embedders.values():
        embedder.warm_up()
    seconds: dict[tuple[str, int], list[float]] = {v: [] for v in variants}
    for round_number in range(rounds):
        for variant, embedder in embedders.items():
            batch = [f"{text} ({round_number})" for text in texts]  # never a cache hit
            seconds[variant].append(timed(lambda: embedder.embed(batch))[0])
    base = min(seconds[("torch", 0)])
    for variant in variants:
        results.add(Row(f"forward pass {variant[0]}, {variant[1] or 'default'} threads: {len(texts)} chunks, seconds (vs torch)",
                        base, min(seconds[variant]), "s"))


def cold_start(results: Results, store_dir: Path, tutorial_dir: Path, runs: int = 5) -> None:
    """Wall time of one question from a fresh process: the tutorial's script against `newsdesk ask`, alternating."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    question = "How many people were evacuated after the flood?"
    newsdesk = [str(VENV_BIN / "newsdesk"), "--store", str(store_dir)]
    commands = {
        "tutorial": tutorial_query_process(tutorial_dir, [question]),
        "help": [*newsdesk, "--help"],
        "ask": [*newsdesk, "ask", question],
    }
    walls: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs + 1):  # the first round warms the disk cache and is dropped
        for name, command in commands.items():
            walls[name].append(timed(lambda: subprocess.run(command, env=env, capture_output=True, check=True))[0])
    baseline = statistics.median(walls["tutorial"][1:])
    results.add(Row("cold start: newsdesk --help, wall (vs tutorial one-question script)", baseline,
                    statistics.median(walls["help"][1:]), "s"))
    results.add(Row("cold start: one-question newsdesk ask, wall (vs tutorial one-question script)", baseline,
                    statistics.median(walls["ask"][1:]), "s", f"max {max(walls['ask'][1:]):.2f} s"))


# -- docs ---------------------------------------------------------------------
def write_docs(results: Results, args: argparse.Namespace) -> None:
    lines = [
        "| figure | baseline: the tutorial pipeline unless the row says (vs ...) | newsdesk | ratio (newsdesk / baseline) |",
        "|---|---:|---:|---:|",
    ]
    for row in results.rows:
        tutorial = f"{_figure(row.tutorial)} {row.unit}" if row.tutorial is not None else "–"
        ratio = f"**{row.ratio:.3f}**" if row.ratio is not None else "–"
        note = f" ({row.note})" if row.note else ""
        lines.append(f"| {row.name}{note} | {tutorial} | {_figure(row.newsdesk)} {row.unit} | {ratio} |")
    table = "\n".join(lines)
    target = DOCS / "benchmarks.md"
    text = target.read_text(encoding="utf-8")
    name = "scale.py queries table" if args.queries_only else "scale.py table"
    begin, end = f"<!-- {name} begins -->", f"<!-- {name} ends -->"
    block = f"{begin}\n`python bench/scale.py {' '.join(sys.argv[1:])}`, {time.strftime('%Y-%m-%d')}:\n\n{table}\n{end}"
    if begin in text:
        text = text[: text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    target.write_text(text, encoding="utf-8")
    plot_latency(results, DOCS / "latency.png")


def _figure(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def plot_latency(results: Results, target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.2))
    for series, points in results.latency.items():
        sizes = sorted(points)
        axes.plot(sizes, [points[s] for s in sizes], marker="o", label=series)
    axes.set_xscale("log")
    axes.set_xlabel("chunks in the index (largest: synthetic vectors)")
    axes.set_ylabel("latency, ms (p50 unless marked)")
    axes.set_title("Query latency against corpus size (2 shared cores)")
    axes.grid(True, alpha=0.3)
    axes.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(target, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="tutorial chunk counts to ingest")
    parser.add_argument("--big", type=int, default=100_000, help="chunks of the synthetic-vector store (0: skip)")
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--server", action="store_true", help="also measure `chroma run` at --big")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: forward,eval,cold,rss")
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--work", type=Path, default=None, help="keep the stores here instead of a temporary directory")
    parser.add_argument("--queries-only", action="store_true",
                        help="measure queries, memory and server mode again on the stores an earlier run left in --work")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    results = Results()
    work = args.work or Path(tempfile.mkdtemp(prefix="newsdesk-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        defaults = newsdesk_settings(work / "unused", [work])
        embedder = embedder_for(defaults)
        embedder.warm_up()
        hf = tutorial_embeddings()
        hf.embed_query("warm up")
        print(f"newsdesk forward pass: {defaults.embed_backend}; work directory {work}", flush=True)
        if "forward" not in skip:
            sample = tutorial_documents([REPO / "eval" / "corpus"])
            forward_pass(results, [d.page_content for d in sample] * 4)
        if "eval" not in skip:
            evidence_hit_at_5(results, lambda b: embedder if b == defaults.embed_backend else Embedder(backend=b), hf, work)
        largest: Assistant | None = None
        for size in (int(s) for s in args.sizes.split(",") if s):
            if args.queries_only:
                corpus, largest = requery_at(results, size, work, embedder, hf, args.questions)
            else:
                corpus, largest = ingest_at(results, size, work, embedder, hf, args.questions)
        if "cold" not in skip and largest is not None:
            cold_start(results, largest.settings.store, work / f"tutorial-{size}")
        if args.big and largest is not None:
            started = time.perf_counter()
            if args.queries_only:
                store_dir, tutorial_dir = work / "store-big", work / "tutorial-big"
                chunks = Store(newsdesk_settings(store_dir, [work]), embedder).read_snapshot().chunk_count
            else:
                store_dir, tutorial_dir, chunks = build_big_stores(largest, args.big, work)
            print(f"the {chunks}-chunk synthetic stores ready in {time.perf_counter() - started:.0f}s", flush=True)
            questions = questions_for(corpus, args.questions, seed=23)
            big_queries(results, store_dir, tutorial_dir, chunks, embedder, hf, questions)
            if "rss" not in skip:
                results.add(Row(f"peak RSS at {chunks} chunks: chat server (vs tutorial query process)",
                                tutorial_peak_rss(tutorial_dir, questions[:10]), server_peak_rss(store_dir, questions[:10]), "MB"))
            if args.server:
                big_server_queries(results, store_dir, chunks, embedder, questions)
    finally:
        if args.write_docs and results.rows:
            write_docs(results, args)
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
