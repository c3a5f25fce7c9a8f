"""Fault injection: kill `newsdesk reindex` at random moments, then load the
assistant with concurrent questions while the corpus changes under it.

    python bench/fault_injection.py --kills 10 --clients 20 --seconds 30
    python bench/fault_injection.py --kills 0 --seconds 0 --attacks   # mass delete, damaged files, rebinding

Everything runs on this machine in a temporary directory (or --workdir): the
kill loop starts real `newsdesk reindex` processes and SIGKILLs them; the load
loop asks questions from many threads while another thread edits, deletes and
adds articles and reindexes. Each loop is bounded (kills, seconds). It prints
what it found: kills survived, requests, errors, p95 latency, documents lost,
and whether any answer cited a document or a version that was not in the
corpus before or after the reindex it overlapped.

The load loop's target is pluggable: `AssistantTarget` calls the library in
this process; `GradioTarget` calls a running chat server's ``/ask`` and
``/reindex`` endpoints through gradio_client (loopback only). For that, start
the server on this script's corpus and store, then point the script at it:

    python bench/fault_injection.py --kills 0 --workdir /tmp/faults --seconds 0   # creates the corpus
    NEWSDESK_STORE=/tmp/faults/store NEWSDESK_CORPUS=/tmp/faults/corpus newsdesk serve &
    python bench/fault_injection.py --kills 0 --workdir /tmp/faults --url http://127.0.0.1:7860
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

REPO = Path(__file__).resolve().parent.parent
SEED_CORPUS = REPO / "corpus"

_PLACES = ["Velmora", "Ostrin", "Kalven", "Drossa", "Marrow", "Teliny", "Brask", "Quorra", "Ulmet", "Sarvo"]
_EVENTS = ["flood", "landslide", "fire at the grain depot", "bridge collapse", "power cut", "storm"]
_OFFICIALS = ["the regional governor", "the mayor", "a police spokesperson", "the emergency ministry"]


# -- a corpus that changes -----------------------------------------------------
def marker(serial: int) -> str:
    """A place name found in exactly one synthetic article: proof of which document answered."""
    return f"{_PLACES[serial % len(_PLACES)]}{serial:04d}ville"


def synthetic_article(serial: int, revision: int = 0) -> str:
    """A small fictional news report about ``marker(serial)``; ``revision`` changes its figures."""
    rng = random.Random(serial * 1000 + revision)
    place, event = marker(serial), rng.choice(_EVENTS)
    families, official = rng.randint(10, 900) + revision, rng.choice(_OFFICIALS)
    paragraphs = [
        f"{official.capitalize()} said on Tuesday that {families} families in {place} had been moved "
        f"after the {event}. Roads into {place} remained closed overnight.",
        f"Residents of {place} told reporters that warnings came late. "
        f"According to {official}, repairs will take {rng.randint(2, 30)} days.",
        f"The {event} in {place} damaged {rng.randint(3, 80)} buildings, the local council reported. "
        f"Schools in {place} will reopen next week, it said.",
    ]
    return (
        f"---\ntitle: {event.capitalize()} in {place}\noutlet: Synthetic Wire\n"
        f"published: 2024-03-{1 + serial % 28:02d}\n---\n" + "\n\n".join(paragraphs) + "\n"
    )


@dataclass
class ChangingCorpus:
    """A corpus directory the loops add to, edit and delete from; remembers every version written."""

    root: Path
    rng: random.Random
    next_serial: int = 0
    revisions: dict[str, int] = field(default_factory=dict)
    versions: dict[str, set[str]] = field(default_factory=dict)  # doc id -> every body text it ever had

    @classmethod
    def create(cls, root: Path, articles: int, seed: int = 7, with_seed_corpus: bool = True) -> ChangingCorpus:
        root.mkdir(parents=True, exist_ok=True)
        for stale in root.glob("synthetic-*.md"):  # from an earlier run in the same directory
            stale.unlink()
        if with_seed_corpus and SEED_CORPUS.is_dir():
            shutil.copytree(SEED_CORPUS, root, dirs_exist_ok=True)
        corpus = cls(root, random.Random(seed))
        for _ in range(articles):
            corpus.add()
        return corpus

    def synthetic_ids(self) -> list[str]:
        return sorted(self.revisions)

    def add(self) -> str:
        serial = self.next_serial
        self.next_serial += 1
        doc_id = f"synthetic-{serial:04d}.md"
        self.revisions[doc_id] = 0
        self._write(doc_id, serial)
        return doc_id

    def edit(self, doc_id: str) -> None:
        self.revisions[doc_id] += 1
        self._write(doc_id, int(doc_id.split("-")[1].split(".")[0]))

    def delete(self, doc_id: str) -> None:
        (self.root / doc_id).unlink()
        del self.revisions[doc_id]

    def mutate(self, adds: int = 2, edits: int = 2, deletes: int = 1) -> dict[str, list[str]]:
        """Add, edit and delete a few synthetic articles; returns what changed."""
        present = self.synthetic_ids()
        deleted = self.rng.sample(present, min(deletes, max(0, len(present) - 1)))
        for doc_id in deleted:
            self.delete(doc_id)
        edited = self.rng.sample(self.synthetic_ids(), min(edits, len(self.synthetic_ids())))
        for doc_id in edited:
            self.edit(doc_id)
        added = [self.add() for _ in range(adds)]
        return {"added": added, "edited": edited, "deleted": deleted}

    def _write(self, doc_id: str, serial: int) -> None:
        text = synthetic_article(serial, self.revisions[doc_id])
        (self.root / doc_id).write_text(text, encoding="utf-8")
        from newsdesk.articles.corpus import split_front_matter

        self.versions.setdefault(doc_id, set()).add(split_front_matter(text)[1])


# -- the kill loop --------------------------------------------------------------
def reindex_command(store: Path, corpus: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newsdesk.cli", "--store", str(store), "reindex", "--corpus", str(corpus), *extra]


def subprocess_env() -> dict[str, str]:
    """The child runs this checkout's code, offline."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    env.update(ANONYMIZED_TELEMETRY="False", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               TOKENIZERS_PARALLELISM="false", GRADIO_ANALYTICS_ENABLED="False")
    return env


