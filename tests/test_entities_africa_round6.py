"""Mistakes found on the English African DEV batch (bench/dev/africa.json), each tested on
sentences written for these tests (invented names where a rule, not a list, types them). The
lists and rules alone, plus the default recogniser where the tagger could differ."""

from __future__ import annotations

import pytest

from sahelreader.entities import Recogniser

from .entity_helpers import DEFAULT, RULES, found

# --- a listed person's surname alone (headlines name leaders by their surname) ----------------


@pytest.mark.parametrize(
    "text",
    [
        "Tinubu vows to end the fuel crisis before the rains",
        "Farmers say the plan will help Tinubu's allies in the north.",
        "Officials said Tinubu and his ministers would travel on Monday.",
    ],
)
def test_a_listed_persons_surname_alone_is_that_person(text: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert ("Tinubu", "person") in found(recogniser, text)


def test_a_users_person_gives_its_surname_too() -> None:
    recogniser = Recogniser(extra={"Amadou Kessaro": "person"}, statistical=False)
    assert ("Kessaro", "person") in found(recogniser, "Critics say Kessaro's plan failed.")


def test_a_surname_that_is_a_common_word_in_the_text_stays_unnamed() -> None:
    recogniser = Recogniser(extra={"Amadou Harbour": "person"}, statistical=False)
    names = found(recogniser, "Harbour fees rose. The harbour was closed for a week.")
    assert not any(name == "Harbour" for name, _ in names), names


# --- listed places: the Congo of Kinshasa as the BBC writes it, the Channel -----------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Fighting flared again in eastern DR Congo on Sunday.", "DR Congo"),
        ("DR Congo's army said it had retaken two villages.", "DR Congo"),
        ("Small boats kept crossing the English Channel all week.", "English Channel"),
    ],
)
def test_listed_places_of_african_news(text: str, place: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (place, "place") in found(recogniser, text)


# --- a title word that starts a body's name ("the Justice Department") ---------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The charges were filed, according to the US Justice Department.",
            "US Justice Department",
        ),
        (
            "A spokesman for the Justice Ministry in Kessarabad declined to comment.",
            "Justice Ministry",
        ),
        ("Delegates of the General Assembly voted on Tuesday.", "General Assembly"),
    ],
)
def test_a_title_word_before_an_organisation_word_names_the_body(text: str, body: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (body, "organisation") in found(recogniser, text)


def test_a_title_before_a_name_is_still_a_title() -> None:
    names = found(RULES, "Justice Amadou Kessaro ruled that General Kessaro must resign.")
    assert ("Amadou Kessaro", "person") in names
    assert ("Kessaro", "person") in names


# --- hyphenated acronyms of parties and armed groups (SPLM-IO, MDC-T) ------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("He once led the KDR-N party, a rebel group of the east.", "KDR-N"),
        ("The UMKP-IO said it would keep fighting.", "UMKP-IO"),
        ("Members of the FLDK-FOCA crossed the border on Monday.", "FLDK-FOCA"),
    ],
)
def test_a_hyphenated_acronym_is_a_body(text: str, body: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (body, "organisation") in found(recogniser, text)


def test_two_short_listed_names_joined_by_a_hyphen_are_not_one_body() -> None:
    names = found(RULES, "Talks on UK-EU trade resumed, and the USB-C plug was agreed.")
    assert not any(etype == "organisation" for _, etype in names), names


# --- a run of names that ends in a hyphenated description names nothing ----------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Her Golden Lion Award-winning film opened in Kessarabad.", "Golden Lion Award-winning"),
        ("A Kessara Valley-based militia claimed the raid.", "Kessara Valley-based"),
        ("The Harbour City-led coalition met on Friday.", "Harbour City-led"),
    ],
)
def test_a_name_run_ending_in_a_hyphenated_description_is_no_name(text: str, words: str) -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text)
        assert not any(name in words or words in name for name, _ in names), names


