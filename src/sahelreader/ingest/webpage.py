"""Full web pages to articles, with trafilatura finding the article among the page's chrome."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, time, timedelta
from html import unescape as unescape_html
from typing import Any

import lxml.etree
import lxml.html

from sahelreader.ingest.dates import parse_date
from sahelreader.ingest.encoding import declared_html_charset, decode_text
from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.fields import (
    clean_author,
    clean_language,
    clean_url,
    host_name,
    source_from,
)
from sahelreader.ingest.limits import Limits, current
from sahelreader.ingest.markup import element_to_text
from sahelreader.ingest.titles import title_from_text
from sahelreader.models import ArticleDraft
from sahelreader.text.clean import one_line

__all__ = ["extract_article", "read_html", "read_fetched_page"]

NO_ARTICLE = "no article text found"

# trafilatura's own XML vocabulary, renamed so that one renderer lays out both.
_AS_HTML = {
    "head": "h2",
    "item": "li",
    "lb": "br",
    "quote": "blockquote",
    "row": "tr",
    "cell": "td",
    "hi": "span",
    "ref": "span",
    "del": "s",
    "graphic": "img",
}
_HTML_LANG = re.compile(
    r"""<html\b[^<>]*?\blang\s*=\s*["']?([a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{1,8})*)""", re.IGNORECASE
)
_META_LANG = re.compile(
    r"""<meta\b[^<>]*?(?:http-equiv\s*=\s*["']?content-language|property\s*=\s*["']?og:locale)"""
    r"""[^<>]*?\bcontent\s*=\s*["']?([a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{1,8})*)""",
    re.IGNORECASE,
)
# Keep the time of day and the zone when the page gives them, not only the date.
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_HEAD_CHARS = 200_000
_META_TAG = re.compile(r"<meta\b[^<>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_PUBLISHED_META = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "parsely-pub-date",
        "sailthru.date",
    }
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_SAME_DAY = timedelta(hours=38)  # a local calendar day seen from UTC, with any zone offset
# An opening tag, counted (to the cap) before the page is parsed.
_OPENING_TAG = re.compile(r"<[A-Za-z]")
# trafilatura's time grows with the square of the inline elements in one block (8,000 links in
# one <p> took 12 s, 16,000 bold words 24 s): past this many inline children, an element's
# inline markup is dropped, its text kept, before trafilatura sees the page.
_CROWDED = 500
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span "
    "strike strong sub sup time tt u var".split()
)
_NOT_TEXT_TAGS = frozenset({"script", "style", "template", "noscript"})
_PARSER = lxml.html.HTMLParser(encoding="utf-8")


def read_html(data: bytes, origin: str, limits: Limits | None = None) -> ArticleDraft:
    """The article in a saved web page. The encoding comes from a byte-order mark, valid
    UTF-8, or the page's ``<meta charset>``, in that order."""
    text = decode_text(data, declared=declared_html_charset(data))
    if not text.strip():
        raise IngestError("empty file")
    return dataclasses.replace(extract_article(text, limits=limits), origin=origin)


def read_fetched_page(
    data: bytes, url: str, charset: str | None = None, limits: Limits | None = None
) -> ArticleDraft:
    """The article in a page fetched from `url`. The encoding: a byte-order mark, valid UTF-8,
    the HTTP header's charset, else the page's ``<meta charset>``."""
    text = decode_text(data, declared=charset or declared_html_charset(data))
    if not text.strip():
        raise IngestError("empty page")
    return extract_article(text, url, limits=limits)


def extract_article(html: str, url: str = "", *, limits: Limits | None = None) -> ArticleDraft:
    """The article in a full web page: title, body (paragraphs separated by a blank line),
    author, publication date, source (the site's name, else its host) and URL (the page's
    canonical URL, else ``url``). Raises IngestError when the page has no article text, and
    before any work on it when it has more elements than ``limits.html_elements`` or more text
    than ``limits.field_bytes``."""
    html = _bounded_page(html, limits or current())
    # trafilatura takes a moment to import; only pages need it.
    import trafilatura
    from trafilatura.settings import set_date_params

    date_params = set_date_params(extensive=True)
    date_params["outputformat"] = _DATE_FORMAT
    title, body, document = "", "", None
    # Precision first: on the 181 pages of the Scrapinghub article-extraction benchmark it
    # scored token F1 0.965 against 0.959 for the default and for recall, and kept more page
    # chrome out on trafilatura's own news set. A short page it finds nothing in gets a second,
    # balanced pass.
    for favor_precision in (True, False):
        try:
            document = trafilatura.bare_extraction(
                html,
                url=url or None,
                favor_precision=favor_precision,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                date_extraction_params=date_params,
            )
        except (ValueError, TypeError, RecursionError) as error:
            raise IngestError(f"{NO_ARTICLE} (the page could not be parsed: {error})") from None
        if document is None or isinstance(document, dict):
            continue
        title = one_line(document.title or "")
        body = _drop_leading_title(_body_text(document.body), title)
        if body:
            break
    if document is None or isinstance(document, dict) or not body:
        raise IngestError(NO_ARTICLE)
    page_url = clean_url(document.url or "") or clean_url(url)
    return ArticleDraft(
        title=title or title_from_text(body),
        body=body,
        source=source_from(document.sitename or "", page_url) or host_name(page_url),
        author=clean_author(document.author or ""),
        url=page_url,
        published=_published(document.date, html),
        language=_page_language(html),
        origin=url,
    )


