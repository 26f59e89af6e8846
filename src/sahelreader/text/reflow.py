"""Article text laid out for reading: one blank line between paragraphs, offsets kept.

Highlights (search matches, entities) are found in the stored body; `DisplayText.to_display`
carries their offsets over to the reflowed text the reader shows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class DisplayText:
    text: str
    # Parallel lists: paragraph i starts at source_starts[i] in the body, display_starts[i] here.
    source_starts: tuple[int, ...]
    display_starts: tuple[int, ...]
    lengths: tuple[int, ...]

    def to_display(self, start: int, end: int) -> tuple[int, int] | None:
        """The span in display text for a body span; None if it crosses a paragraph break."""
        i = bisect_right(self.source_starts, start) - 1
        if i < 0 or end > self.source_starts[i] + self.lengths[i]:
            return None
        shift = self.display_starts[i] - self.source_starts[i]
        return start + shift, end + shift


def reflow(body: str) -> DisplayText:
    pieces: list[str] = []
    source_starts: list[int] = []
    display_starts: list[int] = []
    lengths: list[int] = []
    position = 0
    for match in _PARAGRAPH.finditer(body):
        line = match.group(0)
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        if pieces:
            position += 2  # the blank line between paragraphs
        source_starts.append(match.start() + lead)
        display_starts.append(position)
        lengths.append(len(stripped))
        pieces.append(stripped)
        position += len(stripped)
    return DisplayText(
        "\n\n".join(pieces), tuple(source_starts), tuple(display_starts), tuple(lengths)
    )
