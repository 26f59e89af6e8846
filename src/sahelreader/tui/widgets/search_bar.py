"""The search bar: an Input with the query syntax one hover (or `?`) away, and an error line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from sahelreader.tui import bindings
from sahelreader.tui.widgets.ordered_keys import OrderedInput

SYNTAX_HELP = (
    'Search syntax: words (all must match) · a OR b · NOT word · "exact phrase" · '
    "field:value (title body note source author language published person place "
    "organisation entity) · wild* · fuzzy~ · published:2024-03 · "
    "published:[2024-01 to 2024-04]"
)


# The box's hint, whole: the long one where it fits (the list pane is narrower at 80 columns).
PLACEHOLDER = "/ search (hover or ? for the syntax)"
PLACEHOLDER_SHORT = "/ search (? for the syntax)"


class SearchInput(OrderedInput):
    BINDINGS = bindings.SEARCH_BAR

    class Cleared(Message):
        pass

    def action_clear_search(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())


class SearchBar(Vertical):
    _shown: tuple[str, bool] | None = None  # the message on show, and whether an error

    def compose(self) -> ComposeResult:
        search = SearchInput(
            placeholder=PLACEHOLDER,
            id="search-input",
            select_on_focus=False,
        )
        search.tooltip = SYNTAX_HELP
        yield search
        yield Static(id="search-message")

    def show_message(self, message: str, *, error: bool = False) -> None:
        # Said again on every list load: the screen is laid out again only when it changed.
        if (message, error) == self._shown:
            return
        self._shown = (message, error)
        line = self.query_one("#search-message", Static)
        line.update(Text(message, style="bold red" if error else "italic"))
        line.display = bool(message)

    @property
    def message(self) -> str:
        """The line shown under the box ("" when none)."""
        return self._shown[0] if self._shown is not None else ""

    def on_mount(self) -> None:
        self.show_message("")

    def on_resize(self) -> None:
        search = self.query_one(SearchInput)
        room = search.content_size.width
        placeholder = PLACEHOLDER if room >= len(PLACEHOLDER) else PLACEHOLDER_SHORT
        if search.placeholder != placeholder:
            search.placeholder = placeholder
