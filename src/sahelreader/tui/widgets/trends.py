"""Trend sparklines: the current search's in the header, the open article's main entities' in
the side panel. Counted in thread workers (`Library.trends`, which keeps each query's days until
the library changes). The search's spans the TREND_DAYS up to the library's newest dated article
(`Trends.recent_window`): in an archive whose news ends long before today that is where its news
ends. The article's entities' span the same days around the article (`Trends.window_around`):
a 2021 article in a library running to 2025 is read against its own month. The side panel's
sparklines share their window, so they compare by eye; the section title and tooltips say it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Sparkline, Static
from textual.worker import get_current_worker

from sahelreader.entities.summary import EntityGroup
from sahelreader.library import Library
from sahelreader.library.trends import Period, Trend
from sahelreader.text.clean import one_line, plural
from sahelreader.tui.widgets.entity_styles import ENTITY_STYLES

# The header's sparkline takes what the header line leaves (its counts and query come first),
# between these many columns; named ("per month") only when that fits too.
HEADER_COLUMNS_MOST = 16
HEADER_COLUMNS_LEAST = 8
ENTITY_TRENDS_SHOWN = 3  # the article's most mentioned entities
ENTITY_COLUMNS = 30  # the side panel's room (34 wide, less its padding and edge)
RISING_MARK = "↑ rising"
TREND_DAYS = 30  # the sparklines' window, by day (a sparkline narrower than it buckets days)
TREND_DAYS_AFTER = 7  # an article's entities: the window runs this far past it (what followed)
TRENDS_TITLE = "Trends"


@dataclass(frozen=True)
class TrendShape:
    """What a sparkline draws and what its tooltip says."""

    counts: list[int]
    by: Period
    first: str  # the first period's label
    last: str
    total: int  # dated articles in the window
    undated: int
    outside: int = 0  # dated articles outside the window (older, mostly)
    end: date | None = None  # the window's last day...
    newest: bool = True  # ...the library's newest dated article's, or some days after an article

    @classmethod
    def of(cls, trend: Trend, end: date | None = None, *, newest: bool = True) -> TrendShape:
        return cls(
            trend.counts,
            trend.by,
            trend.points[0][0] if trend.points else "",
            trend.points[-1][0] if trend.points else "",
            trend.total,
            trend.undated,
            trend.outside,
            end,
            newest,
        )

    @property
    def days(self) -> int:
        return len(self.counts) if self.by == "day" else 0

    @property
    def drawable(self) -> bool:
        """Whether a sparkline says anything: one period (a library of one day's news) is
        stretched over the whole width, a solid bar read as constant heavy coverage."""
        return len(self.counts) >= 2

    def describe(self, what: str) -> str:
        """ "Kyiv: 3 articles in the 30 days to 2025-05-28, the library's newest (by day; 27 in
        all: 16 dated outside them, 8 undated)"."""
        if self.days:
            window = (
                f"on {self.last}"
                if self.days == 1
                else f"in the {plural(self.days, 'day')} to {self.last}"
            )
            if self.end is not None:
                window += ", the library's newest" if self.newest else ", around this article"
        else:
            window = f"by {self.by}, {self.first} → {self.last}"
        others = []
        if self.outside:
            others.append(f"{self.outside:,} dated outside them")
        if self.undated:
            others.append(f"{self.undated:,} undated")
        all_told = self.total + self.outside + self.undated
        rest = f"; {all_told:,} in all: {', '.join(others)}" if others else ""
        by = f" (by day{rest})" if self.days else (f" ({rest[2:]})" if rest else "")
        return f"{what}: {plural(self.total, 'article')} {window}{by}"


def library_trend(
    library: Library,
    *,
    query: str = "",
    group: EntityGroup | None = None,
    around: date | None = None,
) -> TrendShape | None:
    """The trend of a search or an entity by day over the TREND_DAYS up to the library's newest
    dated article (`Trends.recent_window`), or those around the day of an article (`around`:
    `Trends.window_around`); None when the library has no dated article."""
    trends = library.trends
    window = (
        trends.recent_window(TREND_DAYS)
        if around is None
        else trends.window_around(around, TREND_DAYS, TREND_DAYS_AFTER)
    )
    if window is None:
        return None
    first, last = window
    if group is not None:
        trend = trends.entity_trend(group, "day", first, last)
    else:
        trend = trends.trend(query, "day", first, last)
    return TrendShape.of(trend, last, newest=last == trends.as_of())


def trends_title(shape: TrendShape | None) -> str:
    """The side panel's section title, which says the window: "Trends: 30 days to 2025-05-28"
    (fewer days in a library that spans fewer)."""
    if shape is None or shape.end is None or not shape.days:
        return TRENDS_TITLE
    return f"{TRENDS_TITLE}: {plural(shape.days, 'day')} to {shape.end.isoformat()}"


