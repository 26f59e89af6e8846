"""The user's watch list: names to spot in every article, however they are accented or cased.

A watched acronym (all capitals: "WHO", "AES", "EI") is the exception: "who", "it" and "ei" are
common words, so it is matched in capitals only, and counted where the recogniser found it as
a name."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sahelreader.text.fold import fold_same_length


def is_acronym(name: str) -> bool:
    """A watched name written in capitals, two to six of them, maybe with digits ("G5")."""
    name = name.strip()
    return 2 <= len(name) <= 6 and name.isupper() and name.isalnum()


def find_names(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Spans where any of `names` occurs as whole words (Goïta, goita and GOITA all count; an
    acronym only in capitals: WHO, not "who")."""
    if not names or not text:
        return []
    spans: list[tuple[int, int]] = []
    acronyms = sorted({n.strip() for n in names if is_acronym(n)}, key=len)
    if acronyms:
        spans += [(m.start(), m.end()) for m in _whole_words(acronyms).finditer(text)]
    others = {fold_same_length(n.strip()) for n in names if n.strip() and not is_acronym(n)}
    if others:
        folded = fold_same_length(text)
        spans += [
            (m.start(), m.end()) for m in _whole_words(sorted(others, key=len)).finditer(folded)
        ]
    return sorted(spans)


def watched_entity(
    spellings: Iterable[str], names: Sequence[str], canonical: str = ""
) -> list[str]:
    """The watched `names` an entity answers to, by the rule of the watch list's search
    (`watch_query`) and of the reader's highlight (`find_names`): a name found as whole words
    in one of the ways the text writes the entity (`spellings`: "Tiani" in "Abdourahamane
    Tiani", in any case or accents); a watched acronym in capitals, in those or in the name
    the index files the entity under (`canonical`: "ECOWAS" for "la CEDEAO"), as the search's
    `entity:"ECOWAS"` finds it under any of its names."""
    written = [spelling for spelling in spellings if spelling.strip()]
    found = []
    for name in names:
        if not name.strip():
            continue
        where = [*written, canonical] if is_acronym(name) and canonical else written
        if any(find_names(text, [name]) for text in where):
            found.append(name)
    return found


def _whole_words(alternatives: list[str]) -> re.Pattern[str]:
    """Any of `alternatives` as whole words, the longest first."""
    return re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(a) for a in reversed(alternatives)) + r")(?!\w)"
    )


def watch_query(names: Sequence[str]) -> str:
    """A search for any article that names one of `names` (an acronym: as a recognised name)."""
    parts = [
        f'entity:"{n.strip()}"' if is_acronym(n) else f'"{n.replace(chr(34), "").strip()}"'
        for n in names
        if n.strip()
    ]
    return " OR ".join(parts)


# A query's parts that leave words out: `NOT word`, `NOT "a phrase"`, `-word`, `-"a phrase"`.
_LEFT_OUT = re.compile(r'(?:\bNOT\s+|(?<![^\s(])-)(?:\w+:)?(?:"[^"]*"?|[^\s()]+)')


def names_searched(query: str, names: Sequence[str]) -> list[str]:
    """The watched `names` a search looks for: each found in the query as whole words, in any
    case or accents (a query is typed as it comes: `jnim`, `menaka`, `person:"tiani"`), and not
    in a part that leaves words out (`mali NOT jnim`, `-menaka`)."""
    wanted = {fold_same_length(n.strip()): n for n in names if n.strip()}
    if not wanted or not query.strip():
        return []
    folded = fold_same_length(_LEFT_OUT.sub(" ", query))
    return [name for key, name in wanted.items() if _whole_words([key]).search(folded)]
