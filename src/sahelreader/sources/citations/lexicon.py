"""The names the extractor cites: news agencies and outlets (``data/outlets.tsv``) and
institutions (``data/organisations.tsv``), with the aliases they go by. (Names that are never a
person's, countries and months, are the known names marked "*" in ``text/data/names/``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sahelreader.sources.citations.wordregex import alias_regex
from sahelreader.text.wordlists import entries

__all__ = [
    "Lexicon",
    "agency_names",
    "load_media",
    "load_organisations",
    "normalise_alias",
]

MEDIA_KINDS = frozenset({"agency", "outlet", "ignore"})
_PACKAGE = "sahelreader.sources"


@dataclass(frozen=True)
class Lexicon:
    """Aliases mapped to a value, plus one compiled regex matching any alias as a whole word."""

    aliases: dict[str, str]  # alias -> canonical
    kinds: dict[str, str]  # canonical -> kind
    pattern: re.Pattern[str]

    def canonical(self, alias: str) -> str:
        return self.aliases[alias]


def normalise_alias(surface: str) -> str:
    """The alias key for a matched surface form (whitespace runs become one space)."""
    return " ".join(surface.split())


def _build(rows: list[tuple[str, str, list[str]]]) -> Lexicon:
    aliases: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for canonical, kind, names in rows:
        kinds[canonical] = kind
        for alias in [canonical, *names]:
            alias = normalise_alias(alias)
            if alias:
                aliases.setdefault(alias, canonical)
    return Lexicon(aliases, kinds, re.compile(alias_regex(list(aliases))))


@lru_cache(maxsize=1)
def load_media() -> Lexicon:
    """News agencies and outlets from ``data/outlets.tsv``."""
    rows: list[tuple[str, str, list[str]]] = []
    for line in entries(_PACKAGE, "outlets.tsv"):
        parts = line.split("\t")
        if len(parts) < 2:
            raise ValueError(f"outlets.tsv: bad line {line!r}")
        canonical, kind = parts[0].strip(), parts[1].strip()
        if kind not in MEDIA_KINDS:
            raise ValueError(f"outlets.tsv: bad kind {kind!r} for {canonical!r}")
        names = parts[2].split("|") if len(parts) > 2 else []
        rows.append((canonical, kind, names))
    return _build(rows)


@lru_cache(maxsize=1)
def agency_names() -> tuple[str, ...]:
    """Every name of every news agency (AFP, "Agence France-Presse", Reuters, the AP...):
    who reported, not what happened; no key of a story and no shared name of two reports."""
    media = load_media()
    agencies = {name for name, kind in media.kinds.items() if kind == "agency"}
    aliases = [alias for alias, name in media.aliases.items() if name in agencies]
    return tuple(dict.fromkeys([*sorted(agencies), *aliases]))


@lru_cache(maxsize=1)
def load_organisations() -> Lexicon:
    """Named institutions from ``data/organisations.tsv``."""
    rows: list[tuple[str, str, list[str]]] = []
    for line in entries(_PACKAGE, "organisations.tsv"):
        parts = line.split("\t")
        names = parts[1].split("|") if len(parts) > 1 else []
        rows.append((parts[0].strip(), "organisation", names))
    return _build(rows)
