"""Classes of mistakes the third English and French DEV batches (bench/dev/en3.json, fr3.json;
issue 14) showed, each tested on sentences written for these tests with invented names: the
lists and rules alone, and the default recogniser (the tagger types guesses)."""

from __future__ import annotations

import pytest

from .entity_helpers import DEFAULT, RULES, found


def both(text: str, language: str) -> list[set[tuple[str, str]]]:
    return [found(RULES, text, language), found(DEFAULT, text, language)]


# --- a club named "X United" in French text, and its later short mention -----------------------


@pytest.mark.parametrize(
    ("text", "club", "short"),
    [
        (
            "L'attaquant a quitté Tamberly United pour un club voisin. Tamberly a protesté.",
            "Tamberly United",
            "Tamberly",
        ),
        (
            "Le milieu de terrain de Kessa Dunes United, Jean Moubé, a marqué deux fois.",
            "Kessa Dunes United",
            None,
        ),
        (
            "Il a signé avec l'équipe de deuxième division Port Velda United. Port Velda a payé.",
            "Port Velda United",
            "Port Velda",
        ),
    ],
)
def test_french_united_club(text: str, club: str, short: str | None) -> None:
    for names in both(text, "fr"):
        assert (club, "organisation") in names
        if short:
            assert (short, "organisation") in names


@pytest.mark.parametrize(
    "text",
    [
        "Tamberly United lost at home. Fans from Tamberly and students in Tamberly were sad.",
        "Tamberly United a perdu. Les supporters restés à Tamberly sont déçus.",
    ],
)
def test_club_town_after_a_place_preposition(text: str) -> None:
    language = "fr" if " a perdu" in text else "en"
    for names in both(text, language):
        assert ("Tamberly", "organisation") not in names
        assert ("Tamberly", "place") in names


# --- French nationality nouns, capitalised: no entity, and not part of the name after them ---


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Le Tanzanien a remporté la course devant deux rivaux.", set()),
        ("Une Guatémaltèque et la Péruvienne ont été arrêtées.", set()),
        ("Pour beaucoup de Nord-Coréens, la frontière reste fermée.", set()),
        ("Pour les jeunes Sud-Africains, elle est un modèle.", set()),
        ("Le Nord-Coréen Kim Dal-so a fait défection.", {("Kim Dal-so", "person")}),
        ("Le Bissau-Guinéen Paulo Dabó a marqué deux buts.", {("Paulo Dabó", "person")}),
        ("L'Européen Marco Tessel dirige l'équipe.", {("Marco Tessel", "person")}),
    ],
)
def test_french_nationality_noun(text: str, names: set[tuple[str, str]]) -> None:
    for found_names in both(text, "fr"):
        assert found_names == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # names that end like nationality nouns stay names
        ("Julien a signé à Amiens.", {("Julien", "person"), ("Amiens", "place")}),
        ("Le Lucien de la pièce est joué par Marc Tessel.", {("Marc Tessel", "person")}),
        ("Il est né dans le Nord-Kivu.", {("Nord-Kivu", "place")}),
    ],
)
def test_french_names_ending_like_nationalities(text: str, names: set[tuple[str, str]]) -> None:
    for found_names in both(text, "fr"):
        assert names <= found_names


# --- well-known names the lists lacked: online retailers, an auction house, French TV channels,
# --- a club's French and short names, China's provinces, Australia's states --------------------


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        (
            "Shoppers compared prices on Temu before buying from Shein.",
            "en",
            {("Temu", "organisation"), ("Shein", "organisation")},
        ),
        (
            "Le tableau sera mis en vente chez Bonhams le mois prochain.",
            "fr",
            {("Bonhams", "organisation")},
        ),
        (
            "Le reportage a été diffusé sur France 2 puis repris par France 3.",
            "fr",
            {("France 2", "organisation"), ("France 3", "organisation")},
        ),
        (
            "Le FC Barcelone a battu Séville ; le Barça reste en tête.",
            "fr",
            {("FC Barcelone", "organisation"), ("Barça", "organisation"), ("Séville", "place")},
        ),
        (
            "Floods hit Sichuan and Guizhou, while Hunan escaped the rain.",
            "en",
            {("Sichuan", "place"), ("Guizhou", "place"), ("Hunan", "place")},
        ),
        (
            "Exploring Yunnan's mountain villages takes a week.",
            "en",
            {("Yunnan", "place")},
        ),
        (
            "Bushfires spread from South Australia into Western Australia overnight.",
            "en",
            {("South Australia", "place"), ("Western Australia", "place")},
        ),
    ],
)
def test_listed_well_known_names(text: str, language: str, names: set[tuple[str, str]]) -> None:
    for found_names in both(text, language):
        assert names <= found_names


