"""Review 11 D17 and D6: `language:xx` (no language's code) found nothing without a word, while
`language:none` said why; `published:>2025-05-27T10:00` quoted a piece cut at the time's colon
("'2025-05-' is not a date")."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sahelreader.library import Library
from sahelreader.search.query import QueryError

from .conftest import draft


@pytest.fixture
def two_languages(library: Library) -> Library:
    when = datetime(2025, 3, 14, 9, tzinfo=timezone.utc)
    library.add_drafts(
        [
            draft("Herders reach Abalak", "The herders reached Abalak.", published=when),
            draft(
                "Les éleveurs arrivent à Abalak",
                "Les éleveurs sont arrivés à Abalak.",
                language="fr",
                published=when,
            ),
            draft("Kanuri radio bulletin", "A bulletin.", language="kr", published=when),
        ]
    )
    library.ensure_index()
    return library


@pytest.mark.parametrize("code", ["xx", "qq", "zz"])
def test_a_two_letter_code_of_no_language_says_so(two_languages: Library, code: str) -> None:
    with pytest.raises(QueryError, match=rf"'{code}' is not a language code \(try a code") as e:
        two_languages.search(f"abalak language:{code}")
    assert e.value.position == len("abalak language:")


@pytest.mark.parametrize(
    ("typed", "meant"), [("sp", "language:es \\(spanish\\)"), ("ge", "language:de \\(german\\)")]
)
def test_a_country_code_typed_for_a_language_gets_its_code(
    two_languages: Library, typed: str, meant: str
) -> None:
    with pytest.raises(
        QueryError, match=rf"'{typed}' is not a language code: did you mean {meant}"
    ):
        two_languages.search(f"language:{typed}")


@pytest.mark.parametrize(
    ("query", "found"),
    [("language:fr", 1), ("language:FR-fr", 1), ("language:kr", 1), ("language:yo", 0)],
)
def test_real_codes_still_search(two_languages: Library, query: str, found: int) -> None:
    assert len(two_languages.search(query, limit=None).hits) == found


@pytest.mark.parametrize(
    ("query", "value", "day"),
    [
        ("published:>2025-03-14T10:00", "2025-03-14T10:00", "published:>2025-03-14"),
        ("herders published:<=2025-03-14T08:30:00Z", "2025-03-14T08:30:00Z", "published:<="),
        ("published:2025-03-14T09", "2025-03-14T09", "published:2025-03-14"),
    ],
)
def test_a_time_in_a_date_is_quoted_whole(
    two_languages: Library, query: str, value: str, day: str
) -> None:
    with pytest.raises(QueryError) as caught:
        two_languages.search(query)
    message = caught.value.message
    assert message.startswith(f"{value!r} is not a date: times are not supported, give a day")
    assert day in message
    assert caught.value.position == query.index(value)


def test_a_time_inside_a_quoted_phrase_is_words(two_languages: Library) -> None:
    assert two_languages.search('"published:2025-03-14T10:00"').hits == []
    assert len(two_languages.search("published:2025-03-14", limit=None).hits) == 3
