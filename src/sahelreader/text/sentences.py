"""A small, fast, rule-based sentence splitter for news text (English and French)."""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

# Words that end with a period but do not end a sentence when a capitalised
# word follows (titles, ranks, common abbreviations). Lower-case, no dot.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs mssrs dr prof col lt gen maj capt cpt sgt cpl pvt adm cmdr cdr brig
    gov sen rep pres supt insp det rev fr hon st ste jr sr esq mt ft
    mme mmes mlle mlles mgr gén gal cdt lt-col
    vs v cf al approx dept est fig figs inc ltd co corp govt univ assn bros
    jan feb mar apr jun jul aug sep sept oct nov dec
    av bd boul
    """.split()
)
# Multi-dot abbreviations ("U.S.", "a.m."): no split unless the next word
# is a typical sentence opener.
_OPENERS = frozenset(
    """
    the a an he she it they we i this that these those there but and so yet in on at
    after before since as if when while however meanwhile his her its their our
    le la les il elle ils elles nous on ce cette ces mais et en dans selon
    """.split()
)
# "No." / "no." only an abbreviation before a number ("No. 5").
_NUM_ABBREVIATIONS = frozenset({"no", "nos", "art", "vol", "p", "pp", "n°"})

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
    if low in _ABBREVIATIONS:
        return False
    if low in _NUM_ABBREVIATIONS:
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
