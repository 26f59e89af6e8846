"""Small messages that workers post to the app (post_message is thread-safe)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message


@dataclass
class IndexProgress(Message):
    done: int
    total: int
    phase: str = ""  # a step without a count ("committing"): the bar turns instead of filling

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class IndexReady(Message):
    notice: str = ""
    failed: str = ""


@dataclass
class ViewsCounted(Message):
    # (View, unread count); None: not known until the index is ready
    views: list[tuple[Any, int | None]] = field(default_factory=list)
    highlight: str | None = None  # the view to put the cursor on


@dataclass
class LibraryCounts(Message):
    total: int
    unread: int
    changed_outside: bool = False  # another process added or removed articles
    # When it was counted (MainScreen's count numbers, ascending): a count delivered after a
    # later one is stale.
    counted: int = 0


@dataclass
class RefreshProgress(Message):
    """Feeds refreshed so far, as each one ends."""

    done: int
    total: int
    new: int
    failed: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshProgress)


@dataclass
class RefreshDone(Message):
    """What a refresh brought; `error` when it could not run at all."""

    feeds: int = 0  # feeds checked
    added: int = 0
    updated: int = 0
    from_feeds: int = 0  # feeds that brought something
    failed: list[tuple[str, str]] = field(default_factory=list)  # (feed's name, error)
    in_views: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, name, count)
    rising: set[str] = field(default_factory=set)  # watched names rising (Library.trends)
    automatic: bool = False  # the timer started it, not a key
    only: str | None = None  # the one feed refreshed (from the feeds screen)
    cancelled: bool = False
    synced: bool = True  # the index was caught up (it was ready)
    new_ids: tuple[str, ...] = ()  # the articles it added
    error: str = ""


@dataclass
class ViewsNews(Message):
    """New articles' saved searches and watched names, counted once the index had them."""

    in_views: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, name, count)
    rising: set[str] = field(default_factory=set)


@dataclass
class RisingNames(Message):
    """The watch list's names that are rising (Library.trends.rising_names)."""

    names: set[str] = field(default_factory=set)
