"""What the extractor works on: the text with its sentences, the hits found in it, and which
pattern sets (English, French) to run."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from sahelreader.sources.citations.lexicon import load_media, normalise_alias
from sahelreader.text.language import detect_language
from sahelreader.text.sentences import split_sentences

__all__ = [
    "Doc",
    "Hit",
    "clean",
    "languages",
    "media_hit",
    "overlaps",
    "search_all",
    "window_start",
]


def languages(text: str, language: str | None) -> tuple[bool, bool]:
    """Which pattern sets to run: (english, french). Both when the language is not clear."""
    if language:
        low = language.lower()
        if low.startswith("fr"):
            return False, True
        if low.startswith("en"):
            return True, False
    guess = detect_language(text, among=("en", "fr"))
    return guess != "fr", guess != "en"


@dataclass
class Hit:
    """One mention of a source; mentions with the same key are one source."""

    key: str
    name: str
    kind: str
    start: int  # anchor (the source's words) for order, dedupe and sentence lookup
    end: int
    priority: int  # higher wins when anchors overlap
    role_head: str = ""  # for officials: head noun of the role ("spokesperson")
    definite: bool = False  # unnamed official introduced with "the"/"le"
    surname: str = ""
    given: str = ""
    head: str = ""  # for institutions named by a head noun: that noun ("army", "armée")
    bare: bool = False  # the head alone ("the army", "la junte"): not a named body
    outlet: tuple[int, int] | None = None  # a reporter's outlet named as its possessive


def media_hit(surface: str, start: int, end: int) -> Hit | None:
    """The listed agency or outlet written `surface` at start..end, cited; None for the
    outlets the lexicon lists to ignore."""
    media = load_media()
    canonical = media.aliases[normalise_alias(surface)]
    kind = media.kinds[canonical]
    if kind == "ignore":
        return None
    return Hit("m:" + canonical, canonical, kind, start, end, 5)


class Doc:
    """The text and its sentences (every hit is counted in, and shows, its sentence)."""

    __slots__ = ("text", "spans", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = split_sentences(text) or [(0, len(text))]
        self.starts = [s for s, _ in self.spans]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def bounds(self, pos: int) -> tuple[int, int]:
        return self.spans[self.sentence_of(pos)]


def clean(s: str) -> str:
    return " ".join(s.split())


def window_start(text: str, s_start: int, pos: int, width: int) -> int:
    """Start of a look-back window: at most *width* chars, in the sentence, at a word start."""
    lo = pos - width
    if lo <= s_start:
        return s_start
    while lo < pos and not text[lo - 1].isspace():
        lo += 1
    return lo


def search_all(
    rx: re.Pattern[str], text: str, lo: int, hi: int, limit: int = 4
) -> list[re.Match[str]]:
    """The first *limit* matches of an end-anchored pattern in text[lo:hi], leftmost first."""
    out: list[re.Match[str]] = []
    pos = lo
    while pos < hi and len(out) < limit:
        m = rx.search(text, pos, hi)
        if not m:
            break
        out.append(m)
        pos = m.start() + 1
    return out


def overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end
