"""The sahelreader app: start-up, keymap and theme, the search index's preparation, help, and the
one factory (`make_app`) that the CLI, the tests and the screenshot script use.

Everything about reading lives on the main screen (`screens/main.py`) and its widgets.
"""

from __future__ import annotations

import asyncio
import signal
import threading
import time
from collections import deque
from functools import cache
from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.widgets import Input, TextArea
from textual.worker import WorkerState, get_current_worker

from sahelreader.library import Library
from sahelreader.library.search_process import SearchFailed, SearchProcess, SearchProcessGone
from sahelreader.models import Cancellation, ListRequest, ListResult
from sahelreader.tui import bindings
from sahelreader.tui.collector import QuietCollector
from sahelreader.tui.commands import ReaderCommands
from sahelreader.tui.delays import Delays
from sahelreader.tui.messages import IndexProgress, IndexReady
from sahelreader.tui.screens.dialogs import ConfirmScreen
from sahelreader.tui.screens.help import HelpScreen, help_rows
from sahelreader.tui.screens.main import MainScreen
from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.entity_styles import legend


class SahelReaderApp(App[None]):
    TITLE = "sahelreader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[Binding]] = bindings.APP  # type: ignore[assignment]

    def __init__(
        self,
        library: Library,
        *,
        watch_index: bool = True,
        delays: Delays | None = None,
        search_process: bool = False,
    ) -> None:
        super().__init__()
        self.library = library
        # Searches with a query go to a process of their own once it is ready (see
        # library/search_process.py); everything else, and any search when it is not, here.
        self._use_search_process = search_process
        self.search_process: SearchProcess | None = None
        # Whoosh's parallel writer forks; never fork a process that runs UI threads.
        library.parallel_builds = False
        self.delays = delays or Delays()
        self.index_ready = threading.Event()
        self._watch_index = watch_index
        self._list_shown = False
        self.collector = QuietCollector(self.delays.quiet_collect)
        # Keys read while an earlier key is still being handled (see `_hand_out_key`).
        self._keys_waiting: deque[events.Key] = deque()
        self._key_in_hand = False
        self._key_settler: asyncio.Task[None] | None = None

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.library, self.delays, self.index_ready)

    @property
    def main(self) -> MainScreen:
        """The main screen, even while a dialog or the help screen is on top of it."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    @property
    def _ui_gone(self) -> bool:
        """Workers can report after the app began to close; their news is then dropped."""
        return not self.screen_stack or not self.is_running

    def on_mount(self) -> None:
        self._handle_signals()
        if self.library.config.keymap:
            self.set_keymap(self.library.config.keymap)
        if self.library.config.theme:
            self.theme = self.library.config.theme
        for warning in self.library.warnings:
            self.notify(warning, severity="error", timeout=60, markup=False)
        for notice in self.library.notices:
            self.notify(notice, severity="warning", markup=False)
        for problem in bindings.keymap_problems(dict(self.library.config.keymap)):
            self.notify(problem, severity="warning", markup=False)
        if self.library.read_only is not None:
            # Said once in the notices above; the header keeps saying it.
            self.sub_title = "read-only: changes are not saved"
        if self._watch_index:
            self.prepare_index()
        else:
            self.index_ready.set()

    def started(self) -> None:
        """The first list is on screen: from now on the garbage collector's full passes wait
        for pauses in the reader's use (tui/collector.py), and skip what start-up built."""
        if not self.collector.started:
            self.collector.start()
            self.set_interval(min(1.0, self.delays.quiet_collect), self.collector.tick)
        self._list_shown = True
        if self.index_ready.is_set():
            self.call_after_refresh(self.warm_search)

    @work(thread=True, exclusive=True, group="warm-search")
    def warm_search(self) -> None:
        """Once articles are on screen and the index is ready: the search process, or else
        what the first search here would make while someone waits (each segment's map of
        article ids)."""
        # A read-only library may search a temporary index of this session's own: not the
        # one a process opening the library would find.
        if self._use_search_process and self.library.read_only is None:
            if self.search_process is None:
                try:
                    self.search_process = SearchProcess(self.library.locations)
                except OSError:  # no interpreter to start: this process searches
                    self.search_process = None
            if self.search_process is not None:
                return  # it makes its own maps; a second warm-up here would only compete
        self.library.warm_search(get_current_worker().cancelled_event)

    def list_view(self, request: ListRequest, cancelled: Cancellation) -> ListResult | None:
        """The list for `request` (from the list's worker thread): a search with a query in
        the search process when it is ready, anything else in this one. The watch list
        filter reads this session's config, so it stays here."""
        process = self.search_process
        if (
            process is not None
            and process.ready.is_set()
            and request.query
            and request.filter != "watchlist"
        ):
            try:
                return process.list_view(request, cancelled)
            except SearchProcessGone:
                self.search_process = None
                process.close()
            except SearchFailed:
                pass  # this request only (an index being swapped): asked here instead
        return self.library.list_view(request, cancelled)

    def close_search_process(self) -> None:
        process, self.search_process = self.search_process, None
        if process is not None:
            process.close()

    # -- the search index, made ready off the UI thread -------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def prepare_index(self) -> None:
        worker = get_current_worker()
        notices: list[str] = []
        progress = _IndexProgressReporter(self)
        try:
            self.library.ensure_index(
                progress=progress, notice=notices.append, cancelled=worker.cancelled_event
            )
        except Exception as error:  # the reader still works without search
            reason = str(error) or type(error).__name__
            self.post_message(IndexReady(failed=f"search is unavailable: {reason}"))
            return
        self.post_message(IndexReady(notice="; ".join(notices)))

    def on_index_progress(self, message: IndexProgress) -> None:
        if not self._ui_gone:
            self.main.index_progress(message.done, message.total, message.phase)

    def on_index_ready(self, message: IndexReady) -> None:
        if self._ui_gone:
            return
        self.index_ready.set()
        if self._list_shown:
            self.warm_search()
        if message.notice:
            self.notify(message.notice, title="Search index", markup=False)
        if message.failed:
            self.notify(message.failed, severity="error", markup=False)
        self.main.index_became_ready()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(
            event,
            events.Key
            | events.MouseDown
            | events.MouseScrollDown
            | events.MouseScrollUp
            | events.Paste,
        ):
            self.collector.input_arrived()
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._key_in_hand:
                self._keys_waiting.append(event)
            else:
                await self._hand_out_key(event)
            return
        await super().on_event(event)

    # -- keys, one at a time -------------------------------------------------------------------
    #
    # Textual gives each key to the widget focused when the app reads it; a key that moves the
    # focus (enter in the search box, tab, a key that opens a dialog) moves it only once that
    # widget, the containers it bubbles through and the app's deferred `focus()` have handled
    # it. Keys read in one burst (fast typing, a paste without bracketed paste, a macro, tmux
    # send-keys) were handed out before that and went to the old widget: "mali⏎jk" typed "jk"
    # into the search box, tab tab moved one pane. So the next key is handed out only once
    # everything the previous one set going has been handled (or after a short bound, so
    # that a busy widget never holds the keyboard).

    KEY_SETTLE_LIMIT = 0.5  # seconds a key may hold the next one back
    # A key that set the list's worker going (enter in the search box, a sort, escape back to
    # every article) may hold the next key back until that list is shown, this long at most:
    # "mali⏎⏎" typed in one burst opened the old list's top article, the hits not yet there.
    LIST_SETTLE_LIMIT = 3.0

    async def _hand_out_key(self, event: events.Key) -> None:
        self._key_in_hand = True
        while True:
            # A letter typed in a text box stays there, as does an edit of it (backspace,
            # ctrl+w): the next key need not wait for what it set going (a search as one
            # types: waiting made a 40-letter burst, or a held backspace, take seconds).
            typing = isinstance(self.focused, Input | TextArea) and (
                event.is_printable or self._edits_text(event.key)
            )
            # A key that moves a cursor or scrolls moves no focus either: held down (key
            # repeat) it must not queue up behind what each step sets going.
            steady = typing or self._moves_only(event.key)
            await super().on_event(event)  # a priority binding, or forwarded to the focus
            if not steady:
                self._key_settler = asyncio.create_task(self._settle_key())
                return
            if not self._keys_waiting:
                self._key_in_hand = False
                return
            event = self._keys_waiting.popleft()

    def _edits_text(self, key: str) -> bool:
        """Whether `key` goes to the focused text box's own editing (its widget class's
        bindings: delete, move, select), not to a binding that submits or leaves it."""
        focused = self.focused
        try:
            active = self.screen.active_bindings.get(key)
        except Exception:  # noqa: BLE001 - no screen yet, or one closing: wait as for any key
            return False
        if active is None or active.node is not focused:
            return False
        editor = Input if isinstance(focused, Input) else TextArea
        return active.binding.action in _editing_actions(editor)

    def _moves_only(self, key: str) -> bool:
        """Whether `key` is bound here to a cursor move or a scroll (whatever key the user's
        keymap gives it), which moves no focus."""
        try:
            active = self.screen.active_bindings.get(key)
        except Exception:  # noqa: BLE001 - no screen yet, or one closing: wait as for any key
            return False
        if active is None:
            return False
        return active.binding.action.partition("(")[0] in MOVING_ACTIONS

    async def _settle_key(self) -> None:
        try:
            await self._until_quiet()
            if await self._until_list_made():
                await self._until_quiet()  # the list it made, shown
        finally:
            if self.is_running:
                self.call_later(self._next_key)
            else:
                self._key_in_hand = False

    async def _until_quiet(self) -> None:
        """Until every message posted before now, and every message those posted in turn, has
        been handled on the app and the current screen (bounded by KEY_SETTLE_LIMIT)."""
        deadline = time.monotonic() + self.KEY_SETTLE_LIMIT
        while True:
            try:
                pumps = [self, *self.screen.walk_children(with_self=True)]
            except Exception:  # no screen (closing)
                return
            # Waited on: the focus and the containers a key bubbles through, the app, and any
            # widget with messages queued (a callback to every widget made each key slow).
            focused = self.focused
            chain = {id(node) for node in (focused, *focused.ancestors)} if focused else set()
            loop = asyncio.get_running_loop()
            waits = []
            for pump in pumps:
                if pump is not self and id(pump) not in chain and not pump.message_queue_size:
                    continue
                done: asyncio.Future[None] = loop.create_future()
                if pump.call_later(_resolve, done):
                    waits.append(done)
            if waits:
                _, pending = await asyncio.wait(waits, timeout=deadline - time.monotonic())
                if pending:
                    return  # a busy widget: the next key goes now
            if time.monotonic() >= deadline:
                return
            # Quiet when no queue holds anything the round's handlers posted (the key bubbled
            # one container up, a message, a deferred focus).
            if all(pump.message_queue_size == 0 for pump in pumps):
                return

    async def _until_list_made(self) -> bool:
        """Until the list's worker (a search, a sort, a view) is done, bounded by
        LIST_SETTLE_LIMIT; whether one was running. Only that worker: never indexing, a feed
        refresh or side details, which can take far longer than a key may wait."""
        deadline = time.monotonic() + self.LIST_SETTLE_LIMIT
        waited = False
        while self._list_worker_running() and time.monotonic() < deadline:
            waited = True
            await asyncio.sleep(0.005)
        return waited

    def _list_worker_running(self) -> bool:
        return any(
            worker.group == "list"
            and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            and isinstance(worker.node, ArticleList)
            for worker in self.workers
        )

    async def _next_key(self) -> None:
        self._key_settler = None
        if self._keys_waiting:
            await self._hand_out_key(self._keys_waiting.popleft())
        else:
            self._key_in_hand = False

    def on_unmount(self) -> None:
        self._handle_signals(stop=True)
        self.collector.stop()
        self.close_search_process()  # the app's own process ends with it

    # -- help and quitting ------------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_rows(dict(self.library.config.keymap)), legend()))

    async def action_quit(self) -> None:
        adding = self.main.adding
        if adding is not None and not isinstance(self.screen, ConfirmScreen):
            # Quitting stops the add dialog's import between batches: asked, never silent.
            def answered(yes: bool | None) -> None:
                if yes:
                    self.main.save_open_note()
                    self.exit()

            self.push_screen(
                ConfirmScreen(
                    f"Still adding {adding.name}. Quit and stop it?",
                    "What is stored so far stays; adding it again finishes it "
                    "(duplicates are skipped).",
                ),
                answered,
            )
            return
        self.main.save_open_note()
        self.exit()

    # SIGTERM (a logout, `kill`) and SIGHUP (the terminal window closed) end the reader like
    # ctrl+q: the note being typed is saved first, not lost with the autosave's pause.
    _ENDING_SIGNALS = tuple(
        getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
    )

    def _handle_signals(self, stop: bool = False) -> None:
        if threading.current_thread() is not threading.main_thread():
            return  # only the main thread may handle signals
        loop = asyncio.get_running_loop()
        for signum in self._ENDING_SIGNALS:
            try:
                if stop:
                    loop.remove_signal_handler(signum)
                else:
                    loop.add_signal_handler(signum, self.terminated, signum)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # a loop without signal handling (Windows): the default action stays

    def terminated(self, signum: int) -> None:
        """The process was asked to end: the open note is written now (synchronously, before
        anything can be lost), then the app exits as on ctrl+q."""
        try:
            if self.screen_stack:
                self.main.save_open_note()
        finally:
            self.exit(return_code=128 + signum)


