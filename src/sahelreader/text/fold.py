"""Accent folding: the one way sahelreader compares words, everywhere.

`fold("Ménaka") == "menaka"`. It uses Whoosh's accent table so that text folded here meets the
index's folded terms exactly (the analyzers fold with the same table).
"""

from __future__ import annotations

from whoosh.support.charset import accent_map

_ACCENTS: dict[int, str] = dict(accent_map)  # type: ignore[assignment]  # its keys are ints at run time


def fold(text: str) -> str:
    """Lower-case and strip accents the same way the analyzers do."""
    return text.lower().translate(_ACCENTS)
