"""Dates written in other languages' words and in numbers: Portuguese, Spanish, Italian, German
and Dutch month names, day-first numeric dates where the writer's language (or the feed's other
entries) says so, and a feed whose dates still cannot be read says so once."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from sahelreader.ingest import parse_date, read_file
from sahelreader.ingest.dates import day_first_for, numeric_order
from sahelreader.ingest.feed import parse_feed
from sahelreader.ingest.records import draft_from_record
from tests.cli_helpers import cli

UTC = timezone.utc


@pytest.mark.parametrize(
    "value, expected",
    [
        # Portuguese (Brazil): day and month abbreviated as RSS writes English ones
        ("Ter, 3 Jun 2025 09:15:00 -0300", datetime(2025, 6, 3, 12, 15, tzinfo=UTC)),
        ("Sex, 14 Fev 2025 08:00:00 -0300", datetime(2025, 2, 14, 11, 0, tzinfo=UTC)),
        ("Sáb, 6 Set 2025 18:30:00 -0300", datetime(2025, 9, 6, 21, 30, tzinfo=UTC)),
        ("Qui, 2 Out 2025 07:05:00 +0000", datetime(2025, 10, 2, 7, 5, tzinfo=UTC)),
        ("Dom, 7 Dez 2025 20:00:00 +0100", datetime(2025, 12, 7, 19, 0, tzinfo=UTC)),
        ("quinta-feira, 5 de junho de 2025 às 16h20", datetime(2025, 6, 5, 16, 20)),
        ("12 de março de 2025", datetime(2025, 3, 12)),
        # Spanish
        ("jueves, 5 de junio de 2025 a las 16:20", datetime(2025, 6, 5, 16, 20)),
        ("9 de enero del 2025", datetime(2025, 1, 9)),
        ("Lun, 17 Dic 2024 10:00:00 +0100", datetime(2024, 12, 17, 9, 0, tzinfo=UTC)),
        ("Mié, 22 Ene 2025 10:00:00 GMT", datetime(2025, 1, 22, 10, 0, tzinfo=UTC)),
        # Italian
        ("giovedì 5 giugno 2025 alle 16:20", datetime(2025, 6, 5, 16, 20)),
        ("Gio, 9 Gen 2025 11:00:00 +0100", datetime(2025, 1, 9, 10, 0, tzinfo=UTC)),
        ("3 mag 2025", datetime(2025, 5, 3)),
        ("21 Lug 2024", datetime(2024, 7, 21)),
        ("Ven, 10 Ott 2025 09:00:00 +0200", datetime(2025, 10, 10, 7, 0, tzinfo=UTC)),
        # German and Dutch
        ("Donnerstag, 5. Juni 2025 um 16:20 Uhr", datetime(2025, 6, 5, 16, 20)),
        ("Mi, 19 Mär 2025 08:00:00 +0100", datetime(2025, 3, 19, 7, 0, tzinfo=UTC)),
        ("4. Okt. 2024", datetime(2024, 10, 4)),
        ("12 maart 2025", datetime(2025, 3, 12)),
        # numeric dates that can be read one way only, and year-first ones
        ("23/06/2025", datetime(2025, 6, 23)),
        ("23.06.2025 14:30", datetime(2025, 6, 23, 14, 30)),
        ("23-06-2025", datetime(2025, 6, 23)),
        ("06/23/2025", datetime(2025, 6, 23)),
        ("07/07/2025", datetime(2025, 7, 7)),
        ("2025/06/23", datetime(2025, 6, 23)),
        ("2025/6/3 10:00", datetime(2025, 6, 3, 10, 0)),
    ],
)
def test_dates_in_other_languages_and_numbers(value: str, expected: datetime) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["03/04/2025", "11.10.2024", "1-2-2025"])
def test_an_ambiguous_numeric_date_needs_to_know_the_order(value: str) -> None:
    """Without the writer's habit "03/04/2025" is 3 April or March 4: no guess."""
    assert parse_date(value) is None
    first, second, year = (
        int(part) for part in value.replace(".", "/").replace("-", "/").split("/")
    )
    assert parse_date(value, day_first=True) == datetime(year, second, first)
    assert parse_date(value, day_first=False) == datetime(year, first, second)


def test_a_numeric_date_read_the_only_way_it_can_be() -> None:
    """A writer that usually puts the day first but wrote a date only month first is read."""
    assert parse_date("06/23/2025", day_first=True) == datetime(2025, 6, 23)
    assert parse_date("23/06/2025", day_first=False) == datetime(2025, 6, 23)
    assert parse_date("31/31/2025") is None


