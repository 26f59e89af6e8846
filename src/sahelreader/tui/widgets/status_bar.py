"""The header line: the library's size, unread count, and the view, filter, sort and search."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from sahelreader.text.clean import one_line, plural


@dataclass(frozen=True)
class Status:
    total: int = 0
    unread: int = 0
    shown: int = 0
    more: bool = False  # the search found more than `shown`
    matched: int = 0  # how many the search found in all (when `more`)
    view: str = "All articles"
    filter: str = "all"
    sort: str = "date"
    query: str = ""
    busy: str = ""
    invalid: bool = False  # the query could not be understood
    searching: bool = False  # a search is running: its count is not known yet
    waiting: bool = False  # the search waits for the index: it has found nothing yet


_BRAND = " sahelreader "


class StatusBar(Static):
    """Counts first, the query last: a narrow terminal cuts the query, not the numbers. When the
    whole line is wider than the screen, the query comes before the filter and the sort (and
    the filter "all", which says nothing, goes), so the cut takes the sort, not the query; and
    if it is still too wide, the app's name at its start goes."""

    length = 0  # columns of the line shown
    status: Status | None = None  # the last one shown

    def refit(self, width: int) -> None:
        """The last line again, for a screen now `width` columns wide."""
        if self.status is not None:
            self.show(self.status, width)

    def show(self, status: Status, width: int = 0) -> None:
        """The line for `status`, on a screen `width` columns wide (0: any width)."""
        self.status = status
        text = Text()
        text.append(_BRAND, style="bold reverse")
        text.append(f" {plural(status.total, 'article')} · {status.unread:,} unread", style="bold")
        text.append(f" │ {one_line(status.view)}", style="bold")
        if status.query:
            if status.invalid:
                found = "query not understood"
            elif status.waiting:
                found = "waiting for the index"
            elif status.searching:
                found = "searching…"
            else:
                found = plural(status.shown, "hit")
                if status.more:  # the list holds the best; the count says how many match
                    matched = max(status.matched, status.shown)
                    found = f"{status.shown:,} of {plural(matched, 'hit')}"
            text.append(f" │ {found}", style="bold" if status.invalid else "dim")
        elif status.waiting:  # the watch list
            text.append(" │ waiting for the index", style="dim")
        else:
            text.append(f" │ {status.shown:,} shown", style="dim")
        counts = text.copy()
        how = Text(f" · {status.filter} · by {status.sort}", style="dim")
        busy = Text(f" │ {status.busy}", style="italic") if status.busy else Text()
        query = Text()
        if status.query:
            query.append(" │ ", style="dim")
            query.append(f"“{one_line(status.query)}”")
        text = Text.assemble(counts, how, busy, query)
        width = width or self.app.size.width
        if width and text.cell_len > width:
            if status.filter == "all":
                how = Text(f" · by {status.sort}", style="dim")
            text = Text.assemble(counts, query, how, busy)
            if text.cell_len > width:
                # The app's name goes before the sort does (80 columns cut "shown · all …").
                text = Text.assemble(*counts.divide([len(_BRAND)])[1:], query, how, busy)
        self.length = text.cell_len  # what a widget beside it may leave room for
        self.update(text, layout=False)  # one line, always: no need to lay the screen out
