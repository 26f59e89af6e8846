"""What :func:`sahelreader.ingest.read_file` returns: the drafts, and a tally of what was left
out of them."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sized
from pathlib import Path
from types import TracebackType
from typing import IO

from sahelreader.models import ArticleDraft

__all__ = ["ArticleStream", "SkipLog"]


class SkipLog:
    """Records left out of a file, counted by reason, with where the first of each was."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.first_at: dict[str, str] = {}
        # What was wrong with the file as a whole though its records were read (a feed that is
        # not well-formed XML, or not in the encoding it declares): one line each.
        self.notes: list[str] = []

    def add(self, reason: str, where: str) -> None:
        self.counts[reason] += 1
        self.first_at.setdefault(reason, where)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        """One line for people: "3 skipped: 2 no title or text, first at record 4; 1 larger
        than 5 MB (the per-record cap), first at line 9"; "" when nothing was skipped."""
        if not self.counts:
            return ""
        parts = [
            f"{count:,} {reason}, first at {self.first_at[reason]}"
            for reason, count in self.counts.most_common()
        ]
        return f"{self.total:,} skipped: " + "; ".join(parts)


class ArticleStream(Iterator[ArticleDraft]):
    """The drafts read from one file, produced lazily, plus what was skipped on the way.

    Iterate it for drafts. ``skipped`` and ``skip_reasons`` grow as records are read, so they
    are complete once iteration has finished. A JSON Lines file is streamed and stays open until
    then: iterate it to the end, call ``close()``, or use it in a ``with`` block.
    """

    def __init__(
        self,
        path: Path,
        drafts: Iterable[ArticleDraft],
        skips: SkipLog | None = None,
        *,
        closing: IO[bytes] | None = None,
    ) -> None:
        self.path = path
        self._drafts = iter(drafts)
        self._skips = skips if skips is not None else SkipLog()
        self._closing = closing  # the open file a stream reads from
        self._records = len(drafts) if isinstance(drafts, Sized) else None
        self._size: int | None = None
        self.produced = 0

    def __iter__(self) -> ArticleStream:
        return self

    def __next__(self) -> ArticleDraft:
        draft = next(self._drafts)
        self.produced += 1
        return draft

    @property
    def skipped(self) -> int:
        """How many records were left out so far (bad JSON lines, records with no text)."""
        return self._skips.total

    @property
    def skip_reasons(self) -> dict[str, int]:
        """Skipped records by reason: {"no title or text": 55, "not valid JSON": 1}."""
        return dict(self._skips.counts)

    @property
    def notes(self) -> list[str]:
        """What was wrong with the file though it was read ("not well-formed XML (line 4:
        …); the 3 entries found were kept"), complete once iteration has finished."""
        return list(self._skips.notes)

    def skip_summary(self) -> str:
        """A one-line account of the skipped records, or "" when there were none."""
        return self._skips.summary()

    def fraction_read(self) -> float | None:
        """How far through the file reading has got, from 0 to 1, or None when that is not
        known: a streamed file's position in its bytes on disk (compressed ones for .gz), or
        the share of a parsed document's drafts produced so far."""
        if self._records is not None:
            return self.produced / self._records if self._records else 1.0
        if self._closing is None:
            return None
        raw = getattr(self._closing, "fileobj", None) or self._closing  # gzip reads a file
        try:
            if self._size is None:
                self._size = os.fstat(raw.fileno()).st_size
            position = raw.tell()
        except (OSError, ValueError, AttributeError):  # closed, or not a real file
            return None
        return min(1.0, position / self._size) if self._size else None

    def close(self) -> None:
        """Stop reading and close the file (needed only when not iterating to the end)."""
        close = getattr(self._drafts, "close", None)
        if close is not None:
            close()
        if self._closing is not None:
            self._closing.close()

    def __enter__(self) -> ArticleStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
