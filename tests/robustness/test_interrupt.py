"""Ctrl-C (or SIGTERM) during `sahelreader reindex`: quiet, no process left, old index kept."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sahelreader.library import Library
from tests.conftest import draft

# The two-process writer starts past index._LARGE_BUILD documents; the script lowers that, and
# sends the signal to its whole process group (as a terminal's Ctrl-C does) once the writer's
# worker processes are busy.
SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    # As in a terminal: a shell that started the test run in the background hands its
    # children SIGINT ignored, and Python then installs no KeyboardInterrupt handler.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import sahelreader.search.index as index_module
    import sahelreader.library as library_module
    from sahelreader.cli import main

    index_module._LARGE_BUILD = 50
    original = library_module.Library._entity_names
    seen = [0]

    def counting(self, row):
        seen[0] += 1
        if seen[0] == 400:
            os.killpg(0, getattr(signal, sys.argv[2]))
        return original(self, row)

    library_module.Library._entity_names = counting
    sys.exit(main(["--home", sys.argv[1], "reindex"]))
    """
)


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_interrupting_a_two_process_reindex_is_quiet_and_keeps_the_old_index(
    home: Path, name: str
) -> None:
    with Library.open(home, seed=False) as library:
        library.add_drafts(
            [
                draft(f"Harvest report {n}", f"Millet harvest in district {n} of Maradi. " * 30)
                for n in range(1500)
            ]
        )
        library.ensure_index()
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(home), name],
        capture_output=True,
        text=True,
        timeout=120,
        start_new_session=True,
    )
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.returncode in (130, 128 + signal.SIGTERM), run.stderr[-500:]
    assert "interrupted" in run.stderr
    left = subprocess.run(["pgrep", "-f", str(home)], capture_output=True, text=True)
    assert left.stdout.strip() == ""
    assert not (home / "index.building").exists()
    with Library.open(home, seed=False) as library:
        assert library.index_health().ok
        assert len(library.search("millet", limit=None).hits) == 1500
