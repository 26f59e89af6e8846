"""`sahelreader doctor`: check the store and the index, repair what can be repaired, say what."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass

from sahelreader.library import Library
from sahelreader.text.clean import plural

_MAX_SEGMENTS = 12


@dataclass(frozen=True)
class Finding:
    what: str
    ok: bool
    repaired: bool = False
    detail: str = ""

    def line(self) -> str:
        mark = "ok" if self.ok else ("repaired" if self.repaired else "PROBLEM")
        return f"[{mark}] {self.what}" + (f": {self.detail}" if self.detail else "")


def run_doctor(
    library: Library, progress: Callable[[int, int], None] | None = None
) -> list[Finding]:
    findings: list[Finding] = []
    store, index = library.store, library.index

    problems = store.integrity_problems()
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

    for leftover in (index.folder.with_name(index.folder.name + s) for s in (".building", ".old")):
        if leftover.exists():
            shutil.rmtree(leftover, ignore_errors=True)
            findings.append(
                Finding(
                    f"leftover {leftover.name}",
                    ok=False,
                    repaired=True,
                    detail="removed an interrupted index build",
                )
            )

    health = library.index_health()
    if not health.ok:
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

    orphans = store.orphaned_user_data()
    if orphans:
        findings.append(
            Finding(
                "notes and bookmarks",
                ok=True,
                detail=f"{plural(orphans, 'note or bookmark', 'notes and bookmarks')} of removed "
                "articles; kept, they return "
                "if the article is imported again",
            )
        )
    return findings
