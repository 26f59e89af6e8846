"""Coverage across languages, and stories: English and French reports of one event find each
other and share a story; other events do not join it; stories are kept up incrementally."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from sahelreader.library import Library
from sahelreader.models import ArticleDraft
from sahelreader.related.features import entity_key, numbers_in
from sahelreader.store.database import Store
from sahelreader.store.schema import MIGRATIONS, SCHEMA_VERSION

from .bilingual import EVENTS, SAME_COUNTRY, Event, english, filler, french
from .cli_helpers import cli
from .conftest import draft, utc


def _event_articles() -> list[ArticleDraft]:
    """Each event reported in English by one outlet and in French by another, each pair in
    other phrasings; a second event in the first one's country, the same days."""
    found = []
    for n, event in enumerate(EVENTS):
        found += [english(event, n), french(event, n + 1)]
    found += [english(SAME_COUNTRY, 2, source="Other Wire"), french(SAME_COUNTRY, 0, "Autre")]
    return found


@pytest.fixture
def bilingual(home: Path) -> Iterator[Library]:
    lib = Library.open(home, seed=False)
    report = lib.add_drafts([*_event_articles(), *filler(80)])
    assert not report.failed
    lib.ensure_index()
    yield lib
    lib.close()


def _id(lib: Library, title: str) -> str:
    return next(row.id for row in lib.rows(lib.list_ids()) if row.title == title)


def _pair(lib: Library, event: Event, n: int) -> tuple[str, str]:
    return _id(lib, english(event, n).title), _id(lib, french(event, n + 1).title)


@pytest.mark.parametrize("n", range(len(EVENTS)))
def test_english_and_french_reports_of_one_event_find_each_other(
    bilingual: Library, n: int
) -> None:
    en, fr = _pair(bilingual, EVENTS[n], n)
    assert fr in [c.id for c in bilingual.related(en).coverage]
    assert en in [c.id for c in bilingual.related(fr).coverage]
    story = bilingual.stories.of_article(en)
    assert story is not None
    assert {a.id for a in story.articles} == {en, fr}
    assert set(story.languages) == {"en", "fr"}


@pytest.mark.parametrize("n", range(len(EVENTS)))
def test_a_new_library_of_a_few_articles_links_the_two_languages(home: Path, n: int) -> None:
    # A new user's first few articles: every name is in a large share of them, so rarity
    # measured on the library alone made no name rare, and the English and French reports of
    # one event found nothing (a 4-article library; with 80 more articles they did).
    event = EVENTS[n]
    other = EVENTS[(n + 1) % len(EVENTS)]
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([english(event, n), french(event, n + 1), english(other, n + 2)])
        lib.ensure_index()
        en, fr = _pair(lib, event, n)
        assert [c.id for c in lib.related(en).coverage] == [fr]
        assert [c.id for c in lib.related(fr).coverage] == [en]
        story = lib.stories.of_article(en)
        assert story is not None and {a.id for a in story.articles} == {en, fr}
        lone = lib.stories.of_article(_id(lib, english(other, n + 2).title))
        assert lone is None or len(lone.articles) == 1
    finally:
        lib.close()


@pytest.mark.parametrize("n", range(len(EVENTS)))
def test_a_report_in_another_language_does_not_push_out_one_in_the_same(home: Path, n: int) -> None:
    # Another outlet's English report of the event was cut: an item must score 65% of the
    # best, and the French report's score (names and numbers, on another scale) was the best.
    event = EVENTS[n]
    first, other = english(event, 0, source="Sahel Wire"), english(event, 2, source="Other Wire")
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([first, other, french(event, 1), *filler(80)])
        lib.ensure_index()
        shown = [c.id for c in lib.related(_id(lib, first.title)).coverage]
        assert _id(lib, other.title) in shown
        assert _id(lib, french(event, 1).title) in shown
    finally:
        lib.close()


def test_another_event_in_the_same_country_is_not_the_same_story(bilingual: Library) -> None:
    en, fr = _pair(bilingual, EVENTS[0], 0)
    other = _id(bilingual, english(SAME_COUNTRY, 2).title)
    other_fr = _id(bilingual, french(SAME_COUNTRY, 0).title)
    for article in (en, fr):
        shown = {c.id for c in bilingual.related(article).coverage}
        assert not shown & {other, other_fr}
    mine, theirs = bilingual.stories.of_article(en), bilingual.stories.of_article(other)
    assert mine is not None and theirs is not None and mine.id != theirs.id
    assert {a.id for a in theirs.articles} == {other, other_fr}


