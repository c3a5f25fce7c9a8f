"""The speed mechanisms keep answers the same: ONNX vectors, the store's vector cache,
the no-op reindex fast path, answer vectors made at index time, `ask` through a running `serve`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conftest import REPO, SEED_CORPUS
from newsdesk.answer.candidates import texts_embedded_for
from newsdesk.assistant import Assistant, Request
from newsdesk.index.embedding import Embedder, _optimized_model_file, default_model_path, onnx_model_file

TEXTS = [
    "Kherson",
    "Ukraine's State Emergency Service said 12 civilians were killed in the strike on Tuesday.",
    "A much longer sentence about the ferry that capsized on the river, with the names of the operator, "
    "the regional governor who spoke to reporters and the number of people still missing after two days.",
]


def test_onnx_forward_pass_gives_the_torch_vectors(embedder: Embedder) -> None:
    torch_embedder = Embedder(backend="torch")
    onnx_embedder = Embedder(backend="onnx", model_cache=embedder.model_cache)

    cosines = np.sum(torch_embedder.embed(TEXTS) * onnx_embedder.embed(TEXTS), axis=1)

    assert cosines.min() > 0.9999  # padded together in one batch, as in indexing


def test_the_pre_optimised_onnx_graph_gives_the_plain_exports_vectors(embedder: Embedder) -> None:
    """Sessions start from a copy optimised once (weights outside the graph); it must compute the same."""
    import onnxruntime
    from tokenizers import Tokenizer

    model_path = default_model_path()
    plain = onnx_model_file(model_path, embedder.model_cache, quantized=False)
    optimised = _optimized_model_file(plain)
    assert optimised is not None and optimised != plain
    tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
    tokenizer.enable_padding()
    encodings = tokenizer.encode_batch(TEXTS)
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    inputs = {"input_ids": ids, "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
              "token_type_ids": np.zeros_like(ids)}
    outputs = [onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, inputs)[0]
               for path in (plain, optimised)]

    assert np.allclose(outputs[0], outputs[1], atol=1e-5)


def test_a_second_process_reuses_the_store_vector_cache(tmp_path: Path, embedder: Embedder) -> None:
    first = Embedder(backend=embedder.backend, model_cache=embedder.model_cache)
    first.attach_cache(tmp_path / "vectors.sqlite")
    expected = first.embed(TEXTS)
    second = Embedder(backend=embedder.backend, model_cache=embedder.model_cache)
    second.attach_cache(tmp_path / "vectors.sqlite")

    assert np.allclose(second.embed(TEXTS), expected)
    assert second.texts_encoded == 0


def test_identical_chunks_of_two_articles_are_embedded_once(
    make_settings: Callable[..., object], embedder: Embedder, tmp_path: Path
) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    body = (SEED_CORPUS / sorted(os.listdir(SEED_CORPUS))[0]).read_text(encoding="utf-8")
    (corpus / "outlet-a.md").write_text(body, encoding="utf-8")
    (corpus / "outlet-b.md").write_text(body, encoding="utf-8")
    counting = Embedder(backend=embedder.backend, model_cache=embedder.model_cache)
    assistant = Assistant(make_settings(corpus=[corpus], answer_vectors_at_index=False), embedder=counting)

    report = assistant.reindex()

    assert report.documents == 2
    # The second outlet's copy is a wire copy of the first (articles/duplicates.py): it adds no chunk
    # of its own, so every distinct text is embedded exactly once: the chunks, and for the lexical index's
    # context vectors their sentences and titles (a text that is both is embedded once).
    assert report.chunks_embedded == report.chunks
    passages = assistant.reader.current()[1].passages
    distinct = {p.text for p in passages} | {s for p in passages for s in p.sentence_texts()} | {p.title for p in passages}
    assert counting.texts_encoded == len(distinct)


def test_a_reindex_with_no_file_changed_publishes_nothing(
    make_assistant: Callable[..., Assistant], corpus_dir: Path
) -> None:
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    generation = assistant.store.read_snapshot().generation

    report = assistant.reindex()

    assert report.counts()["unchanged"] == 1 and report.chunks_embedded == 0
    assert assistant.store.read_snapshot().generation == generation


def test_touching_a_file_takes_the_full_path_and_still_embeds_nothing(
    make_assistant: Callable[..., Assistant], corpus_dir: Path
) -> None:
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    generation = assistant.store.read_snapshot().generation
    article = next(corpus_dir.iterdir())
    os.utime(article, ns=(time.time_ns(), time.time_ns()))

    report = assistant.reindex()

    assert report.counts()["unchanged"] == 1 and report.chunks_embedded == 0
    assert assistant.store.read_snapshot().generation == generation + 1


@pytest.mark.parametrize("constant", ["CHUNKER_VERSION", "EXTRACTOR_VERSION"])
def test_a_new_chunker_or_extractor_version_is_not_a_no_op_reindex(
    make_assistant: Callable[..., Assistant], corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, constant: str
) -> None:
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    generation = assistant.store.read_snapshot().generation
    monkeypatch.setattr(f"newsdesk.index.indexing.{constant}", "a release later")

    assistant.reindex()

    assert assistant.store.read_snapshot().generation == generation + 1, f"{constant} changed: redo the work"


def test_after_reindex_the_answerer_embeds_nothing_of_the_passages(
    make_assistant: Callable[..., Assistant], corpus_dir: Path
) -> None:
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    fresh = Embedder(backend=assistant.embedder.backend, model_cache=assistant.embedder.model_cache)
    fresh.attach_cache(assistant.settings.store / "vectors.sqlite")  # what a new process sees
    passages = assistant.retriever(Request("How many Russian soldiers were killed?")).invoke("Russian soldiers killed")

    fresh.embed(texts_embedded_for(passages))

    assert passages and fresh.texts_encoded == 0


class _RecordingEmbedder(Embedder):
    """The real model; remembers every text that had to go through it (found in no cache)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.encoded: list[str] = []
        self.encoded_by_word: list[list[str]] = []  # the texts of each word-level forward pass

    def _load(self) -> Any:
        return _RecordingEncoder(super()._load(), self.encoded, self.encoded_by_word)


