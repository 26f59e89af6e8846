"""Listed places written joined by a hyphen ("Mali-Niger border", "Guerre Russie-Ukraine",
"the Manitoba-U.S. line"): the tokenizer keeps a hyphenated word whole (Jean-Pierre,
Guinée-Bissau), so such a word is split back into its places before the rules run, when the
whole is not a listed name and every part is a listed place."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from sahelreader.entities.rules import token_key

# Capitalised words joined by hyphens, each part one token of the lists (letters, inner dots
# as in U.S., apostrophes as in N'Djamena), up to a space or punctuation.
_JOINED_RE = re.compile(r"(?<![\w.'’-])[^\W\d_][\w.'’]*(?:-[^\W\d_][\w.'’]*)+")


def _is_place(part: str, exact: Mapping[tuple[str, ...], str]) -> bool:
    return part[:1].isupper() and exact.get((token_key(part),)) == "place"


def _places(chunk: str, exact: Mapping[tuple[str, ...], str]) -> list[str]:
    """The parts of ``chunk`` if they are all listed places and the whole is not a name."""
    parts = chunk.split("-")
    if parts[-1].endswith(".") and not _is_place(parts[-1], exact):
        parts[-1] = parts[-1][:-1]  # the sentence's full stop
    if _is_place("-".join(parts), exact) or not all(_is_place(p, exact) for p in parts):
        return []
    return parts


def split_joined_places(
    text: str,
    words: list[str],
    starts: list[int],
    ends: list[int],
    exact: Mapping[tuple[str, ...], str],
) -> tuple[list[str], list[int], list[int]]:
    """``words``/``starts``/``ends`` with each joined pair of listed places split into the
    places and the hyphen between them (offsets still index ``text``); the same lists when
    there is none."""
    splits: list[tuple[int, list[str]]] = []
    for k in [k for k, w in enumerate(words) if "-" in w]:
        match = _JOINED_RE.match(text, starts[k]) if words[k][0].isupper() else None
        parts = _places(match.group(), exact) if match else []
        if parts:
            splits.append((starts[k], parts))
    if not splits:
        return words, starts, ends
    out_words: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    k = 0
    for position, parts in splits:
        first = bisect.bisect_left(starts, position)
        if first < k or first >= len(starts) or starts[first] != position:
            continue  # not where a token starts: leave it as the tokenizer cut it
        out_words += words[k:first]
        out_starts += starts[k:first]
        out_ends += ends[k:first]
        for number, part in enumerate(parts):
            if number:
                out_words.append("-")
                out_starts.append(position)
                out_ends.append(position + 1)
                position += 1
            out_words.append(part)
            out_starts.append(position)
            out_ends.append(position + len(part))
            position += len(part)
        k = bisect.bisect_left(starts, position, first)
    out_words += words[k:]
    out_starts += starts[k:]
    out_ends += ends[k:]
    return out_words, out_starts, out_ends
