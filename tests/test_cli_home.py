"""A home that cannot be used, and `--home` wherever it is written on the command line."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path

import pytest

from .cli_helpers import cli

cli_main = importlib.import_module("sahelreader.cli.main")  # the package exports main()


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
    # sqlite3's own words were "unable to open database file"
    "library.db a folder": (_a_folder_for_a_database, "library.db is a folder, not a database"),
    "library.db random bytes": (_random_bytes, "sahelreader doctor"),
}


@pytest.mark.parametrize("case", sorted(BAD_HOMES))
def test_the_reader_says_a_bad_home_in_one_line_like_any_command(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make, expected = BAD_HOMES[case]
    bad = make(tmp_path)
    # Opening the reader fails before any screen is drawn: the same line as a command's. (On a
    # terminal: off one, no command is a usage error before any home is opened.)
    monkeypatch.setattr(cli_main, "is_terminal", lambda stream: True)
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


def _article(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "harvest.txt"
    path.write_text(
        "Millet harvest rises in Tahoua\n\nFarmers near Tahoua said the millet harvest rose "
        "this season after steady rains.\n",
        "utf-8",
    )
    return path


def test_home_may_follow_the_command(tmp_path: Path) -> None:
    """`--home DIR` after the command (and after a command's own command) is the same home as
    before it; the environment's home ($SAHELREADER_HOME) is left alone."""
    elsewhere, chosen = tmp_path / "env-home", tmp_path / "chosen"
    article = _article(tmp_path / "in")
    added = cli(elsewhere, "add", str(article), "--json", "--home", str(chosen))
    assert added.returncode == 0, added.stderr
    assert (chosen / "library.db").is_file()
    assert not (elsewhere / "library.db").exists()
    found = cli(elsewhere, "search", "millet", "--home", str(chosen), "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert [hit["title"] for hit in hits] == ["Millet harvest rises in Tahoua"]
    article_id = hits[0]["id"]
    for args in (
        ("show", article_id, "--home", str(chosen)),
        ("bookmark", article_id, "--home", str(chosen)),
        ("related", article_id, "--home", str(chosen)),
        ("bookmarks", "--json", "--home", str(chosen)),
        ("feeds", "list", "--home", str(chosen)),
        ("notes", "export", "--home", str(chosen)),
        ("--home", str(chosen), "show", article_id),
    ):
        result = cli(elsewhere, *args)
        assert result.returncode == 0, (args, result.stderr)
    marks = json.loads(cli(elsewhere, "bookmarks", "--json", "--home", str(chosen)).stdout)
    assert [mark["id"] for mark in marks] == [article_id]
    assert not (elsewhere / "library.db").exists()


def test_home_after_the_command_wins_over_the_one_before(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _article(tmp_path / "in")
    cli(tmp_path / "env", "--home", str(first), "add", str(tmp_path / "in"), "--home", str(second))
    assert (second / "library.db").is_file()
    assert not (first / "library.db").exists()


@pytest.mark.parametrize(
    "command", [("add",), ("search",), ("show",), ("feeds", "add"), ("notes", "export")]
)
def test_each_command_help_lists_home(command: tuple[str, ...], tmp_path: Path) -> None:
    result = cli(tmp_path, *command, "--help")
    assert result.returncode == 0
    assert "--home DIR" in result.stdout
