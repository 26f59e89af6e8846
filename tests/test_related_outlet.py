"""What the side panel shows of the article's own outlet and of undated pieces: an outlet's
series on a topic is not its follow-up; a follow-up days later, or in an archive imported
without dates, is listed under "more from this outlet" when the evidence is strong.

The candidates here are built by hand with the evidence the scoring would find (names rare in
the library, telling numbers, title words), so that each rule is tested on its own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.related import coverage
from sahelreader.related.coverage import (
    _Candidate,
    _capitalised_words,
    _event_words,
    _evidence,
    _follow_up,
    _name_forms,
    coverage_and_outlet,
    time_factor,
)
from sahelreader.related.duplicates import Shingles, same_source
from sahelreader.related.inputs import Document

from .bilingual import filler
from .cli_helpers import cli
from .conftest import draft, utc

BODY = " ".join(["word"] * 120)  # long enough not to count as a one-line summary


def _candidate(**evidence: Any) -> _Candidate:
    """A candidate from another outlet, dated the same day, with little evidence: each test
    gives what it is about."""
    source = "Morning Post" if evidence.pop("same_source", False) else "Evening Star"
    fields: dict[str, Any] = {
        "id": evidence.pop("id", "cand0001"),
        "document": Document(
            id="cand0001",
            title="A piece",
            body=BODY,
            source=source,
            language="en",
            published=None,
        ),
        "shingles": Shingles(BODY),
        "duplicate": False,
        "published": None,
        "mlt": 0.5,
        "entity_score": 0.5,
        "shared": [],
        "strong_name": False,
        "terms": 6,
        "event_words": 3,  # of the six key words, three are no names (what happened)
        "title_terms": 0,
        "title_sim": 0.0,
        "time": 1.0,
        "roundup": False,
        "words": 120,
        "same_source": source == "Morning Post",
        "days": 0.0,
        "score": 0.5,
    }
    fields.update(evidence)
    return _Candidate(**fields)


def _shown(candidate: _Candidate) -> bool:
    return _evidence(candidate, False, 120)


@pytest.fixture
def panel(monkeypatch: pytest.MonkeyPatch) -> Any:
    """What the side panel lists for these candidates: (coverage ids, "more from this
    outlet" ids)."""

    def listed(*candidates: _Candidate) -> tuple[list[str], list[str]]:
        monkeypatch.setattr(coverage, "_candidates", lambda inputs: list(candidates))
        article = SimpleNamespace(title="A report", body=BODY)
        shown, outlet = coverage_and_outlet(SimpleNamespace(article=article))  # type: ignore[arg-type]
        return [c.id for c in shown], [c.id for c in outlet]

    return listed


# -- undated pieces: no date tells the event from the outlet's series on its topic ----------


def test_undated_pieces_sharing_rare_names_and_title_words_but_no_number_are_not_shown(
    panel: Any,
) -> None:
    # An undated interview of a fighter and the outlet's undated "fighter of the year" vote:
    # the same rare names, two title words, nothing that ties them to one event.
    series = _candidate(
        same_source=True,
        days=None,
        time=0.8,
        specific=3,
        title_terms=2,
        title_words=2,
        title_sim=0.6,
        numbers=0,
        score=0.66,
    )
    assert panel(series) == ([], [])


def test_an_undated_piece_of_another_outlet_sharing_two_rare_names_is_not_coverage() -> None:
    # A dated report and an undated piece from years before naming the same two rare names.
    other = _candidate(
        days=None,
        time=0.8,
        specific=2,
        title_terms=1,
        title_words=0,
        title_sim=0.25,
        title_name=True,
        strong_name=True,
        numbers=0,
        score=0.47,
    )
    assert not _shown(other)


@pytest.mark.parametrize(
    ("numbers", "title_sim", "title_words"),
    [(1, 0.3, 0), (2, 0.0, 0), (0, 1.0, 1), (0, 0.85, 2)],
)
def test_undated_reports_sharing_a_telling_number_or_the_same_title_are_coverage(
    numbers: int, title_sim: float, title_words: int
) -> None:
    report = _candidate(
        same_source=True,
        days=None,
        time=0.8,
        specific=2,
        title_terms=2,
        title_words=title_words,
        title_sim=title_sim,
        numbers=numbers,
        score=0.7,
    )
    assert _shown(report)


# -- "more from this outlet" ----------------------------------------------------------------


def test_an_outlets_pieces_on_a_running_topic_sharing_only_common_names_are_not_listed(
    panel: Any,
) -> None:
    # The same day, two title words ("tariffs", "trade"), a name in half the library.
    topic = _candidate(
        same_source=True, specific=0, numbers=0, title_terms=2, title_words=2, score=0.41
    )
    assert _shown(topic)  # the evidence alone would pass: two distinctive title words
    assert panel(topic) == ([], [])


def test_a_follow_up_days_later_is_listed_on_its_score_before_the_time_factor(
    panel: Any,
) -> None:
    # Six days later, the outlet's short piece on the same footage: a number, its title words.
    days = 6.3
    later = _candidate(
        same_source=True,
        days=days,
        time=time_factor(utc(2025, 4, 12), utc(2025, 4, 18) + timedelta(hours=7)),
        specific=0,
        numbers=1,
        title_terms=2,
        title_words=2,
        title_sim=1.0,
    )
    later.score = 0.45 * later.time
    assert panel(later) == ([], [later.id])


def test_a_piece_days_later_sharing_one_title_word_is_not_a_follow_up() -> None:
    later = _candidate(
        same_source=True, days=6.9, time=0.5, specific=1, title_terms=1, title_words=1, score=0.3
    )
    assert not _follow_up(later)


def test_an_undated_follow_up_with_two_title_words_and_a_rare_name_is_listed(
    panel: Any,
) -> None:
    # Two undated versions of one human-interest story from one outlet (its archive imported
    # without dates): a rare name, the age, two title words, titles saying the same thing.
    version = _candidate(
        same_source=True,
        days=None,
        time=0.8,
        specific=2,
        numbers=1,
        title_terms=2,
        title_words=2,
        title_sim=0.9,
        score=0.39,
    )
    assert panel(version) == ([], [version.id])


def test_an_undated_piece_of_the_outlets_series_whose_title_says_another_thing_is_not_listed(
    panel: Any,
) -> None:
    # An undated match report and the outlet's report of the same rider's other race: her
    # name, the sport's two title words ("slalom", "champion"), a number (a time, a rank),
    # but titles that say different things (half their distinctive words shared).
    series = _candidate(
        same_source=True,
        days=None,
        time=0.8,
        specific=2,
        numbers=1,
        title_terms=3,
        title_words=2,
        title_sim=0.55,
        score=0.5,
    )
    assert panel(series) == ([], [])


def test_an_undated_piece_sharing_one_title_word_is_not_listed() -> None:
    version = _candidate(
        same_source=True,
        days=None,
        time=0.8,
        specific=4,
        numbers=1,
        title_terms=1,
        title_words=1,
        title_sim=0.3,
        score=0.4,
    )
    assert not _follow_up(version)


# -- the bar for showing anything -----------------------------------------------------------


def test_reports_a_week_apart_keep_half_their_score() -> None:
    # A royal visit announced on a Monday, the speech it was for nine days later.
    start = utc(2025, 5, 19)
    assert time_factor(start, start + timedelta(days=9.4)) >= 0.5


def test_a_report_with_specific_evidence_just_under_the_old_bar_is_shown(panel: Any) -> None:
    # Two days apart, two rare names and two title words: scored 0.37, it is the story.
    found = _candidate(
        id="report01", days=1.9, time=0.8, specific=1, title_terms=2, title_words=2, score=0.37
    )
    assert panel(found) == (["report01"], [])


# -- names make a topic, not an event ---------------------------------------------------------


def test_a_same_day_piece_sharing_only_names_is_not_coverage(panel: Any) -> None:
    # A party leader's interview naming a war's two sides, and the report of a commander's
    # killing in that war: two rare names, a shared title word that is one of them, no key
    # word of what happened, no number.
    names_only = _candidate(specific=2, title_terms=1, title_words=1, event_words=0)
    assert not _shown(names_only)
    assert panel(names_only) == ([], [])


def test_a_piece_sharing_names_and_what_happened_is_coverage(panel: Any) -> None:
    report = _candidate(specific=2, title_terms=1, title_words=1, event_words=1)
    assert _shown(report)
    assert panel(report) == ([report.id], [])


@pytest.mark.parametrize(("numbers", "specific"), [(1, 1), (0, 3)])
def test_names_only_with_a_telling_number_or_many_rare_names_is_still_coverage(
    numbers: int, specific: int
) -> None:
    # A coach leaving one club for another: the coach and the two clubs say what happened.
    assert _shown(
        _candidate(specific=specific, numbers=numbers, title_terms=2, title_words=2, event_words=0)
    )


def test_a_names_key_words_are_no_event_words_in_any_form() -> None:
    # English key words are stemmed ("missiles" is "missil"; a country listed as a place is
    # kept whole), and a name counts in whatever form the analysis gives it: a name's stem is
    # the name.
    from sahelreader.search.analysis import word_term

    words = ["Germany", "missiles", "Velorians", "chancellor", "strike"]
    key_words = [word_term("en", w.lower()) or w for w in words]
    assert key_words[1:3] == ["missil", "velorian"]
    names = _name_forms(["germany", "velorians"], "en")
    assert _event_words(key_words, 0b11111, names) == 3
    assert _event_words(key_words, 0b00101, names) == 0
    assert _event_words(key_words, 0b10010, names) == 2


def test_capitalised_words_within_a_sentence_count_as_names() -> None:
    # A name the recogniser missed ("the army of Dravenia") is a name; a sentence's first
    # word ("Rebel") is not.
    words = _capitalised_words(
        "Troops of the Koltar Front crossed into Dravenia overnight. Rebel units withdrew, "
        "said Ilse Marrowby."
    )
    assert words == ["koltar", "front", "dravenia", "ilse", "marrowby"]


def test_capitalised_nouns_of_german_are_not_names() -> None:
    assert _capitalised_words("Die Regierung von Dravenia hat den Streik beendet.", "de") == []
    assert _capitalised_words("The army of Dravenia ended the strike.", "en") == ["dravenia"]


# -- the article's own outlet is never "other coverage" (review 12, defect 3) ---------------


def test_the_outlets_own_piece_on_the_story_is_listed_apart_however_strong(panel: Any) -> None:
    # The outlet's second piece on the event, its title nearly the article's, a high score, a
    # telling number: the strongest item there is, and still the same outlet's.
    own = _candidate(
        id="own00001",
        same_source=True,
        specific=2,
        numbers=1,
        title_terms=4,
        title_words=3,
        title_sim=0.8,
        strong_name=True,
        score=0.9,
    )
    other = _candidate(
        id="other001", specific=2, numbers=1, title_terms=2, title_words=2, score=0.7
    )
    shown, apart = panel(own, other)
    assert shown == ["other001"]
    assert apart == ["own00001"]


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("Harmattan Times", "HARMATTAN TIMES"),
        ("Harmattan Times", "Harmattan-Times"),
        ("Radio Fleuve", " radio  fleuve "),
        ("Le Sahélien", "le sahelien"),
    ],
)
def test_an_outlet_written_two_ways_is_one_outlet(mine: str, theirs: str) -> None:
    assert same_source(mine, theirs)


