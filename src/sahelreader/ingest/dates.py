"""Read the publication dates that files, feeds and pages write in many shapes."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from sahelreader.text.timeutil import AHEAD_ALLOWANCE

__all__ = [
    "AHEAD_ALLOWANCE",
    "ambiguous_numeric",
    "beyond_today",
    "date_in_url",
    "day_first_for",
    "numeric_order",
    "parse_date",
    "published_or_url_day",
]

_UTC = timezone.utc
_MIN_YEAR = 1900
_MAX_YEAR = 2200

# RFC 822 names, plus a few unambiguous ones seen in African and European feeds. "IST" (India,
# Ireland, Israel) and other ambiguous names are left out: an unknown zone gives a naive time.
_ZONE_HOURS: dict[str, float] = {
    "Z": 0,
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "WET": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "WAT": 1,
    "CET": 1,
    "BST": 1,
    "WEST": 1,
    "CEST": 2,
    "CAT": 2,
    "EET": 2,
    "SAST": 2,
    "EEST": 3,
    "EAT": 3,
    "MSK": 3,
    "HKT": 8,
    "SGT": 8,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
}

# English, French, Portuguese, Spanish, Italian, German and Dutch names and the short forms
# feeds write ("Set" is Portuguese and Italian September, "Dez" Portuguese and German December);
# no short form means one month in one language and another in a second.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan january janv janvier janeiro ene enero gen gennaio januar jän jänner januari",
        "feb february fev fév fevr févr fevrier février fevereiro febrero febbraio februar"
        " februari",
        "mar march mars março marco marzo mär märz maerz maart mrt",
        "apr april avr avril abr abril aprile",
        "may mai maio mayo mag maggio mei",
        "jun june juin junho junio giu giugno juni",
        "jul july juil juillet julho julio lug luglio juli",
        "aug august aou aoû aout août ago agosto augustus",
        "sep sept september septembre set setembro septiembre setiembre settembre",
        "oct october octobre out outubro octubre ott ottobre okt oktober",
        "nov november novembre novembro noviembre",
        "dec december déc decembre décembre dez dezembro dic diciembre dicembre dezember",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_ISO = re.compile(
    r"""
    (?P<year>\d{4}) -? (?P<month>\d{2}) -? (?P<day>\d{2})
    (?: (?:T|\s+) (?P<hour>\d{2}) :? (?P<minute>\d{2})
        (?: :? (?P<second>\d{2}) (?: [.,] (?P<fraction>\d+) )? )?
    )?
    \s* (?P<zone> Z | UTC | GMT | [+-]\d{2}(?::?\d{2})? )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "at 10:30", "à 10h30", "às 14h04", "a las 14:04", "alle 14:04", "um 14:04 Uhr", "- 14:04"
_TIME_AND_ZONE = r"""
    (?: ,? \s+ (?: (?:at|à|às|as|a\s+las|alle|ore|um|om|-) \s+ )?
        (?P<hour>\d{1,2}) [:h] (?P<minute>\d{2}) (?: :(?P<second>\d{2}) )? (?: \s* Uhr )? )?
    (?: \s* (?P<zone> [+-]\d{2}:?\d{2} | [A-Za-z]{1,5} ) )?
"""
# A day's name in front: "Wed,", "Qua,", "quarta-feira,", "Mittwoch,", "mer."
_DAY_NAME = r"(?: [^\W\d_]+ (?:-[^\W\d_]+)? \.? ,? \s+ )?"
# "Wed, 28 May 2025 14:04:50 +0000" (RFC 822) and "mardi 26 mars 2024", "1er mars 2024 à 10h30",
# "Qua, 28 Mai 2025", "28 de maio de 2025", "miércoles 28 de mayo del 2025", "28. Mai 2025"
_DAY_MONTH_YEAR = re.compile(
    _DAY_NAME + r"(?P<day>\d{1,2}) (?:st|nd|rd|th|er|º|°)? \.? \s+ (?:de \s+)?"
    r"(?P<month>[^\W\d_]+) \.? ,? \s+ (?:del? \s+)? (?P<year>\d{4}|\d{2})" + _TIME_AND_ZONE,
    re.VERBOSE | re.IGNORECASE,
)
# "March 26, 2024", "Tuesday, Mar. 26 2024 10:00 EST"
_MONTH_DAY_YEAR = re.compile(
    r"(?: [^\W\d_]+ , \s* )? (?P<month>[^\W\d_]+) \.? \s+ (?P<day>\d{1,2}) (?:st|nd|rd|th)? ,? \s+"
    r"(?P<year>\d{4})" + _TIME_AND_ZONE,
    re.VERBOSE | re.IGNORECASE,
)
# "27/05/2025", "27.05.2025 14:04", "05-27-2025": day and month in an order the text alone
# may not tell (see parse_date)
_NUMERIC = re.compile(
    _DAY_NAME
    + r"(?P<first>\d{1,2}) (?P<sep>[/.-]) (?P<second_part>\d{1,2}) (?P=sep) (?P<year>\d{4})"
    + _TIME_AND_ZONE,
    re.VERBOSE | re.IGNORECASE,
)
# "2025/05/27", "2025.5.27": year first is always year, month, day
_YEAR_FIRST = re.compile(
    r"(?P<year>\d{4}) (?P<sep>[/.]) (?P<month>\d{1,2}) (?P=sep) (?P<day>\d{1,2})" + _TIME_AND_ZONE,
    re.VERBOSE | re.IGNORECASE,
)
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")