def follow_up_of(event: Event) -> ArticleDraft:
    """The same outlet's piece two days later: the story's aftermath, another event. Its
    title says what it follows (the killings), not only where: an outlet's pieces whose titles
    share only a name are its series on a topic, not its follow-ups."""
    return draft(
        f"Clinics in {event.place} stretched as wounded arrive after {event.number} killed",
        f"Doctors in {event.place} said on Wednesday that they were running short of beds, "
        f"two days after the violence that {event.person} said had killed {event.number} "
        f"people. The {event.org_en} flew in medical supplies and surgeons. Relatives queued "
        "outside the main hospital for news of the wounded, and volunteers gave blood.",
        source="Sahel Wire",
        published=event.day + timedelta(days=2),
        language="en",
    )


def test_same_outlet_follow_up_is_listed_as_more_from_this_outlet(home: Path) -> None:
    event = EVENTS[1]
    first = english(event, 0, source="Sahel Wire")
    follow_up = follow_up_of(event)
    lib = Library.open(home, seed=False)
    try:
        lib.add_drafts([first, follow_up, *filler(80)])
        lib.ensure_index()
        found = lib.related(_id(lib, first.title))
        follow_id = _id(lib, follow_up.title)
        assert follow_id not in [c.id for c in found.coverage]
        assert [c.id for c in found.more_from_outlet] == [follow_id]
    finally:
        lib.close()


def test_an_added_article_is_placed_without_regrouping_the_library(bilingual: Library) -> None:
    before = dict(
        bilingual.store.connection.execute("SELECT article_id, story_id FROM story_articles")
    )
    event = EVENTS[2]
    report = bilingual.add_drafts([english(event, 1, source="Third Wire")])
    added = report.added[0]
    after = dict(
        bilingual.store.connection.execute("SELECT article_id, story_id FROM story_articles")
    )
    assert {k: v for k, v in after.items() if k != added} == before
    en, _fr = _pair(bilingual, event, 2)
    # One article placed, into the event's story: one story touched, none created.
    assert after[added] == before[en]
    story = bilingual.stories.of_article(added)
    assert story is not None and "Third Wire" in story.outlets


def test_the_place_report_counts_what_an_add_touched(bilingual: Library) -> None:
    event = EVENTS[3]
    placed = bilingual.stories.place([_pair(bilingual, event, 3)[0]])
    assert placed.placed == 1 and placed.created == 0 and len(placed.touched) == 1


def test_removing_an_article_updates_its_story(bilingual: Library) -> None:
    en, fr = _pair(bilingual, EVENTS[0], 0)
    bilingual.remove([fr])
    story = bilingual.stories.of_article(en)
    assert story is not None
    assert [a.id for a in story.articles] == [en] and story.languages == ("en",)
    # Its keys no longer count: nothing left holds the French report's.
    rows = bilingual.store.connection.execute(
        "SELECT COUNT(*) FROM story_features WHERE article_id = ?", (fr,)
    ).fetchone()
    assert rows[0] == 0


def test_rebuild_groups_as_the_incremental_adds_did(bilingual: Library) -> None:
    def groups() -> set[frozenset[str]]:
        return {frozenset(a.id for a in s.articles) for s in bilingual.stories.recent(None)}

    incremental = groups()
    report = bilingual.stories.rebuild()
    assert report.placed == bilingual.count()
    assert groups() == incremental


def test_recent_stories_are_listed_latest_first_with_outlets_and_dates(
    bilingual: Library,
) -> None:
    stories = bilingual.stories.recent(days=None)
    lasts = [s.last for s in stories]
    assert lasts == sorted(lasts, reverse=True)  # type: ignore[type-var]
    latest = stories[0]
    assert latest.title == english(EVENTS[3], 3).title  # its earliest article's
    assert latest.first == EVENTS[3].day and latest.last == EVENTS[3].day + timedelta(days=1)
    assert latest.outlets == ("Sahel Wire", "Journal du Fleuve")
    # The window ends on the newest story's last day, not on the newest article (a filler
    # piece alone, weeks later): the days up to it hold the stories active in them.
    newest = max(row.published for row in bilingual.rows(bilingual.list_ids()) if row.published)
    until = bilingual.stories.window_end()
    assert until is not None and until.date() == latest.last.date() < newest.date()
    assert [s.id for s in bilingual.stories.recent(days=1)] == [latest.id]
    days = (until - stories[1].last).days + 1  # type: ignore[operator]
    within = bilingual.stories.recent(days=days)
    assert [s.id for s in within] == [s.id for s in stories[:2]]


