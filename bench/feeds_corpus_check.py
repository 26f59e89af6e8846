"""Real-world feed files, subscribed over HTTP: what each brings, what is recovered or refused.

    python bench/feeds_corpus_check.py [CORPUS] [--validators] [--charset CS] [--home DIR]

Every file under CORPUS (default /work/shared/corpus/feeds; LICENSE* and README* skipped) is
served from one LocalServer on 127.0.0.1 (tests/web/local_server.py) at its relative path, with
a Content-Type from its extension (.rss: application/rss+xml, .atom: application/atom+xml,
anything else: text/xml) and no charset parameter, so the feed's own XML declaration decides the
encoding (--charset CS adds `; charset=CS` to every Content-Type, as a server that labels
everything utf-8 would). Then, in a temporary library (or --home):
  1. `Library.subscriptions.subscribe(url)` for each file (sniffing, parsing, storing, the same
     path as `sahelreader add URL`): the format, the articles stored, the recovered note of a
     broken feed, or the SubscribeError message of a refused one. Beside it, what
     `parse_feed` alone finds in the same bytes (entries) for comparison, and "bad text": the
     stored articles holding U+FFFD or UTF-8-read-as-Latin-1 debris (Ã© Ã£ â€), i.e. text
     decoded with the wrong encoding.
  2. `refresh()` of everything subscribed. Without --validators the server sends no ETag nor
     Last-Modified, so every feed is fetched and parsed again and each entry must be found again
     (by guid, url or text): nothing may be added. With --validators the feeds answer 304.
Reported per file and in total: articles after subscribing, after the refresh, and the check
that no (feed, guid) and no content hash appears twice. rss-parser/uolNoticias.rss and
feedjira/TechCrunch.xml are broken on purpose (Latin-1 bytes with no XML declaration, i.e.
UTF-8 by default; a blank line before the XML declaration): each must be recovered (entries
kept, text decoded right) or refused with a clear reason — never crash. A broken file recovered
with no note to say so is printed as a warning. Exit status 1 on a problem (a crash, a refusal
of a sound file, bad text, an entry added twice).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

# Nothing may leave the machine: no proxy for the local server, whatever the environment says.
for _name in ("NO_PROXY", "no_proxy"):
    os.environ[_name] = "127.0.0.1,localhost"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sahelreader.ingest.errors import IngestError  # noqa: E402
from sahelreader.ingest.feed import parse_feed  # noqa: E402
from sahelreader.library import Library  # noqa: E402
from sahelreader.library.subscriptions import SubscribeError  # noqa: E402
from tests.web.local_server import LocalServer, Reply, Route, Seen  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpus/feeds")
BROKEN = ("rss-parser/uolNoticias.rss", "feedjira/TechCrunch.xml")
TYPES = {".rss": "application/rss+xml", ".atom": "application/atom+xml"}


def feed_files(corpus: Path) -> list[Path]:
    skip = ("LICENSE", "README")
    return sorted(
        path
        for path in corpus.rglob("*")
        if path.is_file() and not path.name.upper().startswith(skip)
    )


def parsed_alone(data: bytes, url: str) -> str:
    try:
        feed = parse_feed(data, url)
    except IngestError as error:
        return f"refused ({error})"
    return f"{len(feed.entries)}" + (" recovered" if feed.recovered else "")


BAD_TEXT = ("\ufffd", "Ã©", "Ã£", "Ã§", "Ã¡", "Ã³", "â€")


def bad_text(lib: Library) -> dict[str, int]:
    """Per feed url: articles whose title or body holds text decoded with the wrong encoding."""
    test = " OR ".join("instr(a.title || ' ' || a.body, ?) > 0" for _ in BAD_TEXT)
    rows = lib.store.connection.execute(
        f"SELECT f.url, COUNT(*) FROM articles a JOIN feeds f ON f.id = a.feed_id"
        f" WHERE {test} GROUP BY f.url",
        BAD_TEXT,
    )
    return {str(url): int(count) for url, count in rows}


def duplicates(lib: Library) -> tuple[int, int, int]:
    """(articles, rows sharing a (feed, guid) with another, rows sharing a content hash)."""
    conn = lib.store.connection
    total = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    by_guid = conn.execute(
        "SELECT COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM articles WHERE guid IS NOT"
        " NULL AND guid != '' GROUP BY feed_id, guid HAVING n > 1)"
    ).fetchone()[0]
    by_text = conn.execute(
        "SELECT COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM articles"
        " GROUP BY content_hash HAVING n > 1)"
    ).fetchone()[0]
    return int(total), int(by_guid), int(by_text)


def main() -> int:
    parser = argparse.ArgumentParser(description="Subscribe to every corpus feed over HTTP")
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--validators", action="store_true", help="serve ETag/Last-Modified")
    parser.add_argument("--charset", help="charset parameter sent with every file")
    parser.add_argument("--home", help="library folder (default: a temporary one)")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    files = feed_files(corpus)
    print(f"python {sys.version.split()[0]}; {len(files)} feed files under {corpus}", flush=True)

    problems: list[str] = []
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="feeds-check-") as scratch, LocalServer() as server:
        names: dict[str, str] = {}  # url -> file
        for path in files:
            name = path.relative_to(corpus).as_posix()
            content_type = TYPES.get(path.suffix.lower(), "text/xml")
            if args.charset:
                content_type += f"; charset={args.charset}"
            headers = {"Content-Type": content_type}
            if args.validators:
                headers["ETag"] = f'"{path.stat().st_size}-{path.stat().st_mtime_ns}"'
            names[server.route("/" + name, _conditional(path.read_bytes(), headers))] = name
        home = Path(args.home).resolve() if args.home else Path(scratch) / "home"
        lib = Library.open(home, seed=False)
        if lib.count() or lib.subscriptions.all():
            print(f"{home} is not empty: give an empty --home (or none)")
            return 1

        print(f"\n{'file':36}{'parse_feed':>12}{'stored':>8}  {'format':14}note / reason")
        print(f"{'':36}{'(entries)':>12}")
        subscribed: dict[str, tuple[str, int]] = {}  # url -> (file, articles stored)
        t0 = time.perf_counter()
        for url, name in names.items():
            alone = parsed_alone((corpus / name).read_bytes(), url)
            try:
                done = lib.subscriptions.subscribe(url)
            except SubscribeError as error:
                print(f"{name:36}{alone:>12}{'—':>8}  {'REFUSED':14}{error}")
                if name not in BROKEN:
                    problems.append(f"{name} refused")
                continue
            except Exception as error:  # a crash is a finding, not the end of the check
                print(f"{name:36}{alone:>12}{'—':>8}  {'CRASH':14}{error!r}")
                problems.append(f"{name} crashed: {error!r}")
                continue
            subscribed[url] = (name, done.added)
            note = "; ".join(done.notes) or "—"
            print(f"{name:36}{alone:>12}{done.added:>8}  {done.format:14}{note}")
            if name in BROKEN and not done.notes:
                warnings.append(f"{name} (broken) was recovered with no note saying so")
        subscribing = time.perf_counter() - t0
        garbled = bad_text(lib)
        print(f"\nbad text (articles with U+FFFD or mojibake): {garbled or 'none'}")
        for url, count in garbled.items():
            problems.append(f"{names.get(url, url)}: {count} articles with badly decoded text")
        after_subscribe = duplicates(lib)

        t0 = time.perf_counter()
        report = lib.subscriptions.refresh()
        refreshing = time.perf_counter() - t0
        after_refresh = duplicates(lib)

        print(f"\nrefresh ({'with' if args.validators else 'without'} validators):")
        print(f"{'file':36}{'status':>11}{'added':>7}{'updated':>9}{'articles':>10}  note")
        counts = {record.url: record.articles for record in lib.subscriptions.all()}
        for result in sorted(report.results, key=lambda r: names.get(r.url, r.url)):
            name, stored = subscribed.get(result.url, (result.url, 0))
            note = result.error or "; ".join(result.notes) or ""
            articles = counts.get(result.url, 0)
            print(
                f"{name:36}{result.status:>11}{result.added:>7}{result.updated:>9}"
                f"{articles:>10}  {note}"
            )
            if result.added or articles != stored:
                problems.append(f"{name}: the refresh added {result.added}")
        lib.close()

    print(
        f"\nsubscribing {len(names)} files: {subscribing:.2f} s ({len(subscribed)} subscribed,"
        f" {len(names) - len(subscribed)} refused); refresh: {refreshing:.2f} s —"
        f" {report.summary()}"
    )
    for label, (total, by_guid, by_text) in (
        ("after subscribing", after_subscribe),
        ("after the refresh", after_refresh),
    ):
        print(
            f"{label}: {total} articles; rows sharing a (feed, guid): {by_guid};"
            f" rows sharing a content hash: {by_text}"
        )
    if after_refresh[0] != after_subscribe[0]:
        problems.append(f"articles {after_subscribe[0]} -> {after_refresh[0]} after the refresh")
    if after_refresh[1] or after_refresh[2]:
        problems.append("duplicates in the library")
    for warning in warnings:
        print(f"WARNING: {warning}")
    print("no problems, nothing duplicated" if not problems else "PROBLEMS: " + "; ".join(problems))
    return 1 if problems else 0


def _conditional(body: bytes, headers: dict[str, str]) -> Route:
    etag = headers.get("ETag")

    def answer(seen: Seen) -> Reply:
        if etag and seen.headers.get("If-None-Match") == etag:
            return Reply(304, b"", headers)
        return Reply(200, body, headers)

    return answer


if __name__ == "__main__":
    sys.exit(main())
