"""What related() derives from a candidate is remembered between calls (`FeatureCache`), and
never outlives the text, the entities or the recogniser it was derived from."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from sahelreader.library import Library
from sahelreader.related.coverage import Related
from sahelreader.related.coverage import related as related_of
from sahelreader.related.feature_cache import FeatureCache, content_key

from .test_related import _ids_by_source, newsroom  # noqa: F401  (the fixture)


def _uncached(lib: Library, article_id: str) -> Related:
    """related() worked out afresh: nothing remembered from earlier calls."""
    return related_of(replace(lib.related_inputs(article_id), features=None))


def test_cache_keeps_at_most_its_size_least_recently_used_out_first() -> None:
    cache = FeatureCache(size=3)
    made: list[str] = []

    def make(value: str) -> str:
        made.append(value)
        return value

    for key in "abc":
        assert cache.get(key, partial(make, key)) == key
    assert cache.get("a", lambda: make("again")) == "a"  # kept: not made again
    cache.get("d", lambda: make("d"))  # "b" is now the least recently used
    assert len(cache) == 3
    assert cache.get("b", lambda: make("b2")) == "b2"
    assert made == ["a", "b", "c", "d", "b2"]
    assert (cache.hits, cache.misses) == (1, 5)
    assert len(cache) == 3
    nothing = FeatureCache(size=0)
    assert nothing.get("a", lambda: "x") == "x" and len(nothing) == 0


def test_content_key_changes_with_text_source_language_and_version() -> None:
    base = ("id1", "A title", "A body.", "Outlet", "en", ("v1", "v1", b"spans"))
    key = content_key(*base)
    assert content_key(*base) == key
    for position, other in (
        (1, "Another title"),
        (2, "A body!"),
        (3, "Other outlet"),
        (4, "fr"),
        (5, ("v2", "v1", b"spans")),
        (5, ("v1", "v1", b"other spans")),
    ):
        changed = list(base)
        changed[position] = other
        assert content_key(*changed) != key  # type: ignore[arg-type]


def test_candidates_are_remembered_between_calls(newsroom: Library) -> None:  # noqa: F811
    ids = _ids_by_source(newsroom)
    first = newsroom.related(ids["Sahel Wire"])
    cache = newsroom._related_features
    assert len(cache) > 0 and cache.hits == 0
    assert newsroom.related(ids["Sahel Wire"]) == first
    assert cache.hits > 0
    # The story's other articles have the first one's candidates among theirs.
    hits = cache.hits
    assert newsroom.related(ids["Niamey Herald"]) == _uncached(newsroom, ids["Niamey Herald"])
    assert cache.hits > hits


def test_entities_recognised_again_are_not_read_from_the_cache(newsroom: Library) -> None:  # noqa: F811
    ids = _ids_by_source(newsroom)
    wire, herald = ids["Sahel Wire"], ids["Niamey Herald"]
    before = newsroom.related(wire)
    shared = next(c.shared_entities for c in before.coverage if c.id == herald)
    assert any("Abdramane" in name for name in shared)
    # The herald's entities change (recognised again by another recogniser, edited): the
    # spokesman's name is no longer among them (the title does not name him).
    article = newsroom.get(herald)
    entities = [e for e in newsroom.entities(article) if "Abdramane" not in e.text]
    newsroom.store.save_entities([(herald, entities)], newsroom.entity_version)
    after = newsroom.related(wire)
    assert after == _uncached(newsroom, wire)
    assert after != before
    names = [name for c in after.coverage if c.id == herald for name in c.shared_entities]
    assert not any("Abdramane" in name for name in names)


def test_a_changed_article_is_not_read_from_the_cache(newsroom: Library) -> None:  # noqa: F811
    ids = _ids_by_source(newsroom)
    wire, herald = ids["Sahel Wire"], ids["Niamey Herald"]
    before = newsroom.related(wire)
    assert herald in {c.id for c in before.coverage}
    # Its outlet becomes the article's own: held back or listed apart, not the same item.
    with newsroom.store.transaction() as conn:
        conn.execute("UPDATE articles SET source = ? WHERE id = ?", ("Sahel Wire", herald))
    after = newsroom.related(wire)
    assert after == _uncached(newsroom, wire)
    assert after != before
    # A new recogniser: everything is derived again.
    newsroom._entity_version = "another recogniser"
    assert newsroom.related(wire) == _uncached(newsroom, wire)


def test_candidates_set_aside_before_their_names_are_read_could_never_pass() -> None:
    """`_may_have_evidence` (asked before a candidate's names are read) is False only for a
    candidate `_evidence` would turn down whatever its names: every combination of evidence
    `_evidence` accepts is let through when the names are taken at their most."""
    from dataclasses import replace
    from itertools import product

    from sahelreader.related.coverage import _evidence, _may_have_evidence

    from .test_related_outlet import _candidate

    accepted = 0
    for (
        terms,
        title_terms,
        numbers,
        my_specific,
        event_upper,
        strong,
        days,
        title_sim,
        roundups,
        words,
    ) in product(
        range(3),
        range(3),
        range(2),
        range(4),
        range(2),
        (False, True),
        (None, 0.5),
        (0.3, 0.9),
        ((False, False), (True, False), (False, True)),
        (20, 120),
    ):
        for specific, title_words, event_words in product(
            range(my_specific + 1), range(title_terms + 1), range(event_upper + 1)
        ):
            article_roundup, candidate_roundup = roundups
            c = _candidate(
                terms=terms,
                title_terms=title_terms,
                title_words=title_words,
                numbers=numbers,
                specific=specific,
                event_words=event_words,
                strong_name=strong,
                days=days,
                title_sim=title_sim,
                roundup=candidate_roundup,
                words=words,
            )
            if not _evidence(c, article_roundup, 120):
                continue
            accepted += 1
            # Asked before the names are read: what they add is not known yet.
            before_names = replace(
                c, specific=0, title_words=0, strong_name=False, event_words=event_upper
            )
            assert _may_have_evidence(before_names, article_roundup, my_specific), c
    assert accepted > 500
