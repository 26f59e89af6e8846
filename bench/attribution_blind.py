"""Precision and recall of the wire sources (agencies, outlets, reporters) that
``extract_citations`` finds in a set of short snippets written for it (``bench/dev/
attribution_blind.json``: id, language, text, expected [{name, kind}]).

    python bench/attribution_blind.py [--set FILE] [--quiet]

Names are compared after canonicalisation: an expected name is mapped through the outlet list's
aliases (``data/outlets.tsv``) to the canonical name the extractor reports; a few names the list
spells two ways (APS / Agence de Presse Sénégalaise) count as one. Only the kinds agency, outlet
and reporter are scored: officials, organisations and documents are other features. Prints the
totals, then every miss and every false hit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sahelreader.sources import extract_citations
from sahelreader.sources.citations.lexicon import load_media, normalise_alias

SCORED = ("agency", "outlet", "reporter")
DEFAULT = Path(__file__).parent / "dev" / "attribution_blind.json"
# names the outlet list keeps apart that a reader would take for one source
SAME = {
    "agence de presse sénégalaise": "aps",
    "atp": "agence tchadienne de presse",
}


def key(name: str) -> str:
    media = load_media()
    name = media.aliases.get(normalise_alias(name), name)
    folded = name.casefold()
    return SAME.get(folded, folded)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT)
    parser.add_argument("--quiet", action="store_true", help="totals only")
    args = parser.parse_args(argv)
    items = json.loads(args.set.read_text(encoding="utf-8"))
    tp = fp = fn = 0
    misses: list[str] = []
    false_hits: list[str] = []
    for item in items:
        expected = {key(e["name"]): e["name"] for e in item["expected"]}
        found = {
            key(c.name): f"{c.name} [{c.kind}]"
            for c in extract_citations(item["text"], item["language"])
            if c.kind in SCORED
        }
        tp += len(expected.keys() & found.keys())
        for k in expected.keys() - found.keys():
            fn += 1
            misses.append(f"{item['id']}\t{expected[k]}\t{item['text']!r}")
        for k in found.keys() - expected.keys():
            fp += 1
            false_hits.append(f"{item['id']}\t{found[k]}\t{item['text']!r}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    negatives = sum(1 for i in items if not i["expected"])
    print(
        f"{len(items)} snippets ({negatives} with no source): "
        f"precision {precision:.3f} ({tp}/{tp + fp}), recall {recall:.3f} ({tp}/{tp + fn})"
    )
    if not args.quiet:
        print(f"\nmisses ({fn}):")
        print("\n".join(misses))
        print(f"\nfalse hits ({fp}):")
        print("\n".join(false_hits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
