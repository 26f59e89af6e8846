"""Loads the curated lists into lookup tables (once, cached): the known names by type from the
text toolkit (``text/data/names/``, shared with the cited-source extractor) and the recogniser's
own word classes from ``data/`` (first names, titles, organisation and place words, stop words).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from sahelreader.entities.equivalents import bundled_names
from sahelreader.entities.rules import entry_tokens, token_key
from sahelreader.models import ENTITY_TYPES
from sahelreader.text.names import KINDS, known_names, not_names
from sahelreader.text.wordlists import entries

__all__ = ["KINDS", "Gazetteer", "load"]

_USER_TYPES = {
    "person": "person",
    "people": "person",
    "per": "person",
    "place": "place",
    "location": "place",
    "loc": "place",
    "organisation": "organisation",
    "organization": "organisation",
    "org": "organisation",
}


def _lines(name: str) -> list[str]:
    return entries("sahelreader.entities", name)


@dataclass
class Gazetteer:
    """Lookup tables keyed by folded token tuples (see :func:`rules.entry_tokens`)."""

    exact: dict[tuple[str, ...], str]
    lower: dict[tuple[str, ...], str]  # multi-token entries, casefolded: case-insensitive match
    lengths: dict[str, tuple[int, ...]]  # first folded token -> entry lengths, longest first
    lower_lengths: dict[str, tuple[int, ...]]
    first_names: frozenset[str]
    titles: frozenset[tuple[str, ...]]  # casefolded token tuples, without dots
    title_lengths: dict[str, tuple[int, ...]]
    org_words: frozenset[str]
    place_end_words: frozenset[str]
    place_start_words: frozenset[str]
    stopwords: frozenset[str]
    # Last words of listed people's names that name nobody else and nothing else: a lone
    # "Tinubu" or "Putin's" in a headline is that person (see :func:`_surnames`).
    surnames: frozenset[str] = frozenset()

    def with_extra(self, extra: Mapping[str, str]) -> Gazetteer:
        """A copy where the user's names (name -> type) take precedence over the lists."""
        if not extra:
            return self
        exact = dict(self.exact)
        lower = dict(self.lower)
        lengths = {k: list(v) for k, v in self.lengths.items()}
        lower_lengths = {k: list(v) for k, v in self.lower_lengths.items()}
        for name, kind in extra.items():
            etype = _USER_TYPES.get(str(kind).strip().lower())
            key = entry_tokens(name)
            if etype is None or not key:
                continue
            _add(exact, lengths, key, etype, override=True)
            if len(key) > 1:
                _add(lower, lower_lengths, tuple(k.casefold() for k in key), etype, override=True)
        return Gazetteer(
            exact=exact,
            lower=lower,
            lengths=_freeze(lengths),
            lower_lengths=_freeze(lower_lengths),
            first_names=self.first_names,
            titles=self.titles,
            title_lengths=self.title_lengths,
            org_words=self.org_words,
            place_end_words=self.place_end_words,
            place_start_words=self.place_start_words,
            stopwords=self.stopwords,
            surnames=_surnames(exact, self.first_names, self.stopwords),
        )


def _surnames(
    exact: Mapping[tuple[str, ...], str], first_names: frozenset[str], stopwords: frozenset[str]
) -> frozenset[str]:
    """The last words of listed people's names of two words or more that stand for them alone:
    four letters or more, capitalised, no first name, stop word or listed name of their own
    ("Amadou", "May", "Washington" are left out)."""
    return frozenset(
        key[-1]
        for key, etype in exact.items()
        if etype == "person"
        and len(key) > 1
        and len(key[-1]) >= 4
        and key[-1][0].isupper()
        and key[-1] not in first_names
        and key[-1] not in stopwords
        and (key[-1],) not in exact
    )


def _demonym_and_common_noun(key: tuple[str, ...], kind: str, misc: set[tuple[str, ...]]) -> bool:
    """A listed body named by a demonym and lower-case words ("Malian army"): the cited-source
    extractor credits it, but the annotation guidelines make it no entity (a common noun with
    a demonym), so the recogniser does not list it ("Nigerian Army", capitalised, it does)."""
    return (
        kind == "organisation"
        and len(key) > 1
        and key[:1] in misc
        and all(word.islower() for word in key[1:])
    )


