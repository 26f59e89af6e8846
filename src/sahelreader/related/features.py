"""What an article says that does not depend on its language: the things it names and the
numbers it gives.

An English report and a French report of one event share few words ("soldiers" / "soldats")
but name the same people, places and bodies (ECOWAS is CEDEAO) and give the same counts
("12 soldiers" / "12 soldats"). These features are what related coverage compares across
languages and what stories are grouped by.

Keys are short strings with a kind prefix:

- ``p:``, ``o:``, ``l:<canonical name>`` — a person, an organisation, a place (location):
  one key per thing named, an organisation by its canonical name in the organisation table
  (CEDEAO -> ecowas), a person by surname (a later "Tiani" is "Abdourahamane Tiani"), a place
  by its folded canonical name (Tchad -> chad: the bundled equivalence tables). A surname is
  not one person when both articles give it full names whose given names differ (Howard and
  Aaron Carter: `given_names`, `clashing_surnames`); related coverage compares them;
- ``n:<digits>`` — a number of the text (separators dropped: "1,500" = "1 500" = "1500"), not
  a year and not 0 or 1;
- ``w:<word>`` — a distinctive word of the title (folded, no function words): the same
  language's reports of one event share them.

Core module: no UI imports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from sahelreader.entities.summary import group_entities, name_key
from sahelreader.models import Entity
from sahelreader.sources.organisation_names import other_names
from sahelreader.text.fold import fold

__all__ = [
    "Features",
    "article_features",
    "clashing_surnames",
    "entity_key",
    "given_names",
    "number_value",
    "kind_of",
    "numbers_in",
    "outlet_words",
    "rarity_base",
]

# Weights of the kinds of key: a shared person says more than a shared place.
KIND_WEIGHT = {"person": 1.5, "organisation": 1.25, "place": 1.0, "number": 1.0, "word": 0.6}
KIND_PREFIX = {"person": "p", "organisation": "o", "place": "l", "number": "n", "word": "w"}
KIND_OF_PREFIX = {prefix: kind for kind, prefix in KIND_PREFIX.items()}
NAME_KINDS = frozenset({"person", "organisation", "place"})
MAX_NUMBERS = 12  # numbers kept from one article (the first ones: the lede's)
MAX_ENTITIES = 16  # entities kept, most mentioned first
LEDE_CHARS = 3000  # numbers are read from the title and the start of the body
# How rare a name or word is comes from the library's document counts; in a library of a few
# articles every name is in a large share of them, which says nothing about the news at large:
# rarity is measured as if the library held at least this many articles.
RARITY_LIBRARY_FLOOR = 50


def rarity_base(articles: int) -> int:
    """The article count a document frequency is measured against (`RARITY_LIBRARY_FLOOR`)."""
    return max(RARITY_LIBRARY_FLOOR, articles)


# A number not inside a word or after a separator: grouped by thousands ("1,500", "1 500") or
# a plain run of digits. It starts with its first digit and then looks behind it (not after
# [\w.,]) rather than looking behind at every position of the text: the same matches, found
# 5x faster.
_NUMBER = re.compile(
    r"\d(?<![\w.,]\d)(?:\d{0,2}(?:[,.\u00a0\u202f ]\d{3})+(?!\w)|\d*(?!\w|[.,]\d))"
)
_WORD = re.compile(r"\w+")


_HOST_WORDS = frozenset({"www", "com", "co", "uk", "org", "net", "news", "the"})


@lru_cache(maxsize=4096)
def outlet_words(source: str) -> frozenset[str]:
    """The words of an outlet's name that would name it in a text ("BBC" in a BBC report),
    and the initials of a name of several words ("DW" in a Deutsche Welle report).
    Remembered: related() asks it for every name of every candidate, of a few outlets."""
    words = [w for w in _WORD.findall(fold(source)) if w not in _HOST_WORDS]
    initials = "".join(w[0] for w in words if w.isalpha())
    return frozenset(words + ([initials] if len(initials) >= 2 else []))


def kind_of(key: str) -> str:
    """A key's kind (a KIND_WEIGHT key), from its prefix."""
    return KIND_OF_PREFIX.get(key.partition(":")[0], "place")


@dataclass(frozen=True)
class Features:
    """An article's language-independent keys, in the order found (names, numbers, words)."""

    keys: tuple[str, ...]


def entity_key(name: str, kind: str) -> str:
    """One key per thing named, whatever the language: the canonical name of an organisation
    (every name of it in the organisation table), a person's surname, a place's folded name."""
    if kind == "organisation":
        names = other_names(name)
        if names:
            name = names[0]
    words = name_key(name)
    if not words:
        return ""
    prefix = KIND_PREFIX.get(kind, "l")
    if kind == "person":
        return f"{prefix}:{words[-1]}"
    return f"{prefix}:{' '.join(words)}"


@cache
def _honorifics() -> frozenset[str]:
    """The words of the titles that can stand before a name (Mr, Dr, President, le général):
    no given names."""
    from sahelreader.entities.gazetteer import load

    return frozenset(w for key in load().titles for w in name_key(" ".join(key)))


