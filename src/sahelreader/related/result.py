"""What the side panel of related sources shows for one article."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Related:
    cited: list[CitedSource]
    coverage: list[Coverage]  # best first
    links: list[str]

    def coverage_by_outlet(self) -> list[tuple[str, list[Coverage]]]:
        """Coverage grouped by source, groups in the order of their best item."""
        groups: dict[str, list[Coverage]] = {}
        for item in self.coverage:
            groups.setdefault(item.source, []).append(item)
        return list(groups.items())
