"""When Python's cyclic garbage collector walks the whole heap: while the reader is quiet.

A full pass stops every thread, the UI's included, for as long as it takes to walk every object
that lives on: at 50,000 articles the id lists, the search caches and the widgets' strips make
that 40-200 ms on these machines (tui_bench counted 70 full passes while it searched, 92 ms each
on average). Python makes one every ten middle-generation passes, in the middle of typing, and
each walks everything that outlived the ones before. So, once the first list is on screen:
- what start-up built is frozen out of the passes Python makes (gc.freeze);
- when no key or click has come for `quiet_seconds` (once per such pause), the frozen objects
  are thawed, the whole heap is collected, and what survives is frozen again: Python's own
  passes then walk only what was made since the last pause, and no garbage is left behind
  (reference counting frees frozen objects too; only cycles wait for the next pause).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from sahelreader.library.heap import collect_and_freeze


class QuietCollector:
    def __init__(self, quiet_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet_seconds = quiet_seconds
        self._clock = clock
        self._last_input = clock()
        self._dirty = False  # input came since the last full pass
        self.started = False
        self.full_passes = 0

    def start(self) -> None:
        """Start-up is over: collect once and freeze what is left."""
        if not self.started:
            self.started = True
            collect_and_freeze()

    def stop(self) -> None:
        """The app is closing: its objects go back to Python's passes (tests run many apps)."""
        if self.started:
            self.started = False
            gc.unfreeze()

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
        collect_and_freeze()
        self._dirty = False
        self.full_passes += 1
        return True
