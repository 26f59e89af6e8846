"""Defects a user trial found in the reader's keys and layout, each pinned by its effect."""

from __future__ import annotations

from pathlib import Path

from sahelreader.library import Library
from sahelreader.tui import make_app
from sahelreader.tui.commands import ReaderCommands
from sahelreader.tui.delays import Delays
from sahelreader.tui.screens.dialogs import ViewsScreen

from .tui_helpers import build_library, settle


async def test_the_palette_offers_every_view_the_views_dialog_does(home: Path) -> None:
    library: Library = build_library(home)
    library.save_search("Sahel mining", "uranium OR gold")
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        dialog: object = app.screen
        assert isinstance(dialog, ViewsScreen)
        in_dialog = [view.name for view, _ in dialog.views]
        await pilot.press("escape")
        await settle(app, pilot)
        provider = ReaderCommands(app.screen)
        in_palette = [name for name, _, _ in provider._commands() if name.startswith("View: ")]
        assert in_palette == [f"View: {name}" for name in in_dialog]
        assert {"View: Bookmarks", "View: Notes", "View: Sahel mining"} <= set(in_palette)


async def test_the_palette_opens_the_notes_view(home: Path) -> None:
    app = make_app(library=build_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"view: notes")
        await pilot.pause(0.6)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.view.kind == "notes"


async def test_the_side_panel_counts_japanese_words(home: Path) -> None:
    from textual.geometry import Region
    from textual.widgets import Static

    from .conftest import draft

    library = Library.open(home, seed=False)
    # A paragraph with no space in it: it read "Words 1".
    body = "市場は月曜日に再開された。商人たちは客が戻ってきたと話した。" * 3
    library.add_drafts([draft("市場が再開", body, source="Test Wire", language="ja")])
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        meta = app.query_one("#side-meta", Static)
        width, height = meta.content_size
        lines = [strip.text.strip() for strip in meta.render_lines(Region(0, 0, width, height))]
        words = next(line for line in lines if line.startswith("Words"))
        assert int(words.split()[-1].replace(",", "")) > 50, words


async def test_g_and_shift_g_go_to_the_side_panels_top_and_bottom(home: Path) -> None:
    from sahelreader.tui.widgets.side_panel import SideList, SidePanel

    app = make_app(library=build_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 18)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        side = app.query_one(SidePanel)
        assert side.max_scroll_y > 2  # taller than the screen
        await pilot.press("tab", "tab")
        await settle(app, pilot)
        assert side in app.focused.ancestors_with_self  # type: ignore[union-attr]
        await pilot.press("G")
        await settle(app, pilot)
        assert side.scroll_y == side.max_scroll_y
        shown = [s for s in side.query(SideList) if s.display and s.option_count]
        assert app.focused is shown[-1] and shown[-1].highlighted == shown[-1].option_count - 1
        await pilot.press("g")
        await settle(app, pilot)
        assert side.scroll_y == 0
        assert app.focused is shown[0] and shown[0].highlighted == 0
        # And home / end, as in the list and the reader.
        await pilot.press("end")
        await settle(app, pilot)
        assert side.scroll_y == side.max_scroll_y
        await pilot.press("home")
        await settle(app, pilot)
        assert side.scroll_y == 0


async def test_the_help_screen_lists_g_for_the_side_panel(home: Path) -> None:
    from sahelreader.tui.screens.help import help_rows

    rows = [row for row in help_rows({}) if row.section == "Side panel"]
    assert any(row.keys.startswith("g") for row in rows), rows
    assert any(row.keys.startswith("G") for row in rows), rows


def test_a_title_breaks_at_a_space_even_early_in_the_line() -> None:
    from sahelreader.tui.widgets.article_list import two_lines

    # The last space that fits is early (in the line's first half): the long word after it
    # still fits on the second line, so it goes there whole.
    for title, width in (
        ("Marché transfrontalier rouvert à Gaya après six mois", 19),
        ("Tchad: négociations interminables", 20),
        ("Un accord intercommunautaire signé", 22),
    ):
        first, second = two_lines(title, width)
        words = title.split()
        assert first.split() == words[: len(first.split())], (title, first)
        assert second.rstrip("…").split()[0] in words, (title, second)
    # A word longer than the whole line is still cut (nothing else can be done).
    first, second = two_lines("Antidisestablishmentarianism again", 12)
    assert first == "Antidisestab"