def test_two_outlets_are_not_one() -> None:
    assert not same_source("Harmattan Times", "Harmattan Post")


def test_an_outlets_piece_whose_title_shares_no_word_is_not_a_follow_up() -> None:
    # The same day, the same rare names (an election's candidates and parties): the titles
    # say what each piece is about, and they share nothing.
    same_names = _candidate(
        same_source=True, specific=4, title_terms=0, title_words=0, strong_name=True, score=0.6
    )
    assert not _follow_up(same_names)
    assert _follow_up(replace(same_names, title_terms=1, title_words=1))


ELECTION_NAMES = (
    "Ibrahim Maikano, of the Union for Renewal, and Hadiza Dauda, of the Alliance of Democrats,"
)
CAMPAIGN = (
    " The campaign between Maikano and Dauda has been bitter, and both candidates face each "
    "other in a televised debate on Friday before polling day."
)


def _election_piece(title: str, body: str) -> ArticleDraft:
    return draft(
        title,
        body.replace("{names}", ELECTION_NAMES) + CAMPAIGN,
        source="Sahel Wire",
        published=utc(2025, 3, 4),
        language="en",
    )


def test_an_elections_other_pieces_the_same_day_are_not_listed_apart(home: Path) -> None:
    pledges = _election_piece(
        "Candidates court farmers with irrigation pledges",
        "With the vote ten days away, {names} spent Tuesday in the river valley promising "
        "farmers new irrigation canals, cheaper fertiliser and roads to the markets. Maikano "
        "said his government would dig wells in every district, while Dauda promised to buy "
        "the harvest at a guaranteed price. Farmers said they had heard such promises before.",
    )
    poll = _election_piece(
        "Survey puts front-runner ahead by twelve points",
        "A survey of voters published on Tuesday gives a clear lead in the race between "
        "{names}. Maikano is backed by most voters in the cities, Dauda by most in the "
        "countryside, and one voter in five is still undecided, the pollsters said. The "
        "Union for Renewal welcomed the figures; the Alliance of Democrats called them wrong.",
    )
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([pledges, poll, *filler()])
        lib.ensure_index()
        ids = {row.title: row.id for row in lib.rows(lib.list_ids())}
        related = lib.related(ids[pledges.title])
    assert ids[poll.title] not in {c.id for c in related.more_from_outlet}
    assert ids[poll.title] not in {c.id for c in related.coverage}


