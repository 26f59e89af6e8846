"""RSS and Atom feeds to article drafts.

feedparser copes with the many dialects and the broken XML feeds are written in; this module
decides what of its lenient output is worth keeping and cleans it like every other source.
feedparser is only ever handed bytes, wrapped in a stream: given a string it would fetch URLs
and open local files.
"""

from __future__ import annotations

import codecs
import io
import re
import xml.sax
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin

import feedparser
import lxml.etree
import lxml.html

from sahelreader.ingest.dates import (
    ambiguous_numeric,
    day_first_for,
    numeric_order,
    parse_date,
    published_or_url_day,
)
from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.fields import (
    clean_author,
    clean_language,
    clean_url,
    host_name,
    source_from,
)
from sahelreader.ingest.limits import Limits, OverCap, checked_draft, current, is_cap_reason
from sahelreader.ingest.markup import html_to_text, looks_like_html, markup_or_plain_to_text
from sahelreader.ingest.records import NO_TEXT
from sahelreader.ingest.stream import SkipLog
from sahelreader.ingest.titles import title_from_text
from sahelreader.models import ArticleDraft
from sahelreader.text.clean import one_line, plural, strip_control

__all__ = [
    "DUPLICATE_GUID",
    "NotAFeed",
    "ParsedFeed",
    "feed_links",
    "looks_like_feed",
    "parse_feed",
    "read_feed",
    "strip_bidi_controls",
]

DUPLICATE_GUID = "same guid as an earlier entry"

_FORMATS = {
    "rss090": "RSS 0.90",
    "rss091n": "RSS 0.91 (Netscape)",
    "rss091u": "RSS 0.91",
    "rss092": "RSS 0.92",
    "rss093": "RSS 0.93",
    "rss094": "RSS 0.94",
    "rss20": "RSS 2.0",
    "rss10": "RSS 1.0",
    "rss": "RSS",
    "atom01": "Atom 0.1",
    "atom02": "Atom 0.2",
    "atom03": "Atom 0.3",
    "atom10": "Atom 1.0",
    "atom": "Atom",
    "cdf": "CDF",
}
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_ATOM_NAMESPACES = ("http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_DATE_KEYS = ("published", "updated", "created")
_UTC = timezone.utc
_SNIFF_BYTES = 8192
_MAX_GUID = 2048

# Comments, processing instructions, a DOCTYPE and whitespace before the root element.
_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)([^>]*)")
_HTML_DOCTYPE = re.compile(r"<!DOCTYPE\s+html\b", re.I)
# Embedding, override and isolate controls: they reorder what a terminal shows ("Trojan
# Source"). The marks (U+200E, U+200F, U+061C) are kept: right-to-left text needs them.
_UTF16_32_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # also prefixes of UTF-32 marks
_LEADING_SPACE = b" \t\r\n"
_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_NO_CHARACTER = b"&#xFFFD;"


class NotAFeed(IngestError):
    """Bytes that hold no feed: empty, an HTML page, XML of another kind, or feed XML too
    broken to give a single entry. ``str(error)`` is the one-line reason."""


@dataclass(frozen=True)
class ParsedFeed:
    title: str  # the feed's own title, one line; "" when it has none
    site_url: str  # the site the feed belongs to (its <link>), "" when unknown
    language: str  # primary language subtag ("fr"), "" when not given
    format: str  # "RSS 2.0", "Atom 1.0", ...
    entries: tuple[ArticleDraft, ...]
    recovered: str | None  # why the feed was broken, when its entries were kept anyway
    skipped: int  # entries left out: no title and no text, or a guid seen before
    # entries kept undated because their date could not be read, said once; None when all read
    undated: str | None = None


def parse_feed(
    data: bytes, url: str = "", *, charset: str | None = None, limits: Limits | None = None
) -> ParsedFeed:
    """Read an RSS or Atom document into drafts.

    ``url`` is where the feed was fetched from: relative links resolve against it and each
    draft's ``origin`` is it. ``charset`` is the one an HTTP response declared, if any.
    A feed whose XML is broken keeps the entries feedparser could read and says why in
    ``recovered``. Raises :class:`NotAFeed` for empty data, an HTML page, other XML, and a
    broken document without entries. A valid feed with no entries gives ``entries=()``.
    Raises IngestError, before parsing, for a feed of more elements than
    ``limits.feed_elements``; entries over the record or field cap are left out (``skipped``).
    """
    return _parse(data, url, charset, SkipLog(), limits or current())


