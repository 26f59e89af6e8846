"""The Stories screen: `T` (and the palette) opens it, enter shows a story's articles in time
order, enter opens one in the reader, escape goes back a step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import DataTable, Static

from sahelreader.library import Library
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays
from sahelreader.tui.screens.stories import StoriesScreen, StoryChoice

from .bilingual import EVENTS, english, events_library, filler
from .conftest import draft
from .tui_helpers import settle


def _library(home: Path) -> Library:
    return events_library(home)


def _rows(table: DataTable[Any]) -> list[str]:
    return [str(key.value) for key in table.rows]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_stories_screen_lists_opens_a_story_and_goes_back(
    home: Path, size: tuple[int, int]
) -> None:
    library = _library(home)
    expected = library.stories.recent()
    assert expected  # the latest event's story is in the 7 days up to the newest article
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("T")
        await settle(app, pilot)
        screen: Any = app.screen
        assert isinstance(screen, StoriesScreen)
        table = screen.query_one(DataTable)
        assert _rows(table) == [str(s.id) for s in expected]
        heading = str(screen.query_one("#stories-heading", Static).render())
        assert "Stories" in heading
        # The window's last day is said: a library of past years' news ends long ago.
        until = library.stories.window_end()
        assert until is not None and f"up to {until:%d %b %Y}" in heading
        await pilot.press("enter")
        await pilot.pause()
        story = expected[0]
        # Its articles, in time order.
        assert _rows(table) == [a.id for a in story.articles]
        dates = [a.published for a in story.articles]
        assert dates == sorted(dates)  # type: ignore[type-var]
        await pilot.press("escape")
        await pilot.pause()
        assert _rows(table) == [str(s.id) for s in expected]
        # Into the story again, down to its second article, and open it.
        await pilot.press("enter", "down", "enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, StoriesScreen)
        assert app.main.article is not None and app.main.article.id == story.articles[1].id
        # Back to the stories (in the story the article came from), and out with escape: up
        # to the stories, then out.
        await pilot.press("T")
        await settle(app, pilot)
        assert isinstance(app.screen, StoriesScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, StoriesScreen)


async def test_the_palette_opens_the_stories(home: Path) -> None:
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        focused: Any = app.focused
        focused.post_message(events.Paste("Show the recent stories"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, StoriesScreen)


async def test_the_side_panel_lists_more_from_this_outlet(home: Path) -> None:
    from sahelreader.tui.widgets.side_panel import SideList

    from .test_stories import follow_up_of

    event = EVENTS[1]
    library = Library.open(home, seed=False)
    library.add_drafts([english(event, 0), follow_up_of(event), *filler(40)])
    library.ensure_index()
    library.store.set_meta("seeded", "1")
    first = next(
        r.id for r in library.rows(library.list_ids()) if r.title == english(event, 0).title
    )
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.open_article(first)
        await settle(app, pilot)
        outlet = app.main.query_one("#outlet-list", SideList)
        assert outlet.display and [c.value for c in outlet.choices] == [
            r.id for r in library.rows(library.list_ids()) if r.title == follow_up_of(event).title
        ]
        assert app.main.query_one("#side-outlet-title", Static).display


async def test_the_side_panel_says_which_outlet_item_is_another_version(home: Path) -> None:
    from sahelreader.tui.widgets.side_panel import SideList

    from .test_related_outlet import flood_report_and_its_revision

    first, revised = flood_report_and_its_revision()
    library = Library.open(home, seed=False)
    library.add_drafts([first, revised, *filler(40)])
    library.ensure_index()
    library.store.set_meta("seeded", "1")
    ids = {r.title: r.id for r in library.rows(library.list_ids())}
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.open_article(ids[first.title])
        await settle(app, pilot)
        outlet = app.main.query_one("#outlet-list", SideList)
        assert [c.value for c in outlet.choices] == [ids[revised.title]]
        row = str(outlet.get_option_at_index(0).prompt)
        assert revised.title in row and "another version" in row


async def test_the_stories_screen_moves_with_j_k_g_and_capital_g(home: Path) -> None:
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("T")
        await settle(app, pilot)
        await pilot.press("enter")  # a story's articles: three rows
        await pilot.pause()
        table: DataTable[Any] = app.screen.query_one(DataTable)
        assert table.row_count == 3 and table.cursor_row == 0
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("g")
        assert table.cursor_row == 0


async def test_the_stories_screen_says_it_is_grouping_until_it_is_done(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library from before stories is grouped when the screen opens (a minute at 10,000
    articles): the screen said "0 stories … no story" at once, as if that were the answer."""
    import threading

    from sahelreader.library.stories import Stories

    library = _library(home)
    release = threading.Event()
    real = Stories.catch_up

    def slow(self: Stories, progress: Any = None, cancelled: Any = None) -> Any:
        if progress is not None:
            progress(200, 1000)
        release.wait(10)
        return real(self, progress, cancelled)

    monkeypatch.setattr(Stories, "catch_up", slow)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("T")
        for _ in range(50):
            await pilot.pause(0.02)
            detail = str(app.screen.query_one("#stories-detail", Static).render())
            if "200 of 1,000" in detail:
                break
        assert "Grouping the library's articles into stories… 200 of 1,000" in detail
        assert "grouping" in str(app.screen.query_one("#stories-heading", Static).render())
        assert "No story" not in detail
        release.set()
        await settle(app, pilot)
        heading = str(app.screen.query_one("#stories-heading", Static).render())
        assert "active in the 7 days" in heading
        assert app.screen.query_one(DataTable).row_count >= 1


