"""Feeds in the reader: `a` adds, `r` refreshes in a worker, `F` lists the feeds, and a refresh
interval in config.toml; against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from rich.console import Console
from textual import events
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, Static

from sahelreader.tui import SahelReaderApp, make_app
from sahelreader.tui.delays import Delays
from sahelreader.tui.messages import RefreshDone
from sahelreader.tui.screens.dialogs import ConfirmScreen
from sahelreader.tui.screens.feeds import AddScreen, FeedsScreen, describe_target
from sahelreader.tui.screens.help import HelpScreen
from sahelreader.tui.widgets.article_list import ArticleList

from .tui_helpers import build_library, settle
from .web.local_server import LocalServer, Reply, Seen

SIZE = (120, 40)

# Invented news, written for these tests.
FIRST = [
    ("Groundnut harvest doubles near Maradi", "Cooperatives near Maradi weighed a record crop."),
    ("Tillabéri schools reopen after the floods", "Classrooms dried out; pupils returned Monday."),
]
SECOND = [("Camel caravan reaches Bilma salt pans", "The caravan crossed the Ténéré in nine days.")]
OTHER = [("Kayes goldsmiths form a guild", "Artisans in Kayes agreed common prices.")]


def slug(title: str) -> str:
    return "-".join(title.lower().split())


def rss(stories: list[tuple[str, str]], title: str = "Sahel Dispatch") -> bytes:
    items = "".join(
        f"<item><title>{escape(head)}</title>"
        f"<link>https://dispatch.example/{slug(head)}</link>"
        f"<guid>{slug(head)}</guid>"
        f"<pubDate>Mon, 0{n + 1} Jun 2025 09:00:00 GMT</pubDate>"
        f"<description>{escape(body)}</description></item>"
        for n, (head, body) in enumerate(stories)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://dispatch.example/</link>"
        f"<description>News</description>{items}</channel></rss>"
    ).encode()


class Feed:
    """A feed whose content the test changes; it answers a matching ETag with 304."""

    def __init__(self, stories: list[tuple[str, str]], title: str = "Sahel Dispatch") -> None:
        self.title = title
        self.version = 0
        self.set(stories)

    def set(self, stories: list[tuple[str, str]]) -> None:
        self.body = rss(stories, self.title)
        self.version += 1

    def __call__(self, seen: Seen) -> Reply:
        etag = f'"v{self.version}"'
        if seen.headers.get("If-None-Match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, self.body, headers={"ETag": etag, "Content-Type": "application/rss+xml"})


def reader(home: Path, delays: Delays | None = None, subscribe: tuple[str, ...] = ()) -> Any:
    library = build_library(home)
    for url in subscribe:
        library.subscriptions.subscribe(url)
    library.sync_index()
    app = make_app(library=library, delays=delays or Delays.none())
    return app


def recorded(app: SahelReaderApp) -> list[tuple[str, str]]:
    """Every notification from now on, as (severity, message)."""
    said: list[tuple[str, str]] = []
    notify: Callable[..., None] = app.notify

    def record(message: str, **options: Any) -> None:
        said.append((options.get("severity", "information"), message))
        notify(message, **options)

    app.notify = record  # type: ignore[method-assign]
    return said


def titles(app: Any) -> list[str]:
    return [row.title for row in app.library.rows(app.query_one(ArticleList).ids)]


def status(app: Any) -> str:
    return str(app.main.query_one("#status", Static).render())


async def paste(app: Any, pilot: Any, text: str) -> None:
    """A bracketed paste into the focused widget (typing key by key is slow under Pilot)."""
    app.focused.post_message(events.Paste(text))
    await pilot.pause()


def told(app: Any) -> str:
    """What the add dialog says about the text typed."""
    return str(app.screen.query_one("#add-what", Static).render())


async def test_a_subscribes_to_a_feed_and_its_articles_are_listed_and_searchable(
    home: Path, server: LocalServer
) -> None:
    url = server.route("/dispatch.xml", Feed(FIRST))
    app = reader(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = len(app.query_one(ArticleList).ids)
        await pilot.press("a")
        assert isinstance(app.screen, AddScreen)
        await paste(app, pilot, url[:-4])  # what a terminal sends for a paste
        await pilot.press(*".xml")
        assert "A web address on 127.0.0.1" in told(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, AddScreen)
        assert ("information", "Subscribed to Sahel Dispatch: 2 articles.") in said
        assert len(app.query_one(ArticleList).ids) == before + 2
        assert "Groundnut harvest doubles near Maradi" in titles(app)
        await pilot.press("slash")
        await paste(app, pilot, "groundnut")
        await pilot.press("enter")
        await settle(app, pilot)
        assert titles(app) == ["Groundnut harvest doubles near Maradi"]


async def test_an_opml_list_subscribes_and_r_fetches_its_feeds(
    home: Path, server: LocalServer, tmp_path: Path
) -> None:
    url = server.route("/dispatch.xml", Feed(FIRST))
    listing = tmp_path / "sahel.opml"
    listing.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Sahel</title></head><body>'
        f'<outline type="rss" text="Sahel Dispatch" xmlUrl="{url}"/></body></opml>'
    )
    app = reader(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await paste(app, pilot, str(listing))
        assert told(app).startswith("An OPML list")
        await pilot.press("enter")
        await settle(app, pilot)
        assert said == [
            ("information", f"Subscribed to 1 feed from {listing}: r fetches their articles.")
        ]
        assert server.seen("/dispatch.xml") == []  # nothing fetched until asked
        await pilot.press("r")
        await settle(app, pilot)
        assert said[-1] == ("information", "2 new articles from 1 feed")
        assert "Groundnut harvest doubles near Maradi" in titles(app)


async def test_r_twice_brings_new_articles_once_and_adding_again_nothing(
    home: Path, server: LocalServer
) -> None:
    feed = Feed(FIRST)
    url = server.route("/dispatch.xml", feed)
    app = reader(home, subscribe=(url,))
    said = recorded(app)
    feed.set(FIRST + SECOND)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = len(app.query_one(ArticleList).ids)
        await pilot.press("r")
        await settle(app, pilot)
        assert len(app.query_one(ArticleList).ids) == before + 1
        assert "Camel caravan reaches Bilma salt pans" in titles(app)
        assert ("information", "1 new article from 1 feed") in said
        said.clear()
        await pilot.press("r")
        await settle(app, pilot)
        assert len(app.query_one(ArticleList).ids) == before + 1
        assert said == [("information", "No new articles.")]
        assert server.seen("/dispatch.xml")[-1].headers.get("If-None-Match") == '"v2"'
        assert "refreshing" not in status(app)
        await pilot.press("a")  # and adding it again adds nothing either
        await paste(app, pilot, url)
        await pilot.press("enter")
        await settle(app, pilot)
        assert said[-1] == ("information", "Already subscribed to Sahel Dispatch.")
        assert len(app.query_one(ArticleList).ids) == before + 1


async def test_a_broken_feed_fails_alone_and_the_feeds_screen_shows_why(
    home: Path, server: LocalServer
) -> None:
    good = Feed(FIRST, title="Sahel Dispatch")
    good_url = server.route("/good.xml", good)
    broken_url = server.route("/broken.xml", Feed(OTHER, title="Kayes Courier"))
    app = reader(home, subscribe=(good_url, broken_url))
    said = recorded(app)
    good.set(FIRST + SECOND)
    server.route("/broken.xml", Reply(404, b"gone"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert "Camel caravan reaches Bilma salt pans" in titles(app)
        assert ("warning", "1 feed failed: see the feeds screen (F).") in said
        await pilot.press("F")
        await settle(app, pilot)
        screen: Any = app.screen
        assert isinstance(screen, FeedsScreen)
        table = screen.query_one(DataTable)
        cells = [table.get_row_at(row) for row in range(table.row_count)]
        rows = {str(row[0]): [str(cell) for cell in row] for row in cells}
        assert "404" in rows["Kayes Courier"][-1]
        assert rows["Sahel Dispatch"][-1] == ""
        assert rows["Sahel Dispatch"][2] == "3"
        while screen.current.title != "Kayes Courier":  # its error in full under the table
            await pilot.press("j")
        detail = str(screen.query_one("#feeds-detail", Static).render())
        assert "Kayes Courier" in detail and "error: HTTP 404" in detail
        await pilot.press("escape")
        assert not isinstance(app.screen, FeedsScreen)


async def test_the_add_dialog_says_what_a_path_is_and_refuses_a_missing_one(
    home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "clippings"
    folder.mkdir()
    note = folder / "agadez.md"
    note.write_text("# Agadez market day\n\nTraders from Arlit came to sell dates.\n")
    (tmp_path / "feeds.opml").write_text("<opml/>")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    app = reader(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        count = app.library.count()
        await pilot.press("a")
        box = app.screen.query_one("#add-target", Input)
        await paste(app, pilot, str(note))
        assert told(app).startswith("A Markdown article (")
        for typed, expected in [
            (str(folder), "A folder"),
            (str(tmp_path / "feeds.opml"), "An OPML list"),
            (str(tmp_path / "scan.pdf"), "Not a file sahelreader reads (type .pdf)"),
            ("ftp://files.example/x.rss", "Only http and https"),
            ("dispatch.example/feed.xml", "a web address starts with https://"),
        ]:
            box.value = typed
            await pilot.pause()
            assert expected in told(app), typed
        box.value = str(tmp_path / "nowhere.md")
        await pilot.pause()
        assert "No such file or folder" in told(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AddScreen)  # refused: the dialog stays, with the reason
        assert "No such file or folder" in told(app)
        assert app.library.count() == count
        box.value = str(note)
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, AddScreen)
        assert ("information", "Added 1 article.") in said
        assert "Agadez market day" in titles(app)


async def test_a_failed_address_keeps_the_dialog_open_with_the_reason(
    home: Path, server: LocalServer
) -> None:
    app = reader(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        box = app.screen.query_one("#add-target", Input)
        box.value = server.url("/missing.xml")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AddScreen)
        assert "Failed:" in told(app) and "404" in told(app)
        assert not box.disabled and box.value == server.url("/missing.xml")
        await pilot.press("escape")
        assert not isinstance(app.screen, AddScreen)


async def test_a_feed_is_removed_from_the_feeds_screen_after_confirming(
    home: Path, server: LocalServer
) -> None:
    url = server.route("/dispatch.xml", Feed(FIRST, title="[bold]Dispatch[/bold]"))
    app = reader(home, subscribe=(url,))
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        count = app.library.count()
        await pilot.press("F")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(0)[0]) == "[bold]Dispatch[/bold]"  # shown as text
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(app, pilot)
        assert len(app.library.subscriptions.all()) == 1
        await pilot.press("delete")
        dialog: Any = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert dialog.question == "Unsubscribe from [bold]Dispatch[/bold]?"
        await pilot.press("y")
        await settle(app, pilot)
        assert app.library.subscriptions.all() == []
        assert app.library.count() == count  # its articles stay
        assert (
            "information",
            "Unsubscribed from [bold]Dispatch[/bold]: its 2 articles stay.",
        ) in said
        assert app.screen.query_one(DataTable).row_count == 0


def salt_search_reader(
    home: Path, server: LocalServer, config: str, delays: Delays
) -> tuple[SahelReaderApp, list[tuple[str, str]]]:
    """A reader subscribed to a feed that has gained the salt caravan story since it was last
    fetched, with a saved search "Salt" that finds it; and its notifications from now on."""
    home.mkdir(parents=True)
    (home / "config.toml").write_text(config)
    feed = Feed(FIRST)
    url = server.route("/dispatch.xml", feed)
    library = build_library(home)
    library.subscriptions.subscribe(url)
    library.save_search("Salt", "salt OR caravan")
    library.sync_index()
    app = make_app(library=library, delays=delays)
    said = recorded(app)
    feed.set(FIRST + SECOND)
    return app, said


async def test_refresh_minutes_refreshes_while_the_app_runs(
    home: Path, server: LocalServer
) -> None:
    app, said = salt_search_reader(
        home, server, "[feeds]\nrefresh_minutes = 1\n", replace(Delays.none(), refresh_minute=0.05)
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        saved_search_news = ("information", "New in saved search “Salt”: 1")
        for _ in range(80):  # the timer fires every 0.05 s; a refresh takes a few ms...
            # ...and the saved searches are counted once the index has the new article, which
            # on a loaded machine is a few frames later
            if "Camel caravan reaches Bilma salt pans" in titles(app) and saved_search_news in said:
                break
            await pilot.pause(0.05)
            await settle(app, pilot)
        assert "Camel caravan reaches Bilma salt pans" in titles(app)
        assert ("information", "1 new article from 1 feed") in said
        assert saved_search_news in said
        assert not any("No new articles" in message for _, message in said)  # quiet


async def test_new_articles_in_a_saved_search_are_told_once_the_index_is_ready(
    home: Path, server: LocalServer
) -> None:
    # A refresh that ended while the index was still being built (at start-up, the refresh
    # timer's first run) said "1 new article" but never which saved search or watched name it
    # fell in: that news needs the index, and nothing counted it once the index was ready.
    from sahelreader.tui.messages import IndexProgress, IndexReady

    app, said = salt_search_reader(home, server, 'watch = ["Bilma"]\n', Delays.none())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.index_ready.clear()  # as while the index is (re)built
        app.post_message(IndexProgress(2, 9))
        await pilot.press("r")
        await settle(app, pilot)
        assert ("information", "1 new article from 1 feed") in said
        assert not any(message.startswith("New in") for _, message in said)  # not yet known
        app.post_message(IndexReady())
        await settle(app, pilot)
        assert ("information", "New in saved search “Salt”: 1") in said
        assert any(message.startswith("New in watched name “Bilma”: 1") for _, message in said)
        assert "Camel caravan reaches Bilma salt pans" in titles(app)
        said.clear()
        app.index_ready.clear()  # a second rebuild does not tell the same news again
        app.post_message(IndexReady())
        await settle(app, pilot)
        assert not any(message.startswith("New in") for _, message in said)


async def test_a_refresh_ending_as_the_index_becomes_ready_still_tells_its_news(
    home: Path,
) -> None:
    # The refresh worker saw the index not ready; the index became ready before its result
    # reached the screen, so nothing was left to catch up when it did: the new articles were
    # not indexed and their saved-search news was never told (CI's refresh_minutes test).
    from .conftest import draft

    library = build_library(home)
    library.save_search("Salt", "salt OR caravan")
    library.sync_index()
    app = make_app(library=library, delays=Delays.none())
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.index_ready.is_set()
        title, body = SECOND[0]
        report = app.library.add_drafts([draft(title, body)])  # stored, not yet indexed
        app.main.post_message(
            RefreshDone(feeds=1, added=1, from_feeds=1, synced=False, new_ids=tuple(report.added))
        )
        for _ in range(3):
            await settle(app, pilot)
        assert ("information", "New in saved search “Salt”: 1") in said
        assert [hit.title for hit in app.library.search("caravan").hits] == [title]


async def test_r_without_feeds_says_how_to_add_one_and_a_r_in_the_search_bar_are_text(
    home: Path,
) -> None:
    app = reader(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert len(said) == 1 and "No feeds yet: press a" in said[0][1]
        await pilot.press("slash", "a", "r")
        assert app.query_one("#search-input", Input).value == "ar"
        assert not isinstance(app.screen, AddScreen) and not app.main.refreshing


async def test_r_while_refreshing_does_not_start_another_and_quitting_stops_it(
    home: Path, server: LocalServer
) -> None:
    url = server.route("/dispatch.xml", Feed(FIRST))
    app = reader(home, subscribe=(url,))
    server.route("/dispatch.xml", Reply(200, rss(FIRST + SECOND), delay=0.3))
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        assert app.main.refreshing
        assert "refreshing 0/1 feed · 0 new" in status(app)
        await pilot.press("r")
        assert said == [
            ("information", "Already refreshing the feeds: the status line shows how far.")
        ]
        assert len([w for w in app.workers if w.group == "refresh"]) == 1
        await pilot.press("q")
    assert app.return_code == 0
    assert not any(w.group == "refresh" and not w.is_finished for w in app.workers)


async def test_help_and_the_palette_list_the_feed_keys(home: Path) -> None:
    from textual.binding import Binding

    app = reader(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        help_screen: Any = app.screen
        assert isinstance(help_screen, HelpScreen)
        ids = {row.binding_id for row in help_screen.rows}
        for cls in (AddScreen, FeedsScreen):
            for binding in cls.BINDINGS:
                assert isinstance(binding, Binding) and binding.tooltip
                assert binding.id in ids
        assert {"add", "refresh", "feeds"} <= ids
        console = Console(width=200, file=io.StringIO(), record=True)
        console.print(help_screen._table())
        shown = " ".join(console.export_text().split())
        assert "Unsubscribe from the highlighted feed" in shown
        await pilot.press("escape", "ctrl+p")
        await paste(app, pilot, "Show the feeds")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FeedsScreen)


def test_describe_target_reads_no_file(tmp_path: Path) -> None:
    assert not describe_target("  ").ok
    assert describe_target("https://dispatch.example/feed").ok
    assert describe_target("feed://dispatch.example/rss").ok
    assert not describe_target("https://").ok
    assert not describe_target("javascript:alert(1)").ok
    archive = tmp_path / "wire.jsonl.gz"
    archive.write_bytes(b"")
    said = describe_target(str(archive))
    assert said.ok and said.what.startswith("A JSON Lines file") and said.given == str(archive)
    assert describe_target(archive.as_uri()).ok


async def test_after_removing_a_feed_the_cursor_stays_where_it_was(
    home: Path, server: LocalServer
) -> None:
    urls = tuple(server.route(f"/f{n}.xml", Feed(FIRST, title=f"Desk {n}")) for n in range(3))
    app = reader(home, subscribe=urls)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("F")
        await settle(app, pilot)
        await pilot.press("j", "j", "k")  # on the second of three
        await pilot.press("d", "y")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        assert str(table.get_row_at(table.cursor_row)[0]) == "Desk 2"


async def test_the_feeds_table_at_80_columns_drops_the_address_not_the_names(
    home: Path, server: LocalServer
) -> None:
    name = "AllAfrica – Burkina Faso headlines"
    url = server.route("/bf.xml", Feed(FIRST, title=name))
    app = reader(home, subscribe=(url,))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("F")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        labels = [str(column.label) for column in table.columns.values()]
        assert "Address" not in labels
        assert str(table.get_row_at(0)[0]).startswith("AllAfrica – Burkina Faso")


async def test_the_feeds_table_at_120_columns_gives_the_names_the_room(
    home: Path, server: LocalServer
) -> None:
    """At 120 columns a 40-character feed name was cut at 22 while the address and the error
    columns kept 28 and 26: the name now gets what it needs, the others shrink, and the table
    still fits the screen (no column pushed off its edge)."""
    names = ["Le Sahel en bref : Niger, Mali, Burkina", "Chroniques du fleuve Niger à Mopti"]
    urls = tuple(
        server.route(f"/a-rather-long-path/for-the-feed/{n}/rss.xml", Feed(FIRST, title=name))
        for n, name in enumerate(names)
    )
    app = reader(home, subscribe=urls)
    server.route("/a-rather-long-path/for-the-feed/1/rss.xml", Reply(404, b"gone"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press("F")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        shown = sorted(str(table.get_row_at(row)[0]) for row in range(table.row_count))
        assert shown == sorted(names)
        errors = [str(table.get_row_at(row)[-1]) for row in range(table.row_count)]
        assert any("404" in error for error in errors)
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_a_on_the_feeds_screen_subscribes_to_a_feed_file(home: Path, tmp_path: Path) -> None:
    """From the Feeds screen `a` means "subscribe", as `feeds add FILE` does: a feed file was
    imported once, and the screen went on saying "0 subscriptions". From the reader `a` still
    imports a feed file's entries as articles."""
    feed_file = tmp_path / "dispatch.rss"
    feed_file.write_bytes(rss(FIRST))
    other_file = tmp_path / "other.rss"
    other_file.write_bytes(rss(OTHER, title="Kayes Courier"))
    app = reader(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        count = app.library.count()
        await pilot.press("F")
        assert isinstance(app.screen, FeedsScreen)
        await pilot.press("a")
        assert isinstance(app.screen, AddScreen)
        await paste(app, pilot, str(feed_file))
        assert "subscribes" in told(app).lower()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FeedsScreen)
        assert [feed.title for feed in app.library.subscriptions.all()] == ["Sahel Dispatch"]
        assert ("information", "Subscribed to Sahel Dispatch: 2 articles.") in said
        assert app.library.count() == count + 2
        assert "Sahel Dispatch" in str(app.screen.query_one(DataTable).get_row_at(0))
        await pilot.press("a")
        await paste(app, pilot, str(feed_file))
        await pilot.press("enter")
        await settle(app, pilot)
        assert ("information", "Already subscribed to Sahel Dispatch.") in said
        await pilot.press("escape")  # back to the reader: `a` imports a feed file's entries
        await settle(app, pilot)
        await pilot.press("a")
        await paste(app, pilot, str(other_file))
        assert "imported as articles" in told(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert len(app.library.subscriptions.all()) == 1
        assert app.library.count() == count + 3


async def test_the_add_dialog_reads_a_csv_and_a_tsv_table_as_add_does(
    home: Path, tmp_path: Path
) -> None:
    """`sahelreader add` imports .csv and .tsv tables: the reader's `a` imports them too."""
    comma = tmp_path / "harvest.csv"
    comma.write_text(
        "title,text,url\n"
        'Millet prices fall in Zinder,"Traders in Zinder sold millet for less this week.",'
        "https://table.example/zinder-millet\n"
    )
    tabbed = tmp_path / "herds.tsv"
    tabbed.write_text(
        "headline\ttext\turl\n"
        "Herders return to Tahoua\tThe rains brought the herds back north.\t"
        "https://table.example/tahoua-herds\n"
    )
    app = reader(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for table, title in [
            (comma, "Millet prices fall in Zinder"),
            (tabbed, "Herders return to Tahoua"),
        ]:
            await pilot.press("a")
            await paste(app, pilot, str(table))
            assert told(app).startswith("A table of articles:"), told(app)
            await pilot.press("enter")
            await settle(app, pilot)
            assert not isinstance(app.screen, AddScreen)
            assert ("information", "Added 1 article.") in said
            assert title in titles(app)


def test_the_add_dialog_accepts_every_type_add_reads_and_names_it(tmp_path: Path) -> None:
    """The dialog's words cover the ingest module's list of types (the one list of what is read)."""
    from sahelreader.ingest import SUPPORTED_SUFFIXES

    for suffix in sorted(SUPPORTED_SUFFIXES):
        path = tmp_path / f"sample{suffix}"
        path.write_bytes(b"x")
        said = describe_target(str(path))
        assert said.ok, suffix
        assert not said.what.startswith("An article file"), f"no words for {suffix}"


async def test_the_first_feed_on_an_empty_feeds_screen_gets_its_columns_width(
    home: Path, tmp_path: Path
) -> None:
    """The first feed subscribed from an empty Feeds screen was drawn in the empty table's
    column widths ("UOL " for "UOL Noticias", the address and the date cut, 70 columns free)
    until the screen was opened again: the table widened its columns only when it next went
    idle, which nothing made it do. The columns are as wide as the rows the moment they come."""
    feed_file = tmp_path / "a-long-feed-file-name.rss"
    feed_file.write_bytes(rss(FIRST, title="Sahel Dispatch Evening Edition"))
    app = reader(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("F")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen) and not screen.feeds
        app.library.subscriptions.subscribe(str(feed_file))
        screen.on_feeds_screen_loaded(FeedsScreen.Loaded(app.library.subscriptions.all()))
        table = screen.query_one(DataTable)
        widths = {
            str(key.value): column.get_render_width(table) - 2 * table.cell_padding
            for key, column in table.columns.items()
        }
        assert widths["title"] >= len("Sahel Dispatch Evening Edition"), widths
        assert widths["url"] > len("Address"), widths
        assert widths["checked"] >= len("2025-06-01 09:00"), widths
        await settle(app, pilot)
        shown = "\n".join(line.text for line in table.render_lines(table.region.reset_offset))
        assert "Sahel Dispatch Evening Edition" in shown, shown


@pytest.mark.parametrize("width", [100, 120])
async def test_the_feeds_address_column_keeps_the_file_name(
    home: Path, tmp_path: Path, width: int
) -> None:
    """Two feed files in one deep folder showed the same cut address ("/tmp/…/rss-pa…"): the
    file name, the part that tells them apart, was what the cut took. It is cut in the middle."""
    folder = tmp_path / "archive" / "collected-feeds" / "west-africa" / "by-outlet" / "daily"
    folder.mkdir(parents=True)
    names = ["courier-evening.rss", "dispatch-morning.rss"]
    for name, title in zip(names, ["Kayes Courier", "Sahel Dispatch"], strict=True):
        (folder / name).write_bytes(rss(FIRST, title=title))
    library = build_library(home)
    for name in names:
        library.subscriptions.subscribe(str(folder / name))
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("F")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        shown = [str(table.get_cell_at(Coordinate(row, 1))) for row in range(2)]
        assert all(len(cell) < len(str(folder)) for cell in shown), shown  # cut
        for cell, name in zip(shown, names, strict=True):
            assert cell.endswith(name) and "…" in cell, shown


async def test_a_failed_feed_sharing_its_title_is_named_with_its_address(
    home: Path, server: LocalServer
) -> None:
    """Two subscriptions of one title (an outlet's two sections, a feed file and its copy): the
    notice of a failed refresh names the one that failed by its address too, as `refresh` does
    on the command line (review 14: "1 feed failed: The Guardian." with two of them)."""
    first = server.route("/niamey.xml", Feed(FIRST, title="Sahel Dispatch"))
    second = server.route("/agadez.xml", Feed(SECOND, title="Sahel Dispatch"))
    other = server.route("/kayes.xml", Feed(OTHER, title="Kayes Courier"))
    app = reader(home, subscribe=(first, second, other))
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")  # the titles are read
        await settle(app, pilot)
        server.route("/agadez.xml", Reply(500, b"down"))
        server.route("/kayes.xml", Reply(404, b"gone"))
        await pilot.press("F")
        await settle(app, pilot)
        await pilot.press("R")
        await settle(app, pilot)
        [failed] = [text for severity, text in said if severity == "warning"]
        assert f"Sahel Dispatch <{second}>" in failed
        assert first not in failed
        assert "Kayes Courier" in failed and other not in failed  # its title is its own
