"""Mistakes found on the second Sahel DEV batch (bench/dev/sahel2.json), each tested on
sentences written for these tests: the names are invented or generic, so only the rule types
them. The lists and rules alone, plus the default recogniser where the tagger could differ."""

from __future__ import annotations

import pytest

from sahelreader.entities import Recogniser

RULES = Recogniser(statistical=False)
DEFAULT = Recogniser()


def found(recogniser: Recogniser, text: str, language: str) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in recogniser.recognise(text, language)}


# --- a title word ending a sentence does not take the full stop as its abbreviation dot ------


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Le juge a rendu la garde à la chanteuse. En juin, Mme Kessaro est rentrée.", "fr", "En"),
        (
            "Le club a limogé son entraîneur. Selon la presse, Mme Kessaro l'a appris.",
            "fr",
            "Selon",
        ),
        ("The band thanked the singer. After that, Ms Kessaro flew home.", "en", "After"),
    ],
)
def test_a_title_word_at_a_sentence_end_does_not_make_the_next_word_a_name(
    text: str, language: str, word: str
) -> None:
    for recogniser in (RULES, DEFAULT):
        names = found(recogniser, text, language)
        assert not any(name == word for name, _ in names), names
        assert ("Kessaro", "person") in names


def test_an_abbreviated_title_still_takes_its_dot() -> None:
    assert ("Amadou Kessaro", "person") in found(
        RULES, "Le Dr. Amadou Kessaro a soigné 40 blessés.", "fr"
    )
    assert ("Kessaro", "person") in found(RULES, "Une lettre de Mme. Kessaro est arrivée.", "fr")