async def test_t_comes_back_to_the_story_an_article_was_opened_from(home: Path) -> None:
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("T")
        await settle(app, pilot)
        screen: Any = app.screen
        story = screen.stories[0]
        await pilot.press("enter", "down", "enter")  # its second article, opened
        await settle(app, pilot)
        assert app.main.article is not None
        assert app.main.article.id == story.articles[1].id
        await pilot.press("T")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, StoriesScreen) and screen.story is not None
        table = screen.query_one(DataTable)
        assert screen.story.id == story.id and table.cursor_row == 1
        await pilot.press("escape")  # up to the stories, on that story
        await pilot.pause()
        assert screen.story is None and _rows(table)[table.cursor_row] == str(story.id)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("T")  # left without choosing: the stories again, not the story
        await settle(app, pilot)
        again: Any = app.screen
        assert isinstance(again, StoriesScreen)
        assert again.story is None


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_escape_from_a_story_comes_back_to_its_row(home: Path, size: tuple[int, int]) -> None:
    """Escape from a story's articles put the cursor on the first story, not the one left."""
    library = _library(home)
    every = library.stories.recent(days=None)
    assert len(every) >= 3
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        screen = StoriesScreen(library, days=None)
        await app.push_screen(screen)
        await settle(app, pilot)
        table = screen.query_one(DataTable)
        assert _rows(table) == [str(s.id) for s in every]
        await pilot.press("down", "down", "enter")  # the third story's articles
        await pilot.pause()
        assert screen.story is not None and screen.story.id == every[2].id
        await pilot.press("down", "escape")
        await pilot.pause()
        assert screen.story is None and table.cursor_row == 2
        assert _rows(table)[table.cursor_row] == str(every[2].id)
        await pilot.press("escape")
        await settle(app, pilot)
        # Come back to that story on one of its articles (as `T` does after opening it):
        # escape goes up to the story's row too.
        chosen = StoryChoice(every[2].articles[1].id, every[2].id)
        again = StoriesScreen(library, days=None, resume=chosen)
        await app.push_screen(again)
        await settle(app, pilot)
        table = again.query_one(DataTable)
        assert again.story is not None and table.cursor_row == 1
        await pilot.press("escape")
        await pilot.pause()
        assert again.story is None and _rows(table)[table.cursor_row] == str(every[2].id)


def _columns(table: DataTable[Any]) -> list[str]:
    return [str(key.value) for key in table.columns]


@pytest.mark.parametrize("width", [80, 120])
async def test_the_stories_table_keeps_outlets_at_80_columns_and_trend_only_when_marked(
    home: Path, width: int
) -> None:
    """At 80 columns the Outlets column was dropped while an empty Trend column was kept."""
    from sahelreader.related.growth import Growth

    library = _library(home)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot)
        screen = StoriesScreen(library, days=None)
        await app.push_screen(screen)
        await settle(app, pilot)
        table = screen.query_one(DataTable)
        screen.growth = {}  # no story is new or growing: no Trend column
        screen._fill()
        await pilot.pause()
        # At 80 columns the title's room comes before the languages (the details say them).
        kept = ["title", "articles", "outlets", "dates"]
        if width == 120:
            kept.insert(3, "languages")
        assert _columns(table) == kept
        outlets = [str(table.get_cell(key, "outlets")) for key in table.rows]
        assert outlets[0].startswith(screen.stories[0].outlets[0][:8])
        assert all(len(cell) <= 26 for cell in outlets)
        screen.growth = {screen.stories[0].id: Growth("growing", 4, 1, 5)}
        screen._fill()
        await pilot.pause()
        columns = _columns(table)
        assert "outlets" in columns and "growth" in columns
        assert str(table.get_cell(str(screen.stories[0].id), "growth")) == "↑ growing"
        # Every column fits: the table is not wider than the screen.
        assert table.virtual_size.width <= width
        if width == 120:
            assert columns == ["title", "articles", "growth", "outlets", "languages", "dates"]


