"""Refreshing one feed: a conditional GET, the entries parsed, and for a full-text feed each
new entry's page fetched and its article extracted (the feed's summary kept if that fails)."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.feed import ParsedFeed, parse_feed
from sahelreader.ingest.webpage import read_fetched_page
from sahelreader.models import ArticleDraft
from sahelreader.web.fetch import ACCEPT_FEED, ACCEPT_PAGE, Fetcher, FetchError, Response

CheckOutcome = Literal["fetched", "not-modified", "failed"]
Known = Callable[[Sequence[ArticleDraft]], list[bool]]
_LOCAL_PREFIX = "file://"


@dataclass(frozen=True)
class FeedCheck:
    url: str  # the subscription's address, as stored
    outcome: CheckOutcome
    feed: ParsedFeed | None = None
    etag: str | None = None
    modified: str | None = None
    moved_to: str | None = None  # a permanent redirect's new address
    error: str | None = None  # why it failed, in one line
    pages_failed: int = 0  # full-text pages that could not be read
    page_error: str | None = None  # why the first of them failed


def is_local_feed(url: str) -> bool:
    return url.startswith(_LOCAL_PREFIX)


def local_feed_url(path: Path) -> str:
    """A feed file on this machine, subscribed by its absolute path: a refresh re-reads it."""
    return path.resolve().as_uri()


def check_feed(
    fetcher: Fetcher,
    url: str,
    *,
    etag: str | None = None,
    modified: str | None = None,
    full_text: bool = False,
    known: Known | None = None,
    cancelled: threading.Event | None = None,
) -> FeedCheck:
    """Never raises for a feed's own failure: the outcome says "failed" and why."""
    if is_local_feed(url):
        return _check_local(url, modified)
    try:
        response = fetcher.get(url, etag=etag, last_modified=modified, accept=ACCEPT_FEED)
    except FetchError as error:
        return FeedCheck(url, "failed", error=str(error))
    if response.not_modified:
        return FeedCheck(
            url,
            "not-modified",
            etag=response.etag,
            modified=response.last_modified,
            moved_to=response.moved_to,
        )
    try:
        feed = parse_feed(response.content, response.url, charset=response.charset)
    except IngestError as error:
        return FeedCheck(url, "failed", error=str(error), moved_to=response.moved_to)
    pages_failed, page_error = 0, None
    if full_text and feed.entries:
        feed, pages_failed, page_error = with_full_text(fetcher, feed, known, cancelled)
    return fetched(url, response, feed, pages_failed=pages_failed, page_error=page_error)


def fetched(
    url: str,
    response: Response,
    feed: ParsedFeed,
    *,
    pages_failed: int = 0,
    page_error: str | None = None,
) -> FeedCheck:
    """The check of a feed fetched in full: its entries, and what the next conditional GET
    sends back."""
    return FeedCheck(
        url,
        "fetched",
        feed=feed,
        etag=response.etag,
        modified=response.last_modified,
        moved_to=response.moved_to,
        pages_failed=pages_failed,
        page_error=page_error,
    )


def with_full_text(
    fetcher: Fetcher,
    feed: ParsedFeed,
    known: Known | None,
    cancelled: threading.Event | None = None,
) -> tuple[ParsedFeed, int, str | None]:
    """The feed with each new entry's body replaced by the article on its page, how many
    pages failed and why the first did. Entries already stored are not fetched again: a
    refresh costs one request per new entry."""
    stored = known(feed.entries) if known is not None else [False] * len(feed.entries)
    entries: list[ArticleDraft] = []
    failed, first_error = 0, None
    for entry, is_stored in zip(feed.entries, stored, strict=True):
        if is_stored or not entry.url or (cancelled is not None and cancelled.is_set()):
            entries.append(entry)
            continue
        try:
            page = fetcher.get(entry.url, accept=ACCEPT_PAGE)
            article = read_fetched_page(page.content, page.url, page.charset)
        except (FetchError, IngestError) as error:
            failed += 1
            first_error = first_error or str(error)
            entries.append(entry)
            continue
        entries.append(
            dataclasses.replace(
                entry,
                body=article.body,
                author=entry.author or article.author,
                published=entry.published or article.published,
                language=entry.language or article.language,
            )
        )
    return dataclasses.replace(feed, entries=tuple(entries)), failed, first_error


def _check_local(url: str, modified: str | None) -> FeedCheck:
    path = Path(unquote(urlsplit(url).path))
    try:
        stamp = str(path.stat().st_mtime_ns)
        if modified == stamp:
            return FeedCheck(url, "not-modified", modified=stamp)
        data = path.read_bytes()
    except OSError as error:
        return FeedCheck(url, "failed", error=f"cannot read {path}: {error.strerror or error}")
    try:
        feed = parse_feed(data, url)
    except IngestError as error:
        return FeedCheck(url, "failed", error=str(error))
    return FeedCheck(url, "fetched", feed=feed, modified=stamp)
