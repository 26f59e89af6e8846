"""The user's watch list: names to spot in every article, however they are accented or cased."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence


def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    return base.lower() if len(base.lower()) == 1 else char


def fold_same_length(text: str) -> str:
    """Lower-case, accents dropped, one character for one: offsets stay valid in the original."""
    return "".join(_fold_char(c) for c in text)


def find_names(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Spans where any of `names` occurs as whole words (Goïta, goita and GOITA all count)."""
    if not names or not text:
        return []
    folded = fold_same_length(text)
    alternatives = sorted({fold_same_length(n.strip()) for n in names if n.strip()}, key=len)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(a) for a in reversed(alternatives)) + r")(?!\w)"
    )
    return [(m.start(), m.end()) for m in pattern.finditer(folded)]


def watch_query(names: Sequence[str]) -> str:
    """A search for any article that names one of `names`."""
    phrases = [f'"{n.replace(chr(34), "").strip()}"' for n in names if n.strip()]
    return " OR ".join(phrases)
