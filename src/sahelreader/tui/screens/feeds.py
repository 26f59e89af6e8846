"""Feeds: the add dialog (`a`: a file, a folder, a feed or a web address) and the feeds screen
(`F`: each subscription's counts, last refresh and last error; refresh or remove one).

Refreshing belongs to the main screen (its worker, its status line); these screens ask it.
Everything a feed says about itself (titles, addresses, errors) is shown as plain Text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from sahelreader.library import AddReport, Library, file_type
from sahelreader.text.clean import one_line, plural
from sahelreader.tui import bindings
from sahelreader.tui.screens.dialogs import ConfirmScreen
from sahelreader.tui.widgets.key_footer import KeyFooter
from sahelreader.tui.widgets.ordered_keys import OrderedInput

if TYPE_CHECKING:
    from sahelreader.library.subscriptions import FeedRecord
    from sahelreader.tui.app import SahelReaderApp


# -- what a typed target is ----------------------------------------------------------------------

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HOST_LIKE = re.compile(r"^[\w-]+(\.[\w-]+)+(/|$)")  # "dispatch.example/feed.xml"
_FEED_FILE = "a feed file: its entries are imported as articles"
# From the Feeds screen a feed file is subscribed to, as `feeds add FILE` does.
_FEED_FILE_SUBSCRIBED = "a feed file: subscribes to it (r reads it again for new entries)"
_JSON_LINES = "a JSON Lines file: one article a line"
_TABLE = "a table of articles: one a row, its first row naming the columns (title, text, url…)"
_KINDS = {
    ".opml": "an OPML list: subscribes to every feed it lists (r fetches their articles)",
    ".rss": _FEED_FILE,
    ".atom": _FEED_FILE,
    ".rdf": _FEED_FILE,
    ".xml": _FEED_FILE,
    ".md": "a Markdown article",
    ".markdown": "a Markdown article",
    ".txt": "a text article",
    ".html": "a saved web page: one article",
    ".htm": "a saved web page: one article",
    ".json": "a JSON file of articles",
    ".json.gz": "a compressed JSON file of articles",
    ".jsonl": _JSON_LINES,
    ".ndjson": _JSON_LINES,
    ".jsonl.gz": _JSON_LINES + " (compressed)",
    ".ndjson.gz": _JSON_LINES + " (compressed)",
    ".csv": _TABLE,
    ".tsv": _TABLE,
}
# Which files are read is the ingest module's list (`file_type`); a type it adds later that has
# no words here yet is still read, as "an article file".
_ANY_ARTICLE_FILE = "an article file"
READS = (
    ".txt .md .html .rss .atom .xml .json .jsonl .csv .tsv (each gzipped too), .opml, folders and "
    "web addresses"
)
EMPTY_HINT = "Type or paste a file, a folder, an .opml list, or a web address (http/https)."


@dataclass(frozen=True)
class Target:
    """A typed target, as the add dialog understands it before anything is read."""

    given: str  # what to hand to `Library.add` ("~" expanded)
    what: str  # what it is, or why it cannot be added
    ok: bool


def describe_target(typed: str, *, subscribe: bool = False) -> Target:
    """Say what `typed` is (a web address, a folder, a file of some kind) or why it will not
    do; only the file system's metadata is read, never the file. With `subscribe` (the Feeds
    screen's `a`) a feed file is subscribed to rather than imported once."""
    text = typed.strip()
    if not text:
        return Target("", EMPTY_HINT, False)
    scheme = _SCHEME.match(text)
    if scheme and text[:7].lower() == "file://":
        return _describe_path(text, Path(unquote(urlsplit(text).path)), subscribe)
    if scheme and (text[scheme.end() :].startswith("//") or scheme[1].lower() == "feed"):
        return _describe_address(text, scheme[1].lower())
    return _describe_path(text, Path(text).expanduser(), subscribe)


def _describe_address(text: str, scheme: str) -> Target:
    if scheme not in ("http", "https", "feed"):
        return Target(text, f"Only http and https addresses are fetched, not {scheme}:.", False)
    try:
        host = urlsplit(text.removeprefix("feed:") if scheme == "feed" else text).hostname
    except ValueError:
        host = None
    if not host or any(char.isspace() for char in text):
        return Target(text, "That web address has no host name (or has spaces in it).", False)
    return Target(
        text,
        f"A web address on {host}: subscribes if it is a feed or a page that links to one; "
        "any other page is kept as one article.",
        True,
    )