@dataclass
class KillStats:
    kills: int = 0
    finished_before_kill: int = 0
    kill_delays: list[float] = field(default_factory=list)
    phases: dict[str, int] = field(default_factory=dict)


def kill_loop(
    store: Path, corpus: ChangingCorpus, kills: int, rng: random.Random, max_rounds: int | None = None
) -> KillStats:
    """Start `newsdesk reindex`, SIGKILL it, change the corpus, repeat until ``kills`` kills.

    Half the kills land at a random time in the first seconds (start-up, lock,
    corpus loading, model loading); the other half wait for the run's first
    write to the record manager, then strike within a few seconds (adding
    chunks, building the lexical index, publishing the snapshot, deleting).
    """
    stats = KillStats()
    records = store / "records.sqlite"
    rounds = 0
    while stats.kills < kills and rounds < (max_rounds or kills * 3):
        rounds += 1
        corpus.mutate(adds=rng.randint(1, 3), edits=rng.randint(1, 3), deletes=rng.randint(0, 2))
        before = _mtime(records)
        started = time.monotonic()
        process = subprocess.Popen(
            reindex_command(store, corpus.root, "--json"), env=subprocess_env(),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        if stats.kills % 2 == 0:
            phase, deadline = "start-up", started + rng.uniform(0.3, 6.0)
        else:
            phase = "writing"
            while process.poll() is None and _mtime(records) == before and time.monotonic() - started < 120:
                time.sleep(0.02)
            deadline = time.monotonic() + rng.uniform(0.0, 4.0)
        while process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            stats.kills += 1
            stats.kill_delays.append(round(time.monotonic() - started, 2))
            stats.phases[phase] = stats.phases.get(phase, 0) + 1
        else:
            stats.finished_before_kill += 1
    return stats


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0.0


# -- the load loop ----------------------------------------------------------------
class AskTarget(Protocol):
    """Whatever answers questions: returns the answer as the `ask --json` object."""

    def ask(self, question: str) -> dict[str, Any]: ...


class AssistantTarget:
    """The library in this process (what the chat server wraps)."""

    def __init__(self, assistant: Any) -> None:
        self.assistant = assistant

    def ask(self, question: str) -> dict[str, Any]:
        from newsdesk.assistant import Request

        return self.assistant.ask(Request(question)).to_json()


class GradioTarget:
    """A running newsdesk chat server, through gradio_client; loopback addresses only."""

    def __init__(self, url: str, api_name: str = "/ask", auth: tuple[str, str] | None = None) -> None:
        from urllib.parse import urlparse

        host = urlparse(url).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError(f"refusing to load-test {host}: loopback only")
        self.url, self.api_name, self.auth = url, api_name, auth
        self._local = threading.local()

    def ask(self, question: str) -> dict[str, Any]:
        from gradio_client import Client

        client = getattr(self._local, "client", None)
        if client is None:  # one client per thread: gradio_client sessions are not shared safely
            client = self._local.client = Client(self.url, auth=self.auth, verbose=False)
        result = client.predict(question, api_name=self.api_name)
        return json.loads(result) if isinstance(result, str) else result

    def reindex(self) -> Any:
        """Ask the server to reindex its own corpus (its ``/reindex`` endpoint waits for it)."""
        from gradio_client import Client

        return Client(self.url, auth=self.auth, verbose=False).predict(api_name="/reindex")


@dataclass
class Outcome:
    question: str
    started: float
    finished: float
    answer: dict[str, Any] | None
    error: str | None = None


@dataclass
class ReindexWindow:
    """One reindex during the load loop and the corpus it published (doc id -> body texts)."""

    started: float
    finished: float
    corpus: dict[str, set[str]]


@dataclass
class LoadStats:
    requests: int = 0
    errors: int = 0
    answered: int = 0
    refused: int = 0
    inconsistent: int = 0
    reindexes: int = 0
    documents_lost: int = 0
    reindex_errors: list[str] = field(default_factory=list)
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    error_samples: list[str] = field(default_factory=list)
    inconsistent_samples: list[str] = field(default_factory=list)


def load_loop(
    target: AskTarget,
    corpus: ChangingCorpus,
    reindex: Callable[[], Any] | None,
    clients: int = 20,
    seconds: float = 30.0,
    initial: dict[str, set[str]] | None = None,
    store: Path | None = None,
) -> LoadStats:
    """``clients`` threads ask about the synthetic articles for ``seconds`` while the corpus
    changes and ``reindex()`` runs again and again; checks every citation against the corpus
    versions that were active before or published during that request. With ``store``, each
    published snapshot is compared with the corpus it was built from: documents lost."""
    windows = [ReindexWindow(0.0, 0.0, initial if initial is not None else _present(corpus))]
    outcomes: list[Outcome] = []
    lost: set[str] = set()
    reindex_errors: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()  # clients stop only after the last reindex has finished
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        rng = random.Random(number)
        while not stop.is_set():
            serial = rng.randrange(max(corpus.next_serial, 1))
            question = rng.choice([
                f"How many families were moved in {marker(serial)}?",
                f"What happened in {marker(serial)}?",
                f"When will schools in {marker(serial)} reopen?",
            ])
            started = time.monotonic()
            try:
                answer, error = target.ask(question), None
            except Exception as exc:  # the point is to count them
                answer, error = None, f"{type(exc).__name__}: {exc}"
            with lock:
                outcomes.append(Outcome(question, started, time.monotonic(), answer, error))

    def reindexer() -> None:
        while reindex is not None and time.monotonic() < deadline:
            corpus.mutate(adds=1, edits=2, deletes=1)
            state = _present(corpus)
            started = time.monotonic()
            try:
                reindex()
            except Exception as exc:  # counted, and the loop goes on like a user would
                reindex_errors.append(f"{type(exc).__name__}: {exc}")
                continue
            with lock:
                windows.append(ReindexWindow(started, time.monotonic(), state))
                if store is not None:
                    published = json.loads((store / "snapshot.json").read_text(encoding="utf-8"))["documents"]
                    lost.update(set(state) - set(published))

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    writer = threading.Thread(target=reindexer, daemon=True)
    for thread in (*threads, writer):
        thread.start()
    time.sleep(max(0.0, deadline - time.monotonic()))
    writer.join(timeout=600)
    stop.set()
    for thread in threads:
        thread.join(timeout=300)
    stats = _summarise(outcomes, windows)
    stats.documents_lost = len(lost)
    stats.reindex_errors = reindex_errors
    return stats


def _present(corpus: ChangingCorpus) -> dict[str, set[str]]:
    """Doc id -> its current body, for the synthetic articles now on disk."""
    from newsdesk.articles.corpus import split_front_matter

    state: dict[str, set[str]] = {}
    for doc_id in corpus.synthetic_ids():
        state[doc_id] = {split_front_matter((corpus.root / doc_id).read_text(encoding="utf-8"))[1]}
    return state


def allowed_versions(windows: list[ReindexWindow], started: float, finished: float) -> dict[str, set[str]]:
    """Corpus versions a reader may see during [started, finished]: the last one published
    before it started and every one whose reindex overlapped it."""
    before = [w for w in windows if w.finished <= started]
    during = [w for w in windows if w.finished > started and w.started < finished]
    allowed: dict[str, set[str]] = {}
    for window in ([before[-1]] if before else []) + during:
        for doc_id, bodies in window.corpus.items():
            allowed.setdefault(doc_id, set()).update(bodies)
    return allowed


def citation_problem(answer: dict[str, Any], allowed: dict[str, set[str]]) -> str | None:
    """Why a citation of a synthetic article is not from an allowed version, or None."""
    for citation in answer.get("citations", []):
        doc_id = citation["doc_id"]
        if not doc_id.startswith("synthetic-"):
            continue
        bodies = allowed.get(doc_id)
        if not bodies:
            return f"cites {doc_id}, absent from the corpus before and after"
        if not any(body[citation["start"]:citation["end"]] == citation["quote"] for body in bodies):
            return f"cites {doc_id}:{citation['start']}-{citation['end']} from a version never active"
    return None


def _summarise(outcomes: list[Outcome], windows: list[ReindexWindow]) -> LoadStats:
    stats = LoadStats(requests=len(outcomes), reindexes=len(windows) - 1)
    latencies = sorted((o.finished - o.started) * 1000 for o in outcomes)
    if latencies:
        stats.p50_ms = round(statistics.median(latencies), 1)
        stats.p95_ms = round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1)
    for outcome in outcomes:
        if outcome.error is not None or outcome.answer is None:
            stats.errors += 1
            if len(stats.error_samples) < 5:
                stats.error_samples.append(outcome.error or "no answer")
            continue
        stats.refused += bool(outcome.answer.get("refused"))
        stats.answered += not outcome.answer.get("refused")
        problem = citation_problem(outcome.answer, allowed_versions(windows, outcome.started, outcome.finished))
        if problem:
            stats.inconsistent += 1
            if len(stats.inconsistent_samples) < 5:
                stats.inconsistent_samples.append(f"{outcome.question!r}: {problem}")
    return stats


