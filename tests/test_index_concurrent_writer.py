"""A change another process commits while the index is being caught up never makes the next
start rebuild the whole index: it stays queued, and an incremental catch-up indexes it.

Three `note --text` run at once on one article (user trial): one of them met
"the search index is out of date: rebuilding it from the library" (70 s at 45k articles), the
others waited for it. The index's recorded change stamp was read apart from the queue of
changes, so a commit in between was indexed and cleared but the older stamp was recorded; and
clearing the queue by article id also cleared a newer change queued for an article mid-update.
Each test commits through a second library (its own SQLite connection, as another process
has) at one such moment, with no timing involved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sahelreader.library import Library
from tests.conftest import draft


@pytest.fixture
def pair(home: Path) -> Iterator[tuple[Library, Library]]:
    """The library, indexed, and another one open on the same home."""
    first = Library.open(home, seed=False)
    first.add_drafts(
        [
            draft(f"Road report {n}", f"The road from Gao to Ansongo was open on day {n}.")
            for n in range(8)
        ]
    )
    assert first.ensure_index()
    second = Library.open(home, seed=False)
    try:
        yield first, second
    finally:
        second.close()
        first.close()


def _once_after(call: Callable[..., Any], then: Callable[[], object]) -> Callable[..., Any]:
    """`call`, and the first time it is called, `then` right after it."""
    done: list[bool] = []

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        value = call(*args, **kwargs)
        if not done:
            done.append(True)
            then()
        return value

    wrapped.done = done  # type: ignore[attr-defined]
    return wrapped


def _no_rebuild(library: Library, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record any rebuild from now on (the test then fails on it)."""
    rebuilds: list[str] = []
    original = library.index.rebuild

    def rebuild(*args: Any, **kwargs: Any) -> int:
        rebuilds.append("rebuild")
        return original(*args, **kwargs)

    monkeypatch.setattr(library.index, "rebuild", rebuild)
    return rebuilds


def _found(library: Library, query: str) -> list[str]:
    return [hit.id for hit in library.search(query, limit=None).hits]


def test_a_commit_between_the_stamp_and_the_queue_read_is_caught_up_not_rebuilt(
    pair: tuple[Library, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = pair
    ids = first.list_ids()
    first.save_note(ids[0], "checked the ferry crossing myself")
    rebuilds = _no_rebuild(first, monkeypatch)
    stamp = _once_after(
        first.store.content_stamp,
        lambda: second.save_note(ids[1], "bridge washed out, say the drivers"),
    )
    monkeypatch.setattr(first.store, "content_stamp", stamp)
    assert first.sync_index()
    assert stamp.done  # type: ignore[attr-defined]
    health = first.index_health()
    assert health.ok, health.reason
    assert first.ensure_index()
    assert first.index_health() == type(health)(True)
    assert _found(first, "note:ferry") == [ids[0]]
    assert _found(first, "note:drivers") == [ids[1]]
    assert rebuilds == []


def test_a_newer_change_to_an_article_being_indexed_stays_queued(
    pair: tuple[Library, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The article's older note is written to the index while another process saves a newer
    one: the newer one is queued again, not cleared with the older."""
    first, second = pair
    ids = first.list_ids()
    first.save_note(ids[2], "first draft about the checkpoint")
    rebuilds = _no_rebuild(first, monkeypatch)
    apply = _once_after(
        first.index.apply, lambda: second.save_note(ids[2], "second thoughts on the toll")
    )
    monkeypatch.setattr(first.index, "apply", apply)
    assert first.sync_index()
    assert apply.done  # type: ignore[attr-defined]
    health = first.index_health()
    assert health.ok and health.pending == 1, health
    assert first.ensure_index()
    assert _found(first, "note:toll") == [ids[2]]
    assert _found(first, "note:checkpoint") == []
    assert rebuilds == []


def test_a_commit_during_the_health_check_is_not_taken_for_a_stale_index(
    pair: tuple[Library, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing waits; the check counts the queue (empty), then another process saves a note
    before the check reads the store's stamp."""
    first, second = pair
    ids = first.list_ids()
    count = _once_after(
        first.store.pending_count,
        lambda: second.save_note(ids[3], "fuel prices doubled overnight"),
    )
    monkeypatch.setattr(first.store, "pending_count", count)
    health = first.index_health()
    assert count.done  # type: ignore[attr-defined]
    assert health.ok, health.reason


def test_a_commit_during_a_rebuild_s_first_reads_stays_queued(
    pair: tuple[Library, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = pair
    ids = first.list_ids()
    stamp = _once_after(
        first.store.content_stamp,
        lambda: second.save_note(ids[4], "convoy escorted by the army"),
    )
    monkeypatch.setattr(first.store, "content_stamp", stamp)
    first.rebuild_index()
    assert stamp.done  # type: ignore[attr-defined]
    health = first.index_health()
    assert health.ok, health.reason
    rebuilds = _no_rebuild(first, monkeypatch)
    assert first.ensure_index()
    assert _found(first, "note:escorted") == [ids[4]]
    assert rebuilds == []
