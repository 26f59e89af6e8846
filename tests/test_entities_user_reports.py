"""Entity mistakes a user found importing real news, each with sentences written for these
tests: contractions and chemical formulas taken as names, common-noun abbreviations, names
joined by "&", acronyms defined in brackets, a club opened by an acronym, a French body named
after a region."""

from __future__ import annotations

import pytest

from sahelreader.entities import recognise
from sahelreader.entities.rules import abbreviates, is_formula, never_name
from sahelreader.entities.summary import group_entities


def pairs(text: str, language: str | None = None) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in recognise(text, language)]


def names(text: str, language: str | None = None) -> set[str]:
    return {e.text for e in recognise(text, language)}


# --- contractions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Then I'm told the road to Kano is closed again.",
        "Her new single I'm Still Standing Here topped the charts in Lagos.",
        "We've Been Waiting, the farmers wrote to the governor of Kano.",
        "They'll Decide later, said the mayor of Accra.",
        "Honestly I’m surprised, You’re right, He'd Know.",
    ],
)
def test_contractions_are_never_names(text: str) -> None:
    found = names(text, "en")
    assert not any("'" in name or "’" in name for name in found), found


def test_apostrophe_names_and_elisions_stay_names() -> None:
    found = pairs("Sean O'Brien flew to N'Djamena, then to Côte d'Ivoire.", "en")
    assert ("Sean O'Brien", "person") in found
    assert ("N'Djamena", "place") in found
    assert ("Côte d'Ivoire", "place") in found
    assert ("Côte d'Ivoire", "place") in pairs("Il est rentré de Côte d'Ivoire hier.", "fr")


@pytest.mark.parametrize("word", ["I'm", "We've", "You'll", "They're", "She'd", "Don't", "I’m"])
def test_never_name_contractions(word: str) -> None:
    assert never_name(word)


@pytest.mark.parametrize("word", ["O'Brien", "N'Djamena", "D'Souza", "M23", "G20", "G5", "JNIM"])
def test_never_name_keeps_names(word: str) -> None:
    assert not never_name(word)


# --- chemical formulas and common-noun abbreviations ------------------------------------------


@pytest.mark.parametrize("word", ["CO2", "NO2", "SO2", "H2O", "CH4", "N2O", "PM10", "PM2"])
def test_formulas(word: str) -> None:
    assert is_formula(word)


@pytest.mark.parametrize(
    "word", ["M23", "G20", "F16", "COP28", "U20", "CO", "MH370", "A380", "HK01"]
)
def test_not_formulas(word: str) -> None:
    assert not is_formula(word)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le vol vers Dakar émet 95 kg de CO2 par passager.", "fr"),
        ("Levels of NO2 and SO2 near the port of Tema doubled, and CH4 leaks rose.", "en"),
        ("Fine dust (PM2.5 and PM10) over Niamey worsened in March.", "en"),
        ("Villagers near Zinder boil H2O before drinking it.", "en"),
    ],
)
def test_chemical_formulas_are_never_entities(text: str, language: str) -> None:
    found = names(text, language)
    assert not any(any(c.isdigit() for c in name) for name in found), found


def test_common_noun_abbreviations_are_not_entities() -> None:
    text = (
        "She waited two days to see a GP, then went to A&E in Leeds. Her son sat an A-level "
        "in chemistry, and his GCSE results came in August."
    )
    found = names(text, "en")
    assert found == {"Leeds"}, found


# --- names joined by "&" and acronyms defined in brackets --------------------------------------


def test_ampersand_joins_one_name_defined_by_its_acronym() -> None:
    text = "Figures from the Harbour Survey & Mapping Data (HSMD) unit show losses near Lomé."
    found = pairs(text, "en")
    assert ("Harbour Survey & Mapping Data", "organisation") in found
    assert not any(kind == "person" for _, kind in found), found


def test_acled_is_an_organisation() -> None:
    found = pairs("Acled said the attacks near Djibo had doubled.", "en")
    assert ("Acled", "organisation") in found


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("JNIM", "Jamaat Nusrat al-Islam wal-Muslimin"),
        ("ECOWAS", "Economic Community of West African States"),
        ("EI", "État islamique"),
        ("IS", "État islamique"),
        ("FLHP", "Front de libération du Haut Plateau"),
        ("UAVs", "unmanned aerial vehicles"),
    ],
)
def test_abbreviates(acronym: str, name: str) -> None:
    assert abbreviates(acronym, name)


@pytest.mark.parametrize(("acronym", "name"), [("UN", "Mali"), ("AU", "Burkina Faso")])
def test_does_not_abbreviate(acronym: str, name: str) -> None:
    assert not abbreviates(acronym, name)


