"""Trends: periods, zero-filling, counting a search's or an entity's articles by date, and the
watch list's "rising" rule."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from sahelreader.entities.summary import EntityGroup
from sahelreader.library import IndexUnavailable, Library, QueryError
from sahelreader.library.trends import (
    BASELINE_WEEKS,
    MIN_HISTORY_WEEKS,
    RISING_MIN_ARTICLES,
    choose_period,
    period_label,
    rising,
    zero_filled,
)
from sahelreader.search.watch import watch_query
from sahelreader.text.timeutil import now_utc
from tests.cli_helpers import cli
from tests.conftest import draft

# -- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (date(2025, 5, 28), "2025-W22"),
        (date(2025, 12, 29), "2026-W01"),  # a Monday in December, in next year's week 1
        (date(2027, 1, 1), "2026-W53"),  # a Friday in January, in last year's week 53
        (date(2021, 1, 3), "2020-W53"),  # a Sunday ends the week that began on a Monday
        (date(2021, 1, 4), "2021-W01"),
    ],
)
def test_iso_weeks_across_the_turn_of_the_year(day: date, week: str) -> None:
    assert period_label(day, "week") == week


def test_days_are_zero_filled_between_the_first_and_the_last() -> None:
    days = [date(2025, 5, 28), date(2025, 5, 28), date(2025, 5, 31)]
    assert zero_filled(days, "day") == [
        ("2025-05-28", 2),
        ("2025-05-29", 0),
        ("2025-05-30", 0),
        ("2025-05-31", 1),
    ]


def test_weeks_run_monday_to_sunday_across_a_year_end() -> None:
    days = [
        date(2025, 12, 21),  # Sunday: 2025-W51
        date(2025, 12, 22),  # Monday: 2025-W52
        date(2025, 12, 28),  # Sunday: 2025-W52
        date(2026, 1, 12),  # 2026-W03
    ]
    assert zero_filled(days, "week") == [
        ("2025-W51", 1),
        ("2025-W52", 2),
        ("2026-W01", 0),
        ("2026-W02", 0),
        ("2026-W03", 1),
    ]


def test_months_are_zero_filled_across_a_year_end() -> None:
    days = [date(2024, 11, 30), date(2025, 2, 1), date(2025, 2, 28)]
    assert zero_filled(days, "month") == [
        ("2024-11", 1),
        ("2024-12", 0),
        ("2025-01", 0),
        ("2025-02", 2),
    ]


def test_since_and_until_bound_the_periods_and_the_days_counted() -> None:
    days = [date(2025, 1, 5), date(2025, 3, 9), date(2025, 6, 1)]
    points = zero_filled(days, "month", since=date(2025, 2, 15), until=date(2025, 4, 1))
    assert points == [("2025-02", 0), ("2025-03", 1), ("2025-04", 0)]
    assert zero_filled([], "day") == []
    # A span asked for is listed even with nothing in it.
    assert zero_filled([], "day", since=date(2025, 1, 1), until=date(2025, 1, 2)) == [
        ("2025-01-01", 0),
        ("2025-01-02", 0),
    ]


def test_the_finest_period_that_fits_the_room_is_chosen() -> None:
    start = date(2024, 1, 1)
    assert choose_period(start, start + timedelta(days=19), 20) == "day"
    assert choose_period(start, start + timedelta(days=20), 20) == "week"
    assert choose_period(start, start + timedelta(weeks=19), 20) == "week"
    assert choose_period(start, start + timedelta(weeks=30), 20) == "month"
    assert choose_period(start, date(2030, 1, 1), 20) == "month"  # even months do not fit


# -- the rising rule -------------------------------------------------------------------------

TODAY = date(2026, 3, 18)


def _days(per_week: list[int], recent: int) -> list[date]:
    """Articles spread over the weeks before the last 7 days (oldest first), then `recent`
    articles within the last 7 days."""
    recent_from = TODAY - timedelta(days=6)
    days: list[date] = []
    for weeks_back, count in enumerate(reversed(per_week), 1):
        start = recent_from - timedelta(weeks=weeks_back)
        days += [start + timedelta(days=i % 7) for i in range(count)]
    days += [recent_from + timedelta(days=i % 7) for i in range(recent)]
    return days


def test_a_name_new_this_week_rises_with_enough_articles() -> None:
    assert rising("X", _days([0] * BASELINE_WEEKS, RISING_MIN_ARTICLES), TODAY).rising
    found = rising("X", _days([0] * BASELINE_WEEKS, RISING_MIN_ARTICLES - 1), TODAY)
    assert not found.rising
    assert found.recent == RISING_MIN_ARTICLES - 1


def test_one_article_never_makes_a_name_rise() -> None:
    assert not rising("X", _days([0] * BASELINE_WEEKS, 1), TODAY).rising


def test_rising_means_well_above_the_usual_week() -> None:
    steady = [2] * BASELINE_WEEKS
    usual = rising("X", _days(steady, 2), TODAY)
    assert usual.usual == 2 and not usual.rising
    assert not rising("X", _days(steady, 3), TODAY).rising  # 1.5x: not enough
    assert rising("X", _days(steady, 4), TODAY).rising  # twice the usual week
    busy = [10] * BASELINE_WEEKS
    assert not rising("X", _days(busy, 12), TODAY).rising  # a busy name, a little busier


def test_nothing_rises_until_the_library_knows_the_usual_week() -> None:
    """In a new library, or a one-day snapshot, every name's usual week is 0: a name with its
    week's articles is not rising there, only in a library with news in most earlier weeks."""
    for history in range(MIN_HISTORY_WEEKS):
        assert not rising("X", _days([0] * BASELINE_WEEKS, 9), TODAY, history).rising
    assert rising("X", _days([0] * BASELINE_WEEKS, 9), TODAY, MIN_HISTORY_WEEKS).rising
    # The usual week is the mean of the weeks the library has news in.
    found = rising("X", _days([0, 0, 0, 0, 2, 2, 2, 2], 3), TODAY, 4)
    assert (found.usual, found.rising) == (2, False)


