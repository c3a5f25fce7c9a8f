"""Untrusted text made safe to show: no terminal escapes, no hidden bidi tricks.

Titles, outlets, file names and paths come from files nobody vetted. Before
the chat or the terminal shows one, control characters (ESC, NUL, C1, which
a terminal would obey) and invisible format characters (bidi overrides that
display "fdp.exe" as "exe.pdf", zero-width joiners inside a fake outlet name)
are replaced by a visible ``<U+202E>`` marker, so what is shown is what is
there. Article *bodies* are not changed: citation offsets point into them
(the loader already turns their control characters into spaces).
"""

from __future__ import annotations

import re
import unicodedata

from rich.markup import escape

# C0 controls except tab and newline, DEL, C1 controls.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidi embeddings, overrides and isolates; zero-width and other invisible format characters.
_INVISIBLE = "\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
_HIDDEN = re.compile(f"[{_CONTROL}{_INVISIBLE}]")
_HIDDEN_OR_NEWLINE = re.compile(f"[{_CONTROL}{_INVISIBLE}\\n\\t]")


def _marker(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group(0)):04X}>"


def visible(text: str, one_line: bool = True) -> str:
    """``text`` with every control or invisible format character shown as ``<U+XXXX>``.

    ``one_line`` also shows newlines and tabs (a title or a file name has none).
    Other format characters (category Cf) outside the known list are marked too.
    """
    pattern = _HIDDEN_OR_NEWLINE if one_line else _HIDDEN
    shown = pattern.sub(_marker, text)
    if any(unicodedata.category(ch) == "Cf" for ch in shown):
        shown = "".join(f"<U+{ord(ch):04X}>" if unicodedata.category(ch) == "Cf" else ch for ch in shown)
    return shown


def has_hidden_characters(text: str) -> bool:
    return visible(text) != text


def for_terminal(text: object, one_line: bool = True) -> str:
    """Untrusted text for Rich: hidden characters shown, markup brackets escaped."""
    return escape(visible(str(text), one_line))


ECHO_CHARS = 40  # the most of a user's input an error message repeats


def shortened(text: str, limit: int = ECHO_CHARS) -> str:
    """The start of an input an error message quotes back (a 1 MB value is not echoed whole)."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"
