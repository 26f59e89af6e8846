"""Build bench/dev/invented.json and invented_aside.json from bench/dev/invented.txt.

Usage: python bench/dev_invented.py [--check]

invented.txt holds Sahel news texts written for the entity DEV set (issue 14), with their
names marked inline as ``[surface|P]`` (person), ``[surface|L]`` (place) or ``[surface|O]``
(organisation). An article starts with ``=== ID LANGUAGE STYLE`` (``aside`` after it puts the
article in invented_aside.json, the texts kept out of tuning). The JSON files hold each
article's text and its spans (``[start, end, type, surface]``), read by
``bench/entities_eval.py --dev invented`` (or ``invented_aside``).

The script warns when a marked surface also occurs unmarked in the same article (a name
forgotten on its second mention); ``--check`` exits non-zero when the JSON files are stale.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parent / "dev"
SOURCE = DEV / "invented.txt"
TYPES = {"P": "person", "L": "place", "O": "organisation"}
MARK = re.compile(r"\[([^\[\]|]+)\|([PLO])\]")


def parse(source: str) -> tuple[dict[str, object], dict[str, object], list[str]]:
    """The main and aside sets, and warnings."""
    sets: dict[str, dict[str, object]] = {
        name: {"language": "mixed", "corpus": "invented", "articles": []}
        for name in ("main", "aside")
    }
    warnings: list[str] = []
    blocks = re.split(r"^=== ", source, flags=re.MULTILINE)[1:]
    for block in blocks:
        header, _, body = block.partition("\n")
        ident, language, style, *rest = header.split()
        text_parts: list[str] = []
        spans: list[list[object]] = []
        position = 0
        offset = 0
        body = body.strip("\n")
        for match in MARK.finditer(body):
            plain = body[position : match.start()]
            text_parts.append(plain)
            offset += len(plain)
            surface = match.group(1)
            spans.append([offset, offset + len(surface), TYPES[match.group(2)], surface])
            text_parts.append(surface)
            offset += len(surface)
            position = match.end()
        text_parts.append(body[position:])
        text = "".join(text_parts)
        if "[" in text or "|" in text:
            warnings.append(f"{ident}: stray markup")
        marked = {(int(s), int(e)) for s, e, *_ in spans}  # type: ignore[call-overload]
        for surface in {str(s[3]) for s in spans}:
            for found in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                inside = any(s <= found.start() and found.end() <= e for s, e in marked)
                if not inside:
                    warnings.append(f"{ident}: {surface!r} unmarked at {found.start()}")
        article = {
            "id": ident,
            "language": language,
            "style": style,
            "text": text,
            "annotated_to": len(text),
            "spans": spans,
        }
        target = sets["aside" if "aside" in rest else "main"]
        target["articles"].append(article)  # type: ignore[union-attr]
    return sets["main"], sets["aside"], warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the JSON is stale")
    args = parser.parse_args(argv)
    main_set, aside, warnings = parse(SOURCE.read_text(encoding="utf-8"))
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    stale = False
    for name, data in (("invented", main_set), ("invented_aside", aside)):
        path = DEV / f"{name}.json"
        rendered = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        if args.check:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            stale = stale or current != rendered
        else:
            path.write_text(rendered, encoding="utf-8")
        articles = data["articles"]
        entities = sum(len(a["spans"]) for a in articles)  # type: ignore[union-attr]
        print(f"{name}: {len(articles)} articles, {entities} entities")  # type: ignore[arg-type]
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
