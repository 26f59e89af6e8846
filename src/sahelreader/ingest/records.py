"""One JSON object (an export, a feed item, an API result) to an article draft.

Exports name their fields in many ways: ``pubDate``, ``publishedAt``, ``date_published``;
``source`` as a name, a feed URL or ``{"name": ...}``; a body as text, HTML, or WordPress's
``{"rendered": ...}``. Keys are matched without regard to case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin

from sahelreader.ingest.dates import (
    ambiguous_numeric,
    day_first_for,
    parse_date,
    published_or_url_day,
)
from sahelreader.ingest.fields import (
    clean_author,
    clean_language,
    clean_url,
    host_name,
    relative_link,
    site_base,
    source_from,
)
from sahelreader.ingest.limits import Limits, checked_draft, current
from sahelreader.ingest.markup import markup_or_plain_to_text
from sahelreader.ingest.titles import title_from_text
from sahelreader.models import ArticleDraft
from sahelreader.text.clean import one_line, plural

__all__ = ["NO_TEXT", "RecordNotes", "UnreadDates", "draft_from_record", "looks_like_article"]

NO_TEXT = "no title or text"

TITLE_KEYS = ("title", "headline", "titre")
BODY_KEYS = (
    "body",
    "text",
    "content:encoded",
    "content",
    "content_text",
    "content_html",
    "article",
    "articlebody",
    "full_text",
    "fulltext",
    "description",
    "summary",
    "contentsnippet",
    "excerpt",
    "abstract",
    "lead",
    "snippet",
    "texte",  # French exports' own column names
    "contenu",
    "corps",
    "résumé",
)
URL_KEYS = ("url", "link", "href", "canonical_url", "permalink", "web_url", "weburl", "lien")
URL_FALLBACK_KEYS = ("guid", "id")  # used only when they hold an http(s) URL
# Where a record says which site it is from: its relative link is resolved against that.
SITE_KEYS = (
    "site_url",
    "siteurl",
    "base_url",
    "baseurl",
    "home_page_url",
    "website",
    "site",
    "domain",
)
DATE_KEYS = (
    "published",
    "published_at",
    "publishedat",
    "date_published",
    "datepublished",
    "isodate",
    "pubdate",
    "pub_date",
    "date",
    "date_gmt",
    "dc:date",
    "issued",
    "created_at",
    "created",
    "datecreated",
    "date_created",
    # Last: when a record says only when it was changed or fetched, that is the best date
    # there is (an undated article sorts last and matches no date search).
    "updated",
    "updated_at",
    "modified",
    "date_modified",
    "datemodified",
    "lastmod",
    "last_modified",
    "timestamp",
    "date_publication",
    "date de publication",
    "publié",
)
# The keys above that say when a record was changed or fetched, not published: the day its url
# writes, when much earlier, is the publication (`published_or_url_day`).
CHANGE_DATE_KEYS = frozenset(
    ("updated", "updated_at", "modified", "date_modified", "datemodified", "lastmod")
    + ("last_modified", "timestamp")
)
SOURCE_KEYS = (
    "source",
    "source_name",
    "sourcename",
    "sitename",
    "site_name",
    "site",
    "publisher",
    "outlet",
    "feed_title",
    "feed",
)
AUTHOR_KEYS = ("author", "authors", "creator", "dc:creator", "byline", "by", "writer", "auteur")
LANGUAGE_KEYS = ("language", "lang", "inlanguage", "locale", "langue")

_TEXT_MEMBERS = ("rendered", "value", "text", "#text", "$t", "content", "name", "title")
_TRUNCATION_MARK = re.compile(r"\s*…?\s*\[\+\d+ chars\]\s*$")  # NewsAPI cuts "content" so
# ... at the text's end, so it is looked for there: on a whole body, a long run of spaces made
# the two \s* above try every split of it (cubic time: 80 s for 5,000 spaces).
_TRUNCATION_WINDOW = 100
# How deep text is looked for in a field's objects and lists ({"title": {"rendered": ...}},
# [["text"]]): text nested deeper is not a field's, and the search must not recurse without end.
_MAX_TEXT_DEPTH = 6


def looks_like_article(record: Mapping[str, Any]) -> bool:
    """True when an object has a title or body field: an article rather than a wrapper."""
    keys = {str(key).lower() for key in record}
    return any(key in keys for key in TITLE_KEYS + BODY_KEYS)


def draft_from_record(
    record: Mapping[str, Any],
    *,
    origin: str,
    default_source: str = "",
    default_site: str = "",
    limits: Limits | None = None,
) -> ArticleDraft | None:
    """Map one object to a draft, or None when it has neither a title nor any text.

    Raises OverCap when a text field, raw or as text, is over the caps (``limits``, else the
    defaults); lone surrogates in the record become U+FFFD.

    ``default_source`` (the feed's title, the key of a per-source list) is used when the
    record names no source; failing both, the source is the article URL's host. A relative
    link ("/news/world-1") is resolved against the record's site (a site field, a source given
    as a URL or domain, ``default_site``: the feed's, or the known outlet's), else dropped.
    """
    limits = limits or current()
    fields = {str(key).lower(): value for key, value in record.items()}
    body = _first_text(fields, BODY_KEYS, _body_text, limits)
    title = _first_text(fields, TITLE_KEYS, _title_text, limits)
    if not title:
        if not body:
            return None
        title = title_from_text(body)
    url = _url(fields) or _resolved_relative_url(fields, default_source, default_site)
    language = _first_text(fields, LANGUAGE_KEYS, clean_language, limits)
    draft = ArticleDraft(
        title=title,
        body=body,
        source=_source(fields, url) or one_line(default_source) or host_name(url),
        author=_author(fields),
        url=url,
        published=_published(fields, day_first_for(language), url),
        language=language,
        origin=origin,
    )
    return checked_draft(draft, limits)


def _title_text(value: str) -> str:
    if "<" in value or "&" in value:
        value = markup_or_plain_to_text(value)
    return one_line(value)


def _body_text(value: str) -> str:
    text = markup_or_plain_to_text(value)
    if "chars]" not in text[-_TRUNCATION_WINDOW:]:
        return text
    head, tail = text[:-_TRUNCATION_WINDOW], text[-_TRUNCATION_WINDOW:]
    cut = _TRUNCATION_MARK.sub("", tail)
    return (head + cut).rstrip() if cut != tail else text


# JSON gives dicts and lists: the checks below use dict, not Mapping, which costs an ABC
# lookup per call and showed in the profile of a 42,000-line file.


def _first_text(
    fields: dict[str, Any], keys: tuple[str, ...], convert: Callable[[str], str], limits: Limits
) -> str:
    for key in keys:
        if key not in fields:
            continue
        raw = _as_text(fields[key])
        if raw:
            limits.check_record(raw)  # before the work of turning it into text
            text = convert(raw)
            if text:
                return text
    return ""


def _as_text(value: Any, depth: int = 0) -> str:
    """The text in a field: a string, or the text member of an object, or a list's first."""
    if type(value) is str:
        return value
    if depth >= _MAX_TEXT_DEPTH:
        return ""
    if isinstance(value, dict):
        for member in _TEXT_MEMBERS:
            text = _as_text(value.get(member), depth + 1)
            if text:
                return text
        return ""
    if isinstance(value, list):
        for item in value:
            text = _as_text(item, depth + 1)
            if text:
                return text
    return ""


