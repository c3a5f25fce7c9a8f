"""Ingest speed of newsdesk variants (forward pass, answer vectors) against the tutorial pipeline.

    python bench/ingest_variants.py [--articles 57]

One generated corpus (about 5.3 tutorial chunks per article). The tutorial is
ingested before and after the variants; each variant gets a fresh embedder
and store, so no vector comes from another variant's cache.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("scale", Path(__file__).with_name("scale.py"))
assert _SPEC and _SPEC.loader
scale = importlib.util.module_from_spec(_SPEC)
sys.modules["scale"] = scale
_SPEC.loader.exec_module(scale)  # sets the offline environment before newsdesk is imported

from newsdesk.assistant import Assistant  # noqa: E402
from newsdesk.index.embedding import Embedder  # noqa: E402

VARIANTS = {
    "onnx, answer vectors at index (default)": {"embed_backend": "onnx"},
    "onnx, chunk vectors from sentences, answer vectors": {"embed_backend": "onnx", "chunk_vectors": "sentences"},
    "onnx-int8, chunk vectors from sentences, answer vectors": {"embed_backend": "onnx-int8", "chunk_vectors": "sentences"},
    "onnx, no answer vectors": {"embed_backend": "onnx", "answer_vectors_at_index": False},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=57)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsdesk-ingest-"))
    try:
        corpus = work / "corpus"
        scale.write_news_corpus(corpus, args.articles, seed=3)
        hf = scale.tutorial_embeddings()
        hf.embed_query("warm up")
        before, (_, chunks) = scale.timed(lambda: scale.tutorial_ingest([corpus], work / "tutorial-1", hf))
        print(f"tutorial: {chunks} chunks in {before:.1f} s", flush=True)
        for number, (name, overrides) in enumerate(VARIANTS.items()):
            embedder = Embedder(backend=overrides["embed_backend"])
            embedder.warm_up()
            assistant = Assistant(scale.newsdesk_settings(work / f"store-{number}", [corpus], **overrides), embedder=embedder)
            seconds, report = scale.timed(assistant.reindex)
            print(f"{name}: {report.chunks} chunks in {seconds:.1f} s; documents/s {before / seconds:.2f}x the tutorial's", flush=True)
        after, _ = scale.timed(lambda: scale.tutorial_ingest([corpus], work / "tutorial-2", hf))
        print(f"tutorial again: {after:.1f} s", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
