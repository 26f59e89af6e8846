"""`notes export`: a note's own headings sit below its article's heading."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from sahelreader.library import Library
from sahelreader.models import Article
from sahelreader.notes_export import NotedArticle, notes_markdown

from .conftest import draft, utc


def _noted(note: str, title: str = "Grazing routes close") -> NotedArticle:
    article = Article(
        id="abcd1234",
        title=title,
        body="Herders found the routes closed.",
        source="Kel Wire",
        author="",
        url="",
        published=utc(2024, 4, 1),
        added=utc(2024, 4, 2),
        language="en",
        content_hash="x",
    )
    return NotedArticle(article, "abcd1234", title, note, datetime(2024, 4, 3, tzinfo=timezone.utc))


def _headings(markdown: str) -> list[str]:
    headings, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            headings.append(line)
    return headings


def test_a_notes_headings_are_nested_below_the_articles() -> None:
    note = "# Questions\n\nWho closed them?\n\n## Follow up\n\nCall the mayor.\n\n### Later\n\nx"
    markdown = notes_markdown([_noted(note)], "Notes")
    assert _headings(markdown) == [
        "# Notes",
        "## Grazing routes close",
        "### Questions",
        "#### Follow up",
        "##### Later",
    ]


def test_already_deep_headings_keep_their_level_and_code_is_untouched() -> None:
    note = "### Detail\n\n```\n# not a heading: a shell comment\n```\n\n#hashtag is not one"
    markdown = notes_markdown([_noted(note)], "Notes")
    assert _headings(markdown) == ["# Notes", "## Grazing routes close", "### Detail"]
    assert "# not a heading: a shell comment" in markdown
    assert "#hashtag is not one" in markdown


def test_setext_headings_and_the_deepest_level() -> None:
    note = "Summary\n=======\n\nText.\n\nSources\n-------\n\n###### Tiny\n\nEnd."
    markdown = notes_markdown([_noted(note)], "Notes")
    assert _headings(markdown) == [
        "# Notes",
        "## Grazing routes close",
        "### Summary",
        "#### Sources",
        "###### Tiny",  # already as deep as Markdown goes
    ]
    assert "=======" not in markdown and "-------" not in markdown


def test_a_rule_after_a_blank_line_is_not_a_heading() -> None:
    note = "First part.\n\n---\n\nSecond part."
    assert "First part.\n\n---\n\nSecond part." in notes_markdown([_noted(note)], "Notes")


def test_export_through_the_library(library: Library) -> None:
    library.add_drafts([draft("Wells dry up in Tahoua", "The wells of Tahoua are dry.")])
    [article_id] = library.list_ids()
    library.save_note(article_id, "# Why\n\nNo rain.\n\n## Next\n\nAsk the prefect.")
    assert _headings(library.export_notes()) == [
        "# Notes",
        "## Wells dry up in Tahoua",
        "### Why",
        "#### Next",
    ]
