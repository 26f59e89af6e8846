"""A body written out in full in one article and by its acronym in another is one shared name
(issue 15: two pieces on one trade fair, one naming it by its acronym in the title and in full
once in the body, the other only in full, shared nothing but the port city).

An article that defines an acronym ("the Kessary International Naval Exhibition (KINEX)") and
then uses it is shown by the form it uses most; the other article may only give the full name,
or only the acronym. Either form of the one entity matches either form of the other's.

Every article here is written for the tests (invented fairs, firms, towns and numbers).
"""

from __future__ import annotations

from pathlib import Path

from sahelreader.entities.summary import group_entities
from sahelreader.library import Library
from sahelreader.models import ArticleDraft, Entity
from sahelreader.related.coverage import _Name, _shared
from sahelreader.related.result import Coverage

from .bilingual import filler
from .conftest import draft, utc


def _entity(text: str, kind: str, start: int) -> Entity:
    return Entity(text, kind, start, start + len(text))  # type: ignore[arg-type]


def test_a_group_keeps_every_spelling_it_was_counted_under() -> None:
    long = "Kessary International Naval Exhibition"
    entities = [
        _entity(long, "organisation", 10),
        _entity("KINEX", "organisation", 10 + len(long) + 2),
        _entity("KINEX", "organisation", 200),
        _entity("Port Velda", "place", 300),
    ]
    groups = {g.type: g for g in group_entities(entities)}
    assert groups["organisation"].name == "KINEX"  # the form used most is shown
    assert set(groups["organisation"].spellings) == {long, "KINEX"}
    assert groups["place"].spellings == ("Port Velda",)


def _fair_pieces(
    first_source: str,
    second_source: str,
    *,
    acronym_in_second: bool = False,
    exhibitor_in_second: bool = True,
) -> tuple[ArticleDraft, ArticleDraft]:
    """A firm's piece on what it will show at a fair (the fair's acronym in the title, its
    full name once, in brackets), and a report of the fair's opening the same day."""
    exhibitor_line = (
        " Among the first-time exhibitors, Dravon Aerospace brought a mock-up of its Kestrel "
        "helicopter and will fly its sea drones over the harbour."
        if exhibitor_in_second
        else ""
    )
    name = "Kessary International Naval Exhibition"
    second_name = "KINEX" if acronym_in_second else name
    exhibitor = draft(
        "Dravon Aerospace to show sea drones at 2031 KINEX fair",
        "Dravon Aerospace said Tuesday it will show its sea drones and patrol aircraft at the 2031 "
        f"{name} (KINEX) in Port Velda. The company will bring a mock-up of its Kestrel "
        "helicopter to the four-day fair, its first time at KINEX, and hopes to sign "
        "maintenance contracts with navies from the region. A company official said the "
        "drones would be flown over the harbour on the second day of KINEX.",
        source=first_source,
        published=utc(2025, 5, 27),
        language="en",
    )
    opening = draft(
        "Naval trade fair opens its doors in Port Velda",
        f"The four-day {second_name} opened in Port Velda on Tuesday, bringing together "
        "firms from dozens of countries, the navy said. Warships, sea drones, patrol aircraft "
        "and helicopters are on show at the harbour convention hall, and delegations will "
        f"hold talks on maritime security on the sidelines of the {second_name}, first held in "
        "1999." + exhibitor_line,
        source=second_source,
        published=utc(2025, 5, 27),
        language="en",
    )
    return exhibitor, opening


def _panel(
    home: Path, first: ArticleDraft, second: ArticleDraft
) -> tuple[list[Coverage], list[Coverage], str]:
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([first, second, *filler()])
        lib.ensure_index()
        ids = {row.title: row.id for row in lib.rows(lib.list_ids())}
        related = lib.related(ids[first.title])
        return list(related.coverage), list(related.more_from_outlet), ids[second.title]


def test_a_fair_named_by_its_acronym_and_in_full_is_shared(home: Path) -> None:
    coverage, outlet, other = _panel(home, *_fair_pieces("Harbour Times", "Coast Daily"))
    shown = {c.id: c for c in coverage}
    assert other in shown
    assert "KINEX" in shown[other].shared_entities


def test_the_outlets_own_piece_on_the_fair_is_listed_apart(home: Path) -> None:
    # The fair and the port are all they share by name: the fair is the specific one.
    pieces = _fair_pieces("Harbour Times", "Harbour Times", exhibitor_in_second=False)
    coverage, outlet, other = _panel(home, *pieces)
    assert other not in {c.id for c in coverage}
    assert other in {c.id for c in outlet}


def test_the_acronym_alone_on_the_other_side_is_shared_too(home: Path) -> None:
    # The opened article writes the fair in full most (and defines its acronym once); the
    # other writes only the acronym.
    name = "Kessary International Naval Exhibition"
    in_full = draft(
        f"Dravon Aerospace to show sea drones at the {name}",
        f"Dravon Aerospace said Tuesday it will show its sea drones and patrol aircraft at the "
        f"2031 {name} (KINEX) in Port Velda. The company will bring a mock-up of its Kestrel "
        f"helicopter to the four-day {name}, and hopes to sign maintenance contracts there.",
        source="Harbour Times",
        published=utc(2025, 5, 27),
        language="en",
    )
    acronym_only = draft(
        "KINEX naval trade fair opens its doors in Port Velda",
        "The four-day KINEX opened in Port Velda on Tuesday. Warships, sea drones, patrol "
        "aircraft and helicopters are on show at the harbour, and Dravon Aerospace brought a "
        "mock-up of its Kestrel helicopter to KINEX.",
        source="Coast Daily",
        published=utc(2025, 5, 27),
        language="en",
    )
    coverage, _, other = _panel(home, in_full, acronym_only)
    shown = {c.id: c for c in coverage}
    assert other in shown
    assert name in shown[other].shared_entities


def test_every_form_of_a_shared_name_is_a_names_word() -> None:
    # "exhibition" in both titles is the fair's name, whichever form each article shows.
    fair = _Name(
        "KINEX",
        "organisation",
        ("kinex",),
        frozenset({("kinex",), ("kessary", "international", "naval", "exhibition")}),
    )
    theirs = _Name(
        "Kessary International Naval Exhibition",
        "organisation",
        ("kessary", "international", "naval", "exhibition"),
        frozenset({("kessary", "international", "naval", "exhibition")}),
    )
    shared = _shared([fair], {fair.key: 1.0}, [theirs])
    assert shared.names == ["KINEX"]
    assert "exhibition" in shared.words
