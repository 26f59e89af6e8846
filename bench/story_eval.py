"""Issue 15's judged set: coverage and story membership across outlets and languages.

    python bench/story_eval.py convert --out-dir /tmp/judge-data   # MasakhaNEWS TSV -> JSONL
    python bench/story_eval.py sample --out /tmp/sample.json [--seed 15] [--snapshot 40]
                                      [--french 30] [--english 30] [--exclude-seed 15 ...]
                                      [--exclude-sample earlier.json ...]
    PYTHONPATH=<code>/src python bench/story_eval.py dump HOME --sample /tmp/sample.json
                                      --out /tmp/dump.json [--top 5] [--probe]
    python bench/story_eval.py sheet /tmp/before.json /tmp/after.json   # to judge by (in /tmp)
    python bench/story_eval.py score bench/judgements_issue15.md /tmp/before.json /tmp/after.json

`sample` draws the articles (by url) from the corpus files themselves, with a fixed seed: the
2025 multi-outlet snapshot and MasakhaNEWS French and English (test + dev), so that both code
versions' libraries, built from the same files, are judged on the same articles. `dump` runs
under one code version (its PYTHONPATH) and records, for each sampled article, the top coverage
items of `related` (as `related ID --json` gives them), the outlet's own other pieces and the
article's story with its members when the code has stories; `--probe` adds search hits for
the article's title and names, the candidates for the recall judgement. `sheet` prints both
versions side by side with the first words of every body, to judge by (never copy them into the
repo). `score` reads the judgements file (markdown rows):

    | article id | related id | yes/no | why |          coverage item / story member
    | article id | found | id id ... or none | why |      other coverage the library holds

and prints precision@5 (micro and macro), recall (the share of the articles with coverage in the
library that show at least one correct item) and story membership precision, per version and
per part of the sample. Ids are the same in both libraries (they are derived from the article).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import statistics
import sys
from pathlib import Path
from typing import Any

CORPUS = Path("/work/shared/corpus/news")
SNAPSHOT = CORPUS / "multi_outlet_snapshot_2025" / "news_data.json"
MASAKHA = CORPUS / "masakhanews"

_PAIR = re.compile(r"^\|\s*([0-9a-z]{4,})\s*\|\s*([0-9a-z]{4,})\s*\|\s*(yes|no)\s*\|", re.I)
_FOUND = re.compile(r"^\|\s*([0-9a-z]{4,})\s*\|\s*found\s*\|\s*([^|]*)\|", re.I)


def _masakha_urls(language: str) -> list[str]:
    csv.field_size_limit(10**9)
    urls: list[str] = []
    for split in ("test", "dev"):
        with (MASAKHA / language / f"{split}.tsv").open(encoding="utf-8") as handle:
            urls += [row["url"] for row in csv.DictReader(handle, delimiter="\t")]
    return sorted(set(urls))


def cmd_convert(args: argparse.Namespace) -> int:
    """MasakhaNEWS French and English (test, then dev) as JSON Lines the library imports:
    title, body, url, source ("BBC Afrique" / "BBC News"); written outside the repo."""
    csv.field_size_limit(10**9)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for language, source in (("fra", "BBC Afrique"), ("eng", "BBC News")):
        path = args.out_dir / f"masakhanews_{language}.jsonl"
        count = 0
        with path.open("w", encoding="utf-8") as out:
            for split in ("test", "dev"):
                with (MASAKHA / language / f"{split}.tsv").open(encoding="utf-8") as handle:
                    for row in csv.DictReader(handle, delimiter="\t"):
                        record = {
                            "title": row["headline"],
                            "body": row["text"],
                            "url": row["url"],
                            "source": source,
                        }
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                        count += 1
        print(f"{count} records -> {path}")
    return 0


# Articles drawn per part unless told otherwise (rounds 1-4 all used these).
DEFAULT_COUNTS = {"snapshot": 40, "french": 30, "english": 30}


def _draw(seed: int, wanted: dict[str, int]) -> dict[str, list[str]]:
    snapshot = sorted(
        {r["link"].strip() for r in json.loads(SNAPSHOT.read_text("utf-8")) if r["link"]}
    )
    rng = random.Random(seed)
    # Drawn in extra, since a few urls are duplicates the library merged (same text).
    return {
        "snapshot": rng.sample(snapshot, wanted["snapshot"] * 2),
        "french": rng.sample(_masakha_urls("fra"), wanted["french"] * 2),
        "english": rng.sample(_masakha_urls("eng"), wanted["english"] * 2),
    }


def cmd_sample(args: argparse.Namespace) -> int:
    wanted = {"snapshot": args.snapshot, "french": args.french, "english": args.english}
    parts = _draw(args.seed, wanted)
    # --exclude-seed: drop every url an earlier seed drew, keeping this seed's order, so that
    # `dump` takes the next urls of this draw in their place. The earlier seed is drawn at the
    # default counts (every round until 5 used them) and at this run's: a draw's order depends
    # on its counts, so this run's alone would miss what that seed really drew.
    seen = {
        url
        for seed in args.exclude_seed
        for counts in (DEFAULT_COUNTS, wanted)
        for urls in _draw(seed, counts).values()
        for url in urls
    }
    # --exclude-sample: the urls of earlier sample files, whatever counts drew them.
    for path in args.exclude_sample:
        seen.update(
            u for urls in json.loads(path.read_text("utf-8"))["parts"].values() for u in urls
        )
    if seen:
        kept = {part: [u for u in urls if u not in seen] for part, urls in parts.items()}
        for part, urls in kept.items():
            print(
                f"{part}: {len(parts[part]) - len(urls)} urls drawn by seeds "
                f"{args.exclude_seed} left out"
            )
        parts = kept
    args.out.write_text(json.dumps({"parts": parts, "wanted": wanted}, indent=1), "utf-8")
    return 0


def _member(library: Any, member: Any) -> dict[str, Any]:
    """One article of a story, as the judging sheets show it."""
    return {
        "id": member.id,
        "title": member.title,
        "source": member.source,
        "language": member.language,
        "published": member.published.isoformat() if member.published else None,
        "words": " ".join(library.get(member.id).body.split()[:40]),
    }


def _item(library: Any, coverage: Any) -> dict[str, Any]:
    body = library.get(coverage.id).body
    return {
        "id": coverage.id,
        "title": coverage.title,
        "source": coverage.source,
        "published": coverage.published.isoformat() if coverage.published else None,
        "score": round(coverage.score, 3),
        "shared": list(coverage.shared_entities[:6]),
        "near_duplicate": coverage.near_duplicate,
        "words": " ".join(body.split()[:40]),
    }


def _probe(library: Any, article: Any) -> list[dict[str, str]]:
    """Search hits for the title and the article's most frequent names: recall candidates."""
    names: dict[str, int] = {}
    for entity in library.entities(article):
        if len(entity.text) > 3:
            names[entity.text] = names.get(entity.text, 0) + 1
    queries = [article.title] + [
        f'"{n}"' for n, _ in sorted(names.items(), key=lambda x: -x[1])[:4]
    ]
    found: dict[str, dict[str, str]] = {}
    for query in queries:
        try:
            hits = library.search(query, limit=6, snippets=False).hits
        except Exception as error:  # a query the parser refuses: note it and go on
            print(f"probe {query!r}: {error}", file=sys.stderr)
            continue
        for hit in hits:
            if hit.id != article.id and hit.id not in found:
                found[hit.id] = {"id": hit.id, "title": hit.title, "source": hit.source, "q": query}
    return list(found.values())


