"""An English wire report and a French report of the same event, in a new library of a few
articles, find each other and share a story (issue 15's "done when").

Every text here is invented for the test."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sahelreader.library import Library
from sahelreader.models import ArticleDraft

DAY = datetime(2026, 11, 20, tzinfo=timezone.utc)


def _pair(place: str, country: str, count: int) -> list[ArticleDraft]:
    english = ArticleDraft(
        title=f"Gunmen kill {count} soldiers near {place}",
        body=(
            f"{place.upper()}, {country} (AP) — Gunmen attacked an army supply convoy near "
            f"{place} on Tuesday, killing at least {count} soldiers, a local official told The "
            "Associated Press. The United Nations mission left the region last year. A resident "
            "told Sahel Watch, a local news site, that the convoy was ambushed at dawn."
        ),
        source="Sahel Daily",
        url=f"https://sahel-daily.example/{place.lower()}-convoy",
        published=DAY,
        language="en",
    )
    french = ArticleDraft(
        title=f"{count} soldats tués près de {place}",
        body=(
            f"Des hommes armés ont attaqué mardi un convoi de ravitaillement près de {place}, au "
            f"{country}, ont indiqué des sources sécuritaires à l'AFP. Au moins {count} soldats "
            "ont été tués, selon un responsable local."
        ),
        source="Radio Sahel",
        url=f"https://radio-sahel.example/{place.lower()}-convoi",
        published=DAY,
        language="fr",
    )
    return [english, french]


@pytest.mark.parametrize(
    ("place", "country", "count"),
    [("Djibo", "Burkina Faso", 12), ("Ménaka", "Mali", 17), ("Diffa", "Niger", 23)],
)
def test_an_english_and_a_french_report_of_one_event_find_each_other(
    library: Library, place: str, country: str, count: int
) -> None:
    report = library.add_drafts(_pair(place, country, count))
    library.ensure_index()
    english, french = report.added
    assert [c.id for c in library.related(english).coverage] == [french]
    assert [c.id for c in library.related(french).coverage] == [english]
    story = library.stories.of_article(english)
    assert story is not None and {a.id for a in story.articles} == {english, french}
