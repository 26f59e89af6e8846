"""Grouping articles into stories: one event or development, across outlets and languages,
over days.

Single pass, incremental: a new article is compared with the articles already placed within
`WINDOW_DAYS` of its date that share one of its distinctive keys (names, numbers, title
words: `features`), and joins the story of the most similar one if the similarity reaches
`JOIN_SIMILARITY` with the evidence of a story (`MIN_SHARED` keys, one of them a name);
otherwise it starts a story. Only the window is read, so the cost of one article does not
grow with the library. An undated article is a story of its own (library/stories.py).

Similarity is a weighted cosine of the two key sets: a key weighs its kind (a person more
than a place: `features.KIND_WEIGHT`) times its sharpened idf in the library; a key held by
more than `MAX_DF_SHARE` of the articles weighs nothing (a country, "says").

Core module: no UI imports; what it reads comes in as arguments.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sahelreader.related.features import KIND_WEIGHT, NAME_KINDS, kind_of

__all__ = ["Choice", "Story", "StoryArticle", "choose_story", "key_weights"]

WINDOW_DAYS = 3.0  # an article is compared with those placed this many days either side
JOIN_SIMILARITY = 0.3  # weighted cosine needed to join a story
MIN_SHARED = 2  # keys shared with the closest article, at least...
MIN_SHARED_NAMES = 1  # ...of them names of some weight
NAME_MIN_WEIGHT = 0.05
MAX_DF_SHARE = 0.04  # a key in more than this share of the articles weighs nothing...
MAX_DF_FLOOR = 40  # ...unless in fewer than this many (small libraries)
IDF_POWER = 2.0


def max_df(total: int) -> int:
    return max(MAX_DF_FLOOR, int(total * MAX_DF_SHARE))


def key_weights(keys: Sequence[str], df: Mapping[str, int], total: int) -> dict[str, float]:
    """Each key's weight: its kind's times its idf (normalised to 0..1, sharpened); 0 (left
    out) above the document-frequency cap."""
    cap = max_df(total)
    scale = math.log(total + 2)
    weights: dict[str, float] = {}
    for key in keys:
        count = df.get(key, 0)
        if count > cap:
            continue
        idf = math.log((total + 2) / (count + 1)) / scale
        weight = KIND_WEIGHT.get(kind_of(key), 1.0) * max(0.0, idf) ** IDF_POWER
        if weight > 0.0:
            weights[key] = weight
    return weights


@dataclass(frozen=True)
class StoryArticle:
    id: str
    title: str
    source: str
    language: str
    published: datetime | None  # or when it was added, for an undated article


@dataclass(frozen=True)
class Story:
    id: int
    title: str  # its earliest article's
    articles: tuple[StoryArticle, ...]  # in time order
    outlets: tuple[str, ...]  # in the order they joined
    languages: tuple[str, ...]
    first: datetime | None
    last: datetime | None


@dataclass(frozen=True)
class Choice:
    story_id: int | None  # None: start a story
    similarity: float
    closest: str | None  # the article it is closest to


def choose_story(
    mine: Mapping[str, float],
    candidates: Sequence[tuple[str, int, Sequence[str]]],
    weights: Mapping[str, float],
) -> Choice:
    """The story to join: that of the most similar candidate `(article id, story id, its
    keys)` with the evidence of a story, if similar enough. `mine` and `weights` give the keys'
    weights (the new article's, and every key's)."""
    my_mass = math.sqrt(sum(w * w for w in mine.values()))
    if my_mass <= 0.0:
        return Choice(None, 0.0, None)
    best = Choice(None, 0.0, None)
    for article_id, story_id, keys in candidates:
        shared = [k for k in keys if k in mine]
        if len(shared) < MIN_SHARED:
            continue
        names = sum(1 for k in shared if kind_of(k) in NAME_KINDS and mine[k] >= NAME_MIN_WEIGHT)
        if names < MIN_SHARED_NAMES:
            continue
        theirs = math.sqrt(sum(weights.get(k, 0.0) ** 2 for k in keys))
        if theirs <= 0.0:
            continue
        similarity = sum(mine[k] * weights.get(k, 0.0) for k in shared) / (my_mass * theirs)
        if similarity > best.similarity:
            best = Choice(story_id, similarity, article_id)
    if best.similarity >= JOIN_SIMILARITY:
        return best
    return Choice(None, best.similarity, best.closest)