async def test_narrow_list_rows_do_not_break_a_word_that_fits(home: Path) -> None:
    from sahelreader.tui.widgets.article_list import ArticleList

    from .conftest import draft, utc

    title = "Au Niger, l’intercommunautarisme renforcé à Téra"
    library = Library.open(home, seed=False)
    library.add_drafts([draft(title, "Une conférence.", published=utc(2025, 3, 1))])
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert article_list.content_size.width < 40  # narrow: the title needs two lines
        lines = ["".join(s.text for s in article_list.render_line(y)) for y in range(2)]
        shown = [line.replace("●", " ").strip() for line in lines]
        assert shown[1], shown
        for word in " ".join(shown).rstrip("…").split()[:-1]:
            assert word in title.split(), (word, shown)


def _message_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    from textual.geometry import Region
    from textual.widgets import Static

    line = app.query_one("#search-message", Static)
    width, height = line.region.size  # with its padding (`size` is without)
    return [strip.text.rstrip() for strip in line.render_lines(Region(0, 0, width, height))]


async def test_question_mark_in_the_empty_search_box_shows_the_syntax(home: Path) -> None:
    from sahelreader.tui.widgets.search_bar import SYNTAX_HELP, SearchBar, SearchInput

    app = make_app(library=build_library(home), delays=Delays.none())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "question_mark")
        await settle(app, pilot)
        box = app.query_one(SearchInput)
        assert box.value == ""  # not typed: it searched for `?` (a wildcard)
        assert app.query_one(SearchBar).message == SYNTAX_HELP
        shown = " ".join(" ".join(_message_lines(app)).split())
        assert "OR" in shown and "fuzzy~" in shown and "published:[2024-01 to 2024-04]" in shown
        # Typing goes on as usual; pressed again on the syntax, `?` is typed.
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert box.value == "?"
        await pilot.press("backspace", *"mal", "question_mark")
        await settle(app, pilot)
        assert box.value == "mal?"  # inside a word: always typed


async def test_f1_shows_the_syntax_whatever_the_box_holds(home: Path) -> None:
    from sahelreader.tui.widgets.search_bar import SYNTAX_HELP, SearchBar, SearchInput

    app = make_app(library=build_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"convoy", "f1")
        await settle(app, pilot)
        assert app.query_one(SearchInput).value == "convoy"
        assert app.query_one(SearchBar).message == SYNTAX_HELP


async def test_a_query_of_wildcards_alone_says_why_instead_of_listing_everything(
    home: Path,
) -> None:
    from sahelreader.tui.widgets.search_bar import SearchBar

    app = make_app(library=build_library(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"??", "enter")
        await settle(app, pilot)
        assert "alone matches any word" in app.query_one(SearchBar).message


async def test_a_long_query_error_shows_its_guess_and_tip_and_marks_a_cut(home: Path) -> None:
    app = make_app(library=build_library(home), delays=Delays.none())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"drought titel:sahel")
        await settle(app, pilot)
        lines = [line.strip() for line in _message_lines(app) if line.strip()]
        shown = " ".join(lines)
        assert len(lines) <= 6
        assert "did you mean title:?" in shown
        assert 'In quotes, "titel:sahel" is searched as words' in shown
        # Whatever does not fit is cut with an ellipsis, never mid-list with no sign.
        assert shown.endswith(("…", ")")), lines


async def test_at_80_columns_the_header_keeps_the_sort(home: Path) -> None:
    from sahelreader.tui.widgets.status_bar import Status, StatusBar

    app = make_app(library=build_library(home), delays=Delays.none())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        bar = app.query_one(StatusBar)
        for status in (
            Status(total=45_488, unread=45_487, shown=45_488, sort="date"),
            Status(total=38_120, unread=912, shown=4_241, view="Bookmarks", sort="source"),
        ):
            bar.show(status)  # as the list's loads show it: no width given
            shown = str(bar.render())
            assert bar.length <= 80, shown
            assert f"by {status.sort}" in shown and f"{status.shown:,} shown" in shown
            assert f"{status.unread:,} unread" in shown
