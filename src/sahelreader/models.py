"""Plain data shared by the core, the CLI and the TUI (no behaviour, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

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
    # A feed entry's own id (RSS guid, Atom id), which stays put when its link or text changes.
    guid: str = ""


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


ViewKind = Literal["library", "bookmarks", "notes"]
SortName = Literal["date", "relevance", "source"]
FilterName = Literal["all", "unread", "bookmarked", "noted", "watchlist"]
SNIPPET = tuple[str, list[tuple[int, int]]]  # one line of text, match spans in it


@dataclass(frozen=True)
class View:
    """What the list shows before any search: the whole library, bookmarks, notes, or a saved
    search (`query`)."""

    name: str
    query: str = ""
    kind: ViewKind = "library"


ALL_ARTICLES = View("All articles")
BOOKMARKS = View("Bookmarks", kind="bookmarks")  # newest bookmark first
NOTES = View("Notes", kind="notes")  # every note with its article, last edited first


class Cancellation(Protocol):
    """Whether the one who asked gave up (a threading.Event is one)."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class ListRequest:
    """Everything that decides the article list: a view, a search typed on top, sort, filter."""

    view: View = ALL_ARTICLES
    search: str = ""  # what the user typed; the view's own query is combined with it
    sort: SortName = "date"
    filter: FilterName = "all"
    source: str | None = None  # one outlet's articles only
    limit: int = 5_000  # search hits ranked at most
    # Snippets computed with the list: a screenful (14 rows of 4 lines at 60 lines); the rest
    # are asked for when drawn.
    first_snippets: int = 14

    @property
    def query(self) -> str:
        """The query run: the view's and the typed search together."""
        base, typed = self.view.query, self.search.strip()
        return f"({base}) AND ({typed})" if base and typed else (typed or base)

    @property
    def effective_sort(self) -> SortName:
        """Relevance orders search hits; without a query the list is by date."""
        return "date" if self.sort == "relevance" and not self.query else self.sort


@dataclass(frozen=True)
class ListResult:
    ids: list[str]
    query: str
    terms: frozenset[tuple[str, str]] = frozenset()
    total: int = 0  # search hits before filters (a lower bound when `more`)
    more: bool = False  # the search found more than it ranked
    suggestion: str | None = None
    error: str = ""
    snippets: dict[str, SNIPPET] = field(default_factory=dict)
    with_snippets: bool = False  # search hits and notes show a second line of text
