"""The main screen's feed work: `a` adds, `r` (and `[feeds] refresh_minutes`) refreshes in one
worker with its progress in the status line, `F` shows the feeds; the list and the index follow
what arrives. A base of MainScreen, kept apart so that screen stays about the panes."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from sahelreader.library import ImportProgress, IndexUnavailable, Library, QueryError
from sahelreader.library.subscriptions import title_key
from sahelreader.text.clean import one_line, plural, visible
from sahelreader.tui.delays import Delays
from sahelreader.tui.messages import RefreshDone, RefreshProgress, ViewsNews
from sahelreader.tui.screens.feeds import (
    Added,
    AddScreen,
    FeedsScreen,
    is_feed_file,
    outcome_of,
    subscribed_to_file,
)
from sahelreader.tui.widgets.trends import RISING_MARK

if TYPE_CHECKING:
    from sahelreader.library.subscriptions import FeedResult


@dataclass
class _Adding:
    """The import the add dialog started; `dialog` is None once esc has closed it."""

    shown: str  # what was typed
    name: str  # as the status line names it: a file's or folder's name, an address
    dialog: AddScreen | None


@dataclass
class AddProgress(Message):
    """How far the add dialog's import has got (after each stored batch); None once every
    article is stored and the index is catching up with them."""

    progress: ImportProgress | None

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AddProgress)


@dataclass
class AddDone(Message):
    """The add dialog's import has ended (or failed)."""

    outcome: Added


def _short_name(shown: str) -> str:
    """A typed target as the status line names it: a path's last part, an address whole."""
    text = one_line(shown)
    if "://" in text:
        return visible(text)
    return PurePath(text.rstrip("/\\")).name or text


