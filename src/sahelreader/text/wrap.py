"""Word wrap by terminal cells: where to break one line of text so that each piece fits.

The reader pane wraps an article once and keeps, for each wrapped line, its offset into the text
(search matches and the mouse selection map through it), so it needs the break offsets, not the
wrapped strings. Widths are measured as Rich measures them (`rich.cells.cell_len`: a CJK
character or an emoji takes two cells, a combining accent none), so a piece never overflows the
line Rich draws. Same rules as Rich's own wrapping: a word keeps the spaces after it, a word that
does not fit goes to the next line, and a word longer than the whole width is cut (unlike Rich,
never leaving a line of spaces alone).
"""

from __future__ import annotations

import re

from rich.cells import cell_len

__all__ = ["break_offsets"]

_WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces around it (leading: start of line only)


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets into `text` (one line, no newline) at which to start a new line so that every
    piece fits in `width` cells, trailing spaces aside. Empty when it all fits on one line."""
    if width < 1:
        raise ValueError(f"width must be at least 1, not {width}")
    breaks: list[int] = []
    used = 0  # cells used on the current line
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        word_cells = cell_len(word.rstrip())
        if width - used >= word_cells:
            used += cell_len(word)
        elif word_cells > width:
            # Longer than a whole line: cut it into pieces of at most `width` cells; the
            # spaces after it stay on its last piece (never a line of spaces alone).
            stripped = word.rstrip()
            pieces = _chop(stripped, width)
            pieces[-1] += word[len(stripped) :]
            for number, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if number == len(pieces) - 1:
                    used = cell_len(piece)
                else:
                    start += len(piece)
        elif used and start:
            breaks.append(start)
            used = cell_len(word)
    return breaks


def _chop(word: str, width: int) -> list[str]:
    """`word` cut into pieces of at most `width` cells (a piece holds one character at least)."""
    pieces: list[str] = []
    begin = 0
    for end in range(1, len(word) + 1):
        if end - begin > 1 and cell_len(word[begin:end]) > width:
            pieces.append(word[begin : end - 1])
            begin = end - 1
    pieces.append(word[begin:])
    return pieces
