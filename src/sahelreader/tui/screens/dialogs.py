"""Dialogs: a yes/no question, save (or rename) a search, choose a view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from sahelreader.models import View
from sahelreader.tui import bindings
from sahelreader.tui.widgets.ordered_keys import OrderedInput


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or enter says yes, n or esc says no."""

    BINDINGS = bindings.CONFIRM

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
    """A name for a search: saved (or renamed) with it. `default` is the name enter gives an
    empty box (a new search's query); `check` says why a name will not do (a built-in view's,
    another search's), and the dialog stays open saying so."""

    BINDINGS = bindings.SAVE_SEARCH

    def __init__(
        self,
        query: str,
        *,
        heading: str = "Save this search as a view",
        name: str = "",
        default: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.query_text = query
        self.heading = heading
        self.initial_name = name
        self.default_name = default.strip()
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.heading, style="bold"))
            yield Static(Text(self.query_text, style="italic"))
            yield OrderedInput(
                self.initial_name,
                placeholder=(
                    "Name (enter alone: the query)"
                    if self.default_name
                    else "Name, e.g. Tiani watch"
                ),
                id="save-name",
                select_on_focus=False,  # a rename edits the old name; typing does not erase it
            )
            yield Static(id="save-problem")
            yield Static(Text("enter saves · esc cancels", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#save-problem", Static).display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        name = self.query_one("#save-name", Input).value.strip() or self.default_name
        problem = "Type a name (esc cancels)." if not name else None
        if problem is None and self.check is not None:
            problem = self.check(name)
        if problem is None:
            self.dismiss(name)
            return
        line = self.query_one("#save-problem", Static)
        line.update(Text(problem, style="bold red"))
        line.display = True
        self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)


ViewAction = Literal["open", "rename", "delete"]


class ViewsScreen(ModalScreen[tuple[View, ViewAction] | None]):
    """Choose a view; a saved search can also be renamed (r) or deleted (d)."""

    BINDINGS = bindings.VIEWS

    def __init__(self, views: list[tuple[View, int | None]], highlight: str | None = None) -> None:
        super().__init__()
        self.views = views
        self.highlight = highlight  # the view's name to put the cursor on (after a rename)

    def on_mount(self) -> None:
        names = [view.name for view, _ in self.views]
        if self.highlight in names:
            self.query_one("#views-list", OptionList).highlighted = names.index(self.highlight)

    def action_cursor(self, step: int) -> None:
        listing = self.query_one("#views-list", OptionList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text("Views — saved searches with their unread counts", style="bold"))
            options = []
            for index, (view, unread) in enumerate(self.views):
                label = Text(view.name, style="bold")
                if unread is None:
                    label.append("  … unread (waiting for the index)", style="dim")
                else:
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

    def action_select(self) -> None:
        listing = self.query_one("#views-list", OptionList)
        if listing.highlighted is not None:
            self.dismiss((self.views[listing.highlighted][0], "open"))

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
