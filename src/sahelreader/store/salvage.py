"""Getting what can still be read out of a damaged library file, into a new one.

SQLite's own `.recover` lives in its command-line shell, not in Python's module; this is the
part of it that matters here, in Python: each table is read row by row in rowid order, and a
damaged page (a read that fails) is stepped over to the next row that reads, so that one bad
page costs the rows on it, not the table. Notes and bookmarks are read first. A file whose
100-byte header is garbage ("file is not a database") is read through a copy with a rebuilt
header. The damaged file itself is never written: it is read through a copy, and kept aside.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sahelreader.paths import free_name_beside
from sahelreader.store.database import Store, is_damage
from sahelreader.store.schema import SCHEMA_VERSION
from sahelreader.text.clean import plural

__all__ = [
    "Salvage",
    "TableSalvage",
    "recover_library",
    "salvage",
    "set_aside",
    "set_aside_if_empty",
]

# The user's own words first; then what can be fetched or recomputed again.
_TABLES = (
    "notes",
    "note_versions",
    "bookmarks",
    "saved_searches",
    "feeds",
    "read_state",
    "articles",
    "pruned_entries",
    "meta",
)
_NOUNS = {
    "notes": ("note", "notes"),
    "note_versions": ("earlier note version", "earlier note versions"),
    "bookmarks": ("bookmark", "bookmarks"),
    "saved_searches": ("saved search", "saved searches"),
    "feeds": ("feed", "feeds"),
    "read_state": ("read mark", "read marks"),
    "articles": ("article", "articles"),
}
# Meta keys that describe the old file, not the library: dropped.
_META_DROPPED = ("content_stamp", "index_built", "unfinished_files")
_MAX_ROWID = 2**63 - 1
_PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)


@dataclass
class TableSalvage:
    rows: int = 0
    damaged: bool = False  # some rows could not be read


@dataclass
class Salvage:
    source: Path
    tables: dict[str, TableSalvage] = field(default_factory=dict)
    error: str = ""  # why nothing could be read (then `tables` is empty)
    header_rebuilt: bool = False
    aside: Path | None = None  # where the damaged file was kept (recover_library)

    @property
    def readable(self) -> bool:
        return bool(self.tables)

    def rows(self, table: str) -> int:
        found = self.tables.get(table)
        return 0 if found is None else found.rows

    @property
    def damaged_tables(self) -> list[str]:
        return [name for name, found in self.tables.items() if found.damaged]

    def summary(self) -> str:
        """ "recovered 3 notes, 3 bookmarks, 297 articles (some articles could not be read)"."""
        if not self.readable:
            return f"nothing could be read from it ({self.error})"
        counts = [
            plural(self.rows(name), *_NOUNS[name])
            for name in ("notes", "bookmarks", "articles", "feeds", "saved_searches")
            if name in self.tables and (self.rows(name) or name in ("notes", "bookmarks"))
        ]
        text = "recovered " + ", ".join(counts)
        lost = [_NOUNS.get(name, (name, name))[1] for name in self.damaged_tables]
        if lost:
            text += f" (some {', '.join(lost)} could not be read)"
        return text


def set_aside(database: Path) -> Path:
    """Rename a damaged database (and its WAL, which SQLite pairs with it by name) to
    `<name>.damaged-<time>`; its -shm, a cache, is removed. Returns the new path."""
    aside = free_name_beside(database, "damaged")
    database.rename(aside)
    wal = database.with_name(database.name + "-wal")
    if wal.exists():
        wal.rename(aside.with_name(aside.name + "-wal"))
    database.with_name(database.name + "-shm").unlink(missing_ok=True)
    return aside


def set_aside_if_empty(database: Path) -> Path | None:
    """A library file of 0 bytes is a library lost (truncated), not a new one: SQLite would
    take it for an empty database, and delete the WAL beside it. Kept aside; None if the
    file is not empty (or not there)."""
    try:
        if not database.is_file() or database.stat().st_size:
            return None
    except OSError:
        return None
    return set_aside(database)


def salvage(source: Path, target: Path, work: Path) -> Salvage:
    """Read what can be read of the library file `source` into a new library at `target`;
    `work` is a folder for the copy that is read (removed afterwards)."""
    report = Salvage(source)
    work.mkdir(parents=True, exist_ok=True)
    try:
        copy = work / "library.db"
        _copy(source, copy)
        old = _open_readable(copy, report)
        if old is None:
            return report
        try:
            _copy_tables(old, target, report)
        finally:
            old.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def recover_library(database: Path) -> Salvage:
    """Recover a damaged library in place: what can be read goes into a new file, the damaged
    one is kept aside (`Salvage.aside`), and the new one takes its name. With nothing readable
    a new, empty library takes its place (the damaged file is kept all the same)."""
    pid = os.getpid()
    target = database.with_name(f"{database.name}.recovered.{pid}.part")
    work = database.with_name(f"{database.name}.salvage.{pid}.part")
    target.unlink(missing_ok=True)
    try:
        report = salvage(database, target, work)
        report.aside = set_aside(database)
        if report.readable:
            target.replace(database)
        else:
            fresh = Store(database)
            try:
                fresh.set_meta("seeded", "1")  # a lost library, not a first run
            finally:
                fresh.close()
    finally:
        target.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return report


# -- reading the damaged copy --------------------------------------------------------------------


def _copy(source: Path, copy: Path) -> None:
    """A copy to read: SQLite's backup when the file opens (a consistent snapshot, its WAL
    included, even while another process writes; damaged pages are copied as they are), else
    the file and its WAL byte for byte."""
    try:
        origin = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            destination = sqlite3.connect(copy)
            try:
                origin.backup(destination)
            finally:
                destination.close()
        finally:
            origin.close()
        return
    except sqlite3.DatabaseError:
        copy.unlink(missing_ok=True)
    shutil.copyfile(source, copy)
    wal = source.with_name(source.name + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))


def _open_readable(copy: Path, report: Salvage) -> sqlite3.Connection | None:
    conn = _try_open(copy)
    if isinstance(conn, sqlite3.Connection):
        return conn
    error = conn
    if "not a database" in error:
        rebuilt = _with_rebuilt_header(copy)
        if rebuilt is not None:
            report.header_rebuilt = True
            return rebuilt
    report.error = error
    return None


def _try_open(path: Path) -> sqlite3.Connection | str:
    """A connection whose schema reads (the connection), or why not (the error)."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.DatabaseError as error:
        return str(error)
    for tolerant in (False, True):
        try:
            if tolerant:  # a damaged entry in the schema: read the rest anyway
                conn.execute("PRAGMA writable_schema=ON")
            conn.execute("PRAGMA cell_size_check=ON")
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
        except sqlite3.DatabaseError as error:
            failure = str(error)
            continue
        if not names:
            failure = "no tables in it"
            break
        return conn
    conn.close()
    return failure


