"""The list the reader shows is computed in the core: views, searches, filters, sorts, outlets."""

from __future__ import annotations

import threading

from sahelreader.library import Library
from sahelreader.models import BOOKMARKS, NOTES, ListRequest, View

from .conftest import draft, utc


def titles(library: Library, ids: list[str]) -> list[str]:
    return [row.title for row in library.rows(ids)]


def test_the_whole_library_newest_first(corpus_library: Library) -> None:
    result = corpus_library.list_view(ListRequest())
    assert result is not None and not result.error
    assert titles(corpus_library, result.ids) == [
        "Niger signs uranium deal",
        "Sanctions lifted on Burkina Faso",
        "Junta leaders meet in Niamey",
        "Attaque meurtrière à Ménaka",
    ]
    assert not result.with_snippets


def test_a_search_ranks_hits_and_computes_the_first_snippets(corpus_library: Library) -> None:
    result = corpus_library.list_view(ListRequest(search="niger", sort="relevance"))
    assert result is not None
    assert set(titles(corpus_library, result.ids)) == {
        "Niger signs uranium deal",
        "Junta leaders meet in Niamey",
    }
    assert result.total == 2 and result.with_snippets
    assert set(result.snippets) == set(result.ids)
    # The body's word field for the article's language (body_en): its terms mark the snippets.
    assert any(field.startswith("body") for field, _ in result.terms)
    assert all(matches for _, matches in result.snippets.values())


def test_relevance_without_a_query_is_date_order(corpus_library: Library) -> None:
    request = ListRequest(sort="relevance")
    assert request.effective_sort == "date"
    result = corpus_library.list_view(request)
    assert result is not None
    assert result.ids == corpus_library.list_ids()


def test_a_saved_search_view_combines_with_what_is_typed(corpus_library: Library) -> None:
    view = View("Sahel Wire pieces", 'source:"sahel wire"')
    assert ListRequest(view=view, search="uranium").query == '(source:"sahel wire") AND (uranium)'
    result = corpus_library.list_view(ListRequest(view=view, search="uranium"))
    assert result is not None
    assert titles(corpus_library, result.ids) == ["Niger signs uranium deal"]


def test_filters_and_outlets_narrow_the_list(corpus_library: Library) -> None:
    ids = corpus_library.list_ids()
    corpus_library.mark_read(ids[:3])
    unread = corpus_library.list_view(ListRequest(filter="unread"))
    assert unread is not None and unread.ids == ids[3:]
    corpus_library.set_bookmark(ids[1], True)
    marked = corpus_library.list_view(
        ListRequest(search="sanctions OR uranium", filter="bookmarked")
    )
    assert marked is not None and marked.ids == [ids[1]] and marked.total == 2
    wire = corpus_library.list_view(ListRequest(source="Sahel Wire"))
    assert wire is not None
    assert titles(corpus_library, wire.ids) == [
        "Niger signs uranium deal",
        "Junta leaders meet in Niamey",
    ]


def test_bookmarks_and_notes_views(corpus_library: Library) -> None:
    ids = corpus_library.list_ids()
    corpus_library.set_bookmark(ids[2], True)
    corpus_library.set_bookmark(ids[0], True)
    bookmarks = corpus_library.list_view(ListRequest(view=BOOKMARKS))
    assert bookmarks is not None and bookmarks.ids == [ids[0], ids[2]]  # newest bookmark first
    corpus_library.save_note(ids[3], "Check the casualty figures\nwith a second source.")
    notes = corpus_library.list_view(ListRequest(view=NOTES))
    assert notes is not None and notes.ids == [ids[3]]
    assert notes.snippets[ids[3]][0] == "Check the casualty figures with a second source."


def test_a_query_that_cannot_be_understood_comes_back_as_an_error(corpus_library: Library) -> None:
    result = corpus_library.list_view(ListRequest(search='"unclosed'))
    assert result is not None and result.ids == [] and "never closed" in result.error


def test_a_cancelled_request_returns_nothing(corpus_library: Library) -> None:
    cancelled = threading.Event()
    cancelled.set()
    assert corpus_library.list_view(ListRequest(search="niger"), cancelled) is None


def test_views_count_unread_articles_per_view(corpus_library: Library) -> None:
    corpus_library.add_drafts(
        [draft("Niger talks", "Niger and Mali talk.", published=utc(2024, 10, 1))]
    )
    corpus_library.ensure_index()
    ids = corpus_library.list_ids()
    corpus_library.set_bookmark(ids[0], True)
    corpus_library.mark_read([ids[0]])
    corpus_library.save_search("Niger", "niger")
    counts = {view.name: unread for view, unread in corpus_library.views()}
    assert counts == {"All articles": 4, "Bookmarks": 0, "Notes": 0, "Niger": 2}


def test_watchlist_filter_follows_config(home) -> None:  # type: ignore[no-untyped-def]
    home.mkdir(parents=True)
    (home / "config.toml").write_text('watch = ["Ménaka"]\n', "utf-8")
    library = Library.open(home, seed=False)
    try:
        assert library.filters[-1] == "watchlist"
        from .conftest import CORPUS

        library.add_drafts(CORPUS)
        library.ensure_index()
        result = library.list_view(ListRequest(filter="watchlist"))
        assert result is not None
        assert titles(library, result.ids) == ["Attaque meurtrière à Ménaka"]
    finally:
        library.close()


def test_date_order_lists_every_hit_and_relevance_the_best(corpus_library: Library) -> None:
    query = "niger OR mali OR burkina"
    by_date = corpus_library.list_view(ListRequest(search=query, sort="date", limit=2))
    assert by_date is not None and len(by_date.ids) == 4 and not by_date.more
    best = corpus_library.list_view(ListRequest(search=query, sort="relevance", limit=2))
    assert best is not None and len(best.ids) == 2 and best.more