def _url(fields: dict[str, Any]) -> str:
    for key in URL_KEYS + URL_FALLBACK_KEYS:
        if key not in fields:
            continue
        value = fields[key]
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("href") or value.get("url") or value.get("@href")
        if isinstance(value, str):
            url = clean_url(value)
            if url:
                return url
    return ""


def _resolved_relative_url(fields: dict[str, Any], default_source: str, default_site: str) -> str:
    link = ""
    for key in URL_KEYS:
        value = fields.get(key)
        if isinstance(value, str):
            link = relative_link(value)
            if link:
                break
    if not link:
        return ""
    base = ""
    for key in SITE_KEYS + SOURCE_KEYS:
        value = fields.get(key)
        if isinstance(value, dict):
            value = value.get("url") or value.get("href") or ""
        if isinstance(value, str):
            base = site_base(value)
            if base:
                break
    if not base:
        base = default_site
    if not base:
        from sahelreader.sources.outlets import bundled_outlets

        name = _source(fields, "") or default_source
        base = bundled_outlets().home_url(name) if name else ""
    if not base:
        return ""
    try:
        return clean_url(urljoin(base, link))
    except ValueError:  # a base urllib cannot split ("https://[::1")
        return ""


def _source(fields: dict[str, Any], url: str) -> str:
    for key in SOURCE_KEYS:
        if key not in fields:
            continue
        value = fields[key]
        if isinstance(value, dict):
            name = _as_text([value.get(k) for k in ("name", "title", "#text", "value")])
            value = name or value.get("url") or value.get("href") or ""
        elif isinstance(value, list):
            value = _as_text(value)
        if isinstance(value, str):
            source = source_from(value, url)
            if source:
                return source
    return ""