@pytest.mark.parametrize(
    ("first", "last", "short", "long"),
    [
        ((2025, 5, 28), (2025, 5, 28), "28 May 2025", "28 May 2025"),
        ((2025, 5, 27), (2025, 5, 28), "27–28 May 2025", "27–28 May 2025"),
        ((2023, 4, 30), (2023, 5, 2), "30 Apr–02 May 2023", "30 Apr–02 May 2023"),
        ((2024, 12, 30), (2025, 1, 2), "Dec 2024–Jan 2025", "30 Dec 2024–02 Jan 2025"),
    ],
)
def test_story_dates_say_the_year(
    first: tuple[int, int, int], last: tuple[int, int, int], short: str, long: str
) -> None:
    """Stories' dates had no year ("28 May"): a library often holds past years' news."""
    from datetime import datetime, timezone

    from sahelreader.related.stories import Story
    from sahelreader.tui.screens.stories import DATES_COLUMNS, _day, story_dates

    story = Story(
        1,
        "Floods in the valley",
        (),
        (),
        (),
        datetime(*first, 9, tzinfo=timezone.utc),
        datetime(*last, 18, tzinfo=timezone.utc),
    )
    assert (story_dates(story), story_dates(story, short=False)) == (short, long)
    assert len(story_dates(story)) <= DATES_COLUMNS - 2
    assert _day(story.first) == datetime(*first).strftime("%d %b %Y")


async def test_an_article_opened_from_the_stories_takes_the_list_cursor(home: Path) -> None:
    """The list's cursor follows the article opened from the Stories screen: enter, j and k
    then act from it, not from the row opened before (maybe scrolled out of sight)."""
    from sahelreader.tui.widgets.article_list import ArticleList

    library = _library(home)
    story = library.stories.recent()[0]
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.main.query_one(ArticleList)
        # Open some other article from the list first.
        other = next(i for i in article_list.ids if i != story.articles[1].id)
        article_list.cursor = article_list.ids.index(other)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("T")
        await settle(app, pilot)
        await pilot.press("enter", "down", "enter")
        await settle(app, pilot)
        assert app.main.article is not None and app.main.article.id == story.articles[1].id
        assert article_list.current_id == story.articles[1].id


def _shown(widget: Any) -> list[str]:
    """The widget's lines as drawn (what a terminal of its size shows)."""
    from textual.geometry import Region

    region = Region(0, 0, widget.size.width, widget.size.height)
    return [strip.text.rstrip() for strip in widget.render_lines(region)]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_side_panel_names_the_articles_story_and_opens_it(
    home: Path, size: tuple[int, int]
) -> None:
    """The side panel did not say which story the open article is in. Now a row does (counts,
    languages and dates, each whole at the panel's width), and enter on it or `t` shows the
    story's articles with the cursor on that article; a story of one article has no row."""
    from sahelreader.text.clean import plural
    from sahelreader.tui.screens.stories import story_dates
    from sahelreader.tui.widgets.side_panel import SideList

    library = _library(home)
    story = library.stories.recent()[0]
    alone = next(
        article_id
        for article_id in library.list_ids()
        if (found := library.stories.of_article(article_id)) is not None
        and len(found.articles) == 1
    )
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        if size[0] < 100:
            await pilot.press("right_square_bracket")  # the panel folds away at 80 columns
        app.main.open_article(story.articles[1].id)
        await settle(app, pilot)
        row = app.main.query_one("#story-list", SideList)
        assert row.display and row.option_count == 1
        lines = _shown(row)
        assert lines[0].startswith("Story")
        assert all(len(line) <= row.size.width for line in lines)
        parts = [
            plural(len(story.articles), "article"),
            plural(len(story.outlets), "outlet"),
            ", ".join(story.languages),
            story_dates(story),
        ]
        for part in parts:  # each on one line, not broken across two
            assert any(part in line for line in lines), (part, lines)

        await pilot.press("t")
        await settle(app, pilot)
        screen: Any = app.screen
        assert isinstance(screen, StoriesScreen)
        assert screen.story is not None and screen.story.id == story.id
        assert screen.query_one(DataTable).cursor_row == 1  # on the article being read
        await pilot.press("escape", "escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, StoriesScreen)

        row.focus()
        row.highlighted = 0
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, StoriesScreen) and screen.story is not None
        assert screen.story.id == story.id
        await pilot.press("escape", "escape")
        await settle(app, pilot)

        app.main.open_article(alone)
        await settle(app, pilot)
        assert not row.display
        await pilot.press("t")
        await settle(app, pilot)
        assert not isinstance(app.screen, StoriesScreen)


