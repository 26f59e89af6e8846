"""Is a story growing? Its articles of the last two days, against its own pace before them.

"The last two days" end at the newest dated article in the library (the Stories view's window
ends there too), not at the clock: a library read a week after its last refresh still shows
which stories were growing when the news stopped coming in.
- new: the story began within those two days, with two articles or more, in a library that
  was gathering news before them (`has_history`: in a library of one day's news, or a first
  refresh, every story would be new);
- growing: two articles or more in those two days, at least twice as many a day as the story
  had on average before them.
An undated article counts from when it was added, as it is placed in its story.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sahelreader.related.stories import Story
from sahelreader.text.clean import plural

RECENT_DAYS = 2
HISTORY_DAYS = 5  # the days before the last two in which a library shows it was gathering news
_FASTER = 2.0  # how many times the earlier daily pace counts as growing


@dataclass(frozen=True)
class Growth:
    kind: str  # "new" or "growing"
    recent: int  # articles in the last RECENT_DAYS days
    earlier: int  # articles before them
    earlier_days: int  # the calendar days from the first of them to the window's edge

    @property
    def marker(self) -> str:
        return "↑ growing" if self.kind == "growing" else "new"

    def describe(self) -> str:
        recent = f"{plural(self.recent, 'article')} in the last {RECENT_DAYS} days"
        if self.kind == "new":
            return f"new: {recent}"
        return (
            f"growing: {recent}, against {plural(self.earlier, 'article')}"
            f" in the {plural(self.earlier_days, 'day')} before"
        )


def gathering_before(recent: int, before: int) -> bool:
    """Whether a library was gathering news before the last two days: at least as many dated
    articles in the HISTORY_DAYS before them as in them (`recent`)."""
    return before > 0 and before >= recent


def story_growth(story: Story, until: datetime | None, has_history: bool = True) -> Growth | None:
    """The story's growth up to `until` (the newest dated article), or None: neither new nor
    growing, or too little dated to say."""
    if until is None:
        return None
    dated = [a.published for a in story.articles if a.published is not None]
    edge = until - timedelta(days=RECENT_DAYS)
    recent = sum(1 for when in dated if edge < when <= until)
    if recent < 2:
        return None
    earlier_dates = [when for when in dated if when <= edge]
    if not earlier_dates:
        return Growth("new", recent, 0, 0) if has_history else None
    # Calendar days, both ends counted: most articles carry a date without an hour, and one
    # from the 24th and one from the 25th are two days of news, not one.
    days = (edge.date() - min(earlier_dates).date()).days + 1
    if recent / RECENT_DAYS >= _FASTER * len(earlier_dates) / days:
        return Growth("growing", recent, len(earlier_dates), days)
    return None
