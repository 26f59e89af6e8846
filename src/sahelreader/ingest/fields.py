"""Normalise single metadata values (url, source, author, language) wherever they come from."""

from __future__ import annotations

import re

from sahelreader.text.clean import one_line

__all__ = [
    "clean_author",
    "clean_language",
    "clean_url",
    "host_name",
    "relative_link",
    "site_base",
    "source_from",
]

# What an article link looks like; a regular expression is several times faster than urlsplit
# and this runs twice per record of a feed archive.
_HTTP_URL = re.compile(
    r"https?://(?:[^\s/?#@]*@)?(?P<host>[^\s/?#@:\[\]]+|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?"
    r"(?:[/?#]\S*)?",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_BARE_DOMAIN = re.compile(r"(?:[a-zA-Z0-9-]+\.)+[a-zA-Z]{2,24}/?")
_LANGUAGE = re.compile(r"([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*")
_BY = re.compile(r"^(?:by|par)\s+", re.IGNORECASE)
_EMAIL_WITH_NAME = re.compile(r"^[^\s@]+@\S+\s*\((?P<name>[^()]+)\)$")
# Hosts that serve a feed rather than the site: "rss.cnn.com" is CNN.
_HOST_PREFIXES = ("www.", "feeds.", "feed.", "rss.", "m.", "amp.")


def clean_url(value: str) -> str:
    """An absolute http(s) URL, or "" for anything else (relative links, ``javascript:``)."""
    url = one_line(value)
    return url if _HTTP_URL.fullmatch(url) else ""


def relative_link(value: str) -> str:
    """A relative reference as an export writes an article's link ("/news/world-123",
    "2024/05/story.html"), or "" for anything else (absolute, another scheme, a fragment)."""
    link = one_line(value)
    if not link or " " in link or link.startswith(("#", "//")) or _SCHEME.match(link):
        return ""
    return link


def site_base(value: str) -> str:
    """An http(s) URL to resolve relative links against, from a site's URL or bare domain
    ("https://www.example.org/rss", "example.org"); "" for anything else."""
    value = one_line(value)
    if clean_url(value):
        return value
    if _BARE_DOMAIN.fullmatch(value):
        return f"https://{value.rstrip('/')}/"
    return ""


def host_name(url: str) -> str:
    """The site's host from a URL, without "www." and feed prefixes: "bbc.co.uk"."""
    match = _HTTP_URL.fullmatch(url.strip())
    if not match:
        return ""
    host = match["host"].lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
            break
    return host


def source_from(value: str, article_url: str = "") -> str:
    """A source name. A feed or site URL given as the source becomes a host name, the
    article's own host when known (feeds live on other hosts: feeds.bbci.co.uk)."""
    name = one_line(value)
    if "://" in name and clean_url(name):
        return host_name(article_url) or host_name(name)
    return name


def clean_author(value: str) -> str:
    """An author line without the "By " in front, or the name from "mail@host (Name)"; names
    a page gives twice ("Jeffrey Gettleman; JEFFREY GETTLEMAN": its byline and its metadata)
    once, the spelling not in capitals kept."""
    author = one_line(value)
    email = _EMAIL_WITH_NAME.match(author)
    if email:
        author = email["name"].strip()
    author = _BY.sub("", author)
    if ";" not in author:
        return author
    names: dict[str, str] = {}
    for name in (part.strip() for part in author.split(";")):
        key = name.casefold()
        if name and (key not in names or names[key].isupper()):
            names[key] = name
    return "; ".join(names.values())


def clean_language(value: str) -> str:
    """The primary language subtag, lowercase ("en-UK" -> "en", "fr_FR" -> "fr"), or ""."""
    match = _LANGUAGE.fullmatch(value.strip())
    return match.group(1).lower() if match else ""
