"""Global options accepted after the command too: ``newsdesk reindex --store S`` = ``newsdesk --store S reindex``.

Click parses a group's options only before the command name; this group moves
the global options it finds after the command name in front of it, unless the
command has an option of the same name (``reindex --corpus`` is its own).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from typer.core import TyperGroup

if TYPE_CHECKING:
    import click

# Global options that take a value; their names are defined by the callback in cli/__init__.py.
GLOBAL_VALUE_OPTIONS = ("--store", "--config", "--corpus")


def hoist_global_options(args: list[str], own_options: set[str], command_at: int) -> list[str]:
    """Move global options (with their values) found after ``args[command_at]`` in front of it."""
    head, rest = list(args[:command_at]), list(args[command_at + 1:])
    kept: list[str] = []
    position = 0
    while position < len(rest):
        token = rest[position]
        if token == "--":
            kept.extend(rest[position:])
            break
        name = token.split("=", 1)[0]
        if name in GLOBAL_VALUE_OPTIONS and name not in own_options:
            if "=" in token or position + 1 >= len(rest):
                head.append(token)
                position += 1
            else:
                head.extend(rest[position:position + 2])
                position += 2
            continue
        kept.append(token)
        position += 1
    return [*head, args[command_at], *kept]


def command_position(args: list[str]) -> int | None:
    """Index of the command name: the first argument that is neither an option nor a global option's value."""
    position = 0
    while position < len(args):
        token = args[position]
        if token == "--":
            return None
        if token in GLOBAL_VALUE_OPTIONS:
            position += 2
            continue
        if token.startswith("-"):
            position += 1
            continue
        return position
    return None


class GlobalOptionsAnywhere(TyperGroup):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        at = command_position(args)
        if at is not None:
            command = self.get_command(ctx, args[at])
            if command is not None:
                own: set[str] = {opt for param in command.params for opt in getattr(param, "opts", [])}
                args = hoist_global_options(args, own, at)
        return super().parse_args(ctx, args)


