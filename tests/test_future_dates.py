"""An explicit publication date far after the import is no publication date: the article is
stored undated (or with the day its url writes) and the add says which article it was, whatever
brought it (a record, a feed file, a feed address, a web page). `trend` keeps its periods to
the dates that can be news, and refuses a span no one can read by day."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from tests.cli_helpers import cli
from tests.web.feed_fixtures import Item, article_page, rss
from tests.web.local_server import LocalServer, Reply


def _published(home: Path, title: str) -> str | None:
    [hit] = [
        hit
        for hit in json.loads(cli(home, "search", title, "--json").stdout)
        if hit["title"] == title
    ]
    shown = json.loads(cli(home, "show", hit["id"], "--json").stdout)
    value = shown["published"]
    return None if value is None else str(value)[:10]


def test_records_dated_decades_ahead_are_kept_undated_or_by_their_url_day(
    home: Path, tmp_path: Path
) -> None:
    tomorrow = (datetime.now(timezone.utc) + timedelta(days=1)).date().isoformat()
    records = [
        {
            "title": "Harmattan outlook for Agadez",
            "body": "Dust is forecast over Agadez.",
            "published": "2087-06-15T08:00:00Z",
        },
        {
            "title": "Millet stocks in Dosso",
            "body": "Granaries in Dosso are full.",
            "date": "12 March 2140",
            "url": "https://dosso.example/2024/05/03/millet-stocks",
        },
        {
            "title": "Tomorrow's paper in Maradi",
            "body": "The Maradi edition went to print.",
            "published": tomorrow,
        },
    ]
    path = tmp_path / "desk.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    result = cli(home, "add", str(path))
    assert result.returncode == 0, result.stderr
    assert "3 added" in result.stdout
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1, result.stderr
    assert "2 articles" in notes[0] and "Harmattan outlook for Agadez" in notes[0]
    assert _published(home, "Harmattan outlook for Agadez") is None
    assert _published(home, "Millet stocks in Dosso") == "2024-05-03"
    assert _published(home, "Tomorrow's paper in Maradi") == tomorrow  # within the allowance


def test_a_feed_file_and_a_feed_address_say_which_entry_was_dated_ahead(
    home: Path, tmp_path: Path, server: LocalServer
) -> None:
    ahead = Item(
        title="Schools reopen in Tillaberi",
        body="Pupils returned to class in Tillaberi.",
        link="https://tillaberi.example/schools",
        guid="t-1",
        published="Sat, 04 Mar 2071 08:00:00 +0000",
    )
    usual = Item(
        title="Road repaired near Tahoua",
        body="The road to Tahoua reopened.",
        link="https://tillaberi.example/road",
        guid="t-2",
        published="Tue, 02 Apr 2024 09:30:00 +0100",
    )
    path = tmp_path / "tillaberi.rss"
    path.write_bytes(rss([ahead, usual]))
    added = cli(home, "add", str(path))
    assert added.returncode == 0, added.stderr
    assert "Schools reopen in Tillaberi" in added.stderr and "Road repaired" not in added.stderr
    assert _published(home, "Schools reopen in Tillaberi") is None
    assert _published(home, "Road repaired near Tahoua") == "2024-04-02"

    other = tmp_path / "other"
    later = Item(
        title="Locust swarm sighted in Diffa",
        body="Farmers in Diffa reported locusts.",
        link="https://diffa.example/locusts",
        guid="d-1",
        published="2101-01-01T00:00:00Z",
    )
    url = server.route("/diffa.rss", Reply(200, rss([later], title="Diffa Desk")))
    subscribed = cli(other, "feeds", "add", url)
    assert subscribed.returncode == 0, subscribed.stderr
    assert "Locust swarm sighted in Diffa" in subscribed.stderr
    assert _published(other, "Locust swarm sighted in Diffa") is None


def test_a_web_page_dated_ahead_is_stored_undated_with_a_note(
    home: Path, server: LocalServer
) -> None:
    page = article_page(
        "Solar farm opens near Zinder",
        [
            "A solar farm opened near Zinder on Monday, the energy ministry said.",
            "It will supply power to several thousand households in the region.",
            "Engineers from the region built most of it over two dry seasons.",
        ],
    ).replace(
        b"</head>",
        b'<meta property="article:published_time" content="2093-07-01T10:00:00Z"></head>',
    )
    url = server.route("/zinder/solar", Reply(200, page, headers={"Content-Type": "text/html"}))
    result = cli(home, "add", url)
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
    assert "Solar farm opens near Zinder" in result.stderr
    assert _published(home, "Solar farm opens near Zinder") is None


def _stored_as_is(home: Path, drafts: list[ArticleDraft]) -> None:
    """Articles stored by an earlier version, which kept any date (the store, not `add`)."""
    library = Library.open(home, seed=False)
    try:
        library.store.add_many([(draft, "en") for draft in drafts])
    finally:
        library.close()


def _about_kano(number: int, when: datetime) -> ArticleDraft:
    return ArticleDraft(
        title=f"Kano traders {number}",
        body=f"Traders in Kano met on day {number} to discuss cattle prices.",
        source="Kano Wire",
        published=when,
    )


def test_trend_periods_stop_at_today_and_an_article_dated_ahead_is_said(home: Path) -> None:
    _stored_as_is(
        home,
        [
            _about_kano(1, datetime(2024, 5, 1, tzinfo=timezone.utc)),
            _about_kano(2, datetime(2024, 5, 3, tzinfo=timezone.utc)),
            _about_kano(3, datetime(2088, 2, 2, tzinfo=timezone.utc)),
        ],
    )
    result = cli(home, "trend", "kano", "--by", "day", "--json")
    assert result.returncode == 0, result.stderr
    periods = json.loads(result.stdout)
    assert [p["period"] for p in periods] == ["2024-05-01", "2024-05-02", "2024-05-03"]
    assert "1 article dated after today not counted" in result.stderr
    # Asked for explicitly, the far period is counted.
    asked = cli(home, "trend", "kano", "--by", "month", "--since", "2088-01-01", "--json")
    assert [(p["period"], p["count"]) for p in json.loads(asked.stdout)] == [
        ("2088-01", 0),
        ("2088-02", 1),
    ]


def test_trend_by_day_over_a_century_is_refused_with_what_to_do(home: Path) -> None:
    _stored_as_is(
        home,
        [
            _about_kano(1, datetime(1903, 1, 5, tzinfo=timezone.utc)),
            _about_kano(2, datetime(2024, 5, 3, tzinfo=timezone.utc)),
        ],
    )
    refused = cli(home, "trend", "kano", "--by", "day", "--json")
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert "--by month" in refused.stderr and "--since" in refused.stderr
    monthly = cli(home, "trend", "kano", "--by", "month", "--json")
    assert monthly.returncode == 0, monthly.stderr
    assert sum(p["count"] for p in json.loads(monthly.stdout)) == 2
