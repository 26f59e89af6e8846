"""Wire datelines: the city a report was filed from, written in capitals at the start of a
line ("NIAMEY (Reuters) -", "BAMAKO, Mali (AP) —", "GAO, May 2 (Reuters) -", "N'DJAMENA —",
"DAKAR/NIAMEY –").

Capitals read as an acronym (an organisation) or as no name at all, so a place search missed
the wire reports that name their city only there. The city is a place when the line has a
dateline's shape: the capitals, then an agency in brackets, or a comma and a country or a date
(maybe an agency), then a dash or a colon. Capitals followed by a dash alone ("WARNING —") are
a place only when the lists know the city.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sahelreader.entities.gazetteer import Gazetteer
from sahelreader.entities.rules import entry_tokens
from sahelreader.models import Entity

__all__ = ["dateline_places"]

_UP = "A-ZÀ-ÖØ-Þ"
# capital letters, apostrophes, dots and hyphens, words joined by single spaces: 3 to 30 chars
_CITY = rf"[{_UP}](?:[{_UP}'’.\-]|[ ](?=[{_UP}])){{2,29}}(?![\w'’])"
_AGENCY = r"\([^()\n]{1,40}\)"
# a dash between words, not inside one ("closely-watched"), or a colon
_DASH = r"(?:[ \t]*[–—]|[ \t]+-{1,2}|[ \t]*:)"
# after the comma, a country or a date: "Mali", "May 2", "29 novembre", "DONGGUAN, China"
_PART = rf"[ \t]*[{_UP}0-9][^()\n,]{{0,29}}"
# cities a release was filed from together: "DAKAR/NIAMEY –"
_CITIES = rf"{_CITY}(?:/{_CITY}){{0,3}}"
_DATELINE = re.compile(
    rf"^[ \t]*(?P<city>{_CITIES})"
    rf"(?:[ \t]*{_AGENCY}{_DASH}"
    rf"|,{_PART}(?:,{_PART})?[ \t]*(?:{_AGENCY})?{_DASH}"
    rf"|(?P<bare>[ \t]+[-–—]{{1,2}}))",
    re.MULTILINE,
)
_FIRST_LINES = 3  # a dateline opens the body, or follows a title or a byline


def dateline_places(text: str, entities: Sequence[Entity], gazetteer: Gazetteer) -> list[Entity]:
    """`entities` with the city of each dateline among the first lines made a place."""
    head = text[: _head_end(text)]
    found: list[Entity] = []
    for m in _DATELINE.finditer(head):
        parts: list[Entity] = []
        start = m.start("city")
        for city in m.group("city").split("/"):
            end = start + len(city)
            listed = _listed(gazetteer, city)
            if (listed is not None and listed != "place") or (
                m.group("bare") and listed != "place"
            ):
                # "JNIM (Reuters) -": a listed organisation stays one; "WARNING —": a dash
                # alone makes a place of a listed city only
                parts = []
                break
            parts.append(Entity(city, "place", start, end))
            start = end + 1
        found.extend(parts)
    if not found:
        return list(entities)
    kept = [e for e in entities if not any(e.start < f.end and f.start < e.end for f in found)]
    return sorted([*kept, *found], key=lambda e: e.start)


def _listed(gazetteer: Gazetteer, city: str) -> str | None:
    """The lists' type for the capitals as written ("JNIM") or as a name is written
    ("N'Djamena", "United Nations"), if any."""
    for form in (city, _title_case(city)):
        key = entry_tokens(form)
        listed = gazetteer.exact.get(key)
        if listed is None and len(key) > 1:
            listed = gazetteer.lower.get(tuple(token.casefold() for token in key))
        if listed is not None:
            return listed
    return None


def _head_end(text: str) -> int:
    end = -1
    for _ in range(_FIRST_LINES):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def _title_case(city: str) -> str:
    """How the lists write a city: "N'DJAMENA" -> "N'Djamena", "BOBO-DIOULASSO" ->
    "Bobo-Dioulasso"."""
    return re.sub(r"[^\W\d_]+", lambda w: w.group(0)[:1] + w.group(0)[1:].lower(), city)
