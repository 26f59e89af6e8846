"""An article's entities grouped for people to read: one row per person, place, organisation.

A later short mention ("Tiani") joins the full name it stands for ("Abdourahamane Tiani").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sahelreader.entities import canonical
from sahelreader.models import ENTITY_TYPES, Entity, EntityType
from sahelreader.text.fold import fold


@dataclass(frozen=True)
class EntityGroup:
    name: str
    type: EntityType
    count: int

    @property
    def query(self) -> str:
        """The search for every article that names this entity."""
        return f'{self.type}:"{self.name.replace(chr(34), "")}"'


def name_key(text: str) -> tuple[str, ...]:
    """The words of a name as the recogniser compares them (`canonical`): Niger’s = niger."""
    return tuple(canonical(text).split())


def group_entities(entities: Sequence[Entity]) -> list[EntityGroup]:
    """Groups ordered by type (person, place, organisation), then by mentions, then name."""
    names: dict[tuple[EntityType, tuple[str, ...]], str] = {}
    counts: dict[tuple[EntityType, tuple[str, ...]], int] = {}
    for entity in entities:
        key = (entity.type, name_key(entity.text))
        if not key[1]:
            continue
        # Keep the longest spelling seen as the display name.
        if key not in names or len(entity.text) > len(names[key]):
            names[key] = entity.text
        counts[key] = counts.get(key, 0) + 1
    merged = _merge_short_mentions(counts)
    groups = [
        EntityGroup(names[key], key[0], count) for key, count in merged.items() if key in names
    ]
    order = {kind: i for i, kind in enumerate(ENTITY_TYPES)}
    return sorted(groups, key=lambda g: (order[g.type], -g.count, fold(g.name)))


def _merge_short_mentions(
    counts: dict[tuple[EntityType, tuple[str, ...]], int],
) -> dict[tuple[EntityType, tuple[str, ...]], int]:
    merged = dict(counts)
    for key in sorted(counts, key=lambda k: len(k[1])):
        kind, words = key
        if kind != "person" or len(words) != 1:
            continue
        longer = [
            other
            for other in merged
            if other[0] == kind and len(other[1]) > 1 and words[0] in other[1]
        ]
        if len(longer) == 1:  # only when it is clear whom the short name means
            merged[longer[0]] += merged.pop(key)
    return merged


def names_by_type(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """Distinct entity names per type, for the index's person/place/organisation fields."""
    found: dict[str, dict[tuple[str, ...], str]] = {kind: {} for kind in ENTITY_TYPES}
    for entity in entities:
        key = name_key(entity.text)
        if key:
            found[entity.type].setdefault(key, entity.text)
    return {kind: list(names.values()) for kind, names in found.items() if names}
