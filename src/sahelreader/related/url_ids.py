"""When an undated article was published, estimated from its url's numeric id.

Many outlets number their articles in one growing sequence and put the number in the url
("/news/world-africa-61234567", "/afrique/region-61234999", "/1234567/politique/slug/",
"spip.php?article12345"). An archive imported without dates (MasakhaNEWS' BBC pages) still has
its urls, and two pages of one outlet whose numbers are far apart were published far apart.

- An **id family** is where an outlet keeps its number: the url's site, as its name without
  the public suffix ("bbc" for bbc.co.uk and bbc.com: one outlet's services share one
  sequence), and where the number sits (at the path's end, or inside it). A relative url
  ("/news/x-123456") takes the family of its outlet's name when a family of that name is known.
  A date the url writes ("/2024/04/12/") is no id.
- A **timeline** maps a family's ids to days: fitted on the library's own dated articles of
  the family (binned medians, made monotone), or on default anchors shipped for a very few
  outlets whose ids are one public sequence (`data/url_id_anchors.json`, with where each came
  from). A family with too few dated points, over too few days, or whose ids do not grow with
  time (a rank correlation under `MIN_RANK_CORRELATION`: numbers that are no sequence) has no
  timeline: nothing is estimated.
- An **estimate** is a day with a margin: the spread of the fit's residuals inside the
  calibrated range, growing with the distance outside it, and refused past
  `MAX_EXTRAPOLATION_DAYS` (a sequence's pace changes over the years). The gap between two
  ids of one family has its own margin (the two pages' spreads).

An estimate is never a publication date: it is evidence of time, with a wider tolerance than a
real date (`related/coverage.py`), and shown, if ever, marked as approximate.

Core module: no UI imports.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from sahelreader.sources.outlets import site_word

__all__ = [
    "Estimate",
    "Gap",
    "Timeline",
    "Timelines",
    "default_anchors",
    "fit_timelines",
    "id_in_url",
]

MIN_POINTS = 8  # dated articles of a family needed to fit its timeline...
MIN_SPAN_DAYS = 3.0  # ...over at least this many days
MIN_RANK_CORRELATION = 0.8  # ids must grow with time (Spearman's rho of id and day)
MAX_BINS = 40  # the timeline's knots: medians of this many bins of ids at most
POINTS_PER_BIN = 4
MIN_MARGIN_DAYS = 0.5  # an estimate's margin is never less than this
EXTRAPOLATION_MARGIN = 0.25  # outside the calibrated range, the margin grows this much a day
MAX_EXTRAPOLATION_DAYS = 180.0  # no estimate further than this outside the range
PACE_MARGIN = 0.3  # outside the range, a gap read at the range's pace is this share uncertain
MIN_ID = 10_000  # a number under this is a page number, a count, a year's neighbour: no id

_EPOCH = datetime(1970, 1, 1)
# A number that is a date in the url: a year folder, an 8-digit stamp, a date in a slug.
_DATE_LIKE = re.compile(
    r"(?:19|20)\d{2}(?:[-/_.]?(?:0[1-9]|1[0-2])(?:[-/_.]?(?:0[1-9]|[12]\d|3[01]))?)?"
)
_NUMBER = re.compile(r"(?<!\d)\d{5,12}(?!\d)")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class UrlId:
    family: str  # site label and where the number sits: "bbc:end"
    number: int


def _source_labels(source: str) -> list[str]:
    """The site labels an outlet's name could stand for: its leading words run together
    ("BBC News" -> "bbc", "bbcnews"; "Jeune Afrique" -> "jeune", "jeuneafrique")."""
    words = _WORD.findall(source.casefold())
    return ["".join(words[: n + 1]) for n in range(min(3, len(words)))]


def id_in_url(url: str, source: str = "", known: Iterable[str] = ()) -> UrlId | None:
    """The url's article number and its family, or None (no number, or only a date's).

    The number is the last run of 5-12 digits of the path (or of the query, when the path has
    none: "spip.php?article12345") that is not a date; it sits at the path's "end" (only a
    file extension or a slash after it) or "in" it. A relative url has no site: with
    `source` (the outlet's name), it takes that of `known` families whose site is one of the
    outlet name's leading words ("BBC News" and the family "bbc:end")."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return None
    path = parts.path
    found = _last_number(path)
    where = ""
    if found is not None:
        rest = path[found.end() :]
        where = "end" if re.fullmatch(r"/?(?:\.[a-z0-9]{1,5})?/?", rest, re.IGNORECASE) else "in"
    elif parts.query:
        found = _last_number(parts.query)
        where = "query"
    if found is None:
        return None
    number = int(found.group())
    if number < MIN_ID:
        return None
    if parts.netloc:
        label = site_word(parts.netloc)
        return UrlId(f"{label}:{where}", number) if label else None
    if not source:
        return None
    families = set(known)
    for label in _source_labels(source):
        if f"{label}:{where}" in families:
            return UrlId(f"{label}:{where}", number)
    return None


def _last_number(text: str) -> re.Match[str] | None:
    last = None
    for match in _NUMBER.finditer(text):
        if _DATE_LIKE.fullmatch(match.group()):
            continue
        last = match
    return last


def _day(when: datetime) -> float:
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc).replace(tzinfo=None)
    return (when - _EPOCH).total_seconds() / 86_400.0


