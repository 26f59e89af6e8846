"""Is a story growing? Its articles of the last two days (up to the newest dated article)
against its own pace before them (related/growth.py), in the CLI and the Stories view."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.related.growth import gathering_before, story_growth
from sahelreader.related.stories import Story, StoryArticle
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays

from .bilingual import EVENTS, english, events_library, filler, french
from .cli_helpers import cli
from .conftest import draft, utc
from .tui_helpers import settle

UNTIL = utc(2025, 3, 20) + timedelta(hours=18)


def _story(*days_before: float) -> Story:
    """A story whose articles came out these many days before UNTIL."""
    when = sorted(UNTIL - timedelta(days=d) for d in days_before)
    articles = tuple(
        StoryArticle(f"a{n}", f"Report {n}", f"Outlet {n}", "en", at) for n, at in enumerate(when)
    )
    return Story(7, "Report 0", articles, (), ("en",), when[0], when[-1])


@pytest.mark.parametrize(
    ("days_before", "kind"),
    [
        ((0.1, 0.5, 1.2), "new"),  # all in the last two days
        ((0.2, 1.9), "new"),
        ((0.3, 0.6, 1.0, 1.5, 6.0), "growing"),  # 2 a day now, 1 in the five days before
        ((0.1, 0.4, 5.0, 9.0, 12.0), "growing"),
        ((0.1, 3.0, 4.0, 5.0, 6.0), None),  # one recent article is no growth
        ((0.5, 1.0, 2.5, 3.0, 3.5, 4.0), None),  # as many a day as before
        ((3.0, 4.0, 5.0), None),  # nothing in the last two days
        ((0.5,), None),
    ],
)
def test_growth_compares_the_last_two_days_with_the_pace_before(
    days_before: tuple[float, ...], kind: str | None
) -> None:
    growth = story_growth(_story(*days_before), UNTIL)
    assert (growth.kind if growth is not None else None) == kind


def test_the_days_before_are_counted_as_calendar_days_both_ends_included() -> None:
    """Articles dated without an hour: one on the 24th, three on the 26th and 27th. The two
    days before the window (24th, 25th) held one article: half a day, against 1.5 now."""
    until = utc(2024, 11, 27)
    dates = [utc(2024, 11, 24), utc(2024, 11, 26), utc(2024, 11, 26), utc(2024, 11, 27)]
    articles = tuple(
        StoryArticle(f"a{n}", "Report", f"Outlet {n}", "en", at) for n, at in enumerate(dates)
    )
    story = Story(3, "Report", articles, (), ("en",), dates[0], dates[-1])
    growth = story_growth(story, until)
    assert growth is not None and growth.kind == "growing"
    assert growth.describe().endswith("against 1 article in the 2 days before")
    five = replace(
        story, articles=(StoryArticle("b", "R", "O", "en", utc(2024, 11, 21)),) + articles
    )
    found = story_growth(five, until)
    assert found is not None and found.earlier_days == 5  # the 21st to the 25th


def test_growth_is_described_with_its_counts() -> None:
    growth = story_growth(_story(0.3, 0.6, 1.0, 1.5, 6.0), UNTIL)
    assert growth is not None and growth.marker == "↑ growing"
    assert growth.describe() == (
        "growing: 4 articles in the last 2 days, against 1 article in the 5 days before"
    )
    new = story_growth(_story(0.1, 0.5), UNTIL)
    assert new is not None and new.describe() == "new: 2 articles in the last 2 days"


def test_nothing_is_new_in_a_library_that_was_not_gathering_news_before() -> None:
    story = _story(0.1, 0.5)
    assert story_growth(story, UNTIL, has_history=False) is None
    found = story_growth(story, UNTIL, has_history=True)
    assert found is not None and found.kind == "new"
    growing = story_growth(_story(0.3, 0.6, 1.0, 1.5, 6.0), UNTIL, has_history=False)
    assert growing is not None and growing.kind == "growing"  # its own past is its history
    assert gathering_before(recent=40, before=55)
    assert not gathering_before(recent=800, before=12)  # a one-day snapshot, a few re-runs
    assert not gathering_before(recent=0, before=0)


def test_articles_after_the_window_end_or_no_end_say_nothing() -> None:
    assert story_growth(_story(0.1, 0.5), None) is None
    later: datetime = UNTIL - timedelta(days=3)  # seen from three days earlier: not yet out
    assert story_growth(_story(0.1, 0.5), later) is None


def _week_before(day: datetime) -> list[ArticleDraft]:
    """The everyday news a library gathered in the days before `day`."""
    towns = ["Maradi", "Dosso", "Kayes", "Ségou", "Abéché", "Zinder"]
    return [
        draft(
            f"{town} weekly market report",
            f"Traders in {town} said millet and onion prices held steady this week.",
            source="Market Watch",
            published=day - timedelta(days=3 + n),
        )
        for n, town in enumerate(towns)
    ]


def _library(home: Path) -> Library:
    return events_library(home, *_week_before(EVENTS[-1].day))


def test_cli_stories_mark_the_latest_event_new(home: Path) -> None:
    library = _library(home)
    latest = library.stories.recent()[0]
    library.close()
    assert latest.first is not None and latest.first.date() == EVENTS[-1].day.date()
    stories = json.loads(cli(home, "stories", "--json").stdout)
    assert stories[0]["id"] == str(latest.id) and stories[0]["growth"] == "new"
    text = cli(home, "stories", "--days", "400").stdout
    assert "new" in text.split("\n")[0]
    # Older events' stories stopped long before the newest article: no marker.
    older = json.loads(cli(home, "stories", "--days", "400", "--json").stdout)[1:]
    assert older and all(s["growth"] is None for s in older)


def test_a_library_of_one_days_news_marks_nothing_new(home: Path) -> None:
    with Library.open(home, seed=False) as library:
        event = EVENTS[-1]
        library.add_drafts(
            [
                english(event, 0),
                french(event, 1),
                english(event, 2, source="Third Wire"),
                *filler(10),  # spread over the year: nothing in the days before the event
            ]
        )
    stories = json.loads(cli(home, "stories", "--json").stdout)
    assert stories and all(s["growth"] is None for s in stories)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_stories_view_shows_the_trend(home: Path, size: tuple[int, int]) -> None:
    app = make_app(library=_library(home), delays=Delays.none())
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("T")
        await settle(app, pilot)
        table: DataTable[Any] = app.screen.query_one(DataTable)
        first_row = [str(cell) for cell in table.get_row_at(0)]
        assert "new" in first_row
        detail = str(app.screen.query_one("#stories-detail", Static).render())
        assert "new: 3 articles in the last 2 days" in detail
