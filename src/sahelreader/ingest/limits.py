"""How much one import may read: the caps that keep any single file within bounded time and
memory, whatever it holds.

Every file people import comes from somewhere they don't control: an export, a download, a
folder of odds and ends. Each reader checks the caps below before the expensive work (a parse,
an HTML extraction), so that a hostile or broken file is refused in seconds, with one line
naming the cap, while the rest of the batch imports. The figures were measured on this code:
with them no single file takes the importer past a peak RSS of about 600 MB.

They are the defaults; ``[limits]`` in config.toml changes them (see :meth:`Limits.from_config`
and ``sahelreader.config.LIMIT_KEYS``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from sahelreader.config import LIMIT_KEYS
from sahelreader.models import ArticleDraft

__all__ = [
    "MAX_ARTICLE_FILE_BYTES",
    "MAX_FEED_ELEMENTS",
    "MAX_FEED_FILE_BYTES",
    "MAX_FIELD_BYTES",
    "MAX_HTML_ELEMENTS",
    "MAX_JSONL_FILE_BYTES",
    "MAX_JSON_FILE_BYTES",
    "MAX_JSON_VALUES",
    "MAX_RECORD_BYTES",
    "MAX_SKIPPED_IN_A_ROW",
    "KB",
    "MB",
    "Limits",
    "OverCap",
    "checked_draft",
    "current",
    "is_cap_reason",
    "size_text",
    "utf8_size_over",
    "without_surrogates",
]

KB = 1024
MB = 1024 * KB

# One article in one file (.txt, .md, .html). A saved page is mostly markup, scripts and inline
# images: 20 MB holds the largest real ones; its text must still fit the per-field cap.
MAX_ARTICLE_FILE_BYTES = 20 * MB
# A .json document (decompressed, for .json.gz) is parsed whole, into several times its size in
# Python objects (see MAX_JSON_VALUES): 64 MB of articles peak at about 250 MB. Bigger
# collections belong in JSON Lines, which are streamed.
MAX_JSON_FILE_BYTES = 64 * MB
# The values (objects, lists, strings, numbers) in one .json document, counted before parsing
# by the separators that must precede them, so an overestimate. A value costs 60-100 bytes as
# a Python object, whatever its size in the file: 3 bytes of ``{},`` become a 64-byte dict.
# 2 million values stay under 200 MB; 64 MB of real articles hold under a million.
MAX_JSON_VALUES = 2_000_000
# A JSON Lines file (decompressed, for .gz) is read a line at a time in bounded memory, so its
# cap bounds time, not memory: 512 MB is some 100,000 articles, minutes of work. A gzip bomb
# (gigabytes of newlines in a few MB) stops here at the latest.
MAX_JSONL_FILE_BYTES = 512 * MB
# RSS and Atom files are parsed whole by feedparser, at 25-40 microseconds and up to 500 bytes
# per element: a 60 MB feed of 18,600 ordinary entries parses in 33 s to 270 MB.
MAX_FEED_FILE_BYTES = 64 * MB
# Elements in one feed file (opening tags outside CDATA): that 60 MB feed has 112,000; 800,000
# empty ``<item>``s took 16 s and 140 MB. Without this cap 64 MB of tiny elements would take
# about four minutes and 2 GB.
MAX_FEED_ELEMENTS = 500_000
# Elements in one saved web page (opening tags, counted before parsing). trafilatura takes
# about 0.2 ms per element on real pages (a long news page has 2,000-5,000; a book-length
# documentation page 25,000 takes 5 s), so 30,000 keep any page under about 10 s.
MAX_HTML_ELEMENTS = 30_000
# One JSON Lines line, one feed entry's text, one raw field of a .json record. A long article
# with its HTML is 50-200 KB; 5 MB is a whole book in markup. A line over the cap is read past
# in chunks, never held whole.
MAX_RECORD_BYTES = 5 * MB
# One text field of an article as stored (its body, title, author...), UTF-8. 2 MB of text is
# about 350,000 words (War and Peace is 3.2 MB). The language detection, entity recognition and
# indexing after import grow with it: a 2 MB body is added in 5 s at 150 MB, a 30 MB one took
# a minute and 1.8 GB.
MAX_FIELD_BYTES = 2 * MB
# Lines of a JSON Lines file in a row that give no article (blank, not JSON, no text): a file
# of millions of empty records stops here instead of being read to its end. 100,000 lines is
# 0.4 s of work; no real export has that many empty records in a row.
MAX_SKIPPED_IN_A_ROW = 100_000


class OverCap(Exception):
    """A record or a field over one of the caps; ``str(error)`` is the skip reason ("larger
    than 5 MB (the per-record cap)"). Readers turn it into a skipped record or an IngestError."""


@dataclass(frozen=True)
class Limits:
    """The caps one import works within. ``Limits()`` is the defaults above."""

    article_file_bytes: int = MAX_ARTICLE_FILE_BYTES
    json_file_bytes: int = MAX_JSON_FILE_BYTES
    json_values: int = MAX_JSON_VALUES
    jsonl_file_bytes: int = MAX_JSONL_FILE_BYTES
    feed_file_bytes: int = MAX_FEED_FILE_BYTES
    feed_elements: int = MAX_FEED_ELEMENTS
    html_elements: int = MAX_HTML_ELEMENTS
    record_bytes: int = MAX_RECORD_BYTES
    field_bytes: int = MAX_FIELD_BYTES
    skipped_in_a_row: int = MAX_SKIPPED_IN_A_ROW

    @classmethod
    def from_config(cls, table: Mapping[str, float]) -> Limits:
        """The caps with config.toml's ``[limits]`` applied: sizes in MB (``record_mb = 8``),
        counts as they are (``html_elements = 50000``). ``table`` is ``Config.limits``,
        already checked; keys it doesn't know are ignored."""
        changes: dict[str, int] = {}
        names = {field.name for field in fields(cls)}
        for key, value in table.items():
            if key not in LIMIT_KEYS:
                continue
            if key.endswith("_mb"):
                name, amount = key[: -len("_mb")] + "_bytes", int(value * MB)
            else:
                name, amount = key, int(value)
            if name in names and amount > 0:
                changes[name] = amount
        return replace(cls(), **changes)

    # -- messages: the cap in each --------------------------------------------------------------

    def file_too_large(self, cap: int, what: str) -> str:
        """ "larger than 20 MB (the article file cap)" """
        return f"larger than {size_text(cap)} (the {what} cap)"

    def too_many(self, cap: int, things: str, what: str) -> str:
        """ "more than 30,000 HTML elements (the web page cap)" """
        return f"more than {cap:,} {things} (the {what} cap)"

    def record_too_large(self) -> str:
        return f"larger than {size_text(self.record_bytes)} (the per-record cap)"

    def field_too_large(self) -> str:
        return f"larger than {size_text(self.field_bytes)} (the per-field cap)"

    def check_field(self, text: str) -> None:
        """Raise OverCap when a text field is over the per-field cap."""
        if utf8_size_over(text, self.field_bytes):
            raise OverCap(self.field_too_large())

    def check_record(self, text: str) -> None:
        """Raise OverCap when a raw value (before it is turned into text) is over the
        per-record cap: no record holding it could be under the cap."""
        if utf8_size_over(text, self.record_bytes):
            raise OverCap(self.record_too_large())


DEFAULT = Limits()

# The text fields of a draft (``published`` is a datetime).
_TEXT_FIELDS = ("title", "body", "source", "author", "url", "language", "origin", "guid")
_SURROGATE = re.compile("[\ud800-\udfff]")


def current() -> Limits:
    """The caps to use when none are given: the defaults (tests lower them here)."""
    return DEFAULT


def size_text(size: int) -> str:
    """ "5 MB", "64 KB", "100 bytes": a cap as people read it."""
    if size >= MB and size % MB == 0:
        return f"{size // MB:,} MB"
    if size >= MB:
        return f"{size / MB:,.1f} MB"
    if size >= KB and size % KB == 0:
        return f"{size // KB:,} KB"
    return f"{size:,} bytes"


def utf8_size_over(text: str, cap: int) -> bool:
    """Whether ``text`` takes more than ``cap`` bytes as UTF-8, without encoding it when its
    length alone answers (a character is 1 to 4 bytes)."""
    if len(text) > cap:
        return True
    if len(text) * 4 <= cap:
        return False
    return len(text.encode("utf-8", "surrogatepass")) > cap


def is_cap_reason(reason: str) -> bool:
    """Whether a skip reason is one of the caps' ("larger than 5 MB (the per-record cap)")."""
    return reason.startswith(("larger than ", "more than ")) and reason.endswith(" cap)")


def without_surrogates(text: str) -> str:
    """Text with each lone surrogate (``\\ud800`` in JSON, an undecodable byte in a file name)
    made a visible U+FFFD: no UTF-8 writer (the database, the terminal) can take one."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


def checked_draft(draft: ArticleDraft, limits: Limits) -> ArticleDraft:
    """The draft, every text field within the per-field cap (else OverCap) and free of lone
    surrogates. Every reader passes its drafts through here last."""
    changes: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = getattr(draft, name)
        limits.check_field(value)
        clean = without_surrogates(value)
        if clean is not value:
            changes[name] = clean
    if draft.source_raw is not None:
        limits.check_field(draft.source_raw)
        raw = without_surrogates(draft.source_raw)
        if raw is not draft.source_raw:
            return replace(draft, source_raw=raw, **changes)
    return replace(draft, **changes) if changes else draft
