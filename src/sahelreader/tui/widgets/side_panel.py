"""The side panel: the open article's details, its story, entities, cited sources, other
coverage, links.

Every row is selectable: an entity or a source narrows the list, an article opens in the
reader, the story opens the Stories view on its articles, a link opens in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, get_current_worker

from sahelreader.entities.summary import EntityGroup
from sahelreader.library import Library
from sahelreader.models import Article
from sahelreader.text.clean import one_line, plural, strip_control
from sahelreader.text.timeutil import short_date
from sahelreader.text.words import word_count
from sahelreader.tui import bindings
from sahelreader.tui.screens.stories import story_dates
from sahelreader.tui.widgets.entity_styles import ENTITY_STYLES, WATCHED_MARK, WATCHED_STYLE
from sahelreader.tui.widgets.rows import Indented, Packed
from sahelreader.tui.widgets.trends import EntityTrends

if TYPE_CHECKING:  # the related-sources engine loads when an article's details are first read
    from sahelreader.library.stories import Story
    from sahelreader.related.coverage import Related

ChoiceKind = Literal["entity", "source", "article", "link", "story"]


@dataclass(frozen=True)
class Choice:
    kind: ChoiceKind
    value: str
    group: EntityGroup | None = None


class SideList(OptionList):
    """One section's rows; enter (or a click) acts on the highlighted one.

    j/k (and the arrows) run on from the end of one section into the next, so the side panel
    reads as one list.
    """

    BINDINGS = bindings.SIDE_PANEL

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices: list[Choice] = []

    # pageup/pagedown/space scroll the article being read from every pane, this one included
    # (OptionList would page its own few rows).
    def on_blur(self) -> None:
        # One cursor in the panel: a section left behind keeps no highlighted row.
        self.highlighted = None

    def action_page_down(self) -> None:
        self.call_later(self.app.run_action, "reader_page(1)", self.screen)

    def action_page_up(self) -> None:
        self.call_later(self.app.run_action, "reader_page(-1)", self.screen)

    def action_cursor_down(self) -> None:
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            if self._move_to_section(1):
                return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted is None or self.highlighted <= 0:
            if self._move_to_section(-1):
                return
        super().action_cursor_up()

    def action_panel_edge(self, end: int) -> None:
        """g / G: the first row of the first section, the panel scrolled to its top (the
        article's details above the rows); or the last row of the last, scrolled to the end."""
        sections = [s for s in self.screen.query(SideList) if s.display and s.option_count]
        if sections:
            target = sections[-1] if end else sections[0]
            target.focus(scroll_visible=False)
            target.highlighted = target.option_count - 1 if end else 0
        for panel in self.ancestors:
            if isinstance(panel, SidePanel):
                # After the highlight's own scroll into view, which would stop short of the edge.
                if end:
                    panel.call_after_refresh(panel.scroll_end, animate=False, immediate=True)
                else:
                    panel.call_after_refresh(panel.scroll_home, animate=False, immediate=True)
                break

    def _move_to_section(self, step: int) -> bool:
        sections = [s for s in self.screen.query(SideList) if s.display and s.option_count]
        index = sections.index(self) + step if self in sections else -1
        if not 0 <= index < len(sections):
            return False
        target = sections[index]
        target.focus()
        target.highlighted = 0 if step > 0 else target.option_count - 1
        return True

    def set_rows(self, rows: list[tuple[RenderableType, Choice | None]]) -> None:
        """Rows are (label, what selecting it does); None is a separator."""
        self.clear_options()
        self.choices = []
        options: list[Option | None] = []
        for label, choice in rows:
            if choice is None:
                options.append(None)
                continue
            options.append(Option(label, id=str(len(self.choices))))
            self.choices.append(choice)
        self.add_options(options)
        self.display = bool(self.choices)


class SidePanel(VerticalScroll):
    class Chosen(Message):
        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

    @dataclass
    class DetailsLoaded(Message):
        article_id: str
        related: Related | None
        groups: list[EntityGroup]
        story: Story | None
        failed: str = ""  # why the related sources could not be worked out, if they could not

    @dataclass
    class SourcesLoaded(Message):
        article_id: str
        related: Related  # its cited sources and links; no coverage (no index to look in)

    @dataclass
    class CountsLoaded(Message):
        article_id: str
        counts: dict[str, int]

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.groups: list[EntityGroup] = []
        self.watched: set[str] = set()  # the queries of the groups watched
        self.article_id: str | None = None
        self.note = ""
        self._meta_lines = 0  # the details' height in lines, 0 before the first
        self.article_counts: dict[str, int] = {}
        self.related: Related | None = None
        self.story: Story | None = None  # the open article's, when it has other articles

    def compose(self) -> ComposeResult:
        yield Static("About this article", classes="section-title")
        yield Static(id="side-meta")
        # Filled a moment after an article opens (see SahelReaderApp.load_side_details): until
        # then the previous article's details stay, dimmed, so opening an article changes no
        # widget's size and the screen need not be laid out again (40-50 ms at 120x40).
        with Vertical(id="side-details"):
            # One row, when the article's story has other articles: enter opens the story.
            yield SideList(id="story-list")
            yield Static("Note", classes="section-title")
            yield Static(id="side-note")
            yield Static("Entities", classes="section-title")
            yield Static(id="side-entities-empty", classes="empty")
            yield SideList(id="entity-list")
            yield EntityTrends(self.library, id="entity-trends")
            yield Static("Cited in this article", classes="section-title")
            yield Static(id="side-cited-empty", classes="empty")
            yield SideList(id="cited-list")
            yield Static("Other coverage", classes="section-title")
            yield Static(id="side-coverage-empty", classes="empty")
            yield SideList(id="coverage-list")
            # The outlet's own other pieces on the story: shown only when there are some.
            yield Static("More from this outlet", classes="section-title", id="side-outlet-title")
            yield SideList(id="outlet-list")
            yield Static("Links", classes="section-title")
            yield Static(id="side-links-empty", classes="empty")
            yield SideList(id="link-list")

    def on_mount(self) -> None:
        self.show(None)
        self._show_more_from_outlet(None)

    # -- the article and its entities ------------------------------------------------------------

    def show(self, article: Article | None) -> None:
        """The article's facts now; its note, entities and sources come with show_details."""
        self._show_meta(article)
        if article is None or article.id != self.article_id:
            # Another article: its panel starts at "About this article", not where the last
            # one was scrolled to (its note, its links).
            self.scroll_home(animate=False, immediate=True)
        self.article_id = article.id if article else None
        self.note = article.note if article else ""
        self.related = None
        self.query_one("#side-details").set_class(article is not None, "stale")

    # -- related sources and entity counts: index work, in this panel's worker -------------------

    @work(thread=True, exclusive=True, group="side-details")
    def load_details(self, article_id: str, groups: list[EntityGroup]) -> None:
        worker = get_current_worker()
        try:
            related = self.library.related(article_id)
            story = self.library.stories.of_article(article_id)
        except KeyError:
            return
        except Exception as error:  # noqa: BLE001 - one article's panel never stops the reader
            self.log.error(f"related sources of {article_id}: {error!r}")
            reason = f"{type(error).__name__}: {error}"
            self.post_message(self.DetailsLoaded(article_id, None, groups, None, reason))
            return
        if worker.is_cancelled:
            return
        self.post_message(self.DetailsLoaded(article_id, related, groups, story))
        self._post_counts(article_id, groups, worker)

    @work(thread=True, exclusive=True, group="side-details")
    def load_sources(self, article_id: str) -> None:
        """Before the index is ready: what the article cites and its links, read from its own
        text (other coverage and the counts wait for the index; `load_details` replaces this)."""
        try:
            related = self.library.sources(article_id)
        except KeyError:
            return
        except Exception as error:  # noqa: BLE001 - one article's panel never stops the reader
            self.log.error(f"cited sources of {article_id}: {error!r}")
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.SourcesLoaded(article_id, related))

    def on_side_panel_sources_loaded(self, message: SourcesLoaded) -> None:
        message.stop()
        # Details worked out with the index since (self.related) are not replaced.
        if self.is_attached and message.article_id == self.article_id and self.related is None:
            self._show_cited(message.related)
            self._show_links(message.related)

    @work(thread=True, exclusive=True, group="side-counts")
    def recount(self, article_id: str, groups: list[EntityGroup]) -> None:
        """The entity counts again, replaced in place (articles came in while the panel is in
        use: its lists are not refilled under the reader's cursor)."""
        self._post_counts(article_id, groups, get_current_worker())

    def _post_counts(
        self, article_id: str, groups: list[EntityGroup], worker: Worker[None]
    ) -> None:
        """How many articles name each entity (in the worker), unless it is cancelled."""
        counts = {}
        for group in groups:
            if worker.is_cancelled:
                return
            counts[group.query] = self.library.count_entity_articles(group)
        self.post_message(self.CountsLoaded(article_id, counts))

    def on_side_panel_details_loaded(self, message: DetailsLoaded) -> None:
        message.stop()
        if self.is_attached and message.article_id == self.article_id:
            self.show_details(message.groups, message.related, message.story)
            if message.failed:
                problem = f"Could not work out the related sources: {one_line(message.failed)}"
                for section in ("cited", "coverage", "link"):
                    self._fill(section, [], problem)

    def on_side_panel_counts_loaded(self, message: CountsLoaded) -> None:
        message.stop()
        if self.is_attached and message.article_id == self.article_id:
            self.show_counts(message.counts)

    def show_details(
        self, groups: list[EntityGroup], related: Related | None, story: Story | None
    ) -> None:
        self.query_one("#side-details").remove_class("stale")
        self.show_story(story)
        self.show_note(self.note)
        self.show_entities(groups)
        self.show_related(related)
        # Trends need the index, as related sources do (None: it is not ready yet).
        trends = self.query_one(EntityTrends)
        trends.show_for(self.article_id if related is not None else None, groups)

    def show_entities(self, groups: list[EntityGroup]) -> None:
        self.groups = groups
        self.article_counts = {}
        # The watched ones, by the rule the reader's highlight and the watchlist filter
        # follow (`Library.watched_group`): "Abdourahamane Tiani" when "Tiani" is watched.
        self.watched = {group.query for group in groups if self.library.watched_group(group)}
        rows: list[tuple[RenderableType, Choice | None]] = []
        for group in self.groups:
            if rows and rows[-1][1] is not None and rows[-1][1].group is not None:
                if rows[-1][1].group.type != group.type:
                    rows.append((Text(), None))  # a rule between people, places, organisations
            rows.append((self._entity_label(group), Choice("entity", group.query, group)))
        self._fill("entity", rows, "No people, places or organisations found.")

    def show_counts(self, counts: dict[str, int]) -> None:
        """How many articles in the library name each entity (counted in a worker).

        The prompts are replaced in place: same height, so no new layout for the screen.
        """
        self.article_counts = counts
        entity_list = self.query_one("#entity-list", SideList)
        for index, choice in enumerate(entity_list.choices):
            if choice.group is not None:
                entity_list.replace_option_prompt(str(index), self._entity_label(choice.group))

    def _entity_label(self, group: EntityGroup) -> Indented:
        """The name, then "2 mentions · 1,664 articles": the article count goes whole to a
        line of its own when the panel is too narrow for both (never "1,664" / "articles")."""
        watched = group.query in self.watched
        name = Text(one_line(group.name), style=ENTITY_STYLES["watch" if watched else group.type])
        mentions = Text(f"{group.count} mention{_s(group.count)}", style="dim")
        articles = self.article_counts.get(group.query)
        pieces = [Text(WATCHED_MARK, style=WATCHED_STYLE)] if watched else []
        if articles is not None:
            pieces.append(Text(f"{articles:,} article{_s(articles)}", "dim"))
        return Indented((0, name), (2, Packed(mentions, pieces, indent=0)))

    # -- the story -------------------------------------------------------------------------------

    def show_story(self, story: Story | None) -> None:
        """A row for the article's story when it has other articles ("Story · 4 articles ·
        3 outlets · en, fr · 12–15 Nov 2025"); none for a story of one."""
        self.story = story if story is not None and len(story.articles) > 1 else None
        rows: list[tuple[RenderableType, Choice | None]] = []
        if self.story is not None:
            rows.append((_story_label(self.story), Choice("story", str(self.story.id))))
        self.query_one("#story-list", SideList).set_rows(rows)

    # -- related sources ------------------------------------------------------------------------

    def show_related(self, related: Related | None) -> None:
        self.related = related
        if related is None:
            for section in ("cited", "coverage", "link"):
                self._fill(section, [], "Search is not ready yet.")
            self._show_more_from_outlet(None)
            return
        self._show_cited(related)
        coverage: list[tuple[RenderableType, Choice | None]] = []
        for outlet, items in related.coverage_by_outlet():
            if coverage:
                coverage.append((Text(), None))
            name = outlet or "unknown source"
            # "Daily Dispatch  2 articles"; the count whole on a line of its own if need be.
            count = Text(f"{len(items)} article{_s(len(items))}", style="dim")
            heading = Packed(Text(one_line(name), style="bold"), [count], separator="  ")
            coverage.append((heading, Choice("source", outlet)))
            for item in items:
                # A long title wraps under its first character, its details under them.
                parts = [(2, Text(one_line(item.title)))]
                details = [short_date(item.published)] if item.published else []
                if item.near_duplicate:
                    details.append("same wire copy")
                if item.shared_entities:
                    details.append("shares " + ", ".join(map(one_line, item.shared_entities[:3])))
                if details:
                    parts.append((4, Text(" · ".join(details), style="dim")))
                coverage.append((Indented(*parts), Choice("article", item.id)))
        self._fill("coverage", coverage, related.no_coverage_note())
        self._show_more_from_outlet(related)
        self._show_links(related)

    def _show_cited(self, related: Related) -> None:
        self._fill(
            "cited",
            [
                (_cited_label(c.name, c.kind, c.count), Choice("source", c.name))
                for c in related.cited
            ],
            "No attributed sources found (agencies, outlets, officials, documents).",
        )

    def _show_links(self, related: Related) -> None:
        self._fill(
            "link",
            [
                (Text(one_line(url), style="underline"), Choice("link", url))
                for url in related.links
            ],
            "No links in this article.",
        )

    def _show_more_from_outlet(self, related: Related | None) -> None:
        items = related.more_from_outlet if related is not None else []
        rows: list[tuple[RenderableType, Choice | None]] = []
        for item in items:
            parts = [(0, Text(one_line(item.title)))]
            details = [short_date(item.published)] if item.published else []
            if item.near_duplicate:
                details.append("another version")  # the outlet's report, retitled
            if details:
                parts.append((2, Text(" · ".join(details), style="dim")))
            rows.append((Indented(*parts), Choice("article", item.id)))
        self.query_one("#outlet-list", SideList).set_rows(rows)
        self.query_one("#outlet-list", SideList).display = bool(rows)
        self.query_one("#side-outlet-title", Static).display = bool(rows)

    # -- plumbing ------------------------------------------------------------------------------

    def _fill(
        self, section: str, rows: list[tuple[RenderableType, Choice | None]], empty: str
    ) -> None:
        names = {"entity": "entities", "cited": "cited", "coverage": "coverage", "link": "links"}
        listing = self.query_one(f"#{section}-list", SideList)
        listing.set_rows(rows)
        placeholder = self.query_one(f"#side-{names[section]}-empty", Static)
        placeholder.update(Text(empty, style="dim italic"))
        placeholder.display = not listing.choices and bool(empty)

    def focus_first_row(self) -> None:
        sections = [s for s in self.query(SideList) if s.display and s.option_count]
        if sections:
            sections[0].focus()
            if sections[0].highlighted is None:
                sections[0].highlighted = 0
        else:
            self.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        listing = event.option_list
        if isinstance(listing, SideList) and event.option.id is not None:
            self.post_message(self.Chosen(listing.choices[int(event.option.id)]))

    def show_meta(self, article: Article) -> None:
        self._show_meta(article)

    def show_note(self, note: str | None) -> None:
        """The note rendered as Markdown (never as Rich markup; links are not made clickable)."""
        self.note = note or ""
        widget = self.query_one("#side-note", Static)
        if note is None:
            widget.update("")
        elif note.strip():
            widget.update(
                Group(
                    Markdown(strip_control(note.strip()), hyperlinks=False),
                    Text("e edits the note", style="dim"),
                )
            )
        else:
            widget.update(
                Text(
                    "No note yet — press e to write one, y to quote a passage.", style="dim italic"
                )
            )

    def _show_meta(self, article: Article | None) -> None:
        meta = self.query_one("#side-meta", Static)
        if article is None:
            meta.update(Text("Open an article to see its details.", style="dim italic"))
            self._meta_lines = 0
            return
        rows = [
            ("Source", article.source or "unknown"),
            ("Author", article.author or "unknown"),
            ("Published", short_date(article.published) or "unknown"),
            ("Added", short_date(article.added)),
            ("Language", article.language or "unknown"),
            ("Words", f"{word_count(article.body):,}"),
            (
                "Status",
                ("read" if article.read else "unread")
                + (" · ★ bookmarked" if article.bookmarked else ""),
            ),
            ("Id", article.id),
        ]
        # A long value ("Radio France Internationale", "unread · ★ bookmarked" in a narrow
        # panel) wraps under its own column, not under the labels.
        width = max(1, meta.content_size.width or 30)
        lines = sum(_wrapped_lines(one_line(value), width - _LABEL_WIDTH) for _, value in rows)
        grid = Table.grid(padding=0)
        grid.add_column(width=_LABEL_WIDTH, style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for label, value in rows:
            grid.add_row(label, Text(one_line(value)))
        # The same height as the last article's, most often (the link is under Links): a new
        # layout for the screen only when it changed.
        meta.update(grid, layout=lines != self._meta_lines)
        self._meta_lines = lines


_LABEL_WIDTH = 10  # "Published " and the rest


def _wrapped_lines(value: str, width: int) -> int:
    """How many lines `value` takes wrapped at `width` cells (words kept whole when they fit)."""
    lines = Text(value).wrap(Console(width=max(1, width)), max(1, width))
    return max(1, len(lines))


def _story_label(story: Story) -> Packed:
    """ "Story · 4 articles · 3 outlets · en, fr · 12–15 Nov 2025", each part kept whole on
    as few lines as the panel's width allows. Outlet names are not in it (the Stories view has
    them): the row stays short whatever the articles say."""
    pieces = [Text(plural(len(story.articles), "article"))]
    if story.outlets:
        pieces.append(Text(plural(len(story.outlets), "outlet")))
    if story.languages:
        pieces.append(Text(", ".join(one_line(lang) for lang in story.languages)))
    pieces.append(Text(story_dates(story), style="dim"))
    return Packed(Text("Story", style="bold"), pieces)


def _cited_label(name: str, kind: str, count: int) -> Text:
    label = Text()
    label.append(one_line(name), style="bold")
    label.append(f"\n  {kind} · cited {count}×", style="dim")
    return label


def _s(count: int) -> str:
    return "" if count == 1 else "s"
