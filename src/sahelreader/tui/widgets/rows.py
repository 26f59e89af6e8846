"""Row labels that wrap well at whatever width they are drawn: the side panel is 34 columns
wide, 28 in a narrow terminal, and a row's text comes from articles (any length).

Both are plain Rich renderables built from `Text` (never markup); `str()` gives their text, as
it does for a `Text` label.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.text import Text

LEAST_WIDTH = 8  # an indent never leaves less than this for the text


class Indented:
    """Paragraphs, each indented as a whole: a title's wrapped lines start under its first
    character (a hanging indent), not at the row's edge. A paragraph may be `Packed`."""

    def __init__(self, *parts: tuple[int, Text | Packed]) -> None:
        self.parts = parts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for indent, text in self.parts:
            indent = max(0, min(indent, options.max_width - LEAST_WIDTH))
            yield Padding(text, (0, 0, 0, indent), expand=False)

    def __str__(self) -> str:
        return "\n".join(
            " " * indent + (text.plain if isinstance(text, Text) else str(text))
            for indent, text in self.parts
        )


class Packed:
    """`head`, then `pieces` joined by " · " (or `separator`) on as few lines as the width
    allows: a piece goes whole to the next line (indented) rather than being broken
    ("12–15 Nov 2025" stays one)."""

    def __init__(
        self, head: Text, pieces: Sequence[Text], indent: int = 2, separator: str = " · "
    ) -> None:
        self.head = head
        self.pieces = pieces
        self.indent = indent
        self.separator = separator

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        indent = max(0, min(self.indent, width - LEAST_WIDTH))
        line = self.head.copy()
        fresh = False  # the line holds its indent only
        for piece in self.pieces:
            if not fresh and line.cell_len + len(self.separator) + piece.cell_len > width:
                yield line
                line, fresh = Text(" " * indent), True
            if not fresh:
                line.append(self.separator, style="dim")
            line.append_text(piece)
            fresh = False
        yield line

    def __str__(self) -> str:
        return self.separator.join([self.head.plain, *(piece.plain for piece in self.pieces)])
