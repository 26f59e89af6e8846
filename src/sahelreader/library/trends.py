"""Trends: how often a search, or a person, place or organisation, appears over time.

Counting is cheap: the matching documents come from the index unranked, and their days from
the index's sortable `published` column (no stored field, no SQLite row is read); an entity's
documents are those `Library.count_entity_articles` counts. An article's day is its
publication date in UTC, as stored (the importer already fell back to its updated/modified
date); articles without one are left out of the periods and counted apart (`undated`).

Periods are ISO strings: a day "2025-05-28", an ISO week "2025-W22" (Monday to Sunday; the
week of 29 December 2025 is "2026-W01"), a month "2025-05". A trend lists every period from
its first to its last, those without an article at 0.

"Rising" (for the watch list, and an entity's sparkline): a name whose last 7 days (up to the
library's newest dated day, `Trends.as_of`: today in a library kept up to date) hold at least
RISING_MIN_ARTICLES articles and at least RISING_FACTOR times its usual week, the mean of the
BASELINE_WEEKS weeks before them. A name new this week rises with
RISING_MIN_ARTICLES articles; one article never makes a name rise. Nothing rises unless the
library knows the usual level: it has dated articles (on anything) in at least
MIN_HISTORY_WEEKS of those BASELINE_WEEKS weeks, and the usual week is the mean over the weeks
it has news in (in a new library, or a one-day snapshot, every name's usual week would be 0).
"""

from __future__ import annotations

import bisect
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal, get_args

from sahelreader.search.index import DatedMatches, IndexUnavailable
from sahelreader.search.query import QueryError
from sahelreader.search.watch import names_searched, watch_query
from sahelreader.text.timeutil import AHEAD_ALLOWANCE, now_utc

if TYPE_CHECKING:
    from sahelreader.entities.summary import EntityGroup
    from sahelreader.library import Library

Period = Literal["day", "week", "month"]
PERIODS: tuple[Period, ...] = get_args(Period)

RECENT_DAYS = 7
BASELINE_WEEKS = 8
RISING_MIN_ARTICLES = 3
RISING_FACTOR = 2.0
MIN_HISTORY_WEEKS = 4  # of the BASELINE_WEEKS, with news in the library, to know a usual week
# The most periods a trend fills: 27 years by day. A span longer than that (a misdated article
# of 1903 among 2024's news, by day) is refused with what to do, not listed in 40,000 rows.
MAX_PERIODS = 10_000
# Queries whose days are kept (per library change); the TUI asks again for the same ones.
_CACHE_SIZE = 256


@dataclass(frozen=True)
class Trend:
    """Articles per period, every period from the first to the last (zero-filled)."""

    query: str
    by: Period
    points: list[tuple[str, int]]
    undated: int  # matching articles without a publication date, in no period
    outside: int = 0  # dated matching articles before or after the periods asked for
    # of those, dated after today (plus AHEAD_ALLOWANCE), left out when no period was asked for
    # that far: a misdated article stored by an earlier version must not stretch the periods
    ahead: int = 0

    @property
    def total(self) -> int:
        """Dated articles counted in the periods."""
        return sum(count for _, count in self.points)

    @property
    def counts(self) -> list[int]:
        return [count for _, count in self.points]


@dataclass(frozen=True)
class Rising:
    """A name's last week against its usual week (see the module's rule)."""

    name: str
    recent: int  # articles in the last RECENT_DAYS days, today included
    usual: float  # mean articles a week over the BASELINE_WEEKS weeks before (with news)
    rising: bool


class TrendTooLong(ValueError):
    """The periods from the first to the last would be more than MAX_PERIODS."""

    def __init__(self, first: date, last: date, by: Period, periods: int) -> None:
        self.first, self.last, self.by, self.periods = first, last, by, periods
        super().__init__(
            f"the articles span {first.isoformat()} to {last.isoformat()}: {periods:,} "
            f"{by}s, more than {MAX_PERIODS:,}; count by a longer period, or over fewer days"
        )


