"""Where the CLI prints: rich consoles that never read markup into text and never wrap a line
that goes to a pipe or a file (scripts grep lines whole); in a terminal, lines wrap at its
width."""

from __future__ import annotations

import sys

from rich.console import Console


class _Console(Console):
    """Rich's console, but a closed pipe is the command's to handle (`cli.main`: quietly,
    128 + SIGPIPE), not a `SystemExit(1)` from inside rich."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    return _Console(stderr=stderr, highlight=False, soft_wrap=not is_terminal(stream))


def is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except (OSError, ValueError):
        return False
