"""Review 11 D16: a table (.csv/.tsv) or record file (.json/.jsonl) row whose date could not be
read was stored undated without a word; a feed's entries get one note for them all, and so do
these now."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sahelreader.ingest import read_file

from .cli_helpers import cli

ROWS = [
    (
        "Well drilling starts in Tessaoua",
        "Crews began drilling four wells near Tessaoua.",
        "05/06/2025",
    ),
    (
        "Seed fair opens in Filingué",
        "Farmers traded millet and cowpea seed at the fair.",
        "2025-06-07",
    ),
    (
        "Clinic reopens in Bouza",
        "The district clinic reopened after the rains.",
        "around midsummer",
    ),
]


def _write(path: Path, rows: list[tuple[str, str, str]]) -> None:
    records = [{"title": t, "body": b, "published": d} for t, b, d in rows]
    if path.suffix == ".csv":
        lines = ["title,body,published"] + [f'"{t}","{b}",{d}' for t, b, d in rows]
        path.write_text("\n".join(lines) + "\n", "utf-8")
    elif path.suffix == ".tsv":
        lines = ["title\tbody\tpublished"] + ["\t".join(row) for row in rows]
        path.write_text("\n".join(lines) + "\n", "utf-8")
    elif path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    else:
        path.write_text(json.dumps(records), "utf-8")


@pytest.mark.parametrize(
    ("suffix", "unit"),
    [(".csv", "rows"), (".tsv", "rows"), (".json", "records"), (".jsonl", "records")],
)
def test_rows_with_unreadable_dates_get_one_note(tmp_path: Path, suffix: str, unit: str) -> None:
    path = tmp_path / f"bulletins{suffix}"
    _write(path, ROWS)
    with read_file(path) as reading:
        drafts = list(reading)
        notes = reading.notes
    assert [d.published is None for d in drafts] == [True, False, True]
    assert notes == [
        f"2 {unit} had a date that could not be read (the first: '05/06/2025', day or month "
        f"first: no language in the {unit[:-1]} tells which): kept undated"
    ]


def test_a_phrase_is_quoted_without_the_day_or_month_reason(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    _write(path, [ROWS[2], ROWS[1]])
    with read_file(path) as reading:
        list(reading)
        assert reading.notes == [
            "1 row had a date that could not be read (the first: 'around midsummer'): kept undated"
        ]


def test_rows_without_a_date_or_with_readable_ones_say_nothing(tmp_path: Path) -> None:
    path = tmp_path / "fine.tsv"
    _write(path, [ROWS[1], (ROWS[0][0], ROWS[0][1], "")])
    with read_file(path) as reading:
        assert len(list(reading)) == 2
        assert reading.notes == []


def test_add_prints_the_note(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "desk.csv"
    _write(path, ROWS)
    result = cli(home, "add", str(path))
    assert result.returncode == 0, result.stderr
    assert "3 added" in result.stdout
    assert f"note: {path}: 2 rows had a date that could not be read" in result.stderr
