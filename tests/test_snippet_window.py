"""The snippet flattens only the pieces of the text it looks at: the same excerpt, to the
character, as flattening the whole text first (the way it was written before, kept here as
the reference), on random texts with line breaks, tabs, runs of spaces and long words."""

from __future__ import annotations

import random
from bisect import bisect_right

from sahelreader.search.analysis import folded_tokens
from sahelreader.search.highlight import snippet

_FLATTEN = {ord(c): " " for c in "\n\r\t\x0b\x0c\x85\u2028\u2029"}


def _whole_text_snippet(
    text: str, spans: list[tuple[int, int]], width: int
) -> tuple[str, list[tuple[int, int]]]:
    flat = text.translate(_FLATTEN)
    if not spans:
        piece = " ".join(flat[: width + 40].split())
        if len(piece) <= width:
            return piece, []
        cut = piece.rfind(" ", 0, width)
        return piece[: cut if cut > 0 else width] + "…", []
    ends = [end for _, end in spans]
    best_start, best_count = spans[0][0], 0
    for i, (start, _) in enumerate(spans):
        count = bisect_right(ends, start + width, lo=i) - i
        if count > best_count:
            best_start, best_count = start, count
    window_start = 0 if len(flat) <= width else max(0, best_start - width // 4)
    if window_start > 0:
        space = flat.rfind(" ", 0, window_start)
        window_start = space + 1 if 0 <= space and window_start - space < 25 else window_start
        if space < 0:
            window_start = 0
    window_end = min(len(flat), window_start + width)
    if window_end < len(flat):
        space = flat.rfind(" ", window_start + width // 2, window_end)
        window_end = space if space > 0 else window_end
    for s, e in spans:
        if s < window_end < e:
            window_end = e
    prefix = "…" if window_start > 0 else ""
    suffix = "…" if window_end < len(flat) else ""
    body = flat[window_start:window_end].strip()
    lead = len(flat[window_start:window_end]) - len(flat[window_start:window_end].lstrip())
    offset = window_start + lead - len(prefix)
    rebased = [
        (s - offset, e - offset) for s, e in spans if s >= window_start + lead and e <= window_end
    ]
    return prefix + body + suffix, rebased


_PIECES = [
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    " \u2028",
    "Niamey",
    "convoi",
    "l'armée",
    "a" * 40,
    "Tillabéri",
    "x",
    "la",
    "des",
    ",",
    ".",
    "\xa0",
    "sécurité",
]


def test_the_same_excerpt_as_flattening_the_whole_text() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 160)))
        tokens = [(start, end) for start, end, _ in folded_tokens(text)]
        spans = sorted(rng.sample(tokens, k=min(len(tokens), rng.randint(0, 6))))
        width = rng.choice([20, 60, 180])
        assert snippet(text, spans, width) == _whole_text_snippet(text, spans, width), (
            text,
            spans,
            width,
        )