# Actions that move a cursor or scroll, in every view (tui/bindings.py) and Textual's own
# widgets: keys bound to them are handed out at once, one after another.
@cache
def _editing_actions(editor: type[Input | TextArea]) -> frozenset[str]:
    """The actions a text box class binds itself, but for submitting (enter in an Input)."""
    return frozenset(
        b.action for b in editor.BINDINGS if isinstance(b, Binding) and b.action != "submit"
    )


MOVING_ACTIONS = frozenset(
    {
        "cursor",
        "cursor_down",
        "cursor_up",
        "cursor_left",
        "cursor_right",
        "edge",
        "first",
        "last",
        "page",
        "page_down",
        "page_up",
        "scroll_down",
        "scroll_up",
        "scroll_home",
        "scroll_end",
        "scroll_left",
        "scroll_right",
        "scroll_page_down",
        "scroll_page_up",
    }
)


def _resolve(done: asyncio.Future[None]) -> None:
    if not done.done():
        done.set_result(None)


class _IndexProgressReporter:
    """A progress callback `(done, total)`; `phase(name)` names a step with no count to show
    (Whoosh committing a large index), and the bar turns instead of filling."""

    def __init__(self, app: SahelReaderApp) -> None:
        self.app = app
        self.last = (0, 0)

    def __call__(self, done: int, total: int) -> None:
        self.last = (done, total)
        self.app.post_message(IndexProgress(done, total))

    def phase(self, name: str | None) -> None:
        self.app.post_message(IndexProgress(*self.last, phase=name or ""))


def make_app(
    home: Path | str | None = None,
    library: Library | None = None,
    *,
    watch_index: bool = True,
    delays: Delays | None = None,
    search_process: bool = False,
) -> SahelReaderApp:
    """The one factory for the CLI, the tests and the screenshot script. The CLI asks for the
    search process; tests that are not about it go without (one interpreter less each)."""
    return SahelReaderApp(
        library or Library.open(home),
        watch_index=watch_index,
        delays=delays,
        search_process=search_process,
    )
