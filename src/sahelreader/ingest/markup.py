"""HTML fragments (feed descriptions, JSON ``content`` fields) to readable plain text.

This runs once per feed item, tens of thousands of times for an archive, so it is a single
lxml parse and one walk over the tree; full pages go through trafilatura instead (webpage.py).
"""

from __future__ import annotations

import html
import re
from typing import Any

import lxml.etree
import lxml.html

from sahelreader.text.clean import tidy_paragraphs

__all__ = ["element_to_text", "html_to_text", "looks_like_html", "markup_or_plain_to_text"]

_LINE, _PARAGRAPH = 1, 2

_SKIPPED = frozenset(
    "script style noscript template head title iframe frame frameset object embed applet svg "
    "math canvas video audio img picture source track map button select option input "
    "textarea form nav".split()
)
_PARAGRAPH_TAGS = frozenset(
    "p div section article header footer aside main blockquote h1 h2 h3 h4 h5 h6 ul ol dl "
    "table figure pre hr address details summary fieldset center".split()
)
_LINE_TAGS = frozenset("li tr dt dd figcaption caption".split())

_TAG = re.compile(r"<\s*(?:[a-zA-Z][a-zA-Z0-9-]*|/[a-zA-Z]|!--)")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
# A tag ends at the next "<" too: "<a<a<a..." must not make each "<" scan the rest (quadratic).
_ANY_TAG = re.compile(r"<[^<>]*>")
_SKIPPED_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
# The trailing "read more" link is looked for in the text's last characters only: on a whole
# text its adjacent \s* took time growing with the square of a run of spaces.
_READ_MORE_WINDOW = 200
# The link a feed puts after its teaser ("Continue reading...", "Read Full Article at RT.com").
_READ_MORE = re.compile(
    r"\n*(?:continue reading|read more|read the (?:full|whole|rest of the) (?:article|story)"
    r"|read full (?:article|story)(?: at \S+)?|full (?:article|story))"
    r"\s*(?:\.{3}|…|»|›|→|>+)?\s*\Z",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when text has an HTML tag (``<p>``, ``</a>``, ``<!--``) in it."""
    return "<" in text and _TAG.search(text) is not None


def markup_or_plain_to_text(text: str) -> str:
    """A field that may be HTML, entity-escaped text or plain text, as clean plain text.

    HTML is converted with :func:`html_to_text`; plain text keeps its own line breaks.
    """
    if looks_like_html(text):
        return html_to_text(text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    return tidy_paragraphs(text)


def html_to_text(fragment: str) -> str:
    """Convert an HTML fragment to plain text: paragraphs separated by a blank line, ``<br>``
    and list items on their own lines (items start with "- "), table cells joined by " | ".

    Scripts, styles, images, forms and navigation are dropped, as is a trailing "Continue
    reading..." / "Read more" link. The result is cleaned like all text (NFC, no control
    characters); it is empty when the fragment has no text.
    """
    if not fragment or fragment.isspace():
        return ""
    fragment = fragment.replace("\x00", "")
    try:
        text = element_to_text(lxml.html.fragment_fromstring(fragment, create_parent="div"))
    except (ValueError, lxml.etree.ParserError, AssertionError):
        # lxml asserts a fragment has one <body>: "<html>" alone has none.
        text = ""
    if not text:
        # libxml2 gives up on markup nested deeper than 255 levels and returns nothing.
        text = _strip_tags(fragment)
    head, tail = text[:-_READ_MORE_WINDOW], text[-_READ_MORE_WINDOW:]
    return (head + _READ_MORE.sub("", tail)).rstrip()


def _strip_tags(fragment: str) -> str:
    without_tags = _ANY_TAG.sub(" ", _without_scripts(fragment))
    return tidy_paragraphs(_SPACE_RUN.sub(" ", html.unescape(without_tags))).strip()


def _without_scripts(fragment: str) -> str:
    """The fragment without its <script> and <style> elements, in one pass: an element left
    open drops the rest (a pattern searched from each "<script" would scan to the end from
    each)."""
    if "<" not in fragment:
        return fragment
    parts: list[str] = []
    position = 0
    lowered = fragment.lower()
    while True:
        opening = _SKIPPED_OPEN.search(fragment, position)
        if opening is None:
            parts.append(fragment[position:])
            break
        parts.append(fragment[position : opening.start()])
        closing = lowered.find(f"</{opening.group(1).lower()}", opening.end())
        if closing < 0:
            break
        end = lowered.find(">", closing)
        position = len(fragment) if end < 0 else end + 1
        parts.append(" ")
    return "".join(parts)


class _TextBuilder:
    """Collects inline text and the strongest break asked for between two runs of it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0
        self.break_from_br = False

    def add(self, text: str, preformatted: bool = False) -> None:
        if not preformatted:
            text = _SPACE_RUN.sub(" ", text)
        if not text or (not preformatted and text == " " and self._at_line_start()):
            return
        if self.pending and self.parts:
            self.parts[-1] = self.parts[-1].rstrip(" ")
            self.parts.append("\n" if self.pending == _LINE else "\n\n")
        if self.pending or not self.parts:
            text = text if preformatted else text.lstrip(" ")
        elif text.startswith(" ") and self.parts[-1].endswith((" ", "\n")):
            text = text.lstrip(" ")
        self.pending = 0
        self.break_from_br = False
        if text:
            self.parts.append(text)

    def request_break(self, strength: int) -> None:
        self.pending = max(self.pending, strength)

    def line_break(self) -> None:
        # Two <br> in a row is how many feeds separate paragraphs.
        if self.break_from_br and self.pending:
            self.pending = _PARAGRAPH
        else:
            self.request_break(_LINE)
        self.break_from_br = True

    def _at_line_start(self) -> bool:
        return bool(self.pending) or not self.parts or self.parts[-1].endswith("\n")

    def text(self) -> str:
        return "".join(self.parts)


