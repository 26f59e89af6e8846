"""The search bar: an Input with the query syntax one hover, `?` (in the empty box) or F1 away,
and a message line under it (the hit count, an error, the syntax)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from sahelreader.text.wrap import break_offsets
from sahelreader.tui import bindings
from sahelreader.tui.widgets.ordered_keys import OrderedInput

SYNTAX_HELP = (
    'Search syntax: words (all must match) · a OR b · NOT word · "exact phrase" · '
    "field:value (title body note source author language published person place "
    "organisation entity) · wild* · fuzzy~ · published:2024-03 · "
    "published:[2024-01 to 2024-04]"
)


# The box's hint, whole: the long one where it fits (the list pane is narrower at 80 columns).
# It shows only while the box is empty, which is when `?` shows the syntax.
PLACEHOLDER = "/ search (hover or ? for the syntax)"
PLACEHOLDER_SHORT = "/ search (? for the syntax)"

# The message line's height at most: a hit count or an error; the syntax (F1, `?`) gets more.
MESSAGE_LINES = 6
SYNTAX_LINES = 14


def clamp_lines(text: str, width: int, lines: int) -> str:
    """`text` as it is when, wrapped at spaces to `width` cells, it takes at most `lines` lines;
    otherwise cut at the end of its last line that shows, with "…" (a message cut by the line's
    height was cut mid-list with no sign of it). Not wrapped here: the line wraps it alike."""
    if width < 1 or "\n" in text:
        return text
    breaks = break_offsets(text, width)
    if len(breaks) < lines:
        return text
    last = text[breaks[lines - 2] if lines > 1 else 0 : breaks[lines - 1]].rstrip()
    last = set_cell_size(last, width - 1).rstrip() if cell_len(last) >= width else last
    return text[: breaks[lines - 2] if lines > 1 else 0] + last + "…"


class SearchInput(OrderedInput):
    BINDINGS = bindings.SEARCH_BAR

    class Cleared(Message):
        pass

    class SyntaxWanted(Message):
        pass

    async def _on_key(self, event: events.Key) -> None:
        # `?` in the empty box shows the syntax, as the box's hint says; pressed again (the
        # syntax on show) it is typed, so a query can still start with a `?`.
        if event.character == "?" and not self.value:
            bar = self.parent
            if not (isinstance(bar, SearchBar) and bar.message == SYNTAX_HELP):
                event.stop()
                event.prevent_default()
                self.post_message(self.SyntaxWanted())
        # Otherwise Textual calls the base classes' `_on_key` next (OrderedInput's, Input's).

    def action_clear_search(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())

    def action_syntax(self) -> None:
        self.post_message(self.SyntaxWanted())


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
        self._draw_message()

    def _draw_message(self) -> None:
        if self._shown is None:
            return
        message, error = self._shown
        line = self.query_one("#search-message", Static)
        lines = SYNTAX_LINES if message == SYNTAX_HELP else MESSAGE_LINES
        # The line's padding is one cell each side; before the first layout nothing is cut.
        shown = clamp_lines(message, self.content_size.width - 2, lines)
        line.update(Text(shown, style="bold red" if error else "italic"))
        line.tooltip = message if shown.endswith("…") and not message.endswith("…") else None
        line.display = bool(message)

    def on_search_input_syntax_wanted(self, event: SearchInput.SyntaxWanted) -> None:
        event.stop()
        self.show_message(SYNTAX_HELP)

    @property
    def message(self) -> str:
        """The line shown under the box ("" when none)."""
        return self._shown[0] if self._shown is not None else ""

    def on_mount(self) -> None:
        self.show_message("")

    def on_resize(self) -> None:
        self._draw_message()
        search = self.query_one(SearchInput)
        room = search.content_size.width
        placeholder = PLACEHOLDER if room >= len(PLACEHOLDER) else PLACEHOLDER_SHORT
        if search.placeholder != placeholder:
            search.placeholder = placeholder
