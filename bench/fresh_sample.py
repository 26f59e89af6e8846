"""Issue 15, round 10's samples: articles no judgements file has ever named, and a held-out
month of feed items.

By round 10 the seeded draws of `story_eval.py sample` had used up the pools (every url a seed
drew is left out, judged or not). What must be fresh is narrower: an article nobody has judged
or looked at as a sampled, shown or found item. So the prescribed pools (the snapshot,
MasakhaNEWS French and English) are drawn from the library's articles whose ids appear in no
`bench/*judgements*.md` file; the feeds part is drawn from a month of the BBC/CNN/Guardian RSS
corpus the code was never tuned on.

    python bench/fresh_sample.py LIBRARY_HOME FEEDS_MONTH.jsonl --out-dir DIR [--seed 24]

writes DIR/sample.json (60 snapshot, 40 French, 50 English, drawn two for one as
`story_eval.py sample` does) and DIR/sample-feeds.json (50 of the month's links), for
`story_eval.py dump`. The month file is the corpus's JSON lines of one month, e.g.
`zcat .../bbc_cnn_guardian_entries.jsonl.gz | grep '"date_published": "2022-05' > may.jsonl`.
Round 10's files are `bench/results/issue15_round10_sample*.json` (run with seed 24 on the
judged library, before round 10's own judgements files were added; run now, it also leaves out
round 10's articles, as a round 11 should).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SNAPSHOT = Path("/work/shared/corpus/news/multi_outlet_snapshot_2025/news_data.json")
WANTED = {"snapshot": 60, "french": 40, "english": 50}
FEEDS_WANTED = 50


def judged_ids() -> set[str]:
    """Every article id (8 characters) any judgements file names."""
    seen: set[str] = set()
    for path in BENCH.glob("**/*judgements*.md"):
        seen |= set(re.findall(r"\b[0-9a-z]{8}\b", path.read_text("utf-8")))
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("feeds_month", type=Path)
    parser.add_argument("--out-dir", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=24)
    args = parser.parse_args()
    seen = judged_ids()
    snapshot = {r["link"].strip() for r in json.loads(SNAPSHOT.read_text("utf-8")) if r["link"]}
    with sqlite3.connect(args.home / "library.db") as conn:
        rows = sorted(conn.execute("SELECT id, url, language FROM articles"))
    fresh = [(url, language) for article_id, url, language in rows if article_id not in seen]
    pools = {
        "snapshot": [url for url, _ in fresh if url in snapshot],
        "french": [url for url, lang in fresh if url not in snapshot and lang == "fr"],
        "english": [url for url, lang in fresh if url not in snapshot and lang == "en"],
    }
    rng = random.Random(args.seed)
    parts = {part: rng.sample(sorted(urls), WANTED[part] * 2) for part, urls in pools.items()}
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "sample.json").write_text(
        json.dumps(
            {
                "parts": parts,
                "wanted": WANTED,
                "note": f"round 10: seed {args.seed}, articles never in any judgements file",
            },
            indent=1,
        )
    )
    with args.feeds_month.open(encoding="utf-8") as handle:
        links = sorted({json.loads(line)["link"].strip() for line in handle if line.strip()})
    feeds = {"parts": {"feeds": rng.sample(links, FEEDS_WANTED * 2)}, "wanted": {"feeds": 50}}
    (args.out_dir / "sample-feeds.json").write_text(json.dumps(feeds, indent=1))
    counts = {part: len(urls) for part, urls in pools.items()}
    print(f"{len(seen)} ids named in judgements files; unjudged pools {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
