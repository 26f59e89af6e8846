"""The side panel: the open article's details and entities (each one a way into the archive)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..entity_summary import EntityGroup
from ..models import Article
from ..textclean import one_line
from ..timeutil import short_date
from .entity_styles import ENTITY_LABELS, ENTITY_STYLES


class EntityList(OptionList):
    """Entities grouped by type; enter (or a click) searches the library for one."""


class SidePanel(VerticalScroll):
    class EntitySelected(Message):
        def __init__(self, group: EntityGroup) -> None:
            super().__init__()
            self.group = group

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.groups: list[EntityGroup] = []
        self.article_counts: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static("About this article", classes="section-title")
        yield Static(id="side-meta")
        yield Static("Entities", classes="section-title")
        yield Static(id="side-entities-empty")
        yield EntityList(id="entity-list")
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
            Text("Your note on the article will appear here.", style="dim italic"),
            id="side-note",
        )

    def on_mount(self) -> None:
        self.show(None)

    def show(self, article: Article | None, groups: list[EntityGroup] | None = None) -> None:
        self._show_meta(article)
        self.groups = groups or []
        self.article_counts = {}
        self._show_entities()

    def show_counts(self, counts: dict[str, int]) -> None:
        """How many articles in the library name each entity (counted in a worker)."""
        self.article_counts = counts
        self._show_entities()

    def _show_entities(self) -> None:
        entity_list = self.query_one(EntityList)
        empty = self.query_one("#side-entities-empty", Static)
        highlighted = entity_list.highlighted
        entity_list.clear_options()
        if not self.groups:
            entity_list.display = False
            empty.display = True
            empty.update(Text("No people, places or organisations found.", style="dim italic"))
            return
        empty.display = False
        entity_list.display = True
        options: list[Option | None] = []
        kind = ""
        for index, group in enumerate(self.groups):
            if group.type != kind:
                if kind:
                    options.append(None)  # a separator between types
                kind = group.type
            label = Text(one_line(group.name), style=ENTITY_STYLES[group.type])
            label.append(f"\n  {group.count} mention{'' if group.count == 1 else 's'}", style="dim")
            articles = self.article_counts.get(group.query)
            if articles is not None:
                plural = "" if articles == 1 else "s"
                label.append(f" · {articles:,} article{plural}", style="dim")
            options.append(Option(label, id=str(index)))
        entity_list.add_options(options)
        entity_list.tooltip = (
            " · ".join(f"{ENTITY_LABELS[k]}" for k in ("person", "place", "organisation"))
            + " — enter searches the library for the one highlighted"
        )
        if highlighted is not None and highlighted < entity_list.option_count:
            entity_list.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.EntitySelected(self.groups[int(event.option.id)]))

    def _show_meta(self, article: Article | None) -> None:
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
