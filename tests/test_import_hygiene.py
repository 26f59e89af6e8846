"""The core never imports textual: the CLI stays fast and the core stays usable without a UI."""

from __future__ import annotations

import subprocess
import sys


def core_modules() -> list[str]:
    """Every module of the package but the TUI's (and __main__, which runs the CLI)."""
    import pkgutil

    import sahelreader

    names = [
        info.name
        for info in pkgutil.walk_packages(sahelreader.__path__, "sahelreader.")
        if not info.name.startswith("sahelreader.tui") and info.name != "sahelreader.__main__"
    ]
    assert len(names) > 40  # the walk found the package, not an empty folder
    return names


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_cli_search_path_does_not_import_textual(tmp_path: object) -> None:
    code = (
        "import sys\n"
        "from sahelreader.cli import main\n"
        f"main(['--home', {str(tmp_path)!r}, 'search', 'niger', '--json'])\n"
        "sys.stderr.write(str(any(m.startswith('textual') for m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip().endswith("False")


def test_starting_the_reader_compiles_no_citation_pattern() -> None:
    # Compiling the attribution grammar took 0.8 s of the reader's start-up; each pattern is
    # now compiled the first time an article's sources are read.
    code = (
        "import sahelreader.tui, sahelreader.sources.citations.grammar as g\n"
        "lazy = [v for v in vars(g).values() if type(v).__name__ == '_Lazy']\n"
        "print(len(lazy), sum(v._compiled is not None for v in lazy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    patterns, compiled = map(int, done.stdout.split())
    assert patterns > 20 and compiled == 0
