"""How long Python's full garbage-collection pass stops the reader, before and after a pause.

    python bench/gc_pause_bench.py HOME

HOME is a library made by bench/make_library.py (e.g. /tmp/bench50k). The reader is made as the
CLI makes it (with its search process) in `run_test`; six searches are run and cleared with
the keys, then a full pass (what Python makes every ten middle-generation passes) is timed:
best of 3, after one untimed pass has collected the garbage, so it is the cost of walking what
lives on, with the number of objects walked. Then the reader's quiet-time pass runs (as it does
when no key has come for 2 s: tui/collector.py thaws, collects and freezes what survives), two
more searches are run, and a full pass is timed again: it walks only what those searches left.
Not a timed test; figures depend on the machine's load (the load average is printed with them).
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import time
from typing import Any

QUERIES = ["niamey", "tiani", "attack village", "jnim OR ecowas", "transit*", "title:bamako"]


def full_pass_ms() -> float:
    """A full pass over what lives on (garbage collected once first, untimed)."""
    gc.collect()
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        gc.collect()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


async def search_and_clear(app: Any, pilot: Any, article_list: Any, queries: list[str]) -> None:
    whole = len(article_list.ids)
    for query in queries:
        await pilot.press("slash")
        await pilot.press(*query)
        await pilot.press("enter")
        for _ in range(500):
            await asyncio.sleep(0.02)
            if app.main.query_text == query and len(article_list.ids) < whole:
                break
        await pilot.pause(0.3)
        await pilot.press("slash")
        await pilot.press("escape")
        await pilot.pause(0.3)


async def main(home: str) -> None:
    from sahelreader.library.heap import collect_and_freeze
    from sahelreader.tui import make_app

    app = make_app(home=home, search_process=True)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.query_one("#article-list")
        while not (article_list.ids and app.index_ready.is_set()):
            await asyncio.sleep(0.05)
        await pilot.pause(3.0)
        await search_and_clear(app, pilot, article_list, QUERIES)
        before = full_pass_ms()
        walked_before = len(gc.get_objects())
        collect_and_freeze()  # the pass a pause in typing brings
        await search_and_clear(app, pilot, article_list, QUERIES[:2])
        after = full_pass_ms()
        walked_after = len(gc.get_objects())
        app.close_search_process()
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(
        f"full pass after 6 searches, start-up frozen: {before:6.1f} ms, {walked_before:,} objects"
    )
    print(f"full pass 2 searches after a quiet pass:     {after:6.1f} ms, {walked_after:,} objects")
    print(f"ratio {before / max(after, 0.01):.1f}x")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
