"""Many network jobs at once, results handed back one by one to the calling thread (which is
the one that writes to the database: SQLite has one writer anyway)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
_POLL_SECONDS = 0.2  # how often a wait looks at the cancel flag


def in_parallel(
    items: Sequence[Item],
    work: Callable[[Item], Result],
    *,
    workers: int = 8,
    cancelled: threading.Event | None = None,
) -> Iterator[tuple[Item, Result]]:
    """(item, work(item)) as each finishes. `work` must not raise. Once `cancelled` is set, jobs
    not yet started are dropped and the ones running are waited for, not abandoned."""
    if not items:
        return
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(items)))) as pool:
        running: dict[Future[Result], Item] = {pool.submit(work, item): item for item in items}
        try:
            while running:
                if cancelled is not None and cancelled.is_set():
                    for future in running:
                        future.cancel()
                done, _ = wait(running, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
                for future in done:
                    item = running.pop(future)
                    if not future.cancelled():
                        yield item, future.result()
        finally:
            for future in running:
                future.cancel()
