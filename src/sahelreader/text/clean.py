"""Make untrusted text safe to show in a terminal and tidy to store.

Article text comes from files, web pages and feeds written by strangers. A terminal interprets
escape sequences, so text that reaches the screen must not carry any: an OSC sequence can set the
window title or write to the clipboard, a CSI sequence can move the cursor or hide what follows.
Invisible characters deceive without any escape: a bidi override shows "txt.exe" as "exe.txt",
a zero-width space splits "Niamey" so that a search misses it while it looks the same.

Two ways, for two kinds of text. Article text (titles, bodies, feed titles, notes) is cleaned:
what must not be shown is removed, at import and again at every output (`clean_text`,
`one_line`, `strip_control`, `clean_spans` for a snippet with its matches). Names the user must
be able to find again (file names, URLs, error messages that quote them) are made visible
instead: each such character is written as an escape, ``\x1b`` or ``\u202e`` (`visible`).
"""

from __future__ import annotations

import itertools
import re
import textwrap
import unicodedata
from collections.abc import Iterable

__all__ = [
    "clean_spans",
    "clean_text",
    "http_link",
    "one_line",
    "strip_control",
    "tidy_paragraphs",
    "visible",
]

# Escape sequences are removed whole, so their parameters don't survive as visible garbage
# ("[31m"). String commands (OSC, DCS, SOS, PM, APC) run to a terminator; one without a
# terminator is not matched here, so only its introducer goes and the text after it stays.
_ESCAPE_SEQUENCE = re.compile(
    r"""
      (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]      # CSI: ESC [ or 8-bit CSI
    | (?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])                   # OSC, DCS, SOS, PM, APC
      [^\x07\x1b\x9c\x90\x98\x9d\x9e\x9f]* (?:\x07|\x1b\\|\x9c)  # ... up to BEL or ST
    | \x1b [\x20-\x2f]* [\x30-\x7e]                             # any other ESC sequence
    """,
    re.VERBOSE,
)
# C0 controls except \t and \n, DEL, and C1 controls. \r is handled before this runs.
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible format characters, removed from article text:
# - bidi embeddings and overrides (U+202A-202E), isolates (U+2066-2069): they reorder what the
#   terminal shows around them (a title that displays "exe.txt" while holding "txt.exe"). The
#   LRM/RLM marks (U+200E, U+200F) and the Arabic letter mark, which right-to-left text needs,
#   are kept.
# - zero-width space, joiners, word joiner, byte order mark (U+200B-200D, U+2060, U+FEFF), the
#   invisible operators (U+2061-2064) and the deprecated format controls (U+206A-206F): they
#   hide inside a word, so that it looks the same and is not (a search misses it). ZWNJ and ZWJ
#   are kept where they join, between two characters of a script or an emoji sequence: see
#   `_joins`.
# - lone surrogates (U+D800-DFFF, from a JSON "\ud800" or a file name that is not UTF-8): no
#   encoder writes them; they become U+FFFD, the replacement character, which shows that
#   something was there. A high and low surrogate side by side are joined into their character.
_INVISIBLE = re.compile("[\u200b-\u200d\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")
_FORMAT_CHAR = re.compile("[\u200b-\u200d\u202a-\u202e\u2060-\u206f\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JOINERS = "\u200c\u200d"
# What `visible` writes as an escape: the above, every C0 and C1 control, DEL, and the line and
# paragraph separators.
_HIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200d\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
_NOT_SPACE_WHITESPACE = re.compile(r"[^\S ]")
_HTTP_LINK = re.compile(r"https?://[^\s/?#]+(?:[/?#]\S*)?", re.IGNORECASE)
_NEWLINE = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_WHITESPACE_RUN = re.compile(r"\s+")
# The lookbehind starts a match only at a run's first space: without it the engine tried every
# space of a long run inside a line (quadratic: 20,000 spaces took minutes).
_TRAILING_SPACE = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n(?:[ \t\u00a0]*\n)+")


def strip_control(text: str) -> str:
    """Remove terminal escape sequences and control characters, keeping ``\\n`` and ``\\t``.

    CR LF and lone CR become ``\\n`` (a lone CR would let text overwrite the line on screen).
    Bidi embedding, override and isolate controls and zero-width characters go too (ZWJ/ZWNJ
    stay where they join), and lone surrogates become U+FFFD. Everything else printable,
    including all non-ASCII letters, is kept as it is.
    """
    if not text.isascii():
        text = _strip_invisible(text)
    if not _CONTROL_CHAR.search(text):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or _has_c1_introducer(text):
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL_CHAR.sub("", text)


def _has_c1_introducer(text: str) -> bool:
    return any(c in text for c in "\x9b\x9d\x90\x98\x9e\x9f")


def _strip_invisible(text: str) -> str:
    if not _INVISIBLE.search(text):
        return text
    if _SURROGATE.search(text):
        text = _mend_surrogates(text)
    return _FORMAT_CHAR.sub(_kept_joiner, text)


def _mend_surrogates(text: str) -> str:
    """Surrogate pairs joined into their character, lone surrogates made U+FFFD."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _kept_joiner(match: re.Match[str]) -> str:
    char = match.group()
    return char if char in _JOINERS and _joins(match.string, match.start()) else ""


def _joins(text: str, at: int) -> bool:
    """Whether the ZWJ or ZWNJ at `at` does a joiner's work, between two characters it can join.

    That is where they change how text is drawn: inside an emoji sequence (a family, a flag, a
    profession with a skin tone), in Persian and Arabic words (ZWNJ breaks a cursive join), in
    Indic conjuncts. Between Latin letters, digits, spaces or at an edge they only hide.
    """
    return 0 < at < len(text) - 1 and _joinable(text[at - 1]) and _joinable(text[at + 1])


def _joinable(char: str) -> bool:
    if char < "\u0370" or "\u1e00" <= char <= "\u1eff":  # ASCII, Latin, IPA: nothing to join
        return False
    category = unicodedata.category(char)
    return category[0] in "LM" or category in ("So", "Sk")  # letters, marks, emoji, modifiers


def clean_text(text: str) -> str:
    """Normalise newlines to ``\\n``, strip control sequences and compose to NFC (last, so that
    what was cut apart by a removed character composes too: cleaning twice changes nothing)."""
    if text.isascii() and text.isprintable():
        return text
    text = strip_control(_NEWLINE.sub("\n", text))
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def one_line(text: str) -> str:
    """Clean text meant for a single line (a title, an author): all whitespace runs become one
    space."""
    if not text:
        return ""
    return _WHITESPACE_RUN.sub(" ", clean_text(text)).strip()


def clean_spans(text: str, spans: Iterable[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """A snippet as `clean_text` would make it, on one line (line breaks and tabs become
    spaces), with its spans (search matches, offsets into `text`) moved onto the same
    characters of the result. An escape sequence cut by a span's edge loses its introducer
    either way: what is left of it is plain text."""
    spans = list(spans)
    if text.isascii() and text.isprintable():
        return text, spans
    cuts = sorted({0, len(text), *(min(max(0, p), len(text)) for span in spans for p in span)})
    moved = {0: 0}
    pieces: list[str] = []
    length = 0
    for start, end in itertools.pairwise(cuts):
        piece = _NOT_SPACE_WHITESPACE.sub(" ", clean_text(text[start:end]))
        pieces.append(piece)
        length += len(piece)
        moved[end] = length
    return "".join(pieces), [
        (moved[min(max(0, s), len(text))], moved[min(max(0, e), len(text))]) for s, e in spans
    ]


def visible(text: str) -> str:
    """Text the user must recognise or find again (a file name, a URL, an error message quoting
    them), with nothing hidden and nothing run: each control character, escape, bidi control,
    zero-width character or lone surrogate is written as a Python-style escape (``\\x1b``,
    ``\\n``, ``\\u202e``), so the line stays one line and shows what the name holds. A byte that
    was not UTF-8 in a file name (a surrogate Python decoded it to) shows as that byte, ``\\xff``.
    Everything else, accents, other scripts, LRM/RLM, joiners doing their work, stays as it is.
    """
    if text.isascii() and text.isprintable():
        return text
    return _HIDDEN.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    if char in _JOINERS and _joins(match.string, match.start()):
        return char
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's "surrogateescape" of the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def http_link(url: str) -> str:
    """`url` when it is an absolute http or https link that a terminal can show as it is (no
    space, control or invisible character), else "": only such links are shown as links,
    written to exports or opened."""
    if url and url.isprintable() and _HTTP_LINK.fullmatch(url):
        return url
    return ""


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
