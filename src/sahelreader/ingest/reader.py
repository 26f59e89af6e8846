"""Read one file of any supported type into article drafts."""

from __future__ import annotations

import gzip
import io
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from sahelreader.filetypes import FEED_SUFFIXES, RECORD_SUFFIXES, TABLE_SUFFIXES
from sahelreader.ingest.discover import (
    SUPPORTED_SUFFIXES,
    os_error_reason,
    special_file_reason,
    suffix_of,
    uncompressed_suffix,
    unsupported_reason,
)
from sahelreader.ingest.encoding import decode_text
from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.feed import read_feed
from sahelreader.ingest.json_formats import iter_jsonl, read_json
from sahelreader.ingest.limits import (
    Limits,
    OverCap,
    checked_draft,
    current,
    utf8_size_over,
    without_surrogates,
)
from sahelreader.ingest.stream import ArticleStream, SkipLog
from sahelreader.ingest.tables import read_table
from sahelreader.ingest.text_formats import read_markdown, read_text
from sahelreader.ingest.webpage import read_html
from sahelreader.models import ArticleDraft

__all__ = ["read_bytes", "read_file"]

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
_JSON_SUFFIXES = frozenset({".json"})
_JSON_LINES_SUFFIXES = frozenset(suffix for suffix in RECORD_SUFFIXES if suffix != ".json")
_FEED_SUFFIXES = frozenset(FEED_SUFFIXES)
_TABLE_SUFFIXES = frozenset(TABLE_SUFFIXES)
_CHUNK = 1024 * 1024  # gzip data is decompressed this much at a time
# What an unexpected failure inside a reader becomes: one line, and the batch goes on.
_NO_MEMORY = "not enough memory to read it"
_TOO_DEEP = "nested too deeply to be read"


