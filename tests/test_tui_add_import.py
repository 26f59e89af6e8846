"""The add dialog's import and the read state: an import goes on after esc (its progress in the
status line, its outcome said at the end), the list's cursor stays where the user had it when
the import's articles arrive, the side panel's Status follows every read-state change, and
`A` on an empty view says there is nothing in it."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.geometry import Region
from textual.widgets import Static

from sahelreader.library import AddReport
from sahelreader.models import ArticleDraft
from sahelreader.tui import SahelReaderApp
from sahelreader.tui.screens.dialogs import ConfirmScreen
from sahelreader.tui.screens.feeds import AddScreen
from sahelreader.tui.widgets.article_list import ArticleList

from .test_tui_feeds import paste, recorded, status
from .tui_helpers import app_for, settle

SIZE = (120, 40)


def wire_file(folder: Path, records: int, name: str = "wire.jsonl") -> Path:
    """A JSON Lines file of invented dispatches, one a line."""
    path = folder / name
    with path.open("w", encoding="utf-8") as out:
        for n in range(records):
            record = {
                "title": f"Borehole {n} drilled in the Azawagh valley",
                "text": f"Drillers reached water at well number {n} after a week of work.",
                "url": f"https://wells.example/borehole-{n}",
                "source": "Well Watch",
            }
            out.write(json.dumps(record) + "\n")
    return path


def held_after_first_batch(app: SahelReaderApp) -> tuple[threading.Event, threading.Event]:
    """Hold the import after its first stored batch until `go` is set; `held` says it waits."""
    held, go = threading.Event(), threading.Event()
    library = app.library
    store_batch: Callable[..., None] = library._store_batch
    calls = 0

    def slow(
        batch: list[tuple[ArticleDraft, str]],
        report: AddReport,
        ahead: list[ArticleDraft] | None = None,
    ) -> None:
        nonlocal calls
        store_batch(batch, report, ahead)
        calls += 1
        if calls == 1:
            held.set()
            go.wait(30)

    library._store_batch = slow  # type: ignore[method-assign]
    return held, go


def hint(app: SahelReaderApp) -> str:
    return str(app.screen.query_one("#add-hint", Static).render())


async def test_esc_while_adding_lets_the_import_finish_and_says_what_it_added(
    home: Path, tmp_path: Path
) -> None:
    # esc during "Adding…" closed the dialog and cancelled its worker: 500 of the file's
    # records were stored, and nothing said so.
    path = wire_file(tmp_path, 1_230)
    app = app_for(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = app.library.count()
        held, go = held_after_first_batch(app)
        await pilot.press("a")
        await paste(app, pilot, str(path))
        assert "esc cancels" in hint(app)
        await pilot.press("enter")
        assert await _wait(pilot, held.is_set)
        await pilot.pause()
        assert "esc" in hint(app) and "cancels" not in hint(app)  # it says what esc does now
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AddScreen)
        assert any("background" in message for _, message in said), said
        await pilot.pause()
        assert "adding wire.jsonl" in status(app), status(app)  # how far, in the header
        go.set()
        await settle(app, pilot)
        await settle(app, pilot)
        assert app.library.count() == before + 1_230
        assert ("information", "Added 1,230 articles.") in said
        assert "adding" not in status(app)
        assert len(app.query_one(ArticleList).ids) == before + 1_230


async def test_a_while_an_import_runs_says_so_and_adding_the_same_file_skips_duplicates(
    home: Path, tmp_path: Path
) -> None:
    path = wire_file(tmp_path, 620, name="dispatches.ndjson")
    app = app_for(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = app.library.count()
        held, go = held_after_first_batch(app)
        await pilot.press("a")
        await paste(app, pilot, str(path))
        await pilot.press("enter")
        assert await _wait(pilot, held.is_set)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")  # a second dialog would start a second import beside the first
        await pilot.pause()
        assert not isinstance(app.screen, AddScreen)
        assert any("Still adding dispatches.ndjson" in message for _, message in said), said
        go.set()
        await settle(app, pilot)
        assert app.library.count() == before + 620
        await pilot.press("a")
        await paste(app, pilot, str(path))
        await pilot.press("enter")
        await settle(app, pilot)
        assert ("information", "Already in the library: 620 articles.") in said


async def test_the_dialog_open_to_the_end_closes_itself_with_the_outcome(
    home: Path, tmp_path: Path
) -> None:
    path = wire_file(tmp_path, 3)
    app = app_for(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await paste(app, pilot, str(path))
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, AddScreen)
        assert ("information", "Added 3 articles.") in said
        assert not any("background" in message for _, message in said)


async def test_articles_added_with_a_leave_the_cursor_on_its_row(
    home: Path, tmp_path: Path
) -> None:
    # The list reloaded after the dialog's import put the cursor back on the open article.
    path = wire_file(tmp_path, 2)
    app = app_for(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        article_list = app.query_one(ArticleList)
        await pilot.press("enter")
        await settle(app, pilot)
        opened = article_list.current_id
        await pilot.press("down", "down", "down")
        chosen = article_list.current_id
        assert chosen != opened
        await pilot.press("a")
        await paste(app, pilot, str(path))
        await pilot.press("enter")
        await settle(app, pilot)
        await settle(app, pilot)
        assert not isinstance(app.screen, AddScreen)
        assert app.main.article is not None and app.main.article.id == opened
        assert article_list.current_id == chosen


def side_status(app: SahelReaderApp) -> str:
    meta = app.main.query_one("#side-meta", Static)
    width, height = meta.content_size
    lines = [strip.text.rstrip() for strip in meta.render_lines(Region(0, 0, width, height))]
    start = next(n for n, line in enumerate(lines) if line.startswith("Status"))
    value = [lines[start].split(None, 1)[1]]
    for line in lines[start + 1 :]:  # a value wider than the panel goes on under itself
        if not line.startswith(" "):
            break
        value.append(line.strip())
    return " ".join(part.strip() for part in value)


async def test_the_side_panel_status_follows_every_read_state_change(home: Path) -> None:
    # `u` marked the open article unread (its row and the header followed) while the side
    # panel went on saying "Status read".
    app = app_for(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert side_status(app) == "read"
        await pilot.press("u")
        await pilot.pause()
        assert side_status(app) == "unread"
        await pilot.press("u")
        await pilot.pause()
        assert side_status(app) == "read"
        await pilot.press("u", "b")  # unread, and a bookmark on top
        await pilot.pause()
        assert side_status(app) == "unread · ★ bookmarked"
        await pilot.press("A")  # the whole view read (few enough not to ask)
        await settle(app, pilot)
        assert side_status(app) == "read · ★ bookmarked"
        await pilot.press("u")  # undoes the A
        await settle(app, pilot)
        assert side_status(app) == "unread · ★ bookmarked"


async def test_mark_all_read_on_a_view_with_no_articles_says_it_is_empty(home: Path) -> None:
    app = app_for(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"qqwxv", "enter")
        await settle(app, pilot)
        assert not app.query_one(ArticleList).ids
        await pilot.press("A")
        await pilot.pause()
        assert ("information", "No articles in this view.") in said
        assert not any("read already" in message for _, message in said)
        # A view that has articles, all read, still says so.
        await pilot.press("slash", "escape")
        await settle(app, pilot)
        await pilot.press("A")
        await settle(app, pilot)
        await pilot.press("A")
        await pilot.pause()
        assert ("information", "Everything in this view is read already.") in said


async def _wait(pilot: Any, ready: Callable[[], bool], rounds: int = 200) -> bool:
    for _ in range(rounds):
        if ready():
            return True
        await pilot.pause(0.02)
    return ready()


async def test_quitting_while_adding_asks_first(home: Path, tmp_path: Path) -> None:
    # Quitting stops the import between batches: the reader asks rather than stop it silently.
    path = wire_file(tmp_path, 700, name="niamey.jsonl")
    app = app_for(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        held, go = held_after_first_batch(app)
        await pilot.press("a")
        await paste(app, pilot, str(path))
        await pilot.press("enter")
        assert await _wait(pilot, held.is_set)
        await pilot.press("escape", "q")
        await pilot.pause()
        question: Any = app.screen
        assert isinstance(question, ConfirmScreen)
        assert "niamey.jsonl" in str(question.query_one(Static).render())
        await pilot.press("n")  # no: the reader and the import go on
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        go.set()
        await settle(app, pilot)
        assert app.main.adding is None
        await pilot.press("q")  # nothing running: no question
        await pilot.pause()
        assert not app.is_running
