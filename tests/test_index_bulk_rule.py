"""When catching the index up, a large share of new articles is built in bulk (both cores),
and a few into a large library are added one by one (no rebuild in the user's path)."""

from __future__ import annotations

from typing import Any

import pytest

import sahelreader.library as library_module
from sahelreader.library import Library, _rebuild_pays

from .conftest import draft


@pytest.mark.parametrize(
    ("pending", "articles", "bulk"),
    [
        (2_000, 2_000, True),  # a first import
        (1_500, 2_500, True),  # most of the library is new
        (50, 50_000, False),  # a feed refresh into a large library
        (2_000, 50_000, False),
        (6_000, 100_000, True),  # past the fixed threshold
        (999, 999, False),  # small: one by one is quick enough
    ],
)
def test_when_a_bulk_build_pays(pending: int, articles: int, bulk: bool) -> None:
    assert _rebuild_pays(pending, articles) is bulk


def test_a_first_large_import_is_built_in_bulk(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_module, "_REBUILD_FROM", 20)
    library.ensure_index()
    rebuilds: list[int] = []
    original = Library._rebuild_locked

    def counting(self: Library, *args: object, **kwargs: object) -> int:
        rebuilds.append(1)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "_rebuild_locked", counting)
    library.add_drafts([draft(f"Report {i} on grain", f"Body {i}: millet.") for i in range(30)])
    library.sync_index()
    assert rebuilds == [1]
    assert library.search("millet", limit=None, snippets=False).total == 30
    library.add_drafts([draft("One more", "A single sorghum report.")])
    library.sync_index()
    assert rebuilds == [1]  # one new article into 30 is added, not rebuilt
    assert library.search("sorghum", snippets=False).total == 1


