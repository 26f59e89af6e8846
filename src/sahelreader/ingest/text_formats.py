"""Plain text (.txt) and Markdown (.md) articles."""

from __future__ import annotations

import re
from datetime import datetime

from sahelreader.ingest.dates import day_first_for, parse_date
from sahelreader.ingest.errors import IngestError
from sahelreader.ingest.fields import (
    clean_author,
    clean_language,
    clean_url,
    host_name,
    source_from,
)
from sahelreader.ingest.titles import split_title
from sahelreader.models import ArticleDraft
from sahelreader.text.clean import one_line, tidy_paragraphs

__all__ = ["parse_front_matter", "read_markdown", "read_text"]

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX_H1 = re.compile(r"^\s{0,3}#(?!#)\s+(?P<title>.+?)(?:\s+#+)?\s*$")
# Longer lines are not headings; on them the pattern above takes time growing with the square
# of their length (a long run of spaces).
_MAX_HEADING_LINE = 1000
_SETEXT_H1 = re.compile(r"^\s{0,3}=+\s*$")
_BLOCK_SCALAR = frozenset({"|", "|-", "|+", ">", ">-", ">+"})
_FRONT_MATTER_ENDS = {"---": ("---", "..."), "+++": ("+++",)}
# The publication date first; a date of change or of fetching only when there is no other.
_FRONT_MATTER_DATES = (
    "published",
    "date",
    "pubdate",
    "published_at",
    "created",
    "updated",
    "modified",
    "lastmod",
    "timestamp",
)
_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1(?!\w)")


def read_text(text: str, origin: str) -> ArticleDraft:
    """A plain text article: the title is a short first line or else the first sentence."""
    text = tidy_paragraphs(text)
    if not text:
        raise IngestError("empty file")
    title, body = split_title(text)
    return ArticleDraft(title=title, body=body, origin=origin)


def read_markdown(text: str, origin: str) -> ArticleDraft:
    """A Markdown article, with optional front matter (``title``, ``date``, ``author``,
    ``source``, ``url``, ``language``). Without a title there, the first ``# heading`` is the
    title and leaves the body; failing that, the plain text rule applies. The body stays
    Markdown."""
    text = tidy_paragraphs(text)
    if not text:
        raise IngestError("empty file")
    meta, text = parse_front_matter(text)
    body = tidy_paragraphs(text)
    title = one_line(meta.get("title", ""))
    if not title:
        title, body = _take_heading(body)
    if not title and body:
        title, body = split_title(body)
        title = _plain_inline(title.lstrip("#").strip())
    if not body:
        raise IngestError("no article text found")
    url = clean_url(meta.get("url") or meta.get("link") or meta.get("canonical_url", ""))
    source = meta.get("source") or meta.get("publisher") or meta.get("site", "")
    return ArticleDraft(
        title=_plain_inline(title),
        body=body,
        source=source_from(source, url) or host_name(url),
        author=clean_author(meta.get("author") or meta.get("authors") or meta.get("byline", "")),
        url=url,
        published=_first_date(
            meta, _FRONT_MATTER_DATES, day_first_for(meta.get("language") or meta.get("lang", ""))
        ),
        language=clean_language(meta.get("language") or meta.get("lang", "")),
        origin=origin,
    )


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``---`` YAML-style (or ``+++`` TOML-style) front matter off a document.

    Only flat ``key: value`` lines are read (quoted or not, ``|``/``>`` blocks, ``[a, b]``
    lists joined with ", "); anything else in it is ignored. Keys come back lowercase.
    Returns ({}, text) when the document has no closed front matter.
    """
    lines = text.split("\n")
    opener = lines[0].strip()
    if opener not in _FRONT_MATTER_ENDS:
        return {}, text
    closers = _FRONT_MATTER_ENDS[opener]
    end = next((i for i, line in enumerate(lines) if i and line.strip() in closers), 0)
    if not end:
        return {}, text
    separator = "=" if opener == "+++" else ":"
    return _parse_pairs(lines[1:end], separator), "\n".join(lines[end + 1 :])


def _parse_pairs(lines: list[str], separator: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip() or line[0] in " \t-#" or separator not in line:
            continue
        key, _, value = line.partition(separator)
        key, value = key.strip().lower(), value.strip()
        if value in _BLOCK_SCALAR:
            block: list[str] = []
            while index < len(lines) and (not lines[index].strip() or lines[index][0] in " \t"):
                block.append(lines[index].strip())
                index += 1
            joiner = "\n" if value.startswith("|") else " "
            value = joiner.join(block).strip()
        else:
            value = _scalar(value)
        if key and value:
            meta.setdefault(key, value)
    return meta


def _scalar(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        if value[0] == "'":
            return inner.replace("''", "'")
        return re.sub(r'\\(["\\/])', r"\1", inner).replace("\\n", "\n").replace("\\t", "\t")
    if value.startswith("[") and value.endswith("]"):
        items = (_scalar(item.strip()) for item in value[1:-1].split(","))
        return ", ".join(item for item in items if item)
    comment = value.find(" #")
    return value[:comment].rstrip() if comment >= 0 else value


def _take_heading(body: str) -> tuple[str, str]:
    """The first level-one heading outside code blocks, and the body without it."""
    lines = body.split("\n")
    in_code = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        atx = _ATX_H1.match(line) if len(line) <= _MAX_HEADING_LINE else None
        if atx:
            return atx["title"], _without_lines(lines, index, index + 1)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.strip() and _SETEXT_H1.match(following):
            return line.strip(), _without_lines(lines, index, index + 2)
    return "", body


def _without_lines(lines: list[str], start: int, end: int) -> str:
    return tidy_paragraphs("\n".join(lines[:start] + lines[end:]))


def _plain_inline(title: str) -> str:
    """A Markdown title as plain text: links become their text, emphasis marks go. A title
    longer than any real one keeps its marks: the patterns take time growing with the square
    of its length."""
    if len(title) > _MAX_HEADING_LINE:
        return one_line(title)
    title = _INLINE_LINK.sub(r"\1", title)
    previous = None
    while previous != title:
        previous, title = title, _EMPHASIS.sub(r"\2", title)
    return one_line(title)


def _first_date(
    meta: dict[str, str], keys: tuple[str, ...], day_first: bool | None = None
) -> datetime | None:
    for key in keys:
        published = parse_date(meta.get(key), day_first=day_first)
        if published is not None:
            return published
    return None
