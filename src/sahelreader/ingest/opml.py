"""OPML subscription lists, the format every feed reader imports and exports.

An OPML file comes from another program or a stranger's blog post, so it is parsed with no
DTD, no entity expansion and no network access: a file that declares a DTD is refused.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import lxml.etree

from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.feed import element_count, strip_bidi_controls
from sahelreader.ingest.fields import clean_url
from sahelreader.ingest.limits import Limits, current
from sahelreader.ingest.reader import read_bytes
from sahelreader.text.clean import one_line

_MOST_URL_CHARS = 2_000

__all__ = ["OpmlFeed", "read_opml", "read_opml_file", "write_opml"]

NOT_OPML = "not an OPML file"

_FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
# Characters XML 1.0 cannot hold even escaped; a title carrying one would make the file unreadable.
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CATEGORY_SEPARATOR = "/"
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_POSITION = re.compile(r",? line \d+, column \d+$")
_HEAD_BYTES = 65536
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DTD_NOT_ALLOWED = f"{NOT_OPML}: it declares a DTD, which is not allowed"


@dataclass(frozen=True)
class OpmlFeed:
    url: str  # the feed (xmlUrl)
    title: str  # its title, else its text
    site_url: str = ""  # the site it belongs to (htmlUrl)
    category: str = ""  # the folders it sits in, outermost first: "Africa/French"


def read_opml_file(path: Path, limits: Limits | None = None) -> list[OpmlFeed]:
    """:func:`read_opml` of a file, which is refused unread when it is larger than the feed
    file cap. Raises IngestError for a file that can't be read too ("permission denied")."""
    limits = limits or current()
    return read_opml(read_bytes(path, limits.feed_file_bytes, "feed file", limits), limits)


def read_opml(data: bytes, limits: Limits | None = None) -> list[OpmlFeed]:
    """The feeds in an OPML file, in document order, each URL once.

    Outlines with an ``xmlUrl`` are feeds; outlines without one that hold others are folders,
    whose names make the feeds' ``category``. A feed URL that is not http(s) is given as written
    (on one line): the importer refuses it, or makes a ``feed://`` address an http one.
    Raises IngestError ("not an OPML file: …") for anything else, including a file with a DTD,
    and, before parsing, one of more elements than the feed cap (``limits.feed_elements``).
    """
    limits = limits or current()
    if element_count(data) > limits.feed_elements:
        raise IngestError(limits.too_many(limits.feed_elements, "XML elements", "feed"))
    root = _parse(data)
    body = next((child for child in root if _local(child) == "body"), None)
    if body is None:
        raise IngestError(f"{NOT_OPML}: it has no <body>")
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    for outline, folders in _outlines(body):
        attributes = {str(name).lower(): value for name, value in outline.attrib.items()}
        raw = attributes.get("xmlurl", "")
        # Not an http(s) address ("feed://…", "file:…", "javascript:…"): kept as written (one
        # line, capped) for the importer to convert or refuse with its reason, never opened.
        url = clean_url(raw) or one_line(raw)[:_MOST_URL_CHARS]
        if not url or url in seen:
            continue
        seen.add(url)
        feeds.append(
            OpmlFeed(
                url=url,
                title=_line(attributes.get("title") or attributes.get("text") or ""),
                site_url=clean_url(attributes.get("htmlurl", "")),
                category=_CATEGORY_SEPARATOR.join(folders),
            )
        )
    return feeds