class FeedActions(Screen[None]):
    library: Library
    delays: Delays
    index_ready: threading.Event
    _outside_marker: tuple[int, int] | None
    _keep_cursor: bool  # the next list keeps the cursor's row (articles arrived)

    def __init__(self) -> None:
        super().__init__()
        self.refreshing = False  # a feed refresh is running (`r` does not start a second)
        self.refresh_busy = ""  # its progress, for the status line
        self._sync_when_ready = False  # articles arrived before the index was ready
        # Feeds' new articles whose saved searches and watched names wait for the index.
        self._news_waiting: set[str] = set()
        self.adding: _Adding | None = None  # the add dialog's import, while it runs
        self.add_busy = ""  # its progress, for the status line

    # Hooks the main screen overrides: the list, the header's counts, the status line.
    def load_list(self, keep: str | None = None, open_after: bool = False) -> None:
        raise NotImplementedError

    def refresh_counts(self) -> object:
        raise NotImplementedError

    def details_after_arrivals(self) -> None:
        raise NotImplementedError

    def sync_then_reload(self) -> object:
        raise NotImplementedError

    def _update_status(self, busy: str = "") -> None:
        raise NotImplementedError

    def start_refresh_timer(self) -> None:
        minutes = self.library.config.refresh_minutes
        if minutes:
            self.set_interval(minutes * self.delays.refresh_minute, self._refresh_on_time)

    def action_add(self) -> None:
        if isinstance(self.app.screen, AddScreen):
            return
        if self.adding is not None:
            # One import at a time: a second beside the first would only race it for the store.
            self.notify(
                f"Still adding {self.adding.name}: the status line shows how far; "
                "a adds again when it has finished.",
                markup=False,
            )
            return
        # From the Feeds screen `a` means "subscribe": a feed file is subscribed to (as
        # `feeds add FILE` does), not imported once.
        subscribe = isinstance(self.app.screen, FeedsScreen)
        dialog = AddScreen(self.start_add, subscribe=subscribe)
        self.app.push_screen(dialog, lambda outcome: self.after_add(dialog, outcome))

    def start_add(self, dialog: AddScreen, given: str, shown: str) -> None:
        """The dialog's enter: the import runs in this screen's worker, which outlives the
        dialog (esc while adding closes the dialog, not the import)."""
        self.adding = _Adding(shown=shown, name=_short_name(shown), dialog=dialog)
        self._show_add_progress(f"adding {self.adding.name}…")
        self.add_in_background(given, shown, dialog.subscribe)

    @work(thread=True, exclusive=True, group="add")
    def add_in_background(self, given: str, shown: str, subscribe: bool) -> None:
        """Import what the dialog was given, telling how far it has got after each batch.
        Quitting sets the worker's cancel event, which stops the import between batches
        (what was stored stays; adding the file again skips it as duplicates)."""
        worker = get_current_worker()
        library = self.library

        def step(progress: ImportProgress) -> None:
            self.post_message(AddProgress(progress))

        try:
            if subscribe and is_feed_file(given):
                outcome = subscribed_to_file(library, given, shown)
            else:
                report = library.add([given], cancelled=worker.cancelled_event, step=step)
                outcome = outcome_of(library, report, shown)
            synced = False
            if outcome.articles and self.index_ready.is_set() and not worker.is_cancelled:
                self.post_message(AddProgress(None))
                synced = library.sync_index()
        except Exception as error:  # said in the dialog (or a notice), the app runs on
            outcome, synced = Added(f"Failed: {error}", ok=False, severity="error"), False
        self._outside_marker = library.change_marker()  # our own change, not another process's
        self.post_message(AddDone(replace(outcome, synced=synced)))

    def on_add_progress(self, message: AddProgress) -> None:
        if self.adding is None:
            return
        progress, name = message.progress, self.adding.name
        if progress is None:  # stored: the index catches up with them
            self._show_add_progress(f"adding {name}: indexing…", "Stored; making them searchable…")
            return
        said = plural(progress.articles, "article")
        if progress.files > 1:
            said += f" · {progress.files_done:,}/{plural(progress.files, 'file')}"
        if progress.bytes_total:
            percent = f"{min(99, progress.bytes_done * 100 // progress.bytes_total)}%"
            # The header has little room: the share read, or the count where none is known.
            self._show_add_progress(f"adding {name} {percent}", f"Adding… {said} · {percent}")
        else:
            self._show_add_progress(f"adding {name}: {said}", f"Adding… {said}")

    def _show_add_progress(self, busy: str, in_dialog: str = "") -> None:
        self.add_busy = busy
        self._update_status()
        dialog = self.adding.dialog if self.adding is not None else None
        if dialog is not None and in_dialog:
            dialog.show_progress(in_dialog)

    def on_add_done(self, message: AddDone) -> None:
        adding, self.adding = self.adding, None
        self._show_add_progress("")
        dialog = adding.dialog if adding is not None else None
        if dialog is not None and dialog.is_attached:
            dialog.finished(message.outcome)  # its dismissal calls after_add
        else:
            self._added(message.outcome)

    def after_add(self, dialog: AddScreen, outcome: Added | None) -> None:
        if outcome is not None:
            self._added(outcome)
        elif self.adding is not None and self.adding.dialog is dialog:
            # esc while adding: the dialog goes, the import goes on.
            self.adding.dialog = None
            self.notify(
                f"Adding {self.adding.name} goes on in the background: the status line shows "
                "how far, and what it added is said when it ends.",
                title="Adding",
                markup=False,
            )

    def _added(self, outcome: Added) -> None:
        self.notify(outcome.message, title="Added", severity=outcome.severity, markup=False)
        if outcome.articles:
            self._new_articles_arrived(synced=outcome.synced)
        self._reload_feeds_screens()

    def action_show_feeds(self) -> None:
        if not any(isinstance(screen, FeedsScreen) for screen in self.app.screen_stack):
            self.app.push_screen(FeedsScreen(self.library))

    def action_refresh_feeds(self) -> None:
        self.start_refresh()

    def _refresh_on_time(self) -> None:
        """`[feeds] refresh_minutes`: a quiet refresh, skipped while one runs."""
        if not self.refreshing:
            self.start_refresh(automatic=True)

    def start_refresh(
        self,
        urls: tuple[str, ...] | None = None,
        *,
        name: str | None = None,
        automatic: bool = False,
    ) -> bool:
        """Refresh every feed (or those in `urls`) in a worker; False if one is running."""
        if self.refreshing:
            if not automatic:
                self.notify("Already refreshing the feeds: the status line shows how far.")
            return False
        self.refreshing = True
        self._show_refresh_progress(f"refreshing {name}…" if name else "refreshing feeds…")
        self.refresh_feeds(urls, name, automatic)
        return True

    @work(thread=True, exclusive=True, group="refresh")
    def refresh_feeds(
        self, urls: tuple[str, ...] | None, name: str | None, automatic: bool
    ) -> None:
        """Fetch the feeds (the network: off the UI thread), then catch the index up and find
        the saved searches and watched names the new articles fall in. Quitting sets the
        worker's cancel event, which stops the refresh between feeds."""
        worker = get_current_worker()
        library = self.library
        tally = _Tally(self)
        try:
            report = library.subscriptions.refresh(
                list(urls) if urls else None,
                on_start=tally.start,
                on_result=tally.heard,
                cancelled=worker.cancelled_event,
            )
        except KeyError as error:  # unsubscribed meanwhile
            self.post_message(
                RefreshDone(only=name, error=str(error.args[0] if error.args else ""))
            )
            return
        except Exception as error:  # a bug costs this refresh, not the app
            self.post_message(RefreshDone(only=name, error=f"The refresh failed: {error}"))
            return
        shared = library.subscriptions.shared_titles() if report.failed else frozenset[str]()
        done = RefreshDone(
            feeds=len(report.results),
            added=report.added,
            updated=report.updated,
            from_feeds=sum(1 for result in report.results if result.added or result.updated),
            failed=[
                (_feed_name(r.title, r.url, shared), one_line(r.error or "")) for r in report.failed
            ],
            automatic=automatic,
            only=name,
            cancelled=report.cancelled or worker.is_cancelled,
            synced=not report.new_ids,
            new_ids=tuple(report.new_ids),
        )
        if report.new_ids and not done.cancelled and self.index_ready.is_set():
            try:
                done.synced = library.sync_index()
                if done.synced:
                    done.in_views, done.rising = _views_news(library, report.new_ids)
            except Exception as error:  # the articles are stored; the index catches up later
                done.synced = False
                done.error = f"New articles are stored but not yet searchable: {error}"
        self._outside_marker = library.change_marker()  # our own change, not another process's
        self.post_message(done)

    def on_refresh_progress(self, message: RefreshProgress) -> None:
        if not self.refreshing:
            return
        busy = f"refreshing {message.done:,}/{plural(message.total, 'feed')} · {message.new:,} new"
        if message.failed:
            busy += f" · {message.failed:,} failed"
        self._show_refresh_progress(busy)

    def _show_refresh_progress(self, busy: str) -> None:
        self.refresh_busy = busy
        self._update_status()
        for screen in self.app.screen_stack:
            if isinstance(screen, FeedsScreen):
                screen.show_progress(busy)

    def on_refresh_done(self, message: RefreshDone) -> None:
        self.refreshing = False
        self._show_refresh_progress("")
        if message.cancelled:
            if not message.automatic:
                self.notify("The refresh stopped before the end.", severity="warning")
        elif message.feeds == 0 and not message.error:
            if not message.automatic:
                self.notify(
                    "No feeds yet: press a and give a feed's address (or a page that links to "
                    "one, or an .opml list).",
                    title="Refresh",
                )
        else:
            self._tell_refreshed(message)
        if message.error:
            self.notify(message.error, severity="error", markup=False)
        if message.added or message.updated:
            self._new_articles_arrived(synced=message.synced, new_ids=message.new_ids)
        self._reload_feeds_screens()

    def _tell_refreshed(self, message: RefreshDone) -> None:
        if message.added:
            said = (
                f"{plural(message.added, 'new article')} from {plural(message.from_feeds, 'feed')}"
            )
            if message.updated:
                said += f" ({message.updated:,} updated)"
            self.notify(said, title="Refresh", markup=False)
        elif message.updated:
            said = f"No new articles; {plural(message.updated, 'article')} updated."
            self.notify(said, title="Refresh")
        elif not message.automatic and not (message.only and message.failed):
            said = f"No new articles from {message.only}." if message.only else "No new articles."
            self.notify(said, title="Refresh", markup=False)
        if message.failed and not message.automatic:
            if message.only and len(message.failed) == 1:
                feed, error = message.failed[0]
                said = f"{feed} failed: {error}"
            elif any(isinstance(screen, FeedsScreen) for screen in self.app.screen_stack):
                names = ", ".join(feed for feed, _ in message.failed)
                said = f"{plural(len(message.failed), 'feed')} failed: {names}."
            else:
                said = f"{plural(len(message.failed), 'feed')} failed: see the feeds screen (F)."
            self.notify(said, title="Refresh", severity="warning", markup=False)
        self._tell_views_news(message.in_views, message.rising)

    def _tell_views_news(self, in_views: list[tuple[str, str, int]], rising: set[str]) -> None:
        for kind, name, count in in_views:
            mark = f" — {RISING_MARK}" if kind == "watched name" and name in rising else ""
            self.notify(
                f"New in {kind} “{name}”: {count:,}{mark}", title="New articles", markup=False
            )

    def _new_articles_arrived(self, *, synced: bool, new_ids: Sequence[str] = ()) -> None:
        """Articles were added in this process: the list and the counts follow."""
        if not synced:
            self._news_waiting.update(new_ids)
            if self.index_ready.is_set():
                # The worker found the index not ready, and it became ready before this
                # message came: nothing else is left to catch up.
                self.catch_up_arrivals()
            else:
                self._sync_when_ready = True
        # The cursor stays on the row the user moved to, not the article open in the reader:
        # as for another process's articles.
        self._keep_cursor = True
        self.load_list()
        self.refresh_counts()
        if synced:
            self.details_after_arrivals()

    def catch_up_arrivals(self) -> None:
        """Articles that came before the index was ready: index them, reload the list, and
        tell their saved-search and watched-name news."""
        self._keep_cursor = True
        self.sync_then_reload()
        self.tell_waiting_news()

    def tell_waiting_news(self) -> None:
        """The index is ready: say which saved searches and watched names the articles that
        came before it fall in (the rest of the refresh's news was said when it ended)."""
        if self._news_waiting:
            waiting, self._news_waiting = tuple(self._news_waiting), set()
            self.count_views_news(waiting)

    @work(thread=True, group="views-news")
    def count_views_news(self, ids: tuple[str, ...]) -> None:
        library = self.library
        try:
            if not library.sync_index():
                return  # another process holds the index: the news is not known
            in_views, rising = _views_news(library, ids)
        except Exception:  # the articles are listed; only this news is lost
            return
        if in_views:
            self.post_message(ViewsNews(in_views, rising))

    def on_views_news(self, message: ViewsNews) -> None:
        self._tell_views_news(message.in_views, message.rising)

    def _reload_feeds_screens(self) -> None:
        for screen in self.app.screen_stack:
            if isinstance(screen, FeedsScreen):
                screen.reload()