def read_feed(
    data: bytes, origin: str, skips: SkipLog, limits: Limits | None = None
) -> list[ArticleDraft]:
    """The drafts in a feed file, for :func:`~sahelreader.ingest.read_file`: each has
    ``origin`` as its origin, left-out entries are counted in ``skips``, and a feed that
    gives no draft raises IngestError."""
    limits = limits or current()
    parsed = _parse(data, "", None, skips, limits)
    if parsed.recovered and parsed.entries:
        skips.notes.append(parsed.recovered)
    if parsed.undated and parsed.entries:
        skips.notes.append(parsed.undated)
    if not parsed.entries:
        if parsed.skipped == 1 and is_cap_reason(next(iter(skips.counts))):
            [(reason, where)] = skips.first_at.items()
            raise IngestError(f"{where}: {reason}")
        if parsed.skipped:
            raise IngestError(f"no article text found ({skips.summary()})")
        raise IngestError("no entries in this feed")
    return [replace(draft, origin=origin) for draft in parsed.entries]


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """A cheap guess, before parsing: the content type is a feed's (RSS, Atom, RDF), or the
    document's root element is <rss>, an Atom <feed> or <rdf:RDF>."""
    if content_type.split(";", 1)[0].strip().lower() in _FEED_TYPES:
        return True
    root = _root_element(data)
    if root is None:
        return False
    name, attributes = root
    local = name.rsplit(":", 1)[-1]
    if local == "rss" or local == "RDF":
        return True
    return local == "feed" and any(namespace in attributes for namespace in _ATOM_NAMESPACES)


def feed_links(html: str, base_url: str) -> list[tuple[str, str]]:
    """The feeds a web page advertises (``<link rel="alternate" type="application/rss+xml">``
    and the Atom and RDF kinds): (absolute URL, title) in page order, each URL once.

    Relative links resolve against the page's ``<base href>``, itself resolved against
    ``base_url``; only http(s) results are kept. The title is "" when the link has none.
    """
    if not html or html.isspace():
        return []
    try:
        document = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    base = base_url
    for element in document.iter("base"):
        href = element.get("href")
        if href and href.strip():
            base = urljoin(base_url, href.strip())
            break
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for element in document.iter("link"):
        rel = (element.get("rel") or "").lower().split()
        kind = (element.get("type") or "").split(";", 1)[0].strip().lower()
        href = (element.get("href") or "").strip()
        if "alternate" not in rel or kind not in _FEED_TYPES or not href:
            continue
        url = clean_url(urljoin(base, href))
        if url and url not in seen:
            seen.add(url)
            found.append((url, _line(element.get("title") or "")))
    return found


# --- parsing ------------------------------------------------------------------------------