class SearchTrend(Horizontal):
    """The header's sparkline for the current search; hidden with no search (or no dates, or
    dates of one day only)."""

    DEFAULT_CSS = """
    SearchTrend {
        width: auto;
        height: 1;
        display: none;
        background: $panel;
    }
    SearchTrend > #search-trend-label {
        width: auto;
        color: $text-muted;
    }
    SearchTrend > Sparkline {
        width: 16;
        margin: 0 1;
    }
    SearchTrend > #search-trend-rising {
        width: auto;
        margin-right: 1;
        color: #ffd75f;
        text-style: bold;
        display: none;
    }
    """

    @dataclass
    class Counted(Message):
        query: str
        shape: TrendShape | None
        rising: list[str] = field(default_factory=list)  # the watched names searched, rising

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.query_text = ""
        self.shape: TrendShape | None = None
        self.rising: list[str] = []  # the watched names the search looks for that are rising
        self.spare = 0  # the header's columns its text leaves (MainScreen says, see fit)

    def compose(self) -> ComposeResult:
        yield Static(id="search-trend-label")
        yield Sparkline([], id="search-sparkline")
        yield Static(RISING_MARK, id="search-trend-rising")

    def show_query(self, query: str) -> None:
        """Count the search's articles over time (a worker); no query hides the sparkline.
        The same search again (the list reloaded) keeps its sparkline until counted again."""
        if query != self.query_text:
            self.shape = None
            self.rising = []
            self.display = False
        self.query_text = query
        if query:
            # After the result list is painted: counting every match's date holds the GIL for
            # tens of milliseconds, which the list's first frame should not wait for.
            self.call_after_refresh(self.count, query)
        else:
            self.workers.cancel_group(self, "search-trend")

    def fit(self, spare: int) -> None:
        """Take `spare` columns of the header line (what its text leaves), within bounds; with
        fewer than the least it needs the sparkline gives way: the header's query comes first."""
        self.spare = spare
        self.display = self._drawn and spare - 2 >= HEADER_COLUMNS_LEAST
        label = self.query_one("#search-trend-label", Static)
        room = spare - 2  # the sparkline's margins
        # "↑ rising" (a watched name searched for) comes before the words "30 days".
        mark = self.query_one("#search-trend-rising", Static)
        mark.display = bool(self.rising) and room >= HEADER_COLUMNS_LEAST + len(RISING_MARK) + 1
        if mark.display:
            room -= len(RISING_MARK) + 1
        labelled = self.shape is not None and room >= HEADER_COLUMNS_MOST + len(self._label)
        label.display = labelled
        if labelled:
            room -= len(self._label)
        width = max(HEADER_COLUMNS_LEAST, min(HEADER_COLUMNS_MOST, room))
        line = self.query_one(Sparkline)
        if line.styles.width is None or line.styles.width.value != width:
            line.styles.width = width

    @property
    def _drawn(self) -> bool:
        """The search's counts make a sparkline (some dated articles, over more than a day)."""
        shape = self.shape
        return shape is not None and bool(shape.total) and shape.drawable

    @property
    def _label(self) -> str:
        shape = self.shape
        return f" {plural(shape.days, 'day')}" if shape is not None and shape.days else ""

    @work(thread=True, exclusive=True, group="search-trend")
    def count(self, query: str) -> None:
        worker = get_current_worker()
        rising: list[str] = []
        try:
            shape = library_trend(self.library, query=query)
            # Marked as the watchlist filter and `trend --watchlist` mark them (same rule,
            # same day: the window's end).
            if shape is not None and shape.drawable:
                rising = self.library.trends.rising_searched(query, shape.end)
        except Exception:  # noqa: BLE001 - a query not understood, no index yet: no sparkline
            shape = None
        if not worker.is_cancelled:
            self.post_message(self.Counted(query, shape, rising))

    def on_search_trend_counted(self, message: Counted) -> None:
        message.stop()
        if message.query != self.query_text:
            return
        self.shape = message.shape
        self.rising = message.rising
        if message.shape is None or not self._drawn:
            self.display = False
            return
        self.query_one(Sparkline).data = message.shape.counts
        self.query_one("#search-trend-label", Static).update(Text(self._label, style="dim"))
        # Text, not a string: a tooltip string is read as markup, and the query is typed text.
        tip = message.shape.describe(one_line(message.query))
        if message.rising:
            names = ", ".join(one_line(name) for name in message.rising)
            tip += f"\n{names} {RISING_MARK} (watched; its last 7 days against its usual week)"
        self.tooltip = Text(tip)
        self.fit(self.spare)