class _RecordingEncoder:
    def __init__(self, encoder: Any, encoded: list[str], encoded_by_word: list[list[str]]) -> None:
        self._encoder, self._encoded, self._encoded_by_word = encoder, encoded, encoded_by_word

    def __getattr__(self, name: str) -> Any:
        return getattr(self._encoder, name)

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        self._encoded.extend(texts)
        return self._encoder.encode(texts, batch_size)

    def encode_words(self, texts: list[str]) -> Any:
        self._encoded_by_word.append(list(texts))
        return self._encoder.encode_words(texts)


@pytest.mark.parametrize("question", ["How many Russian soldiers were killed?", "Who took Kherson?"])
def test_after_reindex_answering_encodes_only_the_questions_own_words(
    make_assistant: Callable[..., Assistant], corpus_dir: Path, question: str
) -> None:
    """`texts_embedded_for` must name everything the answerer embeds of the passages: whatever it misses, a new
    process would encode at every question."""
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    recording = _RecordingEmbedder(backend=assistant.embedder.backend, model_cache=assistant.embedder.model_cache)
    recording.attach_cache(assistant.settings.store / "vectors.sqlite")  # what a new process sees

    answer = Assistant(assistant.settings, embedder=recording).ask(Request(question))

    assert not answer.refused
    assert recording.encoded
    assert [text for text in recording.encoded if text.lower() not in question.lower()] == []


def test_answering_a_question_aligns_its_words_with_a_few_sentences_in_one_forward_pass(
    make_assistant: Callable[..., Assistant], corpus_dir: Path
) -> None:
    """The judge's alignment signal (`newsdesk.answer.alignment`) is the answerer's one word-level forward pass:
    the question and at most `ALIGNED_CANDIDATES` sentences, once; asked again, everything is cached."""
    from newsdesk.answer.alignment import ALIGNED_CANDIDATES

    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    recording = _RecordingEmbedder(backend=assistant.embedder.backend, model_cache=assistant.embedder.model_cache)
    recording.attach_cache(assistant.settings.store / "vectors.sqlite")
    answerer = Assistant(assistant.settings, embedder=recording)
    answerer.answerer.align_words = True  # as when the judge weighs the alignment (else it is not computed)
    question = "How many Russian soldiers were killed?"

    answerer.ask(Request(question))
    first = list(recording.encoded_by_word)
    answerer.ask(Request(question))

    assert len(first) == 1 and first[0][0] == question and 1 < len(first[0]) <= 1 + ALIGNED_CANDIDATES
    assert recording.encoded_by_word == first


