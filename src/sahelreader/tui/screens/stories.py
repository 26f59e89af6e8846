"""The Stories screen (`T`): the library's recent stories, each with its outlets, languages,
article count and first and last dates; enter shows a story's articles in time order, enter
again opens one in the reader, escape goes back a step.

Titles and outlet names come from articles: shown as plain Text, never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from sahelreader.library import Library
from sahelreader.library.stories import DEFAULT_DAYS, Growth, Story
from sahelreader.models import Article
from sahelreader.text.clean import one_line, plural
from sahelreader.tui import bindings
from sahelreader.tui.widgets.key_footer import KeyFooter

# The stories table's columns, each with a cell's padding (2) counted: the title, count and
# dates always; then, as the width allows, the outlets (the point of "across outlets": kept,
# shortened, before the rest), the Trend (only when a story has a marker), more room for the
# title (up to TITLE_ROOMY), the languages (the story's details below the table say them too).
# The dates, languages and outlets are as wide as the stories listed need (a week's dates are
# often one day: "28 May 2025", not "27 Apr–28 May 2025"); what is left goes half to the
# outlets (up to what they need, at most OUTLETS_MOST), the rest to the title (up to what its
# longest needs), and what one does not need to the other.
TITLE_LEAST = 26
TITLE_ROOMY = 36
OUTLETS_LEAST = 11
OUTLETS_MOST = 26
COUNT_COLUMNS = 8 + 2
DATES_COLUMNS = 18 + 2  # "27 Apr–28 May 2025" (see `story_dates`)
DATE_COLUMNS = 11 + 2  # a story's article: "28 May 2025"
TREND_COLUMNS = 9 + 2  # "↑ growing"
LANG_COLUMNS = 5 + 2  # "en es"
OUTLET_MOST = 20  # a story's article's outlet
SCROLLBAR = 2


@dataclass(frozen=True)
class StoryColumns:
    title: int
    outlets: int  # 0: no outlets column
    trend: bool
    languages: bool


@dataclass(frozen=True)
class StoryNeeds:
    """How wide the stories listed would have their columns: the longest title, outlets,
    languages and dates (each without its padding)."""

    title: int = 200
    outlets: int = OUTLETS_MOST
    languages: int = LANG_COLUMNS - 2
    dates: int = DATES_COLUMNS - 2

    @classmethod
    def of(cls, stories: Sequence[Story]) -> StoryNeeds:
        def longest(texts: Iterable[str], heading: str) -> int:
            return max([len(heading), *(len(text) for text in texts)])

        return cls(
            title=longest((one_line(s.title) for s in stories), "Story"),
            outlets=longest((one_line(", ".join(s.outlets)) for s in stories), "Outlets"),
            languages=longest((" ".join(s.languages) for s in stories), "Lang"),
            dates=longest((story_dates(s) for s in stories), "Dates"),
        )


def story_columns(width: int, marked: bool, needs: StoryNeeds | None = None) -> StoryColumns:
    """Which of the stories table's columns fit `width`, and how wide the title and outlets
    are (see the order above); `marked`: a story has a Trend marker (no story has one: no
    Trend column); `needs`: what the stories listed need (None: the widest of each)."""
    needs = needs or StoryNeeds()
    title_least = min(TITLE_LEAST, needs.title)
    outlets_most = min(OUTLETS_MOST, needs.outlets)
    spare = width - SCROLLBAR - COUNT_COLUMNS - (needs.dates + 2) - (title_least + 2)
    outlets = min(OUTLETS_LEAST, outlets_most) if spare >= OUTLETS_LEAST + 2 else 0
    spare -= outlets + 2 if outlets else 0
    trend = marked and spare >= TREND_COLUMNS
    spare -= TREND_COLUMNS if trend else 0
    roomier = max(0, min(spare, min(TITLE_ROOMY, needs.title) - title_least))
    title_least += roomier
    spare -= roomier
    languages = spare >= needs.languages + 2
    spare -= needs.languages + 2 if languages else 0
    spare = max(0, spare)
    title_more = max(0, needs.title - title_least)
    outlets_more = outlets_most - outlets if outlets else 0
    to_outlets = min(outlets_more, spare // 2 if title_more else spare)
    to_title = min(title_more, spare - to_outlets)
    to_outlets = min(outlets_more, spare - to_title)
    return StoryColumns(title_least + to_title, outlets + to_outlets, trend, languages)


def article_title_width(width: int, story: Story) -> int:
    """How wide a story's article's title may be: what the date, language and outlet columns
    (as wide as the story's articles need, the outlet at most OUTLET_MOST) leave."""
    outlet = max(
        [len("Outlet"), *(len(one_line(a.source or "unknown source")) for a in story.articles)]
    )
    language = max([len("Lang"), *(len(a.language) for a in story.articles)])
    others = DATE_COLUMNS + (language + 2) + (min(OUTLET_MOST, outlet) + 2)
    return max(16, width - SCROLLBAR - others - 2)


def _day(when: datetime | None) -> str:
    """ "28 May 2025": with its year, as a library often holds past years' news."""
    return when.strftime("%d %b %Y") if when is not None else "undated"


def story_dates(story: Story, short: bool = True) -> str:
    """A story's dates, the year said once: "28 May 2025", "27–28 May 2025", "27 Apr–28 May
    2025"; across a year's end "Dec 2024–Jan 2025" when `short` (the table's column), else
    with both days."""
    first, last = story.first, story.last
    if first is None or last is None or first.date() == last.date():
        return _day(first if first is not None else last)
    if first.year != last.year:
        if short:
            return f"{first:%b %Y}–{last:%b %Y}"
        return f"{_day(first)}–{_day(last)}"
    if first.month == last.month:
        return f"{first:%d}–{_day(last)}"
    return f"{first:%d %b}–{_day(last)}"


def _cut(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


@dataclass(frozen=True)
class StoryChoice:
    """The article chosen on the Stories screen, and the story it was chosen in."""

    article_id: str
    story_id: int


DETAIL_LINES = 6  # the story's details under the table, at most

# The windows `w` goes through, in days (None: every story); after the last, the first again.
WINDOWS: tuple[int | None, ...] = (DEFAULT_DAYS, 30, 90, 365, None)


def window_name(days: int | None) -> str:
    """ "7 days", "1 year", "all": a window as the palette and the heading say it."""
    if days is None:
        return "all"
    return "1 year" if days == 365 else plural(days, "day")


def window_span(days: int) -> str:
    """ "7 days", "year": a window after "the" ("the year up to 28 May 2025")."""
    return "year" if days == 365 else plural(days, "day")


def next_window(days: int | None) -> int | None:
    """The window after `days` in WINDOWS (a window not in it: the first wider one)."""
    if days in WINDOWS:
        return WINDOWS[(WINDOWS.index(days) + 1) % len(WINDOWS)]
    wider = [w for w in WINDOWS if w is None or (days is not None and w > days)]
    return wider[0]


class StoriesScreen(Screen[StoryChoice | None]):
    """Recent stories; a story's articles. Dismissed with the article to open, or None.

    Opened again after an article was chosen (`resume`), it shows that story's articles with
    the cursor on that article: `T` comes back to where the reader left the story. Opened on
    one article's story (`alone`: `t`, the side panel's story row), escape from that story goes
    back to the reader, where it was asked for, rather than up to the list of stories."""

    BINDINGS = bindings.STORIES

    @dataclass
    class Grouping(Message):
        done: int
        total: int

    @dataclass
    class Loaded(Message):
        stories: Sequence[Story]
        placed: int  # articles grouped on the way (a library from before stories)
        growth: dict[int, Growth]  # by story id: the new and growing ones
        resumed: Story | None  # the story to show again, if it still is one
        until: datetime | None  # where the window ends (`Stories.window_end`)
        days: int | None  # the window listed (a later `w` may have asked for another)

    def __init__(
        self,
        library: Library,
        days: int | None = DEFAULT_DAYS,  # None: every story, whatever its dates
        resume: StoryChoice | None = None,
        *,
        alone: bool = False,
    ) -> None:
        super().__init__()
        self.library = library
        self.days = days
        self.resume = resume
        self.alone = alone
        self.stories: list[Story] = []
        self.story: Story | None = None  # the story whose articles are shown
        self.growth: dict[int, Growth] = {}
        self.loaded = False  # until then the library's articles may still be being grouped
        self.grouping: tuple[int, int] | None = None  # (done, total) while they are
        self.until: datetime | None = None  # the window's last day, once loaded
        self.listing = False  # another window's stories are being read (`w`)

    def compose(self) -> ComposeResult:
        yield Static(Text(" Stories", style="bold"), id="stories-heading")
        yield DataTable(id="stories-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="stories-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.query_one("#stories-detail", Static).update(
            Text("Grouping the library's articles into stories…", style="dim italic")
        )
        self._fit_detail(self.app.size.height)
        self.load(self.days, self.resume)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_detail(event.size.height)
        self._fill()

    def _fit_detail(self, height: int) -> None:
        """The details under the table take up to a third of what the heading and footer
        leave (6 lines at most): on a short terminal its 6 lines left the table one line, its
        scrollbar, and no story readable. Below 7 lines the details give way altogether."""
        detail = self.query_one("#stories-detail", Static)
        detail.display = height >= 7
        detail.styles.max_height = min(DETAIL_LINES, max(2, (height - 4) // 3))  # edge and a line

    @work(thread=True, exclusive=True, group="stories")
    def load(self, days: int | None, resume: StoryChoice | None = None) -> None:
        """The stories of the `days` window (grouping the library first, if it must be), in
        this worker: a year's or the whole library's stories can be thousands."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            self.post_message(self.Grouping(done, total))

        placed = self.library.stories.catch_up(progress, worker.cancelled_event).placed
        if worker.is_cancelled:
            return
        stories = self.library.stories.recent(days=days)
        until = self.library.stories.window_end()
        growth_of = self.library.stories.growth_of(until)
        growth = {story.id: found for story in stories if (found := growth_of(story)) is not None}
        resumed = None
        if resume is not None:
            resumed = next((s for s in stories if s.id == resume.story_id), None)
            resumed = resumed or self.library.stories.get(resume.story_id)
        if not worker.is_cancelled:
            self.post_message(self.Loaded(stories, placed, growth, resumed, until, days))

    def on_stories_screen_grouping(self, message: Grouping) -> None:
        self.grouping = (message.done, message.total)
        self._show_detail()

    def on_stories_screen_loaded(self, message: Loaded) -> None:
        if message.days != self.days:
            return  # a window `w` has gone past since
        highlighted = self.current if self.loaded else None
        self.loaded = True
        self.listing = False
        self.until = message.until
        self.stories = list(message.stories)
        self.growth = dict(message.growth)
        story, resume = message.resumed, self.resume
        if highlighted is not None:
            # Another window: the cursor stays on the story it was on, if it is listed still.
            row = next((n for n, s in enumerate(self.stories) if s.id == highlighted.id), 0)
            self.query_one(DataTable).move_cursor(row=row, animate=False)
        elif story is not None and resume is not None:
            self.story = story
            self._fill()
            rows = [a.id for a in story.articles]
            if resume.article_id in rows:
                table = self.query_one(DataTable)
                table.move_cursor(row=rows.index(resume.article_id), animate=False)
            return
        self._fill()

    # -- the two tables ------------------------------------------------------------------------

    def _fill(self) -> None:
        if self.story is not None:
            self._fill_articles(self.story)
        else:
            self._fill_stories()
        self._show_detail()

    def _fill_stories(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        marked = any(story.id in self.growth for story in self.stories)
        columns = story_columns(self.size.width, marked, StoryNeeds.of(self.stories))
        table.clear(columns=True)
        table.add_column("Story", key="title")
        table.add_column(Text("Articles", justify="right"), key="articles")
        if columns.trend:
            table.add_column("Trend", key="growth")
        if columns.outlets:
            table.add_column("Outlets", key="outlets")
        if columns.languages:
            table.add_column("Lang", key="languages")
        table.add_column("Dates", key="dates")
        for story in self.stories:
            growth = self.growth.get(story.id)
            cells = [
                Text(_cut(story.title, columns.title)),
                Text(f"{len(story.articles):,}", justify="right"),
            ]
            if columns.trend:
                cells.append(Text(growth.marker if growth else "", style="bold green"))
            if columns.outlets:
                cells.append(Text(_cut(", ".join(story.outlets), columns.outlets), style="dim"))
            if columns.languages:
                cells.append(Text(" ".join(story.languages)))
            cells.append(Text(story_dates(story), style="dim"))
            table.add_row(*cells, key=str(story.id))
        if self.stories:
            table.move_cursor(row=min(max(row, 0), len(self.stories) - 1), animate=False)
        self._show_heading()

    def _show_heading(self) -> None:
        heading = Text(" Stories", style="bold")
        if not self.loaded:
            heading.append(" · grouping the library's articles…", style="dim")
        elif self.listing:
            heading.append(f" · listing the stories of {self._window()}…", style="dim")
        elif self.days is None:
            counted = plural(len(self.stories), "story", "stories")
            heading.append(f" · all {counted}", style="dim")
        else:
            heading.append(
                f" · {plural(len(self.stories), 'story', 'stories')} active in {self._window()}",
                style="dim",
            )
        key = self._window_key()
        if self.loaded and not self.listing and key:
            heading.append(f" · {key}: {window_name(next_window(self.days))}", style="dim")
        self.query_one("#stories-heading", Static).update(heading)

    def _window_key(self) -> str:
        """The key that widens the window, as config.toml's [keymap] may have remapped it."""
        for _node, binding, _enabled, _tip in self.active_bindings.values():
            if binding.action == "cycle_window":
                return self.app.get_key_display(binding)
        return ""

    def _window(self) -> str:
        """ "the 7 days up to 30 Jun 2021": the newest story's day, which may be long ago."""
        if self.days is None:
            return "the whole library"
        days = window_span(self.days)
        return f"the {days} up to {_day(self.until)}" if self.until else f"the last {days}"

    def _fill_articles(self, story: Story) -> None:
        table = self.query_one(DataTable)
        title_width = article_title_width(self.size.width, story)
        table.clear(columns=True)
        table.add_column("Date", key="date")
        table.add_column("Lang", key="language")
        table.add_column("Outlet", key="outlet")
        table.add_column("Title", key="title")
        for article in story.articles:
            table.add_row(
                Text(_day(article.published), style="dim"),
                Text(article.language),
                Text(_cut(article.source or "unknown source", OUTLET_MOST)),
                Text(_cut(article.title, title_width)),
                key=article.id,
            )
        table.move_cursor(row=0, animate=False)
        heading = Text(" Story", style="bold")
        heading.append(f" · {_cut(story.title, max(10, self.size.width - 10))}", style="bold")
        self.query_one("#stories-heading", Static).update(heading)

    @property
    def current(self) -> Story | None:
        row = self.query_one(DataTable).cursor_row
        return self.stories[row] if 0 <= row < len(self.stories) else None

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        detail = self.query_one("#stories-detail", Static)
        story = self.story or self.current
        if not self.loaded:
            said = "Grouping the library's articles into stories…"
            if self.grouping is not None:
                done, total = self.grouping
                said += f" {done:,} of {total:,}"
            detail.update(Text(said, style="dim italic"))
            return
        if story is None:
            detail.update(
                Text(
                    f"No story of two articles or more in {self._window()}.",
                    style="dim italic",
                )
            )
            return
        text = Text(one_line(story.title), style="bold")
        text.append(
            f"\n{plural(len(story.articles), 'article')} · {story_dates(story, short=False)} · "
            f"{', '.join(story.languages) or 'language unknown'}",
            style="dim",
        )
        text.append(f"\n{', '.join(one_line(o) for o in story.outlets)}", style="dim")
        growth = self.growth.get(story.id)
        if growth is not None:
            text.append(f"\n{growth.describe()}", style="bold")
        if self.story is None:
            text.append("\nenter: its articles in time order", style="dim italic")
        else:
            back = "the article" if self._back_to_the_reader() else "the stories"
            text.append(f"\nenter: open the article · esc: back to {back}", style="dim italic")
        detail.update(text)

    # -- keys ----------------------------------------------------------------------------------

    def action_cycle_window(self) -> None:
        """`w`: the next window (7 days, 30, 90, a year, all, then 7 again), listed afresh."""
        self.action_window(next_window(self.days))

    def action_window(self, days: int | None) -> None:
        """The stories of `days` (None: all), in the worker; from a story's articles, the
        stories again (the window is the list's)."""
        if not self.loaded:
            self.notify("The stories are still being grouped.")
            return
        if self.story is not None:
            left = self.story.id
            self.story = None
            self._fill()
            keep = next((n for n, story in enumerate(self.stories) if story.id == left), 0)
            self.query_one(DataTable).move_cursor(row=keep, animate=False)
        self.days = days
        self.listing = True
        self._show_heading()
        self.load(days)

    def action_cursor(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def action_edge(self, last: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.row_count - 1 if last else 0, animate=False)

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self.story is not None:
            row = table.cursor_row
            if 0 <= row < len(self.story.articles):
                self.dismiss(StoryChoice(self.story.articles[row].id, self.story.id))
            return
        story = self.current
        if story is not None:
            self.story = story
            self._fill()

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def _back_to_the_reader(self) -> bool:
        """Whether escape leaves for the reader: from the list, or from the one story asked for."""
        if self.story is None:
            return True
        return self.alone and self.resume is not None and self.story.id == self.resume.story_id

    def action_back(self) -> None:
        if self._back_to_the_reader():
            self.dismiss(None)
            return
        assert self.story is not None
        # The story's row, found by its id (the story shown may be a fresh copy of it).
        left = self.story.id
        keep = next((n for n, story in enumerate(self.stories) if story.id == left), 0)
        self.story = None
        self._fill()
        self.query_one(DataTable).move_cursor(row=keep, animate=False)


class StoryActions(Screen[None]):
    """The main screen's `T`: the Stories screen, and the article chosen there opened in the
    reader (backspace comes back, as after related coverage). A base of MainScreen."""

    library: Library
    history: list[str]
    article: Article | None

    def open_article(self, article_id: str, *, mark_read: bool = True) -> None:
        raise NotImplementedError

    def _target_id(self) -> str | None:
        raise NotImplementedError

    # The story an article was last opened from, while that article is the one being read.
    story_left: StoryChoice | None = None
    # The window the Stories screen was left on (`w`): `T` opens it on that window again.
    stories_days: int | None = DEFAULT_DAYS

    def action_show_stories(self) -> None:
        left = self.story_left
        if left is not None and (self.article is None or self.article.id != left.article_id):
            left = None  # another article has been opened since: start at the stories
        self.open_story(left)

    def action_show_story(self) -> None:
        """The story of the article the keys act on: its articles, the cursor on that one (the
        side panel's story row does the same)."""
        article_id = self._target_id()
        if article_id is None:
            self.notify("Open an article first.", severity="warning")
            return
        try:
            story = self.library.stories.of_article(article_id)
        except KeyError:
            story = None
        if story is None or len(story.articles) < 2:
            self.notify("No other article in the library tells this story yet.")
            return
        self.open_story(StoryChoice(article_id, story.id), alone=True)

    def action_stories_window(self, days: int | None) -> None:
        """The Stories screen on the window of `days` (None: every story): the palette's
        "Stories: …" commands. On the Stories screen, that window."""
        for screen in self.app.screen_stack:
            if isinstance(screen, StoriesScreen):
                screen.action_window(days)
                return
        self.stories_days = days
        self.open_story(None)

    def open_story(self, at: StoryChoice | None, *, alone: bool = False) -> None:
        """The Stories screen; on the story `at` names (its articles, at its article), if any.
        `alone`: that one story was asked for, and escape from it comes back here."""
        if not any(isinstance(screen, StoriesScreen) for screen in self.app.screen_stack):
            screen = StoriesScreen(self.library, self.stories_days, resume=at, alone=alone)

            def chosen(choice: StoryChoice | None) -> None:
                self.stories_days = screen.days
                self._story_chosen(choice)

            self.app.push_screen(screen, chosen)

    def _story_chosen(self, choice: StoryChoice | None) -> None:
        self.story_left = choice
        if choice is None:
            return
        article_id = choice.article_id
        if self.article is not None and self.article.id != article_id:
            self.history.append(self.article.id)
        with self.app.batch_update():
            self.open_article(article_id)