@pytest.mark.parametrize(
    ("text", "language", "shown"),
    [
        (
            "Le Front de libération du Haut Plateau (FLHP) a attaqué Tessit. Selon le FLHP, "
            "deux soldats sont morts, et le FLHP promet d'autres attaques.",
            "fr",
            "FLHP",
        ),
        (
            "The Lake Basin Water Authority (LBWA) closed two dams. Officials at the Lake "
            "Basin Water Authority said the LBWA would reopen them, and the Lake Basin Water "
            "Authority would pay farmers.",
            "en",
            "Lake Basin Water Authority",
        ),
        (
            "Des combattants du groupe État islamique (IS) ont été vus près de Ménaka, où l'IS "
            "recrute.",
            "fr",
            "IS",
        ),
    ],
)
def test_acronym_defined_in_brackets_is_one_row(text: str, language: str, shown: str) -> None:
    entities = recognise(text, language)
    organisations = [g for g in group_entities(entities) if g.type == "organisation"]
    assert len(organisations) == 1, organisations
    assert organisations[0].name == shown
    assert organisations[0].count == sum(1 for e in entities if e.type == "organisation")


def test_an_acronym_next_to_another_name_stays_apart() -> None:
    text = "Ministers from Mali, ECOWAS members and Burkina Faso (AES) met in Bamako."
    rows = {g.name for g in group_entities(recognise(text, "en"))}
    assert {"Mali", "Burkina Faso"} <= rows


# --- a club opened by an acronym, a French body named after a region ---------------------------


def test_a_name_opened_by_an_acronym_is_not_a_person() -> None:
    text = "Après la pause, le HSV Lokomotiv a dominé le match et le public a applaudi."
    found = pairs(text, "fr")
    assert ("HSV Lokomotiv", "organisation") in found, found
    text = "Last season the FK Zvezda squad said the coach had left."
    assert ("FK Zvezda", "person") not in pairs(text, "en")


def test_french_body_named_after_a_region_is_one_name() -> None:
    text = "L'attaque a été revendiquée par l'État islamique dans le Haut Plateau, hier soir."
    assert ("État islamique dans le Haut Plateau", "organisation") in pairs(text, "fr")
    # a known place after "dans le" is where the body is, not part of its name
    found = pairs("Les combattants de l'État islamique dans le Sahel ont fui.", "fr")
    assert ("État islamique", "organisation") in found
    assert ("Sahel", "place") in found


def test_ampersand_between_two_people_keeps_them_apart() -> None:
    found = pairs("Photos : Moussa Keita & Aminata Traoré, pour le journal.", "fr")
    assert ("Moussa Keita & Aminata Traoré", "person") not in found
    assert ("Aminata Traoré", "person") in found


def test_and_inside_a_name_defined_by_its_acronym() -> None:
    text = "Data from the Water Access Monitor and Rainfall Record (WAMRR) show losses near Tahoua."
    found = pairs(text, "en")
    assert ("Water Access Monitor and Rainfall Record", "organisation") in found, found
    text = (
        "Selon le projet Coastal Fishing Survey and Harbour Data (Cfshd), les prises baissent. "
        "Le Cfshd publie ses chiffres chaque mois."
    )
    entities = recognise(text, "fr")
    assert ("Coastal Fishing Survey and Harbour Data", "organisation") in {
        (e.text, e.type) for e in entities
    }
    [row] = group_entities(entities)
    assert (row.name, row.count) == ("Cfshd", 3)


def test_french_body_named_after_a_region_with_du() -> None:
    text = "Des combattants de l'État islamique du Haut Plateau (EIHP) ont été vus à Ménaka."
    assert ("État islamique du Haut Plateau", "organisation") in pairs(text, "fr")


def test_a_body_in_a_region_is_not_named_after_it() -> None:
    found = pairs("Les experts de l'Unicef dans le Haut Plateau ont compté les écoles.", "fr")
    assert ("Unicef dans le Haut Plateau", "organisation") not in found, found


def test_listed_names_shaped_like_formulas_stay_names() -> None:
    found = pairs("Work on HS2 stopped near Crewe, the S4C news said.", "en")
    assert ("HS2", "organisation") in found
    assert ("S4C", "organisation") in found


def test_initials_and_title_abbreviations_before_a_name_stay_people() -> None:
    found = pairs("In the morning DCI Mary Owusu said the inquiry was over.", "en")
    assert ("Mary Owusu", "person") in found, found
    found = pairs("Later KC Ruth Mensah said the appeal would go on.", "en")
    assert ("KC Ruth Mensah", "organisation") not in found
    assert any(kind == "person" and "Ruth Mensah" in name for name, kind in found), found
    found = pairs("Back then TJ Okafor said he would stay.", "en")
    assert ("TJ Okafor", "organisation") not in found, found


def test_two_single_names_joined_by_ampersand_stay_apart() -> None:
    found = pairs("Fans cheered as Okonkwo & Mensah scored for the club in Kumasi.", "en")
    assert ("Okonkwo & Mensah", "organisation") not in found, found
