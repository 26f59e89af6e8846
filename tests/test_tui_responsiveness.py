"""What a search costs the UI thread besides the search: the footer, the lines above the list,
and the maps the first long list of hits needs (made ahead, off the UI thread)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Static

from sahelreader.library import Library
from sahelreader.search import index as index_module
from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.context_bar import ContextBar
from sahelreader.tui.widgets.key_footer import KeyFooter
from sahelreader.tui.widgets.search_bar import SearchBar

from .conftest import draft, utc
from .tui_helpers import app_for, settle


def _nodes(app: Any) -> set[int]:
    return {id(node) for node in app.screen.walk_children(with_self=False)}


async def test_moving_the_focus_mounts_no_widgets(home: Path) -> None:
    """A search moves the focus twice (to the search box and back to the list). Textual's
    Footer rebuilt a widget per key each time: 70 ms of the UI thread at 120 columns."""
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        before = _nodes(app)
        await pilot.press("slash")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert _nodes(app) == before


def _footer_text(app: Any) -> str:
    return app.screen.query_one(KeyFooter).render().plain


async def test_the_footer_shows_the_keys_of_the_pane_with_the_focus(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        listed = _footer_text(app)
        for said in ("/ Search", "s Sort", "? Help", "^p Palette"):
            assert said in listed
        await pilot.press("slash")
        await settle(app, pilot)
        searching = _footer_text(app)
        assert "esc Clear search" in searching
        assert "s Sort" not in searching  # `s` types an s in the search box
        await pilot.press("escape")
        await settle(app, pilot)
        assert _footer_text(app) == listed


async def test_a_narrow_footer_is_compact_without_the_palette_key(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        text = _footer_text(app)
        assert text.startswith("⏎ Open / Search s Sort")
        assert "Palette" not in text
        assert len(text) <= 80


async def test_clicking_a_key_in_the_footer_presses_it(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        footer = app.screen.query_one(KeyFooter)
        start, _, _ = next(p for p in footer._places if p[2].description == "Sort")
        before = app.main.effective_sort
        await pilot.click(KeyFooter, offset=(start + 1, 0))
        await settle(app, pilot)
        assert app.main.effective_sort != before
        start, _, _ = next(p for p in footer._places if p[2].description == "Help")
        await pilot.click(KeyFooter, offset=(start + 1, 0))
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HelpScreen"


async def test_lines_said_again_unchanged_are_not_redrawn(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The context line and the search message are said again on every focus change and every
    list load; redrawing them (and laying out the screen for them) each time cost frames."""
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        updates: list[Widget] = []
        real = Static.update

        def counted(self: Static, *args: Any, **kwargs: Any) -> None:
            updates.append(self)
            real(self, *args, **kwargs)

        monkeypatch.setattr(Static, "update", counted)
        bar = app.query_one(ContextBar)
        search_bar = app.query_one(SearchBar)
        bar.show_pane("ELSEWHERE")
        bar.show_target("A title", "open")
        search_bar.show_message("Searching…")
        assert len(updates) == 3
        bar.show_pane("ELSEWHERE")
        bar.show_target("A title", "open")
        search_bar.show_message("Searching…")
        assert len(updates) == 3
        bar.show_target("Another title", "open")
        search_bar.show_message("Searching…", error=True)
        assert len(updates) == 5
        await pilot.pause()
        assert "Another title" in str(app.query_one("#target-label", Static).render())


def _leaves(library: Library) -> list[Any]:
    reader = library.index.searcher().reader()
    return [reader] if reader.is_atomic() else [leaf for leaf, _ in reader.leaf_readers()]


def test_warming_the_search_maps_every_segment(library: Library) -> None:
    for batch in range(3):  # three segments
        library.add_drafts(
            [
                draft(
                    f"Dispatch {batch}-{i}",
                    f"Convoy news {i} from Niamey.",
                    published=utc(2024, 1, 1 + i),
                )
                for i in range(5)
            ]
        )
        library.sync_index()
    index_module._SEGMENT_IDS.clear()
    leaves = _leaves(library)
    assert len(leaves) > 1
    assert not any(index_module._is_mapped(leaf) for leaf in leaves)
    library.warm_search()
    assert all(index_module._is_mapped(leaf) for leaf in leaves)


async def test_the_reader_warms_the_search_once_articles_are_shown(home: Path) -> None:
    app = app_for(home)
    index_module._SEGMENT_IDS.clear()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert all(index_module._is_mapped(leaf) for leaf in _leaves(app.library))