# -- periods -------------------------------------------------------------------------------


def period_start(day: date, by: Period) -> date:
    """The first day of the period holding `day` (an ISO week starts on Monday)."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: date, by: Period) -> date:
    """The first day of the period after the one starting on `start`."""
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def period_label(day: date, by: Period) -> str:
    """ "2025-05-28", "2025-W22" (the ISO year, which may differ from the calendar's), "2025-05"."""
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}"


def zero_filled(
    days: Iterable[date], by: Period, since: date | None = None, until: date | None = None
) -> list[tuple[str, int]]:
    """(period, count) for every period from `since` (else the first day) to `until` (else
    the last), days outside [since, until] left out; [] when there is nothing to span."""
    return filled_periods(Counter(days), by, since, until)


def filled_periods(
    per_day: Mapping[date, int], by: Period, since: date | None = None, until: date | None = None
) -> list[tuple[str, int]]:
    """`zero_filled` from articles counted by day (each day's period worked out once)."""
    counts: Counter[date] = Counter()
    for day, count in per_day.items():
        if _within(day, since, until):
            counts[period_start(day, by)] += count
    if not counts and (since is None or until is None):
        return []  # nothing matched, and one end of the span is unknown: nothing to span
    first = period_start(since, by) if since is not None else min(counts)
    last = period_start(until, by) if until is not None else max(counts)
    periods = _periods_between(first, last, by)
    if periods > MAX_PERIODS:
        raise TrendTooLong(first, last, by, periods)
    points: list[tuple[str, int]] = []
    current = first
    while current <= last:
        points.append((period_label(current, by), counts.get(current, 0)))
        current = next_period(current, by)
    return points


def choose_period(first: date, last: date, room: int) -> Period:
    """The finest period whose count from `first` to `last` fits `room` points (a sparkline's
    columns); months when even they do not fit."""
    for by in PERIODS[:2]:
        periods = _periods_between(first, last, by)
        if periods <= room:
            return by
    return "month"


