"""Two outlets' headlines saying the same thing within a day are coverage of one event, even
when every name they share is one of the most written of the library (issue 15: two outlets'
"X 'disappointed' by Y's bill", hours apart, found nothing: the names were in hundreds of
articles, so not specific, and a one-line summary gives no number).

Not from the article's own outlet (its pieces on one topic repeat the topic's title words), not
days apart, not titles sharing only part of what they say.

Every article here is written for the tests (invented people, places and numbers).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.related.coverage import _Candidate, _specific_evidence

from .bilingual import filler
from .conftest import draft, utc
from .test_related_outlet import _candidate

WHEN = utc(2025, 3, 4) + timedelta(hours=9)

TOPICS = [
    "the new port on the lagoon",
    "teachers' pay",
    "the drought in the east",
    "the census",
    "a border dispute with the north",
    "the price of fuel",
    "the national football team",
    "the rail line to the coast",
    "the budget for hospitals",
    "the cotton harvest",
    "a visit by a foreign minister",
    "the election calendar",
    "the central bank's rates",
    "floods in the capital",
]


def _much_written() -> list[ArticleDraft]:
    """The two men of the story are in most of the month's news, on every topic."""
    return [
        draft(
            f"Ostrander and Valcourt at odds over {topic} ({n})",
            f"President Valcourt said on day {n} that {topic} would be settled soon, while the "
            f"businessman Rolf Ostrander, his former adviser, said the plans for {topic} were "
            "badly made and that officials were not listening to traders.",
            source=("Daily Ledger", "Evening Star", "Coast Wire")[n % 3],
            published=WHEN - timedelta(days=2 + n),
            language="en",
        )
        for n, topic in enumerate(TOPICS)
    ]


def _summary(source: str, title: str, body: str, hours_later: float = 0.0) -> ArticleDraft:
    return draft(
        title, body, source=source, published=WHEN + timedelta(hours=hours_later), language="en"
    )


FIRST = _summary(
    "Daily Ledger",
    "Ostrander 'dismayed' by Valcourt's plans",
    "Rolf Ostrander says President Valcourt's plans undo the savings his commission found.",
)


def _coverage_of_first(home: Path, *others: ArticleDraft) -> list[str]:
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([FIRST, *others, *_much_written(), *filler(30)])
        lib.ensure_index()
        titles = {row.id: row.title for row in lib.rows(lib.list_ids())}
        first = next(i for i, title in titles.items() if title == FIRST.title)
        return [titles[c.id] for c in lib.related(first).coverage]


def test_another_outlets_headline_saying_the_same_the_same_day_is_coverage(home: Path) -> None:
    other = _summary(
        "Coast Wire",
        "Ostrander 'dismayed' by Valcourt's spending plans",
        "As head of the savings commission, Rolf Ostrander had worked to cut the spending "
        "President Valcourt now plans.",
        hours_later=2,
    )
    assert _coverage_of_first(home, other) == [other.title]


def test_the_same_headline_days_later_is_not_enough(home: Path) -> None:
    other = _summary(
        "Coast Wire",
        "Ostrander 'dismayed' by Valcourt's spending plans",
        "As head of the savings commission, Rolf Ostrander had worked to cut the spending "
        "President Valcourt now plans.",
        hours_later=24 * 5,
    )
    assert _coverage_of_first(home, other) == []


def test_a_headline_sharing_only_the_names_and_one_word_is_not_enough(home: Path) -> None:
    other = _summary(
        "Coast Wire",
        "Valcourt names Ostrander's nephew to head the mining board",
        "The appointment surprised members of the board, who had expected a geologist.",
        hours_later=2,
    )
    assert _coverage_of_first(home, other) == []


# -- each condition of `_same_headline`, on a candidate with no specific name -------------------


def _same_headline(**evidence: Any) -> _Candidate:
    fields: dict[str, Any] = {
        "specific": 0,
        "numbers": 0,
        "title_terms": 3,
        "title_words": 1,
        "title_sim": 0.9,
        "days": 0.1,
    }
    fields.update(evidence)
    return _candidate(**fields)


def test_same_headline_needs_every_piece() -> None:
    assert _specific_evidence(_same_headline())
    assert not _specific_evidence(_same_headline(title_sim=0.6))  # says part of it only
    assert not _specific_evidence(_same_headline(title_terms=2))  # too few words to tell
    assert not _specific_evidence(_same_headline(title_words=0))  # only names in common
    assert not _specific_evidence(_same_headline(days=1.5))  # not the same news day
    assert not _specific_evidence(_same_headline(days=None))  # undated: no day to share
    assert not _specific_evidence(_same_headline(same_source=True))  # the outlet's own pieces
