"""The add dialog says what was wrong with a feed it read all the same."""

from __future__ import annotations

from pathlib import Path

from sahelreader.tui.screens.feeds import AddScreen

from .test_tui_feeds import SIZE, paste, reader, recorded
from .tui_helpers import settle
from .web.test_feed_notes import BROKEN, SAID


async def test_adding_a_broken_feed_file_notes_what_was_wrong(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "liptako.rss"
    path.write_bytes(BROKEN["wrong encoding"])
    app = reader(home)
    said = recorded(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        assert isinstance(app.screen, AddScreen)
        await paste(app, pilot, str(path))
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, AddScreen)
    [(severity, message)] = [(s, m) for s, m in said if m.startswith("Added")]
    assert message.startswith("Added 2 articles.")
    assert "Note: " in message and SAID["wrong encoding"] in message.split("Note: ")[1]
    assert severity == "warning"
