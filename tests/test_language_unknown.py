"""Text in a language the function-word vote does not know (Hausa, Yoruba, Bambara, Wolof…) is
stored with no language, not a wrong one: Hausa "da" and "a" are Portuguese function words too,
and Hausa prose was stored as Portuguese and searched with Portuguese stemming. A language the
article declares is kept.

Every sentence here is written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sahelreader.text.language import detect_language
from tests.cli_helpers import cli
from tests.web.feed_fixtures import Item, rss

HAUSA = (
    "Shugaban kasar Nijar ya gana da jakadan kasar Faransa a birnin Yamai ranar Litinin. Sun "
    "tattauna batun tsaro da kuma hadin gwiwa tsakanin kasashen biyu. Gwamnatin ta ce za ta ci "
    "gaba da aiki domin kare rayukan jama'a a yankin Tillaberi, inda 'yan bindiga suka kai hari "
    "a makon da ya gabata."
)
UNKNOWN = {
    "hausa": HAUSA,
    "hausa title": "Manoma da makiyaya sun cimma yarjejeniya a Maradi",
    "hausa, another": "Ruwan sama da aka yi a Zinder ya lalata gidaje da dama a cikin dare",
    "yoruba": "Ààrẹ orílẹ̀-èdè náà ti pàdé àwọn gómìnà ní ìlú Abuja ní ọjọ́ Ajé. Wọ́n sọ̀rọ̀ nípa "
    "ètò ààbò àti ọ̀rọ̀ ajé. Ìjọba sọ pé àwọn yóò ṣe iṣẹ́ takuntakun láti dáàbò bo àwọn ará ìlú.",
    "yoruba without marks": "Ijoba so pe awon yoo se ise takuntakun lati daabo bo awon ara ilu o",
    "bambara-like": "Mali jamana ka kuntigi ye kuma fo Bamako dugu kɔnɔ. A ko jamana ka lakana ko "
    "ka gɛlɛn kosɛbɛ, nka gofɛrɛnama bɛ baara kɛ walasa ka mɔgɔw lakana. Sɛnɛkɛlaw ni "
    "jagokɛlaw ye ɲɔgɔn sɔrɔ sugu la a don.",
    "wolof-like": "Njiitu réew mi dafa wax ci Ndakaaru ci bésub altine. Mu ne dina liggéey ngir "
    "aar askan wi ak dëkk yi. Ñu bare dañu dem ci marse bi ngir jënd ak jaay, te la xale yi di "
    "dem daara.",
}


@pytest.mark.parametrize("text", UNKNOWN.values(), ids=UNKNOWN.keys())
def test_a_language_the_vote_does_not_know_is_unknown(text: str) -> None:
    assert detect_language(text) == ""


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La commission appelle à la levée des sanctions contre le pays", "fr"),
        ("Le marché de Gao rouvre ses portes", "fr"),
        ("Herders and farmers meet in Tahoua", "en"),
        ("Traders say the price of millet has doubled", "en"),
        ("O governo anunciou novas medidas para o setor da saúde", "pt"),
        ("El gobierno anunció nuevas medidas para los agricultores del norte", "es"),
    ],
)
def test_languages_it_knows_are_still_found(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_one_letter_words_are_no_evidence() -> None:
    # "a" and "e" are Portuguese, French and Italian words: alone they decide nothing.
    assert detect_language("Hospital warns of long A&E waits") in ("en", "")
    assert detect_language("Hospital warns of long A&E waits") != "pt"


def test_hausa_prose_is_stored_unknown_and_a_declared_language_is_kept(
    home: Path, tmp_path: Path
) -> None:
    prose = tmp_path / "labari.md"
    prose.write_text(f"---\ntitle: Labarin Yamai\nsource: Rediyon Sahel\n---\n\n{HAUSA}\n")
    declared = tmp_path / "records.jsonl"
    declared.write_text(
        json.dumps(
            {"title": "Labarin Maradi", "text": HAUSA.replace("Yamai", "Maradi"), "language": "ha"}
        )
        + "\n",
        "utf-8",
    )
    feed = tmp_path / "labarai.rss"
    feed.write_bytes(rss([Item("Labarin Zinder", HAUSA.replace("Yamai", "Zinder"))], language="ha"))
    result = cli(home, "add", str(prose), str(declared), str(feed), "--json")
    assert result.returncode == 0, result.stderr
    languages = {}
    for article_id in json.loads(result.stdout)["added"]:
        shown = json.loads(cli(home, "show", article_id, "--json").stdout)
        languages[shown["title"]] = shown["language"]
    assert languages == {"Labarin Yamai": None, "Labarin Maradi": "ha", "Labarin Zinder": "ha"}
    assert "language unknown" in cli(home, "show", "--", _id_of(home, "Yamai")).stdout


def _id_of(home: Path, word: str) -> str:
    [hit] = json.loads(cli(home, "search", f"title:{word}", "--json").stdout)
    return str(hit["id"])
