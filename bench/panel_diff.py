"""Every article's side panel, dumped and compared between two code versions.

A judged sample holds only the items earlier code showed or searches found: a rule can look
right on it and still add hundreds of items it never sees (issue 15, round 8: judging undated
pairs at their estimated gap added "more from this outlet" to 113 more articles, most of them
wrong). Dump the whole library's panels with each version and read what changed:

    PYTHONPATH=<before>/src python bench/panel_diff.py dump HOME /tmp/before.json
    PYTHONPATH=<after>/src  python bench/panel_diff.py dump HOME /tmp/after.json
    python bench/panel_diff.py diff HOME /tmp/before.json /tmp/after.json

`dump` writes {article id: {"coverage": [top 5 ids], "outlet": [ids]}} and prints how many
articles show each; `diff` prints one line per added or removed item with both titles.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.progress import track

from sahelreader.library import Library
from sahelreader.text.clean import one_line

Panels = dict[str, dict[str, list[str]]]


def dump(home: str, out: Path) -> int:
    with Library.open(home, seed=False, read_only=True) as library:
        panels: Panels = {}
        for article_id in track(library.list_ids(), description="panels"):
            found = library.related(article_id)
            panels[article_id] = {
                "coverage": [c.id for c in found.coverage[:5]],
                "outlet": [c.id for c in found.more_from_outlet],
            }
    out.write_text(json.dumps(panels), encoding="utf-8")
    shows = {part: sum(1 for p in panels.values() if p[part]) for part in ("coverage", "outlet")}
    print(
        f"{len(panels)} articles; showing coverage {shows['coverage']}, "
        f"more from this outlet {shows['outlet']}"
    )
    return 0


def diff(home: str, before_path: Path, after_path: Path) -> int:
    before: Panels = json.loads(before_path.read_text(encoding="utf-8"))
    after: Panels = json.loads(after_path.read_text(encoding="utf-8"))
    changed = 0
    with Library.open(home, seed=False, read_only=True) as library:

        def title(article_id: str) -> str:
            # Feed titles are untrusted: no terminal control or bidi sequence reaches the screen.
            return one_line(library.get(article_id).title)[:60]

        for article_id in sorted(set(before) & set(after)):
            lines = []
            for part in ("coverage", "outlet"):
                old, new = before[article_id][part], after[article_id][part]
                lines += [("+", part, i) for i in new if i not in old]
                lines += [("-", part, i) for i in old if i not in new]
            if lines:
                changed += 1
            for sign, part, other in lines:
                print(
                    f"{sign} {part:8} {article_id} {other}  {title(article_id)} || {title(other)}"
                )
    print(f"{changed} articles' panels changed", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("home")
    dumping.add_argument("out", type=Path)
    diffing = commands.add_parser("diff")
    diffing.add_argument("home")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.home, args.out)
    return diff(args.home, args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
