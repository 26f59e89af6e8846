"""Pilot tests for the trend sparklines: the header's for the current search, the side panel's
for the open article's main entities; both counted in workers."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from rich.text import Text
from textual.widgets import Sparkline, Static

from sahelreader.library import Library
from sahelreader.library.trends import Trends
from sahelreader.models import ArticleDraft
from sahelreader.text.timeutil import now_utc
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays
from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.status_bar import StatusBar
from sahelreader.tui.widgets.trends import EntityTrends, SearchTrend, TrendShape, trends_title

from .conftest import draft
from .tui_helpers import settle


def _library(home: Path) -> Library:
    """Dated articles naming a few people and places, several each, over some weeks; one
    name (Zakari) much more often this week than before."""
    home.mkdir(parents=True)
    (home / "config.toml").write_text(
        '[entities]\n"Amadou Zakari" = "person"\n"Tillia" = "place"\n"Moussa Kane" = "person"\n',
        "utf-8",
    )
    library = Library.open(home, seed=False)
    today = now_utc().replace(hour=8)
    drafts = []
    for n in range(30):
        when = today - timedelta(days=2 * n + 8)
        who = "Moussa Kane" if n % 2 else "Amadou Zakari"
        drafts.append(
            draft(
                f"Council meets in Tillia, session {n}",
                f"{who} spoke to the council in Tillia. Later {who} met farmers near Tillia "
                f"about the harvest, and {who} promised new wells.",
                url=f"https://wire.example/{n}",
                published=when,
            )
        )
    for n in range(5):
        drafts.append(
            draft(
                f"Zakari visit {n}",
                "Amadou Zakari arrived in Tillia on Monday. Amadou Zakari addressed "
                "the crowd, and Amadou Zakari left for the capital.",
                url=f"https://wire.example/recent-{n}",
                published=today - timedelta(days=n),
            )
        )
    library.add_drafts(drafts)
    library.ensure_index()
    return library


async def _search(app, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    for key in text:
        await pilot.press(key)
    await pilot.press("enter")
    await settle(app, pilot)


async def _open_first_trends(app, pilot) -> EntityTrends:  # type: ignore[no-untyped-def]
    """Open the list's first article and give its side panel's trends, shown."""
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    await settle(app, pilot)
    trends = app.query_one(EntityTrends)
    assert trends.display
    return trends


async def test_the_header_sparkline_shows_with_a_search_and_goes_without(home: Path) -> None:
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        trend = app.query_one(SearchTrend)
        assert not trend.display
        await _search(app, pilot, "harvest")
        assert trend.display
        line = trend.query_one(Sparkline)
        # The 30 days up to the newest article: 11 of the 30 (one every other day from 8 days
        # ago); the tooltip says the rest.
        assert line.data is not None and sum(line.data) == 11 and len(line.data) == 30
        assert line.size.width == 16
        assert "harvest: 11 articles in the 30 days to " in str(trend.tooltip)
        assert "30 in all: 19 dated outside them" in str(trend.tooltip)
        # The sparkline takes what the header's text leaves: the query is not cut for it.
        status = app.query_one(StatusBar)
        assert "“harvest”" in str(status.render())
        assert status.size.width >= status.length
        await pilot.press("escape")
        await settle(app, pilot)
        assert not trend.display
        # A search nothing matches, and one that cannot be understood: no sparkline either.
        await _search(app, pilot, "zzzqqq")
        assert not trend.display
        await _search(app, pilot, 'person:"unclosed')
        assert not trend.display


async def test_a_trend_tooltip_is_never_read_as_markup(home: Path) -> None:
    # The tooltip repeats the query, and the side panel's the names found in articles: text
    # typed or read, shown as written ("[b]" stays, it does not turn bold).
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _search(app, pilot, 'harvest OR "[b]wells"')
        trend = app.query_one(SearchTrend)
        assert trend.display
        assert isinstance(trend.tooltip, Text)
        assert 'harvest OR "[b]wells"' in trend.tooltip.plain


async def test_the_header_sparkline_is_short_where_the_header_leaves_little_room(
    home: Path,
) -> None:
    # (At 80 columns the header's query leaves it none: see the test below.)
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=(106, 30)) as pilot:
        await settle(app, pilot)
        await _search(app, pilot, "tillia")
        trend = app.query_one(SearchTrend)
        assert trend.display
        assert 8 <= trend.query_one(Sparkline).size.width < 16
        assert not trend.query_one("#search-trend-label", Static).display
        # The counts still come first in the header.
        status = str(app.query_one("#status", Static).render())
        assert "35 articles" in status


async def test_the_side_panel_shows_the_main_entities_trends(home: Path) -> None:
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.query_one(ArticleList).cursor = 0  # the newest: a Zakari visit this week
        trends = await _open_first_trends(app, pilot)
        names = [row.group.name for row in trends.rows]
        assert names[0] == "Amadou Zakari"  # three mentions: the most prominent
        assert "Tillia" in names
        zakari = trends.rows[0]
        assert zakari.rising  # five this week against 1.75 a week before
        assert zakari.shape.total == 11  # in the 30 days (20 in all)
        assert zakari.shape.total + zakari.shape.outside == 20
        tillia = next(row for row in trends.rows if row.group.name == "Tillia")
        assert not tillia.rising  # 3.5 a week before, five now: not twice as many
        labels = [
            str(label.render()) for label in trends.query(".entity-trend-label").results(Static)
        ]
        assert "↑ rising" in labels[0]
        lines = [line for line in trends.query(Sparkline).results(Sparkline) if line.display]
        assert len(lines) == len(trends.rows)


async def test_an_article_without_entities_shows_no_trends(home: Path) -> None:
    home.mkdir(parents=True)
    library = Library.open(home, seed=False)
    library.add_drafts([draft("quiet day", "nothing much happened here today, said nobody.")])
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert not app.query_one(EntityTrends).display


async def test_trends_are_counted_off_the_ui_thread(home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    threads: list[threading.Thread] = []
    counted = Trends.trend, Trends.entity_trend

    def trend(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return counted[0](self, *args, **kwargs)

    def entity_trend(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return counted[1](self, *args, **kwargs)

    monkeypatch.setattr(Trends, "trend", trend)
    monkeypatch.setattr(Trends, "entity_trend", entity_trend)
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await _search(app, pilot, "wells")
        assert app.query_one(SearchTrend).display and app.query_one(EntityTrends).display
    assert threads and threading.main_thread() not in threads


async def test_a_refresh_marks_a_rising_watched_name(home: Path, server) -> None:  # type: ignore[no-untyped-def]
    from .test_tui_feeds import Feed, recorded

    home.mkdir(parents=True)
    (home / "config.toml").write_text('watch = ["Bilma", "Maradi"]\n', "utf-8")
    library = Library.open(home, seed=False)
    today = now_utc()
    library.add_drafts(
        _history(today)
        + [
            draft(
                f"Salt traders gather, day {n}",
                f"Traders in Bilma counted {n + 3} caravans this week.",
                url=f"https://wire.example/bilma-{n}",
                published=today - timedelta(days=n),
            )
            for n in range(3)
        ]
    )
    maradi = ("Maradi market reopens", "Stalls in Maradi reopened after the rains.")
    feed = Feed([maradi])
    library.subscriptions.subscribe(server.route("/wire.xml", feed))  # fetched once now
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    said = recorded(app)
    # Dated in June 2025 (the test feed's dates): Bilma rises on this week's three articles,
    # Maradi, found twice long ago, does not.
    feed.set(
        [
            maradi,
            ("Bilma caravan arrives", "A caravan reached Bilma at dawn."),
            ("Maradi traders return", "Traders came back to Maradi with grain."),
        ]
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        for _ in range(40):
            await settle(app, pilot)
            if any("New in watched name" in message for _, message in said):
                break
            await pilot.pause(0.05)
    messages = [message for _, message in said]
    assert "New in watched name “Bilma”: 1 — ↑ rising" in messages
    assert "New in watched name “Maradi”: 1" in messages


async def test_the_watchlist_filter_names_the_watched_and_marks_the_rising(home: Path) -> None:
    library = _library(home)
    library.close()
    (home / "config.toml").write_text(
        'watch = ["Zakari", "Tillia"]\n'
        '[entities]\n"Amadou Zakari" = "person"\n"Tillia" = "place"\n',
        "utf-8",
    )
    library = Library.open(home, seed=False)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "watchlist" in app.main.filters
        while app.main.filter != "watchlist":
            await pilot.press("f")
            await settle(app, pilot)
        await settle(app, pilot)
        said = str(app.query_one("#search-message", Static).render())
        # Zakari: five this week against 1.75 a week; Tillia: five against 3.5.
        assert said == "Watching: Zakari ↑ rising · Tillia"


async def test_an_archive_s_trends_end_with_its_news_not_today(home: Path) -> None:
    """A library whose news ends long before today, with a few stragglers years older: the
    sparklines span the 30 days up to its newest dated article (not today, not the years since
    the stragglers), rising is as of then, and the labels say what they count."""
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[entities]\n"Ilse Brandt" = "person"\n', "utf-8")
    library = Library.open(home, seed=False)
    last = datetime(2021, 3, 12, 9, tzinfo=timezone.utc)
    text = "Ilse Brandt opened the port talks. Later Ilse Brandt met the dockers' union."
    drafts = [
        draft(
            f"Port talks, old item {n}",
            text,
            url=f"https://old.example/{n}",
            published=datetime(2012 + n, 6, 1, tzinfo=timezone.utc),
        )
        for n in range(3)
    ]
    drafts += [
        draft(
            f"Port talks, day {n}",
            text,
            url=f"https://port.example/{n}",
            published=last - timedelta(days=n % 3),
        )
        for n in range(6)
    ]
    drafts.append(draft("Port talks, undated", text, url="https://port.example/undated"))
    drafts += _history(last)
    library.add_drafts(drafts)
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        trends = await _open_first_trends(app, pilot)
        row = trends.rows[0]
        assert row.group.name == "Ilse Brandt"
        assert row.shape.last == "2021-03-12" and len(row.shape.counts) == 30
        assert row.shape.counts[-3:] == [2, 2, 2]  # not one flat month among years
        assert (row.shape.total, row.shape.outside, row.shape.undated) == (6, 3, 1)
        assert row.rising  # six in its last week, none in the weeks before
        title = str(trends.query_one("#entity-trends-title", Static).render())
        assert title == "Trends: 30 days to 2021-03-12"
        label = trends.query(".entity-trend-label").results(Static).__next__()
        assert str(label.render()).startswith("Ilse Brandt 6")
        assert str(label.tooltip) == (
            "Ilse Brandt: 6 articles in the 30 days to 2021-03-12, the library's newest "
            "(by day; 10 in all: 3 dated outside them, 1 undated)"
        )
        await _search(app, pilot, "dockers")
        header = app.query_one(SearchTrend)
        assert header.display and header.shape is not None
        assert header.shape.last == "2021-03-12" and header.shape.total == 6


def _history(end: datetime) -> list[ArticleDraft]:
    """Other news, one article a week in the 8 weeks before `end`'s week: a library with a
    history, where "rising" can be told from a usual week."""
    return [
        draft(
            f"Grain market, week {week}",
            "Grain prices held steady at the central market.",
            url=f"https://grain.example/{week}",
            published=end - timedelta(weeks=week + 1),
        )
        for week in range(8)
    ]


def _port_talks_on_one_day(home: Path) -> Library:
    """A library of six articles of 12 March 2021 on Ilse Brandt (a listed person)."""
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[entities]\n"Ilse Brandt" = "person"\n', "utf-8")
    library = Library.open(home, seed=False)
    day = datetime(2021, 3, 12, 9, tzinfo=timezone.utc)
    text = "Ilse Brandt opened the port talks. Later Ilse Brandt met the dockers' union."
    library.add_drafts(
        [
            draft(f"Port talks {n}", text, url=f"https://port.example/{n}", published=day)
            for n in range(6)
        ]
    )
    return library


async def test_a_one_day_library_marks_nothing_rising(home: Path) -> None:
    """A new library of one day's news: every name's usual week is 0, so none is "rising"."""
    library = _port_talks_on_one_day(home)
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        trends = await _open_first_trends(app, pilot)
        row = trends.rows[0]
        assert row.group.name == "Ilse Brandt" and row.shape.total == 6
        assert not row.rising
        label = trends.query(".entity-trend-label").results(Static).__next__()
        assert "rising" not in str(label.render())


def test_a_library_of_fewer_days_says_so() -> None:
    """A one-day library's window is that day: the labels said "1 days" and "30 days"."""
    one = TrendShape([4], "day", "2024-04-12", "2024-04-12", 4, 0, 2, date(2024, 4, 12))
    assert trends_title(one) == "Trends: 1 day to 2024-04-12"
    assert one.describe("Tiani") == "Tiani: 4 articles on 2024-04-12, the library's newest" + (
        " (by day; 6 in all: 2 dated outside them)"
    )
    month = TrendShape([0] * 29 + [1], "day", "2024-03-14", "2024-04-12", 1, 0, 0, None)
    assert trends_title(month) == "Trends"  # no end said: no window said
    assert month.describe("Arlit") == "Arlit: 1 article in the 30 days to 2024-04-12 (by day)"


