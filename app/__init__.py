"""The Gradio chat of newsdesk: UI only; everything it knows comes from the `newsdesk` package.

`newsdesk serve` loads this folder by path (see `newsdesk.cli.serving`).
"""

from .newsdesk_app import build_app, launch

__all__ = ["build_app", "launch"]
