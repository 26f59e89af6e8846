"""config.toml: user settings. A missing file means defaults; a broken one is reported."""

from __future__ import annotations

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

# Refresh every feed this often while the reader runs (minutes; leave out to refresh only on r).
# [feeds]
# refresh_minutes = 30
"""


@dataclass(frozen=True)
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    entities: dict[str, str] = field(default_factory=dict)  # name -> person|place|organisation
    watch: tuple[str, ...] = ()
    # [outlets]: an outlet's name -> its other names and web domains ("SW", "sahelwatch.org")
    outlets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    theme: str | None = None
    # [feeds] refresh_minutes: the reader refreshes every feed this often while it runs.
    refresh_minutes: float | None = None
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
    watch_raw = data.get("watch", [])
    watch = tuple(str(w) for w in watch_raw) if isinstance(watch_raw, list) else ()
    theme = data.get("theme")
    refresh_minutes = _refresh_minutes(data.get("feeds", {}), problems)
    return Config(
        keymap=keymap,
        entities=entities,
        watch=watch,
        outlets=outlets,
        theme=str(theme) if isinstance(theme, str) else None,
        refresh_minutes=refresh_minutes,
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
    if not isinstance(value, dict):
        problems.append("[outlets] must be a table")
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for key, item in value.items():
        names = [item] if isinstance(item, str) else item
        if isinstance(names, list) and all(isinstance(name, str) for name in names):
            table[str(key)] = tuple(names)
        else:
            problems.append(f"[outlets] {key!r}: expected a list of names and domains")
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
        problems.append("[feeds] refresh_minutes: expected a number of minutes, at least 1")
        return None
    return float(minutes)