def test_a_hyphenated_given_name_is_still_a_name() -> None:
    assert ("Park Tae-hyung", "person") in found(
        RULES, "The singer Park Tae-hyung said he was happy."
    )


# --- verbs only people do, after an unknown name -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The nurse who walked to Europe\n\nMebrat Asfaha fled fighting in Tigray.",
            "Mebrat Asfaha",
        ),
        ("Last year Lemlem Gebrekessa resigned as head of the commission.", "Lemlem Gebrekessa"),
        ("Lemlem Gebrekessa died in hospital on Sunday, her family said.", "Lemlem Gebrekessa"),
    ],
)
def test_an_unknown_name_before_a_persons_verb_is_a_person(text: str, name: str) -> None:
    # (the tagger typed the first an organisation: the verb now settles it)
    for recogniser in (RULES, DEFAULT):
        assert (name, "person") in found(recogniser, text)


# --- unknown towns: an apposition ("X, a town in…") and a word joined to a place -------------


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Gunmen stormed Kessoumbi, a town in the north, on Friday.", "Kessoumbi"),
        ("The army reached Dangaressa, a remote village near the border.", "Dangaressa"),
        ("Twelve soldiers died in Kessoumbi and Dangaressa on Sunday.", "Dangaressa"),
    ],
)
def test_an_unknown_town_framed_as_a_place_is_a_place(text: str, town: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (town, "place") in found(recogniser, text)


def test_a_settlement_noun_before_another_noun_is_no_apposition() -> None:
    names = found(
        RULES, "Reporters met Amadou Kessaro, a village chief, and Kessaro, a city clerk."
    )
    assert not any(etype == "place" for _, etype in names), names


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Thousands fled Kessoumbi after the attack.", "Kessoumbi"),
        ("Jihadists have besieged Kessoumbi since February.", "Kessoumbi"),
        ("The army retook Dangaressa on Monday.", "Dangaressa"),
    ],
)
def test_the_object_of_a_verb_of_war_on_towns_is_a_place(text: str, town: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (town, "place") in found(recogniser, text)


# --- organisation names of the region: "People's" inside, a place its acronym covers, Katiba ---


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "A spokesman for the Kessa People's Liberation Front spoke.",
            "Kessa People's Liberation Front",
        ),
        (
            "They joined the Front for Change and Harmony in Kessaland (FCHK) in 2016.",
            "Front for Change and Harmony in Kessaland",
        ),
        ("Witnesses saw fighters of Katiba Kessoumbi near the river.", "Katiba Kessoumbi"),
    ],
)
def test_regional_organisation_names(text: str, body: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (body, "organisation") in found(recogniser, text)


def test_an_organisation_in_a_place_without_an_acronym_is_still_split() -> None:
    names = found(RULES, "They met the Harmony Party in Kessaland on Friday.")
    assert ("Harmony Party", "organisation") in names
    assert ("Kessaland", "place") in names


def test_the_gulf_of_guinea_in_french_lower_case() -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, "Les navires qui bordent le golfe de Guinée sont escortés.", "fr")
        assert ("golfe de Guinée", "place") in names


# --- titles held by a former or an elected holder, and African demonyms -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Who is President-elect Kessa Moyo, the man who won the vote?",
        "Ex-President Kessa Moyo joined the league as a partner.",
        "Prime Minister-elect Kessa Moyo arrived in the capital.",
        "Tanzanian Vice President Kessa Moyo was sworn in on Friday.",
        "The Liberian Amadou Moyo scored twice.",
    ],
)
def test_the_name_after_a_title_variant_or_a_demonym_is_the_person_alone(text: str) -> None:
    name = "Amadou Moyo" if "Amadou" in text else "Kessa Moyo"
    for recogniser in (RULES, DEFAULT):
        people = {name for name, etype in found(recogniser, text) if etype == "person"}
        assert name in people, people
        assert len(people) == 1, people


