"""``newsdesk serve``: the Gradio chat in a browser.

The chat's UI lives in the repository's ``app/`` folder, beside ``src/``, so
that the package holds no UI code. It is not part of the installed package,
so `load_app` imports it by path from the checkout this package was installed
from (an editable install, as ``make`` does), or from ``NEWSDESK_APP_DIR``.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Annotated, Optional

import typer

from newsdesk.cli.common import AnswererOption, answerer_kind, console, console_err, settings_from
from newsdesk.display import for_terminal
from newsdesk.errors import ConfigError, NewsdeskError
from newsdesk.settings import Settings

APP_MODULE = "newsdesk_app"
APP_DIR_ENV_VAR = "NEWSDESK_APP_DIR"
# src/newsdesk/cli/serving.py -> the repository root is four levels up.
REPO_APP_DIR = Path(__file__).resolve().parents[3] / "app"


class AppNotFoundError(NewsdeskError):
    def __init__(self, tried: Path) -> None:
        super().__init__(
            f"The chat UI folder {tried} is missing. Run `newsdesk serve` from an editable install of a "
            f"newsdesk checkout (`make chat`), or set {APP_DIR_ENV_VAR} to the checkout's app/ folder."
        )


def app_dir() -> Path:
    return Path(os.environ.get(APP_DIR_ENV_VAR) or REPO_APP_DIR)


def load_app(directory: Path | None = None) -> ModuleType:
    """Import the ``app/`` package by path, once, under the name ``newsdesk_app``."""
    if APP_MODULE in sys.modules:
        return sys.modules[APP_MODULE]
    directory = directory or app_dir()
    init = directory / "__init__.py"
    if not init.is_file():
        raise AppNotFoundError(directory)
    spec = importlib.util.spec_from_file_location(APP_MODULE, init, submodule_search_locations=[str(directory)])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[APP_MODULE] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[APP_MODULE]
        raise
    return module


def auth_pair(settings: Settings) -> tuple[str, str] | None:
    """Login credentials when both are set; one without the other is a configuration mistake."""
    if settings.auth_user and settings.auth_password:
        return settings.auth_user, settings.auth_password
    if settings.auth_user or settings.auth_password:
        raise ConfigError(
            "Set both NEWSDESK_AUTH_USER and NEWSDESK_AUTH_PASSWORD to require a login, or neither."
        )
    return None


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    ctx: typer.Context,
    host: Annotated[
        Optional[str], typer.Option("--host", help="Bind address (default 127.0.0.1: this machine only).")
    ] = None,
    port: Annotated[Optional[int], typer.Option("--port", help="Port (default 7860).", min=0, max=65535)] = None,
    watch: Annotated[
        bool, typer.Option("--watch", help="Reindex whenever a file in the corpus is added, edited or deleted.")
    ] = False,
    answerer: AnswererOption = None,
) -> None:
    """Open the chat in a browser: cited answers, sources panel, filters, reindex.

    Login is required when NEWSDESK_AUTH_USER and NEWSDESK_AUTH_PASSWORD are set.
    """
    from newsdesk.assistant import Assistant

    settings = settings_from(ctx, host=host, port=port, answerer=answerer_kind(answerer))
    auth = auth_pair(settings)
    ui = load_app()
    started = time.perf_counter()
    assistant = Assistant(settings)
    console_err.print("loading the model and the index…", highlight=False)
    assistant.warm_up()
    status = assistant.status()
    console_err.print(
        f"ready in {time.perf_counter() - started:.1f}s: {status['documents']} documents, "
        f"{status['chunks']} passages from {settings.store}",
        highlight=False,
    )
    demo = ui.build_app(assistant)
    url = ui.launch(
        demo, settings.host, settings.port, auth, block=False,
        allowed_hosts=tuple(settings.allowed_hosts),
        max_upload_bytes=int(settings.upload_max_mb * settings.upload_max_files * 1_000_000),
    )
    console.print(f"newsdesk chat on {url}" + (" (login required)" if auth else ""), highlight=False)
    if settings.host not in ("127.0.0.1", "localhost", "::1"):
        console_err.print(
            f"[yellow]warning:[/] listening on {settings.host}: other machines can reach this chat"
            + ("" if auth else " without a login")
            + "; only requests naming this host in Host/Origin are answered: add the names clients use "
            "to allowed_hosts (NEWSDESK_ALLOWED_HOSTS).",
            highlight=False,
        )
    from newsdesk.cli.remote import advertise, withdraw

    stop_watch = None
    if watch:
        from newsdesk.cli.indexing import print_watch_event
        from newsdesk.index.watching import start_watch_thread

        _, stop_watch = start_watch_thread(
            assistant.reindex, list(settings.corpus), settings.watch_debounce_ms, print_watch_event
        )
        console_err.print(f"watching {for_terminal(', '.join(map(str, settings.corpus)))} for changes", highlight=False)
    advertised = advertise(settings.store, url, login=auth is not None)  # `newsdesk ask` may use this server
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # a plain kill still runs the cleanup below
    try:
        demo.block_thread()
    finally:
        withdraw(advertised)
        if stop_watch is not None:
            stop_watch.set()
        demo.close()
