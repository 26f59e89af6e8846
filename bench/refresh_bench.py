"""Feed refresh: 100 feeds × 50 items through Library.subscriptions.refresh(), against the network.

    python bench/refresh_bench.py [--feeds 100] [--items 50] [--servers 10] [--latency 0.05]
                                  [--workers 8] [--no-serial] [--home DIR] [--seed 1]

Everything is served from 127.0.0.1: --servers ThreadingHTTPServers (tests/web/local_server.py),
each on its own port with feeds/servers feeds. The Fetcher keys its politeness limit (2 requests
at once per host) by netloc, port included, so 10 ports behave as 10 hosts. Every request waits
--latency seconds before the status line (a network round trip; 0 turns it off). Each feed is
RSS 2.0 with --items items of invented text (seeded: 40–110 word descriptions from a word list
written below, Sahel names, a distinct guid and link per item, pubDates an hour apart), served
with an ETag and a Last-Modified; If-None-Match / If-Modified-Since that match get a 304.

The feeds are subscribed with `subscriptions.table.subscribe(url, title)` (no fetch), so what is
timed is the refresh alone. Measured in one run, in this order:
  net/seq    one Fetcher, the feed URLs fetched one after another (network only: no parsing,
             no storing) — the reference;
  net/par    the same with 8 threads (in_parallel, as the refresh does): the network floor;
  refresh 1  Library.subscriptions.refresh() (8 workers), first refresh of a fresh library:
             fetch + parse + language + entities + store (5,000 articles), wall time;
  refresh w1 the same with workers=1 in a second temp library (skip with --no-serial);
  refresh 2  the second refresh of the first library: every feed answers 304 (target < 2 s);
  refresh 3  the servers ignore the validators (200, same items, new parse) to check that a
             re-read feed makes no duplicates: the matcher must find every entry again.
Reported: wall times, ratios against net/seq and against refresh w1, requests and 304s counted
by the servers, articles stored after each refresh, and whether any (feed, guid) is doubled.
The Whoosh index is not built (a refresh only queues articles for it; the TUI catches up).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

# Nothing may leave the machine: no proxy for the local servers, whatever the environment says.
for _name in ("NO_PROXY", "no_proxy"):
    os.environ[_name] = "127.0.0.1,localhost"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sahelreader.library import Library  # noqa: E402
from sahelreader.subscriptions import in_parallel  # noqa: E402
from sahelreader.web.fetch import Fetcher  # noqa: E402
from tests.web.local_server import LocalServer, Reply, Route, Seen  # noqa: E402

WORDS = """
the of and to in a is that for on with as by at from this said after also more than security
forces government military president people country region army attack village state officials
minister week year month between against during since about over under local national capital
border north south east west groups armed soldiers civilians report statement junta transition
election vote constitution power leader talks agreement sanctions aid humanitarian food crisis
displaced refugees camp water drought rains harvest farmers herders cattle gold mine uranium oil
pipeline exports prices market economy budget bank trade road convoy checkpoint base operation
drone mission council union regional bloc summit envoy delegation embassy visit spokesman
ministry defence interior court trial journalist radio teachers schools clinic health vaccine
river dam electricity fuel shortage bus market women youth students protest strike union
""".split()
NAMES = [
    "Niamey",
    "Bamako",
    "Ouagadougou",
    "Tillabéri",
    "Gao",
    "Kidal",
    "Mopti",
    "Agadez",
    "Dori",
    "Ménaka",
    "Tiani",
    "Goïta",
    "Traoré",
    "ECOWAS",
    "JNIM",
    "Diffa",
    "Tahoua",
    "Djibo",
]
LAST_MODIFIED = format_datetime(datetime(2025, 3, 1, 8, 0, tzinfo=timezone.utc), usegmt=True)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
    return " ".join(words).capitalize() + "."


def make_feed(rng: random.Random, number: int, base: str, items: int) -> bytes:
    start = datetime(2025, 3, 1, 7, 0, tzinfo=timezone.utc)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>',
        f"<title>Bench feed {number}</title><link>{base}/</link>",
        f"<description>Invented news, feed {number}</description><language>en</language>",
    ]
    for item in range(items):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 10)))
        title = f"{rng.choice(NAMES)}: {title}"
        body = " ".join(sentence(rng) for _ in range(rng.randint(4, 7)))
        moment = format_datetime(start - timedelta(hours=item), usegmt=True)
        parts.append(
            f"<item><title>{escape(title)}</title>"
            f"<link>{base}/f{number}/item-{item}.html</link>"
            f'<guid isPermaLink="false">bench-f{number}-i{item}</guid>'
            f"<pubDate>{moment}</pubDate>"
            f"<description>{escape(body)}</description></item>"
        )
    parts.append("</channel></rss>\n")
    return "".join(parts).encode("utf-8")


class Farm:
    """The servers, their feeds, and what they answered."""

    def __init__(self, servers: int, feeds: int, items: int, latency: float, seed: int) -> None:
        self.latency = latency
        self.ignore_validators = False
        self.answers: Counter[int] = Counter()
        self._lock = threading.Lock()
        self.servers = [LocalServer() for _ in range(servers)]
        self.urls: list[str] = []
        rng = random.Random(seed)
        for number in range(feeds):
            server = self.servers[number % servers]
            body = make_feed(rng, number, server.url("").rstrip("/"), items)
            etag = f'"bench-{number}-v1"'
            self.urls.append(server.route(f"/feed{number}.xml", self._route(body, etag)))

    def _route(self, body: bytes, etag: str) -> Route:
        def answer(seen: Seen) -> Reply:
            headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
            match = seen.headers.get("If-None-Match") == etag or (
                "If-None-Match" not in seen.headers
                and seen.headers.get("If-Modified-Since") == LAST_MODIFIED
            )
            status = 304 if match and not self.ignore_validators else 200
            with self._lock:
                self.answers[status] += 1
            headers["Content-Type"] = "application/rss+xml"
            return Reply(status, body if status == 200 else b"", headers, delay=self.latency)

        return answer

    def counted(self) -> Counter[int]:
        with self._lock:
            return Counter(self.answers)

    def __enter__(self) -> Farm:
        for server in self.servers:
            server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            server.__exit__(None, None, None)


def subscribe_all(lib: Library, urls: list[str]) -> None:
    for number, url in enumerate(urls):
        lib.subscriptions.table.subscribe(url, f"Bench feed {number}")


def stored(lib: Library) -> tuple[int, int]:
    """(articles, distinct (feed, guid) pairs among them)."""
    row = lib.store.connection.execute(
        "SELECT COUNT(*), COUNT(DISTINCT feed_id || ' ' || guid) FROM articles"
    ).fetchone()
    return int(row[0]), int(row[1])


def timed_refresh(
    lib: Library, workers: int, profile: int = 0
) -> tuple[float, Counter[str], int, int]:
    profiler = cProfile.Profile() if profile else None
    t0 = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    report = lib.subscriptions.refresh(workers=workers)
    if profiler is not None:
        profiler.disable()
    wall = time.perf_counter() - t0
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(profile)
    statuses = Counter(result.status for result in report.results)
    for failed in report.failed[:3]:
        print(f"  failed: {failed.line()}")
    return wall, statuses, report.added, report.updated


def main() -> int:
    parser = argparse.ArgumentParser(description="Library refresh of many local feeds")
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--servers", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per request")
    parser.add_argument("--workers", type=int, default=8, help="refresh workers (the default 8)")
    parser.add_argument("--no-serial", action="store_true", help="skip the workers=1 refresh")
    parser.add_argument("--home", help="library folder (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="cProfile a refresh in the calling (writer) thread; print the top N by cumulative",
    )
    parser.add_argument(
        "--profile-pass", type=int, choices=(1, 2, 3), default=1, help="which refresh --profile"
    )
    args = parser.parse_args()
    expected = args.feeds * args.items
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load {os.getloadavg()[0]:.2f};"
        f" {args.feeds} feeds × {args.items} items on {args.servers} local servers,"
        f" latency {args.latency * 1000:.0f} ms a request, refresh workers {args.workers}",
        flush=True,
    )
    rows: list[tuple[str, float, str, str]] = []  # what, seconds, requests, articles
    with (
        tempfile.TemporaryDirectory(prefix="refresh-bench-") as scratch,
        Farm(args.servers, args.feeds, args.items, args.latency, args.seed) as farm,
    ):
        sizes = [len(server.routes) for server in farm.servers]
        print(f"feeds per server: {min(sizes)}–{max(sizes)}", flush=True)

        # net/seq: the reference, network only.
        before = farm.counted()
        t0 = time.perf_counter()
        with Fetcher() as fetcher:
            got = sum(len(fetcher.get(url).content) for url in farm.urls)
        net_seq = time.perf_counter() - t0
        answered = farm.counted() - before
        rows.append(("net/seq: 1 Fetcher, one by one", net_seq, _answers(answered), "—"))
        print(f"  net/seq {net_seq:.2f} s ({got / 1e6:.1f} MB)", flush=True)

        # net/par: the network floor with the refresh's parallelism.
        before = farm.counted()
        t0 = time.perf_counter()
        with Fetcher() as fetcher:
            for _url, _size in in_parallel(
                farm.urls, lambda url: len(fetcher.get(url).content), workers=args.workers
            ):
                pass
        net_par = time.perf_counter() - t0
        rows.append(
            (f"net/par: {args.workers} threads", net_par, _answers(farm.counted() - before), "—")
        )
        print(f"  net/par {net_par:.2f} s", flush=True)

        home = Path(args.home).resolve() if args.home else Path(scratch) / "home"
        lib = Library.open(home, seed=False)
        if lib.count() or lib.subscriptions.all():
            print(f"{home} is not empty: give an empty --home (or none)")
            return 1
        subscribe_all(lib, farm.urls)

        before = farm.counted()
        first, statuses, added, _ = timed_refresh(lib, args.workers, _profile(args, 1))
        count1, distinct1 = stored(lib)
        rows.append(
            (
                f"refresh 1 (workers={args.workers})",
                first,
                _answers(farm.counted() - before),
                f"{added:,} added, {count1:,} stored",
            )
        )
        print(f"  refresh 1 {first:.2f} s {dict(statuses)}", flush=True)

        serial = None
        if not args.no_serial:
            lib1 = Library.open(Path(scratch) / "serial", seed=False)
            subscribe_all(lib1, farm.urls)
            before = farm.counted()
            serial, statuses1, added1, _ = timed_refresh(lib1, 1)
            rows.append(
                (
                    "refresh w1 (workers=1, 2nd library)",
                    serial,
                    _answers(farm.counted() - before),
                    f"{added1:,} added, {stored(lib1)[0]:,} stored",
                )
            )
            lib1.close()
            print(f"  refresh w1 {serial:.2f} s {dict(statuses1)}", flush=True)

        before = farm.counted()
        second, statuses2, added2, updated2 = timed_refresh(lib, args.workers, _profile(args, 2))
        answered2 = farm.counted() - before
        count2, distinct2 = stored(lib)
        rows.append(
            (
                "refresh 2 (all conditional)",
                second,
                _answers(answered2),
                f"{added2} added, {updated2} updated, {count2:,} stored",
            )
        )
        print(f"  refresh 2 {second:.2f} s {dict(statuses2)}", flush=True)

        farm.ignore_validators = True
        before = farm.counted()
        third, statuses3, added3, updated3 = timed_refresh(lib, args.workers, _profile(args, 3))
        count3, distinct3 = stored(lib)
        rows.append(
            (
                "refresh 3 (validators ignored)",
                third,
                _answers(farm.counted() - before),
                f"{added3} added, {updated3} updated, {count3:,} stored",
            )
        )
        print(f"  refresh 3 {third:.2f} s {dict(statuses3)}", flush=True)
        lib.close()

    print(
        f"\n{'what':38}{'wall':>9}{'÷ net/seq':>11}{'÷ refresh w1':>14}"
        f"   {'requests (server)':22}articles"
    )
    for what, seconds, requests, articles in rows:
        versus = f"{seconds / serial:.2f}×" if serial else "—"
        print(
            f"{what:38}{seconds:8.2f}s{seconds / net_seq:10.2f}×{versus:>14}"
            f"   {requests:22}{articles}"
        )
    print()
    under = second < 2.0
    against_serial = (
        f", {first / serial:.2f}× the workers=1 refresh (speed-up {serial / first:.2f}×)"
        if serial
        else ""
    )
    print(
        f"refresh 1: {first / net_seq:.2f}× the sequential fetch of the same URLs{against_serial}"
    )
    print(
        f"refresh 2: {second:.2f} s for {args.feeds} feeds, {answered2[304]} answered 304 by the"
        f" servers, {statuses2['unchanged']} reported unchanged —"
        f" target < 2 s: {'met' if under else 'MISSED'}"
    )
    duplicates = (count1 - distinct1) + (count2 - distinct2) + (count3 - distinct3)
    no_dupes = count1 == count2 == count3 == expected and duplicates == 0
    print(
        f"articles: {count1:,} after refresh 1, {count2:,} after refresh 2, {count3:,} after"
        f" refresh 3 (expected {expected:,}); (feed, guid) doubled: {duplicates} —"
        f" {'no duplicates' if no_dupes else 'DUPLICATES OR MISSING ARTICLES'}"
    )
    return 0 if under and no_dupes else 1


def _profile(args: argparse.Namespace, refresh: int) -> int:
    return args.profile if args.profile_pass == refresh else 0


def _answers(counted: Counter[int]) -> str:
    return ", ".join(f"{count}×{status}" for status, count in sorted(counted.items())) or "none"


if __name__ == "__main__":
    sys.exit(main())
