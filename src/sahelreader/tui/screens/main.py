"""The main screen: it owns the panes (list · reader · side panel), the state of what the list
shows, and the keys that act on articles.

The list is computed in the core (`Library.list_view`): this screen builds a frozen
`ListRequest`, the list widget's own worker runs it, and the result comes back as a message.
Feeds are refreshed here too (`r`, and `[feeds] refresh_minutes`): one worker, its progress in
the status line, the list and the index following what it brought.
"""

from __future__ import annotations

import itertools
import os
import threading
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Input, TextArea

from sahelreader.entities.summary import EntityGroup, group_entities
from sahelreader.library import Library, QueryError, StoreError, citation, close_open_marks
from sahelreader.models import (
    ALL_ARTICLES,
    BOOKMARKS,
    NOTES,
    Article,
    Entity,
    FilterName,
    ListRequest,
    ListResult,
    SortName,
    View,
)
from sahelreader.text.clean import one_line, plural, visible
from sahelreader.tui import bindings
from sahelreader.tui.delays import Delays
from sahelreader.tui.messages import LibraryCounts, RisingNames, ViewsCounted
from sahelreader.tui.screens.dialogs import (
    ConfirmScreen,
    SaveSearchScreen,
    ViewAction,
    ViewsScreen,
)
from sahelreader.tui.screens.feed_actions import FeedActions
from sahelreader.tui.screens.stories import StoryActions, StoryChoice
from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.context_bar import ContextBar
from sahelreader.tui.widgets.key_footer import KeyFooter
from sahelreader.tui.widgets.note_editor import NoteEditor
from sahelreader.tui.widgets.reader import ArticleReader
from sahelreader.tui.widgets.search_bar import SearchBar, SearchInput
from sahelreader.tui.widgets.side_panel import SidePanel
from sahelreader.tui.widgets.status_bar import Status, StatusBar
from sahelreader.tui.widgets.trends import SearchTrend, watching_line

if TYPE_CHECKING:
    from sahelreader.tui.app import SahelReaderApp

SORTS: tuple[SortName, ...] = ("date", "relevance", "source")
NARROW_WIDTH = 100  # below this the side panel folds away
MARK_ALL_CONFIRM_ABOVE = 50  # `A` on a larger view asks first
DID_YOU_MEAN = "No results. Did you mean: "
ACCEPT_HINT = " (enter in the list searches it)"
CLOSED_NOTE = "searching as if closed: "  # the bar, when an open quote or bracket was closed
PANE_NAMES = (
    ("note-editor", "NOTE"),
    ("search-bar", "SEARCH"),
    ("side-panel", "SIDE PANEL"),
    ("reader", "READER"),
    ("article-list", "LIST"),
)