def test_a_one_day_library_has_no_rising_names(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text(
        'watch = ["Zakari"]\n[entities]\n"Amadou Zakari" = "person"\n', "utf-8"
    )
    library = Library.open(home, seed=False)
    day = date(2026, 3, 18)
    drafts = [_article(n, day, "Amadou Zakari", "Agadez") for n in range(6)]
    drafts.append(_article(50, date(2019, 1, 2), "Moussa Kane", "Tillia"))  # not a history
    library.add_drafts(drafts)  # type: ignore[arg-type]
    library.ensure_index()
    trends = library.trends
    assert trends.history_weeks(day) == 0
    (watched,) = trends.watchlist()
    assert (watched.recent, watched.rising) == (6, False)
    found = trends.entity_rising(EntityGroup("Amadou Zakari", "person", 1))
    assert (found.recent, found.rising) == (6, False)
    library.close()


def test_articles_before_the_baseline_and_after_today_are_not_read() -> None:
    old = [TODAY - timedelta(weeks=BASELINE_WEEKS + 3)] * 50
    future = [TODAY + timedelta(days=2)] * 5
    found = rising("X", [*old, *_days([0] * BASELINE_WEEKS, 3), *future], TODAY)
    assert (found.recent, found.usual, found.rising) == (3, 0, True)


# -- a library's trends ----------------------------------------------------------------------


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 30, tzinfo=timezone.utc)


# Several phrasings, so that the counts are about names and words, not one sentence.
_PHRASES = [
    "Officials in {place} said {person} met the delegation on {weekday}.",
    "{person}, speaking in {place}, announced new measures for the region.",
    "Residents of {place} described the visit by {person} as long awaited.",
    "A statement from {person} was read on the radio in {place}.",
]


def _article(n: int, day: date | None, person: str, place: str, extra: str = "") -> object:
    body = " ".join(
        phrase.format(person=person, place=place, weekday="Monday") for phrase in _PHRASES[n % 4 :]
    )
    return draft(
        f"Report {n} from {place}",
        f"{body} {extra}".strip(),
        url=f"https://wire.example/{n}",
        published=None if day is None else _at(day),
    )


@pytest.fixture
def dated_library(home: Path) -> Library:
    home.mkdir(parents=True)
    (home / "config.toml").write_text(
        '[entities]\n"Amadou Zakari" = "person"\n"Tillia" = "place"\n', "utf-8"
    )
    library = Library.open(home, seed=False)
    drafts = [
        _article(0, date(2025, 1, 6), "Amadou Zakari", "Tillia", "Drought worsened."),
        _article(1, date(2025, 1, 8), "Amadou Zakari", "Tillia"),
        _article(2, date(2025, 1, 21), "Moussa Kane", "Tillia", "The drought eased."),
        _article(3, date(2025, 3, 2), "Amadou Zakari", "Agadez", "A drought report came."),
        _article(4, None, "Amadou Zakari", "Tillia", "Drought again."),
    ]
    library.add_drafts(drafts)  # type: ignore[arg-type]
    library.ensure_index()
    return library


