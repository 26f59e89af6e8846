"""Every key of the reader, in one table.

Widgets and screens take their `BINDINGS` from here; `?` (the help screen), the command palette
and the tests read the same `SECTIONS`, so a key cannot exist without being listed. Each binding
has an `id`: `config.toml`'s `[keymap]` remaps it.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType


def _key(
    keys: str,
    action: str,
    description: str,
    id: str,
    tooltip: str,
    *,
    show: bool = False,
    priority: bool = False,
) -> Binding:
    return Binding(keys, action, description, show=show, id=id, tooltip=tooltip, priority=priority)


# The main screen: these work whichever pane has focus.
ANYWHERE: list[BindingType] = [
    _key(
        "slash",
        "focus_search",
        "Search",
        "search",
        "Search the library (type to search, enter to go to the results)",
        show=True,
        priority=True,  # see MainScreen.check_action
    ),
    _key(
        "escape",
        "clear_search",
        "Clear",
        "clear_search",
        "Clear the search and show the whole view again",
    ),
    _key(
        "n",
        "next_match(1)",
        "Next match",
        "next_match",
        "Jump to the next search match in the open article",
    ),
    _key(
        "N",
        "next_match(-1)",
        "Prev match",
        "previous_match",
        "Jump to the previous search match in the open article",
    ),
    _key(
        "space,pagedown",
        "reader_page(1)",
        "Page",
        "reader_page_down",
        "Scroll the open article down a page",
    ),
    _key(
        "pageup",
        "reader_page(-1)",
        "Page up",
        "reader_page_up",
        "Scroll the open article up a page",
    ),
    _key(
        "s",
        "cycle_sort",
        "Sort",
        "cycle_sort",
        "Cycle the sort: date, relevance (for searches), source",
        show=True,
    ),
    _key(
        "f",
        "cycle_filter",
        "Filter",
        "cycle_filter",
        "Cycle the filter: all, unread, bookmarked, noted, watchlist (names in config.toml)",
        show=True,
    ),
    _key(
        "h",
        "toggle_entities",
        "Entities",
        "toggle_entities",
        "Turn entity highlighting in the reader on or off",
    ),
    _key(
        "u",
        "toggle_read",
        "Read/unread",
        "toggle_read",
        "Mark the article read or unread (right after A: undo it)",
    ),
    _key(
        "A",
        "mark_all_read",
        "All read",
        "mark_all_read",
        "Mark every article in the current view read (asks first on a large view)",
    ),
    _key(
        "o",
        "open_link",
        "Open link",
        "open_link",
        "Open the article's link in the browser (http/https only)",
    ),
    _key(
        "b",
        "toggle_bookmark",
        "Bookmark",
        "toggle_bookmark",
        "Bookmark the article, or remove its bookmark",
        show=True,
    ),
    _key(
        "e",
        "edit_note",
        "Note",
        "edit_note",
        "Write or edit the article's note (Markdown; saved as you type)",
        show=True,
    ),
    _key(
        "y",
        "quote_passage",
        "Quote",
        "quote_passage",
        "Quote the selected passage (or the current match's paragraph) into the note",
    ),
    _key(
        "c",
        "copy_citation",
        "Cite",
        "copy_citation",
        "Copy a citation (title, source, date, url) to the clipboard",
    ),
    _key("S", "save_search", "Save search", "save_search", "Save the current search as a view"),
    _key(
        "v",
        "choose_view",
        "Views",
        "choose_view",
        "Choose a view: the whole library, bookmarks, notes or a saved search",
        show=True,
    ),
    _key(
        "left_square_bracket", "toggle_list", "List", "toggle_list", "Hide or show the article list"
    ),
    _key(
        "right_square_bracket",
        "toggle_side",
        "Side panel",
        "toggle_side",
        "Hide or show the side panel",
    ),
    _key("tab", "focus_next", "Next pane", "focus_next", "Move to the next pane"),
    _key(
        "shift+tab",
        "focus_previous",
        "Previous pane",
        "focus_previous",
        "Move to the previous pane",
    ),
    _key(
        "backspace,alt+left",
        "go_back",
        "Back",
        "back",
        "Back to the article you came from (after opening related coverage)",
    ),
    _key(
        "a",
        "add",
        "Add",
        "add",
        "Add a file, a folder, a feed, an .opml list or a web address",
        show=True,
    ),
    _key(
        "r",
        "refresh_feeds",
        "Refresh",
        "refresh",
        "Refresh every feed (their new articles join the list when it ends)",
        show=True,
    ),
    _key(
        "T",
        "show_stories",
        "Stories",
        "stories",
        "Show the recent stories: articles on one event across outlets and languages",
    ),
    _key(
        "t",
        "show_story",
        "Its story",
        "story",
        "Show the article's story: its articles across outlets and languages, in time order",
    ),
    _key(
        "F",
        "show_feeds",
        "Feeds",
        "feeds",
        "Show the feeds: their articles, last refresh and errors; remove or refresh one",
    ),
]

# The app: help, the palette and quitting work on every screen.
APP: list[BindingType] = [
    _key("question_mark", "help", "Help", "help", "Show every key", show=True),
    _key(
        "q",
        "quit",
        "Quit",
        "quit",
        "Quit sahelreader (a note being typed is saved first)",
        show=True,
    ),
    _key(
        "ctrl+p",
        "command_palette",
        "Palette",
        "command_palette",
        "Every action, view and theme by name",
    ),
]

LIST: list[BindingType] = [
    _key("j,down", "cursor_down", "Down", "list.down", "Move to the next article"),
    _key("k,up", "cursor_up", "Up", "list.up", "Move to the previous article"),
    _key("g,home", "first", "Top", "list.top", "Go to the first article"),
    _key("G,end", "last", "Bottom", "list.bottom", "Go to the last article"),
    _key("enter", "open", "Open", "list.open", "Open the article in the reader", show=True),
    _key("ctrl+d", "page(1)", "Page down", "list.page_down", "Move the cursor a page down"),
    _key("ctrl+u", "page(-1)", "Page up", "list.page_up", "Move the cursor a page up"),
]

READER: list[BindingType] = [
    _key("j,down", "scroll_down", "Scroll down", "reader.down", "Scroll the article down a line"),
    _key("k,up", "scroll_up", "Scroll up", "reader.up", "Scroll the article up a line"),
    _key("g,home", "scroll_home", "Top", "reader.top", "Go to the top of the article"),
    _key("G,end", "scroll_end", "Bottom", "reader.bottom", "Go to the end of the article"),
]

SIDE_PANEL: list[BindingType] = [
    _key(
        "j,down",
        "cursor_down",
        "Down",
        "side.down",
        "Next row in the side panel (runs on into the next section)",
    ),
    _key("k,up", "cursor_up", "Up", "side.up", "Previous row in the side panel"),
    _key("g,home", "panel_edge(0)", "Top", "side.top", "The top of the side panel, its first row"),
    _key(
        "G,end", "panel_edge(1)", "Bottom", "side.bottom", "The end of the side panel, its last row"
    ),
    _key(
        "enter",
        "select",
        "Choose",
        "side.choose",
        "An entity: search for it · a source: its articles · an article: open it · a link: open it",
        show=True,
    ),
]

SEARCH_BAR: list[BindingType] = [
    _key(
        "f1",
        "syntax",
        "Syntax",
        "search.syntax",
        "Show the search syntax under the box (so does ? in the empty box)",
    ),
    _key(
        "enter",
        "submit",
        "Results",
        "search.submit",
        "Run the search and go to the results",
        show=True,
    ),
    _key(
        "escape",
        "clear_search",
        "Clear search",
        "search.clear",
        "Clear the search and return to the list",
        show=True,
    ),
]

NOTE_EDITOR: list[BindingType] = [
    _key("ctrl+s", "save", "Save note", "note.save", "Save the note now", show=True),
    _key(
        "escape",
        "close",
        "Close note",
        "note.close",
        "Save the note and close the editor",
        show=True,
    ),
]

VIEWS: list[BindingType] = [
    _key("j", "cursor(1)", "Down", "views.down", "Next view"),
    _key("k", "cursor(-1)", "Up", "views.up", "Previous view"),
    _key("enter", "select", "Open", "views.open", "Open the highlighted view", show=True),
    _key("r", "act('rename')", "Rename", "views.rename", "Rename a saved search", show=True),
    _key("d,delete", "act('delete')", "Delete", "views.delete", "Delete a saved search", show=True),
    _key("escape", "cancel", "Cancel", "views.cancel", "Close the views", show=True),
]

SAVE_SEARCH: list[BindingType] = [
    _key("enter", "submit", "Save", "save_search.save", "Save with the name typed", show=True),
    _key("escape", "cancel", "Cancel", "save_search.cancel", "Close without saving", show=True),
]

CONFIRM: list[BindingType] = [
    _key("y,enter", "answer(True)", "Yes", "confirm.yes", "Answer yes", show=True),
    _key("n,escape", "answer(False)", "No", "confirm.no", "Answer no", show=True),
]

FEEDS: list[BindingType] = [
    _key("j", "cursor(1)", "Down", "feeds.down", "Next feed"),
    _key("k", "cursor(-1)", "Up", "feeds.up", "Previous feed"),
    _key("r", "refresh_one", "Refresh", "feeds.refresh", "Refresh the highlighted feed", show=True),
    _key("R", "refresh_all", "Refresh all", "feeds.refresh_all", "Refresh every feed", show=True),
    _key(
        "d,delete",
        "remove",
        "Remove",
        "feeds.remove",
        "Unsubscribe from the highlighted feed (its articles stay; asks first)",
        show=True,
    ),
    _key(
        "a", "add", "Add", "feeds.add", "Add a feed, a file, a folder or a web address", show=True
    ),
    _key("escape,q", "close", "Back", "feeds.close", "Back to the reader", show=True),
]

STORIES: list[BindingType] = [
    _key("j", "cursor(1)", "Down", "stories.down", "Next story, or the story's next article"),
    _key("k", "cursor(-1)", "Up", "stories.up", "Previous story, or article"),
    _key("g", "edge(0)", "Top", "stories.top", "The first row"),
    _key("G", "edge(1)", "Bottom", "stories.bottom", "The last row"),
    _key(
        "enter",
        "open",
        "Open",
        "stories.open",
        "Show the story's articles; open an article",
        show=True,
    ),
    _key(
        "w",
        "cycle_window",
        "Window",
        "stories.window",
        "Widen the stories' window: 7 days, 30 days, 90 days, a year, all (then 7 days again)",
        show=True,
    ),
    _key(
        "escape,q",
        "back",
        "Back",
        "stories.back",
        "Back from a story's articles to the stories (to the reader if t opened that story), "
        "from the stories to the reader",
        show=True,
    ),
]

ADD: list[BindingType] = [
    _key("enter", "submit", "Add", "add.submit", "Add what was typed", show=True),
    _key(
        "escape",
        "cancel",
        "Cancel",
        "add.cancel",
        "Close without adding (while adding: close, and the adding goes on)",
        show=True,
    ),
]

HELP: list[BindingType] = [
    _key(
        "escape,q,question_mark",
        "dismiss",
        "Close help",
        "help.close",
        "Close this screen",
        show=True,
    ),
]

# What `?` lists, in this order: every key of every pane and dialog.
SECTIONS: list[tuple[str, list[BindingType]]] = [
    ("Anywhere", ANYWHERE + APP),
    ("List", LIST),
    ("Reader", READER),
    ("Side panel", SIDE_PANEL),
    ("Search bar", SEARCH_BAR),
    ("Note editor", NOTE_EDITOR),
    ("Views", VIEWS),
    ("Save a search", SAVE_SEARCH),
    ("Feeds", FEEDS),
    ("Stories", STORIES),
    ("Add", ADD),
    ("Questions", CONFIRM),
    ("Help", HELP),
]


def all_bindings() -> list[Binding]:
    return [b for _, section in SECTIONS for b in section if isinstance(b, Binding)]


def keymap_problems(keymap: dict[str, str]) -> list[str]:
    """A line for each `[keymap]` id that no key has (a remap that would do nothing), naming
    the id meant when one is close ("bookmark": toggle_bookmark)."""
    from difflib import get_close_matches

    known = sorted({b.id for b in all_bindings() if b.id})
    problems = []
    for name in keymap:
        if name in known:
            continue
        close = get_close_matches(name, known, n=1, cutoff=0.6)
        if not close:  # a part of one id only ("note" in "edit_note")
            holding = [known_id for known_id in known if name and name in known_id]
            close = holding if len(holding) == 1 else []
        meant = f" (did you mean {close[0]!r}?)" if close else ""
        problems.append(
            f"config.toml [keymap] {name!r}: no key has this id{meant}; it is ignored "
            "(the ids are on the ? help screen)"
        )
    return problems
