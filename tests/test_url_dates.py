"""An article that comes undated takes the day its url writes (many outlets put it there)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from sahelreader.ingest.dates import date_in_url
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