async def test_one_day_of_news_draws_no_sparkline(home: Path) -> None:
    """A library whose dated articles are all of one day (a first refresh; an undated archive
    beside a few dated ones): one period stretched over the sparkline's width drew a solid bar,
    read as constant heavy coverage. With fewer than two periods no sparkline is drawn: the
    header shows none, the side panel names the entity and its count without one."""
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[entities]\n"Odile Ferrand" = "person"\n', "utf-8")
    library = Library.open(home, seed=False)
    day = datetime(2022, 6, 3, 9, tzinfo=timezone.utc)
    text = "Odile Ferrand opened the mill. Later Odile Ferrand spoke to the weavers."
    drafts = [
        draft(f"Mill {n}", text, url=f"https://mill.example/{n}", published=day) for n in (1, 2)
    ]
    drafts.append(draft("Mill archive", text, url="https://mill.example/old", published=None))
    library.add_drafts(drafts)
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _search(app, pilot, "weavers")
        assert len(app.query_one(ArticleList).ids) == 3
        assert not app.query_one(SearchTrend).display
        trends = await _open_first_trends(app, pilot)
        assert trends.rows[0].group.name == "Odile Ferrand"
        label = next(iter(trends.query(".entity-trend-label").results(Static)))
        line = next(iter(trends.query(Sparkline).results(Sparkline)))
        assert label.display and "Odile Ferrand" in str(label.render())
        assert not line.display


