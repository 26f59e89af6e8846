"""The search language: Whoosh's parser, with field aliases, fuzzy terms, dates, and clear errors.

User-facing field names (`title:`, `body:`, `note:`) stand for a group of index fields — the
folded form plus each language's stemmed form — so `title:militaire` matches a French title
however it was analysed. Unfielded words search every content field.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from whoosh import qparser
from whoosh.fields import Schema
from whoosh.qparser import syntax
from whoosh.qparser.plugins import PhrasePlugin
from whoosh.query import NullQuery, Query

from .analysis import STEMMED_LANGUAGES

# Visible name -> the index fields searched for it.
ALIASED_FIELDS = ("title", "body", "note")
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    name: (name, *(f"{name}_{lang}" for lang in STEMMED_LANGUAGES)) for name in ALIASED_FIELDS
}
DEFAULT_FIELDS: tuple[str, ...] = (
    *FIELD_GROUPS["title"],
    *FIELD_GROUPS["body"],
    *FIELD_GROUPS["note"],
    "source",
    "author",
    "entity",
)
EXACT_DEFAULT_FIELDS: tuple[str, ...] = ("title", "body", "note", "source", "author", "entity")
SEARCHABLE_FIELDS = (
    "title",
    "body",
    "note",
    "source",
    "author",
    "published",
    "language",
    "person",
    "place",
    "organisation",
    "entity",
)
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}


class QueryError(ValueError):
    """A query that cannot be understood; `position` is a 0-based character offset."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        if self.position is None:
            return self.message
        return f"{self.message} (at character {self.position + 1})"


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    query: Query


class _FieldGroupPlugin(qparser.Plugin):
    """Turns each visible field into the index fields it stands for.

    Runs after Whoosh applies `field:` prefixes (priority 100). A "quoted phrase" asks for
    those exact words, so it searches only the folded fields: a stemmed field has dropped its
    stop words, and "the army" there would match any article about an army.
    """

    def filters(self, parser: Any) -> list[tuple[Any, int]]:
        return [(self.expand, 105)]

    def expand(self, parser: Any, group: Any) -> Any:
        for i, node in enumerate(group):
            if isinstance(node, syntax.GroupNode):
                group[i] = self.expand(parser, node)
            elif node.has_fieldname:
                names = self._fields_for(node)
                if names is not None:
                    group[i] = syntax.OrGroup([_with_field(node, name) for name in names])
        return group

    @staticmethod
    def _fields_for(node: Any) -> tuple[str, ...] | None:
        exact = isinstance(node, PhrasePlugin.PhraseNode)
        if node.fieldname is None:
            return EXACT_DEFAULT_FIELDS if exact else DEFAULT_FIELDS
        if node.fieldname in FIELD_GROUPS:
            return (node.fieldname,) if exact else FIELD_GROUPS[node.fieldname]
        return None


def _with_field(node: Any, name: str) -> Any:
    fielded = copy.copy(node)
    fielded.set_fieldname(name, override=True)
    return fielded


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.QueryParser(None, schema, group=qparser.AndGroup)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(_FieldGroupPlugin())
    return parser


def parse(parser: qparser.QueryParser, text: str) -> ParsedQuery:
    text = text.strip()
    if not text:
        raise QueryError("the query is empty")
    _check_balance(text)
    _check_operators(text)
    tree = parser.process(text)
    _check_dates(parser, tree)
    try:
        query = parser.parse(text)
    except Exception as error:  # Whoosh raises bare Exception for unparseable dates
        raise QueryError(f"cannot understand the query: {error}") from error
    if _is_null(query):
        raise QueryError("the query has nothing to search for (only stop words or operators?)")
    return ParsedQuery(text, query)


def _check_balance(text: str) -> None:
    quote_at: int | None = None
    stack: list[tuple[str, int]] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for position, char in enumerate(text):
        if char == '"':
            quote_at = position if quote_at is None else None
        elif quote_at is not None:
            continue
        elif char in "([{":
            stack.append((char, position))
        elif char in pairs:
            if not stack or stack[-1][0] != pairs[char]:
                raise QueryError(f"unexpected {char!r}", position)
            stack.pop()
    if quote_at is not None:
        raise QueryError('this quote is never closed: add a closing "', quote_at)
    if stack:
        char, position = stack[-1]
        raise QueryError(f"this {char!r} is never closed", position)


def _check_operators(text: str) -> None:
    words: list[tuple[str, int]] = []
    position, in_quote = 0, False
    for token in text.replace("(", " ").replace(")", " ").split(" "):
        if token:
            if not in_quote:
                words.append((token, position))
            if token.count('"') % 2:
                in_quote = not in_quote
        position += len(token) + 1
    if not words:
        return
    first, first_at = words[0]
    last, last_at = words[-1]
    if first in _OPERATORS - {"NOT"}:
        raise QueryError(f"{first} needs something before it", first_at)
    if last in _OPERATORS:
        raise QueryError(f"{last} needs something after it", last_at)


def _check_dates(parser: qparser.QueryParser, node: Any) -> None:
    if isinstance(node, syntax.GroupNode):
        for child in node:
            _check_dates(parser, child)
        return
    if getattr(node, "fieldname", None) != "published":
        return
    assert parser.schema is not None
    field = parser.schema["published"]
    position = getattr(node, "startchar", None)
    try:
        if isinstance(node, syntax.RangeNode):
            for bound in (node.start, node.end):
                if bound and _is_null(field.parse_query("published", bound)):
                    raise QueryError(f"{bound!r} is not a date (try 2024, 2024-03 or 2024-03-26)")
            return
        text = getattr(node, "text", "")
        if text and _is_null(field.parse_query("published", text)):
            raise QueryError(f"{text!r} is not a date (try 2024, 2024-03 or 2024-03-26)", position)
    except QueryError as error:
        if error.position is None:
            raise QueryError(error.message, position) from None
        raise
    except Exception as error:
        raise QueryError(f"not a date: {error}", position) from error


def _is_null(query: Query) -> bool:
    # whoosh3 builds fresh _NullQuery instances, so identity with NullQuery is not enough.
    return isinstance(query, type(NullQuery))
