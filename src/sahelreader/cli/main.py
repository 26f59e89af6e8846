"""Command line: `sahelreader [--home DIR] [COMMAND ...]`. Without a command, opens the reader."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console, RenderableType
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.spinner import Spinner
from rich.text import Text

from sahelreader import __version__, json_output
from sahelreader.cli import feeds
from sahelreader.cli.arguments import MAX_COUNT, MAX_DAYS, UsageError, positive_int
from sahelreader.cli.output import console, is_terminal
from sahelreader.filetypes import types_for_help
from sahelreader.models import Article, SearchHit
from sahelreader.text.clean import clean_spans, clean_text, http_link, one_line, plural, visible

if TYPE_CHECKING:
    from sahelreader.library import ImportProgress, Library

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_PROGRESS_FROM = 20  # files or documents: below this a bar only flickers
_IMPORT_BAR_FROM_BYTES = 4 * 1024 * 1024  # an import of less than this is over in a moment


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the command is, so that it unwinds like Ctrl-C."""


def _terminated(signum: int, frame: object) -> None:
    raise Terminated


class Stopped(KeyboardInterrupt):
    """Ctrl-C or SIGTERM, with what the command had done by then (`detail`, one clause)."""

    def __init__(self, detail: str, terminated: bool) -> None:
        super().__init__(detail)
        self.detail = detail
        self.terminated = terminated


class CommandFailed(Exception):
    """One clear line for stderr, exit 1."""


# Everything printed is a rich `Text`, never a string Rich would read as markup ("[bold]",
# "[link=...]" in a title or a file name is shown as it is), and nothing from outside reaches
# the terminal as it came: article text (titles, bodies, names, notes) is cleaned like it is at
# import (`one_line`, `clean_text`: an article stored by an older version may hold anything);
# file names, URLs and error messages, which the user must be able to find again, are shown
# with their control characters escaped (`visible`: "\x1b]0;title\x07").


def _said(message: str, style: str = "") -> Text:
    """A message line: one line, control and invisible characters written as escapes."""
    return Text(visible(message), style=style)


def _out() -> Console:
    return console()


_HOME_HELP = "keep the library, index and config in DIR"
# Where `stories`' window ends (StoryTable.latest_placed_at): not the newest article, which may
# be alone or undated, but the newest dated one with another dated article in its story.
_WINDOW_END = "newest dated article that shares its story with another dated one"


# The commands that take a query, each with an option of its own for the hint's example of
# "options before --" (trend has no --limit: its example failed with exit 2).
_QUERY_EXAMPLE_OPTIONS = {"search": "--limit 5", "trend": "--by month"}
_QUERY_COMMANDS = tuple(_QUERY_EXAMPLE_OPTIONS)
_DASH_HINT = (
    "hint: a word that starts with - is read as an option here. To leave a word out, write "
    "NOT (`sahelreader {command} mali NOT football`), or put the query after -- and the "
    "options before it, where -word leaves the word out too (`sahelreader {command} {options} "
    "-- mali -football`)"
)


def _dash_hint(given: Sequence[str]) -> str:
    """For `search`/`trend` given a word like `-mali` that argparse read as an unknown option:
    the hint, else ""."""
    commands = [word for word in given if word in _QUERY_COMMANDS]
    dashed = [word for word in given if len(word) > 1 and word[0] == "-" and word[1:2].isalpha()]
    known = {"-h"}
    if not commands or not any(word not in known for word in dashed):
        return ""
    return _DASH_HINT.format(command=commands[0], options=_QUERY_EXAMPLE_OPTIONS[commands[0]])


class _Parser(argparse.ArgumentParser):
    """Adds the `-word` hint to a usage error of `search` or `trend`."""

    given: Sequence[str] = ()  # the command line being parsed (set by `main`)

    def error(self, message: str) -> Any:
        hint = _dash_hint(_Parser.given)
        if hint and ("QUERY" in message or "unrecognized arguments" in message):
            message = f"{message}\n{hint}"
        return super().error(message)


