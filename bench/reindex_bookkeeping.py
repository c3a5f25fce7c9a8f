"""Full ingest, no-op reindex and one-article edit of newsdesk alone, at any size and settings.

    python bench/reindex_bookkeeping.py --articles 1887 [--set chunk_vectors=sentences,embed_backend=onnx-int8]

The corpus is bench/scale.py's generated reports (1,887 reports make about
10,000 tutorial chunks). Prints the three times, the embeddings each made,
and the no-op and edit times as shares of the full ingest. For the ratio
against the tutorial pipeline use bench/scale.py; this script exists because
a 10k-chunk run of both with default settings takes hours on a shared machine,
while the bookkeeping of a no-op or one-edit reindex does not depend on how
the chunks were embedded.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
import time
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("scale", Path(__file__).with_name("scale.py"))
assert _SPEC and _SPEC.loader
scale = importlib.util.module_from_spec(_SPEC)
sys.modules["scale"] = scale
_SPEC.loader.exec_module(scale)  # sets the offline environment before newsdesk is imported

from newsdesk.assistant import Assistant  # noqa: E402
from newsdesk.index.embedding import Embedder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1887)
    parser.add_argument("--set", default="", help="settings overrides, e.g. chunk_vectors=sentences,embed_backend=onnx-int8")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    overrides = dict(part.split("=", 1) for part in args.set.split(",") if part)
    work = args.work or Path(tempfile.mkdtemp(prefix="newsdesk-bookkeeping-"))
    try:
        corpus = work / "corpus"
        scale.write_news_corpus(corpus, args.articles)
        settings = scale.newsdesk_settings(work / "store", [corpus], **overrides)
        embedder = Embedder(backend=settings.embed_backend)
        embedder.warm_up()
        assistant = Assistant(settings, embedder=embedder)
        rows = []
        for name in ("full ingest", "no-op reindex", "one-article edit"):
            if name == "one-article edit":
                edited = sorted(corpus.glob("*.md"))[args.articles // 2]
                edited.write_text(edited.read_text(encoding="utf-8") + "\nA correction was appended on Friday.\n",
                                  encoding="utf-8")
            encoded, started = embedder.texts_encoded, time.perf_counter()
            report = assistant.reindex()
            seconds = time.perf_counter() - started
            rows.append((name, seconds, embedder.texts_encoded - encoded))
            print(f"{name}: {seconds:.2f} s, {embedder.texts_encoded - encoded} texts through the model, "
                  f"{report.documents} documents, {report.chunks} chunks", flush=True)
        full = rows[0][1]
        for name, seconds, _ in rows[1:]:
            print(f"{name}: {100 * seconds / full:.2f} % of the full ingest", flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
