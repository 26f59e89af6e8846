"""Undated articles dated roughly by their url's numeric id (`related/url_ids.py`): an outlet
that numbers its pages in one growing sequence tells, through its dated pages, when an undated
one was published; the side panel uses that gap as time evidence, with a wider tolerance than a
real date's.

Every outlet, url and text here is invented.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.related.url_ids import (
    MAX_EXTRAPOLATION_DAYS,
    Timeline,
    default_anchors,
    fit_timelines,
    id_in_url,
)
from sahelreader.sources.outlets import site_word

from .conftest import draft, utc

START = datetime(2023, 1, 1)
PER_DAY = 900  # the invented outlet's pace: ids a day
FIRST_ID = 4_100_000


def _id_on(day: float) -> int:
    return FIRST_ID + int(day * PER_DAY)


def _points(days: list[float]) -> list[tuple[int, datetime]]:
    return [(_id_on(d), START + timedelta(days=d)) for d in days]


# -- reading the id ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "family", "number"),
    [
        ("https://www.dunewire.example/news/region-4123456", "dunewire:end", 4123456),
        ("https://dunewire.co.uk/sport/4123457/", "dunewire:end", 4123457),
        ("http://m.dunewire.com/fr/afrique-4123458.html", "dunewire:end", 4123458),
        (
            "https://www.savanna-post.example/7712345/politique/le-vote-du-budget/",
            "savanna-post:in",
            7712345,
        ),
        ("https://lecourrier.example/spip.php?article98765", "lecourrier:query", 98765),
        # A date before the id is no id; the id after it still is.
        ("https://gazette.example/2023/04/12/story-4400123", "gazette:end", 4400123),
    ],
)
def test_the_id_and_its_family(url: str, family: str, number: int) -> None:
    found = id_in_url(url)
    assert found is not None
    assert (found.family, found.number) == (family, number)


@pytest.mark.parametrize(
    "url",
    [
        "https://gazette.example/2023/04/12/harvest-festival-opens",  # a date, no id
        "https://gazette.example/news/20230412-harvest",  # an 8-digit date stamp
        "https://gazette.example/news/harvest-festival-opens",  # no number
        "https://gazette.example/page/12/harvest",  # a page number, too small
        "ftp://gazette.example/files/4123456",  # not a web page
        "",
    ],
)
def test_urls_without_an_article_id(url: str) -> None:
    assert id_in_url(url) is None


def test_one_outlet_on_several_domains_is_one_family() -> None:
    assert site_word("www.dunewire.co.uk") == site_word("dunewire.com:443") == "dunewire"


def test_a_relative_url_takes_its_outlets_family_when_known() -> None:
    assert id_in_url("/news/region-4123456", "Dunewire News") is None  # no family known yet
    found = id_in_url("/news/region-4123456", "Dunewire News", {"dunewire:end"})
    assert found is not None and found.family == "dunewire:end"
    assert id_in_url("/news/region-4123456", "Other Paper", {"dunewire:end"}) is None


# -- the timeline --------------------------------------------------------------------------------


def test_a_timeline_estimates_inside_its_range() -> None:
    line = Timeline.fit(_points([0, 10, 20, 30, 45, 60, 75, 90, 100, 120]))
    assert line is not None
    estimate = line.estimate(_id_on(50))
    assert estimate is not None and not estimate.outside
    assert abs(estimate.day - (line.estimate(_id_on(0)).day + 50)) < 1.0  # type: ignore[union-attr]
    assert estimate.margin < 2.0


def test_the_margin_grows_outside_the_range_and_stops_far_from_it() -> None:
    line = Timeline.fit(_points([0, 10, 20, 30, 45, 60, 75, 90, 100, 120]))
    assert line is not None
    inside = line.estimate(_id_on(60))
    near = line.estimate(_id_on(150))
    far = line.estimate(_id_on(120 + MAX_EXTRAPOLATION_DAYS + 30))
    assert inside is not None and near is not None
    assert near.outside and near.margin > inside.margin + 5
    assert far is None


def test_too_few_dated_points_give_no_timeline() -> None:
    assert Timeline.fit(_points([0, 5, 10, 20])) is None
    # Many points, all on one day: no pace can be read.
    assert Timeline.fit([(_id_on(0) + i * 7, START) for i in range(20)]) is None


def test_numbers_that_do_not_grow_with_time_give_no_timeline() -> None:
    shuffled = random.Random(4).sample(range(20), 20)
    points = [(_id_on(d), START + timedelta(days=30 * s)) for d, s in enumerate(shuffled)]
    assert Timeline.fit(points) is None


def test_a_few_late_pages_do_not_bend_the_timeline() -> None:
    points = _points([float(d) for d in range(0, 100, 4)])
    # An old page republished months later keeps its old id.
    points.append((_id_on(10), START + timedelta(days=95)))
    line = Timeline.fit(points)
    assert line is not None
    gap = line.gap(_id_on(40), _id_on(43))
    assert gap is not None and abs(gap.days - 3) < 1.5


def test_library_timelines_and_default_anchors() -> None:
    dated = [
        (f"https://dunewire.example/news/item-{n}", "Dunewire", when)
        for n, when in _points([0, 9, 18, 27, 36, 45, 54, 63, 72, 81])
    ]
    timelines = fit_timelines(dated, anchors={})
    gap = timelines.gap(
        (f"https://dunewire.example/news/a-{_id_on(20)}", "Dunewire"),
        (f"https://dunewire.example/news/b-{_id_on(23)}", "Dunewire"),
    )
    assert gap is not None and abs(gap.days - 3) < 1.0
    # Two families: no gap between them.
    assert (
        timelines.gap(
            (f"https://dunewire.example/news/a-{_id_on(20)}", "Dunewire"),
            (f"https://otherpaper.example/news/b-{_id_on(23)}", "Other Paper"),
        )
        is None
    )
    # The shipped anchors are facts (an id and a day) of a few outlets, fitted on their own.
    anchors = default_anchors()
    assert anchors and all(Timeline.fit(*entry) is not None for entry in anchors.values())


# -- the side panel ------------------------------------------------------------------------------

OUTLET = "Dunewire"
SITE = "https://www.dunewire.example/news"

# Dated pages of the outlet on other matters: the library's own calibration of its ids.
CALIBRATION = [
    draft(
        f"{topic} report number {i}",
        f"A report on {topic.lower()} in the province, item {i}. " + " ".join(filler),
        source=OUTLET,
        url=f"{SITE}/{slug}-{_id_on(day)}",
        published=utc(2023, 1, 1) + timedelta(days=day),
        language="en",
    )
    for i, (day, topic, slug, filler) in enumerate(
        [
            (0, "Weather", "weather", ["rain", "clouds", "season"]),
            (25, "Markets", "markets", ["millet", "prices", "traders"]),
            (50, "Schools", "schools", ["pupils", "teachers", "exams"]),
            (75, "Roads", "roads", ["tarmac", "bridge", "lorries"]),
            (100, "Health", "health", ["clinic", "vaccines", "nurses"]),
            (125, "Water", "water", ["wells", "pumps", "villages"]),
            (150, "Football", "football", ["league", "stadium", "goals"]),
            (175, "Music", "music", ["festival", "singers", "stage"]),
            (200, "Farming", "farming", ["sorghum", "harvest", "fields"]),
            (225, "Transport", "transport", ["buses", "fares", "drivers"]),
            (250, "Energy", "energy", ["solar", "grid", "outages"]),
            (275, "Housing", "housing", ["rents", "builders", "plots"]),
        ]
    )
]

FLOOD = draft(
    "Floods cut the Korvanta bridge near Tessaoua",
    "Floodwater cut the Korvanta bridge near Tessaoua on Monday, stranding 340 lorries, "
    "the regional governor Ibrahim Maltoka said. Engineers from the public works ministry "
    "were sent to assess the damage to the bridge, and traders warned that grain prices "
    "would rise if the crossing stayed closed for long.",
    source=OUTLET,
    url=f"{SITE}/region-{_id_on(60)}",
    language="en",
)
# The outlet's follow-up three days later: its title says more than the first one's (the
# crossing reopening), so no rule for undated pages could tell it from the outlet's series on
# floods.
REOPENED = draft(
    "Korvanta bridge: lorries roll again as a temporary crossing opens at Tessaoua",
    "A temporary crossing opened on Thursday beside the Korvanta bridge near Tessaoua, three "
    "days after floods cut it, and the 340 lorries stranded there began to move, governor "
    "Ibrahim Maltoka said. Engineers of the public works ministry said repairs to the bridge "
    "would take weeks.",
    source=OUTLET,
    url=f"{SITE}/region-{_id_on(63)}",
    language="en",
)
# The outlet's piece on the same bridge 200 days later: another event of the topic, though
# its title and figures are alike.
ANNIVERSARY = draft(
    "Floods cut the Korvanta bridge near Tessaoua again",
    "Floodwater cut the Korvanta bridge near Tessaoua again, stranding 340 lorries as in the "
    "last rainy season, governor Ibrahim Maltoka said. Engineers from the public works "
    "ministry were sent to assess the damage to the bridge, and traders warned that grain "
    "prices would rise.",
    source=OUTLET,
    url=f"{SITE}/region-{_id_on(260)}",
    language="en",
)


def _panel(lib: Library, title: str) -> tuple[set[str], set[str]]:
    by_title = {row.title: row.id for row in lib.rows(lib.list_ids())}
    found = lib.related(by_title[title])
    return {c.title for c in found.coverage}, {c.title for c in found.more_from_outlet}


def test_an_undated_follow_up_days_later_is_listed_a_later_piece_is_not(home: Path) -> None:
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([*CALIBRATION, FLOOD, REOPENED, ANNIVERSARY])
        lib.ensure_index()
        coverage, outlet = _panel(lib, FLOOD.title)
        assert not coverage  # one outlet: never "other coverage"
        assert REOPENED.title in outlet  # three days later by its id: its follow-up
        assert ANNIVERSARY.title not in outlet  # 200 days later by its id: another event
    finally:
        lib.close()


def test_without_dated_pages_of_the_outlet_nothing_is_estimated(home: Path) -> None:
    lib = Library.open(home, seed=False)
    try:
        # Too few dated pages to calibrate the outlet's ids: undated pages are judged as
        # before (titles saying the same thing), whatever their ids.
        lib.add_drafts([*CALIBRATION[:3], FLOOD, REOPENED, ANNIVERSARY])
        lib.ensure_index()
        assert not lib.url_timelines().of("dunewire:end")
        _, outlet = _panel(lib, FLOOD.title)
        assert REOPENED.title not in outlet
        assert ANNIVERSARY.title in outlet
    finally:
        lib.close()


def test_urls_without_ids_are_judged_as_before(home: Path) -> None:
    plain = [
        draft(d.title, d.body, source=d.source, url=f"{SITE}/{slug}", language="en")
        for d, slug in (
            (FLOOD, "bridge-cut"),
            (REOPENED, "crossing-opens"),
            (ANNIVERSARY, "cut-again"),
        )
    ]
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([*CALIBRATION, *plain])
        lib.ensure_index()
        _, outlet = _panel(lib, FLOOD.title)
        assert REOPENED.title not in outlet
        assert ANNIVERSARY.title in outlet
    finally:
        lib.close()


# One outlet's services in two languages share its sequence (one site, one id family).
FRENCH_SITE = "https://www.dunewire.example/afrique"
FLOOD_FR_LATER = draft(
    "Korvanta : les crues coupent encore le pont près de Tessaoua, selon Ibrahim Maltoka",
    "Les crues ont de nouveau coupé le pont de Korvanta près de Tessaoua, bloquant 340 camions "
    "comme lors de la dernière saison des pluies, a déclaré le gouverneur Ibrahim Maltoka. Des "
    "ingénieurs du ministère des travaux publics ont été envoyés à Tessaoua.",
    source="Dunewire Afrique",
    url=f"{FRENCH_SITE}/region-{_id_on(260)}",
    language="fr",
)
FLOOD_FR_SAME_WEEK = draft(
    "Korvanta : les crues coupent le pont près de Tessaoua, selon Ibrahim Maltoka",
    "Les crues ont coupé le pont de Korvanta près de Tessaoua lundi, bloquant 340 camions, a "
    "déclaré le gouverneur Ibrahim Maltoka. Des ingénieurs du ministère des travaux publics "
    "ont été envoyés à Tessaoua.",
    source="Dunewire Afrique",
    url=f"{FRENCH_SITE}/region-{_id_on(61)}",
    language="fr",
)
FLOOD_EN = draft(
    "Korvanta bridge near Tessaoua cut by floods, says Ibrahim Maltoka",
    FLOOD.body,
    source=OUTLET,
    url=FLOOD.url,
    language="en",
)


@pytest.mark.parametrize(("french", "shown"), [(FLOOD_FR_LATER, False), (FLOOD_FR_SAME_WEEK, True)])
def test_another_language_service_of_the_outlet_by_its_ids(
    home: Path, french: object, shown: bool
) -> None:
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([*CALIBRATION, FLOOD_EN, french])  # type: ignore[list-item]
        lib.ensure_index()
        coverage, outlet = _panel(lib, FLOOD_EN.title)
        assert (french.title in coverage | outlet) is shown  # type: ignore[attr-defined]
    finally:
        lib.close()


# The outlet's next piece on the same bridge eleven days later by its id: the repairs, another
# step of the topic, its title and figures alike.
REPAIRS = draft(
    "Korvanta bridge near Tessaoua: repairs begin after the floods",
    "Repairs began on the Korvanta bridge near Tessaoua, cut by floodwater that stranded 340 "
    "lorries, governor Ibrahim Maltoka said. Engineers from the public works ministry said "
    "the bridge would reopen to lorries within weeks, and traders said grain prices had "
    "risen since the floods.",
    source=OUTLET,
    url=f"{SITE}/region-{_id_on(71)}",
    language="en",
)


def test_an_undated_piece_of_the_outlet_over_a_week_away_by_its_id_is_not_listed(
    home: Path,
) -> None:
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([*CALIBRATION, FLOOD, REOPENED, REPAIRS])
        lib.ensure_index()
        _, outlet = _panel(lib, FLOOD.title)
        assert REOPENED.title in outlet  # three days later
        assert REPAIRS.title not in outlet  # eleven days later: the outlet's next piece
    finally:
        lib.close()