def _describes(key: tuple[str, ...]) -> bool:
    """An other name that describes the entity rather than names it: lower-case first ("bassin
    du lac Tchad"), an acronym then lower case ("UN refugee agency"), "… group"."""
    return (
        not key[0][:1].isupper()
        or (key[0].isupper() and any(word.islower() for word in key[1:]))
        or key[-1].casefold() == "group"
    )


def _add(
    table: dict[tuple[str, ...], str],
    lengths: dict[str, list[int]],
    key: tuple[str, ...],
    etype: str,
    override: bool = False,
) -> None:
    if key in table and not override:
        return
    table[key] = etype
    sizes = lengths.setdefault(key[0], [])
    if len(key) not in sizes:
        sizes.append(len(key))


def _freeze(lengths: Mapping[str, list[int]]) -> dict[str, tuple[int, ...]]:
    return {k: tuple(sorted(set(v), reverse=True)) for k, v in lengths.items()}


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer; built on first use and shared afterwards."""
    exact: dict[tuple[str, ...], str] = {}
    lower: dict[tuple[str, ...], str] = {}
    lengths: dict[str, list[int]] = {}
    lower_lengths: dict[str, list[int]] = {}
    misc = {entry_tokens(k.name) for k in known_names() if k.kind == "misc"}
    for known in known_names():
        key = entry_tokens(known.name)
        if not key or _demonym_and_common_noun(key, known.kind, misc):
            continue
        _add(exact, lengths, key, known.kind)
        if len(key) > 1:
            _add(lower, lower_lengths, tuple(k.casefold() for k in key), known.kind)
    # The longer names of the equivalence tables are names of their type as the lists' are
    # ("Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au Mali"
    # is MINUSMA): a name search finds under one name, the recogniser finds under every
    # other. Not those that describe ("Islamic State group", "UN refugee agency", "bassin du
    # lac Tchad").
    for kind in ENTITY_TYPES:
        for name in bundled_names(kind):
            key = entry_tokens(name)
            if len(key) > 1 and not _describes(key):
                _add(exact, lengths, key, kind)
                _add(lower, lower_lengths, tuple(k.casefold() for k in key), kind)
    # The one-word other names of the places' equivalence table are places too ("RCA" and
    # "URSS", French for "Central African Republic" and "Soviet Union"), unless listed
    # otherwise. Longer ones are not: a listed place keeps no organisation word after it
    # ("Republic of Korea Navy").
    for name in bundled_names("place"):
        key = entry_tokens(name)
        if len(key) == 1 and key[0][:1].isupper():
            _add(exact, lengths, key, "place")
    # So are the people's one-word other names ("Poutine", the name French writers use alone):
    # "le cercle de Poutine" is a person's circle, not a place.
    for name in bundled_names("person"):
        key = entry_tokens(name)
        if len(key) == 1 and key[0][:1].isupper():
            _add(exact, lengths, key, "person")
    titles: set[tuple[str, ...]] = set()
    title_lengths: dict[str, list[int]] = {}
    for line in _lines("titles.txt"):
        key = tuple(t.casefold() for t in entry_tokens(line) if t != ".")
        if key:
            titles.add(key)
            sizes = title_lengths.setdefault(key[0], [])
            if len(key) not in sizes:
                sizes.append(len(key))
    place_end: set[str] = set()
    place_start: set[str] = set()
    for line in _lines("place_words.txt"):
        if line.endswith("+"):
            place_start.add(token_key(line[:-1]))
        else:
            place_end.add(token_key(line))
    first_names = frozenset(token_key(x) for x in _lines("first_names.txt"))
    stopwords = frozenset(token_key(x) for x in [*not_names(), *_lines("stopwords.txt")])
    return Gazetteer(
        exact=exact,
        lower=lower,
        lengths=_freeze(lengths),
        lower_lengths=_freeze(lower_lengths),
        first_names=first_names,
        titles=frozenset(titles),
        title_lengths=_freeze(title_lengths),
        org_words=frozenset(token_key(x) for x in _lines("org_words.txt")),
        place_end_words=frozenset(place_end),
        place_start_words=frozenset(place_start),
        stopwords=stopwords,
        surnames=_surnames(exact, first_names, stopwords),
    )
