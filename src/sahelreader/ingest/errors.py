"""The one exception the ingest package raises for a file or page it cannot read."""

from __future__ import annotations

__all__ = ["IngestError"]


class IngestError(Exception):
    """A file or page that yields no article. ``str(error)`` is a short, one-line reason meant
    for people ("empty file", "not valid JSON at line 3: expecting ',' delimiter"); the caller
    adds the path."""

    def __init__(self, reason: str) -> None:
        super().__init__(" ".join(reason.split()))

    @property
    def reason(self) -> str:
        return str(self)
