"""An article that comes undated takes the day its url writes (many outlets put it there)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from sahelreader.ingest.dates import date_in_url
from sahelreader.ingest.feed import parse_feed
from sahelreader.library import Library

LATEST = datetime(2026, 12, 2)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example.org/africa/2025/03/14/convoy-attacked-near-djibo", (2025, 3, 14)),
        ("https://paper.example.com/world/2025/mar/14/convoy-attacked", (2025, 3, 14)),
        (
            "https://radio.example.fr/fr/afrique/20250314-attaque-d-un-convoi-pres-de-djibo",
            (2025, 3, 14),
        ),
        ("https://wire.example.com/world/africa/convoy-attacked-2025-03-14/", (2025, 3, 14)),
        ("https://tv.example.com/2025/3/4/africa/convoy/index.html", (2025, 3, 4)),
        ("https://site.example.sn/2025/10/01/", (2025, 10, 1)),
        ("https://site.example.ml/actualite/2025/fevrier/03/mines", (2025, 2, 3)),
        # Review 13 D8: a live page's slug ends in its day, month first, two-digit year.
        ("https://tv.example.com/world/live-news/sudan-ceasefire-talks-11-28-24/", (2024, 11, 28)),
        ("https://tv.example.com/live-news/budget-vote-updates-02-09-25/index.html", (2025, 2, 9)),
        ("https://tv.example.com/live-news/storm-landfall-07-30-25", (2025, 7, 30)),
    ],
)
def test_the_day_a_url_writes(url: str, day: tuple[int, int, int]) -> None:
    assert date_in_url(url, latest=LATEST) == datetime(*day)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.co.uk/news/world-africa-63788437",  # an id, no date
        "https://www.example.com/a/convoy-attacked/7567223.html",
        "https://example.org/id/202503149999",  # digits run into more digits
        "https://example.org/2025/03/convoy",  # a month, no day
        "https://example.org/2025/13/01/convoy",  # no such month
        "https://example.org/2025/02/30/convoy",  # no such day
        "https://example.org/2027/01/05/convoy",  # after the latest day
        "https://example.org/search?from=2025-03-14",  # a query, not the page's path
        "ftp://example.org/2025/03/14/convoy",
        "https://tv.example.com/live-news/storm-updates-13-05-25/",  # no month 13
        "https://tv.example.com/live-news/storm-updates-02-30-25/",  # no such day
        "https://tv.example.com/live-news/storm-updates-01-05-27/",  # after the latest day
        "https://tv.example.com/news/storm-12-01-05-25/",  # digits run on: an id
        "https://tv.example.com/news/item/11-28-24/",  # no slug before it
        "https://tv.example.com/news/storm-updates-11-28-24-more/",  # not the slug's end
        "",
        "not a url at all",
    ],
)
def test_no_day_in_the_url(url: str) -> None:
    assert date_in_url(url, latest=LATEST) is None


def test_an_undated_record_takes_its_urls_day_and_a_dated_one_keeps_its_own(
    library: Library, tmp_path: Path
) -> None:
    records = [
        {
            "title": "Convoy attacked near Djibo",
            "text": "Gunmen attacked a supply convoy near Djibo, officials said on Friday.",
            "url": "https://news.example.org/africa/2025/03/14/convoy-attacked-near-djibo",
        },
        {
            "title": "Market reopens in Gorom-Gorom",
            "text": "The weekly market in Gorom-Gorom reopened after two months, traders said.",
            "url": "https://news.example.org/africa/2025/03/01/market-reopens",
            "date": "2025-03-20",
        },
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = library.add([path])
    assert len(report.added) == 2
    published = {library.get(i).title: library.get(i).published for i in report.added}
    convoy = published["Convoy attacked near Djibo"]
    market = published["Market reopens in Gorom-Gorom"]
    assert convoy is not None and convoy.date().isoformat() == "2025-03-14"
    assert market is not None and market.date().isoformat() == "2025-03-20"


# -- review 12, defect 5: "/YYYYMM/DD/", and a scrape time years after the url's day ---------


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("http://www.paper.example.cn/a/201912/03/WS5de5f1a2a310cf3e3557b0c4.html", (2019, 12, 3)),
        ("https://daily.example.com/world/202402/29/africa-floods", (2024, 2, 29)),
        ("https://daily.example.com/content/202501/7", (2025, 1, 7)),
    ],
)
def test_a_year_and_month_folder_then_a_day_folder(url: str, day: tuple[int, int, int]) -> None:
    assert date_in_url(url, latest=LATEST) == datetime(*day)


@pytest.mark.parametrize(
    "url",
    [
        "https://daily.example.com/a/202713/05/slug",  # no month 13
        "https://daily.example.com/a/202302/30/slug",  # no 30 February
        "https://daily.example.com/a/202701/05/slug",  # after the latest day
        "https://daily.example.com/a/123456/12/slug",  # an id: no year
        "https://daily.example.com/a/2019120/3/slug",  # seven digits: an id
        "https://daily.example.com/a/201912/034/slug",  # three digits of day
        "https://daily.example.com/item/9201912/03/slug",  # digits run into the year
    ],
)
def test_no_year_and_month_folder_date(url: str) -> None:
    assert date_in_url(url, latest=LATEST) is None


def _published_of(
    library: Library, tmp_path: Path, records: list[dict[str, str]]
) -> dict[str, datetime | None]:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    report = library.add([path])
    assert len(report.added) == len(records)
    return {library.get(i).title: library.get(i).published for i in report.added}


@pytest.mark.parametrize(
    "changed_key", ["timestamp", "updated", "modified", "last_modified", "dateModified"]
)
def test_a_change_or_fetch_time_years_after_the_urls_day_gives_way_to_it(
    library: Library, tmp_path: Path, changed_key: str
) -> None:
    published = _published_of(
        library,
        tmp_path,
        [
            {
                "title": "Ferry service resumes on the Niger at Gao",
                "text": "The ferry between the two banks at Gao ran again on Monday.",
                "url": "https://paper.example.org/2019/06/10/ferry-gao",
                changed_key: "2024-11-02T08:15:00Z",
            },
            {
                "title": "Solar farm opens near Zagtouli",
                "text": "A solar farm near Zagtouli began feeding the grid, the utility said.",
                "url": "http://www.daily.example.cn/a/201802/21/WS5a8d.html",
                changed_key: "2025-05-28T14:52:58Z",
            },
        ],
    )
    ferry = published["Ferry service resumes on the Niger at Gao"]
    solar = published["Solar farm opens near Zagtouli"]
    assert ferry is not None and ferry.date().isoformat() == "2019-06-10"
    assert solar is not None and solar.date().isoformat() == "2018-02-21"


def test_a_close_change_time_a_publication_date_or_an_earlier_one_are_kept(
    library: Library, tmp_path: Path
) -> None:
    published = _published_of(
        library,
        tmp_path,
        [
            {  # updated the evening after: the time is kept, it is more precise than the day
                "title": "Council votes the new budget in Kayes",
                "text": "The regional council in Kayes voted its budget after a long debate.",
                "url": "https://paper.example.org/2023/04/11/kayes-budget",
                "updated": "2023-04-12T19:40:00Z",
            },
            {  # a publication date of its own is the record's word, whatever the url says
                "title": "Archive: the 1998 floods in Mopti remembered",
                "text": "Residents of Mopti recalled the floods of twenty years before.",
                "url": "https://paper.example.org/1998/09/01/mopti-floods",
                "published": "2018-09-01T10:00:00Z",
            },
        ],
    )
    budget = published["Council votes the new budget in Kayes"]
    archive = published["Archive: the 1998 floods in Mopti remembered"]
    assert budget is not None and budget.isoformat() == "2023-04-12T19:40:00+00:00"
    assert archive is not None and archive.date().isoformat() == "2018-09-01"


def test_an_atom_entry_dated_only_by_a_much_later_update_takes_its_urls_day() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Paper</title><id>urn:paper</id><updated>2025-03-01T00:00:00Z</updated>
  <entry><title>Well dug in Ouallam</title><id>urn:1</id>
    <link href="https://paper.example.org/2016/05/03/well-ouallam"/>
    <updated>2025-03-01T06:00:00Z</updated><summary>A village well was dug.</summary></entry>
  <entry><title>Clinic opens in Filingue</title><id>urn:2</id>
    <link href="https://paper.example.org/2025/02/28/clinic-filingue"/>
    <updated>2025-03-01T07:30:00Z</updated><summary>A clinic opened.</summary></entry>
</feed>"""
    dates = {d.title: d.published for d in parse_feed(atom).entries}
    well, clinic = dates["Well dug in Ouallam"], dates["Clinic opens in Filingue"]
    assert well is not None and well.date().isoformat() == "2016-05-03"
    assert clinic is not None and clinic.isoformat() == "2025-03-01T07:30:00+00:00"


def test_a_scrape_time_gives_way_to_a_live_pages_month_first_day(
    library: Library, tmp_path: Path
) -> None:
    """Review 13 D8: a live page's slug ending "-11-28-24/" was dated by the scrape time."""
    published = _published_of(
        library,
        tmp_path,
        [
            {
                "title": "Live updates: talks on the Sudan ceasefire",
                "text": "Delegates met for a second day of talks, mediators said.",
                "url": "https://tv.example.com/world/live-news/sudan-ceasefire-talks-11-28-24/a1",
                "timestamp": "2025-05-28T14:52:57Z",
            }
        ],
    )
    talks = published["Live updates: talks on the Sudan ceasefire"]
    assert talks is not None and talks.date().isoformat() == "2024-11-28"
