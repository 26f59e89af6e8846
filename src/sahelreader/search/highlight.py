"""Where a query matched inside a text, and a one-line snippet around the best of it.

The index gives the terms a query matched on, per field; re-running each field's analyzer over
the article text (with character offsets) finds those terms again, stemmed forms included.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from sahelreader.search.analysis import folded_tokens, word_field, word_term

Span = tuple[int, int]
SNIPPET_WIDTH = 180
# One space for each line break or tab, so that offsets stay those of the original text.
_FLATTENED = "\n\r\t\x0b\x0c\x85\u2028\u2029"
_FLATTEN = {ord(c): " " for c in _FLATTENED}
_SPACE = re.compile(f"[ {_FLATTENED}]")  # what reads as a space once flattened


def match_spans(
    text: str, field: str, language: str, terms: Iterable[tuple[str, str]]
) -> list[Span]:
    """Character spans in `text` that match the query terms for `field` (title, body or note):
    terms of the folded field (phrases, wildcards) and of the word field, analysed as
    `language` is."""
    terms = list(terms)
    wanted_folded = {t for f, t in terms if f == field}
    words_field = word_field(field)
    wanted_words = {t for f, t in terms if f == words_field}
    spans: list[Span] = []
    if not wanted_folded and not wanted_words:
        return spans
    for start, end, term in folded_tokens(text):
        if term in wanted_folded or (wanted_words and word_term(language, term) in wanted_words):
            if spans and start < spans[-1][1]:
                # The overlapping pairs of a Chinese or Japanese word: one match, not one a pair.
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def snippet(text: str, spans: list[Span], width: int = SNIPPET_WIDTH) -> tuple[str, list[Span]]:
    """A one-line excerpt of about `width` characters around the densest run of matches.

    Returns the excerpt and the spans re-based onto it. Without matches, the text's opening.
    Line breaks count as spaces; only the pieces of the text looked at are flattened (a whole
    article's translate() was 0.2 ms, most of a page of hits' snippets).
    """
    if not spans:
        return _trim(text[: width + 40].translate(_FLATTEN), 0, width), []
    # The window opening at each match holds the matches ending within `width` of it: counted
    # by bisecting the ends (tokens do not overlap, so they rise with the starts), linear-log
    # rather than quadratic (20,000 matches in one article took 15 s).
    ends = [end for _, end in spans]
    best_start, best_count = spans[0][0], 0
    for i, (start, _) in enumerate(spans):
        count = bisect_right(ends, start + width, lo=i) - i
        if count > best_count:
            best_start, best_count = start, count
    length = len(text)
    window_start = 0 if length <= width else max(0, best_start - width // 4)
    # Start on a word boundary (a space within 24 characters before) so the excerpt does not
    # open mid-word; a text with no space before the window starts at its beginning.
    if window_start > 0:
        near = text[max(0, window_start - 24) : window_start].translate(_FLATTEN)
        at = near.rfind(" ")
        if at >= 0:
            window_start = window_start - len(near) + at + 1
        elif _SPACE.search(text, 0, max(0, window_start - 24)) is None:
            window_start = 0
    window_end = min(length, window_start + width)
    if window_end < length:
        middle = window_start + width // 2
        at = text[middle:window_end].translate(_FLATTEN).rfind(" ")
        if at >= 0 and middle + at > 0:
            window_end = middle + at
    # Keep a match whole even if it straddles the edge.
    for s, e in spans:
        if s < window_end < e:
            window_end = e
    prefix = "…" if window_start > 0 else ""
    suffix = "…" if window_end < length else ""
    window = text[window_start:window_end].translate(_FLATTEN)
    body = window.strip()
    lead = len(window) - len(window.lstrip())
    offset = window_start + lead - len(prefix)
    rebased = [
        (s - offset, e - offset) for s, e in spans if s >= window_start + lead and e <= window_end
    ]
    return prefix + body + suffix, rebased


def _trim(flat: str, start: int, width: int) -> str:
    piece = " ".join(flat[start : start + width + 40].split())
    if len(piece) <= width:
        return piece
    cut = piece.rfind(" ", 0, width)
    return piece[: cut if cut > 0 else width] + "…"