class MainScreen(FeedActions, StoryActions):
    BINDINGS = bindings.ANYWHERE

    def __init__(self, library: Library, delays: Delays, index_ready: threading.Event) -> None:
        super().__init__()
        self.library = library
        self.delays = delays
        self.index_ready = index_ready
        self.request = ListRequest()
        self.filters: tuple[FilterName, ...] = library.filters
        self.article: Article | None = None
        self.terms: frozenset[tuple[str, str]] = frozenset()
        self.history: list[str] = []  # articles opened from the side panel come back with ⌫
        self._open_entities: list[Entity] = []  # of self.article, for the side panel later
        self._side_wanted: bool | None = None  # None: follow the terminal's width
        self._width: int | None = None  # the width the layout was last decided for
        self._search_timer: Timer | None = None
        self._sync_timer: Timer | None = None
        self._more_hits = False  # the search found more than the list holds
        self._matched = 0  # how many it found in all
        self._invalid_query = False
        self._typing = False  # the search box changed since enter: the last word may be partial
        self._suggestion: str | None = None  # "did you mean" for the listed search
        self._keep_cursor = False  # the next list keeps the cursor's row (an outside change)
        self._searching = False
        self._awaiting_index = False  # a search (or the watch list) waits for the index
        self._undo_mark_all: list[str] = []  # what the last `A` marked read, for `u` to undo
        self._outside_marker: tuple[int, int] | None = None
        # The last list of every article, with the change marker it was made at (load_list).
        self._whole_list: tuple[ListRequest, tuple[int, int], ListResult] | None = None
        self._listed_search = ""  # the search whose hits the list shows ("" for none)
        self._mounted_panes = False
        # Library-wide counts for the header, refreshed off the UI thread.
        self._total = library.count()
        # Each count is numbered as it starts; the header shows the latest one begun.
        self._count_numbers = itertools.count(1)
        self._counted = 0
        self._unread = library.unread_count()

    @property
    def reader_app(self) -> SahelReaderApp:
        return self.app  # type: ignore[return-value]

    # The request's parts, by name.
    @property
    def view(self) -> View:
        return self.request.view

    @property
    def query_text(self) -> str:
        return self.request.query

    @property
    def sort(self) -> SortName:
        return self.request.sort

    @property
    def filter(self) -> FilterName:
        return self.request.filter

    @property
    def source_filter(self) -> str | None:
        return self.request.source

    @property
    def effective_sort(self) -> SortName:
        return self.request.effective_sort

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="header"):
            yield StatusBar(id="status")
            yield SearchTrend(self.library, id="search-trend")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield SearchBar(id="search-bar")
                yield ArticleList(self.library, id="article-list")
            with Vertical(id="reader-pane"):
                yield ArticleReader(id="reader")
                yield NoteEditor(autosave_after=self.delays.autosave, id="note-editor")
            yield SidePanel(self.library, id="side-panel")
        yield ContextBar(id="context-bar")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._mounted_panes = True
        self.query_one(ArticleList).ask = self.reader_app.list_view
        self._apply_width(self.app.size.width)
        self.load_list(keep=self.library.last_opened(), open_after=True)
        self.query_one(ArticleList).focus()
        self.set_interval(self.delays.outside_check, self.check_outside_changes)
        self.start_refresh_timer()

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        if self._width is not None and (width < NARROW_WIDTH) != (self._width < NARROW_WIDTH):
            self._side_wanted = None  # a new size class: the layout decides again, not `]`
        self._width = width
        side = self._side_wanted if self._side_wanted is not None else width >= NARROW_WIDTH
        self.query_one(SidePanel).display = side
        self.set_class(side, "with-side")
        self.set_class(width < NARROW_WIDTH, "narrow")
        # Narrow: the footer drops its padding and the palette hint (ctrl+p still works) so
        # that more keys fit.
        footer = self.query_one(KeyFooter)
        footer.compact = width < NARROW_WIDTH
        footer.show_command_palette = width >= NARROW_WIDTH
        self.query_one(StatusBar).refit(width)  # the header's order depends on the width
        self._fit_search_trend()
        self._keys_to_a_shown_pane()

    def _keys_to_a_shown_pane(self) -> None:
        """The focus on a pane just folded away (the side panel at a narrow width, or `]`)
        goes to the list, or the reader when the list is hidden: keys acted on a pane no one
        could see, and the context bar still named it."""
        focused = self.focused
        if focused is None or all(node.display for node in (focused, *focused.ancestors)):
            return
        if self.query_one("#list-pane").display:
            self.query_one(ArticleList).focus()
        else:
            self.query_one(ArticleReader).focus()

    # -- the context bar: which pane has the keys, which article they act on -----------------

    @on(events.DescendantFocus)
    def _focus_moved(self) -> None:
        self._show_context()

    def _focused_pane_name(self) -> str:
        focused = self.focused
        if focused is None:
            return ""
        chain = {node.id for node in (focused, *focused.ancestors)}
        return next((name for pane_id, name in PANE_NAMES if pane_id in chain), "")

    def _show_context(self) -> None:
        bar = self.query_one(ContextBar)
        bar.show_pane(self._focused_pane_name())
        article_id = self._target_id()
        if article_id is None:
            bar.show_target(None)
        elif self.article is not None and self.article.id == article_id:
            bar.show_target(self.article.title, "open")
        else:
            row = self.query_one(ArticleList).current_row
            bar.show_target(row.title if row else "", "highlighted")

    @on(ArticleList.Highlighted)
    def _list_highlighted(self) -> None:
        if self.article is None:
            self._show_context()

    def _target_id(self) -> str | None:
        """The article every action is about: the open one, else the highlighted one.

        One rule for every key (b, e, o, c, u, y), whichever pane has focus; the context bar
        always names it.
        """
        if self.article is not None:
            return self.article.id
        return self.query_one(ArticleList).current_id

    # -- the index (prepared by the app) and other processes' changes ---------------------------

    @property
    def _composed(self) -> bool:
        """The panes exist: the app's index news can arrive before this screen is composed
        (on_mount then finds the index ready by itself)."""
        return self.is_attached and self._mounted_panes

    def index_progress(self, done: int, total: int, phase: str = "") -> None:
        if not self._composed:
            return
        self.query_one(ContextBar).show_progress(done, total, phase)
        busy = f"indexing: {phase}…" if phase else f"indexing {done:,}/{total:,}"
        self._update_status(busy=busy)

    def index_became_ready(self) -> None:
        if not self._composed:
            return
        self.query_one(ContextBar).hide_progress()
        self._update_status()
        if self._sync_when_ready:
            # Feeds or `a` brought articles while the index was being built.
            self._sync_when_ready = False
            self.catch_up_arrivals()
        elif self.query_text or self.filter == "watchlist":
            self.load_list()
        if self.article is not None:
            self._details_if_still_open(self.article.id)

    @work(thread=True, exclusive=True, group="outside")
    def check_outside_changes(self) -> None:
        """Notice articles added or removed by another process (a CLI `add` while this runs)."""
        counted = next(self._count_numbers)
        marker = self.library.change_marker()  # the unread count only when something changed
        if self._outside_marker is None:
            self._outside_marker = marker
            return
        if marker != self._outside_marker:
            self._outside_marker = marker
            unread = self.library.unread_count()
            self.post_message(
                LibraryCounts(marker[0], unread, changed_outside=True, counted=counted)
            )

    @work(thread=True, exclusive=True, group="counts")
    def refresh_counts(self) -> None:
        counted = next(self._count_numbers)
        total, unread = self.library.count(), self.library.unread_count()
        self.post_message(LibraryCounts(total, unread, counted=counted))

    def on_library_counts(self, message: LibraryCounts) -> None:
        if message.counted < self._counted:
            # Counted before the counts shown (two workers, an import between them): stale.
            if message.changed_outside:
                self._reload_for_outside_change()
            return
        self._counted = message.counted
        grew = message.total != self._total
        self._total, self._unread = message.total, message.unread
        self._update_status()
        if message.changed_outside and grew:
            # Articles came or went: the list follows, with the cursor where it was.
            self._reload_for_outside_change()
        elif message.changed_outside and self.article is not None:
            # A note, bookmark or read mark changed in another window or from the CLI.
            self.reread_open_article(self.article.id)

    @work(thread=True, exclusive=True, group="reread")
    def reread_open_article(self, article_id: str) -> None:
        try:
            article = self.library.get(article_id)
        except KeyError:
            return
        self.app.call_from_thread(self._show_reread_article, article)

    def _show_reread_article(self, article: Article) -> None:
        """The open article's note and marks as stored now, unless the user is editing it."""
        if not self.is_attached or self.article is None or self.article.id != article.id:
            return
        if self.query_one(NoteEditor).is_open:
            return  # the editor's own save tells of a change made elsewhere meanwhile
        self.article = article
        side_panel = self.query_one(SidePanel)
        side_panel.show_meta(article)
        side_panel.show_note(article.note)

    def _reload_for_outside_change(self) -> None:
        # The cursor stays on the row the user moved to, not the article open in the reader.
        self._keep_cursor = True
        self.sync_then_reload() if self.query_text else self.load_list()
        self.details_after_arrivals()

    @work(thread=True, exclusive=True, group="index-sync")
    def sync_then_reload(self) -> None:
        if self.index_ready.is_set():
            self.library.sync_index()
        self.app.call_from_thread(self.load_list)

    # -- the list --------------------------------------------------------------------------------

    def load_list(self, keep: str | None = None, open_after: bool = False) -> None:
        """Fill the list for the current request, in the list's worker (stale runs are dropped)."""
        article_list = self.query_one(ArticleList)
        needs_index = bool(self.query_text) or self.filter == "watchlist"
        if needs_index and not self.index_ready.is_set():
            self._await_index(article_list)
            return
        self._awaiting_index = False
        if self.query_text:
            self._searching = True
            self._update_status()
        kept = self._whole_list
        if kept is not None and kept[0] == self.request:
            # Back from a search to every article: the list made before, if nothing came or
            # went since (two cheap reads), rather than 50,000 ids again beside the UI thread.
            marker = self.library.change_marker()
            if marker == kept[1]:
                self.workers.cancel_group(article_list, "list")
                article_list.post_message(
                    ArticleList.Loaded(self.request, kept[2], keep, open_after, marker)
                )
                return
        article_list.load(self.request, keep, open_after)

    def _await_index(self, article_list: ArticleList) -> None:
        """A search (or the watch list) asked for before the index can answer: nothing is
        listed or counted as its hits until it has run, which `index_became_ready` does."""
        self._awaiting_index = True
        self._searching = False
        self._invalid_query = False
        self._more_hits = False
        self._matched = 0
        self._listed_search = ""
        self.workers.cancel_group(article_list, "list")  # an earlier request's list
        what = "The search runs" if self.query_text else "The watch list is listed"
        article_list.set_ids([], empty_message=f"{what} when the index is ready.")
        self.query_one(SearchBar).show_message(
            f"The search index is being built: {what.lower()} when it is ready."
        )
        self._update_status()
        self._show_context()

    @on(ArticleList.Loaded)
    def _list_loaded(self, message: ArticleList.Loaded) -> None:
        if message.request != self.request:
            return  # the request changed while this ran
        result = message.result
        if message.marker is not None:
            self._whole_list = (message.request, message.marker, result)
            if len(result.ids) != self._total:
                # The list was made after the header's counts (articles came or went between):
                # the counts follow, so the header never says fewer articles than it shows.
                self.refresh_counts()
        article_list = self.query_one(ArticleList)
        bar = self.query_one(SearchBar)
        if result.error:
            # A query with a mistake half-typed ("niger AND"): the last results stay listed
            # (and openable) while the bar says what the query lacks.
            self._searching = False
            self._invalid_query = True
            # The suggestion was for an older query: enter must not offer it in the error's
            # place, nor the empty list below go on offering it.
            self._suggestion = None
            if not article_list.ids:
                # The query never ran: nothing was searched, so nothing "did not match".
                article_list.show_empty_message("Search not run: the query is not understood.")
            bar.show_message(result.error, error=True)
            # The listed results' sparkline would read as the new query's: it goes with them.
            self.query_one(SearchTrend).show_query("")
            self._update_status()
            return
        self.terms = result.terms
        # Asked for a word still being typed ("weap"), a suggestion is noise: it waits for enter.
        self._suggestion = (
            self._typed_suggestion(result.suggestion) if result.query and not result.ids else None
        )
        self._more_hits = result.more
        self._matched = result.total
        self.query_one(SearchTrend).show_query(result.query)
        self._searching = False
        self._invalid_query = False
        if result.query and not result.ids:
            if result.total and self.filter != "all":
                bar.show_message(
                    f"No {self.filter} articles among the {plural(result.total, 'hit')}."
                )
            elif self._suggestion and not self._typing:
                bar.show_message(DID_YOU_MEAN + self._suggestion + ACCEPT_HINT)
            elif self.view.query and self.request.search:
                bar.show_message(
                    f"No results within the view “{self.view.name}” (v → All articles "
                    "searches everything)."
                )
            else:
                # The list says "No articles match."; the bar, an open quote or bracket closed.
                bar.show_message(self._closed_note(result.query))
        elif result.query and result.more and self.filter == "all":
            bar.show_message(
                f"showing the best {len(result.ids):,} of {plural(result.total, 'hit')}"
            )
        elif self.filter == "watchlist" and not result.query:
            # The names watched, then (counted in a worker) which of them are rising.
            bar.show_message(watching_line(self.library.config.watch))
            self.count_rising_names()
        else:
            bar.show_message(self._closed_note(result.query))
        if result.query:
            empty = "No articles match."
            if self._suggestion and not self._typing:
                empty += f" Did you mean: {self._suggestion}?{ACCEPT_HINT}"
        elif self.filter != "all":
            empty = "No articles in this view."
        else:
            empty = "The library is empty: add articles with `sahelreader add PATH`."
        # Back from a search, the cursor returns to the article open in the reader. A search
        # typed anew starts at its best hit, not on the hit highlighted for the words typed so
        # far; the same search sorted or filtered again keeps the cursor where it was.
        # Reloaded for another process's articles, the cursor stays on its row (set_ids).
        keep = message.keep or (
            self.article.id
            if self.article is not None and not result.query and not self._keep_cursor
            else None
        )
        self._keep_cursor = False
        new_search = bool(message.request.search) and message.request.search != self._listed_search
        self._listed_search = message.request.search
        article_list.set_ids(
            result.ids,
            keep=keep,
            at_top=new_search and message.keep is None,
            snippets=result.snippets if result.with_snippets else None,
            terms=result.terms,
            empty_message=empty,
        )
        self._update_status()
        self._show_context()
        if message.open_after and article_list.current_id is not None:
            # Reopening where the reader left off is not reading anything new. Any other
            # article shown at start (a first run's seed, or the first row when the one left
            # off on is gone) is being read, as when opened from the list.
            reopened = article_list.current_id == message.keep
            self.open_article(article_list.current_id, mark_read=not reopened)
        if message.open_after:
            self.reader_app.started()

    @work(thread=True, exclusive=True, group="watchlist")
    def count_rising_names(self) -> None:
        try:
            rising = self.library.trends.rising_names()
        except Exception:  # noqa: BLE001 - no index yet: the names stay unmarked
            return
        self.post_message(RisingNames(rising))

    def on_rising_names(self, message: RisingNames) -> None:
        if self.filter == "watchlist" and not self.query_text:
            line = watching_line(self.library.config.watch, message.names)
            self.query_one(SearchBar).show_message(line)

    def _update_status(self, busy: str = "") -> None:
        # The count is what the list holds (after filters), so the header and list agree.
        self.query_one(StatusBar).show(
            Status(
                total=self._total,
                unread=self._unread,
                shown=len(self.query_one(ArticleList).ids),
                more=bool(self.query_text) and self._more_hits and self.filter == "all",
                matched=self._matched,
                view=self.view.name
                + (f" · from {self.source_filter}" if self.source_filter else ""),
                filter=self.filter,
                sort=self.effective_sort,
                query=self.query_text,
                busy=" · ".join(
                    part for part in (busy or self.refresh_busy, self.add_busy) if part
                ),
                searching=self._searching,
                invalid=self._invalid_query,
                waiting=self._awaiting_index,
            ),
            width=self.app.size.width,
        )
        self._fit_search_trend()

    def _fit_search_trend(self) -> None:
        """The header's sparkline takes what the header's text leaves (at least a little)."""
        status = self.query_one(StatusBar)
        self.query_one(SearchTrend).fit(self.app.size.width - status.length)

    def _change(self, **changes: object) -> None:
        """A new request (view, search, sort, filter, outlet): the list follows."""
        self._undo_mark_all = []
        self._keep_cursor = False
        self.request = replace(self.request, **changes)  # type: ignore[arg-type]
        self.load_list()

    # -- opening articles ------------------------------------------------------------------------

    @on(ArticleList.Opened)
    def _list_opened(self, message: ArticleList.Opened) -> None:
        # As in a mail reader's preview pane, focus stays in the list: j/k pick the next
        # article, space/pagedown scroll this one, tab goes into the reader.
        with self.app.batch_update():
            self.open_article(message.article_id)

    def open_article(self, article_id: str, *, mark_read: bool = True) -> None:
        editor = self.query_one(NoteEditor)
        if editor.is_open and editor.article_id != article_id:
            self.save_open_note()
            editor.close()
        try:
            article = self.library.get(article_id)
        except KeyError:
            self.notify("That article is no longer in the library.", severity="warning")
            return
        matches = self.library.body_matches(article, self.terms) if self.terms else []
        entities = self._open_entities = self.library.entities(article)
        watched = self.library.watched_names(article.body, entities)
        self.query_one(ArticleReader).show(article, matches, entities, watched)
        newly_read = mark_read and not article.read
        self.library.opened(article.id, mark_read=newly_read)
        # Opened from anywhere (the Stories, the side panel, back), the list's cursor follows
        # when the list holds it: enter, j and k act from the article being read.
        self.query_one(ArticleList).move_to(article.id)
        if newly_read:
            article = replace(article, read=True)
            self.query_one(ArticleList).refresh_rows([article.id])
            self._unread = max(0, self._unread - 1)
        self.article = article
        side_panel = self.query_one(SidePanel)
        side_panel.show(article)
        # Looked up after a pause, so that paging through articles does not queue searches;
        # the panel owns the timer, so it dies with the panel when the app closes.
        side_panel.set_timer(
            self.delays.side_details, lambda: self._details_if_still_open(article.id)
        )
        self._undo_mark_all = []
        self._update_status()
        self._show_context()

    def details_after_arrivals(self) -> None:
        """Articles came in (feeds, `a`, another process): the open article's related sources
        and counts may have grown. In use, the panel only has its counts replaced."""
        if not self._composed or self.article is None or not self.index_ready.is_set():
            return
        side_panel = self.query_one(SidePanel)
        if side_panel.has_focus_within:
            side_panel.recount(self.article.id, self._open_groups())
        else:
            self._details_if_still_open(self.article.id)

    def _open_groups(self) -> list[EntityGroup]:
        """The open article's entities, one row per entity."""
        return group_entities(self._open_entities, self.library.equivalences)

    def _details_if_still_open(self, article_id: str) -> None:
        if not self.is_attached or self.article is None or self.article.id != article_id:
            return
        groups = self._open_groups()
        side_panel = self.query_one(SidePanel)
        if self.index_ready.is_set():
            side_panel.load_details(article_id, groups)
        else:
            # Entities and the story now; related sources and counts when the index is ready.
            try:
                story = self.library.stories.of_article(article_id)
            except KeyError:
                story = None
            side_panel.show_details(groups, None, story)
            side_panel.load_sources(article_id)  # from the article's text alone

    def _typed_suggestion(self, suggestion: str | None) -> str | None:
        """The "did you mean" for the words typed: in a saved view the query searched is
        "(view) AND (typed)", and what is proposed (and searched on enter) is the typed part."""
        base = self.view.query
        if not base or suggestion is None:
            return suggestion
        prefix = f"({base}) AND ("
        if suggestion.startswith(prefix) and suggestion.endswith(")"):
            return suggestion[len(prefix) : -1]
        return None  # the view's own words were corrected: not the user's to accept here

    @on(ArticleList.EmptyChosen)
    def _accept_suggestion(self) -> None:
        """Enter (or a click) on a search's empty list searches the "did you mean"."""
        if self._suggestion and self.request.search and not self._typing:
            self._search_for(self._suggestion)

    @on(SidePanel.Chosen)
    def _side_choice(self, message: SidePanel.Chosen) -> None:
        choice = message.choice
        if choice.kind == "entity":
            self._search_for(choice.value)  # every article that names the entity
        elif choice.kind == "source":
            self.filter_source(choice.value)
        elif choice.kind == "article":
            if self.article is not None:
                self.history.append(self.article.id)
            with self.app.batch_update():
                self.open_article(choice.value)
                self.query_one(ArticleReader).focus()
        elif choice.kind == "link":
            self._open_link(choice.value)
        elif choice.kind == "story" and self.article is not None:
            self.open_story(StoryChoice(self.article.id, int(choice.value)), alone=True)

    def filter_source(self, source: str) -> None:
        """Narrow the list to one outlet's articles (esc shows everything again)."""
        if not self.library.list_ids("all", "date", source=source):
            self.notify(
                f"No articles from {source} in your library; searching for mentions instead.",
                markup=False,
            )
            self._search_for(f'"{source}"')
            return
        self.notify(
            f"Showing articles from {one_line(source)} (esc shows everything).", markup=False
        )
        self._change(source=source)
        self.query_one(ArticleList).focus()

    def action_go_back(self) -> None:
        if not self.history:
            self.notify("Nothing to go back to.", severity="information")
            return
        with self.app.batch_update():
            self.open_article(self.history.pop(), mark_read=False)

    def action_toggle_entities(self) -> None:
        shown = self.query_one(ArticleReader).toggle_entities()
        self.notify(f"Entity highlighting {'on' if shown else 'off'}.")

    # -- search ----------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        # The search box lives in the list pane: typing into a hidden box helps nobody.
        self.query_one("#list-pane").display = True
        search = self.query_one(SearchInput)
        # Focus now, not after a refresh (what focus() does): keys typed right after `/` belong
        # to the search box, not to the list's bindings (`n` is "next match" there).
        self.set_focus(search)
        search.select_all()  # typing replaces the last query; an arrow key keeps it

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `/` is a priority key: it moves the focus before the keys after it are handed out,
        # so "/niamey⏎" typed fast (one read from the terminal) all goes to the search box
        # rather than to the list's keys (`a` adds, `e` edits a note). In a text box it types.
        if action == "focus_search" and isinstance(self.focused, (Input, TextArea)):
            return False
        return True

    def _search_for(self, query: str) -> None:
        self._typing = False
        search = self.query_one(SearchInput)
        with search.prevent(Input.Changed):
            search.value = query
        self._run_search(query)
        self.query_one(ArticleList).focus()

    @on(Input.Changed, "#search-input")
    def _search_changed(self, event: Input.Changed) -> None:
        self._typing = True
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(
            self.delays.search_debounce, lambda: self._run_search(event.value)
        )

    @on(Input.Submitted, "#search-input")
    def _search_submitted(self, event: Input.Submitted) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._typing = False
        if not self._run_search(event.value) and self._suggestion and not self._invalid_query:
            # Searched while typing: its suggestion waited for enter.
            self.query_one(SearchBar).show_message(DID_YOU_MEAN + self._suggestion + ACCEPT_HINT)
            self.query_one(ArticleList).show_empty_message(
                f"No articles match. Did you mean: {self._suggestion}?{ACCEPT_HINT}"
            )
        self.query_one(ArticleList).focus()

    def _run_search(self, text: str) -> bool:
        """Search for the box's text unless it is what the list shows; whether it searched."""
        # A phrase or a group is typed opening mark first: the words so far are searched as if
        # it were closed, and the bar says so (`_closed_note`).
        text = close_open_marks(text.strip())
        if text == self.request.search.strip():
            bar = self.query_one(SearchBar)
            if bar.message.startswith(CLOSED_NOTE):
                bar.show_message(self._closed_note(text))  # the quote typed now closes it
            return False
        sort = self.sort
        if text and sort == "date" and not self.view.query:
            sort = "relevance"
        elif not text and not self.view.query and sort == "relevance":
            sort = "date"
        self._change(search=text, sort=sort)
        return True

    def _closed_note(self, query: str) -> str:
        """What the bar says when `query` is the search box's text with open marks closed."""
        typed = self.query_one(SearchInput).value.strip()
        closed = query and typed != query and close_open_marks(typed) == query
        return f"{CLOSED_NOTE}{query}" if closed else ""

    @on(SearchInput.Cleared)
    def _search_cleared(self) -> None:
        self.action_clear_search()

    def action_clear_search(self) -> None:
        search = self.query_one(SearchInput)
        search.value = ""
        if self._search_timer is not None:
            self._search_timer.stop()
        self.query_one(SearchBar).show_message("")
        if self.request.search or self.source_filter is not None:
            sort = "date" if self.sort == "relevance" and not self.view.query else self.sort
            self._change(search="", source=None, sort=sort)
        self.query_one(ArticleList).focus()

    def action_next_match(self, step: int) -> None:
        reader = self.query_one(ArticleReader)
        if reader.article is None:
            self.notify("Open an article first.", severity="warning")
        elif not reader.next_match(step):
            self.notify("No search matches in this article.", severity="information")
        else:
            self.app.sub_title = f"match {reader.current_match + 1} of {reader.match_count}"

    # -- list controls ---------------------------------------------------------------------------

    def action_cycle_sort(self) -> None:
        # Without a query relevance means nothing: the key goes straight to the next order.
        choices = SORTS if self.query_text else tuple(s for s in SORTS if s != "relevance")
        current = self.effective_sort if self.effective_sort in choices else choices[0]
        self._change(sort=choices[(choices.index(current) + 1) % len(choices)])

    def action_cycle_filter(self) -> None:
        self._change(filter=self.filters[(self.filters.index(self.filter) + 1) % len(self.filters)])

    def action_focus_next(self) -> None:
        self._cycle_panes(1)

    def action_focus_previous(self) -> None:
        self._cycle_panes(-1)

    def _cycle_panes(self, step: int) -> None:
        """tab moves between the panes (list, reader, side panel, search), not every widget."""
        candidates = (
            self.query_one(ArticleList),
            self.query_one(ArticleReader),
            self.query_one(SidePanel),
            self.query_one(SearchInput),
        )
        panes = [p for p in candidates if p.display and p.parent is not None and p.parent.display]
        focused = self.focused
        current = next(
            (
                i
                for i, pane in enumerate(panes)
                if focused is pane or (focused is not None and pane in focused.ancestors)
            ),
            -1,
        )
        target = panes[(current + step) % len(panes)]
        if isinstance(target, SidePanel):
            target.focus_first_row()
        else:
            target.focus()

    def action_reader_page(self, step: int) -> None:
        reader = self.query_one(ArticleReader)
        if step > 0:
            reader.scroll_page_down(animate=False)
        else:
            reader.scroll_page_up(animate=False)

    def action_toggle_list(self) -> None:
        pane = self.query_one("#list-pane")
        pane.display = not pane.display
        if not pane.display:
            self.query_one(ArticleReader).focus()

    def action_toggle_side(self) -> None:
        panel = self.query_one(SidePanel)
        self._side_wanted = not panel.display
        panel.display = self._side_wanted
        self.set_class(self._side_wanted, "with-side")
        self._keys_to_a_shown_pane()

    # -- read state ------------------------------------------------------------------------------

    def action_toggle_read(self) -> None:
        if self._undo_mark_all:
            undo, self._undo_mark_all = self._undo_mark_all, []
            self.library.mark_read(undo, False)
            self.query_one(ArticleList).refresh_rows()
            self._open_read_state(undo, read=False)
            self.notify(f"Undone: {plural(len(undo), 'article')} unread again.")
            if self.filter == "unread":
                self.load_list()
            self.refresh_counts()
            return
        article_id = self._target_id()
        if article_id is None:
            return
        read = not self.library.get(article_id).read
        self.library.mark_read([article_id], read)
        self._unread += -1 if read else 1
        self.query_one(ArticleList).refresh_rows([article_id])
        self._open_read_state([article_id], read=read)
        self.notify(f"Marked {'read' if read else 'unread'}.")
        self._update_status()

    def _open_read_state(self, changed: list[str], *, read: bool) -> None:
        """The side panel's Status line follows a read-state change of the open article, as
        its list row and the header's count do."""
        if self.article is not None and self.article.id in set(changed):
            self.article = replace(self.article, read=read)
            self.query_one(SidePanel).show_meta(self.article)

    def action_mark_all_read(self) -> None:
        if self._awaiting_index:
            self.notify("The search has not run yet: it runs when the index is ready.")
            return
        listed = list(self.query_one(ArticleList).ids)
        if not listed:
            self.notify("No articles in this view.")
            return
        unread = self.library.unread_ids(listed)
        if not unread:
            self.notify("Everything in this view is read already.")
            return
        if len(unread) <= MARK_ALL_CONFIRM_ABOVE:
            self._mark_all_read(unread)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._mark_all_read(unread)

        question = f"Mark {plural(len(unread), 'unread article')} in this view read?"
        self.app.push_screen(ConfirmScreen(question, "u right afterwards undoes it."), answered)

    def _mark_all_read(self, unread: list[str]) -> None:
        self.library.mark_read(unread)
        self._undo_mark_all = unread
        self.query_one(ArticleList).refresh_rows()
        self._open_read_state(unread, read=True)
        self.notify(f"Marked {plural(len(unread), 'article')} read — u undoes.")
        if self.filter == "unread":
            self.load_list()
        self.refresh_counts()

    # -- the article's link and citation ---------------------------------------------------------

    def action_open_link(self) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        url = self.library.get(article_id).url
        if not url:
            self.notify("This article has no link.", severity="warning")
        else:
            self._open_link(url)

    def _open_link(self, url: str) -> None:
        if not url.lower().startswith(("http://", "https://")):
            self.notify("Only http and https links are opened.", severity="warning")
        elif not self.app.is_web and not _browser_available():
            # A server reached over SSH: nothing would open, so "Opening …" would be untrue.
            self.notify(
                f"No web browser found to open the link here: {visible(url)}",
                severity="warning",
                markup=False,
            )
        else:
            self.app.open_url(url)
            self.notify(f"Opening {visible(url)}", markup=False)

    def action_copy_citation(self) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        text = citation(self.library.get(article_id))
        self.app.copy_to_clipboard(text)
        self.notify(text, title="Citation copied", markup=False)

    # -- bookmarks and notes -----------------------------------------------------------------------

    def _could_not_save(self, error: StoreError) -> None:
        """A change the library refused (a read-only home, a damaged file): said, not a crash."""
        self.notify(f"Not saved: {error}", severity="error", markup=False)

    def action_toggle_bookmark(self) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        try:
            on = self.library.toggle_bookmark(article_id)
        except StoreError as error:
            self._could_not_save(error)
            return
        self.query_one(ArticleList).refresh_rows([article_id])
        if self.article is not None and self.article.id == article_id:
            self.article = replace(self.article, bookmarked=on)
            self.query_one(SidePanel).show_meta(self.article)
        title = one_line(self.library.get(article_id).title)
        self.notify(f"Bookmarked: {title}" if on else f"Bookmark removed: {title}", markup=False)
        if self.view.kind == "bookmarks" or self.filter == "bookmarked":
            self.load_list()

    def action_edit_note(self) -> None:
        article_id = self._target_id()
        if article_id is None:
            self.notify("Open an article first.", severity="warning")
            return
        if self.article is None or self.article.id != article_id:
            self.open_article(article_id)
        self._open_editor(article_id)

    def _open_editor(self, article_id: str) -> NoteEditor:
        editor = self.query_one(NoteEditor)
        if editor.is_open and editor.article_id == article_id:
            editor.text_area.focus()
            return editor
        record = self.library.note(article_id)
        title = self.library.get(article_id).title
        editor.open(
            article_id, title, record.body if record else "", record.revision if record else None
        )
        return editor

    def action_quote_passage(self) -> None:
        if self.article is None:
            self.notify("Open an article first.", severity="warning")
            return
        passage = self.get_selected_text() or self.query_one(ArticleReader).passage_in_view()
        if not passage or not passage.strip():
            self.notify("Select a passage in the reader first.", severity="warning")
            return
        self._open_editor(self.article.id).quote(passage)
        self.notify("Quoted into the note.")

    @on(NoteEditor.SaveRequested)
    def _save_note(self, message: NoteEditor.SaveRequested) -> None:
        editor = self.query_one(NoteEditor)
        if editor.dirty or message.text != editor.saved_text:
            self._write_note(editor, message.article_id, message.text)
        if message.closing:
            editor.close()
            self.query_one(ArticleReader).focus()

    def _write_note(self, editor: NoteEditor, article_id: str, text: str) -> None:
        try:
            saved = self.library.save_note(
                article_id, text, editor.revision, draft=editor.saved_in_sitting
            )
        except Exception as error:  # the text stays in the editor; nothing is lost
            self.notify(f"The note could not be saved: {error}", severity="error", markup=False)
            editor.set_status("NOT SAVED — ctrl+s to try again")
            return
        editor.mark_saved(text, saved.revision, f"{datetime.now():%H:%M:%S}")
        if saved.conflict:
            self.notify(
                "This note was changed in another sahelreader window. Your text was saved; "
                "the text it replaced is kept in the note's history.",
                severity="warning",
                timeout=10,
            )
        elif saved.deleted_elsewhere:
            self.notify(
                "This note had been deleted in another sahelreader window or command. Your "
                "text was saved, so the note exists again: delete it here (empty it) to keep "
                "it deleted.",
                severity="warning",
                timeout=10,
            )
        self.query_one(ArticleList).refresh_rows([article_id])
        if self.article is not None and self.article.id == article_id:
            self.article = replace(self.article, note=text)
            self.query_one(SidePanel).show_note(text)
        if self.view.kind == "notes" or self.filter == "noted":
            self.load_list()
        # Notes become searchable a moment after typing stops: one small index commit.
        if self._sync_timer is not None:
            self._sync_timer.stop()
        self._sync_timer = self.set_timer(self.delays.index_sync, self.sync_index)

    @work(thread=True, exclusive=True, group="index-sync")
    def sync_index(self) -> None:
        self.library.sync_index()

    def save_open_note(self) -> None:
        """Save what the editor holds (called before quitting or switching article)."""
        editor = self.query_one(NoteEditor)
        if editor.article_id is not None and editor.dirty:
            self._write_note(editor, editor.article_id, editor.text_area.text)

    # -- views and saved searches ----------------------------------------------------------------

    def action_save_search(self) -> None:
        query = self.query_one(SearchInput).value.strip() or self.query_text
        if not query:
            self.notify("Search for something first (/), then S saves it.", severity="warning")
            return
        already = [name for name, saved in self.library.saved_searches() if saved.strip() == query]
        if already:
            self.notify(
                f"This search is already saved as “{already[0]}”: v opens it, r there renames it.",
                markup=False,
            )
            return

        def saved(name: str | None) -> None:
            if not name:
                return
            try:
                self.library.save_search(name, query)
            except QueryError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            except StoreError as error:
                self._could_not_save(error)
                return
            self.notify(f"Saved “{name}”. Press v to open it.", markup=False)

        self.app.push_screen(
            SaveSearchScreen(query, default=one_line(query), check=self._view_name_problem),
            saved,
        )

    def _view_name_problem(self, name: str, renaming: str | None = None) -> str | None:
        """Why `name` will not do for a saved search (None if it will): a built-in view's
        name, in any case, would make two rows alike in `v`; another search's would replace
        its query."""
        if name.casefold() in {view.name.casefold() for view in (ALL_ARTICLES, BOOKMARKS, NOTES)}:
            return f"“{name}” is a built-in view: choose another name."
        if name != renaming and any(saved == name for saved, _ in self.library.saved_searches()):
            return f"A view named “{name}” exists already: choose another name."
        return None

    def action_choose_view(self) -> None:
        self.count_views()

    @work(thread=True, exclusive=True, group="views")
    def count_views(self, highlight: str | None = None) -> None:
        # While the index is built a saved search's count is not known: the dialog says so.
        views = self.library.views(searches=self.index_ready.is_set())
        self.post_message(ViewsCounted(views, highlight))

    def on_views_counted(self, message: ViewsCounted) -> None:
        def chosen(choice: tuple[View, ViewAction] | None) -> None:
            if choice is None:
                return
            view, action = choice
            if action == "open":
                self.open_view(view)
            elif action == "rename":
                self._rename_view(view)
            else:
                self._delete_view(view)

        self.app.push_screen(ViewsScreen(message.views, message.highlight), chosen)

    def _rename_view(self, view: View) -> None:
        def renamed(name: str | None) -> None:
            if name and name != view.name:
                try:
                    done = self.library.rename_search(view.name, name)
                except StoreError as error:
                    self._could_not_save(error)
                    return
                if done:
                    self.notify(f"Renamed “{view.name}” to “{name}”.", markup=False)
                    if self.view == view:
                        self.request = replace(self.request, view=replace(view, name=name))
                        self._update_status()
                else:
                    self.notify(f"A view named “{name}” exists already.", severity="warning")
            self.count_views(highlight=name or view.name)

        screen = SaveSearchScreen(
            view.query,
            heading="Rename this view",
            name=view.name,
            check=lambda name: self._view_name_problem(name, renaming=view.name),
        )
        self.app.push_screen(screen, renamed)

    def _delete_view(self, view: View) -> None:
        def answered(yes: bool | None) -> None:
            try:
                deleted = bool(yes) and self.library.delete_search(view.name)
            except StoreError as error:
                self._could_not_save(error)
                return
            if deleted:
                self.notify(f"Deleted the view “{view.name}”.", markup=False)
                if self.view == view:
                    self.show_all_articles()
            self.count_views()

        question = ConfirmScreen(
            f"Delete the view “{view.name}”?", "Its articles stay in the library."
        )
        self.app.push_screen(question, answered)

    def open_view(self, view: View) -> None:
        self.query_one(SearchInput).value = ""
        self._change(view=view, search="", sort="date", source=None)

    def show_all_articles(self) -> None:
        self.open_view(ALL_ARTICLES)


# Browsers Python's webbrowser falls back on in a terminal (no display, as over SSH): run by
# `open_url` they would take over the reader's own terminal and be waited for.
_TEXT_BROWSERS = frozenset({"www-browser", "links", "links2", "elinks", "lynx", "w3m"})


def _browser_available() -> bool:
    """Whether Python's webbrowser, which opens the links, finds a browser on this machine
    that opens elsewhere than in the reader's terminal."""
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if type(browser) is webbrowser.GenericBrowser:  # not a subclass: a graphical one's
        return os.path.basename(browser.name) not in _TEXT_BROWSERS
    return True
