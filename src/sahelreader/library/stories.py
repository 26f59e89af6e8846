"""Stories: the library's articles grouped by event, across outlets and languages, over days.

Articles are placed as they arrive (`Library.recognise_and_save`, which every import path
calls once their entities are known): each joins the closest story of the days around it or
starts one (`related/stories.py`). Nothing is recomputed for the whole library on an add;
`rebuild` starts again from scratch (`sahelreader stories --rebuild`), `catch_up` places the
articles a library had before it had stories. A removed article leaves its story with it
(`Store.remove`): stories are listed from the articles they still have.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import TYPE_CHECKING

from sahelreader.related.coverage import is_many_stories_page
from sahelreader.related.duplicates import same_source
from sahelreader.related.features import article_features, entity_key, outlet_words
from sahelreader.related.growth import (
    HISTORY_DAYS,
    RECENT_DAYS,
    Growth,
    gathering_before,
    story_growth,
)
from sahelreader.related.stories import (
    WINDOW_DAYS,
    Story,
    StoryArticle,
    choose_story,
    key_weights,
)
from sahelreader.store.database import row_entities
from sahelreader.store.stories import StoryRow, StoryTable, forget_members
from sahelreader.text.timeutil import from_iso, now_utc, to_iso

if TYPE_CHECKING:
    from sahelreader.library import Library

__all__ = ["Growth", "PlaceReport", "Stories", "Story", "StoryArticle"]

Progress = Callable[[int, int], None]
# Bumped whenever the grouping changes (keys, weights, thresholds): stories grouped by another
# version are grouped again from scratch at the next catch-up (the Stories view, `stories`,
# `doctor`), as the search index is rebuilt when its format changes. 2: places and people
# keyed by their tables' canonical name (Tchad = Chad); agencies no keys. 3: a piece of the
# article's own outlet needs more keys and title words or numbers (`choose_story`).
# 4: a round-up (a live page, a papers review, a bulletin) is a story of its own, and no
# article joins a story through one (`is_many_stories_page`).
GROUPING_VERSION = "4"
_BATCH = 200
DEFAULT_DAYS = 7
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass
class PlaceReport:
    placed: int = 0
    created: int = 0
    touched: set[int] = field(default_factory=set)  # stories that gained an article


@cache
def _agency_keys() -> frozenset[str]:
    """The keys news agencies' names make (AFP, Reuters, the AP): who reported, not what
    happened. A wire credit weighs like a rare organisation, and two reports of one event
    credited to different agencies looked further apart than they are."""
    from sahelreader.sources.citations.lexicon import agency_names

    return frozenset(key for key in map(_organisation_key, agency_names()) if key)


def _organisation_key(name: str) -> str:
    return entity_key(name, "organisation") or ""


def _story(rows: Sequence[StoryRow]) -> Story:
    # An undated article is placed at the time it was added: that is no news date, and is
    # never shown as one (review 11 D9: a story "first"/"last" was an import time).
    articles = tuple(
        StoryArticle(
            r.article_id, r.title, r.source, r.language, from_iso(r.placed_at) if r.dated else None
        )
        for r in rows
    )
    dated = [article.published for article in articles if article.published is not None]
    return Story(
        id=rows[0].story_id,
        title=rows[0].title,
        articles=articles,
        outlets=tuple(dict.fromkeys(a.source for a in articles if a.source)),
        languages=tuple(dict.fromkeys(a.language for a in articles if a.language)),
        first=min(dated, default=None),
        last=max(dated, default=None),
    )


class Stories:
    """The Library's stories (`Library.stories`)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.table = StoryTable(library.store)

    # -- grouping ------------------------------------------------------------------------------

    def place(
        self,
        ids: Sequence[str],
        progress: Progress | None = None,
        cancelled: threading.Event | None = None,
    ) -> PlaceReport:
        """Put these articles in stories (again, if they were in one), oldest first.

        Their keys are counted first, all of them: a key's weight is its rarity in the library
        as it is with these articles in it, so that the first articles of a large import (or of
        a rebuild) are not weighed against a library of a handful."""
        report = PlaceReport()
        if self.library.read_only is not None or not ids:
            return report
        if self.table.grouping_version() is None and self.table.placed_count() == 0:
            # The first stories of a library are grouped by this version.
            self.table.set_grouping_version(GROUPING_VERSION)
        dates = self.table.dates(ids)
        ordered = sorted(dates, key=lambda i: dates[i])
        keys, roundups = self._keys(ordered)
        sources = self.table.sources(ordered)
        table = self.table
        with self.library.store.transaction() as conn:
            forget_members(conn, ordered)
            table.count_keys(conn, Counter(k for found in keys.values() for k in found))
        total = table.placed_count() + len(keys)
        for start in range(0, len(ordered), _BATCH):
            if cancelled is not None and cancelled.is_set():
                # Counted but not placed: their keys do not count after all.
                left = [k for i in ordered[start:] for k in keys.get(i, ())]
                with self.library.store.transaction() as conn:
                    table.count_keys(conn, {k: -n for k, n in Counter(left).items()})
                break
            with self.library.store.transaction() as conn:
                batch = ordered[start : start + _BATCH]
                # Placed since this began, by another process or thread grouping the same
                # articles (the CLI's `stories` beside the reader): left where they are, and
                # their keys, counted above, taken back.
                taken = table.placed_among(conn, batch)
                if taken:
                    again = [k for i in batch if i in taken for k in keys.get(i, ())]
                    table.count_keys(conn, {k: -n for k, n in Counter(again).items()})
                for article_id in batch:
                    if article_id not in keys or article_id in taken:
                        continue
                    found = keys[article_id]
                    when, dated = dates[article_id]
                    # An undated article is a story of its own: the day it was added says
                    # nothing of the event, and names alone make a topic. So is a round-up:
                    # many events, each a little; through one, a story chained to the next
                    # (a live page on a leader's weapons pledge and his migration policy).
                    alone = not dated or article_id in roundups
                    story_id = (
                        None
                        if alone
                        else self._closest_story(found, when, total, sources.get(article_id, ""))
                    )
                    if story_id is None:
                        story_id = table.new_story(conn)
                        report.created += 1
                    report.touched.add(story_id)
                    table.add_member(conn, article_id, story_id, when, found, findable=not alone)
                    report.placed += 1
            if progress is not None:
                progress(min(start + _BATCH, len(ordered)), len(ordered))
        return report

    def _keys(self, ids: Sequence[str]) -> tuple[dict[str, tuple[str, ...]], set[str]]:
        """The language-independent keys of each article (`related.features`), and which of
        them are round-ups."""
        library = self.library
        found: dict[str, tuple[str, ...]] = {}
        roundups: set[str] = set()
        for start in range(0, len(ids), _BATCH):
            for row in library.store.documents(ids[start : start + _BATCH]):
                language = row["language"] or ""
                entities = row_entities(row, library.entity_version)
                if entities is None:
                    entities = library.recogniser.recognise(row["body"], language or None)
                title_entities = library.recogniser.recognise(row["title"], language or None)
                keys = article_features(
                    row["title"],
                    row["body"],
                    language,
                    [*entities, *title_entities],
                    outlet_words(row["source"]),
                ).keys
                found[row["id"]] = tuple(k for k in keys if k not in _agency_keys())
                if is_many_stories_page(row["title"]):
                    roundups.add(row["id"])
        return found, roundups

    def _closest_story(
        self, keys: Sequence[str], when: str, total: int, source: str = ""
    ) -> int | None:
        table = self.table
        df = table.document_frequencies(keys)
        mine = key_weights(keys, df, total)
        if not mine:
            return None
        moment = from_iso(when) or now_utc()
        window = timedelta(days=WINDOW_DAYS)
        start, end = to_iso(moment - window) or "", to_iso(moment + window) or ""
        members = table.members_sharing(list(mine), start, end)
        if not members:
            return None
        their_keys = table.member_keys([m.article_id for m in members])
        everything = {k for found in their_keys.values() for k in found}
        df.update(table.document_frequencies([k for k in everything if k not in df]))
        weights = key_weights(list(everything | set(mine)), df, total)
        candidates = [
            (m.article_id, m.story_id, their_keys.get(m.article_id, list(m.shared)))
            for m in members
        ]

        def story_keys(story_id: int) -> tuple[list[list[str]], dict[str, float]]:
            # Every member of the story, not only those sharing a key: it is judged whole.
            members = table.keys_of_stories([story_id])[story_id]
            keys = {k for found in members for k in found}
            df.update(table.document_frequencies([k for k in keys if k not in df]))
            return members, key_weights(list(keys), df, total)

        # The outlet's own pieces on its running topic need more evidence (`choose_story`).
        sources = table.sources([m.article_id for m in members]) if source else {}
        own = {i for i, theirs in sources.items() if theirs and same_source(theirs, source)}
        return choose_story(mine, candidates, weights, story_keys, own).story_id

    def catch_up(
        self, progress: Progress | None = None, cancelled: threading.Event | None = None
    ) -> PlaceReport:
        """Place the articles in no story yet (a library from before stories); all of them
        when the stories were grouped by another version of the grouping."""
        if self.library.read_only is not None:
            return PlaceReport()
        if self._grouped_by_another_version():
            # Forgotten and stamped at once: an interrupted regrouping goes on from where it
            # stopped next time, as any catch-up does.
            self.table.clear(GROUPING_VERSION)
        elif self.table.grouping_version() is None:
            self.table.set_grouping_version(GROUPING_VERSION)
        return self.place(self.table.unplaced_ids(), progress, cancelled)

    def unplaced(self) -> int:
        """How many articles `catch_up` would place."""
        if self._grouped_by_another_version():
            return self.library.store.count()
        return len(self.table.unplaced_ids())

    def _grouped_by_another_version(self) -> bool:
        # A library with no stories yet, or none stamped but also none grouped, is no
        # regrouping: its stamp is set by its first catch-up.
        version = self.table.grouping_version()
        if version == GROUPING_VERSION:
            return False
        return version is not None or self.table.placed_count() > 0

    def rebuild(
        self, progress: Progress | None = None, cancelled: threading.Event | None = None
    ) -> PlaceReport:
        """Group the whole library again, from scratch."""
        self.library.store.require_writable()
        self.table.clear(GROUPING_VERSION)
        return self.catch_up(progress, cancelled)

    # -- reading -------------------------------------------------------------------------------

    def recent(self, days: int | None = DEFAULT_DAYS, min_articles: int = 2) -> list[Story]:
        """Stories with an article in the `days` up to the newest story's day (`window_end`;
        every story when None), of `min_articles` or more, the latest active first."""
        since: str | None = None
        if days is not None:
            latest = self.window_end()
            if latest is None:
                return []
            since = to_iso(latest - timedelta(days=days))
        grouped: dict[int, list[StoryRow]] = {}
        for row in self.table.rows_of_stories_since(since, min_articles):
            grouped.setdefault(row.story_id, []).append(row)
        stories = [_story(rows) for rows in grouped.values() if len(rows) >= min_articles]
        stories.sort(key=lambda s: (s.last or _EPOCH, s.id), reverse=True)
        return stories

    def window_end(self) -> datetime | None:
        """Where the window of `recent` ends, and a story's growth is counted up to: the newest
        dated article of a story of two or more (`StoryTable.latest_placed_at`; None when no
        article is in a story yet)."""
        return from_iso(self.table.latest_placed_at())

    def growth_of(self, until: datetime | None) -> Callable[[Story], Growth | None]:
        """Whether a story is new or growing up to `until` (`window_end()`; see
        related/growth.py): a function, as the library's history is looked at once."""
        history = False
        if until is not None:
            edge = until - timedelta(days=RECENT_DAYS)

            def count(start: str | None, end: str | None) -> int:
                return self.library.store.published_between(start, end, limit=0)[1]

            history = gathering_before(
                count(to_iso(edge), to_iso(until)),
                count(to_iso(edge - timedelta(days=HISTORY_DAYS)), to_iso(edge)),
            )
        return lambda story: story_growth(story, until, history)

    def get(self, story_id: int) -> Story | None:
        rows = self.table.rows_of_story(story_id)
        return _story(rows) if rows else None

    def of_article(self, article_id: str) -> Story | None:
        """The story the article is in (a story of one article: it alone so far)."""
        story_id = self.table.story_of(self.library.resolve(article_id))
        return None if story_id is None else self.get(story_id)
