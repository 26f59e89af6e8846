"""Review 12's entity defects (issue 14), each class tested on sentences written for these
tests with invented people: the lists and rules alone, and the default recogniser."""

from __future__ import annotations

import pytest

from .entity_helpers import DEFAULT, RULES, found


def both(text: str, language: str) -> list[set[tuple[str, str]]]:
    return [found(RULES, text, language), found(DEFAULT, text, language)]


# --- D1: a listed outlet, then the person quoted by it ---------------------------------------


@pytest.mark.parametrize(
    (
        "text",
        "outlet",
        "person",
    ),
    [
        (
            "« Non », a confié à la BBC Wiesława Kordecka, juriste.",
            "BBC",
            "Wiesława Kordecka",
        ),
        (
            "« Jamais », a dit à Reuters Teodoro Villacampa, économiste.",
            "Reuters",
            "Teodoro Villacampa",
        ),
        (
            "« Peut-être », raconte à BBC Mundo Eulalia Ferrandis, chercheuse.",
            "BBC Mundo",
            "Eulalia Ferrandis",
        ),
        (
            "« Bien sûr », indique à BBC News Afrique Ousseini Garba, chercheur.",
            "BBC News Afrique",
            "Ousseini Garba",
        ),
        (
            "« Déjà », confie à l'AFP Radoslav Vukelic, porte-parole du parti.",
            "AFP",
            "Radoslav Vukelic",
        ),
    ],
)
def test_an_outlet_ends_where_its_listed_name_ends_before_a_quoted_person(
    text: str, outlet: str, person: str
) -> None:
    for names in both(text, "fr"):
        assert (outlet, "organisation") in names, names
        assert (person, "person") in names, names


def test_an_english_outlet_before_a_quoted_person() -> None:
    text = (
        '"It will not last," a farmer told Reuters. Speaking to Reuters Ingrid Halvorsen, agreed.'
    )
    for names in both(text, "en"):
        assert ("Ingrid Halvorsen", "person") in names, names
        assert ("Reuters", "organisation") in names, names


def test_an_outlet_edition_stays_one_organisation() -> None:
    # (not a person after the outlet: its regional edition or show stays whole)
    for names in both("Elle a parlé à BBC Afrique hier, puis à BBC East Midlands.", "fr"):
        assert ("BBC Afrique", "organisation") in names, names
