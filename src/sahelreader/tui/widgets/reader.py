"""The reader pane: title, byline and the body in readable paragraphs, matches and names marked.

A Line API widget: the article is wrapped once (at a comfortable measure, centred) and only the
visible lines are drawn. Opening an article changes no widget's size, so the screen is not laid
out again — a widget-per-paragraph or a growing Static cost 40–60 ms a key at 50,000 articles.
Mouse selection works as in any Textual widget, and `y` quotes the selection into the note.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from sahelreader.models import Article, Entity
from sahelreader.text.clean import http_link, one_line, strip_control
from sahelreader.text.reflow import DisplayText, reflow
from sahelreader.text.timeutil import short_date
from sahelreader.text.wrap import break_offsets
from sahelreader.tui import bindings
from sahelreader.tui.widgets.entity_styles import ENTITY_STYLES

MATCH_STYLE = "on #7a5c00"
CURRENT_MATCH_STYLE = "bold black on #ffcc33"
MEASURE = 84  # the longest line, in cells: a comfortable measure on wide terminals


class ArticleReader(ScrollView, can_focus=True):
    BINDINGS = bindings.READER

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.show_entities = True
        self.current_match = -1
        self._display: DisplayText | None = None
        self._matches: list[tuple[int, int]] = []  # display offsets
        self._entities: list[tuple[int, int, str]] = []  # display offsets, style key
        self._head = Text()  # title and byline
        self._body_start = 0  # where the body starts in the document (head + blank line)
        self._lines: list[Text] = []  # the document, wrapped
        self._line_starts: list[int] = []  # document offset of each wrapped line
        self._strips: dict[int, Strip] = {}
        self._wrapped_for = -1
        self._margin = 0

    # -- content -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.show_empty()

    def show_empty(self) -> None:
        self.article = None
        self._display = None
        self._matches, self._entities = [], []
        self._head = Text()
        self._head.append("No article open", style="bold")
        self._head.append(
            "\nChoose one in the list with j/k and press enter, or search with /.",
            style="dim",
        )
        self._layout(force=True)

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
        # A watched entity's mention is in `watched` whole (`Library.watched_names`): it is
        # shown one way, the watched way, not in its type's colour under a watched word.
        marked: list[tuple[int, int, str]] = [
            (e.start, e.end, e.type)
            for e in entities
            if not any(start <= e.start and e.end <= end for start, end in watched)
        ]
        marked += [(s, e, "watch") for s, e in watched]
        self._entities = [
            (span[0], span[1], kind)
            for start, end, kind in marked
            if (span := display.to_display(start, end)) is not None
        ]
        self.current_match = -1
        # Styles go on spans, never on the Text itself: a base style would spread to every
        # line once the document is divided into wrapped lines.
        self._head = Text()
        self._head.append(one_line(article.title), style="bold")
        self._head.append("\n")  # the byline follows, laid out for the width
        self._layout(force=True)
        self.scroll_to(y=0, animate=False, immediate=True)

    def body_text(self) -> Text:
        """The body as shown, with its styles (matches, entities)."""
        if self._display is None:
            return Text()
        body = Text(self._display.text)
        if self.show_entities:
            for start, end, kind in self._entities:
                body.stylize(ENTITY_STYLES[kind], start, end)
        for index, (start, end) in enumerate(self._matches):
            style = CURRENT_MATCH_STYLE if index == self.current_match else MATCH_STYLE
            body.stylize(style, start, end)
        return body

    def toggle_entities(self) -> bool:
        self.show_entities = not self.show_entities
        self._layout(force=True)
        return self.show_entities

    @property
    def entity_count(self) -> int:
        return len(self._entities)

    @property
    def match_count(self) -> int:
        return len(self._matches)

    # -- wrapping and drawing -----------------------------------------------------------------

    def on_resize(self) -> None:
        self._layout()

    def _layout(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0:
            return
        measure = max(10, min(MEASURE, width))
        if not force and measure == self._wrapped_for:
            return
        document = self._head.copy()
        if self.article is not None:
            document.append_text(byline(self.article, measure))
        document.append("\n\n")
        self._body_start = len(document.plain)
        document.append_text(self.body_text())
        self._lines, self._line_starts = wrap_with_offsets(document, measure)
        self._wrapped_for = measure
        self._margin = max(0, (width - measure) // 2)
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines) + 1)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        selection = self.text_selection
        strip = self._strips.get(index) if selection is None else None
        if strip is None:
            line = self._lines[index].copy()
            if selection is not None and (span := selection.get_span(index)) is not None:
                start, end = span
                line.stylize(
                    self.screen.get_component_rich_style("screen--selection"),
                    start,
                    len(line) if end == -1 else end,
                )
            segments = list(line.render(self.app.console))
            strip = Strip(segments).apply_style(base).apply_offsets(0, index)
            if selection is None:
                self._strips[index] = strip
        margin = Strip([Segment(" " * self._margin, base)], self._margin)
        return Strip.join([margin, strip]).crop_extend(0, width, base)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        text = "\n".join(line.plain for line in self._lines)
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()

    # -- moving about -------------------------------------------------------------------------

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def next_match(self, step: int) -> bool:
        """Move to the next (+1) or previous (-1) match and scroll it into view."""
        if not self._matches or self._display is None:
            return False
        self.current_match = (self.current_match + step) % len(self._matches)
        self._layout(force=True)
        line = self._line_of(self._body_start + self._matches[self.current_match][0])
        self.scroll_to(y=max(0, line - self.size.height // 3), animate=False, immediate=True)
        return True

    def _line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def passage_in_view(self) -> str:
        """The paragraph of the current search match, else the first one on screen."""
        if self._display is None:
            return ""
        text = self._display.text
        if 0 <= self.current_match < len(self._matches):
            offset = self._matches[self.current_match][0]
        else:
            index = min(int(self.scroll_y), max(0, len(self._line_starts) - 1))
            start = self._line_starts[index] if self._line_starts else 0
            offset = max(0, min(start - self._body_start, len(text) - 1))
        start = text.rfind("\n\n", 0, offset)
        end = text.find("\n\n", offset)
        return text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(text)]


def wrap_with_offsets(document: Text, width: int) -> tuple[list[Text], list[int]]:
    """Word-wrap `document` to `width` cells, and where in it each wrapped line starts."""
    lines: list[Text] = []
    starts: list[int] = []
    position = 0
    for paragraph in document.split("\n", allow_blank=True):
        plain = paragraph.plain
        offsets = break_offsets(plain, width) if plain else []
        pieces = paragraph.divide(offsets) if plain else [paragraph]
        cut_points = [0, *offsets]
        for piece, cut in zip(pieces, cut_points, strict=True):
            piece.rstrip()
            lines.append(piece)
            starts.append(position + cut)
        position += len(plain) + 1
    return lines, starts


def byline(article: Article, width: int | None = None) -> Text:
    """Source · author · date · link; the link on a line of its own when the line would not
    fit in `width` (wrapped, it left a "·" dangling at the end of the first line)."""
    line = Text()
    parts = [
        one_line(p) for p in (article.source, article.author, short_date(article.published)) if p
    ]
    line.append(" · ".join(parts), style="dim")
    link = http_link(article.url)  # only an http(s) link is shown (and opened) as the link
    if link:
        if parts:
            fits = width is None or len(line.plain) + 3 + len(link) <= width
            line.append(" · " if fits else "\n", style="dim")
        line.append(link, style=Style(dim=True, underline=True))
    return line
