"""Fuzzy terms (`word~`) and wildcards (`word*`): useful, accent-blind and bounded."""

from __future__ import annotations

import itertools

import pytest
from whoosh.query import Or, Query

from sahelreader.library import Library
from sahelreader.search import query as query_module
from sahelreader.search.query import QueryError, WordUnion, fuzzy_edits

from .conftest import CORPUS, draft, utc

MENAKA = "Attaque meurtrière à Ménaka"
OUAGA = "Sanctions lifted on Burkina Faso"


def titles(library: Library, query: str) -> set[str]:
    return {hit.title for hit in library.search(query, limit=None).hits}


@pytest.mark.parametrize(
    ("word", "edits"),
    [("a", 0), ("xy", 0), ("mali", 1), ("abcde", 1), ("menaka", 2), ("ouagadugu", 2)],
)
def test_a_bare_tilde_scales_the_edits_with_the_word(word: str, edits: int) -> None:
    assert fuzzy_edits(word) == edits


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ouagadugu~", {OUAGA}),  # the README's example: two letters off
        ("ouagadougou~", {OUAGA}),  # the exact word is found by its fuzzy term
        ("menaka~", {MENAKA}),
        ("Ménaka~", {MENAKA}),  # accents fold on both sides
        ("MENAKA~", {MENAKA}),
        ("menaca~", {MENAKA}),
        ("ménacca~", {MENAKA}),
        ("title:menaca~", {MENAKA}),
        ("body:ouagadugu~", {OUAGA}),
        ("menaca~1", {MENAKA}),  # an explicit distance still works
        ("ouagadugu~1", set()),  # ... and is kept: two edits are too many for ~1
        ("ouagadugu~2", {OUAGA}),
        ("menaka~0", {MENAKA}),
        ("menaca~0", set()),
        ("sanctons~ AND burkina", {OUAGA}),
        ("uranum~ OR menaca~", {"Niger signs uranium deal", MENAKA}),
    ],
)
def test_fuzzy_terms(corpus_library: Library, query: str, expected: set[str]) -> None:
    assert titles(corpus_library, query) == expected


def test_short_fuzzy_words_match_exactly(corpus_library: Library) -> None:
    # Two letters: no room for an edit ("xy~" used to expand to every 1- to 3-letter word).
    assert titles(corpus_library, "xy~") == set()
    corpus_library.add_drafts([draft("Note xy", "The xy code word.")])
    corpus_library.ensure_index()
    assert titles(corpus_library, "xy~") == {"Note xy"}
    assert titles(corpus_library, "xz~") == set()


def test_more_than_two_edits_is_refused_with_its_position(corpus_library: Library) -> None:
    with pytest.raises(QueryError) as caught:
        corpus_library.search("niger ouagadugu~3")
    assert "at most 2 edits" in caught.value.message
    assert caught.value.position == 6
    with pytest.raises(QueryError, match="at most 2 edits"):
        corpus_library.parse_query("title:(menaka~9)")


def test_fuzzy_matches_are_highlighted_with_the_words_they_found(corpus_library: Library) -> None:
    hit = corpus_library.search("ouagadugu~").hits[0]
    start, end = hit.matches[0]
    assert hit.snippet[start:end] == "Ouagadougou"


def test_the_exact_spelling_ranks_above_a_near_one(library: Library) -> None:
    library.add_drafts(
        [
            draft("Report from Menaki", "Fighting near Menaki was reported.", language="en"),
            draft("Report from Menaka", "Fighting near Menaka was reported.", language="en"),
        ]
    )
    library.ensure_index()
    ranked = [hit.title for hit in library.search("menaka~").hits]
    assert ranked == ["Report from Menaka", "Report from Menaki"]


# -- bounded expansions: a crowded vocabulary -----------------------------------------------------

LETTERS = "abcdefghiklmnoprstu"  # 19 letters: 19**3 = 6,859 words of "bor" + 3 letters


@pytest.fixture(scope="module")
def vocabulary() -> list[str]:
    words = ["bor" + "".join(t) for t in itertools.product(LETTERS, repeat=3)]
    return words[:3_000]