def test_an_undated_piece_of_the_outlets_weeks_away_by_its_url_id_is_not_listed(
    panel: Any,
) -> None:
    # The outlet's pieces on one running dispute (the strike's dates, its hospitals, new
    # dates), undated, titles alike: their urls' ids put them about ten days apart.
    strong = {
        "same_source": True,
        "days": None,
        "time": 0.8,
        "specific": 3,
        "numbers": 1,
        "title_terms": 3,
        "title_words": 2,
        "title_sim": 0.9,
        "strong_name": True,
        "score": 0.7,
    }
    far = _candidate(id="far00001", estimated_days=10.5, **strong)
    near = _candidate(id="near0001", estimated_days=3.0, **strong)
    unknown = _candidate(id="unkn0001", estimated_days=None, **strong)
    assert panel(far, near, unknown) == ([], ["near0001", "unkn0001"])


def test_an_outlets_piece_sharing_a_name_in_its_title_is_a_follow_up() -> None:
    # "Johnson's bid" and "Johnson did the right thing": a name in both titles, the same
    # days; judged right about half the time, and often the article's only right item.
    name_only = _candidate(
        same_source=True, specific=2, title_terms=1, title_words=0, strong_name=True, score=0.6
    )
    assert _follow_up(name_only)


def test_a_capital_alone_does_not_make_an_outlets_follow_up() -> None:
    # The outlet's two same-day pieces share the capital and a title word: where, not what.
    capital_only = _candidate(
        same_source=True, specific=1, specific_where=1, title_terms=1, title_words=1, score=0.6
    )
    assert not _follow_up(capital_only)
    assert _follow_up(replace(capital_only, specific=2))


