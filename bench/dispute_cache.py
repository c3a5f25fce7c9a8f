"""Disputes stored at reindex time against found on the first question: this source tree against another, alternating.

    python bench/dispute_cache.py --compare /tmp/before/src [--articles 1887] [--work DIR] [--fake-embedder]
        [--rounds 2] [--edits figure,append]

Builds one store of bench/scale.py's generated reports with this tree (or reuses ``--work``'s), then
gives each tree its own copy of store and corpus and alternates them, each round in a fresh process
that does what a running ``newsdesk serve`` does: open the store, reindex (untimed: brings the copy up
to date with that tree's files), answer a question (untimed: warmed up as `serve` does, so the current generation's
ledger and disputes are loaded, as in a chat that has been answering), edit one report, reindex (timed: the
reindex time added), then answer a question about the edited report twice (timed: the first answer
after the reindex, and a warm one). Two edits: ``figure`` changes a number of the report's first
sentence (its claims change, so the disputes must be found again), ``append`` appends a sentence
without a claim (the claims are unchanged). Prints each run, the medians and the ratios this/compared;
the machine is shared, so CPU time (of this process only) is printed beside wall time.
``--fake-embedder`` builds and queries with tests/fake_embedder.py (what a reindex and the dispute step
cost does not depend on the vectors; the question's embedding is then free for both trees).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r'''
import json, re, sys, time
from pathlib import Path
sys.path.insert(0, {bench!r}); sys.path.insert(0, {tests!r})
import scale
from newsdesk.assistant import Request
import newsdesk.claims.conflicts as conflicts
assistant = scale.child_assistant({store!r}, {corpus!r}, fake={fake!r})
if {build!r}:
    scale.build_and_exit(assistant)
assistant.reindex()
assistant.warm_up()  # as `newsdesk serve` does before it takes questions
edited = Path({edited!r})
text = edited.read_text(encoding="utf-8")
event, place = re.search(r'title: "(\w+) in (\w+):', text).groups()
question = f"How many people were affected by the {{event.lower()}} in {{place}}?"
assistant.ask(Request(f"What did officials say about the {{event.lower()}} in {{place}}?"))
if {kind!r} == "figure":  # the body's first number, one more (one less if that would add a digit)
    head, body = text.split("\n---\n", 1)
    number = re.search(r"\d+", body)
    value = int(number.group()) + 1 if len(str(int(number.group()) + 1)) == len(number.group()) else int(number.group()) - 1
    text = head + "\n---\n" + body[:number.start()] + str(value) + body[number.end():]
else:
    text += "\nRain was expected on Friday.\n"  # no claimant, no figure: the claims stay as they were
edited.write_text(text, encoding="utf-8")
wall, cpu = time.perf_counter(), time.process_time()
report = assistant.reindex()
reindex_wall, reindex_cpu = time.perf_counter() - wall, time.process_time() - cpu
timings = []
for _ in range(2):
    wall, cpu = time.perf_counter(), time.process_time()
    assistant.ask(Request(question))
    timings.append((time.perf_counter() - wall, time.process_time() - cpu))
ledger = assistant.ledger()
consulted = [disputes for held, disputes in conflicts._CACHE.values() if held is ledger]
print(json.dumps({{"reindex_wall": reindex_wall, "reindex_cpu": reindex_cpu, "first_wall": timings[0][0],
                  "first_cpu": timings[0][1], "second_wall": timings[1][0], "updated": report.updated,
                  "claims": len(ledger.claims()), "disputes": len(consulted[0]) if consulted else None}}))
'''


def run_child(src: Path, store: Path, corpus: Path, *, fake: bool, build: bool = False, edited: Path | None = None,
              kind: str = "", n: int = 0) -> dict:
    code = CHILD.format(bench=str(REPO / "bench"), tests=str(REPO / "tests"), store=str(store), corpus=str(corpus),
                        fake=fake, build=build, edited=str(edited or ""), kind=kind, n=n)
    import scale  # main() put bench/ on the path

    return scale.run_child_code(src, code)


def copy_for(work: Path, name: str) -> tuple[Path, Path]:
    """A tree's own copy of the built store and corpus (each tree's reindex writes its own files)."""
    target = work / name
    if not target.exists():
        shutil.copytree(work / "corpus", target / "corpus")
        shutil.copytree(work / "store", target / "store")
        snapshot = target / "store" / "snapshot.json"  # the copy's documents live under the copy's corpus
        snapshot.write_text(snapshot.read_text(encoding="utf-8").replace(str(work / "corpus"), str(target / "corpus")),
                            encoding="utf-8")
    return target / "store", target / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1887)
    parser.add_argument("--compare", type=Path, required=True, help="another source tree (its src/)")
    parser.add_argument("--rounds", type=int, default=2, help="runs per tree and edit")
    parser.add_argument("--edits", default="figure,append")
    parser.add_argument("--work", type=Path, default=None, help="keep the corpus and stores here (reused if present)")
    parser.add_argument("--fake-embedder", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "bench"))
    import scale  # sets the offline environment

    work = args.work or Path(tempfile.mkdtemp(prefix="newsdesk-dispute-cache-"))
    if not (work / "corpus").exists():
        scale.write_news_corpus(work / "corpus", args.articles)
    trees = {"this tree": REPO / "src", "compared": args.compare}
    for src in trees.values():  # as an installed package has its byte code
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True, capture_output=True)
    if not (work / "store" / "snapshot.json").exists():
        built = run_child(trees["this tree"], work / "store", work / "corpus", fake=args.fake_embedder, build=True)
        print(f"built {built['chunks']} chunks in {built['built']:.0f} s", flush=True)
    copies = {name: copy_for(work, name.replace(" ", "-")) for name in trees}
    files = sorted((work / "corpus").glob("*.md"))
    rows: dict[tuple[str, str], list[dict]] = {}
    loads = []
    stamp = int(time.time())
    for round_ in range(args.rounds):
        for kind in args.edits.split(","):
            for position, (name, src) in enumerate(trees.items()):
                store, corpus = copies[name]
                edited = corpus / files[(len(files) // 3 + 2 * round_ + position) % len(files)].name
                loads.append(os.getloadavg()[0])
                figures = run_child(src, store, corpus, fake=args.fake_embedder, edited=edited, kind=kind, n=stamp + round_)
                rows.setdefault((kind, name), []).append(figures)
                print(f"{name:<10} {kind:<6} round {round_}: reindex wall {figures['reindex_wall']:6.2f} s CPU "
                      f"{figures['reindex_cpu']:6.2f} s | first answer wall {figures['first_wall']:6.2f} s CPU "
                      f"{figures['first_cpu']:6.2f} s | next answer {figures['second_wall']:.2f} s | "
                      f"{figures['claims']} claims, {figures['disputes']} disputes consulted | load {loads[-1]:.1f}",
                      flush=True)
    fields = ("reindex_wall", "reindex_cpu", "first_wall", "first_cpu", "second_wall")
    for kind in args.edits.split(","):
        medians = {name: {f: statistics.median(r[f] for r in rows[(kind, name)]) for f in fields} for name in trees}
        for name, values in medians.items():
            print(f"{kind:<6} {name:<10} median: " + ", ".join(f"{f} {v:.2f} s" for f, v in values.items()))
        this, base = medians["this tree"], medians["compared"]
        print(f"{kind:<6} ratio this/compared: first answer after reindex wall {this['first_wall'] / base['first_wall']:.3f}"
              f" CPU {this['first_cpu'] / base['first_cpu']:.3f}; reindex wall {this['reindex_wall'] / base['reindex_wall']:.3f}"
              f" CPU {this['reindex_cpu'] / base['reindex_cpu']:.3f}; reindex + first answer wall "
              f"{(this['reindex_wall'] + this['first_wall']) / (base['reindex_wall'] + base['first_wall']):.3f}")
    print(f"load average {min(loads):.1f}-{max(loads):.1f} (2 cores)")


if __name__ == "__main__":
    main()
