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


# --- D8: an acronym in brackets after a name, in another language's word order ---------------


def _rows(text: str, language: str) -> dict[str, int]:
    from sahelreader.entities.summary import group_entities

    entities = DEFAULT.recognise(text, language)
    return {
        group.name: group.count
        for group in group_entities(entities)
        if group.type == "organisation"
    }


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # English initials of a French name: "Tessara Liberation Front" -> TLF
        ("Le Front de libération du Tessara (TLF) a attaqué Dori. Selon le TLF, dix soldats.", 3),
        # French initials of an English name: "Front patriotique de Kessoumba" -> FPK
        ("The Kessoumba Patriotic Front (FPK) said on Monday that FPK fighters had left.", 3),
    ],
)
def test_an_acronym_in_brackets_is_the_name_before_it_whatever_its_word_order(
    text: str, count: int
) -> None:
    rows = _rows(text, "fr" if text.startswith("Le ") else "en")
    assert len(rows) == 1 and sum(rows.values()) == count, rows


def test_an_unrelated_acronym_after_a_comma_stays_apart() -> None:
    rows = _rows("Les soldats de l'Union africaine, l'ONU et la CEDEAO sont arrivés à Dori.", "fr")
    assert len(rows) == 3, rows


def test_is_and_ei_are_the_islamic_state_not_its_provinces() -> None:
    from sahelreader.entities.equivalents import bundled_equivalences

    same = bundled_equivalences()
    state = same.key("organisation", "Islamic State")
    for name in ("IS", "EI", "État islamique", "l'EI", "Daech"):
        assert same.key("organisation", name) == state, name
    for province in ("EIGS", "ISWAP", "État islamique au Grand Sahara"):
        assert same.key("organisation", province) != state, province


# --- D6: English titles, party leaders, demonyms, places joined by "and" --------------------


@pytest.mark.parametrize(
    "text",
    [
        "First Minister of Wales, Gwenllian Pryce, promised a review.",
        "The Governor of Kessa State, Amina Bridge, visited the camp.",
        "Chief Minister of Ontario, Agnes Hill, said the plan would fail.",
    ],
)
def test_a_name_after_a_title_of_a_place_and_a_comma_is_a_person(text: str) -> None:
    name = text.split(", ")[1]
    for names in both(text, "en"):
        assert (name, "person") in names, names


@pytest.mark.parametrize(
    ("text", "party", "person"),
    [
        ("Social Liberal leader Tom Brackley agreed.", "Social Liberal", "Tom Brackley"),
        (
            "On Monday, Green Unionist leader Moira Tennant resigned.",
            "Green Unionist",
            "Moira Tennant",
        ),
    ],
)
def test_a_party_before_leader_is_an_organisation(text: str, party: str, person: str) -> None:
    for names in both(text, "en"):
        assert (party, "organisation") in names, names
        assert (person, "person") in names, names


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Labour MP Aisha Fenwick resigned on Friday.", "Aisha Fenwick"),
        ("The vote was lost, as did Green MP Tobias Parish.", "Tobias Parish"),
        ("The motion was read by Presiding Officer Gwyneth Morfydd.", "Gwyneth Morfydd"),
        ("Peruvian Marcelo Quispe won the final in Lima.", "Marcelo Quispe"),
        ("He beat Cypriot Andreas Kyprianou in the final.", "Andreas Kyprianou"),
        ("She then faced Ecuadorian Lucía Arboleda.", "Lucía Arboleda"),
    ],
)
def test_a_title_or_demonym_is_not_part_of_the_name(text: str, person: str) -> None:
    for names in both(text, "en"):
        assert (person, "person") in names, names


def test_two_places_joined_by_and_stay_places() -> None:
    for names in both("The firm has warehouses in Swindon and Milton Keynes.", "en"):
        assert ("Milton Keynes", "place") in names, names


# --- D7: French listed names keep their type; a sentence's function word ends a name ---------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Il a rejoint le premier cercle de Poutine en 2012.", "Poutine", "person"),
        ("Le préparateur installé en Tamberlo a répondu aux questions.", "Tamberlo", "place"),
        ("La joueuse formée en Kessoumbo a gagné la finale.", "Kessoumbo", "place"),
    ],
)
def test_french_names_keep_their_type_after_de_and_en(text: str, name: str, kind: str) -> None:
    for names in both(text, "fr"):
        assert (name, kind) in names, names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Les otages de Diffa En 2019, des hommes armés ont enlevé dix personnes.", "Diffa"),
        ("Les supporters de Kano Presque tous sont repartis déçus.", "Kano"),
        ("Le sommet de Niamey Jusqu'à présent, rien n'a filtré.", "Niamey"),
        ("Les réfugiés de Zinder Selon le HCR, ils sont plus de mille.", "Zinder"),
    ],
)
def test_a_french_function_word_opening_a_sentence_ends_the_name(text: str, name: str) -> None:
    for names in both(text, "fr"):
        assert (name, "place") in names, names


def test_a_person_after_a_place_and_and_stays_a_person() -> None:
    for names in both("The talks in Lagos and Ibrahim Kessoumbo both failed.", "en"):
        assert ("Ibrahim Kessoumbo", "person") in names, names
