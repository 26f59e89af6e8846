"""Across languages, a country, its capital and its head of state are named together in most of
that country's news: a summit in the capital and a trial there two days later share all three.
They count as evidence of a place and a person, not of one event: with no number and no other
name both give, reports in two languages are not linked. A town where something happened still
counts (a report and its translation name it). Every text here is invented for the test."""

from __future__ import annotations

from datetime import datetime, timezone

from sahelreader.library import Library
from sahelreader.models import ArticleDraft


def _draft(
    title: str, body: str, source: str, url: str, language: str, when: datetime
) -> ArticleDraft:
    return ArticleDraft(
        title=title, body=body, source=source, url=url, published=when, language=language
    )


# Togo: a summit in Lomé, a journalist's trial in Lomé (written by helper xlang3).
SUMMIT = _draft(
    "Gulf of Guinea leaders agree maritime patrol pact at Lomé meeting",
    "LOME (Reuters) - Leaders from coastal West African states agreed on Thursday to pool"
    " their navies against piracy at a meeting hosted by Togolese President Faure"
    " Gnassingbé in Lomé. Ghana's John Mahama and Benin's Romuald Wadagni attended, and the"
    " leaders said a joint command would be set up in Lomé under a rotating chair. Togo,"
    " Ghana and Benin will share radar data, the communique said. Piracy in the gulf has"
    " fallen since its peak, but kidnappings of crew still occur off the coast of Nigeria."
    " The European Union and the United States welcomed the agreement.",
    "Wire Desk",
    "https://wire-desk.example/lome-maritime-pact",
    "en",
    datetime(2026, 6, 4, 12, tzinfo=timezone.utc),
)
TRIAL = _draft(
    "Togo : un journaliste condamné à deux ans de prison pour diffamation",
    "Le tribunal de première instance de Lomé a condamné samedi le journaliste Koffi"
    " Amégan à deux ans de prison ferme pour diffamation envers un ministre. Le directeur"
    " de publication de l'hebdomadaire La Vigie avait mis en cause, dans une enquête, la"
    " gestion d'un marché public. Ses avocats ont annoncé qu'ils feraient appel. Les"
    " organisations de défense de la presse dénoncent un durcissement sous la présidence de"
    " Faure Gnassingbé, qui dirige le Togo depuis près de vingt ans. L'opposition réclame la"
    " libération du journaliste.",
    "Radio Littoral",
    "https://radio-littoral.example/togo-journaliste-condamne",
    "fr",
    datetime(2026, 6, 6, 18, tzinfo=timezone.utc),
)

# Burkina Faso: a new dam opened in Ouagadougou, then a strike of teachers there.
DAM = _draft(
    "Burkina Faso opens solar-powered water plant near Ouagadougou",
    "OUAGADOUGOU (Sahel Wire) - Burkina Faso's transitional president Ibrahim Traoré on"
    " Tuesday opened a water treatment plant powered by solar panels on the outskirts of"
    " Ouagadougou, the state broadcaster reported. The plant, built with funds from a Gulf"
    " lender, is meant to ease the shortages that hit the capital every dry season. Traoré"
    " told a crowd of officials that water was a matter of sovereignty. Engineers said the"
    " plant would run mostly on daylight and a battery bank at night.",
    "Sahel Wire",
    "https://sahel-wire.example/ouagadougou-water-plant",
    "en",
    datetime(2026, 3, 10, 9, tzinfo=timezone.utc),
)
STRIKE = _draft(
    "Burkina : les enseignants du privé entament une grève illimitée",
    "Les enseignants des écoles privées confessionnelles du Burkina Faso ont entamé jeudi"
    " une grève illimitée pour réclamer le paiement de plusieurs mois d'arriérés. À"
    " Ouagadougou, de nombreuses classes sont restées fermées. Le syndicat affirme avoir"
    " écrit au capitaine Ibrahim Traoré sans obtenir de réponse. Les parents d'élèves"
    " craignent une année blanche si le mouvement se prolonge.",
    "Journal du Faso",
    "https://journal-du-faso.example/greve-enseignants-prive",
    "fr",
    datetime(2026, 3, 12, 15, tzinfo=timezone.utc),
)

# One event in two languages: the same leader and capital, and the town where it happened.
FLOOD_EN = _draft(
    "Burkina Faso leader visits flooded Dédougou as river bursts its banks",
    "OUAGADOUGOU (Sahel Wire) - Burkina Faso's transitional president Ibrahim Traoré flew"
    " on Sunday to Dédougou, where the Mouhoun river burst its banks overnight and swept"
    " away houses in several districts. Traoré promised relief from Ouagadougou and asked"
    " the army to help residents who had taken refuge in schools. Rescuers were still"
    " searching for missing people in the evening.",
    "Sahel Wire",
    "https://sahel-wire.example/dedougou-flood-visit",
    "en",
    datetime(2026, 8, 2, 18, tzinfo=timezone.utc),
)
FLOOD_FR = _draft(
    "Crue du Mouhoun : le capitaine Traoré au chevet des sinistrés de Dédougou",
    "Le président de la transition, le capitaine Ibrahim Traoré, s'est rendu dimanche à"
    " Dédougou, où le fleuve Mouhoun est sorti de son lit dans la nuit, emportant des"
    " maisons dans plusieurs quartiers. Il a promis l'aide de Ouagadougou et demandé à"
    " l'armée de secourir les habitants réfugiés dans les écoles. Au Burkina Faso, les"
    " secours cherchaient encore des disparus en soirée.",
    "Journal du Faso",
    "https://journal-du-faso.example/crue-mouhoun-dedougou",
    "fr",
    datetime(2026, 8, 2, 21, tzinfo=timezone.utc),
)


def test_a_leader_and_his_capital_do_not_link_a_summit_to_a_trial(library: Library) -> None:
    summit, trial = library.add_drafts([SUMMIT, TRIAL]).added
    library.ensure_index()
    assert [c.id for c in library.related(summit).coverage] == []
    assert [c.id for c in library.related(trial).coverage] == []


def test_a_country_its_capital_and_its_leader_do_not_link_two_events(library: Library) -> None:
    dam, strike = library.add_drafts([DAM, STRIKE]).added
    library.ensure_index()
    assert [c.id for c in library.related(dam).coverage] == []
    assert [c.id for c in library.related(strike).coverage] == []


def test_the_town_where_it_happened_still_links_one_event(library: Library) -> None:
    english, french = library.add_drafts([FLOOD_EN, FLOOD_FR]).added
    library.ensure_index()
    assert [c.id for c in library.related(english).coverage] == [french]
    assert [c.id for c in library.related(french).coverage] == [english]
