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
# The word fields: each article's text is analysed once, for its language, into
# `<field>_<language>` (stemmed, stop words dropped) or, in any other language, `<field>_other`
# (folded only). Unquoted words search these; phrases, wildcards and fuzzy terms search the
# folded fields with positions (`title`, `body`, `note`).
OTHER = "other"
WORD_FIELD_SUFFIXES = (*STEMMED_LANGUAGES, OTHER)

# Words joined by an apostrophe or a hyphen are separate tokens: "d'Assimi" → "d", "assimi".
TOKEN_PATTERN = r"\w+(?:\.?\w+)*"


@cache
def folding_analyzer() -> Analyzer:
    """Unstemmed, no stop words: exact-form matching, phrases, names and spelling suggestions."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


@cache
def language_analyzer(language: str) -> Analyzer:
    """Folded, stop words removed, stemmed with the language's Snowball stemmer."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=stop_words(language), minsize=1)
        | StemFilter(lang=language, cachesize=100_000)
    )


def word_field(field: str, language: str) -> str:
    """The word field that holds `field` (title, body, note) of an article in `language`."""
    return f"{field}_{language}" if language in STEMMED_LANGUAGES else f"{field}_{OTHER}"


def word_analyzer(language: str) -> Analyzer:
    """How an article in `language` is analysed into its word fields."""
    return language_analyzer(language) if language in STEMMED_LANGUAGES else folding_analyzer()


@cache
def stop_words(language: str) -> frozenset[str]:
    """The (folded) words `language_analyzer(language)` drops."""
    return frozenset(fold(word) for word in stopwords_for_language(language))
