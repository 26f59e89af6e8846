"""Notes as Markdown, ready to paste into a report: one section per article.

With an entity, the export is a dossier: every noted article that names that person, place or
organisation, in its text or in the note.

Article text is cleaned again here (an article stored by an older version may hold escapes or
bidi controls), titles and sources are written as text (their Markdown characters escaped: a
title "[x](javascript:…)" is no link), and only an http(s) link is written as the article's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sahelreader.models import Article
from sahelreader.text.clean import clean_text, http_link, one_line
from sahelreader.text.timeutil import now_utc, short_date

ARTICLE_LEVEL = 2  # each article is a `##` section under the export's `#` title
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Lines that start a block other than a paragraph: no setext heading can be made of them.
# Characters that make Markdown inline syntax (emphasis, code, links, HTML): escaped in titles.
_INLINE_SYNTAX = re.compile(r"([\\`*_\[\]<>])")
_NOT_PARAGRAPH = re.compile(r"^ {0,3}(?:[>|]|[-*+][ \t]|\d{1,9}[.)][ \t]|(?:[-*_][ \t]*){3,}$)")


@dataclass(frozen=True)
class NotedArticle:
    article: Article | None  # None: the article was removed; the note is kept
    article_id: str
    title: str
    note: str
    updated: datetime | None


NO_ARTICLE = "article no longer in the library"


def notes_markdown(items: Sequence[NotedArticle], heading: str, missing: str = NO_ARTICLE) -> str:
    """The export; ``missing`` says why a note has no article (it was removed, or the file
    it was read from is damaged)."""
    lines = [f"# {one_line(heading)}", ""]
    count = len(items)
    lines.append(
        f"_{count} noted article{'' if count == 1 else 's'} · exported "
        f"{now_utc():%Y-%m-%d %H:%M} UTC from sahelreader_"
    )
    lines.append("")
    for item in items:
        lines.extend(_section(item, missing))
    return "\n".join(lines).rstrip() + "\n"


def _section(item: NotedArticle, missing: str = NO_ARTICLE) -> list[str]:
    article = item.article
    title = one_line(article.title if article else item.title) or f"Article {item.article_id}"
    lines = [f"{'#' * ARTICLE_LEVEL} {_escape_heading(title)}", ""]
    facts: list[str] = []
    if article is not None:
        if article.source:
            facts.append(f"*{_as_text(one_line(article.source))}*")
        if article.published:
            facts.append(short_date(article.published))
        link = http_link(article.url)
        if link:
            facts.append(f"<{link.replace('<', '%3C').replace('>', '%3E')}>")
        if article.bookmarked:
            facts.append("★ bookmarked")
    else:
        facts.append(f"*{_as_text(one_line(missing))}*")
    facts.append(f"id `{item.article_id}`")
    if item.updated:
        facts.append(f"note updated {short_date(item.updated)}")
    lines.append(" · ".join(facts))
    lines.append("")
    lines.append(nest_headings(clean_text(item.note).strip(), ARTICLE_LEVEL))
    lines.append("")
    return lines


def nest_headings(note: str, parent: int) -> str:
    """The note with its headings moved down so that the highest sits just below a heading of
    level `parent` (`# Plan` under `## Article` becomes `### Plan`); their nesting is kept,
    down to Markdown's level 6. Setext headings (a line under `===`/`---`) become `#` ones;
    fenced code is left alone."""
    lines = note.split("\n")
    headings: dict[int, tuple[int, str]] = {}  # first line -> (level, text)
    drop: set[int] = set()  # setext underlines and the paragraph lines joined into a heading
    fenced = ""
    paragraph_start: int | None = None
    for number, line in enumerate(lines):
        fence = _FENCE.match(line)
        if fenced:
            if fence and fence[1][0] == fenced[0] and len(fence[1]) >= len(fenced):
                fenced = ""
            continue
        if fence:
            fenced, paragraph_start = fence[1], None
            continue
        atx = _ATX.match(line)
        underline = _SETEXT.match(line)
        if atx:
            text = re.sub(r"[ \t]+#+[ \t]*$", "", atx[2]).strip()
            headings[number] = (len(atx[1]), text)
            paragraph_start = None
        elif underline and paragraph_start is not None:
            text = " ".join(part.strip() for part in lines[paragraph_start:number])
            headings[paragraph_start] = (1 if underline[1][0] == "=" else 2, text)
            drop.update(range(paragraph_start + 1, number + 1))
            paragraph_start = None
        elif not line.strip():
            paragraph_start = None
        elif paragraph_start is None and not _NOT_PARAGRAPH.match(line):
            paragraph_start = number
    if not headings:
        return note
    shift = max(0, parent + 1 - min(level for level, _ in headings.values()))
    if not shift:
        return note
    nested: list[str] = []
    for number, line in enumerate(lines):
        if number in drop:
            continue
        if number in headings:
            level, text = headings[number]
            line = f"{'#' * min(6, level + shift)} {text}".rstrip()
        nested.append(line)
    return "\n".join(nested)


def _escape_heading(text: str) -> str:
    # A title starting with # or containing a newline would break the Markdown structure.
    return _as_text(text.lstrip("#").strip())


def _as_text(text: str) -> str:
    """One line of Markdown that shows `text` as it is: inline syntax escaped."""
    return _INLINE_SYNTAX.sub(r"\\\1", text)
