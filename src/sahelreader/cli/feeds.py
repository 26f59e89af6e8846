"""`sahelreader feeds …`, `refresh` and `vacuum`: subscriptions from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from sahelreader import json_output
from sahelreader.cli.arguments import MAX_COUNT, MAX_DAYS, UsageError, positive_int
from sahelreader.cli.output import console
from sahelreader.text.clean import one_line, plural, visible

if TYPE_CHECKING:
    from sahelreader.library import Library
    from sahelreader.library.subscriptions import FeedResult, OpmlImport

EXIT_OK, EXIT_FAILED = 0, 1
_MARK = {"new": ("+", "green"), "unchanged": ("=", "dim"), "failed": ("!", "red")}


def add_parsers(commands: argparse._SubParsersAction[Any]) -> None:
    feeds = commands.add_parser(
        "feeds",
        help="subscribe to RSS/Atom feeds, list, remove, import and export them",
        description="Feeds the library follows. `feeds add URL|FILE` subscribes (fetching it "
        "once); `feeds list`, `feeds remove URL`, `feeds import FILE.opml`, `feeds export`, "
        "`feeds keep URL --days N --items N` (retention). `sahelreader refresh` fetches them.",
    )
    feeds_commands = feeds.add_subparsers(dest="feeds_command", metavar="COMMAND", required=True)
    add = feeds_commands.add_parser(
        "add",
        help="subscribe to a feed",
        description="Subscribe to a feed: its address, a web page that links to its feed "
        '(<link rel="alternate">), or a feed file (.rss .atom .xml, re-read at each refresh); '
        "an .opml file subscribes to every feed it lists. The feed is fetched once now; an "
        "address that is not a feed, or that fails, is refused and nothing is subscribed.",
    )
    add.add_argument("target", nargs="?", metavar="URL|FILE")
    add.add_argument(
        "--full-text",
        action="store_true",
        help="fetch each new entry's web page and keep the whole article, not the feed's summary",
    )
    add.add_argument("--title", metavar="T", help="the feed's name (its articles' source)")
    add.add_argument(
        "--starter",
        action="store_true",
        help="subscribe to the bundled list of Sahel and Africa news feeds (nothing is fetched "
        "until `sahelreader refresh`)",
    )
    listing = feeds_commands.add_parser(
        "list", help="list subscriptions", description="List subscriptions."
    )
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    remove = feeds_commands.add_parser(
        "remove",
        help="unsubscribe",
        description="Unsubscribe from a feed. Its articles stay in the library unless --purge; "
        "articles with a note or a bookmark always stay.",
    )
    remove.add_argument("url", metavar="URL")
    remove.add_argument("--purge", action="store_true", help="also delete its articles")
    opml_in = feeds_commands.add_parser(
        "import",
        help="subscribe to the feeds of an OPML file",
        description="Subscribe to every feed an OPML file lists (fetched at the next refresh).",
    )
    opml_in.add_argument("file", metavar="FILE.opml")
    opml_out = feeds_commands.add_parser(
        "export",
        help="write subscriptions as OPML 2.0",
        description="Write the subscriptions as an OPML 2.0 file that other readers import.",
    )
    opml_out.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    keep = feeds_commands.add_parser(
        "keep",
        help="set how long a feed's articles are kept",
        description="Retention: keep only the feed's articles of the last N days and/or its N "
        "newest; articles with a note or a bookmark are never pruned. Prunes after each "
        "refresh (and with `vacuum`); says first how many articles that is. --now prunes them "
        "at once. --forever removes the limits.",
    )
    keep.add_argument("url", metavar="URL")
    keep.add_argument(
        "--days", type=positive_int(MAX_DAYS), metavar="N", help="keep N days of articles"
    )
    keep.add_argument(
        "--items", type=positive_int(MAX_COUNT), metavar="N", help="keep the newest N articles"
    )
    keep.add_argument("--forever", action="store_true", help="no limit")
    keep.add_argument(
        "--now", action="store_true", help="prune the articles beyond the limit at once"
    )

    refresh = commands.add_parser(
        "refresh",
        help="fetch new articles from every feed",
        description="Fetch every subscribed feed (or those named) in parallel; unchanged feeds "
        "cost one conditional request. Exit status 1 if any feed failed (the others are "
        "imported all the same).",
    )
    refresh.add_argument("urls", nargs="*", metavar="URL")
    refresh.add_argument("--json", action="store_true", help="print each feed's result as JSON")

    commands.add_parser(
        "vacuum",
        help="apply retention and compact the database",
        description="Prune every feed by its retention setting, then compact the library "
        "database (SQLite VACUUM).",
    )


def _said(message: str, style: str = "") -> Text:
    """A message line, never read as markup, its control characters written as escapes (as in
    cli.main): feed titles, URLs and errors come from servers and files."""
    return Text(visible(message), style=style)


def _name(feed_title: str, url: str) -> str:
    """A feed as lines name it: its title cleaned like an article's, else its URL made visible."""
    return one_line(feed_title) or visible(url)


