"""Review 11 D9: `related --json` gave an article alone so far a one-article "story" (stories are
of two articles or more: the reader and `stories` show none), and an undated article's story was
dated by the time it was imported."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from sahelreader.library import Library

from .bilingual import EVENTS, english, filler, french
from .cli_helpers import cli


def _id(lib: Library, title: str) -> str:
    return next(row.id for row in lib.rows(lib.list_ids()) if row.title == title)


def test_an_article_alone_has_no_story_in_related_json(home: Path) -> None:
    event = EVENTS[0]
    alone = replace(english(event, 0), published=None)  # an undated page: a story of its own
    pair = [english(EVENTS[1], 1), french(EVENTS[1], 2)]
    with Library.open(home, seed=False) as lib:
        assert not lib.add_drafts([alone, *pair, *filler(40)]).failed
        alone_id = _id(lib, alone.title)
        en_id = _id(lib, pair[0].title)
        story = lib.stories.of_article(alone_id)
        assert story is not None and len(story.articles) == 1  # held internally, not shown
    related = cli(home, "related", alone_id, "--json")
    assert related.returncode == 0, related.stderr
    assert json.loads(related.stdout)["story"] is None
    shown = json.loads(cli(home, "related", en_id, "--json").stdout)["story"]
    assert shown is not None and shown["articles"] == 2  # a real story still is


def test_a_story_is_never_dated_by_when_an_article_was_imported(home: Path) -> None:
    pair = [english(EVENTS[1], 1), french(EVENTS[1], 2)]
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([*pair, *filler(40)])
        en_id, fr_id = _id(lib, pair[0].title), _id(lib, pair[1].title)
        story = lib.stories.of_article(en_id)
        assert story is not None and {a.id for a in story.articles} == {en_id, fr_id}
        # One member loses its date (a feed entry edited without one): its placement stays the
        # time it had, but the story's dates are those of its dated articles only.
        with lib.store.transaction() as conn:
            conn.execute("UPDATE articles SET published = NULL WHERE id = ?", (fr_id,))
            conn.execute(
                "UPDATE story_articles SET placed_at = '2030-01-01T00:00:00+00:00'"
                " WHERE article_id = ?",
                (fr_id,),
            )
        en_published = lib.get(en_id).published
        story = lib.stories.of_article(en_id)
        assert story is not None
        assert story.first == story.last == en_published
        undated = next(a for a in story.articles if a.id == fr_id)
        assert undated.published is None
        # Both members undated: the story has no dates at all, not an import time.
        with lib.store.transaction() as conn:
            conn.execute("UPDATE articles SET published = NULL WHERE id = ?", (en_id,))
        story = lib.stories.of_article(en_id)
        assert story is not None and story.first is None and story.last is None
    shown = json.loads(cli(home, "related", en_id, "--json").stdout)["story"]
    assert shown["first"] is None and shown["last"] is None
