"""`sahelreader feeds …`, `refresh`, `add URL` and `vacuum` as a script uses them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sahelreader.ingest.opml import read_opml
from sahelreader.library import seeds_folder
from tests.cli_helpers import cli
from tests.web.feed_fixtures import article_page, rss, story
from tests.web.local_server import LocalServer, Reply, Seen


def _with_etag(body: bytes, tag: str):  # type: ignore[no-untyped-def]
    def answer(seen: Seen) -> Reply:
        if seen.headers.get("If-None-Match") == tag:
            return Reply(304, headers={"ETag": tag})
        return Reply(200, body, headers={"ETag": tag})

    return answer


def test_three_feeds_refreshed_twice_then_one_vanishes(home: Path, server: LocalServer) -> None:
    urls = []
    for number, name in enumerate(["Niamey Desk", "Bamako Desk", "Ouaga Desk"]):
        body = rss([story(number * 10 + 1), story(number * 10 + 2)], title=name)
        urls.append(server.route(f"/feed{number}", _with_etag(body, f'"t{number}"')))
    for url in urls:
        result = cli(home, "feeds", "add", url)
        assert result.returncode == 0, result.stderr
        assert "subscribed:" in result.stdout and "2 articles added" in result.stdout

    first = cli(home, "refresh")
    assert first.returncode == 0
    assert "3 feeds refreshed: 0 new articles" in first.stdout and "3 unchanged" in first.stdout
    assert all(server.seen(f"/feed{n}")[-1].headers.get("If-None-Match") for n in range(3))

    listed = json.loads(cli(home, "feeds", "list", "--json").stdout)
    assert [(f["title"], f["articles"], f["last_error"]) for f in listed] == [
        ("Bamako Desk", 2, None),
        ("Niamey Desk", 2, None),
        ("Ouaga Desk", 2, None),
    ]
    assert all(isinstance(f["articles"], int) and f["last_refresh"] for f in listed)

    server.routes["/feed1"] = Reply(404, b"gone")
    vanished = cli(home, "refresh", "--json")
    assert vanished.returncode == 1
    results = {r["title"]: r for r in json.loads(vanished.stdout)}
    assert results["Bamako Desk"]["status"] == "failed"
    assert "HTTP 404" in results["Bamako Desk"]["error"]
    assert results["Niamey Desk"]["status"] == "unchanged"
    listed = json.loads(cli(home, "feeds", "list", "--json").stdout)
    errors = {f["title"]: f["last_error"] for f in listed}
    assert "HTTP 404" in errors["Bamako Desk"] and errors["Niamey Desk"] is None
    assert len(json.loads(cli(home, "search", "convoy", "--json", "--limit", "50").stdout)) == 6


def test_refresh_shows_each_feed_and_a_summary(home: Path, server: LocalServer) -> None:
    items = [story(1)]
    url = server.route("/rss", lambda seen: Reply(200, rss(items, title="Agadez Wire")))
    cli(home, "feeds", "add", url)
    items.append(story(2))
    result = cli(home, "refresh")
    assert result.returncode == 0
    assert "Agadez Wire: 1 new" in result.stderr
    assert "1 feed refreshed: 1 new article" in result.stdout


def test_feeds_add_refuses_what_is_not_a_feed_with_exit_1(home: Path, server: LocalServer) -> None:
    page = server.route(
        "/page",
        Reply(
            200,
            article_page("A page", ["Nothing to subscribe."]),
            headers={"Content-Type": "text/html"},
        ),
    )
    missing = server.url("/missing")
    for url, reason in ((page, "not a feed"), (missing, "HTTP 404")):
        result = cli(home, "feeds", "add", url)
        assert result.returncode == 1
        assert "not subscribed" in result.stderr and reason in result.stderr
    assert json.loads(cli(home, "feeds", "list", "--json").stdout) == []
    refused = cli(home, "feeds", "add", "ftp://files.example/feed.xml")
    assert refused.returncode == 1 and "http and https" in refused.stderr


def test_feeds_add_with_title_names_the_source(home: Path, server: LocalServer) -> None:
    url = server.route("/rss", Reply(200, rss([story(1)], title="Untitled CMS feed")))
    assert cli(home, "feeds", "add", url, "--title", "Tillabéri Radio").returncode == 0
    hits = json.loads(cli(home, "search", "convoy", "--json").stdout)
    assert [hit["source"] for hit in hits] == ["Tillabéri Radio"]
    again = cli(home, "feeds", "add", url)
    assert again.returncode == 0 and "already subscribed" in again.stdout


def test_feeds_remove_and_purge(home: Path, server: LocalServer) -> None:
    url = server.route("/rss", Reply(200, rss([story(1), story(2)])))
    cli(home, "feeds", "add", url)
    kept = cli(home, "feeds", "remove", url)
    assert kept.returncode == 0 and "stay in the library" in kept.stdout
    assert len(json.loads(cli(home, "search", "convoy", "--json").stdout)) == 2
    cli(home, "feeds", "add", url)  # the same articles: found again, not duplicated
    purged = cli(home, "feeds", "remove", url, "--purge")
    assert "2 articles deleted" in purged.stdout
    unknown = cli(home, "feeds", "remove", url)
    assert unknown.returncode == 1 and "not subscribed" in unknown.stderr


def test_opml_round_trip_through_the_cli(home: Path, server: LocalServer, tmp_path: Path) -> None:
    for number in range(3):
        cli(home, "feeds", "add", server.route(f"/f{number}", Reply(200, rss([story(number)]))))
    exported = tmp_path / "mine.opml"
    result = cli(home, "feeds", "export", "-o", str(exported))
    assert result.returncode == 0 and "3 feeds written" in result.stderr
    stdout_copy = cli(home, "feeds", "export").stdout

    def undated(opml: str) -> str:  # the two exports may be written a second apart
        return re.sub(r"<dateCreated>[^<]*</dateCreated>", "", opml)

    assert undated(stdout_copy) == undated(exported.read_text("utf-8"))
    other = tmp_path / "other"
    imported = cli(other, "feeds", "import", str(exported))
    assert imported.returncode == 0 and "3 feeds subscribed" in imported.stdout
    urls = sorted(f["url"] for f in json.loads(cli(other, "feeds", "list", "--json").stdout))
    assert urls == sorted(server.url(f"/f{n}") for n in range(3))
    # `add FILE.opml` subscribes too; a second time finds them all subscribed already.
    assert "0 feeds subscribed" in cli(other, "feeds", "add", str(exported)).stdout
    assert cli(other, "refresh").returncode == 0
    assert len(json.loads(cli(other, "search", "convoy", "--json").stdout)) == 3


def test_add_url_subscribes_a_feed_and_stores_a_page(home: Path, server: LocalServer) -> None:
    feed = server.route("/rss", Reply(200, rss([story(1), story(2)])))
    paragraphs = [
        "Herders and farmers in the Tahoua region signed an agreement on grazing corridors.",
        "The agreement sets the dates when herds may cross cultivated land after the harvest.",
        "Local committees will settle disputes before they reach the courts, officials said.",
    ]
    page = server.route(
        "/story",
        Reply(
            200,
            article_page("Grazing deal in Tahoua", paragraphs),
            headers={"Content-Type": "text/html"},
        ),
    )
    result = cli(home, "add", feed, page, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["subscribed"] == [feed] and len(report["added"]) == 3
    assert json.loads(cli(home, "search", "corridors", "--json").stdout)[0]["title"] == (
        "Grazing deal in Tahoua"
    )


def test_add_of_a_url_that_fails_reports_it_and_imports_the_rest(
    home: Path, tmp_path: Path
) -> None:
    story_file = tmp_path / "story.txt"
    story_file.write_text("Well drilling in Tahoua\n\nA new well opened in Tahoua.")
    closed = "http://127.0.0.1:9/niamey/story?id=4"  # the discard port: nothing listens
    result = cli(home, "add", closed, str(story_file))
    assert result.returncode == 1
    [failed] = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert failed.startswith(f"failed: {closed}: ") and "connect" in failed.lower()
    assert "1 added" in result.stdout and "1 failed" in result.stdout


def test_add_of_a_local_feed_file_imports_its_entries_once(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_bytes(rss([story(1), story(2), story(3)]))
    first = cli(home, "add", str(path))
    assert first.returncode == 0 and "3 added" in first.stdout
    assert "0 added, 3 duplicates" in cli(home, "add", str(path)).stdout
    assert json.loads(cli(home, "feeds", "list", "--json").stdout) == []


def test_feeds_keep_and_vacuum(home: Path, server: LocalServer) -> None:
    url = server.route("/rss", Reply(200, rss([story(n) for n in range(1, 6)])))
    cli(home, "feeds", "add", url)
    kept = cli(home, "feeds", "keep", url, "--items", "2")
    assert kept.returncode == 0 and "3 articles beyond it will be pruned" in kept.stdout
    assert len(json.loads(cli(home, "search", "convoy", "--json").stdout)) == 5  # not yet
    now = cli(home, "feeds", "keep", url, "--items", "2", "--now")
    assert now.returncode == 0 and "3 articles pruned" in now.stdout
    assert len(json.loads(cli(home, "search", "convoy", "--json").stdout)) == 2
    vacuum = cli(home, "vacuum")
    assert vacuum.returncode == 0 and "pruned by retention" in vacuum.stdout
    assert cli(home, "feeds", "keep", url).returncode == 2  # no limit given: a usage error


def test_starter_list_is_https_and_subscribing_fetches_nothing(home: Path) -> None:
    folder = seeds_folder()
    assert folder is not None
    listed = read_opml((folder / "starter-feeds.opml").read_bytes())
    assert len(listed) >= 12 and all(item.url.startswith("https://") for item in listed)
    assert {item.category for item in listed} == {"English", "Français"}
    result = cli(home, "feeds", "add", "--starter")
    assert result.returncode == 0 and f"{len(listed)} feeds subscribed" in result.stdout
    feeds = json.loads(cli(home, "feeds", "list", "--json").stdout)
    assert len(feeds) == len(listed) and all(f["last_refresh"] is None for f in feeds)


def test_refresh_with_no_feeds_says_how_to_add_one(home: Path) -> None:
    result = cli(home, "refresh")
    assert result.returncode == 0 and "feeds add URL" in result.stdout
    unknown = cli(home, "refresh", "https://nowhere.example/rss")
    assert unknown.returncode == 1 and "not subscribed" in unknown.stderr


def test_refresh_json_with_no_feeds_prints_an_empty_list(home: Path) -> None:
    result = cli(home, "refresh", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []
    assert "feeds add URL" in result.stderr
    unknown = cli(home, "refresh", "https://nowhere.example/rss", "--json")
    assert unknown.returncode == 1 and "not subscribed" in unknown.stderr
    assert unknown.stdout == ""


def test_purging_a_feed_when_the_index_is_missing_rebuilds_it(
    home: Path, server: LocalServer
) -> None:
    import shutil

    url = server.route("/rss", Reply(200, rss([story(1), story(2)])))
    cli(home, "feeds", "add", url)
    shutil.rmtree(home / "index")
    result = cli(home, "feeds", "remove", url, "--purge")
    assert result.returncode == 0, result.stderr
    assert json.loads(cli(home, "search", "convoy", "--json").stdout) == []


def test_add_says_already_subscribed_instead_of_subscribed_again(
    home: Path, server: LocalServer, tmp_path: Path
) -> None:
    url = server.route("/rss", Reply(200, rss([story(1)])))
    cli(home, "feeds", "add", url)
    again = cli(home, "add", url, "--json")
    report = json.loads(again.stdout)
    assert report["subscribed"] == [] and report["already_subscribed"] == [url]
    assert "1 already subscribed" in again.stderr
    listed = tmp_path / "subs.opml"
    listed.write_text(cli(home, "feeds", "export").stdout, "utf-8")
    assert "1 already subscribed" in cli(home, "add", str(listed)).stdout


def test_a_failed_url_in_add_is_named_once(home: Path, server: LocalServer) -> None:
    missing = server.url("/missing.html")
    result = cli(home, "add", missing)
    [line] = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert line.count(missing) == 1 and "HTTP 404" in line


def test_full_text_pages_that_fail_are_one_note_with_the_reason(
    home: Path, server: LocalServer
) -> None:
    items = [story(n) for n in (1, 2)]
    items = [
        type(item)(item.title, item.body, server.url(f"/gone/{n}"), item.guid, item.published)
        for n, item in enumerate(items)
    ]
    url = server.route("/rss", Reply(200, rss(items)))
    result = cli(home, "feeds", "add", url, "--full-text")
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1, result.stderr
    assert "2 full-text pages not fetched" in notes[0] and "HTTP 404" in notes[0]


def test_a_file_url_names_the_same_feed_file_as_its_path(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_bytes(rss([story(1)]))
    assert cli(home, "feeds", "add", path.as_uri()).returncode == 0
    again = cli(home, "feeds", "add", str(path))
    assert "already subscribed" in again.stdout
    assert cli(home, "feeds", "remove", path.as_uri()).returncode == 0


def test_a_renamed_feed_keeps_its_name_through_export_and_import(
    home: Path, server: LocalServer, tmp_path: Path
) -> None:
    url = server.route("/rss", Reply(200, rss([story(1)], title="Generic CMS Feed")))
    cli(home, "feeds", "add", url, "--title", "Sahel FR")
    exported = tmp_path / "mine.opml"
    cli(home, "feeds", "export", "-o", str(exported))
    other = tmp_path / "other"
    cli(other, "feeds", "import", str(exported))
    cli(other, "refresh")
    [feed] = json.loads(cli(other, "feeds", "list", "--json").stdout)
    assert feed["title"] == "Sahel FR"


def test_feeds_add_of_a_file_already_imported_counts_its_duplicates(
    home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "desk.rss"
    path.write_bytes(rss([story(1), story(2), story(3)]))
    assert cli(home, "add", str(path)).returncode == 0
    copy = tmp_path / "copy-of-desk.rss"
    copy.write_bytes(path.read_bytes())
    result = cli(home, "feeds", "add", str(copy))
    assert result.returncode == 0, result.stderr
    assert "0 articles added, 3 duplicates (already in the library)" in result.stdout
    fresh = tmp_path / "fresh.rss"
    fresh.write_bytes(rss([story(4)]))
    assert "duplicate" not in cli(home, "feeds", "add", str(fresh)).stdout


def test_a_deleted_feed_file_is_removed_by_its_path_as_typed(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    kept, copy, other = (tmp_path / name for name in ("desk.rss", "mine.rss", "other.rss"))
    kept.write_bytes(rss([story(1)], title="Niamey Desk"))
    copy.write_bytes(rss([story(2)], title="Niamey Desk"))
    other.write_bytes(rss([story(3)], title="Zinder Desk"))
    assert cli(home, "feeds", "add", "desk.rss").returncode == 0  # relative, as typed
    assert cli(home, "feeds", "add", str(copy)).returncode == 0
    assert cli(home, "feeds", "add", str(other)).returncode == 0
    copy.unlink()

    refreshed = cli(home, "refresh")
    assert refreshed.returncode == 1
    lines = refreshed.stderr.splitlines()
    # Two feeds of one title: each line names its address; a failure always does.
    [failed] = [line for line in lines if "failed" in line]
    assert failed.startswith(f"! Niamey Desk <{copy.as_uri()}>: failed: ")
    assert f"= Niamey Desk <{kept.as_uri()}>: unchanged" in lines
    assert "= Zinder Desk: unchanged" in lines

    removed = cli(home, "feeds", "remove", str(copy))  # the file is gone
    assert removed.returncode == 0, removed.stderr
    assert f"unsubscribed from Niamey Desk <{copy.as_uri()}>" in removed.stdout
    assert cli(home, "feeds", "remove", "desk.rss").returncode == 0
    other.unlink()
    assert cli(home, "feeds", "remove", "other.rss").returncode == 0
    assert json.loads(cli(home, "feeds", "list", "--json").stdout) == []
    missing = cli(home, "feeds", "remove", "never-added.rss")
    assert missing.returncode == 1 and "not subscribed to never-added.rss" in missing.stderr


def test_feeds_add_of_a_missing_file_says_no_such_file(home: Path, tmp_path: Path) -> None:
    """A path to a file that is not there is a missing file, not "neither an http(s) address
    nor a file"; what names no file at all (a bare word, another scheme) keeps that message."""
    (tmp_path / "feeds").mkdir()
    for given in (
        str(tmp_path / "gone" / "wire.xml"),  # absolute, in a folder that is not there either
        str(tmp_path / "feeds" / "sahel-watch"),  # no suffix, in a folder that is there
        (tmp_path / "feeds" / "wire.atom").as_uri(),  # a file: address
        "./not-here.rss",
        "~/no-such-folder-here/wire.rdf",
        "wire-not-here.xml",  # a bare feed file name
    ):
        result = cli(home, "feeds", "add", given)
        assert result.returncode == 1, given
        assert f"no such file: {given}" in result.stderr, (given, result.stderr)
        assert "neither" not in result.stderr, given
    for given in ("sahelwatch", "gopher://wire.example/feed"):
        result = cli(home, "feeds", "add", given)
        assert result.returncode == 1 and "neither an http(s) address nor a file" in result.stderr
    assert json.loads(cli(home, "feeds", "list", "--json").stdout) == []


