"""A one-line summary and the full report of one remark find each other both ways (issue 15:
the full report listed the summary, the summary's panel was empty).

Whether a shared name is specific (rare in the library) is read from the name's key. The
summary names a person by surname, common in the library; the report gives the full name,
rare by its given name. The pair is judged on the side that names them more fully.

Every article here is written for the tests (invented people and countries).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sahelreader.library import Library
from sahelreader.models import ArticleDraft

from .bilingual import filler
from .conftest import draft, utc

WHEN = utc(2025, 6, 10)
OUTLETS = ["Harbour Times", "Coast Daily", "River Post"]
TOPICS = [
    "fuel prices", "school fees", "road tolls", "grain reserves", "water tariffs",
    "border posts", "teachers' pay", "rail links", "port fees", "cotton prices",
    "power cuts", "health centres",
]  # fmt: skip

# The president and the prime minister by surname, in months of other news: common names.
BACKGROUND = [
    draft(
        f"Bako and Kandé meet over {topic}",
        f"President Bako and Prime Minister Kandé discussed {topic} in the capital, officials "
        f"said. Talks on {topic} will resume next month.",
        source=OUTLETS[i % 3],
        published=WHEN - timedelta(days=20 + i),
        language="en",
    )
    for i, topic in enumerate(TOPICS)
]
SUMMARY = draft(
    "Bako calls Kandé ‘reckless’",
    "President Bako has made harsh remarks about Prime Minister Kandé, which the prime "
    "minister's office put down to ‘fatigue’.",
    source="River Post",
    published=WHEN,
    language="en",
)
REPORT = draft(
    "Bako says Aminou Kandé is 'reckless' as the budget stalls",
    "President Issa Bako said on Tuesday that Prime Minister Aminou Kandé was 'reckless' by "
    "refusing to send the budget to parliament, as the deadline for the vote passed. With his "
    "frustration growing, Bako has lashed out at his prime minister in recent weeks as unions "
    "threatened strikes over unpaid salaries. 'What Kandé does not see is that without me, "
    "the government would have fallen', Bako wrote.",
    source="Harbour Times",
    published=WHEN + timedelta(hours=18),
    language="en",
)


def _panels(home: Path, *articles: ArticleDraft) -> dict[str, list[str]]:
    with Library.open(home, seed=False) as lib:
        lib.add_drafts([*articles, *BACKGROUND, *filler()])
        lib.ensure_index()
        titles = {row.id: row.title for row in lib.rows(lib.list_ids())}
        wanted = {a.title for a in articles}
        return {
            titles[i]: [titles[c.id] for c in lib.related(i).coverage]
            for i in titles
            if titles[i] in wanted
        }


def test_a_summary_naming_people_by_surname_finds_the_full_report(home: Path) -> None:
    panels = _panels(home, SUMMARY, REPORT)
    assert panels[REPORT.title] == [SUMMARY.title]
    assert panels[SUMMARY.title] == [REPORT.title]


def test_common_surnames_alone_on_both_sides_are_still_no_evidence(home: Path) -> None:
    # The report without the full names: both sides name the two by their common surnames.
    # (Under a headline saying what the summary's says, "Bako says Kandé is 'reckless'", the
    # pair is coverage by its headlines: test_related_same_headline.py.)
    plain = draft(
        "Bako says Kandé is to blame as the budget stalls",
        REPORT.body.replace("Issa ", "").replace("Aminou ", ""),
        source=REPORT.source,
        published=REPORT.published,
        language="en",
    )
    assert _panels(home, SUMMARY, plain)[SUMMARY.title] == []
