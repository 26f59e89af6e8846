"""A full disk: a change fails with one clear line, nothing is half-written, reads go on."""

from __future__ import annotations

from pathlib import Path

from sahelreader.library import Library
from tests.cli_helpers import cli
from tests.conftest import draft


def _fill_the_disk(library: Library) -> None:
    # SQLite's own cap on the file's pages: past it every write fails with SQLITE_FULL,
    # "database or disk is full", as on a full disk.
    conn = library.store.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_is_one_clear_error_and_nothing_is_lost(home: Path) -> None:
    with Library.open(home, seed=False) as library:
        report = library.add_drafts([draft("Salt caravans", "Caravans left Bilma.")])
        [article_id] = report.added
        library.save_note(article_id, "first note")
        library.ensure_index()
        _fill_the_disk(library)
        big = [draft(f"Report {n}", "Millet prices in Maradi. " * 400) for n in range(200)]
        try:
            library.add_drafts(big)
        except Exception as error:  # noqa: BLE001 - the kind is what is checked
            from sahelreader.library import StoreError

            assert isinstance(error, StoreError), repr(error)
            assert "disk is full" in str(error) or "full" in str(error)
        else:
            raise AssertionError("the import should have failed")
        assert library.count() == 1
        assert library.note(article_id).body == "first note"  # type: ignore[union-attr]
        assert library.store.integrity_problems() == []


def test_the_cli_says_the_disk_is_full_in_one_line(home: Path, monkeypatch) -> None:
    import sqlite3

    from sahelreader.store import database

    original = database.Store._connect

    def connect_to_a_full_disk(self: database.Store) -> sqlite3.Connection:
        conn = original(self)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        if pages:
            conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    with Library.open(home, seed=False) as library:
        [article_id] = library.add_drafts([draft("Salt caravans", "Caravans left Bilma.")]).added
    monkeypatch.setattr(database.Store, "_connect", connect_to_a_full_disk)
    result = cli(home, "note", article_id, "--text", "x " * 200_000)
    assert result.returncode == 1
    assert "unexpected error" not in result.stderr and "full" in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1
