"""The "did you mean" word: the library's word closest to a word it does not have.

Whoosh's corrector ranks the words within the edit distance by frequency alone, so a common
word two edits away ("name") beat a town one edit away ("niamey" for "niamy"). Here the
nearest words win (Damerau-Levenshtein: a swap of two letters is one edit), and among those
the one in most of the library's documents, a word of an entity's name counting twice.

Pure core module: reads a Whoosh searcher it is given.
"""

from __future__ import annotations

from typing import Any

__all__ = ["closest_word", "edit_distance"]

MAX_DISTANCE = 2
# The fields whose words are proposed; a word also in "entity" is part of a name.
_WORD_FIELDS = ("body", "title")
_NAME_FIELD = "entity"


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from `a` to `b`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def closest_word(searcher: Any, word: str) -> str | None:
    """The library's word nearest to `word` (folded), the most used among equals; or None."""
    reader = searcher.reader()
    candidates: set[str] = set()
    for field in (*_WORD_FIELDS, _NAME_FIELD):
        if field in reader.schema:
            candidates.update(reader.terms_within(field, word, MAX_DISTANCE, prefix=1))
    best: tuple[int, int, str] | None = None
    for candidate in candidates:
        if candidate == word:
            continue
        distance = edit_distance(word, candidate)
        if distance > MAX_DISTANCE:
            continue
        weight = max(searcher.doc_frequency(field, candidate) for field in _WORD_FIELDS)
        if _NAME_FIELD in reader.schema:
            weight += searcher.doc_frequency(_NAME_FIELD, candidate)
        key = (distance, -weight, candidate)
        if best is None or key < best:
            best = key
    return best[2] if best is not None else None
