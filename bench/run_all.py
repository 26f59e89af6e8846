"""Issue 12's benchmark in one command: build (or reuse) the libraries, run every reference in the
same run, write bench/results/*.json and the table README shows.

    python bench/run_all.py [--sizes 10000,50000,100000] [--cache /tmp] [--reps 3]
                            [--tui-size 50000] [--import-sizes 2000,50000] [--skip tui,import]

For each size N: bench/make_library.py CACHE/benchN --articles N (cached: reused when present and
up to date), then bench/search_bench.py (Whoosh through Library.search against SQLite FTS5 on
the same articles, and Whoosh's own collector as the before of the evaluator) and the start-up
part of bench/tui_bench.py (against a bare Textual app). At --tui-size, the whole of
bench/tui_bench.py (keys, search in the TUI, memory). Then bench/import_bench.py: import until
searchable at --import-sizes against FTS5, and 50 articles added to the --tui-size library.

Every script runs as its own process (nothing warm is shared); their JSON lands in
bench/results/, and bench/results/SUMMARY.md gets one table: the ratios are what to read on a
shared machine (both sides of each ratio ran in the same minutes).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"


def run(script: str, *args: str) -> None:
    command = [sys.executable, str(BENCH / script), *args]
    print("$", " ".join(command), flush=True)
    started = time.monotonic()
    subprocess.run(command, check=True)
    print(f"  ({time.monotonic() - started:.0f} s)", flush=True)


def load(name: str) -> dict | None:
    path = RESULTS / name
    return json.loads(path.read_text()) if path.exists() else None


def summary_table(sizes: list[int]) -> str:
    lines = [
        "| articles | search median (ms) | FTS5 median | ratio | p95 (ms) | FTS5 p95 | ratio"
        " | worst kind (ratio of medians) | phrases | dates alone | before: Whoosh's collector,"
        " median | index / library.db | start-up (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        search = load(f"search-{size}.json")
        if search is None:
            continue
        summary = search["summary"]
        every = summary["ALL"]
        ratios = {
            kind: row["whoosh"][0] / row["fts5"][0]
            for kind, row in summary.items()
            if kind != "ALL"
        }
        worst = max(ratios, key=lambda kind: ratios[kind])
        dates = [
            q["times"]["whoosh"]
            for q in search["queries"]
            if q["kind"] == "date range" and q["fts5"] is None
        ]
        dates_fts = [
            q["times"]["fts5"]
            for q in search["queries"]
            if q["kind"] == "date range" and q["fts5"] is None
        ]
        date_ratio = (
            sorted(dates[0])[len(dates[0]) // 2] / sorted(dates_fts[0])[len(dates_fts[0]) // 2]
            if dates
            else float("nan")
        )
        tui = load(f"tui-start-{size}.json") or load(f"tui-{size}.json")
        start = ""
        if tui and "start" in tui:
            start = f"{tui['start']['sahel']['list_paint'] * 1000:.0f}"
        lines.append(
            f"| {size:,} | {every['whoosh'][0]:.1f} | {every['fts5'][0]:.1f}"
            f" | {every['whoosh'][0] / every['fts5'][0]:.1f}x | {every['whoosh'][1]:.1f}"
            f" | {every['fts5'][1]:.1f} | {every['whoosh'][1] / every['fts5'][1]:.1f}x"
            f" | {worst} {ratios[worst]:.1f}x | {ratios.get('phrase', float('nan')):.1f}x"
            f" | {date_ratio:.1f}x | {every['collector'][0]:.1f}"
            f" | {search['index_mb'] / search['library_db_mb']:.2f}x | {start} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--cache", default="/tmp")
    parser.add_argument("--reps", default="3")
    parser.add_argument("--tui-size", type=int, default=50_000)
    parser.add_argument("--import-sizes", default="2000,50000")
    parser.add_argument("--skip", default="")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",") if n]
    skip = set(args.skip.split(","))
    RESULTS.mkdir(exist_ok=True)
    for size in sizes:
        home = str(Path(args.cache) / f"bench{size // 1000}k")
        run("make_library.py", home, "--articles", str(size))
        run(
            "search_bench.py",
            home,
            "--reps",
            args.reps,
            "--json",
            str(RESULTS / f"search-{size}.json"),
        )
        if "tui" not in skip:
            only = "start,keys,memory" if size == args.tui_size else "start"
            name = f"tui-{size}.json" if size == args.tui_size else f"tui-start-{size}.json"
            run("tui_bench.py", home, "--only", only, "--runs", "5", "--json", str(RESULTS / name))
    if "import" not in skip:
        imports = [arg for n in args.import_sizes.split(",") if n for arg in ("--articles", n)]
        base = str(Path(args.cache) / f"bench{args.tui_size // 1000}k")
        run("import_bench.py", *imports, "--add-to", base, "--json", str(RESULTS / "import.json"))
    table = summary_table(sizes)
    (RESULTS / "SUMMARY.md").write_text(table)
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
