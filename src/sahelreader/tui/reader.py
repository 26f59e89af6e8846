"""The reader pane: title, byline and the body in readable paragraphs, search matches marked."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from ..models import Article, Entity
from ..reflow import DisplayText, reflow
from ..textclean import one_line, strip_control
from ..timeutil import short_date
from .entity_styles import ENTITY_STYLES

MATCH_STYLE = "on #7a5c00"
CURRENT_MATCH_STYLE = "bold black on #ffcc33"


class ArticleReader(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding(
            "j,down",
            "scroll_down",
            "Scroll down",
            show=False,
            id="reader.down",
            tooltip="Scroll the article down a line",
        ),
        Binding(
            "k,up",
            "scroll_up",
            "Scroll up",
            show=False,
            id="reader.up",
            tooltip="Scroll the article up a line",
        ),
        Binding(
            "g,home",
            "scroll_home",
            "Top",
            show=False,
            id="reader.top",
            tooltip="Go to the top of the article",
        ),
        Binding(
            "G,end",
            "scroll_end",
            "Bottom",
            show=False,
            id="reader.bottom",
            tooltip="Go to the end of the article",
        ),
        Binding(
            "pageup",
            "page_up",
            "Page up",
            show=False,
            id="reader.page_up",
            tooltip="Scroll the article up a page",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self._display: DisplayText | None = None
        self._matches: list[tuple[int, int]] = []  # display offsets
        self._entities: list[tuple[int, int, str]] = []  # display offsets, style key
        self.show_entities = True
        self.current_match = -1

    def compose(self) -> ComposeResult:
        with Vertical(id="reader-column"):
            yield Static(id="reader-title")
            yield Static(id="reader-byline")
            yield Static(id="reader-body")

    def on_mount(self) -> None:
        self.show_empty()

    def show_empty(self) -> None:
        self.article = None
        self._matches = []
        self.query_one("#reader-title", Static).update(Text("No article open", style="bold"))
        self.query_one("#reader-byline", Static).update(
            Text("Choose one in the list with j/k and press enter, or search with /.", style="dim")
        )
        self.query_one("#reader-body", Static).update("")

    def show(
        self,
        article: Article,
        matches: Sequence[tuple[int, int]] = (),
        entities: Sequence[Entity] = (),
        watched: Sequence[tuple[int, int]] = (),
    ) -> None:
        """Show an article; spans (search matches, entities, watched names) index `article.body`."""
        self.article = article
        clean = strip_control(article.body)
        display = self._display = reflow(clean)
        if len(clean) != len(article.body):
            # Stored text is cleaned on import; never highlight at shifted offsets.
            matches, entities, watched = (), (), ()
        self._matches = [
            span for span in (display.to_display(s, e) for s, e in matches) if span is not None
        ]
        marked: list[tuple[int, int, str]] = [(e.start, e.end, e.type) for e in entities]
        marked += [(s, e, "watch") for s, e in watched]
        self._entities = [
            (span[0], span[1], kind)
            for start, end, kind in marked
            if (span := display.to_display(start, end)) is not None
        ]
        self.current_match = -1
        self.query_one("#reader-title", Static).update(Text(one_line(article.title), style="bold"))
        self.query_one("#reader-byline", Static).update(byline(article))
        self._render_body()
        self.scroll_home(animate=False, immediate=True)

    def passage_in_view(self) -> str:
        """The paragraph of the current search match, else the first one on screen."""
        if self._display is None:
            return ""
        text = self._display.text
        if 0 <= self.current_match < len(self._matches):
            offset = self._matches[self.current_match][0]
        else:
            body = self.query_one("#reader-body", Static)
            first_line = max(0, int(self.scroll_y) - body.virtual_region.y)
            width = max(10, body.content_region.width or body.size.width or 60)
            offset = _offset_of_line(text, first_line, width)
        start = text.rfind("\n\n", 0, offset)
        end = text.find("\n\n", offset)
        return text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(text)]

    def toggle_entities(self) -> bool:
        self.show_entities = not self.show_entities
        self._render_body()
        return self.show_entities

    @property
    def entity_count(self) -> int:
        return len(self._entities)

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def _render_body(self) -> None:
        if self._display is None:
            return
        body = Text(self._display.text)
        if self.show_entities:
            for start, end, kind in self._entities:
                body.stylize(ENTITY_STYLES[kind], start, end)
        for index, (start, end) in enumerate(self._matches):
            body.stylize(
                CURRENT_MATCH_STYLE if index == self.current_match else MATCH_STYLE, start, end
            )
        self.query_one("#reader-body", Static).update(body)

    def next_match(self, step: int) -> bool:
        """Move to the next (+1) or previous (-1) match and scroll it into view."""
        if not self._matches or self._display is None:
            return False
        self.current_match = (self.current_match + step) % len(self._matches)
        self._render_body()
        body = self.query_one("#reader-body", Static)
        start = self._matches[self.current_match][0]
        width = max(10, body.content_region.width or body.size.width or 60)
        line = _line_of(self._display.text, start, width)
        target = body.virtual_region.y + line - self.size.height // 3
        self.scroll_to(y=max(0, target), animate=False, immediate=True)
        return True


def _line_of(text: str, offset: int, width: int) -> int:
    """The wrapped line an offset falls on (greedy wrapping is stable for a prefix)."""
    console = Console(width=width, legacy_windows=False)
    prefix = Text(text[: offset + 1])
    return max(0, len(prefix.wrap(console, width)) - 1)


def _offset_of_line(text: str, line: int, width: int) -> int:
    """The offset of the first character on a wrapped line (the inverse of _line_of)."""
    console = Console(width=width, legacy_windows=False)
    offset = 0
    for number, piece in enumerate(Text(text).wrap(console, width)):
        if number >= line:
            return min(offset, max(0, len(text) - 1))
        offset += len(piece.plain) + 1
    return max(0, len(text) - 1)


def byline(article: Article) -> Text:
    line = Text(style="dim")
    parts = [
        one_line(p) for p in (article.source, article.author, short_date(article.published)) if p
    ]
    line.append(" · ".join(parts))
    if article.url:
        if parts:
            line.append(" · ")
        line.append(one_line(article.url), style="underline")
    return line