class _CommandParser(_Parser):
    """A command's parser (and its own commands': argparse makes them of the same class). It
    takes the global option too, so that `sahelreader search mali --home DIR` works like
    `sahelreader --home DIR search mali`; given nowhere, the top-level default stands."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS, help=_HOME_HELP)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sahelreader",
        description="A terminal news reader: read, search and annotate a library of articles.",
        epilog="Run without a command to open the reader. Data lives in --home DIR (before or "
        "after the command), $SAHELREADER_HOME, or the platform's data folders.",
    )
    parser.add_argument("--version", action="version", version=f"sahelreader {__version__}")
    parser.add_argument("--home", metavar="DIR", help=_HOME_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)

    add = commands.add_parser(
        "add",
        help="import files and folders, web pages and feeds",
        description="Import articles from files and folders (recursively): "
        f"{types_for_help()}. An http(s) address subscribes when it is "
        "a feed (or a page that links to its feed), else adds the page as one article; an "
        ".opml file subscribes to the feeds it lists.",
    )
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--json", action="store_true", help="print the report as JSON")

    search = commands.add_parser(
        "search",
        help="search the library",
        description='Search the library. Syntax: words (all must match), OR, NOT, "a phrase", '
        "field:value (title body note source author language published person place "
        "organisation entity), wild*, fuzzy~, published:2024-03, published:[2024-01 to 2024-04].",
    )
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument(
        "--limit",
        type=positive_int(MAX_COUNT),
        default=20,
        metavar="N",
        help="show N hits (default 20)",
    )
    search.add_argument(
        "--sort",
        choices=("relevance", "date"),
        default="relevance",
        help="best matches first, or newest first (default relevance)",
    )
    search.add_argument("--json", action="store_true", help="print hits as JSON")

    trend = commands.add_parser(
        "trend",
        help="how often a search appears over time",
        description="Count the articles a search matches per day, ISO week or month (by "
        "publication date, UTC), every period from the first match to the last. The same "
        'query language as search: a word, "a phrase", person:"Abdourahamane Tiani", '
        "place:menaka, published:2024 tiani… Undated articles are counted apart. With "
        "--watchlist: each name of config.toml's watch list, its last 7 days against its usual "
        "week, and whether it is rising (the rule is printed with the list).",
    )
    trend.add_argument("query", nargs="*", metavar="QUERY")
    trend.add_argument(
        "--by", choices=("day", "week", "month"), default="week", help="the period (default: week)"
    )
    trend.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="count from this day")
    trend.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="count up to this day")
    trend.add_argument(
        "--watchlist", action="store_true", help="the watch list's names, rising or not"
    )
    trend.add_argument(
        "--json",
        action="store_true",
        help='print a list of {"period", "count", "partial"} (with --watchlist: '
        '{"name", "last_7_days", "usual_week", "rising"})',
    )

    show = commands.add_parser("show", help="print an article", description="Print an article.")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print the article as JSON")

    remove = commands.add_parser(
        "remove",
        help="delete articles",
        description="Delete articles. Articles with a note or bookmark are kept unless --force.",
    )
    remove.add_argument("ids", nargs="+", metavar="ID")
    remove.add_argument(
        "--force", action="store_true", help="also delete their notes and bookmarks"
    )

    entities = commands.add_parser(
        "entities",
        help="people, places and organisations in an article or a text",
        description="List the named entities (person, place, organisation) in an article of "
        "the library (ID), a file (PATH), or UTF-8 text on stdin (-). Offsets are Python string "
        "indices into the text read: for ID the article's body; for an .html/.htm file the "
        "article extracted from it as `add` does (the body it stores: `show ID --json`); for "
        "another file its text as decoded, line endings (CRLF) included; for - the text as it "
        "came.",
    )
    entities.add_argument("source", metavar="ID|PATH|-")
    entities.add_argument("--json", action="store_true", help="print a list of spans as JSON")

    related = commands.add_parser(
        "related",
        help="what an article cites, and other coverage of the same story",
        description="The sources an article cites (agencies, outlets, officials, organisations, "
        "documents), other articles in the library on the same story grouped by outlet, and "
        "its links.",
    )
    related.add_argument("id", metavar="ID")
    related.add_argument(
        "--limit",
        type=positive_int(MAX_COUNT),
        default=10,
        metavar="N",
        help="at most N coverage items (default 10)",
    )
    related.add_argument("--json", action="store_true", help="print the result as JSON")

    stories = commands.add_parser(
        "stories",
        help="the library's articles grouped into stories, across outlets and languages",
        description="Stories: articles on one event or development, from several outlets and "
        "in several languages, over days. Lists the stories with an article in the N days up to "
        f"the {_WINDOW_END}, the latest first, with their outlets, languages, "
        "article count and first and last dates. Stories are grouped as articles arrive; --rebuild "
        "groups the whole library again.",
    )
    stories.add_argument(
        "--days",
        type=positive_int(MAX_DAYS),
        default=7,
        metavar="N",
        help=f"stories with an article in the N days up to the {_WINDOW_END} (default 7, at "
        f"most {MAX_DAYS})",
    )
    stories.add_argument("--rebuild", action="store_true", help="group the whole library again")
    stories.add_argument("--json", action="store_true", help="print the stories as JSON")

    bookmark = commands.add_parser(
        "bookmark", help="bookmark articles", description="Bookmark articles."
    )
    bookmark.add_argument("ids", nargs="+", metavar="ID")
    unbookmark = commands.add_parser(
        "unbookmark", help="remove bookmarks", description="Remove the bookmark of articles."
    )
    unbookmark.add_argument("ids", nargs="+", metavar="ID")
    bookmarks = commands.add_parser(
        "bookmarks", help="list bookmarks", description="List bookmarks, newest first."
    )
    bookmarks.add_argument("--json", action="store_true", help="print them as JSON")

    note = commands.add_parser(
        "note",
        help="show, write or edit an article's note",
        description="Without options, print the article's note. --text replaces it (an empty "
        "text deletes it); --edit opens it in $EDITOR.",
    )
    note.add_argument("id", metavar="ID")
    how = note.add_mutually_exclusive_group()
    how.add_argument("--text", metavar="TEXT", help="the note's new text (Markdown)")
    how.add_argument("--edit", action="store_true", help="edit the note in $EDITOR")
    how.add_argument(
        "--history",
        action="store_true",
        help="print the note and the earlier texts kept: those another writer saved over, "
        "and a deleted note's last text",
    )

    notes = commands.add_parser(
        "notes",
        help="list notes, or export them as Markdown",
        description="List every note (newest first), or `notes export` them as Markdown.",
    )
    notes.add_argument("--json", action="store_true", help="print them as JSON")
    notes_commands = notes.add_subparsers(dest="notes_command", metavar="export")
    export = notes_commands.add_parser(
        "export",
        help="write notes as Markdown",
        description="Write notes as Markdown: one section per article (title, source, date, "
        "url, bookmark, the note). --entity makes a dossier of everything noted about one "
        "person, place or organisation; --query keeps the notes of articles a search finds.",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    export.add_argument("--entity", metavar="NAME", help="only notes about this entity")
    export.add_argument("--query", metavar="Q", help="only notes of articles this search finds")
    export.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        help="the notes of another library file (a backup, or a damaged library.db: what can "
        "still be read of it); the file is only read",
    )

    backup = commands.add_parser(
        "backup",
        help="write a copy of the whole library",
        description="Write a consistent copy of the library database to FILE (safe while the "
        "reader is running). The search index is not copied: it is rebuilt on restore.",
    )
    backup.add_argument("file", metavar="FILE")
    restore = commands.add_parser(
        "restore",
        help="bring a backup back",
        description="Replace the library with a backup made by `sahelreader backup` (checked "
        "first); the search index is rebuilt.",
    )
    restore.add_argument("file", metavar="FILE")

    feeds.add_parsers(commands)

    commands.add_parser(
        "reindex",
        help="rebuild the search index",
        description="Rebuild the search index from the library database.",
    )
    commands.add_parser(
        "doctor",
        help="check and repair the library",
        description="Check the "
        "library database and the search index, and repair what can be repaired.",
    )
    return parser


# The last day --since/--until may name: a period's end past it (the next week, month) is past
# the last day Python's dates hold (9999-12-31), an overflow deep in the count.
_LAST_DAY = date(9998, 12, 31)


def _day(value: str) -> date:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a day like 2025-05-28") from None
    if day > _LAST_DAY:
        raise argparse.ArgumentTypeError(f"must be {_LAST_DAY} or before")
    return day


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    _Parser.given = tuple(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    err = console(stderr=True)
    if args.command is None:
        if not (is_terminal(sys.stdin) and is_terminal(sys.stdout)):
            # A script or a cron job with an empty command: the full-screen reader would
            # draw into a file or a pipe and wait for keys that never come.
            parser.error(
                "no command given and not a terminal (the reader needs one for stdin and "
                "stdout): give a command, see `sahelreader --help`"
            )
        # The library is opened before the reader starts: a home that cannot be used is the
        # same one line as for any command, not a traceback from inside the app.
        from sahelreader.library import Library

        try:
            library = Library.open(args.home)
        except Exception as error:  # noqa: BLE001 - one line, no traceback
            return _failed(error, err)
        return _run_tui(library)
    _warn_options_after_dashdash(parser, args.command, _Parser.given, err)
    # SIGTERM ends a command like Ctrl-C: the same clean-up (a half-built index removed, the
    # old one kept), not a death in the middle of a write.
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous_term = signal.signal(signal.SIGTERM, _terminated) if in_main_thread else None
    try:
        handler = _HANDLERS[args.command]
        status = handler(args, err)
        sys.stdout.flush()  # a closed pipe is found here, not at exit with a traceback
        return status
    except UsageError as error:
        err.print(_said(f"sahelreader {args.command}: error: {error}", "red"), soft_wrap=True)
        return EXIT_USAGE
    except CommandFailed as error:
        err.print(_said(f"sahelreader: {error}", "red"), soft_wrap=True)
        return EXIT_FAILED
    except BrokenPipeError:
        return _stdout_closed()
    except Stopped as stop:
        err.print(_said(f"interrupted{' (terminated)' if stop.terminated else ''}: {stop.detail}"))
        return 128 + signal.SIGTERM if stop.terminated else 130
    except Terminated:
        err.print("interrupted (terminated)")
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence: one line, no traceback
        return _failed(error, err)
    finally:
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)


def _stdout_closed() -> int:
    """The reader of stdout went away (`sahelreader search x | head -1`): end quietly, as a
    command SIGPIPE ends does, with 128 + SIGPIPE. Python's documented way: stdout pointed at
    devnull, so that flushing it at exit raises nothing more (docs: signal, "Note on SIGPIPE")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file behind stdout (tests: a StringIO)
        pass
    return 128 + signal.SIGPIPE