@pytest.mark.slow
def test_ask_is_answered_by_a_running_serve_of_the_same_store(
    make_assistant: Callable[..., Assistant], corpus_dir: Path
) -> None:
    assistant = make_assistant(corpus=[corpus_dir])
    assistant.reindex()
    store = assistant.settings.store
    env = {**os.environ, "NEWSDESK_STORE": str(store), "PYTHONPATH": str(REPO / "src")}
    server = subprocess.Popen([sys.executable, "-m", "newsdesk", "serve", "--port", "0"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while not (store / "serve.json").exists():
            assert server.poll() is None and time.monotonic() < deadline, "newsdesk serve did not start"
            time.sleep(0.5)
        question = "How many Russian soldiers has Russia's Defense Ministry said were killed?"
        # A model path that does not exist: answering in-process would fail, so the server answered.
        result = subprocess.run([sys.executable, "-m", "newsdesk", "ask", "--json", question],
                                env={**env, "NEWSDESK_MODEL_PATH": str(store / "no-model")},
                                capture_output=True, text=True, timeout=120)
    finally:
        server.terminate()
        server.wait(30)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answer"] == assistant.ask(Request(question)).answer
    assert not (store / "serve.json").exists(), "a stopped server still advertised"


@pytest.mark.parametrize(
    "word",
    ["the", "killed", "evacuated", "kherson", "zzqxv", "ferry's", "don't", "o'neill's", "12", "498", "1,597",
     "2.5", "1985", "2024", "2090", "07", "0", "café", "ferry’s", "well-known", "x"],
)
def test_english_zipf_is_wordfreqs_value(word: str) -> None:
    from wordfreq import zipf_frequency

    from newsdesk.text import english_zipf

    assert english_zipf(word) == zipf_frequency(word, "en")


def test_dense_search_over_the_snapshot_vectors_ranks_as_chroma_does_without_context(eval_assistant: Assistant) -> None:
    from newsdesk.index.retrieval import HybridSearch

    snapshot, lexical = eval_assistant.reader.current()
    assert lexical.vectors is not None and lexical.vectors.shape[0] == len(lexical.passages)
    search = HybridSearch(reader=eval_assistant.reader, k=10, mode="dense")
    for question in ("How many soldiers were wounded?", "Who said the bridge was closed?", "ferry capsized river"):
        vector = eval_assistant.embedder.embed_query(question)
        chroma = eval_assistant.store.vectorstore.similarity_search_by_vector(vector, k=10)
        mirror = lexical.dense_search(np.asarray(vector), 10, None, snapshot, with_context=False)
        with_context = lexical.dense_search(np.asarray(vector), 10, None, snapshot)

        assert [p.chunk_id for p, _ in mirror] == [d.id for d in chroma]
        # what dense retrieval ranks by: the same vectors, plus each chunk's sentences' and title's (lexical.py)
        assert [d.metadata["chunk_id"] for d in search.invoke(question)] == [p.chunk_id for p, _ in with_context]


def test_a_one_question_ask_loads_neither_chroma_nor_torch_nor_langchain_runnables(seed_assistant: Assistant) -> None:
    """What makes `newsdesk ask` start in a fraction of the time (docs/benchmarks.md, cold start)."""
    probe = (
        "import sys\n"
        "from newsdesk.cli import main\n"
        "sys.argv = ['newsdesk', 'ask', '--json', 'How many Russian soldiers were wounded?']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('chromadb', 'torch', 'langchain_core.runnables.base', 'langsmith', 'scipy', 'wordfreq',\n"
        "         'yaml', 'pysbd', 'filelock', 'asyncio', 'urllib.request')\n"
        "print('LOADED', sorted(name for name in heavy if name in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "NEWSDESK_STORE": str(seed_assistant.settings.store), "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["answer"]
    assert "LOADED []" in result.stderr, result.stderr


def test_questions_are_scored_from_the_saved_bm25_arrays_as_bm25s_scores_them(eval_assistant: Assistant) -> None:
    import bm25s

    from newsdesk.index.lexical import SavedBm25

    snapshot = eval_assistant.reader.current()[0]
    directory = eval_assistant.settings.store / str(snapshot.lexical_dir)
    saved = SavedBm25.load(directory)
    reference = bm25s.BM25.load(str(directory), show_progress=False)
    mask = np.ones(saved.num_docs, dtype=np.float32)
    mask[::3] = 0.0
    questions = ["How many soldiers were wounded?", "the ferry the ferry ferry", "Who said it?", "zzqx unknownword",
                 "passengers rescued from the river by divers on Tuesday", "the of and", "2,400 people evacuated"]
    for question in questions:
        for weights in (None, mask):
            ids, scores = saved.top(question, 10, weights)
            tokens = bm25s.tokenize([question], stopwords="en", stemmer=newsdesk_stemmer().stemWords,
                                    token_pattern=r"(?u)\b\w\w+\b", show_progress=False)
            if not ids.size:
                assert not tokens.vocab or not any(tokens.ids) or not any(
                    reference.retrieve(tokens, k=10, show_progress=False, weight_mask=weights)[1][0] > 0)
                continue
            expected_ids, expected_scores = reference.retrieve(tokens, k=10, show_progress=False, weight_mask=weights)
            assert ids.tolist() == expected_ids[0].tolist() and scores.tolist() == expected_scores[0].tolist()


def newsdesk_stemmer():  # type: ignore[no-untyped-def]
    from newsdesk.text import stemmer

    return stemmer()


def test_with_chunk_vectors_from_sentences_a_chunk_vector_is_its_sentences_length_weighted_mean(
    make_assistant: Callable[..., Assistant], corpus_dir: Path
) -> None:
    assistant = make_assistant(corpus=[corpus_dir], chunk_vectors="sentences", answer_vectors_at_index=False)
    assistant.reindex()
    lexical = assistant.reader.current()[1]

    for passage, stored in zip(lexical.passages, lexical.vectors, strict=True):
        offset = int(passage.metadata["start"])
        spans = json.loads(passage.metadata["sentences"])
        sentences = [passage.text[start - offset:end - offset] for start, end in spans]
        weights = np.array([len(s) for s in sentences], dtype=np.float32)[:, None]
        mean = (assistant.embedder.embed(sentences) * weights).sum(axis=0)
        assert np.allclose(stored, mean / np.linalg.norm(mean), atol=1e-5)
    assert lexical.passages
