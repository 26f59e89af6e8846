"""Two outlets' short reports of one event give the same count and a word of the same title
(issue 15: five outlets' one-line summaries of one surgeon's 20-year sentence, the suspension
of threatened 50% tariffs, found nothing: few shared words, no name the recogniser found, a
text score under the bar).

A report of another outlet that passes the evidence and also shares a telling number (two
digits or more, not a year) and a distinctive title word, within a week, is shown under the
bar. A number alone, a title word alone, or both weeks apart are not enough.

Every article here is written for the tests (invented towns, people and numbers).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.related.coverage import _Candidate, _corroborated, _counted_things

from .bilingual import filler
from .conftest import draft, utc
from .test_related_outlet import _candidate

WHEN = utc(2025, 9, 16)


def _sentence(source: str, title: str, body: str, days_later: float = 0.0) -> ArticleDraft:
    return draft(
        title,
        body,
        source=source,
        published=WHEN + timedelta(days=days_later),
        language="en",
    )


def _first_report() -> ArticleDraft:
    return _sentence(
        "Harbour Times",
        "Former mayor jailed for 14 years over land sales",
        "A court in the capital sentenced the former mayor of a river town to 14 years in "
        "prison for selling public land to his relatives. Witnesses told the judges how "
        "plots meant for a school, a clinic and a cattle market were fenced off by cousins "
        "and resold to traders within weeks. His lawyers had argued that the council "
        "approved every sale; the prosecution produced forged minutes and bank transfers.",
    )


def _shown(home: Path, *others: ArticleDraft) -> dict[str, list[str]]:
    """Each article's coverage (titles), in a library of the first report, `others` and
    unrelated filler."""
    first = _first_report()
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([first, *others, *filler()])
        lib.ensure_index()
        titles = {row.id: row.title for row in lib.rows(lib.list_ids())}
        return {
            titles[i]: [titles[c.id] for c in lib.related(i).coverage]
            for i in titles
            if titles[i] in {first.title, *(o.title for o in others)}
        }


def test_short_reports_giving_the_same_count_and_a_title_word_are_coverage(home: Path) -> None:
    other = _sentence(
        "Coast Daily",
        "Ex-mayor gets 14-year sentence for selling public land",
        "The ex-mayor was found guilty of fraud and given 14 years; he says he will appeal.",
    )
    shown = _shown(home, other)
    assert shown[_first_report().title] == [other.title]
    assert shown[other.title] == [_first_report().title]


def test_the_same_count_and_title_word_weeks_apart_is_not_coverage(home: Path) -> None:
    other = _sentence(
        "Coast Daily",
        "Ex-mayor gets 14-year sentence for selling public land",
        "The ex-mayor was found guilty of fraud and given 14 years; he says he will appeal.",
        days_later=20,
    )
    assert _shown(home, other)[_first_report().title] == []


def test_a_title_word_without_the_count_is_not_coverage(home: Path) -> None:
    other = _sentence(
        "Coast Daily",
        "Ex-mayor of a lake town cleared of selling public land",
        "Judges acquitted the ex-mayor of fraud; prosecutors say they will appeal the ruling.",
    )
    assert _shown(home, other)[_first_report().title] == []


def test_the_same_number_counting_other_things_is_not_coverage(home: Path) -> None:
    # Two attacks three days apart in two towns: 12 villagers, 12 soldiers.
    villagers = _sentence(
        "Harbour Times",
        "Gunmen kill 12 villagers in attack near Tillia",
        "Gunmen on motorbikes killed 12 villagers in an attack near Tillia on Tuesday, a local "
        "official said, the third attack on the district this month.",
    )
    soldiers = _sentence(
        "Coast Daily",
        "Attack on army convoy kills 12 soldiers near Ménaka",
        "An attack on an army convoy killed 12 soldiers near Ménaka, the army said on Friday, "
        "days after another attack in the region.",
        days_later=3,
    )
    assert _shown(home, villagers, soldiers)[villagers.title] == []


# -- each condition of `_corroborated`, on a candidate just under the score bars ----------------


def _under_the_bars(**evidence: Any) -> _Candidate:
    fields: dict[str, Any] = {
        "numbers": 1,
        "counted": 1,
        "title_terms": 2,
        "title_words": 1,
        "days": 0.5,
        "score": 0.25,
    }
    fields.update(evidence)
    return _candidate(**fields)


def test_corroborated_needs_every_piece() -> None:
    assert _corroborated(_under_the_bars())
    assert not _corroborated(_under_the_bars(counted=0))  # the number counts another thing
    assert not _corroborated(_under_the_bars(title_words=0))  # only a name in both titles
    assert not _corroborated(_under_the_bars(days=8.0))  # more than a week apart
    assert not _corroborated(_under_the_bars(days=None))  # undated: no week to be within
    assert not _corroborated(_under_the_bars(score=0.15))  # too little else in common
    assert not _corroborated(_under_the_bars(other_language=True))


def test_what_a_number_counts_is_read_with_its_word() -> None:
    assert _counted_things("Ex-mayor gets 14-year sentence", "") == {"14 year"}
    assert _counted_things("jailed for 14 years", "") == {"14 year"}
    assert _counted_things("Trump threatens a 50% tariff", "50 per cent tariffs") == {"50 tariff"}
    assert _counted_things("1,250 lorries stranded", "1 250 camions bloqués", "fr") == {
        "1250 lorrie",
        "1250 camion",
    }
    # A year, a one-digit number and a function word after the number count nothing.
    assert _counted_things("In 2031, 5 people and 20 of them", "") == frozenset()
