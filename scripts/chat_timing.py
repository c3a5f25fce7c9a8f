"""Measure the chat in headless Chromium and take the screenshot in docs/.

Against a running `newsdesk serve`:

    python scripts/chat_timing.py http://127.0.0.1:7860/ --screenshot docs/screenshot.png

For each run a fresh browser (empty cache) opens the page, waits until the
question box is ready, types a seed question and presses Ask; it reports the
page load time and the time from the page being ready to the finished
answer, with its citations and sources, on screen.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from chromium import Browser  # noqa: E402

QUESTIONS = (
    "Who controls Kherson?",
    "How many civilians have died, according to Ukraine's State Emergency Service?",
    "How many Russian soldiers has Russia's Defense Ministry said were killed?",
)
READY = "!!document.querySelector('#nd-question textarea') && !!document.querySelector('#nd-ask')"
ANSWERED = "!!document.querySelector('#nd-chat .nd-answer:not(.nd-streaming), #nd-chat .nd-refusal')"


def one_run(url: str, question: str) -> tuple[float, float]:
    with Browser() as browser:
        started = time.monotonic()
        browser.navigate(url)
        browser.wait_for(READY, timeout=60)
        ready = time.monotonic()
        browser.evaluate(
            """((q) => { const box = document.querySelector('#nd-question textarea');
                 box.value = q; box.dispatchEvent(new Event('input', {bubbles: true}));
                 document.querySelector('#nd-ask').click(); })(%r)""" % question
        )
        browser.wait_for(ANSWERED, timeout=60)
        return ready - started, time.monotonic() - ready


def screenshot(url: str, question: str, path: Path) -> None:
    with Browser(1400, 1000) as browser:
        browser.navigate(url + "?q=" + urllib.parse.quote(question))
        browser.wait_for(ANSWERED + " && !!document.querySelector('#nd-sources mark')", timeout=60)
        time.sleep(0.5)
        browser.screenshot(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    loads, answers = [], []
    for run in range(args.runs):
        load, answer = one_run(args.url, QUESTIONS[run % len(QUESTIONS)])
        loads.append(load)
        answers.append(answer)
        print(f"run {run + 1}: page ready in {load:.2f}s, answer {answer:.2f}s after that", flush=True)
    print(
        f"page ready: median {statistics.median(loads):.2f}s, max {max(loads):.2f}s; "
        f"first answer after ready: median {statistics.median(answers):.2f}s, max {max(answers):.2f}s"
    )
    if args.screenshot:
        screenshot(args.url, QUESTIONS[0], args.screenshot)
        print(f"screenshot: {args.screenshot}")


if __name__ == "__main__":
    main()
