"""The side panel's name for an entity the prose also writes in lowercase: the capitalised
spelling, counted with the lowercase ones (review 14: "conseil de sécurité", three times in
running text, was shown over the article's "Conseil de sécurité").

Every text here is written for these tests."""

from __future__ import annotations

import pytest

from sahelreader.entities.summary import group_entities
from sahelreader.models import Entity, EntityType


def _mentions(spellings: list[str], kind: EntityType = "organisation") -> list[Entity]:
    entities, at = [], 0
    for text in spellings:
        entities.append(Entity(text, kind, at, at + len(text)))
        at += len(text) + 20
    return entities


@pytest.mark.parametrize(
    "spellings",
    [
        # the lowercase spellings first, then the capitalised one; and the other way round
        ["haute cour de justice", "haute cour de justice", "Haute Cour de justice"],
        ["Assemblée nationale", "assemblée nationale", "assemblée nationale"],
        # an entity of the bundled tables whose official name the article never writes
        ["Conseil de sécurité", "conseil de sécurité", "conseil de sécurité"],
        ["conseil de sécurité", "Conseil de sécurité des Nations unies", "conseil de sécurité"],
    ],
)
def test_the_capitalised_spelling_is_shown(spellings: list[str]) -> None:
    [group] = group_entities(_mentions(spellings))
    assert group.name[:1].isupper()
    assert group.count == len(spellings)


def test_the_commonest_name_still_wins_over_a_rarer_capitalised_one() -> None:
    """Case aside, the article's commonest name is shown: "Sécurité" once does not beat the
    full name written twice."""
    spellings = ["Conseil de sécurité des Nations unies"] * 2 + ["Conseil de sécurité"]
    [group] = group_entities(_mentions(spellings))
    assert group.name == "Conseil de sécurité des Nations unies"
