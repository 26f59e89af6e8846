"""Datetimes in the store are ISO 8601 strings in UTC; these convert both ways."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

# How far after the time of import a publication date may be: time zones, and papers that date
# their site's edition tomorrow. Later than that, a date is a typo or a placeholder ("2099-01-01")
# and no publication date (import drops it; `trend` leaves such days out of its periods).
AHEAD_ALLOWANCE = timedelta(days=2)


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def to_utc(value: datetime) -> datetime:
    # A naive datetime from an importer means "the zone was not given": treat it as UTC.
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def to_iso(value: datetime | None) -> str | None:
    return None if value is None else to_utc(value).isoformat()


def from_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return to_utc(datetime.fromisoformat(value))
    except ValueError:
        return None


def short_date(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""
