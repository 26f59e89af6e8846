"""Where an unnamed or named speaker ends: never inside the verb after it, never a body's name.

Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from sahelreader.sources import extract_citations


def officials(text: str, language: str = "en") -> list[str]:
    return [c.name for c in extract_citations(text, language) if c.kind == "official"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The police spokesman denied the claims about the convoy.", ["police spokesman"]),
        ("The state governor denied the claims on Tuesday.", ["state governor"]),
        ("A spokesman for the ministry denied the claims.", ["spokesman for the ministry"]),
        ("Speaking to a local radio, the city mayor denied the claims.", ["city mayor"]),
    ],
)
def test_an_unnamed_speaker_stops_before_the_verb(text: str, expected: list[str]) -> None:
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "according to data gathered by the Lake Basin Monitoring & Early Warning Project.",
        "according to the Sahel Water Access and Drought Monitoring Project.",
        "according to the Kessa Farmers and Herders Initiative.",
    ],
)
def test_a_body_joined_by_and_or_ampersand_is_no_person(text: str) -> None:
    assert officials(text) == []


def test_two_people_joined_by_and_stay_people() -> None:
    assert "Moussa Kessaro" in officials("according to Moussa Kessaro and Aïcha Tamba.")
