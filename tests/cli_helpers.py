"""Running the CLI in tests: in this process through `main(argv)` (fast), or as a real process
through its entry point (`python -m sahelreader`) where the process itself is what is tested:
the entry point, exit statuses as a shell sees them, bytes on stdin, imports at start-up.

Both take the same arguments and give the same result (exit status, stdout, stderr as text), and
both run with the home in $SAHELREADER_HOME, 200 columns and no $SAHELREADER_DEBUG.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from sahelreader.cli import main


@dataclass(frozen=True)
class Result:
    """What a CLI run left: like `subprocess.CompletedProcess`, for an in-process run."""

    returncode: int
    stdout: str
    stderr: str


def _environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "SAHELREADER_HOME": str(home), "COLUMNS": "200"}
    env.pop("SAHELREADER_DEBUG", None)
    return env


@contextmanager
def _process_state(home: Path, stdin: str | None) -> Iterator[None]:
    """The environment and stdin of a run, put back afterwards."""
    saved_env = dict(os.environ)
    saved_stdin = sys.stdin
    env = _environment(home)
    os.environ.clear()
    os.environ.update(env)
    # A text stream over bytes, as a process's stdin is: `entities -` reads its `.buffer`.
    sys.stdin = io.TextIOWrapper(io.BytesIO((stdin or "").encode("utf-8")), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = saved_stdin
        os.environ.clear()
        os.environ.update(saved_env)


def cli(home: Path, *args: str, stdin: str | None = None) -> Result:
    """`sahelreader ARGS` run in this process through `sahelreader.cli.main`."""
    out, err = io.StringIO(), io.StringIO()
    with _process_state(home, stdin), redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exit_:  # argparse: --help, --version, usage errors
            code = exit_.code
            if isinstance(code, str):
                err.write(code + "\n")
                code = 1
            status = 0 if code is None else code
    return Result(status, out.getvalue(), err.getvalue())


def run(
    home: Path, *args: str, stdin: str | None = None, columns: int | None = 200
) -> subprocess.CompletedProcess[str]:
    """`sahelreader ARGS` as a real process, through `python -m sahelreader`; `columns` None:
    no $COLUMNS, as in a pipe from a shell."""
    env = _environment(home)
    if columns is None:
        env.pop("COLUMNS", None)
    else:
        env["COLUMNS"] = str(columns)
    return subprocess.run(
        [sys.executable, "-m", "sahelreader", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
    )
