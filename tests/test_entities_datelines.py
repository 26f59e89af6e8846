"""Wire datelines: the city a report was filed from, written in capitals at the start of its
first line ("NIAMEY (Reuters) -", "BAMAKO, Mali (AP) —"), is a place. It was an organisation
(the acronym rule) or nothing, so `place:niamey` missed the wire reports that name the city
only there. Every line here was written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelreader.entities.recogniser import Recogniser
from sahelreader.library import Library

from .conftest import draft


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser()


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("NIAMEY, Nov 29 (Reuters) - Soldiers were killed on Tuesday, the army said.", "NIAMEY"),
        ("NIAMEY (Reuters) - The junta extended the curfew.", "NIAMEY"),
        ("BAMAKO, Mali (AP) — The transition charter was amended.", "BAMAKO"),
        ("OUAGADOUGOU, Burkina Faso (AP) — Two radio stations were suspended.", "OUAGADOUGOU"),
        ("N'DJAMENA — Chad's army said it had retaken the post.", "N'DJAMENA"),
        ("NIAMEY, 29 novembre (AFP) - Le couvre-feu a été prolongé.", "NIAMEY"),
        ("AGADEZ, Niger, May 3 (Reuters) - Migrants crossed the desert.", "AGADEZ"),
        # a town the lists do not know, in a dateline's full shape
        ("TESSAOUA, Niger (AP) — Gunmen attacked a market.", "TESSAOUA"),
        ("Title of the piece\nKOUTIALA, Mali (Reuters) - Cotton prices fell.", "KOUTIALA"),
    ],
)
def test_a_datelines_city_is_a_place(recogniser: Recogniser, text: str, city: str) -> None:
    found = [(e.text, e.type) for e in recogniser.recognise(text, "en")]
    assert (city, "place") in found, found
    assert all(not (name == city and kind != "place") for name, kind in found)


@pytest.mark.parametrize(
    "text",
    [
        "BREAKING NEWS: the army said it had retaken the post.",
        "UPDATE 2 - Niger junta extends curfew",
        "WARNING — graphic images follow.",  # a bare capital word and a dash: known places only
        "JNIM (Reuters) - claimed the attack.",  # a listed organisation stays one
        "ZENITH, the Lagos-based lender - said profits rose.",  # a hyphen inside a word
        "KORA, a fast-food chain: its sales fell.",  # a lower-case apposition, no country
    ],
)
def test_capitals_that_are_no_dateline_are_no_place(recogniser: Recogniser, text: str) -> None:
    found = [(e.text, e.type) for e in recogniser.recognise(text, "en")]
    first = text.split()[0].strip(",:")
    assert (first, "place") not in found, found


def test_place_search_finds_a_report_naming_the_city_only_in_its_dateline(home: Path) -> None:
    library = Library.open(home, seed=False)
    try:
        library.add_drafts(
            [
                draft(
                    "Curfew extended after attack",
                    "ZINDER (Reuters) - The authorities extended the curfew on Monday after "
                    "gunmen attacked a police post, a local official said.",
                ),
                draft("Harvest report", "Farmers near Maradi weighed a record millet crop."),
            ]
        )
        library.sync_index()
        titles = {hit.title for hit in library.search("place:zinder").hits}
        assert titles == {"Curfew extended after attack"}
        assert not library.search("organisation:zinder").hits
    finally:
        library.close()


def test_a_datelines_capitals_are_not_the_name_shown_for_the_place() -> None:
    # "NIAMEY (Reuters) -" then "in Niamey": one row, shown as the article writes it in prose
    from sahelreader.entities.summary import group_entities
    from sahelreader.models import Entity

    [row] = group_entities([Entity("TESSAOUA", "place", 0, 8), Entity("Tessaoua", "place", 60, 68)])
    assert (row.name, row.count) == ("Tessaoua", 2)
