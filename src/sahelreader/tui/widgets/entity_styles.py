"""How each kind of entity looks in the reader and the side panel (the help screen shows it)."""

from __future__ import annotations

from rich.text import Text

ENTITY_STYLES: dict[str, str] = {
    "person": "bold #7cb7ff",
    "place": "#8fd694",
    "organisation": "#e3a6ff",
    "watch": "bold underline #ffd75f",
}
# Beside a watched entity in the side panel: said in words, not by its colour alone.
WATCHED_MARK = "◆ watched"
WATCHED_STYLE = "#ffd75f"
ENTITY_LABELS: dict[str, str] = {
    "person": "People",
    "place": "Places",
    "organisation": "Organisations",
    "watch": "Watched names",
}


def legend() -> Text:
    text = Text()
    for kind, style in ENTITY_STYLES.items():
        text.append(f" {ENTITY_LABELS[kind]} ", style=style)
        text.append("  ")
    text.append("— h turns entity highlighting on and off", style="dim")
    return text
