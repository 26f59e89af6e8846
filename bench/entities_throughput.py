"""Entities for N articles of ~500 words on P processes: the lists and rules alone, then with
the statistical model (the default: it types the rules' guesses), in the same run; ``--merge``
also times the older combination (the tagger's own spans merged with the rules').

Usage: python bench/entities_throughput.py [--articles 10000] [--processes 2] [--corpus PATH]
       [--merge]

Articles are built from real news text so the vocabulary (and so the model's per-word cache)
behaves as on an import: descriptions from news/rss_entries_2021_2022 (by path; nothing is
copied into the repo) drawn with a fixed seed and joined into paragraphs up to 500 words; every
4th article is French (MasakhaNEWS fra dev.tsv, cut to 500 words). Each worker process builds
its own Recogniser (model loading is inside the timing) and takes chunks of 50 articles.
Reports wall time, articles/s, and peak RSS of a worker.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import json
import multiprocessing
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TAG_RE = re.compile(r"<[^>]+>")
_RECOGNISER = None


def articles(corpus: Path, count: int, words: int = 500, seed: int = 1) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pieces = []
    with gzip.open(
        corpus / "news/rss_entries_2021_2022/bbc_cnn_guardian_entries.jsonl.gz", "rt"
    ) as f:
        for line in f:
            text = html.unescape(TAG_RE.sub(" ", json.loads(line).get("description") or ""))
            text = " ".join(text.split())
            if len(text.split()) >= 15:
                pieces.append(text)
    csv.field_size_limit(10_000_000)
    french = []
    with (corpus / "news/masakhanews/fra/dev.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            french.append(" ".join(row["text"].split()[:words]))
    out: list[tuple[str, str]] = []
    for k in range(count):
        if k % 4 == 3:
            out.append((french[rng.randrange(len(french))], "fr"))
            continue
        paragraphs, total = [], 0
        while total < words:
            piece = pieces[rng.randrange(len(pieces))]
            paragraphs.append(piece)
            total += len(piece.split())
        out.append(("\n\n".join(paragraphs), "en"))
    return out


def _init(statistical: bool, merge: bool = False) -> None:
    global _RECOGNISER
    from sahelreader.entities import Recogniser

    _RECOGNISER = Recogniser(statistical=statistical, merge=merge)


def _work(batch: list[tuple[str, str]]) -> tuple[int, int]:
    assert _RECOGNISER is not None
    found = sum(len(_RECOGNISER.recognise(text, language)) for text, language in batch)
    return found, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run(
    texts: list[tuple[str, str]], processes: int, statistical: bool, merge: bool = False
) -> dict[str, float]:
    chunks = [texts[k : k + 50] for k in range(0, len(texts), 50)]
    started = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=_init, initargs=(statistical, merge)) as pool:
        results = pool.map(_work, chunks, chunksize=1)
    elapsed = time.perf_counter() - started
    return {
        "seconds": round(elapsed, 1),
        "articles_per_second": round(len(texts) / elapsed, 1),
        "entities": sum(r[0] for r in results),
        "worker_max_rss_mb": round(max(r[1] for r in results) / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--merge", action="store_true", help="also time the older combination")
    args = parser.parse_args()
    texts = articles(args.corpus, args.articles)
    words = sum(len(t.split()) for t, _ in texts) / len(texts)
    print(f"{len(texts)} articles, {words:.0f} words on average, {args.processes} processes")
    rules = run(texts, args.processes, statistical=False)
    print(f"lists and rules alone: {rules}")
    model = run(texts, args.processes, statistical=True)
    print(f"with the model:        {model}")
    print(f"ratio (model / rules time): {model['seconds'] / rules['seconds']:.2f}x")
    if args.merge:
        merged = run(texts, args.processes, statistical=True, merge=True)
        print(f"merged (older):        {merged}")
        print(f"ratio (merged / rules time): {merged['seconds'] / rules['seconds']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
