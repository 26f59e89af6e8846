"""Search latency: sahelreader's Whoosh search (through Library) vs SQLite FTS5, same articles.

    python bench/search_bench.py HOME [--reps 7] [--json OUT]

HOME is a library made by bench/make_library.py (its Whoosh index must be built). In the same
run the script builds an SQLite FTS5 index (unicode61, remove_diacritics 2 — the same
accent-folding, no stemming) over the same articles, read from HOME/library.db (table `articles`:
id, title, body, source, published), in a temporary file, and times its build (docs/s).

Queries, by kind (the FTS5 equivalent is written beside each Whoosh query):
  term-hi / term-mid / term-rare — one word picked from the Whoosh body lexicon by document
      frequency (>10 %, 0.2–1 %, < 0.05 % of documents), so every frequency band is covered;
  names — Sahel names, accents included (Goïta is folded by both engines);
  two terms (implicit AND), OR, phrase, fielded (title:, source:), wildcard (prefix*),
  date range (published:[a to b]) alone and combined with a term.
For each query, in every repetition (interleaved: Whoosh, then FTS5, query after query, so
machine noise hits both alike):
  whoosh     = Library.search(q, limit=20, sort="relevance", snippets=False)
               (parse + Whoosh search + matched terms + the 20 rows from SQLite)
  whoosh+snip= Library.search(q, limit=20, snippets=True)   (what `sahelreader search` shows)
  whoosh/date= Library.search(q, limit=20, sort="date", snippets=False)
  collector  = `whoosh` with the postings evaluator switched off (search/evaluate.py): Whoosh's
               own searcher and collector, as every search ran before issue 12's evaluator —
               the before/after of that change, side by side in one run
  fts5       = SELECT id … WHERE fts MATCH ? ORDER BY bm25(fts, …) LIMIT 20   (title weight 2.5
               like TITLE_BOOST), then the same 20 rows fetched from library.db
  fts5+snip  = the same with snippet(fts, 2, …) per hit
  date-only queries run against a B-tree index on `published` for FTS5 (FTS5 has no ranges).
Reported: per query median; per kind and overall median and p95; ratios whoosh / fts5.
Searchers are reused (warm), as in the TUI; the first, cold query of each engine is reported
separately. The evaluator remembers recently scored words and parsed queries (what typing a
query a key at a time re-uses); both are forgotten before every timed Whoosh call, so each
figure is a query's first run (`--warm` keeps them: the figures of a query run again, or of
search-as-you-type, which before this flag were the only ones reported).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from stats import pct

import sahelreader.search.evaluate as search_evaluate
import sahelreader.search.index as search_index
from sahelreader.library import Library


def build_fts(db_path: Path, target: Path) -> tuple[sqlite3.Connection, float, int]:
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("ATTACH DATABASE ? AS lib", (str(db_path),))
    conn.execute("CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT, published TEXT)")
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, source, body,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO docs(rowid, id, published) SELECT seq, id, published FROM lib.articles"
    )
    conn.execute(
        "INSERT INTO fts(rowid, title, source, body) SELECT seq, title, source, body"
        " FROM lib.articles"
    )
    conn.execute("CREATE INDEX docs_published ON docs(published)")
    conn.execute("COMMIT")
    build = time.perf_counter() - t0
    count = conn.execute("SELECT COUNT(*) FROM docs").fetchone()[0]
    conn.execute("DETACH DATABASE lib")
    return conn, build, count


def pick_terms(lib: Library, total: int) -> dict[str, str]:
    """Body words (plain alphabetic, ≥ 5 letters) in three document-frequency bands."""
    reader = lib.index._searcher().reader()
    bands = {"term-hi": (0.10, 1.0), "term-mid": (0.002, 0.01), "term-rare": (0.0001, 0.0005)}
    found: dict[str, str] = {}
    for text, info in reader.iter_field("body"):
        word = text.decode() if isinstance(text, bytes) else text
        if len(word) < 5 or not word.isascii() or not word.isalpha():
            continue
        share = info.doc_frequency() / total
        for band, (lo, hi) in bands.items():
            if band not in found and lo <= share < hi:
                found[band] = word
        if len(found) == len(bands):
            break
    return found


def query_set(lib: Library, total: int) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, whoosh query, fts5 MATCH, published range for fts5)."""
    terms = pick_terms(lib, total)
    q: list[tuple[str, str, str | None, str | None]] = []
    for band, word in terms.items():
        q.append((band, word, word, None))
    for name in ("niamey", "tiani", "goïta", "ouagadougou", "jnim"):
        q.append(("name", name, name, None))
    for a, b in (("attack", "village"), ("niamey", "drought"), ("bamako", "sanctions")):
        q.append(("two terms", f"{a} {b}", f"{a} {b}", None))
    q.append(("OR", "jnim OR ecowas", "jnim OR ecowas", None))
    q.append(("OR", "tiani OR goïta OR traoré", "tiani OR goïta OR traoré", None))
    for phrase in ("security forces", "the army", "les forces"):
        q.append(("phrase", f'"{phrase}"', f'"{phrase}"', None))
    q.append(("fielded", "title:bamako", "title:bamako", None))
    q.append(("fielded", 'source:"sahel monitor" niamey', 'source:"sahel monitor" niamey', None))
    for prefix in ("transit", "secur", "ouag"):
        q.append(("wildcard", f"{prefix}*", f"{prefix}*", None))
    q.append(("date range", "published:[2023-01 to 2023-03]", None, ("2023-01-01", "2023-04-01")))
    q.append(
        (
            "date range",
            "niamey published:[2023-01 to 2023-06]",
            "niamey",
            ("2023-01-01", "2023-07-01"),
        )
    )
    return q


