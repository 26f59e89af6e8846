"""Catching the index up with the store never deadlocks, by either path (update or rebuild).

Each call runs in a helper thread joined with a timeout, so a regression (the sync lock taken
twice by one thread) fails the test instead of hanging the suite.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar, cast

import pytest

import sahelreader.library as library_module
from sahelreader.library import Library
from sahelreader.models import ArticleDraft

from .conftest import CORPUS, draft, utc

# Generous: the work itself takes well under a second; only a deadlock comes near this.
_DEADLOCK_TIMEOUT = 60.0
_NEW_ARTICLES = 12
_SMALL_THRESHOLD = 5


T = TypeVar("T")


def run_bounded(call: Callable[[], T]) -> T:
    """Run `call` in a daemon thread; fail (not hang) if it has not finished in time."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # reported to the test below
            outcome["error"] = error

    thread = threading.Thread(target=target, name="index-sync", daemon=True)
    thread.start()
    thread.join(_DEADLOCK_TIMEOUT)
    if thread.is_alive():
        pytest.fail(f"{call} did not finish in {_DEADLOCK_TIMEOUT:.0f} s: a deadlock")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return cast(T, outcome.get("value"))


def new_drafts(count: int) -> list[ArticleDraft]:
    return [
        draft(
            f"Convoy report number {i}",
            f"A supply convoy reached Tessalit on day {i}. Marker word kidalmarker{i} "
            "identifies this dispatch.",
            published=utc(2024, 5, 1 + i % 28),
            language="en",
        )
        for i in range(count)
    ]


def assert_all_searchable(library: Library, count: int) -> None:
    for i in range(count):
        hits = library.search(f"kidalmarker{i}").hits
        assert [hit.title for hit in hits] == [f"Convoy report number {i}"]
    assert library.index.doc_count() == library.count()


@pytest.fixture
def indexed(corpus_library: Library, monkeypatch: pytest.MonkeyPatch) -> Library:
    assert corpus_library.index_health().ok
    monkeypatch.setattr(library_module, "_REBUILD_THRESHOLD", _SMALL_THRESHOLD)
    corpus_library.add_drafts(new_drafts(_NEW_ARTICLES))
    assert len(corpus_library.store.pending_index()) > _SMALL_THRESHOLD
    return corpus_library


def test_sync_past_the_rebuild_threshold_does_not_deadlock(indexed: Library) -> None:
    assert run_bounded(indexed.sync_index) is True
    assert not indexed.store.pending_index()
    assert_all_searchable(indexed, _NEW_ARTICLES)
    assert indexed.index_health().ok


def test_ensure_index_past_the_rebuild_threshold_does_not_deadlock(indexed: Library) -> None:
    assert run_bounded(indexed.ensure_index) is True
    assert_all_searchable(indexed, _NEW_ARTICLES)
    # Searching and checking afterwards works too (they hung behind the held lock).
    assert run_bounded(indexed.index_health).ok
    assert run_bounded(lambda: indexed.sync_index()) is True


def test_below_the_threshold_updates_in_place(
    corpus_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_module, "_REBUILD_THRESHOLD", 100)
    corpus_library.add_drafts(new_drafts(3))
    assert run_bounded(corpus_library.sync_index) is True
    assert_all_searchable(corpus_library, 3)
    assert corpus_library.count() == len(CORPUS) + 3


def test_the_sync_lock_can_be_taken_again_by_its_holder(indexed: Library) -> None:
    """Belt and braces: code that already holds the lock may call the public methods."""

    def nested() -> object:
        with indexed._sync_lock:
            return indexed.rebuild_index()

    assert run_bounded(nested) == len(CORPUS) + _NEW_ARTICLES
    assert_all_searchable(indexed, _NEW_ARTICLES)


def test_concurrent_syncs_leave_one_consistent_index(indexed: Library) -> None:
    results: list[object] = []
    threads = [
        threading.Thread(target=lambda: results.append(indexed.sync_index()), daemon=True)
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(_DEADLOCK_TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a sync deadlocked"
    assert results == [True, True, True]
    assert_all_searchable(indexed, _NEW_ARTICLES)
