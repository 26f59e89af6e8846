"""What an empty "Other coverage" says: the truth about the library, not "import more
articles" to a library of hundreds (review 12, defect 15). The same words in the CLI and the
side panel (both read `Related.no_coverage_note`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sahelreader.library import Library

from .cli_helpers import cli
from .conftest import draft, utc
from .test_related import FILLER

LONE = draft(
    "Beekeepers of Sikasso sell a record honey harvest",
    "Beekeepers in the villages around Sikasso sold their largest honey harvest in a decade, "
    "the cooperative's treasurer said, after a wet season that kept the shea trees flowering.",
    source="Savane Hebdo",
    published=utc(2024, 6, 3),
)
LONE_UNDATED = draft(
    "A potter's workshop in Bandiagara trains twelve apprentices",
    "In a courtyard in Bandiagara a master potter teaches twelve young apprentices to shape "
    "and fire the jars sold on the plateau's markets.",
    source="Savane Hebdo",
)


@pytest.fixture
def shelf(home: Path) -> Iterator[Library]:
    lib = Library.open(home, seed=False)
    report = lib.add_drafts([LONE, LONE_UNDATED, *FILLER])
    assert not report.failed
    lib.ensure_index()
    yield lib
    lib.close()


def _id(lib: Library, title: str) -> str:
    return next(row.id for row in lib.rows(lib.list_ids()) if row.title == title)


def test_a_dated_article_with_no_coverage_is_told_how_many_were_looked_at(
    shelf: Library,
) -> None:
    found = shelf.related(_id(shelf, LONE.title))
    assert found.coverage == []
    others = len(FILLER) + 1
    note = found.no_coverage_note()
    assert f"among {others:,} other articles" in note
    assert "import more" not in note and "undated" not in note


def test_an_undated_article_is_told_why_little_is_matched(shelf: Library) -> None:
    found = shelf.related(_id(shelf, LONE_UNDATED.title))
    assert found.coverage == []
    note = found.no_coverage_note()
    assert f"among {len(FILLER) + 1:,} other articles" in note
    assert "undated" in note and "import more" not in note


def test_an_article_alone_in_its_library_is_told_to_import_more(home: Path) -> None:
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([LONE])
        lib.ensure_index()
        note = lib.related(_id(lib, LONE.title)).no_coverage_note()
        assert "No other articles in your library yet" in note and "import more" in note
    finally:
        lib.close()


def test_the_cli_says_the_same(shelf: Library, home: Path) -> None:
    article_id = _id(shelf, LONE_UNDATED.title)
    shelf.close()
    result = cli(home, "related", article_id)
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert f"No other coverage found among {len(FILLER) + 1:,} other articles" in text
    assert "undated" in text


def test_with_the_outlets_own_pieces_listed_it_is_other_outlets_that_are_missing(
    home: Path,
) -> None:
    follow_up = draft(
        "Sikasso honey harvest: cooperative ships its record crop to Bamako",
        "The Sikasso beekeepers' cooperative shipped its record honey harvest to Bamako on "
        "Tuesday, its treasurer said, a day after reporting the largest harvest in a decade "
        "from the villages around Sikasso, where the shea trees flowered through the season.",
        source="Savane Hebdo",
        published=utc(2024, 6, 4),
    )
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([LONE, follow_up, *FILLER])
        lib.ensure_index()
        found = lib.related(_id(lib, LONE.title))
        assert found.coverage == []
        assert [c.title for c in found.more_from_outlet] == [follow_up.title]
        note = found.no_coverage_note()
        assert note.startswith("No other outlets' coverage found among")
    finally:
        lib.close()
