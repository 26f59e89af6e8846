"""config.toml: user settings. A missing file means defaults; a broken one is reported."""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

TEMPLATE = """\
# sahelreader settings. Lines starting with # are comments.

# Remap keys: binding id = "key" (see the ? help screen for ids), e.g.
# [keymap]
# search = "ctrl+f"
# quit = "ctrl+q"
[keymap]

# Names that mean one person, place or organisation: search (`place:burkina`), the side panel
# and the entity counts treat them as one. The first name is the one shown. Bundled: ECOWAS =
# CEDEAO, the UN = l'ONU, Burkina = Burkina Faso, Tchad = Chad... (a name the recogniser does
# not know yet goes in [entities] too).
# [equivalences]
# "Abdourahamane Tiani" = ["Tchiani", "le général Tiani"]
# "Liptako-Gourma" = ["three-borders area", "zone des trois frontières"]

# Refresh every feed this often while the reader runs (minutes; leave out to refresh only on r).
# [feeds]
# refresh_minutes = 30

# The import caps (README, "Reliability"): a file, record or field over one is refused with a
# line naming it. Sizes in MB; the defaults are shown.
# [limits]
# article_file_mb = 20    # one .txt, .md or .html file
# json_file_mb = 64       # one .json document (parsed whole)
# jsonl_file_mb = 512     # one JSON Lines file, decompressed (read as a stream)
# feed_file_mb = 64       # one .rss, .atom or .xml file
# record_mb = 5           # one JSON Lines line, one feed entry
# field_mb = 2            # one text field of an article: its body, its title
"""

# [limits] keys: sizes in MB (``*_mb``) and counts; sahelreader.ingest.limits applies them.
LIMIT_KEYS = (
    "article_file_mb",
    "json_file_mb",
    "jsonl_file_mb",
    "feed_file_mb",
    "record_mb",
    "field_mb",
    "json_values",
    "feed_elements",
    "html_elements",
    "skipped_in_a_row",
)


@dataclass(frozen=True)
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    entities: dict[str, str] = field(default_factory=dict)  # name -> person|place|organisation
    watch: tuple[str, ...] = ()
    # [outlets]: an outlet's name -> its other names and web domains ("SW", "sahelwatch.org")
    outlets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # [equivalences]: a name -> the other names of the same entity ("Burkina Faso": ("Burkina",))
    equivalences: dict[str, tuple[str, ...]] = field(default_factory=dict)
    theme: str | None = None
    # entity_tagger = false: the lists and rules alone, without the statistical tagger that
    # types the names they only guessed (on by default, see README "Named entities").
    entity_tagger: bool = True
    # [feeds] refresh_minutes: the reader refreshes every feed this often while it runs.
    refresh_minutes: float | None = None
    # [limits]: import caps changed from their defaults, by LIMIT_KEYS name ("record_mb": 8).
    limits: dict[str, float] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def load_config(path: Path) -> Config:
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problems=(f"{path}: ignored, it cannot be read: {error}",))
    problems: list[str] = []
    keymap = _string_table(data.get("keymap", {}), "keymap", problems)
    entities = _string_table(data.get("entities", {}), "entities", problems)
    for name, kind in list(entities.items()):
        if kind not in ("person", "place", "organisation"):
            problems.append(f"[entities] {name!r}: type must be person, place or organisation")
            del entities[name]
    outlets = _outlets_table(data.get("outlets", {}), problems)
    equivalences = _names_table(data.get("equivalences", {}), "equivalences", problems)
    watch_raw = data.get("watch", [])
    watch = tuple(str(w) for w in watch_raw) if isinstance(watch_raw, list) else ()
    theme = data.get("theme")
    entity_tagger = data.get("entity_tagger", True)
    if not isinstance(entity_tagger, bool):
        problems.append("entity_tagger: must be true or false")
        entity_tagger = True
    refresh_minutes = _refresh_minutes(data.get("feeds", {}), problems)
    limits = _limits_table(data.get("limits", {}), problems)
    return Config(
        keymap=keymap,
        entities=entities,
        watch=watch,
        outlets=outlets,
        equivalences=equivalences,
        theme=str(theme) if isinstance(theme, str) else None,
        entity_tagger=entity_tagger,
        refresh_minutes=refresh_minutes,
        limits=limits,
        problems=tuple(problems),
    )


def _string_table(value: Any, name: str, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(f"[{name}] must be a table")
        return {}
    table: dict[str, str] = {}
    for key, item in value.items():
        if isinstance(item, str):
            table[str(key)] = item
        else:
            problems.append(f"[{name}] {key!r}: expected a string")
    return table


def _outlets_table(value: Any, problems: list[str]) -> dict[str, tuple[str, ...]]:
    """`"Sahel Watch" = ["sahelwatch.org", "SW"]` (or one string) per outlet."""
    return _names_table(value, "outlets", problems, "a list of names and domains")


def _names_table(
    value: Any, name: str, problems: list[str], expected: str = "a list of names"
) -> dict[str, tuple[str, ...]]:
    """`"Burkina Faso" = ["Burkina", "Faso"]` (or one string) per entry."""
    if not isinstance(value, dict):
        problems.append(f"[{name}] must be a table")
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for key, item in value.items():
        names = [item] if isinstance(item, str) else item
        if isinstance(names, list) and all(isinstance(other, str) for other in names):
            table[str(key)] = tuple(names)
        else:
            problems.append(f"[{name}] {key!r}: expected {expected}")
    return table


def _refresh_minutes(value: Any, problems: list[str]) -> float | None:
    """`[feeds] refresh_minutes = 30`; 0 or absent: only when asked (`r`)."""
    if not isinstance(value, dict):
        problems.append("[feeds] must be a table")
        return None
    minutes = value.get("refresh_minutes")
    if minutes is None or minutes == 0:
        return None
    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or minutes < 1:
        problems.append(
            "[feeds] refresh_minutes: expected a number of minutes, at least 1; until then "
            "feeds refresh only when asked (r)"
        )
        return None
    return float(minutes)


def _limits_table(value: Any, problems: list[str]) -> dict[str, float]:
    """`[limits] record_mb = 8`: positive numbers under known names; the rest is reported."""
    if not isinstance(value, dict):
        problems.append("[limits] must be a table")
        return {}
    table: dict[str, float] = {}
    for key, amount in value.items():
        if key not in LIMIT_KEYS:
            problems.append(f"[limits] {key!r}: unknown (known: {', '.join(LIMIT_KEYS)})")
        elif (
            isinstance(amount, bool)
            or not isinstance(amount, (int, float))
            or not math.isfinite(amount)
            or amount <= 0
        ):
            problems.append(f"[limits] {key}: expected a positive number")
        elif not key.endswith("_mb") and amount != int(amount):
            problems.append(f"[limits] {key}: expected a whole number")
        else:
            table[key] = float(amount)
    return table