def _describe_path(text: str, path: Path, subscribe: bool = False) -> Target:
    shown = one_line(text)
    try:
        exists = path.exists()
    except OSError as error:  # a name too long, a permission on the way
        return Target(text, f"Cannot look at {shown}: {error.strerror or error}.", False)
    if not exists:
        hint = " (a web address starts with https://)" if _HOST_LIKE.match(text) else ""
        return Target(text, f"No such file or folder: {shown}{hint}.", False)
    given = str(path)
    if path.is_dir():
        return Target(given, "A folder: imports every article file in it.", True)
    if not path.is_file():
        return Target(given, "Not a file or a folder (a device or a pipe).", False)
    suffix, read = file_type(path)
    kind = _kind(suffix) if read or suffix == ".opml" else None
    if kind == _FEED_FILE and subscribe:
        kind = _FEED_FILE_SUBSCRIBED
    if kind is None:
        what = f"type {suffix}" if suffix else "no file type"
        return Target(given, f"Not a file sahelreader reads ({what}). It reads {READS}.", False)
    return Target(given, f"{kind[0].upper()}{kind[1:]} ({_size(path)}).", True)


def _kind(suffix: str) -> str:
    """The words for a type `add` reads; a gzipped one (".html.gz") is its type's, compressed.
    A gzipped feed file is imported once, never subscribed to (a refresh reads feeds as is)."""
    if suffix in _KINDS:
        return _KINDS[suffix]
    plain = suffix.removesuffix(".gz")
    if plain != suffix and plain in _KINDS:
        return f"{_KINDS[plain]} (compressed)"
    return _ANY_ARTICLE_FILE


def is_feed_file(given: str) -> bool:
    path = Path(given)
    return path.is_file() and _KINDS.get(file_type(path)[0]) == _FEED_FILE


def _size(path: Path) -> str:
    try:
        size = os.stat(path).st_size
    except OSError:
        return "size unknown"
    if size < 1024:
        return plural(size, "byte")
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


# -- the add dialog ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Added:
    """What an add did, for the notification; `ok` False keeps the dialog open."""

    message: str
    ok: bool = True
    severity: SeverityLevel = "information"
    articles: int = 0  # added to the library
    subscribed: int = 0
    synced: bool = False  # the index was caught up with them


def outcome_of(library: Library, report: AddReport, shown: str) -> Added:
    """One line for what `Library.add` did with one target; a feed read in spite of a problem
    (not well-formed XML, not in the encoding it declares) says so after it."""
    outcome = _outcome(library, report, shown)
    if not report.notes or not outcome.ok:
        return outcome
    note = one_line(report.notes[0][1])
    severity: SeverityLevel = "warning" if outcome.severity == "information" else outcome.severity
    return replace(outcome, message=f"{outcome.message} Note: {note}", severity=severity)


def _outcome(library: Library, report: AddReport, shown: str) -> Added:
    added, duplicates = len(report.added), len(report.duplicates)
    failures = report.failed
    opml = shown.lower().endswith(".opml")
    if report.already_subscribed and not report.subscribed and not opml:
        record = library.subscriptions.find(report.already_subscribed[0])
        name = one_line(record.title) if record is not None and record.title else shown
        return Added(f"Already subscribed to {name}.")
    if report.subscribed:
        if len(report.subscribed) == 1 and not opml:
            url = report.subscribed[0]
            record = library.subscriptions.find(url)
            name = one_line(record.title) if record is not None and record.title else url
            said = plural(added, "article") if added else "no articles new to the library"
            return Added(f"Subscribed to {name}: {said}.", articles=added, subscribed=1)
        message = (
            f"Subscribed to {plural(len(report.subscribed), 'feed')} from {shown}: "
            "r fetches their articles."
        )
        if failures:
            message += f" {plural(len(failures), 'entry', 'entries')} refused: {failures[0][1]}"
        severity: SeverityLevel = "warning" if failures else "information"
        return Added(message, severity=severity, subscribed=len(report.subscribed))
    if added:
        message = f"Added {plural(added, 'article')}"
        if duplicates:
            message += f" ({duplicates:,} already in the library)"
        message += "."
        if failures:
            message += f" {plural(len(failures), 'file')} failed: {_reason(failures[0])}"
        return Added(message, severity="warning" if failures else "information", articles=added)
    if duplicates and not failures:
        return Added(f"Already in the library: {plural(duplicates, 'article')}.")
    if failures:
        reason = _reason(failures[0])
        more = f" (and {len(failures) - 1:,} more)" if len(failures) > 1 else ""
        return Added(f"Failed: {reason}{more}", ok=False, severity="error")
    if opml:
        return Added(f"Every feed {shown} lists is subscribed already (or it lists none).")
    return Added(f"Nothing to add: no article files in {shown}.", ok=False, severity="warning")


