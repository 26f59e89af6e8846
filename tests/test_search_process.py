"""The search process: the reader's searches answered by an interpreter of their own, with the
same lists as the library gives in-process, new articles seen as they are indexed, and the
reader searching by itself again when the process is gone."""

from __future__ import annotations

import dataclasses
import gc
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sahelreader.library import Library
from sahelreader.library.search_process import (
    SearchProcess,
    SearchProcessGone,
    _receive,
    _send,
)
from sahelreader.models import BOOKMARKS, ListRequest
from sahelreader.tui import make_app
from sahelreader.tui.delays import Delays
from sahelreader.tui.widgets.article_list import ArticleList

from .conftest import CORPUS, draft, utc
from .tui_helpers import settle


@pytest.fixture
def indexed(library: Library) -> Library:
    library.add_drafts(CORPUS)
    library.ensure_index()
    return library


@pytest.fixture
def process(indexed: Library) -> Iterator[SearchProcess]:
    started = SearchProcess(indexed.locations)
    assert started.wait_ready(60), "the search process should start"
    yield started
    started.close()


def _request(search: str, **changes: Any) -> ListRequest:
    return dataclasses.replace(ListRequest(), **{"search": search, "sort": "relevance", **changes})


@pytest.mark.parametrize(
    "request_",
    [
        _request("niger"),
        _request("uranium OR ménaka"),
        _request('"the army"'),
        _request("niger", sort="date"),
        _request("niger", filter="unread"),
        _request("niger", view=BOOKMARKS),
        _request("published:[2020 to 2030]"),
        _request("title:("),  # not understood: the error comes back as the library says it
    ],
    ids=lambda r: f"{r.search}|{r.sort}|{r.filter}|{r.view.name}",
)
def test_the_process_lists_what_the_library_lists(
    indexed: Library, process: SearchProcess, request_: ListRequest
) -> None:
    here = indexed.list_view(request_)
    there = process.list_view(request_)
    assert there == here


def test_the_process_sees_articles_indexed_after_it_started(
    indexed: Library, process: SearchProcess
) -> None:
    asked = _request("zinderfresh")
    assert process.list_view(asked).ids == []  # type: ignore[union-attr]
    indexed.add_drafts(
        [draft("Zinderfresh market", "Zinderfresh news.", published=utc(2025, 1, 2))]
    )
    indexed.sync_index()
    found = process.list_view(asked)
    assert found is not None and len(found.ids) == 1


def test_a_process_that_ended_says_so(process: SearchProcess) -> None:
    process._process.kill()
    process._process.wait()
    with pytest.raises(SearchProcessGone):
        process.list_view(_request("niger"))
    assert not process.alive


def test_messages_survive_the_pipe() -> None:
    stream = io.BytesIO()
    result = ("list", 7, {"ids": ["a", "b"], "terms": frozenset({("body", "niger")})})
    _send(stream, result)
    _send(stream, ("cancel", 7, None))
    stream.seek(0)
    assert _receive(stream) == result
    assert _receive(stream) == ("cancel", 7, None)
    with pytest.raises(EOFError):
        _receive(stream)


