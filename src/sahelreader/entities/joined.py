"""Listed places written joined by a hyphen ("Mali-Niger border", "Guerre Russie-Ukraine",
"the Manitoba-U.S. line"): the tokenizer keeps a hyphenated word whole (Jean-Pierre,
Guinée-Bissau), so such a word is split back into its places before the rules run, when the
whole is not a listed name and every part is a listed place."""

from __future__ import annotations

import re
from collections.abc import Mapping

from sahelreader.entities.rules import entry_tokens, tokenize

# The written word around a hyphen: letters, dots (U.S.) and apostrophes (Côte d'Ivoire is
# two tokens and is not joined this way), up to a space or punctuation.
_JOINED_RE = re.compile(r"[^\W\d_][\w.'’]*(?:-[^\W\d_][\w.'’]*)+")


def _is_place(part: str, exact: Mapping[tuple[str, ...], str]) -> bool:
    return exact.get(entry_tokens(part)) == "place"


def split_joined_places(
    text: str,
    words: list[str],
    starts: list[int],
    ends: list[int],
    exact: Mapping[tuple[str, ...], str],
) -> tuple[list[str], list[int], list[int]]:
    """``words``/``starts``/``ends`` with each joined pair of listed places split into the
    places and the hyphen between them (offsets still index ``text``)."""
    out_words: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    k, n = 0, len(words)
    while k < n:
        w = words[k]
        if "-" not in w or not w[0].isupper():
            out_words.append(w)
            out_starts.append(starts[k])
            out_ends.append(ends[k])
            k += 1
            continue
        match = _JOINED_RE.match(text, starts[k])
        chunk = match.group() if match else w
        parts = chunk.split("-")
        if not _is_place(parts[-1], exact) and parts[-1].endswith("."):
            parts[-1] = parts[-1][:-1]  # the sentence's full stop
        chunk = "-".join(parts)
        if _is_place(chunk, exact) or not all(_is_place(p, exact) for p in parts):
            out_words.append(w)
            out_starts.append(starts[k])
            out_ends.append(ends[k])
            k += 1
            continue
        position = starts[k]
        for number, part in enumerate(parts):
            if number:
                out_words.append("-")
                out_starts.append(position)
                out_ends.append(position + 1)
                position += 1
            part_words, part_starts, part_ends = tokenize(part)
            out_words += part_words
            out_starts += [position + s for s in part_starts]
            out_ends += [position + e for e in part_ends]
            position += len(part)
        while k < n and starts[k] < position:
            k += 1
    return out_words, out_starts, out_ends
