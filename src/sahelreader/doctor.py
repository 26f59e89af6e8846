"""`sahelreader doctor`: check the store and the index, repair what can be repaired, say what.

What it checks comes in as a `DoctorSubject` (the Library is one): exactly the calls made here,
so the checks can be read, and tested, without a Library.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sahelreader.store.locks import FileLock
from sahelreader.store.salvage import Salvage
from sahelreader.text.clean import plural

# The health of a library that never had an index (a new home): building it is first use, not
# a repair.
NO_INDEX_YET = "no search index yet"

__all__ = ["DoctorSubject", "Finding", "recovery_finding", "run_doctor"]

_MAX_SEGMENTS = 12
_LEFTOVERS = (".building", ".old")

Progress = Callable[[int, int], None]


class _Database(Protocol):
    def integrity_problems(self) -> list[str]: ...
    def count(self) -> int: ...
    def orphaned_user_data(self) -> int: ...


class _Index(Protocol):
    @property
    def folder(self) -> Path: ...
    def doc_count(self) -> int: ...
    def segment_count(self) -> int: ...
    def optimize(self) -> None: ...


class _Health(Protocol):
    @property
    def ok(self) -> bool: ...
    @property
    def reason(self) -> str: ...
    @property
    def pending(self) -> int: ...


class _Placed(Protocol):
    @property
    def placed(self) -> int: ...


class _Stories(Protocol):
    def unplaced(self) -> int: ...
    def catch_up(self, progress: Progress | None = None) -> _Placed: ...


class DoctorSubject(Protocol):
    """What the doctor examines and repairs: a store, an index, and keeping them in step."""

    @property
    def store(self) -> _Database: ...
    @property
    def index(self) -> _Index: ...
    def index_health(self) -> _Health: ...
    def rebuild_index(self, progress: Progress | None = None) -> int: ...
    def sync_index(self, progress: Progress | None = None) -> bool: ...
    @property
    def stories(self) -> _Stories: ...
    @property
    def read_only(self) -> str | None: ...


@dataclass(frozen=True)
class Finding:
    what: str
    ok: bool
    repaired: bool = False
    detail: str = ""

    def line(self) -> str:
        mark = "ok" if self.ok else ("repaired" if self.repaired else "PROBLEM")
        return f"[{mark}] {self.what}" + (f": {self.detail}" if self.detail else "")


def recovery_finding(recovered: Salvage) -> Finding:
    """What a recovery of the damaged database (store/salvage.py) did, as the first finding."""
    kept = f"the damaged file is kept as {recovered.aside.name}" if recovered.aside else ""
    if recovered.readable:
        return Finding(
            "library database",
            ok=False,
            repaired=True,
            detail=f"it was damaged; {recovered.summary()} into a new library file; {kept}",
        )
    return Finding(
        "library database",
        ok=False,
        detail=f"{recovered.summary()}; {kept or 'it is kept'}, and a new, empty library was "
        "started: bring a backup back with `sahelreader restore FILE`",
    )


def run_doctor(
    library: DoctorSubject, progress: Progress | None = None, recovered: Salvage | None = None
) -> list[Finding]:
    """Check, repair where possible, and say what was found, in the order checked.
    `recovered`: the damaged database was recovered first (Library.doctor does that)."""
    findings: list[Finding] = []
    store, index = library.store, library.index

    if recovered is not None:
        findings.append(recovery_finding(recovered))
    else:
        try:
            problems = store.integrity_problems()
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
        if problems:
            findings.append(
                Finding(
                    "library database",
                    ok=False,
                    detail="; ".join(problems[:3]) + " — restore a backup, or export notes now",
                )
            )
        else:
            findings.append(
                Finding("library database", ok=True, detail=plural(store.count(), "article"))
            )

    # Only while no other process writes the index: its `.building` folder is not a leftover.
    lock = FileLock(index.folder.with_name(index.folder.name + ".lock"))
    if lock.acquire(timeout=0):
        try:
            for leftover in (index.folder.with_name(index.folder.name + s) for s in _LEFTOVERS):
                if leftover.exists():
                    shutil.rmtree(leftover, ignore_errors=True)
                    if leftover.exists():
                        continue  # cannot be removed (a read-only home): nothing was repaired
                    findings.append(
                        Finding(
                            f"leftover {leftover.name}",
                            ok=False,
                            repaired=True,
                            detail="removed an interrupted index build",
                        )
                    )
        finally:
            lock.release()

    health = library.index_health()
    if not health.ok and health.reason == NO_INDEX_YET:
        written = library.rebuild_index(progress)
        findings.append(
            Finding("search index", ok=True, detail=f"built with {plural(written, 'article')}")
        )
    elif not health.ok:
        written = library.rebuild_index(progress)
        findings.append(
            Finding(
                "search index",
                ok=False,
                repaired=True,
                detail=f"{health.reason}; rebuilt with {plural(written, 'article')}",
            )
        )
    elif health.pending:
        synced = library.sync_index(progress)
        findings.append(
            Finding(
                "search index",
                ok=False,
                repaired=synced,
                detail=f"{plural(health.pending, 'change')} "
                + ("was" if health.pending == 1 else "were")
                + " waiting; "
                + ("indexed" if synced else "index locked by another process"),
            )
        )
    else:
        findings.append(
            Finding("search index", ok=True, detail=plural(index.doc_count(), "document"))
        )

    segments = index.segment_count()
    if segments > _MAX_SEGMENTS:
        index.optimize()
        findings.append(
            Finding(
                "index segments",
                ok=False,
                repaired=True,
                detail=f"merged {plural(segments, 'segment')} into one",
            )
        )

    unplaced = library.stories.unplaced()
    if unplaced and library.read_only is None:
        placed = library.stories.catch_up(progress).placed
        findings.append(
            Finding(
                "stories",
                ok=False,
                repaired=placed == unplaced,
                detail=(
                    f"grouped {plural(placed, 'article')} that "
                    f"{'was' if placed == 1 else 'were'} in no story"
                ),
            )
        )
    elif unplaced:
        findings.append(
            Finding("stories", ok=False, detail=f"{plural(unplaced, 'article')} in no story")
        )

    orphans = store.orphaned_user_data()
    if orphans:
        of_removed, kept = (
            ("a removed article", "it returns")
            if orphans == 1
            else ("removed articles", "they return")
        )
        findings.append(
            Finding(
                "notes and bookmarks",
                ok=True,
                detail=f"{plural(orphans, 'note or bookmark', 'notes and bookmarks')} of "
                f"{of_removed}; kept, {kept} if the article is imported again",
            )
        )
    return findings