# Languages whose numeric dates put the year first (2025/05/27, 2025. 05. 27.), and English,
# written day first in Britain, Ireland, Africa and India but month first in the United States:
# for these a language says nothing about "03/04/2025". Every other language writes day first.
_NOT_DAY_FIRST = frozenset({"en", "zh", "ja", "ko", "hu", "lt", "mn"})


def day_first_for(language: str) -> bool | None:
    """Whether numeric dates in text of this language put the day first ("27/05/2025"): True
    for French, Spanish, Portuguese, German, Hausa and most others; None when the language does
    not say (English, year-first languages, no language)."""
    primary, _, region = language.strip().lower().replace("_", "-").partition("-")
    if not primary.isalpha():
        return None
    if primary == "en" and region[:2].isalpha():  # "en-GB", "en-NG": day first; "en-US" not
        return region[:2] != "us"
    return None if primary in _NOT_DAY_FIRST else True


def ambiguous_numeric(text: str) -> bool:
    """Whether the text is a numeric date that reads as two different days ("03/04/2025")."""
    match = _NUMERIC.fullmatch(text.strip())
    if match is None:
        return False
    first, second = int(match["first"]), int(match["second_part"])
    return first != second and first <= 12 and second <= 12


def numeric_order(values: Iterable[object]) -> bool | None:
    """The order a set of dates from one writer (a feed's entries) shows its numeric dates in:
    True (day first) when one of them can only be day first ("27/05/2025"), False when one
    can only be month first ("05/27/2025"), None when none tells, or they disagree."""
    seen: set[bool] = set()
    for value in values:
        if not isinstance(value, str):
            continue
        match = _NUMERIC.fullmatch(value.strip())
        if match is None:
            continue
        first, second = int(match["first"]), int(match["second_part"])
        if first > 12 >= second:
            seen.add(True)
        elif second > 12 >= first:
            seen.add(False)
    return next(iter(seen)) if len(seen) == 1 else None


