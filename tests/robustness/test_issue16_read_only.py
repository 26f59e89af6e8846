"""Issue 16 item 4: a read-only home. Reading, searching and exporting work, with one notice;
each write fails with one clear line.

The home is made read-only for real: with `chmod` for an ordinary user; as root, for whom file
modes do not count, by a read-only bind mount of the home in a mount namespace of its own
(`unshare -m`, the command's process only). Where neither is possible the process tests skip;
the in-process ones open the library with `read_only=True` (what a read-only home is detected
as), which needs no privilege.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sahelreader.library import Library, StoreError
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays

from ..cli_helpers import _environment
from ..tui_helpers import settle

RunReadOnly = Callable[..., subprocess.CompletedProcess[str]]


def _can_bind_read_only(folder: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", _MOUNT + ' && ! touch "$0/probe" 2>/dev/null', folder],
        capture_output=True,
        timeout=30,
    )
    return probe.returncode == 0 and not (folder / "probe").exists()


_MOUNT = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0"'


def _modes(home: Path, writable: bool) -> None:
    for folder, _dirs, files in os.walk(home):
        for name in files:
            path = Path(folder, name)
            mode = path.stat().st_mode
            path.chmod(mode | stat.S_IWUSR if writable else mode & ~0o222)
        mode = Path(folder).stat().st_mode
        Path(folder).chmod(mode | stat.S_IWUSR if writable else mode & ~0o222)


@pytest.fixture
def read_only(home: Path) -> Iterator[RunReadOnly]:
    """`read_only(*args)` runs `sahelreader ARGS` as a process that cannot write in `home`."""
    if sys.platform == "win32":
        pytest.skip("POSIX file modes and mounts")
    as_root = os.geteuid() == 0
    home.mkdir(parents=True, exist_ok=True)
    if as_root and not _can_bind_read_only(home):
        pytest.skip("running as root without the right to mount: no way to make home read-only")

    def run_read_only(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "sahelreader", *args]
        if as_root:
            command = ["unshare", "-m", "sh", "-c", _MOUNT + ' && shift && exec "$@"', str(home)]
            command += ["--", sys.executable, "-m", "sahelreader", *args]
        else:
            _modes(home, writable=False)
        try:
            return subprocess.run(
                command, capture_output=True, text=True, env=_environment(home), timeout=120
            )
        finally:
            if not as_root:
                _modes(home, writable=True)

    yield run_read_only


def _prepared(home: Path, index: bool = True) -> str:
    """A library with the seed article, a note and a bookmark on it; its id."""
    with Library.open(home) as library:
        [article_id] = library.list_ids()
        library.save_note(article_id, "Ask the ministry about the *convoy*.")
        library.set_bookmark(article_id, True)
        library.ensure_index()
    if not index:
        shutil.rmtree(home / "index")
    return article_id


def _one_notice(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if "read-only" in line]
    assert len(lines) == 1, stderr
    assert "changes are not saved" in lines[0]
    assert "Traceback" not in stderr


def test_reading_searching_and_exporting_work(home: Path, read_only: RunReadOnly) -> None:
    article_id = _prepared(home)
    found = read_only("search", "niger", "--json")
    assert found.returncode == 0, found.stderr
    assert [hit["id"] for hit in json.loads(found.stdout)] == [article_id]
    _one_notice(found.stderr)
    for args, expected in (
        (("show", article_id), "id " + article_id),
        (("note", article_id), "Ask the ministry"),
        (("notes",), article_id),
        (("notes", "export"), "Ask the ministry about the *convoy*."),
        (("notes", "export", "--query", "niger"), "Ask the ministry"),
        (("bookmarks",), article_id),
        (("entities", article_id), "Niger"),
    ):
        result = read_only(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert expected in result.stdout, (args, result.stdout)
        _one_notice(result.stderr)


def test_searching_without_an_index_builds_one_for_the_session(
    home: Path, read_only: RunReadOnly
) -> None:
    article_id = _prepared(home, index=False)
    found = read_only("search", "niger", "--json")
    assert found.returncode == 0, found.stderr
    assert [hit["id"] for hit in json.loads(found.stdout)] == [article_id]
    assert "Traceback" not in found.stderr
    assert not (home / "index").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("note", "{id}", "--text", "a new note"),
        ("bookmark", "{id}"),
        ("unbookmark", "{id}"),
        ("remove", "{id}", "--force"),
        ("add", "{file}"),
    ],
)
def test_writes_fail_with_one_clear_line(
    home: Path, tmp_path: Path, read_only: RunReadOnly, args: tuple[str, ...]
) -> None:
    article_id = _prepared(home)
    new = tmp_path / "new.txt"
    new.write_text("Rains in Maradi\n\nThe first rains reached Maradi on Monday.\n", "utf-8")
    result = read_only(*(arg.format(id=article_id, file=new) for arg in args))
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("sahelreader:")]
    assert len(errors) == 1, result.stderr
    assert "read-only" in errors[0] and "not saved" in errors[0], errors[0]
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    with Library.open(home) as library:
        assert library.note(article_id).body == "Ask the ministry about the *convoy*."
        assert library.get(article_id).bookmarked


def test_a_read_only_library_in_process(home: Path) -> None:
    article_id = _prepared(home)
    with Library.open(home, read_only=True) as library:
        assert library.read_only
        assert [n for n in library.notices if "read-only" in n]
        assert [hit.id for hit in library.search("niger").hits] == [article_id]
        library.opened(article_id)  # reading state is not kept, and says nothing
        with pytest.raises(StoreError, match="read-only"):
            library.save_note(article_id, "changed")
        with pytest.raises(StoreError, match="read-only"):
            library.set_bookmark(article_id, False)
    with Library.open(home) as library:
        assert not library.get(article_id).read


async def test_the_reader_says_the_library_is_read_only(home: Path) -> None:
    _prepared(home)
    app = make_app(library=Library.open(home, read_only=True), delays=Delays.none())
    async with app.run_test() as pilot:
        await settle(app, pilot)
        shown = [n.message for n in app._notifications]
        assert [m for m in shown if "read-only" in m and "not saved" in m], shown
        assert "read-only" in app.sub_title
        await pilot.press("enter")  # opening an article (read state not kept) works
        await settle(app, pilot)
        assert app.main.article is not None
    app.library.close()


def test_no_library_in_a_read_only_folder_is_one_clear_line(
    home: Path, read_only: RunReadOnly
) -> None:
    result = read_only("notes")
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "read-only" in line and "Traceback" not in result.stderr
