"""What a one-article edit costs on a large store, this source tree against another, alternating.

    python bench/edit_cost.py --articles 1887 --compare /tmp/before/src [--edits 4] [--work DIR] [--fake-embedder]

Builds one store of bench/scale.py's generated reports (1,887 make about
10,000 tutorial chunks) with this tree, then alternates the two trees, each in
a fresh process: open the store, run a no-op reindex and import datasketch
(so imports are not counted), append a sentence to one article (a different
one each time) and time that reindex alone, with its CPU. The edit cost of
the two trees is then a ratio from the same run, on the same store, under
the same load. ``--fake-embedder`` builds the store with tests/fake_embedder.py
(bag-of-stems vectors, seconds instead of an hour at 10k chunks): the
bookkeeping of an edit (reading the corpus, wire copies, the lexical index,
the claim ledger, Chroma's records) does not depend on what the vectors are.
``--profile`` writes a pyinstrument profile of each tree's last edit.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r'''
import json, sys, time
from pathlib import Path
sys.path.insert(0, {bench!r}); sys.path.insert(0, {tests!r})
import scale
assistant = scale.child_assistant({store!r}, {corpus!r}, fake={fake!r})
assistant.embedder.warm_up()
if {build!r}:
    scale.build_and_exit(assistant)
assistant.reindex()  # no-op: opens Chroma, the record manager, LangChain's indexing API
import datasketch  # noqa: F401  (its SciPy import is paid once per process, not per edit)
edited = Path({edited!r})
edited.write_text(edited.read_text(encoding="utf-8") + "\nA correction was appended on Friday ({n}).\n", encoding="utf-8")
profiler = None
if {profile!r}:
    from pyinstrument import Profiler
    profiler = Profiler(interval=0.005); profiler.start()
wall, cpu = time.perf_counter(), time.process_time()
report = assistant.reindex()
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
if profiler is not None:
    profiler.stop(); Path({profile!r}).write_text(profiler.output_text(unicode=False, color=False))
print(json.dumps({{"wall": wall, "cpu": cpu, "updated": report.updated, "chunks": report.chunks}}))
'''


def run_child(src: Path, store: Path, corpus: Path, *, fake: bool, build: bool = False, edited: Path | None = None,
              n: int = 0, profile: str = "") -> dict:
    code = CHILD.format(bench=str(REPO / "bench"), tests=str(REPO / "tests"), store=str(store), corpus=str(corpus),
                        fake=fake, build=build, edited=str(edited or ""), n=n, profile=profile)
    import scale  # main() put bench/ on the path

    return scale.run_child_code(src, code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1887)
    parser.add_argument("--compare", type=Path, required=True, help="another source tree (its src/)")
    parser.add_argument("--edits", type=int, default=4, help="edits per tree")
    parser.add_argument("--work", type=Path, default=None, help="keep the corpus and store here (reused if present)")
    parser.add_argument("--fake-embedder", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "bench"))
    import scale  # sets the offline environment

    work = args.work or Path(tempfile.mkdtemp(prefix="newsdesk-edit-cost-"))
    corpus, store = work / "corpus", work / "store"
    if not corpus.exists():
        scale.write_news_corpus(corpus, args.articles)
    trees = {"this tree": REPO / "src", "compared": args.compare}
    for src in trees.values():  # as an installed package has its byte code
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True, capture_output=True)
    if not (store / "snapshot.json").exists():
        built = run_child(trees["this tree"], store, corpus, fake=args.fake_embedder, build=True)
        print(f"built {built['chunks']} chunks in {built['built']:.0f} s", flush=True)
    files = sorted(corpus.glob("*.md"))
    rows: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
    loads = []
    stamp = int(time.time())
    for edit in range(-1, args.edits):  # edit -1 warms both trees' caches (e.g. signatures of a store built without)
        for position, (name, src) in enumerate(trees.items()):
            edited = files[(len(files) // 3 + 2 * (edit + 1) + position) % len(files)]
            profile = str(work / f"edit-profile-{name.replace(' ', '-')}.txt") if args.profile and edit == args.edits - 1 else ""
            loads.append(os.getloadavg()[0])
            figures = run_child(src, store, corpus, fake=args.fake_embedder, edited=edited, n=stamp + edit, profile=profile)
            if edit >= 0:
                rows[name].append((figures["wall"], figures["cpu"]))
            print(f"{name:<10} edit {edit}{' (warm-up, dropped)' if edit < 0 else ''}: wall {figures['wall']:6.2f} s  CPU {figures['cpu']:6.2f} s  "
                  f"updated {figures['updated']}  chunks {figures['chunks']}  load {loads[-1]:.1f}", flush=True)
    medians = {name: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r)) for name, r in rows.items()}
    for name, (wall, cpu) in medians.items():
        print(f"{name:<10} median wall {wall:.2f} s, median CPU {cpu:.2f} s")
    base_wall, base_cpu = medians["compared"]
    this_wall, this_cpu = medians["this tree"]
    print(f"ratio this/compared: wall {this_wall / base_wall:.3f}, CPU {this_cpu / base_cpu:.3f}; "
          f"load average {min(loads):.1f}-{max(loads):.1f} (2 cores)")


if __name__ == "__main__":
    main()
