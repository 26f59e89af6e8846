"""Make untrusted text safe to show in a terminal and tidy to store.

Article text comes from files, web pages and feeds written by strangers. A terminal interprets
escape sequences, so text that reaches the screen must not carry any: an OSC sequence can set the
window title or write to the clipboard, a CSI sequence can move the cursor or hide what follows.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

__all__ = ["clean_text", "one_line", "strip_control", "tidy_paragraphs"]

# Escape sequences are removed whole, so their parameters don't survive as visible garbage
# ("[31m"). String commands (OSC, DCS, SOS, PM, APC) run to a terminator; one without a
# terminator is not matched here, so only its introducer goes and the text after it stays.
_ESCAPE_SEQUENCE = re.compile(
    r"""
      (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]      # CSI: ESC [ or 8-bit CSI
    | (?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])                   # OSC, DCS, SOS, PM, APC
      [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)                     # ... up to BEL or ST
    | \x1b [\x20-\x2f]* [\x30-\x7e]                             # any other ESC sequence
    """,
    re.VERBOSE,
)
# C0 controls except \t and \n, DEL, and C1 controls. \r is handled before this runs.
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates reorder what the terminal shows around them (a title
# that displays "exe.txt" while holding "txt.exe"); the LRM/RLM marks right-to-left text needs
# are kept.
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_NEWLINE = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_WHITESPACE_RUN = re.compile(r"\s+")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n(?:[ \t\u00a0]*\n)+")


def strip_control(text: str) -> str:
    """Remove terminal escape sequences and control characters, keeping ``\\n`` and ``\\t``.

    CR LF and lone CR become ``\\n`` (a lone CR would let text overwrite the line on screen).
    Bidi embedding, override and isolate controls go too. Everything else printable, including
    all non-ASCII letters, is kept as it is.
    """
    if not text.isascii():
        text = _BIDI_CONTROL.sub("", text)
    if not _CONTROL_CHAR.search(text):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or _has_c1_introducer(text):
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL_CHAR.sub("", text)


def _has_c1_introducer(text: str) -> bool:
    return any(c in text for c in "\x9b\x9d\x90\x98\x9e\x9f")


def clean_text(text: str) -> str:
    """Normalise newlines to ``\\n``, compose to NFC and strip control sequences."""
    if text.isascii() and text.isprintable():
        return text
    text = _NEWLINE.sub("\n", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return strip_control(text)


def one_line(text: str) -> str:
    """Clean text meant for a single line (a title, an author): all whitespace runs become one
    space."""
    if not text:
        return ""
    return _WHITESPACE_RUN.sub(" ", clean_text(text)).strip()


def tidy_paragraphs(text: str) -> str:
    """Clean a body of text: trailing spaces go, runs of blank lines become one blank line,
    indentation shared by all lines goes (feeds indent their text like their XML), and the
    text is stripped. Line breaks inside paragraphs are kept."""
    text = clean_text(text)
    if "\n" not in text:
        return text.strip()
    text = _TRAILING_SPACE.sub("", text)
    return textwrap.dedent(_BLANK_LINES.sub("\n\n", text)).strip()


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 article", "2 articles", "1,204 articles": a count with its noun agreeing."""
    return f"{count:,} {noun if count == 1 else (many or noun + 's')}"
