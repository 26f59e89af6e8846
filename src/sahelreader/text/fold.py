"""Accent folding: the one way sahelreader compares words, everywhere.

`fold("Ménaka") == "menaka"`. It uses Whoosh's accent table so that text folded here meets the
index's folded terms exactly (the analyzers fold with the same table). The variants below use
the same table, so whatever compares words (the recogniser's keys, outlet names, the watch
list's highlights) agrees with what search finds:

- `strip_accents` keeps the case (the entity recogniser reads capitals);
- `fold_same_length` maps one character to one, so offsets found in the folded text are
  offsets in the original (highlights).
"""

from __future__ import annotations

import re

from whoosh.support.charset import accent_map

__all__ = ["fold", "fold_same_length", "strip_accents"]

_ACCENTS: dict[int, str] = dict(accent_map)  # type: ignore[assignment]  # its keys are ints at run time
# The same table with the case kept: the table lower-cases ("É" -> "e"), this one does not.
_ACCENTS_KEEP_CASE: dict[int, str] = {
    code: (base.upper() if chr(code).isupper() else base) for code, base in _ACCENTS.items()
}

# Once lower-cased, the table maps no ASCII character to anything else (its ASCII keys are
# capitals and letters mapped to themselves): only runs of other characters are looked up,
# which is 2-3x faster on news text than translating every character.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_ACCENTS)


def fold(text: str) -> str:
    """Lower-case and strip accents the same way the analyzers do."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return _NOT_ASCII.sub(_fold_run, lowered)


def strip_accents(text: str) -> str:
    """Strip accents as :func:`fold` does, keeping the case: "Goïta" -> "Goita"."""
    return text.translate(_ACCENTS_KEEP_CASE)


def _fold_char(char: str) -> str:
    folded = char.translate(_ACCENTS_KEEP_CASE).lower()
    return folded if len(folded) == 1 else char


def fold_same_length(text: str) -> str:
    """:func:`fold`, one character for one: offsets in the result are offsets in `text`.

    A character whose folded form would be longer than one character stays as it is.
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)