def _warn_options_after_dashdash(
    parser: argparse.ArgumentParser, command: str, given: Sequence[str], err: Console
) -> None:
    """A query word after `--` that is one of the command's own options (`search -- mali
    --json`) is searched as a word, as `--` asks: said on stderr, since the option meant was
    not applied."""
    if command not in _QUERY_COMMANDS or "--" not in given:
        return
    words = given[given.index("--") + 1 :]
    options = set(_subparser(parser, command)._option_string_actions)
    for word in dict.fromkeys(words):
        name = word.split("=", 1)[0]
        if name.startswith("-") and name in options:
            err.print(
                _said(
                    f"warning: `{name}` after `--` is searched as a word; put options before `--`",
                    "yellow",
                ),
                soft_wrap=True,
            )


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen: argparse.ArgumentParser = action.choices[command]
            return chosen
    raise KeyError(command)


def _failed(error: Exception, err: Console) -> int:
    """An error no command caught, as one line on stderr (exit 1); the traceback only with
    $SAHELREADER_DEBUG."""
    from sahelreader.library import QueryError, StoreError, UnreadableFile
    from sahelreader.library.subscriptions import SubscribeError

    if isinstance(
        error, (QueryError, StoreError, SubscribeError, UnreadableFile, KeyError, OSError)
    ):
        err.print(_said(f"sahelreader: {_message(error)}", "red"), soft_wrap=True)
        return EXIT_FAILED
    from sahelreader.library import IndexUnavailable, is_damage

    if isinstance(error, IndexUnavailable):
        err.print(_said(f"sahelreader: {error}", "red"), soft_wrap=True)
        return EXIT_FAILED
    if is_damage(error):  # SQLite met a damaged page in the middle of a command
        err.print(
            _said(
                f"sahelreader: the library database is damaged ({error}): run `sahelreader "
                "doctor` to recover what can still be read (notes and bookmarks first), or "
                "restore a backup",
                "red",
            ),
            soft_wrap=True,
        )
        return EXIT_FAILED
    if os.environ.get("SAHELREADER_DEBUG"):
        raise error
    err.print(
        _said(f"sahelreader: unexpected error: {type(error).__name__}: {error}", "red"),
        soft_wrap=True,
    )
    return EXIT_FAILED


def _message(error: BaseException) -> str:
    # A bare KeyError's str() is the repr of its key; the store's (UnknownArticle, AmbiguousId,
    # IdTooShort) write whole sentences whose closing quote must stay.
    if type(error) is KeyError:
        return str(error.args[0]) if error.args else "not found"
    if isinstance(error, OSError) and error.strerror:
        # "[Errno 17] File exists: 'x'" is the system's wording: a sentence, the path last.
        reason = error.strerror[:1].lower() + error.strerror[1:]
        return f"{error.filename}: {reason}" if error.filename is not None else reason
    return str(error)


def _run_tui(library: Library) -> int:
    from sahelreader.tui import make_app

    app = make_app(library=library, search_process=True)
    try:
        app.run()
    finally:
        app.close_search_process()
    # A reader that stopped on an error (Textual prints it) must not look like a clean exit;
    # one ended by SIGTERM or SIGHUP exits 128 + the signal (the note being typed saved first).
    return app.return_code or EXIT_OK


# -- helpers ------------------------------------------------------------------------------------


@contextmanager
def _library(args: argparse.Namespace, err: Console, index: bool = True) -> Iterator[Library]:
    from sahelreader.library import Library

    library = Library.open(args.home)
    try:
        _tell(library, err)
        if index:
            # Changes waiting now were left by an earlier session (a killed import): said.
            _ensure_index(library, err, left_waiting=True)
        yield library
    finally:
        library.close()


def _tell(library: Library, err: Console) -> None:
    """The library's warnings (something was lost or replaced) and notices, on stderr."""
    for warning in library.warnings:
        err.print(_said(f"WARNING: {warning}", "bold red"), soft_wrap=True)
    for notice in library.notices:
        err.print(_said(f"notice: {notice}", "yellow"), soft_wrap=True)


def _tell_unsearchable(library: Library, err: Console) -> None:
    """Say so when some stored articles are not in the index yet (another process is writing
    it): the results leave them out."""
    waiting = library.store.pending_count()
    if waiting:
        err.print(
            _said(
                f"notice: {plural(waiting, 'article')} not searchable yet (another sahelreader "
                "is indexing them): these results leave them out",
                "yellow",
            ),
            soft_wrap=True,
        )