def _named(feed_title: str, url: str) -> str:
    """A feed named by its title and address, as `feeds add` says it: "Title <url>"."""
    name = one_line(feed_title)
    return f"{name} <{visible(url)}>" if name else visible(url)


@contextmanager
def _opened(args: argparse.Namespace, err: Console, index: bool = False) -> Iterator[Library]:
    from sahelreader.cli.main import _library

    with _library(args, err, index=index) as library:
        yield library


def _sync_index(library: Library, err: Console) -> None:
    from sahelreader.cli.main import _ensure_index

    _ensure_index(library, err)


def cmd_feeds(args: argparse.Namespace, err: Console) -> int:
    handler: dict[str, Callable[[argparse.Namespace, Console], int]] = {
        "add": _feeds_add,
        "list": _feeds_list,
        "remove": _feeds_remove,
        "import": _feeds_import,
        "export": _feeds_export,
        "keep": _feeds_keep,
    }
    return handler[args.feeds_command](args, err)


def _feeds_add(args: argparse.Namespace, err: Console) -> int:
    from sahelreader.library.subscriptions import SubscribeError

    out = console()
    if args.starter:
        if args.target:
            raise UsageError("give either --starter or a URL, not both")
        with _opened(args, err) as library:
            report = library.subscriptions.import_starter()
            _print_opml_import(out, err, report)
            return EXIT_OK
    if not args.target:
        raise UsageError("feeds add needs a URL or a FILE (or --starter)")
    if Path(args.target).suffix.lower() == ".opml" and Path(args.target).is_file():
        return _feeds_import(argparse.Namespace(**{**vars(args), "file": args.target}), err)
    with _opened(args, err) as library:
        with err.status(_said(f"Fetching {args.target}…")):
            try:
                done = library.subscriptions.subscribe(
                    args.target, full_text=args.full_text, title=args.title
                )
            except SubscribeError as error:
                err.print(_said(f"sahelreader: not subscribed: {error}", "red"), soft_wrap=True)
                return EXIT_FAILED
        feed = f"{one_line(done.feed.title)} <{visible(done.feed.url)}>"
        if not done.created:
            out.print(Text(f"already subscribed: {feed}"), soft_wrap=True)
            return EXIT_OK
        _sync_index(library, err)
        via = f" (found on {visible(done.via)})" if done.via else ""
        line = Text(f"subscribed: {feed}{via}: ")
        line.append(f"{plural(done.added, 'article')} added", style="green")
        if done.updated:
            line.append(f", {done.updated} updated")
        if done.duplicates:
            # As `add` says it: entries read but already in the library (imported before).
            line.append(f", {plural(done.duplicates, 'duplicate')} (already in the library)")
        if done.format:
            line.append(f", {one_line(done.format)}", style="dim")
        if done.feed.full_text:
            line.append(", full text", style="dim")
        out.print(line, soft_wrap=True)
        for note in done.notes:
            err.print(_said(f"note: {note}", "yellow"), soft_wrap=True)
        return EXIT_OK


def _feeds_list(args: argparse.Namespace, err: Console) -> int:
    with _opened(args, err) as library:
        feeds = library.subscriptions.all()
        if args.json:
            sys.stdout.write(json_output.dumps(json_output.feeds_json(feeds)))
            return EXIT_OK
        out = console()
        if not feeds:
            out.print(
                "No feeds yet: `sahelreader feeds add URL`, or `feeds add --starter` for a "
                "list of Sahel and Africa news feeds."
            )
            return EXIT_OK
        for feed in feeds:
            line = Text(_name(feed.title, feed.url), style="bold")
            line.append(f"  {visible(feed.url)}", style="cyan")
            out.print(line, soft_wrap=True)
            when = feed.checked.strftime("%Y-%m-%d %H:%M") if feed.checked else "never"
            details = (
                f"    {plural(feed.articles, 'article')}, {feed.unread} unread · "
                f"last refresh {when}"
            )
            if feed.full_text:
                details += " · full text"
            if feed.keep_days or feed.keep_items:
                details += " · keeps " + " or ".join(
                    part
                    for part in (
                        f"{feed.keep_days} days" if feed.keep_days else "",
                        f"{feed.keep_items} newest" if feed.keep_items else "",
                    )
                    if part
                )
            out.print(Text(details, style="dim"))
            if feed.last_error:
                out.print(_said(f"    last error: {feed.last_error}", "red"), soft_wrap=True)
        return EXIT_OK


def _feeds_remove(args: argparse.Namespace, err: Console) -> int:
    with _opened(args, err) as library:
        record, removed, kept = library.subscriptions.remove(args.url, purge=args.purge)
        if removed:
            _sync_index(library, err)
        said = f"unsubscribed from {_named(record.title, record.url)}"
        if args.purge:
            said += f": {plural(removed, 'article')} deleted"
            if kept:
                said += f", {kept} kept (noted or bookmarked)"
        elif kept:
            said += f": its {plural(kept, 'article')} stay in the library (--purge deletes them)"
        console().print(Text(said), soft_wrap=True)
        return EXIT_OK