# -- the script -------------------------------------------------------------------------
# -- round-two attacks: mass delete, damaged store files, DNS rebinding -------------
def mass_delete_cases(assistant: Any, corpus: ChangingCorpus) -> list[dict[str, Any]]:
    """Corpus mistakes that used to empty the index: each must delete nothing and say why."""
    from newsdesk.errors import NewsdeskError
    from newsdesk.settings import load_settings

    before = set(assistant.store.read_snapshot().documents)
    root = corpus.root
    aside = root.with_name(root.name + "-aside")
    rows = []

    def attempt(label: str, roots: list[Path]) -> None:
        other = type(assistant)(load_settings(environ={}, store=assistant.settings.store, corpus=roots),
                                embedder=assistant.embedder)
        try:
            report = other.reindex()
            outcome = f"failures: {[f.reason.split(';')[0] for f in report.failures][:2]}"
        except NewsdeskError as exc:
            outcome = f"{type(exc).__name__}: {str(exc)[:90]}"
        kept = len(before & set(assistant.store.read_snapshot().documents))
        rows.append({"case": label, "documents_kept": f"{kept}/{len(before)}", "outcome": outcome})

    attempt("mistyped root", [root.with_name("corpus-typo")])
    root.rename(aside)
    root.mkdir()
    attempt("empty root (unmounted drive)", [root])
    root.rmdir()
    (root.parent / "a-file").write_text("not a folder", encoding="utf-8")
    attempt("root is a file", [root.parent / "a-file"])
    aside.rename(root)
    moved = root.with_name("moved-away")
    moved.mkdir(exist_ok=True)
    victims = corpus.synthetic_ids()[: int(len(before) * 0.6) + 1]
    for doc_id in victims:
        (root / doc_id).rename(moved / doc_id)
    attempt(f"{len(victims)} of {len(before)} files gone", [root])
    for doc_id in victims:
        (moved / doc_id).rename(root / doc_id)
    return rows


