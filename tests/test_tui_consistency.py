"""The reader's keys, counts and list agree with each other (defects a new user met first)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays
from sahelreader.tui.screens import main as main_module
from sahelreader.tui.screens.dialogs import ConfirmScreen
from sahelreader.tui.widgets.article_list import ArticleList, two_lines
from sahelreader.tui.widgets.reader import ArticleReader
from sahelreader.tui.widgets.side_panel import SidePanel

from .conftest import draft, utc
from .tui_helpers import app_for, build_library, settle


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.query_one("#status", Static).render())


def context(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.query_one("#target-label", Static).render())


def index_of(app, title: str) -> int:  # type: ignore[no-untyped-def]
    article_list = app.query_one(ArticleList)
    return [row.title for row in app.library.rows(article_list.ids)].index(title)


async def test_escape_after_a_search_puts_the_cursor_back_on_the_open_article(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"uranium OR ménaka", "enter")
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert len(article_list.ids) == 2
        await pilot.press("j", "enter", "k")  # open the second hit, then look at the first
        opened = app.main.article.id
        assert article_list.current_id != opened
        await pilot.press("slash", "escape")
        await settle(app, pilot)
        assert len(article_list.ids) > 3
        assert article_list.current_id == opened
        assert app.query_one(ArticleReader).article.id == opened


@pytest.mark.parametrize("key", ["b", "c", "o", "e", "u"])
async def test_every_article_key_acts_on_the_open_article(
    home: Path, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(home)
    opened_urls: list[str] = []
    copied: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened_urls.append(url))
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        article_list.cursor = index_of(app, "Niger signs uranium deal")
        await pilot.press("enter")
        opened = app.library.get(article_list.current_id)
        await pilot.press("j", "j")  # the cursor moves on; the reader keeps its article
        highlighted = article_list.current_id
        assert highlighted != opened.id
        assert app.focused is article_list
        assert "Niger signs uranium deal" in context(app)
        was_read = app.library.get(opened.id).read
        await pilot.press(key)
        await pilot.pause()
        if key == "b":
            assert app.library.get(opened.id).bookmarked
            assert not app.library.get(highlighted).bookmarked
        elif key == "c":
            assert copied and opened.title in copied[0]
        elif key == "o":
            assert opened_urls == [opened.url]
        elif key == "e":
            from sahelreader.tui.widgets.note_editor import NoteEditor

            assert app.query_one(NoteEditor).article_id == opened.id
        elif key == "u":
            assert app.library.get(opened.id).read is not was_read
            assert not app.library.get(highlighted).read


async def test_context_bar_names_the_focused_pane(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        label = app.query_one("#pane-label", Static)
        assert "LIST" in str(label.render())
        await pilot.press("tab")
        assert "READER" in str(label.render())
        await pilot.press("tab")
        assert "SIDE PANEL" in str(label.render())
        await pilot.press("tab")
        assert "SEARCH" in str(label.render())


async def test_slash_with_the_list_hidden_shows_the_search_box(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("left_square_bracket")
        assert not app.query_one("#list-pane").display
        await pilot.press("slash")
        assert app.query_one("#list-pane").display
        assert isinstance(app.focused, Input)
        await pilot.press(*"arlit", "enter")
        await settle(app, pilot)
        assert app.query_one(ArticleList).ids


async def test_slash_starts_a_new_query_instead_of_appending(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"niger", "enter")
        await settle(app, pilot)
        await pilot.press("slash", *"mali", "enter")
        await settle(app, pilot)
        assert app.query_one("#search-input", Input).value == "mali"
        assert app.main.query_text == "mali"


@pytest.mark.parametrize("start_in", ["list", "side panel"])
async def test_pageup_and_pagedown_scroll_the_reader_from_any_pane(
    home: Path, start_in: str
) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.query_one(ArticleList).cursor = index_of(app, "Long convoy diary")
        await pilot.press("enter")
        await pilot.pause()
        if start_in == "side panel":
            app.query_one(SidePanel).focus_first_row()
            await pilot.pause()
        reader = app.query_one(ArticleReader)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        down = reader.scroll_y
        assert down > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert 0 <= reader.scroll_y < down


async def test_header_counts_what_the_list_shows(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"niger", "enter")
        await settle(app, pilot)
        hits = len(app.query_one(ArticleList).ids)
        assert hits >= 2
        assert f"{hits} hits" in status(app)
        while app.main.filter != "bookmarked":  # nothing is bookmarked: the list empties
            await pilot.press("f")
            await settle(app, pilot)
        assert app.query_one(ArticleList).ids == []
        assert "0 hits" in status(app)


async def test_searching_shows_until_the_results_arrive(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main._run_search("niger")
        assert "searching…" in status(app)
        await settle(app, pilot)
        assert "searching…" not in status(app)


async def test_sort_returns_to_date_when_the_search_text_is_deleted(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"niger")
        await settle(app, pilot)
        await settle(app, pilot)
        assert "by relevance" in status(app)
        await pilot.press(*["backspace"] * 5)
        await settle(app, pilot)
        await settle(app, pilot)
        assert app.main.query_text == ""
        assert app.main.sort == "date"
        assert "by date" in status(app)


def added_by_another_process(home: Path, *drafts: ArticleDraft) -> None:
    """Articles added and indexed by another process while the reader runs (a CLI `add`)."""
    other = Library.open(home, seed=False)
    try:
        other.add_drafts(list(drafts))
        other.sync_index()
    finally:
        other.close()


async def test_header_and_list_follow_articles_added_by_another_process(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.check_outside_changes()  # the starting point
        await settle(app, pilot)
        before = len(app.query_one(ArticleList).ids)
        added_by_another_process(
            home,
            draft(
                "Harmattan dust closes Niamey airport",
                "Dust grounded flights.",
                published=utc(2025, 1, 2),
            ),
        )
        app.main.check_outside_changes()
        await settle(app, pilot)
        await settle(app, pilot)
        assert f"{before + 1} articles" in status(app)
        assert len(app.query_one(ArticleList).ids) == before + 1


async def test_A_asks_first_on_a_large_view_and_u_undoes_it(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_module, "MARK_ALL_CONFIRM_ABOVE", 2)
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        ids = list(app.query_one(ArticleList).ids)
        unread_before = set(app.library.unread_ids(ids))
        assert len(unread_before) > 2
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert set(app.library.unread_ids(ids)) == unread_before
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert app.library.unread_ids(ids) == []
        await pilot.press("u")
        await settle(app, pilot)
        assert set(app.library.unread_ids(ids)) == unread_before
        assert f"{len(unread_before)} unread" in status(app)


def test_a_long_title_wraps_onto_a_second_line_at_a_space() -> None:
    title = "Ministers from three Sahel states agree a common passport at a summit in Bamako"
    first, second = two_lines(title, 45)
    assert len(first) <= 45 and not first.endswith(" ")
    assert title.startswith(first)
    assert (first + " " + second) == title
    short_first, short_rest = two_lines("Short title", 34)
    assert (short_first, short_rest) == ("Short title", "")
    cut_first, cut_rest = two_lines("word " * 40, 20)
    assert cut_rest.endswith("…") and len(cut_rest) <= 20


async def test_list_rows_show_long_titles_on_two_lines_with_source_and_date(home: Path) -> None:
    title = (
        "Farmers and herders in the Liptako-Gourma border area sign a grazing accord "
        "for the dry season"
    )
    library = build_library(home)
    library.add_drafts(
        [draft(title, "A grazing accord.", source="Gourma Gazette", published=utc(2025, 2, 3))]
    )
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        article_list.cursor = 0
        assert article_list.current_id == library.list_ids()[0]
        lines = ["".join(s.text for s in article_list.render_line(y)) for y in range(3)]
        shown = " ".join(" ".join(line.split()) for line in lines[:2])
        assert title[:50] in shown.replace("●", "").strip()
        assert "Gourma Gazette · 2025-02-03" in lines[2]


async def test_saved_views_can_be_renamed_and_deleted(home: Path) -> None:
    from sahelreader.tui.screens.dialogs import SaveSearchScreen, ViewsScreen

    library = build_library(home)
    library.save_search("Uranium", "uranium")
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, ViewsScreen)
        await pilot.press("r")  # on "All articles": refused, the screen stays
        await pilot.pause()
        assert isinstance(app.screen, ViewsScreen)
        await pilot.press("down", "down", "down", "r")  # the saved search
        await pilot.pause()
        # App.screen is a Screen[object]: a local of type Any lets mypy narrow it to the dialog.
        dialog: Any = app.screen
        assert isinstance(dialog, SaveSearchScreen)
        name_box = dialog.query_one("#save-name", Input)
        assert name_box.value == "Uranium"
        name_box.value = ""
        await pilot.press(*"Arlit mines", "enter")
        await settle(app, pilot)
        assert library.saved_searches() == [("Arlit mines", "uranium")]
        assert isinstance(app.screen, ViewsScreen)  # back to the list, on the renamed view
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(app, pilot)
        assert library.saved_searches() == []


async def test_the_note_is_rendered_as_markdown_in_the_side_panel(home: Path) -> None:
    library = build_library(home)
    first = library.list_ids()[0]
    library.save_note(first, "# Sources\n\n- **Reuters** said so\n- [bold]not markup[/bold]")
    library.set_last_opened(first)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await settle(app, pilot)
        await settle(app, pilot)
        note = app.query_one("#side-note", Static)
        lines = [strip.text for strip in note.render_lines(note.region.reset_offset)]
        shown = "\n".join(lines)
        assert "# Sources" not in shown and "Sources" in shown  # a heading, not a hash
        assert "**" not in shown and "Reuters" in shown
        assert "•" in shown  # a bullet list
        assert "[bold]not markup[/bold]" in shown  # Rich markup stays text


async def test_resizing_the_terminal_folds_and_unfolds_the_side_panel(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.query_one(SidePanel).display
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.1)
        assert not app.query_one(SidePanel).display
        assert app.screen.has_class("narrow")
        await pilot.resize_terminal(130, 40)
        await pilot.pause(0.1)
        assert app.query_one(SidePanel).display
        assert not app.screen.has_class("narrow")


async def test_an_index_build_shows_its_commit_phase(home: Path) -> None:
    from textual.widgets import ProgressBar

    from sahelreader.tui.messages import IndexProgress

    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.post_message(IndexProgress(40, 100))
        await pilot.pause()
        assert "indexing 40/100" in status(app)
        app.post_message(IndexProgress(100, 100, phase="committing"))
        await pilot.pause()
        assert "indexing: committing…" in status(app)
        assert app.query_one("#index-progress", ProgressBar).total is None


def test_a_snippet_is_cut_so_its_first_match_shows() -> None:
    from sahelreader.tui.widgets.article_list import _lead_to_match

    text = "the delegation arrived late on Sunday night in the capital Ouagadougou for talks"
    start = text.index("Ouagadougou")
    shown, spans = _lead_to_match(text, [(start, start + 11)], 12)
    assert shown.startswith("…")
    assert shown[spans[0][0] : spans[0][1]] == "Ouagadougou"
    assert spans[0][0] <= 13
    near = _lead_to_match("Ouagadougou talks", [(0, 11)], 12)
    assert near == ("Ouagadougou talks", [(0, 11)])


async def test_a_filter_that_empties_a_search_says_so(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"niger", "enter")
        await settle(app, pilot)
        while app.main.filter != "bookmarked":
            await pilot.press("f")
            await settle(app, pilot)
        message = str(app.query_one("#search-message", Static).render())
        assert "No bookmarked articles among the" in message


async def test_a_resize_to_narrow_folds_the_side_panel_even_after_brackets(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # hidden, shown
        assert app.query_one(SidePanel).display
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.1)
        assert not app.query_one(SidePanel).display
        await pilot.press("right_square_bracket")  # still shows on demand
        assert app.query_one(SidePanel).display


async def test_a_search_typed_while_the_index_is_built_waits_for_it(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before the index can answer, the list kept every article under the search: the header
    # counted them all as hits and `A` offered to mark the whole library read.
    from sahelreader.tui.messages import IndexProgress, IndexReady

    monkeypatch.setattr(main_module, "MARK_ALL_CONFIRM_ABOVE", 0)
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        every = len(app.query_one(ArticleList).ids)
        assert every > 3
        unread = app.library.unread_count()
        app.index_ready.clear()  # as while the index is (re)built
        app.post_message(IndexProgress(2, 9))
        await pilot.press("slash", *"convoy")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.query_one(ArticleList).ids == []
        assert "hit" not in status(app)
        assert "waiting for the index" in status(app)
        message = str(app.query_one("#search-message", Static).render())
        assert "the search runs when it is ready" in message
        await pilot.press("A")
        await settle(app, pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert app.library.unread_count() == unread  # nothing listed: nothing marked
        app.post_message(IndexReady())  # the search runs now, by itself
        await settle(app, pilot)
        found = app.query_one(ArticleList).ids
        assert 0 < len(found) < every
        assert f"{len(found)} hit" in status(app)
        assert "waiting" not in status(app)


async def test_the_header_never_counts_fewer_articles_than_the_list_shows(home: Path) -> None:
    # During an import from `a`, the outside-change check reloaded the list after counting:
    # the list, made later, held articles the header's count did not ("4,015 shown" under
    # "3,515 articles"), and a count made earlier could land after a newer one.
    from sahelreader.tui.messages import LibraryCounts

    app = app_for(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        before = app.library.count()
        app.library.add_drafts(
            [
                draft(f"Imported dispatch {n}", f"Line {n} of an imported file, about wells.")
                for n in range(5)
            ]
        )
        app.main.load_list()  # as a reload made while the import runs
        await settle(app, pilot)
        shown = len(app.query_one(ArticleList).ids)
        assert shown == before + 5
        assert f"{shown} articles" in status(app) and f"{shown} shown" in status(app)
        # A count made before the newest one, delivered after it, is dropped.
        app.main.post_message(LibraryCounts(before, before, counted=-1))
        await settle(app, pilot)
        assert f"{shown} articles" in status(app)


async def test_the_views_dialog_waits_for_the_index_to_count_a_saved_search(home: Path) -> None:
    # While the index was built the dialog said a saved search had "0 unread" (and, once the
    # index was ready, many): not known is not none.
    from textual.widgets import OptionList

    from sahelreader.tui.messages import IndexProgress, IndexReady
    from sahelreader.tui.screens.dialogs import ViewsScreen

    library = build_library(home)
    library.save_search("Convoys", "convoy")
    app = make_app(library=library, delays=Delays.none())

    def labels() -> list[str]:
        listing = app.screen.query_one("#views-list", OptionList)
        return [str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count)]

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.index_ready.clear()  # as while the index is (re)built
        app.post_message(IndexProgress(2, 9))
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, ViewsScreen)
        saved = next(label for label in labels() if label.startswith("Convoys"))
        assert "0 unread" not in saved and "waiting for the index" in saved
        await pilot.press("escape")
        await settle(app, pilot)
        app.post_message(IndexReady())
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        saved = next(label for label in labels() if label.startswith("Convoys"))
        assert "waiting" not in saved
        assert int(saved.split("  ")[1].split()[0].replace(",", "")) > 0  # "N unread"


@pytest.mark.parametrize("query", ["", "the"])
async def test_articles_added_by_another_process_leave_the_cursor_where_it_was(
    home: Path, query: str
) -> None:
    # The list reloaded for another process's articles put the cursor back on the article
    # open in the reader, not on the row the user had moved to since.
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        if query:
            await pilot.press("slash", *query, "enter")
            await settle(app, pilot)
        app.main.check_outside_changes()  # the starting point
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert len(article_list.ids) > 2
        await pilot.press("enter")  # opens the first row
        await settle(app, pilot)
        opened = article_list.current_id
        await pilot.press("j", "j")
        chosen = article_list.current_id
        assert chosen != opened
        added_by_another_process(
            home, draft("Wells dug near the old convoy route", "A convoy of drillers arrived.")
        )
        app.main.check_outside_changes()
        await settle(app, pilot)
        await settle(app, pilot)
        assert app.main.article is not None and app.main.article.id == opened
        assert article_list.current_id == chosen


async def test_the_side_panel_counts_follow_articles_added_by_another_process(home: Path) -> None:
    # The open article's "· N articles" per name stayed as it was when the article was opened,
    # after a CLI `add` (or feeds) brought more articles naming them.
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.check_outside_changes()  # the starting point
        await settle(app, pilot)
        panel = app.query_one(SidePanel)
        assert app.main.article is not None and panel.article_counts
        group = next(g for g in panel.groups if g.type == "place")
        before = panel.article_counts[group.query]
        added_by_another_process(
            home,
            *(
                draft(f"Market day {n}", f"Traders in {group.name} sold millet on day {n}.")
                for n in range(2)
            ),
        )
        app.main.check_outside_changes()
        for _ in range(3):
            await settle(app, pilot)
        assert panel.article_counts[group.query] == before + 2


async def test_the_open_articles_note_and_star_follow_another_window(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.check_outside_changes()  # the starting point
        await settle(app, pilot)
        open_id = app.main.article.id
        other = Library.open(home, seed=False)
        try:
            other.save_note(open_id, "Ask the Dosso prefect about the curfew.")
            other.set_bookmark(open_id, True)
        finally:
            other.close()
        app.main.check_outside_changes()
        await settle(app, pilot)
        await settle(app, pilot)
        side_panel = app.query_one(SidePanel)
        assert side_panel.note == "Ask the Dosso prefect about the curfew."
        assert app.main.article.bookmarked
