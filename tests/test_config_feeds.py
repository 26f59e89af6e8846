"""config.toml's `[feeds] refresh_minutes`: a number of minutes, or a problem that says what
the reader does instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelreader.config import load_config


@pytest.mark.parametrize("value", ['"often"', "0.5", "true", "-3"])
def test_a_bad_refresh_interval_says_feeds_refresh_only_when_asked(
    tmp_path: Path, value: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[feeds]\nrefresh_minutes = {value}\n", "utf-8")
    config = load_config(path)
    assert config.refresh_minutes is None
    [problem] = config.problems
    assert "expected a number of minutes, at least 1" in problem
    assert "feeds refresh only when asked (r)" in problem


@pytest.mark.parametrize(("value", "minutes"), [("30", 30.0), ("1.5", 1.5), ("0", None)])
def test_a_refresh_interval_in_minutes(tmp_path: Path, value: str, minutes: float | None) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[feeds]\nrefresh_minutes = {value}\n", "utf-8")
    config = load_config(path)
    assert config.refresh_minutes == minutes and not config.problems