def damaged_store_cases(assistant: Any, corpus: ChangingCorpus) -> list[dict[str, Any]]:
    """Each store file damaged in turn: the error a reader gets, and whether reindex rebuilds a consistent store."""
    from newsdesk.assistant import Request
    from newsdesk.articles.corpus import load_corpus
    from newsdesk.errors import NewsdeskError
    from newsdesk.index.integrity import check_store
    from newsdesk.claims.ledger import ledger_path

    store = assistant.store
    rows = []

    def damage(label: str, path_of: Callable[[], Path], content: bytes, rebuild: bool = False) -> None:
        path = path_of()
        path.write_bytes(content)
        try:
            assistant.ask(Request(f"What happened in {marker(1)}?"))
            reader = "answered"
        except NewsdeskError as exc:
            reader = f"{type(exc).__name__}: {str(exc)[:80]}"
        traceback_free = True
        try:
            report = assistant.reindex(rebuild=False)
            repaired = report.repaired
        except NewsdeskError as exc:
            repaired = [f"{type(exc).__name__}: {str(exc)[:80]}"]
            report = assistant.reindex(rebuild=True) if rebuild else None
        except Exception as exc:  # noqa: BLE001 - what this script looks for
            traceback_free, repaired, report = False, [repr(exc)[:100]], None
        problems = check_store(store, load_corpus([corpus.root]).articles).problems
        rows.append({"case": label, "reader": reader, "reindex": repaired[:1], "rebuilt_with": "--rebuild" if rebuild else "reindex",
                     "traceback_free": traceback_free, "integrity_problems": len(problems)})

    damage("snapshot.json is a list", lambda: store.snapshot_path, b"[]")
    damage("snapshot.json documents a list", lambda: store.snapshot_path, b'{"format": 1, "documents": []}')
    damage("snapshot.json lexical_dir ../..", lambda: store.snapshot_path,
           b'{"format": 1, "documents": {}, "lexical_dir": "../../etc"}')
    damage("claims ledger of the wrong shape",
           lambda: ledger_path(store.root, store.read_snapshot().generation), b'{"format": 1, "documents": {"x": {}}}')
    damage("records.sqlite random bytes", lambda: assistant.settings.record_db, os.urandom(65536), rebuild=True)
    return rows


