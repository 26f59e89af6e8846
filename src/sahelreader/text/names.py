"""The names sahelreader knows, by type, and the capitalised words that are never names.

The lists are ``data/names/``: ``people.txt``, ``places.txt``, ``organisations.txt`` and
``misc.txt`` (demonyms, languages, calendar words: capitalised, but no entity), and
``not_names.txt``. They live in the text toolkit because two readers below and above each other
in the layers share them: the entity recogniser (``entities``) types the names it finds with
them, and the cited-source extractor (``sources``, below ``entities``) uses them to rule out
speakers whose "name" is a country or a month ("Burkina Faso said").

One name, one type. A name listed under two types used to take whichever file was read first,
silently. Now a name that really is two things is listed once, under the type it most often has
in the news sahelreader reads, and the rules see to the other sense: "Argentine" is the French
name of a country far more often than the English adjective, so it is a place (the recogniser's
misc list leaves it out). tests/test_data_files.py fails on a name listed twice or under two
types.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sahelreader.text.wordlists import entries

__all__ = ["KINDS", "KnownName", "known_names", "never_person_names", "not_names"]

# The types, in the order the recogniser reads them; "misc" names are known but never reported.
KINDS = ("person", "organisation", "place", "misc")
FILES = {
    "person": "names/people.txt",
    "organisation": "names/organisations.txt",
    "place": "names/places.txt",
    "misc": "names/misc.txt",
}
NEVER_A_PERSON = " *"  # after a name: never a person's name nor part of one


@dataclass(frozen=True)
class KnownName:
    name: str
    kind: str  # one of KINDS
    never_a_person: bool  # marked "*": no speaker's name holds it ("Niger said")


@lru_cache(maxsize=1)
def known_names() -> tuple[KnownName, ...]:
    """Every listed name, people first, then organisations, places and misc (file order)."""
    found: list[KnownName] = []
    for kind in KINDS:
        for entry in entries("sahelreader.text", FILES[kind]):
            marked = entry.endswith(NEVER_A_PERSON)
            name = entry.removesuffix(NEVER_A_PERSON).rstrip() if marked else entry
            found.append(KnownName(name, kind, marked))
    return tuple(found)


@lru_cache(maxsize=1)
def never_person_names() -> tuple[str, ...]:
    """The names marked as never a person's name nor part of one."""
    return tuple(known.name for known in known_names() if known.never_a_person)


@lru_cache(maxsize=1)
def not_names() -> tuple[str, ...]:
    """Capitalised words that are never names ("The", "However", "Selon")."""
    return tuple(entries("sahelreader.text", "names/not_names.txt"))
