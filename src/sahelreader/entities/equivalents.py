"""Names that mean the same entity: ECOWAS = CEDEAO, Burkina = Burkina Faso, Tchad = Chad.

Three bundled tables, one per type: ``sources/data/organisation_names.tsv`` (the UN = ONU =
Nations unies…), ``data/place_names.tsv`` (Côte d'Ivoire = Ivory Coast, Niamey's spellings…) and
``data/person_names.tsv`` (Putin = Poutine…); plus the user's own groups from config.toml's
``[equivalences]``, which hold for whatever type the recogniser gives the name and join any
bundled group they share a name with.

Search indexes every name of a group an article names (``organisation:ecowas`` finds "la
CEDEAO"); the side panel and the entity counts group the names of one entity as one row.
Names are compared as keys: no case, accents, possessive, dots or hyphens, and no leading
article ("the UN" = "l'ONU"'s "ONU" = "U.N.").
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from sahelreader.entities.rules import canonical
from sahelreader.models import ENTITY_TYPES, EntityType
from sahelreader.text.wordlists import data_text

__all__ = ["Equivalences", "bundled_equivalences", "bundled_names", "equivalence_key"]

# (package, file) of each type's bundled table; tab-separated: canonical name, other names "|".
TABLES: dict[EntityType, tuple[str, str]] = {
    "person": ("sahelreader.entities", "person_names.tsv"),
    "place": ("sahelreader.entities", "place_names.tsv"),
    "organisation": ("sahelreader.sources", "organisation_names.tsv"),
}
_LEADING_ARTICLES = ("the ", "l'", "la ", "le ", "les ")

Group = tuple[str, ...]  # every name of one entity, its canonical name first


@lru_cache(maxsize=1 << 16)
def equivalence_key(name: str) -> str:
    """How names are compared: "The U.N." = "UN", "l'ONU" = "onu", "Guinée-Bissau" =
    "guinee bissau", "Niger’s" = "niger"."""
    key = canonical(name).replace("-", " ")
    for article in _LEADING_ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            key = key[len(article) :]
            break
    return " ".join(key.split())


def _read_table(package: str, filename: str) -> list[Group]:
    groups: list[Group] = []
    for line in data_text(package, filename).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        first, _, rest = line.partition("\t")
        names = [name.strip() for name in [first, *rest.split("|")] if name.strip()]
        groups.append(tuple(dict.fromkeys(names)))
    return groups


def bundled_names(kind: EntityType) -> list[str]:
    """Every name of the bundled table of ``kind`` (canonical names and other names)."""
    package, filename = TABLES[kind]
    return [name for group in _read_table(package, filename) for name in group]


def _table_texts() -> list[str]:
    return [data_text(package, filename) for package, filename in TABLES.values()]


class Equivalences:
    """The groups of names that mean one entity, by type: bundled, then the user's on top."""

    def __init__(self, user: Mapping[str, Sequence[str]] | None = None) -> None:
        self._user = {name: tuple(others) for name, others in (user or {}).items()}
        self._groups: dict[EntityType, dict[str, Group]] = {kind: {} for kind in ENTITY_TYPES}
        for kind, (package, filename) in TABLES.items():
            for group in _read_table(package, filename):
                self._add(kind, group)
        for name, others in self._user.items():
            user_group = tuple(dict.fromkeys(n.strip() for n in (name, *others) if n.strip()))
            for kind in ENTITY_TYPES:
                # A user's group joins the bundled groups it shares a name with; its own name
                # comes first, as the one shown.
                joined = list(user_group)
                for member in user_group:
                    joined += self._groups[kind].get(equivalence_key(member), ())
                self._add(kind, tuple(dict.fromkeys(joined)))

    def _add(self, kind: EntityType, group: Group) -> None:
        table = self._groups[kind]
        for name in group:
            key = equivalence_key(name)
            if key:
                table[key] = group

    def names(self, kind: EntityType, name: str) -> Group:
        """Every name of the entity `name` is one of (itself included), or () if none other."""
        return self._groups[kind].get(equivalence_key(name), ())

    def canonical_name(self, kind: EntityType, name: str) -> str:
        """The name shown for the entity: its group's first name, or `name` itself."""
        group = self.names(kind, name)
        return group[0] if group else name

    def key(self, kind: EntityType, name: str) -> str:
        """One key for every name of one entity (the canonical name's key)."""
        return equivalence_key(self.canonical_name(kind, name))

    def expand(self, kind: EntityType, names: Iterable[str]) -> list[str]:
        """The names, then every other name of their entities (each once)."""
        result = list(names)
        # Spellings, not keys: "U.N." and "UN" are one key but not the same words to index.
        seen = {name.casefold() for name in result}
        for name in list(result):
            for other in self.names(kind, name):
                if other.casefold() not in seen:
                    seen.add(other.casefold())
                    result.append(other)
        return result

    def expand_weighted(
        self, kind: EntityType, weighted: Iterable[tuple[str, int]], most: int
    ) -> list[tuple[str, int]]:
        """`expand` with weights: every name of one entity (the article's spellings, then its
        group's other names) weighs the sum of the article's spellings' weights, at most
        `most`: "ECOWAS" named three times and "CEDEAO" once weigh four, and so do
        "Economic Community of West African States" and "Communauté économique…"."""
        weighted = list(weighted)
        totals: dict[str, int] = {}
        for name, weight in weighted:
            entity = self.key(kind, name)
            totals[entity] = min(most, totals.get(entity, 0) + weight)
        names = self.expand(kind, [name for name, _ in weighted])
        return [(name, totals.get(self.key(kind, name), 1)) for name in names]

    def expand_all(self, names_by_type: Mapping[str, list[str]]) -> dict[str, list[str]]:
        """`expand` for each type of a {"person": [...], "place": [...], ...} mapping."""
        expanded = dict(names_by_type)
        for kind in ENTITY_TYPES:
            if kind in expanded:
                expanded[kind] = self.expand(kind, expanded[kind])
        return expanded

    @property
    def fingerprint(self) -> str:
        """Changes whenever a table or the user's groups do (the index then takes the names)."""
        digest = hashlib.sha1()
        for text in _table_texts():
            digest.update(text.encode("utf-8"))
        digest.update(json.dumps(self._user, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def bundled_equivalences() -> Equivalences:
    """The bundled tables only (no config.toml): for callers without a Library."""
    return Equivalences()
