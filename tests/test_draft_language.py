"""An article's language comes from its title as well as its body, so title-only feed items
(many outlets publish headlines without a summary) are not left without a language."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.text.language import draft_language


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Farmers and herders agree on a truce after the dry season", "en"),
        ("Les éleveurs et les agriculteurs signent une trêve dans le nord", "fr"),
    ],
)
def test_a_title_only_item_gets_a_language(library: Library, title: str, language: str) -> None:
    report = library.add_drafts([ArticleDraft(title=title, body="")])
    (article_id,) = report.added
    assert library.get(article_id).language == language


def test_the_given_language_wins() -> None:
    draft = ArticleDraft(title="The council meets on Monday", body="", language="fr")
    assert draft_language(draft) == "fr"


def test_the_body_still_decides_over_a_short_title() -> None:
    body = "Le conseil des ministres s'est réuni ce lundi pour adopter le budget de l'année."
    assert draft_language(ArticleDraft(title="Budget 2026", body=body)) == "fr"


def test_an_older_library_gains_the_languages_of_headline_only_items(tmp_path: Path) -> None:
    """A library stored by a version that read the body alone is upgraded once on open: its
    headline-only items get a language, their entity cache goes and the index is brought up
    to date, and the other articles are left alone."""
    with Library.open(tmp_path, seed=False) as lib:
        lib.store.add_many(
            [
                (ArticleDraft(title="Les éleveurs signent une trêve dans le nord", body=""), ""),
                (ArticleDraft(title="Farmers and herders agree on a truce", body=""), ""),
                (ArticleDraft(title="Zzz", body=""), ""),
                (ArticleDraft(title="Given as Spanish", body="", url="https://x.test/a"), "es"),
            ]
        )
        lib.store.set_meta("language_detection", "body-only")
        lib.sync_index()
    with Library.open(tmp_path, seed=False) as lib:
        languages = sorted(
            (row[0], row[1])
            for row in lib.store.connection.execute("SELECT title, language FROM articles")
        )
        assert languages == [
            ("Farmers and herders agree on a truce", "en"),
            ("Given as Spanish", "es"),
            ("Les éleveurs signent une trêve dans le nord", "fr"),
            ("Zzz", ""),
        ]
        lib.sync_index()
        hits = lib.search("language:fr")
        assert [hit.title for hit in hits.hits] == ["Les éleveurs signent une trêve dans le nord"]
        # Done once: a second open finds nothing to do.
        assert lib.detect_missing_languages() == 0
