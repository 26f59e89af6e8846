"""General English mistakes found on wikigold's tune quarters (issue 14), each tested on
sentences written for these tests: the names are invented, so only the rule types them. The
lists and rules alone, plus the default recogniser where the tagger could differ."""

from __future__ import annotations

import pytest

from .entity_helpers import DEFAULT, RULES, found

# --- a name that ends with a place word is complete: "and", "to", "in" start another -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kessel County and Tamba County councils merged in 1970.",
            {("Kessel County", "place"), ("Tamba County", "place")},
        ),
        (
            "Children swim in the Dolmer Reservoir and Ambry Park every summer.",
            {("Dolmer Reservoir", "place"), ("Ambry Park", "place")},
        ),
        (
            "The branch line ran from Kessel Junction to Tamberly until 1931.",
            {("Kessel Junction", "place")},
        ),
        (
            "The final was played at Dolmer Stadium in Ambrytown last year.",
            {("Dolmer Stadium", "place"), ("Ambrytown", "place")},
        ),
    ],
)
def test_a_name_ending_with_a_place_word_does_not_run_over_a_connector(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert expected <= found(RULES, text)
    assert expected <= found(DEFAULT, text)


def test_two_people_whose_first_surname_is_a_place_word_are_not_made_places() -> None:
    text = "Goals from Ted Hill and Miles Reid sealed the win on Saturday."
    assert not {name for name, etype in found(RULES, text) if etype == "place"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "She worked for the Bank of Tamberly and Kessel for a decade.",
            "Bank of Tamberly and Kessel",
        ),
        ("He joined the Kessel and Tamba Railway as a clerk.", "Kessel and Tamba Railway"),
        (
            "A study by the Kessel Road and Transport Research Institute was cited.",
            "Kessel Road and Transport Research Institute",
        ),
        (
            "The Tamba City and Kessel District Council met on Monday.",
            "Tamba City and Kessel District Council",
        ),
    ],
)
def test_organisation_names_with_and_stay_whole(text: str, name: str) -> None:
    assert (name, "organisation") in found(RULES, text)


# --- days and aircraft are MISC: never reported as people ------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The republic marks Founders Day on 12 May with parades.", "Founders Day"),
        ("Schools close on Kesselian Unity Day, a public holiday.", "Unity Day"),
        ("Tamberly Remembrance Day falls on a Sunday this year.", "Remembrance Day"),
        ("The squadron flew the Kx-17 Stormhawk until 1990.", "Stormhawk"),
        ("Two Mi-35 Hind helicopters and an MQ-9 Reaper drone were seen near Gao.", "Hind"),
        ("The air force bought six Su-30 Flanker jets.", "Flanker"),
    ],
)
def test_days_and_aircraft_are_not_reported(text: str, words: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert not any(words in name for name, _ in found(recogniser, text))


@pytest.mark.parametrize(
    "text", ["The singer Amanda Day released a record.", "Critics praised Martin Day's novel."]
)
def test_a_person_named_day_stays_a_person(text: str) -> None:
    assert any(etype == "person" and "Day" in name for name, etype in found(RULES, text))


# --- a town, then the state or country it is in ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("In 1880 the family moved to Dalmorey, Ohio, where he trained.", "Dalmorey"),
        ("She was born near Tamberwick, Niger in 1961.", "Tamberwick"),
        ("Floods cut the road between Kessaville, Mali and the border.", "Kessaville"),
    ],
)
def test_a_town_before_its_state_or_country_is_a_place(text: str, town: str) -> None:
    assert (town, "place") in found(RULES, text)


@pytest.mark.parametrize(
    "text",
    [
        "The plan was backed by Dalmorey, Nigeria's new coach.",
        "The award went to Kessaville, Borno State governor, on Monday.",
    ],
)
def test_a_name_before_a_country_and_a_role_is_no_town(text: str) -> None:
    places = {name for name, etype in found(RULES, text) if etype == "place"}
    assert not places & {"Dalmorey", "Kessaville"}


# --- "X is a village in ...", "X, a town in ...": a definition makes a place -----------------


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Tessagou is a village in the north of the region.", "Tessagou"),
        ("Dalmorey is a small rural commune of the district.", "Dalmorey"),
        ("Kessaville was a market town on the old road.", "Kessaville"),
        ("Troops reached Ambrolé, a town near the border, on Sunday.", "Ambrolé"),
        ("Fighting spread to Tessagou Kessa, a village of herders, overnight.", "Tessagou Kessa"),
    ],
)
def test_a_name_defined_as_a_village_or_a_town_is_a_place(text: str, town: str) -> None:
    assert (town, "place") in found(RULES, text)
    assert (town, "place") in found(DEFAULT, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kessaro is a town councillor and a farmer.", "Kessaro"),
        ("Amadou Kessaro, a village chief, said the well was dry.", "Amadou Kessaro"),
    ],
)
def test_a_person_described_by_a_village_role_stays_a_person(text: str, name: str) -> None:
    assert (name, "place") not in found(RULES, text)


