"""The sahelreader app: article list · reader · side panel, every action on a key."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import ClassVar, Literal, TypeVar, cast

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input, ProgressBar, Static
from textual.worker import get_current_worker

from sahelreader.entities.summary import EntityGroup, group_entities
from sahelreader.library import Library, citation
from sahelreader.models import Article, Entity
from sahelreader.search.query import QueryError
from sahelreader.search.watch import find_names, watch_query
from sahelreader.store.database import LIST_FILTERS, ListFilter
from sahelreader.text.clean import one_line, plural
from sahelreader.tui.commands import ReaderCommands
from sahelreader.tui.delays import Delays
from sahelreader.tui.messages import (
    EntityCounts,
    IndexProgress,
    IndexReady,
    LibraryCounts,
    ListLoaded,
    RelatedLoaded,
    SnippetsLoaded,
    ViewsCounted,
)
from sahelreader.tui.screens.dialogs import (
    ConfirmScreen,
    HelpScreen,
    SaveSearchScreen,
    View,
    ViewAction,
    ViewsScreen,
    key_help,
)
from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.entity_styles import legend
from sahelreader.tui.widgets.note_editor import NoteEditor
from sahelreader.tui.widgets.reader import ArticleReader
from sahelreader.tui.widgets.search_bar import SearchBar, SearchInput
from sahelreader.tui.widgets.side_panel import SidePanel
from sahelreader.tui.widgets.status_bar import Status, StatusBar

PaneT = TypeVar("PaneT", bound=Widget)
SortName = Literal["date", "relevance", "source"]
SORTS: tuple[SortName, ...] = ("date", "relevance", "source")
# Filters the `f` key cycles through; "watchlist" joins when config.toml has a watch list.
BASE_FILTERS: tuple[str, ...] = LIST_FILTERS
FIRST_SNIPPETS = 30
MARK_ALL_CONFIRM_ABOVE = 50  # `A` on a larger view asks first
SEARCH_LIMIT = 5_000
NARROW_WIDTH = 100
ALL_ARTICLES = View("All articles")
BOOKMARKS = View("Bookmarks", kind="bookmarks")  # newest bookmark first
NOTES = View("Notes", kind="notes")  # every note with its article, last edited first


class SahelReaderApp(App[None]):
    TITLE = "sahelreader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ReaderCommands}

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding(
            "slash",
            "focus_search",
            "Search",
            id="search",
            tooltip="Search the library (type to search, enter to go to the results)",
        ),
        Binding(
            "escape",
            "clear_search",
            "Clear",
            show=False,
            id="clear_search",
            tooltip="Clear the search and show the whole view again",
        ),
        Binding(
            "n",
            "next_match(1)",
            "Next match",
            show=False,
            id="next_match",
            tooltip="Jump to the next search match in the open article",
        ),
        Binding(
            "N",
            "next_match(-1)",
            "Prev match",
            show=False,
            id="previous_match",
            tooltip="Jump to the previous search match in the open article",
        ),
        Binding(
            "space,pagedown",
            "reader_page(1)",
            "Page",
            show=False,
            id="reader_page_down",
            tooltip="Scroll the open article down a page",
        ),
        Binding(
            "pageup",
            "reader_page(-1)",
            "Page up",
            show=False,
            id="reader_page_up",
            tooltip="Scroll the open article up a page",
        ),
        Binding(
            "s",
            "cycle_sort",
            "Sort",
            id="cycle_sort",
            tooltip="Cycle the sort: date, relevance (for searches), source",
        ),
        Binding(
            "f",
            "cycle_filter",
            "Filter",
            id="cycle_filter",
            tooltip="Cycle the filter: all, unread, bookmarked, noted, watchlist (names in "
            "config.toml)",
        ),
        Binding(
            "h",
            "toggle_entities",
            "Entities",
            show=False,
            id="toggle_entities",
            tooltip="Turn entity highlighting in the reader on or off",
        ),
        Binding(
            "u",
            "toggle_read",
            "Read/unread",
            show=False,
            id="toggle_read",
            tooltip="Mark the article read or unread",
        ),
        Binding(
            "A",
            "mark_all_read",
            "All read",
            show=False,
            id="mark_all_read",
            tooltip="Mark every article in the current view read",
        ),
        Binding(
            "o",
            "open_link",
            "Open link",
            show=False,
            id="open_link",
            tooltip="Open the article's link in the browser (http/https only)",
        ),
        Binding(
            "b",
            "toggle_bookmark",
            "Bookmark",
            id="toggle_bookmark",
            tooltip="Bookmark the article, or remove its bookmark",
        ),
        Binding(
            "e",
            "edit_note",
            "Note",
            id="edit_note",
            tooltip="Write or edit the article's note (Markdown; saved as you type)",
        ),
        Binding(
            "y",
            "quote_passage",
            "Quote",
            show=False,
            id="quote_passage",
            tooltip="Quote the selected passage (or the current match's paragraph) into the note",
        ),
        Binding(
            "c",
            "copy_citation",
            "Cite",
            show=False,
            id="copy_citation",
            tooltip="Copy a citation (title, source, date, url) to the clipboard",
        ),
        Binding(
            "S",
            "save_search",
            "Save search",
            show=False,
            id="save_search",
            tooltip="Save the current search as a view",
        ),
        Binding(
            "v",
            "choose_view",
            "Views",
            id="choose_view",
            tooltip="Choose a view: the whole library or a saved search",
        ),
        Binding(
            "left_square_bracket",
            "toggle_list",
            "List",
            show=False,
            id="toggle_list",
            tooltip="Hide or show the article list",
        ),
        Binding(
            "right_square_bracket",
            "toggle_side",
            "Side panel",
            show=False,
            id="toggle_side",
            tooltip="Hide or show the side panel",
        ),
        Binding(
            "tab",
            "focus_next",
            "Next pane",
            show=False,
            id="focus_next",
            tooltip="Move to the next pane",
        ),
        Binding(
            "shift+tab",
            "focus_previous",
            "Previous pane",
            show=False,
            id="focus_previous",
            tooltip="Move to the previous pane",
        ),
        Binding(
            "backspace,alt+left",
            "go_back",
            "Back",
            show=False,
            id="back",
            tooltip="Back to the article you came from (after opening related coverage)",
        ),
        Binding("question_mark", "help", "Help", id="help", tooltip="Show every key"),
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit sahelreader"),
    ]

    def __init__(
        self, library: Library, *, watch_index: bool = True, delays: Delays | None = None
    ) -> None:
        super().__init__()
        self.library = library
        self.delays = delays or Delays()
        # Whoosh's parallel writer forks; never fork a process that runs UI threads.
        library.parallel_builds = False
        self.view = ALL_ARTICLES
        self.query_text = ""
        self.terms: frozenset[tuple[str, str]] = frozenset()
        self.sort: SortName = "date"
        self.filter = "all"
        self.filters = BASE_FILTERS + (("watchlist",) if library.config.watch else ())
        self.article: Article | None = None
        self.index_ready = threading.Event()
        self._watch_index = watch_index
        self._search_timer: Timer | None = None
        self._side_wanted: bool | None = None  # None: follow the terminal's width
        self._hits = 0
        self._more_hits = False  # the search found more than the list holds
        self._searching = False
        self._undo_mark_all: list[str] = []  # what the last `A` marked read, for `u` to undo
        self._outside_marker: tuple[int, int] | None = None
        self._open_entities: list[Entity] = []  # of self.article, for the side panel later
        self._sync_timer: Timer | None = None
        self.source_filter: str | None = None
        self.history: list[str] = []  # articles opened from the side panel come back with ⌫
        # Library-wide counts for the status line, refreshed off the UI thread.
        self._total = library.count()
        self._unread = library.unread_count()

    @property
    def _ui_gone(self) -> bool:
        """Workers can report after the app began to close; their news is then dropped."""
        return not self.screen_stack or not self.is_running

    def _pane_ready(self) -> bool:
        return bool(self.screen_stack[0].query("#status"))

    def _pane(self, selector: str, kind: type[PaneT]) -> PaneT:
        """A widget of the main screen, even while a dialog or the help screen is on top."""
        return self.screen_stack[0].query_one(selector, kind)

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield SearchBar(id="search-bar")
                yield ArticleList(self.library.rows, id="article-list")
            with Vertical(id="reader-pane"):
                yield ArticleReader(id="reader")
                yield NoteEditor(autosave_after=self.delays.autosave, id="note-editor")
            yield SidePanel(id="side-panel")
        with Horizontal(id="context-bar"):
            yield Static(id="pane-label")
            yield Static(id="target-label")
            yield ProgressBar(id="index-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        if self.library.config.keymap:
            self.set_keymap(self.library.config.keymap)
        if self.library.config.theme:
            self.theme = self.library.config.theme
        for notice in self.library.notices:
            self.notify(notice, severity="warning", markup=False)
        self._pane("#index-progress", ProgressBar).display = False
        self._apply_width(self.size.width)
        last = self.library.last_opened()
        self.load_list(keep=last, open_after=True)
        if self._watch_index:
            self.prepare_index()
        else:
            self.index_ready.set()
        self._pane("#article-list", ArticleList).focus()
        self.set_interval(self.delays.outside_check, self.check_outside_changes)

    def on_resize(self, event: events.Resize) -> None:
        # This runs before App._on_resize records the new size: self.size is still the old one.
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        side = self._side_wanted if self._side_wanted is not None else width >= NARROW_WIDTH
        self._pane("#side-panel", SidePanel).display = side
        self.screen.set_class(width < NARROW_WIDTH, "narrow")

    # -- the context bar: which pane has the keys, which article they act on -----------------

    @on(events.DescendantFocus)
    def _focus_moved(self) -> None:
        self._show_context()

    def _focused_pane_name(self) -> str:
        focused = self.focused
        if focused is None:
            return ""
        names = (
            ("#note-editor", "NOTE"),
            ("#search-bar", "SEARCH"),
            ("#side-panel", "SIDE PANEL"),
            ("#reader", "READER"),
            ("#article-list", "LIST"),
        )
        chain = [focused, *focused.ancestors]
        for selector, name in names:
            if any(node.id == selector[1:] for node in chain):
                return name
        return ""

    def _show_context(self) -> None:
        if self._ui_gone:
            return
        label = self._pane("#pane-label", Static)
        pane = self._focused_pane_name()
        label.update(Text(f" {pane} ", style="bold reverse") if pane else Text(""))
        target = self._pane("#target-label", Static)
        article_id = self._target_id()
        if article_id is None:
            target.update(Text(" no article", style="dim"))
            return
        if self.article is not None and self.article.id == article_id:
            title, how = self.article.title, "open"
        else:
            rows = self.library.rows([article_id])
            title, how = (rows[0].title if rows else ""), "highlighted"
        line = Text(" keys act on ", style="dim")
        line.append(f"{how}: ", style="dim")
        line.append(one_line(title))
        target.update(line)

    @on(ArticleList.Highlighted)
    def _list_highlighted(self) -> None:
        if self.article is None:
            self._show_context()

    # -- articles added or changed by another process (a CLI `add` while the reader runs) ------

    @work(thread=True, exclusive=True, group="outside")
    def check_outside_changes(self) -> None:
        marker = (self.library.count(), self.library.store.content_stamp())
        if self._outside_marker is None:
            self._outside_marker = marker
            return
        if marker != self._outside_marker:
            self._outside_marker = marker
            self.post_message(
                LibraryCounts(marker[0], self.library.unread_count(), changed_outside=True)
            )

    # -- the index, prepared off the UI thread ---------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def prepare_index(self) -> None:
        worker = get_current_worker()
        notices: list[str] = []
        app = self

        class Progress:
            """Counts as they come; `phase` names a step that has none (Whoosh committing)."""

            def __init__(self) -> None:
                self.last = (0, 0)

            def __call__(self, done: int, total: int) -> None:
                self.last = (done, total)
                app.post_message(IndexProgress(done, total))

            def phase(self, name: str | None) -> None:
                app.post_message(IndexProgress(*self.last, phase=name or ""))

        progress = Progress()
        try:
            self.library.ensure_index(
                progress=progress,
                notice=notices.append,
                cancelled=worker.cancelled_event,
            )
        except Exception as error:  # the reader still works without search
            self.post_message(IndexReady(failed=f"search is unavailable: {error}"))
            return
        self.post_message(IndexReady(notice="; ".join(notices)))

    def on_index_progress(self, message: IndexProgress) -> None:
        if self._ui_gone:
            return
        bar = self._pane("#index-progress", ProgressBar)
        bar.display = True
        if message.phase:
            bar.update(total=None)  # an indeterminate bar: it moves, with no count to show
            self._update_status(busy=f"indexing: {message.phase}…")
        else:
            bar.update(total=message.total, progress=message.done)
            self._update_status(busy=f"indexing {message.done:,}/{message.total:,}")

    def on_index_ready(self, message: IndexReady) -> None:
        if self._ui_gone:
            return
        self.index_ready.set()
        self._pane("#index-progress", ProgressBar).display = False
        if message.notice:
            self.notify(message.notice, title="Search index", markup=False)
        if message.failed:
            self.notify(message.failed, severity="error", markup=False)
        self._update_status()
        if self.query_text:
            self.load_list()
        if self.article is not None:
            self._details_if_still_open(self.article.id)

    # -- the list --------------------------------------------------------------------------------

    def load_list(self, keep: str | None = None, open_after: bool = False) -> None:
        """Fill the list for the current view, search, filter and sort, off the UI thread."""
        if self.query_text:
            self._searching = True
            if not self._ui_gone and self.screen_stack and self._pane_ready():
                self._update_status()
        self._load_list(keep, open_after)

    @work(thread=True, exclusive=True, group="list")
    def _load_list(self, keep: str | None = None, open_after: bool = False) -> None:
        """Fill the list for the current view, search, filter and sort (stale runs are dropped)."""
        worker = get_current_worker()
        library, query, list_filter = self.library, self.query_text, self.filter
        source = self.source_filter
        needs_index = bool(query) or list_filter == "watchlist"
        if needs_index and not self.index_ready.is_set():
            self.post_message(ListLoaded([], query, error="The search index is being built…"))
            return
        results = None
        view_ids: list[str] | None = None  # bookmarks and notes views list only their articles
        view_snippets: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        if self.view.kind == "bookmarks":
            view_ids = [article_id for article_id, _, _ in library.bookmarks()]
        elif self.view.kind == "notes":
            noted = [n for n in library.notes() if n.article is not None]
            view_ids = [n.article_id for n in noted]
            view_snippets = {n.article_id: (" ".join(n.note.split())[:300], []) for n in noted}
        try:
            if query:
                results = library.search(
                    query,
                    limit=SEARCH_LIMIT,
                    sort="date" if self.sort == "date" else "relevance",
                    snippets=False,
                )
                ids = [hit.id for hit in results.hits]
                if self.sort == "source":
                    ids = library.order_ids(ids, "source")
                if source is not None:
                    ids = library.from_source(ids, source)
                if view_ids is not None:
                    in_view = set(view_ids)
                    ids = [i for i in ids if i in in_view]
            elif view_ids is not None:
                ids = library.from_source(view_ids, source) if source else view_ids
            else:
                ids = library.list_ids(
                    "all", "source" if self.sort == "source" else "date", source=source
                )
            if list_filter == "watchlist":
                watched = library.search(
                    watch_query(library.config.watch), limit=None, snippets=False
                )
                keep_ids = {hit.id for hit in watched.hits}
                ids = [i for i in ids if i in keep_ids]
            elif list_filter != "all":
                ids = library.filter_ids(ids, cast(ListFilter, list_filter))
            snippets = {}
            if results is not None:
                # The first screenful is ready at the first paint; the rest come when scrolled to.
                snippets = {
                    article_id: library.snippet_for(article_id, results.terms)
                    for article_id in ids[:FIRST_SNIPPETS]
                }
        except QueryError as error:
            if not worker.is_cancelled:
                self.post_message(ListLoaded([], query, error=str(error)))
            return
        if worker.is_cancelled:
            return
        if results is None:
            self.post_message(
                ListLoaded(ids, "", keep=keep, open_after=open_after, snippets=view_snippets)
            )
        else:
            self.post_message(
                ListLoaded(
                    ids,
                    query,
                    results.terms,
                    results.total,
                    results.more,
                    results.suggestion,
                    keep=keep,
                    open_after=open_after,
                    snippets=snippets,
                )
            )

    def on_list_loaded(self, message: ListLoaded) -> None:
        if self._ui_gone:
            return
        if message.query != self.query_text:
            return  # the search changed while this ran
        article_list = self._pane("#article-list", ArticleList)
        bar = self._pane("#search-bar", SearchBar)
        self.terms = message.terms
        self._hits = message.total
        self._more_hits = message.more
        self._searching = False
        if message.error:
            bar.show_message(message.error, error=True)
        elif message.query and not message.ids:
            if message.total and self.filter != "all":
                hint = f"No {self.filter} articles among the {plural(message.total, 'hit')}."
            elif message.suggestion:
                hint = f"No results. Did you mean: {message.suggestion}"
            else:
                hint = "No results."
            bar.show_message(hint)
        elif message.query and message.more and self.filter == "all":
            bar.show_message(f"showing the best {plural(len(message.ids), 'hit')}")
        else:
            bar.show_message("")
        # Search hits show where they matched; the notes view shows each note's opening.
        snippets = message.snippets if (message.query or message.snippets) else None
        empty = (
            "No articles match."
            if message.query
            else (
                "No articles in this view."
                if self.filter != "all"
                else "The library is empty: add articles with `sahelreader add PATH`."
            )
        )
        # Back from a search, the cursor returns to the article open in the reader.
        keep = message.keep or (
            self.article.id if self.article is not None and not message.query else None
        )
        article_list.set_ids(message.ids, keep=keep, snippets=snippets, empty_message=empty)
        self._update_status()
        self._show_context()
        if message.open_after and article_list.current_id is not None:
            # Reopening where the reader left off is not reading anything new.
            self.open_article(article_list.current_id, mark_read=False)
        if message.open_after:
            # What start-up built (imports, the id list, widgets) lives as long as the app:
            # keep it out of the collector's full passes, which otherwise stall a key press.
            gc.collect()
            gc.freeze()

    @work(thread=True, exclusive=True, group="counts")
    def refresh_counts(self) -> None:
        self.post_message(LibraryCounts(self.library.count(), self.library.unread_count()))

    def on_library_counts(self, message: LibraryCounts) -> None:
        if self._ui_gone:
            return
        grew = message.total != self._total
        self._total, self._unread = message.total, message.unread
        self._update_status()
        if message.changed_outside and grew:
            # Articles came or went: the list follows, with the cursor where it was.
            if self.query_text:
                self.sync_then_reload()
            else:
                self.load_list()

    @work(thread=True, exclusive=True, group="index-sync")
    def sync_then_reload(self) -> None:
        if self.index_ready.is_set():
            self.library.sync_index()
        self.call_from_thread(self.load_list)

    @on(ArticleList.SnippetsWanted)
    def _snippets_wanted(self, message: ArticleList.SnippetsWanted) -> None:
        self.load_snippets(message.article_ids, self.terms, message.generation)

    @work(thread=True, group="snippets")
    def load_snippets(
        self, article_ids: list[str], terms: frozenset[tuple[str, str]], generation: int
    ) -> None:
        snippets = {i: self.library.snippet_for(i, terms) for i in article_ids}
        self.post_message(SnippetsLoaded(snippets, generation))

    def on_snippets_loaded(self, message: SnippetsLoaded) -> None:
        if self._ui_gone:
            return
        self._pane("#article-list", ArticleList).add_snippets(message.snippets, message.generation)

    def _update_status(self, busy: str = "") -> None:
        article_list = self._pane("#article-list", ArticleList)
        # The count is what the list holds (after filters), so the header and list agree.
        self._pane("#status", StatusBar).show(
            Status(
                total=self._total,
                unread=self._unread,
                shown=len(article_list.ids),
                more=bool(self.query_text) and self._more_hits and self.filter == "all",
                view=self.view.name
                + (f" · from {self.source_filter}" if self.source_filter else ""),
                filter=self.filter,
                sort=self.effective_sort,
                query=self.query_text,
                busy=busy or ("searching…" if self._searching else ""),
            )
        )

    @property
    def effective_sort(self) -> SortName:
        """Relevance orders search hits; without a search the list is by date."""
        return "date" if self.sort == "relevance" and not self.query_text else self.sort

    # -- opening articles ------------------------------------------------------------------------

    @on(ArticleList.Opened)
    def _list_opened(self, message: ArticleList.Opened) -> None:
        # As in a mail reader's preview pane, focus stays in the list: j/k pick the next
        # article, space/pagedown scroll this one, tab goes into the reader. (Moving focus
        # also rebuilt the footer, a third of the time an `enter` took.)
        with self.batch_update():
            self.open_article(message.article_id)

    def open_article(self, article_id: str, *, mark_read: bool = True) -> None:
        editor = self._pane("#note-editor", NoteEditor)
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
        watched = find_names(article.body, self.library.config.watch)
        self._pane("#reader", ArticleReader).show(article, matches, entities, watched)
        newly_read = mark_read and not article.read
        self.library.opened(article.id, mark_read=newly_read)
        if newly_read:
            article = replace(article, read=True)
            self._pane("#article-list", ArticleList).refresh_rows([article.id])
            self._unread = max(0, self._unread - 1)
        self.article = article
        side_panel = self._pane("#side-panel", SidePanel)
        side_panel.show(article)
        # Looked up after a pause, so that paging through articles does not queue searches;
        # the panel owns the timer, so it dies with the panel when the app closes.
        side_panel.set_timer(
            self.delays.side_details, lambda: self._details_if_still_open(article.id)
        )
        self._undo_mark_all = []
        self._update_status()
        self._show_context()

    def _details_if_still_open(self, article_id: str) -> None:
        if not self.is_running or not self.screen_stack:
            return  # the app is closing
        if self.article is None or self.article.id != article_id:
            return
        groups = group_entities(self._open_entities)
        if self.index_ready.is_set():
            self.load_side_details(article_id, groups)
        else:
            # Entities now; related sources and counts when the index is ready (on_index_ready).
            self._pane("#side-panel", SidePanel).show_details(self.article.note, groups, None)

    @work(thread=True, exclusive=True, group="side-details")
    def load_side_details(self, article_id: str, groups: list[EntityGroup]) -> None:
        """Related sources and entity counts: index work, off the UI thread."""
        worker = get_current_worker()
        try:
            related = self.library.related(article_id)
        except KeyError:
            return
        if worker.is_cancelled:
            return
        self.post_message(RelatedLoaded(article_id, related, groups))
        counts = {}
        for group in groups:
            if worker.is_cancelled:
                return
            counts[group.query] = self.library.count_entity_articles(group)
        self.post_message(EntityCounts(article_id, counts))

    def on_related_loaded(self, message: RelatedLoaded) -> None:
        if self._ui_gone:
            return
        if self.article is not None and self.article.id == message.article_id:
            self._pane("#side-panel", SidePanel).show_details(
                self.article.note, message.groups, message.related
            )

    def on_entity_counts(self, message: EntityCounts) -> None:
        if self._ui_gone:
            return
        if self.article is not None and self.article.id == message.article_id:
            self._pane("#side-panel", SidePanel).show_counts(message.counts)

    @on(SidePanel.Chosen)
    def _side_choice(self, message: SidePanel.Chosen) -> None:
        choice = message.choice
        if choice.kind == "entity":
            # Every article that names the entity.
            self._search_for(choice.value)
        elif choice.kind == "source":
            self.filter_source(choice.value)
        elif choice.kind == "article":
            if self.article is not None:
                self.history.append(self.article.id)
            with self.batch_update():
                self.open_article(choice.value)
                self._pane("#reader", ArticleReader).focus()
        elif choice.kind == "link":
            self._open_link(choice.value)

    def _search_for(self, query: str) -> None:
        search = self._pane("#search-input", SearchInput)
        with search.prevent(Input.Changed):
            search.value = query
        self._run_search(query)
        self._pane("#article-list", ArticleList).focus()

    def filter_source(self, source: str) -> None:
        """Narrow the list to one outlet's articles (esc shows everything again)."""
        if not self.library.list_ids("all", "date", source=source):
            self.notify(
                f"No articles from {source} in your library; searching for mentions instead.",
                markup=False,
            )
            self._search_for(f'"{source}"')
            return
        self.source_filter = source
        self.notify(f"Showing articles from {source} (esc shows everything).", markup=False)
        self.load_list()
        self._pane("#article-list", ArticleList).focus()

    def action_go_back(self) -> None:
        if not self.history:
            self.notify("Nothing to go back to.", severity="information")
            return
        with self.batch_update():
            self.open_article(self.history.pop(), mark_read=False)

    def action_toggle_entities(self) -> None:
        shown = self._pane("#reader", ArticleReader).toggle_entities()
        self.notify(f"Entity highlighting {'on' if shown else 'off'}.")

    # -- search ----------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        # The search box lives in the list pane: typing into a hidden box helps nobody.
        self._pane("#list-pane", Vertical).display = True
        search = self._pane("#search-input", SearchInput)
        # Focus now, not after a refresh (what focus() does): keys typed right after `/` belong
        # to the search box, not to the list's bindings (`n` is "next match" there).
        self.screen_stack[0].set_focus(search)
        search.select_all()  # typing replaces the last query; an arrow key keeps it

    @on(Input.Changed, "#search-input")
    def _search_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(
            self.delays.search_debounce, lambda: self._run_search(event.value)
        )

    @on(Input.Submitted, "#search-input")
    def _search_submitted(self, event: Input.Submitted) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._run_search(event.value)
        self._pane("#article-list", ArticleList).focus()

    def _run_search(self, text: str) -> None:
        text = text.strip()
        base = self.view.query
        combined = f"({base}) AND ({text})" if base and text else (text or base)
        if combined == self.query_text:
            return
        self.query_text = combined
        self._undo_mark_all = []
        if combined and self.sort == "date" and not base:
            self.sort = "relevance"
        elif not combined and self.sort == "relevance":
            self.sort = "date"
        self.load_list()

    @on(SearchInput.Cleared)
    def _search_cleared(self) -> None:
        self.action_clear_search()

    def action_clear_search(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        search = self._pane("#search-input", SearchInput)
        search.value = ""
        if self._search_timer is not None:
            self._search_timer.stop()
        self._pane("#search-bar", SearchBar).show_message("")
        if self.source_filter is not None:
            self.source_filter = None
            self.load_list()
        if self.query_text != self.view.query:
            self.query_text = self.view.query
            if self.sort == "relevance" and not self.query_text:
                self.sort = "date"
            self.load_list()
        self._pane("#article-list", ArticleList).focus()

    def action_next_match(self, step: int) -> None:
        reader = self._pane("#reader", ArticleReader)
        if reader.article is None:
            self.notify("Open an article first.", severity="warning")
        elif not reader.next_match(step):
            self.notify("No search matches in this article.", severity="information")
        else:
            self.sub_title = f"match {reader.current_match + 1} of {reader.match_count}"

    # -- list controls ---------------------------------------------------------------------------

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        if self.sort == "relevance" and not self.query_text:
            self.notify("Relevance orders search results; without a search the list stays by date.")
        self.load_list()

    def action_cycle_filter(self) -> None:
        self._undo_mark_all = []
        self.filter = self.filters[(self.filters.index(self.filter) + 1) % len(self.filters)]
        self.load_list()

    def action_focus_next(self) -> None:
        self._cycle_panes(1)

    def action_focus_previous(self) -> None:
        self._cycle_panes(-1)

    def _cycle_panes(self, step: int) -> None:
        """tab moves between the panes (list, reader, side panel, search), not every widget."""
        panes = [
            pane
            for pane in (
                self._pane("#article-list", ArticleList),
                self._pane("#reader", ArticleReader),
                self._pane("#side-panel", SidePanel),
                self._pane("#search-input", SearchInput),
            )
            if pane.display and pane.parent is not None and pane.parent.display
        ]
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
        reader = self._pane("#reader", ArticleReader)
        if step > 0:
            reader.scroll_page_down(animate=False)
        else:
            reader.scroll_page_up(animate=False)

    def action_toggle_list(self) -> None:
        pane = self._pane("#list-pane", Vertical)
        pane.display = not pane.display
        if not pane.display:
            self._pane("#reader", ArticleReader).focus()

    def action_toggle_side(self) -> None:
        panel = self._pane("#side-panel", SidePanel)
        self._side_wanted = not panel.display
        panel.display = self._side_wanted

    # -- read state ------------------------------------------------------------------------------

    def _target_id(self) -> str | None:
        """The article every action is about: the open one, else the highlighted one.

        One rule for every key (b, e, o, c, u, y), whichever pane has focus; the context bar at
        the bottom always names it.
        """
        if self.article is not None:
            return self.article.id
        return self._pane("#article-list", ArticleList).current_id

    def action_toggle_read(self) -> None:
        if self._undo_mark_all:
            undo, self._undo_mark_all = self._undo_mark_all, []
            self.library.mark_read(undo, False)
            self._pane("#article-list", ArticleList).refresh_rows()
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
        self._pane("#article-list", ArticleList).refresh_rows([article_id])
        self.notify(f"Marked {'read' if read else 'unread'}.")
        self._update_status()

    def action_mark_all_read(self) -> None:
        ids = list(self._pane("#article-list", ArticleList).ids)
        unread = self.library.unread_ids(ids)
        if not unread:
            self.notify("Everything in this view is read already.")
            return
        if len(unread) <= MARK_ALL_CONFIRM_ABOVE:
            self._mark_all_read(unread)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._mark_all_read(unread)

        self.push_screen(
            ConfirmScreen(
                f"Mark {plural(len(unread), 'unread article')} in this view read?",
                "u right afterwards undoes it.",
            ),
            answered,
        )

    def _mark_all_read(self, unread: list[str]) -> None:
        self.library.mark_read(unread)
        self._undo_mark_all = unread
        self._pane("#article-list", ArticleList).refresh_rows()
        self.notify(f"Marked {plural(len(unread), 'article')} read — u undoes.")
        if self.filter == "unread":
            self.load_list()
        self.refresh_counts()

    # -- the open article ------------------------------------------------------------------------

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
        else:
            self.open_url(url)
            self.notify(f"Opening {url}", markup=False)

    def action_copy_citation(self) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        text = citation(self.library.get(article_id))
        self.copy_to_clipboard(text)
        self.notify(text, title="Citation copied", markup=False)

    # -- bookmarks and notes -----------------------------------------------------------------------

    def action_toggle_bookmark(self) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        on = self.library.toggle_bookmark(article_id)
        self._pane("#article-list", ArticleList).refresh_rows([article_id])
        if self.article is not None and self.article.id == article_id:
            self.article = replace(self.article, bookmarked=on)
            self._pane("#side-panel", SidePanel).show_meta(self.article)
        self.notify("Bookmarked." if on else "Bookmark removed.")
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
        editor = self._pane("#note-editor", NoteEditor)
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
        passage = (
            self.screen.get_selected_text()
            or self._pane("#reader", ArticleReader).passage_in_view()
        )
        if not passage or not passage.strip():
            self.notify("Select a passage in the reader first.", severity="warning")
            return
        editor = self._open_editor(self.article.id)
        editor.quote(passage)
        self.notify("Quoted into the note.")

    @on(NoteEditor.SaveRequested)
    def _save_note(self, message: NoteEditor.SaveRequested) -> None:
        editor = self._pane("#note-editor", NoteEditor)
        if editor.dirty or message.text != editor.saved_text:
            self._write_note(editor, message.article_id, message.text)
        if message.closing:
            editor.close()
            self._pane("#reader", ArticleReader).focus()

    def _write_note(self, editor: NoteEditor, article_id: str, text: str) -> None:
        try:
            saved = self.library.save_note(article_id, text, editor.revision)
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
        self._pane("#article-list", ArticleList).refresh_rows([article_id])
        if self.article is not None and self.article.id == article_id:
            self.article = replace(self.article, note=text)
            self._pane("#side-panel", SidePanel).show_note(text)
        if self.view.kind == "notes" or self.filter == "noted":
            self.load_list()
        self._schedule_index_sync()

    def _schedule_index_sync(self) -> None:
        # Notes become searchable a moment after typing stops: one small index commit.
        if self._sync_timer is not None:
            self._sync_timer.stop()
        self._sync_timer = self.set_timer(self.delays.index_sync, self.sync_index)

    @work(thread=True, exclusive=True, group="index-sync")
    def sync_index(self) -> None:
        self.library.sync_index()

    def save_open_note(self) -> None:
        """Save what the editor holds (called before quitting or switching article)."""
        editor = self._pane("#note-editor", NoteEditor)
        if editor.article_id is not None and editor.dirty:
            self._write_note(editor, editor.article_id, editor.text_area.text)

    async def action_quit(self) -> None:
        self.save_open_note()
        self.exit()

    # -- views and saved searches ----------------------------------------------------------------

    def action_save_search(self) -> None:
        query = self._pane("#search-input", SearchInput).value.strip() or self.query_text
        if not query:
            self.notify("Search for something first (/), then S saves it.", severity="warning")
            return

        def saved(name: str | None) -> None:
            if not name:
                return
            try:
                self.library.save_search(name, query)
            except QueryError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(f"Saved “{name}”. Press v to open it.", markup=False)

        self.push_screen(SaveSearchScreen(query), saved)

    def action_choose_view(self) -> None:
        self.count_views()

    @work(thread=True, exclusive=True, group="views")
    def count_views(self) -> None:
        library = self.library
        bookmarked = [article_id for article_id, _, _ in library.bookmarks()]
        noted = [n.article_id for n in library.notes() if n.article is not None]
        views: list[tuple[View, int]] = [
            (ALL_ARTICLES, library.unread_count()),
            (BOOKMARKS, library.unread_count(bookmarked)),
            (NOTES, library.unread_count(noted)),
        ]
        for name, query in library.saved_searches():
            try:
                ids = [h.id for h in library.search(query, limit=SEARCH_LIMIT, snippets=False).hits]
                unread = library.unread_count(ids)
            except QueryError:
                unread = 0
            views.append((View(name, query), unread))
        self.post_message(ViewsCounted(views))

    def on_views_counted(self, message: ViewsCounted) -> None:
        if self._ui_gone:
            return

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

        self.push_screen(ViewsScreen(message.views), chosen)

    def _rename_view(self, view: View) -> None:
        def renamed(name: str | None) -> None:
            if name and name != view.name:
                if self.library.rename_search(view.name, name):
                    self.notify(f"Renamed “{view.name}” to “{name}”.", markup=False)
                    if self.view == view:
                        self.view = replace(view, name=name)
                        self._update_status()
                else:
                    self.notify(f"A view named “{name}” exists already.", severity="warning")
            self.count_views()

        self.push_screen(
            SaveSearchScreen(view.query, heading="Rename this view", name=view.name), renamed
        )

    def _delete_view(self, view: View) -> None:
        def answered(yes: bool | None) -> None:
            if yes and self.library.delete_search(view.name):
                self.notify(f"Deleted the view “{view.name}”.", markup=False)
                if self.view == view:
                    self.show_all_articles()
            self.count_views()

        self.push_screen(
            ConfirmScreen(f"Delete the view “{view.name}”?", "Its articles stay in the library."),
            answered,
        )

    def open_view(self, view: View) -> None:
        self._undo_mark_all = []
        self.view = view
        self._pane("#search-input", SearchInput).value = ""
        self.query_text = view.query
        self.sort = "date"
        self.load_list()

    def open_saved_search(self, name: str, query: str) -> None:
        self.open_view(View(name, query))

    def show_all_articles(self) -> None:
        self.open_view(ALL_ARTICLES)

    # -- help ------------------------------------------------------------------------------------

    def all_bindings(self) -> list[Binding]:
        return [
            binding
            for group in (
                self.BINDINGS,
                ArticleList.BINDINGS,
                ArticleReader.BINDINGS,
                SearchInput.BINDINGS,
            )
            for binding in _bindings(group)
        ]

    def action_help(self) -> None:
        keymap = dict(self.library.config.keymap)
        rows = (
            key_help("Anywhere", _bindings(self.BINDINGS), keymap)
            + key_help("List", _bindings(ArticleList.BINDINGS), keymap)
            + key_help("Reader", _bindings(ArticleReader.BINDINGS), keymap)
            + key_help("Search bar", _bindings(SearchInput.BINDINGS), keymap)
            + key_help(
                "Anywhere",
                [
                    Binding(
                        "ctrl+p",
                        "command_palette",
                        "Command palette",
                        tooltip="Every action, view and theme by name",
                        id="command_palette",
                    )
                ],
                keymap,
            )
        )
        self.push_screen(HelpScreen(rows, legend()))


def _bindings(items: Iterable[object]) -> list[Binding]:
    return [b for b in items if isinstance(b, Binding)]


def make_app(
    home: Path | str | None = None,
    library: Library | None = None,
    *,
    watch_index: bool = True,
    delays: Delays | None = None,
) -> SahelReaderApp:
    """The one factory for the CLI, the tests and the screenshot script."""
    return SahelReaderApp(library or Library.open(home), watch_index=watch_index, delays=delays)
