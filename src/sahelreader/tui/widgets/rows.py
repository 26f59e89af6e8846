"""Row labels that wrap well at whatever width they are drawn: the side panel is 34 columns
wide, 28 in a narrow terminal, and a row's text comes from articles (any length).

A plain Rich renderable built from `Text` (never markup); `str()` gives its text, as it does
for a `Text` label.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

LEAST_WIDTH = 8  # an indent never leaves less than this for the text


class Packed:
    """`head`, then `pieces` joined by " · " on as few lines as the width allows: a piece goes
    whole to the next line (indented) rather than being broken ("12–15 Nov 2025" stays one)."""

    SEPARATOR = " · "

    def __init__(self, head: Text, pieces: Sequence[Text], indent: int = 2) -> None:
        self.head = head
        self.pieces = pieces
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        indent = max(0, min(self.indent, width - LEAST_WIDTH))
        line = self.head.copy()
        fresh = False  # the line holds its indent only
        for piece in self.pieces:
            if not fresh and line.cell_len + len(self.SEPARATOR) + piece.cell_len > width:
                yield line
                line, fresh = Text(" " * indent), True
            if not fresh:
                line.append(self.SEPARATOR, style="dim")
            line.append_text(piece)
            fresh = False
        yield line

    def __str__(self) -> str:
        return self.SEPARATOR.join([self.head.plain, *(piece.plain for piece in self.pieces)])
