"""Latency of the side panel's `related()` against a plain `Library.search()`, in the same run.

    python bench/related_bench.py HOME [--articles 100] [--seed 1] [--json out.json]

For each of `--articles` articles drawn at random (seeded), interleaved: `library.related(id)`
(citations, coverage, links), then `Library.search()` for two words of the article's title
(limit 20, with snippets: what the search screen runs), then the same without snippets.
A few warm-up calls first. Prints median and p95 of each and the ratios, and how many articles
had any coverage. Target (issue 15): `related()` p95 < 100 ms at 50,000 articles.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

from stats import pct

from sahelreader.library import Library


def _words(title: str) -> str:
    words = [w for w in re.findall(r"\w+", title) if len(w) > 3 and not w.isdigit()]
    return " ".join(words[:2]) or title.split()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    library = Library.open(args.home, seed=False)
    library.ensure_index(notice=lambda text: print(f"notice: {text}", file=sys.stderr))
    total = library.count()
    ids = random.Random(args.seed).sample(library.store.all_ids(), args.articles + args.warmup)
    titles = {row.id: row.title for row in library.rows(ids)}
    timings: dict[str, list[float]] = {"related": [], "search": [], "search_nosnip": []}
    with_coverage = 0
    for n, article_id in enumerate(ids):
        query = _words(titles[article_id])
        started = time.perf_counter()
        found = library.related(article_id)
        t_related = time.perf_counter() - started
        started = time.perf_counter()
        library.search(query, limit=20)
        t_search = time.perf_counter() - started
        started = time.perf_counter()
        library.search(query, limit=20, snippets=False)
        t_plain = time.perf_counter() - started
        if n < args.warmup:
            continue
        timings["related"].append(t_related * 1000)
        timings["search"].append(t_search * 1000)
        timings["search_nosnip"].append(t_plain * 1000)
        with_coverage += bool(found.coverage)

    summary = {
        name: {"median_ms": statistics.median(v), "p95_ms": pct(v, 95), "max_ms": max(v)}
        for name, v in timings.items()
    }
    print(
        f"library: {total} articles; {args.articles} articles timed "
        f"({with_coverage} with related coverage)"
    )
    print(f"{'':28} {'median':>9} {'p95':>9} {'max':>9}")
    labels = {
        "related": "related()",
        "search": "search(2 title words)",
        "search_nosnip": "search(..., snippets=False)",
    }
    for name, values in summary.items():
        print(
            f"{labels[name]:28} {values['median_ms']:8.1f}ms {values['p95_ms']:8.1f}ms "
            f"{values['max_ms']:8.1f}ms"
        )
    for ref in ("search", "search_nosnip"):
        print(
            f"ratio related/{labels[ref]}: median "
            f"{summary['related']['median_ms'] / summary[ref]['median_ms']:.2f}x, p95 "
            f"{summary['related']['p95_ms'] / summary[ref]['p95_ms']:.2f}x"
        )
    target = "met" if summary["related"]["p95_ms"] < 100 else "MISSED"
    print(f"target p95 < 100 ms: {target}")
    if args.json:
        args.json.write_text(json.dumps({"articles": total, "timings": summary}, indent=2))
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
