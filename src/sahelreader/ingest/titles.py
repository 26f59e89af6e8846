"""Find a title in plain text that has none marked: a short first line, or the first sentence."""

from __future__ import annotations

import re

from sahelreader.text.clean import one_line

__all__ = ["MAX_TITLE_LINE", "MAX_TITLE_SENTENCE", "split_title", "title_from_text"]

MAX_TITLE_LINE = 150
MAX_TITLE_SENTENCE = 120

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+")
_OPENING = "\"'“‘«([¿¡"
# Words that end with a full stop without ending the sentence (English and French).
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt maj capt cpt sgt adm sen rep gov pres st jr sr inc ltd corp "
    "vs etc approx dept fig jan feb mar apr jun jul aug sep sept oct nov dec m mm mme mmes "
    "mlle mgr pr".split()
)
_WRAPPED_WIDTH = 100


def split_title(text: str) -> tuple[str, str]:
    """Split clean plain text into (title, body).

    A short first line that reads as a heading is the title, and the body is what follows.
    Otherwise the title is the first sentence (see :func:`title_from_text`) and the body is the
    whole text. Both are empty when the text is.
    """
    text = text.strip("\n")
    first, _, rest = text.partition("\n")
    if rest.strip() and _is_heading(first.strip(), rest):
        return one_line(first), rest.lstrip("\n").rstrip()
    return title_from_text(text), text.strip()


def title_from_text(text: str) -> str:
    """The first sentence of the text's first paragraph, without its full stop, cut at a word
    boundary to at most MAX_TITLE_SENTENCE characters with "…" when longer."""
    paragraph = one_line(text.strip().split("\n\n", 1)[0])
    sentence = _first_sentence(paragraph)
    if len(sentence) <= MAX_TITLE_SENTENCE:
        return sentence
    cut = sentence[: MAX_TITLE_SENTENCE - 1]
    if sentence[MAX_TITLE_SENTENCE - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–—-") + "…"


def _is_heading(line: str, rest: str) -> bool:
    if not line or len(line) > MAX_TITLE_LINE:
        return False
    if rest.startswith("\n") or rest.startswith(" \n"):
        return True  # a blank line follows: the line stands alone
    next_line = rest.split("\n", 1)[0].strip()
    if line.endswith((",", ";", ":", ".")) and not line.endswith(("...", "..")):
        return False  # a sentence or a clause, with the next one on the next line
    if re.search(r"\w-$", line) or (next_line[:1].islower()):
        return False  # a word or sentence running on to the next line
    # Hard-wrapped prose: lines of about the same width, none longer than a terminal's.
    return not (len(line) >= 55 and len(line) - 20 <= len(next_line) <= _WRAPPED_WIDTH)


def _first_sentence(paragraph: str) -> str:
    for match in _SENTENCE_END.finditer(paragraph):
        following = paragraph[match.end() : match.end() + 2]
        starts_sentence = (
            following[:1].isupper()
            or following[:1].isdigit()
            or (following[:1] in _OPENING and following[1:2].isupper())
        )
        if starts_sentence and not _ends_with_abbreviation(paragraph[: match.start() + 1]):
            sentence = paragraph[: match.end()].rstrip()
            break
    else:
        sentence = paragraph
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    return sentence


def _ends_with_abbreviation(text: str) -> bool:
    if not text.endswith("."):
        return False
    word = text[:-1].rsplit(None, 1)[-1] if text[:-1].strip() else ""
    word = word.lstrip(_OPENING)
    # "U.S.", "U.N.", initials ("J. Smith"), "Mr.", "M. Tiani"
    return "." in word or len(word) == 1 or word.lower() in _ABBREVIATIONS
