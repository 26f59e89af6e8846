"""A newly opened article's side panel starts at its top ("About this article"), wherever the
previous article's panel was scrolled to; the same article shown again keeps its place."""

from __future__ import annotations

from pathlib import Path

from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.side_panel import SidePanel

from .tui_helpers import app_for, settle


async def test_another_article_opens_with_its_side_panel_at_the_top(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 18)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        side = app.query_one(SidePanel)
        assert side.max_scroll_y > 2  # the panel is taller than the screen
        # Walked down the panel's rows, as a reader does with tab and j.
        await pilot.press("tab", "tab", *"jjjjjjjjjjjj")
        await settle(app, pilot)
        assert side.scroll_y > 0
        first = app.main.article
        # Another article, opened from the list.
        app.query_one(ArticleList).focus()
        await pilot.press("j", "enter")
        await settle(app, pilot)
        assert app.main.article is not None and first is not None
        assert app.main.article.id != first.id
        assert side.scroll_y == 0


async def test_the_same_article_shown_again_keeps_its_side_panel_place(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 18)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        side = app.query_one(SidePanel)
        side.scroll_to(y=3, animate=False, immediate=True)
        await settle(app, pilot)
        assert app.main.article is not None
        side.show(app.main.article)
        await settle(app, pilot)
        assert side.scroll_y == 3
