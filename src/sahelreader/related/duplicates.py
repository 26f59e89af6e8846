"""Near-duplicates: the same wire copy in two outlets, found by word-shingle overlap of the
first words of the bodies."""

from __future__ import annotations

import re

from sahelreader.sources.outlets import name_key
from sahelreader.text.fold import fold

__all__ = ["Shingles", "first_words", "near_duplicate", "same_source"]

SHINGLE_WORDS = 300  # words of the body compared for near-duplicates
NEAR_DUP_JACCARD = 0.5
NEAR_DUP_CONTAINMENT = 0.8  # share of the shorter text's shingles found in the longer one
NEAR_DUP_MIN_SHINGLES = 8

WORD = re.compile(r"\w+")


class Shingles:
    """The first words of a text, shingled on demand (5-grams, or 3-grams between short texts).

    A body too short to compare (a feed's one-line summary) is compared with its title too.
    """

    __slots__ = ("tokens", "_sets")

    def __init__(self, body: str, title: str = "", words: int = SHINGLE_WORDS) -> None:
        tokens = first_words(body, words)
        if len(tokens) < 25 and title:
            tokens = WORD.findall(fold(title)) + tokens
        self.tokens = tokens
        self._sets: dict[int, frozenset[int]] = {}

    @classmethod
    def from_tokens(cls, tokens: list[str]) -> Shingles:
        """Shingles of tokens already read (`tokens` of another): nothing shingled yet."""
        found = cls.__new__(cls)
        found.tokens = tokens
        found._sets = {}
        return found

    def of(self, size: int) -> frozenset[int]:
        found = self._sets.get(size)
        if found is None:
            tokens = self.tokens
            # The hash of each run of `size` tokens (zip builds the runs without slicing; the
            # shorter tails end it, so not strict).
            runs = zip(*(tokens[i:] for i in range(size)), strict=False)
            found = frozenset(map(hash, runs))
            self._sets[size] = found
        return found


def first_words(text: str, words: int) -> list[str]:
    """The first `words` words of the text, folded: those of ``WORD.findall(fold(text))``.

    Only the start of a text is folded and split, a longer one if it holds too few words: a
    long article's candidates are read for their first words only. A word cut where the start
    ends is past the first `words` (more than `words` are found before it is kept)."""
    end = max(64, words * 8)
    while True:
        tokens = WORD.findall(fold(text[:end]))
        if len(tokens) > words or end >= len(text):
            return tokens[:words]
        end *= 2


def near_duplicate(a: Shingles, b: Shingles) -> bool:
    """Very high word-shingle overlap: the same copy, perhaps cut or lightly edited."""
    size = 5 if min(len(a.tokens), len(b.tokens)) >= 40 else 3
    x, y = a.of(size), b.of(size)
    if len(x) < NEAR_DUP_MIN_SHINGLES or len(y) < NEAR_DUP_MIN_SHINGLES:
        return bool(x) and x == y
    common = len(x & y)
    if not common:
        return False
    jaccard = common / (len(x) + len(y) - common)
    containment = common / min(len(x), len(y))
    return jaccard >= NEAR_DUP_JACCARD or containment >= NEAR_DUP_CONTAINMENT


def same_source(a: str, b: str) -> bool:
    """The same outlet, whatever the case, accents, spaces and punctuation of its name (as the
    outlet table compares names: "Harmattan-Times" = "harmattan times")."""
    return name_key(a) == name_key(b)
