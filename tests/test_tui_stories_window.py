"""The Stories screen's window: `w` widens it (7 days, 30, 90, a year, all, then 7 again), the
heading says which, the palette has it, and `T` opens the Stories on the window left."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import DataTable, Static

from sahelreader.library import Library
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays
from sahelreader.tui.screens.stories import StoriesScreen

from .bilingual import Event, english, events_library, french
from .conftest import utc
from .tui_helpers import settle

# A story long before the others (two years): only the whole library's window reaches it.
OLD_EVENT = Event(
    "Idrissa Walandou",
    "governor",
    "gouverneur",
    "Kolokani",
    "Mali",
    "Mali",
    "the African Union",
    "l'Union africaine",
    412,
    utc(2022, 2, 14),
)


def _library(home: Path) -> Library:
    return events_library(home, english(OLD_EVENT, 0), french(OLD_EVENT, 1))


def _rows(table: DataTable[Any]) -> list[str]:
    return [str(key.value) for key in table.rows]


def _heading(screen: Any) -> str:
    return str(screen.query_one("#stories-heading", Static).render())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_w_widens_the_window_up_to_every_story_and_back(
    home: Path, size: tuple[int, int]
) -> None:
    library = _library(home)
    library.stories.catch_up()
    listed = {days: [str(s.id) for s in library.stories.recent(days)] for days in (7, 90, 365)}
    every = [str(s.id) for s in library.stories.recent(None)]
    # The library's windows list different stories: each `w` must show more.
    assert len(listed[7]) < len(listed[90]) < len(listed[365]) < len(every)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("T")
        await settle(app, pilot)
        screen: Any = app.screen
        assert isinstance(screen, StoriesScreen)
        table = screen.query_one(DataTable)
        assert _rows(table) == listed[7]
        assert "active in the 7 days up to" in _heading(screen)
        for days, said in ((30, "the 30 days up to"), (90, "the 90 days up to")):
            await pilot.press("w")
            await settle(app, pilot)
            assert _rows(table) == [str(s.id) for s in library.stories.recent(days)]
            assert f"active in {said}" in _heading(screen)
        await pilot.press("w")
        await settle(app, pilot)
        assert _rows(table) == listed[365]
        assert "active in the year up to" in _heading(screen)
        await pilot.press("w")
        await settle(app, pilot)
        assert _rows(table) == every
        assert f"all {len(every)} stories" in _heading(screen)
        await pilot.press("G", "enter")  # the oldest story is reachable, and opens
        await pilot.pause()
        assert screen.story is not None and str(screen.story.id) == every[-1]
        await pilot.press("w")  # from a story's articles: the stories, in the next window
        await settle(app, pilot)
        assert screen.story is None
        assert _rows(table) == listed[7]
        assert "active in the 7 days up to" in _heading(screen)


async def test_the_stories_open_again_on_the_window_left(home: Path) -> None:
    library = _library(home)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("T")
        await settle(app, pilot)
        await pilot.press("w", "w")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("T")
        await settle(app, pilot)
        screen: Any = app.screen
        assert isinstance(screen, StoriesScreen) and screen.days == 90
        assert "the 90 days up to" in _heading(screen)


@pytest.mark.parametrize(
    ("typed", "days"),
    [("Stories: all", None), ("Stories: the last 90 days", 90), ("Widen the stories", 30)],
)
async def test_the_palette_sets_the_stories_window(
    home: Path, typed: str, days: int | None
) -> None:
    library = _library(home)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        if typed.startswith("Widen"):  # the Stories screen's own key, from its palette
            await pilot.press("T")
            await settle(app, pilot)
        await pilot.press("ctrl+p")
        focused: Any = app.focused
        focused.post_message(events.Paste(typed))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        screen: Any = app.screen
        assert isinstance(screen, StoriesScreen) and screen.days == days
        table = screen.query_one(DataTable)
        assert _rows(table) == [str(s.id) for s in library.stories.recent(days)]


def test_the_window_key_is_on_the_help_screen_and_can_be_remapped() -> None:
    from sahelreader.tui.bindings import STORIES, keymap_problems
    from sahelreader.tui.screens.help import help_rows

    rows = [row for row in help_rows({"stories.window": "ctrl+w"}) if row.section == "Stories"]
    assert any(row.binding_id == "stories.window" and row.keys == "ctrl+w" for row in rows)
    assert keymap_problems({"stories.window": "ctrl+w"}) == []
    assert any(getattr(b, "id", "") == "stories.window" for b in STORIES)


def test_the_stories_query_reads_only_stories_of_the_size_asked(home: Path) -> None:
    """The whole library's stories of two or more are chosen before any article is read: a
    library of articles in stories of their own gives none of their rows."""
    library = _library(home)
    library.stories.catch_up()
    table = library.stories.table
    every = table.rows_of_stories_since(None)
    paired = table.rows_of_stories_since(None, min_articles=2)
    sizes: dict[int, int] = {}
    for row in every:
        sizes[row.story_id] = sizes.get(row.story_id, 0) + 1
    assert any(size == 1 for size in sizes.values())  # filler: stories of one
    assert paired == [row for row in every if sizes[row.story_id] >= 2]
    since = "2024-09-01"
    windowed = table.rows_of_stories_since(since, min_articles=2)
    assert {row.story_id for row in windowed} == {
        row.story_id for row in every if row.placed_at >= since and sizes[row.story_id] >= 2
    }
