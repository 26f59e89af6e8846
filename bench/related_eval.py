"""Judge the side panel's related coverage by hand, and score it against recorded judgements.

    python bench/related_eval.py HOME [--sample 30] [--seed 1] [--top 5]
                                      [--judgements bench/related_judgements.md] [--snippets]

Draws articles at random (seeded) from the library in HOME until `--sample` of them have at
least one related item (the others are counted and reported as "none"), and prints each with
its top related items: score, source, date, title, shared entities, near-duplicate mark, and
with --snippets the first words of each body (to judge by; never copy them into the repo).

With a judgements file (markdown table rows ``| article id | related id | yes/no | why |``)
it prints precision@k: the share of shown related items judged to be on the same story, per
article (macro) and over all items (micro), and lists any shown item not yet judged.
`--judged` re-runs the articles of the judgements file: a fixed sample while tuning (the
random draw depends on which articles show anything, so it moves when the ranking does).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

from sahelreader.library import Library

_ROW = re.compile(r"^\|\s*([0-9a-z]{4,})\s*\|\s*([0-9a-z]{4,})\s*\|\s*(yes|no)\s*\|", re.I)


def load_judgements(path: Path) -> dict[tuple[str, str], bool]:
    found: dict[tuple[str, str], bool] = {}
    if not path.exists():
        return found
    for line in path.read_text("utf-8").splitlines():
        match = _ROW.match(line.strip())
        if match:
            found[(match.group(1), match.group(2))] = match.group(3).lower() == "yes"
    return found


def _snippet(text: str, words: int = 30) -> str:
    return " ".join(text.split()[:words])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument(
        "--judgements", type=Path, default=Path(__file__).with_name("related_judgements.md")
    )
    parser.add_argument("--snippets", action="store_true", help="print the first body words")
    parser.add_argument("--ids", nargs="*", help="these articles instead of a random sample")
    parser.add_argument(
        "--judged",
        action="store_true",
        help="the articles of the judgements file (a fixed sample while tuning)",
    )
    args = parser.parse_args(argv)

    library = Library.open(args.home, seed=False)
    library.ensure_index()
    judged = load_judgements(args.judgements)
    ids = library.store.all_ids()
    rng = random.Random(args.seed)
    order = args.ids or rng.sample(ids, len(ids))
    if args.judged:
        order = list(dict.fromkeys(article for article, _ in judged))
    shown: list[tuple[str, list[str]]] = []
    none = 0
    timings: list[float] = []
    duplicates: list[tuple[str, str]] = []
    for article_id in order:
        if len(shown) >= args.sample:
            break
        started = time.perf_counter()
        found = library.related(article_id, limit=args.top)
        timings.append(time.perf_counter() - started)
        if not found.coverage:
            none += 1
            if args.judged:
                print(f"\n## {article_id}  (no related coverage shown)")
            continue
        article = library.get(article_id)
        day = article.published.date().isoformat() if article.published else "undated"
        print(f"\n## {article.id}  [{article.source}] {day}  {article.title}")
        if args.snippets:
            print(f"     {_snippet(article.body)}")
        items = []
        for item in found.coverage[: args.top]:
            mark = {True: "yes", False: "no"}.get(judged.get((article.id, item.id)), "?")  # type: ignore[arg-type]
            when = item.published.date().isoformat() if item.published else "undated"
            dup = " NEAR-DUPLICATE" if item.near_duplicate else ""
            print(
                f"  {mark:>3} {item.id} {item.score:.3f} [{item.source}] {when} {item.title}{dup}"
            )
            print(f"          shared: {', '.join(item.shared_entities[:6]) or '-'}")
            if args.snippets:
                print(f"          {_snippet(library.get(item.id).body)}")
            if item.near_duplicate:
                duplicates.append((article.id, item.id))
            items.append(item.id)
        shown.append((article.id, items))

    tried = len(shown) + none
    how = "taken from the judgements" if args.judged else "drawn"
    print(
        f"\n{tried} articles {how}: {len(shown)} with related coverage, {none} with none "
        f"({none / max(1, tried):.0%})"
    )
    if timings:
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
        print(
            f"related(): median {statistics.median(timings) * 1000:.1f} ms, "
            f"p95 {p95 * 1000:.1f} ms over {len(timings)} calls"
        )
    print(f"near-duplicate marks shown: {len(duplicates)} {duplicates}")
    if judged:
        per_article: list[float] = []
        yes = total = 0
        missing: list[tuple[str, str]] = []
        for article_id, items in shown:
            marks = [judged.get((article_id, item)) for item in items]
            missing += [(article_id, i) for i, m in zip(items, marks, strict=True) if m is None]
            known = [m for m in marks if m is not None]
            if known:
                per_article.append(sum(known) / len(known))
                yes += sum(known)
                total += len(known)
        if per_article:
            print(
                f"precision@{args.top}: macro {statistics.mean(per_article):.3f} over "
                f"{len(per_article)} articles; micro {yes}/{total} = {yes / total:.3f}"
            )
        if missing:
            print(f"{len(missing)} shown items not judged yet:")
            for pair in missing:
                print(f"  {pair[0]} {pair[1]}")
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
