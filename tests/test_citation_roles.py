"""Who a quoted person is: an outlet's journalist is a reporter, not an official; an anonymous
source ("a security source", "selon des sources concordantes") names nobody and is not listed
(review 12 defect 14). Sentences written for these tests."""

from __future__ import annotations

import pytest

from sahelreader.sources import extract_citations


def kinds(text: str, language: str) -> dict[str, str]:
    return {c.name: c.kind for c in extract_citations(text, language)}


def kind_of(person: str, text: str, language: str) -> str:
    found = [k for name, k in kinds(text, language).items() if name.startswith(person)]
    assert found, kinds(text, language)
    return found[0]


@pytest.mark.parametrize(
    ("text", "language", "person"),
    [
        (
            "Aïcha Maïga, correspondante de Radio Kledu à Sikasso, affirme que le pont a cédé.",
            "fr",
            "Aïcha Maïga",
        ),
        (
            "« Les écoles restent fermées », a raconté Boubacar Cissé, journaliste de "
            "l'ORTM à Mopti.",
            "fr",
            "Boubacar Cissé",
        ),
        (
            "Fatou Diop, a reporter for Al Jazeera in Dakar, said the crowd was growing.",
            "en",
            "Fatou Diop",
        ),
        (
            "The strike was unexpected, said Peter Okello, East Africa correspondent of "
            "the Financial Times.",
            "en",
            "Peter Okello",
        ),
        ("AP journalist Omar Sylla said the road was blocked.", "en", "Omar Sylla"),
    ],
)
def test_an_outlets_journalist_quoted_is_a_reporter(text: str, language: str, person: str) -> None:
    assert kind_of(person, text, language) == "reporter"


@pytest.mark.parametrize(
    ("text", "language", "person"),
    [
        ("Le ministre de la Communication, Idrissa Koné, a démenti.", "fr", "Idrissa Koné"),
        ("Regional governor Hassan Bello said the curfew would stay.", "en", "Hassan Bello"),
        # a journalist in the role's complement is someone else
        (
            "Mariam Touré, the sister of a detained journalist, said the trial was unfair.",
            "en",
            "Mariam Touré",
        ),
        ("Landscape photographer Kofi Mensah said the dunes had moved.", "en", "Kofi Mensah"),
        # an envoy is an official, unless he is "ours" or an outlet's
        (
            "L'envoyé spécial de l'Union africaine, Pierre Buyoya, a déclaré que le dialogue "
            "reprendrait.",
            "fr",
            "Pierre Buyoya",
        ),
    ],
)
def test_an_official_stays_an_official(text: str, language: str, person: str) -> None:
    assert kind_of(person, text, language) == "official"


@pytest.mark.parametrize(
    ("text", "language", "person"),
    [
        (
            "Notre envoyée spéciale Clarisse Kaboré a déclaré que le camp était vide.",
            "fr",
            "Clarisse",
        ),
        ("Un photographe de l'AFP, Yacouba Ba, a déclaré que la foule fuyait.", "fr", "Yacouba Ba"),
    ],
)
def test_an_envoy_or_photographer_is_a_reporter_when_an_outlet_sent_them(
    text: str, language: str, person: str
) -> None:
    assert kind_of(person, text, language) == "reporter"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("D'après des sources hospitalières, quinze blessés ont été admis.", "fr"),
        ("Des sources militaires ont confirmé la frappe aérienne dimanche.", "fr"),
        ("La route est coupée, selon une source proche de la gendarmerie.", "fr"),
        ("Several humanitarian sources said the camp was overcrowded.", "en"),
        ("The deal is close, according to diplomatic sources.", "en"),
    ],
)
def test_an_anonymous_source_is_no_named_official(text: str, language: str) -> None:
    assert kinds(text, language) == {}


def test_an_anonymous_source_beside_an_outlet_leaves_the_outlet() -> None:
    found = kinds("Trois gendarmes ont été tués, ont indiqué des sources locales à RFI.", "fr")
    assert found == {"Radio France Internationale": "outlet"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The clinic is full, said Awa Ndiaye, regional health director for Kayes.",
            "en",
            "Awa Ndiaye, regional health director for Kayes",
        ),
        (
            "« Le pont est coupé », explique Ali Sidibé, ancien maire de Sévaré.",
            "fr",
            "Ali Sidibé, ancien maire de Sévaré",
        ),
        # a verb is no role: the person is named alone
        (
            "Les ventes ont doublé, selon Hawa Coulibaly, était directrice du marché en 2019.",
            "fr",
            "Hawa Coulibaly",
        ),
    ],
)
def test_a_role_after_the_name_may_start_with_modifiers(
    text: str, language: str, expected: str
) -> None:
    # the role after a speaker named after the verb was read only when it began with an article
    # or the role's noun ("said X, regional health director" gave "X" alone)
    assert expected in kinds(text, language), kinds(text, language)


@pytest.mark.parametrize(
    ("text", "language", "person", "shown"),
    [
        (
            "« Nous serons moins nombreux l'an prochain », a déclaré le général Paul Ardent, "
            "qui commande la force militaire régionale. Des départs sont prévus.",
            "fr",
            "Paul Ardent",
            "Paul Ardent, général",
        ),
        (
            "« Le pont tiendra », a assuré l'ingénieure Awa Tall, qui suit le chantier pour "
            "le ministère. Les travaux reprennent lundi.",
            "fr",
            "Awa Tall",
            "Awa Tall",
        ),
        (
            '"The convoy left at dawn," said Colonel Musa Bello, who leads the army unit in '
            "the region. Roads were closed.",
            "en",
            "Musa Bello",
            "Musa Bello, colonel",
        ),
    ],
)
def test_a_relative_clause_after_the_name_is_not_the_role(
    text: str, language: str, person: str, shown: str
) -> None:
    # "le général X, qui commande la mission militaire…" was shown as "X, qui commande la
    # mission militaire…": a role word inside the clause ("militaire", "ministère") made the
    # whole clause the role.
    names = [c.name for c in extract_citations(text, language) if c.name.startswith(person)]
    assert names and names[0].startswith(shown)
    assert not any(" qui " in name or " who " in name for name in names)


@pytest.mark.parametrize(
    ("text", "language", "shown"),
    [
        (
            '"Fares will rise," said Ines Korba, who is also the city\'s transport commissioner.',
            "en",
            "Ines Korba, transport commissioner",
        ),
        (
            "« Les salaires suivront », a dit Moussa Keïta, qui est également un délégué "
            "syndical du port.",
            "fr",
            "Moussa Keïta, délégué syndical du port",
        ),
    ],
)
def test_a_relative_clause_saying_what_the_person_is_gives_the_role(
    text: str, language: str, shown: str
) -> None:
    names = [c.name for c in extract_citations(text, language)]
    assert shown in names, names
