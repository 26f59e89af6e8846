"""Fuzzy and wildcard query latency against plain term queries, measured in the same run.

    python bench/fuzzy_bench.py HOME [--reps 5] [--json OUT]

HOME is an existing library with a built index (bench/make_library.py, or a home filled with
`sahelreader --home HOME add …` from /work/shared/corpus/news). Nothing is written to it.

Every query runs through `Library.search(q, limit=20, snippets=False)` (parse, the Whoosh
search, matched terms, the 20 rows from SQLite), on a warm searcher, interleaved repetitions
(query after query, so machine noise hits every kind alike). A query refused with a QueryError
("too many words") is timed too: the time to say no is what the user waits for.

Reported per query: median and max seconds, hits, how many index terms it matched (a measure of
its expansion) and the ratio of its median to the median of the plain term queries. A query
slower than --slow seconds on its first run is run only once (the old fuzzy code took ~20 s).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from sahelreader.library import Library
from sahelreader.search.query import QueryError

PLAIN = ["niger", "ouagadougou", "menaka", "election", "president", "ukraine"]
FUZZY = [
    "ouagadugu~",  # README example: two edits
    "menaka~",
    "nigeria~",
    "elektion~",
    "presidant~",
    "ukrane~",
    "biden~",
    "election~1",
    "ouagadugu~2",
    "johnson~2",
    "mali~",
    "xy~",
    "title:ukrane~",
]
WILDCARD = ["urani*", "elect*", "presid*", "ouaga*", "*tion", "a*", "*a*", "s*s", "pr?sident"]
KINDS = {"plain": PLAIN, "fuzzy": FUZZY, "wildcard": WILDCARD}


def run_once(library: Library, query: str) -> tuple[float, int, int, str]:
    started = time.perf_counter()
    try:
        results = library.search(query, limit=20, snippets=False)
    except QueryError as error:
        return time.perf_counter() - started, 0, 0, f"refused: {error}"
    elapsed = time.perf_counter() - started
    return elapsed, results.total, len(results.terms), ""


def main() -> int:
    parser = argparse.ArgumentParser(description="fuzzy/wildcard vs plain term query times")
    parser.add_argument("home", type=Path)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--slow", type=float, default=3.0, help="run slower queries only once")
    parser.add_argument("--json")
    args = parser.parse_args()

    library = Library.open(args.home, seed=False)
    if not library.index_health().ok:
        print(f"{args.home}: the index is not built or not up to date", file=sys.stderr)
        return 2
    print(f"library: {library.count():,} articles, {library.index.segment_count()} segment(s)")
    queries = [(kind, q) for kind, items in KINDS.items() for q in items]

    library.search("warmup", limit=1, snippets=False)  # open the searcher: not timed below
    times: dict[str, list[float]] = {q: [] for _, q in queries}
    facts: dict[str, tuple[int, int, str]] = {}
    for rep in range(args.reps):
        for _, query in queries:
            if rep > 0 and times[query][0] > args.slow:
                continue
            elapsed, total, terms, note = run_once(library, query)
            times[query].append(elapsed)
            facts[query] = (total, terms, note)

    plain_median = statistics.median(statistics.median(times[q]) for q in PLAIN)
    rows = []
    print(f"\nplain term median {plain_median * 1000:.1f} ms (the reference for the ratios)\n")
    print(
        f"{'kind':9} {'query':16} {'median ms':>10} {'max ms':>9} {'ratio':>8} "
        f"{'hits':>6} {'terms':>6}  note"
    )
    for kind, query in queries:
        median = statistics.median(times[query])
        total, terms, note = facts[query]
        ratio = median / plain_median if plain_median else float("nan")
        rows.append(
            {
                "kind": kind,
                "query": query,
                "median_s": median,
                "max_s": max(times[query]),
                "runs": len(times[query]),
                "ratio_to_plain": ratio,
                "hits": total,
                "terms": terms,
                "note": note,
            }
        )
        print(
            f"{kind:9} {query:16} {median * 1000:10.1f} {max(times[query]) * 1000:9.1f} "
            f"{ratio:7.1f}x {total:6} {terms:6}  {note[:70]}"
        )
    for kind in ("fuzzy", "wildcard"):
        worst = max(max(times[q]) for q in KINDS[kind])
        median = statistics.median(statistics.median(times[q]) for q in KINDS[kind])
        print(
            f"\n{kind}: median {median * 1000:.1f} ms ({median / plain_median:.1f}x plain), "
            f"worst single run {worst * 1000:.1f} ms"
        )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"plain_median_s": plain_median, "queries": rows}, indent=2), "utf-8"
        )
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
