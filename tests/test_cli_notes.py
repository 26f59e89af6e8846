"""Bookmarks, notes, export, backup and restore from the command line (run in-process)."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

from .cli_helpers import cli


def seed_id(home: Path) -> str:
    [hit] = json.loads(cli(home, "search", "niger", "--json").stdout)
    return str(hit["id"])


def test_bookmark_commands(home: Path) -> None:
    article_id = seed_id(home)
    assert cli(home, "bookmark", article_id).returncode == 0
    marks = json.loads(cli(home, "bookmarks", "--json").stdout)
    assert [m["id"] for m in marks] == [article_id]
    assert set(marks[0]) == {"id", "title", "bookmarked_at"}
    shown = json.loads(cli(home, "show", article_id, "--json").stdout)
    assert shown["bookmarked"] is True and shown["note"] is None
    assert "already" in cli(home, "bookmark", article_id).stdout
    removed = cli(home, "unbookmark", article_id)
    assert removed.returncode == 0 and removed.stdout == f"bookmark removed: {article_id}\n"
    again = cli(home, "unbookmark", article_id)
    assert again.returncode == 0 and again.stdout == f"{article_id} was not bookmarked\n"
    assert json.loads(cli(home, "bookmarks", "--json").stdout) == []
    assert cli(home, "bookmark", "nosuchid").returncode == 1


def test_note_text_list_show_and_search(home: Path) -> None:
    article_id = seed_id(home)
    result = cli(home, "note", article_id, "--text", "Check the *air defence* claims.")
    assert result.returncode == 0 and "note saved" in result.stdout
    assert cli(home, "note", article_id).stdout == "Check the *air defence* claims.\n"
    notes = json.loads(cli(home, "notes", "--json").stdout)
    assert [(n["id"], n["note"]) for n in notes] == [
        (article_id, "Check the *air defence* claims.")
    ]
    assert set(notes[0]) == {"id", "title", "note", "updated"}
    assert json.loads(cli(home, "show", article_id, "--json").stdout)["note"].startswith("Check")
    [hit] = json.loads(cli(home, "search", "note:claims", "--json").stdout)
    assert hit["id"] == article_id and "note" in hit["matched_in"]
    assert "deleted" in cli(home, "note", article_id, "--text", "").stdout
    assert json.loads(cli(home, "notes", "--json").stdout) == []


def test_note_edit_uses_the_editor(home: Path, tmp_path: Path) -> None:
    article_id = seed_id(home)
    editor = tmp_path / "fake-editor"
    editor.write_text(
        f"#!{sys.executable}\nimport sys\nopen(sys.argv[1], 'a').write('From the editor.')\n"
    )
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    os.environ["EDITOR"] = str(editor)
    try:
        result = cli(home, "note", article_id, "--edit")
    finally:
        del os.environ["EDITOR"]
    assert result.returncode == 0, result.stderr
    assert cli(home, "note", article_id).stdout == "From the editor.\n"


def test_notes_export_to_a_file(home: Path, tmp_path: Path) -> None:
    article_id = seed_id(home)
    cli(home, "note", article_id, "--text", "Tiani spoke with Putin on March 26.")
    cli(home, "bookmark", article_id)
    target = tmp_path / "report.md"
    result = cli(home, "notes", "export", "-o", str(target))
    assert result.returncode == 0
    text = target.read_text("utf-8")
    assert text.startswith("# Notes") and "★ bookmarked" in text
    assert "Tiani spoke with Putin on March 26." in text
    dossier = cli(home, "notes", "export", "--entity", "Vladimir Putin").stdout
    assert dossier.startswith("# Dossier — Vladimir Putin") and "March 26" in dossier
    assert "0 noted articles" in cli(home, "notes", "export", "--entity", "Macron").stdout


def test_backup_and_restore(home: Path, tmp_path: Path) -> None:
    article_id = seed_id(home)
    cli(home, "note", article_id, "--text", "Keep me.")
    backup = tmp_path / "library-backup.db"
    result = cli(home, "backup", str(backup))
    assert result.returncode == 0 and "1 note," in result.stdout
    cli(home, "remove", article_id, "--force")
    assert json.loads(cli(home, "notes", "--json").stdout) == []
    restored = cli(home, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert cli(home, "note", article_id).stdout == "Keep me.\n"
    assert len(json.loads(cli(home, "search", "niger", "--json").stdout)) == 1
    bad = tmp_path / "bad.db"
    bad.write_text("nope")
    failed = cli(home, "restore", str(bad))
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
