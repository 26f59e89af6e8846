"""config.toml's [keymap]: an id that no key has is said at start-up, with the id meant."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sahelreader.library import Library
from sahelreader.tui import make_app
from sahelreader.tui.bindings import all_bindings, keymap_problems
from sahelreader.tui.delays import Delays

from .tui_helpers import settle


def test_every_known_id_is_accepted() -> None:
    assert keymap_problems({b.id: "ctrl+o" for b in all_bindings() if b.id}) == []


def test_an_unknown_id_names_the_close_one() -> None:
    (bookmark,) = keymap_problems({"bookmark": "B"})
    assert "'bookmark'" in bookmark
    assert "did you mean 'toggle_bookmark'?" in bookmark
    (sorting,) = keymap_problems({"cycle-sort": "o"})
    assert "did you mean 'cycle_sort'?" in sorting
    (nothing,) = keymap_problems({"make_coffee": "c"})
    assert "'make_coffee'" in nothing
    assert "did you mean" not in nothing


async def test_the_reader_says_an_unknown_keymap_id_at_start(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[keymap]\nbookmark = "B"\ncycle_sort = "ctrl+o"\n')
    app = make_app(library=Library.open(home), delays=Delays.none())
    said: list[tuple[str, str]] = []

    def record(message: str, **options: Any) -> None:
        said.append((options.get("severity", "information"), str(message)))

    app.notify = record  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+o")  # the known id is still remapped
        assert app.main.sort == "source"
    warnings = [message for severity, message in said if severity == "warning"]
    assert any(
        "'bookmark'" in message and "'toggle_bookmark'" in message for message in warnings
    ), said
    assert not any("cycle_sort" in message for message in warnings)