def _periods_between(first: date, last: date, by: Period) -> int:
    if by == "day":
        return (last - first).days + 1
    if by == "week":
        return (period_start(last, by) - period_start(first, by)).days // 7 + 1
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _within(day: date, since: date | None, until: date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


# -- rising ----------------------------------------------------------------------------------


def baseline_weeks(today: date) -> tuple[date, date]:
    """The first day of the BASELINE_WEEKS weeks before the last RECENT_DAYS, and of those."""
    recent_from = today - timedelta(days=RECENT_DAYS - 1)
    return recent_from - timedelta(weeks=BASELINE_WEEKS), recent_from


def weeks_with_news(days: Iterable[date], today: date) -> int:
    """How many of the baseline weeks before `today`'s last week hold one of `days`."""
    start, end = baseline_weeks(today)
    return len({(day - start).days // 7 for day in days if start <= day < end})


def rising(
    name: str, days: Sequence[date], today: date, history_weeks: int = BASELINE_WEEKS
) -> Rising:
    """Whether `name`, found on `days` (one per article), is rising on `today`, in a library
    with news in `history_weeks` of the baseline weeks (see the module's rule)."""
    baseline_from, recent_from = baseline_weeks(today)
    recent = sum(1 for day in days if recent_from <= day <= today)
    before = sum(1 for day in days if baseline_from <= day < recent_from)
    usual = before / max(1, min(history_weeks, BASELINE_WEEKS))
    return Rising(
        name,
        recent,
        round(usual, 2),
        history_weeks >= MIN_HISTORY_WEEKS
        and recent >= RISING_MIN_ARTICLES
        and recent >= RISING_FACTOR * usual,
    )


# -- the library's trends ----------------------------------------------------------------------


class Trends:
    """Trends over one library's index; each query's days are kept until the library changes."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._lock = threading.Lock()  # the TUI asks from several workers
        self._cache: dict[tuple[str, str], DatedMatches] = {}
        self._cached_for: tuple[int, int | None] | None = None

    def trend(
        self,
        query: str,
        by: Period = "week",
        since: date | None = None,
        until: date | None = None,
    ) -> Trend:
        """How many articles the search matches per period. QueryError for an empty query or
        one that cannot be understood; IndexUnavailable when there is no index yet."""
        matches = self.query_days(query)
        return self._trend(query, matches, by, since, until)

    def entity_trend(
        self,
        group: EntityGroup,
        by: Period = "week",
        since: date | None = None,
        until: date | None = None,
    ) -> Trend:
        """How many articles name the entity per period (those count_entity_articles counts)."""
        return self._trend(group.query, self._entity_days(group), by, since, until)

    def query_days(self, query: str) -> DatedMatches:
        """The days (ordinals, ascending) of every article the search matches, and undated."""
        text = query.strip()
        if not text:
            raise QueryError('nothing to count: give a search, e.g. tiani or person:"Tiani"')
        return self._days(("query", text), lambda: self._search_days(text))

    def entity_rising(self, group: EntityGroup, today: date | None = None) -> Rising:
        today = today or self.as_of()
        days = self._entity_days(group).days
        return rising(group.name, _as_dates(_since(days, today)), today, self.history_weeks(today))

    def watchlist(
        self, today: date | None = None, only: Collection[str] | None = None
    ) -> list[Rising]:
        """Each name of config.toml's watch list (or of those in `only`) against its usual
        week (see `rising`); a name is found as the watch-list filter finds it (the name as a
        phrase). `today`: by default the library's newest dated day (`as_of`)."""
        today = today or self.as_of()
        history = self.history_weeks(today)
        found = []
        for name in self.library.config.watch:
            if not name.strip() or (only is not None and name not in only):
                continue
            try:
                days = self.query_days(watch_query([name])).days
            except QueryError:  # nothing searchable in it (only quotes, say): found nowhere
                days = []
            found.append(rising(name, _as_dates(_since(days, today)), today, history))
        return found

    def rising_names(self, today: date | None = None) -> set[str]:
        return {entry.name for entry in self.watchlist(today) if entry.rising}

    def rising_searched(self, query: str, today: date | None = None) -> list[str]:
        """The watched names `query` looks for (`names_searched`) that are rising on `today`,
        by the watchlist's rule: what the reader's header marks ↑ rising for a search."""
        searched = names_searched(query, self.library.config.watch)
        if not searched:
            return []
        # Only the names searched for are counted: this runs as the user types.
        return [entry.name for entry in self.watchlist(today, searched) if entry.rising]

    def history_weeks(self, today: date) -> int:
        """How many of the baseline weeks before `today`'s last week the library has dated
        articles in (`rising` needs MIN_HISTORY_WEEKS to know a name's usual week)."""
        start, end = baseline_weeks(today)
        key = ("history", today.isoformat())
        days = self._days(key, lambda: self._dated_days(start, end))
        return weeks_with_news(_as_dates(days.days), today)

    def as_of(self, today: date | None = None) -> date:
        """The day rising and the reader's trends are counted up to: the library's newest dated
        article's (today in a library kept up to date; in an archive whose news ended months
        ago, that end, where "its last week" is), never after today (a misdated article);
        today when nothing is dated."""
        today = today or now_utc().date()
        span = self.library_span()
        return today if span is None else min(span[1], today)

    def recent_window(self, days: int, today: date | None = None) -> tuple[date, date] | None:
        """The reader's trend window: the `days` days up to `as_of` (fewer when the library
        spans fewer), so a few old stragglers do not stretch it over years. None when nothing
        is dated."""
        span = self.library_span()
        if span is None:
            return None
        end = self.as_of(today)
        start = max(min(span[0], end), end - timedelta(days=days - 1))
        return start, end

    def window_around(
        self, day: date, days: int, after: int, today: date | None = None
    ) -> tuple[date, date] | None:
        """The `days` days of an article's time: up to `after` days after its `day` (what
        followed), never past `as_of` (the library's newest), and what led to it before. An
        article of 2021 in a library whose news runs to 2025 is read against its own month,
        not the library's last. None when nothing is dated."""
        span = self.library_span()
        if span is None:
            return None
        end = max(min(day + timedelta(days=after), self.as_of(today)), min(day, span[1]))
        start = max(min(span[0], end), end - timedelta(days=days - 1))
        return start, end

    def library_span(self) -> tuple[date, date] | None:
        """The first and last publication days in the library; None when nothing is dated."""
        first, last = self.library.store.published_span()
        if first is None or last is None:
            return None
        return date.fromisoformat(first[:10]), date.fromisoformat(last[:10])

    def forget(self) -> None:
        """Drop the days kept for each query (they are read from the index again)."""
        with self._lock:
            self._cache = {}

    # -- plumbing ----------------------------------------------------------------------------

    def _search_days(self, text: str) -> DatedMatches:
        return self.library.index.matching_dates(self.library.parse_query(text))

    def _dated_days(self, start: date, end: date) -> DatedMatches:
        """The days (ordinals, ascending, one each) with a dated article in [start, end)."""
        days = self.library.store.published_days(start.isoformat(), end.isoformat())
        ordinals = [date.fromisoformat(day).toordinal() for day in days]
        return DatedMatches(ordinals, 0)

    def _entity_days(self, group: EntityGroup) -> DatedMatches:
        return self._days(
            ("entity", f"{group.type}\n{group.name}"),
            lambda: self.library.index.dates_in_field(group.type, group.name),
        )

    def _days(self, key: tuple[str, str], compute: Callable[[], DatedMatches]) -> DatedMatches:
        marker = (self.library.store.content_stamp(), self.library.index.recorded_stamp()[0])
        with self._lock:
            if marker != self._cached_for:
                self._cache = {}
                self._cached_for = marker
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        try:
            found = compute()
        except FileNotFoundError as error:  # no index on disk (yet)
            raise IndexUnavailable(
                "the search index is not built yet: try again in a moment"
            ) from error
        with self._lock:
            if self._cached_for == marker:
                if len(self._cache) >= _CACHE_SIZE:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[key] = found
        return found

    def _trend(
        self,
        query: str,
        matches: DatedMatches,
        by: Period,
        since: date | None,
        until: date | None,
    ) -> Trend:
        if by not in PERIODS:
            raise ValueError(f"unknown period {by!r}: one of {', '.join(PERIODS)}")
        per_day = {date.fromordinal(day): count for day, count in Counter(matches.days).items()}
        ahead = 0
        latest = now_utc().date() + AHEAD_ALLOWANCE
        if until is None and (since is None or since <= latest):
            # Periods asked for up to the newest article end today: one misdated far ahead
            # ("2099-01-01", stored before import refused such dates) is said, not spanned.
            ahead = sum(count for day, count in per_day.items() if day > latest)
            per_day = {day: count for day, count in per_day.items() if day <= latest}
        points = filled_periods(per_day, by, since, until)
        outside = len(matches.days) - sum(count for _, count in points)
        return Trend(query, by, points, matches.undated, outside, ahead)


def _as_dates(ordinals: Iterable[int]) -> list[date]:
    return [date.fromordinal(ordinal) for ordinal in ordinals]


def _since(ordinals: list[int], today: date) -> list[int]:
    """The ordinals (ascending) from the rising rule's window on: older ones are not read."""
    start = today - timedelta(days=RECENT_DAYS - 1, weeks=BASELINE_WEEKS)
    return ordinals[bisect.bisect_left(ordinals, start.toordinal()) :]
