"""Review 13 D5: a table or record file whose links are relative ("/news/world-123") and that
names no site to resolve them against stored its rows without a link and said nothing. One
note per file now counts them; rows whose outlet is known still get a full link."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from sahelreader.ingest import read_file

from .cli_helpers import cli

ROWS = [
    (
        "Borehole repaired in Maradi",
        "Engineers repaired the village borehole.",
        "/local/maradi-4411",
    ),
    ("Bus service resumes to Zinder", "The coach line restarted on Monday.", "/transport/zinder-9"),
    (
        "Teachers paid arrears in Tahoua",
        "Back pay reached the schools.",
        "https://x.example.net/t-1",
    ),
]


def _write(path: Path, rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> None:
    if path.suffix == ".tsv":
        lines = ["\t".join(header)] + ["\t".join(row) for row in rows]
        path.write_text("\n".join(lines) + "\n", "utf-8")
    elif path.suffix == ".csv":
        lines = [",".join(header)] + [",".join(f'"{cell}"' for cell in row) for row in rows]
        path.write_text("\n".join(lines) + "\n", "utf-8")
    else:
        records = [dict(zip(header, row, strict=True)) for row in rows]
        if path.suffix == ".jsonl":
            path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        else:
            path.write_text(json.dumps(records), "utf-8")


@pytest.mark.parametrize(
    ("suffix", "unit"),
    [(".csv", "rows"), (".tsv", "rows"), (".json", "records"), (".jsonl", "records")],
)
def test_unresolvable_relative_links_get_one_note(tmp_path: Path, suffix: str, unit: str) -> None:
    path = tmp_path / f"desk{suffix}"
    _write(path, ROWS, ("headline", "content", "link"))
    with read_file(path) as reading:
        drafts = list(reading)
        notes = reading.notes
    assert [d.url for d in drafts] == ["", "", "https://x.example.net/t-1"]
    assert notes == [
        f"2 {unit} had a relative link and no site to resolve it against "
        "(the first: '/local/maradi-4411'): stored without a link"
    ]


def test_a_known_site_resolves_them_and_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sited.tsv"
    rows = [(*row, "radio.example.org") for row in ROWS]
    _write(path, rows, ("headline", "content", "link", "site"))
    with read_file(path) as reading:
        drafts = list(reading)
        assert reading.notes == []
    assert drafts[0].url == "https://radio.example.org/local/maradi-4411"


def test_a_known_outlet_in_the_source_column_resolves_them(tmp_path: Path) -> None:
    name = "France 24"  # a bundled outlet, whose home page is known
    path = tmp_path / "outlet.csv"
    rows = [(*row, name) for row in ROWS[:2]]
    _write(path, rows, ("headline", "content", "link", "source"))
    with read_file(path) as reading:
        drafts = list(reading)
        assert reading.notes == []
    assert [d.url for d in drafts] == [
        "https://www.france24.com/local/maradi-4411",
        "https://www.france24.com/transport/zinder-9",
    ]


def test_add_prints_the_note_once(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "wire.tsv"
    _write(path, ROWS, ("title", "text", "url"))
    result = cli(home, "add", str(path))
    assert result.returncode == 0, result.stderr
    assert "3 added" in result.stdout
    assert result.stderr.count("relative link") == 1, result.stderr
    assert f"note: {path}: 2 rows had a relative link and no site" in result.stderr