# --- trophies and bowls are MISC; company suffixes; halls of fame ----------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("He was a finalist for Ambermoor Trophy honours in 1970.", "Trophy"),
        ("They played in three Kessel Bowl games in a row.", "Bowl"),
    ],
)
def test_trophies_and_bowls_are_not_reported(text: str, words: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert not any(words in name for name, _ in found(recogniser, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The plant was sold to Kessel Tamba GmbH in 1999.", "Kessel Tamba GmbH"),
        ("Shares in Ambermoor AG fell 3% on Monday.", "Ambermoor AG"),
        ("The licence went to Dalmorey Mining Pty in 2004.", "Dalmorey Mining Pty"),
        (
            "He was inducted into the Kessel Badminton Hall of Fame in 1990.",
            "Kessel Badminton Hall of Fame",
        ),
    ],
)
def test_company_suffixes_and_halls_of_fame_make_organisations(text: str, name: str) -> None:
    assert (name, "organisation") in found(RULES, text)
    assert (name, "organisation") in found(DEFAULT, text)


# --- a unit's number is part of its name ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The 27 Air Division moved to Kessel Field in 1952.", "27 Air Division"),
        ("He joined 42 Commando Brigade after training.", "42 Commando Brigade"),
        ("The wing reported to the Ninth Air Force until 1945.", "Ninth Air Force"),
        ("Troops of the Third Infantry Division landed on Monday.", "Third Infantry Division"),
    ],
)
def test_a_units_number_belongs_to_its_name(text: str, name: str) -> None:
    assert (name, "organisation") in found(RULES, text)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 20 Army officers near the border.",
        "About 300 Police officers marched.",
        "The 12 Air Force jets flew over Second Battalion lines.",
    ],
)
def test_a_count_before_an_organisation_is_not_its_number(text: str) -> None:
    assert not any(name[0].isdigit() for name, _ in found(RULES, text))


# --- "de" inside a person's full name in English text -----------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("President Marcelo Tamberlo de Kessa arrived on Monday.", "Marcelo Tamberlo de Kessa"),
        ("The poem was written by Henrique Lopes de Ambrosa in 1890.", "Henrique Lopes de Ambrosa"),
    ],
)
def test_de_inside_a_full_name_in_english(text: str, person: str) -> None:
    assert (person, "person") in found(RULES, text, "en")


def test_de_after_a_french_name_stays_a_preposition() -> None:
    text = "Les partisans de Marcel Kessa de Tambali ont manifesté."
    assert ("Marcel Kessa de Tambali", "person") not in found(RULES, text, "fr")


# --- "X, a mining company in ...", "X is a Danish chain of ...": a definition makes a body ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The deal was signed by Tamberlo, a mining company based in Accra.", "Tamberlo"),
        ("Kessamart is a Danish chain of supermarkets.", "Kessamart"),
        ("Ambrolight are an English punk rock band from Leicester.", "Ambrolight"),
        ("In 1980 he started Dolmerine, his first jazz band, with friends.", "Dolmerine"),
    ],
)
def test_a_name_defined_as_a_company_or_a_band_is_an_organisation(text: str, name: str) -> None:
    assert (name, "organisation") in found(RULES, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tamberlo, a party official, said the vote was fair.", "Tamberlo"),
        ("Kessamart is a company director and a farmer.", "Kessamart"),
    ],
)
def test_a_person_described_by_a_company_role_is_no_organisation(text: str, name: str) -> None:
    assert (name, "organisation") not in found(RULES, text)


# --- capitalised words after "a"/"an" that end the phrase are a common noun -------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("As an Air Division, it guarded the coast.", "Air Division"),
        ("The college also has a Technology Centre which trains welders.", "Technology Centre"),
        ("The mill is a Registered Heritage Site in the county.", "Registered Heritage Site"),
    ],
)
def test_capitalised_common_nouns_after_a_are_not_names(text: str, words: str) -> None:
    for recogniser in (RULES, DEFAULT):
        assert not any(words in name for name, _ in found(recogniser, text))


def test_a_name_used_as_a_modifier_after_a_stays_a_name() -> None:
    text = "He was a Kessel Mining Company director for years."
    assert ("Kessel Mining Company", "organisation") in found(RULES, text)


# --- an adverb starting a sentence is no part of the name after it ---------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Apparently Kessler was wrong about the dates.", "Kessler"),
        ("Eventually Tamba Rovers won the cup.", "Tamba Rovers"),
        ("Reportedly Amadou Kessaro left the city.", "Amadou Kessaro"),
    ],
)
def test_an_adverb_at_a_sentence_start_is_not_part_of_a_name(text: str, name: str) -> None:
    names = {n for n, _ in found(RULES, text)}
    assert not any(n.startswith(text.split()[0]) for n in names)


# --- "companies like X, Y and Z", "bands such as X": each listed name is an organisation -----


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        (
            "He worked for companies like Kessacom, Tamberlo and Ambry Foods in Miami.",
            {"Kessacom", "Tamberlo", "Ambry Foods"},
        ),
        ("They toured with bands such as Dolmerine or Kessalights.", {"Dolmerine", "Kessalights"}),
        ("Lenders including Tambank and Kessa Credit cut rates.", {"Tambank", "Kessa Credit"}),
    ],
)
def test_names_listed_after_a_plural_descriptor_are_organisations(
    text: str, orgs: set[str]
) -> None:
    assert {(name, "organisation") for name in orgs} <= found(RULES, text)


def test_places_listed_after_countries_like_stay_places() -> None:
    text = "Aid went to countries like Mali and Niger last year."
    assert {("Mali", "place"), ("Niger", "place")} <= found(RULES, text)


def test_a_person_listed_after_a_plural_descriptor_stays_a_person() -> None:
    text = "The festival booked bands like David Kessler and Ambrolight this year."
    assert {("David Kessler", "person"), ("Ambrolight", "organisation")} <= found(RULES, text)