@pytest.mark.parametrize("width", [80, 120])
async def test_the_stories_tables_give_a_cut_title_all_the_room_left(
    home: Path, width: int
) -> None:
    """At 80 columns a story's title was cut at 22 characters while the dates and languages
    columns kept room for text no story listed had, and a story's articles' titles were cut
    with a fifth of the screen left empty. A title is cut now only when the table fills the
    screen, and is given 30 columns or more."""
    long_title = (
        "Les ministres de l'Eau du bassin du Niger se retrouvent à Niamey pour partager "
        "les données des crues"
    )
    more = [
        draft(
            long_title,
            "Les ministres de l'Eau du Niger, du Mali et du Bénin ont convenu à "
            "Niamey de partager les relevés de crue du fleuve Niger avec l'Autorité du bassin "
            "du Niger.",
            source="Wire",
            published=EVENTS[-1].day,
            language="fr",
        ),
        draft(
            long_title + " (suite)",
            "À Niamey, les ministres de l'Eau du Niger, du Mali et du "
            "Bénin partageront les relevés de crue du fleuve Niger avec l'Autorité du bassin du "
            "Niger, ont-ils convenu.",
            source="Wire",
            published=EVENTS[-1].day,
            language="fr",
        ),
    ]
    library = events_library(home, *more)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot)
        screen = StoriesScreen(library, days=None)
        await app.push_screen(screen)
        await settle(app, pilot)
        table = screen.query_one(DataTable)

        def check(column: str) -> None:
            room = table.scrollable_content_region.width
            assert table.virtual_size.width <= room
            cells = [str(table.get_cell(key, column)) for key in table.rows]
            cut = [cell for cell in cells if cell.endswith("…")]
            assert cut, cells  # the long title is cut at this width
            assert all(len(cell) >= 30 for cell in cut)
            assert room - table.virtual_size.width <= 2, (room, table.virtual_size.width)

        check("title")
        long_story = next(n for n, s in enumerate(screen.stories) if s.title == long_title)
        table.move_cursor(row=long_story)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.story is not None and screen.story.title == long_title
        check("title")


async def test_the_palette_shows_the_articles_story(home: Path) -> None:
    library = _library(home)
    story = library.stories.recent()[0]
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.open_article(story.articles[0].id)
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        focused: Any = app.focused
        focused.post_message(events.Paste("Show the article's story"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        screen: Any = app.screen
        assert isinstance(screen, StoriesScreen)
        assert screen.story is not None and screen.story.id == story.id


@pytest.mark.parametrize("how", ["t", "story row"])
async def test_escape_from_a_story_opened_with_t_goes_back_to_the_article(
    home: Path, how: str
) -> None:
    """`t` (or enter on the side panel's story row) shows the article's story; escape went to
    the whole list of stories, not back to the article where `t` was pressed."""
    from sahelreader.tui.widgets.side_panel import SideList

    library = _library(home)
    story = library.stories.recent()[0]
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reading = story.articles[1].id
        app.main.open_article(reading)
        await settle(app, pilot)
        if how == "t":
            await pilot.press("t")
        else:
            row = app.main.query_one("#story-list", SideList)
            row.focus()
            row.highlighted = 0
            await pilot.press("enter")
        await settle(app, pilot)
        screen: Any = app.screen
        assert isinstance(screen, StoriesScreen) and screen.story is not None
        detail = str(screen.query_one("#stories-detail", Static).render())
        assert "esc: back to the article" in detail
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, StoriesScreen)
        assert app.main.article is not None and app.main.article.id == reading
        # `T` still opens the whole list, and escape there goes up a step as before.
        await pilot.press("T")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, StoriesScreen) and screen.story is None
        await pilot.press("enter")
        await pilot.pause()
        assert screen.story is not None
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen) and screen.story is None


@pytest.mark.parametrize("size", [(30, 8), (40, 10), (60, 12)])
async def test_a_short_screen_keeps_story_rows_readable(home: Path, size: tuple[int, int]) -> None:
    """On a short terminal the story's details (up to 6 lines and an edge) left the table one
    line, its scrollbar: no row was readable. The details give way to the table."""
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("T")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert table.size.height >= 3, size  # the header and two rows at least
        await pilot.press("enter")  # a story's articles
        await settle(app, pilot)
        assert table.size.height >= 3, size
