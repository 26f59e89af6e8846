"""Progress that moves within one large file, and phases with no count (committing)."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from sahelreader.cli.main import _progress
from sahelreader.library import ImportProgress, Library

from .cli_helpers import cli
from .conftest import draft


def _records(count: int) -> bytes:
    lines = [
        json.dumps(
            {
                "title": f"Market report {n} from Zinder",
                "text": f"Traders in Zinder sold {n} sacks of millet on market day number {n}. "
                # Not compressible, so that a .gz file is read in many blocks (Python 3.12+
                # reads gzip input 128 KiB at a time: the file must be several times that).
                + "".join(hashlib.sha256(f"{n}/{i}".encode()).hexdigest() for i in range(8)),
                "url": f"https://dune.example/markets/{n}",
            }
        )
        for n in range(count)
    ]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("name", ["markets.jsonl", "markets.jsonl.gz"])
def test_a_large_file_reports_progress_within_it(
    library: Library, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    data = _records(2000)
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    steps: list[ImportProgress] = []
    files: list[tuple[int, int]] = []
    report = library.add(
        [path], progress=lambda done, total: files.append((done, total)), step=steps.append
    )
    assert len(report.added) == 2000
    assert files == [(1, 1)]  # the per-file callback is as it was
    within = [s for s in steps if s.files_done == 0]
    assert len(within) >= 3  # a step per batch stored, before the file is done
    done = [s.bytes_done for s in within]
    assert done == sorted(done) and 0 < done[0] < path.stat().st_size
    assert len(set(done)) >= 2
    assert [s.articles for s in within] == [500, 1000, 1500, 2000]
    last = steps[-1]
    assert (last.files_done, last.files) == (1, 1)
    assert last.bytes_done == last.bytes_total == path.stat().st_size
    assert last.articles == 2000


def test_a_parsed_json_document_reports_progress_by_records(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "markets.json"
    path.write_text(json.dumps([json.loads(line) for line in _records(1200).splitlines()]))
    steps: list[ImportProgress] = []
    library.add([path], step=steps.append)
    within = [s.bytes_done for s in steps if s.files_done == 0]
    assert within and 0 < within[0] < path.stat().st_size


class Recorder:
    """A progress callback that also takes phases, as the CLI's bar does."""

    def __init__(self) -> None:
        self.events: list[object] = []

    def __call__(self, done: int, total: int) -> None:
        self.events.append((done, total))

    def phase(self, name: str | None) -> None:
        self.events.append(name)


def test_rebuilding_the_index_names_the_commit_phase(library: Library) -> None:
    library.add_drafts([draft(f"Story {n}", f"Body about Agadez, number {n}.") for n in range(60)])
    recorder = Recorder()
    library.rebuild_index(progress=recorder)
    assert "committing" in recorder.events
    at = recorder.events.index("committing")
    assert (60, 60) in recorder.events[:at]  # every document was added first
    assert recorder.events[-1] == (60, 60)  # and the count comes back after the commit
    library.rebuild_index(progress=lambda done, total: None)  # a plain callback still works


def test_the_cli_bar_shows_a_phase_with_a_spinner() -> None:
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=100)
    with _progress(console, "Indexing") as bar:
        bar(100, 100)
        bar.phase("committing")
        bar.update()  # a redraw, as the spinner's thread makes
    assert "committing" in stream.getvalue()


def test_add_json_keeps_stdout_clean_with_a_bar(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(25):
        (folder / f"story-{n}.txt").write_text(f"Story {n} from Tahoua\n\nWells number {n}.")
    result = cli(home, "add", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["added"]) == 25
