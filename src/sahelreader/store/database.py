"""SQLite store: the source of truth for articles, feeds, read state, bookmarks and notes."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sahelreader.models import Article, ArticleDraft, ArticleRow, Entity, EntityType
from sahelreader.store.schema import MIGRATIONS, SCHEMA_VERSION
from sahelreader.text.timeutil import from_iso, now_utc, to_iso

ListFilter = Literal["all", "unread", "bookmarked", "noted"]
ListSort = Literal["date", "source", "added", "title"]
LIST_FILTERS: tuple[ListFilter, ...] = ("all", "unread", "bookmarked", "noted")

_ID_LENGTH = 8
MIN_ID_PREFIX = 3  # a shorter prefix is refused rather than matched
_TRACKING_PARAM = re.compile(r"^(utm_|fbclid$|gclid$|ocid$|at_medium$|at_campaign$)")


class StoreError(Exception):
    """The database cannot be used (corrupt, from a newer version, unwritable)."""


class ReadOnlyLibrary(StoreError):
    """A change asked of a library that cannot be written (a read-only home)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"the library is read-only ({reason}): the change was not saved")
        self.reason = reason


class DamagedLibrary(StoreError):
    """The database file is damaged: SQLite cannot read it, or part of it."""

    def __init__(self, path: Path, error: BaseException | str) -> None:
        super().__init__(
            f"the library database {path} is damaged ({error}): run `sahelreader doctor` to "
            "recover what can still be read (notes and bookmarks first), or restore a backup"
        )
        self.path = path


def is_damage(error: BaseException) -> bool:
    """SQLite saying the file is damaged ("database disk image is malformed", "file is not a
    database"), not busy, locked, read-only or misused: those have subclasses of their own."""
    return type(error) is sqlite3.DatabaseError


def read_only_reason(path: Path) -> str | None:
    """Why the database at `path` cannot be written, or None if it can (as far as the system
    says: a read-only file system counts for root too)."""
    folder = path.parent
    if not folder.exists():
        return None if os.access(_existing_parent(folder), os.W_OK) else _why_not(folder)
    if path.exists() and not os.access(path, os.W_OK):
        return _why_not(path)
    if not os.access(folder, os.W_OK):
        return _why_not(folder)
    return None


def _existing_parent(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def _why_not(path: Path) -> str:
    try:
        on_read_only_system = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs (Windows)
        on_read_only_system = False
    where = path if path.is_dir() else path.parent
    if on_read_only_system:
        return f"{where} is on a read-only file system"
    return f"no permission to write in {where}"


class UnknownArticle(KeyError):
    def __str__(self) -> str:
        return f"no article with id {self.args[0]!r}"


class IdTooShort(UnknownArticle):
    """A prefix too short to look up: it would match too many ids to be meant."""

    def __str__(self) -> str:
        return f"an id prefix needs at least {MIN_ID_PREFIX} characters: {self.args[0]!r}"


class AmbiguousId(KeyError):
    def __str__(self) -> str:
        prefix, matches = self.args
        return f"id {prefix!r} is ambiguous: it starts {', '.join(matches[:5])}"


@dataclass(frozen=True)
class NoteRecord:
    article_id: str
    body: str
    created: datetime | None
    updated: datetime | None
    revision: int


@dataclass(frozen=True)
class NoteSave:
    revision: int  # 0: the note was deleted
    conflict: bool  # another writer had saved since `based_on`; its text is in note_versions
    # the note `based_on` was deleted by another writer since: this save wrote it again (the
    # deleted text is in note_versions)
    deleted_elsewhere: bool = False


def check_backup(path: Path) -> int:
    """The schema version of a backup file; StoreError if it is not a usable library."""
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            problems = [r[0] for r in conn.execute("PRAGMA quick_check") if r[0] != "ok"]
            has_articles = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a sahelreader backup: {error}") from error
    if not has_articles or version < 1:
        raise StoreError(f"{path} is not a sahelreader backup")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer sahelreader (schema {version})")
    if problems:
        raise StoreError(f"{path} is damaged: {problems[0]}")
    return version


@dataclass(frozen=True)
class StoredOutcome:
    id: str
    added: bool  # False: an existing article (same url, or same text) was found


def url_key(url: str) -> str | None:
    """The url reduced to what identifies an article: no fragment, no tracking parameters."""
    url = url.strip()
    if not url:
        return None
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING_PARAM.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def content_hash(title: str, body: str) -> str:
    """Hash of the text with whitespace and case normalised, so a re-saved copy dedupes."""
    text = unicodedata.normalize("NFC", f"{title}\n{body}").casefold()
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def stable_id(key: str, length: int = _ID_LENGTH) -> str:
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:length]


