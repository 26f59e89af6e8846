"""The reader's searches, answered by a process of their own.

The reader searched on a thread beside its UI thread, and Python runs one thread at a time:
while the screen repainted (the focus moving to the list, the header, the list itself) the
search ran at half speed (50,000 articles: 35-150 ms alone, 90-470 ms in the reader). This
process has its own interpreter, on the other core: the reader sends it a `ListRequest` and
gets the `ListResult` back, pickled over a pipe.

The process opens the library read-only (it never writes) and, like any reader, sees each new
commit of the index and the store. It ends when the reader closes the pipe, or dies with it.
Run as `python -m sahelreader.library.search_process DATABASE INDEX CONFIG` (the library's
three locations); `SearchProcess` starts it.
"""

from __future__ import annotations

import gc
import pickle
import queue
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from sahelreader.library.heap import collect_and_freeze
from sahelreader.models import Cancellation, ListRequest, ListResult
from sahelreader.paths import Locations

_HEADER = struct.Struct("!I")  # a message's length, before its pickle
_READY_TIMEOUT = 60.0
_ANSWER_TIMEOUT = 30.0  # seconds; the slowest search at 100,000 articles takes about 1
# No request for this long: the garbage collector's full pass runs now, not during the next
# search (see tui/collector.py, which does the same for the reader).
QUIET_SECONDS = 1.0


class SearchProcessGone(Exception):
    """The search process ended (or never started): search in this process instead."""


class SearchFailed(Exception):
    """The search process could not answer this request (it still runs)."""


