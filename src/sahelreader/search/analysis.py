"""Whoosh analyzers: accent-folding everywhere, stemming and stop words per language.

Accents are folded *before* stemming on both the indexing and the query side, so `menaka`,
`Ménaka` and `MÉNAKA` always meet at the same term even where a stemmer would treat the accented
and unaccented spellings differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    SpaceSeparatedTokenizer,
    StemFilter,
    StopFilter,
    Token,
    Tokenizer,
)
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.support.charset import accent_map

from sahelreader.text.fold import fold
from sahelreader.text.words import CJK_WORD_CHARS

STEMMED_LANGUAGES = ("en", "fr")
# The word fields: each article's text is analysed once, for its language (stemmed, stop words
# dropped, in English and French; folded only in any other language), into one field per text
# (`title_words`, `body_words`, `note_words`) whatever the language: a query word is looked up
# under its forms for every language at once (see `word_forms`), usually one or two terms.
# Unquoted words search these; phrases, wildcards and fuzzy terms search the folded fields with
# positions (`title`, `body`, `note`).
OTHER = "other"
WORD_LANGUAGES = (*STEMMED_LANGUAGES, OTHER)

# Words a stemmer would merge with another frequent word of the news, given their own term
# (folded word -> term), in every stemmed language, since a query word is looked up under
# its forms for each: French "armée(s)" is not "arme(s)"/"armé(s)" (weapons, armed: all
# "arme", also by the English stemmer), nor "coupe(s)" (the Africa Cup, cut; a car) "coup(s)".
STEM_EXCEPTIONS: dict[str, str] = {
    "armee": "armee",
    "armees": "armee",
    "coupe": "coupe",
    "coupes": "coupe",
}

# Words joined by an apostrophe or a hyphen are separate tokens: "d'Assimi" → "d", "assimi".
TOKEN_PATTERN = r"\w+(?:\.?\w+)*"
# Chinese and Japanese write no spaces between words: a run of their characters would be one
# token (a whole headline), and no word in it could be found. Such a run is indexed as its
# overlapping pairs of characters, as CJK search engines do ("ハーバード大" -> "ハー", "ーバ", ...;
# one character alone is itself), and a query word is analysed alike: its pairs, all of them.
CJK_CHARS = CJK_WORD_CHARS
_CJK_RUN = re.compile(f"[{CJK_CHARS}]+")


def has_cjk(text: str) -> bool:
    """Whether `text` holds Chinese or Japanese characters (indexed as pairs: `word_spans`)."""
    return _CJK_RUN.search(text) is not None


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each token of `text`, in order: the tokens of TOKEN_PATTERN, a run of
    Chinese or Japanese characters in one cut into its overlapping pairs."""
    if not has_cjk(text):  # most texts: one scan, then the plain tokens
        return [match.span() for match in _TOKEN.finditer(text)]
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        at, end = match.span()
        for run in _CJK_RUN.finditer(text, at, end):
            # The word before the run ("20" of "20人"), then the run's pairs.
            spans += (m.span() for m in _TOKEN.finditer(text, at, run.start()))
            first, last = run.span()
            spans += (
                [(first, last)]
                if last - first == 1
                else [(i, i + 2) for i in range(first, last - 1)]
            )
            at = last
        spans += (m.span() for m in _TOKEN.finditer(text, at, end))
    return spans


