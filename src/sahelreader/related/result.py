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

    def coverage_by_outlet(self) -> list[tuple[str, list[Coverage]]]:
        """Coverage grouped by source, groups in the order of their best item."""
        groups: dict[str, list[Coverage]] = {}
        for item in self.coverage:
            groups.setdefault(item.source, []).append(item)
        return list(groups.items())
