"""Every JSON shape that sahelreader prints, in one place.

The CLI's `--json` output is an interface: scripts read it. Each shape is built here from the
core's plain data, and `dumps` writes it (UTF-8 as is, two-space indent). README's command-line
section documents the shapes; tests/test_cli*.py and tests/test_json_output.py pin them.

This module sits beside the Library façade (see the import contracts in pyproject.toml): it reads
models and feature results, never the store, the index or the UI.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sahelreader.models import Article, Entity, SearchHit
from sahelreader.text.timeutil import to_iso

if TYPE_CHECKING:
    from sahelreader.notes_export import NotedArticle
    from sahelreader.related.result import Related

JSON = dict[str, Any]  # values of any JSON type; Any so that callers can index into them

__all__ = [
    "add_report_json",
    "article_json",
    "bookmarks_json",
    "dumps",
    "entities_json",
    "entity_json",
    "feeds_json",
    "hit_json",
    "hits_json",
    "notes_json",
    "refresh_json",
    "related_json",
]


def dumps(data: object) -> str:
    """The text printed for `data`: non-ASCII kept as is, indented, ending with a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class ImportReport(Protocol):
    """What `add --json` reports (the Library's AddReport)."""

    @property
    def added(self) -> Sequence[str]: ...

    @property
    def duplicates(self) -> Sequence[str]: ...

    @property
    def failed(self) -> Sequence[tuple[str, str]]: ...

    @property
    def skipped_records(self) -> int: ...

    @property
    def subscribed(self) -> Sequence[str]: ...


def add_report_json(report: ImportReport) -> JSON:
    """`add --json`: what was added, what was already there, what failed and why."""
    return {
        "added": list(report.added),
        "duplicates": list(report.duplicates),
        "failed": [{"path": path, "reason": reason} for path, reason in report.failed],
        "skipped_records": report.skipped_records,
        "subscribed": list(report.subscribed),
    }


def hit_json(hit: SearchHit) -> JSON:
    """One search hit: `matches` are `[start, end]` offsets into the plain-text `snippet`."""
    return {
        "id": hit.id,
        "title": hit.title,
        "source": hit.source,
        "url": hit.url,
        "published": to_iso(hit.published),
        "score": hit.score,
        "snippet": hit.snippet,
        "matches": [list(span) for span in hit.matches],
        "matched_in": hit.matched_in,
    }


def hits_json(hits: Iterable[SearchHit]) -> list[JSON]:
    """`search --json`: a list of hits, `[]` when nothing matched."""
    return [hit_json(hit) for hit in hits]


def entity_json(entity: Entity) -> JSON:
    """A named entity: `start`/`end` are Python string offsets into the text it was found in."""
    return {"text": entity.text, "type": entity.type, "start": entity.start, "end": entity.end}


def entities_json(entities: Iterable[Entity]) -> list[JSON]:
    """`entities --json`."""
    return [entity_json(entity) for entity in entities]


def article_json(article: Article, entities: Iterable[Entity] | None = None) -> JSON:
    """`show --json`: the article, and (when given) its entities with offsets into `body`."""
    data: JSON = {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "source": article.source,
        "author": article.author,
        "url": article.url,
        "published": to_iso(article.published),
        "added": to_iso(article.added),
        "language": article.language,
        "read": article.read,
        "bookmarked": article.bookmarked,
        "note": article.note,
    }
    if entities is not None:
        data["entities"] = entities_json(entities)
    return data


def related_json(found: Related) -> JSON:
    """`related --json`: cited sources, other coverage (best first) and links."""
    return {
        "cited": [
            {"name": c.name, "kind": c.kind, "count": c.count, "sentences": list(c.sentences)}
            for c in found.cited
        ],
        "coverage": [
            {
                "id": c.id,
                "title": c.title,
                "source": c.source,
                "published": c.published.isoformat() if c.published else None,
                "score": round(c.score, 4),
                "shared_entities": list(c.shared_entities),
                "near_duplicate": c.near_duplicate,
            }
            for c in found.coverage
        ],
        "links": list(found.links),
    }


def bookmarks_json(marks: Iterable[tuple[str, str, datetime | None]]) -> list[JSON]:
    """`bookmarks --json`: `(id, title, bookmarked_at)` rows, newest first."""
    return [
        {"id": article_id, "title": title, "bookmarked_at": to_iso(when)}
        for article_id, title, when in marks
    ]


def notes_json(noted: Iterable[NotedArticle]) -> list[JSON]:
    """`notes --json`: every note with its article's id and title."""
    return [
        {"id": n.article_id, "title": n.title, "note": n.note, "updated": to_iso(n.updated)}
        for n in noted
    ]


class Subscription(Protocol):
    """What `feeds list --json` reports of a feed (the store's FeedRecord)."""

    @property
    def url(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def site_url(self) -> str: ...
    @property
    def articles(self) -> int: ...
    @property
    def unread(self) -> int: ...
    @property
    def checked(self) -> datetime | None: ...
    @property
    def last_fetched(self) -> datetime | None: ...
    @property
    def last_error(self) -> str | None: ...
    @property
    def full_text(self) -> bool: ...
    @property
    def keep_days(self) -> int | None: ...
    @property
    def keep_items(self) -> int | None: ...


def feeds_json(feeds: Iterable[Subscription]) -> list[JSON]:
    """`last_refresh`: the last attempt (ISO 8601, UTC) or null; `last_error`: why it failed,
    null when it succeeded."""
    return [
        {
            "url": feed.url,
            "title": feed.title,
            "articles": feed.articles,
            "unread": feed.unread,
            "last_refresh": to_iso(feed.checked),
            "last_success": to_iso(feed.last_fetched),
            "last_error": feed.last_error,
            "site_url": feed.site_url,
            "full_text": feed.full_text,
            "keep_days": feed.keep_days,
            "keep_items": feed.keep_items,
        }
        for feed in feeds
    ]


class RefreshedFeed(Protocol):
    @property
    def url(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def added(self) -> int: ...
    @property
    def updated(self) -> int: ...
    @property
    def error(self) -> str | None: ...
    @property
    def notes(self) -> Sequence[str]: ...


def refresh_json(results: Iterable[RefreshedFeed]) -> list[JSON]:
    """One object per feed: status "new", "unchanged" or "failed"."""
    return [
        {
            "url": result.url,
            "title": result.title,
            "status": result.status,
            "added": result.added,
            "updated": result.updated,
            "error": result.error,
            "notes": list(result.notes),
        }
        for result in results
    ]