def _when(day: float) -> datetime:
    return _EPOCH + timedelta(days=day)


@dataclass(frozen=True)
class Estimate:
    """An estimated publication time and its margin (days either side)."""

    day: float  # days since 1970-01-01
    margin: float
    outside: bool  # beyond the calibrated range (extrapolated)

    @property
    def when(self) -> datetime:
        return _when(self.day)


@dataclass(frozen=True)
class Gap:
    """The estimated days between two articles of one family, and the margin either side."""

    days: float
    margin: float

    @property
    def low(self) -> float:
        return max(0.0, self.days - self.margin)

    @property
    def high(self) -> float:
        return self.days + self.margin


@dataclass(frozen=True)
class Timeline:
    """A family's ids mapped to days: knots (id, day) increasing in both, and the residual
    spread of the dated points around them."""

    ids: tuple[float, ...]
    days: tuple[float, ...]
    spread: float

    @classmethod
    def fit(cls, points: Iterable[tuple[int, datetime]], spread: float = 0.0) -> Timeline | None:
        """The timeline of dated points (id, publication time), or None: too few points, over
        too few days, or ids that do not grow with time. `spread`: the least margin of one
        article (anchors are medians: their own residuals say nothing of one article's)."""
        data = sorted((float(number), _day(when)) for number, when in points)
        if len(data) < MIN_POINTS or len({n for n, _ in data}) < MIN_POINTS:
            return None
        days = sorted(d for _, d in data)
        if days[-1] - days[0] < MIN_SPAN_DAYS:
            return None
        if _spearman([n for n, _ in data], [d for _, d in data]) < MIN_RANK_CORRELATION:
            return None
        bins = max(2, min(MAX_BINS, len(data) // POINTS_PER_BIN))
        knots: list[tuple[float, float, int]] = []
        for b in range(bins):
            chunk = data[b * len(data) // bins : (b + 1) * len(data) // bins]
            if chunk:
                knots.append(
                    (_median([n for n, _ in chunk]), _median([d for _, d in chunk]), len(chunk))
                )
        fitted = _monotone([(d, w) for _, d, w in knots])
        ids, ys = _strictly_increasing([k[0] for k in knots], fitted)
        if len(ids) < 2 or ys[-1] - ys[0] <= 0.0:
            return None
        line = cls(tuple(ids), tuple(ys), 0.0)
        residuals = [abs(d - line._at(n)) for n, d in data]
        spread = max(MIN_MARGIN_DAYS, spread, _quantile(residuals, 0.8))
        return cls(tuple(ids), tuple(ys), spread)

    def _at(self, number: float) -> float:
        ids, days = self.ids, self.days
        # Outside: the pace of the whole range (a short end's slope says little).
        if number < ids[0]:
            return days[0] + (number - ids[0]) * self.rate()
        if number > ids[-1]:
            return days[-1] + (number - ids[-1]) * self.rate()
        i = min(bisect.bisect_right(ids, number) - 1, len(ids) - 2)
        x0, x1, y0, y1 = ids[i], ids[i + 1], days[i], days[i + 1]
        return y0 + (y1 - y0) * (number - x0) / (x1 - x0)

    def rate(self) -> float:
        """Days per id over the calibrated range."""
        return (self.days[-1] - self.days[0]) / (self.ids[-1] - self.ids[0])

    def estimate(self, number: int) -> Estimate | None:
        """When the article of this id was published, or None past MAX_EXTRAPOLATION_DAYS
        outside the calibrated range."""
        day = self._at(float(number))
        outside = 0.0
        if number < self.ids[0]:
            outside = self.days[0] - day
        elif number > self.ids[-1]:
            outside = day - self.days[-1]
        if outside > MAX_EXTRAPOLATION_DAYS:
            return None
        return Estimate(day, self.spread + EXTRAPOLATION_MARGIN * outside, outside > 0.0)

    def gap(self, a: int, b: int) -> Gap | None:
        """The estimated days between the articles of ids `a` and `b`, or None."""
        first, second = self.estimate(a), self.estimate(b)
        if first is not None and second is not None and not (first.outside or second.outside):
            return Gap(abs(first.day - second.day), math.hypot(first.margin, second.margin))
        # Outside the calibrated range (or past the extrapolation's limit), the days between
        # two ids are their distance at the range's pace, give or take PACE_MARGIN of it (a
        # sequence's pace drifts over the years), as long as that is within the range's span.
        days = abs(a - b) * self.rate()
        if days > self.days[-1] - self.days[0]:
            return None
        return Gap(days, math.hypot(self.spread, self.spread) + PACE_MARGIN * days)


def _median(values: list[float]) -> float:
    return _quantile(values, 0.5)


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    at = q * (len(ordered) - 1)
    low = math.floor(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2.0
        i = j + 1
    return ranks


def _spearman(xs: list[float], ys: list[float]) -> float:
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    vy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (vx * vy) if vx > 0 and vy > 0 else 0.0


def _monotone(values: list[tuple[float, float]]) -> list[float]:
    """Weighted isotonic regression (pool adjacent violators): non-decreasing values."""
    blocks: list[list[float]] = []  # [value, weight, count]
    for value, weight in values:
        blocks.append([value, float(weight), 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, c2 = blocks.pop()
            v1, w1, c1 = blocks.pop()
            blocks.append([(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, c1 + c2])
    out: list[float] = []
    for value, _, count in blocks:
        out.extend([value] * int(count))
    return out


def _strictly_increasing(ids: list[float], days: list[float]) -> tuple[list[float], list[float]]:
    """Knots whose ids and days both grow: pooled runs of equal days keep their middle id."""
    out_ids: list[float] = []
    out_days: list[float] = []
    i = 0
    while i < len(ids):
        j = i
        while j + 1 < len(ids) and days[j + 1] == days[i]:
            j += 1
        number = (ids[i] + ids[j]) / 2.0
        if not out_ids or number > out_ids[-1]:
            out_ids.append(number)
            out_days.append(days[i])
        i = j + 1
    return out_ids, out_days


class Timelines:
    """The timelines of the id families known: the library's own, else the default anchors."""

    CACHED_IDS = 50_000  # urls whose ids are remembered (the side panel asks again and again)

    def __init__(self, timelines: Mapping[str, Timeline]) -> None:
        self._timelines = dict(timelines)
        self._ids: dict[tuple[str, str], UrlId | None] = {}

    @property
    def families(self) -> frozenset[str]:
        return frozenset(self._timelines)

    def __bool__(self) -> bool:
        return bool(self._timelines)

    def of(self, family: str) -> Timeline | None:
        return self._timelines.get(family)

    def url_id(self, url: str, source: str = "") -> UrlId | None:
        """The url's id, in a family with a timeline (None otherwise)."""
        key = (url, source)
        if key in self._ids:
            return self._ids[key]
        found = id_in_url(url, source, self._timelines)
        if found is not None and found.family not in self._timelines:
            found = None
        if len(self._ids) >= self.CACHED_IDS:
            self._ids.clear()
        self._ids[key] = found
        return found

    def estimate(self, url: str, source: str = "") -> Estimate | None:
        found = self.url_id(url, source)
        if found is None:
            return None
        timeline = self._timelines[found.family]
        return timeline.estimate(found.number)

    def gap(self, a: tuple[str, str], b: tuple[str, str]) -> Gap | None:
        """The estimated days between two articles (url, outlet name) of one family."""
        first, second = self.url_id(*a), self.url_id(*b)
        if first is None or second is None or first.family != second.family:
            return None
        return self._timelines[first.family].gap(first.number, second.number)


Anchors = Mapping[str, tuple[list[tuple[int, datetime]], float]]


def fit_timelines(
    dated: Iterable[tuple[str, str, datetime]], anchors: Anchors | None = None
) -> Timelines:
    """Each family's timeline from dated articles (url, outlet name, publication time); a
    family the library cannot calibrate (too few points, ids that do not grow) falls back on
    its default anchors (`default_anchors()` when `anchors` is None)."""
    anchors = default_anchors() if anchors is None else anchors
    points: dict[str, list[tuple[int, datetime]]] = {}
    pending: list[tuple[str, str, datetime]] = []
    for url, source, when in dated:
        found = id_in_url(url)
        if found is None:
            pending.append((url, source, when))  # relative: once the families are known
            continue
        points.setdefault(found.family, []).append((found.number, when))
    known = set(points) | set(anchors)
    for url, source, when in pending:
        found = id_in_url(url, source, known)
        if found is not None:
            points.setdefault(found.family, []).append((found.number, when))
    timelines: dict[str, Timeline] = {}
    for family in set(points) | set(anchors):
        line = Timeline.fit(points.get(family, []))
        if line is None and family in anchors:
            line = Timeline.fit(*anchors[family])
        if line is not None:
            timelines[family] = line
    return Timelines(timelines)


@lru_cache(maxsize=1)
def _anchor_data() -> dict[str, tuple[list[tuple[int, datetime]], float]]:
    text = (
        resources.files("sahelreader.related")
        .joinpath("data/url_id_anchors.json")
        .read_text("utf-8")
    )
    families: dict[str, tuple[list[tuple[int, datetime]], float]] = {}
    for family, entry in json.loads(text)["families"].items():
        points = [(int(number), datetime.fromisoformat(day)) for number, day in entry["anchors"]]
        families[family] = (points, float(entry.get("spread_days", 0.0)))
    return families


def default_anchors() -> dict[str, tuple[list[tuple[int, datetime]], float]]:
    """The shipped anchors of the few outlets whose ids are one public sequence: each
    family's points (id, day) and the spread of one article around them (days)."""
    return dict(_anchor_data())