def parse_date(value: object, *, day_first: bool | None = None) -> datetime | None:
    """Read a publication date: ISO 8601, RFC 822 (RSS ``pubDate``), "26 March 2024",
    "26 mars 2024", "Qua, 28 Mai 2025", "28 de mayo de 2025", "28. Mai 2025" (month names in
    English, French, Portuguese, Spanish, Italian, German and Dutch), numeric dates
    ("27/05/2025", "2025/05/27"), a Unix timestamp (seconds or milliseconds, number or
    string), or a ``datetime``/``date``.

    ``day_first`` says how to read a numeric date whose day and month could be either: True
    (the writer's language puts the day first, see :func:`day_first_for`), False (month first,
    as in the United States). Left None, only a date that can be read one way is read: "27/05"
    is 27 May, "05/27" is 27 May, "03/04/2025" gives None: guessing would put an article a
    month or more out without anyone knowing, and an undated article is at least said (a feed
    refresh notes the dates it could not read).

    With a known zone the result is timezone-aware, in UTC. Without one it is naive (the
    wall-clock time as written); a date alone gives a naive midnight. Anything unreadable, or
    outside the years 1900-2200, gives None. An 8-digit number is read as YYYYMMDD when it is
    a valid date, since no news is dated August 1970.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return _in_range(value)
        try:
            return _in_range(value.astimezone(_UTC))
        except (ValueError, OverflowError):  # year 1 east of UTC, year 9999 west of it
            return None
    if isinstance(value, date):
        return _in_range(datetime(value.year, value.month, value.day))
    if isinstance(value, (int, float)):
        return _from_number(value)
    if isinstance(value, str):
        return _from_text(value.strip(), day_first)
    return None


# The day a page's url says it was published: "/2024/04/12/", "/2024/apr/12/" (a path of
# folders), "/202404/12/" (a year-and-month folder, then the day's: "/a/201712/11/"),
# "/20240412-", "-2024-04-12/" (a segment, or a slug's end). Digits run into other digits
# ("/63788437", "/2019120/3/") are an id, not a date. A slug may also end in its day month
# first with a two-digit year ("/live-news/storm-updates-04-03-23/": 3 April 2023), as US
# outlets' live pages write it (review 13 D8): only after a word, at the slug's end.
_URL_FOLDERS = re.compile(
    r"/(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2}|[a-z]{3,9})/(?P<day>\d{1,2})(?=/|$|[-_.])",
    re.IGNORECASE,
)
_URL_MONTH_FOLDER = re.compile(
    r"/(?P<year>(?:19|20)\d{2})(?P<month>\d{2})/(?P<day>\d{1,2})(?=/|$|[-_.])"
)
_URL_STAMP = re.compile(
    r"(?<![\w])(?P<year>(?:19|20)\d{2})(?P<sep>-?)(?P<month>\d{2})(?P=sep)(?P<day>\d{2})(?![\d])"
)


_URL_SLUG_MONTH_DAY_YY = re.compile(
    r"[a-z]-(?P<month>\d{2})-(?P<day>\d{2})-(?P<year>\d{2})(?=/|$)", re.IGNORECASE
)


def date_in_url(url: str, latest: datetime | None = None) -> datetime | None:
    """The publication day a url writes in its path, as a date alone (a naive midnight), or
    None: many outlets put it there ("/2024/04/12/slug", "/world/2024/apr/12/slug",
    "/a/202404/12/slug", "/afrique/20240412-slug", "/slug-2024-04-12/",
    "/live-news/slug-04-12-24/"). A day after ``latest`` (default: today, UTC, plus a day for
    time zones) is no publication day."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "") or not parts.path:
        return None
    path = parts.path
    found = (
        _URL_FOLDERS.search(path)
        or _URL_MONTH_FOLDER.search(path)
        or _URL_STAMP.search(path)
        or _URL_SLUG_MONTH_DAY_YY.search(path)
    )
    if found is None:
        return None
    year = int(found.group("year"))
    year += 2000 if year < 100 else 0
    month_text = found.group("month").casefold()
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
    if month is None:
        return None
    day = _build(year, month, int(found.group("day")))
    limit = latest or datetime.now(_UTC).replace(tzinfo=None) + timedelta(days=1)
    return day if day is not None and day <= limit else None


def beyond_today(moment: datetime, now: datetime | None = None) -> bool:
    """Whether a publication date is more than AHEAD_ALLOWANCE after `now` (default: the time of
    the call). A naive date is read as UTC wall-clock time, which the allowance covers."""
    reference = now or datetime.now(_UTC)
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=_UTC)
    when = moment if moment.tzinfo is not None else moment.replace(tzinfo=_UTC)
    return when > reference + AHEAD_ALLOWANCE


# A date of change or of fetching more than this many days after the day the url writes is
# no publication date: the url's day is (review 12: a 2017 China Daily page, scraped in 2025).
CHANGED_AFTER_URL_DAYS = 2


def published_or_url_day(changed: datetime, url: str) -> datetime:
    """The publication date of a record that gives only when it was changed or fetched
    (``updated``, ``modified``, ``timestamp``...): that time, unless the url writes a day more
    than CHANGED_AFTER_URL_DAYS before it, the day the page was published (a date alone)."""
    day = date_in_url(url)
    if day is None or (changed.date() - day.date()).days <= CHANGED_AFTER_URL_DAYS:
        return changed
    return day


