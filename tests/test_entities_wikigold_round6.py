"""General English mistakes found on wikigold's tune quarters (issue 14), each tested on
sentences written for these tests: the names are invented, so only the rule types them. The
lists and rules alone, plus the default recogniser where the tagger could differ."""

from __future__ import annotations

import pytest

from sahelreader.entities import Recogniser

RULES = Recogniser(statistical=False)
DEFAULT = Recogniser()


def found(recogniser: Recogniser, text: str, language: str = "en") -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in recogniser.recognise(text, language)}


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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "She worked for the Bank of Tamberly and Kessel for a decade.",
            "Bank of Tamberly and Kessel",
        ),
        ("He joined the Kessel and Tamba Railway as a clerk.", "Kessel and Tamba Railway"),
    ],
)
def test_organisation_names_with_and_stay_whole(text: str, name: str) -> None:
    assert (name, "organisation") in found(RULES, text)
