"""Layout guards: the main view at 80x24, 120x40 and 200x60, search hits, and the help screen.

Regenerate on purpose after a UI change: `pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .tui_helpers import app_for, settle


async def _ready(pilot: Any) -> None:
    await settle(pilot.app, pilot)


async def _open_first(pilot: Any) -> None:
    await settle(pilot.app, pilot)
    await pilot.press("enter")
    await settle(pilot.app, pilot)


async def _help(pilot: Any) -> None:
    await settle(pilot.app, pilot)  # the side panel's details are in before help covers it
    await pilot.press("question_mark")
    await settle(pilot.app, pilot)


async def _search(pilot: Any) -> None:
    await settle(pilot.app, pilot)
    await pilot.press("slash", *"niger OR convoy", "enter")
    await settle(pilot.app, pilot)


def test_main_view_120x40(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=(120, 40), run_before=_open_first)


def test_main_view_80x24(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=(80, 24), run_before=_open_first)


def test_help_screen(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=(120, 40), run_before=_help)


def test_main_view_200x60(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=(200, 60), run_before=_open_first)


def test_search_hits_120x40(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=(120, 40), run_before=_search)