def test_a_word_search_is_counted_by_week_with_undated_articles_apart(
    dated_library: Library,
) -> None:
    trend = dated_library.trends.trend("drought", by="week")
    assert trend.points[0] == ("2025-W02", 1)
    assert dict(trend.points)["2025-W04"] == 1
    assert trend.points[-1] == ("2025-W09", 1)  # Sunday 2 March ends week 9
    assert len(trend.points) == 8  # every week from the first to the last, zero-filled
    assert trend.total == 3 and trend.undated == 1
    by_month = dated_library.trends.trend("drought", by="month")
    assert by_month.points == [("2025-01", 2), ("2025-02", 0), ("2025-03", 1)]


def test_an_entity_trend_counts_what_the_entity_count_counts(dated_library: Library) -> None:
    group = EntityGroup("Amadou Zakari", "person", 1)
    trend = dated_library.trends.entity_trend(group, by="month")
    assert trend.points == [("2025-01", 2), ("2025-02", 0), ("2025-03", 1)]
    assert trend.undated == 1
    assert trend.total + trend.undated == dated_library.count_entity_articles(group)
    # The same as searching for the entity with the query language.
    searched = dated_library.trends.trend(group.query, by="month")
    assert searched.points == trend.points
    place = dated_library.trends.trend('place:"Tillia"', by="day")
    assert place.total == 3 and place.points[0] == ("2025-01-06", 1)


def test_a_date_filter_narrows_the_trend(dated_library: Library) -> None:
    trend = dated_library.trends.trend("zakari published:2025-01", by="day")
    assert trend.points[0] == ("2025-01-06", 1)
    assert trend.points[-1] == ("2025-01-08", 1)
    assert trend.undated == 0  # an undated article cannot pass a date filter
    only_dates = dated_library.trends.trend("published:2025-03", by="month")
    assert only_dates.points == [("2025-03", 1)]


@pytest.mark.parametrize("query", ["", "   ", 'person:"unclosed', "title:(a OR"])
def test_an_empty_or_broken_query_is_refused(dated_library: Library, query: str) -> None:
    with pytest.raises(QueryError):
        dated_library.trends.trend(query)


def test_the_counts_follow_new_articles(dated_library: Library) -> None:
    before = dated_library.trends.trend("drought", by="month")
    dated_library.add_drafts(
        [_article(9, date(2025, 2, 10), "Moussa Kane", "Agadez", "Drought news.")]  # type: ignore[list-item]
    )
    dated_library.sync_index()
    after = dated_library.trends.trend("drought", by="month")
    assert dict(before.points)["2025-02"] == 0
    assert dict(after.points)["2025-02"] == 1


def test_the_watch_list_marks_a_name_whose_week_is_well_above_usual(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text('watch = ["Zakari", "Tillia", "Nobody Here"]\n', "utf-8")
    library = Library.open(home, seed=False)
    today = date(2026, 3, 18)
    drafts = []
    # Zakari: one article every other week before, four this week. Tillia: steady, 2 a week.
    for week in range(BASELINE_WEEKS):
        day = today - timedelta(weeks=week + 1, days=3)
        drafts += [_article(100 + week * 2, day, "Moussa Kane", "Tillia")]
        drafts += [_article(101 + week * 2, day - timedelta(days=1), "Moussa Kane", "Tillia")]
        if week % 2:
            drafts += [_article(200 + week, day, "Amadou Zakari", "Agadez")]
    drafts += [
        _article(300 + i, today - timedelta(days=i), "Amadou Zakari", "Agadez") for i in range(4)
    ]
    drafts += [
        _article(400 + i, today - timedelta(days=i), "Moussa Kane", "Tillia") for i in range(2)
    ]
    library.add_drafts(drafts)  # type: ignore[arg-type]
    library.ensure_index()
    found = {entry.name: entry for entry in library.trends.watchlist(today)}
    assert found["Zakari"].rising and found["Zakari"].recent == 4
    assert found["Zakari"].usual == 0.5
    assert not found["Tillia"].rising and found["Tillia"].usual == 2
    assert not found["Nobody Here"].rising and found["Nobody Here"].recent == 0
    assert library.trends.rising_names(today) == {"Zakari"}
    # A search marks the watched names it looks for, and counts only those: it runs as the
    # user types, and each other name would be one more search of the index.
    counted: list[str] = []
    query_days = library.trends.query_days

    def counting(query: str, *args: object, **kwargs: object) -> object:
        counted.append(query)
        return query_days(query, *args, **kwargs)  # type: ignore[arg-type]

    library.trends.query_days = counting  # type: ignore[method-assign,assignment]
    assert library.trends.rising_searched("zakari agadez", today) == ["Zakari"]
    assert library.trends.rising_searched("tillia", today) == []
    assert counted == [watch_query(["Zakari"]), watch_query(["Tillia"])]
    library.close()


# -- the command line --------------------------------------------------------------------------


def test_cli_trend_json_is_a_list_of_periods_and_counts(dated_library: Library, home: Path) -> None:
    dated_library.close()
    result = cli(home, "trend", "drought", "--by", "month", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"period": "2025-01", "count": 2, "partial": False},
        {"period": "2025-02", "count": 0, "partial": False},
        {"period": "2025-03", "count": 1, "partial": False},
    ]
    assert "1 undated article not counted" in result.stderr


