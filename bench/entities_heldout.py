"""Score the entity recogniser on the hand-annotated held-out news set (bench/heldout/).

Usage: python bench/entities_heldout.py [--set en|fr|sahel|all|dev-en|dev-fr|dev-sahel|dev]
       [--json] [--errors N] [--corpus DIR] [--heldout DIR] [--dev DIR] [--rules-only | --merge]

The set's texts stay in the shared corpus (default /work/shared/corpus/news); the repository
keeps record ids, the annotated length, a sha1 of the annotated text and the gold spans
(bench/heldout/README.md). Each article's text is rebuilt exactly as bench/heldout_sample.py
builds it; an article whose sha1 no longer matches is reported and left out, never scored
against spans that point elsewhere.

The recogniser (``sahelreader.entities.Recogniser().recognise(text, language)``) reads the whole
text; its entities that start inside the annotated part are scored against the gold spans:
entity-level, exact span and type (a span one character off or with the wrong type is both a
false positive and a false negative), per type (person, place, organisation) and micro over
the three, per set (``en``, ``fr``, and ``sahel``: Sahel news in both languages, each article
read in its own language), plus untyped span micro F1. ``--errors N`` prints up to N differing
spans per set with their context.

``--set dev-en``, ``dev-fr``, ``dev-sahel`` or ``dev`` (all three) score the DEV set
(bench/dev/, chosen by bench/dev_sample.py, same format and guidelines), the one to tune the
lists and rules on and to read ``--errors`` of; ``all`` is the held-out sets only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from dev_sample import FR_DEV_FILE  # noqa: E402
from entities_eval import TYPES, Span, _prf  # noqa: E402
from heldout_sample import (  # noqa: E402
    CORPUS,
    EN_FILE,
    FR_FILE,
    RSS_FILE,
    english_records,
    english_text,
    french_rows,
    french_text,
    rss_records,
    text_sha1,
)

from sahelreader.entities import Recogniser  # noqa: E402

HELDOUT = BENCH / "heldout"
DEV = BENCH / "dev"
SETS = ("en", "fr", "sahel")
DEV_SETS = ("dev-en", "dev-fr", "dev-sahel")  # bench/dev/en.json, fr.json, sahel.json
Article = tuple[str, str, int, list[Span]]  # text, its language, annotated_to, gold spans


def load_articles(
    name: str, corpus: Path = CORPUS, heldout: Path = HELDOUT
) -> tuple[list[Article], list[str]]:
    """The articles of one set (``heldout`` holds its file; ``dev-`` sets drop the prefix)."""
    file_name = name.removeprefix("dev-")
    data = json.loads((heldout / f"{file_name}.json").read_text(encoding="utf-8"))
    english = rss = None
    french: dict[str, list[dict[str, str]]] = {}
    articles: list[Article] = []
    problems: list[str] = []
    for article in data["articles"]:
        record = str(article["record"])
        if article["file"] == EN_FILE:
            english = english if english is not None else english_records(corpus)
            item = english.get(record)
            text = english_text(item) if item else None
        elif article["file"] in (FR_FILE, FR_DEV_FILE):
            if article["file"] not in french:
                french[article["file"]] = french_rows(corpus, article["file"])
            rows = french[article["file"]]
            index = int(record)
            text = french_text(rows[index]) if index < len(rows) else None
        elif article["file"] == RSS_FILE:
            rss = rss if rss is not None else rss_records(corpus)
            index = int(record)
            text = english_text(rss[index]) if index < len(rss) else None
        else:
            problems.append(f"{article['file']}: not a corpus file this script knows")
            continue
        end = int(article["annotated_to"])
        if text is None or text_sha1(text[:end]) != article["sha1"]:
            problems.append(f"{article['file']} {record}: text changed or missing, left out")
            continue
        spans = [(int(s), int(e), str(t)) for s, e, t, *_ in article["spans"]]
        articles.append((text, article.get("language", data["language"]), end, spans))
    return articles, problems


def score(
    articles: list[Article], recogniser: Recogniser, name: str, errors: int
) -> dict[str, object]:
    counts = {t: [0, 0, 0] for t in TYPES}
    span_counts = [0, 0, 0]
    shown = 0
    for text, language, end, gold in articles:
        predicted = {
            (e.start, e.end, e.type)
            for e in recogniser.recognise(text, language)
            if e.start < end and e.type in TYPES
        }
        gold_set = set(gold)
        for kind in TYPES:
            g = {x for x in gold_set if x[2] == kind}
            p = {x for x in predicted if x[2] == kind}
            counts[kind][0] += len(g & p)
            counts[kind][1] += len(p - g)
            counts[kind][2] += len(g - p)
        g_spans = {(s, e) for s, e, _ in gold_set}
        p_spans = {(s, e) for s, e, _ in predicted}
        span_counts[0] += len(g_spans & p_spans)
        span_counts[1] += len(p_spans - g_spans)
        span_counts[2] += len(g_spans - p_spans)
        for s, e, kind in sorted(predicted ^ gold_set):
            if shown >= errors:
                break
            tag = "FP" if (s, e, kind) in predicted else "FN"
            context = " ".join(text[max(0, s - 40) : e + 20].split())
            print(f"{name}\t{tag}\t{kind}\t{text[s:e]!r}\t…{context}…")
            shown += 1
    result: dict[str, object] = {
        "set": name,
        "articles": len(articles),
        "gold_entities": sum(len(gold) for *_, gold in articles),
    }
    for kind in TYPES:
        result[kind] = _prf(*counts[kind])
    result["micro"] = _prf(*(sum(c[k] for c in counts.values()) for k in range(3)))
    result["span_micro"] = _prf(*span_counts)
    return result


def table(results: list[dict[str, object]]) -> str:
    lines = [
        "| set | articles | entities | PER F1 | LOC F1 | ORG F1 | micro P | micro R "
        "| **micro F1** | span F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        f = {k: r[k]["f1"] for k in (*TYPES, "span_micro")}  # type: ignore[index]
        m = r["micro"]
        assert isinstance(m, dict)
        lines.append(
            f"| {r['set']} | {r['articles']} | {r['gold_entities']} | {f['person']:.3f} "
            f"| {f['place']:.3f} | {f['organisation']:.3f} | {m['precision']:.3f} "
            f"| {m['recall']:.3f} | **{m['f1']:.3f}** | {f['span_micro']:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--set", choices=(*SETS, "all", *DEV_SETS, "dev"), default="all", help="which set"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--errors", type=int, default=0, help="print up to N mistakes a set")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the shared news corpus")
    parser.add_argument("--heldout", type=Path, default=HELDOUT, help="the annotation files")
    parser.add_argument("--dev", type=Path, default=DEV, help="the DEV set's annotation files")
    parser.add_argument(
        "--rules-only", action="store_true", help="the lists and rules without the tagger"
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="the older combination: the tagger's own spans merged with the rules' "
        "(the default lets it type the rules' guesses only)",
    )
    args = parser.parse_args(argv)
    groups = {"all": SETS, "dev": DEV_SETS}
    names = groups.get(args.set, (args.set,))
    recogniser = Recogniser(statistical=not args.rules_only, merge=args.merge)
    results: list[dict[str, object]] = []
    all_problems: list[str] = []
    for name in names:
        folder = args.dev if name in DEV_SETS else args.heldout
        articles, problems = load_articles(name, args.corpus, folder)
        all_problems += problems
        results.append(score(articles, recogniser, name, args.errors))
    if args.json:
        print(json.dumps({"results": results, "problems": all_problems}, indent=2))
        return 1 if all_problems else 0
    for problem in all_problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(table(results))
    return 1 if all_problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