class _WordTokenizer(Tokenizer):
    """RegexTokenizer(TOKEN_PATTERN), but for runs of CJK characters (`word_spans`)."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.text = value
            token.original = value  # type: ignore[attr-defined]
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        for n, (start, end) in enumerate(word_spans(value)):
            token.text = value[start:end]
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = token.text  # type: ignore[attr-defined]
            if positions:
                token.pos = start_pos + n
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


@cache
def folding_analyzer() -> Analyzer:
    """Unstemmed, no stop words: exact-form matching, phrases, names and spelling suggestions."""
    return _WordTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)


@cache
def language_analyzer(language: str) -> Analyzer:
    """Folded, stop words removed, stemmed with the language's Snowball stemmer (place names
    kept whole: `unstemmed_names`)."""
    return (
        _WordTokenizer()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=stop_words(language), minsize=1)
        | _Replace(STEM_EXCEPTIONS)
        | StemFilter(
            lang=language,
            ignore=unstemmed_names() | frozenset(STEM_EXCEPTIONS.values()),
            cachesize=100_000,
        )
    )


class _Replace(Filter):
    """Each token found in `table` becomes its term there (then left alone by the stemmer)."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    # (the stubs give Filter and Composable two different signatures for one call)
    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        for token in tokens:
            token.text = self.table.get(token.text, token.text)
            yield token


@cache
def unstemmed_names() -> frozenset[str]:
    """Names that no stemmer cuts (folded). Place names of one word: the French stemmer makes
    "Mali" "mal", "Gaza" "gaz", "Chine" "chin" and "Algérie" "alger", both stemmers make
    "France" "franc", so a search for Mali found "du mal" and one for the CFA franc every piece
    on France. A place ending in s is left to the stemmers ("Maldives", "Balkans" -> "Balkan"):
    there they cut only its plural. And the words after the first of a known person's name
    (surnames, middle names): the French stemmer makes "Touré" "tour" and "Tiani" "tian", so a
    search for Touré found golf tours. A first name is left out: many are words too ("Marine",
    "Grace", "Florence")."""
    from sahelreader.text.names import known_names

    names: set[str] = set()
    for known in known_names():
        tokens = _TOKEN.findall(known.name)
        if known.kind == "person":
            names.update(
                _folded(token.lower()) for token in tokens[1:] if token[:1].isupper()
            )  # not a particle: "de", "van"
        elif known.kind == "place" and not known.name.endswith("s"):
            if len(tokens) == 1 and tokens[0] == known.name:
                names.add(_folded(known.name.lower()))
    return frozenset(names)


# -- whole entity names ------------------------------------------------------------------------
# Each entity field (`organisation`) has a names field (`organisation_names`) holding each
# name the article names, whole, as one term (`name_key`): a quoted name searches it, so
# `organisation:"nations unies"` is the UN, not every "Programme des Nations unies pour…".
ENTITY_FIELDS = ("person", "place", "organisation", "entity")
_NAME_ARTICLES = frozenset({"the", "l", "la", "le", "les"})


def names_field(field: str) -> str:
    """The field holding the whole names of the entity field `field`."""
    return f"{field}_names"


@lru_cache(maxsize=65_536)  # names repeat from article to article: "Niger", "ECOWAS", "Tiani"
def name_key(name: str) -> str:
    """A name as one term: folded words, no dots, hyphens or apostrophes, no leading article
    or possessive ("The U.N." = "UN" = "un", "l'ONU" = "onu", "Niger's" = "niger",
    "Guinée-Bissau" = "guinee bissau")."""
    words = [token.text.replace(".", "") for token in folding_analyzer()(name)]
    words = [word for word in words if word]
    if len(words) > 1 and words[0] in _NAME_ARTICLES:
        words = words[1:]
    if len(words) > 1 and words[-1] == "s":
        words = words[:-1]
    return " ".join(words)


# Words that belong to a surname, not to the given names before it: "Mohammed bin Salman",
# "Marine Le Pen", "Iyad Ag Ghaly", "Mohamed Ould Ghazouani", "Ursula von der Leyen".
_SURNAME_PARTICLES = frozenset(
    "ag al bin ben ibn ould abu da de del della der des di do dos du el la le van von".split()
)


def person_short_key(name: str) -> str | None:
    """A person's name without its middle names, as one term: "Roch Marc Christian Kaboré" is
    "roch kabore", "Paul-Henri Sandaogo Damiba" "paul henri damiba" (a hyphenated given name
    is one given name); None when the name has no middle name to drop. News writes a leader
    with and without them, so a search for one form finds the other."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in {"the", "l'", "la", "le", "les"}:
        words = words[1:]
    surname_from = len(words) - 1
    while surname_from > 1 and words[surname_from - 1].lower() in _SURNAME_PARTICLES:
        surname_from -= 1
    if surname_from < 2:
        return None
    return name_key(" ".join([words[0], *words[surname_from:]])) or None


@cache
def names_analyzer() -> Any:
    """A names field's analyzer: each line (a `name_key`) is one term."""
    return RegexTokenizer(r"[^\n]+")