class Store:
    """One SQLite database in WAL mode; a connection per thread (the TUI reads from workers)."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        """`read_only`: never write, as if the home could not be written. A home that cannot
        be written is detected and opened so anyway (`read_only_reason`)."""
        self.path = path
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        reason = "opened read-only" if read_only else read_only_reason(path)
        if reason is not None and not path.exists():
            raise StoreError(f"there is no library in {path.parent}, and {reason}")
        if reason is not None and path.stat().st_size == 0:
            raise StoreError(f"{path} is empty (0 bytes): the library it held was lost ({reason})")
        if reason is None and not path.exists():
            _create(path)
        # Why changes cannot be saved; None when they can. Reads work either way.
        self.read_only: str | None = reason
        self._read_only_uri: str | None = None  # how SQLite could open the file read-only
        self._migrate()

    # -- connections and transactions ------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if conn is None:
            conn = self._connect()
            self._local.connection = conn
            with self._connections_lock:
                self._connections.append(conn)
        return conn

    def _connect(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise StoreError(
                f"cannot open the library database: {self.path} is a folder, not a database "
                "(move it away, and sahelreader makes a new library there)"
            )
        if self.read_only is not None:
            return self._connect_read_only()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(
                self.path, timeout=10.0, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=10000")
        except sqlite3.DatabaseError as error:
            if is_damage(error):
                raise DamagedLibrary(self.path, error) from error
            raise StoreError(f"cannot open the library database {self.path}: {error}") from error
        return conn

    def reads_a_snapshot(self) -> bool:
        """Whether this read-only store could only open the database as `immutable=1`: it
        then never sees what another process writes after."""
        self.count()  # the connection, and so the way it was opened, is made on first use
        return self._read_only_uri is not None and self._read_only_uri.endswith("immutable=1")

    def _connect_read_only(self) -> sqlite3.Connection:
        """A connection that never writes. `mode=ro` reads the WAL that another process may be
        writing; without one (a WAL database read-only and closed, whose -shm file cannot be
        made) only `immutable=1` opens it: nothing else can write there either."""
        base = self.path.resolve().as_uri()
        uris = [self._read_only_uri] if self._read_only_uri else [f"{base}?mode=ro"]
        uris += [] if self._read_only_uri else [f"{base}?immutable=1"]
        failure: sqlite3.DatabaseError | None = None
        for uri in uris:
            try:
                conn = sqlite3.connect(
                    uri, uri=True, timeout=10.0, isolation_level=None, check_same_thread=False
                )
                conn.row_factory = sqlite3.Row
                conn.execute("PRAGMA busy_timeout=10000")
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as error:
                if is_damage(error):
                    raise DamagedLibrary(self.path, error) from error
                failure = error
                continue
            self._read_only_uri = uri
            return conn
        raise StoreError(f"cannot open the library database {self.path}: {failure}")

    def vacuum(self) -> tuple[int, int]:
        """Compact the database file: (bytes before, bytes after), the WAL file included."""
        self.require_writable()
        before = self._size_on_disk()
        conn = self.connection
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return before, self._size_on_disk()

    def _size_on_disk(self) -> int:
        total = 0
        for suffix in ("", "-wal"):
            path = self.path.with_name(self.path.name + suffix)
            if path.exists():
                total += path.stat().st_size
        return total

    def release_thread_connection(self) -> None:
        """Close this thread's connection: a pool thread about to end must not leave one open."""
        conn: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if conn is None:
            return
        self._local.connection = None
        with self._connections_lock:
            if conn in self._connections:
                self._connections.remove(conn)
        conn.close()

    def close(self) -> None:
        with self._connections_lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT: writers queue up instead of failing halfway."""
        self.require_writable()
        conn = self.connection
        if conn.in_transaction:  # nested: the outer transaction commits
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as error:
            # SQLite has already rolled back after some errors (a full disk): a second
            # ROLLBACK would hide the real one behind "no transaction is active".
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.OperationalError) and _storage_failed(error):
                raise StoreError(
                    f"the change was not saved: {error} ({self.path.parent}); "
                    "free some space and try again"
                ) from error
            raise

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Reads that see the database at one moment (a deferred BEGIN … COMMIT on this
        thread's connection): what another connection commits meanwhile is not among them.
        For reads only; inside a transaction already, they are part of it."""
        conn = self.connection
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def require_writable(self) -> None:
        """ReadOnlyLibrary unless changes can be saved."""
        if self.read_only is not None:
            raise ReadOnlyLibrary(self.read_only)

    def _migrate(self) -> None:
        conn = self.connection
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version:  # a damaged schema fails here rather than in the first command
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            if is_damage(error):
                raise DamagedLibrary(self.path, error) from error
            raise StoreError(
                f"{self.path} is not a usable sahelreader database: {error}"
            ) from error
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer sahelreader (schema {version}, "
                f"this one knows {SCHEMA_VERSION}); upgrade sahelreader"
            )
        if version < SCHEMA_VERSION and self.read_only is not None:
            raise StoreError(
                f"{self.path} needs upgrading to this sahelreader's schema, and the library is "
                f"read-only ({self.read_only})"
            )
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _split_sql(MIGRATIONS[number]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")

    def orphaned_user_data(self) -> int:
        """Notes and bookmarks whose article is gone (kept on purpose: it may be re-imported)."""
        return int(
            self.connection.execute(
                "SELECT (SELECT COUNT(*) FROM notes WHERE article_id NOT IN"
                " (SELECT id FROM articles)) + (SELECT COUNT(*) FROM bookmarks"
                " WHERE article_id NOT IN (SELECT id FROM articles))"
            ).fetchone()[0]
        )

    def integrity_problems(self) -> list[str]:
        rows = self.connection.execute("PRAGMA quick_check").fetchall()
        return [row[0] for row in rows if row[0] != "ok"]

    # -- meta --------------------------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            write_meta(conn, key, value)

    def content_stamp(self) -> int:
        """Bumped by every change that the index must reflect; the index records the one it saw."""
        return int(self.get_meta("content_stamp", "0") or 0)

    def bump_stamp(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('content_stamp', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    # -- articles ----------------------------------------------------------------------------

    def add(self, draft: ArticleDraft, language: str) -> StoredOutcome:
        return self.add_many([(draft, language)])[0]

    def add_many(self, drafts: Sequence[tuple[ArticleDraft, str]]) -> list[StoredOutcome]:
        """Store drafts in one transaction; an article seen before (same url or text) is kept."""
        outcomes: list[StoredOutcome] = []
        added_at = to_iso(now_utc())
        with self.transaction() as conn:
            for draft, language in drafts:
                key = url_key(draft.url)
                digest = content_hash(draft.title, draft.body)
                existing = self.find_duplicate(conn, key, digest)
                if existing is not None:
                    outcomes.append(StoredOutcome(existing, added=False))
                    continue
                article_id = self.insert_article(
                    conn, draft, language, added_at, id_key=key or digest
                )
                self.queue_for_index(conn, [article_id])
                outcomes.append(StoredOutcome(article_id, added=True))
            if any(outcome.added for outcome in outcomes):
                self.bump_stamp(conn)
        return outcomes

    def insert_article(
        self,
        conn: sqlite3.Connection,
        draft: ArticleDraft,
        language: str,
        added_at: str | None,
        *,
        id_key: str,
        feed_id: int | None = None,
    ) -> str:
        """Insert one article (inside the caller's transaction); its id is made from `id_key`.
        The caller queues it for the index."""
        article_id = self.free_id(conn, id_key)
        conn.execute(
            "INSERT INTO articles(id, title, body, source, source_raw, author, url, url_key,"
            " published, added, language, content_hash, origin, feed_id, guid)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article_id,
                draft.title,
                draft.body,
                draft.source,
                draft.source if draft.source_raw is None else draft.source_raw,
                draft.author,
                draft.url,
                url_key(draft.url),
                to_iso(draft.published),
                added_at,
                language,
                content_hash(draft.title, draft.body),
                draft.origin,
                feed_id,
                draft.guid,
            ),
        )
        return article_id

    @staticmethod
    def find_duplicate(conn: sqlite3.Connection, key: str | None, digest: str) -> str | None:
        if key is not None:
            row = conn.execute("SELECT id FROM articles WHERE url_key = ?", (key,)).fetchone()
            if row:
                return str(row[0])
        row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        return None if row is None else str(row[0])

    @staticmethod
    def free_id(conn: sqlite3.Connection, key: str) -> str:
        # The same key always gives the same id; a clash with another article lengthens it.
        for length in range(_ID_LENGTH, 33, 2):
            candidate = stable_id(key, length)
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone() is None:
                return candidate
        raise StoreError(f"cannot allocate an id for {key!r}")

    def resolve_id(self, given: str) -> str:
        """An exact id, or a unique prefix of one (ids are short but prefixes are handier)."""
        given = given.strip().lower()
        conn = self.connection
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (given,)).fetchone():
            return given
        if len(given) < MIN_ID_PREFIX:
            raise IdTooShort(given)
        rows = conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 6",
            (given, given + "\uffff"),
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        if rows:
            raise AmbiguousId(given, [str(r[0]) for r in rows])
        raise UnknownArticle(given)

    _ARTICLE_SELECT = (
        "SELECT a.*, r.read_at, b.created AS bookmarked_at, n.body AS note,"
        " n.updated AS note_updated FROM articles a"
        " LEFT JOIN read_state r ON r.article_id = a.id"
        " LEFT JOIN bookmarks b ON b.article_id = a.id"
        " LEFT JOIN notes n ON n.article_id = a.id"
    )

    def get(self, article_id: str) -> Article:
        row = self.connection.execute(
            f"{self._ARTICLE_SELECT} WHERE a.id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise UnknownArticle(article_id)
        return _article(row)

    def get_many(self, article_ids: Sequence[str]) -> dict[str, Article]:
        """The articles of `article_ids` that exist, by id, in one query per 500 (a page of
        search hits read one by one cost a query each: most of a date search's time)."""
        found: dict[str, Article] = {}
        for start in range(0, len(article_ids), 500):
            chunk = list(article_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.connection.execute(
                f"{self._ARTICLE_SELECT} WHERE a.id IN ({marks})", chunk
            ):
                found[row["id"]] = _article(row)
        return found

    def count(self) -> int:
        return int(self.connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def dated_numbered_urls(self) -> list[tuple[str, str, datetime]]:
        """(url, outlet, publication time) of the dated articles whose url holds a number of
        five digits or more: what dates an undated article by its url's id (`url_ids`)."""
        rows = self.connection.execute(
            "SELECT url, source, published FROM articles WHERE published IS NOT NULL"
            " AND url GLOB '*[0-9][0-9][0-9][0-9][0-9]*'"
        ).fetchall()
        found = []
        for url, source, published in rows:
            when = from_iso(published)
            if when is not None:
                found.append((url, source or "", when))
        return found

    def published_span(self) -> tuple[str | None, str | None]:
        """The first and last publication times in the library (ISO, UTC), from the index on
        `published`; (None, None) when no article is dated. Two subqueries: a MIN and a MAX
        in one SELECT make SQLite scan the whole index (4 ms at 50,000 articles) instead of
        reading its two ends."""
        row = self.connection.execute(
            "SELECT (SELECT MIN(published) FROM articles), (SELECT MAX(published) FROM articles)"
        ).fetchone()
        return row[0], row[1]

    def published_days(self, start: str, end: str) -> list[str]:
        """The days ("2025-05-28", ascending) with an article published in [start, end)."""
        rows = self.connection.execute(
            "SELECT DISTINCT substr(published, 1, 10) AS day FROM articles"
            " WHERE published >= ? AND published < ? ORDER BY day",
            (start, end),
        ).fetchall()
        return [row[0] for row in rows]

    def published_between(
        self,
        start: str | None,
        end: str | None,
        languages: Sequence[str] = (),
        limit: int | None = None,
    ) -> tuple[list[str], int]:
        """(ids published in [start, end] newest first, at most `limit`; how many there are).

        Bounds are ISO texts in UTC as stored (None: open); with neither bound, undated articles
        count too (last). `languages`: each must be the article's ("unknown" for none). Both run
        on the indexes on `published` (the range) and `articles_by_published` (the order).
        """
        where: list[str] = []
        params: list[str] = []
        if start is not None or end is not None:
            # Said in the ordering index's own terms, so the range is read from that index
            # (covering) rather than from `articles_published` and sorted: 40 ms -> 1 ms at 50k.
            where.append("(a.published IS NULL) = 0")
        if start is not None:
            where.append("a.published >= ?")
            params.append(start)
        if end is not None:
            where.append("a.published <= ?")
            params.append(end)
        for language in languages:
            where.append("COALESCE(NULLIF(a.language, ''), 'unknown') = ?")
            params.append(language)
        clause = " AND ".join(where) or "1"
        # With a bound every article is dated: the ordering index's first term is fixed, and
        # naming it in ORDER BY made SQLite sort the whole range (0.5 ms → 0.01 ms at 50k).
        dated = start is not None or end is not None
        order = ("" if dated else "a.published IS NULL, ") + "a.published DESC, a.seq DESC"
        sql = f"SELECT a.id FROM articles a WHERE {clause} ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        ids = [str(r[0]) for r in self.connection.execute(sql, params)]
        if limit is None or len(ids) < limit:
            return ids, len(ids)
        count = self.connection.execute(f"SELECT COUNT(*) FROM articles a WHERE {clause}", params)
        return ids, int(count.fetchone()[0])

    def all_ids(self) -> list[str]:
        return [str(r[0]) for r in self.connection.execute("SELECT id FROM articles ORDER BY seq")]

    def user_data_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of `ids` that carry a note or a bookmark."""
        wanted = list(ids)
        found: set[str] = set()
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            for table in ("notes", "bookmarks"):
                rows = self.connection.execute(
                    f"SELECT article_id FROM {table} WHERE article_id IN ({marks})", chunk
                )
                found.update(str(r[0]) for r in rows)
        return found

    def remove(self, ids: Sequence[str], *, with_user_data: bool) -> None:
        with self.transaction() as conn:
            for chunk in _chunks(list(ids), 500):
                marks = ",".join("?" * len(chunk))
                conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)
                conn.execute(f"DELETE FROM read_state WHERE article_id IN ({marks})", chunk)
                conn.execute(f"DELETE FROM article_entities WHERE article_id IN ({marks})", chunk)
                if with_user_data:
                    conn.execute(f"DELETE FROM notes WHERE article_id IN ({marks})", chunk)
                    conn.execute(f"DELETE FROM bookmarks WHERE article_id IN ({marks})", chunk)
            # Out of its story too: the story is listed from the articles left.
            from sahelreader.store.stories import forget_members

            forget_members(conn, list(ids))
            self.queue_for_index(conn, ids)
            self.bump_stamp(conn)

    # -- entities (a cache: derivable from the body at any time) --------------------------------

    def cached_entities(self, article_id: str, version: str) -> list[Entity] | None:
        row = self.connection.execute(
            "SELECT e.spans, a.body FROM article_entities e JOIN articles a ON a.id = e.article_id"
            " WHERE e.article_id = ? AND e.version = ?",
            (article_id, version),
        ).fetchone()
        return None if row is None else decode_entities(row["spans"], row["body"])

    def save_entities(self, found: Sequence[tuple[str, list[Entity]]], version: str) -> None:
        if self.read_only is not None:
            return  # a cache: recognised again next time
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO article_entities(article_id, version, spans)"
                " VALUES (?, ?, ?)",
                [(article_id, version, encode_entities(spans)) for article_id, spans in found],
            )

    def ids_without_entities(self, version: str) -> list[str]:
        rows = self.connection.execute(
            "SELECT a.id FROM articles a LEFT JOIN article_entities e ON e.article_id = a.id"
            " WHERE e.version IS NULL OR e.version != ? ORDER BY a.seq",
            (version,),
        )
        return [str(r[0]) for r in rows]

    def bodies(self, ids: Sequence[str]) -> list[tuple[str, str, str]]:
        """(id, body, language) for `ids`."""
        found: list[tuple[str, str, str]] = []
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            found.extend(
                (str(r[0]), str(r[1]), str(r[2]))
                for r in self.connection.execute(
                    f"SELECT id, body, language FROM articles WHERE id IN ({marks})", chunk
                )
            )
        return found

    def articles_without_language(self) -> list[tuple[str, str, str]]:
        """(id, title, body) of the articles stored with no language."""
        rows = self.connection.execute(
            "SELECT id, title, body FROM articles WHERE language = '' ORDER BY seq"
        )
        return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    def set_languages(self, languages: Sequence[tuple[str, str]]) -> None:
        """Give articles a language (id, language) in one transaction. What was derived under
        the old one goes: the cached entities (recognised again under the new language) and
        the index document (queued: its words are analysed by language)."""
        if not languages:
            return
        ids = [article_id for article_id, _ in languages]
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE articles SET language = ? WHERE id = ?",
                [(language, article_id) for article_id, language in languages],
            )
            conn.executemany(
                "DELETE FROM article_entities WHERE article_id = ?", [(i,) for i in ids]
            )
            self.queue_for_index(conn, ids)
            self.bump_stamp(conn)

    # -- outlets ---------------------------------------------------------------------------------

    def source_rows(self) -> list[tuple[str, str, str, str]]:
        """(id, source, source as the file gave it, url) of every article."""
        rows = self.connection.execute("SELECT id, source, source_raw, url FROM articles")
        return [(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]

    def update_sources(self, changes: Sequence[tuple[str, str]], reindex: Iterable[str]) -> None:
        """Give articles their new source names (id, source) and queue those and `reindex` for
        the index, in one transaction."""
        queued = [article_id for article_id, _ in changes] + list(reindex)
        if not queued:
            return
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE articles SET source = ? WHERE id = ?",
                [(source, article_id) for article_id, source in changes],
            )
            self.queue_for_index(conn, queued)
            self.bump_stamp(conn)

    def queue_all(self) -> None:
        """Queue every article for the index (what its documents hold has changed)."""
        with self.transaction() as conn:
            self.queue_for_index(conn, [str(r[0]) for r in conn.execute("SELECT id FROM articles")])
            self.bump_stamp(conn)

    # -- the article list ---------------------------------------------------------------------

    def list_ids(
        self,
        filter_by: ListFilter = "all",
        sort: ListSort = "date",
        source: str | None = None,
        within: Sequence[str] | None = None,
    ) -> list[str]:
        """Ids in display order; the list widget fetches rows for the visible ones only."""
        where, params = self._filter_sql(filter_by, source)
        order = {
            # Undated articles last, in the order they were added (newest first).
            "date": "a.published IS NULL, a.published DESC, a.seq DESC",
            "added": "a.seq DESC",
            "source": "a.source COLLATE NOCASE, a.published IS NULL, a.published DESC, a.seq DESC",
            "title": "a.title COLLATE NOCASE",
        }[sort]
        sql = f"SELECT a.id FROM articles a WHERE {where} ORDER BY {order}"
        if within is not None:
            keep = set(within)
            return [str(r[0]) for r in self.connection.execute(sql, params) if r[0] in keep]
        return [str(r[0]) for r in self.connection.execute(sql, params)]

    @staticmethod
    def _filter_sql(filter_by: ListFilter, source: str | None) -> tuple[str, list[str]]:
        clauses = {
            "all": "1",
            "unread": "NOT EXISTS (SELECT 1 FROM read_state r WHERE r.article_id = a.id)",
            "bookmarked": "EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = a.id)",
            "noted": "EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)",
        }
        where = [clauses[filter_by]]
        params: list[str] = []
        if source:
            where.append("a.source = ? COLLATE NOCASE")
            params.append(source)
        return " AND ".join(where), params

    def present(self, ids: Sequence[str]) -> list[str]:
        """Those of `ids` still in the library, in the order given."""
        return self._ids_where(ids, "1")

    def _ids_where(self, ids: Sequence[str], condition: str) -> list[str]:
        """Those of `ids` whose article `a` meets the SQL `condition`, in the order given."""
        found: set[str] = set()
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            found.update(
                str(row[0])
                for row in self.connection.execute(
                    f"SELECT a.id FROM articles a WHERE a.id IN ({marks}) AND {condition}", chunk
                )
            )
        return [i for i in ids if i in found]

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]:
        """List rows for `ids`, in the order given (ids that no longer exist are left out)."""
        found: dict[str, ArticleRow] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.connection.execute(
                "SELECT a.id, a.title, a.source, a.published,"
                " EXISTS (SELECT 1 FROM read_state r WHERE r.article_id = a.id) AS read,"
                " EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = a.id) AS bookmarked,"
                " EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id) AS noted"
                f" FROM articles a WHERE a.id IN ({marks})",
                chunk,
            ):
                found[row["id"]] = ArticleRow(
                    id=row["id"],
                    title=row["title"],
                    source=row["source"],
                    published=from_iso(row["published"]),
                    read=bool(row["read"]),
                    bookmarked=bool(row["bookmarked"]),
                    noted=bool(row["noted"]),
                )
        return [found[i] for i in ids if i in found]

    def unread_count(self) -> int:
        return int(
            self.connection.execute(
                "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS"
                " (SELECT 1 FROM read_state r WHERE r.article_id = a.id)"
            ).fetchone()[0]
        )

    def unread_among(self, ids: Sequence[str]) -> int:
        unread = 0
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            unread += int(
                self.connection.execute(
                    f"SELECT COUNT(*) FROM articles a WHERE a.id IN ({marks}) AND NOT EXISTS"
                    " (SELECT 1 FROM read_state r WHERE r.article_id = a.id)",
                    chunk,
                ).fetchone()[0]
            )
        return unread

    def unread_ids(self, ids: Sequence[str]) -> list[str]:
        """Those of `ids` not read yet, in the order given."""
        return self._ids_where(
            ids, "NOT EXISTS (SELECT 1 FROM read_state r WHERE r.article_id = a.id)"
        )

    def sources(self) -> list[tuple[str, int]]:
        rows = self.connection.execute(
            "SELECT source, COUNT(*) FROM articles GROUP BY source COLLATE NOCASE"
            " ORDER BY COUNT(*) DESC"
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    # -- read state ---------------------------------------------------------------------------

    def set_read(self, ids: Sequence[str], read: bool) -> None:
        stamp = to_iso(now_utc())
        with self.transaction() as conn:
            for chunk in _chunks(list(ids), 500):
                if read:
                    conn.executemany(
                        "INSERT OR IGNORE INTO read_state(article_id, read_at) VALUES (?, ?)",
                        [(i, stamp) for i in chunk],
                    )
                else:
                    marks = ",".join("?" * len(chunk))
                    conn.execute(f"DELETE FROM read_state WHERE article_id IN ({marks})", chunk)

    def mark_opened(self, article_id: str, *, read: bool) -> None:
        """Record an opened article (read, and where to reopen) in one transaction."""
        with self.transaction() as conn:
            if read:
                conn.execute(
                    "INSERT OR IGNORE INTO read_state(article_id, read_at) VALUES (?, ?)",
                    (article_id, to_iso(now_utc())),
                )
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('last_opened', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (article_id,),
            )

    # -- bookmarks -------------------------------------------------------------------------------

    def set_bookmark(self, article_id: str, on: bool) -> bool:
        """Bookmark or unbookmark; True if anything changed."""
        with self.transaction() as conn:
            if on:
                # Full precision: the bookmarks view is ordered by this, and seconds tie.
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO bookmarks(article_id, created) VALUES (?, ?)",
                    (article_id, datetime.now(timezone.utc).isoformat()),
                )
            else:
                cursor = conn.execute("DELETE FROM bookmarks WHERE article_id = ?", (article_id,))
            return cursor.rowcount > 0

    def bookmarks(self) -> list[tuple[str, str, datetime | None]]:
        """(id, title, bookmarked at), newest first; bookmarks of removed articles are left out."""
        rows = self.connection.execute(
            "SELECT b.article_id, a.title, b.created FROM bookmarks b"
            " JOIN articles a ON a.id = b.article_id ORDER BY b.created DESC, a.seq DESC"
        )
        return [(str(r[0]), str(r[1]), from_iso(r[2])) for r in rows]

    # -- notes -------------------------------------------------------------------------------------

    def note(self, article_id: str) -> NoteRecord | None:
        row = self.connection.execute(
            "SELECT article_id, body, created, updated, revision FROM notes WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        return None if row is None else _note_record(row)

    def save_note(
        self, article_id: str, body: str, based_on: int | None, *, draft: bool = False
    ) -> NoteSave:
        """Save a note in one transaction; `based_on` is the revision the writer started from.

        Every text this save replaces or deletes is kept in note_versions (`note ID
        --history`): a replace is no more final than a delete. Except a `draft`: the reader's
        later autosaves while one note is being written replace that sitting's own earlier
        save, whose text is not kept (the text from before the sitting is, by its first save),
        unless another writer saved in between or the note is emptied. If another writer saved in
        between (a second sahelreader), this save still wins, and the result says so
        (``conflict``). An empty body deletes the note. A writer that started from a revision
        of a note another writer has since deleted writes it again, and the result says that
        (``deleted_elsewhere``) so the deletion is not undone unnoticed.
        """
        now = to_iso(now_utc())
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT body, revision, updated FROM notes WHERE article_id = ?", (article_id,)
            ).fetchone()
            current = None if row is None else int(row["revision"])
            conflict = row is not None and current != based_on and row["body"] != body
            deleted_elsewhere = row is None and bool(based_on) and bool(body.strip())
            own_draft = draft and not conflict and bool(body.strip())
            if row is not None and row["body"] != body and not own_draft:
                conn.execute(
                    "INSERT INTO note_versions(article_id, body, saved, replaced, revision)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (article_id, row["body"], row["updated"], now, current),
                )
            if not body.strip():
                conn.execute("DELETE FROM notes WHERE article_id = ?", (article_id,))
                revision = 0
            elif row is None:
                # A note written again after a deletion continues the old one's revisions.
                revision = 1 + int(
                    conn.execute(
                        "SELECT COALESCE(MAX(revision), 0) FROM note_versions WHERE article_id = ?",
                        (article_id,),
                    ).fetchone()[0]
                )
                conn.execute(
                    "INSERT INTO notes(article_id, body, created, updated, revision)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (article_id, body, now, now, revision),
                )
            else:
                revision = (current or 0) + 1
                conn.execute(
                    "UPDATE notes SET body = ?, updated = ?, revision = ? WHERE article_id = ?",
                    (body, now, revision, article_id),
                )
            self.queue_for_index(conn, [article_id])
            self.bump_stamp(conn)
        return NoteSave(revision=revision, conflict=conflict, deleted_elsewhere=deleted_elsewhere)

    def notes(self) -> list[tuple[NoteRecord, str]]:
        """Every note with its article's title, most recently updated first."""
        rows = self.connection.execute(
            "SELECT n.article_id, n.body, n.created, n.updated, n.revision,"
            " COALESCE(a.title, '') AS title FROM notes n"
            " LEFT JOIN articles a ON a.id = n.article_id ORDER BY n.updated DESC"
        )
        return [(_note_record(row), str(row["title"])) for row in rows]

    def note_versions(self, article_id: str) -> list[tuple[str, datetime | None]]:
        rows = self.connection.execute(
            "SELECT body, replaced FROM note_versions WHERE article_id = ? ORDER BY rowid DESC",
            (article_id,),
        )
        return [(str(r[0]), from_iso(r[1])) for r in rows]

    # -- backup ------------------------------------------------------------------------------------

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the whole database (SQLite's online backup: safe while in use).

        It is written to `<target>.<pid>.part` first, recorded in the library while it is
        written: if the process dies, the next start removes it (`remove_unfinished`)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = part_file(target)
        temporary.unlink(missing_ok=True)
        self._unfinished(temporary, add=True)
        try:
            destination = sqlite3.connect(temporary)
            try:
                self.connection.backup(destination)
            finally:
                destination.close()
            temporary.replace(target)
        finally:
            temporary.unlink(missing_ok=True)
            self._unfinished(temporary, add=False)

    def _unfinished(self, path: Path, *, add: bool) -> None:
        """Record (or forget) a file being written, for `remove_unfinished` to find."""
        if self.read_only is not None:
            return
        with self.transaction() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (_UNFINISHED,)).fetchone()
            paths = _json_list(None if row is None else row[0])
            name = str(path.resolve())
            paths = [p for p in paths if p != name] + ([name] if add else [])
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (_UNFINISHED, json.dumps(paths)),
            )

    def remove_unfinished(self) -> list[Path]:
        """Remove the `.part` files that a backup, restore or recovery killed mid-copy left:
        those recorded here and those of this library's own names beside it, once the process
        that wrote each is gone. Returns the files removed."""
        if self.read_only is not None:
            return []
        recorded = [Path(p) for p in _json_list(self.get_meta(_UNFINISHED))]
        home = self.path.parent
        beside = list(home.glob(f"{self.path.stem}*.part"))  # a recovery's work folder too
        removed: list[Path] = []
        forget: list[Path] = []
        for path in dict.fromkeys([*recorded, *beside]):
            if not is_part_file(path) or writer_alive(path):
                continue
            try:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path)
            except FileNotFoundError:
                pass
            except OSError:
                continue
            forget.append(path)
        for path in forget:
            if path in recorded:
                self._unfinished(path, add=False)
        return removed

    def restore_from(self, source: Path) -> None:
        """Replace this database's content with a backup's (checked first), in place."""
        self.require_writable()
        check_backup(source)
        origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            origin.backup(self.connection)
        finally:
            origin.close()
        self._migrate()

    # -- saved searches -----------------------------------------------------------------------

    def save_search(self, name: str, query: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO saved_searches(name, query, created) VALUES (?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET query = excluded.query",
                (name, query, to_iso(now_utc())),
            )

    def saved_searches(self) -> list[tuple[str, str]]:
        rows = self.connection.execute("SELECT name, query FROM saved_searches ORDER BY name")
        return [(str(r[0]), str(r[1])) for r in rows]

    def rename_search(self, old: str, new: str) -> bool:
        """Rename a saved search; False if there is none by that name or the new name is taken."""
        with self.transaction() as conn:
            taken = conn.execute("SELECT 1 FROM saved_searches WHERE name = ?", (new,)).fetchone()
            if taken and new != old:
                return False
            cursor = conn.execute("UPDATE saved_searches SET name = ? WHERE name = ?", (new, old))
            return cursor.rowcount > 0

    def delete_search(self, name: str) -> bool:
        with self.transaction() as conn:
            cursor = conn.execute("DELETE FROM saved_searches WHERE name = ?", (name,))
            return cursor.rowcount > 0

    # -- the index outbox ---------------------------------------------------------------------

    @staticmethod
    def queue_for_index(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
        stamp = to_iso(now_utc())
        conn.executemany(
            "INSERT OR REPLACE INTO index_queue(article_id, queued) VALUES (?, ?)",
            [(i, stamp) for i in ids],
        )

    def pending_count(self) -> int:
        """How many changes wait for the index (exactly: the doctor says the number)."""
        return int(self.connection.execute("SELECT COUNT(*) FROM index_queue").fetchone()[0])

    def pending_index(self, limit: int | None = None) -> list[str]:
        sql = "SELECT article_id FROM index_queue ORDER BY queued"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [str(r[0]) for r in self.connection.execute(sql)]

    def clear_pending(self, ids: Sequence[str]) -> None:
        with self.transaction() as conn:
            for chunk in _chunks(list(ids), 500):
                marks = ",".join("?" * len(chunk))
                conn.execute(f"DELETE FROM index_queue WHERE article_id IN ({marks})", chunk)

    def pending_marks(self) -> list[tuple[int, str]]:
        """(rowid, article id) of every queued change, oldest first. A change queued again
        later gets a new rowid (INSERT OR REPLACE), so a mark names one queued change, not the
        article: clearing it (clear_marks) leaves a newer change to the same article queued."""
        rows = self.connection.execute("SELECT rowid, article_id FROM index_queue ORDER BY rowid")
        return [(int(row[0]), str(row[1])) for row in rows]

    def index_snapshot(self) -> tuple[int, list[tuple[int, str]]]:
        """(content stamp, pending marks) read at one moment. Every change up to that stamp is
        among the marks (or indexed already); every change after it is queued apart from them,
        so an index that applies the marks, clears them and records the stamp leaves any later
        change queued, and caught up incrementally, never taken for a stale index."""
        with self.snapshot():
            return self.content_stamp(), self.pending_marks()

    def index_state(self) -> tuple[int, int, int]:
        """(content stamp, changes queued, articles) read at one moment: the index's health."""
        with self.snapshot():
            return self.content_stamp(), self.pending_count(), self.count()

    def clear_marks(self, marks: Sequence[tuple[int, str]]) -> None:
        """Clear the changes a rebuild started after saw; those queued since stay queued."""
        with self.transaction() as conn:
            conn.executemany(
                "DELETE FROM index_queue WHERE rowid = ? AND article_id = ?", list(marks)
            )

    def documents(self, ids: Sequence[str] | None = None) -> Iterator[sqlite3.Row]:
        """Rows with everything the index needs, for `ids` or for every article."""
        select = (
            "SELECT a.id, a.title, a.body, a.source, a.url, a.author, a.published, a.language,"
            " n.body AS note, e.spans AS entity_spans, e.version AS entity_version"
            " FROM articles a LEFT JOIN notes n ON n.article_id = a.id"
            " LEFT JOIN article_entities e ON e.article_id = a.id"
        )
        if ids is None:
            # A separate connection: the caller may write (queue clears) while this iterates.
            conn = self._connect()
            try:
                yield from conn.execute(select + " ORDER BY a.seq")
            finally:
                conn.close()
            return
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            yield from self.connection.execute(
                select + f" WHERE a.id IN ({marks})", chunk
            ).fetchall()


def _create(path: Path) -> None:
    """A new, empty database file, put in place whole: never seen at 0 bytes by another
    process (a library file of 0 bytes is a truncated one, kept aside: see salvage.py)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = part_file(path)
    conn = sqlite3.connect(temporary)
    try:
        conn.execute("PRAGMA journal_mode=WAL")  # writes the file's header: 1 page
    finally:
        conn.close()
    try:
        os.link(temporary, path)  # fails if another process made it first: theirs is used
    except FileExistsError:
        pass
    except OSError:  # no hard links here (some file systems)
        if not path.exists():
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


_UNFINISHED = "unfinished_files"  # meta: files being written (backups), for clean-up
_PART = re.compile(r"\.(\d+)\.part$")


def part_file(target: Path) -> Path:
    """Where `target` is written before it is complete: `<name>.<this process>.part`."""
    return target.with_name(f"{target.name}.{os.getpid()}.part")


def is_part_file(path: Path) -> bool:
    return _PART.search(path.name) is not None


def writer_alive(path: Path) -> bool:
    """Whether the process named in a `.part` file's name may still be writing it."""
    match = _PART.search(path.name)
    if match is None:
        return False
    pid = int(match[1])
    if pid == os.getpid():
        return True
    if os.name == "nt":  # no harmless probe of another process there: go by age
        try:
            return now_utc().timestamp() - path.stat().st_mtime < 24 * 3600
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _json_list(text: str | None) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(item) for item in value] if isinstance(value, list) else []


def _storage_failed(error: sqlite3.OperationalError) -> bool:
    """The disk, not the query: full, or an I/O error."""
    text = str(error).lower()
    return "full" in text or "disk i/o" in text


def _note_record(row: sqlite3.Row) -> NoteRecord:
    return NoteRecord(
        article_id=str(row["article_id"]),
        body=str(row["body"]),
        created=from_iso(row["created"]),
        updated=from_iso(row["updated"]),
        revision=int(row["revision"]),
    )


def encode_entities(spans: Sequence[Entity]) -> str:
    return json.dumps([[e.start, e.end, e.type] for e in spans], separators=(",", ":"))


def decode_entities(data: str, body: str) -> list[Entity]:
    spans: list[Entity] = []
    for start, end, kind in json.loads(data):
        entity_type: EntityType = kind
        spans.append(Entity(body[start:end], entity_type, start, end))
    return spans


def row_entities(row: sqlite3.Row, version: str) -> list[Entity] | None:
    """The entities cached with a `Store.documents()` row, when the cache is from recogniser
    `version`; None when it is missing or from another recogniser (recognise them again)."""
    if row["entity_version"] == version and row["entity_spans"]:
        return decode_entities(row["entity_spans"], row["body"])
    return None


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _split_sql(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip() and not _only_comments(part)]


def _only_comments(part: str) -> bool:
    return all(line.strip().startswith("--") or not line.strip() for line in part.splitlines())


def _article(row: sqlite3.Row) -> Article:
    """An article from a row of `Store._ARTICLE_SELECT`."""
    return Article(
        id=row["id"],
        title=row["title"],
        body=row["body"],
        source=row["source"],
        author=row["author"],
        url=row["url"],
        published=from_iso(row["published"]),
        added=from_iso(row["added"]) or now_utc(),
        language=row["language"],
        content_hash=row["content_hash"],
        read=row["read_at"] is not None,
        bookmarked=row["bookmarked_at"] is not None,
        bookmarked_at=from_iso(row["bookmarked_at"]),
        note=row["note"] or "",
        note_updated=from_iso(row["note_updated"]),
    )


def write_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set a meta value within the caller's transaction (`Store.set_meta` opens its own)."""
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