def test_add_url_of_a_feed_already_imported_reports_its_duplicates_as_feeds_add_does(
    home: Path, server: LocalServer, tmp_path: Path
) -> None:
    body = rss([story(7), story(8), story(9)], title="Zinder Desk")
    path = tmp_path / "zinder.rss"
    path.write_bytes(body)
    assert "3 added" in cli(home, "add", str(path)).stdout
    first = server.route("/zinder/feed", Reply(200, body))
    result = cli(home, "add", first, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["added"] == [] and report["subscribed"] == [first]
    assert len(report["duplicates"]) == 3
    assert "0 added, 3 duplicates (already in the library), 1 feed subscribed" in result.stderr
    # The same count as `feeds add` gives for the same entries at another address.
    second = server.route("/zinder/copy", Reply(200, body))
    said = cli(home, "feeds", "add", second).stdout
    assert "0 articles added, 3 duplicates (already in the library)" in said
    # Without --json too, and a feed with one new entry and one known one says both.
    mixed = server.route("/mixed", Reply(200, rss([story(9), story(10)], title="Mixed")))
    plain = cli(home, "add", mixed)
    assert "1 added, 1 duplicate (already in the library), 1 feed subscribed" in plain.stdout


def test_entries_imported_before_subscribing_are_not_the_feeds_to_purge(
    home: Path, server: LocalServer, tmp_path: Path
) -> None:
    """As the README says: an article a file import holds is never purged by a feed that also
    carries it, and it is not counted as that feed's."""
    path = tmp_path / "tillaberi.rss"
    path.write_bytes(rss([story(21), story(22)], title="Tillaberi Desk"))
    assert "2 added" in cli(home, "add", str(path)).stdout
    url = server.route("/t", Reply(200, rss([story(21), story(22), story(23)], title="T")))
    assert "1 added, 2 duplicates" in cli(home, "add", url).stdout
    [feed] = json.loads(cli(home, "feeds", "list", "--json").stdout)
    assert feed["articles"] == 1
    removed = cli(home, "feeds", "remove", url, "--purge")
    assert removed.returncode == 0, removed.stderr
    assert len(json.loads(cli(home, "search", "convoy", "--json").stdout)) == 2