def write_opml(
    feeds: Sequence[OpmlFeed],
    title: str = "sahelreader subscriptions",
    created: datetime | None = None,
) -> str:
    """An OPML 2.0 document listing the feeds, in folders by category ("Africa/French" is a
    folder in a folder), which :func:`read_opml` reads back as given. ``created`` (now by
    default; a naive time is taken as UTC) is written as the ``dateCreated``."""
    moment = created or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    root = lxml.etree.Element("opml", version="2.0")
    head = lxml.etree.SubElement(root, "head")
    lxml.etree.SubElement(head, "title").text = _xml_text(title)
    lxml.etree.SubElement(head, "dateCreated").text = format_datetime(
        moment.astimezone(timezone.utc), usegmt=True
    )
    body = lxml.etree.SubElement(root, "body")
    folders: dict[tuple[str, ...], Any] = {(): body}
    for feed in feeds:
        parent = body
        path: tuple[str, ...] = ()
        for name in _folder_names(feed.category):
            path = (*path, name)
            if path not in folders:
                folders[path] = lxml.etree.SubElement(parent, "outline", text=name, title=name)
            parent = folders[path]
        name = _xml_text(feed.title) or _xml_text(feed.url)
        outline = lxml.etree.SubElement(parent, "outline", type="rss", text=name, title=name)
        outline.set("xmlUrl", _xml_text(feed.url))
        if feed.site_url:
            outline.set("htmlUrl", _xml_text(feed.site_url))
    text: str = lxml.etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text


def _parse(data: bytes) -> Any:
    data = data.lstrip(b" \t\r\n")
    if not data:
        raise IngestError(f"{NOT_OPML}: the file is empty")
    if _declares_dtd(data):
        # Entities declared in a DTD can expand to gigabytes ("billion laughs") or name local
        # files; OPML has no use for one.
        raise IngestError(_DTD_NOT_ALLOWED)
    parser = lxml.etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else 0
        message = _POSITION.sub("", one_line(str(error.msg or error)))
        where = f"line {line}: " if line else ""
        raise IngestError(f"{NOT_OPML}: not well-formed XML ({where}{message})") from None
    except ValueError as error:
        raise IngestError(f"{NOT_OPML}: {one_line(str(error))}") from None
    if root is None:
        raise IngestError(f"{NOT_OPML}: no root element")
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise IngestError(_DTD_NOT_ALLOWED)  # in an encoding the check above can't read
    name = _local(root)
    if name != "opml":
        hint = " (a feed, not a list of feeds)" if name in _FEED_ROOTS else ""
        raise IngestError(f"{NOT_OPML}: the root element is <{name}>{hint}")
    return root


def _declares_dtd(data: bytes) -> bool:
    """Whether a DOCTYPE comes before the root element, checked before parsing."""
    head = data[:_HEAD_BYTES]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :].decode(encoding, errors="ignore").encode("ascii", "ignore")
            break
    first = _FIRST_ELEMENT.search(head)
    return b"<!DOCTYPE" in head[: first.start() if first else len(head)].upper()


def _outlines(body: Any) -> Iterator[tuple[Any, tuple[str, ...]]]:
    """Every outline under ``body`` with the names of the folders it is in, in document
    order. A stack rather than recursion: outlines can nest deeper than Python recurses."""
    stack: list[tuple[Iterator[Any], tuple[str, ...]]] = [(iter(body), ())]
    while stack:
        children, folders = stack[-1]
        outline = next(children, None)
        if outline is None:
            stack.pop()
            continue
        if _local(outline) != "outline":
            continue
        yield outline, folders
        if len(outline):
            attributes = {str(name).lower(): value for name, value in outline.attrib.items()}
            if attributes.get("xmlurl"):
                inner = folders  # a feed holding outlines: they stay in its folder
            else:
                folder = _line(attributes.get("text") or attributes.get("title") or "")
                inner = (*folders, folder) if folder else folders
            stack.append((iter(outline), inner))


def _local(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return str(lxml.etree.QName(tag).localname)


def _folder_names(category: str) -> list[str]:
    return [name for part in category.split(_CATEGORY_SEPARATOR) if (name := _xml_text(part))]


def _line(value: str) -> str:
    return one_line(strip_bidi_controls(value))


def _xml_text(value: str) -> str:
    return _NOT_XML_CHAR.sub("", _line(value))
