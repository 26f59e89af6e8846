"""The user's watch list: names to spot in every article, however they are accented or cased."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sahelreader.text.fold import fold_same_length


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
