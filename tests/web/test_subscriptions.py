"""Subscribing and refreshing through the Library, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.library.subscriptions import SubscribeError
from sahelreader.web.fetch import FetchLimits
from tests.web.feed_fixtures import Item, article_page, atom, rss, story
from tests.web.local_server import LocalServer, Reply, Seen


@pytest.fixture
def lib(home: Path) -> Iterator[Library]:
    library = Library.open(home, seed=False)
    library.subscriptions.limits = FetchLimits(timeout=2.0, total_timeout=5.0)
    yield library
    library.close()


def _etag_route(body: bytes, etag: str = '"v1"') -> Callable[[Seen], Reply]:
    def answer(seen: Seen) -> Reply:
        if seen.headers.get("If-None-Match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, body, headers={"ETag": etag, "Content-Type": "application/rss+xml"})

    return answer


def _search_ids(library: Library, query: str) -> set[str]:
    library.ensure_index()
    return {hit.id for hit in library.search(query, limit=None, snippets=False).hits}


def test_subscribe_imports_the_entries_with_the_feed_as_their_source(
    lib: Library, server: LocalServer
) -> None:
    url = server.route("/rss", Reply(200, rss([story(1), story(2)], title="Sahel Dispatch")))
    done = lib.subscriptions.subscribe(url)
    assert done.created and done.added == 2 and done.format.startswith("RSS")
    [feed] = lib.subscriptions.all()
    assert (feed.url, feed.title, feed.articles, feed.unread) == (url, "Sahel Dispatch", 2, 2)
    article = lib.get(done.ids[0])
    assert article.source == "Sahel Dispatch"
    assert article.url.startswith("https://dispatch.example/news/")
    assert article.published is not None and article.published.hour == 8  # +0100 -> UTC
    assert len(_search_ids(lib, "convoy")) == 2


def test_a_second_refresh_costs_a_304_with_etag_and_brings_nothing_twice(
    lib: Library, server: LocalServer
) -> None:
    url = server.route("/rss", _etag_route(rss([story(1), story(2), story(3)])))
    lib.subscriptions.subscribe(url)
    report = lib.subscriptions.refresh()
    assert [r.status for r in report.results] == ["unchanged"]
    assert server.seen("/rss")[-1].headers.get("If-None-Match") == '"v1"'
    assert lib.count() == 3 and report.new_ids == []


def test_last_modified_is_sent_back_as_if_modified_since(lib: Library, server: LocalServer) -> None:
    stamp = "Tue, 02 Apr 2024 10:00:00 GMT"

    def answer(seen: Seen) -> Reply:
        if seen.headers.get("If-Modified-Since") == stamp:
            return Reply(304)
        return Reply(200, rss([story(5)]), headers={"Last-Modified": stamp})

    url = server.route("/lm", answer)
    lib.subscriptions.subscribe(url)
    report = lib.subscriptions.refresh()
    assert report.results[0].status == "unchanged"
    assert server.seen("/lm")[-1].headers.get("If-Modified-Since") == stamp


def test_a_server_without_conditional_get_still_duplicates_nothing(
    lib: Library, server: LocalServer
) -> None:
    url = server.route("/plain", Reply(200, rss([story(1), story(2)])))
    lib.subscriptions.subscribe(url)
    for _ in range(2):
        report = lib.subscriptions.refresh()
        assert report.results[0].status == "unchanged" and report.added == 0
    assert lib.count() == 2


def test_new_entries_arrive_and_old_ones_stay(lib: Library, server: LocalServer) -> None:
    items = [story(1)]
    server.route("/grow", lambda seen: Reply(200, rss(items)))
    lib.subscriptions.subscribe(server.url("/grow"))
    items.extend([story(2), story(3)])
    report = lib.subscriptions.refresh()
    assert report.added == 2 and report.results[0].status == "new"
    assert lib.count() == 3


def test_an_edited_entry_updates_its_article_and_keeps_note_and_bookmark(
    lib: Library, server: LocalServer
) -> None:
    first = Item(
        "Floods in Maradi",
        "Storms swept two districts of Maradi.",
        guid="g-1",
        link="https://dispatch.example/maradi",
    )
    items = [first]
    server.route("/edit", lambda seen: Reply(200, rss(items)))
    done = lib.subscriptions.subscribe(server.url("/edit"))
    [article_id] = done.ids
    lib.save_note(article_id, "check the district names")
    lib.set_bookmark(article_id, True)
    assert _search_ids(lib, "storms") == {article_id}
    items[0] = Item(
        "Floods in Maradi: toll rises",
        "Torrential rain flooded four districts.",
        guid="g-1",
        link="https://dispatch.example/maradi?ref=rss",
    )
    report = lib.subscriptions.refresh()
    assert report.updated == 1 and report.added == 0 and lib.count() == 1
    article = lib.get(article_id)
    assert article.title == "Floods in Maradi: toll rises" and "four districts" in article.body
    assert lib.note(article_id) is not None and lib.bookmarks()[0][0] == article_id
    assert _search_ids(lib, "torrential") == {article_id}
    assert _search_ids(lib, "storms") == set()


def test_duplicate_guids_and_entries_without_guid_dedupe(lib: Library, server: LocalServer) -> None:
    twin = Item(
        "Market prices in Gao",
        "Millet prices rose in Gao this week.",
        guid="same",
        link="https://dispatch.example/gao",
    )
    later_twin = Item(
        "Market prices in Gao (2)",
        "A second text under the same guid.",
        guid="same",
        link="https://dispatch.example/gao-2",
    )
    no_guid = Item(
        "Road works near Tillaberi",
        "The road to Tillaberi is being resurfaced.",
        link="https://dispatch.example/tillaberi",
    )
    no_link = Item("Radio bulletin", "A bulletin with neither guid nor link.")
    server.route("/dups", Reply(200, rss([twin, later_twin, no_guid, no_link])))
    done = lib.subscriptions.subscribe(server.url("/dups"))
    assert done.added == 3
    lib.subscriptions.refresh()
    assert lib.count() == 3


def test_a_page_that_names_its_feed_subscribes_to_the_feed(
    lib: Library, server: LocalServer
) -> None:
    server.route("/feed.xml", Reply(200, atom([story(7)], title="Atom Desk")))
    page = article_page("Front page", ["Welcome to the desk."], feed_href="/feed.xml")
    url = server.route("/", Reply(200, page, headers={"Content-Type": "text/html"}))
    done = lib.subscriptions.subscribe(url)
    assert done.feed.url == server.url("/feed.xml") and done.via == url
    assert done.feed.title == "Atom Desk" and done.added == 1


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply(404, b"gone"), "HTTP 404"),
        (Reply(500, b"oops"), "HTTP 500"),
        (
            Reply(
                200,
                article_page("Just a page", ["No feed here."]),
                headers={"Content-Type": "text/html"},
            ),
            "not a feed",
        ),
        (
            Reply(
                200, b"\x00\x01\x02 binary", headers={"Content-Type": "application/octet-stream"}
            ),
            "not a feed",
        ),
    ],
)
def test_what_is_not_a_feed_is_refused_with_the_reason_and_nothing_subscribed(
    lib: Library, server: LocalServer, reply: Reply, reason: str
) -> None:
    url = server.route("/x", reply)
    with pytest.raises(SubscribeError, match=reason):
        lib.subscriptions.subscribe(url)
    assert lib.subscriptions.all() == [] and lib.count() == 0


def test_a_slow_server_is_refused_as_timed_out(lib: Library, server: LocalServer) -> None:
    lib.subscriptions.limits = FetchLimits(timeout=0.3, total_timeout=1.0)
    url = server.route("/slow", Reply(200, rss([story(1)]), delay=1.5))
    with pytest.raises(SubscribeError, match="timed out"):
        lib.subscriptions.subscribe(url)


def test_adding_a_page_url_stores_the_page_as_one_article(
    lib: Library, server: LocalServer
) -> None:
    paragraphs = [
        "The regional council of Agadez met on Monday to discuss the new budget for schools.",
        "Teachers' unions asked for the arrears of three months to be paid before the term.",
        "The governor said that the payments would start in the first week of October.",
    ]
    url = server.route(
        "/story",
        Reply(
            200,
            article_page("Agadez council meets", paragraphs),
            headers={"Content-Type": "text/html; charset=utf-8"},
        ),
    )
    report = lib.add([url])
    assert report.ok and len(report.added) == 1 and report.subscribed == []
    article = lib.get(report.added[0])
    assert article.title == "Agadez council meets" and "arrears" in article.body
    assert "Copyright" not in article.body
    again = lib.add([url])
    assert again.added == [] and again.duplicates == report.added


def test_adding_a_feed_url_subscribes(lib: Library, server: LocalServer) -> None:
    url = server.route("/rss", Reply(200, rss([story(1), story(2)])))
    report = lib.add([url])
    assert report.subscribed == [url] and len(report.added) == 2


def test_a_refresh_with_a_failing_feed_imports_the_others_and_records_why(
    lib: Library, server: LocalServer
) -> None:
    good = server.route("/good", Reply(200, rss([story(1)], title="Good Feed")))
    fading = {"alive": True}
    server.route(
        "/fading",
        lambda seen: (
            Reply(200, rss([story(20)], title="Fading Feed"))
            if fading["alive"]
            else Reply(404, b"gone")
        ),
    )
    lib.subscriptions.subscribe(good)
    lib.subscriptions.subscribe(server.url("/fading"))
    fading["alive"] = False
    server.routes["/good"] = Reply(200, rss([story(1), story(2)], title="Good Feed"))
    report = lib.subscriptions.refresh()
    by_title = {result.title: result for result in report.results}
    assert by_title["Good Feed"].added == 1
    assert by_title["Fading Feed"].status == "failed"
    assert "HTTP 404" in (by_title["Fading Feed"].error or "")
    feeds = {feed.title: feed for feed in lib.subscriptions.all()}
    assert "HTTP 404" in (feeds["Fading Feed"].last_error or "")
    assert feeds["Fading Feed"].articles == 1  # what it brought before is kept
    assert feeds["Good Feed"].last_error is None


def test_a_permanent_redirect_moves_the_subscription(lib: Library, server: LocalServer) -> None:
    old = server.route("/old", Reply(200, rss([story(1)])))
    lib.subscriptions.subscribe(old)
    server.routes["/old"] = Reply(301, headers={"Location": server.url("/new")})
    server.route("/new", Reply(200, rss([story(1), story(2)])))
    report = lib.subscriptions.refresh()
    assert report.added == 1
    assert [feed.url for feed in lib.subscriptions.all()] == [server.url("/new")]


def test_a_full_text_feed_fetches_each_new_entry_once(lib: Library, server: LocalServer) -> None:
    items = [
        Item(f"Story {n}", f"Summary {n} only.", link=server.url(f"/article/{n}"), guid=f"s{n}")
        for n in (1, 2)
    ]
    for n in (1, 2, 3):
        paragraphs = [
            f"Full text of story {n}: the mayor of Dosso inaugurated a new health centre.",
            "It will serve twelve villages and employ nine nurses and two doctors.",
            "Construction took eighteen months and was paid for by the regional budget.",
        ]
        server.route(
            f"/article/{n}",
            Reply(
                200, article_page(f"Story {n}", paragraphs), headers={"Content-Type": "text/html"}
            ),
        )
    server.route("/full", lambda seen: Reply(200, rss(items)))
    done = lib.subscriptions.subscribe(server.url("/full"), full_text=True)
    bodies = sorted(lib.get(article_id).body for article_id in done.ids)
    assert all("health centre" in body and "Summary" not in body for body in bodies)
    items.append(Item("Story 3", "Summary 3 only.", link=server.url("/article/3"), guid="s3"))
    lib.subscriptions.refresh()
    assert [len(server.seen(f"/article/{n}")) for n in (1, 2, 3)] == [1, 1, 1]


def test_remove_keeps_the_articles_unless_purged_and_always_keeps_noted_ones(
    lib: Library, server: LocalServer
) -> None:
    first = server.route("/a", Reply(200, rss([story(1), story(2)], title="A")))
    second = server.route("/b", Reply(200, rss([story(3), story(4)], title="B")))
    lib.subscriptions.subscribe(first)
    done = lib.subscriptions.subscribe(second)
    _, removed, kept = lib.subscriptions.remove(first)
    assert (removed, kept) == (0, 2) and lib.count() == 4
    lib.save_note(done.ids[0], "keep me")
    _, removed, kept = lib.subscriptions.remove(second, purge=True)
    assert (removed, kept) == (1, 1) and lib.count() == 3
    assert lib.subscriptions.all() == []
    with pytest.raises(KeyError):
        lib.subscriptions.remove(second)


def test_retention_prunes_old_articles_but_never_noted_ones_and_they_do_not_return(
    lib: Library, server: LocalServer
) -> None:
    items = [story(n) for n in range(1, 7)]
    url = server.route("/many", lambda seen: Reply(200, rss(items)))
    done = lib.subscriptions.subscribe(url)
    oldest = min(done.ids, key=lambda i: lib.get(i).published or 0)  # type: ignore[arg-type,return-value]
    lib.set_bookmark(oldest, True)
    pruned = lib.subscriptions.set_retention(url, None, 2, prune_now=True)
    assert pruned == 3 and lib.count() == 3 and oldest in lib.store.all_ids()
    report = lib.subscriptions.refresh()
    assert report.added == 0 and lib.count() == 3


def test_retention_by_days(lib: Library, server: LocalServer) -> None:
    recent = Item(
        "Fresh news",
        "Something that happened today.",
        guid="fresh",
        published=time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime()),
    )
    old = Item(
        "Old news",
        "Something from long ago.",
        guid="old",
        published="Mon, 01 Jan 2018 10:00:00 +0000",
    )
    url = server.route("/days", Reply(200, rss([recent, old])))
    lib.subscriptions.subscribe(url)
    assert lib.subscriptions.set_retention(url, 30, None, prune_now=True) == 1
    assert [lib.get(i).title for i in lib.store.all_ids()] == ["Fresh news"]


def test_a_new_limit_prunes_nothing_before_the_next_refresh(
    lib: Library, server: LocalServer
) -> None:
    items = [story(n) for n in range(1, 7)]
    url = server.route("/later", lambda seen: Reply(200, rss(items)))
    lib.subscriptions.subscribe(url)
    assert lib.subscriptions.set_retention(url, None, 2) == 4  # beyond it, still there
    assert lib.count() == 6
    lib.subscriptions.refresh()
    assert lib.count() == 2


def test_opml_import_subscribes_without_fetching_and_export_round_trips(
    lib: Library, server: LocalServer, tmp_path: Path
) -> None:
    first = server.route("/one", Reply(200, rss([story(1)], title="One")))
    second = server.route("/two", Reply(200, rss([story(2)], title="Two")))
    lib.subscriptions.subscribe(first)
    lib.subscriptions.subscribe(second)
    text, left_out = lib.subscriptions.export_opml()
    assert left_out == 0 and 'version="2.0"' in text
    exported = tmp_path / "subs.opml"
    exported.write_text(text, "utf-8")
    with Library.open(tmp_path / "other-home", seed=False) as other:
        report = other.subscriptions.import_opml(exported)
        assert sorted(report.subscribed) == sorted([first, second])
        assert {feed.title for feed in other.subscriptions.all()} == {"One", "Two"}
        assert all(feed.checked is None for feed in other.subscriptions.all())
        assert other.count() == 0
        again = other.subscriptions.import_opml(exported)
        assert again.subscribed == [] and len(again.already) == 2


def test_a_local_feed_file_subscription_is_re_read_when_it_changes(
    lib: Library, tmp_path: Path
) -> None:
    path = tmp_path / "desk.rss"
    path.write_bytes(rss([story(1)]))
    done = lib.subscriptions.subscribe(str(path))
    assert done.feed.url.startswith("file://") and done.added == 1
    assert lib.subscriptions.refresh().results[0].status == "unchanged"
    path.write_bytes(rss([story(1), story(2)]))
    import os

    os.utime(path, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    assert lib.subscriptions.refresh().added == 1


def test_offline_everything_still_works_and_refresh_says_why(home: Path, tmp_path: Path) -> None:
    with LocalServer() as server:
        url = server.route("/rss", Reply(200, rss([story(1), story(2)])))
        with Library.open(home, seed=False) as library:
            done = library.subscriptions.subscribe(url)
    # The server is gone: the address now refuses connections.
    with Library.open(home, seed=False) as library:
        library.ensure_index()
        article_id = done.ids[0]
        assert library.get(article_id).title.startswith("Report")
        assert len(_search_ids(library, "convoy")) == 2
        library.set_bookmark(article_id, True)
        library.save_note(article_id, "read offline")
        report = library.subscriptions.refresh()
        [result] = report.results
        assert result.status == "failed" and "connect" in (result.error or "").lower()
        assert library.count() == 2 and library.note(article_id) is not None


def test_a_refresh_fetches_feeds_in_parallel(lib: Library, server: LocalServer) -> None:
    busy = {"now": 0, "most": 0}
    lock = threading.Lock()

    def slow(number: int):  # type: ignore[no-untyped-def]
        def answer(seen: Seen) -> Reply:
            with lock:
                busy["now"] += 1
                busy["most"] = max(busy["most"], busy["now"])
            time.sleep(0.2)
            with lock:
                busy["now"] -= 1
            return Reply(200, rss([story(number)], title=f"Feed {number}"))

        return answer

    for number in range(8):
        lib.subscriptions.table.subscribe(server.route(f"/f{number}", slow(number)), "")
    report = lib.subscriptions.refresh()
    assert report.added == 8 and not report.failed
    # One host here, so its politeness limit (2 at a time) is what bounds it.
    assert busy["most"] == 2


def test_cancelling_a_refresh_stops_before_the_remaining_feeds(
    lib: Library, server: LocalServer
) -> None:
    for number in range(6):
        url = server.route(f"/c{number}", Reply(200, rss([story(number)]), delay=0.2))
        lib.subscriptions.table.subscribe(url, "")
    stop = threading.Event()
    seen: list[str] = []

    def heard(result: object) -> None:
        seen.append(str(result))
        stop.set()

    report = lib.subscriptions.refresh(on_result=heard, cancelled=stop, workers=1)
    assert report.cancelled and len(report.results) < 6


def test_a_schema_5_library_with_a_feed_row_upgrades_and_refreshes(
    tmp_path: Path, server: LocalServer
) -> None:
    import sqlite3

    from sahelreader.store.schema import MIGRATIONS

    home = tmp_path / "old-home"
    home.mkdir()
    url = server.route("/rss", Reply(200, rss([story(1), story(2)])))
    with sqlite3.connect(home / "library.db") as conn:  # written before subscriptions existed
        for script in MIGRATIONS[:5]:
            conn.executescript(script)
        conn.execute("PRAGMA user_version = 5")
        conn.execute(
            "INSERT INTO feeds(url, title, added) VALUES (?, 'Old Desk', '2024-01-01T00:00:00Z')",
            (url,),
        )
        conn.execute(
            "INSERT INTO articles(id, title, body, source, url, url_key, added, content_hash)"
            " VALUES ('old00001', 'Report 1 from Niamey: water points reopen', 'Earlier text.',"
            " 'Old Desk', 'https://dispatch.example/news/1', 'https://dispatch.example/news/1',"
            " '2024-01-01T00:00:00+00:00', 'x')"
        )
        conn.execute("INSERT INTO notes VALUES ('old00001', 'kept', '2024', '2024', 1)")
    with Library.open(home, seed=False) as library:
        [feed] = library.subscriptions.all()
        assert (feed.title, feed.full_text, feed.keep_days, feed.checked) == (
            "Old Desk",
            False,
            None,
            None,
        )
        report = library.subscriptions.refresh()
        assert report.added == 1 and not report.failed
        assert library.count() == 2 and library.note("old00001") is not None


def test_cancelling_does_not_wait_for_a_fetch_in_flight(lib: Library, server: LocalServer) -> None:
    # Quitting the reader mid-refresh must not hang until a slow server answers.
    answered = threading.Event()
    asked = threading.Event()

    def slow(seen: Seen) -> Reply:
        asked.set()
        time.sleep(1.5)
        answered.set()
        return Reply(200, rss([story(1)]))

    lib.subscriptions.table.subscribe(server.route("/slow", slow), "")
    stop = threading.Event()

    def stop_once_asked() -> None:
        asked.wait(5)
        stop.set()

    threading.Thread(target=stop_once_asked, daemon=True).start()
    report = lib.subscriptions.refresh(cancelled=stop)
    assert report.cancelled and report.results == [] and not answered.is_set()
    assert lib.count() == 0


def test_a_feed_is_found_by_its_name_when_the_name_is_unique(
    lib: Library, server: LocalServer
) -> None:
    first = server.route("/a", Reply(200, rss([story(1)], title="Sahel FR")))
    lib.subscriptions.subscribe(first)
    assert lib.subscriptions.find("sahel fr") is not None
    twin = server.route("/b", Reply(200, rss([story(2)], title="Sahel FR")))
    lib.subscriptions.subscribe(twin)
    assert lib.subscriptions.find("Sahel FR") is None  # two feeds: say which by address
    record, _, _ = lib.subscriptions.remove(first)
    assert record.url == first


def test_opml_import_refuses_non_http_feeds_by_name_and_takes_feed_urls(
    lib: Library, tmp_path: Path
) -> None:
    listing = tmp_path / "mine.opml"
    listing.write_text(
        '<opml version="2.0"><body>'
        '<outline type="rss" text="Wire" xmlUrl="https://wire.example.org/rss"/>'
        '<outline type="rss" text="Podcast app" xmlUrl="feed://radio.example.org/rss"/>'
        '<outline type="rss" text="Local" xmlUrl="file:///home/me/feed.xml"/>'
        '<outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    report = lib.subscriptions.import_opml(listing)
    assert report.subscribed == ["https://wire.example.org/rss", "http://radio.example.org/rss"]
    assert report.refused == [
        ("file:///home/me/feed.xml", "not an http(s) address"),
        ("javascript:alert(1)", "not an http(s) address"),
    ]
