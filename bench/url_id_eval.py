"""How well a url's numeric id dates an undated article (`related/url_ids.py`).

    python bench/url_id_eval.py estimate            # (a) errors on the dated BBC RSS items
    python bench/url_id_eval.py anchors             # the monthly anchors, as shipped
    python bench/url_id_eval.py pairs HOME          # (b) the judged undated same-family pairs

`estimate` reads the 2021-22 RSS entries (BBC, CNN, Guardian feeds; only the BBC's urls carry a
numeric id) and fits a timeline on part of the dated items: interpolation (every other day's
items calibrate, the rest are estimated) and extrapolation (calibrated on 2021, estimated on
2022, by months past the range), with the median and p90 absolute error in days and how often
the true day falls within the estimate's margin. `pairs` reads every judged pair of
`bench/judgements_issue15*.md`, keeps those whose two articles in the library HOME (built from
the judged files: see bench/README.md) are undated and of one id family, and prints the
estimated gap of the same-event pairs and of the others.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sqlite3
import statistics
import sys
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from sahelreader.related.coverage import ESTIMATED_FAR_DAYS, ESTIMATED_NEAR_DAYS
from sahelreader.related.url_ids import Timeline, fit_timelines, id_in_url

RSS = Path("/work/shared/corpus/news/rss_entries_2021_2022/bbc_cnn_guardian_entries.jsonl.gz")
BENCH = Path(__file__).resolve().parent


def _rss_points() -> list[tuple[int, datetime, str]]:
    points = []
    with gzip.open(RSS, "rt", encoding="utf-8") as handle:
        for line in handle:
            entry = json.loads(line)
            found = id_in_url(entry["link"])
            if found is None or not found.family.startswith("bbc:"):
                continue
            when = datetime.fromisoformat(entry["date_published"]).astimezone(timezone.utc)
            points.append((found.number, when.replace(tzinfo=None), found.family))
    return points


def _errors(line: Timeline, test: list[tuple[int, datetime, str]]) -> tuple[list[float], int, int]:
    errors, within, refused = [], 0, 0
    for number, when, _ in test:
        estimate = line.estimate(number)
        if estimate is None:
            refused += 1
            continue
        error = abs((estimate.when - when).total_seconds()) / 86_400.0
        errors.append(error)
        within += error <= estimate.margin
    return errors, within, refused


def _report(label: str, line: Timeline, test: list[tuple[int, datetime, str]]) -> None:
    errors, within, refused = _errors(line, test)
    if not errors:
        print(f"{label}: nothing estimated ({refused} refused)")
        return
    errors.sort()
    p90 = errors[int(0.9 * (len(errors) - 1))]
    print(
        f"{label}: n={len(errors)} median {statistics.median(errors):.2f} d, p90 {p90:.2f} d,"
        f" within margin {within / len(errors):.2f}, refused {refused}"
    )


def cmd_estimate(_: argparse.Namespace) -> int:
    points = _rss_points()
    print(f"{len(points)} dated BBC items with a numeric id")
    days = sorted({w.date() for _, w, _ in points})
    random.seed(1)
    calibrate_days = set(days[::2])
    calibrate = [p for p in points if p[1].date() in calibrate_days]
    rest = [p for p in points if p[1].date() not in calibrate_days]
    line = Timeline.fit((n, w) for n, w, _ in calibrate)
    assert line is not None
    _report("interpolation (odd days from even days)", line, rest)
    # A small library: 50 random dated items calibrate.
    for size in (10, 50, 200):
        sample = random.sample(points, size)
        small = Timeline.fit((n, w) for n, w, _ in sample)
        if small is None:
            print(f"interpolation from {size} random items: refused")
            continue
        inside = [p for p in points if small.ids[0] <= p[0] <= small.ids[-1] and p not in sample]
        _report(f"interpolation from {size} random items", small, inside)
    y2021 = [p for p in points if p[1].year == 2021]
    y2022 = [p for p in points if p[1].year == 2022]
    line = Timeline.fit((n, w) for n, w, _ in y2021)
    assert line is not None
    for months in ((1, 1), (2, 3), (4, 6), (7, 8)):
        test = [p for p in y2022 if months[0] <= p[1].month <= months[1]]
        _report(f"extrapolation 2021 -> 2022 months {months[0]}-{months[1]}", line, test)
    _report("extrapolation 2021 -> 2022 all", line, y2022)
    return 0


def cmd_anchors(_: argparse.Namespace) -> int:
    points = _rss_points()
    months: dict[str, list[int]] = defaultdict(list)
    for number, when, _ in points:
        months[when.strftime("%Y-%m")].append(number)
    line = Timeline.fit((n, w) for n, w, _ in points)
    assert line is not None
    anchors = [[int(statistics.median(v)), f"{k}-15"] for k, v in sorted(months.items())]
    print(json.dumps({"anchors": anchors, "spread_days": round(line.spread, 1)}))
    return 0


_PAIR = re.compile(r"^\|\s*([0-9a-z]{8})\s*\|\s*([0-9a-z]{8})\s*\|\s*(yes|no)\s*\|", re.I)


def cmd_pairs(args: argparse.Namespace) -> int:
    db = sqlite3.connect(Path(args.home) / "library.db")
    rows = {r[0]: r[1:] for r in db.execute("SELECT id, url, source, published FROM articles")}
    dated = [(u, s, datetime.fromisoformat(p)) for u, s, p in rows.values() if p]
    timelines = fit_timelines(dated)
    verdicts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in sorted(BENCH.glob("judgements_issue15*.md")):
        for text in path.read_text("utf-8").splitlines():
            m = _PAIR.match(text)
            if m:
                a, b = sorted((m.group(1), m.group(2)))
                verdicts[(a, b)].add(m.group(3).lower())
    same: list[float] = []
    other: list[float] = []
    rule = {"same": [0, 0], "not": [0, 0]}  # [dropped as far, dated as near] by coverage.py
    for (a, b), found in sorted(verdicts.items()):
        if a not in rows or b not in rows or len(found) != 1:
            continue
        if rows[a][2] or rows[b][2]:
            continue  # dated: the real gap is known
        gap = timelines.gap((rows[a][0], rows[a][1]), (rows[b][0], rows[b][1]))
        if gap is None:
            continue
        (same if "yes" in found else other).append(gap.days)
        counts = rule["same" if "yes" in found else "not"]
        counts[0] += gap.low > ESTIMATED_FAR_DAYS
        counts[1] += gap.high <= ESTIMATED_NEAR_DAYS
        if args.verbose:
            print(a, b, found, f"{gap.days:.1f} +- {gap.margin:.1f}")
    print(f"undated same-family judged pairs: {len(same)} same event, {len(other)} not")
    for limit in (3, 5, 7, 10, 14, 30, 60):
        s = sum(d <= limit for d in same)
        o = sum(d <= limit for d in other)
        print(f"  gap <= {limit:>3} d: same event {s}/{len(same)}, not {o}/{len(other)}")
    print(
        f"  coverage.py drops (gap less margin > {ESTIMATED_FAR_DAYS:g} d): same event"
        f" {rule['same'][0]}/{len(same)}, not {rule['not'][0]}/{len(other)}; dates as near"
        f" (gap plus margin <= {ESTIMATED_NEAR_DAYS:g} d): same event"
        f" {rule['same'][1]}/{len(same)}, not {rule['not'][1]}/{len(other)}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("estimate")
    sub.add_parser("anchors")
    pairs = sub.add_parser("pairs")
    pairs.add_argument("home")
    pairs.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    return {"estimate": cmd_estimate, "anchors": cmd_anchors, "pairs": cmd_pairs}[args.command](
        args
    )


if __name__ == "__main__":
    sys.exit(main())
