"""The search language's edges: date comparisons, fields given nothing or unknown, `-word`
and `+word`, languages by name, whole entity names, reversed ranges (a new user's review)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sahelreader.library import Library
from sahelreader.search.query import QueryError

from .conftest import draft


def _at(day: str, hour: int = 12) -> datetime:
    year, month, date = (int(part) for part in day.split("-"))
    return datetime(year, month, date, hour, tzinfo=timezone.utc)


# One article a day around a month's end, each titled by its day.
DAYS = ("2023-12-31", "2024-04-30", "2024-05-01", "2024-05-02", "2024-05-31", "2024-06-01")


@pytest.fixture
def dated(library: Library) -> Library:
    library.add_drafts(
        [
            draft(f"Herders report {day}", f"Herders crossed on {day}.", published=_at(day))
            for day in DAYS
        ]
        + [draft("Late herders 2024-05-02", "Herders again.", published=_at("2024-05-02", 23))]
    )
    library.ensure_index()
    return library


def _days(library: Library, query: str) -> set[str]:
    return {hit.title.split()[-1] for hit in library.search(query, limit=None).hits}


@pytest.mark.parametrize("words", ["", "herders "])  # a filter alone (the store), with words
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("published:>2024-05-01", {"2024-05-02", "2024-05-31", "2024-06-01"}),
        ("published:>=2024-05-01", {"2024-05-01", "2024-05-02", "2024-05-31", "2024-06-01"}),
        ("published:<2024-05-01", {"2023-12-31", "2024-04-30"}),
        ("published:<=2024-05-01", {"2023-12-31", "2024-04-30", "2024-05-01"}),
        ("published:>2024-06-01", set()),  # nothing after the newest day
        ("published:>2024-05", {"2024-06-01"}),  # after the whole month
        ("published:<2024-05", {"2023-12-31", "2024-04-30"}),
        ("published:>=2024-05", {"2024-05-01", "2024-05-02", "2024-05-31", "2024-06-01"}),
        (
            "published:<=2024-05",
            {"2023-12-31", "2024-04-30", "2024-05-01", "2024-05-02", "2024-05-31"},
        ),
        ("published:>2023", {"2024-04-30", "2024-05-01", "2024-05-02", "2024-05-31", "2024-06-01"}),
        ("published:<2024", {"2023-12-31"}),
        ("published:[2024-04-30 TO 2024-05-02]", {"2024-04-30", "2024-05-01", "2024-05-02"}),
        (
            "published:[2024-05 TO 2024-06]",
            {"2024-05-01", "2024-05-02", "2024-05-31", "2024-06-01"},
        ),
        ("published:2024-05", {"2024-05-01", "2024-05-02", "2024-05-31"}),
        ("published:2024-05-02", {"2024-05-02"}),
    ],
)
def test_greater_and_less_than_exclude_the_period_named(
    dated: Library, words: str, query: str, expected: set[str]
) -> None:
    assert _days(dated, words + query) == expected


def test_a_comparison_counts_what_it_lists(dated: Library) -> None:
    parsed = dated.parse_query("herders published:>2024-05-01")
    assert dated.index.count_matching(parsed) == 4  # 05-02 twice, 05-31, 06-01


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ("published:>", r"published:> needs a date \(e\.g\. published:>2024-06\)", 0),
        ("published:<", r"published:< needs a date \(e\.g\. published:<2024-06\)", 0),
        ("published:", r"published: needs a date \(e\.g\. published:2024-06\)", 0),
        ("herders published:>=", r"published:>= needs a date", 8),
        ("(herders OR published:<=)", r"published:<= needs a date", 12),
        ("title:>", r"title:> needs a word after it \(e\.g\. title:niamey\)", 0),
    ],
)
def test_a_comparison_without_a_date_says_so(
    dated: Library, query: str, message: str, position: int
) -> None:
    # It searched the word "published" (and found "publisher").
    with pytest.raises(QueryError, match=message) as caught:
        dated.search(query)
    assert caught.value.position == position
