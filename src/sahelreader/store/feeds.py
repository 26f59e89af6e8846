"""Subscriptions and the articles their entries became, in the same database as everything else.

A refresh finds each entry again by its guid within its feed, then by its url, then by its
text, so that an edited entry updates its article (whose notes and bookmarks are keyed by id
and so stay) instead of arriving twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sahelreader.models import ArticleDraft
from sahelreader.store.database import Store, StoreError, content_hash, url_key
from sahelreader.text.timeutil import from_iso, now_utc, to_iso

EntryState = Literal["added", "updated", "unchanged", "pruned"]


@dataclass(frozen=True)
class FeedRecord:
    id: int
    url: str
    title: str
    site_url: str
    full_text: bool
    title_given: bool  # the user named it: a refresh keeps that title
    keep_days: int | None
    keep_items: int | None
    added: datetime | None
    checked: datetime | None  # the last refresh attempt
    last_fetched: datetime | None  # the last refresh that succeeded
    etag: str | None
    modified: str | None
    last_error: str | None
    last_new: int  # articles the last successful refresh added
    articles: int
    unread: int


@dataclass(frozen=True)
class EntryOutcome:
    id: str  # "" for a pruned entry
    state: EntryState


_FEED_SELECT = (
    "SELECT f.*, COUNT(a.id) AS articles,"
    " COUNT(a.id) - COUNT(r.article_id) AS unread"
    " FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id"
    " LEFT JOIN read_state r ON r.article_id = a.id"
)


class FeedTable:
    """The `feeds` table and the feed side of `articles`, over one :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- subscriptions -------------------------------------------------------------------------

    def subscribe(
        self,
        url: str,
        title: str,
        *,
        site_url: str = "",
        full_text: bool = False,
        title_given: bool = False,
    ) -> tuple[FeedRecord, bool]:
        """The feed at `url`, subscribed now unless it was already; True when it is new."""
        with self.store.transaction() as conn:
            existing = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if existing is None:
                conn.execute(
                    "INSERT INTO feeds(url, title, site_url, full_text, title_given, added)"
                    " VALUES (?,?,?,?,?,?)",
                    (url, title, site_url, int(full_text), int(title_given), to_iso(now_utc())),
                )
        record = self.get(url)
        assert record is not None
        return record, existing is None

    def all(self) -> list[FeedRecord]:
        rows = self.store.connection.execute(
            f"{_FEED_SELECT} GROUP BY f.id ORDER BY f.title COLLATE NOCASE, f.url"
        )
        return [_record(row) for row in rows]

    def get(self, url: str) -> FeedRecord | None:
        row = self.store.connection.execute(
            f"{_FEED_SELECT} WHERE f.url = ? GROUP BY f.id", (url,)
        ).fetchone()
        return None if row is None else _record(row)

    def by_id(self, feed_id: int) -> FeedRecord | None:
        row = self.store.connection.execute(
            f"{_FEED_SELECT} WHERE f.id = ? GROUP BY f.id", (feed_id,)
        ).fetchone()
        return None if row is None else _record(row)

    def remove(self, feed_id: int, *, purge: bool) -> tuple[list[str], int]:
        """Unsubscribe. Its articles stay (no longer tied to a feed) unless `purge`; noted and
        bookmarked ones always stay. Returns (ids to remove, articles kept)."""
        ids = self.article_ids(feed_id)
        doomed: list[str] = []
        if purge:
            keep = self.store.user_data_ids(ids)
            doomed = [article_id for article_id in ids if article_id not in keep]
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return doomed, len(ids) - len(doomed)

    def rename(self, feed_id: int, title: str) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE feeds SET title = ?, title_given = 1 WHERE id = ?", (title, feed_id)
            )

    def set_retention(self, feed_id: int, keep_days: int | None, keep_items: int | None) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE feeds SET keep_days = ?, keep_items = ? WHERE id = ?",
                (keep_days, keep_items, feed_id),
            )

    def move(self, feed_id: int, new_url: str) -> bool:
        """Follow a permanent redirect; False when another subscription has that URL already."""
        try:
            with self.store.transaction() as conn:
                conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (new_url, feed_id))
        except sqlite3.IntegrityError:
            return False
        return True

    # -- what a refresh learnt -----------------------------------------------------------------

    def record_success(
        self,
        feed_id: int,
        *,
        title: str,
        site_url: str,
        etag: str | None,
        modified: str | None,
        new: int,
    ) -> None:
        now = to_iso(now_utc())
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE feeds SET title = CASE WHEN title_given OR ? = '' THEN title ELSE ? END,"
                " site_url = CASE WHEN ? = '' THEN site_url ELSE ? END,"
                " etag = ?, modified = ?, checked = ?, last_fetched = ?, last_error = NULL,"
                " last_new = ? WHERE id = ?",
                (title, title, site_url, site_url, etag, modified, now, now, new, feed_id),
            )

    def record_not_modified(self, feed_id: int) -> None:
        now = to_iso(now_utc())
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE feeds SET checked = ?, last_fetched = ?, last_error = NULL, last_new = 0"
                " WHERE id = ?",
                (now, now, feed_id),
            )

    def record_failure(self, feed_id: int, error: str) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE feeds SET checked = ?, last_error = ? WHERE id = ?",
                (to_iso(now_utc()), error, feed_id),
            )

    # -- entries -------------------------------------------------------------------------------

    def article_ids(self, feed_id: int) -> list[str]:
        rows = self.store.connection.execute(
            "SELECT id FROM articles WHERE feed_id = ? ORDER BY seq", (feed_id,)
        )
        return [str(row[0]) for row in rows]

    def known(self, feed_id: int, drafts: Sequence[ArticleDraft]) -> list[bool]:
        """For each draft: is it stored already (or pruned)? Decides which entries a full-text
        feed fetches the page of."""
        conn = self.store.connection
        return [
            self._match(conn, feed_id, draft, adopt=False) is not None
            or _pruned(conn, feed_id, _entry_key(draft))
            for draft in drafts
        ]

    def store_entries(
        self, feed_id: int, drafts: Sequence[tuple[ArticleDraft, str]]
    ) -> list[EntryOutcome]:
        """Store a feed's entries (draft, language) in one transaction."""
        outcomes: list[EntryOutcome] = []
        added_at = to_iso(now_utc())
        changed = False
        with self.store.transaction() as conn:
            for draft, language in drafts:
                if _pruned(conn, feed_id, _entry_key(draft)):
                    outcomes.append(EntryOutcome("", "pruned"))
                    continue
                match = self._match(conn, feed_id, draft)
                if match is None:
                    article_id = self._insert(conn, feed_id, draft, language, added_at)
                    outcomes.append(EntryOutcome(article_id, "added"))
                    changed = True
                    continue
                article_id, ours = match
                digest = content_hash(draft.title, draft.body)
                row = conn.execute(
                    "SELECT content_hash, guid FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                if ours and row["content_hash"] != digest:
                    self._update(conn, article_id, draft, language, digest)
                    outcomes.append(EntryOutcome(article_id, "updated"))
                    changed = True
                else:
                    if ours and draft.guid and not row["guid"]:
                        conn.execute(
                            "UPDATE articles SET guid = ? WHERE id = ?", (draft.guid, article_id)
                        )
                    outcomes.append(EntryOutcome(article_id, "unchanged"))
            if changed:
                self.store.bump_stamp(conn)
        return outcomes

    def _match(
        self, conn: sqlite3.Connection, feed_id: int, draft: ArticleDraft, adopt: bool = True
    ) -> tuple[str, bool] | None:
        """(article id, whether this feed owns it) of the stored article the entry is. With
        `adopt`, an article this feed brought before it was unsubscribed is taken back."""
        if draft.guid:
            row = conn.execute(
                "SELECT id FROM articles WHERE feed_id = ? AND guid = ? AND guid != ''",
                (feed_id, draft.guid),
            ).fetchone()
            if row is not None:
                return str(row[0]), True
        key = url_key(draft.url)
        row = None
        if key is not None:
            row = conn.execute(
                "SELECT id, feed_id, origin FROM articles WHERE url_key = ?", (key,)
            ).fetchone()
        if row is None:
            digest = content_hash(draft.title, draft.body)
            row = conn.execute(
                "SELECT id, feed_id, origin FROM articles WHERE content_hash = ?", (digest,)
            ).fetchone()
        if row is None:
            return None
        orphan = row["feed_id"] is None and row["origin"] == self._url_of(conn, feed_id)
        if orphan and adopt:
            conn.execute("UPDATE articles SET feed_id = ? WHERE id = ?", (feed_id, row["id"]))
            return str(row["id"]), True
        return str(row["id"]), row["feed_id"] == feed_id

    @staticmethod
    def _url_of(conn: sqlite3.Connection, feed_id: int) -> str | None:
        row = conn.execute("SELECT url FROM feeds WHERE id = ?", (feed_id,)).fetchone()
        return None if row is None else str(row[0])

    def _insert(
        self,
        conn: sqlite3.Connection,
        feed_id: int,
        draft: ArticleDraft,
        language: str,
        added_at: str | None,
    ) -> str:
        key = url_key(draft.url)
        id_key = key or (f"{feed_id}:{draft.guid}" if draft.guid else "")
        article_id = self.store.insert_article(
            conn,
            draft,
            language,
            added_at,
            id_key=id_key or content_hash(draft.title, draft.body),
            feed_id=feed_id,
        )
        self.store.queue_for_index(conn, [article_id])
        return article_id

    def _update(
        self,
        conn: sqlite3.Connection,
        article_id: str,
        draft: ArticleDraft,
        language: str,
        digest: str,
    ) -> None:
        """The entry was edited: new text, same article (and so the same note and bookmark)."""
        conn.execute(
            "UPDATE articles SET title = ?, body = ?, author = ?,"
            " published = COALESCE(?, published), language = ?, content_hash = ?,"
            " guid = CASE WHEN ? = '' THEN guid ELSE ? END WHERE id = ?",
            (
                draft.title,
                draft.body,
                draft.author,
                to_iso(draft.published),
                language,
                digest,
                draft.guid,
                draft.guid,
                article_id,
            ),
        )
        key = url_key(draft.url)
        if key is not None:
            taken = conn.execute(
                "SELECT 1 FROM articles WHERE url_key = ? AND id != ?", (key, article_id)
            ).fetchone()
            if taken is None:
                conn.execute(
                    "UPDATE articles SET url = ?, url_key = ? WHERE id = ?",
                    (draft.url, key, article_id),
                )
        # The entities were found in the old text.
        conn.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
        self.store.queue_for_index(conn, [article_id])

    # -- retention -----------------------------------------------------------------------------

    def prunable(self, feed: FeedRecord, now: datetime | None = None) -> list[str]:
        """This feed's articles that its retention drops: past `keep_items` newest or older
        than `keep_days`. Noted and bookmarked articles are never among them."""
        if feed.keep_days is None and feed.keep_items is None:
            return []
        rows = self.store.connection.execute(
            "SELECT id, COALESCE(published, added) AS moment FROM articles WHERE feed_id = ?"
            " ORDER BY published IS NULL, published DESC, seq DESC",
            (feed.id,),
        ).fetchall()
        cutoff = None
        if feed.keep_days is not None:
            cutoff = (now or now_utc()) - timedelta(days=feed.keep_days)
        doomed: list[str] = []
        for rank, row in enumerate(rows):
            moment = from_iso(row["moment"])
            too_many = feed.keep_items is not None and rank >= feed.keep_items
            too_old = cutoff is not None and moment is not None and moment < cutoff
            if too_many or too_old:
                doomed.append(str(row["id"]))
        keep = self.store.user_data_ids(doomed)
        return [article_id for article_id in doomed if article_id not in keep]

    def remember_pruned(self, feed_id: int, ids: Sequence[str]) -> None:
        """Called before the articles go: their entries must not come back at the next refresh."""
        if not ids:
            return
        stamp = to_iso(now_utc())
        with self.store.transaction() as conn:
            for article_id in ids:
                row = conn.execute(
                    "SELECT guid, url, title, body FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                if row is None:
                    continue
                draft = ArticleDraft(
                    title=row["title"], body=row["body"], url=row["url"], guid=row["guid"]
                )
                conn.execute(
                    "INSERT OR REPLACE INTO pruned_entries(feed_id, entry_key, pruned)"
                    " VALUES (?,?,?)",
                    (feed_id, _entry_key(draft), stamp),
                )


def _entry_key(draft: ArticleDraft) -> str:
    if draft.guid:
        return f"guid:{draft.guid}"
    key = url_key(draft.url)
    return f"url:{key}" if key else f"hash:{content_hash(draft.title, draft.body)}"


def _pruned(conn: sqlite3.Connection, feed_id: int, key: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM pruned_entries WHERE feed_id = ? AND entry_key = ?", (feed_id, key)
    ).fetchone()
    return row is not None


def _record(row: sqlite3.Row) -> FeedRecord:
    return FeedRecord(
        id=int(row["id"]),
        url=str(row["url"]),
        title=str(row["title"]),
        site_url=str(row["site_url"]),
        full_text=bool(row["full_text"]),
        title_given=bool(row["title_given"]),
        keep_days=row["keep_days"],
        keep_items=row["keep_items"],
        added=from_iso(row["added"]),
        checked=from_iso(row["checked"]),
        last_fetched=from_iso(row["last_fetched"]),
        etag=row["etag"],
        modified=row["modified"],
        last_error=row["last_error"],
        last_new=int(row["last_new"]),
        articles=int(row["articles"]),
        unread=int(row["unread"]),
    )


__all__ = ["EntryOutcome", "EntryState", "FeedRecord", "FeedTable", "StoreError"]