def given_names(person_keys: Iterable[tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """The given names an article gives each surname it names in full: its people's keys
    (`name_key`), surname last, split at hyphens ("jean-pierre" is jean and pierre), titles
    left out ("Dr Hector Marrow" gives hector). A surname named alone, or after a title
    alone ("Mr Marrow"), gives none."""
    found: dict[str, set[str]] = {}
    titles = _honorifics()
    for key in person_keys:
        if len(key) < 2:
            continue
        words = {
            part for word in key[:-1] if word not in titles for part in word.split("-") if part
        }
        if words:
            found.setdefault(key[-1], set()).update(words)
    return {surname: frozenset(words) for surname, words in found.items()}


_SOFT_LETTERS = re.compile(r"[aeiouyhw]")


def _skeleton(word: str) -> str:
    """A given name as it sounds more than as it is spelt: its first letter and its other
    consonants, h and w left out, doubled letters once ("mohammed", "mohamed" and "muhammad"
    are md; "friedrich" and "frederich" frdrc). Transliterations and misspellings of one name
    then agree; different names rarely do (howard hrd, aaron arn)."""
    letters = word[:1] + _SOFT_LETTERS.sub("", word[1:])
    return "".join(ch for i, ch in enumerate(letters) if i == 0 or ch != letters[i - 1])


def _compatible(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two sets of given names may name one person: a name in common, spelt alike
    (`_skeleton`), or an initial of the other's ("J. Marrow" and "John Marrow")."""
    if mine & theirs:
        return True
    if any(len(a) == 1 and b.startswith(a) for a in mine for b in theirs) or any(
        len(b) == 1 and a.startswith(b) for a in mine for b in theirs
    ):
        return True
    sounds = {_skeleton(a) for a in mine if len(a) > 1}
    return any(_skeleton(b) in sounds for b in theirs if len(b) > 1)


def clashing_surnames(
    mine: dict[str, frozenset[str]], theirs: dict[str, frozenset[str]]
) -> frozenset[str]:
    """The surnames both articles give full names for (`given_names`) whose given names are
    never compatible: two people (the archaeologist Howard Carter and the singer Aaron
    Carter), not one shared person, however each article names them later ("Carter"). A
    surname one of them names only alone stays one person (a later "Tiani")."""
    if not mine or not theirs:
        return frozenset()
    return frozenset(
        surname
        for surname in mine.keys() & theirs.keys()
        if not _compatible(mine[surname], theirs[surname])
    )


def number_value(written: str) -> str | None:
    """A number as written ("1,250", "1 250", "012") as its digits ("1250"); None for what
    tells no event apart: a year (1900-2099), 0 or 1, or more than 12 digits."""
    digits = re.sub(r"\D", "", written)
    if not digits or len(digits) > 12:
        return None
    value = int(digits)
    if value < 2 or (len(digits) == 4 and 1900 <= value <= 2099):
        return None
    return str(value)


def numbers_in(text: str, limit: int = MAX_NUMBERS) -> list[str]:
    """The numbers a text gives, separators dropped, without years (1900-2099), 0 and 1."""
    found: list[str] = []
    for match in _NUMBER.finditer(text):
        digits = number_value(match.group())
        if digits is None:
            continue
        if digits not in found:
            found.append(digits)
            if len(found) >= limit:
                break
    return found


@cache
def stop_words(language: str) -> frozenset[str]:
    """Whoosh's function words of `language` (English when none), accents folded; none for a
    language Whoosh has no list for (Hausa, Kannada: a feed may be in any language)."""
    from whoosh.lang import has_stopwords, stopwords_for_language

    language = language or "en"
    if not has_stopwords(language):  # type: ignore[no-untyped-call]
        return frozenset()
    words = stopwords_for_language(language)  # type: ignore[no-untyped-call]
    return frozenset(fold(word) for word in words)


def title_words(title: str, language: str) -> list[str]:
    """The title's words of four letters or more that are not function words, folded."""
    stop = stop_words(language) | stop_words("en")
    return [
        word
        for word in dict.fromkeys(fold(w) for w in _WORD.findall(title))
        if len(word) >= 4 and not word.isdigit() and word not in stop
    ]


def article_features(
    title: str, body: str, language: str, entities: Sequence[Entity], outlet_words: Iterable[str]
) -> Features:
    """The keys of an article: its entities (not the outlet's own name, its byline), its
    numbers (title and lede first), its title's words."""
    keys: dict[str, None] = {}
    outlet = {w for w in outlet_words if w}
    groups = group_entities(entities)
    groups.sort(key=lambda g: -g.count)
    for group in groups[:MAX_ENTITIES]:
        words = name_key(group.name)
        if outlet and words and all(w in outlet for w in words):
            continue
        # By the name the bundled tables give the thing (Tchad and Chad, Côte d'Ivoire and
        # Ivory Coast, Poutine and Putin are one key), so two languages' reports share it.
        key = entity_key(group.search_name or group.name, group.type)
        if key:
            keys[key] = None
    for number in numbers_in(f"{title}\n{body[:LEDE_CHARS]}"):
        keys["n:" + number] = None
    named = {word for key in keys for word in key.partition(":")[2].split()}
    for word in title_words(title, language):
        if word not in named:  # a name is counted once, as a name
            keys["w:" + word] = None
    return Features(tuple(keys))
