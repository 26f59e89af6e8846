"""The lean index: words in one field per language, phrases exact, date and language filters
answered without ranking."""

from __future__ import annotations

import random
import re
from datetime import timedelta

import pytest

from sahelreader.library import Library
from sahelreader.search.analysis import folding_analyzer
from sahelreader.search.query import split_filters

from .conftest import draft, utc

EN_WORDS = "the army of a soldiers and forces in to security attack village land".split()
FR_WORDS = "l'armée de la terre les forces du le sécurité attaque village des armées".split()


def _sentence(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(8, 20))).capitalize() + "."


@pytest.fixture
def mixed_library(library: Library) -> Library:
    """English and French articles of common words, dated over a year (a few undated)."""
    rng = random.Random(7)
    drafts = []
    for i in range(120):
        french = i % 3 == 0
        words = FR_WORDS if french else EN_WORDS
        body = " ".join(_sentence(rng, words) for _ in range(3))
        published = None if i % 17 == 0 else utc(2024, 1, 1) + timedelta(days=3 * i, hours=i)
        drafts.append(
            draft(
                f"Report {i} " + _sentence(rng, words),
                body,
                published=published,
                language="fr" if french else "en",
            )
        )
    library.add_drafts(drafts)
    library.ensure_index()
    return library


def _folded_words(text: str) -> list[str]:
    return [token.text for token in folding_analyzer()(text)]


def _brute_phrase(library: Library, phrase: str) -> set[str]:
    """Articles whose title or body holds the phrase's words in a row (folded), by scanning."""
    wanted = _folded_words(phrase)
    found = set()
    for article_id in library.list_ids():
        article = library.get(article_id)
        for text in (article.title, article.body):
            words = _folded_words(text)
            if any(words[i : i + len(wanted)] == wanted for i in range(len(words))):
                found.add(article_id)
    return found


@pytest.mark.parametrize(
    "phrase", ["the army", "of the army", "les forces", "l'armée de terre", "de la", "to the"]
)
def test_phrases_with_stop_words_are_exact(mixed_library: Library, phrase: str) -> None:
    expected = _brute_phrase(mixed_library, phrase)
    assert expected, "the corpus should hold the phrase"
    hits = {hit.id for hit in mixed_library.search(f'"{phrase}"', limit=None).hits}
    assert hits == expected


def test_a_word_matches_its_stemmed_forms_in_its_own_language(library: Library) -> None:
    library.add_drafts(
        [
            draft("Armies gather", "Several armies gathered near the border.", language="en"),
            draft("Les armées", "Les armées se sont rassemblées à la frontière.", language="fr"),
            draft("Other", "Nothing to see here about the weather.", language="en"),
        ]
    )
    library.ensure_index()
    assert {h.title for h in library.search("army", limit=None).hits} == {"Armies gather"}
    assert {h.title for h in library.search("armée", limit=None).hits} == {"Les armées"}
    assert {h.title for h in library.search("gathering", limit=None).hits} == {"Armies gather"}
    [hit] = library.search("frontières rassemblée").hits
    assert hit.title == "Les armées"


def test_a_stop_word_asks_nothing_of_any_article(library: Library) -> None:
    library.add_drafts(
        [
            draft("Army moves", "An army moved north.", language="en"),
            draft("Armée", "Une army est là.", language="fr"),
            draft("Quiet", "The weather was quiet.", language="en"),
        ]
    )
    library.ensure_index()
    # "the" is an English stop word: with "army" it requires "the" of no article, English or
    # French (it did of the French ones, so "the president" lost every French article).
    assert {h.title for h in library.search("the army", limit=None).hits} == {
        "Army moves",
        "Armée",
    }
    # Alone, it matches (as written, in any language).
    assert "Quiet" in {h.title for h in library.search("the", limit=None).hits}
    # As a phrase it is exact: no article holds "the army".
    assert library.search('"the army"', limit=None).hits == []


@pytest.mark.parametrize(
    "query",
    [
        "published:[2024-03 to 2024-06]",
        "published:2024-05",
        "published:>2024-08",
        "published:<2024-02-15",
        "language:fr",
        "language:fr published:[2024-02 to 2024-09]",
        "published:2024-03 published:[2024-01 to 2024-12]",
    ],
)
def test_filters_alone_are_answered_by_the_store(mixed_library: Library, query: str) -> None:
    parsed = mixed_library.parse_query(query)
    rest, filters = split_filters(parsed.query)
    assert rest is None and filters
    # What Whoosh finds for the same query, evaluated as a query over the index.
    searcher = mixed_library.index.searcher()
    expected = {searcher.stored_fields(d)["id"] for d in searcher.docs_for_query(parsed.query)}
    results = mixed_library.search(query, limit=None)
    assert {hit.id for hit in results.hits} == expected
    assert results.total == len(expected) and not results.more
    # Newest first, as the list orders by date.
    dates = [hit.published for hit in results.hits]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    first = mixed_library.search(query, limit=5)
    assert [hit.id for hit in first.hits] == [hit.id for hit in results.hits][:5]
    assert first.total == len(expected) and first.more == (len(expected) > 5)
    assert mixed_library.index.count_matching(parsed) == len(expected)


def test_a_date_range_with_words_filters_the_search(mixed_library: Library) -> None:
    query = "army published:[2024-03 to 2024-06]"
    parsed = mixed_library.parse_query(query)
    searcher = mixed_library.index.searcher()
    from sahelreader.search.query import expand_terms

    whole = expand_terms(parsed.query, searcher.reader())
    expected = {searcher.stored_fields(d)["id"] for d in searcher.docs_for_query(whole)}
    assert expected
    results = mixed_library.search(query, limit=None)
    assert {hit.id for hit in results.hits} == expected
    assert mixed_library.index.count_matching(parsed) == len(expected)
    for hit in results.hits:
        assert hit.published is not None
        assert utc(2024, 3, 1) <= hit.published < utc(2024, 7, 1)
    # Ranked, not merely filtered: the words' terms are kept for highlighting.
    assert any(field.startswith("body") for field, _ in results.terms)


