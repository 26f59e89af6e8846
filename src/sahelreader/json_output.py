"""Every JSON shape that sahelreader prints, in one place.

The CLI's `--json` output is an interface: scripts read it. Each shape is built here from the
core's plain data, and `dumps` writes it (UTF-8 as is, two-space indent; what a terminal would
act on or could not encode is escaped). README's command-line
section documents the shapes; tests/test_cli*.py and tests/test_json_output.py pin them.

This module sits beside the Library façade (see the import contracts in pyproject.toml): it reads
models and feature results, never the store, the index or the UI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sahelreader.models import Article, Entity, SearchHit
from sahelreader.text.clean import http_link
from sahelreader.text.timeutil import to_utc

if TYPE_CHECKING:
    from sahelreader.notes_export import NotedArticle
    from sahelreader.related.growth import Growth
    from sahelreader.related.result import Coverage, Related
    from sahelreader.related.stories import Story

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
    "trend_json",
    "watchlist_json",
]


# Characters `json.dumps(ensure_ascii=False)` leaves as they are that must not be written so:
# C1 controls and DEL (a terminal acts on them), bidi controls and zero-width characters (they
# reorder or hide what is shown), line and paragraph separators (JavaScript reads them as line
# ends), and lone surrogates (no UTF-8 encoder writes them: `add --json` naming a file whose
# name is not UTF-8 crashed on a strict stdout). They can only be inside strings, where the
# escape `\uXXXX` stands for the same character: the data read back is exact.
_ESCAPED = re.compile(
    "[\x7f-\x9f\u2028\u2029\u200b-\u200d\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)


def dumps(data: object) -> str:
    """The text printed for `data`: non-ASCII kept as is, indented, ending with a newline.

    Values are written exact (offsets into `body` hold), and the text itself is safe to print
    and to encode: JSON escapes the C0 controls, and the characters in `_ESCAPED` are escaped
    too, so no raw escape sequence, bidi override or lone surrogate is ever written."""
    return _ESCAPED.sub(_escape, json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _link(url: str) -> str | None:
    """An article's `url`: an http(s) link, or null when it has none or a refused one."""
    return http_link(url) or None


# One rule for every shape: a value that is absent is null, never "" (an article with no
# author, a feed with no site address, an unknown language); a list with nothing in it is [].
# Every time is ISO 8601 in UTC to the second, with its offset: "2025-05-28T14:04:50+00:00".


def _text(value: str | None) -> str | None:
    """A text value, or null when there is none."""
    return value or None


def _when(value: datetime | None) -> str | None:
    """A time as JSON writes it: ISO 8601, UTC, whole seconds, with the offset; or null."""
    return None if value is None else to_utc(value).replace(microsecond=0).isoformat()


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
    def notes(self) -> Sequence[tuple[str, str]]: ...

    @property
    def subscribed(self) -> Sequence[str]: ...

    @property
    def already_subscribed(self) -> Sequence[str]: ...


def add_report_json(report: ImportReport) -> JSON:
    """`add --json`: what was added, what was already there, what failed and why."""
    return {
        "added": list(report.added),
        "duplicates": list(report.duplicates),
        "failed": [{"path": path, "reason": reason} for path, reason in report.failed],
        "skipped_records": report.skipped_records,
        "subscribed": list(report.subscribed),
        "already_subscribed": list(report.already_subscribed),
        "notes": [{"path": path, "note": note} for path, note in report.notes],
    }