def read_file(path: Path, limits: Limits | None = None) -> ArticleStream:
    """Read the article drafts in a file, by its suffix (see SUPPORTED_SUFFIXES), within the
    caps in ``limits`` (the defaults of :mod:`sahelreader.ingest.limits` when None).

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

    Every cap is checked before the work it bounds: a file over its size cap is not read, a
    JSON Lines line over the record cap is read past in pieces, a page or feed with too many
    elements is not parsed. Records over a cap are skipped, each counted with the cap as its
    reason; a file over one raises IngestError naming it ("larger than 20 MB (the article file
    cap)"). Lone surrogates in any text become U+FFFD.
    """
    path = Path(path)
    limits = limits or current()
    suffix = suffix_of(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(unsupported_reason(path))
    origin = without_surrogates(str(path))
    skips = SkipLog()
    try:
        return _read_file(path, suffix, origin, skips, limits)
    except Exception as error:  # noqa: BLE001 - one bad file never stops the batch
        raise _as_ingest_error(error) from None


def _read_file(
    path: Path, given_suffix: str, origin: str, skips: SkipLog, limits: Limits
) -> ArticleStream:
    # A gzipped file is read as its type is, decompressed under that type's cap.
    suffix, compressed = uncompressed_suffix(given_suffix)
    if suffix in _JSON_LINES_SUFFIXES:
        if not compressed:
            _check_size(path, limits.jsonl_file_bytes, "JSON Lines file", limits)
        stream = _open(path, compressed=compressed)
        drafts = _guarded(iter_jsonl(stream, origin, skips, limits, compressed=compressed))
        return ArticleStream(path, drafts, skips, closing=stream)
    if suffix in _JSON_SUFFIXES:
        data = _read(path, limits.json_file_bytes, "JSON file", limits, compressed)
        return ArticleStream(path, read_json(data, origin, skips, limits), skips)
    if suffix in _TABLE_SUFFIXES:
        data = _read(path, limits.json_file_bytes, "table file", limits, compressed)
        rows = read_table(data, origin, skips, tabs=suffix == ".tsv", limits=limits)
        return ArticleStream(path, rows, skips)
    if suffix in _FEED_SUFFIXES:
        data = _read(path, limits.feed_file_bytes, "feed file", limits, compressed)
        return ArticleStream(path, read_feed(data, origin, skips, limits), skips)
    data = _read(path, limits.article_file_bytes, "article file", limits, compressed)
    if suffix in HTML_SUFFIXES:
        draft = read_html(data, origin, limits)
    elif suffix in _MARKDOWN_SUFFIXES:
        draft = read_markdown(_article_text(data, limits), origin)
    else:
        draft = read_text(_article_text(data, limits), origin)
    try:
        draft = checked_draft(draft, limits)
    except OverCap as over:
        raise IngestError(f"its text is {over}") from None
    return ArticleStream(path, [draft], skips)


def _article_text(data: bytes, limits: Limits) -> str:
    """The text of a .txt or .md file, refused before any work on it when it is over the
    per-field cap (it is one article's body)."""
    text = decode_text(data)
    if utf8_size_over(text, limits.field_bytes):
        raise IngestError(f"its text is {limits.field_too_large()}")
    return text


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


def read_bytes(path: Path, limit: int, what: str, limits: Limits) -> bytes:
    """A whole file's bytes, refused (IngestError) unread when it is larger than ``limit``
    (the ``what`` cap), and for any reason it can't be read. An empty file gives b""."""
    return _read(Path(path), limit, what, limits, compressed=False, empty_ok=True)


def _read(
    path: Path, limit: int, what: str, limits: Limits, compressed: bool, empty_ok: bool = False
) -> bytes:
    """The file's bytes (decompressed when ``compressed``), at most ``limit`` of them: past
    that it is refused without being read further."""
    size = limit if compressed else _check_size(path, limit, what, limits)
    _check_regular_file(path)
    try:
        if compressed:
            with gzip.open(path, "rb") as stream:
                data = _read_up_to(stream, limit + 1)
        else:
            with open(path, "rb") as file:
                # Asked for more than there is, read() would set aside all it was asked for.
                data = file.read(min(size, limit) + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise IngestError(_gzip_reason(error)) from None
    except OSError as error:
        raise IngestError(os_error_reason(error)) from None
    if len(data) > limit:
        raise IngestError(limits.file_too_large(limit, what))
    if not empty_ok and not data.strip():
        raise IngestError("empty file")
    return data


def _read_up_to(stream: gzip.GzipFile, size: int) -> bytes:
    """At most ``size`` bytes of a stream, read a piece at a time (a gzip file's decompressed
    size is not known before reading it)."""
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = stream.read(min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _check_size(path: Path, limit: int, what: str, limits: Limits) -> int:
    """Refuse a file over its cap from its size on disk, before opening it; its size."""
    _check_regular_file(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise IngestError(os_error_reason(error)) from None
    if size > limit:
        raise IngestError(limits.file_too_large(limit, what))
    return size


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


def _as_ingest_error(error: Exception) -> IngestError:
    """Any failure while reading one file, as the one-line reason that file failed for."""
    if isinstance(error, IngestError):
        return error
    if isinstance(error, (EOFError, zlib.error, gzip.BadGzipFile)):
        return IngestError(_gzip_reason(error))
    if isinstance(error, OSError):
        return IngestError(os_error_reason(error))
    if isinstance(error, MemoryError):
        return IngestError(_NO_MEMORY)
    if isinstance(error, RecursionError):
        return IngestError(_TOO_DEEP)
    return IngestError(f"could not be read: {type(error).__name__}: {error}")


def _guarded(drafts: Iterator[ArticleDraft]) -> Iterator[ArticleDraft]:
    """A stream's drafts, with any failure while reading it made an IngestError: the drafts
    already given are kept, and the batch goes on to the next file."""
    try:
        yield from drafts
    except Exception as error:  # noqa: BLE001 - one bad file never stops the batch
        raise _as_ingest_error(error) from None
    finally:
        close = getattr(drafts, "close", None)
        if close is not None:
            close()
