"""JSON documents and JSON Lines files of articles.

A ``.json`` file may hold one article object, a list of them, an object wrapping the list
(``{"articles": [...]}``, ``{"items": [...]}`` as in JSON Feed, ``{"data": [...]}``), or an
object of lists keyed by source (``{"BBC": [...], "CNN": [...]}``). A ``.jsonl`` file holds one
object per line and is read as a stream.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any, AnyStr

from sahelreader.ingest.encoding import decode_bytes, decode_text
from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.fields import site_base
from sahelreader.ingest.limits import Limits, OverCap, current, is_cap_reason, size_text
from sahelreader.ingest.records import (
    NO_TEXT,
    RecordNotes,
    draft_from_record,
    looks_like_article,
)
from sahelreader.ingest.stream import SkipLog
from sahelreader.models import ArticleDraft

__all__ = ["NOT_AN_OBJECT", "NOT_JSON", "iter_jsonl", "read_json"]

NOT_JSON = "not valid JSON"
NOT_AN_OBJECT = "not a JSON object"
NESTED_TOO_DEEPLY = "nested too deeply"
# A line over the record cap is read past in pieces of this size, never held whole.
_SKIP_CHUNK = 64 * 1024

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
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def read_json(
    data: bytes, origin: str, skips: SkipLog, limits: Limits | None = None
) -> list[ArticleDraft]:
    """All drafts in a JSON document. Records without text, or over a cap, are counted in
    ``skips``; a document with no usable article, or more values than ``limits.json_values``,
    raises IngestError."""
    limits = limits or current()
    text = decode_text(data)
    del data  # the caller passes it on: the text is all that is needed now
    if not text.strip():
        raise IngestError("empty file")
    if _value_count_over(text, limits.json_values):
        raise IngestError(limits.too_many(limits.json_values, "JSON values", "per-document"))
    try:
        document = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise IngestError(_json_error(error)) from None
    except RecursionError:
        raise IngestError(f"{NOT_JSON}: {NESTED_TOO_DEEPLY}") from None
    except ValueError as error:  # a number of more than 4,300 digits
        raise IngestError(f"{NOT_JSON}: {_lower_first(str(error))}") from None
    del text
    found = _records(document, "", 0)
    if found is None:
        raise IngestError(
            "no articles in this JSON: expected an article object, a list of them, "
            'or an object with an "articles" or "items" list'
        )
    drafts: list[ArticleDraft] = []
    unread = RecordNotes("record", "records")
    single = len(found) == 1 and isinstance(document, Mapping)
    site = _feed_site(document) if isinstance(document, Mapping) else ""
    for number, (record, default_source) in enumerate(found, start=1):
        where = f"record {number}"
        if not isinstance(record, Mapping):
            skips.add(NOT_AN_OBJECT, where)
            continue
        record_origin = origin if single else f"{origin}#{number}"
        try:
            draft = draft_from_record(
                record,
                origin=record_origin,
                default_source=default_source,
                default_site=site,
                limits=limits,
            )
        except OverCap as over:
            skips.add(str(over), where)
            continue
        if draft is None:
            skips.add(NO_TEXT, where)
        else:
            unread.check(record, draft)
            drafts.append(draft)
    if not drafts:
        raise IngestError(_nothing_usable(skips, len(found)))
    skips.notes.extend(unread.notes())
    return drafts


def iter_jsonl(
    stream: IO[bytes],
    origin: str,
    skips: SkipLog,
    limits: Limits | None = None,
    *,
    compressed: bool = False,
) -> Iterator[ArticleDraft]:
    """Drafts from a JSON Lines stream, one line at a time, in bounded memory: a line over the
    record cap is read past in pieces, never held whole. Lines that are not JSON (nested too
    deeply included), not an object, without text or over a cap are counted in ``skips``.

    Raises IngestError when the stream holds more than ``limits.jsonl_file_bytes`` (of
    decompressed data when ``compressed``), when ``limits.skipped_in_a_row`` lines in a row
    give no article, and at the end when not one line gave a draft. Closes the stream when
    done."""
    limits = limits or current()
    produced = 0
    in_a_row = 0  # lines since the last draft, blank ones included
    errors: list[str] = []  # the first line that is not JSON, and why
    unread = RecordNotes("record", "records")
    with stream:
        for number, line in _numbered_lines(stream, limits, compressed):
            draft = _line_draft(line, number, origin, skips, limits, errors, unread)
            if draft is None:
                in_a_row += 1
                if in_a_row >= limits.skipped_in_a_row:
                    raise IngestError(
                        f"{in_a_row:,} lines in a row without an article (the cap on records "
                        f"skipped in a row): stopped at line {number:,}"
                    )
                continue
            in_a_row = 0
            produced += 1
            yield draft
    skips.notes.extend(unread.notes())
    if not produced:
        if not skips.total:
            raise IngestError("empty file")
        if errors and skips.counts[NOT_JSON] == skips.total:
            raise IngestError(errors[0])
        raise IngestError(_nothing_usable(skips, skips.total))


def _line_draft(
    line: bytes | str | None,
    number: int,
    origin: str,
    skips: SkipLog,
    limits: Limits,
    errors: list[str],
    unread: RecordNotes,
) -> ArticleDraft | None:
    """The draft in one line, or None: blank, or skipped (and counted in ``skips``)."""
    where = f"line {number}"
    if line is None:
        skips.add(limits.record_too_large(), where)
        return None
    if not line.strip():
        return None
    try:
        record = _load_line(line)
    except RecursionError:
        skips.add(NOT_JSON, where)
        if not errors:
            errors.append(f"{NOT_JSON} at line {number}: {NESTED_TOO_DEEPLY}")
        return None
    except ValueError as error:
        skips.add(NOT_JSON, where)
        if isinstance(error, json.JSONDecodeError) and not errors:
            errors.append(f"{NOT_JSON} at line {number}: {_lower_first(error.msg)}")
        return None
    if not isinstance(record, Mapping):
        skips.add(NOT_AN_OBJECT, where)
        return None
    try:
        draft = draft_from_record(record, origin=f"{origin}:{number}", limits=limits)
    except OverCap as over:
        skips.add(str(over), where)
        return None
    if draft is None:
        skips.add(NO_TEXT, where)
    else:
        unread.check(record, draft)
    return draft


def _numbered_lines(
    stream: IO[bytes], limits: Limits, compressed: bool
) -> Iterator[tuple[int, bytes | str | None]]:
    """The lines of a JSON Lines stream, numbered from 1: bytes (str for UTF-16 and UTF-32
    files), or None for a line over the record cap. Raises IngestError past the file cap."""
    head = _peek(stream, 4)
    budget = limits.jsonl_file_bytes + 1  # no line is read much past the file cap
    lines: Iterator[tuple[bytes | str | None, int]]
    if head.startswith(_UNICODE_BOMS):
        # UTF-16 or UTF-32: the lines can't be split as bytes; a text reader splits them, a
        # bounded number of characters at a time (the codec drops the byte-order mark).
        unit = 4 if head.startswith(_UTF32_BOMS) else 2
        text = io.TextIOWrapper(
            stream, encoding="utf-32" if unit == 4 else "utf-16", errors="replace", newline=None
        )
        lines = _bounded_lines(text, limits.record_bytes // unit, "\n", budget // unit)
    else:
        unit = 1
        lines = _bounded_lines(stream, limits.record_bytes, b"\n", budget)
    total = 0
    for number, (line, size) in enumerate(lines, start=1):
        total += size * unit
        if total > limits.jsonl_file_bytes:
            cap = f"{size_text(limits.jsonl_file_bytes)} (the JSON Lines file cap)"
            what = f"decompresses to more than {cap}" if compressed else f"larger than {cap}"
            raise IngestError(f"{what}: stopped at line {number:,}")
        if number == 1 and isinstance(line, bytes) and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        yield number, line


def _bounded_lines(
    stream: IO[AnyStr], cap: int, newline: AnyStr, budget: int
) -> Iterator[tuple[AnyStr | None, int]]:
    """Each line of a stream with its size, None in place of one longer than ``cap``: that
    one is read past in pieces, to its end or until ``budget`` is spent (the caller stops
    there). The sizes are in the stream's units (bytes, characters)."""
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        if len(line) <= cap or line.endswith(newline):
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(newline) and size <= budget:
            line = stream.readline(_SKIP_CHUNK)
            if not line:
                break
            size += len(line)
        yield None, size


def _peek(stream: IO[bytes], size: int) -> bytes:
    peek = getattr(stream, "peek", None)
    return bytes(peek(size)[:size]) if peek is not None else b""


def _load_line(line: bytes | str) -> Any:
    if isinstance(line, str):
        return _DECODER.decode(line)
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        # Not UTF-8 as JSON Lines should be: guess this line's encoding.
        text = decode_bytes(line)
    return _DECODER.decode(text)


def _value_count_over(text: str, cap: int) -> bool:
    """Whether a JSON document may hold more than ``cap`` values (keys included), counted
    before parsing: every value but the first follows a "[", "{", "," or ":". Those in strings
    count too, so this overestimates, by about one for each 60 characters of prose."""
    if len(text) <= cap:
        return False
    count = 1
    for separator in ",:[{":
        count += text.count(separator)
        if count > cap:
            return True
    return False


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
    if len(skips.counts) == 1:
        [(reason, count)] = skips.counts.items()
        if is_cap_reason(reason):
            where = skips.first_at[reason]
            if count == 1:
                return f"{where}: {reason}"
            return f"all {count:,} records {reason}, first at {where}"
    return f"no article text found ({skips.summary()})"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
