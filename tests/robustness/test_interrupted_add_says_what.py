"""Review 11 D13: `add` stopped by SIGTERM or Ctrl-C said only "interrupted (terminated)"; the
articles stored before the stop are kept, and the message must say how many and that the same
`add` again skips them."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.cli_helpers import cli

# The signal is sent to the process itself once two batches are stored, as `kill` from another
# shell (or a terminal's Ctrl-C) would arrive in the middle of a long import.
SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import sahelreader.library as library_module
    from sahelreader.cli import main

    original = library_module.Library._store_batch
    batches = [0]

    def counting(self, batch, report, ahead=None):
        original(self, batch, report, ahead)
        batches[0] += 1
        if batches[0] == 2:
            os.kill(os.getpid(), getattr(signal, sys.argv[3]))

    library_module.Library._store_batch = counting
    sys.exit(main(["--home", sys.argv[1], "add", sys.argv[2]]))
    """
)


def _records(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as file:
        for n in range(count):
            record = {
                "title": f"Market bulletin {n}: onion prices in Galmi",
                "text": f"Traders in Galmi reported bulletin {n} on onion prices and lorry "
                f"traffic towards the coast; stock number {n} was sold by noon.",
                "published": "2024-03-05T09:00:00Z",
                "url": f"https://bulletins.example/galmi/{n}",
            }
            file.write(json.dumps(record) + "\n")


@pytest.mark.parametrize(("name", "status"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_stopped_add_says_how_many_were_kept(
    home: Path, tmp_path: Path, name: str, status: int
) -> None:
    import sahelreader.library as library_module

    batch = library_module._BATCH
    source = tmp_path / "bulletins.jsonl"
    _records(source, batch * 3 + 7)
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(home), str(source), name],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.returncode == status, run.stderr[-800:]
    kept = batch * 2
    terminated = " (terminated)" if name == "SIGTERM" else ""
    assert (
        f"interrupted{terminated}: {kept:,} articles added before the stop, kept "
        "(running the same add again skips them)" in run.stderr
    ), run.stderr[-800:]
    again = cli(home, "add", str(source))
    assert again.returncode == 0, again.stderr
    assert f"{batch + 7} added, {kept:,} duplicates" in again.stdout
