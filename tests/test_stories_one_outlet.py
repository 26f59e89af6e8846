"""An outlet's pieces on a running topic share its names (a club and its coaches, an election's
candidates and parties) and its day: one of its own earlier pieces is the same story only with
more in common than names, words of its title or numbers saying what happened (review 12: a
club's new coach was grouped with its old coach's move; five items of one outlet's election
coverage were one story). Reports of one event, from one outlet or several, still are one story.

Every text here is invented for the test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.models import ArticleDraft

from .bilingual import filler
from .conftest import draft

DAY = datetime(2025, 3, 14, 9, tzinfo=timezone.utc)


def _at(hours: int) -> datetime:
    return DAY.replace(hour=9 + hours)


CLUB = [
    draft(
        "Kelvindale Athletic appoint Vandermolen as coach",
        "Kelvindale Athletic have appointed the Dutchman Piet Vandermolen as their new head"
        " coach on a three-year contract, the club announced on Friday. Vandermolen, who"
        " previously managed abroad, takes over a squad that finished second in"
        " the league. Kelvindale Athletic said the search had been thorough and that"
        " Vandermolen's attacking style fitted the club's young players.",
        source="Touchline Daily",
        published=_at(0),
        language="en",
    ),
    draft(
        "Kelvindale Athletic coach Fennessy to join Sporting Alcantara",
        "Ruairi Fennessy has confirmed he will leave Kelvindale Athletic at the end of the"
        " season to join Sporting Alcantara. Fennessy, who led Kelvindale Athletic to a first"
        " league title, said the decision had been the hardest of his career. Sporting"
        " Alcantara are expected to present him next week.",
        source="Touchline Daily",
        published=_at(1),
        language="en",
    ),
]
ELECTION = [
    draft(
        "Poll puts Oyelaran ahead of Bakare-Lindqvist before Sunday's vote",
        "Ngozi Oyelaran of the Civic Renewal Party leads Tomas Bakare-Lindqvist of the"
        " National Harbour Alliance in the latest survey of voting intentions, with a lead"
        " outside the margin of error. Undecided voters remain numerous in the coastal"
        " provinces.",
        source="Harbour Times",
        published=_at(0),
        language="en",
    ),
    draft(
        "Bakare-Lindqvist promises cheaper ferries in final rally",
        "Tomas Bakare-Lindqvist of the National Harbour Alliance told supporters he would cut"
        " ferry fares for island residents, a pledge his rival Ngozi Oyelaran of the Civic"
        " Renewal Party called unaffordable. The rally closed his campaign.",
        source="Harbour Times",
        published=_at(3),
        language="en",
    ),
]
COLLAPSE = [
    draft(
        "Footbridge collapse in Marrowgate kills 14 commuters",
        "A footbridge over the railway in Marrowgate collapsed during the morning rush hour,"
        " killing 14 commuters and injuring dozens, the city's fire service said. Engineers"
        " had inspected the footbridge last year. Marrowgate's mayor Elspeth Cordwainer"
        " ordered every bridge of its design closed.",
        source="Harbour Times",
        published=_at(0),
        language="en",
    ),
    draft(
        "Marrowgate footbridge collapse: inquiry opened after 14 deaths",
        "Prosecutors opened an inquiry on Friday into the collapse of the Marrowgate"
        " footbridge, which killed 14 commuters. Mayor Elspeth Cordwainer said the city would"
        " publish the inspection reports. Rail traffic resumed in the evening.",
        source="Harbour Times",
        published=_at(5),
        language="en",
    ),
]


@pytest.fixture
def outlet_library(home: Path) -> Iterator[Library]:
    lib = Library.open(home, seed=False)
    report = lib.add_drafts([*CLUB, *ELECTION, *COLLAPSE, *filler(160)])
    assert not report.failed
    lib.ensure_index()
    lib.stories.catch_up()
    yield lib
    lib.close()


def _story_ids(lib: Library, drafts: list[ArticleDraft]) -> set[int | None]:
    ids = [next(r.id for r in lib.rows(lib.list_ids()) if r.title == d.title) for d in drafts]
    stories = [lib.stories.of_article(i) for i in ids]
    return {s.id if s is not None and len(s.articles) > 1 else None for s in stories}


def test_a_clubs_new_coach_is_not_its_old_coachs_move(outlet_library: Library) -> None:
    assert _story_ids(outlet_library, CLUB) == {None}


def test_two_pieces_on_one_election_naming_its_candidates_are_two_stories(
    outlet_library: Library,
) -> None:
    assert _story_ids(outlet_library, ELECTION) == {None}


def test_an_outlets_follow_up_on_one_event_joins_its_story(outlet_library: Library) -> None:
    found = _story_ids(outlet_library, COLLAPSE)
    assert len(found) == 1 and None not in found
