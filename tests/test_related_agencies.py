"""A news agency credited in two reports (AFP, Reuters, the AP, Xinhua) is who reported, not
what happened: it is no shared name of the story, shown or counted (review 12, defect 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelreader.library import Library

from .conftest import draft, utc
from .test_related import FILLER

AGENCY_CREDITS = [
    # (how the first report credits the agency, how the second one does, the agency's names)
    ("a local official told AFP.", "(AFP) -", ("AFP", "Agence France-Presse")),
    ("a witness told Reuters by telephone.", "(Reuters) -", ("Reuters",)),
    (
        "a medical source told The Associated Press.",
        "(AP) -",
        ("AP", "Associated Press", "The Associated Press"),
    ),
    ("the official agency Xinhua reported.", "(Xinhua) -", ("Xinhua",)),
]


@pytest.mark.parametrize(("first", "second", "agency"), AGENCY_CREDITS)
def test_a_credited_agency_is_not_listed_among_shared_names(
    home: Path, first: str, second: str, agency: tuple[str, ...]
) -> None:
    reports = [
        draft(
            "Flood sweeps away bridge at Bakel, cutting the road to Kidira",
            "Heavy rain on Sunday swept away the bridge at Bakel on the Senegal river, cutting "
            "the main road to Kidira and stranding dozens of lorries, the governor Mamadou "
            "Ndiongue said. Traders said food prices in Kidira had doubled within a day, "
            f"{first} Engineers from the ministry of roads were sent to build a ferry crossing.",
            source="Harmattan Times",
            published=utc(2025, 9, 7),
        ),
        draft(
            "Bakel bridge collapse leaves lorries stranded on Kidira road",
            f"DAKAR {second} The bridge at Bakel collapsed after heavy rain on Sunday, governor "
            "Mamadou Ndiongue said, leaving lorries stranded on the road to Kidira. Food prices "
            "rose sharply in Kidira and the roads ministry sent engineers to set up a ferry.",
            source="Fleuve Hebdo",
            published=utc(2025, 9, 7),
        ),
    ]
    lib = Library.open(home, seed=False)
    try:
        report = lib.add_drafts([*reports, *FILLER])
        assert not report.failed
        lib.ensure_index()
        by_title = {row.title: row.id for row in lib.rows(lib.list_ids())}
        found = lib.related(by_title[reports[0].title])
        assert [c.title for c in found.coverage] == [reports[1].title]
        shared = {name.casefold() for name in found.coverage[0].shared_entities}
        assert shared  # the governor, the towns
        assert not shared & {name.casefold() for name in agency}
    finally:
        lib.close()
