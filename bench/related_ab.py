"""`related()` of an earlier commit's code against the working tree's, in the same run, and
whether their output is identical.

    python bench/related_ab.py HOME [--ref main] [--home-new HOME2] [--articles 200] [--timed 100]

The earlier side is `coverage.py`, `term_stats.py`, `features.py` and `duplicates.py` of
`src/sahelreader/related/` read from git at `--ref` (everything else is the working tree's);
the new side is `Library.related()`. For each of `--articles` articles drawn at random
(seeded): both, in alternating order, then `Library.search()` for two words of its title
(limit 20, with snippets: the search screen's call) as the reference. `--home-new` runs the
new side on another copy of the library (the same articles, e.g. with its index in fewer
segments). Prints median and p95 of the first `--timed` articles (after 5 warm-up calls), the
ratios to search, and how many of the articles gave identical results (items, order, scores,
shared names, near-duplicates, the outlet's pieces), listing any that differ.

`--neighbours N` also runs both sides, after each article, on up to N of the items it shows
(as the side panel is used: the articles of one story opened one after another), timed
apart ("story walk"): what `related()` remembers of a candidate between calls is found again.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

from related_bench import _words
from stats import pct

from sahelreader.library import Library

ROOT = Path(__file__).resolve().parents[1]


def _source(ref: str, path: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{ref}:{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


# The related modules read at the earlier ref (the rest of the package is the working tree's).
EARLIER = ("term_stats", "features", "duplicates", "coverage")


def earlier_coverage(ref: str) -> types.ModuleType:
    """The coverage module at `ref`, with its term_stats (and so its own cache), features and
    duplicates of that ref too."""
    modules: dict[str, types.ModuleType] = {}
    for name in EARLIER:
        code = _source(ref, f"src/sahelreader/related/{name}.py")
        for other in modules:
            code = code.replace(
                f"from sahelreader.related.{other} import", f"from earlier_{other} import"
            )
        module = types.ModuleType(f"earlier_{name}")
        sys.modules[module.__name__] = module
        exec(compile(code, module.__name__, "exec"), module.__dict__)
        modules[name] = module
    return modules["coverage"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--home-new", type=Path)
    parser.add_argument("--ref", default="main")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--timed", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--neighbours", type=int, default=0)
    args = parser.parse_args(argv)

    earlier = earlier_coverage(args.ref)
    library = Library.open(args.home, seed=False)
    library.ensure_index()
    new_library = library
    if args.home_new is not None:
        new_library = Library.open(args.home_new, seed=False)
        new_library.ensure_index()
    print(
        f"index segments: {args.ref} side {library.index.segment_count()}, "
        f"new side {new_library.index.segment_count()}"
    )
    ids = random.Random(args.seed).sample(library.store.all_ids(), args.articles + args.warmup)
    titles = {row.id: row.title for row in library.rows(ids)}
    timings: dict[str, list[float]] = {"earlier": [], "new": [], "search": []}
    walk: dict[str, list[float]] = {"earlier": [], "new": []}
    same = 0
    differ: list[str] = []

    def both(article_id: str, n: int, into: dict[str, list[float]] | None) -> dict[str, object]:
        found = {}
        for side in ("earlier", "new") if n % 2 else ("new", "earlier"):
            started = time.perf_counter()
            if side == "earlier":
                found[side] = earlier.related(library.related_inputs(article_id), 10)
            else:
                found[side] = new_library.related(article_id)
            if into is not None:
                into[side].append((time.perf_counter() - started) * 1000)
        return found

    for n, article_id in enumerate(ids):
        timed = args.warmup <= n < args.warmup + args.timed
        found = both(article_id, n, timings if timed else None)
        if args.neighbours and n >= args.warmup:
            for item in found["new"].coverage[: args.neighbours]:  # type: ignore[attr-defined]
                walked = both(item.id, n, walk if timed else None)
                if walked["earlier"] == walked["new"]:
                    same += 1
                else:
                    differ.append(item.id)
        started = time.perf_counter()
        new_library.search(_words(titles[article_id]), limit=20)
        if timed:
            timings["search"].append((time.perf_counter() - started) * 1000)
        if n >= args.warmup:
            if found["earlier"] == found["new"]:
                same += 1
            else:
                differ.append(article_id)
    for side, values in timings.items():
        print(
            f"{side:8} median {statistics.median(values):7.1f} ms  p95 {pct(values, 95):7.1f} ms"
            f"  max {max(values):7.1f} ms"
        )
    search_median, search_p95 = statistics.median(timings["search"]), pct(timings["search"], 95)
    for side in ("earlier", "new"):
        print(
            f"{side} / search: median {statistics.median(timings[side]) / search_median:.2f}x, "
            f"p95 {pct(timings[side], 95) / search_p95:.2f}x"
        )
    if walk["new"]:
        for side, values in walk.items():
            print(
                f"story walk, {side:8} ({len(values)} calls) median "
                f"{statistics.median(values):7.1f} ms  p95 {pct(values, 95):7.1f} ms"
            )
    print(f"identical output: {same} of {same + len(differ)} articles")
    for article_id in differ:
        print(f"  differs: {article_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
