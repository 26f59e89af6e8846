"""Modal screens: help (generated from the bindings), save a search, choose a view."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from sahelreader.tui.widgets.search_bar import SYNTAX_HELP


@dataclass(frozen=True)
class KeyHelp:
    section: str
    keys: str
    description: str
    binding_id: str


def key_help(section: str, bindings: Iterable[Binding], keymap: dict[str, str]) -> list[KeyHelp]:
    rows = []
    for binding in bindings:
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
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")]

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


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or enter says yes, n or esc says no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.question, style="bold"))
            if self.detail:
                yield Static(Text(self.detail, style="italic"))
            yield Static(Text("y or enter: yes · n or esc: no", style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class SaveSearchScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="save_search.cancel")]

    def __init__(
        self, query: str, *, heading: str = "Save this search as a view", name: str = ""
    ) -> None:
        super().__init__()
        self.query_text = query
        self.heading = heading
        self.initial_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.heading, style="bold"))
            yield Static(Text(self.query_text, style="italic"))
            yield Input(self.initial_name, placeholder="Name, e.g. Tiani watch", id="save-name")
            yield Static(Text("enter saves · esc cancels", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if name:
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class View:
    name: str
    query: str = ""  # empty: the whole library
    kind: Literal["library", "bookmarks", "notes"] = "library"


ViewAction = Literal["open", "rename", "delete"]


class ViewsScreen(ModalScreen[tuple[View, ViewAction] | None]):
    """Choose a view; a saved search can also be renamed (r) or deleted (d)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="views.cancel", tooltip="Close the views"),
        Binding("r", "act('rename')", "Rename", id="views.rename", tooltip="Rename a saved search"),
        Binding(
            "d,delete",
            "act('delete')",
            "Delete",
            id="views.delete",
            tooltip="Delete a saved search",
        ),
    ]

    def __init__(self, views: list[tuple[View, int]]) -> None:
        super().__init__()
        self.views = views

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text("Views — saved searches with their unread counts", style="bold"))
            options = []
            for index, (view, unread) in enumerate(self.views):
                label = Text(view.name, style="bold")
                label.append(f"  {unread:,} unread", style="dim")
                if view.query:
                    label.append(f"  {view.query}", style="italic dim")
                options.append(Option(label, id=str(index)))
            yield OptionList(*options, id="views-list")
            yield Static(
                Text(
                    "enter opens · r renames · d deletes a saved search · esc closes · "
                    "S in the list saves the current search",
                    style="dim",
                )
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((self.views[int(event.option.id or 0)][0], "open"))

    def action_act(self, action: ViewAction) -> None:
        listing = self.query_one("#views-list", OptionList)
        if listing.highlighted is None:
            return
        view = self.views[listing.highlighted][0]
        if not view.query or view.kind != "library":
            self.notify("Only saved searches can be renamed or deleted.", severity="warning")
            return
        self.dismiss((view, action))

    def action_cancel(self) -> None:
        self.dismiss(None)
