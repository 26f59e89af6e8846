"""Tables of articles: ``.csv`` and ``.tsv`` files (spreadsheet exports, research datasets).

The first row names the columns; each other row is one article, its columns read as a JSON
record's fields are (``records.py``): ``title``/``headline``, ``text``/``body``/``content``,
``url``/``link``, ``date``/``published``, ``source``, ``author``, ``language``; names are
matched without regard to case and other columns are ignored. A ``.tsv`` file is split on
tabs; a ``.csv`` file on the separator its header uses (comma, semicolon or tab: spreadsheets
in French locales write semicolons).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from sahelreader.ingest.encoding import decode_text
from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.limits import Limits, OverCap, current
from sahelreader.ingest.records import (
    BODY_KEYS,
    NO_TEXT,
    TITLE_KEYS,
    RecordNotes,
    draft_from_record,
)
from sahelreader.ingest.stream import SkipLog
from sahelreader.models import ArticleDraft

__all__ = ["NO_ARTICLE_COLUMNS", "read_table"]

NO_ARTICLE_COLUMNS = "no article columns"
_SEPARATORS = ",;\t"
_ARTICLE_COLUMNS = frozenset(TITLE_KEYS + BODY_KEYS)
# A line break written as backslash and n, as tab-separated exports do (a row is one line);
# not before a lowercase letter: "C:\\new" is a path, and no sentence starts in lowercase
_ESCAPED_BREAK = re.compile(r"(?:\\r)?\\n(?![a-zß-ÿ])")


def read_table(
    data: bytes, origin: str, skips: SkipLog, *, tabs: bool, limits: Limits | None = None
) -> list[ArticleDraft]:
    """All drafts in a table's bytes (``tabs``: a .tsv file). Rows without a title or text,
    or over a cap, are counted in ``skips``; a table with no header naming a title or text
    column, or with no usable row, raises IngestError."""
    limits = limits or current()
    text = decode_text(data)
    del data
    if not text.strip():
        raise IngestError("empty file")
    header_line = text.split("\n", 1)[0]
    separator = "\t" if tabs else _separator(header_line)
    # A body may be long: the csv module's own cap (128 KB) would stop at the first one. The
    # cap is the whole process's, so it is only ever raised.
    csv.field_size_limit(max(csv.field_size_limit(), limits.record_bytes))
    rows: Iterator[list[str]] = csv.reader(
        io.StringIO(text, newline=""), delimiter=separator, strict=False
    )
    if separator == "\t":
        rows = ([_unescape_breaks(cell) for cell in row] for row in rows)
    try:
        header = [column.strip().lower() for column in next(rows, [])]
        if not _ARTICLE_COLUMNS.intersection(header):
            raise IngestError(
                f"{NO_ARTICLE_COLUMNS}: the first row names no title or text column "
                '(expected a header such as "title", "headline", "text", "body")'
            )
        unread = RecordNotes("row", "rows")
        drafts = list(_drafts(rows, header, origin, skips, limits, unread))
    except csv.Error as error:
        raise IngestError(f"not a readable table: {error}") from None
    if not drafts:
        raise IngestError(f"no article in its {skips.total:,} rows" if skips.total else "no rows")
    skips.notes.extend(unread.notes())
    return drafts


def _drafts(
    rows: Iterator[list[str]],
    header: list[str],
    origin: str,
    skips: SkipLog,
    limits: Limits,
    unread: RecordNotes,
) -> Iterator[ArticleDraft]:
    for number, row in enumerate(rows, start=2):  # the header is row 1
        if not any(cell.strip() for cell in row):
            continue
        where = f"row {number}"
        record = {name: cell for name, cell in zip(header, row, strict=False) if name}
        try:
            draft = draft_from_record(record, origin=f"{origin}:{number}", limits=limits)
        except OverCap as over:
            skips.add(str(over), where)
            continue
        if draft is None:
            skips.add(NO_TEXT, where)
            continue
        unread.check(record, draft)
        yield draft


def _unescape_breaks(cell: str) -> str:
    """A tab-separated cell's escaped line breaks as line breaks; a cell that holds real ones
    (quoted) writes its backslashes as text."""
    if "\\n" not in cell or "\n" in cell:
        return cell
    return _ESCAPED_BREAK.sub("\n", cell)


def _separator(header_line: str) -> str:
    """The separator a CSV header uses most: a comma unless semicolons or tabs outnumber it."""
    return max(_SEPARATORS, key=lambda separator: (header_line.count(separator), separator == ","))
