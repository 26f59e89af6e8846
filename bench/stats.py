"""Percentiles for the bench scripts (one definition: the p95 of every table is the same kind).

The scripts run as `python bench/NAME.py`, so this folder is on sys.path and they import it as
`stats`.
"""

from __future__ import annotations


def pct(values: list[float], p: float) -> float:
    """The p-th percentile of `values`, interpolated between the two nearest ranks; NaN for
    none."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)
