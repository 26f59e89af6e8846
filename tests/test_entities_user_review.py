"""Mistakes a new user's review found on real news (MasakhaNEWS, a 2025 multi-outlet snapshot,
BBC/CNN/Guardian RSS), each class tested on sentences written for these tests with invented
names: the lists and rules alone, and the default recogniser (the tagger types guesses)."""

from __future__ import annotations

import pytest

from .entity_helpers import DEFAULT, RULES, found


def both(text: str, language: str) -> list[set[tuple[str, str]]]:
    return [found(RULES, text, language), found(DEFAULT, text, language)]


# --- French "État" (the state) is a common noun, capitalised by convention --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le porte-parole du département d'État, Karim Dessal, a démenti l'information.",
        "La junte de Tessara a conduit le coup d'Etat qui a renversé le président.",
        "Ils accusent la ministre de défier l'autorité de l'Etat. Elle a répondu lundi.",
        "Le gouvernement de l'État a plafonné le prix du riz. L'État a fait appel.",
        "La Kessarie figure sur la liste des États qui soutiennent le terrorisme.",
        "Le président a été renversé lors d'un coup d'État en mai, le deuxième en un an.",
        "Le texte entre en vigueur au sein d'un État membre. Un autre État a protesté.",
    ],
)
def test_etat_alone_is_no_entity(text: str) -> None:
    for names in both(text, "fr"):
        assert not any(
            name.split()[0] in {"État", "Etat", "États", "Etats"} for name, _ in names
        ), names


def test_etat_does_not_start_the_name_after_it() -> None:
    for names in both("Il sera présidé par l'ancien chef d'Etat Amadou Kessoumba.", "fr"):
        assert ("Amadou Kessoumba", "person") in names
    for names in both("Le conseil est présidé par le chef de l'État, Issa Tamboura.", "fr"):
        assert ("Issa Tamboura", "person") in names


def test_listed_names_with_etat_keep_their_type() -> None:
    for names in both("L'État islamique a revendiqué l'attaque; les États-Unis ont réagi.", "fr"):
        assert ("État islamique", "organisation") in names
        assert ("États-Unis", "place") in names


# --- a country's other names in the places' equivalence table are places ----------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("La RCA souffre d'un conflit depuis 2013, selon Paul Kessoumba.", "RCA"),
        ("Après la chute de l'URSS, la Kessarie a déclaré son indépendance.", "URSS"),
        ("Les EAU ont signé un accord avec la Kessarie mardi.", "EAU"),
    ],
)
def test_a_listed_country_acronym_is_a_place(text: str, name: str) -> None:
    for names in both(text, "fr"):
        assert (name, "place") in names


# --- a name does not run across "on" into a listed organisation (where to follow it) ----------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Find Kessex News: East of Kessex on Facebook, Instagram and X.",
            "East of Kessex",
            "place",
        ),
        (
            "Why not follow Radio Isle of Tamba on Twitter and Facebook?",
            "Radio Isle of Tamba",
            None,
        ),
        ("Follow the Bank of Kessex on Instagram for updates.", "Bank of Kessex", "organisation"),
    ],
)
def test_a_name_stops_before_on_and_a_listed_organisation(
    text: str, name: str, kind: str | None
) -> None:
    for names in both(text, "en"):
        assert not any(" on " in found_name for found_name, _ in names), names
        if kind:
            assert (name, kind) in names


# --- a news outlet's regional edition is one organisation, not a place -------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Follow BBC East Tamba on Facebook. In East Tamba, a school closed.", "BBC East Tamba"),
        ("Follow BBC News South Kessex on Twitter.", "BBC News South Kessex"),
        ("The mayor told BBC Scotland that Kessel Bridge will reopen.", "BBC Scotland"),
        ("Follow BBC Kessexshire on Facebook. Kessexshire is big.", "BBC Kessexshire"),
        ("Le maire a déclaré à BBC Afrique de l'Ouest que le pont rouvrira.", "BBC Afrique"),
    ],
)
def test_an_outlet_edition_is_an_organisation(text: str, name: str) -> None:
    language = "fr" if " le " in text else "en"
    for names in both(text, language):
        assert (name, "organisation") in names, names


def test_another_organisation_before_a_place_is_not_an_edition() -> None:
    for names in both("The EU Niger deal was signed by the Ecowas Mali envoy.", "en"):
        assert ("Niger", "place") in names and ("Mali", "place") in names


