"""Related coverage needs evidence beyond one common name; undated reports in two languages
find each other only on strong evidence; stories do not chain through one person.

Every article here is written for the tests (invented countries, people, towns, numbers).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.related.features import outlet_words
from sahelreader.related.stories import JOIN_SIMILARITY, choose_story, story_similarity

from .bilingual import EVENTS, english, filler, french
from .conftest import draft, utc

# A country named in a good share of the library, as "US" or "Iran" is in a news library.
COUNTRY = "Veloria"
_THEMES = [
    ("fishing quotas", "harbour", "trawlers"),
    ("school fees", "teachers", "classrooms"),
    ("rail tickets", "stations", "commuters"),
    ("water tariffs", "reservoirs", "households"),
    ("vaccine stocks", "clinics", "nurses"),
    ("coffee exports", "plantations", "growers"),
    ("bank rates", "lenders", "borrowers"),
    ("road tolls", "motorways", "drivers"),
]


def _linked(
    home: Path, first: ArticleDraft, second: ArticleDraft, background: list[ArticleDraft]
) -> tuple[bool, bool]:
    """In a library of the two and `background`: (second in first's coverage, and the
    reverse)."""
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([first, second, *background])
        lib.ensure_index()
        ids = {row.title: row.id for row in lib.rows(lib.list_ids())}
        one, two = ids[first.title], ids[second.title]
        return (
            two in [c.id for c in lib.related(one).coverage],
            one in [c.id for c in lib.related(two).coverage],
        )


def _country_background(count: int = 40) -> list[ArticleDraft]:
    """Many pieces naming the country, on other matters, over a year."""
    found = []
    for n in range(count):
        subject, place, people = _THEMES[n % len(_THEMES)]
        found.append(
            draft(
                f"{COUNTRY} reviews {subject} ({n})",
                f"The government of {COUNTRY} said it would review {subject} after complaints "
                f"from {people}. Officials visited {place} across {COUNTRY} and promised a "
                "decision before the end of the quarter.",
                source=f"Outlet {n % 5}",
                published=utc(2024, 1 + n % 12, 1 + n % 25),
                language="en",
            )
        )
    return found


# Pairs of reports the same day from two outlets, sharing the country, the topic's words and
# nothing specific: a minister's warning on growth vs an ambassador's talk on trade; a storm's
# damage to harbours vs a fishing-fleet strike.
_TOPIC_PAIRS = [
    (
        (
            f"{COUNTRY}'s economy shrinks more than expected as exports slump",
            f"The economy of {COUNTRY} shrank in the first quarter as exports slumped and "
            "households cut spending, official figures showed. Economists said foreign tariffs "
            "and weak demand for manufactured goods weighed on growth, investment and jobs.",
        ),
        (
            f"Former envoy warns {COUNTRY} on exports",
            f"Foreign tariffs and weak demand for manufactured goods threaten the exports and "
            f"the economy of {COUNTRY}, a former envoy told a forum, saying households cut "
            "spending as exports slumped in the first quarter and economists expect growth, "
            "investment and jobs to suffer, as official figures showed.",
        ),
    ),
    (
        (
            f"Storm batters harbours along {COUNTRY}'s southern coast",
            f"A storm damaged harbours along the southern coast of {COUNTRY}, sinking fishing "
            "boats and flooding warehouses. Fishermen said the season's catch was lost and "
            "asked for help to repair the quays before the winter.",
        ),
        (
            f"Fishermen keep boats in {COUNTRY}'s harbours",
            f"Fishermen kept their fishing boats in harbours along the southern coast of "
            f"{COUNTRY} over fuel prices, saying the season's catch was lost and sinking costs "
            "flooding them. They asked for help to repair their finances before the winter and "
            "blocked the quays and warehouses.",
        ),
    ),
]


@pytest.mark.parametrize("pair", _TOPIC_PAIRS)
def test_one_common_name_and_a_topic_is_not_coverage(
    home: Path, pair: tuple[tuple[str, str], tuple[str, str]]
) -> None:
    (title_a, body_a), (title_b, body_b) = pair
    day = utc(2025, 3, 12)
    first = draft(title_a, body_a, source="Morning Post", published=day, language="en")
    second = draft(title_b, body_b, source="Evening Star", published=day, language="en")
    background = [*_country_background(), *filler(40)]
    assert _linked(home, first, second, background) == (False, False)


def test_one_event_sharing_the_common_name_and_specific_ones_is_still_coverage(
    home: Path,
) -> None:
    # The same event from two outlets: the country, and a town, a minister and a count.
    day = utc(2025, 3, 12)
    first = draft(
        f"Bridge collapse near Ostrava Nui kills 23 in {COUNTRY}",
        f"A bridge collapsed near Ostrava Nui in northern {COUNTRY} on Tuesday, killing 23 "
        "people, transport minister Ilse Marrowby said. Rescuers searched the river through "
        "the night and the minister ordered an inquiry into the bridge's maintenance.",
        source="Morning Post",
        published=day,
        language="en",
    )
    second = draft(
        "Marrowby orders inquiry after deadly Ostrava Nui bridge collapse",
        "Transport minister Ilse Marrowby ordered an inquiry after the bridge at Ostrava Nui "
        f"gave way, leaving 23 dead. Divers from across {COUNTRY} joined the search in the "
        "river and engineers said the bridge had not been inspected for years.",
        source="Evening Star",
        published=day,
        language="en",
    )
    background = [*_country_background(), *filler(40)]
    assert _linked(home, first, second, background) == (True, True)


@pytest.mark.parametrize("n", range(len(EVENTS)))
def test_undated_english_and_french_reports_of_one_event_find_each_other(
    home: Path, n: int
) -> None:
    """Imported without dates (a file, a page without one), an English and a French report
    sharing a person, a town, a body, a country and a count are the same event."""
    event = EVENTS[n]
    en = replace(english(event, n), published=None)
    fr = replace(french(event, n + 2), published=None)
    assert _linked(home, en, fr, filler(80)) == (True, True)


# -- stories -------------------------------------------------------------------------------


def _story_of_an_event(extra: str) -> list[list[str]]:
    """Four reports of one event: its minister, town, body and count; one also names `extra`."""
    event = ["p:halvorsen", "l:brekka", "o:river authority", "n:41"]
    return [event, event, event, [*event, extra]]


def test_a_story_does_not_grow_through_one_person() -> None:
    # The newcomer shares the minister and a summit word with the one member that mentions the
    # summit: close to that member, far from the story (the flood it is about).
    members = _story_of_an_event("w:summit")
    weights = {key: 1.0 for keys in members for key in keys} | {"l:oslo": 1.0, "o:council": 1.0}
    newcomer = {"p:halvorsen": 1.0, "w:summit": 1.0, "l:oslo": 1.0, "o:council": 1.0}
    candidates = [(f"a{n}", 7, keys) for n, keys in enumerate(members)]
    # Without the story as a whole, it would join through its closest member.
    assert choose_story(newcomer, candidates, weights).story_id == 7
    choice = choose_story(newcomer, candidates, weights, lambda _: (members, weights))
    assert choice.story_id is None


def test_a_report_of_the_same_event_still_joins_a_large_story() -> None:
    members = _story_of_an_event("w:summit")
    weights = {key: 1.0 for keys in members for key in keys} | {"w:rescue": 1.0}
    newcomer = {"p:halvorsen": 1.0, "l:brekka": 1.0, "n:41": 1.0, "w:rescue": 1.0}
    candidates = [(f"a{n}", 7, keys) for n, keys in enumerate(members)]
    choice = choose_story(newcomer, candidates, weights, lambda _: (members, weights))
    assert choice.story_id == 7 and choice.similarity >= JOIN_SIMILARITY


def test_story_similarity_leaves_out_the_one_heaviest_shared_key() -> None:
    members = [["p:halvorsen", "l:brekka"], ["p:halvorsen", "l:brekka"]]
    weights = {"p:halvorsen": 2.0, "l:brekka": 1.0}
    assert story_similarity({"p:halvorsen": 2.0}, members, weights) == 0.0
    assert story_similarity({"p:halvorsen": 2.0, "l:brekka": 1.0}, members, weights) > 0.0


_CLUBS = ["Vantor Rovers", "Kelmoor Athletic", "Dunstable Vale", "Ostrel United", "Harrowby Town"]


def test_undated_pieces_in_two_languages_naming_the_same_clubs_are_not_coverage(
    home: Path,
) -> None:
    """A league's restart and its transfer window name the same clubs and a date's number:
    one kind of thing only (clubs), a topic, not an event."""
    clubs = ", ".join(_CLUBS)
    en = draft(
        "League transfer window: who could move in the 14-day window",
        f"The 14-day transfer window opens on Monday. {clubs} are all expected to sign "
        f"players, and {_CLUBS[0]} want a goalkeeper before their trip to {_CLUBS[1]}.",
        source="Pitchside",
        language="en",
    )
    fr = draft(
        "Le championnat reprend après 14 jours d'arrêt",
        f"Le championnat reprend après 14 jours d'arrêt avec {_CLUBS[2]} contre {_CLUBS[3]}. "
        f"{clubs} ont repris l'entraînement et {_CLUBS[4]} compte sur son attaque.",
        source="Sport Afrique",
        language="fr",
    )
    assert _linked(home, en, fr, filler(60)) == (False, False)


# One-line summaries of one event in English and Italian, dated a day apart: the recogniser
# finds little in them, but the rare capitalised names are spelt alike.
_SUMMARIES = [
    (
        "Drovalk engineers say Kestrawind turbine failed after 40 hours",
        "Drovalk said the Kestrawind prototype stopped after 40 hours of tests.",
        "Drovalk: la turbina Kestrawind si è fermata dopo 40 ore",
        "Secondo Drovalk, il prototipo Kestrawind si è fermato dopo 40 ore di prove.",
    ),
    (
        "Marvessa wins Ollendor prize for debut novel",
        "Writer Ianthe Marvessa won the Ollendor prize on Sunday, the jury said.",
        "Il premio Ollendor va a Ianthe Marvessa per il romanzo d'esordio",
        "La giuria ha assegnato domenica il premio Ollendor alla scrittrice Marvessa.",
    ),
]


@pytest.mark.parametrize("summary", _SUMMARIES)
def test_summaries_in_two_languages_sharing_rare_capitalised_names_find_each_other(
    home: Path, summary: tuple[str, str, str, str]
) -> None:
    en_title, en_body, it_title, it_body = summary
    en = draft(en_title, en_body, source="Wire A", published=utc(2025, 5, 6), language="en")
    it = draft(it_title, it_body, source="Agenzia B", published=utc(2025, 5, 7), language="it")
    assert _linked(home, en, it, filler(60)) == (True, True)


def test_summaries_in_two_languages_sharing_one_rare_name_are_not_coverage(home: Path) -> None:
    # One name in common (a writer), nothing else: another event.
    en = draft(
        "Marvessa to chair festival jury",
        "Writer Ianthe Marvessa will chair the jury of the coastal film festival.",
        source="Wire A",
        published=utc(2025, 5, 6),
        language="en",
    )
    it = draft(
        "Il premio Ollendor va a Marvessa",
        "La giuria ha assegnato domenica il premio Ollendor alla scrittrice Marvessa.",
        source="Agenzia B",
        published=utc(2025, 5, 7),
        language="it",
    )
    assert not _linked(home, en, it, filler(60))[0]


def test_two_articles_sharing_one_heavy_name_and_a_country_do_not_make_a_story() -> None:
    # A minister and the country: the same person on another matter. With the event's town
    # and count too, the same story.
    weights = {"p:halvorsen": 1.0, "l:norland": 0.2, "l:brekka": 0.6, "n:41": 0.5, "w:flood": 0.4}
    member = ["p:halvorsen", "l:norland", "l:brekka", "n:41", "w:flood"]
    other_matter = {"p:halvorsen": 1.0, "l:norland": 0.2, "w:summit": 0.5}
    same_event = {"p:halvorsen": 1.0, "l:norland": 0.2, "l:brekka": 0.6, "n:41": 0.5}
    assert choose_story(other_matter, [("a", 3, member)], weights).story_id is None
    assert choose_story(same_event, [("a", 3, member)], weights).story_id == 3


@pytest.mark.parametrize(
    ("source", "initials"),
    [("Deutsche Welle", "dw"), ("Agence France-Presse", "afp"), ("Radio Sahel Info", "rsi")],
)
def test_an_outlets_initials_are_its_name_too(source: str, initials: str) -> None:
    assert initials in outlet_words(source)
    assert len(outlet_words("BBC")) == 1  # one word: no initials


def test_two_pieces_sharing_only_rare_names_are_not_coverage(home: Path) -> None:
    # The same day, a party leader's interview naming a war's two sides, and the report of a
    # commander killed in that war: both name Dravenia and the Koltar Front (rare in the
    # library), nothing says they are one event (no word of what happened, no number).
    day = utc(2025, 3, 12)
    interview = draft(
        "Opposition leader Marla Quintove: Dravenia must talk to the Koltar Front",
        "Opposition leader Marla Quintove used a long interview to set out her party's "
        "foreign policy ahead of next spring's election. Dravenia, she argued, must open "
        "talks with the Koltar Front, and her party would press for sanctions relief, "
        "cheaper energy and lower pensions contributions if elected.",
        source="Morning Post",
        published=day,
        language="en",
    )
    killing = draft(
        "Dravenia says its airstrike killed a Koltar Front commander",
        "An airstrike on a mountain hideout killed a senior commander of the Koltar Front, "
        "the army of Dravenia announced on Wednesday, releasing drone footage of the raid. "
        "Rebel spokesmen denied the death and vowed revenge against army outposts.",
        source="Evening Star",
        published=day,
        language="en",
    )
    background = [*_country_background(), *filler(40)]
    assert _linked(home, interview, killing, background) == (False, False)


def test_the_report_of_the_day_in_another_language_is_not_crowded_out_by_older_ones(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Months of French pieces on the same minister name him more often than the French report
    # of the day; they can never pass as coverage (more than CROSS_MAX_DAYS apart), so they must
    # not take the other-language candidates' places. The places are cut to one of each kind
    # so that a tiny library shows what a large one does.
    from sahelreader.related import coverage

    monkeypatch.setattr(coverage, "CANDIDATES", 1)
    monkeypatch.setattr(coverage, "ENTITY_CANDIDATES", 1)
    monkeypatch.setattr(coverage, "CROSS_CANDIDATES", 1)
    event = EVENTS[0]
    surname = event.person.split()[-1]
    older = []
    for month in range(1, 7):
        earlier = replace(event, day=utc(2023, month, 10), number=100 + month)
        piece = french(earlier, month, source=f"Hebdo {month}")
        older.append(
            replace(
                piece,
                title=f"{piece.title} ({month})",
                body=f"{piece.body} {event.person} et la {event.org_fr} à {event.place} : "
                f"{surname} reste au centre du débat, {surname} l'a redit.",
            )
        )
    elder_english = english(replace(event, day=utc(2023, 12, 2), number=88), 1, "Old Wire")
    lib = Library.open(home, seed=False)
    lib.add_drafts([english(event, 0), french(event, 1), elder_english, *older, *filler(200)])
    lib.ensure_index()
    ids = {row.title: row.id for row in lib.rows(lib.list_ids())}
    en, fr = ids[english(event, 0).title], ids[french(event, 1).title]
    assert fr in [c.id for c in lib.related(en).coverage]
    lib.close()


# -- a capital says where: it is no specific name on its own ----------------------------------


def _capital_day(title: str, body: str, source: str) -> ArticleDraft:
    return draft(title, body, source=source, published=utc(2025, 4, 9), language="en")


PREVIEW = _capital_day(
    "Parliament vote: budget battles await the new speaker",
    "Deputies in Niamey will elect a new speaker next week, and the winner faces a battle "
    "over the budget with the two biggest parties, whose supporters filled the streets "
    "on Tuesday. The outgoing speaker left after two bitter sessions.",
    "Harbour Times",
)
MATCH = _capital_day(
    "Sahel Stars win the battle of the league's two best clubs",
    "Sahel Stars beat Riverside United in Niamey on Tuesday in a bitter battle between the "
    "league's two biggest clubs, whose supporters filled the stadium; the winner goes top "
    "next week.",
    "Coast Daily",
)
CLINIC = _capital_day(
    "Clinic battle: Niamey nurses and Dr Halima Sourgou win their case",
    "Nurses of a Niamey clinic and its director, Dr Halima Sourgou, won their battle in the "
    "labour court on Tuesday over unpaid overtime; the clinic's owners said they would pay.",
    "Coast Daily",
)
CLINIC_REPORT = _capital_day(
    "Labour court sides with Dr Halima Sourgou in clinic battle",
    "The labour court in Niamey ruled on Tuesday that a clinic must pay its nurses' overtime, "
    "in a battle led by its director, Dr Halima Sourgou; the owners said they would comply.",
    "Harbour Times",
)


def _coverage_titles(home: Path, title: str, *articles: ArticleDraft) -> list[str]:
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([*articles, *filler()])
        lib.ensure_index()
        ids = {row.title: row.id for row in lib.rows(lib.list_ids())}
        return [c.title for c in lib.related(ids[title]).coverage]


def test_a_capital_and_a_title_word_alone_are_not_coverage(home: Path) -> None:
    assert _coverage_titles(home, PREVIEW.title, PREVIEW, MATCH) == []


def test_a_capital_beside_a_rare_person_still_counts(home: Path) -> None:
    shown = _coverage_titles(home, CLINIC_REPORT.title, CLINIC_REPORT, CLINIC, PREVIEW)
    assert shown == [CLINIC.title]


MARKET_FIRE = _capital_day(
    "Fire destroys Niamey's great market",
    "A fire swept through the great market of Niamey overnight, destroying hundreds of "
    "stalls of cloth, grain and spices, traders said. Firefighters fought the blaze until "
    "dawn; the cause of the fire is not yet known.",
    "Harbour Times",
)
MARKET_LOSSES = _capital_day(
    "Traders count their losses after blaze at Niamey market",
    "Traders at the great market of Niamey counted their losses on Tuesday after a fire "
    "destroyed hundreds of stalls of cloth, grain and spices overnight. Firefighters fought "
    "the blaze until dawn, and the town hall promised help to rebuild.",
    "Coast Daily",
)


def test_a_capital_both_titles_name_is_where_the_event_is(home: Path) -> None:
    # One fire in the capital's market: the capital is the one rare name they share, and both
    # titles give it.
    shown = _coverage_titles(home, MARKET_FIRE.title, MARKET_FIRE, MARKET_LOSSES)
    assert shown == [MARKET_LOSSES.title]
