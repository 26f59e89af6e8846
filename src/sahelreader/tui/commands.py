"""Command palette: every action of the reader, each view and saved search, by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from sahelreader.tui import bindings
from sahelreader.tui.screens.stories import WINDOWS, StoriesScreen, window_span

if TYPE_CHECKING:
    from sahelreader.models import View
    from sahelreader.tui.app import SahelReaderApp

_VIEW_HELP = {
    "bookmarks": "Every bookmarked article, newest bookmark first",
    "notes": "Every article with a note, last edited first",
}


def _view_help(view: View) -> str:
    if view.query:
        return f"Saved search: {view.query}"
    return _VIEW_HELP.get(view.kind, "Show the whole library")


class ReaderCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        app: SahelReaderApp = self.app  # type: ignore[assignment]
        main = app.main
        commands: list[tuple[str, str, Callable[[], Any]]] = []
        for binding in bindings.all_bindings():
            if binding not in bindings.ANYWHERE and binding not in bindings.APP:
                continue
            if binding.action.startswith(("scroll", "cursor", "focus")):
                continue
            name = binding.tooltip or binding.description
            action = partial(
                app.run_action, binding.action, main if binding in bindings.ANYWHERE else app
            )
            commands.append((name, f"key: {binding.key}", action))
        commands[:0] = self._stories_commands()
        # The views come from the list the `v` dialog shows, so that the two cannot drift.
        for view in app.library.view_list():
            commands.append((f"View: {view.name}", _view_help(view), partial(main.open_view, view)))
        return commands

    def _stories_commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        """On the Stories screen, its `w`; anywhere, the Stories on each window ("Stories:
        the last 90 days", "Stories: all")."""
        app: SahelReaderApp = self.app  # type: ignore[assignment]
        commands: list[tuple[str, str, Callable[[], Any]]] = []
        if isinstance(self.screen, StoriesScreen):
            for binding in bindings.STORIES:
                if isinstance(binding, Binding) and binding.action == "cycle_window":
                    action = partial(app.run_action, binding.action, self.screen)
                    commands.append((binding.tooltip, f"key: {binding.key}", action))
        for days in WINDOWS:
            if days is None:
                name = "Stories: all"
                help_text = "Every story of two articles or more, the latest active first"
            else:
                name = f"Stories: the last {window_span(days)}"
                help_text = f"The stories active in the {window_span(days)} up to the newest story"
            action = partial(app.run_action, f"stories_window({days!r})", app.main)
            commands.append((name, help_text, action))
        return commands

    # Names and help can hold a saved search's own words ("published:[2024-01 to 2024-04]"):
    # shown as plain Content and escaped help, never read as markup.

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(
                Content(name),
                callback,
                text=name,
                help=escape(help_text),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    callback,
                    text=name,
                    help=escape(help_text),
                )