def _index_after_change(library: Library, err: Console, what: str) -> None:
    """Bring the index up to a change already saved. Whatever happens to the index (another
    process holding it, a damaged file), the change stays saved: a notice, never a failure.
    Another process's tiny update is waited for; a long job of another is not (the change is
    left queued, for the next search to index): see INDEX_WAIT_AFTER_CHANGE."""
    from sahelreader.library import INDEX_WAIT_AFTER_CHANGE

    try:
        _ensure_index(library, err, wait=INDEX_WAIT_AFTER_CHANGE)
    except Exception as error:  # noqa: BLE001 - the store has it; the index catches up later
        err.print(
            _said(
                f"notice: {what} is saved; the search index could not be updated now "
                f"({type(error).__name__}: {error}): it catches up later",
                "yellow",
            ),
            soft_wrap=True,
        )


def _ensure_index(
    library: Library, err: Console, *, wait: float | None = None, left_waiting: bool = False
) -> None:
    """Bring the index up to the store (see Library.ensure_index), with a bar on stderr when
    that is long, and its notices."""
    with _progress(err, "Indexing") as update:
        library.ensure_index(
            progress=update,
            notice=lambda n: err.print(_said(f"notice: {n}", "yellow"), soft_wrap=True),
            wait=wait,
            left_waiting=left_waiting,
        )


class _StatusColumn(ProgressColumn):
    """While a phase without a count runs (Whoosh committing): a spinner, its name and the time
    it has taken; otherwise the time remaining."""

    def __init__(self) -> None:
        super().__init__()
        self._spinner = Spinner("dots", style="cyan")
        self._remaining = TimeRemainingColumn()

    def render(self, task: Task) -> RenderableType:
        phase = task.fields.get("phase")
        if not phase:
            return self._remaining.render(task)
        started = float(task.fields.get("phase_started") or task.get_time())
        seconds = int(task.get_time() - started)
        frame = self._spinner.render(task.get_time())
        line = frame.copy() if isinstance(frame, Text) else Text()
        line.append(f" {phase}… {seconds // 60}:{seconds % 60:02d}", style="cyan")
        return line


class _Bar:
    """A rich progress bar on stderr, shown only once the work turns out to be long.

    Called as `bar(done, total)` like any progress callback. It also has `phase(name)`, which
    index and library code call (when the callback has it) for a step with no count to show,
    such as Whoosh committing a large index: a spinner then turns, with the phase's name, until
    the next count. Only then does a thread redraw the bar: no refresh thread runs while
    documents are added, since a large index build forks Whoosh's writer processes and forking
    a process that runs threads can deadlock the child (those forks happen with the first
    documents, long before the commit).
    """

    def __init__(self, console: Console, label: str, columns: Sequence[ProgressColumn]) -> None:
        self._console = console
        self._label = label
        self._columns = columns
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._ticker: threading.Thread | None = None
        self._stop_ticking = threading.Event()
        # A bar is drawn for a person: in a log file or a pipe, rich leaves only blank lines.
        self._drawn = console.is_terminal

    def start(self, total: float) -> None:
        if not self._drawn:
            return
        self._progress = Progress(
            *self._columns, console=self._console, transient=True, auto_refresh=False
        )
        self._progress.start()
        self._task = self._progress.add_task(self._label, total=total, phase="", detail="")

    @property
    def shown(self) -> bool:
        return self._progress is not None

    def __call__(self, done: int, total: int) -> None:
        if self._progress is None:
            if total < _PROGRESS_FROM or not self._drawn:
                return
            self.start(total)
        self.update(completed=done, total=total, phase="")

    def update(self, **fields: Any) -> None:
        if self._progress is None or self._task is None:
            return
        if "phase" in fields and not fields["phase"]:
            self._stop()
        self._progress.update(self._task, **fields)
        self._progress.refresh()

    def phase(self, name: str | None) -> None:
        if self._progress is None or self._task is None:
            return  # short work: no bar, and no phase worth a line
        if not name:
            self.update(phase="")
            return
        self.update(phase=name, phase_started=self._progress.get_time())
        if self._ticker is None:
            self._stop_ticking.clear()
            self._ticker = threading.Thread(target=self._tick, name="progress-spinner", daemon=True)
            self._ticker.start()

    def _tick(self) -> None:
        while not self._stop_ticking.wait(0.1):
            if self._progress is not None:
                self._progress.refresh()

    def _stop(self) -> None:
        if self._ticker is not None:
            self._stop_ticking.set()
            self._ticker.join()
            self._ticker = None

    def close(self) -> None:
        self._stop()
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


@contextmanager
def _progress(err: Console, label: str) -> Iterator[_Bar]:
    """A progress callback `(done, total)` with a `phase(name)` method, drawn on stderr."""
    bar = _Bar(err, label, [TextColumn(label), BarColumn(), MofNCompleteColumn(), _StatusColumn()])
    try:
        yield bar
    finally:
        bar.close()


@contextmanager
def _import_progress(err: Console) -> Iterator[Callable[[ImportProgress], None]]:
    """For `add`: a bar that moves by the bytes read, so that it moves within a large file too,
    with the files done and the articles stored so far."""
    bar = _Bar(
        err,
        "Importing",
        [
            TextColumn("Importing"),
            BarColumn(),
            DownloadColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeRemainingColumn(),
        ],
    )

    def step(where: ImportProgress) -> None:
        if not bar.shown:
            if where.bytes_total < _IMPORT_BAR_FROM_BYTES and where.files < _PROGRESS_FROM:
                return
            bar.start(where.bytes_total)
        files = f"file {min(where.files_done + 1, where.files)} of {where.files}"
        bar.update(
            completed=where.bytes_done,
            total=where.bytes_total,
            detail=f"{files} · {plural(where.articles, 'article')}",
        )

    try:
        yield step
    finally:
        bar.close()


def _print_json(data: object) -> None:
    sys.stdout.write(json_output.dumps(data))


