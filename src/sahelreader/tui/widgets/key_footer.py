"""The footer: the keys that work where the focus is, on one line drawn by one widget.

Textual's Footer mounts a widget per key and rebuilds them all whenever the bindings may have
changed, which is every focus change: 70 ms of the UI thread at 120 columns (measured; a
search moves the focus twice, and the search's own thread waits for the UI thread meanwhile).
This footer keeps its look and behaviour (a key's description beside it, disabled keys dim, a
click presses the key, hovering shows its tooltip, a compact style for narrow terminals, the
palette key on the right) and draws only when what it shows has changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True)
class FooterItem:
    key: str  # what simulate_key presses
    shown: str  # how the key is shown ("^p", "/", "?")
    description: str
    enabled: bool
    tooltip: str
    kept: bool = False  # shown even when the line is short of room (help, quit)


class KeyFooter(Widget, can_focus=False):
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyFooter > .key-footer--hover {
        background: $block-hover-background;
    }
    KeyFooter > .key-footer--separator {
        color: $foreground 20%;
    }
    """

    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--separator",
    }

    # Kept when the keys do not all fit (80 columns): help lists the rest, and how to leave
    # should never be a question. The keys before them are dropped from the end instead.
    KEPT_ACTIONS = frozenset({"help", "quit"})

    compact: reactive[bool] = reactive(False)
    show_command_palette: reactive[bool] = reactive(True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: tuple[FooterItem, ...] = ()
        self.palette: FooterItem | None = None
        self._places: list[tuple[int, int, FooterItem]] = []  # cells each item covers
        self._hovered: FooterItem | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._bindings_changed, self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        items, palette = self._read_bindings(screen)
        if (items, palette) != (self.items, self.palette):
            self.items, self.palette = items, palette
            self.refresh()

    def _read_bindings(
        self, screen: Screen[object]
    ) -> tuple[tuple[FooterItem, ...], FooterItem | None]:
        """The keys to show, one per action (its first key), in the bindings' order."""
        app = self.app
        by_action: dict[str, FooterItem] = {}
        palette: FooterItem | None = None
        for _node, binding, enabled, tooltip in screen.active_bindings.values():
            item = FooterItem(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                enabled,
                tooltip or binding.tooltip or binding.description,
                binding.action in self.KEPT_ACTIONS,
            )
            if binding.key == app.COMMAND_PALETTE_BINDING:
                palette = item
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = item
        return tuple(by_action.values()), palette if app.ENABLE_COMMAND_PALETTE else None

    def watch_compact(self) -> None:
        self.refresh()

    def watch_show_command_palette(self) -> None:
        self.refresh()

    # -- drawing ---------------------------------------------------------------------------------

    def render(self) -> Text:
        width = self.size.width
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        hover_style = self.get_component_rich_style("key-footer--hover")
        places: list[tuple[int, int, FooterItem]] = []
        right = Text()
        palette = self.palette if self.show_command_palette else None
        if palette is not None:
            right.append("▏", self.get_component_rich_style("key-footer--separator"))
            right.append_text(self._item_text(palette, key_style, description_style, hover_style))
        room = width - right.cell_len
        line = Text(no_wrap=True, overflow="crop", end="")
        pieces = [
            (item, self._item_text(item, key_style, description_style, hover_style))
            for item in self.items
        ]
        # The kept keys' room is set aside first; the others fill the rest in order.
        left = room - sum(piece.cell_len for item, piece in pieces if item.kept)
        shown: list[tuple[FooterItem, Text]] = []
        for item, piece in pieces:
            if not item.kept:
                if piece.cell_len > left:
                    left = -1  # the rest are dropped: the line keeps the bindings' order
                    continue
                left -= piece.cell_len
            shown.append((item, piece))
        for item, piece in shown:
            if line.cell_len + piece.cell_len > room:
                break
            start = line.cell_len
            line.append_text(piece)
            places.append((start, line.cell_len, item))
        if palette is not None:
            line.append(" " * max(0, room - line.cell_len))
            start = line.cell_len + 1
            line.append_text(right)
            places.append((start, line.cell_len, palette))
        self._places = places
        return line

    def _item_text(
        self, item: FooterItem, key_style: Style, description_style: Style, hover_style: Style
    ) -> Text:
        if self.compact:
            key, description = item.shown, f" {item.description} " if item.description else " "
        else:
            key = f" {item.shown} "
            description = f"{item.description} " if item.description else ""
        hovered = hover_style if item == self._hovered else Style()
        dim = Style(dim=True) if not item.enabled else Style()
        text = Text(end="")
        text.append(key, key_style + hovered + dim)
        text.append(description, description_style + hovered + dim)
        return text

    # -- the mouse -------------------------------------------------------------------------------

    def _item_at(self, x: int) -> FooterItem | None:
        return next((item for start, end, item in self._places if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self._item_at(event.x)
        if item != self._hovered:
            self._hovered = item
            self.tooltip = item.tooltip if item is not None else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.refresh()
