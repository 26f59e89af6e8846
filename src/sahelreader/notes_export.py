"""Notes as Markdown, ready to paste into a report: one section per article.

With an entity, the export is a dossier: every noted article that names that person, place or
organisation, in its text or in the note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from .models import Article
from .textclean import one_line
from .timeutil import now_utc, short_date


@dataclass(frozen=True)
class NotedArticle:
    article: Article | None  # None: the article was removed; the note is kept
    article_id: str
    title: str
    note: str
    updated: datetime | None


def notes_markdown(items: Sequence[NotedArticle], heading: str) -> str:
    lines = [f"# {heading}", ""]
    count = len(items)
    lines.append(
        f"_{count} noted article{'' if count == 1 else 's'} · exported "
        f"{now_utc():%Y-%m-%d %H:%M} UTC from sahelreader_"
    )
    lines.append("")
    for item in items:
        lines.extend(_section(item))
    return "\n".join(lines).rstrip() + "\n"


def _section(item: NotedArticle) -> list[str]:
    article = item.article
    title = one_line(article.title if article else item.title) or f"Article {item.article_id}"
    lines = [f"## {_escape_heading(title)}", ""]
    facts: list[str] = []
    if article is not None:
        if article.source:
            facts.append(f"*{one_line(article.source)}*")
        if article.published:
            facts.append(short_date(article.published))
        if article.url:
            facts.append(f"<{article.url}>")
        if article.bookmarked:
            facts.append("★ bookmarked")
    else:
        facts.append("*article no longer in the library*")
    facts.append(f"id `{item.article_id}`")
    if item.updated:
        facts.append(f"note updated {short_date(item.updated)}")
    lines.append(" · ".join(facts))
    lines.append("")
    lines.append(item.note.strip())
    lines.append("")
    return lines


def _escape_heading(text: str) -> str:
    # A title starting with # or containing a newline would break the Markdown structure.
    return text.lstrip("#").strip()