def subscribed_to_file(library: Library, path: str, shown: str) -> Added:
    """The Feeds screen's `a` with a feed file: subscribed to, as `feeds add FILE` does."""
    from sahelreader.library.subscriptions import SubscribeError

    try:
        done = library.subscriptions.subscribe(path)
    except SubscribeError as error:
        return Added(f"Not subscribed: {one_line(str(error))}", ok=False, severity="error")
    name = one_line(done.feed.title) or shown
    if not done.created:
        return Added(f"Already subscribed to {name}.")
    said = plural(done.added, "article") if done.added else "no articles new to the library"
    message = f"Subscribed to {name}: {said}."
    if done.notes:
        return Added(
            f"{message} Note: {one_line(done.notes[0])}",
            severity="warning",
            articles=done.added,
            subscribed=1,
        )
    return Added(message, articles=done.added, subscribed=1)


def _reason(failure: tuple[str, str]) -> str:
    target, reason = failure
    # A reason that names its own target reads well alone; a bare one needs the name.
    return one_line(reason if target in reason else f"{target}: {reason}")


ADD_HINT = "enter adds · esc cancels"
# While adding, esc closes the dialog and the import goes on (the main screen's worker).
ADDING_HINT = "esc closes this: the adding goes on, its progress in the status line"

# What `AddScreen` asks the main screen to do: start adding (dialog, target, shown text).
StartAdd = Callable[["AddScreen", str, str], None]


