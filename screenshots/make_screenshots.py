"""Render the real app on the seed library to SVG: `python screenshots/make_screenshots.py`.

Regenerate whenever the UI changes; README shows the results.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.worker import WorkerCancelled

from sahelreader.library import Library
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays

HERE = Path(__file__).resolve().parent

Steps = Callable[[Any], Awaitable[None]]


async def settle(pilot: Any) -> None:
    """Timers fire at once (Delays.none()); wait for the workers they start, a few rounds."""
    for _ in range(4):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker replaced by a newer one: wait again
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def main_view(pilot: Any) -> None:
    await pilot.press("enter")
    await settle(pilot)


async def search_results(pilot: Any) -> None:
    await pilot.press("slash", *"Tiani", "enter")
    await settle(pilot)
    await pilot.press("enter", "n")
    await settle(pilot)


async def help_screen(pilot: Any) -> None:
    await pilot.press("question_mark")


SHOTS: list[tuple[str, tuple[int, int], Steps]] = [
    ("main-view", (120, 40), main_view),
    ("search-results", (120, 40), search_results),
    ("help-screen", (120, 40), help_screen),
    ("narrow-80x24", (80, 24), main_view),
    ("wide-200x60", (200, 60), main_view),
]


async def shoot(name: str, size: tuple[int, int], steps: Steps) -> Path:
    with tempfile.TemporaryDirectory() as home:
        library = Library.open(home)  # a fresh home: the seed article, as a new user sees it
        library.ensure_index()
        app = make_app(library=library, delays=Delays.none())
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await steps(pilot)
            await settle(pilot)
            path = app.save_screenshot(filename=f"{name}.svg", path=str(HERE))
        library.close()
    return Path(path)


async def run() -> None:
    for name, size, steps in SHOTS:
        print(await shoot(name, size, steps))


if __name__ == "__main__":
    asyncio.run(run())
    sys.exit(0)
