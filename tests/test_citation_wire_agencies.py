"""Wire credits beyond the handful of agencies the Sahel's press names most: the world's other
national agencies (Italy's, India's, Bangladesh's, Vietnam's, Chad's…), French descriptions with
a nationality ("l'agence turque Anadolu", "le quotidien burkinabè Sidwaya"), datelines whose
city is not in capitals or whose credit is between slashes, and outlets named without being the
source ("the director of Reuters said", "AFP photographers were detained"). Every sentence here
was written for these tests (places, people and dates are made up)."""

from __future__ import annotations

import pytest

from sahelreader.sources import extract_citations

AFP, AP, REUTERS = "Agence France-Presse", "Associated Press", "Reuters"


def agencies(text: str, language: str | None = None) -> list[str]:
    return [c.name for c in extract_citations(text, language) if c.kind in {"agency", "outlet"}]


# --------------------------------------------------------------------------- more agencies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry sank off Lampedusa, the Italian news agency ANSA reported.", ["ANSA"]),
        ("Rome (ANSA) - The Senate approved the decree on Thursday.", ["ANSA"]),
        (
            "The embassy will reopen in May, PTI reported, citing officials.",
            ["Press Trust of India"],
        ),
        ("Mumbai, July 2 (PTI) - Shares rose in early trade.", ["Press Trust of India"]),
        ("Chennai, Aug 14 (IANS) - The cyclone weakened overnight.", ["IANS"]),
        ("Sylhet, Apr 3 (UNB) - Two ferries collided on the river.", ["UNB"]),
        ("The deal was signed in Hanoi, according to the Vietnam News Agency.", ["VNA"]),
        ("Le port a été fermé.\n\nAFP/VNA", [AFP, "VNA"]),
        (
            "Abéché, 9 mai (ATP) - La foire régionale a ouvert ses portes.",
            ["Agence Tchadienne de Presse"],
        ),
        ("Les cours reprendront lundi à Sarh, a rapporté l'ATP.", ["Agence Tchadienne de Presse"]),
        ("The minister resigned, the Interfax news agency reported.", ["Interfax"]),
        ("Le vol a été dévié vers Lisbonne, selon l'agence Lusa.", ["Lusa"]),
        ("The ship was seized off Oman, the Kuwait News Agency (KUNA) said.", ["KUNA"]),
        ("Tunis, 5 mars (TAP) - Le gouvernement a adopté le budget.", ["TAP"]),
        # the full name, its initials in brackets, then the reporting verb
        (
            "The bridge gave way, the News Agency of Nigeria (NAN) reported.",
            ["News Agency of Nigeria"],
        ),
        (
            "Le marché a brûlé, l'Agence guinéenne de presse (AGP) a rapporté jeudi.",
            ["Agence Guinéenne de Presse"],
        ),
    ],
)
def test_other_national_agencies(text: str, expected: list[str]) -> None:
    assert agencies(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of PTI supporters blocked the motorway to Lahore.",
        "She climbed to 40th in the ATP rankings after the final in Doha.",
        "The UNB campus hosted a conference on Sahel hydrology.",
        "TAP water in the camp is not safe to drink, the nurse said.",
        "TAP Air Portugal said it would add a weekly flight to Bissau.",
        "The ATP Tour said the tournament would move to Rabat.",
    ],
)
def test_their_letters_used_otherwise_are_no_citation(text: str) -> None:
    assert agencies(text) == []


# --------------------------------------------------------------------------- French descriptions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les frappes ont visé trois dépôts, a rapporté l'agence turque Anadolu.", ["Anadolu"]),
        ("Les travaux commenceront en juin, selon l'agence chinoise Xinhua.", ["Xinhua"]),
        ("Le contrat est signé, indique l'agence espagnole EFE.", ["EFE"]),
        ("Le barrage est achevé, d'après le quotidien burkinabè Sidwaya.", ["Sidwaya"]),
        ("« Nous restons », a confié le ministre à l'agence russe TASS.", ["TASS"]),
        ("Les pourparlers reprennent, selon l'agence officielle algérienne APS.", ["APS"]),
        ("La mine rouvre, selon l'agence sud-coréenne Yonhap.", ["Yonhap"]),
        ("Le vote est reporté, selon le journal britannique The Guardian.", ["The Guardian"]),
    ],
)
def test_french_descriptions_with_a_nationality(text: str, expected: list[str]) -> None:
    assert agencies(text, "fr") == expected


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maradi, 4 avril (AFP) Les classes ont repris dans le calme.", [AFP]),
        ("Kano, Nigeria, June 9 (Reuters) Fuel queues returned on Monday.", [REUTERS]),
        ("VLADIVOSTOK, May 12. /TASS/. The port was closed by the storm.", ["TASS"]),
        ("Accra, Feb 2 /Xinhua/ -- Ghana's parliament passed the bill.", ["Xinhua"]),
    ],
)
def test_datelines_in_other_shapes(text: str, expected: list[str]) -> None:
    assert agencies(text) == expected


# --------------------------------------------------------------------------- not the source


@pytest.mark.parametrize(
    "text",
    [
        "The chief executive of Reuters said the company would hire 200 journalists.",
        "Le PDG de l'AFP a annoncé jeudi la fermeture de deux bureaux régionaux.",
        "The founder of Jeune Afrique said the magazine would stay in Paris.",
        "Two AP photographers were detained at the airport on Sunday.",
        "Several Reuters journalists have been barred from covering the trial.",
        "An AFP correspondent was expelled from the country last month.",
        "Le bureau de RFI à Bamako a été fermé par la junte en mars.",
        "The Kano bureau of the BBC was raided by police on Friday.",
        "The junta has long been critical of RFI broadcasts in Fulfulde.",
        "Amadou Sy was a Reuters correspondent in Dakar for ten years.",
        "Mariam Touré est la correspondante de RFI à Niamey depuis 2019.",
    ],
)
def test_an_outlet_in_the_news_is_no_source(text: str) -> None:
    assert agencies(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A journalist of Reuters counted twelve bodies in the square.", [REUTERS]),
        ("Un photographe de l'AFP a vu des blindés entrer dans la ville.", [AFP]),
        ("AP journalists saw the convoy leave at dawn.", [AP]),
        ("Reuters reporters were at the scene when the shooting began.", [REUTERS]),
        ("A group of AP journalists counted forty trucks at the border.", [AP]),
        ("L'un des correspondants de RFI a constaté les dégâts.", ["Radio France Internationale"]),
        ("L'enquête de Mediapart a révélé des versements suspects.", ["Mediapart"]),
        ("A map from Reuters shows the front line moving south.", [REUTERS]),
        ("He quit after Mediapart revealed Mr Diallo had been paid twice.", ["Mediapart"]),
    ],
)
def test_an_outlets_staff_reporting_still_cite_it(text: str, expected: list[str]) -> None:
    assert agencies(text) == expected