def test_a_shape_of_one_period_is_not_drawn() -> None:
    one = TrendShape([4], "day", "2024-04-12", "2024-04-12", 4, 0, 0, date(2024, 4, 12))
    two = TrendShape([0, 1], "day", "2024-04-11", "2024-04-12", 1, 0, 0, date(2024, 4, 12))
    assert not one.drawable and two.drawable


async def test_at_80_columns_the_header_keeps_the_query_before_the_sparkline(home: Path) -> None:
    """At 80x24 the header cut "all · by relevance │ “tillia”" to keep the search's sparkline:
    the query comes first, the sparkline shows only where the whole line leaves it room."""
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await _search(app, pilot, "tillia")
        status = app.query_one(StatusBar)
        shown = str(status.render())
        assert "35 articles" in shown and "“tillia”" in shown
        assert shown.index("“tillia”") + len("“tillia”") <= 80, shown  # not cut off
        assert not app.query_one(SearchTrend).display
        await pilot.resize_terminal(120, 40)
        await settle(app, pilot)
        assert app.query_one(SearchTrend).display
        assert "“tillia”" in str(status.render())


async def test_a_query_not_understood_clears_the_sparkline_of_the_last_results(
    home: Path,
) -> None:
    """After an error the previous results stay listed, but their sparkline stayed beside
    "query not understood", as if it were the new query's."""
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _search(app, pilot, "harvest")
        trend = app.query_one(SearchTrend)
        assert trend.display
        await _search(app, pilot, "harvest AND")  # a query with its end missing
        assert "query not understood" in str(app.query_one(StatusBar).render())
        assert app.query_one(ArticleList).ids  # the last results stay
        assert not trend.display
        await _search(app, pilot, "harvest")
        assert trend.display


