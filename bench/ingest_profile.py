"""Where a full ingest's time goes: a profile, what goes through the model by kind of text, batch size and threads.

    python bench/ingest_profile.py profile --articles 300 --work DIR     # pyinstrument over Assistant.reindex
    python bench/ingest_profile.py texts --work DIR [--articles 60]      # tokens and CPU per kind of text
    python bench/ingest_profile.py batches --work DIR [--rounds 4]       # CPU by batch size and ONNX threads

The corpus is bench/scale.py's generated reports, written into DIR/corpus
once (the three commands share it). ``profile`` indexes it with default
settings and writes DIR/profile.txt (keep the store: bench/edit_cost.py
--work DIR measures edits on it). ``texts`` takes the first ``--articles``
reports: their chunks, and the texts the answerer embeds for them
(sentences, sentence windows, content words, figure windows), counts their
tokens with the model's tokenizer and times 300 of each kind through the
ONNX encoder. ``batches`` times the mix a reindex embeds (12 reports'
chunks and answer texts) with each batch size and thread count, alternating,
in CPU seconds (wall times on a shared machine say more about the load).
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("scale", Path(__file__).with_name("scale.py"))
assert _SPEC and _SPEC.loader
scale = importlib.util.module_from_spec(_SPEC)
sys.modules["scale"] = scale
_SPEC.loader.exec_module(scale)  # sets the offline environment before newsdesk is imported

from newsdesk.answer.candidates import matchable_words, figure_windows, sentence_candidates  # noqa: E402
from newsdesk.articles.chunking import chunk_article  # noqa: E402
from newsdesk.articles.corpus import load_corpus  # noqa: E402
from newsdesk.assistant import Assistant  # noqa: E402
from newsdesk.index.embedding import Embedder, default_model_path  # noqa: E402


def chunks_of(corpus: Path, first: int, skip: int = 0) -> list:
    staging = Path(tempfile.mkdtemp(prefix="newsdesk-profile-"))
    try:
        for path in sorted(corpus.glob("*.md"))[skip:skip + first]:
            shutil.copy(path, staging)
        loaded = load_corpus([staging], 10_000_000)
        return [chunk for article in loaded.articles for chunk in chunk_article(article, 1000, 1)]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def profile(work: Path) -> None:
    from pyinstrument import Profiler

    settings = scale.newsdesk_settings(work / "store", [work / "corpus"])
    embedder = Embedder(backend=settings.embed_backend)
    embedder.warm_up()
    assistant = Assistant(settings, embedder=embedder)
    profiler = Profiler(interval=0.005)
    wall, cpu = time.perf_counter(), time.process_time()
    profiler.start()
    report = assistant.reindex()
    profiler.stop()
    print(f"wall {time.perf_counter() - wall:.1f} s, CPU {time.process_time() - cpu:.1f} s, "
          f"{embedder.texts_encoded} texts through the model, {report.chunks} chunks")
    (work / "profile.txt").write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")
    print(f"profile: {work / 'profile.txt'}")


def texts(work: Path, articles: int) -> None:
    from tokenizers import Tokenizer

    chunks = chunks_of(work / "corpus", articles)
    candidates = sentence_candidates(chunks)
    kinds = {
        "chunks": list(dict.fromkeys(chunk.page_content for chunk in chunks)),
        "sentences": list(dict.fromkeys(c.text for c in candidates)),
        "sentence windows": list(dict.fromkeys(c.window for c in candidates)),
        "matchable words": sorted({w for c in candidates for w in matchable_words(c.text)}),
        "figure windows": sorted({w for c in candidates for w in figure_windows(c.text)}),
    }
    tokenizer = Tokenizer.from_file(str(default_model_path() / "tokenizer.json"))
    tokenizer.enable_truncation(256)
    tokenizer.no_padding()
    embedder = Embedder(threads=1)
    encoder = embedder._load()
    rows = []
    for name, group in kinds.items():
        tokens = sum(len(encoding.ids) for encoding in tokenizer.encode_batch(group))
        sample = group[::max(1, len(group) // 300)][:300]
        started = time.process_time()
        encoder.encode(sample, 32)
        per_text = (time.process_time() - started) / len(sample)
        rows.append((name, len(group), tokens, per_text, per_text * len(group)))
    total = sum(row[4] for row in rows)
    print("| texts | count | tokens | tokens per text | CPU per text | CPU | share |")
    for name, count, tokens, per_text, cpu in rows:
        print(f"| {name} | {count:,} | {tokens:,} | {tokens / count:.1f} | {1000 * per_text:.1f} ms | {cpu:.1f} s | {100 * cpu / total:.0f} % |")


def batches(work: Path, rounds: int) -> None:
    from newsdesk.answer.candidates import texts_embedded_for

    chunks = chunks_of(work / "corpus", 12, skip=100)
    mix = list(dict.fromkeys([chunk.page_content for chunk in chunks] + texts_embedded_for(chunks)))
    encoders = {threads: Embedder(threads=threads)._load() for threads in (1, 2)}
    settings = [(1, 16), (1, 32), (2, 16), (2, 32)]
    cpu: dict[tuple[int, int], list[float]] = {setting: [] for setting in settings}
    print(f"{len(mix)} texts")
    for round_ in range(rounds):
        for threads, batch in settings:
            started = time.process_time()
            encoders[threads].encode(mix, batch)
            cpu[(threads, batch)].append(time.process_time() - started)
            print(f"round {round_}: {threads} thread(s), batch {batch}: CPU {cpu[(threads, batch)][-1]:.1f} s", flush=True)
    base = statistics.median(cpu[(1, 32)])
    for (threads, batch), values in cpu.items():
        print(f"{threads} thread(s), batch {batch}: median CPU {statistics.median(values):.1f} s "
              f"({min(values):.1f}-{max(values):.1f}), {statistics.median(values) / base:.2f}x 1 thread batch 32")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["profile", "texts", "batches"])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    corpus = args.work / "corpus"
    if not corpus.exists():
        scale.write_news_corpus(corpus, args.articles or 300)
    if args.what == "profile":
        profile(args.work)
    elif args.what == "texts":
        texts(args.work, args.articles or 60)
    else:
        batches(args.work, args.rounds)


if __name__ == "__main__":
    main()