def _with_rebuilt_header(copy: Path) -> sqlite3.Connection | None:
    """Write a plausible SQLite header over the copy's and see if its schema reads, for each
    likely page size; the connection if one does."""
    data = copy.read_bytes()
    if len(data) < 512:
        return None
    wal = copy.with_name(copy.name + "-wal")
    version = 2 if wal.exists() and wal.stat().st_size else 1
    stated = struct.unpack(">H", data[16:18])[0]
    stated = 65536 if stated == 1 else stated
    sizes = ([stated] if stated in _PAGE_SIZES else []) + list(_PAGE_SIZES)
    for size in dict.fromkeys(sizes):
        if len(data) % size:
            continue
        header = bytearray(100)
        header[0:16] = b"SQLite format 3\x00"
        header[16:18] = struct.pack(">H", 1 if size == 65536 else size)
        header[18], header[19] = version, version
        header[21], header[22], header[23] = 64, 32, 32
        header[24:28] = struct.pack(">I", 1)  # change counter, unlike offset 92: size from file
        header[40:44] = struct.pack(">I", 1)  # schema cookie
        header[44:48] = struct.pack(">I", 4)  # schema format
        header[56:60] = struct.pack(">I", 1)  # UTF-8
        header[60:64] = struct.pack(">I", SCHEMA_VERSION)
        header[96:100] = struct.pack(">I", 3_040_000)
        with copy.open("r+b") as file:
            file.write(bytes(header))
        conn = _try_open(copy)
        if isinstance(conn, sqlite3.Connection):
            return conn
    return None


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _rows(
    conn: sqlite3.Connection, table: str, columns: list[str], found: TableSalvage
) -> Iterator[tuple[object, ...]]:
    """Every row that reads, in rowid order; a failing read is stepped over (found.damaged)."""
    listed = ", ".join(f'"{c}"' for c in columns)
    select = f'SELECT rowid, {listed} FROM "{table}" WHERE rowid > ? ORDER BY rowid'
    after = -_MAX_ROWID - 1
    while True:
        try:
            for row in conn.execute(select, (after,)):
                after = int(row[0])
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError as error:
            if not is_damage(error) and not isinstance(error, sqlite3.OperationalError):
                raise
            found.damaged = True
            resume = _past_damage(conn, select, after)
            if resume is None:
                return
            after = resume


