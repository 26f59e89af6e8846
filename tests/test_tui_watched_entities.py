"""Watched names (config.toml `watch`) shown one way: the reader highlights the whole mention
of a watched entity ("Moctar Zandoro" when "Zandoro" is watched, and its later short "Zandoro"),
the side panel marks the entity watched, and the watchlist filter lists the same articles."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from sahelreader.library import Library
from sahelreader.search.watch import watched_entity
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays
from sahelreader.tui.widgets.article_list import ArticleList
from sahelreader.tui.widgets.entity_styles import ENTITY_STYLES, WATCHED_MARK
from sahelreader.tui.widgets.reader import ArticleReader
from sahelreader.tui.widgets.side_panel import SideList, SidePanel

from .conftest import draft
from .tui_helpers import settle

WATCH_STYLE = ENTITY_STYLES["watch"]

ARTICLES = {
    "Governor tours the dunes": (
        "Governor Moctar Zandoro toured the dunes near Tazerzait on Monday. Later Zandoro told "
        "herders that the wells of Tazerzait would be repaired before the dry season."
    ),
    "Salt caravan reaches the oasis": (
        "The salt caravan led by Hawa Kelleri Djibo reached the oasis after nine days. "
        "Hawa Kelleri Djibo said the camels were thin but the salt was good."
    ),
    "Market day in the valley": (
        "Traders from the valley sold dates and millet. Nobody named here is watched, and the "
        "Zandorovka quarry is another name altogether."
    ),
}
CONFIG = (
    "[entities]\n"
    '"Moctar Zandoro" = "person"\n'
    '"Hawa Kelleri Djibo" = "person"\n'
    '"Tazerzait" = "place"\n'
)


def _library(home: Path, watch: str) -> Library:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(f"watch = {watch}\n{CONFIG}", "utf-8")
    library = Library.open(home, seed=False)
    library.add_drafts(
        [
            draft(
                title,
                body,
                url=f"https://dunes.example/{n}",
                published=datetime(2025, 3, 10 + n, tzinfo=timezone.utc),
            )
            for n, (title, body) in enumerate(ARTICLES.items())
        ]
    )
    library.ensure_index()
    library.store.set_meta("seeded", "1")
    return library


def _styled(body: Any, style: str) -> list[str]:
    """The text of each run of `style` (merged where spans touch)."""
    marked = [False] * len(body.plain)
    for span in body.spans:
        if str(span.style) == style:
            for i in range(span.start, span.end):
                marked[i] = True
    runs, start = [], None
    for i, on in enumerate([*marked, False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            runs.append(body.plain[start:i])
            start = None
    return runs


async def _open(app: Any, pilot: Any, title: str) -> None:
    listed = app.query_one(ArticleList)
    ids = listed.ids
    titles = [row.title for row in app.library.rows(ids)]
    listed.cursor = titles.index(title)
    await pilot.press("enter")
    await settle(app, pilot)
    await settle(app, pilot)


@pytest.mark.parametrize(
    ("watch", "title", "whole"),
    [
        # A surname watched: the full name, and the later surname alone.
        ('["Zandoro"]', "Governor tours the dunes", "Moctar Zandoro"),
        # The full name watched, in other case and accents: the short mention too.
        ('["moctar zandorò"]', "Governor tours the dunes", "Moctar Zandoro"),
        # A middle name of three.
        ('["Kelleri"]', "Salt caravan reaches the oasis", "Hawa Kelleri Djibo"),
    ],
)
async def test_a_watched_entity_is_highlighted_whole_and_marked_in_the_side_panel(
    home: Path, watch: str, title: str, whole: str
) -> None:
    app = make_app(library=_library(home, watch), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _open(app, pilot, title)
        body = app.query_one(ArticleReader).body_text()
        runs = _styled(body, WATCH_STYLE)
        assert whole in runs  # the whole mention, one way
        # No piece of a watched entity's mention keeps the plain People colour.
        people = _styled(body, ENTITY_STYLES["person"])
        assert not any(run in whole or whole in run for run in people), people
        side = app.query_one(SidePanel)
        assert side.watched == {g.query for g in side.groups if g.name == whole}
        entity_list = app.query_one("#entity-list", SideList)
        labels = {
            choice.group.name: str(entity_list.get_option_at_index(n).prompt)
            for n, choice in enumerate(entity_list.choices)
            if choice.group is not None
        }
        assert WATCHED_MARK in labels[whole]
        assert all(WATCHED_MARK not in label for name, label in labels.items() if name != whole)
        # The place of the same article is not watched: its own colour.
        if "Tazerzait" in body.plain:
            assert "Tazerzait" in _styled(body, ENTITY_STYLES["place"])


async def test_the_watchlist_filter_lists_the_articles_of_the_entities_marked(home: Path) -> None:
    """The filter, the reader and the side panel agree: an article is in the watchlist filter
    when its side panel marks a watched entity; a longer word holding the name is not one."""
    app = make_app(library=_library(home, '["Zandoro", "Kelleri"]'), delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        while app.main.filter != "watchlist":
            await pilot.press("f")
            await settle(app, pilot)
        filtered = {row.title for row in app.library.rows(app.query_one(ArticleList).ids)}
        assert filtered == {"Governor tours the dunes", "Salt caravan reaches the oasis"}
        await pilot.press("f")  # back to all
        await settle(app, pilot)
        marked = set()
        for title in ARTICLES:
            await _open(app, pilot, title)
            if app.query_one(SidePanel).watched:
                marked.add(title)
            body = app.query_one(ArticleReader).body_text()
            assert "Zandorovka" not in "".join(_styled(body, WATCH_STYLE))
        assert marked == filtered


def test_watched_entity_follows_the_watch_list_rule() -> None:
    assert watched_entity(["Abdou Salifou Maïga"], ["maiga"]) == ["maiga"]
    assert watched_entity(["Maïgaville"], ["Maïga"]) == []  # whole words only
    assert watched_entity(["Salifou", "Abdou Salifou"], ["Abdou Salifou"]) == ["Abdou Salifou"]
    # An acronym in capitals, in a spelling or in the entity's indexed name.
    assert watched_entity(["la CEDEAO"], ["ECOWAS"], canonical="ECOWAS") == ["ECOWAS"]
    assert watched_entity(["Who Cares Trust"], ["WHO"]) == []
    # A word watched is matched in what the text writes, not in the indexed name.
    assert watched_entity(["Burkina"], ["Faso"], canonical="Burkina Faso") == []


def test_a_watched_acronym_marks_the_entity_under_its_other_name(home: Path) -> None:
    """ "ECOWAS" watched: the article writing "la CEDEAO" is in the filter (entity:"ECOWAS"
    finds it under any of its names), and its "CEDEAO" is highlighted; "who" in lower case is
    no watched "WHO"."""
    home.mkdir(parents=True)
    (home / "config.toml").write_text('watch = ["ECOWAS", "WHO"]\n', "utf-8")
    library = Library.open(home, seed=False)
    library.add_drafts(
        [
            draft(
                "Sommet à Abuja",
                "Les chefs d'État de la CEDEAO se sont réunis à Abuja. La CEDEAO demande un "
                "calendrier électoral.",
                published=datetime(2025, 3, 1, tzinfo=timezone.utc),
                language="fr",
            ),
            draft(
                "Farmers meet in Lagos",
                "The farmers who came to Lagos asked who would pay for the seeds.",
                published=datetime(2025, 3, 2, tzinfo=timezone.utc),
            ),
        ]
    )
    library.ensure_index()
    from sahelreader.search.watch import watch_query

    hits = {hit.title for hit in library.search(watch_query(library.config.watch)).hits}
    marked = set()
    for row in library.rows(library.list_ids()):
        article = library.get(row.id)
        entities = library.entities(article)
        spans = library.watched_names(article.body, entities)
        if any(library.watched_group(group) for group in library.entity_groups(article)):
            marked.add(article.title)
        if article.title == "Sommet à Abuja":
            assert [article.body[s:e] for s, e in spans] == ["CEDEAO", "CEDEAO"]
        else:
            assert spans == []
    assert hits == marked == {"Sommet à Abuja"}
