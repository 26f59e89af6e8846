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


async def feeds_screen(pilot: Any) -> None:
    await pilot.press("F")
    await settle(pilot)


async def add_dialog(pilot: Any) -> None:
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*"https://www.rfi.fr/fr/afrique/rss")
    await pilot.pause()


def _feed(title: str, stories: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{headline}</title><link>https://example.org/{n}</link>"
        f"<guid>{title}-{n}</guid><pubDate>Mon, 0{n + 1} Apr 2024 08:00:00 +0000</pubDate>"
        f"<description>{text}</description></item>"
        for n, (headline, text) in enumerate(stories)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://example.org/</link>{items}</channel></rss>"
    ).encode()


def subscribe_local_feeds(library: Library, folder: Path) -> None:
    """Two feed files subscribed (no network), one of which then vanishes: a failing feed."""
    desk = folder / "sahel-desk.rss"
    desk.write_bytes(
        _feed(
            "Sahel Desk (example feed)",
            [
                ("Water points reopen in Tillabéri", "Officials said twelve wells reopened."),
                ("Convoy reaches Ménaka", "The convoy reached Ménaka on Monday."),
            ],
        )
    )
    courier = folder / "kayes-courier.rss"
    courier.write_bytes(
        _feed("Kayes Courier (example feed)", [("Market day in Kayes", "Millet prices fell.")])
    )
    library.subscriptions.subscribe(str(desk))
    library.subscriptions.subscribe(str(courier))
    courier.unlink()
    library.subscriptions.refresh()


SHOTS: list[tuple[str, tuple[int, int], Steps]] = [
    ("main-view", (120, 40), main_view),
    ("search-results", (120, 40), search_results),
    ("help-screen", (120, 40), help_screen),
    ("narrow-80x24", (80, 24), main_view),
    ("wide-200x60", (200, 60), main_view),
    ("feeds-screen", (120, 40), feeds_screen),
    ("add-dialog", (120, 40), add_dialog),
]


async def shoot(name: str, size: tuple[int, int], steps: Steps) -> Path:
    with tempfile.TemporaryDirectory() as home:
        library = Library.open(home)  # a fresh home: the seed article, as a new user sees it
        if steps is feeds_screen:
            subscribe_local_feeds(library, Path(home))
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
