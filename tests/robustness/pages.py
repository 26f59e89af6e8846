"""Where a table's rows live in a SQLite file, for tests that damage it on purpose."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


def leaf_pages(database: Path, table: str = "articles") -> tuple[list[int], int]:
    """The numbers of `table`'s leaf pages, in order, and the page size; the test is skipped on
    a SQLite built without the dbstat table that tells them."""
    conn = sqlite3.connect(database)
    try:
        try:
            pages = [
                int(row[0])
                for row in conn.execute(
                    "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'"
                    " ORDER BY pageno",
                    (table,),
                )
            ]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to find pages with")
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    return pages, size
