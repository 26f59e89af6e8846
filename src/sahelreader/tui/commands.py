"""Command palette: every action of the reader, each view and saved search, by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

if TYPE_CHECKING:
    from sahelreader.tui.app import SahelReaderApp


class ReaderCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        app: SahelReaderApp = self.app  # type: ignore[assignment]
        commands: list[tuple[str, str, Callable[[], Any]]] = []
        for binding in app.all_bindings():
            if binding.action.startswith(("scroll", "cursor", "focus")):
                continue
            name = binding.tooltip or binding.description
            commands.append((name, f"key: {binding.key}", partial(app.run_action, binding.action)))
        for name, query in app.library.saved_searches():
            commands.append(
                (
                    f"View: {name}",
                    f"Saved search: {query}",
                    partial(app.open_saved_search, name, query),
                )
            )
        commands.append(("View: All articles", "Show the whole library", app.show_all_articles))
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
