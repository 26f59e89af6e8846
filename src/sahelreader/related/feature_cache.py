"""What related coverage derives from one stored article, remembered across calls.

Every call of `related()` scores some fifty candidates, and for each it reads the same things
of the candidate alone: its first words shingled, its names (its cached entities and those the
recogniser finds in its title, grouped), the numbers of its lede, its capitalised words. None of
that depends on the article it is a candidate for, and the side panel asks for the articles of
one story one after another (each is a candidate for the others), so it is kept here, in a
bounded least-recently-used map owned by the caller (the Library), keyed by the article's id
and a digest of everything it is derived from: title, body, source, language and
`Document.version` (the recogniser and the entities cached for it). An article edited, or its
entities recognised again, has another key; the old entry ages out.

Core module: no UI imports.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["FeatureCache", "content_key"]

DEFAULT_SIZE = 2000  # articles remembered: ~5 kB each at 50k articles (bench/README.md)

T = TypeVar("T")


def content_key(
    article_id: str, title: str, body: str, source: str, language: str, version: Hashable
) -> tuple[str, bytes]:
    """The id and a digest of what the features are derived from."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (title, body, source, language, repr(version)):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return article_id, digest.digest()


class FeatureCache:
    """A bounded map from `content_key` to what was derived, least recently used out first.
    Safe to share between threads (a lookup or insert holds a lock; deriving does not)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = max(0, size)
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept for `key`, or `make()`'s, then kept."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                self.hits += 1
                return found  # type: ignore[no-any-return]
            self.misses += 1
        made = make()
        if self.size:
            with self._lock:
                self._items[key] = made
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return made

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