# -- commands -----------------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace, err: Console) -> int:
    with _library(args, err, index=False) as library:
        before = library.count()
        try:
            with _import_progress(err) as step:
                report = library.add(args.paths, step=step)
        except KeyboardInterrupt as stop:
            # What was stored is kept (each batch is one transaction): say how much, and that
            # the same `add` again is safe (review 11 D13).
            raise Stopped(
                _added_before_stop(library, before), isinstance(stop, Terminated)
            ) from stop
        for path, reason in report.failed:
            err.print(_said(f"failed: {path}: {reason}", "red"), soft_wrap=True)
        for path, note in report.notes:
            err.print(_said(f"note: {path}: {note}", "yellow"), soft_wrap=True)
        _ensure_index(library, err)
        skipped = (
            f", {plural(report.skipped_records, 'record')} skipped (no text, or over a cap)"
            if report.skipped_records
            else ""
        )
        subscribed = (
            f", {plural(len(report.subscribed), 'feed')} subscribed" if report.subscribed else ""
        )
        if report.already_subscribed:
            subscribed += f", {len(report.already_subscribed)} already subscribed"
        summary = (
            f"{len(report.added)} added, {plural(len(report.duplicates), 'duplicate')} "
            f"(already in the library){subscribed}, {len(report.failed)} failed{skipped}"
        )
        if args.json:
            _print_json(json_output.add_report_json(report))
            err.print(summary)
        else:
            _out().print(summary)
        return EXIT_OK if report.ok else EXIT_FAILED


def _added_before_stop(library: Library, before: int) -> str:
    try:
        added = library.count() - before
    except Exception:  # noqa: BLE001 - the stop is what is said; the count is a courtesy
        return "what was stored before the stop is kept (running the same add again skips it)"
    if added <= 0:
        return "no article was added before the stop"
    return (
        f"{plural(added, 'article')} added before the stop, kept (running the same add again "
        "skips them)"
    )


def cmd_search(args: argparse.Namespace, err: Console) -> int:
    text = " ".join(args.query)
    with _library(args, err) as library:
        results = library.search(text, limit=args.limit, sort=args.sort)
        _tell_unsearchable(library, err)
        if not results.hits and results.suggestion:
            err.print(_said(f"No results. Did you mean: {results.suggestion}", "yellow"))
        if args.json:
            _print_json(json_output.hits_json(results.hits))
            return EXIT_OK
        out = _out()
        if not results.hits:
            if not results.suggestion:
                out.print("No results.")
            return EXIT_OK
        for hit in results.hits:
            line = Text()
            line.append(hit.id, style="bold cyan")
            line.append(f"  {one_line(hit.title)}", style="bold")
            meta = " · ".join(x for x in (one_line(hit.source), _date(hit)) if x)
            if meta:
                line.append(f"  ({meta})", style="dim")
            out.print(line)
            text, matches = clean_spans(hit.snippet, hit.matches)
            snippet = Text(f"    {text}")
            for start, end in matches:
                snippet.stylize("reverse yellow", start + 4, end + 4)
            out.print(snippet)
        shown = len(results.hits)
        more = " (more match: raise --limit)" if results.more else ""
        err.print(f"{plural(shown, 'hit')} shown{more}")
        return EXIT_OK


TREND_BAR_WIDTH = 40  # the longest bar in `trend`'s text output, in block characters


def cmd_trend(args: argparse.Namespace, err: Console) -> int:
    if args.watchlist:
        return _watchlist(args, err)
    text = " ".join(args.query).strip()
    if not text:
        raise UsageError(
            "give a search to count, e.g. `sahelreader trend tiani` or `sahelreader trend "
            'person:"Abdourahamane Tiani" --by month` (or --watchlist)'
        )
    if args.since and args.until and args.since > args.until:
        raise UsageError(f"--since {args.since} is after --until {args.until}")
    from sahelreader.library.trends import PERIODS, TrendTooLong

    with _library(args, err) as library:
        try:
            trend = library.trends.trend(text, by=args.by, since=args.since, until=args.until)
        except TrendTooLong as long:
            longer = [f"--by {by}" for by in PERIODS[PERIODS.index(long.by) + 1 :]]
            use = f"use {' or '.join(longer)}, or " if longer else "use "
            raise CommandFailed(
                f"from {long.first} to {long.last} (the articles' span, or the one asked for) "
                f"is {long.periods:,} {long.by}s, too many to list; {use}--since DAY / "
                "--until DAY to count over fewer days"
            ) from None
        _tell_unsearchable(library, err)
        partial = _partial_periods(trend.points, args.by, args.since, args.until)
        if args.json:
            _print_json(json_output.trend_json(trend.points, frozenset(partial)))
        else:
            _print_trend(trend.points, frozenset(partial))
        for period, (first, last) in partial.items():
            days = first.isoformat() if first == last else f"{first} to {last}"
            err.print(_said(f"* {period} is a partial {args.by}: only {days} counted"))
        undated = (
            f"; {plural(trend.undated, 'undated article')} not counted" if trend.undated else ""
        )
        if trend.ahead:
            undated += f"; {plural(trend.ahead, 'article')} dated after today not counted"
        err.print(_said(f"{plural(trend.total, 'article')} by {args.by}{undated}"), soft_wrap=True)
        if not trend.points and not trend.undated:
            suggestion = library.search(text, limit=1, snippets=False).suggestion
            if suggestion:
                err.print(_said(f"No articles match. Did you mean: {suggestion}", "yellow"))
        return EXIT_OK


def _partial_periods(
    points: Sequence[tuple[str, int]],
    by: str,
    since: date | None,
    until: date | None,
    today: date | None = None,
) -> dict[str, tuple[date, date]]:
    """The periods counted only in part, each with the days it counts: the first when --since
    starts after its first day, the last when --until ends before its last day or when it is
    not over yet (today, UTC, is in it). Only those two can be: the others are whole."""
    from sahelreader.text.timeutil import now_utc

    if not points:
        return {}
    today = today or now_utc().date()
    end = min(until, today) if until is not None else today
    spans: dict[str, tuple[date, date]] = {}
    for label in dict.fromkeys((points[0][0], points[-1][0])):
        first_day, last_day = _period_days(label, by)
        counted_from = max(first_day, since) if since is not None else first_day
        counted_to = min(last_day, end)
        if (counted_from, counted_to) != (first_day, last_day) and counted_from <= counted_to:
            spans[label] = (counted_from, counted_to)
    return spans


def _period_days(label: str, by: str) -> tuple[date, date]:
    """The first and last day of the period `label` names ("2025-05-28", "2025-W22",
    "2025-05": trends.period_label's forms)."""
    from datetime import timedelta

    from sahelreader.library.trends import next_period

    if by == "day":
        start = date.fromisoformat(label)
        after = next_period(start, "day")
    elif by == "week":
        year, week = label.split("-W")
        start = date.fromisocalendar(int(year), int(week), 1)
        after = next_period(start, "week")
    else:
        year, month = label.split("-")
        start = date(int(year), int(month), 1)
        after = next_period(start, "month")
    return start, after - timedelta(days=1)


