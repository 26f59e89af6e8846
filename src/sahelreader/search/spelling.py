"""The "did you mean" word: the library's word closest to a word it does not have.

Whoosh's corrector ranks the words within the edit distance by frequency alone, so a common
word two edits away ("name") beat a town one edit away ("niamey" for "niamy"). Here the
nearest words win (Damerau-Levenshtein: a swap of two letters is one edit), and among those
a word of a name the bundled lists know ("niamy": the town Niamey, not a first name Niamh
in more articles), then the one in most of the library's documents, a word of an entity's
name counting twice. A
short word may be one edit off, as `word~` allows (`fuzzy_edits`): two edits from a
four-letter acronym reach any common word ("aqmi" proposed "army").

Pure core module: reads a Whoosh searcher it is given.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from whoosh.support.levenshtein import damerau_levenshtein

from sahelreader.search.query import fuzzy_edits

__all__ = ["closest_in_field", "closest_word"]

# The fields whose words are proposed; a word also in "entity" is part of a name.
_WORD_FIELDS = ("body", "title")
_NAME_FIELD = "entity"


def closest_word(searcher: Any, word: str) -> str | None:
    """The library's word nearest to `word` (folded), the most used among equals; or None."""
    reader = searcher.reader()
    most = fuzzy_edits(word)
    candidates: set[str] = set()
    for field in (*_WORD_FIELDS, _NAME_FIELD):
        if field in reader.schema and most:
            candidates.update(reader.terms_within(field, word, most, prefix=1))
    best: tuple[int, bool, int, str] | None = None
    for candidate in candidates:
        if candidate == word:
            continue
        distance = damerau_levenshtein(word, candidate)
        if distance > most:
            continue
        weight = max(searcher.doc_frequency(field, candidate) for field in _WORD_FIELDS)
        if _NAME_FIELD in reader.schema:
            weight += searcher.doc_frequency(_NAME_FIELD, candidate)
        key = (distance, candidate not in _known_words(), -weight, candidate)
        if best is None or key < best:
            best = key
    return best[3] if best is not None else None


@cache
def _known_words() -> frozenset[str]:
    """The words (folded) of the names the bundled lists know: a Sahel town, a leader."""
    from sahelreader.search.analysis import folded_tokens
    from sahelreader.text.names import known_names

    return frozenset(term for known in known_names() for _, _, term in folded_tokens(known.name))


def closest_in_field(searcher: Any, field: str, word: str) -> str | None:
    """The word of `field` (an entity field: "place", "person"…) nearest to `word` (folded),
    among equals one of a known name first, then the one in most documents; or None. (Also a
    names field's whole name: a `name_key`, "liptako gourma".)"""
    reader = searcher.reader()
    most = fuzzy_edits(word)
    if field not in reader.schema or not most:
        return None
    best: tuple[int, bool, int, str] | None = None
    for candidate in reader.terms_within(field, word, most, prefix=1):
        if candidate == word:
            continue
        distance = damerau_levenshtein(word, candidate)
        if distance > most:
            continue
        known = candidate in _known_words() or candidate in _known_names()
        key = (distance, not known, -searcher.doc_frequency(field, candidate), candidate)
        if best is None or key < best:
            best = key
    return best[3] if best is not None else None


@cache
def _known_names() -> frozenset[str]:
    """The names the bundled lists know, whole, as a names field holds them (`name_key`)."""
    from sahelreader.search.analysis import name_key
    from sahelreader.text.names import known_names

    return frozenset(name_key(known.name) for known in known_names())
