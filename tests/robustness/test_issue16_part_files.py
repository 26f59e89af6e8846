"""Issue 16 item 8: a `backup` or `restore` killed mid-copy left its `.part` file behind for
ever. The next start removes it: only the files sahelreader itself wrote (their names carry
the writing process's id, and the library records where they are), and never one a running
process is still writing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sahelreader.library import Library

from ..cli_helpers import cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9: POSIX")

# Runs a command whose copy stalls at the moment its `.part` file is complete but not yet
# renamed into place: the file's name is printed, then the process waits to be killed.
STALLED = textwrap.dedent(
    """
    import pathlib, sys, time
    from sahelreader.cli import main

    real = pathlib.Path.replace

    def stall(self, target):
        if self.name.endswith(".part"):
            print(self, flush=True)
            time.sleep(120)
        return real(self, target)

    pathlib.Path.replace = stall
    sys.exit(main(["--home", *sys.argv[1:]]))
    """
)


def _stalled(home: Path, *args: str) -> tuple[subprocess.Popen[str], Path]:
    process = subprocess.Popen(
        [sys.executable, "-c", STALLED, str(home), *args], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    part = Path(process.stdout.readline().strip())
    assert part.name.endswith(".part") and part.exists(), part
    return process, part


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture
def noted(home: Path) -> str:
    with Library.open(home) as library:
        [article_id] = library.list_ids()
        library.save_note(article_id, "Keep this note.")
    return article_id


def test_a_killed_backup_leaves_no_part_file(home: Path, tmp_path: Path, noted: str) -> None:
    target = tmp_path / "backups" / "sahel.db"
    target.parent.mkdir()  # backup makes no folder
    process, part = _stalled(home, "backup", str(target))
    _kill(process)
    assert part.exists() and part.parent == target.parent
    result = cli(home, "notes")
    assert result.returncode == 0, result.stderr
    assert not part.exists()
    assert not target.exists()
    assert part.name in result.stderr  # said once, as a notice
    assert part.name not in cli(home, "notes").stderr


def test_a_killed_restore_leaves_no_part_file(home: Path, tmp_path: Path, noted: str) -> None:
    backup = tmp_path / "backup.db"
    assert cli(home, "backup", str(backup)).returncode == 0
    process, part = _stalled(home, "restore", str(backup))
    _kill(process)
    assert part.exists() and part.parent == home
    result = cli(home, "note", noted)
    assert result.returncode == 0, result.stderr
    assert "Keep this note." in result.stdout
    assert not part.exists()
    assert not list(home.glob("*.part"))


def test_a_part_file_being_written_or_not_ours_is_left_alone(
    home: Path, tmp_path: Path, noted: str
) -> None:
    target = tmp_path / "sahel.db"
    process, part = _stalled(home, "backup", str(target))
    strangers = [home / "library-before-restore-x.db.part", home / "notes.md.part"]
    strangers += [tmp_path / f"sahel.db.{os.getpid()}.part"]
    for stranger in strangers:
        stranger.write_text("someone else's")
    try:
        assert cli(home, "notes").returncode == 0
        assert part.exists()  # its writer is alive
    finally:
        _kill(process)
    assert cli(home, "notes").returncode == 0
    assert not part.exists()
    assert all(stranger.exists() for stranger in strangers)
