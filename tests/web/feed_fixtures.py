"""Feeds written by the tests: small RSS 2.0 and Atom documents about invented Sahel news."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Item:
    title: str
    body: str
    link: str = ""
    guid: str = ""
    published: str = ""  # RFC 822 for RSS, ISO 8601 for Atom
    html: bool = True  # the body is HTML (escaped into the description)


def rss(
    items: list[Item],
    title: str = "Sahel Dispatch",
    link: str = "https://dispatch.example/",
    language: str = "en",
) -> bytes:
    entries = []
    for item in items:
        parts = [f"<title>{escape(item.title)}</title>"]
        if item.link:
            parts.append(f"<link>{escape(item.link)}</link>")
        if item.guid:
            parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        if item.published:
            parts.append(f"<pubDate>{item.published}</pubDate>")
        body = f"<p>{escape(item.body)}</p>" if item.html else item.body
        parts.append(f"<description>{escape(body)}</description>")
        entries.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<language>{language}</language><description>News</description>"
        + "".join(entries)
        + "</channel></rss>"
    ).encode("utf-8")


def atom(
    items: list[Item], title: str = "Sahel Atom", base: str = "https://atom.example/"
) -> bytes:
    entries = []
    for item in items:
        entries.append(
            "<entry>"
            f"<title>{escape(item.title)}</title>"
            f'<link rel="alternate" href="{escape(item.link)}"/>'
            f"<id>{escape(item.guid or item.link)}</id>"
            f"<updated>{item.published or '2024-05-02T10:00:00Z'}</updated>"
            f'<content type="html">{escape("<p>" + escape(item.body) + "</p>")}</content>'
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>{escape(base)}</id>"
        f'<link rel="alternate" href="{escape(base)}"/><updated>2024-05-02T10:00:00Z</updated>'
        + "".join(entries)
        + "</feed>"
    ).encode("utf-8")


def story(number: int, place: str = "Niamey", host: str = "dispatch.example") -> Item:
    """A distinct news item; `number` makes its title, text, link and guid unique."""
    return Item(
        title=f"Report {number} from {place}: water points reopen",
        body=(
            f"Officials in {place} said on Tuesday that {number} water points had reopened "
            f"after repairs, and that convoy number {number} reached the northern districts."
        ),
        link=f"https://{host}/news/{number}",
        guid=f"urn:dispatch:{number}",
        published=f"Tue, {1 + number % 27:02d} Apr 2024 09:30:00 +0100",
    )


def article_page(title: str, paragraphs: list[str], feed_href: str | None = None) -> bytes:
    """A web page holding one article (and, optionally, naming its feed)."""
    link = (
        f'<link rel="alternate" type="application/rss+xml" title="Feed" href="{feed_href}">'
        if feed_href
        else ""
    )
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title>{link}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Copyright Sahel Dispatch</footer></body></html>"
    ).encode()
