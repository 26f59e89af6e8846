"""A small, fast, rule-based sentence splitter for news text (English and French)."""

from __future__ import annotations

import re

from sahelreader.text.wordlists import entries

__all__ = ["ABBREVIATIONS", "NUMBER_ABBREVIATIONS", "split_sentences"]


def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    always: set[str] = set()
    before_number: set[str] = set()
    for entry in entries("sahelreader.text", "abbreviations.txt"):
        word, _, note = entry.partition(" ")
        (before_number if note == "(number)" else always).add(word)
    return frozenset(always), frozenset(before_number)


# Words that end with a period but do not end a sentence when a capitalised word follows
# (titles, ranks, common abbreviations), and those that are abbreviations only before a number
# ("No. 5"). Lower-case, no dot; the one list is data/abbreviations.txt.
ABBREVIATIONS, NUMBER_ABBREVIATIONS = _abbreviations()

# Multi-dot abbreviations ("U.S.", "a.m."): no split unless the next word
# is a typical sentence opener.
_OPENERS = frozenset(entries("sahelreader.text", "sentence_openers.txt"))

_CANDIDATE_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)|\n")
_WORD_BEFORE_RE = re.compile(r"([\w.'’-]+)$")
_NEXT_WORD_RE = re.compile(r"\s*([«\"“‘'(\[]*)\s*(\w*)")
_TERMINAL = frozenset(".!?…\"'”’»)]:")


def _is_boundary(text: str, start: int, end: int) -> bool:
    """Decide whether the punctuation run text[start:end] closes a sentence."""
    nxt = _NEXT_WORD_RE.match(text, end)
    next_word = nxt.group(2) if nxt else ""
    opener = nxt.group(1) if nxt else ""
    if next_word and not opener and next_word[0].islower():
        return False  # "... to ensure", "U.S. officials"
    if text[start] != ".":
        return True  # ! ? … always end a sentence before a non-lower-case word
    run = text[start:end]
    if run.startswith(".."):
        return True  # ellipsis before a capitalised word
    m = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    if not m:
        return True
    word = m.group(1).lstrip("'’-")
    low = word.lower()
    if not word:
        return True
    if "." in word:  # U.S, a.m, e.g, i.e
        return bool(next_word) and next_word.lower() in _OPENERS and not opener
    if low in ABBREVIATIONS:
        return False
    if low in NUMBER_ABBREVIATIONS:
        return not (next_word[:1].isdigit())
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split *text* into sentences; return ``(start, end)`` character spans.

    Spans exclude surrounding whitespace. Handles abbreviations (Col., Gen., Dr.,
    Mr., U.S., ...), initials, closing quotes after the final punctuation, and
    line breaks (a line break ends a sentence unless the next line starts with
    a lower-case letter, i.e. the text is hard-wrapped).
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    seg_start = 0

    def emit(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))

    for m in _CANDIDATE_RE.finditer(text):
        s, e = m.start(), m.end()
        if s < seg_start:
            continue
        if text[s] == "\n":
            # blank line, or next line not a lower-case continuation -> boundary
            j = e
            while j < n and text[j] in " \t\r":
                j += 1
            if j < n and text[j] != "\n":
                prev = text[seg_start:s].rstrip()
                if text[j].islower() and prev and prev[-1] not in _TERMINAL:
                    continue  # hard-wrapped line
            emit(seg_start, s)
            seg_start = e
            continue
        if _is_boundary(text, s, e):
            emit(seg_start, e)
            seg_start = e
    emit(seg_start, n)
    return spans