def cmd_dump(args: argparse.Namespace) -> int:
    from sahelreader.library import Library

    sample = json.loads(args.sample.read_text("utf-8"))
    library = Library.open(args.home, seed=False)
    library.ensure_index()
    by_url = {}
    with library.store.transaction() as conn:
        for article_id, url in conn.execute("SELECT id, url FROM articles"):
            by_url[url] = article_id
            # MasakhaNEWS English gives site-relative links, resolved on import to BBC's site.
            if "bbc.co" in url:
                by_url.setdefault("/" + url.split("/", 3)[-1], article_id)
    has_stories = hasattr(library, "stories")
    out: list[dict[str, Any]] = []
    for part, urls in sample["parts"].items():
        taken: set[str] = set()
        for url in urls:
            if len([a for a in out if a["part"] == part]) >= sample["wanted"][part]:
                break
            article_id = by_url.get(url)
            if article_id is None or article_id in taken:
                continue  # merged into another record (same text): skip
            taken.add(article_id)
            article = library.get(article_id)
            found = library.related(article_id, limit=10)
            record: dict[str, Any] = {
                "part": part,
                "id": article_id,
                "url": url,
                "title": article.title,
                "source": article.source,
                "published": article.published.isoformat() if article.published else None,
                "words": " ".join(article.body.split()[:60]),
                "coverage": [_item(library, c) for c in found.coverage[: args.top]],
                "more_from_outlet": [
                    _item(library, c) for c in getattr(found, "more_from_outlet", [])[: args.top]
                ],
                "story": None,
            }
            if has_stories:
                story = library.stories.of_article(article_id)
                if story is not None:
                    record["story"] = {
                        "id": story.id,
                        "title": story.title,
                        "members": [
                            _member(library, m) for m in story.articles if m.id != article_id
                        ],
                    }
            if args.probe:
                record["probe"] = _probe(library, article)
            out.append(record)
    library.close()
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1), "utf-8")
    print(f"{len(out)} articles dumped to {args.out}")
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    """Every story of 2+ articles in the library (all dates), with its members."""
    from sahelreader.library import Library

    library = Library.open(args.home, seed=False)
    out = []
    for story in library.stories.recent(days=None):
        out.append(
            {
                "id": story.id,
                "title": story.title,
                "members": [_member(library, m) for m in story.articles],
            }
        )
    library.close()
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1), "utf-8")
    for story in out:
        first = story["members"][0]
        print(
            f"\n## story {story['id']} ({len(story['members'])}) first {first['id']} "
            f"[{first['source']}/{first['language']}] {first['title']}"
        )
        print(f"   {first['words']}")
        for member in story["members"][1:]:
            print(
                f"  S {member['id']} [{member['source']}/{member['language']}] "
                f"{(member['published'] or '')[:10]} {member['title']}"
            )
            print(f"        {member['words']}")
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    before = {a["id"]: a for a in json.loads(args.before.read_text("utf-8"))}
    after = json.loads(args.after.read_text("utf-8"))
    for n, article in enumerate(after, 1):
        old = before.get(article["id"], {})
        print(
            f"\n## {n}. {article['id']} [{article['part']}/{article['source']}] "
            f"{(article['published'] or 'undated')[:10]} {article['title']}"
        )
        print(f"   {article['words']}")
        seen: dict[str, tuple[dict[str, Any], list[str]]] = {}
        for version, record in (("B", old), ("A", article)):
            for rank, item in enumerate(record.get("coverage", []), 1):
                seen.setdefault(item["id"], (item, []))[1].append(f"{version}{rank}")
            for item in record.get("more_from_outlet", []):
                seen.setdefault(item["id"], (item, []))[1].append(f"{version}-outlet")
        for item, where in seen.values():
            dup = " DUP" if item["near_duplicate"] else ""
            print(
                f"  [{','.join(where)}] {item['id']} [{item['source']}] "
                f"{(item['published'] or 'undated')[:10]} {item['title']}{dup}  "
                f"shared: {', '.join(item['shared'])}"
            )
            print(f"        {item['words']}")
        story = article.get("story")
        if story and story["members"]:
            print(f"  story {story['id']} ({len(story['members']) + 1} articles):")
            for member in story["members"]:
                print(
                    f"   S {member['id']} [{member['source']}/{member['language']}] "
                    f"{member['title']}"
                )
                print(f"        {member['words']}")
        probe = [p for p in article.get("probe", []) if p["id"] not in seen]
        if probe:
            print("  search:")
            for hit in probe:
                print(f"   ? {hit['id']} [{hit['source']}] {hit['title']}   <- {hit['q'][:40]}")
    return 0


