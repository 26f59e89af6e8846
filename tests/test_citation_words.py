"""The cited-source extractor reads its words from data files and the known names from the text
toolkit: these check that the lists it loads are the ones it uses. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from sahelreader.sources import extract_citations
from sahelreader.sources.citations import vocabulary
from sahelreader.sources.citations.people import rules_out_a_person


def cited(text: str) -> list[tuple[str, str]]:
    return [(c.name, c.kind) for c in extract_citations(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Burkina Faso said on Monday it would leave the bloc.",
        "Senegal Diallo said it would.",
        "Sénégal Diallo said it would.",  # the known name is listed once; accents do not count
        "Monday Diallo said it would.",
        "Meta said the posts were removed.",
    ],
)
def test_known_names_that_are_never_people_are_not_speakers(text: str) -> None:
    assert [kind for _, kind in cited(text)] == []


def test_a_place_that_is_also_a_given_name_can_be_a_speaker() -> None:
    assert cited("Jordan Smith said the posts were removed.") == [("Jordan Smith", "official")]
    assert not rules_out_a_person("Jordan")
    assert rules_out_a_person("Niger") and rules_out_a_person("Ministry")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colonel Ousmane Diallo told AFP.", ("Ousmane Diallo, colonel", "official")),
        ("Interrogé par RFI, le ministre a démenti.", ("Radio France Internationale", "outlet")),
        (
            "Awa Sow, correspondante de Radio Kledu à Kayes, a déclaré que le marché a brûlé.",
            ("Awa Sow, correspondante de Radio Kledu à Kayes", "reporter"),
        ),
        (
            "Les autorités nigériennes ont indiqué que la route était fermée.",
            ("autorités nigériennes", "organisation"),
        ),
        (
            "A report by Human Rights Watch said the attacks continued.",
            ("Human Rights Watch report", "document"),
        ),
    ],
)
def test_words_from_the_data_files(text: str, expected: tuple[str, str]) -> None:
    assert expected in cited(text)


def test_word_lists_are_loaded() -> None:
    assert "said" in vocabulary.SAY_EN
    assert "déclaré" in vocabulary.SAY_PARTICIPLES_FR
    assert vocabulary.TITLE_ABBREVIATIONS["lt. col."] == "lieutenant colonel"
    assert vocabulary.DOCUMENTS_FR["rapport"] == "report"
    assert {"The", "However", "Police"} <= vocabulary.NOT_NAMES  # shared ones and ours


def test_every_head_has_a_hint() -> None:
    """The hints are a cheap check before the patterns run: a head without one would never be
    looked for."""
    offices = [
        h
        for h in vocabulary.OFFICE_HEADS
        if not any(x in h.lower() for x in vocabulary.OFFICE_HINTS)
    ]
    heads = vocabulary.ORG_HEADS_EN + vocabulary.ORG_HEADS_FR + vocabulary.PROPER_ORG_HEADS
    institutions = [h for h in heads if not any(x in h.lower() for x in vocabulary.ORG_HINTS)]
    assert offices == institutions == []