def element_to_text(root: Any) -> str:
    """The text of a parsed HTML element (an lxml element), laid out as :func:`html_to_text`
    describes, without the trailing "read more" trimming."""
    out = _TextBuilder()
    list_counters: list[int] = []  # one per open list: -1 for <ul>, the next number for <ol>
    cells: list[int] = []  # cells seen in each open table row
    preformatted = 0
    # An explicit stack rather than recursion: untrusted markup can nest deeper than Python's
    # recursion limit.
    stack: list[tuple[Any, bool]] = [(root, True)]
    while stack:
        element, opening = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if opening:
            if not tag or tag in _SKIPPED:
                stack.append((element, False))
                continue
            if tag == "br":
                out.line_break()
            elif tag in _PARAGRAPH_TAGS:
                out.request_break(_LINE if _is_nested_list(tag, list_counters) else _PARAGRAPH)
            elif tag in _LINE_TAGS:
                out.request_break(_LINE)
            if tag == "ul":
                list_counters.append(-1)
            elif tag == "ol":
                list_counters.append(1)
            elif tag == "li":
                out.add(_bullet(list_counters), preformatted=True)
            elif tag == "tr":
                cells.append(0)
            elif tag in ("td", "th") and cells:
                if cells[-1]:
                    out.add(" | ", preformatted=True)
                cells[-1] += 1
            elif tag == "pre":
                preformatted += 1
            if element.text:
                out.add(element.text, preformatted > 0)
            stack.append((element, False))
            stack.extend((child, True) for child in reversed(element))
            continue
        if tag and tag not in _SKIPPED:
            if tag in ("ul", "ol") and list_counters:
                list_counters.pop()
            elif tag == "tr" and cells:
                cells.pop()
            elif tag == "pre":
                preformatted -= 1
            if tag in _PARAGRAPH_TAGS:
                out.request_break(_LINE if _is_nested_list(tag, list_counters) else _PARAGRAPH)
            elif tag in _LINE_TAGS:
                out.request_break(_LINE)
        if element.tail and element is not root:
            out.add(element.tail, preformatted > 0)
    return tidy_paragraphs(out.text())


def _is_nested_list(tag: str, list_counters: list[int]) -> bool:
    return tag in ("ul", "ol") and bool(list_counters)


def _bullet(list_counters: list[int]) -> str:
    indent = "  " * max(len(list_counters) - 1, 0)
    if not list_counters or list_counters[-1] < 0:
        return f"{indent}- "
    number = list_counters[-1]
    list_counters[-1] += 1
    return f"{indent}{number}. "
