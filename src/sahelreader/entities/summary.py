"""An article's entities grouped for people to read: one row per person, place, organisation.

A later short mention ("Tiani", "Affi Nguessan") joins the full name it stands for
("Abdourahamane Tiani", "Pascal Affi Nguessan"); names of one entity (`Equivalences`: "la
CEDEAO" and "ECOWAS", "Burkina" and "Burkina Faso") are one row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sahelreader.entities import canonical
from sahelreader.entities.equivalents import Equivalences, bundled_equivalences
from sahelreader.entities.rules import (
    abbreviates,
    initials_in_any_order,
    is_acronym,
    is_short_form,
    spells_initials,
)
from sahelreader.models import ENTITY_TYPES, Entity, EntityType
from sahelreader.text.fold import fold


@dataclass(frozen=True)
class EntityGroup:
    name: str  # as the article writes it ("ONU")
    type: EntityType
    count: int
    # The name every article naming this entity is indexed under ("United Nations"): the
    # index holds all the names of a group, and "U.N." would only find itself.
    search_name: str = ""
    # Every spelling counted in the group ("Tessara Offshore and Marine Exhibition" and its
    # acronym "TOMEX"): another article may write the entity only in a form the group does not
    # show.
    spellings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def query(self) -> str:
        """The search for every article that names this entity."""
        return f'{self.type}:"{(self.search_name or self.name).replace(chr(34), "")}"'


def name_key(text: str) -> tuple[str, ...]:
    """The words of a name as the recogniser compares them (`canonical`): Niger’s = niger."""
    return tuple(canonical(text).split())


def group_entities(
    entities: Sequence[Entity], equivalences: Equivalences | None = None
) -> list[EntityGroup]:
    """Groups ordered by type (person, place, organisation), then by mentions, then name.

    `equivalences` (the bundled tables when None) says which names are one entity."""
    return [group for group, _ in grouped_mentions(entities, equivalences)]


def grouped_mentions(
    entities: Sequence[Entity], equivalences: Equivalences | None = None
) -> list[tuple[EntityGroup, list[Entity]]]:
    """`group_entities`'s groups, each with the mentions it counts (in the text's order): the
    later "Tiani" with "Abdourahamane Tiani", "CEDEAO" with "ECOWAS"."""
    same = equivalences if equivalences is not None else bundled_equivalences()
    spellings: dict[tuple[EntityType, tuple[str, ...]], dict[str, int]] = {}
    keyed = [
        ((entity.type, tuple(same.key(entity.type, entity.text).split())), entity)
        for entity in entities
        if name_key(entity.text)
    ]
    aliases = _defined_acronyms(keyed)
    aliases.update(_spelled_acronyms(keyed, aliases))
    for key, entity in keyed:
        key = aliases.get(key, key)
        seen = spellings.setdefault(key, {})
        seen[entity.text] = seen.get(entity.text, 0) + 1
    counts = {key: sum(seen.values()) for key, seen in spellings.items()}
    merged, moved = _merge_short_mentions(counts)
    mentions: dict[Key, list[Entity]] = {}
    for key, entity in keyed:
        key = aliases.get(key, key)
        while key in moved:  # a short name counted with a longer one (maybe in turn moved)
            key = moved[key]
        mentions.setdefault(key, []).append(entity)
    defined = set(aliases.values())
    groups = []
    for (kind, words), count in merged.items():
        seen = spellings[(kind, words)]
        if (kind, words) in defined:  # the name the article uses most, the longest on a tie
            shown = max(seen, key=lambda s: (s[:1].isupper(), seen[s], len(s)))
        else:
            shown = _shown_name(kind, seen, same)
        group = EntityGroup(shown, kind, count, same.canonical_name(kind, shown), tuple(seen))
        found = sorted(mentions.get((kind, words), []), key=lambda e: (e.start, e.end))
        groups.append((group, found))
    order = {kind: i for i, kind in enumerate(ENTITY_TYPES)}
    return sorted(groups, key=lambda g: (order[g[0].type], -g[0].count, fold(g[0].name)))


Key = tuple[EntityType, tuple[str, ...]]
# What may stand between a name and its acronym in brackets: "(", " (", " (l'", " ( l’".
_BRACKET_GAPS = (1, 2, 3, 4, 5)


def _defined_acronyms(keyed: Sequence[tuple[Key, Entity]]) -> dict[Key, Key]:
    """Acronyms the article defines in brackets right after the name they abbreviate
    ("Jamaat Nusrat al-Islam wal-Muslimin (JNIM)", "l'État islamique (EI)"): the acronym's
    key -> the name's, so that both are one row. Read from the offsets alone (the caller may
    not have the text): a short form one to five characters after a name of the same type,
    the room of " (" or " (l'"; a comma there ("the Malian army, FAMa") passes too, which is
    the same entity as well. Only when the letters come from the name's words (`abbreviates`)."""
    ordered = sorted(keyed, key=lambda item: item[1].start)
    aliases: dict[Key, Key] = {}
    for (long_key, long), (short_key, short) in zip(ordered, ordered[1:], strict=False):
        if (
            short.start - long.end in _BRACKET_GAPS
            and short.type == long.type
            and short_key != long_key
            and is_short_form(short.text)
            and len(long.text.split()) > 1
            and not is_acronym(long.text)
            and (
                abbreviates(short.text, long.text)
                # in brackets: its name in another language ("Front de ... du Tessara (TLF)")
                or (short.start - long.end == 2 and initials_in_any_order(short.text, long.text))
            )
        ):
            aliases.setdefault(short_key, aliases.get(long_key, long_key))
    return aliases