def load(path: Path) -> tuple[dict[tuple[str, str], bool], dict[str, set[str]]]:
    pairs: dict[tuple[str, str], bool] = {}
    found: dict[str, set[str]] = {}
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if match := _FOUND.match(line):
            ids = set(match.group(2).split()) - {"none"}
            found[match.group(1)] = ids
        elif match := _PAIR.match(line):
            pairs[(match.group(1), match.group(2))] = match.group(3).lower() == "yes"
    return pairs, found


def _score(
    name: str,
    records: list[dict[str, Any]],
    pairs: dict[tuple[str, str], bool],
    found: dict[str, set[str]],
    quiet: bool = False,
) -> None:
    per_article: list[float] = []
    yes = total = nothing = recalled = with_coverage = 0
    outlet_yes = outlet_total = recalled_with_outlet = 0
    missing: list[tuple[str, str]] = []
    for record in records:
        outlet = [pairs.get((record["id"], i["id"])) for i in record.get("more_from_outlet", [])]
        missing += [
            (record["id"], i["id"])
            for i, m in zip(record.get("more_from_outlet", []), outlet, strict=True)
            if m is None
        ]
        outlet_known = [m for m in outlet if m is not None]
        outlet_yes += sum(outlet_known)
        outlet_total += len(outlet_known)
        items = [i["id"] for i in record["coverage"]]
        if not items:
            nothing += 1
        marks = [pairs.get((record["id"], i)) for i in items]
        missing += [(record["id"], i) for i, m in zip(items, marks, strict=True) if m is None]
        known = [m for m in marks if m is not None]
        if known:
            per_article.append(sum(known) / len(known))
            yes += sum(known)
            total += len(known)
        if record["id"] not in found:
            missing.append((record["id"], "found"))
        elif found[record["id"]] or any(known) or any(outlet_known):
            with_coverage += 1
            recalled += any(known)
            recalled_with_outlet += any(known) or any(outlet_known)
    macro = f"{statistics.mean(per_article):.2f}" if per_article else "-"
    micro = f"{yes}/{total} = {yes / total:.2f}" if total else "-"
    recall = (
        f"{recalled}/{with_coverage} = {recalled / with_coverage:.2f}" if with_coverage else "-"
    )
    print(
        f"  {name:<10} articles {len(records):>3}  showing nothing {nothing:>3}  "
        f"P@5 micro {micro:<16} macro {macro:<5} recall {recall}"
    )
    if outlet_total:
        print(
            f"    more from the outlet: {outlet_yes}/{outlet_total} items on the same story; "
            f"recall counting them too {recalled_with_outlet}/{with_coverage}"
        )
    # The side panel as a reader sees it: coverage top 5 and "more from this outlet".
    shown_yes, shown_total = yes + outlet_yes, total + outlet_total
    panel_p = f"{shown_yes}/{shown_total} = {shown_yes / shown_total:.2f}" if shown_total else "-"
    panel_r = (
        f"{recalled_with_outlet}/{with_coverage} = {recalled_with_outlet / with_coverage:.2f}"
        if with_coverage
        else "-"
    )
    print(f"    side panel (coverage top 5 + more from this outlet): P {panel_p}  recall {panel_r}")
    if missing and not quiet:
        print(f"    not judged yet: {missing}")