def _print_trend(points: Sequence[tuple[str, int]], partial: frozenset[str] = frozenset()) -> None:
    """One line a period: the period, its count, and a bar scaled to the busiest period; a
    period counted only in part (`_partial_periods`) is marked with *."""
    out = _out()
    if not points:
        out.print("No dated articles match.")
        return
    highest = max(count for _, count in points) or 1
    digits = len(f"{highest:,}")
    width = max(10, *(len(period) + (period in partial) for period, _ in points))
    for period, count in points:
        label = f"{period}*" if period in partial else period
        line = Text(f"{label:<{width}} {count:>{digits},} ")
        # A period with articles always shows at least a sliver, however busy the busiest.
        cells = count * TREND_BAR_WIDTH / highest
        bar = "█" * int(cells) + ("▏" if count and cells < 1 else "")
        line.append(bar, style="cyan")
        out.print(line)


def _watchlist(args: argparse.Namespace, err: Console) -> int:
    if args.query:
        raise UsageError("--watchlist takes no query: it reads the watch list in config.toml")
    with _library(args, err) as library:
        names = library.trends.watchlist()
        if args.json:
            _print_json(json_output.watchlist_json(names))
            return EXIT_OK
        if not names:
            err.print(
                "The watch list is empty: add names to config.toml, e.g. "
                'watch = ["Tiani", "JNIM", "Ménaka"]'
            )
            return EXIT_OK
        from sahelreader.library.trends import (
            BASELINE_WEEKS,
            MIN_HISTORY_WEEKS,
            RISING_FACTOR,
            RISING_MIN_ARTICLES,
        )

        out = _out()
        width = max(len(one_line(entry.name)) for entry in names)
        for entry in names:
            line = Text(f"{one_line(entry.name):<{width}}  ", style="bold")
            line.append(f"{entry.recent:>4,} in the last 7 days · usual week {entry.usual:g}")
            if entry.rising:
                line.append("  ↑ rising", style="bold yellow")
            out.print(line)
        err.print(
            f"rising: at least {RISING_MIN_ARTICLES} articles in the last 7 days and "
            f"{RISING_FACTOR:g}x the usual week (the mean of the {BASELINE_WEEKS} weeks before)"
        )
        history = library.trends.history_weeks(library.trends.as_of())
        if history < MIN_HISTORY_WEEKS:
            err.print(
                _said(
                    f"note: nothing is marked rising yet: the library has news in {history} of "
                    f"the {BASELINE_WEEKS} weeks before, and a usual week needs "
                    f"{MIN_HISTORY_WEEKS}",
                    "yellow",
                ),
                soft_wrap=True,
            )
        return EXIT_OK


def _date(hit: SearchHit | Article) -> str:
    return hit.published.strftime("%Y-%m-%d") if hit.published else ""


def cmd_show(args: argparse.Namespace, err: Console) -> int:
    with _library(args, err) as library:
        article = library.get(args.id)
        if args.json:
            _print_json(json_output.article_json(article, library.entities(article)))
            return EXIT_OK
        out = _out()
        out.print(Text(one_line(article.title), style="bold"))
        # Only an http(s) link is shown as the article's link.
        facts = (article.source, article.author, _date(article), http_link(article.url))
        byline = " · ".join(x for x in map(one_line, facts) if x)
        if byline:
            out.print(Text(byline, style="dim"))
        language = one_line(article.language) or "language unknown"
        out.print(Text(f"id {article.id} · {language}", style="dim"))
        out.print()
        out.print(Text(clean_text(article.body)))
        return EXIT_OK


def cmd_entities(args: argparse.Namespace, err: Console) -> int:
    from sahelreader.library import group_entities

    source: str = args.source
    with _library(args, err, index=False) as library:
        if source == "-":
            # Bytes, not sys.stdin's text mode: its newline translation would shift offsets.
            found = library.recognise_input(sys.stdin.buffer.read())
        elif Path(source).is_file():
            _text, found = library.recognise_file(Path(source))
        elif Path(source).is_dir():
            raise CommandFailed(f"{source} is a folder: give a file, an article id or -")
        elif Path(source).exists():  # a pipe, a device, a socket: there, but not a file
            raise CommandFailed(
                f"{source}: not a regular file (a pipe, a device or a socket): "
                "give a file, an article id or -"
            )
        elif _looks_like_path(source):
            raise CommandFailed(f"{source}: no such file")
        else:
            found = library.entities(library.get(source))
        if args.json:
            _print_json(json_output.entities_json(found))
            return EXIT_OK
        out = _out()
        for group in group_entities(found, library.equivalences):
            line = Text(f"{group.type:<13}", style="dim")
            line.append(one_line(group.name), style="bold")
            line.append(f"  ×{group.count}", style="dim")
            out.print(line)
        if not found:
            out.print("No people, places or organisations found.")
        return EXIT_OK


def _looks_like_path(given: str) -> bool:
    """Whether `entities` was given a path rather than an article id: ids are letters and
    digits, a path has a folder separator, starts with ~ or ., or has a file suffix."""
    return (
        "/" in given or os.sep in given or given.startswith(("~", ".")) or bool(Path(given).suffix)
    )


def cmd_related(args: argparse.Namespace, err: Console) -> int:
    with _library(args, err) as library:
        found = library.related(args.id, limit=args.limit)
        story = library.stories.of_article(args.id)
        if story is not None and len(story.articles) < 2:
            story = None  # a story is of two articles or more: this one is alone so far
        if args.json:
            growth = None
            if story is not None:
                growth = library.stories.growth_of(library.stories.window_end())(story)
            _print_json(json_output.related_json(found, story, growth))
            return EXIT_OK
        out = _out()
        out.print(Text("Cited in this article", style="bold"))
        for source in found.cited:
            line = Text(f"  {one_line(source.name)}", style="bold")
            line.append(f"  {one_line(source.kind)} · cited {source.count}×", style="dim")
            out.print(line)
        if not found.cited:
            out.print(Text("  No attributed sources found.", style="dim"))
        out.print(Text("Other coverage", style="bold"))
        for outlet, items in found.coverage_by_outlet():
            out.print(Text(f"  {one_line(outlet) or 'unknown source'}", style="cyan"))
            for item in items:
                line = Text(f"    {item.id}  {one_line(item.title)}")
                if item.near_duplicate:
                    line.append("  (same copy)", style="yellow")
                if item.shared_entities:
                    shared = ", ".join(one_line(name) for name in item.shared_entities[:4])
                    line.append(f"  shares: {shared}", style="dim")
                out.print(line)
        if not found.coverage:
            out.print(Text(f"  {found.no_coverage_note()}", style="dim"))
        if found.more_from_outlet:
            out.print(Text("More from this outlet", style="bold"))
            for item in found.more_from_outlet:
                line = Text(f"  {item.id}  {one_line(item.title)}")
                if item.near_duplicate:
                    line.append("  (another version)", style="yellow")
                out.print(line)
        if story is not None:
            line = Text("Story ", style="bold")
            line.append(f"{story.id}  {one_line(story.title)}")
            line.append(
                f"  {plural(len(story.articles), 'article')} · "
                f"{plural(len(story.outlets), 'outlet')} · {', '.join(story.languages)}",
                style="dim",
            )
            out.print(line)
        out.print(Text("Links", style="bold"))
        for url in found.links:
            out.print(_said(f"  {url}"))
        if not found.links:
            out.print(Text("  No links.", style="dim"))
        return EXIT_OK


