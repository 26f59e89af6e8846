"""Layout at the list's edge: a search hit's snippet stops a cell short of the list's border,
cut with an ellipsis like a title (it ran into the border: "…des États▕")."""

from __future__ import annotations

from pathlib import Path

from sahelreader.library import Library
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays
from sahelreader.tui.widgets.article_list import ArticleList

from .conftest import draft, utc
from .tui_helpers import settle


async def test_a_long_snippet_stops_short_of_the_list_edge(home: Path) -> None:
    library = Library.open(home, seed=False)
    words = " ".join(f"quarante{n}" for n in range(40))
    library.add_drafts(
        [
            draft(
                "Short title",
                f"Les ministres de la zone sahélienne {words} ont parlé de douane ensuite "
                f"{words} encore.",
                published=utc(2025, 3, 1),
            )
        ]
    )
    library.ensure_index()
    app = make_app(library=library, delays=Delays.none())
    for size in ((120, 40), (80, 24), (100, 30)):
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await pilot.press("slash", *"douane", "enter")
            await settle(app, pilot)
            article_list = app.query_one(ArticleList)
            [row_id] = article_list.ids
            width = article_list.scrollable_content_region.width
            row = article_list.current_row
            assert row is not None and row.id == row_id
            snippet = "".join(
                s.text for s in article_list._row_lines(row, width)[2]
            )  # title, source, snippet
            assert len(snippet) == width, size
            assert "douane" in snippet, size
            assert snippet.rstrip().endswith("…") and snippet.endswith(" "), (size, snippet)
        app = make_app(library=Library.open(home, seed=False), delays=Delays.none())
