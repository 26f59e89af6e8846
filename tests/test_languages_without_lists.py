"""Articles in a language the search library has no stop words or stemmer for (Hausa, Kannada:
feeds carry any language) are stored, grouped, related and searched like any other.

Every text here is written for the test."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.related.features import stop_words

WHEN = datetime(2026, 3, 14, 9, tzinfo=timezone.utc)


def _drafts() -> list[ArticleDraft]:
    return [
        ArticleDraft(
            title="Sojoji sun kai hari a Djibo",
            body="Rahotanni daga Djibo na cewa 'yan bindiga sun kai hari kan sansanin sojoji.",
            source="Sahel Hausa",
            url="https://hausa.example.org/labarai/djibo-hari",
            published=WHEN,
            language="ha",
        ),
        ArticleDraft(
            title="Gunmen attack army camp in Djibo",
            body="Gunmen attacked an army camp in Djibo on Monday, residents of Djibo said.",
            source="Sahel Wire",
            url="https://wire.example.org/djibo-attack",
            published=WHEN,
            language="kn",
        ),
    ]


@pytest.mark.parametrize("language", ["ha", "kn", "yo", "xx"])
def test_no_stop_words_for_a_language_without_a_list(language: str) -> None:
    assert stop_words(language) == frozenset()


def test_a_library_with_such_articles_adds_relates_groups_and_searches(
    library: Library,
) -> None:
    report = library.add_drafts(_drafts())
    assert len(report.added) == 2
    library.ensure_index()
    for article_id in report.added:
        library.related(article_id)  # raised NoStopWords before
    library.stories.recent(days=None)
    hits = library.search("Djibo")
    assert {hit.id for hit in hits.hits} == set(report.added)