def _from_text(text: str, day_first: bool | None = None) -> datetime | None:
    if not text or len(text) > 100:
        return None
    if _NUMBER.fullmatch(text):
        return _from_number(float(text) if "." in text else int(text))
    for pattern, reader in (
        (_ISO, _from_iso),
        (_DAY_MONTH_YEAR, _from_words),
        (_MONTH_DAY_YEAR, _from_words),
        (_YEAR_FIRST, _from_iso),
    ):
        match = pattern.fullmatch(text)
        if match:
            return reader(match)
    match = _NUMERIC.fullmatch(text)
    return _from_numeric(match, day_first) if match else None


def _from_numeric(match: re.Match[str], day_first: bool | None) -> datetime | None:
    first, second = int(match["first"]), int(match["second_part"])
    if first > 12 >= second:  # only one reading is a date, whatever the writer's habit
        day_first = True
    elif second > 12 >= first:
        day_first = False
    elif day_first is None and first != second:
        return None  # "03/04/2025": 3 April or March 4
    day, month = (first, second) if day_first in (True, None) else (second, first)
    return _build(
        int(match["year"]),
        month,
        day,
        int(match["hour"] or 0),
        int(match["minute"] or 0),
        int(match["second"] or 0),
        0,
        _zone_offset(match["zone"]),
    )


# 9999-12-31T23:59:59 and 10000-01-01 in Unix seconds (read as milliseconds they were 1978).
_NO_DATE_SECONDS = frozenset({253_402_300_799, 253_402_300_800})


def _from_number(number: float) -> datetime | None:
    if not math.isfinite(number):
        return None
    if isinstance(number, int) and 10_000_000 <= number <= 99_999_999:
        compact = _build(number // 10_000, number // 100 % 100, number % 100)
        if compact is not None:
            return compact
    if number in _NO_DATE_SECONDS or number / 1000 in _NO_DATE_SECONDS:
        return None  # the end of the calendar: exporters' way of writing "no date"
    if abs(number) >= 100_000_000_000:  # later than the year 5138 in seconds: milliseconds
        number /= 1000
    try:
        moment = datetime(1970, 1, 1, tzinfo=_UTC) + timedelta(seconds=number)
    except OverflowError:
        return None
    return _in_range(moment)


def _from_iso(match: re.Match[str]) -> datetime | None:
    fraction = match.groupdict().get("fraction") or ""
    return _build(
        int(match["year"]),
        int(match["month"]),
        int(match["day"]),
        int(match["hour"] or 0),
        int(match["minute"] or 0),
        int(match["second"] or 0),
        int(fraction[:6].ljust(6, "0")) if fraction else 0,
        _zone_offset(match["zone"]),
    )


def _from_words(match: re.Match[str]) -> datetime | None:
    month = _MONTHS.get(match["month"].lower())
    if month is None:
        return None
    year = int(match["year"])
    if len(match["year"]) == 2:  # RFC 2822's rule for old two-digit years
        year += 2000 if year < 50 else 1900
    return _build(
        year,
        month,
        int(match["day"]),
        int(match["hour"] or 0),
        int(match["minute"] or 0),
        int(match["second"] or 0),
        0,
        _zone_offset(match["zone"]),
    )


def _zone_offset(zone: str | None) -> timedelta | None:
    """The zone's offset from UTC, or None when no zone is given or it is unknown. RFC 2822
    spells "zone unknown" as -0000."""
    if not zone:
        return None
    named = _ZONE_HOURS.get(zone.upper())
    if named is not None:
        return timedelta(hours=named)
    if zone[0] not in "+-" or zone == "-0000" or zone == "-00:00" or zone == "-00":
        return None
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        return None
    offset = timedelta(hours=hours, minutes=minutes)
    return -offset if zone[0] == "-" else offset


def _build(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    microsecond: int = 0,
    offset: timedelta | None = None,
) -> datetime | None:
    second = min(second, 59)  # a leap second
    try:
        if offset is None:
            return _in_range(datetime(year, month, day, hour, minute, second, microsecond))
        moment = datetime(year, month, day, hour, minute, second, microsecond, timezone(offset))
        moment = moment.astimezone(_UTC)  # out of range for year 1 east of UTC, 9999 west
    except (ValueError, OverflowError):
        return None
    return _in_range(moment)


def _in_range(moment: datetime) -> datetime | None:
    return moment if _MIN_YEAR <= moment.year <= _MAX_YEAR else None
