"""A country or city named differently in English and French ("Mauritania" / "Mauritanie",
"Ivory Coast" / "Côte d'Ivoire", "Cameroon" / "Cameroun") is one story key: the bundled place
table says they are one place, and two reports of one event in the two languages share it.

Every text here is invented for the test."""

from __future__ import annotations

from datetime import datetime, timezone

from sahelreader.library import Library
from sahelreader.models import ArticleDraft

DAY = datetime(2026, 9, 8, 9, tzinfo=timezone.utc)


def _draft(
    title: str, body: str, source: str, url: str, language: str, hours: int = 0
) -> ArticleDraft:
    return ArticleDraft(
        title=title,
        body=body,
        source=source,
        url=url,
        published=DAY.replace(hour=9 + hours),
        language=language,
    )


ENGLISH = _draft(
    "Mauritanian coastguard intercepts migrant boat bound for Spain",
    "NOUAKCHOTT (Reuters) - Mauritania's coastguard intercepted a wooden boat carrying 163"
    " migrants off Nouadhibou on Monday, the interior ministry said. The passengers, most of"
    " them from Gambia and Senegal, were heading for Spain's Canary Islands. Morocco and"
    " Mauritania have stepped up patrols under a deal with the European Union.",
    "Wire Desk",
    "https://wire-desk.example/mauritania-boat",
    "en",
)
FRENCH = _draft(
    "Nouadhibou : une pirogue de 163 migrants interceptée",
    "Les garde-côtes de la Mauritanie ont intercepté lundi au large de Nouadhibou une pirogue"
    " transportant 163 migrants, selon le ministère de l'Intérieur. Les passagers, venus pour"
    " la plupart de Gambie et du Sénégal, voulaient rejoindre les îles Canaries, en Espagne."
    " Le Maroc et la Mauritanie ont renforcé leurs patrouilles dans le cadre d'un accord avec"
    " l'Union européenne.",
    "Radio Littoral",
    "https://radio-littoral.example/pirogue-nouadhibou",
    "fr",
    hours=5,
)


def _places(keys: tuple[str, ...]) -> set[str]:
    return {k for k in keys if k.startswith("l:")}


def test_a_place_named_in_either_language_is_one_story_key(library: Library) -> None:
    drafts = [
        _draft(
            "Floods in Cameroon and Ivory Coast",
            "Floods hit Cameroon and Ivory Coast and Gambia on Monday.",
            "A",
            "https://a.example/1",
            "en",
        ),
        _draft(
            "Inondations au Cameroun et en Côte d'Ivoire",
            "Des inondations ont frappé le Cameroun, la Côte d'Ivoire et la Gambie lundi.",
            "B",
            "https://b.example/1",
            "fr",
        ),
    ]
    english, french = library.add_drafts(drafts).added
    keys, _ = library.stories._keys([english, french])
    assert _places(keys[english]) == _places(keys[french])


def test_reports_naming_the_countries_in_their_own_language_share_a_story(
    library: Library,
) -> None:
    english, french = library.add_drafts([ENGLISH, FRENCH]).added
    story = library.stories.of_article(english)
    assert story is not None and {a.id for a in story.articles} == {english, french}
