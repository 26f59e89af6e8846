"""Extract http(s) links from article text."""

from __future__ import annotations

import re

__all__ = ["extract_links"]

# Scheme must be http or https, not glued to a preceding word character (so
# "xhttps://" or "javascript:..." never match), then at least one host char.
_URL_RE = re.compile(r"(?<![\w.+-])https?://[^\s<>\"'`{}|\\^\[\]«»“”‘’]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}*_~"


def _trim(url: str) -> str:
    while url:
        last = url[-1]
        if last == ")" and url.count("(") >= url.count(")"):
            break  # balanced parenthesis belongs to the URL (e.g. Wikipedia)
        if last not in _TRAILING:
            break
        url = url[:-1]
    return url


def extract_links(text: str) -> list[str]:
    """Return the http(s) URLs in *text*, deduplicated, in order of appearance.

    Trailing sentence punctuation and closing brackets that are not part of the
    URL are trimmed. Other schemes (``javascript:``, ``file:``, ``mailto:``...)
    are ignored.
    """
    seen: set[str] = set()
    out: list[str] = []
    for m in _URL_RE.finditer(text):
        url = _trim(m.group(0))
        # need a host: something after "://" that isn't only punctuation
        host = url.split("://", 1)[1].split("/", 1)[0]
        if not any(c.isalnum() for c in host):
            continue
        if url not in seen:
            seen.add(url)
            out.append(url)
    return out
