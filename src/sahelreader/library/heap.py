"""The garbage collector's full pass at a moment of our choosing, for the reader and its search
process alike (tui/collector.py, library/search_process.py)."""

from __future__ import annotations

import gc


def collect_and_freeze() -> None:
    """The whole heap collected; what survives is frozen out of Python's later full passes,
    which then walk only what was made since (reference counting still frees frozen objects;
    only their cycles wait for the next call)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