def _parse(
    data: bytes, url: str, charset: str | None, skips: SkipLog, limits: Limits
) -> ParsedFeed:
    data = _without_leading_space(data)
    if not data.strip():
        raise NotAFeed("empty file")
    if element_count(data) > limits.feed_elements:
        raise IngestError(limits.too_many(limits.feed_elements, "XML elements", "feed"))
    feed_url = clean_url(url)
    headers = {"content-location": feed_url} if feed_url else {}
    # A content type is always given: with response headers but none, feedparser flags the
    # document as "no Content-type specified" (NonXMLContentType), and that flag replaces the
    # one that mattered (a feed not in the encoding it declares), which went unsaid. With a
    # charset, application/xml lets it override the XML declaration (RFC 3023); without one
    # the declaration (else UTF-8) is followed, as for a file (text/xml would mean US-ASCII).
    given = f"; charset={charset.strip()}" if charset else ""
    headers["content-type"] = f"application/xml{given}"
    # sanitize_html and resolve_relative_uris only matter for HTML shown as HTML; the text is
    # extracted from it instead.
    data = _valid_character_references(data)
    try:
        result = feedparser.parse(
            io.BytesIO(data),
            response_headers=headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except (ValueError, UnicodeError, OverflowError, LookupError) as error:
        # feedparser's lenient parser has no answer for some broken documents (a character
        # reference in UTF-16, an encoding it cannot look up): a broken feed, like the others.
        raise NotAFeed(f"not well-formed XML ({_line(str(error))})") from None
    version: str = _get(result, "version") or ""
    raw_entries: list[Any] = list(_get(result, "entries") or [])
    # feedparser puts an XML declaration in front of a document that has none.
    added_lines = 0 if _head(data).startswith("<?xml") else 1
    problem, broken_xml = _problem(result, added_lines) if _get(result, "bozo") else (None, False)
    root = _root_element(data)
    is_html = (root is not None and root[0].lower() == "html") or _starts_as_html(data)
    if not version and (is_html or not raw_entries):
        if is_html:
            raise NotAFeed("not a feed: an HTML page")
        if root is None:
            raise NotAFeed("not a feed: not XML")
        if problem:
            raise NotAFeed(f"not a feed: {problem}")
        raise NotAFeed(
            f"not a feed: XML whose root element is <{root[0]}>, not <rss>, <feed> or <rdf:RDF>"
        )

    channel: Mapping[str, Any] = _get(result, "feed") or {}
    title = _line(_text_of(channel, "title"))
    site_url = clean_url(_str(_get(channel, "link")))
    language = clean_language(_str(_get(channel, "language")))
    # How to read "03/04/2025": the feed's language says, else its other entries' dates do.
    day_first = day_first_for(_str(_get(channel, "language")))
    if day_first is None:
        day_first = numeric_order(_str(_get(e, k)) for e in raw_entries for k in _DATE_KEYS)
    source = source_from(title, site_url or feed_url) or host_name(feed_url) or host_name(site_url)

    drafts: list[ArticleDraft] = []
    guids: set[str] = set()
    skipped = 0
    unread_dates: list[str] = []
    for number, entry in enumerate(raw_entries, start=1):
        reason = None
        try:
            draft = _draft(
                entry,
                source=source,
                language=language,
                origin=feed_url,
                limits=limits,
                day_first=day_first,
            )
        except OverCap as over:
            reason = str(over)
        else:
            if draft is None:
                reason = NO_TEXT
            elif draft.guid and draft.guid in guids:
                reason = DUPLICATE_GUID
            else:
                guids.add(draft.guid)
                drafts.append(draft)
                written = _written_date(entry) if draft.published is None else ""
                if written:
                    unread_dates.append(written)
        if reason:
            skips.add(reason, f"entry {number}")
            skipped += 1

    recovered = None
    if problem and not drafts and broken_xml:
        raise NotAFeed(f"{problem}; no entries could be read")
    if problem and drafts:
        kept = len(drafts)
        recovered = f"{problem}; the {plural(kept, 'entry', 'entries')} found {_were(kept)} kept"
    return ParsedFeed(
        title=title,
        site_url=site_url,
        language=language,
        format=_FORMATS.get(version, version.upper() if version else "unknown"),
        entries=tuple(drafts),
        recovered=recovered,
        skipped=skipped,
        undated=_undated_note(unread_dates),
    )


def _written_date(entry: Mapping[str, Any]) -> str:
    """The date an entry writes, as written, "" when it writes none."""
    for key in _DATE_KEYS:
        written = _line(_str(_get(entry, key)))
        if written:
            return written
    return ""


def _undated_note(unread: list[str]) -> str | None:
    """One line for the entries whose date could not be read, with the first as written."""
    if not unread:
        return None
    example = unread[0] if len(unread[0]) <= 60 else unread[0][:59] + "…"
    why = (
        ", day or month first: the feed names no <language> and no other date tells"
        if ambiguous_numeric(unread[0])
        else ""
    )
    return (
        f"{plural(len(unread), 'entry', 'entries')} had a date that could not be read "
        f"(the first: {example!r}{why}): kept undated"
    )


def _draft(
    entry: Mapping[str, Any],
    *,
    source: str,
    language: str,
    origin: str,
    limits: Limits,
    day_first: bool | None = None,
) -> ArticleDraft | None:
    """The entry as a draft, None when it has neither title nor text; OverCap when its text
    is over the record cap (before any work on it) or a field over the field cap."""
    body = _body(entry, limits)
    title = _line(_text_of(entry, "title", limits)) or title_from_text(body)
    if not title and not body:
        return None
    url = clean_url(_str(_get(entry, "link")))
    guid = one_line(_str(_get(entry, "id")))[:_MAX_GUID] or url
    author_detail = _get(entry, "author_detail")
    author = _str(_get(author_detail, "name")) if isinstance(author_detail, Mapping) else ""
    draft = ArticleDraft(
        title=title,
        body=body,
        source=source,
        author=_line(clean_author(author or _str(_get(entry, "author")))),
        url=url,
        published=_published(entry, _entry_day_first(entry, day_first), url),
        language=_entry_language(entry) or language,
        origin=origin,
        guid=guid,
    )
    return checked_draft(draft, limits)


def _body(entry: Mapping[str, Any], limits: Limits) -> str:
    """The longest text among the entry's contents and its summary: feeds put a teaser in
    one and the whole article, or nothing, in the other."""
    candidates: list[Mapping[str, Any]] = [
        item for item in _get(entry, "content") or [] if isinstance(item, Mapping)
    ]
    summary = _get(entry, "summary_detail")
    if isinstance(summary, Mapping):
        candidates.append(summary)
    elif _get(entry, "summary"):
        candidates.append({"value": _get(entry, "summary"), "type": "text/html"})
    best = ""
    for candidate in candidates:
        value = _str(_get(candidate, "value"))
        limits.check_record(value)
        text = _to_text(value, _str(_get(candidate, "type")))
        if len(text) > len(best):
            best = text
    return best


def _text_of(item: Mapping[str, Any], key: str, limits: Limits | None = None) -> str:
    """A title-like field as plain text, whether the feed marked it up or not."""
    detail = _get(item, f"{key}_detail")
    kind = _str(_get(detail, "type")) if isinstance(detail, Mapping) else ""
    value = _str(_get(item, key))
    (limits or current()).check_record(value)
    return _to_text(value, kind)


def _to_text(value: str, kind: str) -> str:
    if not value or value.isspace():
        return ""
    if kind.lower() in _HTML_TYPES or looks_like_html(value):
        text = html_to_text(value)
    else:
        text = markup_or_plain_to_text(value)
    return strip_bidi_controls(text)


def _line(text: str) -> str:
    return one_line(strip_bidi_controls(text))


def strip_bidi_controls(text: str) -> str:
    """Text without bidi embedding, override and isolate controls (the shared cleaner's rule)."""
    return strip_control(text)


def _published(
    entry: Mapping[str, Any], day_first: bool | None = None, url: str = ""
) -> datetime | None:
    """Our own reading of the date as written keeps its zone, which feedparser's struct_time
    (normalised to UTC, zone dropped) cannot; feedparser's is the fallback for the formats
    only it knows. ``day_first`` is how the feed writes numeric dates, when known. An entry
    dated only by its ``updated`` time, much later than the day its ``url`` writes, was
    published that day (`published_or_url_day`)."""
    for key in _DATE_KEYS:
        written = parse_date(_str(_get(entry, key)), day_first=day_first)
        if written is not None:
            return published_or_url_day(written, url) if key == "updated" else written
    for key in _DATE_KEYS:
        parsed = _get(entry, f"{key}_parsed")
        if parsed:
            try:
                year, month, day, hour, minute, second = tuple(parsed)[:6]
                moment = datetime(year, month, day, hour, minute, second, tzinfo=_UTC)
            except (TypeError, ValueError, OverflowError):
                continue
            found = parse_date(moment)
            if found is not None and key == "updated":
                return published_or_url_day(found, url)
            return found
    return None


def _entry_day_first(entry: Mapping[str, Any], feed_order: bool | None) -> bool | None:
    """How the entry writes numeric dates: its own xml:lang says, else the feed's order."""
    own = _get(entry, "language")
    order = day_first_for(_str(own)) if own else None
    return feed_order if order is None else order


def _entry_language(entry: Mapping[str, Any]) -> str:
    """xml:lang on the entry (feedparser gives it on each text construct), which inherits
    the feed's <language> when the entry has none of its own."""
    if _get(entry, "language"):
        return clean_language(_str(_get(entry, "language")))
    for key in ("title_detail", "summary_detail"):
        detail = _get(entry, key)
        if isinstance(detail, Mapping) and _get(detail, "language"):
            return clean_language(_str(_get(detail, "language")))
    for content in _get(entry, "content") or []:
        if isinstance(content, Mapping) and _get(content, "language"):
            return clean_language(_str(_get(content, "language")))
    return ""


def _problem(result: Mapping[str, Any], added_lines: int) -> tuple[str | None, bool]:
    """What was wrong with a document feedparser flagged, in a few words, and whether it is
    broken XML (rather than a wrong encoding). None when the flag is about nothing that
    matters here (a content type feedparser disliked)."""
    error = _get(result, "bozo_exception")
    if error is None or isinstance(error, feedparser.NonXMLContentType):
        return None, False
    message = _line(error.getMessage() if isinstance(error, xml.sax.SAXException) else str(error))
    if isinstance(error, xml.sax.SAXParseException):
        line = max((error.getLineNumber() or 0) - added_lines, 1)
        return f"not well-formed XML (line {line}: {message})", True
    if isinstance(error, feedparser.CharacterEncodingOverride):
        return f"wrong encoding ({message})", False
    if isinstance(error, feedparser.CharacterEncodingUnknown):
        return f"unknown encoding ({message})", False
    if isinstance(error, (xml.sax.SAXException, feedparser.UndeclaredNamespace)):
        return f"not well-formed XML ({message})", True
    return message or type(error).__name__, True


# --- sniffing -----------------------------------------------------------------------------


def _valid_character_references(data: bytes) -> bytes:
    """The document with each character reference to no character (``&#xD800;``, a lone
    surrogate; ``&#x110000;``, past Unicode) made ``&#xFFFD;``: feedparser's lenient parser
    would fail on the whole document for one of them."""
    if b"&#" not in data:
        return data

    def checked(match: re.Match[bytes]) -> bytes:
        hexadecimal, decimal = match.groups()
        digits = hexadecimal or decimal
        if len(digits.lstrip(b"0")) > 7:
            return _NO_CHARACTER
        value = int(hexadecimal, 16) if hexadecimal else int(decimal)
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            return _NO_CHARACTER
        return match.group(0)

    return _CHARACTER_REFERENCE.sub(checked, data)


def element_count(data: bytes) -> int:
    """How many elements a feed has, counted before parsing: its opening tags, markup inside
    CDATA sections (text, not elements) left out."""

    def opening_tags(start: int, end: int) -> int:
        return (
            data.count(b"<", start, end)
            - data.count(b"</", start, end)
            - data.count(b"<!", start, end)
            - data.count(b"<?", start, end)
        )

    count = opening_tags(0, len(data))
    position = data.find(b"<![CDATA[")
    while position >= 0 and count > 0:
        start = position + len(b"<![CDATA[")
        end = data.find(b"]]>", start)
        end = len(data) if end < 0 else end
        count -= opening_tags(start, end)
        position = data.find(b"<![CDATA[", end)
    return count


def _without_leading_space(data: bytes) -> bytes:
    """Whitespace before ``<?xml`` makes the document not well-formed; editors and templates
    leave it there often enough, and nothing is lost dropping it."""
    if data.startswith(_UTF16_32_BOMS):
        return data
    if data.startswith(codecs.BOM_UTF8):
        return codecs.BOM_UTF8 + data[len(codecs.BOM_UTF8) :].lstrip(_LEADING_SPACE)
    return data.lstrip(_LEADING_SPACE)


def _head(data: bytes) -> str:
    sample = data[:_SNIFF_BYTES]
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if sample.startswith(bom):
            return sample[len(bom) :].decode(encoding, errors="replace")
    # Markup is ASCII in every encoding a feed could be in without a byte-order mark.
    return sample.decode("latin-1")


def _root_element(data: bytes) -> tuple[str, str] | None:
    """The root element's name and its attributes' source text, from the document's start."""
    head = _head(data)
    match = _ROOT.match(head, _prolog_end(head))
    return (match.group(1), match.group(2)) if match else None


def _starts_as_html(data: bytes) -> bool:
    head = _head(data)
    return bool(_HTML_DOCTYPE.search(head, 0, _prolog_end(head)))


def _prolog_end(head: str) -> int:
    """Where the root element may start: past the whitespace, XML declaration, processing
    instructions, comments and DOCTYPE (with its internal subset) before it. A scan rather
    than a pattern, which backtracked through every way of splitting "[][][]..." (exponential
    time for a DOCTYPE without its ">")."""
    position, size = 0, len(head)
    while position < size:
        if head[position].isspace():
            position += 1
            continue
        if head.startswith("<?", position):
            end, skip = head.find("?>", position + 2), 2
        elif head.startswith("<!--", position):
            end, skip = head.find("-->", position + 4), 3
        elif head[position : position + 9].upper() == "<!DOCTYPE":
            end, skip = _doctype_end(head, position), 1
        else:
            break
        if end < 0:
            break
        position = end + skip
    return position


def _doctype_end(head: str, start: int) -> int:
    """The position of a DOCTYPE's closing ">", past its internal subset; -1 when unclosed."""
    close = head.find(">", start)
    subset = head.find("[", start, close if close >= 0 else len(head))
    if subset >= 0:
        subset_end = head.find("]", subset)
        if subset_end < 0:
            return -1
        close = head.find(">", subset_end)
    return close


# --- small helpers ------------------------------------------------------------------------


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _were(count: int) -> str:
    return "was" if count == 1 else "were"


def _get(item: Mapping[str, Any], key: str) -> Any:
    """A field as feedparser stored it, without FeedParserDict's aliases (it answers
    "updated" with the published date, and warns)."""
    return dict.get(item, key) if isinstance(item, dict) else item.get(key)