def _feeds_import(args: argparse.Namespace, err: Console) -> int:
    with _opened(args, err) as library:
        report = library.subscriptions.import_opml(Path(args.file))
        _print_opml_import(console(), err, report)
        return EXIT_OK if not report.refused else EXIT_FAILED


def _print_opml_import(out: Console, err: Console, report: OpmlImport) -> None:
    for url, reason in report.refused:
        err.print(_said(f"refused: {url}: {reason}", "yellow"), soft_wrap=True)
    already = f", {len(report.already)} already subscribed" if report.already else ""
    out.print(f"{plural(len(report.subscribed), 'feed')} subscribed{already}")
    if report.subscribed:
        them = "it" if len(report.subscribed) == 1 else "them"
        err.print(f"run `sahelreader refresh` to fetch {them}")


def _feeds_export(args: argparse.Namespace, err: Console) -> int:
    from sahelreader.cli.main import _writable

    _writable(args.output)
    with _opened(args, err) as library:
        text, left_out = library.subscriptions.export_opml()
        if left_out:
            err.print(f"{plural(left_out, 'feed file')} on this machine left out")
        if args.output:
            Path(args.output).write_text(text, "utf-8")
            feeds = len(library.subscriptions.all()) - left_out
            err.print(_said(f"{plural(feeds, 'feed')} written to {args.output}"), soft_wrap=True)
        else:
            sys.stdout.write(text)
        return EXIT_OK


def _feeds_keep(args: argparse.Namespace, err: Console) -> int:
    if args.forever and (args.days or args.items):
        raise UsageError("--forever takes no --days or --items")
    if not (args.forever or args.days or args.items):
        raise UsageError("give --days N, --items N or --forever")
    with _opened(args, err) as library:
        beyond = library.subscriptions.set_retention(
            args.url, args.days, args.items, prune_now=args.now
        )
        if args.now:
            if beyond:
                _sync_index(library, err)
            console().print(f"retention set; {plural(beyond, 'article')} pruned")
        elif beyond:
            console().print(
                f"retention set; {plural(beyond, 'article')} beyond it will be pruned at the "
                "next refresh (`feeds keep … --now` or `vacuum` prunes them now)"
            )
        else:
            console().print("retention set; no article is beyond it")
        return EXIT_OK


def cmd_refresh(args: argparse.Namespace, err: Console) -> int:
    with _opened(args, err) as library:
        if not args.urls and not library.subscriptions.all():
            # With --json stdout holds only JSON: an empty list, the hint on stderr.
            hint = "No feeds to refresh: `sahelreader feeds add URL` subscribes to one."
            if args.json:
                sys.stdout.write(json_output.dumps([]))
                err.print(hint)
            else:
                console().print(hint)
            return EXIT_OK
        shared = library.subscriptions.shared_titles()
        results: list[FeedResult] = []
        with Progress(
            TextColumn("Refreshing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("refresh", total=None, detail="")

            def started(feeds: Sequence[object]) -> None:
                progress.update(task, total=len(feeds))

            def finished(result: FeedResult) -> None:
                results.append(result)
                mark, style = _MARK[result.status]
                line = _line(result, shared)
                progress.console.print(_said(f"{mark} {line}", style), soft_wrap=True)
                added = sum(r.added for r in results)
                progress.update(task, advance=1, detail=f"{plural(added, 'new article')}")

            report = library.subscriptions.refresh(
                args.urls or None, on_start=started, on_result=finished
            )
        if report.new_ids:
            _sync_index(library, err)
        if args.json:
            sys.stdout.write(json_output.dumps(json_output.refresh_json(report.results)))
            err.print(report.summary())
        else:
            console().print(report.summary())
        return EXIT_FAILED if report.failed else EXIT_OK


def _line(result: FeedResult, shared: frozenset[str] = frozenset()) -> str:
    """The result's line, its feed named by `_name` (a title is cleaned, not escaped), with its
    address when it failed or when another feed has the same title: the address is what
    `feeds remove` and `refresh URL` take, and two feeds of one title must be told apart."""
    from sahelreader.library.subscriptions import title_key

    line = result.line()
    name = result.title or result.url
    if line.startswith(name):
        label = _name(result.title, result.url)
        if result.title and (result.status == "failed" or title_key(result.title) in shared):
            label += f" <{visible(result.url)}>"
        line = label + line[len(name) :]
    return line


def cmd_vacuum(args: argparse.Namespace, err: Console) -> int:
    with _opened(args, err) as library:
        with err.status("Compacting the library…"):
            pruned, before, after = library.vacuum()
        if pruned:
            _sync_index(library, err)
        console().print(
            f"{plural(pruned, 'article')} pruned by retention; database "
            f"{_megabytes(before)} -> {_megabytes(after)}"
        )
        return EXIT_OK


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"
