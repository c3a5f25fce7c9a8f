"""Time chunking on inputs that used to be slow: very many short lines.

    python bench/pathological_inputs.py [--lines 10000,100000,1000000]

Chunking must be linear in the number of lines: the time per line stays about
the same as the file grows (the ratio column, against the smallest size
measured in the same run, stays near 1). Before the fix a file of 1M lines of
``A b.`` took 117 s to chunk and 269 s to reindex; 10k lines took 3.3 s.
"""

from __future__ import annotations

import argparse
import time

from newsdesk.articles.chunking import chunk_body


def time_chunking(lines: int, chunk_size: int = 1000) -> tuple[float, int]:
    body = "A b.\n" * lines
    started = time.perf_counter()
    chunks = chunk_body(body, chunk_size)
    return time.perf_counter() - started, len(chunks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", default="10000,100000,1000000", help="comma-separated line counts")
    args = parser.parse_args()
    sizes = [int(n) for n in args.lines.split(",")]
    baseline: float | None = None
    print(f"{'lines':>10} {'seconds':>8} {'chunks':>7} {'µs/line':>8} {'ratio':>6}")
    for lines in sizes:
        seconds, chunks = time_chunking(lines)
        per_line = seconds / lines
        baseline = baseline or per_line
        print(f"{lines:>10} {seconds:>8.2f} {chunks:>7} {per_line * 1e6:>8.1f} {per_line / baseline:>6.2f}")


if __name__ == "__main__":
    main()
