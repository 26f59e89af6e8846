"""Whoosh analyzers: accent-folding everywhere, stemming and stop words per language.

Accents are folded *before* stemming on both the indexing and the query side, so `menaka`,
`Ménaka` and `MÉNAKA` always meet at the same term even where a stemmer would treat the accented
and unaccented spellings differently.
"""

from __future__ import annotations

from functools import cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map

from sahelreader.text.fold import fold

STEMMED_LANGUAGES = ("en", "fr")

# Words joined by an apostrophe or a hyphen are separate tokens: "d'Assimi" → "d", "assimi".
TOKEN_PATTERN = r"\w+(?:\.?\w+)*"


@cache
def folding_analyzer() -> Analyzer:
    """Unstemmed, no stop words: exact-form matching, phrases, names and spelling suggestions."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


@cache
def language_analyzer(language: str) -> Analyzer:
    """Folded, stop words removed, stemmed with the language's Snowball stemmer."""
    stop_words = frozenset(fold(word) for word in stopwords_for_language(language))
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=stop_words, minsize=1)
        | StemFilter(lang=language, cachesize=100_000)
    )
