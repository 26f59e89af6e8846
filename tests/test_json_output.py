"""Every JSON shape the CLI prints, pinned key by key (README's command-line section)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from sahelreader import json_output
from sahelreader.library import AddReport
from sahelreader.models import Article, Entity, SearchHit
from sahelreader.notes_export import NotedArticle
from sahelreader.related.result import Coverage, Related
from sahelreader.sources import CitedSource

WHEN = datetime(2024, 3, 5, 9, 30, tzinfo=timezone.utc)
ARTICLE = Article(
    id="abc123",
    title="Junta leaders meet in Niamey",
    body="Tiani met Goïta in Niamey.",
    source="Sahel Wire",
    author="",
    url="https://news.example/niamey",
    published=WHEN,
    added=WHEN,
    language="en",
    content_hash="h",
    bookmarked=True,
    note="Ask about Ménaka.",
)


def test_dumps_keeps_accents_indents_and_ends_with_a_newline() -> None:
    text = json_output.dumps({"place": "Ménaka"})
    assert text == '{\n  "place": "Ménaka"\n}\n'
    assert json.loads(text) == {"place": "Ménaka"}


def test_dumps_escapes_what_a_terminal_would_act_on_and_reads_back_exact() -> None:
    value = "a\x1b[31m\x9b\u202eb\u200b\u2028\ud800 \u200fمالي"
    text = json_output.dumps({"t": value})
    assert text == '{\n  "t": "a\\u001b[31m\\u009b\\u202eb\\u200b\\u2028\\ud800 \u200fمالي"\n}\n'
    assert json.loads(text) == {"t": value}
    text.encode("utf-8")  # a lone surrogate no longer makes the text unwritable


def test_an_article_url_is_null_unless_http() -> None:
    assert json_output.article_json(ARTICLE)["url"] == "https://news.example/niamey"
    for refused in ("", "javascript:alert(1)", "file:///etc/passwd"):
        article = Article(**{**ARTICLE.__dict__, "url": refused})
        assert json_output.article_json(article)["url"] is None


def test_search_hit() -> None:
    hit = SearchHit(
        id="abc123",
        title="Junta leaders meet in Niamey",
        source="Sahel Wire",
        url="",
        published=None,
        score=1.5,
        snippet="met in Niamey",
        matches=[(7, 13)],
        matched_in=["body"],
    )
    assert json_output.hits_json([hit]) == [
        {
            "id": "abc123",
            "title": "Junta leaders meet in Niamey",
            "source": "Sahel Wire",
            "url": None,  # no http(s) link: null
            "published": None,
            "score": 1.5,
            "snippet": "met in Niamey",
            "matches": [[7, 13]],
            "matched_in": ["body"],
        }
    ]
    assert json_output.hits_json([]) == []


def test_article_with_entities() -> None:
    data = json_output.article_json(ARTICLE, [Entity("Niamey", "place", 19, 25)])
    assert list(data) == [
        "id",
        "title",
        "body",
        "source",
        "author",
        "url",
        "published",
        "added",
        "language",
        "read",
        "bookmarked",
        "note",
        "entities",
    ]
    assert data["published"] == "2024-03-05T09:30:00+00:00"
    assert data["bookmarked"] is True and data["read"] is False
    assert data["entities"] == [{"text": "Niamey", "type": "place", "start": 19, "end": 25}]
    assert "entities" not in json_output.article_json(ARTICLE)


def test_entities() -> None:
    found = [Entity("Tiani", "person", 0, 5), Entity("Goïta", "person", 10, 15)]
    assert json_output.entities_json(found) == [
        {"text": "Tiani", "type": "person", "start": 0, "end": 5},
        {"text": "Goïta", "type": "person", "start": 10, "end": 15},
    ]


def test_related() -> None:
    found = Related(
        cited=[CitedSource("Reuters", "agency", 2, ("a Reuters report said.",))],
        coverage=[
            Coverage("def456", "Niamey talks", "RFI", WHEN, 0.123456, ("Niamey",), False),
            Coverage("ghi789", "Undated", "", None, 1.0, (), True),
        ],
        links=["https://news.example/niamey"],
    )
    assert json_output.related_json(found) == {
        "cited": [
            {
                "name": "Reuters",
                "kind": "agency",
                "count": 2,
                "sentences": ["a Reuters report said."],
            }
        ],
        "coverage": [
            {
                "id": "def456",
                "title": "Niamey talks",
                "source": "RFI",
                "published": "2024-03-05T09:30:00+00:00",
                "score": 0.1235,
                "shared_entities": ["Niamey"],
                "near_duplicate": False,
                "language": None,
            },
            {
                "id": "ghi789",
                "title": "Undated",
                "source": None,
                "published": None,
                "score": 1.0,
                "shared_entities": [],
                "near_duplicate": True,
                "language": None,
            },
        ],
        "more_from_outlet": [],
        "links": ["https://news.example/niamey"],
        "story": None,
    }


def test_story_lists_its_articles_in_time_order() -> None:
    from datetime import timedelta

    from sahelreader.related.stories import Story, StoryArticle

    later = WHEN + timedelta(hours=5)
    story = Story(
        id=7,
        title="Junta leaders meet in Niamey",
        articles=(
            StoryArticle("abc123", "Junta leaders meet in Niamey", "Sahel Wire", "en", WHEN),
            StoryArticle("def456", "Réunion à Niamey", "Radio Ménaka", "fr", later),
        ),
        outlets=("Sahel Wire", "Radio Ménaka"),
        languages=("en", "fr"),
        first=WHEN,
        last=later,
    )
    assert json_output.stories_json([story]) == [
        {
            "id": "7",
            "title": "Junta leaders meet in Niamey",
            "articles": 2,
            "article_ids": ["abc123", "def456"],
            "outlets": ["Sahel Wire", "Radio Ménaka"],
            "languages": ["en", "fr"],
            "first": "2024-03-05T09:30:00+00:00",
            "last": "2024-03-05T14:30:00+00:00",
            "growth": None,
        }
    ]


def test_bookmarks_and_notes() -> None:
    assert json_output.bookmarks_json([("abc123", "Junta leaders", WHEN), ("x", "y", None)]) == [
        {"id": "abc123", "title": "Junta leaders", "bookmarked_at": "2024-03-05T09:30:00+00:00"},
        {"id": "x", "title": "y", "bookmarked_at": None},
    ]
    noted = NotedArticle(ARTICLE, "abc123", "Junta leaders", "Ask about Ménaka.", WHEN)
    assert json_output.notes_json([noted]) == [
        {
            "id": "abc123",
            "title": "Junta leaders",
            "note": "Ask about Ménaka.",
            "updated": "2024-03-05T09:30:00+00:00",
        }
    ]


def test_add_report() -> None:
    report = AddReport(
        added=["abc123"], duplicates=["def456"], failed=[("x.tsv", "unsupported")], files=3
    )
    assert json_output.add_report_json(report) == {
        "added": ["abc123"],
        "duplicates": ["def456"],
        "failed": [{"path": "x.tsv", "reason": "unsupported"}],
        "skipped_records": 0,
        "subscribed": [],
        "already_subscribed": [],
        "notes": [],
    }


def test_trend_is_a_list_of_periods_and_counts() -> None:
    points = [("2025-W52", 3), ("2026-W01", 0), ("2026-W02", 1)]
    assert json_output.trend_json(points, frozenset({"2026-W02"})) == [
        {"period": "2025-W52", "count": 3, "partial": False},
        {"period": "2026-W01", "count": 0, "partial": False},
        {"period": "2026-W02", "count": 1, "partial": True},
    ]
    assert json_output.trend_json([]) == []


def test_watchlist_names_with_their_week_and_rising() -> None:
    from sahelreader.library.trends import Rising

    names = [Rising("Tiani", 6, 1.25, True), Rising("Ménaka", 1, 0.0, False)]
    assert json_output.watchlist_json(names) == [
        {"name": "Tiani", "last_7_days": 6, "usual_week": 1.25, "rising": True},
        {"name": "Ménaka", "last_7_days": 1, "usual_week": 0.0, "rising": False},
    ]


def _values(data: object) -> list[object]:
    """Every scalar in a JSON shape, however deep."""
    if isinstance(data, dict):
        return [v for value in data.values() for v in _values(value)]
    if isinstance(data, list):
        return [v for value in data for v in _values(value)]
    return [data]


def test_one_rule_absent_is_null_and_times_are_whole_seconds() -> None:
    """Every shape: a value that is absent is null, never "" (it was "" for an author, a note,
    a feed's site, a coverage item's outlet); every time is UTC to the second with its offset
    (bookmarks and stories carried microseconds, notes did not); a story's id is a string."""
    from sahelreader.library.subscriptions import FeedResult
    from sahelreader.related.stories import Story, StoryArticle
    from sahelreader.store.feeds import FeedRecord

    precise = datetime(2024, 3, 5, 9, 30, 12, 345678, tzinfo=timezone.utc)
    bare = Article(
        **{
            **ARTICLE.__dict__,
            "author": "",
            "source": "",
            "note": "",
            "language": "",
            "published": precise,
            "added": precise,
        }
    )
    hit = SearchHit("abc123", "Title", "", "", precise, 1.0, "", [], [])
    story = Story(
        id=7,
        title="Talks in Niamey",
        articles=(StoryArticle("abc123", "Talks in Niamey", "", "", precise),),
        outlets=(),
        languages=(),
        first=precise,
        last=precise,
    )
    found = Related(
        cited=[],
        coverage=[Coverage("def456", "Other", "", precise, 0.5, (), False, "")],
        links=[],
    )
    feed = FeedRecord(
        1, "https://x.example/rss", "", "", False, False, None, None, precise, precise,
        precise, None, None, None, 0, 0, 0,
    )  # fmt: skip
    noted = NotedArticle(bare, "abc123", "Title", "A note.", precise)
    shapes: dict[str, Any] = {
        "show": json_output.article_json(bare, []),
        "search": json_output.hits_json([hit]),
        "related": json_output.related_json(found, story),
        "stories": json_output.stories_json([story]),
        "bookmarks": json_output.bookmarks_json([("abc123", "", precise)]),
        "notes": json_output.notes_json([noted]),
        "feeds list": json_output.feeds_json([feed]),
        "refresh": json_output.refresh_json([FeedResult("https://x.example/rss", "", "new")]),
    }
    for name, shape in shapes.items():
        values = _values(shape)
        assert "" not in values, name
        times = [v for v in values if isinstance(v, str) and v.startswith("2024-03-05T")]
        assert all(v == "2024-03-05T09:30:12+00:00" for v in times), name
        assert times or name == "refresh", name
    show = shapes["show"]
    assert show["author"] is None and show["note"] is None and show["language"] is None
    assert shapes["related"]["story"]["id"] == shapes["stories"][0]["id"] == "7"
