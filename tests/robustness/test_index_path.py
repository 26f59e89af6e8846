"""A file where the index folder should be is treated like a damaged index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..cli_helpers import cli


def test_a_file_at_the_index_path_is_moved_aside_and_the_index_rebuilt(home: Path) -> None:
    assert cli(home, "search", "niger", "--json").returncode == 0
    index = home / "index"
    shutil.rmtree(index)
    index.write_text("not an index")
    result = cli(home, "search", "niger", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)
    assert "not a folder" in result.stderr and "moved" in result.stderr
    assert index.is_dir()
    [aside] = list(home.glob("index.not-a-folder-*"))
    assert aside.read_text() == "not an index"


def test_a_file_at_the_index_path_on_a_new_home(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "index").write_text("")
    result = cli(home, "search", "niger", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)
    assert (home / "index").is_dir()
