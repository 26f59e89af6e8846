"""The SQLite schema and its forward migrations (PRAGMA user_version is the schema version).

Each migration runs once, in order, inside a transaction. Never edit a released migration:
add a new one, and a test that upgrades the previous version's database file.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, feeds, read state, bookmarks, notes, saved searches, the index outbox.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        added TEXT NOT NULL,
        last_fetched TEXT,
        etag TEXT,
        modified TEXT,
        last_error TEXT
    );
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        url_key TEXT,
        published TEXT,
        added TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL,
        feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
        origin TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_source ON articles(source COLLATE NOCASE);
    -- User data is keyed by the article's stable id, not a foreign key with a cascade, so that
    -- removing and re-importing an article brings its note and bookmark back.
    CREATE TABLE read_state (article_id TEXT PRIMARY KEY, read_at TEXT NOT NULL);
    CREATE TABLE bookmarks (article_id TEXT PRIMARY KEY, created TEXT NOT NULL);
    CREATE TABLE notes (
        article_id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE saved_searches (
        name TEXT PRIMARY KEY,
        query TEXT NOT NULL,
        created TEXT NOT NULL
    );
    -- Outbox for the derived Whoosh index: rows written in the same transaction as the change,
    -- removed only after the index has committed it, so a crash in between is caught up later.
    CREATE TABLE index_queue (article_id TEXT PRIMARY KEY, queued TEXT NOT NULL);
    """,
    # 2: named entities found in each article's body, cached; `version` names the recogniser
    # (its code, data and the user's extra names) that found them, so a change recomputes.
    """
    CREATE TABLE article_entities (
        article_id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        spans TEXT NOT NULL
    );
    """,
    # 3: the article list's date order read from an index (with the id, so the table itself
    # is not touched): 114 ms -> a few ms for 50,000 articles.
    """
    CREATE INDEX articles_by_date ON articles(COALESCE(published, added) DESC, seq DESC, id);
    """,
    # 4: when two running sahelreaders save the same note, the text the later save replaced is
    # kept here instead of being lost; and bookmarks are listed by when they were made.
    """
    CREATE TABLE note_versions (
        article_id TEXT NOT NULL,
        body TEXT NOT NULL,
        saved TEXT NOT NULL,
        replaced TEXT NOT NULL
    );
    CREATE INDEX note_versions_article ON note_versions(article_id);
    CREATE INDEX bookmarks_created ON bookmarks(created);
    """,
    # 5: date order puts undated articles last (no longer "by when added", which put them
    # first), read from an index like migration 3's; and `source` holds the outlet's one
    # canonical name ("bbc.co.uk", "BBC News" -> "BBC") while `source_raw` keeps the name the
    # file gave, so that a changed outlet table can normalise again.
    """
    DROP INDEX IF EXISTS articles_by_date;
    CREATE INDEX articles_by_published ON articles(published IS NULL, published DESC, seq DESC, id);
    ALTER TABLE articles ADD COLUMN source_raw TEXT NOT NULL DEFAULT '';
    UPDATE articles SET source_raw = source;
    """,
    # 6: subscriptions. A feed may fetch each entry's page (`full_text`), keep its own title
    # over the feed's (`title_given`) and prune old articles (`keep_days`, `keep_items`);
    # `checked` is the last refresh attempt, `last_fetched` the last one that succeeded.
    # An entry is found again by its guid within its feed, which outlives a changed link.
    """
    ALTER TABLE feeds ADD COLUMN site_url TEXT NOT NULL DEFAULT '';
    ALTER TABLE feeds ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feeds ADD COLUMN title_given INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feeds ADD COLUMN keep_days INTEGER;
    ALTER TABLE feeds ADD COLUMN keep_items INTEGER;
    ALTER TABLE feeds ADD COLUMN checked TEXT;
    ALTER TABLE feeds ADD COLUMN last_new INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN guid TEXT NOT NULL DEFAULT '';
    CREATE INDEX articles_feed_guid ON articles(feed_id, guid) WHERE guid != '';
    CREATE INDEX articles_feed ON articles(feed_id);
    -- Entries pruned by retention, so that the next refresh does not bring them back.
    CREATE TABLE pruned_entries (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        entry_key TEXT NOT NULL,
        pruned TEXT NOT NULL,
        PRIMARY KEY (feed_id, entry_key)
    );
    """,
    # 7: stories, grouped incrementally as articles arrive (library/stories.py). Each article is
    # placed in one story, with its language-independent keys (related/features.py);
    # `story_features` is the keys' inverted list, read for the stories near a new
    # article's date; `story_key_df` counts the articles holding each key (its weight).
    # `placed_at` is the article's date (or when it was added). Rows go with their article
    # (Store.remove); all of it is derived, rebuilt by `stories --rebuild`.
    """
    CREATE TABLE stories (id INTEGER PRIMARY KEY, created TEXT NOT NULL);
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY,
        story_id INTEGER NOT NULL,
        placed_at TEXT NOT NULL,
        keys TEXT NOT NULL
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    CREATE INDEX story_articles_placed_at ON story_articles(placed_at);
    CREATE TABLE story_features (
        key TEXT NOT NULL,
        placed_at TEXT NOT NULL,
        article_id TEXT NOT NULL,
        story_id INTEGER NOT NULL
    );
    CREATE INDEX story_features_key ON story_features(key, placed_at);
    CREATE INDEX story_features_article ON story_features(article_id);
    CREATE TABLE story_key_df (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
    """,
    # 8: the revision each kept note text had, so that a note deleted and written again
    # continues its revisions: an editor still holding the deleted note's revision then
    # conflicts with the new note instead of matching its restarted revision 1.
    """
    ALTER TABLE note_versions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
