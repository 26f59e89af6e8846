"""The index is derived: missing, stale, damaged or locked, it is brought back from the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

import sahelreader.search.index as index_module
from sahelreader.library import Library

from .conftest import draft


def search_titles(library: Library, query: str) -> list[str]:
    return [hit.title for hit in library.search(query).hits]


def test_a_missing_index_is_rebuilt_with_a_notice(corpus_library: Library) -> None:
    shutil.rmtree(corpus_library.locations.index)
    notices: list[str] = []
    corpus_library.index.close()
    assert corpus_library.ensure_index(notice=notices.append)
    assert notices and "missing" in notices[0] and "rebuilding" in notices[0]
    assert search_titles(corpus_library, "uranium") == ["Niger signs uranium deal"]


def test_a_new_library_builds_its_index_without_alarm(library: Library) -> None:
    notices: list[str] = []
    library.ensure_index(notice=notices.append)
    assert notices == ["no search index yet: building it from the library"]


def test_a_damaged_index_is_rebuilt(corpus_library: Library) -> None:
    corpus_library.index.close()
    for segment in Path(corpus_library.locations.index).glob("*.seg"):
        segment.write_bytes(b"\0garbage" * 50)
    for toc in Path(corpus_library.locations.index).glob("*.toc"):
        toc.write_bytes(b"not a table of contents")
    health = corpus_library.index_health()
    assert not health.ok and "damaged" in health.reason
    notices: list[str] = []
    corpus_library.ensure_index(notice=notices.append)
    assert "damaged" in notices[0]
    assert search_titles(corpus_library, "uranium") == ["Niger signs uranium deal"]


def test_a_stale_stamp_triggers_a_rebuild(corpus_library: Library) -> None:
    corpus_library.index.record_stamp(-1, corpus_library.index_build)
    health = corpus_library.index_health()
    assert not health.ok and "out of date" in health.reason


def test_an_index_from_another_build_is_rebuilt(corpus_library: Library) -> None:
    stamp, _ = corpus_library.index.recorded_stamp()
    assert stamp is not None
    corpus_library.index.record_stamp(stamp, "1:an-older-recogniser")
    health = corpus_library.index_health()
    assert not health.ok and "another version" in health.reason
    corpus_library.ensure_index()
    assert corpus_library.index_health().ok


def test_an_index_from_another_build_is_rebuilt_even_with_changes_waiting(
    corpus_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade that renames an outlet queues those articles for the index at open: the
    index from the old recogniser must still be rebuilt whole, not patched for the queued
    articles and then stamped as built by this version (its other documents kept the old
    entities for good)."""
    stamp, _ = corpus_library.index.recorded_stamp()
    assert stamp is not None
    corpus_library.index.record_stamp(stamp, "1:an-older-recogniser")
    first = corpus_library.list_ids()[0]
    corpus_library.save_note(first, "a change waiting for the index")
    health = corpus_library.index_health()
    assert not health.ok and "another version" in health.reason

    rebuilds: list[bool] = []
    real_rebuild = corpus_library._rebuild_locked

    def counting_rebuild(*args: object, **kwargs: object) -> None:
        rebuilds.append(True)
        real_rebuild(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus_library, "_rebuild_locked", counting_rebuild)
    assert corpus_library.sync_index()  # the add path: it too rebuilds
    assert rebuilds == [True]
    assert corpus_library.index.recorded_stamp()[1] == corpus_library.index_build
    assert corpus_library.index_health().ok


def test_a_document_count_mismatch_triggers_a_rebuild(corpus_library: Library) -> None:
    # Remove a document behind the store's back.
    ix = whoosh_index.open_dir(str(corpus_library.locations.index))
    writer = ix.writer()
    writer.delete_by_term("id", corpus_library.list_ids()[0])
    writer.commit()
    corpus_library.index.close()
    health = corpus_library.index_health()
    assert not health.ok and "does not match" in health.reason
    corpus_library.ensure_index()
    assert corpus_library.index.doc_count() == corpus_library.count()


def test_changes_made_while_the_index_was_away_are_caught_up(home: Path) -> None:
    first = Library.open(home, seed=False)
    first.add_drafts([draft("Agadez report", "A convoy reached Agadez.")])
    first.ensure_index()
    # Another process adds an article and "crashes" before indexing it.
    first.add_drafts([draft("Zinder report", "Markets reopened in Zinder.")])
    first.close()
    second = Library.open(home, seed=False)
    health = second.index_health()
    assert health.ok and health.pending == 1
    second.ensure_index()
    assert search_titles(second, "zinder") == ["Zinder report"]
    assert second.store.pending_index() == []
    assert second.index_health().ok and not second.index_health().pending
    second.close()


def test_a_locked_index_leaves_changes_queued(
    corpus_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "_WRITE_LOCK_TIMEOUT", 0.2)
    corpus_library.add_drafts([draft("Tahoua report", "Rain fell in Tahoua.")])
    ix = whoosh_index.open_dir(str(corpus_library.locations.index))
    holder = ix.writer()  # another process holds the write lock
    try:
        notices: list[str] = []
        assert corpus_library.sync_index(notice=notices.append) is False
        assert notices and "another process" in notices[0]
        assert corpus_library.store.pending_index()
    finally:
        holder.cancel()
    assert corpus_library.sync_index()
    assert search_titles(corpus_library, "tahoua") == ["Tahoua report"]


def test_reindex_keeps_search_results(corpus_library: Library) -> None:
    before = search_titles(corpus_library, "niger")
    assert corpus_library.rebuild_index() == corpus_library.count()
    assert search_titles(corpus_library, "niger") == before


# pytest-xdist runs its own threads in the worker; the CLI that forks this writer does not.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_large_rebuild_uses_the_parallel_writer(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "_LARGE_BUILD", 10)
    library.add_drafts([draft(f"Report {i}", f"Dosso report {i} on harvests") for i in range(40)])
    assert library.rebuild_index() == 40
    assert library.search("dosso", limit=None).total == 40


def test_a_catch_up_that_meets_a_damaged_segment_rebuilds_from_the_library(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # whoosh3 can fail inside its own merge (an AssertionError reading a segment's postings):
    # the index is derived, so the library rebuilds it instead of failing every command.
    with Library.open(home, seed=False) as library:
        library.add_drafts([draft("Grain stocks in Maradi", "Grain stocks rose in Maradi.")])
        library.ensure_index()
        library.add_drafts([draft("Floods in Zinder", "Floods cut the road to Zinder.")])

        def damaged(self: index_module.SearchIndex, *args: object, **kwargs: object) -> None:
            raise AssertionError

        with monkeypatch.context() as patch:
            patch.setattr(index_module.SearchIndex, "apply", damaged)
            notices: list[str] = []
            assert library.sync_index(notice=notices.append)
        assert notices and "damaged (AssertionError)" in notices[0]
        assert [hit.title for hit in library.search("zinder").hits] == ["Floods in Zinder"]
        assert not library.store.pending_index()