def test_entity_keys_and_numbers_do_not_depend_on_the_language() -> None:
    assert entity_key("CEDEAO", "organisation") == entity_key("ECOWAS", "organisation")
    assert entity_key("ONU", "organisation") == entity_key("United Nations", "organisation")
    assert entity_key("Tiani", "person") == entity_key("Abdourahamane Tiani", "person")
    assert entity_key("Ségou", "place") == entity_key("Segou", "place")
    assert numbers_in("1,250 killed; 12 soldiers, in 2024") == ["1250", "12"]
    assert numbers_in("1\u202f250 morts ; 12 soldats, en 2024") == ["1250", "12"]
    assert numbers_in("3.5 percent, 1 dead, 0,5 %") == []


def test_a_version_6_library_upgrades_and_groups_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "home" / "library.db"
    path.parent.mkdir()
    with sqlite3.connect(path) as conn:
        for script in MIGRATIONS[:6]:
            conn.executescript(script)
        conn.execute("PRAGMA user_version = 6")
    store = Store(path)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()
    lib = Library.open(tmp_path / "home", seed=False)
    try:
        lib.store.add_many([(d, d.language) for d in _event_articles()])  # stored, not placed
        assert lib.stories.unplaced() == len(_event_articles())
        lib.stories.catch_up()
        assert lib.stories.unplaced() == 0
        assert len(lib.stories.recent(None)) == len(EVENTS) + 1
    finally:
        lib.close()


def test_cli_stories_json_and_related_story(home: Path) -> None:
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([*_event_articles(), *filler(20)])
        en, fr = _pair(lib, EVENTS[1], 1)
    result = cli(home, "stories", "--days", "400", "--json")
    assert result.returncode == 0, result.stderr
    stories = json.loads(result.stdout)
    assert stories and all(
        set(s)
        == {
            "id",
            "title",
            "articles",
            "article_ids",
            "outlets",
            "languages",
            "first",
            "last",
            "growth",
        }
        and len(s["article_ids"]) == s["articles"]
        for s in stories
    )
    mine = next(s for s in stories if s["title"] == english(EVENTS[1], 1).title)
    assert mine["articles"] == 2 and mine["languages"] == ["en", "fr"]
    assert set(mine["article_ids"]) == {en, fr}
    assert mine["first"].startswith(EVENTS[1].day.date().isoformat())
    related = json.loads(cli(home, "related", fr, "--json").stdout)
    assert related["story"]["id"] == mine["id"]
    assert en in [c["id"] for c in related["coverage"]]
    assert "more_from_outlet" in related
    assert cli(home, "stories", "--rebuild").returncode == 0


def test_doctor_groups_articles_that_are_in_no_story(home: Path) -> None:
    with Library.open(home, seed=False) as lib:
        lib.store.add_many([(d, d.language) for d in _event_articles()])  # stored, not placed
        lib.ensure_index()
        findings = {f.what: f for f in lib.doctor()}
        assert findings["stories"].repaired
        assert lib.stories.unplaced() == 0
        assert "stories" not in {f.what for f in lib.doctor()}


# Two matches of one rivalry, in two languages, undated (a summary page, an archive): the same
# clubs, coach and league, not the same event.
_CLUBS = [
    ("Kano Pillars", "Enyimba", "Abdullahi Maikaba", "Nigeria Premier Football League"),
    ("Asante Kotoko", "Hearts of Oak", "Prosper Ogum", "Ghana Premier League"),
]


def _match_report_en(home: str, away: str, coach: str, league: str) -> ArticleDraft:
    return draft(
        f"{home} hold {away} in tense derby",
        f"{home} and {away} drew 2-2 in the {league} on Sunday. {coach} said his players had "
        f"shown character after falling behind twice, and that {home} would fight for the "
        "title until the last day of the season.",
        source="Pitchside",
        language="en",
    )


def _match_report_fr(home: str, away: str, coach: str, league: str) -> ArticleDraft:
    return draft(
        f"{away} s'impose face à {home}",
        f"{away} a battu {home} 2 buts à 1 lors de la phase retour du championnat. "
        f"L'entraîneur {coach} a regretté les occasions manquées et promis une réaction "
        f"avant la fin de la {league}.",
        source="Sport Afrique",
        language="fr",
    )


