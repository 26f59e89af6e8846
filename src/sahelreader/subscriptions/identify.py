"""What an address is: a feed, a page that names its feed (`<link rel="alternate">`), or a page
that is itself an article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sahelreader.ingest.encoding import declared_html_charset, decode_bytes
from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.feed import NotAFeed, feed_links, looks_like_feed, parse_feed
from sahelreader.ingest.webpage import read_fetched_page
from sahelreader.models import ArticleDraft
from sahelreader.subscriptions.check import FeedCheck, check_feed, fetched
from sahelreader.web.fetch import ACCEPT_FEED, Fetcher, Response


@dataclass(frozen=True)
class Found:
    kind: Literal["feed", "page"]
    url: str  # the feed's address to subscribe to, or the page's
    feed: FeedCheck | None = None  # kind "feed": the feed as fetched just now
    page: ArticleDraft | None = None  # kind "page": its article
    via: str | None = None  # the page that named the feed


def identify(fetcher: Fetcher, url: str, *, want_feed: bool = False) -> Found:
    """Raises FetchError when the address cannot be fetched, IngestError when it is neither a
    feed nor (unless `want_feed`) a page with an article."""
    response = fetcher.get(url, accept=ACCEPT_FEED)
    address = response.moved_to or url
    if looks_like_feed(response.content, response.content_type):
        return Found("feed", address, feed=_parsed(response, address))
    if _is_html(response):
        text = decode_bytes(
            response.content,
            declared=response.charset or declared_html_charset(response.content),
        )
        links = feed_links(text, response.url)
        for link, _title in links:
            check = check_feed(fetcher, link)
            if check.outcome == "fetched":
                return Found("feed", check.moved_to or link, feed=check, via=url)
        if want_feed:
            named = f" (its feed link {links[0][0]} failed)" if links else ""
            raise NotAFeed(f"not a feed: a web page with no feed link{named}")
        return Found(
            "page",
            address,
            page=read_fetched_page(response.content, response.url, response.charset),
        )
    # Neither sniffed as a feed nor HTML: let the feed parser say what is wrong with it.
    return Found("feed", address, feed=_parsed(response, address))


def _parsed(response: Response, address: str) -> FeedCheck:
    return fetched(
        address, response, parse_feed(response.content, response.url, charset=response.charset)
    )


def _is_html(response: Response) -> bool:
    if response.content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = response.content[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


__all__ = ["Found", "IngestError", "identify"]