def cmd_stories(args: argparse.Namespace, err: Console) -> int:
    with _library(args, err, index=False) as library:
        stories = library.stories
        if args.rebuild or stories.unplaced():
            label = "Grouping stories" if args.rebuild else "Grouping new articles into stories"
            with _progress(err, label) as update:
                if args.rebuild:
                    stories.rebuild(progress=update)
                else:
                    stories.catch_up(progress=update)
        found = stories.recent(days=args.days)
        growth_of = stories.growth_of(stories.window_end())
        if args.json:
            _print_json(json_output.stories_json(found, growth_of))
            return EXIT_OK
        out = _out()
        for story in found:
            line = Text(f"{story.id:>6}  ", style="dim")
            line.append(one_line(story.title), style="bold")
            growth = growth_of(story)
            if growth is not None:
                line.append(f"  {growth.marker}", style="bold green")
            out.print(line)
            dates = " – ".join(dict.fromkeys(_iso_day(d) for d in (story.first, story.last)))
            detail = (
                f"        {plural(len(story.articles), 'article')} · {dates} · "
                f"{', '.join(story.languages) or 'language unknown'} · "
                + ", ".join(one_line(o) for o in story.outlets[:6])
                + (f" +{len(story.outlets) - 6}" if len(story.outlets) > 6 else "")
            )
            out.print(Text(detail, style="dim"))
        if not found:
            until = stories.window_end()
            window = f"up to {_iso_day(until)}" if until else "up to now"
            out.print(
                f"No stories of two articles or more in the {plural(args.days, 'day')} {window}."
            )
        return EXIT_OK


def _iso_day(when: datetime | None) -> str:
    return when.date().isoformat() if when is not None else "undated"


def cmd_bookmark(args: argparse.Namespace, err: Console) -> int:
    on = args.command == "bookmark"
    with _library(args, err, index=False) as library:
        out = _out()
        for given in args.ids:
            article_id = library.resolve(given)
            changed = library.set_bookmark(article_id, on)
            if on:
                out.print(f"{article_id} bookmarked" + ("" if changed else " (already)"))
            else:  # said so that a success does not read like a failure
                out.print(
                    f"bookmark removed: {article_id}"
                    if changed
                    else f"{article_id} was not bookmarked"
                )
        return EXIT_OK


def cmd_bookmarks(args: argparse.Namespace, err: Console) -> int:
    with _library(args, err, index=False) as library:
        marks = library.bookmarks()
        if args.json:
            _print_json(json_output.bookmarks_json(marks))
            return EXIT_OK
        out = _out()
        for article_id, title, when in marks:
            line = Text(article_id, style="bold cyan")
            line.append(f"  {when:%Y-%m-%d %H:%M}" if when else "", style="dim")
            line.append(f"  {one_line(title)}")
            out.print(line)
        if not marks:
            out.print("No bookmarks yet.")
        return EXIT_OK


def cmd_note(args: argparse.Namespace, err: Console) -> int:
    # The note is read or saved first; the index follows a save (and never fails it).
    with _library(args, err, index=False) as library:
        article_id = library.resolve(args.id)
        current = library.note(article_id)
        if args.history:
            return _note_history(library, article_id, err)
        if args.text is None and not args.edit:
            if current is None:
                err.print(f"{article_id} has no note")
            else:
                sys.stdout.write(clean_text(current.body).rstrip("\n") + "\n")
            return EXIT_OK
        text = (
            args.text if args.text is not None else _edit_in_editor(current.body if current else "")
        )
        if text is None:
            err.print("note unchanged")
            return EXIT_OK
        saved = library.save_note(article_id, text, current.revision if current else None)
        _index_after_change(library, err, "the note")
        if saved.conflict:
            err.print(
                Text(
                    "notice: the note had changed meanwhile; the text replaced is kept "
                    "in the note's history",
                    style="yellow",
                )
            )
        elif saved.deleted_elsewhere:
            err.print(
                Text(
                    "notice: the note had been deleted meanwhile; your text was saved as a new "
                    "note",
                    style="yellow",
                )
            )
        message = f"note {'deleted' if saved.revision == 0 else 'saved'} for {article_id}"
        if current is not None and current.body != text:
            # A replace or delete by a mistyped id (ids are prefixes) can be undone from here.
            message += f" (the text it replaced is kept: note {article_id} --history)"
        _out().print(message)
        return EXIT_OK


def _note_history(library: Library, article_id: str, err: Console) -> int:
    """`note ID --history`: the note now, then each earlier text kept, newest first."""
    out = _out()
    current = library.note(article_id)
    if current is None:
        err.print(f"{article_id} has no note")
    else:
        when = f", saved {current.updated:%Y-%m-%d %H:%M} UTC" if current.updated else ""
        out.print(Text(f"current (revision {current.revision}{when}):", style="bold"))
        out.print(Text(clean_text(current.body).rstrip("\n")))
    versions = library.note_versions(article_id)
    for number, (body, replaced) in enumerate(versions, 1):
        when = f"{replaced:%Y-%m-%d %H:%M} UTC" if replaced else "at an unknown time"
        out.print()
        out.print(Text(f"earlier version {number} (replaced {when}):", style="bold"))
        out.print(Text(clean_text(body).rstrip("\n")))
    if not versions:
        err.print(f"{article_id}: no earlier versions kept")
    return EXIT_OK


def _edit_in_editor(text: str) -> str | None:
    """Open $VISUAL/$EDITOR on the text; None when the editor fails or nothing changed."""
    import shlex
    import subprocess
    import tempfile

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as file:
        file.write(text)
        path = Path(file.name)
    try:
        result = subprocess.run([*shlex.split(editor), str(path)], check=False)
        if result.returncode != 0:
            raise CommandFailed(f"the editor ({editor}) exited with status {result.returncode}")
        edited = path.read_text("utf-8")
    finally:
        path.unlink(missing_ok=True)
    return None if edited == text else edited