# --- a first name and a surname that is also a place word is a person --------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jenny Woods won the tournament by three shots.", "Jenny Woods"),
        ("The show was co-written by comedian Harold Hill.", "Harold Hill"),
        ("Selon la psychologue Abigail Marsh, le terme est mal compris.", "Abigail Marsh"),
        ("It's like Tiger Woods losing a major.", "Tiger Woods"),
    ],
)
def test_first_name_and_place_word_surname_is_a_person(text: str, name: str) -> None:
    language = "fr" if "Selon" in text else "en"
    for names in both(text, language):
        assert (name, "person") in names, names


def test_a_place_word_after_a_name_that_is_no_first_name_stays_a_place() -> None:
    for names in both("The fire spread through Kessel Woods and Tamba Hill overnight.", "en"):
        assert ("Kessel Woods", "place") in names and ("Tamba Hill", "place") in names


# --- one-word award names are MISC, not people or places ---------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kessa Tamboura won an Oscar for the role, then a Bafta and two Emmys.", "en"),
        ("The three-time Oscar nominee Kessa Tamboura has died.", "en"),
        ("It was the longest run in Grammy history, ahead of the Baftas.", "en"),
        ("Le réalisateur, lauréat d'un Oscar, a présenté son film à Kessoumba.", "fr"),
    ],
)
def test_an_award_is_no_entity(text: str, language: str) -> None:
    awards = {"Oscar", "Oscars", "Bafta", "Baftas", "Emmys", "Grammy"}
    for names in both(text, language):
        assert not any(name in awards for name, _ in names), names


def test_a_person_named_like_an_award_stays_a_person() -> None:
    for names in both("Oscar, 12, wants to become a pilot, his mother said.", "en"):
        assert ("Oscar", "person") in names
    for names in both("Oscar Kessaba won the Oscar for best actor.", "en"):
        assert names == {("Oscar Kessaba", "person")}


# --- a common phrase is not a name --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The attacker shouted Allahu Akbar before Kessel Tamba was arrested.", "en"),
        ("Des hommes ont crié « Allahou Akbar » à Kessoumba, selon des témoins.", "fr"),
    ],
)
def test_the_takbir_is_no_name(text: str, language: str) -> None:
    for names in both(text, language):
        assert not any("Akbar" in name for name, _ in names), names


# --- a title's word after "in" is not a place ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The appeal Kessel Children in Need raised millions for children in need.", "Need"),
        ("She spoke on the Women In Sport podcast about women in sport.", "Sport"),
        ("The Tamba Pacers beat the Knicks in Game 4; the game was close.", "Game"),
    ],
)
def test_a_title_word_after_in_is_not_a_place(text: str, word: str) -> None:
    for names in both(text, "en"):
        assert (word, "place") not in names, names


def test_an_unknown_place_after_in_still_is_one() -> None:
    for names in both("Floods hit Kessoumba. Aid reached families in Tessalit on Monday.", "en"):
        assert ("Tessalit", "place") in names


# --- a listed place run into a person's name is a place, then the person -------------------------


@pytest.mark.parametrize(
    ("text", "language", "place", "person"),
    [
        (
            "Lire aussi : le Niger battu par Togo Kessio Vantara victime du racisme.",
            "fr",
            "Togo",
            "Kessio Vantara",
        ),
        (
            "L'accusation du gouverneur de Kinshasa Gentano Mbelika a été rejetée.",
            "fr",
            "Kinshasa",
            "Gentano Mbelika",
        ),
    ],
)
def test_a_country_then_a_name_is_split(text: str, language: str, place: str, person: str) -> None:
    names = found(DEFAULT, text, language)
    assert (place, "place") in names and (person, "person") in names, names


# --- a French compass word ends the place before it and is never a person ------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("L'Irlande du Nord a enregistré 18 décès, selon Kessa Tamboura.", "Irlande du Nord"),
        ("Ce que Kessel a fait en ce qui concerne l'Europe de l'Est a surpris.", "Europe de l'Est"),
        ("Le virus touche l'Asie du Sud-Est depuis mai.", "Asie du Sud-Est"),
    ],
)
def test_a_compass_word_ends_the_place(text: str, place: str) -> None:
    for names in both(text, "fr"):
        assert (place, "place") in names, names
        assert not any(
            kind == "person" and name in {"Nord", "Est", "Sud-Est"} for name, kind in names
        )


def test_a_compass_word_alone_is_not_a_person() -> None:
    for names in both("Pendant ce temps, Nord a annoncé des mesures.", "fr"):
        assert ("Nord", "person") not in names, names


def test_the_bbc_charity_appeals_are_listed_organisations() -> None:
    for names in both(
        "Kessa Tamboura walked 30 miles for Children in Need and Comic Relief.", "en"
    ):
        assert ("Children in Need", "organisation") in names
        assert ("Comic Relief", "organisation") in names
        assert ("Need", "place") not in names