def _bounded_page(html: str, limits: Limits) -> str:
    """The page, checked against the caps (IngestError), with crowded inline markup dropped
    (see _CROWDED)."""
    for count, _ in enumerate(_OPENING_TAG.finditer(html), start=1):
        if count > limits.html_elements:
            raise IngestError(limits.too_many(limits.html_elements, "HTML elements", "web page"))
    try:
        # As bytes in a known encoding: lxml refuses a str that has an XML declaration.
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (ValueError, lxml.etree.ParserError):
        return html  # nothing to parse: trafilatura says what it makes of it
    text_size = 0
    crowded = []
    for element in root.iter():
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        text, tail = element.text, element.tail
        if text and tag and tag not in _NOT_TEXT_TAGS and not text.isspace():
            text_size += len(text)
        if tail and not tail.isspace():
            text_size += len(tail)
        if len(element) > _CROWDED:
            inline = sum(
                1 for child in element if isinstance(child.tag, str) and child.tag in _INLINE_TAGS
            )
            if inline > _CROWDED:
                crowded.append(element)
    if text_size > limits.field_bytes:
        raise IngestError(f"its text is {limits.field_too_large()}")
    if not crowded:
        return html
    for element in crowded:
        lxml.etree.strip_tags(element, *_INLINE_TAGS)
    return str(lxml.html.tostring(root.getroottree(), encoding="unicode"))


def _body_text(body: Any) -> str:
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "list" and element.get("rend") == "ol":
            element.tag = "ol"
        elif element.tag == "list":
            element.tag = "ul"
        elif element.tag == "code":
            element.tag = "pre" if "\n" in "".join(element.itertext()) else "span"
        elif element.tag == "cell" and element.get("role") == "head":
            element.tag = "th"
        else:
            element.tag = _AS_HTML.get(element.tag, element.tag)
    return element_to_text(body)


def _drop_leading_title(body: str, title: str) -> str:
    """Pages repeat their headline above the text; the draft has it as the title already."""
    first, _, rest = body.partition("\n\n")
    if title and rest and one_line(first).casefold() == title.casefold():
        return rest
    return body


def _published(found: str | None, html: str) -> datetime | None:
    """trafilatura (htmldate) is good at choosing which date is the publication date, but
    often keeps only the day; the page's own metadata usually has the time and zone too."""
    chosen = parse_date(found)
    declared = _declared_published(html[:_HEAD_CHARS])
    if declared is None:
        return chosen
    if chosen is None:
        return declared
    # The day htmldate gives is the local one; the declared moment is in UTC.
    near = abs(declared.replace(tzinfo=None) - chosen.replace(tzinfo=None)) < _SAME_DAY
    return declared if near and _is_date_only(chosen) else chosen


def _declared_published(head: str) -> datetime | None:
    for tag in _META_TAG.finditer(head):
        attributes = {
            name.lower(): value.strip("\"'") for name, value in _ATTRIBUTE.findall(tag.group(0))
        }
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        if key and key.lower() in _PUBLISHED_META and attributes.get("content"):
            published = parse_date(unescape_html(attributes["content"]))
            if published is not None:
                return published
    json_ld = _JSON_LD_PUBLISHED.search(head)
    return parse_date(json_ld.group(1)) if json_ld else None


def _is_date_only(moment: datetime) -> bool:
    return moment.tzinfo is None and moment.time() == time()


def _page_language(html: str) -> str:
    head = html[:20000]
    match = _HTML_LANG.search(head) or _META_LANG.search(head)
    return clean_language(match.group(1)) if match else ""