def _send(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    # Our own child's pickles, over our own pipe: nothing from outside reads or writes it.
    return pickle.loads(data)  # noqa: S301


class SearchProcess:
    """A search process for the library at `where`, started at once; `ready` is set once it
    has opened the library and made what its first long search needs."""

    def __init__(self, where: Locations) -> None:
        self.ready = threading.Event()
        database = where.database.resolve()
        places = [str(database), str(where.index.resolve()), str(where.config.resolve())]
        self._process = subprocess.Popen(
            [sys.executable, "-m", "sahelreader.library.search_process", *places],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            # `-m` puts the working folder first on sys.path: the reader's own data folder,
            # never wherever the reader was started (a `sahelreader/` or `queue.py` there
            # would be imported in its place).
            cwd=database.parent,
        )
        self._replies: queue.Queue[tuple[str, int, Any]] = queue.Queue()
        self._asking = threading.Lock()  # one request on the pipe at a time
        self._writing = threading.Lock()  # a cancel can be written while a request waits
        self._number = 0
        self._gone = threading.Event()
        threading.Thread(target=self._read_replies, name="search-replies", daemon=True).start()

    def _read_replies(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        try:
            while True:
                kind, number, payload = _receive(stdout)
                if kind == "ready":
                    self.ready.set()
                else:
                    self._replies.put((kind, number, payload))
        except Exception:  # noqa: BLE001 - any failure to read ends the process's use
            pass
        finally:
            # However this thread ends, nothing more will be answered: the reader must not
            # wait for it.
            self._gone.set()

    @property
    def alive(self) -> bool:
        return not self._gone.is_set() and self._process.poll() is None

    def wait_ready(self, timeout: float = _READY_TIMEOUT) -> bool:
        """Whether the process became ready within `timeout` seconds (False if it ended)."""
        deadline = time.monotonic() + timeout
        while not self.ready.is_set() and not self._gone.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            self._gone.wait(min(left, 0.05))
        return self.ready.is_set()

    def _write(self, message: object) -> None:
        stdin = self._process.stdin
        if stdin is None:
            raise SearchProcessGone("no pipe to the search process")
        try:
            with self._writing:
                _send(stdin, message)
        except (BrokenPipeError, OSError, ValueError) as error:
            self._gone.set()
            raise SearchProcessGone(str(error)) from error

    def list_view(
        self, request: ListRequest, cancelled: Cancellation | None = None
    ) -> ListResult | None:
        """What `Library.list_view(request, cancelled)` returns, computed in the process.
        Raises SearchProcessGone if the process has ended, SearchFailed if it could not
        answer this request."""
        if not self.alive:
            raise SearchProcessGone("the search process has ended")
        with self._asking:
            # Given up while a request before it was answered: the process never sees it.
            if cancelled is not None and cancelled.is_set():
                return None
            self._number += 1
            number = self._number
            self._write(("list", number, request))
            told = False
            deadline = time.monotonic() + _ANSWER_TIMEOUT
            while True:
                try:
                    kind, answered, payload = self._replies.get(timeout=0.02)
                except queue.Empty:
                    if cancelled is not None and not told and cancelled.is_set():
                        self._write(("cancel", number, None))
                        told = True
                    if not self.alive:
                        raise SearchProcessGone("the search process has ended") from None
                    if time.monotonic() > deadline:
                        # A process that stopped answering would hold every search after it.
                        self.close()
                        raise SearchProcessGone("the search process stopped answering") from None
                    continue
                if answered != number:
                    continue  # the answer to a request given up on (cannot happen: see lock)
                if kind == "error":
                    raise SearchFailed(str(payload))
                result: ListResult | None = payload
                return result

    def close(self) -> None:
        """End the process: it stops when its pipe closes (killed if it does not, in 2 s)."""
        self._gone.set()
        stdin = self._process.stdin
        try:
            if stdin is not None:
                stdin.close()
        except OSError:
            pass
        try:
            self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()


class _Cancelled:
    """Library.list_view's `cancelled`, for one request: set once the reader gave it up."""

    def __init__(self, number: int, given_up: list[int]) -> None:
        self._number = number
        self._given_up = given_up

    def is_set(self) -> bool:
        return self._given_up[0] >= self._number


def serve(where: Locations, stdin: IO[bytes], stdout: IO[bytes]) -> int:
    """Answer list requests from `stdin` on `stdout` until `stdin` closes."""
    from sahelreader.config import load_config
    from sahelreader.library import Library

    library = Library(where, load_config(where.config), read_only=True)
    if library.store.reads_a_snapshot():
        # Only a frozen copy of the database could be opened (`immutable=1`): later changes
        # would never show. The reader searches by itself instead.
        library.close()
        return 1
    library.warm_search()
    collect_and_freeze()
    requests: queue.Queue[tuple[int, ListRequest] | None] = queue.Queue()
    given_up = [0]  # the highest request number the reader gave up on

    def read_requests() -> None:
        try:
            while True:
                kind, number, request = _receive(stdin)
                if kind == "cancel":
                    given_up[0] = max(given_up[0], number)
                else:
                    requests.put((number, request))
        except (EOFError, OSError, pickle.UnpicklingError, ValueError):
            requests.put(None)

    threading.Thread(target=read_requests, name="search-requests", daemon=True).start()
    _send(stdout, ("ready", 0, None))
    collected = True
    try:
        while True:
            try:
                asked = requests.get(timeout=None if collected else QUIET_SECONDS)
            except queue.Empty:
                collect_and_freeze()
                collected = True
                continue
            if asked is None:
                break
            collected = False
            number, request = asked
            if number <= given_up[0]:
                _send(stdout, ("list", number, None))  # given up before it began
                continue
            try:
                result = library.list_view(request, _Cancelled(number, given_up))
            except Exception as error:  # noqa: BLE001 - said to the reader, which searches itself
                _send(stdout, ("error", number, f"{type(error).__name__}: {error}"))
                continue
            _send(stdout, ("list", number, result))
    except (BrokenPipeError, OSError):
        pass
    finally:
        library.close()
        gc.unfreeze()  # a process about to end; or a test that served in its own process
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        sys.stderr.write(
            "usage: python -m sahelreader.library.search_process DATABASE INDEX CONFIG\n"
        )
        return 2
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not break the messages on stdout
    return serve(Locations(*(Path(arg) for arg in args)), stdin, stdout)


if __name__ == "__main__":
    sys.exit(main())