def test_cli_trend_prints_periods_counts_and_bars(dated_library: Library, home: Path) -> None:
    dated_library.close()
    result = cli(home, "trend", 'person:"Amadou Zakari"', "--by", "month")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [
        ["2025-01", "2"],
        ["2025-02", "0"],
        ["2025-03", "1"],
    ]
    assert lines[0].count("█") == 40 and lines[2].count("█") == 20
    assert "█" not in lines[1]


def test_cli_trend_without_a_query_says_what_to_give(dated_library: Library, home: Path) -> None:
    dated_library.close()
    result = cli(home, "trend")
    assert result.returncode == 2  # a usage error
    assert "give a search" in result.stderr
    broken = cli(home, "trend", 'person:"unclosed', "--json")
    assert broken.returncode == 1 and broken.stdout == ""
    wrong_period = cli(home, "trend", "drought", "--by", "year")
    assert wrong_period.returncode == 2


def test_cli_watchlist_json(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text('watch = ["Zakari"]\n', "utf-8")
    library = Library.open(home, seed=False)
    library.close()
    result = cli(home, "trend", "--watchlist", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"name": "Zakari", "last_7_days": 0, "usual_week": 0.0, "rising": False}
    ]


def test_cli_trend_with_no_match_prints_an_empty_list_and_a_suggestion(
    dated_library: Library, home: Path
) -> None:
    dated_library.close()
    result = cli(home, "trend", "drougth", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert "Did you mean: drought" in result.stderr
    text = cli(home, "trend", "drougth")
    assert "No dated articles match." in text.stdout


def test_a_watched_name_with_nothing_searchable_is_found_nowhere(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text('watch = [\'""\', "Zakari"]\n', "utf-8")
    library = Library.open(home, seed=False)
    library.add_drafts([_article(1, date(2026, 3, 17), "Amadou Zakari", "Tillia")])  # type: ignore[list-item]
    library.ensure_index()
    found = library.trends.watchlist(date(2026, 3, 18))
    assert [(entry.name, entry.recent) for entry in found] == [('""', 0), ("Zakari", 1)]
    library.close()


def test_without_an_index_a_trend_says_so(home: Path) -> None:
    library = Library.open(home, seed=False)
    library.add_drafts([_article(1, date(2025, 1, 6), "Amadou Zakari", "Tillia")])  # type: ignore[list-item]
    with pytest.raises(IndexUnavailable):
        library.trends.trend("council")
    with pytest.raises(IndexUnavailable):
        library.trends.entity_trend(EntityGroup("Tillia", "place", 1))
    library.close()


@pytest.mark.parametrize("query", ["<0", ">5", "(<3)", "niger (>2024)", "=<2", "<=2"])
def test_a_comparison_without_a_field_is_a_query_error(dated_library: Library, query: str) -> None:
    # Whoosh's parser failed with an IndexError on these (found by the robustness tests).
    with pytest.raises(QueryError, match="< and > compare a field"):
        dated_library.trends.trend(query)
    with pytest.raises(QueryError):
        dated_library.search(query)


def test_cli_trend_of_a_comparison_without_a_field_says_why(
    dated_library: Library, home: Path
) -> None:
    dated_library.close()
    result = cli(home, "trend", "<0")
    assert result.returncode == 1
    assert "< and > compare a field with a value" in result.stderr
    assert "unexpected error" not in result.stderr


def test_rising_and_the_window_are_as_of_an_archive_s_newest_article(home: Path) -> None:
    """An archive whose news ended years ago: "its last week" is the week up to its newest
    dated article (it was the week up to today, so nothing in an archive ever rose), and the
    reader's window ends there too; a misdated article in the future does not move either."""
    home.mkdir(parents=True)
    (home / "config.toml").write_text('watch = ["Oumarou Sidibé"]\n', "utf-8")
    library = Library.open(home, seed=False)
    end = datetime(2019, 10, 4, 7, tzinfo=timezone.utc)
    history = [  # other news in the weeks before, so the archive knows a usual week
        draft(
            f"Market prices, week {week}",
            "Grain prices held steady at the central market.",
            url=f"https://market.example/{week}",
            published=end - timedelta(weeks=week + 1),
        )
        for week in range(BASELINE_WEEKS)
    ]
    library.add_drafts(
        history
        + [
            draft(
                f"Harbour strike, day {n}",
                "Oumarou Sidibé spoke for the dockers again.",
                url=f"https://harbour.example/{n}",
                published=end - timedelta(days=n),
            )
            for n in range(4)
        ]
        + [
            draft(
                "A straggler",
                "An old note on the harbour.",
                url="https://harbour.example/old",
                published=datetime(2009, 1, 1, tzinfo=timezone.utc),
            )
        ]
    )
    library.ensure_index()
    trends = library.trends
    assert trends.as_of() == date(2019, 10, 4)
    assert trends.recent_window(30) == (date(2019, 9, 5), date(2019, 10, 4))
    (watched,) = trends.watchlist()
    assert (watched.recent, watched.rising) == (4, True)
    assert trends.rising_names() == {"Oumarou Sidibé"}
    # Counted up to a given day, as before.
    assert not trends.watchlist(date(2020, 1, 1))[0].rising
    # Stored as an earlier version stored it (import now drops a date that far ahead).
    library.store.add_many(
        [
            (
                draft(
                    "Dated a century ahead",
                    "A page with a wrong date.",
                    url="https://harbour.example/future",
                    published=datetime(2119, 1, 1, tzinfo=timezone.utc),
                ),
                "en",
            )
        ]
    )
    today = now_utc().date()
    assert trends.as_of() == today
    window = trends.recent_window(30)
    assert window is not None and window[1] == today


def test_an_entity_count_stays_what_the_search_finds_as_notes_and_bookmarks_are_saved(
    dated_library: Library,
) -> None:
    # Saving a note or a bookmark rewrites the article's document in the index (a delete and
    # an add); the deleted copy must not be counted: the side panel's "N articles" grew by one
    # with every save while a search for the name still found the same articles.
    place = EntityGroup("Tillia", "place", 1)
    person = EntityGroup("Amadou Zakari", "person", 1)
    found = dated_library.search('place:"Tillia"', limit=None).total
    assert dated_library.count_entity_articles(place) == found == 4
    article_id = dated_library.search("drought worsened", limit=1).hits[0].id
    for version in ("first thoughts", "second thoughts", "third thoughts"):
        dated_library.save_note(article_id, version)
        dated_library.set_bookmark(article_id, True)
        dated_library.set_bookmark(article_id, False)
    dated_library.ensure_index()
    assert dated_library.search('place:"Tillia"', limit=None).total == 4
    assert dated_library.count_entity_articles(place) == 4
    assert dated_library.count_entity_articles(person) == 4
    trend = dated_library.trends.entity_trend(place, by="month")
    assert trend.total + trend.undated == 4


def test_cli_trend_marks_a_period_counted_only_in_part(dated_library: Library, home: Path) -> None:
    """--since inside a week (or --until before its end) counts part of it: the JSON says
    `partial`, the table marks it with * and stderr says which days were counted."""
    dated_library.close()
    # Week 2 of 2025 runs Monday 6 to Sunday 12 January; week 9 ends Sunday 2 March.
    cut = ("drought", "--by", "week", "--since", "2025-01-08", "--until", "2025-03-01")
    result = cli(home, "trend", *cut, "--json")
    assert result.returncode == 0, result.stderr
    points = json.loads(result.stdout)
    assert points[0] == {"period": "2025-W02", "count": 0, "partial": True}
    assert points[-1] == {"period": "2025-W09", "count": 0, "partial": True}
    assert not any(point["partial"] for point in points[1:-1])
    assert "2025-W02 is a partial week: only 2025-01-08 to 2025-01-12 counted" in result.stderr
    assert "2025-W09 is a partial week: only 2025-02-24 to 2025-03-01 counted" in result.stderr
    table = cli(home, "trend", *cut).stdout.splitlines()
    assert table[0].split()[:2] == ["2025-W02*", "0"]
    assert table[1].split()[:2] == ["2025-W03", "0"]
    whole = json.loads(cli(home, "trend", "drought", "--by", "month", "--json").stdout)
    assert not any(point["partial"] for point in whole)
    from_the_first = cli(home, "trend", "drought", "--by", "month", "--since", "2025-01-01")
    assert "*" not in from_the_first.stdout and "partial" not in from_the_first.stderr


def test_the_period_not_over_yet_is_partial() -> None:
    from sahelreader.cli.main import _partial_periods

    points = [("2025-05", 3), ("2025-06", 1)]
    today = date(2025, 6, 11)
    assert _partial_periods(points, "month", None, None, today) == {
        "2025-06": (date(2025, 6, 1), date(2025, 6, 11))
    }
    assert _partial_periods(points, "month", None, None, date(2025, 7, 1)) == {}
    assert _partial_periods([("2025-06-11", 1)], "day", None, None, today) == {}


@pytest.mark.parametrize(
    ("since", "until"), [(date(2025, 1, 1), None), (None, date(2020, 1, 1)), (None, None)]
)
def test_nothing_dated_in_an_open_span_gives_no_periods(
    since: date | None, until: date | None
) -> None:
    # trend QUERY --since D with nothing matched crashed: max() of no days
    assert zero_filled([], "day", since, until) == []
    assert zero_filled([date(2024, 6, 1)], "day", since, until) == (
        [("2024-06-01", 1)] if since is None and until is None else []
    )


def test_the_cli_trend_with_nothing_in_its_span_says_so(home: Path) -> None:
    for args in (("--since", "2031-01-01"), ("--until", "1990-01-01")):
        result = cli(home, "trend", "niger", *args)
        assert result.returncode == 0, result.stderr
        assert "No dated articles match." in result.stdout
        as_json = cli(home, "trend", "niger", *args, "--json")
        assert as_json.returncode == 0 and json.loads(as_json.stdout) == []


def test_the_watchlist_says_when_the_library_is_too_young_to_tell_rising(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text('watch = ["Zakari"]\n', "utf-8")
    library = Library.open(home, seed=False)
    library.add_drafts(
        [draft("Zakari in Tahoua", "Zakari spoke in Tahoua.", published=datetime(2025, 5, 2))]
    )
    library.close()
    result = cli(home, "trend", "--watchlist")
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "nothing is marked rising yet" in said and "news in 0 of the 8 weeks" in said


def test_an_article_s_window_is_its_own_time_not_the_library_s_last(home: Path) -> None:
    # A library of 2021 news and a few weeks of 2025: a 2021 article's entities were counted
    # in the 30 days to the 2025 end, where the names it is about may never appear.
    library = Library.open(home, seed=False)
    library.add_drafts(
        [
            draft(
                f"Harbour note {n}",
                "The harbour opened.",
                url=f"https://harbour.example/{n}",
                published=datetime(year, month, day, tzinfo=timezone.utc),
            )
            for n, (year, month, day) in enumerate(
                [(2021, 3, 1), (2021, 11, 21), (2025, 5, 1), (2025, 5, 28)]
            )
        ]
    )
    trends = library.trends
    # Up to a week after the article: what led to it and what followed.
    assert trends.window_around(date(2021, 11, 21), 30, 7) == (
        date(2021, 10, 30),
        date(2021, 11, 28),
    )
    # Never past the library's newest: the last article's window is the library's last days.
    assert trends.window_around(date(2025, 5, 27), 30, 7) == trends.recent_window(30)
    # Nor before its first: fewer days.
    assert trends.window_around(date(2021, 3, 1), 30, 7) == (date(2021, 3, 1), date(2021, 3, 8))
    library.close()
