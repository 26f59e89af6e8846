"""`sahelreader doctor`: every finding, word for word, on a real library and on fakes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sahelreader.doctor import Finding, run_doctor
from sahelreader.library import IndexHealth, Library

from .conftest import draft, utc


def _lines(library: Library) -> list[str]:
    return [finding.line() for finding in run_doctor(library)]


@pytest.fixture
def indexed(home: Path) -> Iterator[Library]:
    lib = Library.open(home, seed=False)
    lib.add_drafts(
        [
            draft("Rains arrive in Maradi", "Farmers in Maradi welcomed the first rains."),
            draft("Market prices fall in Zinder", "Millet prices fell at the Zinder market."),
        ]
    )
    lib.ensure_index()
    yield lib
    lib.close()


def test_a_healthy_library(indexed: Library) -> None:
    assert _lines(indexed) == [
        "[ok] library database: 2 articles",
        "[ok] search index: 2 documents",
    ]


def test_a_first_index_is_built_and_is_no_repair(library: Library) -> None:
    # A new home has no index until first used: building it is no repair to report.
    library.add_drafts([draft("Rains arrive in Maradi", "Farmers welcomed the first rains.")])
    findings = run_doctor(library)
    assert [f.line() for f in findings] == [
        "[ok] library database: 1 article",
        "[ok] search index: built with 1 article",
    ]
    assert library.index_health().ok


@pytest.mark.parametrize(
    ("added", "detail"), [(1, "1 change was waiting"), (2, "2 changes were waiting")]
)
def test_pending_changes_are_indexed(indexed: Library, added: int, detail: str) -> None:
    indexed.add_drafts(
        [
            draft(f"Story {n}", f"Another story number {n}.", published=utc(2024, 1, n))
            for n in (1, 2)
        ][:added]
    )
    assert _lines(indexed)[1] == f"[repaired] search index: {detail}; indexed"
    assert indexed.index.doc_count() == 2 + added


def test_a_locked_index_is_a_problem(indexed: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    indexed.add_drafts([draft("Story", "Another story.")])
    monkeypatch.setattr(indexed, "sync_index", lambda progress=None: False)
    findings = run_doctor(indexed)
    assert findings[1].line() == (
        "[PROBLEM] search index: 1 change was waiting; index locked by another process"
    )
    assert not findings[1].ok and not findings[1].repaired


def test_leftovers_of_an_interrupted_build_are_removed(indexed: Library) -> None:
    folder = indexed.index.folder
    leftovers = [
        folder.with_name(folder.name + ".building"),
        folder.with_name(folder.name + ".old"),
    ]
    for leftover in leftovers:
        leftover.mkdir()
        (leftover / "part.seg").write_bytes(b"x")
    assert _lines(indexed) == [
        "[ok] library database: 2 articles",
        f"[repaired] leftover {folder.name}.building: removed an interrupted index build",
        f"[repaired] leftover {folder.name}.old: removed an interrupted index build",
        "[ok] search index: 2 documents",
    ]
    assert not any(leftover.exists() for leftover in leftovers)


def test_many_segments_are_merged(indexed: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    merged: list[bool] = []
    monkeypatch.setattr(indexed.index, "segment_count", lambda: 13)
    monkeypatch.setattr(indexed.index, "optimize", lambda: merged.append(True))
    assert _lines(indexed)[-1] == "[repaired] index segments: merged 13 segments into one"
    assert merged == [True]


def test_a_damaged_database_is_reported(indexed: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indexed.store, "integrity_problems", lambda: ["a", "b", "c", "d"])
    findings = run_doctor(indexed)
    assert findings[0].line() == (
        "[PROBLEM] library database: a; b; c — restore a backup, or export notes now"
    )


def _orphan(library: Library, title: str) -> None:
    article_id = next(row.id for row in library.rows(library.list_ids()) if row.title == title)
    library.set_bookmark(article_id, True)
    library.store.remove([article_id], with_user_data=False)


def test_notes_and_bookmarks_of_removed_articles_are_kept(indexed: Library) -> None:
    _orphan(indexed, "Rains arrive in Maradi")
    assert _lines(indexed)[-1] == (
        "[ok] notes and bookmarks: 1 note or bookmark of a removed article; kept, it returns "
        "if the article is imported again"
    )
    _orphan(indexed, "Market prices fall in Zinder")
    assert _lines(indexed)[-1] == (
        "[ok] notes and bookmarks: 2 notes and bookmarks of removed articles; kept, they return "
        "if the article is imported again"
    )


def test_finding_lines() -> None:
    assert Finding("x", ok=True).line() == "[ok] x"
    assert Finding("x", ok=False, detail="why").line() == "[PROBLEM] x: why"
    assert Finding("x", ok=False, repaired=True, detail="how").line() == "[repaired] x: how"


class _FakeStore:
    def integrity_problems(self) -> list[str]:
        return []

    def count(self) -> int:
        return 1

    def orphaned_user_data(self) -> int:
        return 0


class _FakeIndex:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def doc_count(self) -> int:
        return 1

    def segment_count(self) -> int:
        return 1

    def optimize(self) -> None:
        raise AssertionError("one segment: nothing to merge")


class _FakePlaced:
    placed = 0


class _FakeStories:
    """Every article in a story."""

    def unplaced(self) -> int:
        return 0

    def catch_up(self, progress: Callable[[int, int], None] | None = None) -> _FakePlaced:
        return _FakePlaced()


class _FakeLibrary:
    """Exactly what the doctor uses; no Library, no database, no index on disk."""

    read_only: str | None = None

    def __init__(self, folder: Path, health: IndexHealth) -> None:
        self.store = _FakeStore()
        self.index = _FakeIndex(folder)
        self.health = health
        self.rebuilt = 0
        self.stories = _FakeStories()

    def index_health(self) -> IndexHealth:
        return self.health

    def rebuild_index(self, progress: Callable[[int, int], None] | None = None) -> int:
        self.rebuilt += 1
        if progress is not None:
            progress(1, 1)
        return 1

    def sync_index(self, progress: Callable[[int, int], None] | None = None) -> bool:
        return True


def test_the_doctor_needs_no_library(tmp_path: Path) -> None:
    healthy = _FakeLibrary(tmp_path / "index", IndexHealth(True))
    assert [f.line() for f in run_doctor(healthy)] == [
        "[ok] library database: 1 article",
        "[ok] search index: 1 document",
    ]
    stale = _FakeLibrary(tmp_path / "index", IndexHealth(False, "the search index is out of date"))
    steps: list[tuple[int, int]] = []
    lines = [
        f.line()
        for f in run_doctor(stale, progress=lambda done, total: steps.append((done, total)))
    ]
    assert lines[1] == (
        "[repaired] search index: the search index is out of date; rebuilt with 1 article"
    )
    assert stale.rebuilt == 1 and steps == [(1, 1)]


@pytest.mark.parametrize(
    ("unplaced", "detail"),
    [
        (1, "grouped 1 article that was in no story"),
        (2, "grouped 2 articles that were in no story"),
    ],
)
def test_articles_in_no_story_are_grouped(indexed: Library, unplaced: int, detail: str) -> None:
    indexed.add_drafts(
        [
            draft(f"Story {n}", f"Another story number {n}.", published=utc(2024, 1, n))
            for n in (1, 2)
        ]
    )
    with indexed.store.transaction() as conn:
        for article_id in indexed.list_ids()[:unplaced]:
            conn.execute("DELETE FROM story_articles WHERE article_id = ?", (article_id,))
    assert f"[repaired] stories: {detail}" in _lines(indexed)


def test_an_index_lost_after_it_was_built_is_a_repair(indexed: Library) -> None:
    indexed.close()
    folder = indexed.index.folder
    for path in folder.iterdir():
        if path.is_file():
            path.unlink()
    library = Library.open(folder.parent, seed=False)
    try:
        assert _lines(library) == [
            "[ok] library database: 2 articles",
            "[repaired] search index: the search index is missing; rebuilt with 2 articles",
        ]
    finally:
        library.close()
