"""Text boxes whose keys keep the order they were typed in.

Textual inserts a printable key in the focused Input or TextArea as soon as the box reads it,
but a key bound on the box (backspace, ctrl+u, enter, ctrl+s) goes up through every container
to the app first, which then runs the binding. When several keys arrive in one read (fast
typing, key repeat, a paste without bracketed paste, a script), the letters after a bound key
are typed before it runs: "x⌫⌫ niger" became "mali x nig", "ctrl+u tchad" an empty box. Here the
box runs its own bindings (non-priority ones; the app ran the priority ones before handing the
key over) when it reads the key, in order with the letters. Keys bound further up still go up.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def run_own_binding(box: Widget, event: events.Key) -> None:
    """Run the box's own binding for `event` now, if it has one (called from `_on_key`; Textual
    then calls the base class's `_on_key`, unless this prevented the default)."""
    if event.is_printable:
        return  # the box's own handler types it, next in the dispatch
    for binding in box._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await box.app.run_action(binding.action, box):
            # Run here: not again by the app (stop) nor by the box's handler (default).
            event.stop()
            event.prevent_default()
            return


# Subclasses, not a mixin: Textual takes the default CSS and component classes along the first
# base class only.
class OrderedInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)  # Textual calls Input's `_on_key` next, unless run


class OrderedTextArea(TextArea):
    async def _on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)  # then TextArea's, unless run