def test_a_capital_counts_beside_another_rare_name_or_in_both_titles() -> None:
    from sahelreader.related.coverage import _what_specific

    assert _what_specific(_candidate(specific=2, specific_where=1)) == 2  # a town and a capital
    assert _what_specific(_candidate(specific=3, specific_where=2)) == 2  # two capitals: one
    assert _what_specific(_candidate(specific=1, specific_where=1)) == 0
    assert _what_specific(_candidate(specific=1, specific_where=1, title_name=True)) == 1


def _flood_report(title: str, body: str, day: int, source: str = "River Courier") -> ArticleDraft:
    return draft(title, body, source=source, published=utc(2025, 8, day), language="en")


FLOOD_TEXT = (
    "Floodwater from the swollen Komadugu river has cut the road between Diffa and Mainé-Soroa, "
    "and {count} families have left their homes in the lowest quarters, the regional "
    "governor told reporters on {day}, adding that boats from the civil protection service "
    "were ferrying the sick and the elderly to schools on higher ground."
)


def flood_report_and_its_revision() -> tuple[ArticleDraft, ArticleDraft]:
    """One outlet's report, then the same text revised the next day under a new title."""
    first = _flood_report(
        "Komadugu floods cut Diffa road, hundreds of families flee",
        FLOOD_TEXT.format(count="three hundred", day="Monday"),
        day=4,
    )
    revised = _flood_report(
        "Diffa road still cut as Komadugu floods spread",
        FLOOD_TEXT.format(count="five hundred", day="Tuesday"),
        day=5,
    )
    return first, revised


def test_the_outlets_own_report_under_a_revised_title_the_next_day_is_listed(
    home: Path,
) -> None:
    # The outlet revised its report as the numbers grew and gave it a new title: the text is
    # nearly the same (its near-duplicate), and both versions are worth reading. It used to be
    # dropped as "the same copy again".
    first, revised = flood_report_and_its_revision()
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([first, revised, *filler()])
        lib.ensure_index()
        ids = {row.title: row.id for row in lib.rows(lib.list_ids())}
        related = lib.related(ids[first.title])
    listed = {c.id: c for c in related.more_from_outlet}
    assert ids[revised.title] in listed
    assert listed[ids[revised.title]].near_duplicate
    assert ids[revised.title] not in {c.id for c in related.coverage}
    # The CLI says which of the outlet's items is a version of the article.
    shown = cli(home, "related", ids[first.title])
    assert shown.returncode == 0, shown.stderr
    line = next(x for x in shown.stdout.splitlines() if revised.title in x)
    assert "(another version)" in line