def _author(fields: dict[str, Any]) -> str:
    for key in AUTHOR_KEYS:
        if key not in fields:
            continue
        value = fields[key]
        names = value if isinstance(value, list) else [value]
        cleaned = (clean_author(_as_text(name)) for name in names)
        author = ", ".join(name for name in cleaned if name)
        if author:
            return author
    return ""


def _published(
    fields: dict[str, Any], day_first: bool | None = None, url: str = ""
) -> datetime | None:
    """The record's date; ``day_first``: how its language writes "03/04/2025", if it says. A
    time of change or fetch only, much later than the day its ``url`` writes, gives way to it."""
    for key in DATE_KEYS:
        if key in fields:
            published = parse_date(fields[key], day_first=day_first)
            if published is not None:
                if key.endswith("_gmt") and published.tzinfo is None:
                    published = published.replace(tzinfo=timezone.utc)
                if key in CHANGE_DATE_KEYS:
                    return published_or_url_day(published, url)
                return published
    return None


class _Tally:
    """Records of one kind, counted, the first kept as written, for one note on the file."""

    def __init__(self, unit: str, units: str) -> None:
        self.unit, self.units = unit, units  # "row", "rows"
        self.count = 0
        self.first = ""

    def add(self, written: str) -> None:
        self.count += 1
        self.first = self.first or written

    def counted(self) -> str:
        return plural(self.count, self.unit, self.units)

    def example(self) -> str:
        return self.first if len(self.first) <= 60 else self.first[:59] + "…"


class UnreadDates(_Tally):
    """Records kept undated because the date they write could not be read (a numeric date
    whose day and month cannot be told apart, a phrase), as a feed's entries get (review 11
    D16: a table said nothing)."""

    def check(self, record: Mapping[str, Any], draft: ArticleDraft) -> None:
        if draft.published is not None:
            return
        written = _written_date(record)
        if written:
            self.add(written)

    def note(self) -> str | None:
        """One line for them all; None when every date written was read."""
        if not self.count:
            return None
        why = (
            f", day or month first: no language in the {self.unit} tells which"
            if ambiguous_numeric(self.first)
            else ""
        )
        return (
            f"{self.counted()} had a date that could not be read "
            f"(the first: {self.example()!r}{why}): kept undated"
        )


class UnresolvedLinks(_Tally):
    """Records stored without a link because theirs is relative ("/news/world-123") and nothing
    names the site it is relative to (review 13 D5: 948 rows of a headline/text/url table lost
    their link without a word)."""

    def check(self, record: Mapping[str, Any], draft: ArticleDraft) -> None:
        if draft.url:
            return
        fields = {str(key).lower(): value for key, value in record.items()}
        for key in URL_KEYS:
            value = fields.get(key)
            link = relative_link(value) if isinstance(value, str) else ""
            if link:
                self.add(link)
                return

    def note(self) -> str | None:
        """One line for them all; None when every link was kept."""
        if not self.count:
            return None
        return (
            f"{self.counted()} had a relative link and no site to "
            f"resolve it against (the first: {self.example()!r}): stored without a link"
        )


class RecordNotes:
    """The notes a file of records gets once, for all its records: dates that could not be
    read, relative links that could not be resolved."""

    def __init__(self, unit: str, units: str) -> None:
        self.dates = UnreadDates(unit, units)
        self.links = UnresolvedLinks(unit, units)

    def check(self, record: Mapping[str, Any], draft: ArticleDraft) -> None:
        self.dates.check(record, draft)
        self.links.check(record, draft)

    def notes(self) -> list[str]:
        return [note for note in (self.dates.note(), self.links.note()) if note]


def _written_date(record: Mapping[str, Any]) -> str:
    """The date a record writes, as written (its first date field that is not empty)."""
    fields = {str(key).lower(): value for key, value in record.items()}
    for key in DATE_KEYS:
        value = fields.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        written = one_line(_as_text(value)) if value is not None else ""
        if written:
            return written
    return ""
