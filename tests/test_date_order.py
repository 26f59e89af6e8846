"""Date order puts undated articles last; records dated only by `updated`/`timestamp` keep it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path

import pytest

from sahelreader.ingest import read_file
from sahelreader.library import Library
from sahelreader.store.database import Store

from .conftest import draft, utc


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "library.db")


def test_undated_articles_come_last_in_date_order(store: Store) -> None:
    # Undated and added last (so "now" by when added): it must not jump to the top.
    older = store.add(draft("Older", "one", source="Kel Wire", published=utc(2023, 5, 1)), "en")
    newer = store.add(draft("Newer", "two", source="Kel Wire", published=utc(2024, 5, 1)), "en")
    undated = store.add(draft("Undated", "three", source="Kel Wire"), "en")
    assert store.list_ids("all", "date") == [newer.id, older.id, undated.id]
    # The same inside one source, and among a subset (search results, views).
    assert store.list_ids("all", "source") == [newer.id, older.id, undated.id]
    within = [undated.id, older.id, newer.id]
    assert store.list_ids("all", "date", within=within) == [newer.id, older.id, undated.id]


def test_undated_articles_keep_import_order_among_themselves(store: Store) -> None:
    first = store.add(draft("First undated", "a"), "en").id
    dated = store.add(draft("Dated", "b", published=utc(2020, 1, 1)), "en").id
    second = store.add(draft("Second undated", "c"), "en").id
    assert store.list_ids("all", "date") == [dated, second, first]


def test_search_sorted_by_date_puts_undated_hits_last(library: Library) -> None:
    library.add_drafts(
        [
            draft("Harmattan dust over Agadez", "Harmattan dust closed the airport."),
            draft(
                "Harmattan season begins",
                "The harmattan season began early.",
                published=utc(2024, 1, 10),
            ),
            draft(
                "Harmattan and health",
                "Clinics saw more patients during the harmattan.",
                published=utc(2023, 12, 1),
            ),
        ]
    )
    library.ensure_index()
    hits = library.search("harmattan", sort="date").hits
    assert [h.title for h in hits] == [
        "Harmattan season begins",
        "Harmattan and health",
        "Harmattan dust over Agadez",
    ]
    ordered = library.order_ids([h.id for h in reversed(hits)], "date")
    assert ordered == [h.id for h in hits]


def _read_records(tmp_path: Path, records: Sequence[Mapping[str, object]]) -> list[datetime | None]:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records), "utf-8")
    return [d.published for d in read_file(path)]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        (
            "timestamp",
            "2024-04-02T08:30:00+00:00",
            datetime(2024, 4, 2, 8, 30, tzinfo=timezone.utc),
        ),
        ("updated", "2024-04-03T09:00:00Z", datetime(2024, 4, 3, 9, 0, tzinfo=timezone.utc)),
        ("modified", "2024-04-04", datetime(2024, 4, 4)),
        ("date_modified", "2024-04-05T10:00:00Z", datetime(2024, 4, 5, 10, tzinfo=timezone.utc)),
        ("updated_at", "2024-04-06T10:00:00Z", datetime(2024, 4, 6, 10, tzinfo=timezone.utc)),
        ("dc:date", "2024-04-07T10:00:00Z", datetime(2024, 4, 7, 10, tzinfo=timezone.utc)),
        ("timestamp", 1712046600, datetime(2024, 4, 2, 8, 30, tzinfo=timezone.utc)),
        ("timestamp", 1712046600000, datetime(2024, 4, 2, 8, 30, tzinfo=timezone.utc)),
        ("updated", "1712046600", datetime(2024, 4, 2, 8, 30, tzinfo=timezone.utc)),
    ],
)
def test_records_dated_only_by_other_keys_keep_that_date(
    tmp_path: Path, key: str, value: object, expected: datetime
) -> None:
    record = {"title": "Flooding in Maradi", "text": "Rains flooded Maradi.", key: value}
    assert _read_records(tmp_path, [record]) == [expected]


def test_the_publication_date_wins_over_an_update_or_fetch_time(tmp_path: Path) -> None:
    record = {
        "title": "Grain prices rise in Zinder",
        "text": "Millet prices rose again.",
        "timestamp": "2025-01-02T00:00:00+00:00",  # when a crawler fetched it
        "updated": "2024-12-31T00:00:00+00:00",
        "pubDate": "Mon, 30 Dec 2024 08:00:00 +0000",
    }
    assert _read_records(tmp_path, [record]) == [datetime(2024, 12, 30, 8, tzinfo=timezone.utc)]


def test_markdown_front_matter_dated_by_updated(tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    path.write_text("---\ntitle: Market day in Gao\nupdated: 2024-02-03\n---\nBody text.\n")
    [brief] = list(read_file(path))
    assert brief.published == datetime(2024, 2, 3)


def test_a_date_range_reads_its_order_from_the_index_without_sorting(store: Store) -> None:
    """`published:[a to b]` alone is answered by the store, newest first (equal dates: last
    imported first), with the count of the whole range, and without sorting the range: naming
    the index's fixed first term in ORDER BY made SQLite sort every match (0.5 ms at 50k)."""
    ids = [
        store.add(draft(f"Report {n}", f"text {n}", published=utc(2024, 3, day)), "en").id
        for n, day in enumerate((1, 5, 5, 9, 20))
    ]
    store.add(draft("Undated", "no date"), "en")
    store.add(draft("Later", "after", published=utc(2024, 6, 1)), "en")
    start, end = "2024-03-02T00:00:00+00:00", "2024-03-31T00:00:00+00:00"
    assert store.published_between(start, end, (), 2) == ([ids[4], ids[3]], 4)
    assert store.published_between(start, end) == ([ids[4], ids[3], ids[2], ids[1]], 4)
    assert store.published_between(None, end, (), None)[0][-1] == ids[0]
    said: list[str] = []
    store.connection.set_trace_callback(said.append)  # the SQL run, its values filled in
    try:
        store.published_between(start, end, (), 2)
    finally:
        store.connection.set_trace_callback(None)
    listing = next(sql for sql in said if sql.startswith("SELECT a.id"))
    plan = store.connection.execute(f"EXPLAIN QUERY PLAN {listing}").fetchall()
    assert plan and not any("TEMP B-TREE" in str(tuple(step)) for step in plan)


def test_the_publication_span_is_two_index_lookups_not_a_scan(store: Store) -> None:
    """The first and last publication times come from the two ends of the index on
    `published` (undated articles ignored): the side panel asks for them on every call that
    meets an undated article (its url id timelines' key). Asked as one MIN and one MAX in the
    same SELECT, SQLite read the whole index instead: 4 ms a call at 50,000 articles."""
    assert store.published_span() == (None, None)
    store.add(draft("Nothing dated yet", "no date here"), "en")
    assert store.published_span() == (None, None)
    for n, when in enumerate((utc(2023, 11, 2), utc(2021, 7, 30), utc(2025, 1, 9))):
        store.add(draft(f"Dispatch {n}", f"words {n}", published=when), "en")
    store.add(draft("Another undated one", "still no date"), "en")
    assert store.published_span() == ("2021-07-30T00:00:00+00:00", "2025-01-09T00:00:00+00:00")
    said: list[str] = []
    store.connection.set_trace_callback(said.append)
    try:
        store.published_span()
    finally:
        store.connection.set_trace_callback(None)
    assert said
    for sql in said:
        plan = store.connection.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        scans = [step[3] for step in plan if "SCAN" in step[3] and "CONSTANT" not in step[3]]
        assert not scans, plan
