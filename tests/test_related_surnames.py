"""Two people with one surname are not one shared person (issue 15: a piece on an
archaeologist was paired with another language's obituary of a singer of the same surname).

A surname is a shared person when either article names it alone (a later "Tiani" is the
"Abdourahamane Tiani" of the other), or when the full names both give are compatible (the same
given name, accents and case aside, an initial, a part of a hyphenated name). Two full names
whose given names differ are two people.

Every article here is written for the tests (invented people, places, numbers).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.related.features import clashing_surnames, given_names

from .bilingual import EVENTS, Event, english, filler, french
from .conftest import draft, utc


def _coverage(
    home: Path, first: ArticleDraft, second: ArticleDraft, background: list[ArticleDraft]
) -> tuple[list[tuple[str, tuple[str, ...]]], list[tuple[str, tuple[str, ...]]], str, str]:
    """In a library of the two and `background`: each one's coverage (id, shared names), and
    their ids."""
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([first, second, *background])
        lib.ensure_index()
        ids = {row.title: row.id for row in lib.rows(lib.list_ids())}
        one, two = ids[first.title], ids[second.title]
        return (
            [(c.id, c.shared_entities) for c in lib.related(one).coverage],
            [(c.id, c.shared_entities) for c in lib.related(two).coverage],
            one,
            two,
        )


def _explorer_piece(surname: str, given: str, father: str) -> ArticleDraft:
    """A French feature on an invented explorer and his father, who share his surname."""
    return draft(
        f"{given} {surname} : l'explorateur qui a révélé la cité de Quarnevia au monde",
        f"L'explorateur {given} {surname} a révélé au monde la cité perdue de Quarnevia, "
        f"enfouie sous les dunes du désert d'Oltrano. Fils du peintre {father} {surname}, "
        f"{surname} a passé six hivers à fouiller la vallée avant de trouver l'entrée de la "
        f"cité. Les carnets de {surname} décrivent 48 salles et des milliers d'objets. "
        f"Le musée d'Oltrano consacre une exposition à {given} {surname} et à son père "
        f"{father} {surname}, dont les dessins accompagnaient chaque expédition.",
        source="Journal du Fleuve",
        published=utc(2025, 2, 3),
        language="fr",
    )


def _singer_piece(surname: str, given: str, brother: str) -> ArticleDraft:
    """An English obituary of an invented singer and his brother, who share his surname."""
    return draft(
        f"{given} {surname}: pop singer and brother of {brother} dies aged 48",
        f"The pop singer {given} {surname} has died at the age of 48, his family said. "
        f"He was the younger brother of the guitarist {brother} {surname}, with whom he "
        f"toured for a decade. {surname} was found at his home in Brellington on Sunday. "
        f"Fans gathered outside the studio where {given} {surname} recorded his first "
        f"album, and {brother} {surname} thanked them for their messages.",
        source="Evening Star",
        published=utc(2025, 2, 3),
        language="en",
    )


def test_two_people_of_one_surname_in_two_languages_are_not_coverage(home: Path) -> None:
    # The explorer Lucien Vantrelle (and his father Gaspard) and the singer Darren Vantrelle
    # (and his brother Wesley): the same day, in two languages, one surname, four people.
    explorer = _explorer_piece("Vantrelle", "Lucien", "Gaspard")
    singer = _singer_piece("Vantrelle", "Darren", "Wesley")
    mine, theirs, one, two = _coverage(home, explorer, singer, filler(80))
    assert two not in [found for found, _ in mine]
    assert one not in [found for found, _ in theirs]


def test_the_same_people_of_one_surname_in_two_languages_are_still_coverage(
    home: Path,
) -> None:
    # The same two people in both languages: the French piece names them as the English does.
    singer = _singer_piece("Vantrelle", "Darren", "Wesley")
    hommage = draft(
        "Mort de Darren Vantrelle, chanteur pop et frère de Wesley, à 48 ans",
        "Le chanteur pop Darren Vantrelle est mort à 48 ans, a annoncé sa famille. Il était "
        "le frère cadet du guitariste Wesley Vantrelle, avec qui il a tourné pendant dix ans. "
        "Vantrelle a été retrouvé dimanche chez lui à Brellington. Wesley Vantrelle a "
        "remercié les fans réunis devant le studio.",
        source="Journal du Fleuve",
        published=utc(2025, 2, 3),
        language="fr",
    )
    mine, theirs, one, two = _coverage(home, singer, hommage, filler(80))
    assert two in [found for found, _ in mine]
    assert one in [found for found, _ in theirs]


def _surname_only(event: Event, phrasing: int, title: str) -> ArticleDraft:
    """`french(event)` naming its person by a title and the surname alone ("M. Kantagoro")."""
    report = replace(french(event, phrasing), published=event.day)
    surname = event.person.split()[-1]
    return replace(report, body=report.body.replace(event.person, f"{title} {surname}"))


@pytest.mark.parametrize(
    ("person", "title"),
    [
        ("Moussa Kantagoro", "M."),
        ("Abdourahamane Tiani", "le général"),
        ("Aïssata Nebié-Kaboré", "Mme"),
    ],
)
def test_a_full_name_and_the_surname_alone_are_still_one_shared_person(
    home: Path, person: str, title: str
) -> None:
    event = replace(EVENTS[0], person=person)
    surname = person.split()[-1]
    en = english(event, 0)
    fr = _surname_only(event, 2, title)
    mine, theirs, one, two = _coverage(home, en, fr, filler(80))
    shared = dict(mine).get(two)
    assert shared is not None
    assert person in shared
    assert surname in (dict(theirs).get(one) or ())


def test_the_same_full_name_in_two_languages_is_still_one_shared_person(home: Path) -> None:
    event = EVENTS[1]  # Aminata Dembélé
    mine, _, _, two = _coverage(home, english(event, 1), french(event, 0), filler(80))
    shared = dict(mine).get(two)
    assert shared is not None
    assert any("Dembélé" in name for name in shared)


# -- the rule, on keys -------------------------------------------------------------------


def _clash(mine: list[tuple[str, ...]], theirs: list[tuple[str, ...]]) -> frozenset[str]:
    return clashing_surnames(given_names(mine), given_names(theirs))


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ([("hector", "marrow")], [("ines", "marrow")]),  # two given names
        ([("hector", "marrow"), ("marrow",)], [("ines", "marrow")]),  # and a later surname
        ([("hector", "marrow"), ("paul", "marrow")], [("ines", "marrow"), ("marrow",)]),
        ([("dr", "hector", "marrow")], [("ines", "marrow")]),  # a title is no given name
    ],
)
def test_full_names_whose_given_names_differ_clash(
    mine: list[tuple[str, ...]], theirs: list[tuple[str, ...]]
) -> None:
    assert _clash(mine, theirs) == {"marrow"}
    assert _clash(theirs, mine) == {"marrow"}


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ([("hector", "marrow")], [("marrow",)]),  # the surname alone
        ([("marrow",)], [("ines", "marrow")]),
        ([("hector", "marrow")], [("hector", "marrow")]),  # the same full name
        ([("h", "marrow")], [("hector", "marrow")]),  # an initial
        ([("jean-hector", "marrow")], [("hector", "marrow")]),  # a part of a hyphenated one
        ([("j-h", "marrow")], [("jean-hector", "marrow")]),  # hyphenated initials
        ([("hector", "paul", "marrow")], [("paul", "marrow")]),  # a middle name
        ([("youssouf", "marrow")], [("yusuf", "marrow")]),  # spelt otherwise
        ([("mohamed", "marrow")], [("muhammad", "marrow")]),
        ([("sarah", "marrow")], [("sara", "marrow")]),
        ([("hector", "marrow"), ("ines", "marrow")], [("ines", "marrow")]),  # one of two
        ([("mr", "marrow")], [("ines", "marrow")]),  # a title and the surname: no given name
        ([("hector", "marrow")], [("ines", "quillan")]),  # no surname in common
    ],
)
def test_compatible_or_missing_given_names_do_not_clash(
    mine: list[tuple[str, ...]], theirs: list[tuple[str, ...]]
) -> None:
    assert not _clash(mine, theirs)
    assert not _clash(theirs, mine)
