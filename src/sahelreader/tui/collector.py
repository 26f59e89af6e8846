"""When Python's cyclic garbage collector makes its full passes: while the reader is quiet.

A full pass stops every thread, the UI's included, for as long as it takes to walk every object
that lives past start-up: at 50,000 articles the id lists, the search caches and the widgets'
strips make that 40-150 ms on these machines (tui_bench counted 70 full passes, up to 144 ms
each, while it searched). Left to Python they come every ten middle-generation passes, in the
middle of typing. So, once the first list is on screen:
- what start-up built is frozen out of every pass (it lives as long as the app);
- automatic full passes come ten times less often;
- a full pass runs when no key or click has come for `quiet_seconds`, once per such pause,
  so the garbage they would have found is still reclaimed.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

# Middle-generation passes between automatic full passes (Python's default is 10).
FULL_PASS_EVERY = 100


class QuietCollector:
    def __init__(self, quiet_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet_seconds = quiet_seconds
        self._clock = clock
        self._last_input = clock()
        self._dirty = False  # input came since the last full pass
        self._thresholds: tuple[int, int, int] | None = None
        self.full_passes = 0

    @property
    def started(self) -> bool:
        return self._thresholds is not None

    def start(self) -> None:
        """Start-up is over: collect once, freeze what is left, space the automatic passes."""
        if self._thresholds is not None:
            return
        gc.collect()
        gc.freeze()
        self._thresholds = gc.get_threshold()
        first, middle, _ = self._thresholds
        gc.set_threshold(first, middle, FULL_PASS_EVERY)

    def stop(self) -> None:
        """Python's own thresholds again (the app is closing; tests run many apps)."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def input_arrived(self) -> None:
        self._last_input = self._clock()
        self._dirty = True

    def tick(self) -> bool:
        """Called every second or so: a full pass if the reader has been quiet long enough
        since the input that followed the last one. True if it ran."""
        if not self.started or not self._dirty:
            return False
        if self._clock() - self._last_input < self.quiet_seconds:
            return False
        gc.collect()
        self._dirty = False
        self.full_passes += 1
        return True
