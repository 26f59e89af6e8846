"""TUI benchmarks for sahelreader, each compared with a reference measured in the same run.

    python bench/tui_bench.py HOME [--runs 7] [--presses 100] [--only start,keys,memory]
                                   [--keep-state] [--json OUT]

HOME is a library made by bench/make_library.py (e.g. /tmp/bench50k). Every part runs in fresh
subprocesses of this same script, so nothing (imports, caches, the page cache aside) leaks from
one measurement into another.

(a) start: process start → first painted screen
    The parent takes `time.monotonic()` (CLOCK_MONOTONIC: one clock for every process on Linux)
    just before `subprocess.Popen` and hands it to the child in $BENCH_T0, so the figure includes
    fork/exec, interpreter start-up, site/.pth processing, every import, Library.open, compose,
    mount and the first frame. The child patches `App._display` — the one place a Textual app
    hands a rendered frame (a CompositorUpdate, built by Screen._compositor_refresh from every
    widget's render_line/render) to the terminal driver — and, because the headless driver skips
    the terminal write, converts the frame to terminal escape sequences itself
    (`update.render_segments(console)`, the same call the real driver makes), so the only work
    left out is the write(2) to a tty. It records:
      first paint  — the first frame of any content;
      list painted — the first frame drawn after the article list received its ids (ListLoaded),
                     i.e. the first screen that shows articles. (If the library has a
                     last-opened article it is open in that same frame.)
    then exits. sahelreader runs through its real entry point `sahelreader.cli.main(["--home",
    HOME])` with `App.run` patched to `headless=True, size=(120, 40)`. The reference is a bare
    `App` that composes one `Static` and is measured with the identical harness. Runs alternate
    (sahel, bare, sahel, bare, …) so drift on a noisy machine hits both; medians are reported,
    and ratios sahel/bare.

(b) keys: key press → repaint, in-process (`app.run_test(size=(120, 40))`)
    The same `_display` hook runs on the app instance. For each press the bench takes
    `perf_counter()`, sends the key with `pilot.press` (which posts a real `events.Key` through
    the driver, exactly like a terminal key), and waits on an asyncio.Event that the hook sets at
    the first frame rendered *after* the state the key must produce is true (the list cursor
    moved / the reader shows the article / the list holds the search result). Since the state
    changes and the region refreshes happen synchronously in the handler, that frame is the
    repaint that shows the key's effect; Screen's update timer (≤ 1/60 s) is included, as a
    user would see it. Reported: median and p95 of 100 presses of `j` (list cursor down), of
    `enter` (open the highlighted article; the list is refocused and moved with an untimed `j`
    between presses so each opens a different article), of `G`/`g` (jump to the end / top of
    the 50k list). Reference: `j` in a bare app whose key handler updates a Static (the smallest
    key→repaint Textual does).

(d) search in the TUI (same process as (b)): `/`, the query typed with pilot.press, then
      submit  — `enter` → repaint with the result list (the search runs in a thread worker:
                parse, Whoosh search limit 5,000, rows, filter, ListLoaded, set_ids, snippets of
                the visible rows drawn on the UI thread);
      typed   — last keystroke → repaint with results, with no enter (includes the app's
                250 ms debounce, i.e. what someone typing sees);
      clear   — `escape` → the full 50k list painted again.
    Reference: `Library.search(..., limit=5000, snippets=False)` for the same query timed
    directly in the same process, so `submit / direct` shows the TUI's overhead.

The app is made as the CLI makes it, with its search process (library/search_process.py),
and each measurement waits until that process is ready, as it is a second or two after start.

(c) memory: one child per configuration opens the app with run_test, waits for the list and the
    index, opens an article and runs one search, then reports tracemalloc's peak (tracemalloc
    started before any import) and ru_maxrss. RSS is measured in a separate run *without*
    tracemalloc (tracemalloc inflates RSS). Reference: the bare app, same harness.

GC: the search part also reports Python's garbage collections (count, longest, total per
generation): each stops the UI thread. The searches follow one another with no pause, so the
reader's quiet-time pass (tui/collector.py) never runs there: bench/gc_pause_bench.py measures it.

Enter presses mark articles read and record the last-opened article; unless --keep-state is
given the bench deletes read_state and the last_opened key afterwards so the library is the same
for the next run (the generated library has no read state of its own).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from stats import pct

T_SCRIPT = time.monotonic()  # as early as possible: interpreter start-up ends about here

SIZE = (120, 40)
QUERIES = [
    "niamey",
    "tiani",
    "attack village",
    '"security forces"',
    "title:bamako",
    "jnim OR ecowas",
    "transit*",
    "published:[2023-01 to 2023-03]",
]


# ----------------------------------------------------------------------------------------------
# helpers


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "median": statistics.median(values),
        "p95": pct(values, 95),
        "min": min(values),
        "max": max(values),
    }


def hook_display(app_cls_or_app, on_frame) -> None:
    """Wrap App._display (class or instance): render the frame to escape codes, then report."""
    from textual._compositor import CompositorUpdate
    from textual.app import App

    original = App._display

    def _display(self, screen, renderable):
        original(self, screen, renderable)
        if renderable is None or self._batch_count:
            return
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(self.console)  # what the real driver does before write()
        on_frame(self)

    if isinstance(app_cls_or_app, type):
        app_cls_or_app._display = _display
    else:
        app = app_cls_or_app
        app._display = lambda screen, renderable: _display(app, screen, renderable)


def bare_app_class():
    from textual.app import App
    from textual.widgets import Static

    class Bare(App[None]):
        BINDINGS = [("j", "bump", "bump")]
        n = 0

        def compose(self):
            yield Static("bare textual app", id="s")

        def action_bump(self) -> None:
            self.n += 1
            self.query_one("#s", Static).update(f"bare textual app {self.n}")

    return Bare


# ----------------------------------------------------------------------------------------------
# (a) children: process start → first paint


def child_start(kind: str, home: str) -> None:
    t0 = float(os.environ["BENCH_T0"])
    marks: dict[str, float] = {"script": T_SCRIPT - t0}
    from functools import partialmethod

    import textual.app as textual_app

    marks["import_textual"] = time.monotonic() - t0

    def on_frame(app) -> None:
        now = time.monotonic() - t0
        if "first_paint" not in marks:
            marks["first_paint"] = now
        if kind == "bare":
            app.exit()
            return
        try:
            article_list = app.query_one("#article-list")
        except Exception:
            return
        if article_list.ids and "list_paint" not in marks:
            marks["list_paint"] = now
            app.exit()

    hook_display(textual_app.App, on_frame)
    textual_app.App.run = partialmethod(textual_app.App.run, headless=True, size=SIZE)
    if kind == "bare":
        bare_app_class()().run()
    else:
        from sahelreader.cli.main import main

        main(["--home", home])
    print("BENCH " + json.dumps(marks), flush=True)
    os._exit(0)  # don't wait for the index worker thread: its work is not part of start-up


def run_start(home: str, runs: int) -> dict:
    results: dict[str, list[dict]] = {"sahel": [], "bare": []}
    for i in range(runs):
        for kind in ("sahel", "bare") if i % 2 == 0 else ("bare", "sahel"):
            env = dict(os.environ, BENCH_T0=repr(time.monotonic()))
            proc = subprocess.run(
                [sys.executable, __file__, "--child-start", kind, home],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            line = next((x for x in proc.stdout.splitlines() if x.startswith("BENCH ")), None)
            if line is None:
                raise RuntimeError(
                    f"{kind} child failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
                )
            results[kind].append(json.loads(line[6:]))
    out: dict = {}
    for kind, rows in results.items():
        out[kind] = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
        out[kind]["all_first_paint"] = [round(r["first_paint"], 3) for r in rows]
    out["ratio_first_paint"] = out["sahel"]["first_paint"] / out["bare"]["first_paint"]
    out["ratio_list_paint"] = out["sahel"]["list_paint"] / out["bare"]["first_paint"]
    return out


def print_start(out: dict) -> None:
    s, b = out["sahel"], out["bare"]
    print("\n(a) process start → first painted screen (median of runs; seconds)")
    print(f"  {'':28}{'sahelreader':>12}{'bare Textual':>14}{'ratio':>8}")
    print(
        f"  {'interpreter up (script top)':28}{s['script']:12.3f}{b['script']:14.3f}"
        f"{s['script'] / b['script']:8.2f}"
    )
    print(f"  {'textual imported':28}{s['import_textual']:12.3f}{b['import_textual']:14.3f}")
    print(
        f"  {'first paint':28}{s['first_paint']:12.3f}{b['first_paint']:14.3f}"
        f"{out['ratio_first_paint']:8.2f}"
    )
    print(
        f"  {'list painted (articles shown)':28}{s['list_paint']:12.3f}{'—':>14}"
        f"{out['ratio_list_paint']:8.2f}  (vs bare first paint)"
    )
    print(f"  runs sahel first paint: {s['all_first_paint']}")
    print(f"  runs bare  first paint: {b['all_first_paint']}")


# ----------------------------------------------------------------------------------------------
# (b)+(d) child: key → repaint, search in the TUI


class FrameWaiter:
    def __init__(self) -> None:
        import asyncio

        self.predicate = None
        self.event = asyncio.Event()
        self.when = 0.0
        self.frames = 0

    def on_frame(self, app) -> None:
        self.frames += 1
        if self.predicate is not None and not self.event.is_set() and self.predicate():
            self.when = time.perf_counter()
            self.event.set()

    def arm(self, predicate) -> None:
        self.predicate = predicate
        self.event.clear()

    async def wait(self, timeout: float = 30.0) -> float:
        import asyncio

        await asyncio.wait_for(self.event.wait(), timeout)
        self.predicate = None
        return self.when


class GcPauses:
    """Python's cyclic garbage collector, timed: each collection stops every thread, the UI's
    included, so a long one is a frame gap of its own (reported by generation)."""

    def __init__(self) -> None:
        self.pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._t0 = 0.0

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._t0 = time.perf_counter()
        else:
            self.pauses[info["generation"]].append((time.perf_counter() - self._t0) * 1000)

    def start(self) -> None:
        import gc

        gc.callbacks.append(self._callback)

    def stop(self) -> dict:
        import gc

        if self._callback in gc.callbacks:
            gc.callbacks.remove(self._callback)
        return {
            f"gen{gen}": {"n": len(ms), "max": max(ms, default=0.0), "total": sum(ms)}
            for gen, ms in self.pauses.items()
        }


class LoopStalls:
    """The UI thread's event loop, woken every 10 ms: how late each wake-up came. Lateness is
    time the loop spent on something else (a handler, a frame, the GIL held by a worker):
    no key could be handled and no frame drawn meanwhile (the issue's "frame gap")."""

    def __init__(self) -> None:
        self.lates: list[float] = []
        self._task = None
        self.paused = 0  # bumped around the bench's own blocking calls, which do not count

    async def _run(self) -> None:
        import asyncio

        while True:
            t0, paused = time.perf_counter(), self.paused
            await asyncio.sleep(0.01)
            if paused == self.paused:
                self.lates.append((time.perf_counter() - t0 - 0.01) * 1000)

    def start(self) -> None:
        import asyncio

        self._task = asyncio.get_running_loop().create_task(self._run())

    def stop(self) -> dict:
        if self._task is not None:
            self._task.cancel()
        lates = sorted(self.lates)
        self.lates = []
        if not lates:
            return {"max": 0.0, "p99": 0.0, "n": 0}
        return {"max": lates[-1], "p99": lates[int(0.99 * (len(lates) - 1))], "n": len(lates)}


async def _settle(pilot, app, extra: float = 0.0) -> None:
    await pilot.pause()
    if extra:
        await pilot.pause(extra)


async def keys_bench(home: str, presses: int) -> dict:
    import asyncio

    from sahelreader.tui import make_app

    app = make_app(home=home, search_process=True)  # as the CLI starts it
    waiter = FrameWaiter()
    out: dict = {}
    async with app.run_test(size=SIZE) as pilot:
        hook_display(app, waiter.on_frame)
        article_list = app.query_one("#article-list")
        reader = app.query_one("#reader")
        t_ready = time.perf_counter()
        while not (article_list.ids and app.index_ready.is_set()):
            await asyncio.sleep(0.05)
        await _search_process_ready(app)
        out["wait_ready_s"] = time.perf_counter() - t_ready
        await _settle(pilot, app, 0.2)
        article_list.focus()
        await _settle(pilot, app)

        async def timed(key: str, predicate) -> float:
            waiter.arm(predicate)
            t0 = time.perf_counter()
            await pilot.press(key)
            t1 = await waiter.wait()
            return (t1 - t0) * 1000

        # j: cursor down
        lat = []
        for _ in range(presses):
            target = article_list.cursor + 1
            lat.append(await timed("j", lambda t=target: article_list.cursor == t))
            await _settle(pilot, app)
        out["j"] = summary(lat)
        # G / g: jump to the end / the top of the list
        lat_G, lat_g = [], []
        last = len(article_list.ids) - 1
        for _ in range(max(5, presses // 10)):
            lat_G.append(await timed("G", lambda: article_list.cursor == last))
            await _settle(pilot, app)
            lat_g.append(await timed("g", lambda: article_list.cursor == 0))
            await _settle(pilot, app)
        out["G"], out["g"] = summary(lat_G), summary(lat_g)
        # enter: open the highlighted article
        lat = []
        for _ in range(presses):
            article_list.focus()
            await pilot.press("j")
            await _settle(pilot, app)
            target = article_list.current_id
            lat.append(
                await timed(
                    "enter", lambda t=target: reader.article is not None and reader.article.id == t
                )
            )
            await _settle(pilot, app)
        out["enter"] = summary(lat)
        article_list.focus()
        await _settle(pilot, app)

        # (d) search
        calls = {"n": 0, "query": None}
        original_set_ids = article_list.set_ids

        def set_ids(ids, **kw):
            calls["n"] += 1
            calls["query"] = app.main.query_text
            calls["len"] = len(ids)
            return original_set_ids(ids, **kw)

        article_list.set_ids = set_ids
        search_input = app.query_one("#search-input")
        stalls = LoopStalls()
        stalls.start()
        gc_pauses = GcPauses()
        gc_pauses.start()
        per_query: dict[str, dict] = {}
        submit_all, typed_all, clear_all, direct_all = [], [], [], []
        reps = 3
        for query in QUERIES:
            sub, typ, clr, direct = [], [], [], []
            for _rep in range(reps):
                for mode in ("submit", "typed"):
                    await pilot.press("slash")
                    await _settle(pilot, app)
                    if mode == "submit":
                        # enter straight after the typing, before the debounce fires (a settle
                        # here let the debounced search finish, and enter had nothing to do)
                        await pilot.press(*query)
                        before = calls["n"]
                        # typing started a debounce timer: enter stops it and searches at once
                        ms = await timed(
                            "enter",
                            lambda b=before, q=query: calls["n"] > b and calls["query"] == q,
                        )
                        sub.append(ms)
                    else:
                        await pilot.press(*query[:-1])
                        before = calls["n"]
                        ms = await timed(
                            query[-1],
                            lambda b=before, q=query: calls["n"] > b and calls["query"] == q,
                        )
                        typ.append(ms)
                    hits = calls.get("len", 0)
                    await _settle(pilot, app, 0.05)
                    # escape: back to the whole list
                    search_input.focus()
                    await _settle(pilot, app)
                    before = calls["n"]
                    clr.append(
                        await timed(
                            "escape", lambda b=before: calls["n"] > b and calls["query"] == ""
                        )
                    )
                    await _settle(pilot, app, 0.05)
                # Timed on the UI thread itself: a blocking call the loop-lateness monitor
                # must not count.
                stalls.paused += 1
                t0 = time.perf_counter()
                app.library.search(query, limit=5000, sort="relevance", snippets=False)
                direct.append((time.perf_counter() - t0) * 1000)
                stalls.paused += 1
            per_query[query] = {
                "hits": hits,
                "submit": statistics.median(sub),
                "typed": statistics.median(typ),
                "clear": statistics.median(clr),
                "direct": statistics.median(direct),
            }
            submit_all += sub
            typed_all += typ
            clear_all += clr
            direct_all += direct
        out["loop_stalls_searching_ms"] = stalls.stop()
        out["gc_pauses_searching_ms"] = gc_pauses.stop()
        out["search"] = per_query
        out["search_submit"] = summary(submit_all)
        out["search_typed"] = summary(typed_all)
        out["search_clear"] = summary(clear_all)
        out["search_direct"] = summary(direct_all)
        out["frames"] = waiter.frames

        # the calls a key triggers on the UI thread, timed alone (evidence for slow spots)
        lib = app.library
        ids = article_list.ids
        parts: dict[str, list[float]] = {
            k: []
            for k in (
                "library.get",
                "library.count",
                "library.unread_count",
                "library.mark_read",
                "library.set_last_opened",
                "rows(200)",
                "list_ids(all,date)",
            )
        }
        for i in range(20):
            aid = ids[i * 7]
            for name, call in (
                ("library.get", lambda aid=aid: lib.get(aid)),
                ("library.count", lib.count),
                ("library.unread_count", lib.unread_count),
                ("library.mark_read", lambda aid=aid: lib.mark_read([aid])),
                ("library.set_last_opened", lambda aid=aid: lib.set_last_opened(aid)),
                ("rows(200)", lambda i=i: lib.rows(ids[1000 + i * 200 : 1200 + i * 200])),
                ("list_ids(all,date)", lambda: lib.list_ids("all", "date")),
            ):
                t0 = time.perf_counter()
                call()
                parts[name].append((time.perf_counter() - t0) * 1000)
        out["ui_calls_ms"] = {k: statistics.median(v) for k, v in parts.items()}

        # (e) the UI loop while 200 articles are imported on a worker thread, as the add
        # dialog imports them; taken out again after, so the library stays as it was.
        import tempfile
        import threading

        from import_bench import write_articles

        before = set(lib.list_ids())
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "import.jsonl"
            write_articles(path, 200, 3_000_000, "zqxtuiimport")
            done = threading.Event()

            def run_import() -> None:
                try:
                    lib.add([path])
                    lib.sync_index()
                finally:
                    done.set()

            stalls.start()
            t0 = time.perf_counter()
            threading.Thread(target=run_import, daemon=True).start()
            while not done.is_set():
                await asyncio.sleep(0.05)
            out["import_200_s"] = time.perf_counter() - t0
            out["loop_stalls_importing_ms"] = stalls.stop()
        added = sorted(set(lib.list_ids()) - before)
        lib.remove(added, force=True)
        lib.sync_index()
        app.close_search_process()
    return out


async def bare_keys_bench(presses: int) -> dict:
    app = bare_app_class()()
    waiter = FrameWaiter()
    async with app.run_test(size=SIZE) as pilot:
        hook_display(app, waiter.on_frame)
        await pilot.pause(0.2)
        lat = []
        for _ in range(presses):
            target = app.n + 1
            waiter.arm(lambda t=target: app.n == t)
            t0 = time.perf_counter()
            await pilot.press("j")
            lat.append((await waiter.wait() - t0) * 1000)
            await pilot.pause()
    return {"j": summary(lat)}


def reset_state(home: str) -> None:
    import sqlite3

    conn = sqlite3.connect(os.path.join(home, "library.db"))
    conn.execute("DELETE FROM read_state")
    conn.execute("DELETE FROM meta WHERE key = 'last_opened'")
    conn.commit()
    conn.close()


def child_keys(kind: str, home: str, presses: int) -> None:
    import asyncio

    if kind == "bare":
        out = asyncio.run(bare_keys_bench(presses))
    else:
        out = asyncio.run(keys_bench(home, presses))
    print("BENCH " + json.dumps(out), flush=True)
    os._exit(0)


def run_child(args: list[str], timeout: float = 1800) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, timeout=timeout
    )
    line = next((x for x in proc.stdout.splitlines() if x.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"child {args} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
    return json.loads(line[6:])


def print_keys(sahel: dict, bare: dict) -> None:
    bj = bare["j"]["median"]
    print("\n(b) key → repaint, in-process run_test(size=120x40) (ms)")
    print(f"  {'key':34}{'median':>8}{'p95':>8}{'max':>8}{'n':>5}{'median/bare j':>15}")
    rows = [
        ("bare Textual: j updates a Static", bare["j"]),
        ("j  (list cursor down)", sahel["j"]),
        ("enter (open article)", sahel["enter"]),
        ("G  (jump to end of list)", sahel["G"]),
        ("g  (jump to top)", sahel["g"]),
    ]
    for name, s in rows:
        print(
            f"  {name:34}{s['median']:8.1f}{s['p95']:8.1f}{s['max']:8.1f}{s['n']:5d}"
            f"{s['median'] / bj:15.2f}"
        )
    for key in ("j", "enter"):
        verdict = "OK" if sahel[key]["p95"] < 50 else "OVER"
        print(f"  target p95 < 50 ms for {key}: {verdict} ({sahel[key]['p95']:.1f} ms)")
    print("\n(d) search in the TUI (ms; medians of 3 reps per query)")
    print(
        f"  {'query':34}{'hits':>6}{'direct':>9}{'submit':>9}{'typed':>9}{'clear':>9}"
        f"{'submit/direct':>15}"
    )
    for query, r in sahel["search"].items():
        print(
            f"  {query:34}{r['hits']:6d}{r['direct']:9.1f}{r['submit']:9.1f}{r['typed']:9.1f}"
            f"{r['clear']:9.1f}{r['submit'] / r['direct']:15.2f}"
        )
    for name in ("search_direct", "search_submit", "search_typed", "search_clear"):
        s = sahel[name]
        print(f"  {name:34} median {s['median']:7.1f}  p95 {s['p95']:7.1f}  max {s['max']:7.1f}")
    print(
        "  (direct = Library.search(limit=5000, snippets=False) alone; submit = enter → result"
        " painted; typed = last keystroke → result painted, includes the 250 ms debounce;"
        " clear = escape → full list painted)"
    )
    for name, label in (
        ("loop_stalls_searching_ms", "while the searches above ran"),
        ("loop_stalls_importing_ms", "while 200 articles were imported (worker thread)"),
    ):
        if name in sahel:
            st = sahel[name]
            print(
                f"  UI loop late (a 10 ms tick), {label}: max {st['max']:.0f} ms,"
                f" p99 {st['p99']:.0f} ms over {st['n']} ticks (target: no gap over 250 ms)"
            )
    if "gc_pauses_searching_ms" in sahel:
        gcs = sahel["gc_pauses_searching_ms"]
        print(
            "  garbage collections while searching: "
            + ", ".join(
                f"{gen} {g['n']} (max {g['max']:.0f} ms, {g['total']:.0f} ms in all)"
                for gen, g in gcs.items()
            )
        )
    print("\n  UI-thread calls behind those keys, timed alone (median ms):")
    for name, ms in sahel["ui_calls_ms"].items():
        print(f"    {name:28}{ms:8.2f}")


# ----------------------------------------------------------------------------------------------
# (c) memory


async def memory_run(kind: str, home: str) -> None:
    import asyncio

    if kind == "bare":
        app = bare_app_class()()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.3)
            await pilot.press("j")
            await pilot.pause(0.2)
        return
    from sahelreader.tui import make_app

    app = make_app(home=home, search_process=True)  # as the CLI starts it
    async with app.run_test(size=SIZE) as pilot:
        article_list = app.query_one("#article-list")
        while not (article_list.ids and app.index_ready.is_set()):
            await asyncio.sleep(0.05)
        await _search_process_ready(app)
        await pilot.pause(0.2)
        await pilot.press("j", "enter")
        await pilot.pause(0.2)
        await pilot.press("slash", *"niamey", "enter")
        t0 = time.perf_counter()
        main = app.main
        while main.query_text != "niamey" or not article_list.ids or not article_list.with_snippets:
            await asyncio.sleep(0.02)
            if time.perf_counter() - t0 > 60:
                break
        await pilot.pause(0.3)
        SEARCH_PROCESS_RSS.append(_search_process_peak_mb(app))
        app.close_search_process()


SEARCH_PROCESS_RSS: list[float] = []


async def _search_process_ready(app) -> None:
    """The search process the reader starts once its list is shown, ready (as it is a second
    or two after start-up, before anyone has typed a query)."""
    import asyncio

    while app.search_process is None:
        await asyncio.sleep(0.05)
    while not app.search_process.ready.is_set():
        await asyncio.sleep(0.05)


def _search_process_peak_mb(app) -> float:
    """The search process's peak resident memory (VmHWM), MB; 0 without one."""
    process = app.search_process
    if process is None:
        return 0.0
    status = Path(f"/proc/{process._process.pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def child_memory(kind: str, home: str, trace: bool) -> None:
    import asyncio
    import resource

    if trace:
        import tracemalloc

        tracemalloc.start()
    asyncio.run(memory_run(kind, home))
    out = {
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "search_process_rss_mb": SEARCH_PROCESS_RSS[0] if SEARCH_PROCESS_RSS else 0.0,
    }
    if trace:
        current, peak = tracemalloc.get_traced_memory()
        out.update(traced_peak_mb=peak / 1e6, traced_now_mb=current / 1e6)
    print("BENCH " + json.dumps(out), flush=True)
    os._exit(0)


def run_memory(home: str) -> dict:
    out = {}
    for kind in ("sahel", "bare"):
        traced = run_child(["--child-memory", kind, home, "trace"])
        plain = run_child(["--child-memory", kind, home, "plain"])
        out[kind] = {
            "traced_peak_mb": traced["traced_peak_mb"],
            "rss_mb": plain["rss_mb"],
            "rss_with_tracemalloc_mb": traced["rss_mb"],
            "search_process_rss_mb": plain["search_process_rss_mb"],
        }
    return out


def print_memory(out: dict) -> None:
    s, b = out["sahel"], out["bare"]
    print("\n(c) memory: app open on the library, list + index ready, one article open, one search")
    print(f"  {'':32}{'sahelreader':>12}{'bare':>10}{'ratio':>8}")
    print(
        f"  {'tracemalloc peak (MB)':32}{s['traced_peak_mb']:12.1f}{b['traced_peak_mb']:10.1f}"
        f"{s['traced_peak_mb'] / b['traced_peak_mb']:8.2f}"
    )
    print(
        f"  {'ru_maxrss, no tracemalloc (MB)':32}{s['rss_mb']:12.1f}{b['rss_mb']:10.1f}"
        f"{s['rss_mb'] / b['rss_mb']:8.2f}"
    )
    print(f"  {'search process peak RSS (MB)':32}{s.get('search_process_rss_mb', 0.0):12.1f}")


# ----------------------------------------------------------------------------------------------


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-start":
        child_start(sys.argv[2], sys.argv[3])
    if len(sys.argv) > 1 and sys.argv[1] == "--child-keys":
        child_keys(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    if len(sys.argv) > 1 and sys.argv[1] == "--child-memory":
        child_memory(sys.argv[2], sys.argv[3], sys.argv[4] == "trace")
    parser = argparse.ArgumentParser(description="sahelreader TUI benchmarks")
    parser.add_argument("home")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs per app")
    parser.add_argument("--presses", type=int, default=100)
    parser.add_argument("--only", default="start,keys,memory")
    parser.add_argument("--keep-state", action="store_true")
    parser.add_argument("--json", help="also write the raw results here")
    args = parser.parse_args()
    home = os.path.abspath(args.home)
    if not os.path.exists(os.path.join(home, "library.db")):
        parser.error(f"no library in {home}: run bench/make_library.py first")
    import sqlite3

    count = (
        sqlite3.connect(os.path.join(home, "library.db"))
        .execute("SELECT COUNT(*) FROM articles")
        .fetchone()[0]
    )
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, library {home}: "
        f"{count:,} articles; load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    parts = set(args.only.split(","))
    results: dict = {"articles": count}
    try:
        if "start" in parts:
            results["start"] = run_start(home, args.runs)
            print_start(results["start"])
        if "keys" in parts:
            results["keys_bare"] = run_child(["--child-keys", "bare", home, str(args.presses)])
            results["keys"] = run_child(["--child-keys", "sahel", home, str(args.presses)])
            print_keys(results["keys"], results["keys_bare"])
        if "memory" in parts:
            results["memory"] = run_memory(home)
            print_memory(results["memory"])
    finally:
        if not args.keep_state:
            reset_state(home)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
