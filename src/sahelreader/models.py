"""Plain data shared by the core, the CLI and the TUI (no behaviour, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

EntityType = Literal["person", "place", "organisation"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "place", "organisation")


@dataclass(frozen=True)
class ArticleDraft:
    """An article as read from a file, a page or a feed, before the library stores it."""

    title: str
    body: str
    source: str = ""
    author: str = ""
    url: str = ""
    published: datetime | None = None
    language: str = ""  # empty: the library detects it
    origin: str = ""  # where it came from (a path, a feed url), for messages only
    # The source as the file gave it, when `source` is the outlet's canonical name instead;
    # None: `source` is as given.
    source_raw: str | None = None


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    body: str
    source: str
    author: str
    url: str
    published: datetime | None
    added: datetime
    language: str
    content_hash: str
    read: bool = False
    bookmarked: bool = False
    bookmarked_at: datetime | None = None
    note: str = ""
    note_updated: datetime | None = None


@dataclass(frozen=True)
class ArticleRow:
    """What the article list needs for one row: no body."""

    id: str
    title: str
    source: str
    published: datetime | None
    read: bool
    bookmarked: bool
    noted: bool


@dataclass(frozen=True)
class Entity:
    """A named entity found in a text; start/end are code-point offsets into that exact text."""

    text: str
    type: EntityType
    start: int
    end: int

    def as_dict(self) -> dict[str, object]:
        return {"text": self.text, "type": self.type, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str
    source: str
    url: str
    published: datetime | None
    score: float
    snippet: str
    matches: list[tuple[int, int]]
    matched_in: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    total: int  # exact unless `more`: then at least this many
    suggestion: str | None = None  # "did you mean", only when nothing matched
    terms: frozenset[tuple[str, str]] = frozenset()  # (index field, term) the query matched on
    more: bool = False  # more articles match than `limit` allowed