def hit_json(hit: SearchHit) -> JSON:
    """One search hit: `matches` are `[start, end]` offsets into the plain-text `snippet`;
    `url` is null without an http(s) link."""
    return {
        "id": hit.id,
        "title": _text(hit.title),
        "source": _text(hit.source),
        "url": _link(hit.url),
        "published": _when(hit.published),
        "score": hit.score,
        "snippet": _text(hit.snippet),
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
    """`show --json`: the article, and (when given) its entities with offsets into `body`;
    `url` is null without an http(s) link (none, or one refused: `javascript:`, `file:`)."""
    data: JSON = {
        "id": article.id,
        "title": _text(article.title),
        "body": _text(article.body),
        "source": _text(article.source),
        "author": _text(article.author),
        "url": _link(article.url),
        "published": _when(article.published),
        "added": _when(article.added),
        "language": _text(article.language),
        "read": article.read,
        "bookmarked": article.bookmarked,
        "note": _text(article.note),
    }
    if entities is not None:
        data["entities"] = entities_json(entities)
    return data


def _coverage_json(c: Coverage) -> JSON:
    return {
        "id": c.id,
        "title": _text(c.title),
        "source": _text(c.source),
        "published": _when(c.published),
        "score": round(c.score, 4),
        "shared_entities": list(c.shared_entities),
        "near_duplicate": c.near_duplicate,
        "language": _text(c.language),
    }


def story_json(story: Story, growth: Growth | None = None) -> JSON:
    """One story: `{"id", "title", "articles", "article_ids", "outlets", "languages", "first",
    "last", "growth"}` (`id` a string, as article ids are; `articles` is how many,
    `article_ids` theirs in time order; `growth` "new", "growing" or null: see
    related/growth.py)."""
    return {
        "id": str(story.id),
        "title": _text(story.title),
        "articles": len(story.articles),
        "article_ids": [article.id for article in story.articles],
        "outlets": list(story.outlets),
        "languages": list(story.languages),
        "first": _when(story.first),
        "last": _when(story.last),
        "growth": growth.kind if growth is not None else None,
    }


def stories_json(
    stories: Iterable[Story], growth: Callable[[Story], Growth | None] = lambda _: None
) -> list[JSON]:
    """`stories --json`: the recent stories, the latest active first."""
    return [story_json(story, growth(story)) for story in stories]


def related_json(found: Related, story: Story | None = None, growth: Growth | None = None) -> JSON:
    """`related --json`: cited sources, other coverage (best first), the outlet's own other
    pieces on the story, links, and the article's story (null when it has none)."""
    return {
        "cited": [
            {
                "name": c.name,
                "kind": _text(c.kind),
                "count": c.count,
                "sentences": list(c.sentences),
            }
            for c in found.cited
        ],
        "coverage": [_coverage_json(c) for c in found.coverage],
        "more_from_outlet": [_coverage_json(c) for c in found.more_from_outlet],
        "links": list(found.links),
        "story": None if story is None else story_json(story, growth),
    }


def bookmarks_json(marks: Iterable[tuple[str, str, datetime | None]]) -> list[JSON]:
    """`bookmarks --json`: `(id, title, bookmarked_at)` rows, newest first."""
    return [
        {"id": article_id, "title": _text(title), "bookmarked_at": _when(when)}
        for article_id, title, when in marks
    ]


def notes_json(noted: Iterable[NotedArticle]) -> list[JSON]:
    """`notes --json`: every note with its article's id and title."""
    return [
        {
            "id": n.article_id,
            "title": _text(n.title),
            "note": _text(n.note),
            "updated": _when(n.updated),
        }
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
            "title": _text(feed.title),
            "articles": feed.articles,
            "unread": feed.unread,
            "last_refresh": _when(feed.checked),
            "last_success": _when(feed.last_fetched),
            "last_error": _text(feed.last_error),
            "site_url": _text(feed.site_url),
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
            "title": _text(result.title),
            "status": result.status,
            "added": result.added,
            "updated": result.updated,
            "error": _text(result.error),
            "notes": list(result.notes),
        }
        for result in results
    ]


def trend_json(
    points: Iterable[tuple[str, int]], partial: frozenset[str] = frozenset()
) -> list[JSON]:
    """`trend --json`: one object per period, oldest first, periods without articles at 0;
    `partial` true for a period counted only in part (cut by --since or --until, or not over
    yet)."""
    return [
        {"period": period, "count": count, "partial": period in partial} for period, count in points
    ]


class WatchedName(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def recent(self) -> int: ...
    @property
    def usual(self) -> float: ...
    @property
    def rising(self) -> bool: ...


def watchlist_json(names: Iterable[WatchedName]) -> list[JSON]:
    """`trend --watchlist --json`: each watched name's last 7 days against its usual week."""
    return [
        {"name": n.name, "last_7_days": n.recent, "usual_week": n.usual, "rising": n.rising}
        for n in names
    ]
