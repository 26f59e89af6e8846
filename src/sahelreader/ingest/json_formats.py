"""JSON documents and JSON Lines files of articles.

A ``.json`` file may hold one article object, a list of them, an object wrapping the list
(``{"articles": [...]}``, ``{"items": [...]}`` as in JSON Feed, ``{"data": [...]}``), or an
object of lists keyed by source (``{"BBC": [...], "CNN": [...]}``). A ``.jsonl`` file holds one
object per line and is read as a stream.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from sahelreader.ingest.encoding import decode_bytes, decode_text
from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.fields import site_base
from sahelreader.ingest.records import NO_TEXT, draft_from_record, looks_like_article
from sahelreader.ingest.stream import SkipLog
from sahelreader.models import ArticleDraft

__all__ = ["NOT_AN_OBJECT", "NOT_JSON", "iter_jsonl", "read_json"]

NOT_JSON = "not valid JSON"
NOT_AN_OBJECT = "not a JSON object"

_WRAPPER_KEYS = (
    "articles",
    "items",
    "entries",
    "data",
    "results",
    "posts",
    "stories",
    "news",
    "records",
    "documents",
    "docs",
)
_FEED_SITE_KEYS = ("home_page_url", "site_url", "base_url", "website", "link", "url")
_FEED_NAME_KEYS = ("title", "name", "feed_title", "site_name", "sitename", "source")
_MAX_NESTING = 4
# Lenient about raw control characters in strings (they are stripped from every field later).
# One decoder for all: json.loads with options builds a new one per call.
_DECODER = json.JSONDecoder(strict=False)
_UNICODE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # also prefixes of the UTF-32 ones


def read_json(data: bytes, origin: str, skips: SkipLog) -> list[ArticleDraft]:
    """All drafts in a JSON document. Records without text are counted in ``skips``; a
    document with no usable article raises IngestError."""
    text = decode_text(data)
    if not text.strip():
        raise IngestError("empty file")
    try:
        document = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise IngestError(_json_error(error)) from None
    except RecursionError:
        raise IngestError("not valid JSON: nested too deeply") from None
    found = _records(document, "", 0)
    if found is None:
        raise IngestError(
            "no articles in this JSON: expected an article object, a list of them, "
            'or an object with an "articles" or "items" list'
        )
    drafts: list[ArticleDraft] = []
    single = len(found) == 1 and isinstance(document, Mapping)
    site = _feed_site(document) if isinstance(document, Mapping) else ""
    for number, (record, default_source) in enumerate(found, start=1):
        where = f"record {number}"
        if not isinstance(record, Mapping):
            skips.add(NOT_AN_OBJECT, where)
            continue
        record_origin = origin if single else f"{origin}#{number}"
        draft = draft_from_record(
            record, origin=record_origin, default_source=default_source, default_site=site
        )
        if draft is None:
            skips.add(NO_TEXT, where)
        else:
            drafts.append(draft)
    if not drafts:
        raise IngestError(_nothing_usable(skips, len(found)))
    return drafts


def iter_jsonl(stream: IO[bytes], origin: str, skips: SkipLog) -> Iterator[ArticleDraft]:
    """Drafts from a JSON Lines stream, one line at a time. Lines that are not JSON, not an
    object, or have no text are counted in ``skips``. Raises IngestError at the end when not
    one line gave a draft. Closes the stream when done."""
    produced = 0
    first_error = ""
    with stream:
        for number, line in _numbered_lines(stream):
            where = f"line {number}"
            try:
                record = _load_line(line)
            except ValueError as error:
                skips.add(NOT_JSON, where)
                if isinstance(error, json.JSONDecodeError) and not first_error:
                    first_error = f"{NOT_JSON} at line {number}: {_lower_first(error.msg)}"
                continue
            if not isinstance(record, Mapping):
                skips.add(NOT_AN_OBJECT, where)
                continue
            draft = draft_from_record(record, origin=f"{origin}:{number}")
            if draft is None:
                skips.add(NO_TEXT, where)
                continue
            produced += 1
            yield draft
    if not produced:
        if not skips.total:
            raise IngestError("empty file")
        if first_error and skips.counts[NOT_JSON] == skips.total:
            raise IngestError(first_error)
        raise IngestError(_nothing_usable(skips, skips.total))


def _numbered_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    head = _peek(stream, 4)
    if head.startswith(_UNICODE_BOMS):
        # UTF-16 or UTF-32: the lines can't be split as bytes; such files are small in practice.
        for number, text in enumerate(decode_bytes(stream.read()).split("\n"), start=1):
            if text.strip():
                yield number, text.encode("utf-8")
        return
    for number, line in enumerate(stream, start=1):
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if line.strip():
            yield number, line


def _peek(stream: IO[bytes], size: int) -> bytes:
    peek = getattr(stream, "peek", None)
    return bytes(peek(size)[:size]) if peek is not None else b""


def _load_line(line: bytes) -> Any:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        # Not UTF-8 as JSON Lines should be: guess this line's encoding.
        text = decode_bytes(line)
    return _DECODER.decode(text)


def _records(value: Any, default_source: str, depth: int) -> list[tuple[Any, str]] | None:
    """The article records in a JSON value, each with a default source name, or None when the
    value doesn't look like articles at all."""
    if isinstance(value, list):
        return [(item, default_source) for item in value]
    if not isinstance(value, Mapping) or depth > _MAX_NESTING:
        return None
    fields = {str(key).lower(): item for key, item in value.items()}
    source = _feed_name(fields) or default_source
    for key in _WRAPPER_KEYS:
        inner = fields.get(key)
        if isinstance(inner, list) and (not inner or any(isinstance(i, Mapping) for i in inner)):
            return [(item, source) for item in inner]
        if isinstance(inner, Mapping):
            found = _records(inner, source, depth + 1)
            if found:
                return found
    if looks_like_article(value):
        return [(value, default_source)]
    per_source = [
        (str(key), items)
        for key, items in value.items()
        if isinstance(items, list) and any(isinstance(item, Mapping) for item in items)
    ]
    if per_source:
        return [(item, name) for name, items in per_source for item in items]
    return None


def _feed_name(fields: Mapping[str, Any]) -> str:
    """The name a wrapper gives its articles' feed (JSON Feed's "title")."""
    feed = fields.get("feed")
    if isinstance(feed, Mapping):
        fields = {str(key).lower(): item for key, item in feed.items()}
    for key in _FEED_NAME_KEYS:
        name = fields.get(key)
        if isinstance(name, str) and name.strip():
            return name
    return ""


def _feed_site(document: Mapping[str, Any]) -> str:
    """The site a wrapper's articles come from (JSON Feed's "home_page_url", a feed's "link"),
    to resolve their relative links against; "" when it names none."""
    fields = {str(key).lower(): item for key, item in document.items()}
    feed = fields.get("feed")
    if isinstance(feed, Mapping):
        fields = {**{str(key).lower(): item for key, item in feed.items()}, **fields}
    for key in _FEED_SITE_KEYS:
        value = fields.get(key)
        if isinstance(value, str) and site_base(value):
            return site_base(value)
    return ""


def _json_error(error: json.JSONDecodeError) -> str:
    message = f"{NOT_JSON} at line {error.lineno}, column {error.colno}: {_lower_first(error.msg)}"
    if error.msg.startswith("Extra data"):
        message += " (one object per line is JSON Lines: name the file .jsonl)"
    return message


def _nothing_usable(skips: SkipLog, records: int) -> str:
    if records == 0:
        return "no articles in this JSON: the list is empty"
    return f"no article text found ({skips.summary()})"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
