"""Names an article links itself: an acronym spelling another name's initials, and an outlet
or watchdog whose last word is also a headline word ("Watch", "News").

Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from sahelreader.entities import recognise
from sahelreader.entities.rules import spells_initials
from sahelreader.entities.summary import group_entities


def _rows(text: str, language: str = "en") -> dict[str, tuple[str, int]]:
    return {g.name: (g.type, g.count) for g in group_entities(recognise(text, language))}


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("AP", "Associated Press"),
        ("MSF", "Médecins sans frontières"),
        ("ECOWAS", "Economic Community of West African States"),
        ("ICG", "International Crisis Group"),
        ("PSG", "Paris Saint-Germain"),
        ("FLA", "Front de libération de l'Azawad"),
    ],
)
def test_spells_initials(acronym: str, name: str) -> None:
    assert spells_initials(acronym, name)


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("AP", "Press Association"),  # the letters in another order
        ("UN", "UN Women"),
        ("AU", "African"),  # one word is no name to spell
        ("Ap", "Associated Press"),  # not an acronym
        ("APX", "Associated Press"),
    ],
)
def test_does_not_spell_initials(acronym: str, name: str) -> None:
    assert not spells_initials(acronym, name)


@pytest.mark.parametrize(
    ("text", "language", "name", "count"),
    [
        (
            "A police officer in Tahoua told The Associated Press that four men were held. "
            "AP reporters saw the burnt market on Friday.",
            "en",
            "Associated Press",
            2,
        ),
        (
            "L'ONG Tamakeste Santé Nord a ouvert une clinique à Abala. Selon TSN, deux cents "
            "enfants y sont soignés chaque semaine, et TSN demande des vaccins.",
            "fr",
            "TSN",
            3,
        ),
        (
            "The Sahel Farmers Federation held its congress in Dori. Delegates of the SFF "
            "elected a new chair.",
            "en",
            "Sahel Farmers Federation",
            2,
        ),
    ],
)
def test_an_acronym_of_a_name_in_the_article_is_its_row(
    text: str, language: str, name: str, count: int
) -> None:
    organisations = {n: c for n, (t, c) in _rows(text, language).items() if t == "organisation"}
    assert organisations == {name: count}


def test_two_names_spelling_one_acronym_stay_apart() -> None:
    text = (
        "The National Bar Federation protested while the Niger Bank Fund froze accounts. "
        "An NBF spokesman declined to comment."
    )
    rows = _rows(text)
    assert rows["NBF"] == ("organisation", 1)
    assert rows["National Bar Federation"] == ("organisation", 1)
    assert rows["Niger Bank Fund"] == ("organisation", 1)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A resident of Gorom-Gorom told Sahel Watch that the market was closed.", "Sahel Watch"),
        ("According to Tillia Watch, three wells were poisoned.", "Tillia Watch"),
        ("The raid was first reported by Menaka News on Sunday.", "Menaka News"),
        ("Selon Dosso News, le maire a démissionné.", "Dosso News"),
    ],
)
def test_an_outlet_or_watchdog_ending_in_watch_or_news_is_one_organisation(
    text: str, name: str
) -> None:
    language = "fr" if text.startswith("Selon") else "en"
    assert _rows(text, language).get(name, ("", 0))[0] == "organisation"


@pytest.mark.parametrize(
    "text",
    [
        "Watch: soldiers cross the river near Ayorou",
        "News: the border post at Makalondi reopens",
    ],
)
def test_watch_and_news_opening_a_headline_name_nothing(text: str) -> None:
    assert not any(
        name in ("Watch", "News") or name.startswith(("Watch ", "News ")) for name in _rows(text)
    )


def test_a_listed_outlet_keeps_its_name_after_a_nationality() -> None:
    rows = _rows("Critics call the channel the Nigerien Fox News of the junta.")
    assert "Fox News" in rows
    assert not any(name.endswith(" Fox News") for name in rows)


@pytest.mark.parametrize(
    "text",
    [
        "L'ONG Tassaght Nord a ouvert une clinique à Abala.",
        "Selon l'ONG Tassaght Nord, la clinique d'Abala est ouverte.",
    ],
)
def test_a_body_named_after_ong_is_an_organisation_even_ending_in_a_compass_word(
    text: str,
) -> None:
    rows = _rows(text, "fr")
    assert rows.get("Tassaght Nord") == ("organisation", 1)
    assert not any(name.startswith("ONG") for name in rows)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "La Mission multidimensionnelle intégrée des Nations unies pour la stabilisation "
            "au Mali a fermé sa base de Tessalit.",
            "fr",
            "Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au Mali",
        ),
        (
            "Le Haut-Commissariat des Nations unies pour les réfugiés compte 40 000 déplacés "
            "à Ouallam.",
            "fr",
            "Haut-Commissariat des Nations unies pour les réfugiés",
        ),
        (
            "The United Nations High Commissioner for Refugees counted 40,000 people in Ouallam.",
            "en",
            "United Nations High Commissioner for Refugees",
        ),
    ],
)
def test_the_long_names_of_an_equivalence_group_are_found_whole(
    text: str, language: str, name: str
) -> None:
    assert _rows(text, language).get(name, ("", 0))[0] == "organisation"


def test_a_long_name_and_its_short_form_in_brackets_are_one_row() -> None:
    text = (
        "La Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au "
        "Mali (Minusma) a quitté Kidal. La Minusma comptait 12 000 casques bleus."
    )
    organisations = {n: c for n, (t, c) in _rows(text, "fr").items() if t == "organisation"}
    assert organisations == {"Minusma": 3}


@pytest.mark.parametrize(
    "text",
    [
        "The UN refugee agency opened a camp near Ouallam.",
        "Fighters of the Islamic State group attacked Tillia.",
    ],
)
def test_other_names_that_describe_are_not_listed_whole(text: str) -> None:
    rows = _rows(text)
    assert "UN refugee agency" not in rows
    assert "Islamic State group" not in rows
