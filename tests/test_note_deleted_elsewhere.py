"""A note deleted by another writer (the CLI, a second window) while an editor has it open is
not silently re-created by the editor's next save: the save says the note had been deleted."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from sahelreader.library import Library
from sahelreader.tui.widgets.note_editor import NoteEditor

from .cli_helpers import cli
from .tui_helpers import app_for, build_library, settle


def _some_article(library: Library) -> str:
    return library.list_ids()[0]


def test_a_save_based_on_a_deleted_note_says_so(home: Path) -> None:
    library = build_library(home)
    article_id = _some_article(library)
    first = library.save_note(article_id, "Ask the prefect about the convoy.")
    other = Library.open(home, seed=False)
    assert other.save_note(article_id, "").revision == 0  # deleted in another window
    other.close()
    again = library.save_note(article_id, "Ask the prefect about the convoy. Soon.", first.revision)
    assert again.deleted_elsewhere and not again.conflict
    record = library.note(article_id)
    assert record is not None and record.body.endswith("Soon.")
    # The deleted text is in the history, as for any deletion.
    assert library.note_versions(article_id)[0][0] == "Ask the prefect about the convoy."
    library.close()


def test_saves_that_delete_nothing_behind_anyones_back_say_nothing(home: Path) -> None:
    library = build_library(home)
    article_id = _some_article(library)
    created = library.save_note(article_id, "A first line.", None)  # a new note
    assert not created.deleted_elsewhere
    emptied = library.save_note(article_id, "", created.revision)  # deleted here
    assert emptied.revision == 0 and not emptied.deleted_elsewhere
    # Typing again in the same editor after emptying it: its revision is 0, nothing to say.
    retyped = library.save_note(article_id, "A second line.", emptied.revision)
    # Its revisions continue the deleted note's: a revision is never given twice.
    assert retyped.revision == 2 and not retyped.deleted_elsewhere
    other = Library.open(home, seed=False)
    other.save_note(article_id, "")
    other.close()
    # An emptied editor over a note deleted elsewhere has nothing to write back.
    assert not library.save_note(article_id, "  ", retyped.revision).deleted_elsewhere
    assert library.note(article_id) is None
    library.close()


def test_the_cli_edit_says_the_note_was_deleted_meanwhile(home: Path, tmp_path: Path) -> None:
    library = build_library(home)
    article_id = _some_article(library)
    library.save_note(article_id, "Draft from the shell.")
    library.close()
    # An editor during which another command deletes the note, then the user saves.
    editor = tmp_path / "slow-editor"
    editor.write_text(
        f"#!{sys.executable}\nimport subprocess, sys\n"
        f"subprocess.run([{sys.executable!r}, '-m', 'sahelreader', 'note', {article_id!r},"
        " '--text', ''], check=True, capture_output=True)\n"
        "open(sys.argv[1], 'a').write(' Edited.')\n"
    )
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    os.environ["EDITOR"] = str(editor)
    try:
        result = cli(home, "note", article_id, "--edit")
    finally:
        del os.environ["EDITOR"]
    assert result.returncode == 0, result.stderr
    assert "deleted meanwhile" in result.stderr
    assert cli(home, "note", article_id).stdout == "Draft from the shell. Edited.\n"


async def test_the_editor_tells_when_its_note_was_deleted_elsewhere(home: Path) -> None:
    app = app_for(home)
    said: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.notify = lambda message, **kwargs: said.append(str(message))  # type: ignore[method-assign]
        await pilot.press("enter", "e", *"Call the mayor of Ansongo")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        article_id = app.query_one(NoteEditor).article_id
        assert article_id is not None
        deleted = cli(home, "note", article_id, "--text", "")
        assert deleted.returncode == 0 and "deleted" in deleted.stdout, deleted.stderr
        await pilot.press(*" tomorrow", "ctrl+s")
        await settle(app, pilot)
        assert any("deleted in another sahelreader" in line for line in said), said
        assert not any("changed in another" in line for line in said), said
    record = app.library.note(article_id)
    assert record is not None and record.body == "Call the mayor of Ansongo tomorrow"
