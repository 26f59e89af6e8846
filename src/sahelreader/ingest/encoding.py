"""Turn the bytes of a file into text, guessing the encoding when the file doesn't say."""

from __future__ import annotations

import codecs
import re
import unicodedata

from sahelreader.ingest.errors import IngestError
from sahelreader.text.clean import clean_text

__all__ = ["NOT_TEXT", "decode_bytes", "decode_text", "declared_html_charset"]

NOT_TEXT = "not text (looks like binary data)"
# Past this share of characters that no text has (controls, undecodable bytes, unassigned
# code points), a file is binary data whatever its name says.
_MAX_NOT_TEXT_SHARE = 0.10
_NOT_TEXT_SAMPLE = 65536
_ODD = ("Cn", "Cs")  # unassigned code points, lone surrogates
_NOT_TEXT_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Browsers read these labels as windows-1252 (WHATWG Encoding Standard); so do the pages.
_AS_CP1252 = frozenset(
    {
        "ascii",
        "us-ascii",
        "iso-8859-1",
        "iso8859-1",
        "latin1",
        "latin-1",
        "l1",
        "cp819",
        "ibm819",
        "windows-1252",
        "cp1252",
        "x-cp1252",
    }
)

# A word with a symbol in the middle ("Za¿ó³æ") is Central European text read as cp1252.
_LATIN_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
_SYMBOL_INSIDE_WORD = re.compile(
    f"[{_LATIN_LETTER}][\u00a1-\u00b6\u00b8-\u00bf×÷][{_LATIN_LETTER}]"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WESTERN_SAMPLE = 65536
_META_CHARSET = re.compile(
    rb"""<meta[^<>]+charset\s*=\s*["']?\s*([a-zA-Z0-9._:-]+)""", re.IGNORECASE
)


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode a file's bytes to clean text (newlines ``\\n``, NFC, no control characters).

    In order: a byte-order mark (UTF-8, UTF-16, UTF-32); valid UTF-8; the ``declared`` charset
    (e.g. from an HTML ``<meta>``), when Python knows it and the bytes fit it; UTF-16 without a
    mark; cp1252 when the result reads as Western European text; charset-normalizer's guess;
    cp1252 with Latin-1 for its five undefined bytes. It never raises on bad bytes.
    """
    return clean_text(_decode(data, declared))


def decode_as_is(data: bytes) -> str:
    """A file's characters, decoded as :func:`decode_bytes` decodes them but nothing else
    changed: line endings (``\\r\\n``), normalisation and control characters stay, so that
    offsets into the result slice the file's own text."""
    return _decode(data, None)


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """:func:`decode_bytes` for a file that should be text: raises IngestError (``NOT_TEXT``)
    when the decoded characters are mostly not text, or hold a NUL (which no text file has once
    UTF-16 or UTF-32 is decoded)."""
    raw = _decode(data, declared)
    if looks_binary(raw):
        raise IngestError(NOT_TEXT)
    return clean_text(raw)


def looks_binary(text: str) -> bool:
    """True for decoded characters that are binary data: a NUL, or over a tenth of them
    controls, replacement characters or unassigned code points (in the first 64k)."""
    if "\x00" in text:
        return True
    sample = text[:_NOT_TEXT_SAMPLE]
    if not sample:
        return False
    odd = len(_NOT_TEXT_CHAR.findall(sample))
    odd += sum(1 for char in _NON_ASCII.findall(sample) if unicodedata.category(char) in _ODD)
    return odd > _MAX_NOT_TEXT_SHARE * len(sample)


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        text = _decode_declared(data, declared)
        if text is not None:
            return text
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    western = _cp1252(data)
    if _reads_as_western(western):
        return western
    guess = _charset_normalizer_guess(data)
    return guess if guess is not None else western


def _decode_declared(data: bytes, declared: str) -> str | None:
    label = declared.strip().lower()
    if label in _AS_CP1252:
        return _cp1252(data)
    if label.startswith(("utf-16", "utf-32", "utf16", "utf32")):
        # A UTF-16 page could not have spelled its <meta> in ASCII: the label is wrong.
        return None
    try:
        return data.decode(codecs.lookup(label).name)
    except (LookupError, UnicodeDecodeError):
        return None


def _bomless_utf16(data: bytes) -> str | None:
    # Text in a Latin script saved as UTF-16 has a zero byte in every other position.
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a file pasted together, a truncated copy) stays UTF-8: its
    valid multi-byte sequences would otherwise all turn into mojibake."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    # Text in a single-byte encoding almost never forms a valid multi-byte sequence ("é" is one
    # byte followed by ASCII), so as many good sequences as bad bytes means UTF-8.
    return text if good and good >= bad else None


def _cp1252(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; Latin-1 maps them to C1 controls, removed later.
    return "".join(
        chunk.decode("cp1252", errors="strict") if i % 2 == 0 else chunk.decode("latin-1")
        for i, chunk in enumerate(re.split(rb"([\x81\x8d\x8f\x90\x9d]+)", data))
    )


def _reads_as_western(text: str) -> bool:
    """True when text decoded as cp1252 looks like a Western European language rather than
    another single-byte encoding (Cyrillic, Greek, Central European) read the wrong way."""
    letters = 0
    accented = 0
    for char in text[:_WESTERN_SAMPLE]:
        if char.isalpha():
            letters += 1
            if char > "\x7f":
                accented += 1
    if letters == 0:
        return True
    # French, Spanish, German, Portuguese: well under a third of letters carry an accent;
    # Cyrillic or Greek read as cp1252 is almost all accented Latin letters.
    return accented <= 0.3 * letters and not _SYMBOL_INSIDE_WORD.search(text)


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None