@dataclass(frozen=True)
class EntityTrendRow:
    group: EntityGroup
    shape: TrendShape
    rising: bool


class EntityTrends(Vertical):
    """The side panel's "Trends": a sparkline for each of the article's most mentioned
    entities, with ↑ rising for a name whose last week is well above its usual week."""

    DEFAULT_CSS = """
    EntityTrends {
        height: auto;
        display: none;
    }
    EntityTrends > .entity-trend-label {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    EntityTrends > Sparkline {
        width: 1fr;
        height: 1;
    }
    """

    @dataclass
    class Counted(Message):
        article_id: str
        rows: list[EntityTrendRow]

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.article_id: str | None = None
        self.rows: list[EntityTrendRow] = []

    def compose(self) -> ComposeResult:
        yield Static(TRENDS_TITLE, classes="section-title", id="entity-trends-title")
        for _ in range(ENTITY_TRENDS_SHOWN):
            yield Static(classes="entity-trend-label")
            yield Sparkline([])

    def show_for(self, article_id: str | None, groups: list[EntityGroup]) -> None:
        """Count the main entities' trends (a worker); until then the section stays hidden."""
        self.article_id = article_id
        self.rows = []
        self.display = False
        main = main_entities(groups)
        if article_id is None or not main:
            self.workers.cancel_group(self, "entity-trends")
            return
        self.count(article_id, main)

    @work(thread=True, exclusive=True, group="entity-trends")
    def count(self, article_id: str, groups: list[EntityGroup]) -> None:
        worker = get_current_worker()
        rows: list[EntityTrendRow] = []
        try:
            published = self.library.get(article_id).published
        except Exception:  # noqa: BLE001 - removed meanwhile: no trends
            return
        around = published.date() if published is not None else None
        for group in groups:
            if worker.is_cancelled:
                return
            try:
                shape = library_trend(self.library, group=group, around=around)
                # Rising as of the window's end: in an archive, its last week of news.
                end = shape.end if shape is not None else None
                rising = self.library.trends.entity_rising(group, end).rising
            except Exception:  # noqa: BLE001 - no index yet, or a damaged one: no trends
                return
            if shape is not None and shape.total:
                rows.append(EntityTrendRow(group, shape, rising))
        if not worker.is_cancelled:
            self.post_message(self.Counted(article_id, rows))

    def on_entity_trends_counted(self, message: Counted) -> None:
        message.stop()
        if message.article_id != self.article_id:
            return
        self.rows = message.rows
        shape = message.rows[0].shape if message.rows else None
        self.query_one("#entity-trends-title", Static).update(trends_title(shape))
        labels = list(self.query(".entity-trend-label").results(Static))
        lines = list(self.query(Sparkline).results(Sparkline))
        for index, (label, line) in enumerate(zip(labels, lines, strict=True)):
            shown = index < len(message.rows)
            label.display = line.display = shown
            if not shown:
                continue
            row = message.rows[index]
            line.display = row.shape.drawable  # the name and its count still say something
            label.update(_entity_label(row))
            line.data = row.shape.counts
            label.tooltip = line.tooltip = Text(row.shape.describe(one_line(row.group.name)))
        self.display = bool(message.rows)


def watching_line(names: Sequence[str], rising: Collection[str] = ()) -> str:
    """ "Watching: Tiani ↑ rising · JNIM · Ménaka" (plain text: shown without markup)."""
    shown = [
        one_line(name) + (f" {RISING_MARK}" if name in rising else "")
        for name in names
        if name.strip()
    ]
    return "Watching: " + " · ".join(shown) if shown else ""


def main_entities(groups: list[EntityGroup]) -> list[EntityGroup]:
    """The article's most mentioned entities, whatever their kind (the panel lists them by
    kind first)."""
    ranked = sorted(enumerate(groups), key=lambda item: (-item[1].count, item[0]))
    return [group for _, group in ranked[:ENTITY_TRENDS_SHOWN]]


def _entity_label(row: EntityTrendRow) -> Text:
    """The name, its dated articles and the rising mark; a long name is cut, not the mark."""
    name = one_line(row.group.name)
    room = ENTITY_COLUMNS - len(f" {row.shape.total:,}") - (len(RISING_MARK) + 1) * row.rising
    if len(name) > room:
        name = name[: max(1, room - 1)] + "…"
    label = Text()
    label.append(name, style=ENTITY_STYLES[row.group.type])
    label.append(f" {row.shape.total:,}", style="dim")
    if row.rising:
        label.append(f" {RISING_MARK}", style="bold #ffd75f")
    return label
