"""The garbage collector's full passes wait for pauses in the reader's use (tui/collector.py):
a full pass stops the UI thread for 40-200 ms at 50,000 articles."""

from __future__ import annotations

import dataclasses
import gc
import weakref
from pathlib import Path

from sahelreader.tui import make_app
from sahelreader.tui.collector import QuietCollector
from sahelreader.tui.delays import Delays

from .tui_helpers import build_library, settle


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_start_freezes_what_start_up_built_and_stop_thaws_it() -> None:
    collector = QuietCollector(2.0)
    collector.start()
    try:
        assert gc.get_freeze_count() > 0  # left out of the passes Python makes
        collector.start()  # a second start changes nothing
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0


def test_a_pause_collects_the_whole_heap_and_freezes_what_lives_on() -> None:
    clock = Clock()
    collector = QuietCollector(2.0, clock)
    collector.start()
    try:
        kept = [Cycle() for _ in range(1000)]  # made after start-up, still in use
        lost = weakref.ref(Cycle())  # garbage held only by its own cycle
        assert lost() is not None
        collector.input_arrived()
        clock.now += 3
        assert collector.tick()
        assert lost() is None  # a cycle made after start-up is collected
        assert all(gc.is_tracked(c) for c in kept)
        assert not any(id(c) in {id(o) for o in gc.get_objects()} for c in kept[:3])  # frozen
    finally:
        collector.stop()


def test_a_full_pass_runs_once_per_pause_and_never_while_keys_come() -> None:
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


async def test_the_reader_collects_in_a_pause_and_thaws_its_objects_at_exit(home: Path) -> None:
    delays = dataclasses.replace(Delays.none(), quiet_collect=0.05)
    app = make_app(library=build_library(home), delays=delays)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.collector.started
        passes = app.collector.full_passes
        await pilot.press("j")
        await pilot.pause(0.3)
        assert app.collector.full_passes == passes + 1
    assert gc.get_freeze_count() == 0