async def test_the_reader_searches_in_the_process_and_alone_when_it_is_gone(
    indexed: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    real = SearchProcess.list_view

    def counted(self: SearchProcess, request: ListRequest, cancelled: Any = None) -> Any:
        asked.append(request.search)
        return real(self, request, cancelled)

    monkeypatch.setattr(SearchProcess, "list_view", counted)
    app = make_app(library=indexed, delays=Delays.none(), search_process=True)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            process = app.search_process
            assert process is not None
            waited = threading.Thread(target=process.wait_ready, args=(60,))
            waited.start()
            while waited.is_alive():
                await pilot.pause(0.05)
            assert process.ready.is_set()
            await pilot.press("slash", *"uranium", "enter")
            await settle(app, pilot)
            article_list = app.query_one(ArticleList)
            assert asked and asked[-1] == "uranium"
            assert len(article_list.ids) == len(indexed.list_view(_request("uranium")).ids) > 0
            # The process dies: the next search is made here, and says nothing of it.
            process._process.kill()
            process._process.wait()
            await pilot.press("slash", *"niger", "enter")
            await settle(app, pilot)
            assert app.search_process is None
            assert article_list.ids == indexed.list_view(_request("niger")).ids
    finally:
        app.close_search_process()


def test_the_process_module_runs_without_textual(tmp_path: Path) -> None:
    """The process imports the core only: it starts in under a second or two, not a UI."""
    import subprocess
    import sys

    code = (
        "import sys, sahelreader.library.search_process as p\n"
        "sys.stderr.write(str(any(m.startswith('textual') for m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "False"


def test_a_request_given_up_before_it_is_sent_never_reaches_the_process(
    process: SearchProcess,
) -> None:
    given_up = threading.Event()
    given_up.set()
    number = process._number
    assert process.list_view(_request("niger"), given_up) is None
    assert process._number == number  # nothing was sent


def test_the_process_skips_a_request_given_up_before_it_began(indexed: Library) -> None:
    """A burst of typing gives up request after request: the process answers those it was
    told about at once, rather than ranking each in full before the one that counts."""
    import os

    from sahelreader.library import search_process as module

    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    child_in, parent_out = os.fdopen(to_child_r, "rb"), os.fdopen(to_child_w, "wb")
    parent_in, child_out = os.fdopen(from_child_r, "rb"), os.fdopen(from_child_w, "wb")
    asked: list[str] = []
    real = Library.list_view

    def counted(self: Library, request: ListRequest, *args: Any) -> Any:
        asked.append(request.search)
        return real(self, request, *args)

    serving = threading.Thread(
        target=module.serve, args=(indexed.locations, child_in, child_out), daemon=True
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Library, "list_view", counted)
        serving.start()
        assert _receive(parent_in)[0] == "ready"
        _send(parent_out, ("list", 1, _request("niger")))
        replies = [_receive(parent_in)]
        _send(parent_out, ("cancel", 2, None))  # given up while still waiting to be sent
        _send(parent_out, ("list", 2, _request("mali")))
        _send(parent_out, ("list", 3, _request("uranium")))
        replies += [_receive(parent_in) for _ in range(2)]
        parent_out.close()
        serving.join(10)
    assert [(kind, number) for kind, number, _ in replies] == [
        ("list", 1),
        ("list", 2),
        ("list", 3),
    ]
    assert replies[1][2] is None
    assert asked == ["niger", "uranium"]


def test_the_process_never_imports_from_the_folder_the_reader_started_in(
    indexed: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m` puts the working folder first on sys.path: a `sahelreader/` package (or a
    `queue.py`) there would have been imported by the process."""
    planted = tmp_path / "elsewhere"
    (planted / "sahelreader").mkdir(parents=True)
    marker = tmp_path / "ran"
    code = f"open({str(marker)!r}, 'w').write('planted code ran')\n"
    (planted / "sahelreader" / "__init__.py").write_text(code)
    (planted / "queue.py").write_text(code)
    monkeypatch.chdir(planted)
    started = SearchProcess(indexed.locations)
    try:
        assert started.wait_ready(60)
        assert started.list_view(_request("niger")) == indexed.list_view(_request("niger"))
    finally:
        started.close()
    assert not marker.exists()


def test_a_reply_that_cannot_be_read_ends_the_process_for_the_reader(
    indexed: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever stops the thread reading replies, the reader stops waiting for them."""
    from sahelreader.library import search_process as module

    def broken(stream: Any) -> Any:
        raise AttributeError("a reply that does not unpickle")

    monkeypatch.setattr(module, "_receive", broken)
    started = SearchProcess(indexed.locations)
    try:
        assert not started.wait_ready(10)
        with pytest.raises(SearchProcessGone):
            started.list_view(_request("niger"))
    finally:
        started.close()


def test_the_process_refuses_a_database_it_could_only_open_frozen(
    indexed: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`immutable=1` (the read-only store's last resort) never sees later writes: the process
    ends at once, and the reader searches by itself."""
    from sahelreader.library import search_process as module
    from sahelreader.store.database import Store

    monkeypatch.setattr(Store, "reads_a_snapshot", lambda self: True)
    stdin, stdout = io.BytesIO(), io.BytesIO()
    assert module.serve(indexed.locations, stdin, stdout) == 1
    assert stdout.getvalue() == b""  # never said it was ready


def test_a_store_opened_as_usual_is_not_a_snapshot(indexed: Library) -> None:
    from sahelreader.store.database import Store

    store = Store(indexed.locations.database, read_only=True)
    try:
        assert not store.reads_a_snapshot()
    finally:
        store.close()


def test_the_process_collects_garbage_in_the_pauses_between_searches(
    indexed: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full pass of the garbage collector in the middle of a search delays its answer:
    the process makes one when no request has come for a moment, once per pause."""
    import os
    import time

    from sahelreader.library import search_process as module
    from sahelreader.library.heap import collect_and_freeze as real

    passes: list[float] = []

    def counted() -> None:
        passes.append(time.monotonic())
        real()

    monkeypatch.setattr(module, "collect_and_freeze", counted)  # as imported there
    monkeypatch.setattr(module, "QUIET_SECONDS", 0.05)
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    child_in, parent_out = os.fdopen(to_child_r, "rb"), os.fdopen(to_child_w, "wb")
    parent_in, child_out = os.fdopen(from_child_r, "rb"), os.fdopen(from_child_w, "wb")
    serving = threading.Thread(
        target=module.serve, args=(indexed.locations, child_in, child_out), daemon=True
    )
    serving.start()
    assert _receive(parent_in)[0] == "ready"
    assert len(passes) == 1  # once warmed up, before the first request
    time.sleep(0.3)
    assert len(passes) == 1  # nothing searched since: nothing to collect
    for number, word in enumerate(["niger", "mali"], start=1):
        _send(parent_out, ("list", number, _request(word)))
        assert _receive(parent_in)[:2] == ("list", number)
        time.sleep(0.3)
        assert len(passes) == 1 + number  # one pass in each pause after a search
    parent_out.close()
    serving.join(10)
    assert gc.get_freeze_count() == 0  # this test's process is given back its heap
