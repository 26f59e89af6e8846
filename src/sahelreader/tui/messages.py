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
    views: list[tuple[Any, int]] = field(default_factory=list)  # (View, unread count)
    highlight: str | None = None  # the view to put the cursor on


@dataclass
class LibraryCounts(Message):
    total: int
    unread: int
    changed_outside: bool = False  # another process added or removed articles
