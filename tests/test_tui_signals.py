"""The reader as its own process, ended by SIGTERM or SIGHUP (a logout, a `kill`, the terminal
window closed) while a note is being typed: the text is saved before it exits."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sahelreader.library import Library

from .conftest import draft, utc

# Started headless in a process of its own: the article opened, the note editor holding text
# typed but not saved yet (the autosave waits a minute), then a file says it is ready.
RUNNER = """
import sys
from pathlib import Path
from sahelreader.library import Library
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays

home, article_id, ready = sys.argv[1], sys.argv[2], Path(sys.argv[3])
app = make_app(library=Library.open(home), watch_index=False, delays=Delays(autosave=60.0))

def type_a_note():
    app.main.open_article(article_id)
    app.main.action_edit_note()
    app.call_after_refresh(typed)

def typed():
    app.main.query_one("#note-text").insert("words typed just before the end")
    ready.write_text("ready")

shown = app.started  # called once the first list is on screen

def started():
    shown()
    app.call_after_refresh(type_a_note)

app.started = started
app.run(headless=True)
sys.exit(app.return_code or 0)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_the_note_being_typed_is_saved_when_the_reader_is_ended(
    home: Path, tmp_path: Path, signame: str
) -> None:
    library = Library.open(home, seed=False)
    library.add_drafts(
        [
            draft(
                "Well diggers reach water",
                "The diggers found water at forty metres.",
                url="https://wells.example/1",
                published=utc(2024, 5, 2),
            )
        ]
    )
    library.ensure_index()
    article_id = library.list_ids()[0]
    library.close()
    ready = tmp_path / "ready"
    process = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(home), article_id, str(ready)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "the reader never got ready"
            time.sleep(0.05)
        os.kill(process.pid, getattr(signal, signame))
        returned = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert returned == 128 + getattr(signal, signame)
    reopened = Library.open(home, seed=False)
    assert reopened.note(article_id).body == "words typed just before the end"
