"""Keys typed in one burst after a search act on its results, and keys never stay on a pane a
resize folded away.

A search runs in the list's worker thread: a second enter (or j) read in the same burst as the
enter that ran it reached the list before the hits did, and opened the old list's article.
"""

from __future__ import annotations

import time
from pathlib import Path

from sahelreader.models import Cancellation, ListRequest, ListResult
from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.reader import ArticleReader
from sahelreader.tui.widgets.side_panel import SidePanel

from .test_tui_key_order import burst
from .tui_helpers import app_for, settle


def slow_searches(article_list: ArticleList, seconds: float = 0.3) -> None:
    """A search that takes a while (a large library, a cold index), as the list's worker sees it."""
    ask = article_list.ask

    def asking(request: ListRequest, cancelled: Cancellation) -> ListResult | None:
        if request.query:
            time.sleep(seconds)
        return ask(request, cancelled)

    article_list.ask = asking


async def _opened_after(home: Path, *keys: str) -> tuple[list[str], list[str], str | None]:
    """The list before and after `keys` (sent in one burst), and the article then open."""
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        slow_searches(article_list)
        before = list(article_list.ids)
        burst(app, *keys)
        for _ in range(10):
            await settle(app, pilot)
        opened = app.main.article.id if app.main.article is not None else None
        return before, list(article_list.ids), opened


async def test_enter_after_a_search_in_one_burst_opens_the_first_hit(home: Path) -> None:
    before, after, opened = await _opened_after(home, "slash", *"burkina", "enter", "enter")
    assert after and after != before
    assert before[0] not in after  # the old top article is no hit
    assert opened == after[0]


async def test_a_cursor_move_after_a_search_in_one_burst_moves_among_the_hits(home: Path) -> None:
    before, after, opened = await _opened_after(home, "slash", *"sahel", "enter", "j", "enter")
    assert len(after) >= 2 and after != before
    assert opened == after[1]


async def test_a_resize_that_folds_the_focused_side_panel_moves_the_keys(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        side = app.query_one(SidePanel)
        await pilot.press("tab", "tab")
        await settle(app, pilot)
        assert app.focused is not None and side in (app.focused, *app.focused.ancestors)
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        assert not side.display
        assert app.focused is app.query_one(ArticleList)
        assert "SIDE PANEL" not in str(app.query_one("#context-bar").render())
        await pilot.resize_terminal(120, 40)  # shown again: the keys stay where they went
        await settle(app, pilot)
        assert app.focused is app.query_one(ArticleList)


async def test_a_fold_with_the_list_hidden_gives_the_keys_to_the_reader(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        side = app.query_one(SidePanel)
        await pilot.press("shift+tab")  # from the list back to the search box
        await pilot.press("shift+tab")  # then the side panel
        await settle(app, pilot)
        assert app.focused is not None and side in (app.focused, *app.focused.ancestors)
        app.query_one("#list-pane").display = False
        await pilot.resize_terminal(90, 30)
        await settle(app, pilot)
        assert not side.display
        assert app.focused is app.query_one(ArticleReader)


async def test_the_bracket_that_hides_the_focused_side_panel_moves_the_keys(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        side = app.query_one(SidePanel)
        await pilot.press("tab", "tab")
        await settle(app, pilot)
        assert app.focused is not None and side in (app.focused, *app.focused.ancestors)
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert not side.display
        assert app.focused is app.query_one(ArticleList)


async def test_editing_keys_in_the_search_box_do_not_wait_for_the_search_they_start(
    home: Path,
) -> None:
    # Backspace, like a letter, stays in the box: held down it must not wait, key after key,
    # for the search each step sets going (a slow search made a held backspace crawl).
    from textual.widgets import Input

    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        slow_searches(app.query_one(ArticleList), seconds=2.0)
        await pilot.press("slash", *"burkina")
        box = app.focused
        assert isinstance(box, Input)
        started = time.monotonic()
        burst(app, "backspace", "backspace", "backspace", "ctrl+w")
        while box.value and time.monotonic() - started < 1.5:
            await pilot.pause(0.05)
        assert box.value == ""