# --- a French apposition or "est un(e)" defines an unknown name as a body or a place ----------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Selon Tessel Aide, une ONG locale, les prix ont doublé.", "Tessel Aide", "organisation"),
        (
            "Elle dirige Kobar Solidarité, une organisation non gouvernementale basée à Tamba.",
            "Kobar Solidarité",
            "organisation",
        ),
        (
            "Vandel Mines est une entreprise minière qui emploie 300 personnes.",
            "Vandel Mines",
            "organisation",
        ),
        ("Ils ont fui vers Tessoua Bandi, un village situé à 40 km.", "Tessoua Bandi", "place"),
        # a body's name that starts with a religion's or a nationality's adjective
        (
            "Il travaille pour Muslim Kessa Care, une ONG basée à Tamba.",
            "Muslim Kessa Care",
            "organisation",
        ),
    ],
)
def test_french_definition(text: str, name: str, kind: str) -> None:
    for names in both(text, "fr"):
        assert (name, kind) in names
        assert {n for n, _ in names if n != name and n in name} == set()  # no part of it


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a person described by a job at a body is still a person
        ("Paul Dossou, un employé de la banque de Tamba, a témoigné.", "Paul Dossou"),
        ("Mariam Tessel, une ancienne de la société, a parlé.", "Mariam Tessel"),
    ],
)
def test_french_definition_of_a_person(text: str, name: str) -> None:
    for names in both(text, "fr"):
        assert (name, "person") in names


def test_demonym_after_an_article_stays_outside_a_defined_body() -> None:
    text = "He joined the Nigerian Tessel Aid, a charity based in Lagos."
    for names in both(text, "en"):
        assert ("Tessel Aid", "organisation") in names


# --- a newsroom role ending a capitalised run is a title, not a body's name ---------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Jane Kessel, the paper's Diplomatic Affairs Editor, said the vote was close.",
            {("Jane Kessel", "person")},
        ),
        (
            "Our reporter in Tamba and Economics Editor Paul Tessel sent this report.",
            {("Tamba", "place"), ("Paul Tessel", "person")},
        ),
        (
            "The network's Chief International Correspondent, Amal Tessel, was in Kyiv.",
            {("Amal Tessel", "person"), ("Kyiv", "place")},
        ),
    ],
)
def test_editor_is_a_title(text: str, names: set[tuple[str, str]]) -> None:
    for found_names in both(text, "en"):
        assert found_names == names


# --- "Coronavirus" is a disease, never part of a name (headlines run it into one) --------------


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        (
            "Victoire du Real Madrid Coronavirus : la saison est suspendue.",
            "fr",
            {("Real Madrid", "organisation")},
        ),
        (
            "Lagos Coronavirus cases doubled in a week.",
            "en",
            {("Lagos", "place")},
        ),
    ],
)
def test_coronavirus_is_no_name(text: str, language: str, names: set[tuple[str, str]]) -> None:
    for found_names in both(text, language):
        assert found_names == names


# --- French "le virus (de) X", "la fièvre (de) X": the disease's name is no entity -------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Le virus de Kessoro a tué deux personnes au Ghana.", {("Ghana", "place")}),
        ("Une épidémie du virus Tembaru a été déclarée au Kerala.", {("Kerala", "place")}),
        ("La fièvre de Dassako touche trois villages.", set()),
        ("Le virus d'Ekoma est apparu en 1967.", set()),
    ],
)
def test_french_disease_name_is_no_entity(text: str, names: set[tuple[str, str]]) -> None:
    for found_names in both(text, "fr"):
        assert found_names == names
