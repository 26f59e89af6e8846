"""The reader's exit status: a reader that stopped on an error is no clean exit."""

from __future__ import annotations

import importlib

import pytest

import sahelreader.tui as tui
from sahelreader.library import Library

cli_main = importlib.import_module("sahelreader.cli.main")  # the package exports main()


class _StoppedApp:
    def __init__(self, code: int | None) -> None:
        self.return_code: int | None = None
        self._code = code

    def run(self) -> None:
        self.return_code = self._code

    def close_search_process(self) -> None:
        pass


@pytest.mark.parametrize(("code", "expected"), [(1, 1), (0, 0), (None, 0)])
def test_the_reader_exit_status_is_the_apps(
    library: Library, monkeypatch: pytest.MonkeyPatch, code: int | None, expected: int
) -> None:
    monkeypatch.setattr(tui, "make_app", lambda **_: _StoppedApp(code))
    assert cli_main._run_tui(library) == expected
