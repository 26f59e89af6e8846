"""What the side panel of related sources shows for one article."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sahelreader.sources import CitedSource

__all__ = ["Coverage", "Related"]


@dataclass(frozen=True)
class Coverage:
    id: str
    title: str
    source: str
    published: datetime | None
    score: float
    shared_entities: tuple[str, ...]
    near_duplicate: bool
    language: str = ""  # "" when unknown


@dataclass(frozen=True)
class Related:
    cited: list[CitedSource]
    coverage: list[Coverage]  # best first
    links: list[str]
    # The article's own outlet's other pieces on the story that are not claimed to be the
    # same event (its follow-ups and running coverage), best first.
    more_from_outlet: list[Coverage] = field(default_factory=list)
    # Among how many other articles coverage was looked for (None: no search index), and
    # whether the article is undated: what an empty list says (`no_coverage_note`).
    searched: int | None = None
    undated: bool = False

    def no_coverage_note(self) -> str:
        """What to say when no other coverage is shown, truthfully: a library of hundreds of
        articles is not told to import more (review 12, defect 15)."""
        if self.searched is None:
            return "No other coverage: the search index is not ready."
        if self.searched == 0:
            return (
                "No other articles in your library yet — import more (sahelreader add PATH) "
                "to see how other outlets report this story."
            )
        # With the outlet's own pieces listed below, what is missing is other outlets'.
        what = "other outlets' coverage" if self.more_from_outlet else "other coverage"
        among = f"No {what} found among {self.searched:,} other article" + (
            "s" if self.searched != 1 else ""
        )
        if self.undated:
            return (
                f"{among}. This article is undated: reports are matched to it only when their "
                "titles say the same thing or they give the same figures."
            )
        return f"{among}."

    def coverage_by_outlet(self) -> list[tuple[str, list[Coverage]]]:
        """Coverage grouped by source, groups in the order of their best item."""
        groups: dict[str, list[Coverage]] = {}
        for item in self.coverage:
            groups.setdefault(item.source, []).append(item)
        return list(groups.items())