async def test_escape_shows_the_kept_list_of_every_article_until_the_library_changes(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        everything = list(article_list.ids)
        asked: list[str] = []
        real = Library.list_view

        def counted(self: Library, request: Any, *args: Any, **kwargs: Any) -> Any:
            asked.append(request.query)
            return real(self, request, *args, **kwargs)

        monkeypatch.setattr(Library, "list_view", counted)
        await pilot.press("slash", *"convoy", "enter")
        await settle(app, pilot)
        assert asked[-1] == "convoy"
        assert len(article_list.ids) < len(everything)
        await pilot.press("slash", "escape")
        await settle(app, pilot)
        assert "" not in asked  # the list kept from before the search
        assert article_list.ids == everything
        # An article added (here by another process's `add`): the whole list is made again.
        app.library.add_drafts(
            [draft("Fresh dispatch", "News from Zinder.", published=utc(2025, 5, 1))]
        )
        await pilot.press("slash", *"convoy", "enter")
        await settle(app, pilot)
        await pilot.press("slash", "escape")
        await settle(app, pilot)
        assert asked.count("") == 1
        assert len(article_list.ids) == len(everything) + 1
        # Sorted another way, the list is asked for (only the list by date is kept).
        await pilot.press("s")
        await settle(app, pilot)
        assert asked.count("") == 2


async def test_keys_typed_in_one_burst_with_slash_go_to_the_search_box(home: Path) -> None:
    """ "/niamey⏎" typed fast reaches the app in one read: the keys after `/` were handed to
    the list (which had the focus) before `/` moved it, and ran the list's keys instead (`a`
    opened the add dialog, `e` the note editor); the search never ran."""
    from textual import events

    from sahelreader.tui.widgets.search_bar import SearchInput

    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        burst = [("slash", "/"), *[(c, c) for c in "uranium"], ("enter", "\r")]
        for key, character in burst:  # as the driver posts them, with no pause between
            app.post_message(events.Key(key, character))
        await settle(app, pilot)
        assert app.query_one(SearchInput).value == "uranium"
        assert app.main.query_text == "uranium"
        assert type(app.screen).__name__ == "MainScreen"  # no dialog opened by `a`
        assert len(app.query_one(ArticleList).ids) == 1


async def test_slash_types_a_slash_in_the_search_box_and_in_a_note(home: Path) -> None:
    """`/` moves the focus to the search box from anywhere else, but types in a text box."""
    from sahelreader.tui.widgets.note_editor import NoteEditor
    from sahelreader.tui.widgets.search_bar import SearchInput

    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"niger/mali")
        assert app.query_one(SearchInput).value == "niger/mali"
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("enter", "e")
        editor = app.query_one(NoteEditor)
        assert app.focused is editor.text_area
        await pilot.press(*"1/2", "ctrl+s")
        assert app.library.note(app.main.article.id).body == "1/2"
        assert app.focused is editor.text_area


def _count_rows_drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    drawn: list[str] = []
    real = ArticleList._row_lines

    def counted(self: ArticleList, row: Any, width: int) -> Any:
        drawn.append(row.id)
        return real(self, row, width)

    monkeypatch.setattr(ArticleList, "_row_lines", counted)
    return drawn


async def test_a_row_is_drawn_once_for_all_its_lines_and_not_again_after_escape(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each line of a row used to draw the whole row (three or four times a row), and escape
    drew every row of the kept list again: a third of escape's time at 50,000 articles."""
    drawn = _count_rows_drawn(monkeypatch)
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        shown = min(len(article_list.ids), article_list.size.height // article_list.row_height)
        assert shown >= 3
        assert len(drawn) == len(set(drawn))  # once a row, whatever its number of lines
        assert set(article_list.ids[:shown]) <= set(drawn)
        await pilot.press("slash", *"convoy", "enter")
        await settle(app, pilot)
        drawn.clear()
        await pilot.press("slash", "escape")
        await settle(app, pilot)
        assert drawn == []  # the same rows as before the search, drawn then


async def test_a_row_is_drawn_again_when_what_it_shows_changes(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = _count_rows_drawn(monkeypatch)
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        first = article_list.ids[0]
        shown = article_list.current_row
        assert shown is not None and shown.read  # shown in the reader at start: read
        drawn.clear()
        app.library.mark_read([first], False)
        article_list.refresh_rows([first])
        await settle(app, pilot)
        assert drawn == [first]  # its marker and title style change; the other rows stay
        line = article_list.render_line(0)
        assert "●" in line.text
        drawn.clear()
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await settle(app, pilot)
        assert first in drawn  # new colours: drawn again


async def test_the_footer_keeps_help_and_quit_at_80_columns(home: Path) -> None:
    """At 80x24 the keys before them took the line and "? Help  q Quit" were cut off."""
    app = app_for(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for focus in ("list", "reader"):
            shown = _footer_text(app)
            assert "? Help" in shown and "q Quit" in shown, (focus, shown)
            # The first keys stay, in order; the ones before help are dropped from the end.
            assert shown.startswith(("⏎ Open / Search s Sort", "/ Search s Sort")), shown
            assert len(shown) <= 80
            await pilot.press("enter")
            await settle(app, pilot)
            await pilot.press("tab")
            await settle(app, pilot)
