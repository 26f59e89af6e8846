"""The article list: a Line API widget that draws only the visible rows.

A library can hold 50,000 articles; a widget per row would take a minute to mount. This keeps the
ordered ids and fetches the visible rows from the library in pages, on demand.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from sahelreader.library import Library
from sahelreader.models import ArticleRow, Cancellation, ListRequest, ListResult
from sahelreader.text.clean import clean_spans, one_line
from sahelreader.tui import bindings

RowLoader = Callable[[Sequence[str]], list[ArticleRow]]
Snippet = tuple[str, list[tuple[int, int]]]  # one line of text, match spans in it
_PAGE = 200
_DRAWN_KEPT = 600  # rows: a few screens of the widest list
# The styles a kept row is drawn with (the cursor's is laid over it as each line is drawn).
_DRAWN_COMPONENTS = (
    "article-list--unread",
    "article-list--read",
    "article-list--meta",
    "article-list--marker",
    "article-list--snippet",
    "article-list--match",
)


class ArticleList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of title · source · date with markers; two lines a row when showing search hits.

    It has only its own keys (`bindings.LIST`): ScrollView's page up and page down would
    scroll the list under the cursor, where the reader's keys say they scroll the article."""

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        /* Rows are drawn to the pane's width: no horizontal scrollbar (the virtual width
           counted the vertical scrollbar's columns, and one showed a stray thumb). */
        overflow-x: hidden;
    }
    ArticleList > .article-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    ArticleList:blur > .article-list--cursor {
        background: $block-cursor-blurred-background;
        text-style: none;
    }
    ArticleList > .article-list--unread { color: $text; text-style: bold; }
    ArticleList > .article-list--read { color: $text-muted; }
    ArticleList > .article-list--meta { color: $text-muted; }
    ArticleList > .article-list--marker { color: $accent; }
    ArticleList > .article-list--snippet { color: $text-muted; }
    ArticleList > .article-list--match { background: $warning 40%; color: $text; }
    ArticleList > .article-list--empty { color: $text-muted; text-style: italic; }
    """

    COMPONENT_CLASSES = {"article-list--cursor", "article-list--empty", *_DRAWN_COMPONENTS}

    BINDINGS = bindings.LIST

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        def __init__(self, article_id: str | None) -> None:
            super().__init__()
            self.article_id = article_id

    class Opened(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class EmptyChosen(Message):
        """Enter or a click on the empty list (its message may offer a "did you mean")."""

    @dataclass
    class Loaded(Message):
        """The list this widget's worker computed; the screen decides where the cursor goes."""

        request: ListRequest
        result: ListResult
        keep: str | None
        open_after: bool
        # The library's change marker read before a list of every article was made: while it
        # holds, that list can be shown again without asking (see MainScreen.load_list).
        marker: tuple[int, int] | None = None

    @dataclass
    class _SnippetsLoaded(Message):
        snippets: dict[str, Snippet]
        generation: int

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        # Who computes a list: the library here, or the app's search process (see app.py).
        self.ask: Callable[[ListRequest, Cancellation], ListResult | None] = library.list_view
        self._load_rows: RowLoader = library.rows
        self.terms: frozenset[tuple[str, str]] = frozenset()  # what search hits matched on
        self.with_snippets = False
        self.generation = 0  # bumped by every set_ids, so late snippets for old hits are dropped
        self.ids: list[str] = []
        self._rows: dict[str, ArticleRow] = {}
        self._snippets: dict[str, Snippet] = {}
        self._wanted: set[str] = set()
        self.empty_message = "No articles."
        # A row's drawn lines, by what they show: a row is drawn once for all its lines, and
        # rows drawn before a search are not drawn again when escape brings the list back.
        self._drawn: dict[tuple[Any, ...], list[list[Segment]]] = {}
        self._drawn_with: tuple[Style, ...] | None = None  # the styles they were drawn with
        self._styles_changed = True

    # -- content -------------------------------------------------------------------------------

    # A title needs more room than one line of a 30-40 column list: it wraps onto a second line,
    # with source · date under it (and, for search hits, the matching snippet). Rows keep one
    # height so the cursor and the scroll stay simple arithmetic.
    @property
    def row_height(self) -> int:
        return 4 if self.with_snippets else 3

    @property
    def current_id(self) -> str | None:
        return self.ids[self.cursor] if 0 <= self.cursor < len(self.ids) else None

    @property
    def current_row(self) -> ArticleRow | None:
        """The highlighted row, from the rows already loaded to draw it."""
        return self._row(self.cursor) if self.current_id is not None else None

    def set_ids(
        self,
        ids: list[str],
        *,
        keep: str | None = None,
        snippets: dict[str, Snippet] | None = None,
        terms: frozenset[tuple[str, str]] = frozenset(),
        empty_message: str = "No articles.",
        at_top: bool = False,
    ) -> None:
        """Show `ids`; the cursor stays on `keep` (or the current article) if it is still there,
        or goes to the first row (`at_top`).

        `snippets` (search hits only) holds those already computed; others are asked for.
        """
        keep = None if at_top else keep or self.current_id
        self.ids = ids
        self.terms = terms
        self.generation += 1
        self._rows.clear()
        self._snippets = dict(snippets or {})
        self._wanted.clear()
        self.with_snippets = snippets is not None
        self.empty_message = empty_message
        self.virtual_size = self._content_size()
        position = 0
        if keep is not None:
            try:
                position = ids.index(keep)
            except ValueError:
                position = 0
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = position
        self.refresh()

    def move_to(self, article_id: str) -> bool:
        """Put the cursor on `article_id` if the list holds it; whether it does."""
        if self.current_id == article_id:
            return True
        try:
            self.cursor = self.ids.index(article_id)
        except ValueError:
            return False
        return True

    def refresh_rows(self, ids: Sequence[str] | None = None) -> None:
        """Reload markers (read, bookmark, note) for some rows, or all loaded rows."""
        for article_id in ids if ids is not None else list(self._rows):
            self._rows.pop(article_id, None)
        self.refresh()

    def _row(self, index: int) -> ArticleRow | None:
        article_id = self.ids[index]
        row = self._rows.get(article_id)
        if row is None:
            start = max(0, index - _PAGE // 4)
            page = [i for i in self.ids[start : start + _PAGE] if i not in self._rows]
            for loaded in self._load_rows(page):
                self._rows[loaded.id] = loaded
            row = self._rows.get(article_id)
        return row

    def add_snippets(self, snippets: dict[str, Snippet], generation: int) -> None:
        if generation == self.generation:
            self._snippets.update(snippets)
            self._wanted.difference_update(snippets)
            self.refresh()

    def _snippet(self, article_id: str) -> Snippet | None:
        found = self._snippets.get(article_id)
        if found is None and article_id not in self._wanted:
            if not self._wanted:
                self.call_after_refresh(self._ask_for_snippets)
            self._wanted.add(article_id)
        return found

    def _ask_for_snippets(self) -> None:
        if self._wanted:
            self._load_snippets(sorted(self._wanted), self.terms, self.generation)

    @work(thread=True, group="snippets")
    def _load_snippets(
        self, article_ids: list[str], terms: frozenset[tuple[str, str]], generation: int
    ) -> None:
        snippets = {i: self.library.snippet_for(i, terms) for i in article_ids}
        self.post_message(self._SnippetsLoaded(snippets, generation))

    def on_article_list__snippets_loaded(self, message: _SnippetsLoaded) -> None:
        message.stop()
        self.add_snippets(message.snippets, message.generation)

    # -- loading: the list's own worker asks the library ---------------------------------------

    @work(thread=True, exclusive=True, group="list")
    def load(self, request: ListRequest, keep: str | None = None, open_after: bool = False) -> None:
        """Compute the list for `request` off the UI thread; a newer load cancels this one."""
        worker = get_current_worker()
        marker = self.library.change_marker() if lists_whole_library(request) else None
        result = self.ask(request, worker.cancelled_event)
        if result is not None and not worker.is_cancelled:
            self.post_message(self.Loaded(request, result, keep, open_after, marker))

    # -- cursor ----------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.ids) - 1)) if self.ids else 0

    def watch_cursor(self, old: int, new: int) -> None:
        height = self.row_height
        self.refresh(Region(0, old * height - int(self.scroll_y), self.size.width, height))
        self.refresh(Region(0, new * height - int(self.scroll_y), self.size.width, height))
        self._show_cursor(immediate=True)
        self.post_message(self.Highlighted(self.current_id))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.ids) - 1

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.size.height // self.row_height - 1)

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Opened(self.current_id))
        else:
            self.post_message(self.EmptyChosen())

    def show_empty_message(self, message: str) -> None:
        self.empty_message = message
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_y)) // self.row_height
        if 0 <= index < len(self.ids):
            self.focus()
            self.cursor = index
            self.post_message(self.Opened(self.ids[index]))
        elif not self.ids:
            self.focus()
            self.post_message(self.EmptyChosen())

    def on_resize(self) -> None:
        self.virtual_size = self._content_size()
        # A smaller pane can leave the cursor's row below it: bring the row back into view.
        self.call_after_refresh(self._show_cursor)

    def _content_size(self) -> Size:
        """Every row's lines, and the last page's spare lines: scrolled to the end, the top of
        the pane is on a row's first line too."""
        lines = len(self.ids) * self.row_height
        view = self.scrollable_content_region.height
        if 0 < view < lines:
            lines += view % self.row_height
        return Size(self.size.width, lines)

    def _show_cursor(self, immediate: bool = False) -> None:
        """Scroll so that the cursor's row is in view, the top of the pane on a row's first
        line: scrolled just far enough (to a row at the bottom, after start-up or an import),
        the list began mid-row, with a title's second line and no first."""
        height = self.row_height
        view = self.scrollable_content_region.height
        if view <= 0:
            return
        rows = max(1, view // height)
        first = min(max(int(self.scroll_y) // height, self.cursor - rows + 1), self.cursor)
        self.scroll_to(y=max(0, first) * height, animate=False, force=True, immediate=immediate)

    # -- drawing ---------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        # A theme may have changed the colours rows were drawn with; the focus moving (twice a
        # search) changes only the cursor's, which is not kept. Compared at the next drawing.
        self._styles_changed = True
        super().notify_style_update()

    def _drawing_styles(self) -> tuple[Style, ...]:
        return (self.rich_style,) + tuple(
            self.get_component_rich_style(name) for name in _DRAWN_COMPONENTS
        )

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if not self.ids:
            # Wrapped: a "did you mean" with its key does not fit a narrow pane's line.
            lines = textwrap.wrap(self.empty_message, max(10, width - 3)) or [""]
            if 1 <= y <= len(lines):
                style = self.get_component_rich_style("article-list--empty")
                return Strip([Segment(set_cell_size(f"  {lines[y - 1]}", width), style)])
            return Strip([Segment(" " * width, self.rich_style)])
        line = int(self.scroll_y) + y
        index, part = divmod(line, self.row_height)
        if index >= len(self.ids):
            return Strip([Segment(" " * width, self.rich_style)])
        row = self._row(index)
        if row is None:
            return Strip([Segment(" " * width, self.rich_style)])
        cursor_style = (
            self.get_component_rich_style("article-list--cursor") if index == self.cursor else None
        )
        segments = self._drawn_lines(row, width)[part]
        if cursor_style is not None:
            segments = [
                Segment(text, (style or Style()) + cursor_style) for text, style, _ in segments
            ]
        return Strip(segments, width)

    def _drawn_lines(self, row: ArticleRow, width: int) -> list[list[Segment]]:
        """`_row_lines`, drawn once for as long as what they show is unchanged: the row's
        fields, the width, and for search hits the snippet (per search: `generation`)."""
        if self.with_snippets:
            key: tuple[Any, ...] = (row, width, self.generation, row.id in self._snippets)
        else:
            key = (row, width)
        if self._styles_changed:
            self._styles_changed = False
            styles = self._drawing_styles()
            if styles != self._drawn_with:
                self._drawn.clear()
                self._drawn_with = styles
        lines = self._drawn.get(key)
        if lines is None:
            if len(self._drawn) >= _DRAWN_KEPT:
                self._drawn.clear()
            lines = self._drawn[key] = self._row_lines(row, width)
        return lines

    def _row_lines(self, row: ArticleRow, width: int) -> list[list[Segment]]:
        """A row's lines: the title (one or two lines), source · date, the snippet, padding."""
        base = self.rich_style
        lines = self._title_lines(row, width)
        lines.append(self._meta_segments(row, width))
        if self.with_snippets:
            lines.append(self._snippet_segments(row.id, width))
        blank = [Segment(" " * width, base)]
        lines += [blank] * (self.row_height - len(lines))
        return lines[: self.row_height]

    def _title_lines(self, row: ArticleRow, width: int) -> list[list[Segment]]:
        marker_style = self.get_component_rich_style("article-list--marker")
        title_style = self.get_component_rich_style(
            "article-list--read" if row.read else "article-list--unread"
        )
        marker = (
            ("●" if not row.read else " ")
            + ("★" if row.bookmarked else " ")
            + ("✎" if row.noted else " ")
        )
        title_width = max(4, width - 4)
        first, second = two_lines(one_line(row.title), title_width)
        lines = [
            [
                Segment(marker + " ", marker_style),
                Segment(set_cell_size(first, title_width), title_style),
            ]
        ]
        if second:
            lines.append(
                [
                    Segment("    ", marker_style),
                    Segment(set_cell_size(second, title_width), title_style),
                ]
            )
        return lines

    def _meta_segments(self, row: ArticleRow, width: int) -> list[Segment]:
        meta_style = self.get_component_rich_style("article-list--meta")
        if not row.source:
            meta = f"{row.published:%Y-%m-%d}" if row.published else "unknown source, no date"
            return [Segment(set_cell_size("    " + meta, width), meta_style)]
        # The date stays whole; a source name too long for the pane is cut, with an ellipsis.
        when = f" · {row.published:%Y-%m-%d}" if row.published else " · no date"
        source = one_line(row.source)
        room = width - 4 - cell_len(when)
        if cell_len(source) > room >= 2:
            source = set_cell_size(source, room - 1).rstrip() + "…"
        return [Segment(set_cell_size(f"    {source}{when}", width), meta_style)]

    def _snippet_segments(self, article_id: str, width: int) -> list[Segment]:
        snippet_style = self.get_component_rich_style("article-list--snippet")
        match_style = self.get_component_rich_style("article-list--match")
        found = self._snippet(article_id)
        segments = [Segment("    ", snippet_style)]
        if found is None:
            segments.append(Segment("…", snippet_style))
            return list(Segment.adjust_line_length(segments, width, style=snippet_style))
        text, matches = clean_spans(*found)  # the index's text may predate import cleaning
        text, matches = _lead_to_match(text, matches, max(8, (width - 4) // 3))
        # Cut a cell short of the edge, with an ellipsis, like a title: cut at the edge the text
        # ran into the list's border ("…des États▕").
        room = width - 5
        if cell_len(text) > room >= 2:
            text = set_cell_size(text, room - 1).rstrip() + "…"
            matches = [(start, min(end, len(text) - 1)) for start, end in matches]
            matches = [(start, end) for start, end in matches if start < end]
        position = 0
        for start, end in matches:
            if start < position:
                continue
            segments.append(Segment(text[position:start], snippet_style))
            segments.append(Segment(text[start:end], match_style))
            position = end
        segments.append(Segment(text[position:], snippet_style))
        return list(Segment.adjust_line_length(segments, width, style=snippet_style))


def lists_whole_library(request: ListRequest) -> bool:
    """Whether `request` lists every article (no search, view, filter or outlet): the list
    escape goes back to after each search, worth keeping while the library is unchanged."""
    return (
        not request.query
        and request.view.kind == "library"
        and request.filter == "all"
        and request.source is None
    )


def two_lines(text: str, width: int) -> tuple[str, str]:
    """`text` broken at a space to fit `width` cells, the rest on a second line (… if cut)."""
    if cell_len(text) <= width:
        return text, ""
    cut = width
    while cut > 0 and cell_len(text[:cut]) > width:
        cut -= 1
    # At the last space that fits: a word is broken only when it alone is longer than the line
    # ("Commerce électroniq" / "ue en Afrique" broke a word that fitted on the second line).
    space = text.rfind(" ", 0, cut + 1)
    if space > 0:
        cut = space
    first, rest = text[:cut].rstrip(), text[cut:].strip()
    if cell_len(rest) > width:
        rest = set_cell_size(rest, width - 1).rstrip() + "…"
    return first, rest


def _lead_to_match(
    text: str, matches: list[tuple[int, int]], lead: int
) -> tuple[str, list[tuple[int, int]]]:
    """Cut the snippet's start so its first match shows within `lead` characters of the left."""
    if not matches or matches[0][0] <= lead:
        return text, matches
    cut = matches[0][0] - lead
    space = text.find(" ", cut, matches[0][0])
    cut = space + 1 if space != -1 else cut
    shifted = [(start - cut + 1, end - cut + 1) for start, end in matches if start >= cut]
    return "…" + text[cut:], shifted