def _story_precision(records: list[dict[str, Any]], pairs: dict[tuple[str, str], bool]) -> None:
    yes = total = grouped = 0
    missing: list[tuple[str, str]] = []
    for record in records:
        story = record.get("story")
        if not story or not story["members"]:
            continue
        grouped += 1
        for member in story["members"]:
            mark = pairs.get((record["id"], member["id"]))
            if mark is None:
                missing.append((record["id"], member["id"]))
                continue
            yes += mark
            total += 1
    share = f"{yes}/{total} = {yes / total:.2f}" if total else "-"
    print(
        f"  story membership: {grouped} sampled articles in a story of 2+; members judged "
        f"same event {share}"
    )
    if missing:
        print(f"    not judged yet: {missing}")


def _all_stories(path: Path, pairs: dict[tuple[str, str], bool]) -> None:
    """Every story of the library: is each member on the same event as its first article?"""
    stories = json.loads(path.read_text("utf-8"))
    yes = total = pure = 0
    missing: list[tuple[str, str]] = []
    for story in stories:
        first = story["members"][0]["id"]
        marks = [pairs.get((first, m["id"])) for m in story["members"][1:]]
        missing += [
            (first, m["id"]) for m, k in zip(story["members"][1:], marks, strict=True) if k is None
        ]
        known = [k for k in marks if k is not None]
        yes += sum(known)
        total += len(known)
        pure += bool(known) and all(known)
    share = f"{yes}/{total} = {yes / total:.2f}" if total else "-"
    print(
        f"all stories of 2+ ({len(stories)}): members on the first article's event {share}; "
        f"stories with every member right {pure}/{len(stories)}"
    )
    if missing:
        print(f"    not judged yet: {missing}")


