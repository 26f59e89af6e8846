"""A searcher sees the index as last written: no stale duplicates, in every thread, by any writer.

whoosh3's `Searcher.refresh()` keeps the old segment reader beside the new ones, so a document
replaced by `update_document` (a note edit) came back twice until the program restarted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest

from sahelreader.library import Library

from .conftest import CORPUS, draft

T = TypeVar("T")
URANIUM = next(d for d in CORPUS if "uranium" in d.title)


@pytest.fixture
def one_article(library: Library) -> Library:
    library.add_drafts([URANIUM])
    library.ensure_index()
    return library


@pytest.fixture
def worker() -> Iterator[Callable[[Callable[[], T]], T]]:
    """Runs calls on one long-lived thread, which keeps its own (thread-local) searcher."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        yield lambda call: pool.submit(call).result(timeout=60)


def hit_ids(library: Library, query: str) -> list[str]:
    return [hit.id for hit in library.search(query, limit=None).hits]


def in_new_thread(call: Callable[[], T]) -> T:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result(timeout=60)


def test_an_edited_note_does_not_duplicate_the_article(one_article: Library, worker) -> None:
    (article_id,) = one_article.list_ids()
    # Searchers opened before the write, in a worker thread and in this one.
    assert worker(lambda: hit_ids(one_article, "uranium")) == [article_id]
    assert hit_ids(one_article, "uranium") == [article_id]

    one_article.save_note(article_id, "Check the royalty clause with the Agadez contacts.")
    assert one_article.sync_index()

    assert worker(lambda: hit_ids(one_article, "uranium")) == [article_id]
    assert worker(lambda: hit_ids(one_article, "royalty")) == [article_id]
    assert hit_ids(one_article, "uranium") == [article_id]
    assert hit_ids(one_article, "note:agadez") == [article_id]
    assert in_new_thread(lambda: hit_ids(one_article, "uranium")) == [article_id]
    assert one_article.search("uranium").total == 1

    # A second edit: the old note's words are gone, the new ones found, still one hit.
    one_article.save_note(article_id, "Royalty question settled by the ministry.")
    assert one_article.sync_index()
    assert worker(lambda: hit_ids(one_article, "agadez")) == []
    assert worker(lambda: hit_ids(one_article, "settled")) == [article_id]
    assert hit_ids(one_article, "uranium") == [article_id]


def test_new_and_removed_articles_are_seen_at_once(one_article: Library, worker) -> None:
    (first,) = one_article.list_ids()
    assert worker(lambda: hit_ids(one_article, "niger")) == [first]
    one_article.add_drafts([draft("Niger reopens its border", "Niger reopened the border.")])
    assert one_article.sync_index()
    assert len(worker(lambda: hit_ids(one_article, "niger"))) == 2
    assert len(hit_ids(one_article, "niger")) == 2
    one_article.remove([first], force=True)
    assert one_article.sync_index()
    assert first not in worker(lambda: hit_ids(one_article, "niger"))
    assert len(worker(lambda: hit_ids(one_article, "niger"))) == 1


def test_a_write_by_another_library_on_the_same_home_is_seen(
    one_article: Library, home: Path, worker
) -> None:
    """A second Library (as another process would be) writes; this one's searchers notice."""
    (article_id,) = one_article.list_ids()
    assert worker(lambda: hit_ids(one_article, "uranium")) == [article_id]
    assert hit_ids(one_article, "uranium") == [article_id]

    with Library.open(home, seed=False) as other:
        other.save_note(article_id, "Ask the Arlit miners' union about the royalty.")
        assert other.sync_index()
        other.add_drafts([draft("Uranium prices climb", "Uranium prices climbed again.")])
        assert other.sync_index()

    assert len(worker(lambda: hit_ids(one_article, "uranium"))) == 2
    assert worker(lambda: hit_ids(one_article, "royalty")) == [article_id]
    assert len(hit_ids(one_article, "uranium")) == 2
    assert hit_ids(one_article, "note:miners") == [article_id]


def test_a_rebuild_is_seen_by_searchers_in_other_threads(one_article: Library, worker) -> None:
    (article_id,) = one_article.list_ids()
    assert worker(lambda: hit_ids(one_article, "uranium")) == [article_id]
    one_article.save_note(article_id, "Rebuilt with a note about Imouraren.")
    one_article.rebuild_index()
    assert worker(lambda: hit_ids(one_article, "imouraren")) == [article_id]
    assert worker(lambda: hit_ids(one_article, "uranium")) == [article_id]
