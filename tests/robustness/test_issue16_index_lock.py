"""Issue 16 item 2: one index builder at a time across processes (`index.lock` beside `index/`).

Several sahelreaders starting on a library whose index is missing all rebuilt it into the same
`index.building` folder, deleting each other's files: note saves failed ("No such file or
directory: …/index.building/…", "This writer is closed"), and a note was not even saved, since
the index was made ready before the save. Now one process builds while the others wait (a bounded
time) and then find the index built; a note or bookmark is saved first, whatever the index does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.store.locks import FileLock
from tests.conftest import draft

from ..cli_helpers import run

ARTICLES = 200  # enough for a rebuild to take the others' time (about a second)


def _library_without_index(home: Path) -> list[str]:
    with Library.open(home, seed=False) as library:
        library.add_drafts(
            [
                draft(f"Harvest report {n}", f"Millet harvest in district {n} of Maradi. " * 20)
                for n in range(ARTICLES)
            ]
        )
        library.ensure_index()
        ids = library.list_ids()[:4]
    shutil.rmtree(home / "index")
    return ids


def _start(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "SAHELREADER_HOME": str(home), "COLUMNS": "200"}
    env.pop("SAHELREADER_DEBUG", None)
    return subprocess.Popen(
        [sys.executable, "-m", "sahelreader", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_note_writers_a_bookmark_and_a_search_on_a_missing_index(home: Path) -> None:
    ids = _library_without_index(home)
    commands = [
        ("note", ids[0], "--text", "first writer"),
        ("note", ids[1], "--text", "second writer"),
        ("note", ids[2], "--text", "third writer"),
        ("bookmark", ids[3]),
        ("search", "millet", "--json", "--limit", "500"),
    ]
    processes = [_start(home, *command) for command in commands]
    outcomes = [(p.communicate(timeout=60), p.returncode) for p in processes]
    for command, ((_out, err), status) in zip(commands, outcomes, strict=True):
        assert status == 0, f"{command}: {err}"
        assert "Traceback" not in err and "Errno" not in err and "closed" not in err, err
    assert outcomes[-1][0][0].count('"id"') == ARTICLES
    assert not (home / "index.building").exists()
    with Library.open(home, seed=False) as library:
        assert [library.note(i).body for i in ids[:3]] == [
            "first writer",
            "second writer",
            "third writer",
        ]
        assert library.get(ids[3]).bookmarked
        library.ensure_index()
        assert library.index_health().ok
        assert len(library.search("note:writer", limit=None).hits) == 3


def test_the_reader_and_a_cli_search_build_the_missing_index_once(home: Path) -> None:
    """The TUI's path (Library.ensure_index in a thread, no forking) beside a CLI search."""
    _library_without_index(home)
    with Library.open(home, seed=False) as library:
        library.parallel_builds = False
        errors: list[BaseException] = []

        def prepare() -> None:
            try:
                library.ensure_index()
            except BaseException as error:  # reported below
                errors.append(error)

        search = _start(home, "search", "millet", "--json", "--limit", "500")
        thread = threading.Thread(target=prepare, daemon=True)
        thread.start()
        out, err = search.communicate(timeout=60)
        thread.join(60)
        assert not errors, errors
        assert search.returncode == 0, err
        assert out.count('"id"') == ARTICLES
        assert library.index_health().ok
        assert len(library.search("millet", limit=None).hits) == ARTICLES


# A note save while another process holds the index lock (a builder that takes long): the note is
# saved at once, the index is left to that process, and the command ends after the bound (lowered
# here to 1 s) with a notice.
_NOTE_WHILE_LOCKED = textwrap.dedent(
    """
    import sys
    import sahelreader.library as library_module
    from sahelreader.cli import main

    library_module.INDEX_LOCK_WAIT = 1.0
    sys.exit(main(["--home", sys.argv[1], "note", sys.argv[2], "--text", "saved anyway"]))
    """
)


def test_a_note_is_saved_while_another_process_holds_the_index(home: Path) -> None:
    ids = _library_without_index(home)
    holder = FileLock(home / "index.lock")
    assert holder.acquire(timeout=0)
    try:
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-c", _NOTE_WHILE_LOCKED, str(home), ids[0]],
            capture_output=True,
            text=True,
            timeout=60,
        )
        took = time.monotonic() - started
        assert result.returncode == 0, result.stderr
        assert "note saved" in result.stdout
        assert "later" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert took < 15
        # The index was left to the lock's holder: not built by the note writer.
        assert not (home / "index").exists() or not any((home / "index").iterdir())
    finally:
        holder.release()
    with Library.open(home, seed=False) as library:
        assert library.note(ids[0]).body == "saved anyway"
        library.ensure_index()
        assert [h.id for h in library.search("note:anyway").hits] == [ids[0]]


def test_the_lock_is_one_holder_at_a_time_and_waits_a_bounded_time(tmp_path: Path) -> None:
    first, second = FileLock(tmp_path / "index.lock"), FileLock(tmp_path / "index.lock")
    assert first.acquire(timeout=0)
    started = time.monotonic()
    assert not second.acquire(timeout=0.3)
    assert 0.25 < time.monotonic() - started < 5
    first.release()
    assert second.acquire(timeout=0)
    second.release()


@pytest.mark.skipif(sys.platform == "win32", reason="a killed holder: POSIX")
def test_a_killed_holder_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "index.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from sahelreader.store.locks import FileLock\n"
            "lock = FileLock(Path(sys.argv[1]))\n"
            "assert lock.acquire(timeout=0)\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert not FileLock(path).acquire(timeout=0)
    finally:
        holder.kill()
        holder.wait()
    lock = FileLock(path)
    assert lock.acquire(timeout=2)
    lock.release()


def test_reindex_while_another_builds_says_so_in_one_line(home: Path) -> None:
    _library_without_index(home)
    holder = FileLock(home / "index.lock")
    assert holder.acquire(timeout=0)
    try:
        script = (
            "import sys\n"
            "import sahelreader.library as library_module\n"
            "from sahelreader.cli import main\n"
            "library_module.INDEX_LOCK_WAIT = 0.5\n"
            "sys.exit(main(['--home', sys.argv[1], 'reindex']))\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script, str(home)], capture_output=True, text=True, timeout=60
        )
    finally:
        holder.release()
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "another sahelreader" in line and "Traceback" not in result.stderr
    assert run(home, "reindex").returncode == 0