def cmd_score(args: argparse.Namespace) -> int:
    pairs, found = load(args.judgements)
    if args.stories:
        _all_stories(args.stories, pairs)
    for version, path in (("before", args.before), ("after", args.after)):
        records = json.loads(path.read_text("utf-8"))
        print(f"{version} ({path}):")
        for part in ("snapshot", "french", "english"):
            _score(part, [r for r in records if r["part"] == part], pairs, found, True)
        _score("all", records, pairs, found, args.quiet)
        if any(r.get("story") for r in records):
            _story_precision(records, pairs)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert")
    convert.add_argument("--out-dir", type=Path, required=True)
    sample = commands.add_parser("sample")
    sample.add_argument("--out", type=Path, required=True)
    sample.add_argument("--seed", type=int, default=15)
    for part, count in DEFAULT_COUNTS.items():
        sample.add_argument(f"--{part}", type=int, default=count)
    sample.add_argument(
        "--exclude-seed",
        type=int,
        action="append",
        default=[],
        help="leave out the urls this earlier seed drew (repeatable)",
    )
    sample.add_argument(
        "--exclude-sample",
        type=Path,
        action="append",
        default=[],
        help="leave out the urls of this earlier sample file (repeatable)",
    )
    dump = commands.add_parser("dump")
    dump.add_argument("home", type=Path)
    dump.add_argument("--sample", type=Path, required=True)
    dump.add_argument("--out", type=Path, required=True)
    dump.add_argument("--top", type=int, default=5)
    dump.add_argument("--probe", action="store_true")
    sheet = commands.add_parser("sheet")
    sheet.add_argument("before", type=Path)
    sheet.add_argument("after", type=Path)
    score = commands.add_parser("score")
    score.add_argument("judgements", type=Path)
    score.add_argument("before", type=Path)
    score.add_argument("after", type=Path)
    score.add_argument("--stories", type=Path, help="the `stories` dump, to score every story")
    score.add_argument("--quiet", action="store_true", help="do not list what is not judged")
    stories = commands.add_parser("stories")
    stories.add_argument("home", type=Path)
    stories.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    handler = {
        "convert": cmd_convert,
        "stories": cmd_stories,
        "sample": cmd_sample,
        "dump": cmd_dump,
        "sheet": cmd_sheet,
        "score": cmd_score,
    }
    return handler[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
