"""Review 11 D15: replacing a note's text keeps the replaced text in its history, as a delete
and a crossed save already did (`note ID --text`, `note ID --edit`, and the library itself)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from sahelreader.library import Library

from .cli_helpers import cli


def _only_article(home: Path) -> str:
    with Library.open(home) as library:
        [article_id] = library.list_ids()
    return article_id


def test_the_library_keeps_every_replaced_text(home: Path) -> None:
    article_id = _only_article(home)
    with Library.open(home) as library:
        first = library.save_note(article_id, "Call the customs office in Zinder.")
        second = library.save_note(article_id, "Customs called; no answer.", first.revision)
        assert not second.conflict
        library.save_note(article_id, "Customs called; no answer.", second.revision)  # same text
        kept = [body for body, _ in library.note_versions(article_id)]
    assert kept == ["Call the customs office in Zinder."]


def test_note_text_replacing_a_note_keeps_the_old_text(home: Path) -> None:
    article_id = _only_article(home)
    assert cli(home, "note", article_id, "--text", "Ask about the fuel convoy.").returncode == 0
    result = cli(home, "note", article_id, "--text", "Wrong article, oops.")
    assert result.returncode == 0, result.stderr
    assert "kept" in result.stdout and f"note {article_id} --history" in result.stdout
    history = cli(home, "note", article_id, "--history")
    assert "Wrong article, oops." in history.stdout
    assert "earlier version 1" in history.stdout
    assert "Ask about the fuel convoy." in history.stdout
    assert "no earlier versions" not in history.stderr


def test_note_edit_replacing_a_note_keeps_the_old_text(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = _only_article(home)
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "Rewritten in the editor.\\n" > "$1"\n', "utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    cli(home, "note", article_id, "--text", "Draft before the editor.")
    result = cli(home, "note", article_id, "--edit")
    assert result.returncode == 0, result.stderr
    history = cli(home, "note", article_id, "--history").stdout
    assert history.index("Rewritten in the editor.") < history.index("Draft before the editor.")


def test_a_first_note_says_nothing_about_history(home: Path) -> None:
    article_id = _only_article(home)
    result = cli(home, "note", article_id, "--text", "A first note.")
    assert result.stdout.strip() == f"note saved for {article_id}"


def test_autosaves_of_one_sitting_keep_only_the_text_from_before_it(home: Path) -> None:
    library = Library.open(home)
    try:
        article_id = library.list_ids()[0]
        before = library.save_note(article_id, "Ask the prefect about the curfew.")
        # A sitting in the reader's editor: its first save, then autosaves at each pause.
        first = library.save_note(article_id, "Ask the prefect", before.revision)
        second = library.save_note(article_id, "Ask the prefect about", first.revision, draft=True)
        library.save_note(article_id, "Ask the prefect about Dosso.", second.revision, draft=True)
        texts = [text for text, _ in library.note_versions(article_id)]
        assert texts == ["Ask the prefect about the curfew."]
        # Emptied within the sitting: the text is kept all the same.
        current = library.note(article_id)
        assert current is not None
        library.save_note(article_id, "", current.revision, draft=True)
        texts = [text for text, _ in library.note_versions(article_id)]
        assert "Ask the prefect about Dosso." in texts
    finally:
        library.close()
