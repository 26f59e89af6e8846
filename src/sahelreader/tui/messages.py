"""Small messages that workers post to the app (post_message is thread-safe)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message


@dataclass
class ListLoaded(Message):
    ids: list[str]
    query: str
    terms: frozenset[tuple[str, str]] = frozenset()
    total: int = 0
    more: bool = False
    suggestion: str | None = None
    error: str = ""
    keep: str | None = None
    open_after: bool = False
    snippets: dict[str, tuple[str, list[tuple[int, int]]]] = field(default_factory=dict)


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
    views: list[tuple[Any, int]] = field(default_factory=list)  # (View, unread count)


@dataclass
class EntityCounts(Message):
    article_id: str
    counts: dict[str, int]


@dataclass
class LibraryCounts(Message):
    total: int
    unread: int
    changed_outside: bool = False  # another process added or removed articles


@dataclass
class SnippetsLoaded(Message):
    snippets: dict[str, tuple[str, list[tuple[int, int]]]]
    generation: int


@dataclass
class RelatedLoaded(Message):
    article_id: str
    related: Any  # sahelreader.related.coverage.Related
    groups: list[Any]  # sahelreader.entities.summary.EntityGroup
