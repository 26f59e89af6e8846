"""The garbage collector's full passes wait for pauses in the reader's use (tui/collector.py):
a full pass stops the UI thread for 40-150 ms at 50,000 articles."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from sahelreader.tui import make_app
from sahelreader.tui.collector import FULL_PASS_EVERY, QuietCollector
from sahelreader.tui.delays import Delays

from .tui_helpers import build_library, settle


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def python_thresholds() -> Iterator[tuple[int, int, int]]:
    """Whatever a test does, the test process gets Python's thresholds back."""
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)


def test_start_spaces_the_automatic_full_passes_and_stop_restores_them(
    python_thresholds: tuple[int, int, int],
) -> None:
    collector = QuietCollector(2.0)
    collector.start()
    first, middle, _ = python_thresholds
    assert gc.get_threshold() == (first, middle, FULL_PASS_EVERY)
    assert gc.get_freeze_count() > 0  # what start-up built is left out of every pass
    collector.start()  # a second start changes nothing, and stop still restores Python's
    collector.stop()
    assert gc.get_threshold() == python_thresholds


def test_a_full_pass_runs_once_per_pause_and_never_while_keys_come(
    python_thresholds: tuple[int, int, int],
) -> None:
    clock = Clock()
    collector = QuietCollector(2.0, clock)
    collector.input_arrived()
    assert not collector.tick()  # not started: Python's own schedule
    collector.start()
    try:
        collector.input_arrived()
        clock.now += 1.0
        assert not collector.tick()  # a key a second ago: typing may go on
        collector.input_arrived()
        clock.now += 1.9
        assert not collector.tick()
        clock.now += 0.2
        assert collector.tick()  # 2.1 s without a key
        clock.now += 60.0
        assert not collector.tick()  # nothing happened since: nothing to find
        collector.input_arrived()
        clock.now += 2.5
        assert collector.tick()
        assert collector.full_passes == 2
    finally:
        collector.stop()


async def test_the_reader_collects_in_a_pause_and_gives_python_its_thresholds_back(
    home: Path, python_thresholds: tuple[int, int, int]
) -> None:
    delays = dataclasses.replace(Delays.none(), quiet_collect=0.05)
    app = make_app(library=build_library(home), delays=delays)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.collector.started
        assert gc.get_threshold()[2] == FULL_PASS_EVERY
        passes = app.collector.full_passes
        await pilot.press("j")
        await pilot.pause(0.3)
        assert app.collector.full_passes == passes + 1
    assert gc.get_threshold() == python_thresholds
