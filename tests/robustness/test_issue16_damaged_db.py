"""Issue 16 item 5: a damaged `library.db`.

A file truncated to 0 bytes was silently taken for a new library (and seeded): it is now kept
aside as `library.db.damaged-<time>` and the new library is announced loudly. A corrupt file
(garbage in its header, a damaged page, nothing readable at all) left no way to get the notes
out: `sahelreader doctor` now recovers what SQLite can still read (notes and bookmarks first)
into a new library and keeps the damaged file aside; `notes export --from FILE` writes the notes
of any library file, damaged or not, as Markdown.
"""

from __future__ import annotations

import random
from pathlib import Path

from sahelreader.library import Library
from tests.conftest import draft

from ..cli_helpers import cli
from .pages import leaf_pages

NOTED = {3: "Call the governor's office.", 90: "Cross-check with ACLED.", 250: "Convoy route?"}
BOOKMARKED = (3, 120, 260)


def _library(home: Path, articles: int = 300) -> dict[int, str]:
    """Articles with notes and bookmarks on a few; their ids by number."""
    with Library.open(home, seed=False) as library:
        library.add_drafts(
            [
                draft(
                    f"Harvest report {n}",
                    f"Millet harvest number {n} in the district of Maradi. " * 12,
                    url=f"https://news.example/harvest/{n}",
                )
                for n in range(articles)
            ]
        )
        ids = {row.title: row.id for row in library.rows(library.list_ids())}
        by_number = {n: ids[f"Harvest report {n}"] for n in range(articles)}
        for n, text in NOTED.items():
            if n < articles:
                library.save_note(by_number[n], text)
        for n in BOOKMARKED:
            if n < articles:
                library.set_bookmark(by_number[n], True)
        library.ensure_index()
    return by_number


def _garble(path: Path, offset: int, length: int) -> None:
    with path.open("r+b") as file:
        file.seek(offset)
        file.write(random.Random(16).randbytes(length))


def _an_article_page(database: Path) -> tuple[int, int]:
    """(page number, page size) of a leaf page of the articles table in the middle."""
    pages, size = leaf_pages(database)
    return pages[len(pages) // 2], size


def _set_aside(home: Path) -> list[Path]:
    """The damaged library files kept aside (without the WAL kept with one)."""
    return [p for p in home.glob("library.db.damaged-*") if not p.name.endswith("-wal")]


def _notes_and_bookmarks(home: Path) -> tuple[dict[str, str], set[str]]:
    with Library.open(home, seed=False) as library:
        notes = {item.article_id: item.note for item in library.notes()}
        return notes, {article_id for article_id, _, _ in library.bookmarks()}


def test_an_empty_file_is_kept_aside_and_the_new_library_announced(home: Path) -> None:
    _library(home, articles=3)
    database = home / "library.db"
    database.write_bytes(b"")
    result = cli(home, "notes")
    assert result.returncode == 0, result.stderr
    [aside] = _set_aside(home)
    assert aside.stat().st_size == 0
    warning = [line for line in result.stderr.splitlines() if "0 bytes" in line]
    assert len(warning) == 1, result.stderr
    assert aside.name in warning[0] and "new, empty library" in warning[0]
    assert "No notes yet." in result.stdout
    # Said once: the next command opens the new library quietly, and it was not seeded.
    again = cli(home, "search", "niger", "--json")
    assert again.returncode == 0 and "0 bytes" not in again.stderr
    assert again.stdout.strip() == "[]"


def test_a_damaged_page_is_recovered_by_the_doctor(home: Path) -> None:
    ids = _library(home)
    database = home / "library.db"
    page, size = _an_article_page(database)
    _garble(database, (page - 1) * size, size)
    broken = cli(home, "search", "harvest", "--limit", "500")
    assert "Traceback" not in broken.stderr
    result = cli(home, "doctor")
    assert "Traceback" not in result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("[repaired] library database"), result.stdout
    assert "3 notes" in first and "3 bookmarks" in first and "library.db.damaged-" in first
    [aside] = _set_aside(home)
    assert aside.stat().st_size > 0
    notes, bookmarks = _notes_and_bookmarks(home)
    assert notes == {ids[n]: text for n, text in NOTED.items()}
    assert bookmarks == {ids[n] for n in BOOKMARKED}
    with Library.open(home, seed=False) as library:
        assert 250 <= library.count() < 300  # a page of articles is lost, the rest is back
        assert not library.store.integrity_problems()
    assert cli(home, "doctor").returncode == 0
    found = cli(home, "search", "harvest", "--json", "--limit", "500")
    assert found.returncode == 0 and found.stdout.count('"id"') >= 250


def test_garbage_in_the_header_says_run_the_doctor_which_recovers_all(home: Path) -> None:
    ids = _library(home, articles=40)
    database = home / "library.db"
    _garble(database, 0, 100)
    broken = cli(home, "notes")
    assert broken.returncode == 1
    [line] = broken.stderr.strip().splitlines()
    assert "damaged" in line and "sahelreader doctor" in line
    result = cli(home, "doctor")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout.startswith("[repaired] library database"), result.stdout
    notes, bookmarks = _notes_and_bookmarks(home)
    assert notes == {ids[n]: text for n, text in NOTED.items() if n < 40}
    assert bookmarks == {ids[n] for n in BOOKMARKED if n < 40}
    with Library.open(home, seed=False) as library:
        assert library.count() == 40


def test_notes_export_from_a_damaged_file(home: Path, tmp_path: Path) -> None:
    ids = _library(home)
    damaged = tmp_path / "copy-of-library.db"
    damaged.write_bytes((home / "library.db").read_bytes())
    page, size = _an_article_page(damaged)
    _garble(damaged, (page - 1) * size, size)
    before = damaged.read_bytes()
    output = tmp_path / "notes.md"
    result = cli(home, "notes", "export", "--from", str(damaged), "-o", str(output))
    assert result.returncode == 0, result.stderr
    markdown = output.read_text("utf-8")
    for n, text in NOTED.items():
        assert text in markdown and ids[n] in markdown
    assert "★ bookmarked" in markdown  # the bookmarks came through too
    assert damaged.read_bytes() == before  # the file read is never written


def test_a_file_with_nothing_readable(home: Path, tmp_path: Path) -> None:
    _library(home, articles=5)
    database = home / "library.db"
    garbage = random.Random(16).randbytes(database.stat().st_size)
    database.write_bytes(garbage)
    exported = cli(home, "notes", "export", "--from", str(database))
    assert exported.returncode == 1
    [line] = exported.stderr.strip().splitlines()
    assert "nothing could be read" in line
    result = cli(home, "doctor")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("[PROBLEM] library database") and "nothing could be read" in first
    assert "restore" in first
    [aside] = _set_aside(home)
    assert aside.read_bytes() == garbage
    assert cli(home, "notes").returncode == 0  # a new, empty library from here on