FTS_RANK = "bm25(fts, 2.5, 1.0, 1.0)"  # title, source, body


def fts_search(
    conn: sqlite3.Connection,
    lib_conn: sqlite3.Connection,
    match: str | None,
    span: tuple[str, str] | None,
    snippets: bool,
) -> int:
    snip = ", snippet(fts, 2, '[', ']', '…', 12)" if snippets else ""
    if match is None:
        assert span is not None
        rows = conn.execute(
            "SELECT id FROM docs WHERE published >= ? AND published < ?"
            " ORDER BY published DESC LIMIT 20",
            span,
        ).fetchall()
    elif span is None:
        rows = conn.execute(
            f"SELECT d.id{snip} FROM fts JOIN docs d ON d.rowid = fts.rowid"
            f" WHERE fts MATCH ? ORDER BY {FTS_RANK} LIMIT 20",
            (match,),
        ).fetchall()
    else:
        rows = conn.execute(
            f"SELECT d.id{snip} FROM fts JOIN docs d ON d.rowid = fts.rowid"
            f" WHERE fts MATCH ? AND d.published >= ? AND d.published < ?"
            f" ORDER BY {FTS_RANK} LIMIT 20",
            (match, *span),
        ).fetchall()
    ids = [r[0] for r in rows]
    if ids:  # the rows a result list shows, from the library database (as Library.search does)
        marks = ",".join("?" * len(ids))
        lib_conn.execute(
            f"SELECT id, title, source, published FROM articles WHERE id IN ({marks})", ids
        ).fetchall()
    return len(ids)


def fts_count(conn: sqlite3.Connection, match: str | None, span: tuple[str, str] | None) -> int:
    if match is None:
        return conn.execute(
            "SELECT COUNT(*) FROM docs WHERE published >= ? AND published < ?", span
        ).fetchone()[0]
    if span is None:
        return conn.execute("SELECT COUNT(*) FROM fts WHERE fts MATCH ?", (match,)).fetchone()[0]
    return conn.execute(
        "SELECT COUNT(*) FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts"
        " MATCH ? AND d.published >= ? AND d.published < ?",
        (match, *span),
    ).fetchone()[0]


