from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sahelreader.store.database import (
    AmbiguousId,
    Store,
    StoreError,
    UnknownArticle,
    stable_id,
    url_key,
)
from sahelreader.store.schema import SCHEMA_VERSION

from .conftest import draft, utc


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "library.db")


def test_new_database_is_wal_and_at_the_current_schema(store: Store) -> None:
    conn = store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer sahelreader"):
        Store(path)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_adding_stores_every_field(store: Store) -> None:
    outcome = store.add(
        draft(
            "Title",
            "Body text.",
            source="Wire",
            url="https://a.example/x",
            author="A. Writer",
            published=utc(2024, 3, 26),
        ),
        "en",
    )
    article = store.get(outcome.id)
    assert outcome.added
    assert (article.title, article.body, article.source, article.author) == (
        "Title",
        "Body text.",
        "Wire",
        "A. Writer",
    )
    assert article.url == "https://a.example/x"
    assert article.published == utc(2024, 3, 26)
    assert article.language == "en"
    assert isinstance(article.id, str) and len(article.id) == 8


def test_same_url_is_a_duplicate_even_with_tracking_parameters(store: Store) -> None:
    first = store.add(draft("A", "one", url="https://a.example/story?id=3"), "en")
    again = store.add(
        draft("A, updated", "two", url="https://A.example/story/?id=3&utm_source=x#top"), "en"
    )
    assert first.added and not again.added
    assert again.id == first.id
    assert store.count() == 1


def test_same_text_without_url_is_a_duplicate(store: Store) -> None:
    first = store.add(draft("Title", "Some   body\ntext"), "en")
    again = store.add(draft("title", "some body text"), "en")
    assert not again.added and again.id == first.id


def test_ids_are_stable_and_clashes_get_longer_ids(store: Store) -> None:
    outcome = store.add(draft("T", "b", url="https://a.example/1"), "en")
    assert outcome.id == stable_id(url_key("https://a.example/1") or "")
    # Force a clash: occupy the id another article would get.
    key = url_key("https://a.example/2") or ""
    store.connection.execute(
        "UPDATE articles SET id = ? WHERE id = ?", (stable_id(key), outcome.id)
    )
    second = store.add(draft("T2", "b2", url="https://a.example/2"), "en")
    assert second.added and len(second.id) > 8


def test_resolve_accepts_unique_prefixes(store: Store) -> None:
    outcome = store.add(draft("T", "b"), "en")
    assert store.resolve_id(outcome.id[:4]) == outcome.id
    assert store.resolve_id(outcome.id.upper()) == outcome.id
    with pytest.raises(UnknownArticle):
        store.resolve_id("zzzzzzzz")


def test_ambiguous_prefix_is_reported(store: Store) -> None:
    for name, text in (("abc11111", "one"), ("abc22222", "two")):
        article_id = store.add(draft(text, text), "en").id
        store.connection.execute("UPDATE articles SET id = ? WHERE id = ?", (name, article_id))
    with pytest.raises(AmbiguousId, match="ambiguous"):
        store.resolve_id("abc")


def test_list_filters_and_sorts(store: Store) -> None:
    old = store.add(draft("Old", "x", source="B", published=utc(2023, 1, 1)), "en").id
    new = store.add(draft("New", "y", source="A", published=utc(2024, 1, 1)), "en").id
    assert store.list_ids("all", "date") == [new, old]
    assert store.list_ids("all", "source") == [new, old]
    store.set_read([new], True)
    assert store.list_ids("unread", "date") == [old]
    assert store.unread_count() == 1
    assert [r.read for r in store.rows([new, old])] == [True, False]
    store.set_read([new], False)
    assert store.unread_count() == 2


def test_remove_keeps_user_data_unless_asked(store: Store) -> None:
    article_id = store.add(draft("T", "b"), "en").id
    store.connection.execute(
        "INSERT INTO notes(article_id, body, created, updated) VALUES (?, 'mine', 'x', 'x')",
        (article_id,),
    )
    assert store.user_data_ids([article_id]) == {article_id}
    store.remove([article_id], with_user_data=False)
    assert store.count() == 0
    assert store.orphaned_user_data() == 1
    # Re-importing brings the note back: it is keyed by the stable id.
    assert store.add(draft("T", "b"), "en").id == article_id
    assert store.get(article_id).note == "mine"


def test_every_change_queues_the_article_for_the_index(store: Store) -> None:
    article_id = store.add(draft("T", "b"), "en").id
    stamp = store.content_stamp()
    assert store.pending_index() == [article_id]
    store.clear_pending([article_id])
    store.remove([article_id], with_user_data=True)
    assert store.pending_index() == [article_id]
    assert store.content_stamp() > stamp


def test_a_failed_transaction_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(RuntimeError):
        with store.transaction() as conn:
            conn.execute("INSERT INTO saved_searches(name, query, created) VALUES ('a', 'b', 'c')")
            raise RuntimeError("crash in the middle")
    assert store.saved_searches() == []


def test_get_many_reads_the_articles_that_exist_in_one_go(tmp_path: Path) -> None:
    store = Store(tmp_path / "library.db")
    first = store.add(draft("First", "one", published=utc(2024, 1, 1)), "en").id
    second = store.add(draft("Second", "two"), "fr").id
    store.save_note(second, "a note", None)
    got = store.get_many([second, "nosuchid", first])
    assert set(got) == {first, second}
    assert got[first] == store.get(first)
    assert got[second].note == "a note" and got[second].language == "fr"
    ids = [store.add(draft(f"Many {i}", f"body {i}"), "en").id for i in range(1200)]
    assert set(store.get_many(ids)) == set(ids)  # several chunks of the IN list
