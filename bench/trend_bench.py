"""Latency of `Library.trends.trend()` against a plain `Library.search()`, in the same run.

    python bench/trend_bench.py HOME [--reps 7] [--json out.json]

Queries: a common word (the most frequent body word of a sample), a name (the most frequent
person: a `person:"…"` query), the same name with a date filter (its busiest year), a word
with a date filter, and an entity counted as the side panel counts it (`entity_trend`). Each
is timed cold (the trend cache cleared before each rep: the index is read again) and warm (the
cache kept, as when the TUI asks again), by week, against `Library.search(query, limit=20,
snippets=False)` (the search the header's sparkline goes with) in the same reps. Prints the
median of each and the ratio cold trend / search, and the matches counted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from sahelreader.entities.summary import EntityGroup
from sahelreader.library import Library


def _median_ms(run: object, reps: int) -> float:
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    library = Library.open(args.home, seed=False)
    library.ensure_index(notice=lambda text: print(f"notice: {text}", file=sys.stderr))
    ids = library.store.all_ids()[:300]
    words: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for article_id in ids:
        article = library.get(article_id)
        words.update(w.lower() for w in article.body.split() if w.isalpha() and len(w) > 5)
        people.update(e.text for e in library.entities(article) if e.type == "person")
    word = words.most_common(1)[0][0]
    name = people.most_common(1)[0][0]
    group = EntityGroup(name, "person", 1)
    years = Counter(
        p[:4] for p, c in library.trends.trend(group.query, "month").points for _ in range(c)
    )
    year = years.most_common(1)[0][0]
    queries = {
        "common word": word,
        "a name": group.query,
        "a name, date-filtered": f"{group.query} published:{year}",
        "a word, date-filtered": f"{word} published:{year}",
    }
    rows = []
    for label, query in queries.items():
        library.search(query, limit=20, snippets=False)  # warm the searcher

        def cold(query: str = query) -> None:
            library.trends.forget()
            library.trends.trend(query, "week")

        trend_cold = _median_ms(cold, args.reps)
        trend_warm = _median_ms(lambda q=query: library.trends.trend(q, "week"), args.reps)
        search = _median_ms(lambda q=query: library.search(q, limit=20, snippets=False), args.reps)
        found = library.trends.trend(query, "week")
        rows.append((label, query, trend_cold, trend_warm, search, found.total, found.undated))

    def entity_cold() -> None:
        library.trends.forget()
        library.trends.entity_trend(group, "week")

    entity = _median_ms(entity_cold, args.reps)
    search = _median_ms(lambda: library.search(group.query, limit=20, snippets=False), args.reps)
    counted = library.trends.entity_trend(group, "week")
    rows.append(
        ("entity (side panel)", group.query, entity, 0.0, search, counted.total, counted.undated)
    )

    print(f"{library.count():,} articles, {args.reps} reps, medians in ms")
    print(f"{'query':<24} {'trend cold':>10} {'warm':>7} {'search':>8} {'ratio':>6} {'matches':>8}")
    for label, query, cold_ms, warm_ms, search_ms, total, _undated in rows:
        print(
            f"{label:<24} {cold_ms:>10.1f} {warm_ms:>7.2f} {search_ms:>8.1f} "
            f"{cold_ms / search_ms:>6.2f} {total:>8,}  {query}"
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    dict(
                        zip(
                            (
                                "kind",
                                "query",
                                "trend_cold_ms",
                                "trend_warm_ms",
                                "search_ms",
                                "dated",
                                "undated",
                            ),
                            row,
                            strict=True,
                        )
                    )
                    for row in rows
                ],
                indent=2,
            )
        )
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