def word_field(field: str) -> str:
    """The word field that holds `field` (title, body, note), for articles of every language."""
    return f"{field}_words"


def word_analyzer(language: str) -> Analyzer:
    """How an article in `language` is analysed into its word fields."""
    return language_analyzer(language) if language in STEMMED_LANGUAGES else folding_analyzer()


@cache
def pre_analysed() -> Any:
    """The word fields' own analyzer: their text is analysed before it is indexed
    (by the article's language: `analysed_words`), so indexing only splits it on spaces."""
    return SpaceSeparatedTokenizer()


def analysed_words(text: str, language: str) -> str:
    """`text` analysed for `language` into its word fields' terms, joined by spaces: what
    `word_analyzer(language)` gives, by the fast path below (the same terms, tested)."""
    terms = (word_term(language, term) for _, _, term in folded_tokens(text))
    return " ".join(term for term in terms if term is not None)


@lru_cache(maxsize=4096)
def word_forms(word: str) -> tuple[tuple[str, ...], ...]:
    """The terms a query word stands for in a word field: its analysis for each language,
    without repeats (each a tuple of terms: "d'Assimi" is two). A language that drops all of
    it (a stop word) gives nothing (see query._stopped_in)."""
    forms: list[tuple[str, ...]] = []
    for language in WORD_LANGUAGES:
        terms = tuple(token.text for token in word_analyzer(language)(word))
        if terms and terms not in forms:
            forms.append(terms)
    return tuple(forms)


@cache
def stop_words(language: str) -> frozenset[str]:
    """The (folded) words `language_analyzer(language)` drops."""
    return frozenset(fold(word) for word in stopwords_for_language(language))


# -- the same analysis without Whoosh's token pipeline ------------------------------------------
# Finding a query's matches in an article (snippets, highlights) analyses the whole text; the
# pipeline above costs a generator step and a Token per filter per word (5 ms for a 500-word
# article). The functions below give the same terms and offsets with C-level string methods
# and a stem cache shared by all texts (tests/test_fast_analysis.py checks they agree).

_TOKEN = re.compile(TOKEN_PATTERN)


_ACCENTS: Any = accent_map
# Joins the tokens so that one lower() and one translate() fold them all; neither makes it.
_SEPARATOR = "\x00"


def folded_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, term) of each token of `folding_analyzer()`, in order."""
    spans = word_spans(text)
    if not spans:
        return []
    lowered = _SEPARATOR.join(text[s:e] for s, e in spans).lower().split(_SEPARATOR)
    terms = lowered if all(map(str.isascii, lowered)) else list(map(_folded, lowered))
    return [(s, e, term) for (s, e), term in zip(spans, terms, strict=True)]


@lru_cache(maxsize=200_000)
def _folded(lowered: str) -> str:
    # accent_map is a table of thousands of characters: translate() looks each one up, so a
    # word is folded once and remembered, and plain ASCII words not at all.
    return lowered if lowered.isascii() else lowered.translate(_ACCENTS)


@lru_cache(maxsize=200_000)
def word_term(language: str, folded: str) -> str | None:
    """The word-field term `word_analyzer(language)` makes of one folded token; None for a
    stop word it drops."""
    if language not in STEMMED_LANGUAGES:
        return folded
    if folded in stop_words(language):
        return None
    if folded in unstemmed_names():
        return folded
    exception = STEM_EXCEPTIONS.get(folded)
    if exception is not None:
        return exception
    return str(_stemmer(language)(folded))


@cache
def _stemmer(language: str) -> Any:
    return stemmer_for_language(language)
