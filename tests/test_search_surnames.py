"""A known person's surname is searched whole, as one-word place names are: the French stemmer
made "Touré" "tour" and "Tiani" "tian", so a search for Touré listed golf tours and one for
Tiani a zoo's pandas "Tian Tian" above the general (review 14).

Every article here is written for these tests."""

from __future__ import annotations

import pytest

from sahelreader.library import Library

from .conftest import draft

ARTICLES = [
    draft(
        "Cycling tour reaches Koudougou",
        "The cycling tour reached Koudougou on its fourth stage; riders toured the market.",
        source="Sahel Wire",
        language="en",
    ),
    draft(
        "Le tour de ville des élus",
        "Les élus ont fait le tour de la ville et des tours de garde ont été organisés.",
        source="Radio Sahel",
        language="fr",
    ),
    draft(
        "Hommage à l'ancien président Touré",
        "Bamako a rendu hommage à Amadou Toumani Touré. Touré avait dirigé le pays dix ans.",
        source="Radio Sahel",
        language="fr",
    ),
    draft(
        "Zoo twins named Tian and Lian",
        "The zoo named its twin cubs Tian and Lian after a public vote.",
        source="Sahel Wire",
        language="en",
    ),
    draft(
        "Le général Tiani reçoit les chefs coutumiers",
        "Le général Abdourahamane Tiani a reçu les chefs coutumiers à Niamey.",
        source="Radio Sahel",
        language="fr",
    ),
    draft(
        "Koné signe à Lyon",
        "Le défenseur Modibo Koné a signé à Lyon; les cônes du terrain étaient neufs.",
        source="Radio Sahel",
        language="fr",
    ),
]


@pytest.fixture
def people(library: Library) -> Library:
    assert not library.add_drafts(ARTICLES).failed
    library.ensure_index()
    return library


def titles(library: Library, query: str) -> set[str]:
    return {hit.title for hit in library.search(query, limit=None).hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Touré", {"Hommage à l'ancien président Touré"}),
        ("toure", {"Hommage à l'ancien président Touré"}),
        ("Tiani", {"Le général Tiani reçoit les chefs coutumiers"}),
        ("tour", {"Cycling tour reaches Koudougou", "Le tour de ville des élus"}),
        ("tian", {"Zoo twins named Tian and Lian"}),
    ],
)
def test_a_known_surname_is_not_stemmed_into_another_word(
    people: Library, query: str, expected: set[str]
) -> None:
    assert titles(people, query) == expected


def test_a_surname_still_matches_itself_in_a_field_and_a_phrase(people: Library) -> None:
    assert titles(people, 'person:"Amadou Toumani Touré"') == {"Hommage à l'ancien président Touré"}
    assert titles(people, '"Modibo Koné"') == {"Koné signe à Lyon"}
    assert titles(people, "title:Tiani") == {"Le général Tiani reçoit les chefs coutumiers"}
