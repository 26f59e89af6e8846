"""A lock between processes on one file: who may write the search index (`index.lock`).

`fcntl.flock` on POSIX, `msvcrt.locking` on Windows: the operating system drops the lock when
its holder exits, however it exits (kill -9 included), so a crashed builder never leaves the
index locked. Waiting is polled, with a bound: a caller that cannot get the lock in time goes on
without it (the store is the truth; the index catches up later).
"""

from __future__ import annotations

import errno
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

__all__ = ["FileLock"]

_POLL = 0.05  # seconds between attempts while waiting


class FileLock:
    """An exclusive lock on `path` (created if missing, never deleted: deleting a lock file
    that another process is about to lock would let two hold it).

    Re-entrant for its holder: `acquire` while held counts, and the lock goes at the matching
    `release`. One object is meant for one process, used under the caller's thread lock.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None
        self._depth = 0
        # The folder cannot be written (a read-only home): there is no lock to take, and
        # nothing this process could write to the index either. `acquire` then says True.
        self.unavailable = False

    @property
    def held(self) -> bool:
        return self._depth > 0

    def acquire(
        self,
        timeout: float | None,
        waiting: Callable[[], None] | None = None,
        tell_after: float = 0.0,
    ) -> bool:
        """Take the lock, waiting at most `timeout` seconds (None: as long as it takes); False
        if another process still holds it then. `waiting` is called once, if it has waited
        `tell_after` seconds (a holder that is done sooner is not worth a word)."""
        if self._depth:
            self._depth += 1
            return True
        try:
            file = self.path.open("a+b")
        except OSError:
            self.unavailable = True
            return True
        started = time.monotonic()
        deadline = None if timeout is None else started + timeout
        told = False
        while True:
            locked = _try_lock(file)
            if locked is None:  # no locking here: go on as if alone, as before
                file.close()
                self.unavailable = True
                return True
            if locked:
                self._file, self._depth = file, 1
                return True
            if deadline is not None and time.monotonic() >= deadline:
                file.close()
                return False
            if not told and waiting is not None and time.monotonic() - started >= tell_after:
                waiting()
                told = True
            left = _POLL if deadline is None else deadline - time.monotonic()
            time.sleep(max(0.0, min(_POLL, left)))

    def release(self) -> None:
        if self._depth == 0:
            return
        self._depth -= 1
        if self._depth:
            return
        file, self._file = self._file, None
        if file is not None:
            try:
                _unlock(file)
            finally:
                file.close()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(file: IO[bytes]) -> bool | None:
        file.seek(0)
        try:
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(file: IO[bytes]) -> None:
        file.seek(0)
        msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    _BUSY = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK}

    def _try_lock(file: IO[bytes]) -> bool | None:
        """True: locked; False: another process holds it; None: this file system cannot lock."""
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError:
            pass
        # A file system without flock (some network mounts): fcntl's record lock instead.
        try:
            fcntl.lockf(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            return False if error.errno in _BUSY else None
        return True

    def _unlock(file: IO[bytes]) -> None:
        # Closing the file (the caller does) drops a record lock too.
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_UN)
        except OSError:
            pass
