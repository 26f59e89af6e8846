"""Changes left waiting for the index (an import killed before it indexed) are announced before
the next command catches them up, and a change saved by `note` does not wait on another
process's long index job.

User trial: after a SIGKILL mid `add`, the next `search` took 16-49 s indexing thousands of
changes with only a blank line on stderr (rich's transient bar, drawn in a pipe, ends with one).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from sahelreader.library import Library
from sahelreader.store.locks import FileLock
from tests.conftest import draft

from .cli_helpers import cli

WAITING = 260


def _library_with_changes_left_waiting(home: Path) -> None:
    """An indexed library, then articles stored and queued but not indexed: what an import
    killed between storing and indexing leaves."""
    with Library.open(home, seed=False) as library:
        library.add_drafts([draft("Well dug in Tillabéri", "A village well was dug.")])
        assert library.ensure_index()
        library.add_drafts(
            [
                draft(f"Cattle market {n}", f"Herders sold camels at the Abalak market, week {n}.")
                for n in range(WAITING)
            ]
        )
        assert library.store.pending_count() == WAITING


def test_search_says_it_indexes_the_changes_left_waiting(home: Path) -> None:
    _library_with_changes_left_waiting(home)
    result = cli(home, "search", "camels", "--json", "--limit", "1000")
    assert result.returncode == 0, result.stderr
    assert f"notice: indexing {WAITING} changes left waiting (an interrupted import?)" in (
        result.stderr
    ), result.stderr
    # Every line of stderr says something: no empty line left by a bar it could not draw.
    assert all(line.strip() for line in result.stderr.splitlines()), repr(result.stderr)
    hits = json.loads(result.stdout)
    assert len(hits) == WAITING
    with Library.open(home, seed=False) as library:
        assert library.store.pending_count() == 0
        assert library.index_health().ok


def test_a_few_changes_waiting_are_caught_up_without_a_word(home: Path) -> None:
    with Library.open(home, seed=False) as library:
        library.add_drafts([draft("Well dug in Tillabéri", "A village well was dug.")])
        assert library.ensure_index()
        library.add_drafts([draft("Rain in Zinder", "The first rain fell in Zinder.")])
    result = cli(home, "search", "rain", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert [hit["title"] for hit in json.loads(result.stdout)] == ["Rain in Zinder"]


def test_the_add_that_made_the_changes_does_not_call_them_left_waiting(
    home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "dispatches"
    folder.mkdir()
    for n in range(WAITING):
        (folder / f"d{n}.txt").write_text(
            f"Grain prices in Mopti, week {n}\n\nSorghum sold for more this week.", "utf-8"
        )
    result = cli(home, "add", str(folder))
    assert result.returncode == 0, result.stderr
    assert "left waiting" not in result.stderr
    assert all(line.strip() for line in result.stderr.splitlines()), repr(result.stderr)


def test_a_note_save_does_not_wait_on_another_process_s_long_index_job(home: Path) -> None:
    _library_with_changes_left_waiting(home)
    with Library.open(home, seed=False) as library:
        article = library.list_ids()[0]
    holder = FileLock(home / "index.lock")  # another process's rebuild, as the system sees it
    assert holder.acquire(timeout=0)
    try:
        started = time.monotonic()
        result = cli(home, "note", article, "--text", "asked the herders about prices")
        took = time.monotonic() - started
    finally:
        holder.release()
    assert result.returncode == 0, result.stderr
    assert "note saved" in result.stdout
    assert "later" in result.stderr, result.stderr
    assert took < 10, took  # not the 30 s a search waits
    searched = cli(home, "search", "note:herders", "--json")
    assert [hit["id"] for hit in json.loads(searched.stdout)] == [article]