def test_undated_reports_in_two_languages_sharing_a_topic_are_not_coverage(home: Path) -> None:
    with Library.open(home, seed=False) as lib:
        lib.add_drafts(
            [
                *(_match_report_en(*clubs) for clubs in _CLUBS),
                *(_match_report_fr(*clubs) for clubs in _CLUBS),
                *filler(60),
            ]
        )
        lib.ensure_index()
        for clubs in _CLUBS:
            en = _id(lib, _match_report_en(*clubs).title)
            fr = _id(lib, _match_report_fr(*clubs).title)
            assert fr not in [c.id for c in lib.related(en).coverage]
            assert en not in [c.id for c in lib.related(fr).coverage]


def test_undated_pieces_of_one_outlet_are_not_listed_as_its_follow_ups(home: Path) -> None:
    event = EVENTS[1]
    first = replace(english(event, 0, source="Sahel Wire"), published=None)
    later = replace(follow_up_of(event), published=None)
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([first, later, *filler(80)])
        lib.ensure_index()
        assert lib.related(_id(lib, first.title)).more_from_outlet == []


def test_undated_articles_are_stories_of_their_own(home: Path) -> None:
    event = EVENTS[0]
    undated = [
        replace(english(event, 0), published=None),
        replace(french(event, 1), published=None),
    ]
    dated = english(event, 2, source="Other Wire")
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([*undated, dated, *filler(40)])
        for article in (*undated, dated):
            story = lib.stories.of_article(_id(lib, article.title))
            assert story is not None and len(story.articles) == 1
        # Removing one takes its keys' counts back with it.
        before = dict(lib.store.connection.execute("SELECT key, df FROM story_key_df"))
        lib.remove([_id(lib, undated[0].title)])
        after = dict(lib.store.connection.execute("SELECT key, df FROM story_key_df"))
        assert after["p:kantagoro"] == before["p:kantagoro"] - 1


def test_a_report_in_another_language_is_found_among_many_same_language_ones(
    home: Path,
) -> None:
    """Many English reports of one event share its names too: the French one still has a
    candidate's place, and is shown."""
    event = EVENTS[2]
    outlets = [f"Wire {n}" for n in range(24)]
    # They also name people the French report does not: their entity scores are higher.
    more = " Colonel Bakary Sanogo and Fatoumata Keïta of the Liptako Authority visited Niamey."
    english_reports = [
        replace(english(event, n, source=outlet), body=english(event, n).body + more)
        for n, outlet in enumerate(outlets)
    ]
    report = french(event, 0)
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([*english_reports, report, *filler(60)])
        lib.ensure_index()
        fr = _id(lib, report.title)
        shown = [c.id for c in lib.related(_id(lib, english_reports[0].title), limit=30).coverage]
        assert fr in shown


def _lone_piece(year: int) -> ArticleDraft:
    """A piece on nothing else in the library, dated 9 March of `year`: a story of its own."""
    return draft(
        "Kite festival draws crowds to the lagoon",
        "Hundreds of families flew paper kites over the lagoon on Sunday, the organisers said.",
        source="Coast Daily",
        published=utc(year, 3, 9),
        language="en",
    )


def test_an_article_alone_years_later_does_not_empty_the_recent_stories(home: Path) -> None:
    # A library of 2024's news and one article of 2025 in no story (the bundled seed in an
    # imported archive, a misdated feed item): the window of "recent" was counted back from
    # that article, and the Stories view listed nothing.
    lib = Library.open(home, seed=False)
    lib.add_drafts(_event_articles())
    before = [s.id for s in lib.stories.recent(days=7)]
    assert before
    lib.add_drafts([_lone_piece(2025)])
    assert [s.id for s in lib.stories.recent(days=7)] == before
    until = lib.stories.window_end()
    assert until is not None and until.year == 2024
    lib.close()


def test_cli_says_up_to_which_day_it_found_no_story(home: Path) -> None:
    lib = Library.open(home, seed=False)
    lib.add_drafts([_lone_piece(2025)])
    lib.close()
    shown = cli(home, "stories", "--days", "3")
    assert shown.returncode == 0, shown.stderr
    assert "No stories of two articles or more in the 3 days up to 2025-03-09." in shown.stdout


