"""Keys that arrive in one read after a key that moves the focus go to the newly focused widget.

Textual hands each key to the widget focused when the app reads it, but a key that moves the
focus (enter in the search box, tab) does so only once that widget and the containers above it
have handled it: typed in one burst, "mali⏎jk" typed "jk" into the search box, and tab tab
from the list landed on the reader (the second tab went to the list too).
"""

from __future__ import annotations

from pathlib import Path

from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.search_bar import SearchInput
from sahelreader.tui.widgets.side_panel import SidePanel

from .test_tui_key_order import burst
from .tui_helpers import app_for, settle


async def test_keys_after_enter_in_the_search_box_move_in_the_list(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"niger")
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        assert len(article_list.ids) >= 2
        burst(app, "enter", "j", "k", "j")
        await settle(app, pilot)
        assert app.query_one(SearchInput).value == "niger"
        assert app.main.query_text == "niger"
        assert app.focused is article_list
        assert article_list.cursor == 1


async def test_two_tabs_in_one_burst_move_two_panes(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.focused is app.query_one(ArticleList)
        burst(app, "tab", "tab")
        await settle(app, pilot)
        side = app.query_one(SidePanel)
        assert app.focused is not None and side in (app.focused, *app.focused.ancestors)
        burst(app, "shift+tab", "shift+tab", "shift+tab")
        await settle(app, pilot)
        assert app.focused is app.query_one(SearchInput)


async def test_letters_after_slash_enter_escape_keep_their_order(home: Path) -> None:
    """A longer burst: a search typed, run, the box left, the list walked, all in one read."""
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        burst(app, "slash", *"convoy", "enter", "j", "slash", *"x", "backspace")
        await settle(app, pilot)
        assert app.focused is app.query_one(SearchInput)
        assert app.query_one(SearchInput).value == ""


async def test_cursor_and_scroll_keys_are_handed_out_at_once(home: Path) -> None:
    """Held down (key repeat), a key that only moves a cursor or scrolls must not queue up
    behind what each step sets going: only keys that may move the focus wait."""
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.focused is app.query_one(ArticleList)
        assert app._moves_only("j") and app._moves_only("down") and app._moves_only("G")
        assert not app._moves_only("enter")
        assert not app._moves_only("tab")
        assert not app._moves_only("slash")
        burst(app, *"jjjj")
        await pilot.pause()
        assert not app._keys_waiting
