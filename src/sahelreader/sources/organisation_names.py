"""Organisations known by several names: ECOWAS and CEDEAO, UN and ONU, WHO and OMS…

The table is ``data/organisation_names.tsv``: one organisation a line, its canonical name and
its other names (English, French, abbreviations). Search indexes every name of an organisation
an article names, so ``organisation:cedeao`` finds an English article that says ECOWAS.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from sahelreader.sources.outlets import name_key
from sahelreader.text.wordlists import data_text

__all__ = ["other_names", "table_fingerprint", "with_other_names"]

_FILE = "organisation_names.tsv"


def _text() -> str:
    return data_text("sahelreader.sources", _FILE)


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    """Name key -> every name of that organisation, the canonical one first."""
    groups: dict[str, tuple[str, ...]] = {}
    for line in _text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        canonical, _, rest = line.partition("\t")
        names = tuple(dict.fromkeys(n.strip() for n in [canonical, *rest.split("|")] if n.strip()))
        for name in names:
            groups.setdefault(name_key(name), names)
    return groups


def other_names(name: str) -> tuple[str, ...]:
    """Every name of the organisation `name` is one of (itself included), or () if unknown."""
    return _groups().get(name_key(name), ())


def with_other_names(names: Iterable[str]) -> list[str]:
    """The names, then the other names of the organisations among them (each once)."""
    result = list(names)
    seen = {name_key(name) for name in result}
    for name in list(result):
        for other in other_names(name):
            key = name_key(other)
            if key not in seen:
                seen.add(key)
                result.append(other)
    return result


@lru_cache(maxsize=1)
def table_fingerprint() -> str:
    """Changes whenever the table does (the index then takes the new names)."""
    return hashlib.sha1(_text().encode("utf-8")).hexdigest()[:16]
