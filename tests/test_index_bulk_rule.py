"""When catching the index up, a large share of new articles is built in bulk (both cores),
and a few into a large library are added one by one (no rebuild in the user's path)."""

from __future__ import annotations

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
    release, entered = threading.Event(), threading.Event()
    merged_on: list[str] = []
    original = library.index.merge_small

    def slow_merge() -> None:
        merged_on.append(threading.current_thread().name)
        entered.set()
        release.wait(10)
        original()

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