def _spelled_acronyms(
    keyed: Sequence[tuple[Key, Entity]], aliases: dict[Key, Key]
) -> dict[Key, Key]:
    """Acronyms whose letters spell the initials of exactly one other name of the same type in
    the article ("The Associated Press" ... "(AP)", "Médecins sans frontières" ... "MSF"),
    wherever they stand: an article rarely names two bodies of one acronym, and when it does
    (two names spell it) both stay apart. Acronyms already defined in brackets are left."""
    names: dict[Key, str] = {}
    for key, entity in keyed:
        names.setdefault(key, entity.text)
    found: dict[Key, Key] = {}
    for short_key, short in names.items():
        if short_key in aliases or not is_acronym(short):
            continue
        spelled = [
            long_key
            for long_key, long in names.items()
            if long_key[0] == short_key[0]
            and long_key != short_key
            and not is_acronym(long)
            and spells_initials(short, long)
        ]
        if len(spelled) == 1:
            found[short_key] = aliases.get(spelled[0], spelled[0])
    return found


def _shown_name(kind: EntityType, seen: dict[str, int], same: Equivalences) -> str:
    """The entity's canonical name when the article writes it; otherwise its commonest
    spelling in the article ("CEDEAO" in a French article), the longest on a tie."""

    # A wire dateline writes the city in capitals ("NIAMEY (Reuters) -"): for a place the
    # prose's spelling is the name, on a tie.
    def prose(spelling: str) -> bool:
        return kind == "place" and not spelling.isupper()

    # A name the prose writes in lowercase ("le conseil de sécurité a voté") is counted with its
    # capitalised spelling, and shown only when the article never capitalises the entity.
    def cased(spelling: str) -> bool:
        return spelling[:1].isupper()

    uses = Counter[str]()
    for spelling, count in seen.items():
        uses[spelling.casefold()] += count

    official = same.canonical_name(kind, next(iter(seen)))
    for spelling in seen:
        if name_key(spelling) == name_key(official):
            return max(
                (s for s in seen if name_key(s) == name_key(official)),
                key=lambda s: (prose(s), cased(s), len(s)),
            )
    return max(seen, key=lambda s: (cased(s), uses[s.casefold()], prose(s), len(s)))


def _merge_short_mentions(
    counts: dict[tuple[EntityType, tuple[str, ...]], int],
) -> tuple[dict[Key, int], dict[Key, Key]]:
    """A person's shorter name that runs inside exactly one longer name of the article
    ("Tiani", "Affi Nguessan" in "Pascal Affi Nguessan") is counted with it: the counts, and
    which key went into which."""
    merged = dict(counts)
    moved: dict[Key, Key] = {}
    for key in sorted(counts, key=lambda k: len(k[1])):
        kind, words = key
        if kind != "person" or key not in merged:
            continue
        longer = [
            other
            for other in merged
            if other[0] == kind and len(other[1]) > len(words) and _runs_inside(words, other[1])
        ]
        if len(longer) == 1:  # only when it is clear whom the short name means
            merged[longer[0]] += merged.pop(key)
            moved[key] = longer[0]
    return merged, moved


def _runs_inside(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    size = len(words)
    return any(name[i : i + size] == words for i in range(len(name) - size + 1))


def names_by_type(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """Distinct entity names per type, for the index's person/place/organisation fields."""
    return {
        kind: [name for name, _ in weighted]
        for kind, weighted in weighted_names_by_type(entities, ()).items()
    }


# How much a name weighs in an article, for ranking an entity search: its mentions, counted up
# to MAX_MENTION_WEIGHT (a long article naming Ukraine 30 times is not 30 times about it), and
# TITLE_WEIGHT more when the headline names it (the article is about it, not in passing).
MAX_MENTION_WEIGHT = 3
TITLE_WEIGHT = 2


def weighted_names_by_type(
    body: Iterable[Entity], title: Iterable[Entity]
) -> dict[EntityType, list[tuple[str, int]]]:
    """Distinct entity names per type with their weight (see MAX_MENTION_WEIGHT), first
    spelling kept, in order of first mention (the body's, then the title's)."""
    spelling: dict[EntityType, dict[tuple[str, ...], str]] = {kind: {} for kind in ENTITY_TYPES}
    mentions: Counter[tuple[EntityType, tuple[str, ...]]] = Counter()
    titled: set[tuple[EntityType, tuple[str, ...]]] = set()
    for in_title, entities in ((False, body), (True, title)):
        for entity in entities:
            key = name_key(entity.text)
            if not key:
                continue
            spelling[entity.type].setdefault(key, entity.text)
            if in_title:
                titled.add((entity.type, key))
            else:
                mentions[entity.type, key] += 1
    return {
        kind: [
            (
                text,
                max(1, min(mentions[kind, key], MAX_MENTION_WEIGHT))
                + (TITLE_WEIGHT if (kind, key) in titled else 0),
            )
            for key, text in names.items()
        ]
        for kind, names in spelling.items()
        if names
    }