def _past_damage(conn: sqlite3.Connection, select: str, after: int) -> int | None:
    """The smallest rowid past `after` from which reading works again (the rows between are on
    the damaged pages); None if nothing past it reads."""

    def reads(start: int) -> bool:
        try:
            conn.execute(select + " LIMIT 1", (start,)).fetchall()
        except sqlite3.DatabaseError:
            return False
        return True

    low, step = after, 1
    while True:
        high = min(after + step, _MAX_ROWID)
        if reads(high):
            break
        if high == _MAX_ROWID:
            return None
        low, step = high, step * 2
    while high - low > 1:  # reads(high), not reads(low): the edge of the damage in between
        middle = (low + high) // 2
        if reads(middle):
            high = middle
        else:
            low = middle
    return high


# -- writing the new library ----------------------------------------------------------------------


def _copy_tables(old: sqlite3.Connection, target: Path, report: Salvage) -> None:
    Store(target).close()  # the current schema, empty
    new = sqlite3.connect(target, isolation_level=None)
    try:
        new.execute("PRAGMA foreign_keys=OFF")
        new.execute("BEGIN")
        try:
            present = {str(r[0]) for r in old.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError:
            present = set(_TABLES)
        for table in _TABLES:
            if table not in present:
                continue
            report.tables[table] = _copy_table(old, new, table)
        _settle(new, old)
        new.execute("COMMIT")
    finally:
        new.close()


def _copy_table(old: sqlite3.Connection, new: sqlite3.Connection, table: str) -> TableSalvage:
    found = TableSalvage()
    try:
        wanted = set(_columns(new, table))
        columns = [c for c in _columns(old, table) if c in wanted]
    except sqlite3.DatabaseError:
        found.damaged = True
        return found
    if not columns:
        found.damaged = True
        return found
    listed = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({listed}) VALUES ({", ".join("?" * len(columns))})'
    for row in _rows(old, table, columns, found):
        if table == "meta" and row[columns.index("key")] in _META_DROPPED:
            continue
        try:
            if new.execute(insert, row).rowcount:
                found.rows += 1
        except sqlite3.DatabaseError:  # a row garbled into something the schema refuses
            found.damaged = True
    return found


def _settle(new: sqlite3.Connection, old: sqlite3.Connection) -> None:
    """What the new library needs beyond the rows: no reference to a feed that was lost, a
    change stamp unlike any the index recorded (so it is rebuilt), no first-run seeding."""
    new.execute(
        "UPDATE articles SET feed_id = NULL WHERE feed_id IS NOT NULL"
        " AND feed_id NOT IN (SELECT id FROM feeds)"
    )
    try:
        row = old.execute("SELECT value FROM meta WHERE key = 'content_stamp'").fetchone()
        before = int(row[0]) if row else 0
    except (sqlite3.DatabaseError, ValueError, TypeError):
        before = 0
    stamp = max(before, int(time.time())) + 1
    for key, value in (("content_stamp", str(stamp)), ("seeded", "1")):
        new.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
