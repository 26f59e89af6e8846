"""The note editor: a TextArea under the reader, saved as you type (a pause) and on close."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea

from sahelreader.text.clean import one_line, strip_control
from sahelreader.tui import bindings
from sahelreader.tui.widgets.ordered_keys import OrderedTextArea


class NoteEditor(Vertical):
    DEFAULT_CSS = """
    NoteEditor {
        height: 45%;
        min-height: 8;
        border-top: heavy $accent;
        display: none;
    }
    NoteEditor.open {
        display: block;
    }
    NoteEditor #note-heading {
        height: 1;
        color: $accent;
        text-style: bold;
        padding: 0 1;
    }
    NoteEditor TextArea {
        height: 1fr;
        border: none;
    }
    NoteEditor #note-status {
        height: 1;
        color: $text-muted;
        padding: 0 1;
    }
    """

    BINDINGS = bindings.NOTE_EDITOR

    class SaveRequested(Message):
        """The app saves (it owns the library); `closing` when the editor is closing."""

        def __init__(self, article_id: str, text: str, closing: bool) -> None:
            super().__init__()
            self.article_id = article_id
            self.text = text
            self.closing = closing

    def __init__(self, *, autosave_after: float = 1.5, id: str | None = None) -> None:
        super().__init__(id=id)
        self.autosave_after = autosave_after  # seconds after typing stops
        self.article_id: str | None = None
        self.revision: int | None = None  # the revision the text was loaded from or saved as
        # Saved once since it was opened: later saves are drafts of this sitting, whose
        # texts the note's history need not keep (the text before the sitting is kept).
        self.saved_in_sitting = False
        self.saved_text = ""
        self._autosave: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("Note", id="note-heading")
        yield OrderedTextArea(
            id="note-text", language="markdown", soft_wrap=True, tab_behavior="focus"
        )
        yield Static(id="note-status")

    @property
    def is_open(self) -> bool:
        return self.has_class("open")

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#note-text", TextArea)

    @property
    def dirty(self) -> bool:
        return self.article_id is not None and self.text_area.text != self.saved_text

    def open(self, article_id: str, title: str, text: str, revision: int | None) -> None:
        # A note written elsewhere (`note --text`, an older version) may hold escapes or bidi
        # controls: the editor shows and keeps it without them (saved so once it is edited).
        text = strip_control(text)
        self.article_id = article_id
        self.revision = revision
        self.saved_in_sitting = False
        self.saved_text = text
        self.query_one("#note-heading", Static).update(
            Text(f"Note — {one_line(title)}", overflow="ellipsis", no_wrap=True)
        )
        area = self.text_area
        area.load_text(text)
        area.move_cursor(area.document.end)
        self.add_class("open")
        self.set_status("ctrl+s saves · esc closes · saved as you type")
        area.focus()

    def close(self) -> None:
        self.remove_class("open")
        self.article_id = None

    def set_status(self, message: str) -> None:
        self.query_one("#note-status", Static).update(Text(message))

    def mark_saved(self, text: str, revision: int, when: str) -> None:
        self.saved_text = text
        self.revision = revision
        self.saved_in_sitting = True
        self.set_status(f"saved {when} · ctrl+s saves · esc closes")

    def quote(self, passage: str) -> None:
        """Add a passage as a Markdown blockquote at the end of the note."""
        lines = [f"> {line}".rstrip() for line in passage.strip().splitlines()]
        area = self.text_area
        prefix = "" if not area.text.strip() else ("\n" if area.text.endswith("\n") else "\n\n")
        area.move_cursor(area.document.end)
        area.insert(prefix + "\n".join(lines) + "\n\n")
        self._schedule_save()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.dirty:
            self.set_status("editing…")
            self._schedule_save()

    def _schedule_save(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(self.autosave_after, self.action_save)

    def action_save(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if self.article_id is not None and self.dirty:
            self.post_message(self.SaveRequested(self.article_id, self.text_area.text, False))

    def action_close(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if self.article_id is not None:
            self.post_message(self.SaveRequested(self.article_id, self.text_area.text, True))