def test_a_name_after_the_and_a_demonym_is_no_persons_guess() -> None:
    names = found(RULES, "They played at the Zambian Harvest Day concert last year.")
    assert not any(etype == "person" for _, etype in names), names


# --- feed labels, headline prepositions, a place's acronym, peoples ---------------------------


def test_a_feed_items_continue_reading_label_is_not_part_of_a_name() -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, "Refugees describe how they left Kessaland Continue reading...")
        assert ("Kessaland", "place") in names or not any("Continue" in n for n, _ in names)
        assert not any("Continue" in name for name, _ in names), names


def test_a_capitalised_preposition_opening_a_headline_is_not_a_name() -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, "Kessaland's war: Inside Kessoumbi cut off from the world")
        assert not any(name.startswith("Inside") for name, _ in names), names


def test_a_places_acronym_in_brackets_is_that_place_everywhere() -> None:
    text = "Fighting spread across the Kessa Federal Republic (KFR) in May. The KFR army fled."
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text)
        assert ("KFR", "place") in names
        assert ("KFR", "organisation") not in names


def test_east_african_peoples_are_not_names() -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, "Twenty Maasai herders and Kikuyu farmers met in Kessaland.")
        assert not any(name in ("Twenty Maasai", "Maasai", "Kikuyu") for name, _ in names), names


# --- "the Malian army": a demonym and a common noun is no entity (guidelines, rule 2) ---------


@pytest.mark.parametrize(
    "text",
    [
        "The Malian army said the base had been retaken.",
        "Villagers accused the Burkinabe army of the killings.",
    ],
)
def test_a_demonym_and_a_lower_case_body_noun_is_no_entity(text: str) -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text)
        assert not any("army" in name for name, _ in names), names


def test_a_capitalised_national_army_is_still_an_organisation() -> None:
    assert ("Nigerian Army", "organisation") in found(RULES, "The Nigerian Army said so.")


def test_a_listed_surname_with_a_possessive_after_in_is_the_person() -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, "Life in Tinubu's Nigeria is hard for traders.")
        assert ("Tinubu", "person") in names
        assert ("Tinubu", "place") not in names


# --- "Secretary of State", and bodies named "X and Y Forces" after a country ---------------


def test_secretary_of_state_is_a_title() -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, "US Secretary of State Kessa Moyo warned on Friday.")
        assert ("Kessa Moyo", "person") in names
        assert not any(name.startswith("State") for name, _ in names), names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "A spokesman for the Kessaland Defense and Security Forces spoke.",
            "Kessaland Defense and Security Forces",
        ),
        (
            "Omar Kessa of the Mozambique Defence and Border Forces said so.",
            "Mozambique Defence and Border Forces",
        ),
    ],
)
def test_a_body_named_x_and_y_forces_is_one_name(text: str, body: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (body, "organisation") in found(recogniser, text)


def test_a_hyphenated_description_before_a_listed_name_is_left_out() -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, "He fled Apartheid-era South Africa in 1970.")
        assert ("South Africa", "place") in names
        assert not any(name.startswith("Apartheid") for name, _ in names), names


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Said Amadou Kessaro, a resident of Kessoumbi, after the raid.", "Kessoumbi"),
        ("Officials said Kessoumbi mayor Amadou Kessaro had fled.", "Kessoumbi"),
        ("Troops reached the outskirts of Dangaressa on Sunday.", "Dangaressa"),
    ],
)
def test_a_town_framed_by_its_residents_mayor_or_outskirts(text: str, town: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert (town, "place") in found(recogniser, text)


def test_sahel_towns_of_the_news_are_listed() -> None:
    names = found(RULES, "Attacks hit Koutiala, Tessit, Talataye, Bosso and Téra this year.")
    for town in ("Koutiala", "Tessit", "Talataye", "Bosso", "Téra"):
        assert (town, "place") in names
