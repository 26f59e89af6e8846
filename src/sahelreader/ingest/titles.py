"""Find a title in plain text that has none marked: a short first line, or the first sentence."""

from __future__ import annotations

import re

from sahelreader.text.clean import one_line
from sahelreader.text.sentences import split_sentences

__all__ = ["MAX_TITLE_LINE", "MAX_TITLE_SENTENCE", "split_title", "title_from_text"]

MAX_TITLE_LINE = 150
MAX_TITLE_SENTENCE = 120

_WRAPPED_WIDTH = 100
_SENTENCE_WINDOW = 4096


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
    # The first sentence is found in the paragraph's start: splitting a whole 2 MB line into
    # sentences took seconds, for a title of at most MAX_TITLE_SENTENCE characters.
    paragraph = paragraph[:_SENTENCE_WINDOW]
    spans = split_sentences(paragraph)
    sentence = paragraph[spans[0][0] : spans[0][1]] if spans else paragraph
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    return sentence
