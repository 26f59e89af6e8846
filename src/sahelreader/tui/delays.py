"""The reader's pauses in one place, so tests can set them to nothing and wait on workers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Delays:
    search_debounce: float = 0.25  # typing pauses this long before a search runs
    index_sync: float = 2.0  # a saved note becomes searchable this long after typing stops
    side_details: float = 0.6  # a pause on an article, not a pass through it, fills the side panel
    outside_check: float = 3.0  # how often to notice articles added by another process
    autosave: float = 1.5  # the note editor saves this long after typing stops
    # Seconds in a minute of config.toml's `[feeds] refresh_minutes` (a test makes it short).
    refresh_minute: float = 60.0
    # No key or click for this long: the garbage collector's full pass runs (tui/collector.py).
    quiet_collect: float = 2.0

    @classmethod
    def none(cls) -> Delays:
        """For tests: timers fire at once (Textual's timers need a positive interval); tests
        then wait for the workers, never for a guessed number of seconds."""
        instant = 0.001
        return cls(instant, instant, instant, 3600.0, instant, quiet_collect=3600.0)
