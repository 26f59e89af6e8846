"""What finding related coverage reads, handed in by its caller (the Library builds it).

The related package never reaches back into the Library: the article, its index searcher, the
stored candidates and the entity lookups all come in one frozen `RelatedInputs`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sahelreader.models import Article, Entity
from sahelreader.related.feature_cache import FeatureCache
from sahelreader.related.url_ids import Timelines

__all__ = ["Document", "RelatedInputs", "Searcher"]

# A Whoosh searcher (`document_number`, `stored_fields`, `reader`): Whoosh is untyped.
Searcher = Any


@dataclass(frozen=True)
class Document:
    """A candidate article as the store holds it: what the scoring reads of it."""

    id: str
    title: str
    body: str
    source: str
    language: str
    published: datetime | None
    # What its entities depend on besides its text (the recogniser, the entities cached for
    # it): with the text, the key of what is remembered of it (`FeatureCache`). None: not
    # known, nothing is remembered.
    version: Hashable | None = None
    url: str = ""  # its url: a numeric id in it dates it roughly when it is undated


@dataclass(frozen=True)
class RelatedInputs:
    """Everything `related()` needs, and nothing else."""

    article: Article
    # The index's searcher on its latest commit; None when there is no usable index.
    searcher: Callable[[], Searcher | None]
    # The stored articles of these ids (any order; ids removed since the index caught up are
    # left out).
    documents: Callable[[Sequence[str]], Iterable[Document]]
    # The entities named in an article's or a document's body (offsets into its body).
    entities_of: Callable[[Article | Document], list[Entity]]
    # The entities named in a short text (a title), in a language ("" or None: unknown).
    recognise: Callable[[str, str | None], list[Entity]]
    # Where what is derived from a candidate is remembered between calls (None: nowhere).
    features: FeatureCache | None = None
    # The id families' timelines (`url_ids`), read when an undated article meets a candidate
    # (None: no url is dated by its id).
    timelines: Callable[[], Timelines] | None = None
