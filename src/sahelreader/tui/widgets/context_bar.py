"""The line above the footer: which pane has the keys, which article they act on, and the index
build's progress while one runs."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from sahelreader.text.clean import one_line


class ContextBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(id="pane-label")
        yield Static(id="target-label")
        yield ProgressBar(id="index-progress", show_eta=False)

    # Both are said again on every focus change and list load; the pane's name changes the
    # layout (its label is as wide as the name), the target's line never does (it takes what
    # is left), so neither lays the screen out again for nothing.
    _pane: str | None = None
    _target: tuple[str | None, str] | None = None

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False

    def show_pane(self, name: str) -> None:
        if name == self._pane:
            return
        self._pane = name
        label = self.query_one("#pane-label", Static)
        label.update(Text(f" {name} ", style="bold reverse") if name else Text(""))

    def show_target(self, title: str | None, how: str = "open") -> None:
        if (title, how) == self._target:
            return
        self._target = (title, how)
        target = self.query_one("#target-label", Static)
        if title is None:
            target.update(Text(" no article", style="dim"), layout=False)
            return
        line = Text(f" keys act on {how}: ", style="dim")
        line.append(one_line(title))
        target.update(line, layout=False)

    def show_progress(self, done: int, total: int, phase: str = "") -> None:
        bar = self.query_one(ProgressBar)
        bar.display = True
        if phase:
            bar.update(total=None)  # an indeterminate bar: it moves, with no count to show
        else:
            bar.update(total=total, progress=done)

    def hide_progress(self) -> None:
        self.query_one(ProgressBar).display = False
