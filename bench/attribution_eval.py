"""How many real articles get a wire credit (a news agency named as a source of the text), and
which sentences gave it: for comparing the cited-source extractor before and after a change.

    python bench/attribution_eval.py [--corpus DIR] [--sets masakhanews-fra,...]
                                     [--dump OUT.tsv] [--limit N]

Reads the shared corpus by path (never copied into the repo): MasakhaNEWS French and English
(BBC Afrique / BBC News), the 2025 multi-outlet RSS snapshot and the 2021–22 RSS items (HTML
descriptions turned into text the way the feed reader does it). For each set it prints how many
articles cite at least one agency, how many citations of kind "agency", "reporter" and
"organisation" there are, and the seconds taken. ``--dump`` writes one line per agency or
reporter citation (set, article number, name, kind, sentence) so two runs can be compared
with ``diff``/``comm`` and a sample checked by hand (the sentences are the publishers' text:
keep the dump out of the repo).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from sahelreader.ingest.markup import html_to_text
from sahelreader.sources import extract_citations

CORPUS = Path("/work/shared/corpus/news")
WIRE_KINDS = ("agency", "reporter")
COUNTED = (*WIRE_KINDS, "organisation")


def masakhanews(corpus: Path, lang: str) -> Iterator[tuple[str, str]]:
    csv.field_size_limit(sys.maxsize)
    for split in ("test", "dev"):
        with (corpus / "masakhanews" / lang / f"{split}.tsv").open(
            encoding="utf-8", newline=""
        ) as f:
            for row in csv.DictReader(f, delimiter="\t"):
                yield lang[:2], f"{row['headline']}\n{row['text']}"


def snapshot(corpus: Path) -> Iterator[tuple[str, str]]:
    items = json.loads((corpus / "multi_outlet_snapshot_2025" / "news_data.json").read_text())
    for item in items:
        yield "", f"{item.get('title') or ''}\n{html_to_text(item.get('description') or '')}"


def rss_entries(corpus: Path) -> Iterator[tuple[str, str]]:
    path = corpus / "rss_entries_2021_2022" / "bbc_cnn_guardian_entries.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            body = html_to_text(item.get("description") or "")
            yield item.get("language") or "", f"{item.get('title') or ''}\n{body}"


def articles(corpus: Path, name: str) -> Iterator[tuple[str, str]]:
    if name.startswith("masakhanews-"):
        return masakhanews(corpus, {"fra": "fra", "eng": "eng"}[name.split("-", 1)[1]])
    if name == "snapshot":
        return snapshot(corpus)
    if name == "rss":
        return rss_entries(corpus)
    raise SystemExit(f"unknown set {name!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sets", default="masakhanews-fra,masakhanews-eng,snapshot,rss")
    parser.add_argument("--dump", type=Path, help="write every wire citation found (TSV)")
    parser.add_argument("--limit", type=int, default=0, help="articles a set at most (0: all)")
    args = parser.parse_args()

    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    print(
        f"{'set':<18}{'articles':>9}{'with agency':>13}{'agency':>8}{'reporter':>9}"
        f"{'organisation':>14}{'s':>7}"
    )
    for name in args.sets.split(","):
        started = time.perf_counter()
        total = credited = 0
        counts = dict.fromkeys(COUNTED, 0)
        for number, (language, text) in enumerate(articles(args.corpus, name)):
            if args.limit and number >= args.limit:
                break
            total += 1
            found = [c for c in extract_citations(text, language or None) if c.kind in COUNTED]
            credited += any(c.kind == "agency" for c in found)
            for c in found:
                counts[c.kind] += 1
                if dump and c.kind in WIRE_KINDS:
                    sentence = " ".join(c.sentences[0].split()) if c.sentences else ""
                    dump.write(f"{name}\t{number}\t{c.name}\t{c.kind}\t{sentence}\n")
        seconds = time.perf_counter() - started
        print(
            f"{name:<18}{total:>9}{credited:>13}{counts['agency']:>8}{counts['reporter']:>9}"
            f"{counts['organisation']:>14}{seconds:>7.1f}"
        )
    if dump:
        dump.close()


if __name__ == "__main__":
    main()