@pytest.mark.parametrize(
    "language, expected",
    [
        ("fr", True),
        ("pt-BR", True),
        ("es", True),
        ("de_DE", True),
        ("ha", True),
        ("en-GB", True),
        ("en-NG", True),
        ("en-US", False),
        ("en", None),
        ("zh", None),
        ("", None),
    ],
)
def test_day_first_for_a_language(language: str, expected: bool | None) -> None:
    assert day_first_for(language) is expected


def test_numeric_order_from_a_writers_other_dates() -> None:
    assert numeric_order(["03/04/2025", "19/04/2025", None]) is True
    assert numeric_order(["03/04/2025", "04/19/2025"]) is False
    assert numeric_order(["03/04/2025", "Tue, 26 Mar 2024 10:15:00 GMT"]) is None
    assert numeric_order(["19/04/2025", "04/19/2025"]) is None


def _feed(language: str, dates: list[str]) -> bytes:
    lang = f"<language>{language}</language>" if language else ""
    items = "".join(
        f"<item><title>Titre {n}</title><link>https://gourma.example/{n}</link>"
        f"<pubDate>{written}</pubDate><description>Le marché de Gossi a rouvert ce jour, "
        f"annonce la mairie ({n}).</description></item>"
        for n, written in enumerate(dates)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Échos du Gourma</title><link>https://gourma.example/</link>{lang}{items}"
        "</channel></rss>"
    ).encode()


def test_a_french_feed_reads_its_numeric_dates_day_first() -> None:
    feed = parse_feed(_feed("fr", ["03/04/2025", "Jeu, 3 Avr 2025 09:00:00 +0000"]))
    assert [e.published for e in feed.entries] == [
        datetime(2025, 4, 3),
        datetime(2025, 4, 3, 9, 0, tzinfo=UTC),
    ]
    assert feed.undated is None


def test_a_feed_without_language_reads_ambiguous_dates_as_its_other_entries_show() -> None:
    feed = parse_feed(_feed("", ["03/04/2025", "28/04/2025"]))
    assert [e.published for e in feed.entries] == [datetime(2025, 4, 3), datetime(2025, 4, 28)]
    feed = parse_feed(_feed("en-us", ["03/04/2025"]))
    assert [e.published for e in feed.entries] == [datetime(2025, 3, 4)]


def test_a_portuguese_feed_is_dated() -> None:
    feed = parse_feed(_feed("pt-br", ["Qua, 11 Jun 2025 08:10:00 -0300", "Seg, 1 Set 2025 14:00"]))
    assert [e.published for e in feed.entries] == [
        datetime(2025, 6, 11, 11, 10, tzinfo=UTC),
        datetime(2025, 9, 1, 14, 0),
    ]


UNREADABLE = ["le troisième jour de la lune", "03/04/2025", "hier soir"]


def test_a_feed_whose_dates_cannot_be_read_says_so_once() -> None:
    feed = parse_feed(_feed("", UNREADABLE + ["Tue, 26 Mar 2024 10:15:00 GMT"]))
    assert [e.published is None for e in feed.entries] == [True, True, True, False]
    assert feed.undated is not None
    assert "3 entries" in feed.undated and "le troisième jour de la lune" in feed.undated


def test_reading_a_feed_file_notes_unreadable_dates(tmp_path: Path) -> None:
    path = tmp_path / "gourma.rss"
    path.write_bytes(_feed("", UNREADABLE))
    with read_file(path) as stream:
        drafts = list(stream)
    assert len(drafts) == 3
    [note] = stream.notes
    assert "3 entries had a date that could not be read" in note


def test_feeds_add_and_refresh_say_dates_could_not_be_read(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "gourma.rss"
    path.write_bytes(_feed("", UNREADABLE))
    added = cli(home, "feeds", "add", str(path))
    assert added.returncode == 0, added.stderr
    assert "date that could not be read" in added.stdout + added.stderr
    path.write_bytes(_feed("", [*UNREADABLE, "hier matin"]))
    refreshed = cli(home, "refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    said = refreshed.stdout + refreshed.stderr
    assert said.count("date that could not be read") == 1, said


def test_a_record_in_a_day_first_language_is_dated() -> None:
    record = {"title": "Pluies à Mopti", "text": "Les pluies sont arrivées.", "date": "03/04/2025"}
    undated = draft_from_record(record, origin="")
    assert undated is not None and undated.published is None
    draft = draft_from_record({**record, "language": "fr"}, origin="")
    assert draft is not None and draft.published == datetime(2025, 4, 3)


def test_the_note_says_why_an_ambiguous_numeric_date_was_not_read() -> None:
    feed = parse_feed(_feed("", ["03/04/2025", "hier soir"]))
    assert feed.undated is not None and "day or month first" in feed.undated
    feed = parse_feed(_feed("", ["hier soir", "03/04/2025"]))
    assert feed.undated is not None and "day or month first" not in feed.undated
