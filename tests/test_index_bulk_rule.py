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