def test_an_empty_date_window_finds_nothing(mixed_library: Library) -> None:
    results = mixed_library.search("published:2024-05 published:2024-09", limit=20)
    assert results.hits == [] and results.total == 0


def test_highlights_mark_words_of_any_language(library: Library) -> None:
    library.add_drafts(
        [draft("Nachrichten", "Die Armee marschiert nach Norden.", language="de")],
    )
    library.ensure_index()
    [hit] = library.search("armee").hits
    assert [hit.snippet[s:e] for s, e in hit.matches] == ["Armee"]
    assert re.search("armee", hit.snippet, re.IGNORECASE)


def _reference_phrase(library: Library, phrase: str, slop: int) -> set[str]:
    """What Whoosh's own phrase query (positions) finds in the titles and bodies."""
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.filedb.filestore import RamStorage
    from whoosh.query import Or, Phrase

    folded = folding_analyzer()
    schema = Schema(id=ID(stored=True), title=TEXT(analyzer=folded), body=TEXT(analyzer=folded))
    ix = RamStorage().create_index(schema)
    with ix.writer() as writer:
        for article_id in library.list_ids():
            article = library.get(article_id)
            writer.add_document(id=article.id, title=article.title, body=article.body)
    words = _folded_words(phrase)
    query = Or([Phrase(field, words, slop=slop) for field in ("title", "body")])
    with ix.searcher() as searcher:
        return {searcher.stored_fields(d)["id"] for d in searcher.docs_for_query(query)}


@pytest.mark.parametrize(
    ("phrase", "slop"),
    [("the army", 1), ("of the army", 1), ("forces of", 2), ("army the", 3), ("la terre", 2)],
)
def test_phrases_with_a_slop_match_as_whoosh_positions_did(
    mixed_library: Library, phrase: str, slop: int
) -> None:
    expected = _reference_phrase(mixed_library, phrase, slop)
    assert expected
    hits = {hit.id for hit in mixed_library.search(f'"{phrase}"~{slop}', limit=None).hits}
    assert hits == expected


def test_a_phrase_under_or_and_not(mixed_library: Library) -> None:
    army = _brute_phrase(mixed_library, "of the army")
    forces = _brute_phrase(mixed_library, "les forces")
    either = {h.id for h in mixed_library.search('"of the army" OR "les forces"', limit=None).hits}
    assert either == army | forces
    parsed = mixed_library.parse_query('"of the army" OR "les forces"')
    assert mixed_library.index.count_matching(parsed) == len(army | forces)
    soldiers = {h.id for h in mixed_library.search("soldiers", limit=None).hits}
    without = {h.id for h in mixed_library.search('soldiers NOT "of the army"', limit=None).hits}
    assert without == soldiers - army


def test_a_function_word_of_either_language_does_not_split_the_library(library: Library) -> None:
    library.add_drafts(
        [
            draft("Junta leader speaks", "The junta leader spoke in Niamey.", language="en"),
            draft("Le chef de la junte", "Le chef de la junte a parlé à Niamey.", language="fr"),
            draft("Weather", "Rain fell in Zinder.", language="en"),
        ]
    )
    library.ensure_index()
    both = {"Junta leader speaks", "Le chef de la junte"}
    for query in ("Niamey", "the Niamey", "le Niamey", "à Niamey", "in Niamey"):
        assert {h.title for h in library.search(query, limit=None).hits} == both, query


def test_the_army_is_not_the_arms_nor_a_coup_the_cup(library: Library) -> None:
    library.add_drafts(
        [
            draft("L'armée se retire", "L'armée malienne a quitté Tessit lundi.", language="fr"),
            draft("Les armées du Sahel", "Les armées de trois pays ont patrouillé.", language="fr"),
            draft("Des armes saisies", "Des armes ont été saisies à Gao.", language="fr"),
            draft("Groupes armés", "Des groupes armés ont attaqué Kidal.", language="fr"),
            draft("Coup d'État", "Le coup d'État a eu lieu mardi à Niamey.", language="fr"),
            draft(
                "Coupe d'Afrique", "La Coupe d'Afrique des nations commence samedi.", language="fr"
            ),
        ]
    )
    library.ensure_index()

    def titles(query: str) -> set[str]:
        return {hit.title for hit in library.search(query, limit=None).hits}

    armies = {"L'armée se retire", "Les armées du Sahel"}
    assert titles("armée") == armies
    assert titles("armées") == armies
    assert titles("armes") == {"Des armes saisies", "Groupes armés"}
    assert titles("coup") == {"Coup d'État"}
    assert titles("coupe") == {"Coupe d'Afrique"}


def test_a_query_of_function_words_alone_searches_them_as_written(library: Library) -> None:
    library.add_drafts(
        [
            draft("WHO warns of cholera", "The WHO said cases rose in Diffa.", language="en"),
            draft("Rain in Zinder", "Rain fell on the market in Zinder.", language="en"),
            draft("Pluie à Dosso", "Il a plu sur le marché de Dosso.", language="fr"),
        ]
    )
    library.ensure_index()

    def titles(query: str) -> set[str]:
        return {hit.title for hit in library.search(query, limit=None).hits}

    assert titles("WHO") == {"WHO warns of cholera"}  # not the whole library
    assert titles("who cholera") == {"WHO warns of cholera"}
    assert titles("the market") == {"Rain in Zinder"}
    assert titles("le") == {"Pluie à Dosso"}
