"""Who is quoted, for phrasings the extractor missed (cite13): a role holding where it is held
("our correspondent in Gao, X,"), an outlet's possessive ("BBC Afrique's X said"), verbs of
reporting ("a constaté", "relate", "observed that"), a person and the body they speak for ("X of
the Policy Center for the New South said") and a surname that is also a town's ("Adama Kaya").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from sahelreader.sources import extract_citations


def found(text: str, language: str) -> dict[str, str]:
    return {c.name: c.kind for c in extract_citations(text, language)}


def person(prefix: str, text: str, language: str) -> tuple[str, str]:
    hits = [(name, kind) for name, kind in found(text, language).items() if name.startswith(prefix)]
    assert hits, found(text, language)
    return hits[0]


# 1. a role holding "in <place>" before the name: the outlet's own reporter, with the role
@pytest.mark.parametrize(
    ("text", "language", "who", "role"),
    [
        (
            "Our correspondent in Maradi, Salamatou Garba, said the market stayed shut.",
            "en",
            "Salamatou Garba",
            "correspondent in Maradi",
        ),
        (
            "Our East Africa reporter in Nairobi, Daniel Kiprop, said talks resumed.",
            "en",
            "Daniel Kiprop",
            "reporter in Nairobi",
        ),
        (
            "Notre correspondant à Dosso, Hassane Amadou, a expliqué que le pont était coupé.",
            "fr",
            "Hassane Amadou",
            "correspondant à Dosso",
        ),
        (
            "Our special envoy in Menaka, Louise Girard, said the camp was full.",
            "en",
            "Louise Girard",
            "envoy in Menaka",
        ),
    ],
)
def test_a_role_held_in_a_place_makes_our_reporter(
    text: str, language: str, who: str, role: str
) -> None:
    name, kind = person(who, text, language)
    assert kind == "reporter"
    assert role in name
    assert not [k for k in found(text, language).values() if k in ("outlet", "agency")]


# 2. an outlet's possessive before its journalist: the journalist and the outlet are cited
@pytest.mark.parametrize(
    ("text", "who", "outlet"),
    [
        (
            "BBC Hausa's Musa Abdullahi said the road to Kano was open.",
            "Musa Abdullahi",
            "BBC Hausa",
        ),
        (
            "The BBC's Sahel correspondent Fiona Grant reported that fighting had stopped.",
            "Fiona Grant",
            "BBC",
        ),
        (
            "Al Jazeera's Omar Farouk, speaking from Agadez, said it was calm.",
            "Omar Farouk",
            "Al Jazeera",
        ),
        ("Prices doubled, Reuters' Kemi Adeyemi wrote from Lagos.", "Kemi Adeyemi", "Reuters"),
    ],
)
def test_an_outlets_possessive_names_its_reporter(text: str, who: str, outlet: str) -> None:
    assert person(who, text, "en")[1] == "reporter"
    assert outlet in found(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Al Jazeera's studio in Doha was evacuated, officials said.",
        "The BBC's licence fee was frozen last year.",
        "Our correspondent's phone was seized at the border.",
    ],
)
def test_an_outlets_possessive_without_its_journalist_cites_nothing(text: str) -> None:
    assert not [k for k in found(text, "en").values() if k in ("outlet", "reporter")]


def test_an_outlets_manager_is_no_reporter() -> None:
    text = "The BBC's director of news Hannah Lowe said the cuts were needed."
    assert person("Hannah Lowe", text, "en")[1] == "official"
    assert "BBC" not in found(text, "en")


# 3. verbs of reporting, French and English, before and after the speaker
@pytest.mark.parametrize(
    ("text", "language", "who", "kind"),
    [
        (
            "Notre envoyée spéciale Anne Roux a constaté des files d'attente.",
            "fr",
            "Anne Roux",
            "reporter",
        ),
        (
            "Notre correspondante à Zinder, Rabi Issoufou, rapporte des coupures d'eau.",
            "fr",
            "Rabi Issoufou",
            "reporter",
        ),
        (
            "Le préfet de Kaya, Jean Ouédraogo, relate l'attaque du convoi.",
            "fr",
            "Jean Ouédraogo",
            "official",
        ),
        (
            "« Personne n'est venu », constate Fati Maïga, institutrice.",
            "fr",
            "Fati Maïga",
            "official",
        ),
        ("Le maire Ali Touré a relaté les faits aux notables.", "fr", "Ali Touré", "official"),
        (
            "« Tout a brûlé », observe Moussa Cissé, habitant de Gao.",
            "fr",
            "Moussa Cissé",
            "official",
        ),
        (
            "Doctor Amina Yusuf observed that the clinic had no fuel.",
            "en",
            "Amina Yusuf",
            "official",
        ),
        (
            "\u201cThe wells are dry,\u201d remarked Halima Sani, a herder.",
            "en",
            "Halima Sani",
            "official",
        ),
        ("Senator Ahmed Lawan remarked that the bill was late.", "en", "Ahmed Lawan", "official"),
    ],
)
def test_verbs_of_reporting(text: str, language: str, who: str, kind: str) -> None:
    assert person(who, text, language)[1] == kind


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le colonel Diarra observe une trêve depuis lundi.", "fr"),
        ("General Musa Bello observed a minute of silence at the base.", "en"),
        ("Les habitants de Dori, Kaya et Djibo ont constaté des pannes.", "fr"),
    ],
)
def test_observing_is_no_saying(text: str, language: str) -> None:
    assert not [k for k in found(text, language).values() if k in ("official", "reporter")]


# 4. a person and the body they speak for, the body's name whole
@pytest.mark.parametrize(
    ("text", "who", "body"),
    [
        (
            "Awa Sissoko of the Policy Center for the New South said trade had slowed.",
            "Awa Sissoko",
            "Policy Center for the New South",
        ),
        (
            "Researcher Yacouba Dao of Chatham House noted that the junta had few allies.",
            "Yacouba Dao",
            "Chatham House",
        ),
        (
            "Mariama Keita from the Sahel Research Group told reporters the data was thin.",
            "Mariama Keita",
            "Sahel Research Group",
        ),
        (
            "Dr Oumar Ba at the Timbuktu Institute said recruitment had grown.",
            "Oumar Ba",
            "Timbuktu Institute",
        ),
    ],
)
def test_a_person_of_a_body(text: str, who: str, body: str) -> None:
    name, kind = person(who, text, "en")
    assert kind == "official"
    assert body in name
    assert not [n for n in found(text, "en") if n.startswith(("New South", "Research Group"))]


@pytest.mark.parametrize(
    "text",
    [
        "He was a scholar of Chatham House fame.",
        "The National Museum of Niger announced new opening hours.",
        "Chief Executive of the Regional Health Board, Dr Salif Kane, said beds were short.",
    ],
)
def test_a_body_is_no_person(text: str) -> None:
    names = found(text, "en")
    assert not [n for n, k in names.items() if k == "official" and not n.startswith("Salif Kane")]


# 5. a surname that is also a place's, after a role and a comma
@pytest.mark.parametrize(
    ("text", "language", "who", "role"),
    [
        (
            "Le maire de Fada, Boureima Dori, a affirmé que l'eau manquait.",
            "fr",
            "Boureima Dori",
            "maire",
        ),
        (
            "The governor of Zinder, Issoufou Tahoua, said schools would reopen.",
            "en",
            "Issoufou Tahoua",
            "governor",
        ),
        (
            "La ministre de l'Éducation, Mariam Gao, a annoncé la rentrée.",
            "fr",
            "Mariam Gao",
            "ministre",
        ),
    ],
)
def test_a_surname_that_is_a_place(text: str, language: str, who: str, role: str) -> None:
    name, kind = person(who, text, language)
    assert kind == "official"
    assert role in name


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le gouverneur s'est rendu à Djibo, Kaya et Dori, a indiqué la radio.", "fr"),
        ("Convoys left Niamey, Tahoua, and Agadez, officials said.", "en"),
    ],
)
def test_places_in_a_list_are_no_people(text: str, language: str) -> None:
    assert not [n for n, k in found(text, language).items() if k == "official" and " " in n]
