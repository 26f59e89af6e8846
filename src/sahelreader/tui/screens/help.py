"""The help screen: every key of every pane, generated from the one bindings table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

from sahelreader.tui import bindings
from sahelreader.tui.widgets.search_bar import SYNTAX_HELP


@dataclass(frozen=True)
class KeyHelp:
    section: str
    keys: str
    description: str
    binding_id: str


def key_help(
    section: str, section_bindings: Iterable[BindingType], keymap: dict[str, str]
) -> list[KeyHelp]:
    rows = []
    for binding in section_bindings:
        if not isinstance(binding, Binding):
            continue
        keys = keymap.get(binding.id or "", binding.key) if binding.id else binding.key
        shown = " / ".join(_key_display(key.strip()) for key in keys.split(","))
        rows.append(
            KeyHelp(section, shown, binding.tooltip or binding.description, binding.id or "")
        )
    return rows


def _key_display(key: str) -> str:
    """`left_square_bracket` → `[`, `ctrl+p` → `ctrl+p`: what the user presses."""
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, format_key(name)])


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings.HELP

    def __init__(self, rows: list[KeyHelp], legend: Text | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.legend = legend

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys — esc, q or ? closes this screen", style="bold"))
            yield Static(self._table())
            if self.legend is not None:
                yield Static(Text("Entity highlighting", style="bold"), classes="help-heading")
                yield Static(self.legend)
            yield Static(Text("Search", style="bold"), classes="help-heading")
            yield Static(Text(SYNTAX_HELP))
            yield Static(
                Text(
                    "Remap any key in config.toml under [keymap] with its id, e.g. "
                    'search = "ctrl+f".',
                    style="dim",
                )
            )

    def _table(self) -> Table:
        table = Table(box=None, show_header=True, header_style="bold", expand=True, pad_edge=False)
        table.add_column(Text("Where"), style="dim", no_wrap=True)
        table.add_column(Text("Keys"), style="bold cyan", no_wrap=True)
        table.add_column(Text("What it does"))
        table.add_column(Text("id, for [keymap]"), style="dim", no_wrap=True)
        for row in self.rows:
            table.add_row(
                Text(row.section), Text(row.keys), Text(row.description), Text(row.binding_id)
            )
        return table


def help_rows(keymap: dict[str, str]) -> list[KeyHelp]:
    """Every section of the bindings table, with the user's remapped keys."""
    return [
        row
        for section, section_bindings in bindings.SECTIONS
        for row in key_help(section, section_bindings, keymap)
    ]
