"""Stories are derived data: grouped by an older version of the grouping (another story keys
or weights), a library's stories are grouped again at the next catch-up, as the index is
rebuilt when its format changes; a library grouped by this version is left as it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.library.stories import GROUPING_VERSION
from sahelreader.store.stories import GROUPING_META

from .bilingual import EVENTS, english, filler, french
from .cli_helpers import cli


@pytest.fixture
def grouped(home: Path) -> Iterator[Library]:
    library = Library.open(home, seed=False)
    drafts = [english(EVENTS[0], 0), french(EVENTS[0], 1), *filler(20)]
    assert not library.add_drafts(drafts).failed
    yield library
    library.close()


def _story_rows(library: Library) -> dict[str, int]:
    return dict(library.store.connection.execute("SELECT article_id, story_id FROM story_articles"))


def test_a_new_librarys_stories_carry_this_version(grouped: Library) -> None:
    assert grouped.store.get_meta(GROUPING_META) == GROUPING_VERSION
    before = _story_rows(grouped)
    assert grouped.stories.unplaced() == 0
    assert grouped.stories.catch_up().placed == 0
    assert _story_rows(grouped) == before


def _as_an_older_version_left_them(library: Library, version: str | None) -> None:
    """Every article in a story of its own, as a grouping with other keys might have left
    them, stamped `version` (None: a library from before grouping versions)."""
    with library.store.transaction() as conn:
        conn.execute("UPDATE story_articles SET story_id = (SELECT MIN(id) FROM stories)")
        if version is None:
            conn.execute("DELETE FROM meta WHERE key = ?", (GROUPING_META,))
        else:
            conn.execute("UPDATE meta SET value = ? WHERE key = ?", (version, GROUPING_META))


@pytest.mark.parametrize("version", [None, "1"])
def test_stories_of_another_version_are_grouped_again(
    grouped: Library, version: str | None
) -> None:
    right = _story_rows(grouped)
    _as_an_older_version_left_them(grouped, version)
    assert len(set(_story_rows(grouped).values())) == 1
    assert grouped.stories.unplaced() == grouped.count()
    report = grouped.stories.catch_up()
    assert report.placed == grouped.count()
    assert grouped.store.get_meta(GROUPING_META) == GROUPING_VERSION

    # The same grouping as the articles got when they arrived (ids may differ).
    def partition(rows: dict[str, int]) -> set[frozenset[str]]:
        groups: dict[int, set[str]] = {}
        for article, story in rows.items():
            groups.setdefault(story, set()).add(article)
        return {frozenset(g) for g in groups.values()}

    assert partition(_story_rows(grouped)) == partition(right)
    assert grouped.stories.unplaced() == 0


def test_the_stories_command_regroups_an_older_librarys_stories(
    grouped: Library, home: Path
) -> None:
    _as_an_older_version_left_them(grouped, "1")
    grouped.close()
    result = cli(home, "stories", "--json")
    assert result.returncode == 0, result.stderr
    reopened = Library.open(home, seed=False)
    try:
        assert reopened.store.get_meta(GROUPING_META) == GROUPING_VERSION
        assert len(set(_story_rows(reopened).values())) > 1
    finally:
        reopened.close()
