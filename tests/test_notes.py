"""Bookmarks and notes: the user's own words survive everything."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.store.database import Store
from sahelreader.store.schema import MIGRATIONS, SCHEMA_VERSION

from .conftest import CORPUS


def first_id(library: Library, title_word: str) -> str:
    return next(i for i in library.list_ids() if title_word in library.get(i).title)


def test_bookmarks_toggle_and_list_newest_first(corpus_library: Library) -> None:
    a = first_id(corpus_library, "Niamey")
    b = first_id(corpus_library, "uranium")
    assert corpus_library.toggle_bookmark(a) is True
    assert corpus_library.set_bookmark(b, True)
    assert not corpus_library.set_bookmark(b, True)  # already
    assert [i for i, _, _ in corpus_library.bookmarks()] == [b, a]
    assert corpus_library.get(a).bookmarked
    assert corpus_library.toggle_bookmark(a) is False
    assert [i for i, _, _ in corpus_library.bookmarks()] == [b]
    assert corpus_library.list_ids("bookmarked") == [b]


def test_notes_save_update_delete_with_revisions(corpus_library: Library) -> None:
    article_id = first_id(corpus_library, "Niamey")
    first = corpus_library.save_note(article_id, "First thought.")
    assert first.revision == 1 and not first.conflict
    second = corpus_library.save_note(article_id, "Second thought.", based_on=1)
    assert second.revision == 2
    record = corpus_library.note(article_id)
    assert record is not None and record.body == "Second thought." and record.revision == 2
    assert record.created is not None and record.updated is not None
    assert corpus_library.get(article_id).note == "Second thought."
    assert corpus_library.list_ids("noted") == [article_id]
    deleted = corpus_library.save_note(article_id, "   ")
    assert deleted.revision == 0 and corpus_library.note(article_id) is None
    # Even a deliberate deletion keeps the last text.
    assert corpus_library.store.note_versions(article_id)[0][0] == "Second thought."


def test_two_instances_never_overwrite_each_other_silently(corpus_library: Library) -> None:
    article_id = first_id(corpus_library, "Niamey")
    corpus_library.save_note(article_id, "Written in window A.")
    other = Library.open(corpus_library.locations.database.parent, seed=False)
    # Window B loads revision 1 and saves; window A, still on revision 1, saves after it.
    assert other.save_note(article_id, "Written in window B.", based_on=1).revision == 2
    result = corpus_library.save_note(article_id, "Window A again.", based_on=1)
    assert result.conflict
    assert corpus_library.note(article_id).body == "Window A again."  # type: ignore[union-attr]
    kept = [body for body, _ in corpus_library.store.note_versions(article_id)]
    assert "Written in window B." in kept
    other.close()


def test_notes_are_searchable_by_field_and_in_plain_queries(corpus_library: Library) -> None:
    article_id = first_id(corpus_library, "Niamey")
    corpus_library.save_note(article_id, "Follow up: sanctions on the junta's suppliers.")
    corpus_library.sync_index()
    assert [h.id for h in corpus_library.search("note:sanctions").hits] == [article_id]
    hits = {h.id: h for h in corpus_library.search("suppliers").hits}
    assert hits[article_id].matched_in == ["note"]
    assert "suppliers" in hits[article_id].snippet


def test_notes_and_bookmarks_survive_reindex_deleted_index_and_reimport(
    corpus_library: Library,
) -> None:
    article_id = first_id(corpus_library, "uranium")
    corpus_library.save_note(article_id, "Arlit mine: check the contract terms.")
    corpus_library.set_bookmark(article_id, True)
    corpus_library.rebuild_index()
    import shutil

    corpus_library.index.close()
    shutil.rmtree(corpus_library.locations.index)
    corpus_library.ensure_index()
    assert [h.id for h in corpus_library.search("note:contract").hits] == [article_id]
    # Remove the article (user data kept without --force) and import it again.
    assert corpus_library.remove([article_id]).kept == [article_id]
    corpus_library.store.remove([article_id], with_user_data=False)
    assert corpus_library.store.orphaned_user_data() == 2
    corpus_library.add_drafts([c for c in CORPUS if "uranium" in c.title])
    article = corpus_library.get(article_id)
    assert article.note == "Arlit mine: check the contract terms." and article.bookmarked


def test_a_schema_3_database_upgrades_without_losing_notes(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with sqlite3.connect(path) as conn:
        for script in MIGRATIONS[:3]:
            conn.executescript(script)
        conn.execute(
            "INSERT INTO articles(id, title, body, added, content_hash) VALUES"
            " ('abcd1234', 'Old', 'Body.', '2024-01-01T00:00:00+00:00', 'h')"
        )
        conn.execute("INSERT INTO notes VALUES ('abcd1234', 'kept note', 'x', 'x', 3)")
        conn.execute("INSERT INTO bookmarks VALUES ('abcd1234', '2024-02-02T00:00:00+00:00')")
        conn.execute("PRAGMA user_version = 3")
    store = Store(path)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.note("abcd1234").body == "kept note"  # type: ignore[union-attr]
    assert store.save_note("abcd1234", "newer", based_on=3).revision == 4
    assert [i for i, _, _ in store.bookmarks()] == ["abcd1234"]


def test_export_markdown_and_entity_dossier(corpus_library: Library) -> None:
    niamey = first_id(corpus_library, "Niamey")
    uranium = first_id(corpus_library, "uranium")
    corpus_library.save_note(niamey, "Leaders of Mali and Burkina Faso attended.")
    corpus_library.save_note(uranium, "Contract *terms* unclear.")
    corpus_library.set_bookmark(uranium, True)
    corpus_library.sync_index()
    everything = corpus_library.export_notes()
    assert everything.startswith("# Notes\n")
    assert "## Junta leaders meet in Niamey" in everything
    assert "## Niger signs uranium deal" in everything
    assert "*Sahel Wire* · 2024-09-01 · <https://news.example/uranium> · ★ bookmarked" in everything
    assert "Contract *terms* unclear." in everything
    dossier = corpus_library.export_notes(entity="Burkina Faso")
    assert dossier.startswith("# Dossier — Burkina Faso")
    assert "Niamey" in dossier and "uranium" not in dossier
    by_query = corpus_library.export_notes(query="uranium")
    assert "uranium deal" in by_query and "Junta leaders" not in by_query


def test_backup_while_in_use_and_restore(corpus_library: Library, tmp_path: Path) -> None:
    article_id = first_id(corpus_library, "Niamey")
    corpus_library.save_note(article_id, "Before the backup.")
    reader = sqlite3.connect(corpus_library.locations.database)  # another process reading
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM articles").fetchone()
    backup = tmp_path / "backup.db"
    corpus_library.backup(backup)
    reader.rollback()
    reader.close()
    corpus_library.save_note(article_id, "After the backup.")
    corpus_library.remove(corpus_library.list_ids(), force=True)
    assert corpus_library.count() == 0
    assert corpus_library.restore(backup) == len(CORPUS)
    assert corpus_library.note(article_id).body == "Before the backup."  # type: ignore[union-attr]
    # What was there before the restore is kept too: a restore of the wrong file loses nothing.
    assert corpus_library.safety_copy is not None and corpus_library.safety_copy.is_file()
    kept = Store(corpus_library.safety_copy)
    assert kept.count() == 0  # the state just before the restore: everything removed
    kept.close()
    assert corpus_library.search("niamey").hits


def test_restore_refuses_a_file_that_is_not_a_backup(library: Library, tmp_path: Path) -> None:
    from sahelreader.store.database import StoreError

    bogus = tmp_path / "bogus.db"
    bogus.write_text("not a database")
    with pytest.raises(StoreError):
        library.restore(bogus)
    with pytest.raises(StoreError, match="no such file"):
        library.restore(tmp_path / "missing.db")


WRITER = textwrap.dedent(
    """
    import sys
    from sahelreader.library import Library
    from sahelreader.models import ArticleDraft
    lib = Library.open(sys.argv[1], seed=False)
    lib.add_drafts([ArticleDraft(title=f"Article {n}", body=f"Body {n}") for n in range(3)])
    ids = lib.list_ids()
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        article_id = ids[n % len(ids)]
        # A long note whose two ends must match: a torn write would break the pair.
        lib.save_note(article_id, f"<{n}>" + "x" * 20000 + f"</{n}>")
        if n % 7 == 0:
            lib.set_bookmark(article_id, n % 2 == 0)
    """
)


@pytest.mark.slow
def test_notes_survive_being_killed_at_random_moments(tmp_path: Path) -> None:
    home = tmp_path / "home"
    rng = random.Random(20261124)
    for _round in range(8):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        library = Library.open(home, seed=False)
        assert library.store.integrity_problems() == []
        notes = library.notes()
        assert notes, "at least one note was saved before the kill"
        for item in notes:
            head = item.note.split(">", 1)[0] + ">"
            number = head[1:-1]
            assert item.note == f"<{number}>" + "x" * 20000 + f"</{number}>"
        library.close()


@pytest.mark.parametrize("asked", ["ECOWAS", "CEDEAO", "Economic Community of West African States"])
def test_a_dossier_takes_every_name_of_the_entity(home: Path, asked: str) -> None:
    # `notes export --entity CEDEAO` found nothing in English articles saying "ECOWAS" (and
    # the reverse), though search's organisation:cedeao finds them: one entity, many names.
    from .conftest import draft

    library = Library.open(home, seed=False)
    try:
        library.add_drafts(
            [
                draft("Bloc lifts sanctions", "ECOWAS lifted its sanctions on Niger on Saturday."),
                draft("Sommet à Abuja", "La CEDEAO a levé samedi ses sanctions contre le Niger."),
                draft("Tillabéri floods", "Floods near Tillabery destroyed millet fields."),
                draft("Cotton prices", "Cotton prices fell in Koutiala."),
            ]
        )
        for row in library.rows(library.list_ids()):
            library.save_note(row.id, "Read for the brief.")
        dossier = library.export_notes(entity=asked)
        assert "Bloc lifts sanctions" in dossier and "Sommet à Abuja" in dossier
        assert "Cotton prices" not in dossier and "floods" not in dossier
        assert "Tillabéri floods" in library.export_notes(entity="Tillabéri")
    finally:
        library.close()


def test_a_note_deleted_and_written_again_elsewhere_is_a_conflict(
    corpus_library: Library,
) -> None:
    # Window A edits revision 1; window B deletes the note and writes a new one. A's save is
    # based on the old note, not on B's new one, though both began at revision 1.
    article_id = first_id(corpus_library, "Niamey")
    loaded = corpus_library.save_note(article_id, "Window A's draft.")
    other = Library.open(corpus_library.locations.database.parent, seed=False)
    other.save_note(article_id, "")
    rewritten = other.save_note(article_id, "Window B starts over.", based_on=0)
    assert rewritten.revision != loaded.revision
    result = corpus_library.save_note(article_id, "Window A's draft, finished.", loaded.revision)
    assert result.conflict
    kept = [body for body, _ in corpus_library.store.note_versions(article_id)]
    assert "Window B starts over." in kept
    other.close()


def test_a_schema_7_database_keeps_counting_a_deleted_notes_revisions(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with sqlite3.connect(path) as conn:
        for script in MIGRATIONS[:7]:
            conn.executescript(script)
        conn.execute("INSERT INTO notes VALUES ('abcd1234', 'kept note', 'x', 'x', 3)")
        conn.execute(
            "INSERT INTO note_versions(article_id, body, saved, replaced)"
            " VALUES ('abcd1234', 'older', 'x', 'x')"
        )
        conn.execute("PRAGMA user_version = 7")
    store = Store(path)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [body for body, _ in store.note_versions("abcd1234")] == ["older"]
    assert store.save_note("abcd1234", "", based_on=3).revision == 0
    assert store.save_note("abcd1234", "new", based_on=None).revision == 4
