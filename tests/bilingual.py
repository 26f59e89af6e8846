"""English and French reports of the same events, written for the tests (not from any corpus).

Each event has its own people, places, bodies and numbers; each language has several
phrasings, so that no test depends on one wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sahelreader.library import Library
from sahelreader.models import ArticleDraft

from .conftest import draft, utc


@dataclass(frozen=True)
class Event:
    person: str  # full name
    role_en: str
    role_fr: str
    place: str  # a town
    country_en: str
    country_fr: str
    org_en: str
    org_fr: str
    number: int
    day: datetime


EVENTS = [
    Event(
        "Moussa Kantagoro",
        "interior minister",
        "ministre de l'Intérieur",
        "Tessaoua",
        "Niger",
        "Niger",
        "ECOWAS",
        "CEDEAO",
        37,
        utc(2024, 4, 3),
    ),
    Event(
        "Aminata Dembélé",
        "health minister",
        "ministre de la Santé",
        "Koutiala",
        "Mali",
        "Mali",
        "World Health Organization",
        "OMS",
        214,
        utc(2024, 7, 18),
    ),
    Event(
        "Issoufou Barkindo",
        "army spokesman",
        "porte-parole de l'armée",
        "Djibasso",
        "Burkina Faso",
        "Burkina Faso",
        "United Nations",
        "ONU",
        56,
        utc(2024, 9, 9),
    ),
    Event(
        "Halima Ousmane Traoré",
        "trade minister",
        "ministre du Commerce",
        "Mongo",
        "Chad",
        "Tchad",
        "African Union",
        "Union africaine",
        1250,
        utc(2024, 11, 26),
    ),
]

# Another event in the first event's country, the same days: not the same story.
SAME_COUNTRY = Event(
    "Zeinabou Garba",
    "justice minister",
    "ministre de la Justice",
    "Dogondoutchi",
    "Niger",
    "Niger",
    "African Union",
    "Union africaine",
    19,
    utc(2024, 4, 4),
)

_EN = [
    (
        "{country_en}: {number} killed in {place} as {org_en} calls for calm",
        "At least {number} people were killed in {place}, in {country_en}, on Monday, "
        "{role_en} {person} said. The {org_en} urged all sides to show restraint and sent "
        "a mission to the area. {surname} told reporters that the toll could rise and that "
        "families had fled to neighbouring villages overnight.",
    ),
    (
        "{org_en} mission heads to {place} after {number} deaths",
        "A delegation of the {org_en} left for {place} on Tuesday after clashes that left "
        "{number} dead, according to {person}, the {role_en} of {country_en}. Residents said "
        "shops stayed closed and the roads out of town were crowded with people leaving. "
        "{surname} promised an inquiry and compensation for the victims.",
    ),
    (
        "{surname} says {number} dead in {place} violence",
        "{person}, {country_en}'s {role_en}, said {number} people died in violence in "
        "{place}. The {org_en} condemned the killings in a statement and asked for an "
        "independent investigation. Aid workers described overcrowded clinics and a "
        "shortage of blood for the wounded.",
    ),
]

_FR = [
    (
        "{country_fr} : {number} morts à {place}, la {org_fr} appelle au calme",
        "Au moins {number} personnes ont été tuées à {place}, au {country_fr}, lundi, a "
        "déclaré le {role_fr}, {person}. La {org_fr} a exhorté toutes les parties à la "
        "retenue et a dépêché une mission sur place. Selon {surname}, le bilan pourrait "
        "s'alourdir ; des familles ont fui vers les villages voisins pendant la nuit.",
    ),
    (
        "Une mission de la {org_fr} attendue à {place} après {number} décès",
        "Une délégation de la {org_fr} est partie mardi pour {place} après des affrontements "
        "qui ont fait {number} morts, selon {person}, {role_fr}. Les habitants racontent "
        "que les boutiques sont restées fermées et que les routes étaient encombrées. "
        "{surname} a promis une enquête et une indemnisation des victimes.",
    ),
    (
        "Violences à {place} : {surname} annonce {number} morts",
        "{person}, {role_fr}, a annoncé que {number} personnes avaient péri dans les "
        "violences de {place}. La {org_fr} a condamné ces tueries dans un communiqué et "
        "demandé une enquête indépendante. Les humanitaires décrivent des dispensaires "
        "débordés et un manque de sang pour les blessés.",
    ),
]


def _fill(template: str, event: Event) -> str:
    values = {
        **event.__dict__,
        "surname": event.person.split()[-1],
        "number": f"{event.number:,}" if event.number < 1000 else f"{event.number:,}",
    }
    return template.format(**values)


def english(event: Event, phrasing: int, source: str = "Sahel Wire") -> ArticleDraft:
    title, body = _EN[phrasing % len(_EN)]
    return draft(
        _fill(title, event),
        _fill(body, event),
        source=source,
        published=event.day,
        language="en",
    )


def french(
    event: Event, phrasing: int, source: str = "Journal du Fleuve", days_later: int = 1
) -> ArticleDraft:
    title, body = _FR[phrasing % len(_FR)]
    values_number = f"{event.number:,}".replace(",", "\u202f")  # French thousands: 1 250
    text = _fill(body, event).replace(f"{event.number:,}", values_number)
    return draft(
        _fill(title, event).replace(f"{event.number:,}", values_number),
        text,
        source=source,
        published=event.day + timedelta(days=days_later),
        language="fr",
    )


def filler(count: int = 60) -> list[ArticleDraft]:
    """Articles on other subjects (markets, rain, schools) in both languages, spread over 2024."""
    towns = ["Zinder", "Maradi", "Dosso", "Kayes", "Ségou", "Bobo-Dioulasso", "Abéché", "Agadez"]
    found: list[ArticleDraft] = []
    for n in range(count):
        town = towns[n % len(towns)]
        day = utc(2024, 1 + n % 12, 1 + n % 27)
        if n % 2:
            found.append(
                draft(
                    f"Prix du mil en hausse sur le marché de {town} ({n})",
                    f"Les commerçants du marché de {town} constatent une hausse du prix du mil "
                    "et du sorgho depuis le début du mois. Les ménages réduisent leurs achats "
                    "et les éleveurs vendent du bétail pour payer les céréales.",
                    source="Marchés Hebdo",
                    published=day,
                    language="fr",
                )
            )
        else:
            found.append(
                draft(
                    f"Rainy season brings relief to farmers near {town} ({n})",
                    f"Farmers around {town} welcomed early rains this week, saying sowing had "
                    "started on time. Agronomists advised planting drought-tolerant seeds and "
                    "warned that a long dry spell could still hurt the harvest.",
                    source="Farm Notes",
                    published=day,
                    language="en",
                )
            )
    return found


def events_library(home: Path, *more: ArticleDraft) -> Library:
    """A library (no seed) of every event told three times (English, French a day later, and
    another wire), filler up to October, and `more`; indexed."""
    library = Library.open(home, seed=False)
    drafts = []
    for n, event in enumerate(EVENTS):
        drafts += [english(event, n), french(event, n + 1)]
        drafts.append(english(event, n + 2, source="Third Wire"))
    library.add_drafts([*drafts, *filler(10), *more])
    library.ensure_index()
    library.store.set_meta("seeded", "1")
    return library
