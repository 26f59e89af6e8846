"""Numbers given on the command line: whole numbers from 1 up to a bound, so that a number too
large for the work it sizes (a window of 10^8 days reaches before year 1) is a usage error
(exit 2) like 0 is, never an overflow deep inside a command."""

from __future__ import annotations

import argparse
from collections.abc import Callable

# A window of days reaches back from a day of this era: 100,000 days (over 270 years) stays
# well within Python's dates, and asks for every article of any library.
MAX_DAYS = 100_000
# A count of hits or articles: more than any library holds, within SQLite's integers.
MAX_COUNT = 1_000_000_000


def positive_int(maximum: int) -> Callable[[str], int]:
    """An argparse `type`: a whole number from 1 to `maximum`."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
        if number < 1:
            raise argparse.ArgumentTypeError("must be at least 1")
        if number > maximum:
            raise argparse.ArgumentTypeError(f"must be at most {maximum}")
        return number

    parse.__name__ = "number"  # argparse names the type in "invalid number value"
    return parse


class UsageError(Exception):
    """A command given what it cannot take, found after parsing (no query, --since after
    --until): one line on stderr and exit 2, as argparse's own usage errors."""
