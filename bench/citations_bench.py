"""Cited-source extraction speed on ~1,000 words of article text, against references timed in
the same run.

    python bench/citations_bench.py [--reps 20] [--rounds 5] [--json OUT]

The text is the seed article twice plus 40 attribution sentences ("The minister said …"), as
the timed test in tests/test_sources.py used to build it (that test asserted < 25 ms a call;
speed now lives here, not in the suite). Measured, interleaved round after round so machine
noise hits each alike, each the best of --rounds rounds of --reps calls:

* `extract_citations(text)` — what the side panel and `sahelreader related` run per article;
* reference 1: `split_sentences(text)` — the sentence split it starts from;
* reference 2: one pass of a `\\w+` regex over the text — reading the text once.

Printed: milliseconds a call and the ratios to each reference. Typically ~3 ms a call.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from sahelreader.sources import extract_citations, split_sentences

SEED = Path(__file__).resolve().parents[1] / "seeds" / "niger-russia-military-cooperation.md"
WORD = re.compile(r"\w+")


def sample_text() -> str:
    text = SEED.read_text("utf-8").split("\n---\n", 1)[1]
    return (text + "\n") * 2 + " ".join(["The minister said the plan would work."] * 40)


def per_call(work: Callable[[], object], reps: int) -> float:
    start = time.perf_counter()
    for _ in range(reps):
        work()
    return (time.perf_counter() - start) / reps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=20, help="calls per round (default 20)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, best kept (default 5)")
    parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    args = parser.parse_args()

    text = sample_text()
    cases: dict[str, Callable[[], object]] = {
        "extract_citations": lambda: extract_citations(text),
        "split_sentences": lambda: split_sentences(text),
        "word_scan": lambda: WORD.findall(text),
    }
    for work in cases.values():
        work()  # warm up: patterns compiled, data files read
    best = {name: float("inf") for name in cases}
    for _ in range(args.rounds):
        for name, work in cases.items():
            best[name] = min(best[name], per_call(work, args.reps))

    words = len(WORD.findall(text))
    print(f"text: {words} words, {len(text)} characters; best of {args.rounds} × {args.reps}")
    for name, seconds in best.items():
        print(f"  {name:<18} {seconds * 1000:8.3f} ms a call")
    citations = best["extract_citations"]
    ratios = {
        "vs_split_sentences": citations / best["split_sentences"],
        "vs_word_scan": citations / best["word_scan"],
    }
    print(
        f"extract_citations is {ratios['vs_split_sentences']:.1f}× split_sentences and "
        f"{ratios['vs_word_scan']:.1f}× a word scan, same run"
    )
    if args.json:
        figures = {
            "words": words,
            "ms_per_call": {k: v * 1000 for k, v in best.items()},
            "ratios": ratios,
        }
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
