"""How many articles the side panel has something to say about: the share of a random draw of
articles with at least one related coverage item, with one in another language, and (when the
library has stories) in a story of two articles or more. Also related() median and p95.

    python bench/coverage_reach.py HOME [--sample 300] [--seed 1] [--from YYYY-MM-DD]

`--from`: draw only among the articles published on or after that day (the 2025 multi-outlet
snapshot in /tmp/relhome, where outlets in several languages report the same day).

Run it with two versions of the code on copies of one library to compare before and after
(the draw depends only on the library's ids and the seed). Precision is judged by hand with
bench/related_eval.py; this counts only.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from stats import pct

from sahelreader.library import Library


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--from", dest="start", help="only articles published from this day")
    args = parser.parse_args(argv)
    with Library.open(args.home, seed=False) as library:
        library.ensure_index()
        ids = sorted(library.list_ids())
        if args.start:
            ids = sorted(
                row.id
                for row in library.rows(ids)
                if row.published is not None and row.published.date().isoformat() >= args.start
            )
        drawn = random.Random(args.seed).sample(ids, min(args.sample, len(ids)))
        for article_id in drawn[:5]:
            library.related(article_id)  # warm-up
        times: list[float] = []
        shown = other_language = outlet = in_story = 0
        stories = getattr(library, "stories", None)
        for article_id in drawn:
            start = time.perf_counter()
            found = library.related(article_id)
            times.append(time.perf_counter() - start)
            mine = library.get(article_id).language
            if found.coverage:
                shown += 1
            theirs = {library.get(c.id).language for c in found.coverage}
            if mine and theirs - {"", mine}:
                other_language += 1
            if getattr(found, "more_from_outlet", None):
                outlet += 1
            if stories is not None:
                story = stories.of_article(article_id)
                if story is not None and len(story.articles) > 1:
                    in_story += 1
        n = len(drawn)
        print(f"library: {len(ids)} articles; drawn {n} (seed {args.seed})")
        print(f"with >=1 coverage item:          {shown} ({shown / n:.1%})")
        print(f"with >=1 in another language:    {other_language} ({other_language / n:.1%})")
        print(f"with 'more from this outlet':    {outlet} ({outlet / n:.1%})")
        if stories is not None:
            print(f"in a story of 2+ articles:       {in_story} ({in_story / n:.1%})")
        print(
            f"related(): median {statistics.median(times) * 1000:.1f} ms, "
            f"p95 {pct(times, 95) * 1000:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
