"""Many network jobs at once, results handed back one by one to the calling thread (which is
the one that writes to the database: SQLite has one writer anyway)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
_POLL_SECONDS = 0.1  # how often a wait looks at the cancel flag


def in_parallel(
    items: Sequence[Item],
    work: Callable[[Item], Result],
    *,
    workers: int = 8,
    cancelled: threading.Event | None = None,
) -> Iterator[tuple[Item, Result]]:
    """(item, work(item)) as each finishes. `work` must not raise.

    Once `cancelled` is set no job starts and the caller gets no more results, at once: a job
    still running (a slow server) is abandoned to its daemon thread rather than waited for, so
    quitting never hangs on the network. Jobs only fetch and parse; nothing they do is kept.
    """
    if not items:
        return
    jobs: queue.SimpleQueue[Item] = queue.SimpleQueue()
    for item in items:
        jobs.put(item)
    results: queue.SimpleQueue[tuple[Item, Result]] = queue.SimpleQueue()

    def run() -> None:
        while cancelled is None or not cancelled.is_set():
            try:
                item = jobs.get_nowait()
            except queue.Empty:
                return
            results.put((item, work(item)))

    threads = [
        threading.Thread(target=run, name="sahelreader-fetch", daemon=True)
        for _ in range(max(1, min(workers, len(items))))
    ]
    for thread in threads:
        thread.start()
    remaining = len(items)
    while remaining:
        if cancelled is not None and cancelled.is_set():
            return
        try:
            item, result = results.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            if not any(thread.is_alive() for thread in threads) and results.empty():
                return  # every job was taken and none is left to report
            continue
        remaining -= 1
        yield item, result
