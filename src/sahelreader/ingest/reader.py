"""Read one file of any supported type into article drafts."""

from __future__ import annotations

import gzip
import io
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from sahelreader.ingest.discover import (
    SUPPORTED_SUFFIXES,
    os_error_reason,
    special_file_reason,
    suffix_of,
    unsupported_reason,
)
from sahelreader.ingest.encoding import decode_text
from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.feed import read_feed
from sahelreader.ingest.json_formats import iter_jsonl, read_json
from sahelreader.ingest.stream import ArticleStream, SkipLog
from sahelreader.ingest.text_formats import read_markdown, read_text
from sahelreader.ingest.webpage import read_html
from sahelreader.models import ArticleDraft

__all__ = ["MAX_ARTICLE_BYTES", "MAX_FEED_BYTES", "MAX_JSON_BYTES", "read_file"]

# One article in one file: past this it is a data dump or a mistake, not something to read.
MAX_ARTICLE_BYTES = 32 * 1024 * 1024
# A .json document is parsed whole; bigger collections belong in JSON Lines, read as a stream.
MAX_JSON_BYTES = 512 * 1024 * 1024
# A feed is parsed whole, into several times its size in memory.
MAX_FEED_BYTES = 64 * 1024 * 1024
_MB = 1024 * 1024

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_JSON_SUFFIXES = frozenset({".json", ".json.gz"})
_JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"})
_FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".rdf"})


def read_file(path: Path) -> ArticleStream:
    """Read the article drafts in a file, by its suffix (see SUPPORTED_SUFFIXES).

    Returns an :class:`ArticleStream`: an iterator of drafts whose ``skipped`` count and
    ``skip_reasons`` say how many records of a JSON or JSON Lines file were left out and why
    (a line that isn't JSON, a record with neither title nor text), or how many entries of an
    RSS or Atom feed. A text, Markdown or HTML file gives one draft.

    Raises IngestError, with a one-line reason, for a file that gives no article: missing,
    unreadable, empty, of an unsupported type, not valid JSON, not a feed (an .xml file of
    another kind), without article text. All of that is found before this returns, except in
    JSON Lines, which are streamed: a file whose lines all fail, or whose gzip data is cut
    short, raises while being iterated. A feed with broken XML gives the entries that could
    still be read.
    """
    path = Path(path)
    suffix = suffix_of(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(unsupported_reason(path))
    origin = str(path)
    skips = SkipLog()
    if suffix in _JSON_LINES_SUFFIXES:
        stream = _open(path, compressed=suffix.endswith(".gz"))
        drafts = _translating_gzip_errors(iter_jsonl(stream, origin, skips))
        return ArticleStream(path, drafts, skips, closing=stream)
    if suffix in _JSON_SUFFIXES:
        data = _read(path, MAX_JSON_BYTES, compressed=suffix.endswith(".gz"))
        return ArticleStream(path, read_json(data, origin, skips), skips)
    if suffix in _FEED_SUFFIXES:
        data = _read(path, MAX_FEED_BYTES, compressed=False)
        return ArticleStream(path, read_feed(data, origin, skips), skips)
    data = _read(path, MAX_ARTICLE_BYTES, compressed=False)
    if suffix in _HTML_SUFFIXES:
        draft = read_html(data, origin)
    elif suffix in _MARKDOWN_SUFFIXES:
        draft = read_markdown(decode_text(data), origin)
    else:
        draft = read_text(decode_text(data), origin)
    return ArticleStream(path, [draft], skips)


def _open(path: Path, *, compressed: bool) -> IO[bytes]:
    """Open for reading, failing early with a readable reason. Peeking at the data finds an
    empty file, and gzip data that isn't, here rather than halfway through."""
    _check_regular_file(path)
    stream: gzip.GzipFile | io.BufferedReader
    try:
        stream = gzip.open(path, "rb") if compressed else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        raise IngestError(os_error_reason(error)) from None
    try:
        empty = not stream.peek(1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        stream.close()
        raise IngestError(_gzip_reason(error)) from None
    except OSError as error:
        stream.close()
        raise IngestError(os_error_reason(error)) from None
    if empty:
        stream.close()
        raise IngestError("empty file")
    return cast(IO[bytes], stream)


def _read(path: Path, limit: int, *, compressed: bool) -> bytes:
    _check_regular_file(path)
    try:
        if compressed:
            with gzip.open(path, "rb") as stream:
                data = stream.read(limit + 1)
        else:
            with open(path, "rb") as file:
                data = file.read(limit + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise IngestError(_gzip_reason(error)) from None
    except OSError as error:
        raise IngestError(os_error_reason(error)) from None
    if len(data) > limit:
        raise IngestError(f"file too large (over {limit // _MB} MB)")
    if not data.strip():
        raise IngestError("empty file")
    return data


def _check_regular_file(path: Path) -> None:
    special = special_file_reason(path)
    if special is not None:
        raise IngestError(special)
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise IngestError(os_error_reason(error)) from None
    if stat.S_ISDIR(mode):
        raise IngestError("is a folder")
    if not stat.S_ISREG(mode):
        # Reading a FIFO or a device would block or never end.
        raise IngestError("not a regular file")


def _gzip_reason(error: BaseException) -> str:
    if isinstance(error, EOFError):
        return "gzip data is cut short (the file is truncated)"
    return "not valid gzip data"


def _translating_gzip_errors(drafts: Iterator[ArticleDraft]) -> Iterator[ArticleDraft]:
    try:
        yield from drafts
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise IngestError(_gzip_reason(error)) from None
    except OSError as error:
        raise IngestError(os_error_reason(error)) from None
    finally:
        close = getattr(drafts, "close", None)
        if close is not None:
            close()
