"""Pilot tests: every key of the reader, by its effect."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import Input, Static

from sahelreader.library import Library
from sahelreader.models import View
from sahelreader.tui import SahelReaderApp, make_app
from sahelreader.tui.delays import Delays
from sahelreader.tui.screens.dialogs import SaveSearchScreen, ViewsScreen
from sahelreader.tui.screens.help import HelpScreen
from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.reader import ArticleReader
from sahelreader.tui.widgets.search_bar import SearchBar, SearchInput
from sahelreader.tui.widgets.side_panel import SideList, SidePanel

from .conftest import draft, utc
from .tui_helpers import MARKUP_TITLE, app_for, build_library, settle


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    article_list = app.query_one(ArticleList)
    return [row.title for row in app.library.rows(article_list.ids)]


def reader_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the reader draws, its wrapped lines joined by spaces (as one reads them)."""
    return " ".join(line.plain for line in app.query_one(ArticleReader)._lines)


async def test_list_keys_move_the_cursor(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert app.focused is article_list
        assert article_list.cursor == 0
        await pilot.press("j", "j", "down")
        assert article_list.cursor == 3
        await pilot.press("k", "up")
        assert article_list.cursor == 1
        await pilot.press("G")
        assert article_list.cursor == len(article_list.ids) - 1
        await pilot.press("g")
        assert article_list.cursor == 0


async def test_enter_opens_and_marks_read(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        article_list = app.query_one(ArticleList)
        opened = app.library.get(article_list.ids[1])
        assert app.query_one(ArticleReader).article.id == opened.id
        assert opened.read
        assert opened.title in reader_text(app)
        assert app.library.last_opened() == opened.id
        assert isinstance(app.focused, ArticleList)  # like a preview pane


async def test_reopens_on_the_last_article_read(home: Path) -> None:
    library = build_library(home)
    target = library.list_ids()[2]
    library.set_last_opened(target)
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.query_one(ArticleList).current_id == target
        assert app.query_one(ArticleReader).article.id == target
        # Reopening where the reader left off is not reading anything new.
        assert not app.library.get(target).read


async def test_the_article_shown_on_a_first_run_is_read_as_any_article_opened(home: Path) -> None:
    """A fresh library opens on its seed article, in the reader: it stayed unread (the header
    said "1 unread", the list's dot stayed) although it was being read. Only reopening the
    article the reader left off on leaves its state alone."""
    app = make_app(library=Library.open(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        [seed] = app.library.list_ids()
        assert app.query_one(ArticleReader).article.id == seed
        assert app.library.get(seed).read
        assert app.main.article is not None and app.main.article.read
        assert "0 unread" in str(app.main.query_one("#status", Static).render())
        assert app.library.last_opened() == seed


async def test_when_the_article_left_off_on_is_gone_the_one_shown_instead_is_read(
    home: Path,
) -> None:
    library = build_library(home)
    gone, *_ = library.list_ids()
    library.set_last_opened(gone)
    library.remove([gone])
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        shown = app.query_one(ArticleReader).article
        assert shown is not None and shown.id != gone
        assert app.library.get(shown.id).read


def pane_of(app) -> str:  # type: ignore[no-untyped-def]
    focused = app.focused
    for pane in ("ArticleList", "ArticleReader", "SidePanel", "SearchInput"):
        if type(focused).__name__ == pane or any(
            type(a).__name__ == pane for a in focused.ancestors
        ):
            return pane
    return type(focused).__name__


async def test_tab_cycles_panes(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert pane_of(app) == "ArticleList"
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(pane_of(app))
        assert seen == ["ArticleReader", "SidePanel", "SearchInput", "ArticleList"]
        await pilot.press("shift+tab")
        assert pane_of(app) == "SearchInput"


async def test_space_and_pagedown_scroll_the_reader(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        index = titles(app).index("Long convoy diary")
        app.query_one(ArticleList).cursor = index
        await pilot.press("enter")  # focus stays in the list: space scrolls the reader
        await pilot.pause()
        assert isinstance(app.focused, ArticleList)
        reader = app.query_one(ArticleReader)
        assert reader.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        first = reader.scroll_y
        assert first > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert reader.scroll_y > first
        await pilot.press("tab")  # into the reader: j/k scroll it line by line
        assert app.focused is reader
        before = reader.scroll_y
        await pilot.press("j")
        await pilot.pause()
        assert reader.scroll_y == before + 1


async def test_search_as_you_type_then_enter_focuses_results(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"quota")  # q must type, not quit
        assert app.query_one(Input).value == "quota"
        await pilot.press(*["backspace"] * 5, *"niamey")
        await pilot.pause(0.4)
        await settle(app, pilot)
        assert titles(app) == ["Junta leaders meet in Niamey"]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.focused, ArticleList)
        assert "“niamey”" in str(app.query_one("#status", Static).render())


async def test_escape_clears_the_search_and_returns_to_the_list(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        everything = titles(app)
        await pilot.press("slash", *"uranium", "enter")
        await settle(app, pilot)
        assert titles(app) == ["Niger signs uranium deal"]
        await pilot.press("slash", "escape")
        await settle(app, pilot)
        assert app.query_one(Input).value == ""
        assert isinstance(app.focused, ArticleList)
        assert titles(app) == everything


async def test_search_hits_are_highlighted_and_n_moves_between_them(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"convoy", "enter")
        await settle(app, pilot)
        await pilot.press("enter")
        reader = app.query_one(ArticleReader)
        assert reader.match_count == 61
        body = app.query_one(ArticleReader).body_text()
        assert any("convoy" == body.plain[s.start : s.end] for s in body.spans)  # type: ignore[union-attr]
        await pilot.press("n")
        assert reader.current_match == 0
        await pilot.press("N")
        assert reader.current_match == 60
        await pilot.pause()
        assert reader.scroll_y > 0  # jumped to the last match, at the end


async def test_bad_query_shows_inline_error_and_did_you_mean(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"convoy)", "enter")
        await settle(app, pilot)
        message = str(app.query_one("#search-message", Static).render())
        assert "unexpected ')'" in message
        await pilot.press("slash", "escape", "slash", *"ouagadogou", "enter")
        await settle(app, pilot)
        assert "Did you mean: ouagadougou" in str(app.query_one("#search-message", Static).render())


async def test_a_query_not_understood_keeps_the_last_results(home: Path) -> None:
    # A query with a mistake half-typed: the hits of the words before it stay listed (and
    # openable) while the error says what is wrong, rather than an empty list.
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"convoy", "enter")
        await settle(app, pilot)
        before = list(app.query_one(ArticleList).ids)
        assert before
        await pilot.press("slash", "end", *" AND", "enter")
        await settle(app, pilot)
        assert "AND" in str(app.query_one("#search-message", Static).render())
        assert app.query_one(ArticleList).ids == before
        assert "query not understood" in str(app.query_one("#status", Static).render())
        await pilot.press("slash", "end", *" ambush", "enter")
        await settle(app, pilot)
        assert "query not understood" not in str(app.query_one("#status", Static).render())


async def test_an_open_quote_or_bracket_searches_the_words_so_far(home: Path) -> None:
    # A phrase is typed opening quote first: the words so far are searched as that phrase,
    # not refused (the list would flicker to an error on every key until the quote closed).
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *'"convoy', "enter")
        await settle(app, pilot)
        convoy = set(app.query_one(ArticleList).ids)
        assert convoy
        message = str(app.query_one("#search-message", Static).render())
        assert 'searching as if closed: "convoy"' in message
        assert app.query_one(SearchInput).value == '"convoy'  # what was typed stays as typed
        await pilot.press("slash", "end", '"', "enter")
        await settle(app, pilot)
        assert set(app.query_one(ArticleList).ids) == convoy
        assert "as if closed" not in str(app.query_one("#search-message", Static).render())
        await pilot.press("slash", *"(convoy OR ambush", "enter")
        await settle(app, pilot)
        assert "(convoy OR ambush)" in str(app.query_one("#search-message", Static).render())
        assert convoy <= set(app.query_one(ArticleList).ids)


async def test_did_you_mean_waits_for_enter(home: Path) -> None:
    # While typing, the last word is often unfinished ("ouagadogou" on its way somewhere):
    # a suggestion for it is noise until enter says the query is meant as it is.
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"ouagadogou")
        await pilot.pause(0.1)
        await settle(app, pilot)
        assert app.main.request.search == "ouagadogou"  # searched as typed
        assert "Did you mean" not in str(app.query_one("#search-message", Static).render())
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Did you mean: ouagadougou" in str(app.query_one("#search-message", Static).render())


async def test_s_cycles_sort_and_f_cycles_filter(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.main.sort == "date"
        await pilot.press("s")  # without a search, relevance means nothing: skipped
        await settle(app, pilot)
        assert app.main.sort == "source"
        sources = [r.source for r in app.library.rows(app.query_one(ArticleList).ids)]
        assert sources == sorted(sources, key=str.lower)
        await pilot.press("s")
        assert app.main.sort == "date"
        await pilot.press("slash", *"niger", "enter")
        await settle(app, pilot)
        assert app.main.sort == "relevance"  # a search ranks by relevance
        for expected in ("source", "date", "relevance"):
            await pilot.press("s")
            assert app.main.sort == expected
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("enter")  # read one
        await pilot.press("f")
        await settle(app, pilot)
        assert app.main.filter == "unread"
        assert len(app.query_one(ArticleList).ids) == app.library.count() - 1
        for expected in ("bookmarked", "noted", "all"):
            await pilot.press("f")
            await settle(app, pilot)
            assert app.main.filter == expected


async def test_u_toggles_read_and_A_marks_the_view_read(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        first = app.query_one(ArticleList).current_id
        assert app.library.get(first).read  # shown in the reader at start: read
        await pilot.press("u")
        assert not app.library.get(first).read
        assert "6 unread" in str(app.query_one("#status", Static).render())
        await pilot.press("u")
        assert app.library.get(first).read
        assert "5 unread" in str(app.query_one("#status", Static).render())
        await pilot.press("A")
        await pilot.pause()
        assert app.library.unread_count() == 0
        assert "0 unread" in str(app.query_one("#status", Static).render())


async def test_o_opens_only_http_links(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_for(home)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        assert opened == [app.library.get(app.query_one(ArticleList).current_id).url]
        app.query_one(ArticleList).cursor = titles(app).index(MARKUP_TITLE)
        await pilot.press("enter", "o")  # keys act on the open article
        assert len(opened) == 1  # javascript: is refused


async def test_o_without_a_browser_says_so_instead_of_opening(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a machine with no web browser (a server reached over SSH) `o` said "Opening …" and
    nothing opened (review 14): it now says there is no browser, with the link to copy."""
    import webbrowser

    def no_browser(using: str | None = None) -> Any:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    app = app_for(home)
    opened: list[str] = []
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    notify = app.notify

    def record(message: str, **options: Any) -> None:
        said.append((options.get("severity", ""), message))
        notify(message, **options)

    monkeypatch.setattr(app, "notify", record)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        url = app.library.get(app.query_one(ArticleList).current_id).url
        assert opened == []
        assert not any(message.startswith("Opening") for _, message in said)
        [(severity, message)] = [item for item in said if url in item[1]]
        assert severity == "warning" and "no web browser" in message.lower()


async def test_c_copies_a_citation(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_for(home)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        assert copied == [
            "“Niger signs uranium deal”, Sahel Wire, 1 September 2024. https://news.example/uranium"
        ]


async def test_brackets_hide_and_show_panes(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        side = app.query_one(SidePanel)
        assert side.display
        await pilot.press("right_square_bracket")
        assert not side.display
        await pilot.press("right_square_bracket")
        assert side.display
        await pilot.press("left_square_bracket")
        assert not app.query_one("#list-pane").display
        await pilot.press("left_square_bracket")
        assert app.query_one("#list-pane").display


async def test_narrow_terminal_collapses_the_side_panel_which_still_toggles(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not app.query_one(SidePanel).display
        await pilot.press("right_square_bracket")
        assert app.query_one(SidePanel).display


def bindings_in_use(app) -> list[object]:  # type: ignore[no-untyped-def]
    """Every binding our own classes declare: the app, each widget on the main screen, and
    every dialog, read from the classes themselves (not from the table help is built from)."""
    from sahelreader.tui.screens.dialogs import ConfirmScreen
    from sahelreader.tui.screens.stories import StoriesScreen

    nodes = [app, *app.main.walk_children(with_self=True)]
    classes = {type(node) for node in nodes} | {
        HelpScreen,
        ViewsScreen,
        SaveSearchScreen,
        ConfirmScreen,
        StoriesScreen,
    }
    found = []
    for cls in classes:
        for klass in cls.__mro__:
            if klass.__module__.startswith("sahelreader"):
                found.extend(klass.__dict__.get("BINDINGS", []))
    return found


async def test_help_lists_every_key_of_every_pane(home: Path) -> None:
    from textual.binding import Binding

    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        in_use = bindings_in_use(app)
        assert len(in_use) > 40
        await pilot.press("question_mark")
        # App.screen is a Screen[object]: a local of type Any lets mypy narrow it to HelpScreen.
        help_screen: Any = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = {row.binding_id: row for row in help_screen.rows}
        console = Console(width=200, file=io.StringIO(), record=True)
        console.print(help_screen._table())  # the table of keys, as drawn
        shown = " ".join(console.export_text().split())
        for binding in in_use:
            assert isinstance(binding, Binding) and binding.id and binding.tooltip, binding
            assert binding.id in rows, f"{binding.id} ({binding.key}) is not on the help screen"
        # The note editor's and the side panel's keys are there, as a user reads them.
        for words in ("Save the note now", "Next row in the side panel", "Rename a saved search"):
            assert words in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_save_a_search_and_open_it_as_a_view(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"niger", "enter")
        await settle(app, pilot)
        await pilot.press("S")
        assert isinstance(app.screen, SaveSearchScreen)
        await pilot.press(*"Niger watch", "enter")
        assert app.library.saved_searches() == [("Niger watch", "niger")]
        await pilot.press("slash", "escape")
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        views: Any = app.screen
        assert isinstance(views, ViewsScreen)
        # The article shown at start ("Niger signs uranium deal", the newest) is read.
        assert [(v.name, unread) for v, unread in views.views] == [
            ("All articles", 5),
            ("Bookmarks", 0),
            ("Notes", 0),
            ("Niger watch", 1),
        ]
        await pilot.press("down", "down", "down", "enter")
        await settle(app, pilot)
        assert app.main.view.name == "Niger watch"
        assert set(titles(app)) == {"Junta leaders meet in Niamey", "Niger signs uranium deal"}


async def test_command_palette_lists_actions(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"cycle the sort")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.sort == "source"  # no search: relevance is skipped


async def test_q_quits(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_keymap_from_config_remaps_keys(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[keymap]\ncycle_sort = "ctrl+o"\n')
    app = make_app(library=Library.open(home), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        assert app.main.sort == "source"  # no search: relevance is skipped


async def test_markup_and_escapes_in_articles_are_shown_as_text(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.query_one(ArticleList).cursor = titles(app).index(MARKUP_TITLE)
        await pilot.press("enter")
        await pilot.pause()
        shown = reader_text(app)
        assert "[bold]Bold?[/bold]" in shown
        assert "[@click=app.quit]click action[/]" in shown
        assert "\x1b" not in shown
        # Clicking the text must not run the embedded action.
        await pilot.click("#reader", offset=(10, 2))
        await pilot.click("#reader", offset=(20, 5))
        await pilot.pause()
        assert app.is_running


async def test_entities_are_highlighted_and_h_toggles_them(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.query_one(ArticleList).cursor = titles(app).index("Junta leaders meet in Niamey")
        await pilot.press("enter")
        await settle(app, pilot)
        reader = app.query_one(ArticleReader)
        assert reader.entity_count > 0

        def styled_words() -> set[str]:
            body = app.query_one(ArticleReader).body_text()
            return {body.plain[s.start : s.end] for s in body.spans}  # type: ignore[union-attr]

        assert {"Niamey", "Mali", "Burkina Faso"} <= styled_words()
        await pilot.press("h")
        assert "Niamey" not in styled_words()
        await pilot.press("h")
        assert "Niamey" in styled_words()


async def test_selecting_an_entity_in_the_side_panel_searches_for_it(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.query_one(ArticleList).cursor = titles(app).index("Niger signs uranium deal")
        await pilot.press("enter")
        await settle(app, pilot)
        await settle(app, pilot)
        side = app.query_one(SidePanel)
        names = [(g.type, g.name) for g in side.groups]
        assert ("place", "Niger") in names
        assert side.article_counts  # counted in a worker: articles naming each entity
        assert side.article_counts['place:"Niger"'] == 2
        entity_list = app.query_one("#entity-list", SideList)
        entity_list.focus()
        entity_list.highlighted = names.index(("place", "Niger"))
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.query_text == 'place:"Niger"'
        assert app.query_one(Input).value == 'place:"Niger"'
        assert set(titles(app)) == {"Junta leaders meet in Niamey", "Niger signs uranium deal"}
        assert isinstance(app.focused, ArticleList)


async def test_watchlist_filter_and_highlight(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "config.toml").write_text('watch = ["Ménaka", "uranium"]\n')
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.main.filters[-1] == "watchlist"
        await pilot.press(*["f"] * (len(app.main.filters) - 1))
        await settle(app, pilot)
        assert app.main.filter == "watchlist"
        assert set(titles(app)) == {"Attaque meurtrière à Ménaka", "Niger signs uranium deal"}
        app.query_one(ArticleList).cursor = titles(app).index("Attaque meurtrière à Ménaka")
        await pilot.press("enter")
        await pilot.pause()
        body = app.query_one(ArticleReader).body_text()
        watched = [
            body.plain[s.start : s.end]  # type: ignore[union-attr]
            for s in body.spans  # type: ignore[union-attr]
            if "underline" in str(s.style)
        ]
        assert "Ménaka" in watched


async def test_b_bookmarks_and_bookmarks_view(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        first = app.query_one(ArticleList).current_id
        await pilot.press("b")
        assert app.library.get(first).bookmarked
        assert app.library.rows([first])[0].bookmarked
        await pilot.press("j", "enter", "b")  # the open article: the one enter opened
        second = app.query_one(ArticleList).current_id
        assert app.library.get(second).bookmarked
        app.main.open_view(__import__("sahelreader.models", fromlist=["BOOKMARKS"]).BOOKMARKS)
        await settle(app, pilot)
        # In the order the header names (by date: the list's first article is the newest).
        assert app.query_one(ArticleList).ids == [first, second]
        await pilot.press("b")  # unbookmark the open one: it leaves the view
        await settle(app, pilot)
        assert app.query_one(ArticleList).ids == [first]


async def test_e_edits_a_note_that_autosaves_and_y_quotes(home: Path) -> None:
    from sahelreader.tui.widgets.note_editor import NoteEditor

    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        article_id = app.main.article.id
        await pilot.press("e")
        editor = app.query_one(NoteEditor)
        assert editor.is_open and app.focused is editor.text_area
        assert app.query_one(ArticleReader).display  # the article stays readable
        await pilot.press(*"Check this")
        await settle(app, pilot)
        assert app.library.note(article_id).body == "Check this"
        assert app.library.rows([article_id])[0].noted
        await pilot.press(*" now", "ctrl+s")
        assert app.library.note(article_id).body == "Check this now"
        await pilot.press("escape")
        assert not editor.is_open
        # y quotes the paragraph on screen (or a selection) as a blockquote.
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("ctrl+s")
        body = app.library.note(article_id).body
        assert body.startswith("Check this now\n\n> ")
        await pilot.press("escape")
        await pilot.pause(2.5)  # the index catches up a moment later
        await settle(app, pilot)
        assert [h.id for h in app.library.search("note:check").hits] == [article_id]
        await pilot.press("f", "f", "f")
        await settle(app, pilot)
        assert app.main.filter == "noted"
        assert app.query_one(ArticleList).ids == [article_id]


async def test_quitting_saves_the_note_being_typed(home: Path) -> None:
    from sahelreader.tui.widgets.note_editor import NoteEditor

    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "e", *"unsaved words")
        article_id = app.query_one(NoteEditor).article_id
        await app.action_quit()
        await pilot.pause()
    assert app.library.note(article_id).body == "unsaved words"


async def test_palette_shows_saved_search_words_as_plain_text(home: Path) -> None:
    library = build_library(home)
    library.save_search("[bold]Odd[/bold] name", "published:[2024-01 to 2024-12] OR niger")
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"odd")
        await pilot.pause(0.6)
        assert app.is_running
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.view.name == "[bold]Odd[/bold] name"
        assert app.main.query_text == "published:[2024-01 to 2024-12] OR niger"


async def test_a_change_in_a_read_only_library_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    from sahelreader.library import Library
    from sahelreader.tui import make_app
    from sahelreader.tui.delays import Delays
    from tests.tui_helpers import build_library

    home = tmp_path / "ro-home"
    build_library(home).close()
    library = Library.open(home, seed=False, read_only=True)
    app = make_app(library=library, delays=Delays.none())
    said: list[str] = []
    app.notify = lambda message, **kwargs: said.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("b")
        await settle(app, pilot)
        assert app.is_running
        assert any("read-only" in line for line in said), said
        assert library.bookmarks() == []
    library.close()


async def test_a_search_that_finds_more_than_the_list_holds_says_how_many_match(
    home: Path,
) -> None:
    # The list holds the best hits (ListRequest.limit); the header used to say "2+ hits".
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.main
        screen.request = replace(screen.request, limit=1)
        await pilot.press("slash", *"niger", "enter")
        await settle(app, pilot)
        assert len(titles(app)) == 1
        assert "1 of 2 hits" in str(app.query_one("#status", Static).render())


def _app_with_a_longer_list(home: Path) -> SahelReaderApp:
    """The test library and 14 more articles: at 24 rows the list is longer than its pane."""
    library = build_library(home)
    library.add_drafts(
        [
            draft(
                f"Market day {n} in Dosso",
                f"Traders in Dosso, week {n}.",
                published=utc(2023, 5, n),
            )
            for n in range(1, 15)
        ]
    )
    library.ensure_index()
    return make_app(library=library, delays=Delays.none())


async def test_pagedown_scrolls_the_reader_even_when_the_list_could_scroll(home: Path) -> None:
    """At 24 rows the list is longer than its pane: ScrollView's own page keys scrolled the
    list under the cursor instead of the article, as `?` and the README say they do."""
    app = _app_with_a_longer_list(home)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert article_list.virtual_size.height > article_list.size.height  # it could scroll
        article_list.cursor = titles(app).index("Long convoy diary")
        await pilot.press("enter")
        await pilot.pause()
        reader = app.query_one(ArticleReader)
        list_at, cursor = article_list.scroll_y, article_list.cursor
        await pilot.press("pagedown")
        await pilot.pause()
        assert reader.scroll_y > 0
        assert (article_list.scroll_y, article_list.cursor) == (list_at, cursor)
        await pilot.press("pageup")
        await pilot.pause()
        assert reader.scroll_y == 0
        assert article_list.scroll_y == list_at


async def test_a_search_typed_further_starts_at_its_best_hit(home: Path) -> None:
    """Typed slowly, each word shows hits; the cursor stayed on the article highlighted for
    the words typed so far, so enter opened a middle hit of the final search."""
    library = Library.open(home, seed=False)
    convoy = draft(
        "Convoy news from the north",
        "The convoy left at dawn. The convoy was long, and the convoy drivers said the convoy "
        "would pass near Arlit.",
        published=utc(2024, 3, 1),
    )
    arlit = draft(
        "Arlit waits for the miners' pay",
        "In Arlit the mine is idle. Arlit traders say Arlit needs a convoy of supplies; Arlit "
        "families wait.",
        published=utc(2024, 3, 2),
    )
    library.add_drafts([convoy, arlit])
    library.ensure_index()
    library.store.set_meta("seeded", "1")
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"arlit")
        await settle(app, pilot)
        assert titles(app) == [arlit.title, convoy.title]
        article_list = app.query_one(ArticleList)
        assert article_list.cursor == 0
        await pilot.press(*" convoy")
        await settle(app, pilot)
        assert titles(app) == [convoy.title, arlit.title]
        assert article_list.cursor == 0  # the best hit of "arlit convoy", not of "arlit"
        # Sorted another way, the same search keeps the cursor on its article.
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("j")
        chosen = article_list.current_id
        await pilot.press("s")
        await settle(app, pilot)
        assert article_list.current_id == chosen


async def test_a_long_source_name_is_cut_with_an_ellipsis_and_the_date_stays_whole(
    home: Path,
) -> None:
    library = build_library(home)
    library.add_drafts(
        [
            draft(
                "Council briefing on the Sahel",
                "The council heard a briefing on the Sahel.",
                source="Security Council Report Monthly Forecast",
                published=utc(2025, 2, 14),
            )
        ]
    )
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        index = titles(app).index("Council briefing on the Sahel")
        article_list.cursor = index
        await pilot.pause()
        lines = [
            article_list.render_line(y).text
            for y in range(article_list.size.height)
            if "2025-02-14" in article_list.render_line(y).text
        ]
        assert len(lines) == 1
        meta = lines[0].rstrip()
        assert meta.endswith("… · 2025-02-14")
        assert meta.lstrip().startswith("Security Co")


async def test_a_search_without_hits_is_said_once(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"zzyzxqv", "enter")
        await settle(app, pilot)
        said = str(app.query_one("#search-message", Static).render())
        article_list = app.query_one(ArticleList)
        assert article_list.ids == [] and article_list.empty_message == "No articles match."
        assert "No results" not in said  # the list says it; the line above stays free


async def test_the_list_cursor_stays_in_view_when_the_terminal_shrinks(home: Path) -> None:
    app = _app_with_a_longer_list(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        article_list.cursor = 11  # on screen at 40 rows, below the pane at 24
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        top = int(article_list.scroll_y)
        row_top = article_list.cursor * article_list.row_height
        assert top <= row_top
        assert row_top + article_list.row_height <= top + article_list.size.height


@pytest.mark.parametrize("published", [None, utc(2024, 2, 9)])
async def test_the_byline_never_ends_in_a_dangling_dot(home: Path, published: object) -> None:
    """At 80 columns a long link did not fit after "Outlet · ": wrapped, the line ended in "·"."""
    library = Library.open(home, seed=False)
    library.add_drafts(
        [
            draft(
                "Herders move south early",
                "Herders left the northern pastures a month early this year.",
                source="Harmattan Herald",
                url="https://www.harmattan-herald.example/pastoral/2024/herders-move-south-"
                "early-as-the-northern-pastures-dry",
                published=published,  # type: ignore[arg-type]
            )
        ]
    )
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        lines = [line.plain.rstrip() for line in app.query_one(ArticleReader)._lines]
        byline = lines[1]
        assert byline.startswith("Harmattan Herald") and not byline.endswith("·")
        assert not any(line.endswith("·") for line in lines)
        assert any(line.startswith("https://www.harmattan-herald.example/") for line in lines)


def _many(home: Path, count: int = 40) -> Library:
    library = Library.open(home, seed=False)
    library.add_drafts(
        [
            draft(
                f"Well number {n} dug in the dry valley of the northern district",
                f"Villagers dug well number {n} before the dry season.",
                source="Harmattan Herald",
                url=f"https://harmattan.example/wells/{n}",
                published=utc(2024, 1, 1 + n % 28),
            )
            for n in range(count)
        ]
    )
    library.ensure_index()
    return library


def _list_top_is_a_row_start(article_list: ArticleList) -> bool:
    height = article_list.row_height
    top = int(article_list.scroll_y)
    view = article_list.scrollable_content_region.height
    cursor_top = article_list.cursor * height
    return top % height == 0 and top <= cursor_top and cursor_top + height <= top + view


async def test_the_list_starts_on_a_row_and_has_no_horizontal_scrollbar(home: Path) -> None:
    """At 80x24, reopened on an article below the first page, the list began mid-row (a
    title's second line on top), and a horizontal scrollbar drew a stray thumb at the bottom."""
    library = _many(home)
    library.set_last_opened(library.list_ids()[15])
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert article_list.current_id == library.list_ids()[15]
        assert not article_list.show_horizontal_scrollbar
        assert _list_top_is_a_row_start(article_list)
        for keys in (["j"] * 3, ["G"], ["k"] * 9, ["g"]):
            await pilot.press(*keys)
            await settle(app, pilot)
            assert _list_top_is_a_row_start(article_list), keys


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("wait", [False, True])
async def test_did_you_mean_shows_in_the_empty_list_and_enter_searches_it(
    home: Path, size: tuple[int, int], wait: bool
) -> None:
    # A misspelt town ("niamy" for a library that has Niamey): the empty list said only "No
    # articles match."; it offers the library's word, and enter there searches it.
    app = app_for(home)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"niamy")
        if wait:  # searched as typed before enter
            await pilot.pause(0.1)
            await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert article_list.ids == []
        assert "Did you mean: niamey" in article_list.empty_message
        shown = "".join("".join(s.text for s in article_list.render_line(y)) for y in range(1, 5))
        assert "niamey" in shown
        assert "Did you mean: niamey" in str(app.query_one("#search-message", Static).render())
        await pilot.press("enter")  # in the list: searches the suggestion
        await settle(app, pilot)
        assert app.main.request.search == "niamey"
        assert article_list.ids
        assert app.query_one(SearchInput).value == "niamey"


async def test_did_you_mean_inside_a_saved_view_proposes_the_words_typed(home: Path) -> None:
    # In a saved view the query run is "(view) AND (typed)": a misspelt word typed there
    # listed the view's every article (the word was dropped), then proposed the whole query.
    from sahelreader.models import View

    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.open_view(View("Everything", "the"))
        await settle(app, pilot)
        assert app.query_one(ArticleList).ids
        await pilot.press("slash", *"niamy", "enter")
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert article_list.ids == []
        message = str(app.query_one("#search-message", Static).render())
        assert "Did you mean: niamey" in message and "AND" not in message
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.request.search == "niamey" and app.main.view.query == "the"
        assert article_list.ids


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
async def test_sigterm_and_sighup_save_the_note_being_typed(
    home: Path, signame: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A terminal closed (SIGHUP) or a `kill` (SIGTERM) within the autosave's pause: the text
    typed is saved, as on ctrl+q. The signal is real, sent to this process; a handler of the
    test's own catches it should the app not handle it (and the note would then be lost)."""
    import os
    import signal

    from sahelreader.tui.widgets.note_editor import NoteEditor

    signum = getattr(signal, signame)
    unhandled: list[int] = []
    previous = signal.signal(signum, lambda number, frame: unhandled.append(number))
    try:
        app = make_app(library=build_library(home), delays=replace(Delays.none(), autosave=60))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await pilot.press("enter", "e", *"typed just before the end")
            article_id = app.query_one(NoteEditor).article_id
            assert article_id is not None
            os.kill(os.getpid(), signum)
            await pilot.pause(0.2)
            assert not unhandled
            assert not app.is_running
        assert app.return_code == 128 + signum
    finally:
        signal.signal(signum, previous)
    assert app.library.note(article_id).body == "typed just before the end"


async def test_a_query_not_understood_clears_the_last_querys_did_you_mean(home: Path) -> None:
    """After "niamy⏎" offered niamey, "niamy AND" is an error: enter kept the error's place for
    the older query's suggestion, and the empty list still offered it."""
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"niamy", "enter")
        await settle(app, pilot)
        assert "Did you mean: niamey" in app.query_one(SearchBar).message
        await pilot.press("slash", "end", *" AND")
        await pilot.pause(0.1)
        await settle(app, pilot)
        assert "AND" in app.query_one(SearchBar).message
        assert "Did you mean" not in app.query_one(ArticleList).empty_message
        await pilot.press("enter")
        await settle(app, pilot)
        message = app.query_one(SearchBar).message
        assert "AND" in message and "Did you mean" not in message
        assert "Did you mean" not in app.query_one(ArticleList).empty_message


async def test_an_open_quote_with_no_hits_says_it_searched_as_if_closed(home: Path) -> None:
    """`"convoy niamy` (no hits yet: the last word is half typed) said nothing of the quote it
    closed, though `"convoy` and `(convoy` with hits did."""
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *'"convoy niamy')
        await pilot.pause(0.1)
        await settle(app, pilot)
        assert app.query_one(ArticleList).ids == []
        assert 'searching as if closed: "convoy niamy"' in app.query_one(SearchBar).message
        await pilot.press("ctrl+u", *"(convoy niamy")
        await pilot.pause(0.1)
        await settle(app, pilot)
        assert "searching as if closed: (convoy niamy)" in app.query_one(SearchBar).message


def _said_by(app: SahelReaderApp) -> list[str]:
    """Every notification from now on."""
    said: list[str] = []
    notify = app.notify

    def record(message: str, **options: Any) -> None:
        said.append(message)
        notify(message, **options)

    app.notify = record  # type: ignore[method-assign]
    return said


def _problem(app: SahelReaderApp) -> str:
    return str(app.screen.query_one("#save-problem", Static).render())


async def test_s_then_enter_with_no_name_names_the_view_after_its_query(home: Path) -> None:
    """Enter in an empty name box did nothing and said nothing, and the dialog stayed open to
    swallow the next keys; the query shown above it is the natural name."""
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"uranium deal", "enter")
        await settle(app, pilot)
        await pilot.press("S")
        assert isinstance(app.screen, SaveSearchScreen)
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, SaveSearchScreen)
        assert app.library.saved_searches() == [("uranium deal", "uranium deal")]


async def test_the_same_query_saved_twice_says_under_which_name(home: Path) -> None:
    library = build_library(home)
    library.save_search("Yellowcake", "uranium")
    app = make_app(library=library, delays=Delays.none())
    said = _said_by(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"uranium", "enter")
        await settle(app, pilot)
        await pilot.press("S")
        await pilot.pause()
        assert not isinstance(app.screen, SaveSearchScreen)
        assert any("already saved as “Yellowcake”" in message for message in said)
        assert library.saved_searches() == [("Yellowcake", "uranium")]


@pytest.mark.parametrize("taken", ["Bookmarks", "notes", "All articles", "Yellowcake"])
async def test_a_view_is_never_named_like_a_built_in_view_or_another_search(
    home: Path, taken: str
) -> None:
    """Renamed "Bookmarks", a saved search made two "Bookmarks" rows in `v`; saved under the
    name of another saved search, it replaced that search's query without a word."""
    library = build_library(home)
    library.save_search("Yellowcake", "uranium")
    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"convoy", "enter")
        await settle(app, pilot)
        await pilot.press("S", *taken, "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SaveSearchScreen)  # refused: the dialog stays, saying why
        assert "choose another name" in _problem(app)
        assert library.saved_searches() == [("Yellowcake", "uranium")]
        await pilot.press("ctrl+u", *"Convoys", "enter")
        await settle(app, pilot)
        assert library.saved_searches() == [("Convoys", "convoy"), ("Yellowcake", "uranium")]
        app.main._rename_view(View("Convoys", "convoy"))
        await pilot.pause()
        await pilot.press("ctrl+u", *taken, "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SaveSearchScreen)
        assert "choose another name" in _problem(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert library.saved_searches() == [("Convoys", "convoy"), ("Yellowcake", "uranium")]


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_the_search_placeholder_is_never_cut(home: Path, size: tuple[int, int]) -> None:
    """At 80 columns the box showed "/ search (hover or ? for the": the hint lost its end."""
    app = app_for(home)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        search = app.query_one(SearchInput)
        shown = "".join(segment.text for segment in search.render_line(0)).strip()
        assert shown == search.placeholder
        assert shown.startswith("/ search") and shown.endswith("syntax)")
        if size[0] >= 120:
            assert "hover" in shown  # the long hint where it fits


async def test_an_empty_list_under_a_query_not_understood_does_not_say_nothing_matched(
    home: Path,
) -> None:
    # The query never ran: "No articles match." would claim it had, and found nothing.
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"qzxvwk", "enter")
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert not article_list.ids and "No articles match" in article_list.empty_message
        await pilot.press("slash", "end", *" AND", "enter")
        await settle(app, pilot)
        assert not article_list.ids
        assert "No articles match" not in article_list.empty_message
        assert "not understood" in article_list.empty_message


@pytest.mark.parametrize(
    ("command", "kind", "opens_here"),
    [
        ("lynx", "GenericBrowser", False),
        ("/usr/bin/w3m", "GenericBrowser", False),
        ("www-browser", "GenericBrowser", False),
        ("firefox", "BackgroundBrowser", True),
        ("my-browser-script", "GenericBrowser", True),
    ],
)
def test_a_text_mode_browser_is_no_browser_to_open_links_with(
    monkeypatch: pytest.MonkeyPatch, command: str, kind: str, opens_here: bool
) -> None:
    # Over SSH, Python's webbrowser falls back on lynx or w3m: opening a link would run it in
    # the reader's own terminal and wait for it. Only a browser that opens elsewhere counts.
    import webbrowser

    from sahelreader.tui.screens.main import _browser_available

    browser = getattr(webbrowser, kind)(command)
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    assert _browser_available() is opens_here
