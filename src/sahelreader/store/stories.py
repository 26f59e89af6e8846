"""Stories in the database: which story each article is in, and the keys stories are found by.

Only SQL here; the grouping itself is `related/stories.py`, driven by `library/stories.py`.
The tables (migration 7) are derived: `clear` and placing every article again rebuilds them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from sahelreader.store.database import Store, write_meta
from sahelreader.text.timeutil import now_utc, to_iso

__all__ = ["MemberKeys", "StoryRow", "StoryTable", "forget_members"]

_CHUNK = 500


@dataclass(frozen=True)
class MemberKeys:
    """An article already in a story, as a new article is compared with it."""

    article_id: str
    story_id: int
    shared: tuple[str, ...]  # the keys it shares with the new article


@dataclass(frozen=True)
class StoryRow:
    """One article of a story, as listings read it."""

    story_id: int
    article_id: str
    title: str
    source: str
    language: str
    placed_at: str  # ISO date: the article's, or when it was added
    dated: bool = True  # False: placed_at is when the article was added, not a news date


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def forget_members(conn: sqlite3.Connection, ids: Sequence[str]) -> None:
    """Take articles out of their stories (their keys' counts too), within the caller's
    transaction: an article removed, or about to be placed again."""
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        conn.execute(
            "UPDATE story_key_df SET df = df - (SELECT COUNT(*) FROM story_features f"
            f" WHERE f.key = story_key_df.key AND f.article_id IN ({marks}))"
            f" WHERE key IN (SELECT key FROM story_features WHERE article_id IN ({marks}))",
            [*chunk, *chunk],
        )
        conn.execute(f"DELETE FROM story_features WHERE article_id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM story_articles WHERE article_id IN ({marks})", chunk)


GROUPING_META = "stories_grouping_version"


class StoryTable:
    """The story tables of one :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def connection(self) -> sqlite3.Connection:
        return self.store.connection

    # -- placing ------------------------------------------------------------------------------

    def placed_count(self) -> int:
        return int(self.connection.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0])

    def dates(self, ids: Sequence[str]) -> dict[str, tuple[str, bool]]:
        """Each article's date as stories list them (ISO: published, else when added) and
        whether it is dated."""
        found: dict[str, tuple[str, bool]] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for article_id, published, added in self.connection.execute(
                f"SELECT id, published, added FROM articles WHERE id IN ({marks})",
                list(chunk),
            ):
                found[str(article_id)] = (str(published or added), published is not None)
        return found

    def document_frequencies(self, keys: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(list(keys)):
            marks = ",".join("?" * len(chunk))
            for key, df in self.connection.execute(
                f"SELECT key, df FROM story_key_df WHERE key IN ({marks})", list(chunk)
            ):
                found[str(key)] = int(df)
        return found

    def members_sharing(self, keys: Sequence[str], start: str, end: str) -> list[MemberKeys]:
        """Articles placed between `start` and `end` (ISO) holding any of `keys`."""
        shared: dict[str, list[str]] = {}
        story: dict[str, int] = {}
        for chunk in _chunks(list(keys)):
            marks = ",".join("?" * len(chunk))
            rows = self.connection.execute(
                "SELECT key, article_id, story_id FROM story_features"
                f" WHERE key IN ({marks}) AND placed_at BETWEEN ? AND ?",
                [*chunk, start, end],
            )
            for key, article_id, story_id in rows:
                shared.setdefault(article_id, []).append(key)
                story[article_id] = int(story_id)
        return [
            MemberKeys(article_id, story[article_id], tuple(found))
            for article_id, found in shared.items()
        ]

    def member_keys(self, ids: Sequence[str]) -> dict[str, list[str]]:
        """Every key of these placed articles."""
        found: dict[str, list[str]] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for article_id, keys in self.connection.execute(
                f"SELECT article_id, keys FROM story_articles WHERE article_id IN ({marks})",
                list(chunk),
            ):
                found[str(article_id)] = list(json.loads(keys))
        return found

    def sources(self, ids: Sequence[str]) -> dict[str, str]:
        """The outlet of each of these articles."""
        found: dict[str, str] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for article_id, source in self.connection.execute(
                f"SELECT id, source FROM articles WHERE id IN ({marks})", list(chunk)
            ):
                found[str(article_id)] = str(source or "")
        return found

    def keys_of_stories(
        self, story_ids: Sequence[int], limit: int = 50
    ) -> dict[int, list[list[str]]]:
        """The keys of each member of these stories, their latest `limit` members each."""
        found: dict[int, list[list[str]]] = {}
        for story_id in dict.fromkeys(story_ids):
            rows = self.connection.execute(
                "SELECT keys FROM story_articles WHERE story_id = ?"
                " ORDER BY placed_at DESC LIMIT ?",
                (story_id, limit),
            )
            found[story_id] = [list(json.loads(keys)) for (keys,) in rows]
        return found

    def new_story(self, conn: sqlite3.Connection) -> int:
        cursor = conn.execute("INSERT INTO stories(created) VALUES (?)", (to_iso(now_utc()),))
        return int(cursor.lastrowid or 0)

    def add_member(
        self,
        conn: sqlite3.Connection,
        article_id: str,
        story_id: int,
        placed_at: str,
        keys: Sequence[str],
        *,
        findable: bool = True,
    ) -> None:
        """Put an article in a story. One not `findable` (undated) is never a later article's
        candidate: its keys are listed with no date, outside every window, and still counted
        and taken back with it."""
        conn.execute(
            "INSERT OR REPLACE INTO story_articles(article_id, story_id, placed_at, keys)"
            " VALUES (?, ?, ?, ?)",
            (article_id, story_id, placed_at, json.dumps(list(keys), ensure_ascii=False)),
        )
        listed_at = placed_at if findable else ""
        conn.executemany(
            "INSERT INTO story_features(key, placed_at, article_id, story_id) VALUES (?, ?, ?, ?)",
            [(key, listed_at, article_id, story_id) for key in keys],
        )

    def placed_among(self, conn: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
        """Which of `ids` are in a story, read within the caller's transaction."""
        found: set[str] = set()
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT article_id FROM story_articles WHERE article_id IN ({marks})", chunk
            )
            found.update(str(row[0]) for row in rows)
        return found

    def count_keys(self, conn: sqlite3.Connection, counts: Mapping[str, int]) -> None:
        """Add to the keys' document frequencies (negative counts take away)."""
        conn.executemany(
            "INSERT INTO story_key_df(key, df) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET df = df + excluded.df",
            list(counts.items()),
        )

    def clear(self, grouping_version: str | None = None) -> None:
        """Forget every story; with `grouping_version`, record it as the grouping's version
        in the same transaction (see library/stories.py, GROUPING_VERSION)."""
        with self.store.transaction() as conn:
            for table in ("story_features", "story_articles", "story_key_df", "stories"):
                conn.execute(f"DELETE FROM {table}")
            if grouping_version is not None:
                write_meta(conn, GROUPING_META, grouping_version)

    def grouping_version(self) -> str | None:
        """The version of the grouping the stories were made by (None: before versions)."""
        return self.store.get_meta(GROUPING_META)

    def set_grouping_version(self, version: str) -> None:
        self.store.set_meta(GROUPING_META, version)

    def unplaced_ids(self) -> list[str]:
        """Articles in no story (imported before stories existed, or by an older version)."""
        rows = self.connection.execute(
            "SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id"
            " WHERE s.article_id IS NULL ORDER BY COALESCE(a.published, a.added), a.seq"
        )
        return [str(r[0]) for r in rows]

    # -- reading -------------------------------------------------------------------------------

    def story_of(self, article_id: str) -> int | None:
        row = self.connection.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else int(row[0])

    def latest_placed_at(self) -> str | None:
        """The placement of the newest dated article in a story of two or more: an article
        alone says nothing of which stories are recent (the bundled seed of 2024 in a library
        of 2021's news emptied every window), and an undated one is placed when it was added,
        which says nothing of the news either (a page imported today must not move the
        window). Failing that the newest dated article's, or the newest of all when nothing
        is dated."""
        dated = (
            "SELECT MAX(s.placed_at) FROM story_articles s JOIN articles a"
            " ON a.id = s.article_id WHERE a.published IS NOT NULL"
        )
        # Newest first, the first dated article with another dated one in its story: the
        # placement index stops the walk early (a GROUP BY over every story took 92 ms at 50k).
        in_a_story = (
            "SELECT s.placed_at FROM story_articles s JOIN articles a ON a.id = s.article_id"
            " WHERE a.published IS NOT NULL AND EXISTS (SELECT 1 FROM story_articles o"
            " JOIN articles b ON b.id = o.article_id WHERE o.story_id = s.story_id"
            " AND o.article_id != s.article_id AND b.published IS NOT NULL)"
            " ORDER BY s.placed_at DESC LIMIT 1"
        )
        for sql in (in_a_story, dated, "SELECT MAX(placed_at) FROM story_articles"):
            row = self.connection.execute(sql).fetchone()
            if row is not None and row[0] is not None:
                return str(row[0])
        return None

    def rows_of_stories_since(self, since: str | None, min_articles: int = 1) -> list[StoryRow]:
        """Every article of the stories of `min_articles` or more with an article placed at or
        after `since` (all such stories when None), by story, then in time order.

        The stories are chosen on the two indexes (placed_at, story_id) before any article is
        read: in a library of tens of thousands of articles, most in a story of their own, the
        whole library's stories of two are listed without reading every article's title."""
        chosen = "SELECT story_id FROM story_articles"
        params: list[object] = []
        if since is not None:
            chosen += (
                " WHERE story_id IN (SELECT DISTINCT story_id FROM story_articles"
                " WHERE placed_at >= ?)"
            )
            params.append(since)
        if min_articles > 1:
            chosen += " GROUP BY story_id HAVING COUNT(*) >= ?"
            params.append(min_articles)
        return self._rows(
            "SELECT s.story_id, a.id, a.title, a.source, a.language, s.placed_at,"
            " a.published IS NOT NULL"
            " FROM story_articles s JOIN articles a ON a.id = s.article_id"
            " WHERE s.story_id IN (" + chosen + ")"
            " ORDER BY s.story_id, s.placed_at, a.seq",
            params,
        )

    def rows_of_story(self, story_id: int) -> list[StoryRow]:
        return self._rows(
            "SELECT s.story_id, a.id, a.title, a.source, a.language, s.placed_at,"
            " a.published IS NOT NULL"
            " FROM story_articles s JOIN articles a ON a.id = s.article_id"
            " WHERE s.story_id = ? ORDER BY s.placed_at, a.seq",
            [story_id],
        )

    def _rows(self, sql: str, params: Sequence[object]) -> list[StoryRow]:
        return [
            StoryRow(
                int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4] or ""), str(r[5]), bool(r[6])
            )
            for r in self.connection.execute(sql, list(params))
        ]
