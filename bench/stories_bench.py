"""Stories at scale: grouping a whole library, and the cost of an add of 500 articles.

    python bench/stories_bench.py HOME [--add 500] [--seed 1]

HOME is modified: run it on a copy (`cp -r /tmp/bench10k /tmp/copy`). Steps:

1. `stories.catch_up()` — places every article not yet in a story (a library from before
   stories: the whole library, once). Prints articles/s.
2. Takes `--add` articles at random (seeded), removes them, and adds them back with
   `Library.add_drafts` (store, entity recognition, story placement: the import path), then
   catches the index up. Prints the add's time, the part of it spent placing stories, and
   how many stories the add touched and created: it must not regroup the library.
3. `related()` median and p95 over 100 of the re-added articles.

Target: adding 500 articles updates stories in under 5 s at 50,000 articles; related p95 <
100 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from stats import pct

from sahelreader.library import Library
from sahelreader.library.stories import PlaceReport, Stories
from sahelreader.models import ArticleDraft


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--add", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with Library.open(args.home, seed=False) as library:
        library.ensure_index()
        total = library.count()
        start, start_cpu = time.perf_counter(), time.process_time()
        report = library.stories.catch_up()
        took, took_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        if report.placed:
            print(
                f"catch-up: {report.placed} articles placed in {took:.1f} s wall, "
                f"{took_cpu:.1f} s CPU ({report.placed / took_cpu:.0f}/s CPU), "
                f"{report.created} stories"
            )
        ids = random.Random(args.seed).sample(sorted(library.list_ids()), args.add)
        drafts = []
        for article_id in ids:
            a = library.get(article_id)
            drafts.append(
                ArticleDraft(
                    title=a.title,
                    body=a.body,
                    source=a.source,
                    url=a.url,
                    published=a.published,
                    author=a.author,
                    language=a.language,
                )
            )
        library.store.remove(ids, with_user_data=True)
        library.sync_index()

        placing: list[float] = []
        placing_cpu: list[float] = []
        reports: list[PlaceReport] = []
        original = Stories.place

        def timed(self: Stories, *a: object, **k: object) -> PlaceReport:
            begin, begin_cpu = time.perf_counter(), time.process_time()
            found = original(self, *a, **k)  # type: ignore[arg-type]
            placing.append(time.perf_counter() - begin)
            placing_cpu.append(time.process_time() - begin_cpu)
            reports.append(found)
            return found

        Stories.place = timed  # type: ignore[method-assign]
        try:
            start, start_cpu = time.perf_counter(), time.process_time()
            added = library.add_drafts(drafts)
            add_time = time.perf_counter() - start
            add_cpu = time.process_time() - start_cpu
        finally:
            Stories.place = original  # type: ignore[method-assign]
        start = time.perf_counter()
        library.sync_index()
        index_time = time.perf_counter() - start
        touched = set().union(*(r.touched for r in reports))
        created = sum(r.created for r in reports)
        print(f"library: {total} articles; re-added {len(added.added)}")
        print(
            f"add_drafts: {add_time:.2f} s wall, of which story placement {sum(placing):.2f} s "
            f"({sum(placing) / add_time:.0%}); index catch-up {index_time:.2f} s"
        )
        print(
            f"CPU time (this process; the machine may be shared): add_drafts {add_cpu:.2f} s, "
            f"story placement {sum(placing_cpu):.2f} s ({sum(placing_cpu) / add_cpu:.0%})"
        )
        print(f"stories touched by the add: {len(touched)} ({created} new)")
        times = []
        for article_id in added.added[:100]:
            begin = time.perf_counter()
            library.related(article_id)
            times.append(time.perf_counter() - begin)
        print(
            f"related(): median {statistics.median(times) * 1000:.1f} ms, "
            f"p95 {pct(times, 95) * 1000:.1f} ms"
        )
        begin = time.perf_counter()
        listed = library.stories.recent()
        print(f"stories.recent(): {len(listed)} stories in {time.perf_counter() - begin:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