async def test_the_header_marks_a_rising_watched_name_searched_for(home: Path) -> None:
    """README: ↑ rising shows in the header too, for a watched name the search looks for."""
    library = _library(home)
    library.close()
    (home / "config.toml").write_text(
        'watch = ["Zakari", "Tillia"]\n'
        '[entities]\n"Amadou Zakari" = "person"\n"Tillia" = "place"\n',
        "utf-8",
    )
    app = make_app(library=Library.open(home, seed=False), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        trend = app.query_one(SearchTrend)
        mark = trend.query_one("#search-trend-rising", Static)
        for query, marked in (
            ("zakari", True),  # typed in lower case; watched as "Zakari"
            ('"ZAKARI"', True),  # any case, quoted
            ("tillia", False),  # watched, not rising
            ("harvest", False),  # no watched name
            ("tillia NOT zakari", False),  # left out, not looked for
        ):
            await _search(app, pilot, query)
            assert trend.display, query
            assert mark.display is marked, query
            assert ("↑ rising" in str(trend.tooltip)) is marked, query
        await _search(app, pilot, "zakari")
        assert mark.display and "↑ rising" in str(mark.render())
        assert "Zakari ↑ rising" in str(trend.tooltip)


def test_names_searched_reads_a_query_as_the_search_does() -> None:
    from sahelreader.search.watch import names_searched

    watched = ["Ménaka", "JNIM", "Abdourahamane Tiani", "Tiani"]
    assert names_searched("menaka attaque", watched) == ["Ménaka"]
    assert names_searched('organisation:jnim OR "MÉNAKA"', watched) == ["Ménaka", "JNIM"]
    assert names_searched('person:"abdourahamane tiani"', watched) == [
        "Abdourahamane Tiani",
        "Tiani",
    ]
    assert names_searched("menakas jnimx", watched) == []  # whole words only
    assert names_searched('niger -menaka NOT "jnim"', watched) == []
    assert names_searched("", watched) == [] and names_searched("jnim", []) == []


async def test_the_side_panel_sparklines_give_each_of_the_30_days_a_cell(home: Path) -> None:
    """30 days in 29 cells drew a 7-day burst as 6 bars: a cell a day, with the panel's
    scrollbar shown (a tall panel) or not (a short one)."""
    from sahelreader.tui.widgets.side_panel import SidePanel
    from sahelreader.tui.widgets.trends import TREND_DAYS

    for size in ((120, 40), (120, 16)):
        app = make_app(library=_library(home), delays=Delays.none()) if size[1] == 40 else None
        app = app or make_app(library=Library.open(home, seed=False), delays=Delays.none())
        async with app.run_test(size=size) as pilot:
            trends = await _open_first_trends(app, pilot)
            side = app.query_one(SidePanel)
            lines = [line for line in trends.query(Sparkline) if line.display]
            assert lines, size
            assert {line.size.width for line in lines} == {TREND_DAYS}, (size, side.max_scroll_y)


async def test_an_old_article_s_trends_are_of_its_own_time(home: Path) -> None:
    """An article of 2021 in a library whose news runs on to 2025: its entities' sparklines
    were of the 30 days to 2025, where its names never appear, so the section stayed hidden
    (or showed flat lines). They span the article's own time, up to a week after it."""
    library = _port_talks_on_one_day(home)
    library.add_drafts(
        _history(datetime(2025, 5, 28, 9, tzinfo=timezone.utc))
        + [
            draft(
                "Grain market, the year before",
                "Grain prices held steady at the central market.",
                url="https://grain.example/2020",
                published=datetime(2020, 6, 1, 9, tzinfo=timezone.utc),
            )
        ]
    )
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _search(app, pilot, "dockers")
        trends = await _open_first_trends(app, pilot)
        row = trends.rows[0]
        assert row.group.name == "Ilse Brandt"
        assert (row.shape.first, row.shape.last) == ("2021-02-18", "2021-03-19")
        assert row.shape.total == 6
        title = str(trends.query_one("#entity-trends-title", Static).render())
        assert title == "Trends: 30 days to 2021-03-19"
        label = trends.query(".entity-trend-label").results(Static).__next__()
        assert "around this article" in str(label.tooltip)