def test_undated_articles_added_today_do_not_hide_the_recent_stories(home: Path) -> None:
    # An undated article is placed at the time it was added; the window of "recent" was counted
    # back from it, so a library of dated stories plus today's undated pages listed nothing.
    lib = Library.open(home, seed=False)
    lib.add_drafts([*_event_articles(), *filler(80)])
    # The fixture's news spans 2024; a year's window up to its newest dated article holds it.
    dated = lib.stories.recent(days=365)
    assert dated
    lib.add_drafts([draft(f"Undated page {i}", f"Millet, page {i}.") for i in range(3)])
    assert [s.id for s in lib.stories.recent(days=365)] == [s.id for s in dated]
    lib.close()


def test_two_libraries_grouping_the_same_articles_at_once_place_each_once(home: Path) -> None:
    """The CLI's `stories` and the reader each grouped a library from before stories at the
    same time: articles were placed twice (moved to a second story, their keys listed and
    counted twice), and the first stories were left empty."""
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([*_event_articles(), *filler(20)])
        lib.stories.table.clear()  # as a library from before stories
    first, second = Library.open(home, seed=False), Library.open(home, seed=False)
    try:
        table = first.stories.table
        real = table.placed_count

        def the_other_one_groups_now() -> int:
            second.stories.catch_up()  # between this one's counting and its placing
            return real()

        table.placed_count = the_other_one_groups_now  # type: ignore[method-assign]
        first.stories.catch_up()
        conn = first.store.connection
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0] == articles
        # Each article's keys listed once, and every key counted as often as it is listed.
        listed = conn.execute(
            "SELECT COUNT(*) FROM (SELECT article_id, key FROM story_features"
            " GROUP BY article_id, key HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        assert listed == 0
        wrong = conn.execute(
            "SELECT COUNT(*) FROM story_key_df d WHERE d.df != (SELECT COUNT(*) FROM"
            " story_features f WHERE f.key = d.key)"
        ).fetchone()[0]
        assert wrong == 0
        assert first.stories.unplaced() == 0
    finally:
        first.close()
        second.close()


def _live_page_and_its_other_matter(event: Event) -> tuple[ArticleDraft, ArticleDraft]:
    """An outlet's live page the day of the event, on it and on another matter of the same
    minister; and the outlet's report on that other matter."""
    live = draft(
        f"{event.country_en} live: {event.person} on the {event.place} killings and a new "
        "migration law",
        f"{event.person} said {event.number} people were killed in {event.place}, and the "
        f"{event.org_en} sent envoys. Later in the day, {event.person} defended a new "
        "migration law that closes border posts to traders without permits. Lawmakers "
        "will vote on the migration law next week.",
        source="River Post",
        published=event.day + timedelta(hours=3),
        language="en",
    )
    other = draft(
        f"{event.person}'s migration law closes border posts to traders",
        f"Traders without permits will be turned away at border posts under a migration law "
        f"defended by {event.person}. Lawmakers vote on the migration law next week; traders' "
        "unions called it a blow to cross-border markets.",
        source="River Post",
        published=event.day + timedelta(hours=5),
        language="en",
    )
    return live, other


def test_a_live_page_is_a_story_of_its_own_and_chains_nothing(home: Path) -> None:
    # A live page covers many events a little: through one, a leader's other matter joined the
    # story of an attack (a live page on a weapons pledge and a migration report, round 10).
    event = EVENTS[0]
    live, other = _live_page_and_its_other_matter(event)
    en, fr = english(event, 0), french(event, 1)
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([en, fr, live, other, *filler(80)])
        story = lib.stories.of_article

        def members(title: str) -> set[str]:
            found = story(_id(lib, title))
            assert found is not None
            return {a.title for a in found.articles}

        assert members(en.title) == {en.title, fr.title}
        assert members(live.title) == {live.title}
        assert en.title not in members(other.title)


@pytest.mark.parametrize(
    "title",
    [
        "Can we learn to live with floods?",
        "Live shell found in a school yard in Zinder",
        "Singer breaks down live on air",
        "'We are live': presenter's gaffe goes viral",
    ],
)
def test_live_in_a_sentence_is_no_live_page(title: str) -> None:
    from sahelreader.related.coverage import is_many_stories_page, is_roundup

    assert not is_roundup(title) and not is_many_stories_page(title)


@pytest.mark.parametrize(
    "title",
    [
        "Live: talks resume in Niamey",
        "Sahel crisis live: convoy reaches Gao",
        "Election results – live",
        "Niger live updates: curfew lifted",
    ],
)
def test_a_live_page_says_so(title: str) -> None:
    from sahelreader.related.coverage import is_many_stories_page, is_roundup

    assert is_roundup(title) and is_many_stories_page(title)
