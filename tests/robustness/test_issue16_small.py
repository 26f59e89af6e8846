"""Issue 16 item 9, the smaller ones: the doctor's count of waiting changes, a Unix time far in
the future, and the note versions kept when two writers crossed (`note ID --history`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelreader.doctor import run_doctor
from sahelreader.ingest.dates import parse_date
from sahelreader.library import Library

from ..cli_helpers import cli


@pytest.mark.parametrize("waiting", [1_000, 2_345])
def test_the_doctor_counts_every_waiting_change(seeded: Library, waiting: int) -> None:
    # Changes to articles that are no more (the index deletes them): cheap to apply.
    with seeded.store.transaction() as conn:
        seeded.store.queue_for_index(conn, [f"gone{n:05d}" for n in range(waiting)])
    assert seeded.index_health().pending == waiting
    lines = [finding.line() for finding in run_doctor(seeded)]
    assert lines[1] == f"[repaired] search index: {waiting:,} changes were waiting; indexed"


def test_a_unix_time_in_the_year_10000_is_no_date() -> None:
    # 253402300800 s is 10000-01-01, a "no date" value some exporters write; read as
    # milliseconds it became a date in 1978.
    assert parse_date(253402300800) is None
    assert parse_date("253402300799") is None  # 9999-12-31T23:59:59
    assert parse_date(1_711_447_200_000).year == 2024  # milliseconds still read as such


def test_note_history_shows_the_versions_kept(home: Path) -> None:
    with Library.open(home) as library:
        [article_id] = library.list_ids()
        first = library.save_note(article_id, "First thought.")
        library.save_note(article_id, "Second thought.", based_on=first.revision)
        # A writer that started from the first revision saves over the second: kept.
        library.save_note(article_id, "Third thought.", based_on=first.revision)
    result = cli(home, "note", article_id, "--history")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Third thought." in lines[1]
    assert lines[0].startswith("current")
    assert "Second thought." in result.stdout
    assert result.stdout.index("Third thought.") < result.stdout.index("Second thought.")
    assert "replaced" in result.stdout


def test_note_history_without_versions(home: Path) -> None:
    with Library.open(home) as library:
        [article_id] = library.list_ids()
    result = cli(home, "note", article_id, "--history")
    assert result.returncode == 0
    assert "no note" in result.stderr and "no earlier versions" in result.stderr
    with Library.open(home) as library:
        library.save_note(article_id, "Only one.")
    result = cli(home, "note", article_id, "--history")
    assert result.stdout.startswith("current")
    assert "no earlier versions" in result.stderr