def _views_news(
    library: Library, ids: Sequence[str]
) -> tuple[list[tuple[str, str, int]], set[str]]:
    """(kind, name, count) for each saved search and watched name the new articles `ids` fall
    in, and the watched names rising today; the index must hold the articles."""
    saved = {saved_name for saved_name, _ in library.saved_searches()}
    in_views = [
        ("saved search" if found in saved else "watched name", found, count)
        for found, count in library.new_in_views(ids)
    ]
    rising = _rising_names(library) if any(k == "watched name" for k, _, _ in in_views) else set()
    return in_views, rising


def _rising_names(library: Library) -> set[str]:
    """The watched names rising today; none when they cannot be counted (the news of new
    articles goes out anyway)."""
    try:
        return library.trends.rising_names()
    except (QueryError, IndexUnavailable):
        return set()


class _Tally:
    """Counts a refresh's feeds as they end, and posts the progress (from the worker)."""

    def __init__(self, screen: FeedActions) -> None:
        self.screen = screen
        self.total = self.done = self.new = self.failed = 0

    def start(self, feeds: Sequence[object]) -> None:
        self.total = len(feeds)
        self._post()

    def heard(self, result: FeedResult) -> None:
        self.done += 1
        self.new += result.added
        self.failed += result.status == "failed"
        self._post()

    def _post(self) -> None:
        self.screen.post_message(RefreshProgress(self.done, self.total, self.new, self.failed))


def _feed_name(title: str, url: str, shared: frozenset[str]) -> str:
    """A feed as a notice names it: its title, with its address when another feed has that
    title (the address tells them apart, as `refresh` on the command line says it)."""
    name = one_line(title)
    if not name:
        return visible(url)
    return f"{name} <{visible(url)}>" if title_key(name) in shared else name
