"""Grouping articles into stories: one event or development, across outlets and languages,
over days.

Single pass, incremental: a new article is compared with the articles already placed within
`WINDOW_DAYS` of its date that share one of its distinctive keys (names, numbers, title
words: `features`), and joins the story of the most similar one if the similarity reaches
`JOIN_SIMILARITY` with the evidence of a story (`MIN_SHARED` keys, one of them a name), and
if it is close to that story as a whole (its members' centroid, without the one heaviest key
shared: `story_similarity`), so that stories do not chain through one person; otherwise it
starts a story. A piece of the article's own outlet needs more (`_outlet_evidence`): an
outlet's pieces on a running topic share its names and its day. Only the window is read, so
the cost of one article does not grow with the library. An undated article is a story of
its own (library/stories.py).

Similarity is a weighted cosine of the two key sets: a key weighs its kind (a person more
than a place: `features.KIND_WEIGHT`) times its sharpened idf in the library; a key held by
more than `MAX_DF_SHARE` of the articles weighs nothing (a country, "says").

Core module: no UI imports; what it reads comes in as arguments.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sahelreader.related.features import KIND_WEIGHT, NAME_KINDS, kind_of, rarity_base

__all__ = ["Choice", "Story", "StoryArticle", "choose_story", "key_weights", "story_similarity"]

WINDOW_DAYS = 3.0  # an article is compared with those placed this many days either side
JOIN_SIMILARITY = 0.3  # weighted cosine needed to join a story...
STORY_SIMILARITY = 0.08  # ...and with a story of 2+'s centroid, its heaviest shared key left out
MIN_SHARED = 2  # keys shared with the closest article, at least...
MIN_SHARED_NAMES = 1  # ...of them names of some weight
NAME_MIN_WEIGHT = 0.05
MIN_REST_WEIGHT = 0.35  # weight of the shared keys besides the heaviest (~ a rare title word)
SAME_OUTLET_MIN_SHARED = 3  # keys shared with a piece of the article's own outlet, at least...
SAME_OUTLET_WHAT = 0.35  # ...this weight of them title words or numbers (what happened)
MAX_DF_SHARE = 0.04  # a key in more than this share of the articles weighs nothing...
MAX_DF_FLOOR = 40  # ...unless in fewer than this many (small libraries)
IDF_POWER = 2.0


def max_df(total: int) -> int:
    return max(MAX_DF_FLOOR, int(total * MAX_DF_SHARE))


def key_weights(keys: Sequence[str], df: Mapping[str, int], total: int) -> dict[str, float]:
    """Each key's weight: its kind's times its idf (normalised to 0..1, sharpened); 0 (left
    out) above the document-frequency cap."""
    cap = max_df(total)
    base = rarity_base(total)
    scale = math.log(base + 2)
    weights: dict[str, float] = {}
    for key in keys:
        count = df.get(key, 0)
        if count > cap:
            continue
        idf = math.log((base + 2) / (count + 1)) / scale
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
    published: datetime | None  # None for an undated article (placed by when it was added)


@dataclass(frozen=True)
class Story:
    id: int
    title: str  # its earliest article's
    articles: tuple[StoryArticle, ...]  # in time order
    outlets: tuple[str, ...]  # in the order they joined
    languages: tuple[str, ...]
    first: datetime | None  # of its dated articles; None when none is dated
    last: datetime | None


@dataclass(frozen=True)
class Choice:
    story_id: int | None  # None: start a story
    similarity: float
    closest: str | None  # the article it is closest to


def story_similarity(
    mine: Mapping[str, float], members: Sequence[Sequence[str]], weights: Mapping[str, float]
) -> float:
    """How close an article is to a story as a whole, not to one of its members: the cosine
    of its keys with the story's centroid (a key weighs its weight times the share of the
    members holding it), its heaviest shared key left out. A story joined through one person
    ("Merz" at a summit, then "Merz" on a phone call) holds that name in every member; what
    it shares besides is what says it is the same event."""
    if not members:
        return 0.0
    counts: dict[str, int] = {}
    for keys in members:
        for key in set(keys):
            counts[key] = counts.get(key, 0) + 1
    centroid = {k: weights.get(k, 0.0) * n / len(members) for k, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in centroid.values()))
    my_norm = math.sqrt(sum(w * w for w in mine.values()))
    if norm <= 0.0 or my_norm <= 0.0:
        return 0.0
    products = sorted((mine[k] * centroid[k] for k in mine if k in centroid), reverse=True)
    return sum(products[1:]) / (norm * my_norm)


StoryKeys = Callable[[int], tuple[Sequence[Sequence[str]], Mapping[str, float]]]


def choose_story(
    mine: Mapping[str, float],
    candidates: Sequence[tuple[str, int, Sequence[str]]],
    weights: Mapping[str, float],
    story_keys: StoryKeys | None = None,
    same_outlet: Collection[str] = (),
) -> Choice:
    """The story to join: that of the most similar candidate `(article id, story id, its
    keys)` with the evidence of a story, if similar enough and close enough to that story as a
    whole (`story_similarity`; `story_keys` gives a story's members' keys and their weights,
    asked only of the stories of candidates that pass). `mine` and `weights` give the keys'
    weights (the new article's, and every candidate key's). `same_outlet`: the candidates from
    the article's own outlet, which need more (`_outlet_evidence`)."""
    my_mass = math.sqrt(sum(w * w for w in mine.values()))
    if my_mass <= 0.0:
        return Choice(None, 0.0, None)
    passing: list[Choice] = []
    closest = Choice(None, 0.0, None)
    for article_id, story_id, keys in candidates:
        shared = [k for k in keys if k in mine]
        if len(shared) < MIN_SHARED:
            continue
        names = sum(1 for k in shared if kind_of(k) in NAME_KINDS and mine[k] >= NAME_MIN_WEIGHT)
        if names < MIN_SHARED_NAMES:
            continue
        # Beyond the one heaviest key they share (a politician, a country), what else?
        heaviest = sorted((mine[k] for k in shared), reverse=True)
        if sum(heaviest[1:]) < MIN_REST_WEIGHT:
            continue
        if article_id in same_outlet and not _outlet_evidence(shared, mine):
            continue
        theirs = math.sqrt(sum(weights.get(k, 0.0) ** 2 for k in keys))
        if theirs <= 0.0:
            continue
        similarity = sum(mine[k] * weights.get(k, 0.0) for k in shared) / (my_mass * theirs)
        choice = Choice(story_id, similarity, article_id)
        if similarity > closest.similarity:
            closest = choice
        if similarity >= JOIN_SIMILARITY:
            passing.append(choice)
    judged: set[int] = set()
    for choice in sorted(passing, key=lambda c: -c.similarity):
        if choice.story_id is None or choice.story_id in judged:
            continue
        judged.add(choice.story_id)
        if story_keys is None:
            return choice
        members, member_weights = story_keys(choice.story_id)
        # A story of one is its member, already compared; a story's heaviest key is most
        # often its event's own name, so the check is for stories that could chain.
        if len(members) < 2 or story_similarity(mine, members, member_weights) >= STORY_SIMILARITY:
            return choice
    return Choice(None, closest.similarity, closest.closest)


def _outlet_evidence(shared: Sequence[str], mine: Mapping[str, float]) -> bool:
    """An outlet's pieces on a running topic share its names (a club and its coach, an
    election's candidates and parties, a company and its owner): one of its own earlier
    pieces is the same event only with more keys in common (SAME_OUTLET_MIN_SHARED) and some
    weight of them saying what happened, title words or numbers (SAME_OUTLET_WHAT), not names
    alone (review 12: a club's new coach chained to its old coach's move; five items of one
    outlet's election coverage one story)."""
    if len(shared) < SAME_OUTLET_MIN_SHARED:
        return False
    # A title word that is a word of a shared name ("Bakare-Lindqvist": bakare) is that name.
    named = {
        word
        for k in shared
        if kind_of(k) in NAME_KINDS
        for word in re.findall(r"\w+", k.partition(":")[2])
    }
    what = sum(
        mine[k] for k in shared if kind_of(k) not in NAME_KINDS and k.partition(":")[2] not in named
    )
    return what >= SAME_OUTLET_WHAT
