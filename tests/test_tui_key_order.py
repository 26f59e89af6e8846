"""Keys that reach the app in one read keep their order in a text box.

Textual hands a printable key to the focused Input or TextArea at once, but runs a key bound on
it (backspace, ctrl+u, enter) only after the key bubbled up through every container to the
app: typed in one burst, "x⌫⌫ niger" became "x niger" then lost two letters at the end
("mali x nig"), and "ctrl+u tchad" typed "tchad" first and then erased it.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from sahelreader.tui import SahelReaderApp
from sahelreader.tui.screens.dialogs import SaveSearchScreen
from sahelreader.tui.widgets.note_editor import NoteEditor
from sahelreader.tui.widgets.search_bar import SearchInput

from .tui_helpers import app_for, build_library, settle

CHARACTERS = {"space": " ", "backspace": "\x7f", "ctrl+u": "\x15", "enter": "\r"}


def burst(app: SahelReaderApp, *keys: str) -> None:
    """The keys as the driver posts them from one read of the terminal: no pause between."""
    for key in keys:
        if len(key) == 1:
            key, character = ("space", " ") if key == " " else (key, key)
        else:
            character = CHARACTERS.get(key)
        app.post_message(events.Key(key, character))


async def test_backspaces_and_letters_in_one_burst_keep_their_order(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"mali")
        await settle(app, pilot)
        burst(app, *" x")
        await settle(app, pilot)
        burst(app, "backspace", "backspace", *" niger")
        await settle(app, pilot)
        assert app.query_one(SearchInput).value == "mali niger"
        assert app.main.query_text == "mali niger"


async def test_ctrl_u_and_a_new_query_in_one_burst_keep_the_new_query(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"mali x")
        await settle(app, pilot)
        burst(app, "ctrl+u", *"niamey")
        await settle(app, pilot)
        assert app.query_one(SearchInput).value == "niamey"
        assert app.main.query_text == "niamey"


async def test_a_rename_typed_in_one_burst_renames(home: Path) -> None:
    library = build_library(home)
    library.save_search("Old name", "niger")
    from sahelreader.tui import make_app
    from sahelreader.tui.delays import Delays

    app = make_app(library=library, delays=Delays.none())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(SaveSearchScreen("niger", heading="Rename", name="Old name"))
        await pilot.pause()
        name_box = app.screen.query_one("#save-name")
        burst(app, "ctrl+u", *"New name")
        await settle(app, pilot)
        assert getattr(name_box, "value", None) == "New name"


async def test_a_note_typed_in_one_burst_keeps_its_order(home: Path) -> None:
    app = app_for(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "e")
        editor = app.query_one(NoteEditor)
        burst(app, *"ab", "backspace", *"cd")
        await settle(app, pilot)
        assert editor.text_area.text == "acd"
