"""Layout guards: the main view at 120x40 and 80x24, and the help screen.

Regenerate on purpose after a UI change: `pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sahelreader.tui.app import SIDE_DETAILS_DELAY

from .tui_helpers import app_for, settle


async def _ready(pilot: Any) -> None:
    await settle(pilot.app, pilot)


async def _open_first(pilot: Any) -> None:
    await settle(pilot.app, pilot)
    await pilot.press("enter")
    await pilot.pause(SIDE_DETAILS_DELAY + 0.3)  # the side panel fills in after a pause
    await settle(pilot.app, pilot)


async def _help(pilot: Any) -> None:
    await settle(pilot.app, pilot)
    await pilot.press("question_mark")
    await pilot.pause()


def test_main_view_120x40(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=(120, 40), run_before=_open_first)


def test_main_view_80x24(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=(80, 24), run_before=_open_first)


def test_help_screen(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=(120, 40), run_before=_help)
