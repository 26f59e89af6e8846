"""Import until searchable: sahelreader against SQLite FTS5 on the same files, in one run.

    python bench/import_bench.py --articles 2000 [--articles 50000] [--add-to HOME]
                                 [--rounds 20] [--json OUT]

Bulk (each --articles N): N generated articles (bench/make_library.py's generator, seed 3, so
not the benchmark libraries' own articles) are written to one JSON Lines file, the last one
carrying a marker word. Then, each timed from the start to the moment a search for the marker
finds the last article:
  sahelreader = Library.open(fresh home) → add([file]) (parse, language, entities, SQLite, the
                index outbox) → ensure_index() (the bulk build past 5,000 articles, else the
                incremental path) → search(marker); what `sahelreader add FILE` does;
  fts5        = read the same file line by line with json.loads, insert title/source/body into an
                FTS5 table (unicode61, remove_diacritics 2) and id/published into a table, one
                transaction, commit → MATCH marker.
Both write to the same temporary folder. Reported: seconds, articles/s, the ratio, and the peak
temporary disk the sahelreader build used beside its final index (sampled every 50 ms).

Incremental (--add-to HOME, a library made by make_library.py, e.g. /tmp/bench50k): the library is
copied to a temporary folder, then --rounds times 50 new articles are added the same way (add,
ensure_index, search for that round's marker): median and max seconds per round.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_library import generate  # noqa: E402

from sahelreader.library import Library  # noqa: E402


def write_articles(path: Path, count: int, start: int, marker: str) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n, draft in enumerate(generate(start + count, seed=3, start=start)):
            body = draft.body + (f" {marker}" if n == count - 1 else "")
            record = {
                "title": draft.title,
                "body": body,
                "source": draft.source,
                "author": draft.author,
                "url": draft.url,
                "published": draft.published.isoformat() if draft.published else None,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def folder_size(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                pass  # a file that Whoosh removed meanwhile
    return total


class DiskPeak:
    """The largest size a folder reaches while running, sampled every 50 ms."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> DiskPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, folder_size(self.folder))


def sahel_import(home: Path, path: Path, marker: str) -> dict[str, float]:
    t0 = time.perf_counter()
    with DiskPeak(home) as disk:
        library = Library.open(home, seed=False)
        library.add([path])
        added = time.perf_counter() - t0
        library.ensure_index()
        hits = library.search(marker, limit=5, snippets=False).hits
    seconds = time.perf_counter() - t0
    assert hits, "the last article should be searchable"
    index_bytes = folder_size(library.locations.index)
    db_bytes = library.locations.database.stat().st_size
    library.close()
    return {
        "seconds": seconds,
        "add_seconds": added,
        "index_mb": index_bytes / 1e6,
        "library_db_mb": db_bytes / 1e6,
        "peak_disk_mb": disk.peak / 1e6,
    }


def fts5_import(db: Path, path: Path, marker: str) -> dict[str, float]:
    t0 = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE docs (rowid INTEGER PRIMARY KEY, published TEXT)")
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, source, body,"
        " tokenize='unicode61 remove_diacritics 2')"
    )
    with conn:
        with path.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                record = json.loads(line)
                conn.execute("INSERT INTO docs VALUES (?, ?)", (n, record["published"]))
                conn.execute(
                    "INSERT INTO fts (rowid, title, source, body) VALUES (?, ?, ?, ?)",
                    (n, record["title"], record["source"], record["body"]),
                )
    found = conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (marker,)).fetchall()
    seconds = time.perf_counter() - t0
    assert found, "the last article should be searchable"
    conn.close()
    return {"seconds": seconds, "db_mb": db.stat().st_size / 1e6}


def bulk(count: int, work: Path) -> dict[str, object]:
    marker = f"zqxmarker{count}"
    path = work / f"articles-{count}.jsonl"
    write_articles(path, count, 0, marker)
    fts = fts5_import(work / f"fts-{count}.db", path, marker)
    sahel = sahel_import(work / f"home-{count}", path, marker)
    ratio = sahel["seconds"] / fts["seconds"]
    print(
        f"{count:,} articles until searchable: sahelreader {sahel['seconds']:.1f} s"
        f" ({count / sahel['seconds']:,.0f}/s; add {sahel['add_seconds']:.1f} s),"
        f" fts5 {fts['seconds']:.2f} s ({count / fts['seconds']:,.0f}/s): {ratio:.1f}x;"
        f" index {sahel['index_mb']:.0f} MB beside library.db {sahel['library_db_mb']:.0f} MB"
        f" ({sahel['index_mb'] / sahel['library_db_mb']:.2f}x); peak disk of the home"
        f" {sahel['peak_disk_mb']:.0f} MB",
        flush=True,
    )
    return {"articles": count, "sahelreader": sahel, "fts5": fts, "ratio": ratio}


def incremental(base: Path, rounds: int, work: Path) -> dict[str, object]:
    home = work / "incremental-home"
    shutil.copytree(base, home, ignore=shutil.ignore_patterns("*.lock", "index.building*"))
    library = Library.open(home, seed=False)
    library.ensure_index()
    size = library.count()
    times: list[float] = []
    for round_no in range(rounds):
        marker = f"zqxround{round_no}"
        path = work / f"round-{round_no}.jsonl"
        write_articles(path, 50, 1_000_000 + 50 * round_no, marker)
        t0 = time.perf_counter()
        library.add([path])
        library.ensure_index()
        hits = library.search(marker, limit=5, snippets=False).hits
        times.append(time.perf_counter() - t0)
        assert hits, "the round's last article should be searchable"
    library.close()
    print(
        f"add 50 articles to {size:,}, {rounds} rounds: median {statistics.median(times):.2f} s,"
        f" max {max(times):.2f} s",
        flush=True,
    )
    return {"library": size, "rounds": times}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, action="append", default=[])
    parser.add_argument("--add-to", type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f}", flush=True)
    results: dict[str, object] = {"load_average": os.getloadavg()[0], "bulk": []}
    with tempfile.TemporaryDirectory(prefix="importbench-") as tmp:
        work = Path(tmp)
        results["bulk"] = [bulk(count, work) for count in args.articles]
        if args.add_to is not None:
            results["incremental"] = incremental(args.add_to, args.rounds, work)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