def cmd_notes(args: argparse.Namespace, err: Console) -> int:
    if args.notes_command == "export" and args.source:
        return _export_notes_from(args, err)
    with _library(args, err, index=args.notes_command == "export") as library:
        if args.notes_command == "export":
            _writable(args.output)
            markdown, count = library.export_notes_counted(entity=args.entity, query=args.query)
            _tell_empty_export(args, err, count)
            _write_export(args, err, markdown)
            return EXIT_OK
        noted = library.notes()
        if args.json:
            _print_json(json_output.notes_json(noted))
            return EXIT_OK
        out = _out()
        for item in noted:
            line = Text(item.article_id, style="bold cyan")
            line.append(f"  {one_line(item.title)}", style="bold")
            out.print(line)
            out.print(Text("    " + one_line(item.note)[:150], style="dim"))
        if not noted:
            out.print("No notes yet.")
        return EXIT_OK


def _writable(given: str | None) -> None:
    """A file the command is to write: its folder must exist (none is created: a typo in a
    path would make one silently) and it must not be a folder. CommandFailed otherwise."""
    if not given:
        return
    path = Path(given).expanduser()
    if path.is_dir():
        raise CommandFailed(f"{given} is a folder: give a file name in it")
    folder = path.parent
    if not folder.is_dir():
        raise CommandFailed(
            f"cannot write {given}: the folder {folder} does not exist (create it first)"
        )


def _tell_empty_export(args: argparse.Namespace, err: Console, count: int) -> None:
    """A notice on stderr when the export holds no note: nothing matched what was asked."""
    if count:
        return
    if args.entity and args.query:
        why = f"no note is about {args.entity!r} among the articles {args.query!r} finds"
    elif args.entity:
        why = f"no note is about {args.entity!r} (in the note or its article)"
    elif args.query:
        why = f"no noted article matches {args.query!r}"
    else:
        why = "there are no notes yet"
    err.print(_said(f"notice: {why}: the export is empty", "yellow"), soft_wrap=True)


def _write_export(args: argparse.Namespace, err: Console, markdown: str) -> None:
    if args.output:
        Path(args.output).write_text(markdown, "utf-8")
        err.print(_said(f"notes written to {args.output}"), soft_wrap=True)
    else:
        sys.stdout.write(markdown)


def _export_notes_from(args: argparse.Namespace, err: Console) -> int:
    """`notes export --from FILE`: the notes of another library file, damaged or not; this
    home's library is not opened (it may be the damaged one)."""
    from sahelreader.library import Library

    source = Path(args.source)
    _writable(args.output)
    markdown, count, report = Library.export_notes_from(
        source, args.home, entity=args.entity, query=args.query
    )
    if report.damaged_tables or report.header_rebuilt:
        err.print(
            _said(f"notice: {source} is damaged: {report.summary()}", "yellow"), soft_wrap=True
        )
    _tell_empty_export(args, err, count)
    _write_export(args, err, markdown)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, err: Console) -> int:
    _writable(args.file)
    with _library(args, err, index=False) as library:
        target = Path(args.file).expanduser()
        library.backup(target)
        _out().print(
            _said(
                f"backup written to {target} ({plural(library.count(), 'article')}, "
                f"{plural(len(library.notes()), 'note')}, "
                f"{plural(len(library.bookmarks()), 'bookmark')})"
            ),
            soft_wrap=True,
        )
        return EXIT_OK


def cmd_restore(args: argparse.Namespace, err: Console) -> int:
    with _library(args, err, index=False) as library:
        with _progress(err, "Indexing") as update:
            count = library.restore(Path(args.file), progress=update)
        _out().print(_said(f"restored {plural(count, 'article')} from {args.file}"), soft_wrap=True)
        err.print(
            _said(f"the library as it was before is kept in {library.safety_copy}"), soft_wrap=True
        )
        return EXIT_OK


def cmd_remove(args: argparse.Namespace, err: Console) -> int:
    with _library(args, err) as library:
        report = library.remove(args.ids, force=args.force)
        library.sync_index()
        for given in report.unknown:
            reason = report.reasons.get(given) or f"no article with id {given!r}"
            err.print(_said(reason, "red"), soft_wrap=True)
        for kept in report.kept:
            err.print(
                Text(
                    f"kept {kept}: it has a note or bookmark (use --force to delete them too)",
                    style="yellow",
                )
            )
        _out().print(f"{len(report.removed)} removed")
        return EXIT_OK if not report.unknown and not report.kept else EXIT_FAILED


def cmd_reindex(args: argparse.Namespace, err: Console) -> int:
    with _library(args, err, index=False) as library:
        with _progress(err, "Indexing") as update:
            written = library.rebuild_index(progress=update)
        _out().print(f"index rebuilt: {plural(written, 'article')}")
        return EXIT_OK


def cmd_doctor(args: argparse.Namespace, err: Console) -> int:
    from sahelreader.library import DamagedLibrary, Library

    recovered = None
    try:
        library = Library.open(args.home)
    except DamagedLibrary:
        # SQLite cannot open it: recover what it can still read before anything else.
        recovered = Library.recover(args.home)
        library = Library.open(args.home)
    with library:
        _tell(library, err)
        out = _out()
        with _progress(err, "Repairing") as update:
            findings = library.doctor(progress=update, recovered=recovered)
        for finding in findings:
            out.print(_said(finding.line(), "green" if finding.ok else "yellow"), soft_wrap=True)
        return EXIT_OK if all(f.ok or f.repaired for f in findings) else EXIT_FAILED


_HANDLERS: dict[str, Callable[[argparse.Namespace, Console], int]] = {
    "add": cmd_add,
    "search": cmd_search,
    "trend": cmd_trend,
    "show": cmd_show,
    "remove": cmd_remove,
    "entities": cmd_entities,
    "related": cmd_related,
    "stories": cmd_stories,
    "bookmark": cmd_bookmark,
    "unbookmark": cmd_bookmark,
    "bookmarks": cmd_bookmarks,
    "note": cmd_note,
    "notes": cmd_notes,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "reindex": cmd_reindex,
    "doctor": cmd_doctor,
    "feeds": feeds.cmd_feeds,
    "refresh": feeds.cmd_refresh,
    "vacuum": feeds.cmd_vacuum,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