class AddScreen(ModalScreen[Added | None]):
    """`a`: one line for a file, a folder, a feed or a web address; says what it is as it is
    typed and refuses what cannot be added. The adding is the main screen's (a worker that
    outlives this dialog): esc while adding closes the dialog, and the import goes on with its
    progress in the status line; the dialog shows that progress while it is open."""

    BINDINGS = bindings.ADD

    def __init__(self, start_add: StartAdd, *, subscribe: bool = False) -> None:
        super().__init__()
        self.start_add = start_add
        self.subscribe = subscribe  # opened from the Feeds screen: a feed file is subscribed to
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            heading = "Subscribe to a feed" if self.subscribe else "Add to the library"
            yield Static(Text(heading, style="bold"))
            yield OrderedInput(  # keys typed in one burst keep their order
                placeholder="A file, folder, feed or web address",
                id="add-target",
                select_on_focus=False,  # after a failure the text is fixed, not retyped
            )
            yield Static(Text(EMPTY_HINT, style="italic"), id="add-what")
            yield Static(Text(ADD_HINT, style="dim"), id="add-hint")

    @property
    def target_input(self) -> Input:
        return self.query_one("#add-target", Input)

    def _say(self, text: str, style: str = "italic") -> None:
        self.query_one("#add-what", Static).update(Text(text, style=style))

    def _hint(self, text: str) -> None:
        self.query_one("#add-hint", Static).update(Text(text, style="dim"))

    @on(Input.Changed, "#add-target")
    def _typed(self, event: Input.Changed) -> None:
        if not self.busy:
            target = describe_target(event.value, subscribe=self.subscribe)
            empty = not event.value.strip()
            self._say(target.what, "italic" if target.ok or empty else "bold red")

    @on(Input.Submitted, "#add-target")
    def _submitted(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        if self.busy:
            return
        target = describe_target(self.target_input.value, subscribe=self.subscribe)
        if not target.ok:
            self._say(target.what, "bold red")
            self.app.bell()
            return
        self.busy = True
        self.target_input.disabled = True
        self._say("Adding… (a web address is fetched first)", "bold")
        self._hint(ADDING_HINT)
        self.start_add(self, target.given, self.target_input.value.strip())

    def show_progress(self, text: str) -> None:
        """The main screen's word on the import under way ("Adding… 1,500 articles · 36%")."""
        if self.busy and self.is_attached:
            self._say(text, "bold")

    def finished(self, outcome: Added) -> None:
        """The import ended with the dialog open: it closes with the outcome, or stays open
        with the reason when nothing could be added."""
        if outcome.ok:
            self.dismiss(outcome)
            return
        self.busy = False
        target = self.target_input
        target.disabled = False
        target.focus()
        self._say(outcome.message, "bold red")
        self._hint(ADD_HINT)

    def action_cancel(self) -> None:
        # Before enter: nothing was started. While adding: the dialog closes and the main
        # screen's worker goes on (the main screen tells that it does, and how it ends).
        self.dismiss(None)


# -- the feeds screen ----------------------------------------------------------------------------


NARROW = 100  # below this the address column goes (the detail below the table shows it)


def when(moment: datetime | None, short: bool = False) -> str:
    """A refresh time in local time: "2025-03-04 14:05" (short: "03-04 14:05"); "never"."""
    if moment is None:
        return "never"
    return moment.astimezone().strftime("%m-%d %H:%M" if short else "%Y-%m-%d %H:%M")


# The least an address or an error column is given when the feed's name needs the room (the
# highlighted feed's address and error show in full under the table).
ADDRESS_LEAST = 16
ERROR_LEAST = 16
TITLE_LEAST = 12


def column_widths(width: int, feeds: Sequence[FeedRecord] = ()) -> tuple[int, int, int]:
    """How wide the feed's name, its address and its error may be on a screen this wide, for
    these feeds. Articles, unread and the date (16), the cells' padding and the scrollbar take
    44; below NARROW there is no address column (width 0) and the date is short (11): 37.

    The name comes first: it gets what the longest needs, leaving the address and the error
    their least; what is left goes to the error and the address, each up to what it needs (a
    column no wider than its heading when nothing needs more)."""
    narrow = width < NARROW
    room = max(30, width - (37 if narrow else 44))
    need_title = max([len("Feed"), *(len(one_line(f.title or f.url)) for f in feeds)])
    need_url = 0
    if not narrow:
        need_url = max([len("Address"), *(len(one_line(_short_url(f.url))) for f in feeds)])
    need_error = max([len("Last error"), *(len(one_line(f.last_error or "")) for f in feeds)])
    least_url = min(need_url, ADDRESS_LEAST)
    least_error = min(need_error, ERROR_LEAST)
    title = max(min(need_title, TITLE_LEAST), min(need_title, room - least_url - least_error))
    spare = max(0, room - title - least_url - least_error)
    # The spare shared: half each while both need more, the rest to whichever still does.
    url_extra = min(need_url - least_url, spare // 2 if need_error > least_error else spare)
    error_extra = min(need_error - least_error, spare - url_extra)
    url_extra = min(need_url - least_url, spare - error_extra)
    return title, least_url + url_extra, least_error + error_extra


def _short_url(url: str) -> str:
    """An address without what every address has ("https://", "www."): a narrow column then
    shows the host, not the scheme."""
    rest = url.split("://", 1)[-1]
    return rest[4:] if rest.lower().startswith("www.") else rest


def _cut(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _cut_address(address: str, width: int) -> str:
    """An address cut in the middle: its last part (a feed file's name, "rss.xml") is what tells
    two feeds in one folder or on one site apart, so it stays whole when it fits, after as much
    of the start as there is room for ("/home/ana/…/dispatch.rss"); else its end is kept."""
    address = one_line(address)
    if len(address) <= width:
        return address
    head, slash, last = address.rstrip("/").rpartition("/")
    tail = slash + last + address[len(address.rstrip("/")) :] if slash else ""
    if not head or len(tail) + 2 > width:
        return "…" + address[len(address) - (width - 1) :] if width > 1 else "…"
    return address[: width - 1 - len(tail)] + "…" + tail


class FeedsScreen(Screen[None]):
    """Every subscription: name, address, articles, unread, last refresh, last error."""

    BINDINGS = bindings.FEEDS

    @dataclass
    class Loaded(Message):
        feeds: Sequence[FeedRecord]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.feeds: list[FeedRecord] = []

    @property
    def reader_app(self) -> SahelReaderApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Text(" Feeds", style="bold"), id="feeds-heading")
        yield DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="feeds-detail")
        yield Static(id="feeds-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.show_progress(self.reader_app.main.refresh_busy)
        self._fill(None)
        self.reload()

    def on_resize(self) -> None:
        if self.feeds:
            self._fill(self._current_id())

    @work(thread=True, exclusive=True, group="feeds")
    def reload(self) -> None:
        feeds = self.library.subscriptions.all()
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(feeds))

    def on_feeds_screen_loaded(self, message: Loaded) -> None:
        keep = self._current_id()
        row = self.query_one(DataTable).cursor_row
        self.feeds = list(message.feeds)
        self._fill(keep, row)
        failing = sum(1 for feed in self.feeds if feed.last_error)
        heading = Text(" Feeds", style="bold")
        heading.append(f" · {plural(len(self.feeds), 'subscription')}", style="dim")
        if failing:
            heading.append(f" · {failing:,} failing", style="red")
        self.query_one("#feeds-heading", Static).update(heading)
        self._show_detail()

    def _fill(self, keep: int | None, row: int = 0) -> None:
        """The rows, cut to the screen's width (the highlighted feed shows in full below); the
        cursor stays on feed `keep`, or (it was removed) on the row that took its place."""
        table = self.query_one(DataTable)
        title_width, url_width, error_width = column_widths(self.size.width, self.feeds)
        narrow = url_width == 0
        headings: list[tuple[str | Text, str]] = [
            ("Feed", "title"),
            ("Address", "url"),
            (Text("Articles", justify="right"), "articles"),
            (Text("Unread", justify="right"), "unread"),
            ("Refreshed" if narrow else "Last refresh", "checked"),
            ("Last error", "error"),
        ]
        rows: list[list[Text]] = []
        for feed in self.feeds:
            error = feed.last_error or ""
            rows.append(
                [
                    Text(_cut(feed.title or feed.url, title_width)),
                    Text(_cut_address(_short_url(feed.url), url_width), style="dim"),
                    Text(f"{feed.articles:,}", justify="right"),
                    Text(f"{feed.unread:,}", justify="right"),
                    Text(when(feed.checked, short=narrow)),
                    Text(_cut(error, error_width), style="red"),
                ]
            )
        if narrow:
            del headings[1]
            for cells in rows:
                del cells[1]
        table.clear(columns=True)  # columns only grow: a narrower screen starts again
        # Each column as wide as its widest cell, given now: a table left to widen its columns
        # itself does it when it next goes idle, and rows that came while another screen was
        # on top were drawn in the empty table's widths until something woke it.
        for n, (heading, key) in enumerate(headings):
            label = Text(heading) if isinstance(heading, str) else heading
            width = max([label.cell_len, *(cells[n].cell_len for cells in rows)])
            table.add_column(heading, key=key, width=width)
        for feed, cells in zip(self.feeds, rows, strict=True):
            table.add_row(*cells, key=str(feed.id))
        ids = [feed.id for feed in self.feeds]
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)
        elif ids:
            table.move_cursor(row=min(max(row, 0), len(ids) - 1), animate=False)

    def _current_id(self) -> int | None:
        feed = self.current
        return feed.id if feed is not None else None

    @property
    def current(self) -> FeedRecord | None:
        row = self.query_one(DataTable).cursor_row
        return self.feeds[row] if 0 <= row < len(self.feeds) else None

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        detail = self.query_one("#feeds-detail", Static)
        feed = self.current
        if feed is None:
            detail.update(
                Text(
                    "No feeds yet. a adds one: a feed's address, a page that links to its feed, "
                    "or an .opml list.",
                    style="italic",
                )
            )
            return
        text = Text(one_line(feed.title) or feed.url, style="bold")
        text.append(f"\n{one_line(feed.url)}", style="dim")
        text.append(
            f"\nlast refresh {when(feed.checked)} · last success {when(feed.last_fetched)}"
            f" ({feed.last_new:,} new)",
            style="dim",
        )
        if feed.last_error:
            text.append(f"\nerror: {one_line(feed.last_error)}", style="red")
        detail.update(text)

    def show_progress(self, busy: str) -> None:
        """The main screen's refresh progress ("refreshing 3/10 feeds · 12 new"), or nothing."""
        line = self.query_one("#feeds-status", Static)
        line.update(Text(f" {busy}", "italic"))
        line.display = bool(busy)

    # -- keys -----------------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def action_refresh_one(self) -> None:
        feed = self.current
        if feed is None:
            self.notify("No feeds yet: a adds one.", severity="warning")
            return
        self.reader_app.main.start_refresh((feed.url,), name=one_line(feed.title) or feed.url)

    def action_refresh_all(self) -> None:
        self.reader_app.main.start_refresh()

    def action_remove(self) -> None:
        feed = self.current
        if feed is None:
            return
        if self.reader_app.main.refreshing:
            self.notify("Feeds are being refreshed: remove it when that is done.")
            return
        name = one_line(feed.title) or feed.url

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                _, _, kept = self.library.subscriptions.remove(feed.url)
            except KeyError:
                self.notify(f"{name} was not subscribed any more.", markup=False)
            else:
                said = f"its {plural(kept, 'article')} stay" if kept else "it had no articles"
                self.notify(f"Unsubscribed from {name}: {said}.", markup=False)
            self.reload()

        question = f"Unsubscribe from {name}?"
        self.app.push_screen(ConfirmScreen(question, "Its articles stay in the library."), answered)

    def action_add(self) -> None:
        self.reader_app.main.action_add()

    def action_close(self) -> None:
        self.dismiss()
