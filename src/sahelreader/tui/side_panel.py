"""The side panel: what is known about the open article, and what later features will add."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..models import Article
from ..textclean import one_line
from ..timeutil import short_date


class SidePanel(VerticalScroll, can_focus=True):
    def compose(self) -> ComposeResult:
        yield Static("About this article", classes="section-title")
        yield Static(id="side-meta")
        yield Static("Entities", classes="section-title")
        yield Static(
            Text(
                "People, places and organisations named in the article will be listed here.",
                style="dim italic",
            ),
            id="side-entities",
        )
        yield Static("Related sources", classes="section-title")
        yield Static(
            Text(
                "Who the article cites, and other outlets' coverage of the same story, will "
                "appear here.",
                style="dim italic",
            ),
            id="side-related",
        )
        yield Static("Note", classes="section-title")
        yield Static(
            Text("Your note on the article will appear here.", style="dim italic"), id="side-note"
        )

    def on_mount(self) -> None:
        self.show(None)

    def show(self, article: Article | None) -> None:
        meta = self.query_one("#side-meta", Static)
        if article is None:
            meta.update(Text("Open an article to see its details.", style="dim italic"))
            return
        text = Text()
        rows = [
            ("Source", article.source or "unknown"),
            ("Author", article.author or "unknown"),
            ("Published", short_date(article.published) or "unknown"),
            ("Added", short_date(article.added)),
            ("Language", article.language or "unknown"),
            ("Words", f"{len(article.body.split()):,}"),
            ("Status", "read" if article.read else "unread"),
            ("Id", article.id),
        ]
        for label, value in rows:
            text.append(f"{label:<10}", style="bold")
            text.append(one_line(value) + "\n")
        if article.url:
            text.append(f"{'Link':<10}", style="bold")
            text.append(one_line(article.url), style="underline")
        meta.update(text)