NEWSLETTER_NOTE = (
    "Editor's note: the Sahel Letter is our twice-weekly newsletter on what you need to know "
    "about the region's politics, security and economy, and how it touches the rest of the "
    "world. Sign up to receive it in your inbox every Tuesday and Friday morning."
)


def test_one_text_under_titles_sharing_nothing_or_days_apart_is_not_listed(home: Path) -> None:
    # The outlet's standing text over pieces on other subjects (a newsletter's note), or the
    # same words over a weekly series days apart, is a template, not one report; and the same
    # title again from the outlet (a second feed's copy) is never listed.
    gold = _flood_report("Why gold diggers keep coming back to Tillabéri", NEWSLETTER_NOTE, 10)
    envoy = _flood_report("Bamako recalls its envoy after a row over visas", NEWSLETTER_NOTE, 11)
    week_one = _flood_report("Sahel week in photographs: 1 - 7 August", NEWSLETTER_NOTE, 7)
    week_two = _flood_report("Sahel week in photographs: 8 - 14 August", NEWSLETTER_NOTE, 14)
    again = _flood_report(
        "Bamako recalls its envoy after a row over visas", NEWSLETTER_NOTE + " Read on.", 11
    )
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([gold, envoy, week_one, week_two, *filler()])
        lib.add_drafts([replace(again, url="https://example.org/second-feed/envoy")])
        lib.ensure_index()
        rows = list(lib.rows(lib.list_ids()))
        by_title: dict[str, list[str]] = {}
        for row in rows:
            by_title.setdefault(row.title, []).append(row.id)
        assert len(by_title[envoy.title]) == 2  # both feeds' copies are in the library
        listed = {
            article_id: {c.id for c in lib.related(article_id).more_from_outlet}
            for article_id in [*by_title[gold.title], *by_title[envoy.title]]
            + by_title[week_two.title]
        }
    assert not any(listed.values()), listed


@pytest.mark.parametrize(
    "second_title",
    [
        "Komadugu floods cut Diffa road, hundreds of families flee.",
        "Komadugu floods cut Diffa road, hundreds of families flee - River Courier",
        "Komadugu floods cut Diffa road — hundreds of families flee",
    ],
)
def test_a_second_feeds_copy_with_its_title_punctuated_otherwise_is_no_other_version(
    home: Path, second_title: str
) -> None:
    # The same report from another of the outlet's feeds: its title has a full stop, the
    # outlet's name or a dash more, its text a line more. No revision: not listed.
    first, _ = flood_report_and_its_revision()
    copy = replace(first, title=second_title, body=first.body + " Read more on our site.")
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([first, copy, *filler()])
        lib.ensure_index()
        ids = {row.title: row.id for row in lib.rows(lib.list_ids())}
        related = lib.related(ids[first.title])
    assert ids[second_title] not in {c.id for c in related.more_from_outlet}


def test_one_teaser_over_two_reports_is_no_revision_and_a_revision_is_listed_once(
    home: Path,
) -> None:
    teaser = (
        "This report is for our subscribers. Subscribe to the River Courier from one euro a "
        "month to read all our reporting from Diffa, Zinder and the Komadugu valley, and to "
        "support independent journalism in the region."
    )
    sacked = _flood_report("Diffa governor sacked after Komadugu floods", teaser, day=4)
    bridge = _flood_report("Komadugu bridge reopens in Diffa", teaser, day=5)
    first, revised = flood_report_and_its_revision()
    again = replace(revised, body=revised.body + " Read on.")  # the revision from a 2nd feed
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([sacked, bridge, first, revised, *filler()])
        lib.add_drafts([again])
        lib.ensure_index()
        rows = list(lib.rows(lib.list_ids()))
        ids = {row.title: row.id for row in rows}
        assert sum(row.title == revised.title for row in rows) == 2
        teased = lib.related(ids[sacked.title])
        listed = lib.related(ids[first.title]).more_from_outlet
    assert ids[bridge.title] not in {c.id for c in teased.more_from_outlet}
    assert [c.title for c in listed].count(revised.title) == 1
