"""A small library for the TUI tests, written here; and helpers to drive the app."""

from __future__ import annotations

from pathlib import Path

from textual.worker import WorkerCancelled

from sahelreader.library import Library
from sahelreader.tui import SahelReaderApp, make_app
from sahelreader.tui.delays import Delays

from .conftest import CORPUS, draft, utc

LONG_BODY = (
    "\n".join(
        f"Paragraph {i}: the convoy travelled from Agadez towards the border, reporters following."
        for i in range(60)
    )
    + "\nAt the end, the convoy reached Arlit."
)

MARKUP_TITLE = "[bold]Bold?[/bold] [@click=app.quit]Quit?[/] \x1b[31mred\x1b[0m"
MARKUP_BODY = (
    "This text has [bold]markup[/bold], a [@click=app.quit]click action[/] and "
    "[link=x]a link[/link].\n"
    "It also has escape codes: \x1b[2J\x1b]0;owned\x07 and \x1b[31mred\x1b[0m text."
)


def build_library(home: Path) -> Library:
    library = Library.open(home, seed=False)
    library.add_drafts(CORPUS)
    library.add_drafts(
        [
            draft(
                "Long convoy diary",
                LONG_BODY,
                source="Desert Post",
                url="https://desert.example/convoy",
                published=utc(2024, 1, 10),
            ),
            draft(
                MARKUP_TITLE,
                MARKUP_BODY,
                source="Odd Feed",
                url="javascript:alert(1)",
                published=utc(2023, 12, 1),
            ),
        ]
    )
    library.ensure_index()
    # Fixed "added" times so that screenshots do not change from day to day.
    library.store.connection.execute("UPDATE articles SET added = '2024-10-01T00:00:00+00:00'")
    library.store.set_meta("seeded", "1")
    return library


def app_for(home: Path) -> SahelReaderApp:
    return make_app(library=build_library(home), delays=Delays.none())


async def settle(app: SahelReaderApp, pilot: object) -> None:
    """Wait until timers that fire at once, the workers they start and their messages are done.

    With `Delays.none()` a step can start a worker, whose message sets a timer, which starts
    another worker (open → side details → entity counts): a few rounds cover the longest chain.
    """
    for _ in range(4):
        # An exclusive worker replaced by a newer one raises WorkerCancelled: wait again. A
        # timer firing every 0.05 s (a test's feed refresh) can replace the list's worker
        # several times in a row, so once was not enough (a flaky failure in CI).
        for _attempt in range(20):
            try:
                await app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                continue
        await pilot.pause()  # type: ignore[attr-defined]