@pytest.fixture
def crowded(library: Library, vocabulary: list[str]) -> Library:
    per_article = 100
    drafts = [
        draft(
            f"Glossary part {n}",
            "Word list: " + " ".join(vocabulary[start : start + per_article]) + ".",
            published=utc(2024, 1, 1 + n % 28),
            language="en",
        )
        for n, start in enumerate(range(0, len(vocabulary), per_article))
    ]
    library.add_drafts([*CORPUS, *drafts])
    library.ensure_index()
    return library


def test_a_wildcard_over_too_many_words_is_refused(crowded: Library) -> None:
    limit = query_module.MAX_WILDCARD_WORDS
    assert limit < 3_000
    for text in ("bor*", "b*", "*o*", "?or?*", "body:bo*"):
        with pytest.raises(QueryError) as caught:
            crowded.search(text)
        message = caught.value.message
        assert f"matches too many words (over {limit:,})" in message
        assert "add letters" in message
    # The position points at the wildcard.
    with pytest.raises(QueryError) as caught:
        crowded.search("niger bor*")
    assert caught.value.position == 6


def test_a_narrow_wildcard_still_works(crowded: Library, vocabulary: list[str]) -> None:
    narrow = [w for w in vocabulary if w.startswith("borab")]
    results = crowded.search("borab*", limit=None)
    assert results.total == 1  # they all sit in the first glossary article
    assert {text for field, text in results.terms if field == "body"} == set(narrow)
    assert titles(crowded, "urani*") == {"Niger signs uranium deal"}
    assert titles(crowded, "Urani*") == {"Niger signs uranium deal"}
    assert titles(crowded, "ménak?") == {MENAKA}
    assert titles(crowded, "title:m?naka") == {MENAKA}


def test_a_fuzzy_term_in_a_crowded_vocabulary_is_capped(crowded: Library) -> None:
    cap = query_module.MAX_FUZZY_WORDS
    results = crowded.search("borabc~", limit=None)  # 7 letters: 2 edits, hundreds in reach
    words = {text for field, text in results.terms if field == "body"}
    assert 0 < len(words) <= cap
    assert "borabc" in words  # the closest words are the ones kept
    assert all(word.startswith("bo") for word in words)
    assert results.hits[0].title == "Glossary part 0"


def test_a_fuzzy_term_needs_its_first_letters(crowded: Library) -> None:
    # Two edits keep the first two letters: "xorabc" is two edits from "borabc" but not fuzzy-
    # matched to it (a typo in the first letters is rare, and this bounds the work).
    assert titles(crowded, "xorabc~") == set()
    assert "Glossary part 0" in titles(crowded, "boraxc~")


def _plain(query: Query) -> Query:
    if isinstance(query, WordUnion):
        return Or(query.subqueries)
    return query if query.is_leaf() else query.apply(_plain)


@pytest.mark.parametrize(
    "text",
    ["bora*", "bora* OR uranium", 'bora* NOT "part 1"', "(bora* OR borb*) AND list", "bor?a*"],
)
def test_a_wide_expansion_finds_and_ranks_like_a_plain_or(crowded: Library, text: str) -> None:
    """Past a few dozen words an expansion is one WordUnion (fast); same hits, same scores."""
    searcher = crowded.index.searcher()
    expanded = crowded.index.resolve(crowded.parse_query(text).query, searcher)
    assert any(isinstance(leaf, WordUnion) for leaf in _walk(expanded))
    want = sorted(
        (round(hit.score, 6) for hit in searcher.search(_plain(expanded), limit=None)),
        reverse=True,
    )
    assert want
    for limit in (1, 2, 5, None):
        got = [round(hit.score, 6) for hit in searcher.search(expanded, limit=limit)]
        assert got == want[:limit]
    counted = searcher.search(expanded, limit=None, scored=False).scored_length()
    assert counted == len(want)


def _walk(query: Query) -> list[Query]:
    found = [query]
    for child in query.children():
        found.extend(_walk(child))
    return found