def rebinding_cases(assistant: Any) -> dict[str, Any]:
    """Forged Host and Origin headers against a live chat server, and a password guesser against its login."""
    import httpx

    from newsdesk.cli.serving import load_app

    ui = load_app()
    results: dict[str, Any] = {}
    demo = ui.build_app(assistant)
    url = ui.launch(demo, "127.0.0.1", 0, block=False)
    port = httpx.URL(url).port
    body = {"data": [f"What happened in {marker(1)}?", [], [], "", ""]}
    forged = {
        "rebinding Host": {"Host": f"evil.example:{port}"},
        "rebinding Host, no port": {"Host": "evil.example"},
        "Host of a nip.io name": {"Host": f"127.0.0.1.nip.io:{port}"},
        "foreign Origin": {"Origin": "http://evil.example"},
        "foreign Origin, loopback Host": {"Host": f"127.0.0.1:{port}", "Origin": f"http://evil.example:{port}"},
        "Origin null (sandboxed frame)": {"Origin": "null"},
    }
    try:
        answered = {label: httpx.post(f"{url}gradio_api/call/ask", json=body, headers=headers).status_code
                    for label, headers in forged.items()}
        answered["loopback (control)"] = httpx.post(f"{url}gradio_api/call/ask", json=body).status_code
        results["forged_requests"] = answered
    finally:
        demo.close()
    demo = ui.build_app(assistant)
    url = ui.launch(demo, "127.0.0.1", 0, auth=("editor", "right-password"), block=False)
    try:
        started = time.monotonic()
        statuses = [httpx.post(f"{url}login", data={"username": "editor", "password": f"guess{n}"}).status_code
                    for n in range(100)]
        results["login_guesses"] = {"tried": 100, "checked": statuses.count(400), "refused_429": statuses.count(429),
                                    "seconds": round(time.monotonic() - started, 2)}
        results["api_without_login"] = {
            path: httpx.get(f"{url}gradio_api/{path}", timeout=5).status_code for path in ("heartbeat/x", "queue/status")
        }
    finally:
        demo.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=10, help="SIGKILLs of `newsdesk reindex` (0: skip).")
    parser.add_argument("--articles", type=int, default=30, help="Synthetic articles to start with.")
    parser.add_argument("--clients", type=int, default=20, help="Concurrent question askers.")
    parser.add_argument("--seconds", type=float, default=30.0, help="Length of the load loop (0: skip).")
    parser.add_argument("--no-reindex", action="store_true", help="Load loop without reindexing (a baseline).")
    parser.add_argument("--url", help="Load a running chat server (http://127.0.0.1:PORT) instead of the library.")
    parser.add_argument("--api-name", default="/ask", help="The server's endpoint, with --url.")
    parser.add_argument("--workdir", type=Path, help="Keep the corpus and store here (default: a temp dir).")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--attacks", action="store_true",
                        help="Also run the round-two attacks: mass delete, damaged store files, DNS rebinding.")
    args = parser.parse_args(argv)

    for name, value in subprocess_env().items():
        os.environ.setdefault(name, value)
    sys.path.insert(0, str(REPO / "src"))
    from newsdesk.assistant import Assistant
    from newsdesk.articles.corpus import load_corpus
    from newsdesk.index.integrity import check_store
    from newsdesk.settings import load_settings

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="newsdesk-faults-"))
    corpus = ChangingCorpus.create(workdir / "corpus", args.articles, seed=args.seed)
    store = workdir / "store"
    rng = random.Random(args.seed)
    results: dict[str, Any] = {"workdir": str(workdir)}

    if args.kills:
        started = time.monotonic()
        kills = kill_loop(store, corpus, args.kills, rng)
        results["kill_loop"] = {"kills": kills.kills, "finished_before_kill": kills.finished_before_kill,
                                "phases": kills.phases, "kill_delays_s": kills.kill_delays}
    assistant = Assistant(load_settings(environ={}, store=store, corpus=[corpus.root]))
    assistant.reindex()
    if args.kills:
        results["kill_loop"]["seconds"] = round(time.monotonic() - started, 1)
    articles = load_corpus([corpus.root]).articles
    integrity = check_store(assistant.store, articles)
    results["after_recovery"] = {"documents": integrity.documents, "chunks": integrity.chroma_chunks,
                                 "problems": integrity.problems}

    if args.seconds:
        target: AskTarget = (
            GradioTarget(args.url, args.api_name) if args.url else AssistantTarget(assistant)
        )
        # With --url the server reindexes its own store; this loop only changes its corpus.
        reindex: Callable[[], Any] | None = target.reindex if isinstance(target, GradioTarget) else assistant.reindex
        if args.no_reindex:
            reindex = None
        load = load_loop(target, corpus, reindex, clients=args.clients, seconds=args.seconds, store=store)
        final = check_store(assistant.store, load_corpus([corpus.root]).articles)
        results["load_loop"] = {**load.__dict__, "clients": args.clients, "seconds": args.seconds,
                                "integrity_problems": final.problems}
    if args.attacks:
        results["mass_delete"] = mass_delete_cases(assistant, corpus)
        results["damaged_store"] = damaged_store_cases(assistant, corpus)
        results["rebinding"] = rebinding_cases(assistant)
    print(json.dumps(results, indent=1))
    ok = not results["after_recovery"]["problems"] and (
        not args.seconds or (not results["load_loop"]["errors"] and not results["load_loop"]["inconsistent"]
                             and not results["load_loop"]["documents_lost"]
                             and not results["load_loop"]["reindex_errors"]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