def forget_remembered(lib: Library) -> None:
    """Drop what an earlier run of a query leaves behind: word scores, parsed queries."""
    search_evaluate._TERMS.clear()
    lib.index._parsed.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description="Whoosh (via Library) vs SQLite FTS5 search")
    parser.add_argument("home")
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--json")
    parser.add_argument(
        "--warm", action="store_true", help="keep remembered word scores and parsed queries"
    )
    args = parser.parse_args()
    home = Path(args.home).resolve()
    lib = Library.open(home, seed=False)
    total = lib.count()
    health = lib.index_health()
    if not health.ok or health.pending:
        print(f"index not ready ({health.reason or 'pending'}): run bench/make_library.py first")
        return 1
    print(
        f"python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, {os.cpu_count()} cpus;"
        f" {total:,} articles; load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )

    tmp = tempfile.TemporaryDirectory(prefix="fts5bench-")
    conn, build, count = build_fts(lib.locations.database, Path(tmp.name) / "fts.db")
    size = (Path(tmp.name) / "fts.db").stat().st_size
    print(
        f"FTS5 build: {count:,} docs in {build:.1f} s = {count / build:,.0f} docs/s;"
        f" fts db {size / 1e6:.0f} MB",
        flush=True,
    )
    lib_conn = sqlite3.connect(f"file:{lib.locations.database}?mode=ro", uri=True)

    queries = query_set(lib, total)
    # cold: the first query of each engine in this process
    t0 = time.perf_counter()
    lib.search(queries[0][1], limit=20, snippets=False)
    cold_whoosh = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    fts_search(conn, lib_conn, queries[0][2], queries[0][3], False)
    cold_fts = (time.perf_counter() - t0) * 1000

    modes = ("whoosh", "whoosh+snip", "whoosh/date", "collector", "fts5", "fts5+snip")
    evaluated = search_index._evaluated
    times: dict[int, dict[str, list[float]]] = {
        i: {m: [] for m in modes} for i in range(len(queries))
    }
    hits: dict[int, tuple[int, int]] = {}
    for i, (_kind, wq, match, span) in enumerate(queries):
        w_total = lib.index.count_matching(lib.parse_query(wq))
        hits[i] = (w_total, fts_count(conn, match, span))
    for rep in range(args.reps):
        for i, (_kind, wq, match, span) in enumerate(queries):
            for mode in modes:
                if not args.warm:
                    forget_remembered(lib)
                t0 = time.perf_counter()
                if mode == "whoosh":
                    lib.search(wq, limit=20, sort="relevance", snippets=False)
                elif mode == "whoosh+snip":
                    lib.search(wq, limit=20, sort="relevance", snippets=True)
                elif mode == "whoosh/date":
                    lib.search(wq, limit=20, sort="date", snippets=False)
                elif mode == "collector":
                    search_index._evaluated = lambda query, searcher: None
                    try:
                        lib.search(wq, limit=20, sort="relevance", snippets=False)
                    finally:
                        search_index._evaluated = evaluated
                elif mode == "fts5":
                    fts_search(conn, lib_conn, match, span, False)
                else:
                    fts_search(conn, lib_conn, match, span, match is not None)
                times[i][mode].append((time.perf_counter() - t0) * 1000)
        print(f"  rep {rep + 1}/{args.reps} done", flush=True)

    print(f"\ncold first query (ms): whoosh {cold_whoosh:.1f}, fts5 {cold_fts:.1f}")
    print(f"\nper query, median of {args.reps} (ms); hits = whoosh count / fts5 count (exact)")
    header = f"  {'kind':11}{'query':40}{'hits':>15}" + "".join(f"{m:>12}" for m in modes)
    print(header + f"{'whoosh/fts5':>12}")
    for i, (kind, wq, _match, _span) in enumerate(queries):
        med = {m: statistics.median(times[i][m]) for m in modes}
        print(
            f"  {kind:11}{wq[:39]:40}{f'{hits[i][0]}/{hits[i][1]}':>15}"
            + "".join(f"{med[m]:12.1f}" for m in modes)
            + f"{med['whoosh'] / med['fts5']:12.1f}"
        )

    print(
        "\nby kind: median / p95 over all runs (ms); ratios whoosh/fts5 of the medians and of"
        " the p95s, and with snippets (whoosh+snip / fts5+snip, medians)"
    )
    kinds = list(dict.fromkeys(q[0] for q in queries))
    summary: dict = {}
    print(
        f"  {'kind':12}"
        + "".join(f"{m:>20}" for m in modes)
        + f"{'ratio':>8}{'p95 r':>8}{'snip r':>8}"
    )
    for kind in kinds + ["ALL"]:
        idx = [i for i, q in enumerate(queries) if kind == "ALL" or q[0] == kind]
        row = {}
        for m in modes:
            values = [v for i in idx for v in times[i][m]]
            row[m] = (statistics.median(values), pct(values, 95))
        summary[kind] = row
        print(
            f"  {kind:12}"
            + "".join(f"{row[m][0]:9.1f} / {row[m][1]:7.1f}" for m in modes)
            + f"{row['whoosh'][0] / row['fts5'][0]:8.1f}"
            + f"{row['whoosh'][1] / row['fts5'][1]:8.1f}"
            + f"{row['whoosh+snip'][0] / row['fts5+snip'][0]:8.1f}"
        )
    whoosh_size = sum(p.stat().st_size for p in lib.locations.index.rglob("*") if p.is_file())
    print(
        f"\nindex size: whoosh {whoosh_size / 1e6:.0f} MB, fts5 db {size / 1e6:.0f} MB"
        f" (fts5 stores nothing but the index here)"
    )
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "articles": total,
                    "remembered_between_runs": args.warm,
                    "load_average": os.getloadavg()[0],
                    "index_mb": whoosh_size / 1e6,
                    "library_db_mb": lib.locations.database.stat().st_size / 1e6,
                    "fts5_mb": size / 1e6,
                    "fts_build_s": build,
                    "cold_ms": [cold_whoosh, cold_fts],
                    "queries": [
                        {
                            "kind": q[0],
                            "whoosh": q[1],
                            "fts5": q[2],
                            "hits": hits[i],
                            "times": times[i],
                        }
                        for i, q in enumerate(queries)
                    ],
                    "summary": summary,
                },
                indent=1,
            )
        )
    conn.close()
    tmp.cleanup()
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
