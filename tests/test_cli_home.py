"""A home that cannot be used, and `--home` wherever it is written on the command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .cli_helpers import cli


def _a_file(tmp_path: Path) -> Path:
    home = tmp_path / "a-file"
    home.write_text("not a folder\n", "utf-8")
    return home


def _a_folder_for_a_database(tmp_path: Path) -> Path:
    home = tmp_path / "home-with-a-folder"
    (home / "library.db").mkdir(parents=True)
    return home


def _random_bytes(tmp_path: Path) -> Path:
    home = tmp_path / "home-with-noise"
    home.mkdir()
    (home / "library.db").write_bytes(os.urandom(5 * 1024))
    return home


BAD_HOMES = {
    "a regular file": (_a_file, "is a file, not a folder"),
    "library.db a folder": (_a_folder_for_a_database, "cannot open the library database"),
    "library.db random bytes": (_random_bytes, "sahelreader doctor"),
}


@pytest.mark.parametrize("case", sorted(BAD_HOMES))
def test_the_reader_says_a_bad_home_in_one_line_like_any_command(case: str, tmp_path: Path) -> None:
    make, expected = BAD_HOMES[case]
    bad = make(tmp_path)
    # Opening the reader fails before any screen is drawn: the same line as a command's.
    reader = cli(tmp_path, "--home", str(bad))
    command = cli(tmp_path, "--home", str(bad), "bookmarks")
    for result in (reader, command):
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("sahelreader: ")
        assert expected in lines[0]
        assert "Traceback" not in result.stderr
        assert "[Errno" not in result.stderr
    assert reader.stderr == command.stderr


def test_a_home_under_a_file_is_a_sentence(tmp_path: Path) -> None:
    bad = _a_file(tmp_path) / "inside"
    result = cli(tmp_path, "--home", str(bad), "bookmarks")
    assert result.returncode == 1
    assert f"{bad.parent} is a file, not a folder" in result.stderr
    assert "[Errno" not in result.stderr