def test_a_bulk_build_commits_in_chunks_and_finds_everything(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One writer for a whole large build kept every sort run on disk until the end (2.9 GB
    # beside a 0.5 GB index at 50k articles); each chunk is now committed as its own segment.
    import sahelreader.search.index as index_module

    monkeypatch.setattr(index_module, "_BUILD_CHUNK", 20)
    library.add_drafts([draft(f"Harvest {i}", f"Report {i} on sorghum prices.") for i in range(50)])
    library.rebuild_index()
    assert library.index.segment_count() >= 3
    assert library.search("sorghum", limit=None, snippets=False).total == 50
    assert not list(library.locations.index.parent.glob("*.building"))


def test_small_segments_are_folded_on_a_thread_after_the_articles_are_searchable(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Adding 50 articles to a 50k library took 8-12 s every fourth time: the commit that made
    # them searchable also merged the small segments. The merge now runs after, apart.
    import threading

    import sahelreader.search.index as index_module

    monkeypatch.setattr(library_module, "SMALL_SEGMENTS_TO_MERGE", 2)
    monkeypatch.setattr(index_module, "SMALL_SEGMENTS_TO_MERGE", 2)
    library.ensure_index()
    library.index_quiet_seconds = 0.0
    release, entered = threading.Event(), threading.Event()
    merged_on: list[str] = []
    original = library.index.merge_small

    def slow_merge(*args: Any, **kwargs: Any) -> int:
        merged_on.append(threading.current_thread().name)
        entered.set()
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(library.index, "merge_small", slow_merge)
    for n in range(3):
        library.add_drafts([draft(f"Convoy {n}", f"Report {n}: a convoy reached Agadez.")])
        library.sync_index()
        if entered.wait(0.5):  # the merge started on its thread
            break
    # The merge waits on its own thread; what the last sync committed is searchable already.
    assert merged_on and merged_on[0] != threading.current_thread().name
    added = n + 1
    assert library.search("agadez", limit=None, snippets=False).total == added
    release.set()
    library.wait_for_index_tidy()
    assert library.index.small_segments() < 2
    assert library.search("convoy", limit=None, snippets=False).total == added


def _small_library(library: Library, monkeypatch: pytest.MonkeyPatch, adds: int) -> None:
    import sahelreader.search.index as index_module

    monkeypatch.setattr(library_module, "SMALL_SEGMENTS_TO_MERGE", 3)
    monkeypatch.setattr(index_module, "SMALL_SEGMENTS_TO_MERGE", 3)
    library.add_drafts([draft(f"Base {i}", f"Millet report {i} from Maradi.") for i in range(30)])
    library.ensure_index()
    for n in range(adds):
        library.add_drafts([draft(f"Convoy {n}", f"Report {n}: a convoy reached Agadez.")])
        library.sync_index()


def test_small_segments_wait_for_a_quiet_index_before_they_are_folded(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A burst of adds (a feed refresh, a script) no longer waits, every few adds, for the
    merge of the small segments the adds before it left: the merge waits for a quiet index."""
    library.index_quiet_seconds = 60.0
    _small_library(library, monkeypatch, adds=5)
    assert library.index.small_segments() >= 5  # a burst: nothing merged in its way
    assert library._tidying is not None and library._tidying.is_alive()
    library.wait_for_index_tidy()  # as if the index had been quiet long enough
    assert library.index.small_segments() < 3
    assert library.search("agadez", limit=None, snippets=False).total == 5
    assert library.search("maradi", limit=None, snippets=False).total == 30


def test_folding_indexes_the_articles_again_from_the_store(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.index_quiet_seconds = 60.0
    _small_library(library, monkeypatch, adds=4)
    segments = library.index.segment_count()
    convoys = {hit.id for hit in library.search("convoy", limit=None, snippets=False).hits}
    moved = library.index.merge_small(library.store.documents, library._entity_names)
    assert moved == 34  # the first build's 30 articles are a small segment too
    assert library.index.segment_count() < segments
    assert library.index.small_segments() <= 1
    assert library.search("agadez", limit=None, snippets=False).total == 4
    assert library.search("maradi", limit=None, snippets=False).total == 30
    # Each article once: none lost, none doubled; entities indexed as before.
    assert library.index.searcher().doc_count() == library.count() == 34
    assert {hit.id for hit in library.search("convoy", limit=None, snippets=False).hits} == convoys
    assert library.search("place:agadez", limit=None, snippets=False).total == 4


@pytest.mark.parametrize(("at_close", "folded"), [(12, False), (4, True)])
def test_a_session_closing_folds_the_small_segments_only_when_there_are_many(
    library: Library, monkeypatch: pytest.MonkeyPatch, at_close: int, folded: bool
) -> None:
    """Four small segments at close: left for a later session (not a slow exit); as many as
    SMALL_SEGMENTS_AT_CLOSE (a script's many one-off adds): folded before it ends."""
    library.index_quiet_seconds = 60.0
    monkeypatch.setattr(library_module, "SMALL_SEGMENTS_AT_CLOSE", at_close)
    _small_library(library, monkeypatch, adds=4)
    assert library.index.small_segments() >= 4
    merged: list[int] = []

    def merge(*args: Any, **kwargs: Any) -> int:
        merged.append(1)
        return 0

    monkeypatch.setattr(library.index, "merge_small", merge)
    library.close()
    assert merged == ([1] if folded else [])


def test_small_segments_whose_articles_were_all_removed_are_dropped(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.index_quiet_seconds = 60.0
    _small_library(library, monkeypatch, adds=4)
    convoys = [hit.id for hit in library.search("convoy", limit=None, snippets=False).hits]
    base = [i for i in library.list_ids() if i not in convoys]
    library.remove([*convoys, *base[1:]], force=True)  # one article left in all
    library.sync_index()
    assert library.index.small_segments() >= 4
    library.index.merge_small(library.store.documents, library._entity_names)
    assert library.index.small_segments() <= 1
    assert library.index.searcher().doc_count() == library.count() == 1


def test_a_closed_library_reopened_tidies_as_before(library: Library) -> None:
    """recover_database closes the library and goes on with it."""
    library.close()
    assert not library._closing.is_set()
